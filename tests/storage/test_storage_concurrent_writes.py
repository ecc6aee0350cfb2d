"""Two desks writing one SQLite file (WAL): a unit of work that reads, then writes, waits its turn.

Before, a write session began as a reader (``BEGIN``); when another desk committed between its
first read and its first write, SQLite refused the upgrade at once ("database is locked",
SQLITE_BUSY_SNAPSHOT) without using the busy timeout, and the clerk's save failed as "busy"
(``tests/bench/bench_desks.py`` counted 84 of them in 20 s with 4 desks).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.services.directory import get_person, save_person
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person


@pytest.mark.sqlite_only(reason="SQLite's write lock in WAL mode")
def test_a_read_then_write_unit_of_work_waits_for_another_desk(
    database_target: Path | str,
) -> None:
    desk_a, desk_b = Database.open(database_target), Database.open(database_target)
    try:
        person = save_person(desk_a, person=PersonInput(name_fa="نفر نخست"))
        read_done = threading.Event()
        errors: list[BaseException] = []

        def slow_clerk() -> None:
            try:
                with desk_a.session() as session:
                    row = session.get(Person, person.id)  # reads first …
                    read_done.set()
                    time.sleep(0.3)  # … while the other desk saves
                    assert row is not None
                    row.notes = "desk A"
            except BaseException as exc:
                errors.append(exc)

        clerk = threading.Thread(target=slow_clerk)
        clerk.start()
        assert read_done.wait(5)
        save_person(desk_b, person=PersonInput(name_fa="نفر دوم"))  # waits for desk A's commit
        clerk.join(10)
        assert errors == []
        assert get_person(desk_b, person.id).notes == "desk A"
    finally:
        desk_a.close()
        desk_b.close()


def test_reading_sessions_do_not_take_the_write_lock(database_target: Path | str) -> None:
    """A long read (a report) does not hold up a save on another desk."""
    reader, writer = Database.open(database_target), Database.open(database_target)
    try:
        with reader.read_session() as session:
            session.get(Person, 1)
            started = time.perf_counter()
            save_person(writer, person=PersonInput(name_fa="نفر سوم"))
            assert time.perf_counter() - started < 2.0
    finally:
        reader.close()
        writer.close()
