"""Global search: spelling variants unified, every kind found, the index kept current by triggers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.text import index_key
from qazvin_diplomacy.services.directory import (
    archive_person,
    country_by_code,
    get_person,
    restore_person,
    save_organization,
    save_person,
)
from qazvin_diplomacy.services.search import FTS_TABLE, search
from qazvin_diplomacy.services.search_sources import SEARCH_SOURCES
from qazvin_diplomacy.services.search_upkeep import (
    rebuild_search_index,
    search_index_ddl,
    search_index_problems,
)
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.events import Event
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.models import metadata
from qazvin_diplomacy.storage.visits import Visit

ZWNJ = "\u200c"


def _ids(results, kind: str) -> list[int]:
    group = results.group(kind)
    return [h.id for h in group.hits] if group else []


@pytest.fixture
def ambassador(db: Database) -> int:
    tj = country_by_code(db, "TJ")
    org = save_organization(
        db,
        org=OrganizationInput(
            name_fa="سفارت جمهوری تاجیکستان در تهران",
            name_en="Embassy of Tajikistan",
            kind="embassy",
            country_id=tj.id,
        ),
    )
    person = save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده",
            name_en="Jamshed Qodirzoda",
            title_fa="سفیر تاجیکستان",
            organization_id=org.id,
            country_id=tj.id,
        ),
    )
    return person.id


@pytest.mark.parametrize(
    "query",
    [
        "سفیر تاجیکستان",
        "سفير تاجيكستان",  # Arabic Yeh and Kaf
        "ســفیر تاجیــکستان",  # tatweel
        "سَفیرِ تاجیکستان",  # diacritics
        "تاجیک",  # a partial word
        "تاجیک سفیر",  # words in another order
        "QODIRZODA",  # Latin, other case
        "qodir",
    ],
)
def test_the_ambassador_of_tajikistan_is_found_however_typed(
    db: Database, ambassador: int, query: str
) -> None:
    assert ambassador in _ids(search(db, query), "person")


def test_zwnj_space_or_nothing_are_the_same(db: Database) -> None:
    variants = [f"مهدی{ZWNJ}زاده", "مهدی زاده", "مهدیزاده", f"مهدي{ZWNJ}زاده"]
    ids = [save_person(db, person=PersonInput(name_fa=f"رضا {v}")).id for v in variants]
    for query in variants + ["مهدیزاده", "مهدی زاده"]:
        found = _ids(search(db, query, limit_per_kind=20), "person")
        assert sorted(found) == sorted(ids), query


def test_digit_scripts_are_the_same(db: Database) -> None:
    org = save_organization(db, org=OrganizationInput(name_fa="شرکت نمونه ۱۲۳"))
    for query in ("نمونه 123", "نمونه ۱۲۳", "نمونه ١٢٣", "123"):
        assert _ids(search(db, query), "organization") == [org.id], query


def test_no_false_hits_and_empty_queries(db: Database, ambassador: int) -> None:
    assert search(db, "ونزوئلا سفیر").group("person") is None
    assert search(db, "").empty
    assert search(db, "  ،؛ ").empty


def test_every_kind_is_searched_and_grouped_in_order(db: Database, ambassador: int) -> None:
    now = datetime(2025, 10, 1, 8, 0, tzinfo=UTC)
    with db.session() as s:
        s.add(
            Visit(
                title="دیدار هیئت زعفران",
                start_at=now,
                end_at=now,
                search_key=index_key("دیدار هیئت زعفران"),
            )
        )
        s.add(
            Agreement(
                title="تفاهم‌نامه زعفران",
                status_changed_at=now,
                search_key=index_key("تفاهم‌نامه زعفران"),
            )
        )
        s.add(
            Event(
                title_fa="جشنواره زعفران",
                start_date=date(2025, 10, 1),
                end_date=date(2025, 10, 2),
                search_key=index_key("جشنواره زعفران"),
            )
        )
        s.add(FollowUpTask(title="ارسال نمونه زعفران", search_key=index_key("ارسال نمونه زعفران")))
    save_organization(db, org=OrganizationInput(name_fa="اتحادیه زعفران قزوین"))
    save_person(db, person=PersonInput(name_fa="مریم زعفرانی"))
    results = search(db, "زعفران")
    assert [g.kind for g in results.groups] == [
        "person",
        "organization",
        "visit",
        "agreement",
        "event",
        "followup",
    ]
    visit = results.group("visit").hits[0]
    assert visit.title == "دیدار هیئت زعفران"
    assert visit.subtitle.startswith("۱۴۰۴/۰۷/۰۹")  # 1 Oct 2025 in Tehran, as Jalali text
    assert results.group("event").hits[0].subtitle.startswith("۱۴۰۴/۰۷/۰۹")
    assert len(results.hits) == 6


def test_country_found_and_subtitles(db: Database, ambassador: int) -> None:
    results = search(db, "تاجیکستان")
    assert _ids(results, "country") == [country_by_code(db, "TJ").id]
    hit = results.group("person").hits[0]
    assert hit.title == "جمشید قادرزاده" and hit.title_en == "Jamshed Qodirzoda"
    assert "سفیر تاجیکستان" in hit.subtitle and "سفارت جمهوری تاجیکستان" in hit.subtitle
    # English words where the record has them (organization, country), Persian where not.
    assert hit.subtitle_en == "سفیر تاجیکستان, Embassy of Tajikistan, Tajikistan"


def test_index_follows_every_write(db: Database, ambassador: int) -> None:
    view = get_person(db, ambassador)
    save_person(db, person=PersonInput(name_fa="بهروز نوروزی", id=view.id, version=view.version))
    assert _ids(search(db, "قادرزاده"), "person") == []
    assert _ids(search(db, "نوروزی"), "person") == [ambassador]
    view = get_person(db, ambassador)
    archive_person(db, person_id=ambassador, version=view.version)
    assert _ids(search(db, "نوروزی"), "person") == []
    restore_person(db, person_id=ambassador, version=view.version + 1)
    assert _ids(search(db, "نوروزی"), "person") == [ambassador]
    with db.session() as s:
        s.execute(text("DELETE FROM person WHERE id = :i"), {"i": ambassador})
    assert _ids(search(db, "نوروزی"), "person") == []
    assert search_index_problems(db) == []


def test_short_queries_look_at_field_starts_in_the_directory(db: Database) -> None:
    abbas = save_person(db, person=PersonInput(name_fa="عباس کیانی", name_en="Abbas Kiani")).id
    save_person(
        db, person=PersonInput(name_fa="Kabir Rahimi", name_en="Kabir Rahimi")
    )  # "ab" inside a word
    with db.session() as s:
        now = datetime(2025, 10, 1, tzinfo=UTC)
        s.add(Visit(title="ab visit", start_at=now, end_at=now, search_key=index_key("ab visit")))
    results = search(db, "ab")
    assert _ids(results, "person") == [abbas]
    assert results.group("visit") is None  # 1–2 letters: directory only
    assert abbas in _ids(search(db, "ع"), "person")
    # A short term beside a long one filters what the index found.
    assert _ids(search(db, "کیانی ab"), "person") == [abbas]
    assert _ids(search(db, "کیانی zz"), "person") == []
    # From the third letter on, visits too.
    assert search(db, "visit").group("visit") is not None


@pytest.fixture
def spread_out(db: Database) -> dict[str, int]:
    """Records whose words sit in different fields: title, organization, country."""
    tj = country_by_code(db, "TJ")
    ir = country_by_code(db, "IR")
    uni = save_organization(
        db, org=OrganizationInput(name_fa="دانشگاه بین‌المللی", country_id=ir.id)
    )
    head = save_person(
        db,
        person=PersonInput(
            name_fa="کامران عزیزی", title_fa="سفیر جمهوری", country_id=tj.id, organization_id=None
        ),
    )
    deputy = save_person(
        db,
        person=PersonInput(
            name_fa="مینا سلطانی", title_fa="معاون", organization_id=uni.id, country_id=ir.id
        ),
    )
    other = save_person(db, person=PersonInput(name_fa="سفیر زاده", country_id=ir.id))
    return {"head": head.id, "deputy": deputy.id, "other": other.id}


@pytest.mark.parametrize(
    "query", ["سفیرتاجیکستان", "سفيرتاجيكستان", "تاجیکستانسفیر", "سفیر\u200cتاجیکستان"]
)
def test_words_typed_without_a_space_are_found_across_fields(
    db: Database, spread_out: dict[str, int], query: str
) -> None:
    assert _ids(search(db, query), "person") == [spread_out["head"]]


def test_three_glued_words_are_cut_in_three(db: Database, spread_out: dict[str, int]) -> None:
    # «معاون» (title) + «دانشگاه» (organization) + «ایران» (country): no two-way cut matches.
    assert _ids(search(db, "معاوندانشگاهایران"), "person") == [spread_out["deputy"]]
    assert search(db, "معاونزعفرانایران").empty


def test_a_kind_where_the_typed_word_matches_is_not_cut(
    db: Database, spread_out: dict[str, int]
) -> None:
    # Someone's title holds «سفیرتاجیکستان» as typed: among people that is a real word, so
    # the ambassador (whose «سفیر» and «تاجیکستان» sit in different fields) is not added.
    glued = save_person(db, person=PersonInput(name_fa="نماینده", title_fa="سفیرتاجیکستان‌نشین")).id
    assert _ids(search(db, "سفیرتاجیکستان"), "person") == [glued]


def test_a_real_word_is_never_cut_into_fragments(db: Database) -> None:
    chargé = save_person(db, person=PersonInput(name_fa="سالم الحارثی", title_fa="کاردار موقت")).id
    # «کار» and «دار» (and «کاردا» + «ر» …) are in nearly every record; these two only hold
    # the fragments, and must not show up for «کاردار».
    save_person(db, person=PersonInput(name_fa="کاروان هورامی", title_fa="دارایی"))
    save_organization(db, org=OrganizationInput(name_fa="کارخانه داروسازی"))
    results = search(db, "کاردار")
    assert _ids(results, "person") == [chargé] and results.group("organization") is None
    # A longer word that matches as typed is not cut either: «تاجیک» + «ستان» would match
    # this person, who has neither the country nor the word.
    save_person(db, person=PersonInput(name_fa="تاجیک پور", title_fa="کارشناس استان"))
    tj = country_by_code(db, "TJ")
    envoy = save_person(db, person=PersonInput(name_fa="رستم", country_id=tj.id)).id
    assert _ids(search(db, "تاجیکستان"), "person") == [envoy]


def test_limit_has_more_and_offset(db: Database) -> None:
    ids = [save_person(db, person=PersonInput(name_fa=f"کارشناس شماره {i}")).id for i in range(12)]
    first = search(db, "کارشناس", limit_per_kind=5)
    group = first.group("person")
    assert len(group.hits) == 5 and group.has_more
    assert [h.id for h in group.hits] == sorted(ids, reverse=True)[:5]  # newest first
    rest = search(db, "کارشناس", kinds=["person"], limit_per_kind=20, offset=5)
    assert len(rest.group("person").hits) == 7 and not rest.group("person").has_more
    with pytest.raises(ValueError):
        search(db, "x", kinds=["nope"])


def test_rebuild_repairs_a_damaged_index(db: Database, ambassador: int) -> None:
    with db.session() as s:
        s.execute(text(f"DELETE FROM {FTS_TABLE}"))
        on_table = " ON person" if db.dialect == "postgresql" else ""
        s.execute(text(f"DROP TRIGGER search_fts_person_au{on_table}"))
    problems = search_index_problems(db)
    assert any("اشخاص" in p for p in problems)
    assert search(db, "قادرزاده").empty
    count = rebuild_search_index(db)
    assert count >= 250  # the countries at least
    assert search_index_problems(db) == []
    assert _ids(search(db, "قادرزاده"), "person") == [ambassador]
    view = get_person(db, ambassador)  # the trigger is back
    save_person(db, person=PersonInput(name_fa="نام تازه", id=view.id, version=view.version))
    assert _ids(search(db, "تازه"), "person") == [ambassador]


def test_missing_index_is_reported(db: Database) -> None:
    with db.session() as s:
        s.execute(text(f"DROP TABLE {FTS_TABLE}"))
    assert search_index_problems(db)
    rebuild_search_index(db)
    assert search_index_problems(db) == []


@pytest.mark.sqlite_only(reason="reads SQLite's stored trigger SQL; the PostgreSQL twin below")
def test_migration_triggers_equal_the_generated_ones(db: Database) -> None:
    with db.engine.connect() as conn:
        stored = {
            name: sql
            for name, sql in conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
            )
        }
    for source in SEARCH_SOURCES:
        for statement in search_index_ddl(source):
            name = statement.split()[2]
            assert stored.get(name) == statement, name


def test_postgresql_migration_triggers_equal_the_generated_ones() -> None:
    """Migration 0005's PostgreSQL function and triggers are the ones ``check --repair`` makes."""
    import importlib

    from qazvin_diplomacy.services.search_upkeep import (
        PG_SYNC_FUNCTION,
        search_index_ddl_postgresql,
    )

    migration = importlib.import_module("qazvin_diplomacy.storage.migrations.versions.0005_search")
    assert migration.PG_FUNCTION == PG_SYNC_FUNCTION
    known = [code for code, _table, _archivable in migration.SOURCES]
    # the kinds added later get their triggers from later migrations (0016 onwards)
    assert known == [s.code for s in SEARCH_SOURCES][: len(known)]
    for code, table, archivable in migration.SOURCES:
        source = next(s for s in SEARCH_SOURCES if s.code == code)
        assert (source.table, source.archivable) == (table, archivable)
        assert migration._pg_trigger_ddl(code, table, archivable) == search_index_ddl_postgresql(
            source
        )


def test_schema_matches_models_apart_from_the_search_index(tmp_path: Path) -> None:
    """What tests/storage/test_storage_schema_sync.py checks, with the FTS tables filtered out."""
    database = Database.open(tmp_path / "t.sqlite3")
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "include_name": lambda name, type_, parent: (
                        not (type_ == "table" and (name or "").startswith(FTS_TABLE))
                    ),
                },
            )
            assert compare_metadata(context, metadata) == []
    finally:
        database.close()


# --- phone numbers and e-mail addresses --------------------------------------------------


@pytest.fixture
def contacts(db: Database) -> dict[str, int]:
    """Contacts whose numbers are typed in Persian digits with dashes, Latin with +98, or several."""
    embassy = save_organization(
        db,
        org=OrganizationInput(
            name_fa="سفارت نمونه", phone="+98 21 8877 6655", email="info@embassy.ir"
        ),
    )
    tehran = save_person(
        db,
        person=PersonInput(name_fa="مینا احمدی", phone="۰۲۱-۲۲۳۳۴۴۵۵", email="m.ahmadi@mfa.gov.ir"),
    )
    mobile = save_person(
        db, person=PersonInput(name_fa="کاوه رحیمی", phone="+98 912 555 1234, 028 3355 1000")
    )
    return {"embassy": embassy.id, "tehran": tehran.id, "mobile": mobile.id}


@pytest.mark.parametrize(
    ("query", "kind", "who"),
    [
        ("۲۲۳۳", "person", "tehran"),  # the example: Persian digits
        ("2233", "person", "tehran"),  # stored number typed in Persian, query in Latin
        ("٢٢٣٣", "person", "tehran"),  # Arabic-Indic digits
        ("۰۲۱-۲۲۳۳", "person", "tehran"),  # with the dash
        ("021 2233 4455", "person", "tehran"),  # with spaces
        ("02122334455", "person", "tehran"),  # without any separator
        ("+98 21 2233", "person", "tehran"),  # the international form of a national number
        ("۸۸۷۷۶۶", "organization", "embassy"),  # stored in Latin with +98, typed in Persian
        ("021-8877", "organization", "embassy"),  # the national form of a +98 number
        ("09125551234", "person", "mobile"),
        ("3355 1000", "person", "mobile"),  # the second number of the field
        ("info@", "organization", "embassy"),  # e-mail fragments
        ("embassy.ir", "organization", "embassy"),
        ("mfa.gov", "person", "tehran"),
        ("m.ahmadi@mfa", "person", "tehran"),
    ],
)
def test_a_phone_or_email_fragment_finds_the_contact(
    db: Database, contacts: dict[str, int], query: str, kind: str, who: str
) -> None:
    results = search(db, query)
    assert _ids(results, kind) == [contacts[who]], query
    others = {"person", "organization"} - {kind}
    assert all(_ids(results, k) == [] for k in others), query


def test_no_match_runs_across_two_numbers_of_one_field(
    db: Database, contacts: dict[str, int]
) -> None:
    # «…1234» then «028…»: the digits «1234028» are not in any one number.
    assert search(db, "1234028").empty
    assert search(db, "22335").empty  # not a fragment of any number


def test_a_changed_phone_changes_what_is_found(db: Database, contacts: dict[str, int]) -> None:
    view = get_person(db, contacts["tehran"])
    save_person(
        db,
        person=PersonInput(
            name_fa=view.name_fa, phone="۰۲۱-۶۶۷۷۸۸۹۹", id=view.id, version=view.version
        ),
    )
    assert search(db, "۲۲۳۳").empty
    assert _ids(search(db, "6677"), "person") == [contacts["tehran"]]


def test_phone_search_fields_fold_scripts_and_add_the_other_iranian_form() -> None:
    from qazvin_diplomacy.core.directory import phone_search_fields

    assert phone_search_fields("۰۲۱-۲۲۳۳۴۴۵۵") == ["021-22334455", "982122334455"]
    assert phone_search_fields("+98 28 3355 1000; 0098 912 1112233") == [
        "+98 28 3355 1000",
        "02833551000",
        "0098 912 1112233",
        "09121112233",
    ]
    assert phone_search_fields("+7 495 123 45 67") == ["+7 495 123 45 67"]
    assert phone_search_fields("") == phone_search_fields(None) == []


# --- a damaged index ---------------------------------------------------------------------

DAMAGES = {
    "shadow table dropped": f"DROP TABLE {FTS_TABLE}_idx",
    "segments deleted": f"DELETE FROM {FTS_TABLE}_data",
    "unknown format version": f"UPDATE {FTS_TABLE}_config SET v = 99 WHERE k = 'version'",
    "data table dropped": f"DROP TABLE {FTS_TABLE}_data",
}


def _damage(db: Database, statement: str) -> None:
    """Damage the index as another program (or a bad disk) would: beside the open database."""
    import sqlite3

    db.engine.dispose()  # pooled connections would keep the index's settings they have read
    with sqlite3.connect(db.path) as conn:
        conn.execute(statement)


@pytest.mark.sqlite_only(reason="damages FTS5's shadow tables inside the SQLite file")
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_index_is_named_and_repaired(db: Database, ambassador: int, damage: str) -> None:
    from qazvin_diplomacy.core.errors import KnownError
    from qazvin_diplomacy.services.search import SearchIndexDamaged

    _damage(db, DAMAGES[damage])
    with pytest.raises(SearchIndexDamaged) as caught:
        search(db, "قادرزاده")
    assert isinstance(caught.value, KnownError)
    assert "check --repair" in caught.value.message and "آسیب" in caught.value.message
    assert "check --repair" in caught.value.message_en
    # A write fires the index's triggers: refused with the same message, nothing written.
    with db.engine.connect() as conn:
        people = conn.exec_driver_sql("SELECT count(*) FROM person").scalar_one()
    with pytest.raises(SearchIndexDamaged) as caught:
        save_person(db, person=PersonInput(name_fa="نفر تازه"))
    assert "هیچ تغییری ثبت نشد" in caught.value.message
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar_one() == people
    problems = search_index_problems(db)
    assert any("آسیب" in p and "check --repair" in p for p in problems), problems
    # check --repair: the index is rebuilt even when FTS5 cannot open the damaged table.
    rebuild_search_index(db)
    assert search_index_problems(db) == []
    assert _ids(search(db, "قادرزاده"), "person") == [ambassador]
    added = save_person(db, person=PersonInput(name_fa="نفر تازه"))
    assert _ids(search(db, "نفر تازه"), "person") == [added.id]


def test_another_database_error_is_not_blamed_on_the_index(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing query with a healthy index still escapes as itself (a bug, not a repair)."""
    from sqlalchemy.exc import DBAPIError

    from qazvin_diplomacy.services import search as search_module

    monkeypatch.setattr(
        search_module, "_term_filter", lambda terms, dialect="sqlite": ("no_such_column = 1", {})
    )
    with pytest.raises(DBAPIError):
        search(db, "قادرزاده")


def test_a_pasted_paragraph_without_spaces_is_not_cut(
    db: Database, ambassador: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cuts of a term grow with the cube of its length (600 letters: 7 s, 380 MB): none past the cap."""
    from qazvin_diplomacy.services import search as search_module

    calls: list[list[str]] = []
    real = search_module.cut_variants
    monkeypatch.setattr(
        search_module,
        "cut_variants",
        lambda terms, pieces=2: calls.append(terms) or real(terms, pieces),
    )
    long_word = "سفیرتاجیکستان" * 50
    assert search(db, long_word).empty
    assert calls == []
    assert _ids(search(db, "سفیرتاجیکستان"), "person") == [ambassador]  # a short one still is
    assert calls


@pytest.mark.sqlite_only(reason="opens the SQLite file read-only and damages FTS5's tables")
@pytest.mark.parametrize("damage", [None, "shadow table dropped", "segments deleted"])
def test_the_index_check_works_on_a_read_only_database(
    db: Database, ambassador: int, damage: str | None
) -> None:
    """FTS5's integrity check is an INSERT: on a read-only file a healthy index is not "damaged"."""
    import sqlite3
    from types import SimpleNamespace

    from sqlalchemy import create_engine

    if damage:
        _damage(db, DAMAGES[damage])
    db.engine.dispose()
    uri = f"{db.path.resolve().as_uri()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        problems = search_index_problems(SimpleNamespace(engine=engine))  # type: ignore[arg-type]
    finally:
        engine.dispose()
    assert bool(problems) == bool(damage), problems
