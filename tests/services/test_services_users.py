"""Users: first administrator, sign-in with Argon2, lockout, roles enforced on writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from qazvin_diplomacy.core import access, clock
from qazvin_diplomacy.core.access import Principal, Role
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.users import SignInRefused
from qazvin_diplomacy.services import directory, holidays, rank_table
from qazvin_diplomacy.services import users as svc
from qazvin_diplomacy.services.backup import restore_backup, restore_backup_to_server
from qazvin_diplomacy.storage.audit import AuditEntry
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.holidays import HolidayEntry
from qazvin_diplomacy.storage.users import AppUser, WriteRefused

PASSWORD = "Qazvin-1405"


class _Clock:
    """``core.clock.now_utc`` under the test's control."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)
        monkeypatch.setattr(clock, "now_utc", lambda: self.now)

    def move(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def office(seeded):
    """A database with an administrator «admin», an editor «Sara» and a viewer «reza» (built
    once a session, see ``seeded``: hashing their passwords with Argon2 is what costs)."""
    return seeded(_build_office)[0]


def _build_office(db) -> None:
    svc.create_first_admin(db, login="admin", password=PASSWORD, display_name="مدیر")
    access.set_principal(svc.authenticate(db, "admin", PASSWORD))
    svc.add_user(db, login="Sara", password=PASSWORD, role=Role.EDITOR, display_name="سارا")
    svc.add_user(db, login="reza", password=PASSWORD, role=Role.VIEWER, cleared=True)
    access.set_principal(None)


def test_first_admin_then_no_second_first_admin(db) -> None:
    assert not svc.has_users(db)
    user = svc.create_first_admin(db, login="admin", password=PASSWORD)
    assert user.role is Role.ADMIN and user.cleared
    assert svc.has_users(db)
    with pytest.raises(KnownError, match="پیش‌تر مدیر سامانه دارد"):
        svc.create_first_admin(db, login="other", password=PASSWORD)


def test_first_user_added_must_be_an_administrator(db) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.add_user(db, login="sara", password=PASSWORD, role=Role.EDITOR)
    assert caught.value.field == "role"
    assert not svc.has_users(db)


def test_password_is_stored_as_argon2id_and_verified(office) -> None:
    with office.read_session() as session:
        stored = session.scalar(select(AppUser.password_hash).where(AppUser.login == "Sara"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert svc.verify_password(stored, PASSWORD)
    assert not svc.verify_password(stored, PASSWORD + "x")
    principal = svc.authenticate(office, "SARA", PASSWORD)  # names are case-insensitive
    assert principal == Principal("Sara", Role.EDITOR, False)


@pytest.mark.office_password_hashes
def test_the_office_hashes_with_argon2s_recommended_parameters() -> None:
    """What the office stores (the other tests hash at the cheapest, see tests/conftest.py)."""
    from argon2 import PasswordHasher

    stored = svc.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$") and not PasswordHasher().check_needs_rehash(stored)
    assert svc.verify_password(stored, PASSWORD)


def test_the_audit_trail_never_holds_a_password_hash(office) -> None:
    with office.read_session() as session:
        changes = [json.loads(c) for c in session.scalars(select(AuditEntry.changes))]
    hashes = [c["password_hash"] for c in changes if "password_hash" in c]
    assert hashes and all(pair == [None, "***"] for pair in hashes)


def test_login_names_unique_whatever_the_case(office) -> None:
    access.set_principal(Principal("admin", Role.ADMIN))
    with pytest.raises(ValidationError) as caught:
        svc.add_user(office, login="sara", password=PASSWORD)
    assert caught.value.field == "login"


@pytest.mark.parametrize("bad", ["short1", "        spaces  ", "aaaaaaaaaaaa"])
def test_password_rules(office, bad) -> None:
    access.set_principal(Principal("admin", Role.ADMIN))
    with pytest.raises(ValidationError) as caught:
        svc.add_user(office, login="new", password=bad)
    assert caught.value.field == "password"


def test_wrong_password_and_unknown_name_refused_alike(office) -> None:
    with pytest.raises(SignInRefused, match="نادرست است"):
        svc.authenticate(office, "nobody", PASSWORD)
    with pytest.raises(SignInRefused, match="نادرست است. ۴ تلاش دیگر"):
        svc.authenticate(office, "Sara", "wrong password")


def test_five_failures_lock_for_fifteen_minutes(office, monkeypatch) -> None:
    moment = _Clock(monkeypatch)
    for _ in range(4):
        with pytest.raises(SignInRefused, match="تلاش دیگر"):
            svc.authenticate(office, "Sara", "wrong password")
    with pytest.raises(SignInRefused, match="قفل شده است؛ ۱۵ دقیقهٔ دیگر"):
        svc.authenticate(office, "Sara", "wrong password")
    moment.move(minutes=14)
    with pytest.raises(SignInRefused, match="قفل شده است؛ ۱ دقیقهٔ دیگر"):
        svc.authenticate(office, "Sara", PASSWORD)  # even the right password, while locked
    moment.move(minutes=1, seconds=1)
    assert svc.authenticate(office, "Sara", PASSWORD).name == "Sara"
    with office.read_session() as session:
        row = session.scalar(select(AppUser).where(AppUser.login == "Sara"))
    assert row.failed_attempts == 0 and row.locked_until is None
    assert row.last_login_at == moment.now


def test_a_success_resets_the_count_of_failures(office, monkeypatch) -> None:
    _Clock(monkeypatch)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            svc.authenticate(office, "Sara", "wrong password")
    svc.authenticate(office, "Sara", PASSWORD)
    with pytest.raises(SignInRefused, match="۴ تلاش دیگر"):
        svc.authenticate(office, "Sara", "wrong password")


def test_disabled_user_refused_enabled_again_signs_in(office) -> None:
    access.set_principal(Principal("admin", Role.ADMIN))
    svc.disable_user(office, login="sara")
    with pytest.raises(SignInRefused, match="غیرفعال است"):
        svc.authenticate(office, "Sara", PASSWORD)
    svc.enable_user(office, login="Sara")
    assert svc.authenticate(office, "Sara", PASSWORD).role is Role.EDITOR


def test_the_last_administrator_cannot_be_disabled_or_demoted(office) -> None:
    access.set_principal(Principal("admin", Role.ADMIN))
    with pytest.raises(ValidationError):
        svc.disable_user(office, login="admin")
    with pytest.raises(ValidationError):
        svc.update_user(office, login="admin", role=Role.EDITOR, cleared=True, display_name="")
    assert svc.authenticate(office, "admin", PASSWORD).role is Role.ADMIN


def test_reset_password_by_admin_and_change_own(office, monkeypatch) -> None:
    _Clock(monkeypatch)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            svc.authenticate(office, "reza", "wrong password")
    access.set_principal(Principal("admin", Role.ADMIN))
    svc.reset_password(office, login="reza", new_password="Temporary-22")  # lifts the lockout
    access.set_principal(svc.authenticate(office, "reza", "Temporary-22"))  # a viewer
    with pytest.raises(ValidationError) as caught:
        svc.change_password(
            office, login="reza", old_password="not it!", new_password="Mine-at-last"
        )
    assert caught.value.field == "old_password"
    svc.change_password(
        office, login="reza", old_password="Temporary-22", new_password="Mine-at-last"
    )
    assert svc.authenticate(office, "reza", "Mine-at-last").name == "reza"
    with pytest.raises(SignInRefused):
        svc.authenticate(office, "reza", "Temporary-22")


def test_only_admins_manage_users(office) -> None:
    access.set_principal(Principal("Sara", Role.EDITOR))
    for attempt in (
        lambda: svc.add_user(office, login="x1", password=PASSWORD),
        lambda: svc.list_users(office),
        lambda: svc.reset_password(office, login="reza", new_password="Another-one-9"),
        lambda: svc.disable_user(office, login="reza"),
        lambda: svc.set_idle_lock_minutes(office, 5),
    ):
        with pytest.raises(WriteRefused, match="فقط از مدیر سامانه"):
            attempt()
    access.set_principal(Principal("admin", Role.ADMIN))
    assert [u.login for u in svc.list_users(office)] == ["admin", "reza", "Sara"]


def test_admin_only_tables_refused_to_an_editor_whatever_the_service(office) -> None:
    access.set_principal(Principal("Sara", Role.EDITOR))
    with pytest.raises(WriteRefused):
        holidays.add_holiday(office, day=dt.date(2026, 12, 20), name_fa="روز عزای عمومی")
    with pytest.raises(WriteRefused):
        rank_table.reset_rank_table(office)  # a bulk DELETE: refused before it runs
    with office.read_session() as session:
        assert session.scalars(select(HolidayEntry)).first() is None
    # an editor does write the office's records
    org = directory.save_organization(office, org=OrganizationInput(name_fa="اتاق بازرگانی"))
    assert org.id


def test_a_viewer_writes_nothing_but_signs_in_and_changes_password(office) -> None:
    access.set_principal(svc.authenticate(office, "reza", PASSWORD))
    with pytest.raises(WriteRefused, match="فقط برای دیدن است"):
        directory.save_organization(office, org=OrganizationInput(name_fa="اتاق بازرگانی"))
    with office.read_session() as session:
        assert session.scalars(select(Organization)).first() is None
    svc.authenticate(office, "reza", PASSWORD)  # the sign-in bookkeeping is written
    svc.change_password(office, login="reza", old_password=PASSWORD, new_password="Reza-new-pass")


def test_restore_needs_an_administrator(office, tmp_path) -> None:
    access.set_principal(Principal("Sara", Role.EDITOR))
    with pytest.raises(WriteRefused):
        restore_backup(
            source=tmp_path / "any.qdbackup",
            db_path=tmp_path / "restored.sqlite3",
            backups_dir=tmp_path / "b",
            attachments_dir=tmp_path / "a",
        )
    assert not (tmp_path / "restored.sqlite3").exists()
    with pytest.raises(WriteRefused):  # the server's restore is refused the same way
        restore_backup_to_server(source=tmp_path / "any.qdbackup", db=office)


def test_idle_lock_minutes_default_and_set(office) -> None:
    assert svc.idle_lock_minutes(office) == 15
    access.set_principal(Principal("admin", Role.ADMIN))
    assert svc.set_idle_lock_minutes(office, 5) == 5
    assert svc.idle_lock_minutes(office) == 5
    with pytest.raises(ValidationError):
        svc.set_idle_lock_minutes(office, 10_000)


def test_history_records_the_signed_in_user(office) -> None:
    access.set_principal(svc.authenticate(office, "Sara", PASSWORD))
    org = directory.save_organization(office, org=OrganizationInput(name_fa="اتاق بازرگانی"))
    with office.read_session() as session:
        actor = session.scalar(
            select(AuditEntry.actor).where(
                AuditEntry.entity == "organization", AuditEntry.entity_id == str(org.id)
            )
        )
    assert actor == "Sara"
