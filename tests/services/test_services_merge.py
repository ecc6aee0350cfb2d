"""Merging duplicate people and organizations keeps every link; likely duplicates are found."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import NotFoundError, StaleRecordError, ValidationError
from qazvin_diplomacy.core.text import index_key
from qazvin_diplomacy.services import merge as merge_module
from qazvin_diplomacy.services.directory import (
    get_organization,
    get_person,
    save_organization,
    save_person,
)
from qazvin_diplomacy.services.merge import (
    likely_duplicate_organizations,
    likely_duplicates,
    links_to,
    merge_organizations,
    merge_people,
    phone_keys,
)
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage.agreements import Agreement, AgreementParty, AgreementSignatory
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.events import Event, EventGuest
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import (
    Visit,
    VisitGift,
    VisitGuest,
    VisitHost,
    VisitItineraryItem,
)

NOW = datetime(2025, 10, 1, 8, 0, tzinfo=UTC)


def _count(db: Database, column, value) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count()).where(column == value)) or 0)


def _visit(s, title: str) -> Visit:
    v = Visit(title=title, start_at=NOW, end_at=NOW, search_key=index_key(title))
    s.add(v)
    s.flush()
    return v


def test_links_are_discovered_from_the_metadata() -> None:
    found = {f"{t.name}.{c.name}" for t, c in links_to("person")}
    assert {
        "visit_guest.person_id",
        "visit_host.person_id",
        "visit_itinerary_item.responsible_person_id",
        "visit_gift.person_id",
        "follow_up_task.owner_person_id",
        "event_guest.person_id",
        "agreement_signatory.person_id",
        "agreement.legal_reviewer_person_id",
    } <= found
    orgs = {f"{t.name}.{c.name}" for t, c in links_to("organization")}
    assert {
        "person.organization_id",
        "organization.parent_id",
        "agreement_party.organization_id",
    } <= orgs


def test_merge_people_keeps_every_link(db: Database) -> None:
    keep = save_person(
        db, person=PersonInput(name_fa="علی رضایی", phone="0912 111 2222", notes="اول")
    ).id
    dup = save_person(
        db,
        person=PersonInput(
            name_fa="علي رضائي",
            name_en="Ali Rezaei",
            email="ali@example.com",
            phone="021 3333 4444",
            title_fa="مدیرکل",
            notes="دوم",
        ),
    ).id
    with db.session() as s:
        shared, own = _visit(s, "دیدار مشترک"), _visit(s, "دیدار دوم")
        s.add_all(
            [
                VisitGuest(visit_id=shared.id, person_id=keep),
                VisitGuest(visit_id=shared.id, person_id=dup),
                VisitGuest(visit_id=own.id, person_id=dup),
                VisitHost(visit_id=own.id, person_id=dup),
            ]
        )
        s.add(
            VisitItineraryItem(
                visit_id=own.id,
                start_at=NOW,
                end_at=NOW,
                activity="بازدید",
                responsible_person_id=dup,
            )
        )
        s.add(VisitGift(visit_id=own.id, person_id=dup, description="فرش"))
        s.add(FollowUpTask(title="پیگیری", owner_person_id=dup, search_key="پیگیری"))
        event = Event(
            title_fa="جشن",
            start_date=date(2025, 10, 1),
            end_date=date(2025, 10, 1),
            search_key="جشن",
        )
        s.add(event)
        org = Organization(name_fa="استانداری", search_key="استانداری")
        agreement = Agreement(
            title="تفاهم‌نامه", status_changed_at=NOW, legal_reviewer_person_id=dup, search_key="x"
        )
        s.add_all([org, agreement])
        s.flush()
        s.add(EventGuest(event_id=event.id, person_id=dup))
        party = AgreementParty(agreement_id=agreement.id, side="iran", organization_id=org.id)
        s.add(party)
        s.flush()
        s.add(AgreementSignatory(agreement_id=agreement.id, party_id=party.id, person_id=dup))
        s.add(
            Attachment(
                owner_kind="person", owner_id=dup, sha256="0" * 64, size=1, original_name="cv.pdf"
            )
        )
        shared_id = shared.id
    summary = merge_people(db, keep_id=keep, remove_id=dup)
    assert summary.dropped == {"visit_guest.person_id": 1}  # both were guests of one visit
    assert summary.moved["visit_guest.person_id"] == 1
    for model, column in [
        (VisitGuest, VisitGuest.person_id),
        (VisitHost, VisitHost.person_id),
        (VisitItineraryItem, VisitItineraryItem.responsible_person_id),
        (VisitGift, VisitGift.person_id),
        (FollowUpTask, FollowUpTask.owner_person_id),
        (EventGuest, EventGuest.person_id),
        (AgreementSignatory, AgreementSignatory.person_id),
        (Agreement, Agreement.legal_reviewer_person_id),
        (Attachment, Attachment.owner_id),
    ]:
        assert _count(db, column, dup) == 0, model.__name__
        assert _count(db, column, keep) >= 1, model.__name__
    assert _count(db, VisitGuest.visit_id, shared_id) == 1
    with pytest.raises(NotFoundError):
        get_person(db, dup)
    kept = get_person(db, keep)
    assert kept.name_en == "Ali Rezaei" and kept.title_fa == "مدیرکل"  # blanks filled
    assert kept.phone == "0912 111 2222, 021 3333 4444" and kept.email == "ali@example.com"
    assert kept.notes == "اول\nدوم"
    assert [h.id for h in search(db, "رضایی").group("person").hits] == [keep]
    assert [h.id for h in search(db, "Rezaei").group("person").hits] == [keep]


def test_merge_does_not_join_the_same_phone_or_email_twice(db: Database) -> None:
    keep = save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده", phone="021-22801201", email="J.Qodirzoda@mfa.example"
        ),
    ).id
    dup = save_person(
        db,
        person=PersonInput(
            name_fa="جمشيد قادرزاده",
            phone="+98 21 2280 1201, 0912 345 6789",  # the same office number, and a mobile
            email="j.qodirzoda@MFA.example, jq@mail.example",
        ),
    ).id
    merge_people(db, keep_id=keep, remove_id=dup)
    kept = get_person(db, keep)
    assert kept.phone == "021-22801201, 0912 345 6789"
    assert kept.email == "J.Qodirzoda@mfa.example, jq@mail.example"
    org_keep = save_organization(
        db, org=OrganizationInput(name_fa="سفارت تاجیکستان", phone="021 2280 1200")
    ).id
    org_dup = save_organization(
        db, org=OrganizationInput(name_fa="سفارت تاجيكستان", phone="۰۲۱-۲۲۸۰۱۲۰۰")
    ).id
    merge_organizations(db, keep_id=org_keep, remove_id=org_dup)
    assert get_organization(db, org_keep).phone == "021 2280 1200"


def test_merge_is_all_or_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    keep = save_person(db, person=PersonInput(name_fa="الف")).id
    dup = save_person(db, person=PersonInput(name_fa="ب", email="b@example.com")).id
    with db.session() as s:
        v = _visit(s, "دیدار")
        s.add(VisitGuest(visit_id=v.id, person_id=dup))

    def boom(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(merge_module, "_generic_links", boom)
    with pytest.raises(RuntimeError):
        merge_people(db, keep_id=keep, remove_id=dup)
    assert get_person(db, dup).email == "b@example.com"
    assert get_person(db, keep).email == ""
    assert _count(db, VisitGuest.person_id, dup) == 1


def test_merge_refusals(db: Database) -> None:
    a = save_person(db, person=PersonInput(name_fa="الف"))
    b = save_person(db, person=PersonInput(name_fa="ب"))
    with pytest.raises(ValidationError):
        merge_people(db, keep_id=a.id, remove_id=a.id)
    with pytest.raises(StaleRecordError):
        merge_people(db, keep_id=a.id, remove_id=b.id, remove_version=b.version + 5)
    with pytest.raises(NotFoundError):
        merge_people(db, keep_id=a.id, remove_id=9999)
    with pytest.raises(TypeError, match="remove_verson"):  # a misspelt version is no version
        merge_people(db, keep_id=a.id, remove_id=b.id, remove_verson=b.version + 5)  # type: ignore[call-arg]
    assert get_person(db, b.id).name_fa == "ب"


def test_merge_organizations_moves_members_children_and_parties(db: Database) -> None:
    parent = save_organization(db, org=OrganizationInput(name_fa="وزارت امور خارجه")).id
    keep = save_organization(db, org=OrganizationInput(name_fa="اتاق بازرگانی قزوین")).id
    dup = save_organization(
        db,
        org=OrganizationInput(
            name_fa="اتاق بازرگاني قزوين",
            name_en="Qazvin Chamber",
            kind="chamber",
            parent_id=parent,
        ),
    ).id
    child = save_organization(db, org=OrganizationInput(name_fa="کمیسیون صادرات", parent_id=dup)).id
    member = save_person(db, person=PersonInput(name_fa="رئیس اتاق", organization_id=dup)).id
    with db.session() as s:
        agreement = Agreement(title="تفاهم", status_changed_at=NOW, search_key="x")
        s.add(agreement)
        s.flush()
        s.add_all(
            [
                AgreementParty(agreement_id=agreement.id, side="iran", organization_id=keep),
                AgreementParty(agreement_id=agreement.id, side="foreign", organization_id=dup),
            ]
        )
    summary = merge_organizations(db, keep_id=keep, remove_id=dup)
    assert (
        summary.moved["organization.parent_id"] == 1
        and summary.moved["person.organization_id"] == 1
    )
    assert summary.dropped == {"agreement_party.organization_id": 1}
    assert get_organization(db, child).parent_id == keep
    assert get_person(db, member).organization_id == keep
    kept = get_organization(db, keep)
    assert (kept.kind, kept.name_en, kept.parent_id) == ("chamber", "Qazvin Chamber", parent)
    with pytest.raises(NotFoundError):
        get_organization(db, dup)


def test_merge_organization_into_its_own_child(db: Database) -> None:
    top = save_organization(db, org=OrganizationInput(name_fa="بالا")).id
    mid = save_organization(db, org=OrganizationInput(name_fa="میانه", parent_id=top)).id
    low = save_organization(db, org=OrganizationInput(name_fa="پایین", parent_id=mid)).id
    with pytest.raises(ValidationError):  # top is an indirect parent of low
        merge_organizations(db, keep_id=low, remove_id=top)
    merge_organizations(db, keep_id=mid, remove_id=top)  # a direct parent: mid takes its place
    assert get_organization(db, mid).parent_id is None
    assert get_organization(db, low).parent_id == mid


def test_likely_duplicates(db: Database) -> None:
    ali = save_person(db, person=PersonInput(name_fa="علی رضایی", email="Ali@Example.com")).id
    phone = save_person(db, person=PersonInput(name_fa="کسی دیگر", phone="+98 (912) 123-4567")).id
    save_person(db, person=PersonInput(name_fa="علی رضایی‌نژاد"))  # a longer name is not the same
    found = likely_duplicates(db, person=PersonInput(name_fa="علي  رضائي"))
    assert [(d.id, d.reasons) for d in found] == [(ali, ("name",))]
    found = likely_duplicates(
        db, person=PersonInput(name_fa="نو", email="ali@example.com", phone="09121234567")
    )
    assert {(d.id, d.reasons) for d in found} == {(ali, ("email",)), (phone, ("phone",))}
    assert found[0].reasons_fa in ("رایانامه یکسان", "تلفن یکسان")
    assert likely_duplicates(db, person=PersonInput(name_fa="علی رضایی", id=ali)) == []
    assert phone_keys("۰۹۱۲ ۱۲۳ ۴۵۶۷، 1234") == ["9121234567"]  # an extension is no evidence


def test_likely_duplicate_organizations(db: Database) -> None:
    org = save_organization(
        db, org=OrganizationInput(name_fa="دانشگاه بین\u200cالمللی امام خمینی")
    ).id
    found = likely_duplicate_organizations(db, name_fa="دانشگاه بین المللی امام خميني")
    assert [d.id for d in found] == [org]
    assert likely_duplicate_organizations(db, name_fa="دانشگاه", exclude_id=None) == []
