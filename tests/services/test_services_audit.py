"""The audit trail: every write recorded (before → after), hash-chained, tampering detected."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, text

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.actor import acting_as, current_actor, os_login, set_actor
from qazvin_diplomacy.core.agreements import AgreementInput, AgreementKind
from qazvin_diplomacy.core.audit import AuditFilter
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.events import EventInput, EventKind, EventStatus
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import audit
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services.directory import save_organization
from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.storage.audit import GENESIS_HASH, AuditEntry, drop_seal_ddl
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.rank_table import RankEntry

ROOT = Path(__file__).resolve().parents[2]


def _org(db: Database, name: str = "استانداری قزوین", **changes: object) -> int:
    view = save_organization(db, org=OrganizationInput(name, "Governorate of Qazvin", **changes))
    assert view.id is not None
    return view.id


def _target(db: Database) -> str:
    """What ``--db`` takes for ``db``: its file, or its server URL (password from PGPASSWORD)."""
    return db.url or str(db.path)


def _sql(db: Database, statement: str, *params: object) -> None:
    """Change the rows behind the application's back, as someone with a database tool and
    the owner's rights would: the seal's triggers dropped first."""
    for n in range(len(params)):
        statement = statement.replace("?", f":p{n}", 1)
    with db.engine.begin() as conn:
        for drop in drop_seal_ddl(db.dialect):
            conn.exec_driver_sql(drop)
        conn.execute(text(statement), {f"p{n}": value for n, value in enumerate(params)})


def _verify_cli(db: Database, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", _target(db)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_update_is_recorded_with_before_and_after(db: Database) -> None:
    with acting_as("clerk-1"):
        org_id = _org(db)
    view = save_organization(
        db,
        org=replace(
            OrganizationInput("استانداری استان قزوین", "Governorate of Qazvin"),
            id=org_id,
            version=1,
        ),
    )
    trail = audit.record_trail(db, entity="organization", entity_id=org_id)
    assert [e.action for e in trail] == ["insert", "update"]
    inserted, updated = trail
    assert inserted.actor == "clerk-1"
    assert inserted.changes["name_fa"] == [None, "استانداری قزوین"]
    assert updated.changes == {"name_fa": ["استانداری قزوین", "استانداری استان قزوین"]}
    assert updated.actor == os_login()  # no users yet: the desk's login
    assert inserted.desk and updated.desk
    assert view.version == 2


def test_a_delete_keeps_the_values_it_removed(db: Database) -> None:
    org_id = _org(db, "سازمان موقت")
    with db.session() as session:
        session.delete(session.get(Organization, org_id))
    last = audit.record_trail(db, entity="organization", entity_id=org_id)[-1]
    assert last.action == "delete"
    assert last.changes["name_fa"] == ["سازمان موقت", None]


def test_bulk_statements_are_one_summary_entry_each(db: Database) -> None:
    with db.session() as session:
        session.execute(
            insert(RankEntry),
            [
                {"title": f"عنوان {i}", "title_key": f"k{i}", "rank_order": i, "position": i}
                for i in range(50)
            ],
        )
        session.execute(delete(RankEntry).where(RankEntry.rank_order >= 40))
    entries = audit.list_audit_entries(db, filters=AuditFilter(entity="rank_entry"))
    by_action = {e.action: e for e in entries}
    assert by_action["bulk_insert"].changes == {"rows": 50}
    assert by_action["bulk_delete"].changes["rows"] == 10
    assert "40" in by_action["bulk_delete"].changes["criteria"]
    assert audit.verify_audit_trail(db).intact


def test_the_canonical_form_is_the_documented_one(db: Database) -> None:
    """An entry's hash can be recomputed from the module's written definition alone."""
    _org(db)
    with db.read_session() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert rows and rows[0].id == 1 and rows[0].prev_hash == GENESIS_HASH
    for before, row in zip([None, *rows], rows, strict=False):
        content = {
            "seq": row.id,
            "recorded_at": row.recorded_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "actor": row.actor,
            "desk": row.desk,
            "action": row.action,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "changes": json.loads(row.changes),
            "prev_hash": row.prev_hash,
        }
        text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert row.entry_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert row.prev_hash == (before.entry_hash if before else GENESIS_HASH)


def test_an_intact_chain_verifies(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    _org(db)
    code, out = _verify_cli(db, capsys)
    assert code == 0, out
    assert "intact" in out


def test_a_tampered_entry_is_named(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    ids = [_org(db, f"سازمان {n}") for n in range(3)]
    target = audit.record_trail(db, entity="organization", entity_id=ids[1])[0].id
    _sql(
        db,
        "UPDATE audit_entry SET changes = replace(changes, 'سازمان 1', 'سازمان X') WHERE id = ?",
        target,
    )
    code, out = _verify_cli(db, capsys)
    assert code == 1
    assert len(out.strip().splitlines()) == 1, out
    assert f"entry {target} was changed" in out and "زنجیره" in out
    assert "Traceback" not in out


def test_a_deleted_middle_entry_is_detected(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        _org(db, f"سازمان {n}")
    ids = [e.id for e in audit.list_audit_entries(db, descending=False, limit=None)]
    middle = ids[len(ids) // 2]
    _sql(db, "DELETE FROM audit_entry WHERE id = ?", middle)
    code, out = _verify_cli(db, capsys)
    assert code == 1
    assert f"entry {middle} before entry {middle + 1} was deleted" in out


def test_a_rehashed_entry_still_breaks_the_next_link(db: Database) -> None:
    """Recomputing the edited entry's own hash is caught by the next entry's prev_hash."""
    _org(db, "الف")
    _org(db, "ب")
    with db.read_session() as session:
        first = session.get(AuditEntry, 1)
        assert first is not None
        forged = hashlib.sha256(b"forged").hexdigest()
    _sql(db, "UPDATE audit_entry SET entry_hash = ? WHERE id = 1", forged)
    result = audit.verify_audit_trail(db)
    assert result.broken is not None and result.broken.entry_id in (1, 2)


def test_check_reports_a_broken_chain(db: Database) -> None:
    _org(db)
    assert check(db).healthy
    _sql(db, "UPDATE audit_entry SET actor = 'someone else' WHERE id = 1")
    report = check(db)
    assert any("audit trail is broken at entry 1" in p for p in report.problems)


def test_the_chain_continues_across_processes(db: Database) -> None:
    _org(db, "پیش از فرایند دیگر")
    last = audit.list_audit_entries(db, limit=1)[0]
    db.close()
    script = (
        "import sys\n"
        "from qazvin_diplomacy.core.actor import set_actor\n"
        "from qazvin_diplomacy.core.directory import OrganizationInput\n"
        "from qazvin_diplomacy.services.directory import save_organization\n"
        "from qazvin_diplomacy.storage.database import Database\n"
        "set_actor('desk-2-clerk')\n"
        "db = Database.open(sys.argv[1])\n"
        "save_organization(db, org=OrganizationInput('از میز دیگر'))\n"
        "db.close()\n"
    )
    subprocess.run([sys.executable, "-c", script, _target(db)], check=True, cwd=ROOT, timeout=120)
    again = Database.open(_target(db))
    try:
        ours = _org(again, "پس از فرایند دیگر")
        entries = audit.list_audit_entries(again, descending=False, limit=None)
        other = [e for e in entries if e.actor == "desk-2-clerk"]
        assert other and other[0].id == last.id + 1
        with again.read_session() as session:
            row = session.get(AuditEntry, last.id + 1)
            assert row is not None
            prev = session.get(AuditEntry, last.id)
            assert prev is not None and row.prev_hash == prev.entry_hash
        assert audit.verify_audit_trail(again).intact
        mine = [e for e in entries if e.entity == "organization" and e.entity_id == str(ours)]
        assert mine, [(e.id, e.actor, e.entity, e.entity_id) for e in entries]
        assert mine[0].actor == os_login() and mine[0].id > other[0].id
    finally:
        again.close()


def test_the_process_actor_can_be_replaced_later() -> None:
    """The hook a users feature uses: set_actor for the process, acting_as for a block."""
    try:
        set_actor("signed-in user")
        assert current_actor() == "signed-in user"
        with acting_as("batch job"):
            assert current_actor() == "batch job"
        assert current_actor() == "signed-in user"
    finally:
        set_actor(None)
    assert current_actor() == os_login()


def test_agreement_and_event_histories_show_the_actor(db: Database) -> None:
    with acting_as("مریم سلطانی"):
        agreement = agreements_service.save_agreement(
            db,
            agreement=AgreementInput(title="یادداشت تفاهم همکاری", kind=AgreementKind.MOU),
            actor="",
            today=date(2025, 10, 25),
        )
        event = events_service.save_event(
            db,
            event=EventInput(
                title_fa="جشن پنجاه بدر",
                kind=EventKind.CULTURAL,
                status=EventStatus.PLANNED,
                start_date=date(2026, 5, 20),
                start_time=time(17, 0),
                end_time=time(20, 0),
            ),
        )
    trail = audit.record_trail(db, entity="agreement", entity_id=agreement.id)
    assert trail and {e.actor for e in trail} == {"مریم سلطانی"}
    assert trail[0].changes["title"] == [None, "یادداشت تفاهم همکاری"]
    events = audit.record_trail(db, entity="event", entity_id=event.id)
    assert events and events[0].actor == "مریم سلطانی"
    assert "مریم سلطانی" in audit.audit_actors(db)


def test_filters_select_by_user_entity_text_and_date(db: Database) -> None:
    with acting_as("a"):
        _org(db, "پژوهشگاه")
    with acting_as("b"):
        _org(db, "دانشگاه")
    assert {e.actor for e in audit.list_audit_entries(db, filters=AuditFilter(actor="a"))} == {"a"}
    found = audit.list_audit_entries(db, filters=AuditFilter(text="پژوهشگاه"))
    assert [e.actor for e in found] == ["a"]
    assert audit.count_audit_entries(db, filters=AuditFilter(entity="organization")) == 2
    assert audit.count_audit_entries(db, filters=AuditFilter(date_to=date(2000, 1, 1))) == 0


def test_two_desks_writing_at_once_do_not_fork_the_chain(db: Database) -> None:
    """Two processes saving at the same time: every entry lands in one unbroken chain."""
    before = audit.count_audit_entries(db)
    db.close()
    script = (
        "import sys, time\n"
        "from qazvin_diplomacy.core.actor import set_actor\n"
        "from qazvin_diplomacy.core.directory import OrganizationInput\n"
        "from qazvin_diplomacy.core.errors import KnownError\n"
        "from qazvin_diplomacy.services.directory import save_organization\n"
        "from qazvin_diplomacy.storage.database import Database\n"
        "set_actor(sys.argv[2])\n"
        "db = Database.open(sys.argv[1])\n"
        "for n in range(15):\n"
        "    for attempt in range(100):\n"  # SQLite refuses a busy save: the clerk tries again
        "        try:\n"
        "            save_organization(db, org=OrganizationInput(f'{sys.argv[2]} {n}'))\n"
        "            break\n"
        "        except KnownError:\n"
        "            time.sleep(0.05)\n"
        "    else:\n"
        "        sys.exit(3)\n"
        "db.close()\n"
    )
    desks = [
        subprocess.Popen([sys.executable, "-c", script, _target(db), name], cwd=ROOT)
        for name in ("desk-a", "desk-b")
    ]
    assert [p.wait(timeout=120) for p in desks] == [0, 0]
    again = Database.open(_target(db))
    try:
        result = audit.verify_audit_trail(again)
        assert result.intact, result.broken
        assert result.entries == before + 30
        for name in ("desk-a", "desk-b"):
            assert audit.count_audit_entries(again, filters=AuditFilter(actor=name)) == 15
    finally:
        again.close()


def test_a_row_taken_out_of_a_records_list_is_recorded_as_deleted(db: Database) -> None:
    """An itinerary item removed through the visit's form goes by the delete-orphan cascade,
    not ``session.delete``: its entry still records what it held."""
    import datetime as dt

    from qazvin_diplomacy.core.clock import from_local
    from qazvin_diplomacy.core.visits import ItineraryEntry, VisitInput
    from qazvin_diplomacy.services import visits

    def at(hour: int) -> dt.datetime:
        return from_local(dt.datetime(2026, 12, 20, hour))

    saved = visits.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر (Ambassador) ۰۹۱۲-۱۲۳",
            delegation_name="هیئت",
            start_at=at(9),
            end_at=at(12),
            itinerary=(ItineraryEntry(at(9), at(10), "بازدید از موزه [قدیم]"),),
        ),
    )
    visit = visits.get_visit(db, visit_id=saved.id)
    visits.save_visit(
        db, visit=replace(visit, itinerary=(ItineraryEntry(at(10), at(11), "ناهار"),))
    )
    items = [
        e
        for e in audit.list_audit_entries(db, descending=False, limit=None)
        if e.entity == "visit_itinerary_item"
    ]
    assert [e.action for e in items] == ["insert", "delete", "insert"]
    assert items[1].entity_id == items[0].entity_id
    assert items[1].changes["activity"] == ["بازدید از موزه [قدیم]", None]
    assert audit.verify_audit_trail(db).intact


def test_every_audited_table_has_a_persian_name() -> None:
    """The audit page, its filter and the printed report name each record's table in Persian:
    a table added without a name would show its internal name («trade_delegation_member»)."""
    from qazvin_diplomacy.core.audit import ENTITY_LABELS
    from qazvin_diplomacy.core.text import has_persian
    from qazvin_diplomacy.storage.audit import EXCLUDED_TABLES
    from qazvin_diplomacy.storage.models import Base

    audited = set(Base.metadata.tables) - set(EXCLUDED_TABLES)
    assert sorted(audited - ENTITY_LABELS.keys()) == []
    assert all(has_persian(label) for label in ENTITY_LABELS.values())


def test_every_audited_column_has_a_persian_name() -> None:
    """The audit page and the printed report name each changed field in Persian
    (``core.audit_fields``): a column added without one would show «legal_reviewer_text»."""
    from qazvin_diplomacy.core.audit_fields import is_labelled
    from qazvin_diplomacy.storage.audit import EXCLUDED_TABLES
    from qazvin_diplomacy.storage.models import Base

    unnamed = [
        f"{table.name}.{column.name}"
        for name, table in sorted(Base.metadata.tables.items())
        if name not in EXCLUDED_TABLES
        for column in table.columns
        if not is_labelled(column.name)
    ]
    assert unnamed == []
