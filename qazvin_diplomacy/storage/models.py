"""Import every model module so ``Base.metadata`` knows all tables (Alembic, create_all)."""

from qazvin_diplomacy.storage import agreements, attachments, directory, followups, visits  # noqa: F401
from qazvin_diplomacy.storage.base import Base

metadata = Base.metadata
