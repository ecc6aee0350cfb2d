"""Import every model module so ``Base.metadata`` knows all tables (Alembic, create_all)."""

from qazvin_diplomacy.storage import (  # noqa: F401
    agreements,
    attachments,
    audit,
    capacities,
    delegations,
    directory,
    events,
    followups,
    holidays,
    letters,
    markets,
    meetings,
    rank_table,
    users,
    visits,
)
from qazvin_diplomacy.storage.base import Base

metadata = Base.metadata

# Tables that live outside the models: the FTS5 search index and its shadow tables,
# created by raw SQL in a migration and maintained by triggers.
UNMODELLED_TABLE_PREFIXES = ("search_fts",)


def include_in_schema(name: str | None, type_: str, _parent: object) -> bool:
    """Alembic ``include_name`` hook: compare every table but the unmodelled ones."""
    return not (type_ == "table" and (name or "").startswith(UNMODELLED_TABLE_PREFIXES))
