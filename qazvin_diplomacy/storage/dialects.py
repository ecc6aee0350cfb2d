"""SQL written once that each database spells its own way."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class not_indexed(FunctionElement[Any]):
    """``column`` with SQLite told not to pick an index on it (``+column``).

    SQLite's query-planner hint: a unary plus on a column keeps it from choosing an index for
    that term.  PostgreSQL has no unary plus for dates and plans for itself: there it is the
    plain column.
    """

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        self.type = column.type  # the column's own type, so comparisons bind as usual
        super().__init__(column)


@compiles(not_indexed)
def _plain(element: not_indexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(not_indexed, "sqlite")
def _plus(element: not_indexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)
