"""Trade delegation services: save with links, region rule, status moves, filters, paging, search."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.agreements import AgreementInput
from qazvin_diplomacy.core.delegations import (
    DelegationFilter,
    DelegationInput,
    DelegationMember,
    ProgrammeItem,
)
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
from qazvin_diplomacy.core.markets import CompanyInput, MarketInput, RegionInput
from qazvin_diplomacy.services import delegations as dg
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m
from qazvin_diplomacy.services.agreements import save_agreement
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.services.search_upkeep import search_index_problems


def _country(db, code: str) -> int:
    found = directory.country_by_code(db, code)
    assert found is not None
    return found.id


@pytest.fixture
def base(db) -> dict[str, int]:
    tj, ru, iq = _country(db, "TJ"), _country(db, "RU"), _country(db, "IQ")
    krg = m.save_region(db, region=RegionInput(iq, "اقلیم کردستان عراق", "Kurdistan Region")).id
    company = m.save_company(db, company=CompanyInput("صنایع غذایی نگین دشت", sector="food")).id
    uni = m.save_company(
        db, company=CompanyInput("دانشگاه بین‌المللی امام خمینی", kind="university")
    ).id
    head = directory.save_person(
        db, person=PersonInput(name_fa="مهدی صفی‌خانی", name_en="Mehdi Safikhani")
    ).id
    market = m.save_market(db, market=MarketInput(country_id=tj, sector="food")).id
    agreement = save_agreement(db, agreement=AgreementInput(title="تفاهم‌نامه همکاری تجاری")).id
    return {"tj": tj, "ru": ru, "iq": iq, "krg": krg, "company": company, "uni": uni,
            "head": head, "market": market, "agreement": agreement}  # fmt: skip


def _tajik(base: dict[str, int], **changes) -> DelegationInput:
    fields = dict(
        title="اعزام تیم تجاری استان به تاجیکستان",
        country_id=base["tj"],
        city="دوشنبه",
        start_date=date(2025, 10, 4),
        end_date=date(2025, 10, 8),
        head_person_id=base["head"],
        objectives="شناسایی شرکای تجاری",
        members=(
            DelegationMember(kind="company", role="trader", company_id=base["company"]),
            DelegationMember(kind="university", role="academic", company_id=base["uni"]),
            DelegationMember(kind="other", role="interpreter", name_text="مترجم تاجیکی"),
        ),
        market_ids=(base["market"],),
        agreement_ids=(base["agreement"],),
        programme=(
            ProgrammeItem(date(2025, 10, 5), "۱۰:۰۰", "اتاق بازرگانی دوشنبه", "نشست تجاری"),
            ProgrammeItem(date(2025, 10, 6), "", "", "بازدید از بازار"),
        ),
    )
    fields.update(changes)
    return DelegationInput(**fields)


def test_save_reads_back_every_link_in_order(db, base) -> None:
    saved = dg.save_delegation(db, delegation=_tajik(base))
    back = dg.get_delegation(db, delegation_id=saved.id)
    assert back.head_name() == "مهدی صفی‌خانی" and back.place_fa() == "تاجیکستان — دوشنبه"
    assert [x.display_name() for x in back.members] == [
        "صنایع غذایی نگین دشت",
        "دانشگاه بین‌المللی امام خمینی",
        "مترجم تاجیکی",
    ]
    assert [p.activity for p in back.programme] == ["نشست تجاری", "بازدید از بازار"]
    assert back.market_ids == (base["market"],) and back.agreement_ids == (base["agreement"],)
    assert back.agreement_titles == ("تفاهم‌نامه همکاری تجاری",)
    # An edit replaces the lists; a stale copy is refused.
    edited = dg.save_delegation(
        db,
        delegation=_tajik(
            base, id=saved.id, version=back.version, members=(), programme=(), status="planned"
        ),
    )
    assert edited.members == () and edited.programme == () and edited.status == "planned"
    with pytest.raises(StaleRecordError):
        dg.save_delegation(db, delegation=_tajik(base, id=saved.id, version=back.version))


def test_a_region_of_another_country_is_refused_and_nothing_is_written(db, base) -> None:
    with pytest.raises(ValidationError) as refused:
        dg.save_delegation(db, delegation=_tajik(base, region_id=base["krg"]))
    assert refused.value.field == "region_id"
    assert dg.count_delegations(db) == 0
    ok = dg.save_delegation(
        db, delegation=_tajik(base, country_id=base["iq"], region_id=base["krg"], city="اربیل")
    )
    assert ok.place_fa() == "عراق — اقلیم کردستان عراق — اربیل"


def test_a_status_move_must_be_allowed(db, base) -> None:
    saved = dg.save_delegation(db, delegation=_tajik(base, status="cancelled"))
    with pytest.raises(ValidationError) as refused:
        dg.save_delegation(
            db, delegation=_tajik(base, id=saved.id, version=saved.version, status="held")
        )
    assert refused.value.field == "status"
    assert dg.get_delegation(db, delegation_id=saved.id).status == "cancelled"


def test_filters_sort_and_paging(db, base) -> None:
    tj = dg.save_delegation(db, delegation=_tajik(base))
    ru = dg.save_delegation(
        db,
        delegation=_tajik(
            base,
            title="پذیرش هیئت تجاری روسیه",
            direction="incoming",
            country_id=base["ru"],
            city="قزوین",
            start_date=date(2025, 12, 1),
            end_date=date(2025, 12, 3),
            status="confirmed",
        ),
    )
    ids = lambda **f: [d.id for d in dg.list_delegations(db, filters=DelegationFilter(**f))]  # noqa: E731
    assert ids() == [tj.id, ru.id]
    assert ids(direction="incoming") == [ru.id]
    assert ids(status="confirmed") == [ru.id]
    assert ids(country_id=base["tj"]) == [tj.id]
    # The date range keeps delegations whose stay overlaps it.
    assert ids(date_from=date(2025, 10, 8), date_to=date(2025, 10, 20)) == [tj.id]
    assert ids(date_from=date(2025, 11, 1)) == [ru.id]
    assert ids(text="روسیه") == [ru.id]
    assert [d.id for d in dg.list_delegations(db, sort="start_date", descending=True)] == [
        ru.id,
        tj.id,
    ]
    assert [d.id for d in dg.list_delegations(db, offset=1, limit=1)] == [ru.id]
    assert dg.count_delegations(db, filters=DelegationFilter(direction="outgoing")) == 1
    dg.archive_delegation(db, delegation_id=ru.id, version=ru.version)
    assert ids() == [tj.id] and dg.count_delegations(db) == 1


@pytest.mark.parametrize(
    "query",
    ["تاجیکستان", "تاجيکستان", "تاجیك ستان", "صفی خانی", "صفيخاني", "نگین‌دشت", "Dushanbe"],
)
def test_search_finds_a_delegation_however_spelt(db, base, query) -> None:
    saved = dg.save_delegation(db, delegation=_tajik(base, city="دوشنبه Dushanbe"))
    hits = search(db, query).group("delegation")
    assert hits is not None and [h.id for h in hits.hits] == [saved.id], query
    assert "اعزامی" in hits.hits[0].subtitle
    assert search_index_problems(db) == []


def test_an_archived_delegation_leaves_the_search(db, base) -> None:
    saved = dg.save_delegation(db, delegation=_tajik(base))
    dg.archive_delegation(db, delegation_id=saved.id)
    assert search(db, "تاجیکستان").group("delegation") is None


def test_a_delegation_is_on_the_calendar_over_its_days(db, base) -> None:
    from qazvin_diplomacy.core.calendar import EntryKind
    from qazvin_diplomacy.services.calendar import agenda_between

    saved = dg.save_delegation(db, delegation=_tajik(base))
    kinds = [EntryKind.DELEGATION]
    found = agenda_between(db, start=date(2025, 10, 7), end=date(2025, 10, 20), kinds=kinds)
    assert [(e.record_id, e.first_day, e.last_day) for e in found] == [
        (saved.id, date(2025, 10, 4), date(2025, 10, 8))
    ]
    assert found[0].detail == "اعزامی — تاجیکستان"
    assert found[0].open_target() == ("delegations", saved.id)
    assert agenda_between(db, start=date(2025, 10, 9), end=date(2025, 10, 20), kinds=kinds) == []


def test_follow_ups_after_the_trip_are_shared_follow_up_tasks(db, base) -> None:
    from dataclasses import replace

    from qazvin_diplomacy.core.calendar import EntryKind
    from qazvin_diplomacy.core.followups import FollowUpFilter, FollowUpInput
    from qazvin_diplomacy.services import followups
    from qazvin_diplomacy.services.calendar import agenda_between, reminders

    tasks = (
        FollowUpInput("ارسال فهرست نیازهای بازار تاجیکستان", owner_text="اتاق بازرگانی",
                      deadline=date(2025, 10, 20)),
        FollowUpInput("پیگیری نمونه‌های ارسالی", deadline=date(2025, 11, 1)),
    )  # fmt: skip
    saved = dg.save_delegation(db, delegation=_tajik(base, status="held", followups=tasks))
    assert [t.title for t in saved.followups] == [t.title for t in tasks]
    # On the follow-ups page with the delegation's title, in the reminders and the calendar.
    rows = followups.list_followup_rows(db, filters=FollowUpFilter(source_kind="delegation"))
    assert [(r.title, r.source_title) for r in rows][0] == (
        "ارسال فهرست نیازهای بازار تاجیکستان", "اعزام تیم تجاری استان به تاجیکستان",
    )  # fmt: skip
    late = reminders(db, today=date(2025, 10, 25))
    entry = next(e for e in late if e.title == "ارسال فهرست نیازهای بازار تاجیکستان")
    assert entry.overdue and entry.open_target() == ("delegations", saved.id)
    on_day = agenda_between(db, start=date(2025, 11, 1), end=date(2025, 11, 1),
                            kinds=[EntryKind.FOLLOWUP])  # fmt: skip
    assert [e.title for e in on_day] == ["پیگیری نمونه‌های ارسالی"]
    # Saving without follow-ups (None) keeps them; a new list replaces them.
    again = dg.save_delegation(
        db, delegation=_tajik(base, status="held", id=saved.id, version=saved.version)
    )
    assert len(again.followups) == 2
    first = replace(again.followups[0], status="done")
    kept = dg.save_delegation(
        db,
        delegation=_tajik(base, status="held", id=saved.id, version=again.version,
                          followups=(FollowUpInput(**{k: getattr(first, k) for k in (
                              "title", "owner_text", "deadline", "status", "id", "version")}),)),
    )  # fmt: skip
    assert [(t.title, t.status) for t in kept.followups] == [
        ("ارسال فهرست نیازهای بازار تاجیکستان", "done")
    ]


def test_a_follow_up_without_a_title_is_refused_by_row(db, base) -> None:
    from qazvin_diplomacy.core.followups import FollowUpInput

    with pytest.raises(ValidationError) as refused:
        dg.save_delegation(db, delegation=_tajik(base, followups=(FollowUpInput("  "),)))
    assert refused.value.errors == {"followups.0.title": "شرح اقدام پیگیری را بنویسید."}
    assert dg.count_delegations(db) == 0
