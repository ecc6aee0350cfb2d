"""The audit trail names each recorded field for people: the ``_fa``/``_en`` variants and
linked records are named by their stem (every audited column has a name: test_services_audit)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazvin_diplomacy.core.audit import AuditRecord
from qazvin_diplomacy.core.audit_fields import ROUTINE_FIELDS, field_label, value_text


@pytest.mark.parametrize(
    ("name", "fa", "en"),
    [
        ("title_en", "عنوان (انگلیسی)", "Title (English)"),
        ("name_fa", "نام (فارسی)", "Name (Persian)"),
        ("country_id", "کشور", "Country"),
        ("chair_person_id", "رئیس جلسه", "Chair"),
        ("chair_text", "رئیس جلسه", "Chair"),
        ("responsible_org_id", "دستگاه مسئول", "Responsible org"),
        ("legal_reviewer_text", "بررسی‌کنندهٔ حقوقی", "Legal reviewer"),
        ("value_usd", "ارزش (دلار)", "Value usd"),
        ("no_such_column", "no_such_column", "No such column"),
    ],
)
def test_a_column_is_named_by_its_stem(name: str, fa: str, en: str) -> None:
    assert field_label(name) == fa
    assert field_label(name, "en") == en


def _entry(action: str, changes: dict[str, object]) -> AuditRecord:
    return AuditRecord(
        id=1,
        recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        actor="clerk",
        desk="desk-1",
        action=action,
        entity="visit",
        entity_id="7",
        changes=changes,  # type: ignore[arg-type]
    )


def test_change_lines_name_fields_and_leave_out_the_routine_ones() -> None:
    entry = _entry(
        "update",
        {"title_fa": ["دیدار", "دیدار سفیر"], "version": [1, 2], "updated_at": ["a", "b"]},
    )
    assert entry.change_lines() == [
        "title_fa: دیدار → دیدار سفیر",
        "updated_at: a → b",
        "version: 1 → 2",
    ]
    assert entry.change_lines(label=field_label, hidden=ROUTINE_FIELDS) == [
        "عنوان (فارسی): دیدار → دیدار سفیر"
    ]
    inserted = _entry("insert", {"country_id": [None, 3], "notes": [None, None]})
    assert inserted.change_lines(label=field_label) == ["کشور: 3", "یادداشت‌ها: —"]


@pytest.mark.parametrize(
    ("name", "value", "fa", "en"),
    [
        ("notes", None, "—", "—"),
        ("notes", "", "—", "—"),
        ("confidential", True, "بله", "yes"),
        ("publishable", False, "خیر", "no"),
        ("country_id", 191, "۱۹۱", "191"),
        ("start_date", "2025-10-25", "۱۴۰۴/۰۸/۰۳", "1404/08/03"),
        # A moment stored in UTC is shown in Tehran time (+03:30).
        ("archived_at", "2025-10-25T06:00:00.000000Z", "۱۴۰۴/۰۸/۰۳ ۰۹:۳۰", "1404/08/03 09:30"),
        ("start_at", "2025-10-25T10:00:00", "۱۴۰۴/۰۸/۰۳ ۱۰:۰۰", "1404/08/03 10:00"),
        ("status", "in_force", "نافذ", "In force"),
        ("role", "member", "عضو", "Member"),
        ("region", "southeast_asia", "جنوب شرق آسیا", "Southeast Asia"),
        # A checklist item by its label, an attachment's owner by the table's name.
        ("item_key", "press_photographer", "خبرنگار و عکاس", "Press / photographer"),
        ("owner_kind", "outgoing_letter", "نامهٔ صادره", "Outgoing letter"),
        ("target_kind", "visit", "دیدار", "Visit"),
        # Text that spells a code is text where the field holds no code.
        ("notes", "open", "open", "open"),
        # A document kept whole (approved minutes) is named, not printed.
        (
            "snapshot",
            '{"meeting": {"agenda": []}}',
            "(سند ثبت‌شده، ۲۷ نویسه)",
            "(stored document, 27 characters)",
        ),
        ("notes", "[بند ۱] و [بند ۲]", "[بند ۱] و [بند ۲]", "[بند ۱] و [بند ۲]"),
        ("title_en", "Qazvin 2026-10-25", "Qazvin 2026-10-25", "Qazvin 2026-10-25"),
        # Typed text that only looks like a date is shown as typed, never an error.
        ("title_en", "2025-13-45", "2025-13-45", "2025-13-45"),
        ("notes", "2025-02-30T25:61", "2025-02-30T25:61", "2025-02-30T25:61"),
        ("notes", "0001-01-01", "0001-01-01", "0001-01-01"),
    ],
)
def test_values_are_written_for_people(name: str, value: object, fa: str, en: str) -> None:
    assert value_text(name, value) == fa
    assert value_text(name, value, "en") == en


def test_the_empty_fields_of_an_added_record_can_be_left_out() -> None:
    added = _entry("insert", {"title_fa": [None, "دیدار"], "notes": [None, ""], "x": [None, None]})
    assert added.change_lines(label=field_label, value=value_text, blanks=False) == [
        "عنوان (فارسی): دیدار"
    ]
    assert len(added.change_lines(blanks=True)) == 3


@given(
    name=st.sampled_from(
        ["notes", "status", "start_date", "archived_at", "owner_kind", "snapshot"]
    ),
    value=st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text()),
    language=st.sampled_from(["fa", "en"]),
)
def test_any_recorded_value_is_written_without_an_error(name, value, language) -> None:
    assert isinstance(value_text(name, value, language), str)
