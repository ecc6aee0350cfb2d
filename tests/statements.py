"""Counting the SQL a service runs: a test that fails when a list reads row by row (N+1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import event


class Statement(NamedTuple):
    """One statement run: its SQL and its parameters."""

    sql: str
    parameters: Any


@contextmanager
def selects_run(db) -> Iterator[list[Statement]]:
    """The SELECT statements run on ``db``'s engine inside the block (transaction statements
    left out), in order."""
    statements: list[Statement] = []

    def record(conn, cursor, statement: str, parameters, *args) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(Statement(statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
