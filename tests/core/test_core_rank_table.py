"""The office's rank table rows (core.precedence) and the event status workflow (core.events)."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.events import (
    EventStatus,
    allowed_transitions,
    can_transition,
    held_too_early,
    transition_error,
)
from qazvin_diplomacy.core.precedence import (
    DEFAULT_RANK_TABLE,
    PrecedenceCandidate,
    PrecedenceGroup,
    RankRow,
    default_rank_rows,
    order_of_precedence,
    rank_in_table,
    rank_table_of,
    validate_rank_rows,
)
from qazvin_diplomacy.core.text import compact_key

S = EventStatus

# --- rank rows ---------------------------------------------------------------------------


def test_default_rows_are_valid_and_give_back_the_default_table():
    rows = default_rank_rows()
    assert validate_rank_rows(rows) == {}
    assert rank_table_of(rows) == DEFAULT_RANK_TABLE
    keys = [compact_key(k) for k in DEFAULT_RANK_TABLE]
    assert len(keys) == len(set(keys)), "the default table repeats a title"


def test_director_general_with_a_space_still_ranks_as_the_hyphenated_key():
    person = PrecedenceCandidate(1, title_en="Director General of Culture")
    assert rank_in_table(person) == ("Director-General", 40)


def test_blank_title_and_bad_orders_get_persian_messages_per_row():
    rows = [
        RankRow("  ", 5),
        RankRow("شهردار", "صفر"),
        RankRow("Mayor", 0),
        RankRow("Deputy", "-3"),
        RankRow("Chief", "2.5"),
        RankRow("Officer", None),
        RankRow("Clerk", True),  # a bool is not a number here
        RankRow("Consul", "۱۲"),  # Persian digits are fine
        RankRow("Attache", " 7 "),
    ]
    errors = validate_rank_rows(rows)
    assert errors["entries.0.title"] == "عنوان را بنویسید."
    assert "entries.0.order" not in errors
    for i in range(1, 7):
        assert "عددی صحیح و مثبت" in errors[f"entries.{i}.order"], i
    assert not {k for k in errors if k.startswith(("entries.7.", "entries.8."))}
    assert rank_table_of(rows[7:]) == {"Consul": 12, "Attache": 7}


def test_titles_equal_after_normalisation_are_duplicates():
    rows = [
        RankRow("معاون استاندار", 20),
        RankRow("معاون‌استاندار", 21),  # ZWNJ instead of a space
        RankRow("معاون استاندار".replace("ی", "\u064a"), 22),  # Arabic yeh
        RankRow("Director-General", 40),
        RankRow("director general", 41),
        RankRow("Director", 60),
    ]
    errors = validate_rank_rows(rows)
    assert set(errors) == {"entries.1.title", "entries.2.title", "entries.4.title"}
    assert errors["entries.1.title"] == "این عنوان با ردیف ۱ یکی است."
    assert errors["entries.4.title"] == "این عنوان با ردیف ۴ یکی است."


def test_punctuation_only_title_and_overlong_title_are_refused():
    errors = validate_rank_rows([RankRow("---", 1), RankRow("م" * 201, 2)])
    assert "حرف یا رقم" in errors["entries.0.title"]
    assert "۲۰۰" in errors["entries.1.title"]


def test_a_typed_diplomatic_rank_matches_the_rank_value():
    table = rank_table_of([RankRow("Counsellor", 3), RankRow("minister counsellor", 2)])
    counsellor = PrecedenceCandidate(1, name="A", diplomatic_rank="counsellor")
    minister = PrecedenceCandidate(2, name="B", diplomatic_rank="minister_counsellor")
    result = order_of_precedence([counsellor, minister], table=table)
    assert result.order == (2, 1)
    assert all(e.group is PrecedenceGroup.RANKED for e in result.entries)


def test_an_office_table_reorders_other_guests():
    mayor = PrecedenceCandidate(1, name="Mayor", title_fa="شهردار قزوین")
    dg = PrecedenceCandidate(2, name="DG", title_fa="مدیرکل میراث فرهنگی")
    assert order_of_precedence([mayor, dg]).order == (2, 1)
    office = rank_table_of([RankRow("شهردار", 1), RankRow("مدیرکل", 2)])
    assert order_of_precedence([mayor, dg], table=office).order == (1, 2)


# --- event status workflow ---------------------------------------------------------------

EXPECTED = {
    S.DRAFT: {S.PLANNED, S.CANCELLED},
    S.PLANNED: {S.DRAFT, S.INVITING, S.HELD, S.POSTPONED, S.CANCELLED},
    S.INVITING: {S.HELD, S.POSTPONED, S.CANCELLED},
    S.HELD: {S.PLANNED},  # one way back, to undo a wrong click
    S.POSTPONED: {S.PLANNED, S.INVITING, S.CANCELLED},
    S.CANCELLED: {S.DRAFT},
}


@pytest.mark.parametrize("old", list(S))
def test_allowed_transitions_follow_the_rules(old):
    assert set(allowed_transitions(old)) == EXPECTED[old]
    for new in S:
        assert can_transition(old, new) == (new in EXPECTED[old])
        assert (transition_error(old, new) is None) == (new in EXPECTED[old] or new == old)


def test_transition_error_names_both_statuses_and_the_way_out():
    message = transition_error(S.DRAFT, S.HELD)
    assert message is not None
    assert "«پیش‌نویس»" in message and "«برگزارشده»" in message
    assert "«برنامه‌ریزی‌شده»" in message and "«لغو»" in message
    back = transition_error(S.HELD, S.DRAFT)
    assert back is not None and "فقط به «برنامه‌ریزی‌شده»" in back
    final = transition_error(S.CANCELLED, S.HELD)
    assert final is not None and "«پیش‌نویس»" in final


def test_held_is_refused_before_the_start_date_in_persian():
    start = date(2026, 12, 21)
    message = held_too_early(S.PLANNED, S.HELD, start, date(2026, 12, 20))
    assert message is not None and "۱۴۰۵/۰۹/۳۰" in message and "«برگزارشده»" in message
    assert held_too_early(None, S.HELD, start, date(2026, 12, 20)) is not None
    assert held_too_early(S.PLANNED, S.HELD, start, start) is None  # on the day
    assert held_too_early(S.INVITING, S.HELD, start, date(2026, 12, 22)) is None
    assert held_too_early(S.HELD, S.HELD, start, date(2026, 12, 1)) is None  # already held
    assert held_too_early(S.PLANNED, S.CANCELLED, start, date(2026, 12, 1)) is None


def test_status_moves_list_every_status_and_say_why_one_is_closed() -> None:
    from qazvin_diplomacy.core.events import needs_status_reason, status_moves

    start = date(2026, 12, 24)
    moves = {m.status: m for m in status_moves(S.PLANNED, start, date(2026, 12, 20))}
    assert list(moves) == list(S)  # every status listed, allowed or not
    assert moves[S.PLANNED].allowed and moves[S.INVITING].allowed
    assert not moves[S.HELD].allowed and "آغاز" in moves[S.HELD].why_fa  # before the start
    assert moves[S.HELD].why_en == "Only from the day the event starts."
    on_the_day = {m.status: m for m in status_moves(S.PLANNED, start, start)}
    assert on_the_day[S.HELD].allowed
    held = {m.status: m for m in status_moves(S.HELD, start, start)}
    assert held[S.PLANNED].allowed and "دلیل" in held[S.PLANNED].why_fa
    assert not held[S.CANCELLED].allowed and "«برگزارشده»" in held[S.CANCELLED].why_fa
    assert all(m.allowed for m in status_moves(None, start, start) if m.status is not S.HELD)
    assert needs_status_reason(S.HELD, S.PLANNED) and not needs_status_reason(S.PLANNED, S.HELD)
    assert not needs_status_reason(None, S.PLANNED) and not needs_status_reason(S.HELD, S.HELD)
