"""markets: regions within countries, companies, products, exports and target markets

Revision ID: 0014_markets
Revises: 0012_visit_attachments
Create Date: 2026-12-07 11:02:02.609531

``market_region`` is a region of one country (unique name within it); ``company`` the
province's exporters, producers, universities and science parks with their directory
contacts (``company_contact``); ``product`` a company's products; ``export_record`` a
company's exports to a country (or region) in a Jalali year, in USD; ``target_market`` a
country or region × product or sector, with its influential people
(``target_market_person``, directory links) and supplying companies
(``target_market_company``).  Companies, products, markets and regions join the global
search: on SQLite their index triggers are installed here (a frozen copy of the text
``services.search_upkeep.search_index_ddl`` generates).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_markets"
down_revision = "0013_meetings"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
# (code, table) of the kinds this revision adds to the search; all are archivable.
SEARCH_SOURCES = (
    (11, "company"),
    (12, "product"),
    (13, "target_market"),
    (14, "market_region"),
)


def _rowid(prefix: str, code: int) -> str:
    return f"({code * KIND_SPAN} + {prefix}.id)"


def _trigger_ddl(code: int, table: str) -> list[str]:
    live_new = " AND new.archived_at IS NULL"
    return [
        f"CREATE TRIGGER search_fts_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO search_fts(rowid, key) VALUES ({_rowid('new', code)}, new.search_key); END",
        f"CREATE TRIGGER search_fts_{table}_au AFTER UPDATE OF search_key, archived_at ON {table} "
        f"BEGIN DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; "
        f"INSERT INTO search_fts(rowid, key) SELECT {_rowid('new', code)}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER search_fts_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; END",
    ]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.create_table(
        "company",
        sa.Column("name_fa", sa.String(length=250), nullable=False),
        sa.Column("name_en", sa.String(length=250), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sector", sa.String(length=30), nullable=False),
        sa.Column("city_fa", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=250), nullable=False),
        sa.Column("website", sa.String(length=250), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
        sa.UniqueConstraint("uuid", name=op.f("uq_company_uuid")),
    )
    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_company_sector"), ["sector"], unique=False)

    op.create_table(
        "market_region",
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("name_fa", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_market_region_country_id_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_market_region")),
        sa.UniqueConstraint("country_id", "name_fa", name=op.f("uq_market_region_country_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_market_region_uuid")),
    )
    with op.batch_alter_table("market_region", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_market_region_country_id"), ["country_id"], unique=False
        )

    op.create_table(
        "product",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("name_fa", sa.String(length=250), nullable=False),
        sa.Column("name_en", sa.String(length=250), nullable=False),
        sa.Column("hs_code", sa.String(length=12), nullable=False),
        sa.Column("sector", sa.String(length=30), nullable=False),
        sa.Column("annual_capacity", sa.Float(), nullable=True),
        sa.Column("capacity_unit", sa.String(length=40), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_product_company_id_company")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("uuid", name=op.f("uq_product_uuid")),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_company_id"), ["company_id"], unique=False)

    op.create_table(
        "export_record",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("jalali_year", sa.Integer(), nullable=False),
        sa.Column("value_usd", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_export_record_company_id_company")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_export_record_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_export_record_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["market_region.id"],
            name=op.f("fk_export_record_region_id_market_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_record")),
        sa.UniqueConstraint("uuid", name=op.f("uq_export_record_uuid")),
    )
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_export_record_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            "ix_export_record_year_country",
            ["jalali_year", "country_id", "value_usd"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_export_record_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_export_record_region_id"), ["region_id"], unique=False)
        batch_op.create_index(
            "ix_export_record_year_company",
            ["jalali_year", "company_id", "value_usd", "country_id"],
            unique=False,
        )

    op.create_table(
        "target_market",
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("sector", sa.String(length=30), nullable=False),
        sa.Column("demand_notes", sa.Text(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("barriers", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("info_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_target_market_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_target_market_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["market_region.id"],
            name=op.f("fk_target_market_region_id_market_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_market")),
        sa.UniqueConstraint("uuid", name=op.f("uq_target_market_uuid")),
    )
    with op.batch_alter_table("target_market", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_target_market_country_id"), ["country_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_target_market_priority"), ["priority"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_target_market_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_target_market_region_id"), ["region_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_target_market_status"), ["status"], unique=False)

    op.create_table(
        "company_contact",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_contact_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_company_contact_person_id_person")
        ),
        sa.PrimaryKeyConstraint("company_id", "person_id", name=op.f("pk_company_contact")),
    )
    with op.batch_alter_table("company_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_contact_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "target_market_company",
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_target_market_company_company_id_company")
        ),
        sa.ForeignKeyConstraint(
            ["market_id"],
            ["target_market.id"],
            name=op.f("fk_target_market_company_market_id_target_market"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("market_id", "company_id", name=op.f("pk_target_market_company")),
    )
    with op.batch_alter_table("target_market_company", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_target_market_company_company_id"), ["company_id"], unique=False
        )

    op.create_table(
        "target_market_person",
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["market_id"],
            ["target_market.id"],
            name=op.f("fk_target_market_person_market_id_target_market"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_target_market_person_person_id_person")
        ),
        sa.PrimaryKeyConstraint("market_id", "person_id", name=op.f("pk_target_market_person")),
    )
    with op.batch_alter_table("target_market_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_target_market_person_person_id"), ["person_id"], unique=False
        )
    if _sqlite():  # the search index (FTS5) exists only there
        for code, table in SEARCH_SOURCES:
            for statement in _trigger_ddl(code, table):
                op.execute(statement)


def downgrade() -> None:
    if _sqlite():
        for code, table in SEARCH_SOURCES:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix}")
            lo = code * KIND_SPAN
            op.execute(f"DELETE FROM search_fts WHERE rowid BETWEEN {lo} AND {lo + KIND_SPAN - 1}")
    with op.batch_alter_table("target_market_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_market_person_person_id"))

    op.drop_table("target_market_person")
    with op.batch_alter_table("target_market_company", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_market_company_company_id"))

    op.drop_table("target_market_company")
    with op.batch_alter_table("company_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_contact_person_id"))

    op.drop_table("company_contact")
    with op.batch_alter_table("target_market", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_market_status"))
        batch_op.drop_index(batch_op.f("ix_target_market_region_id"))
        batch_op.drop_index(batch_op.f("ix_target_market_product_id"))
        batch_op.drop_index(batch_op.f("ix_target_market_priority"))
        batch_op.drop_index(batch_op.f("ix_target_market_country_id"))

    op.drop_table("target_market")
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        batch_op.drop_index("ix_export_record_year_company")
        batch_op.drop_index(batch_op.f("ix_export_record_region_id"))
        batch_op.drop_index(batch_op.f("ix_export_record_product_id"))
        batch_op.drop_index("ix_export_record_year_country")
        batch_op.drop_index(batch_op.f("ix_export_record_company_id"))

    op.drop_table("export_record")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_company_id"))

    op.drop_table("product")
    with op.batch_alter_table("market_region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_market_region_country_id"))

    op.drop_table("market_region")
    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_sector"))

    op.drop_table("company")
