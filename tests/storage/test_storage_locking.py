"""Optimistic locking: a stale update is refused and changes nothing."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import StaleRecordError
from qazvin_diplomacy.services import directory


def test_stale_update_raises_and_changes_nothing(db) -> None:
    created = directory.save_person(db, person=PersonInput(name_fa="علی رضایی", title_fa="رایزن"))
    assert created.version == 1
    first = directory.save_person(
        db, person=PersonInput(**{**_fields(created), "title_fa": "رایزن اقتصادی"})
    )
    assert first.version == 2
    with pytest.raises(StaleRecordError) as info:
        directory.save_person(db, person=PersonInput(**{**_fields(created), "title_fa": "سفیر"}))
    assert "تغییر داده" in info.value.message
    again = directory.get_person(db, created.id)
    assert again.title_fa == "رایزن اقتصادی"
    assert again.version == 2


def test_concurrent_session_update_is_detected_by_the_database(db) -> None:
    """Two sessions read the same row; the second flush finds the version moved on."""
    from sqlalchemy.orm.exc import StaleDataError

    from qazvin_diplomacy.storage.directory import Person

    person = directory.save_person(db, person=PersonInput(name_fa="مریم احمدی"))
    s1, s2 = db.read_session(), db.read_session()
    try:
        a, b = s1.get(Person, person.id), s2.get(Person, person.id)
        s2.commit()  # end the read transaction; ``b`` keeps the version it read
        a.title_fa = "یک"
        s1.commit()
        b.title_fa = "دو"
        with pytest.raises(StaleDataError):
            s2.commit()
    finally:
        s1.close()
        s2.close()
    assert directory.get_person(db, person.id).title_fa == "یک"


def _fields(view: object) -> dict[str, object]:
    names = PersonInput.__dataclass_fields__
    return {name: getattr(view, name) for name in names}
