"""A directory record's history is read exactly: linked rows only, none missed."""

from __future__ import annotations

from datetime import date

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.history import country_history, organization_history, person_history

TODAY = date(2025, 10, 25)


def _person(db, text: str):
    return directory.list_people(db, text=text)[0]


def test_person_history_lists_exactly_the_linked_records(db) -> None:
    load_demo(db, today=TODAY)
    ambassador = _person(db, "سفیر جمهوری عراق")
    history = person_history(db, person_id=ambassador.id)
    titles = [v.title for v in history.visits]
    assert titles == ["دیدار سفیر عراق با استاندار قزوین"]
    assert history.events, "the Panjah Bedar invitation is listed"
    governor = _person(db, "نوذری")
    governor_history = person_history(db, person_id=governor.id)
    assert len(governor_history.visits) >= 5  # host of most article visits
    assert all(e.kind == "visit" for e in governor_history.visits)
    # Someone with the governor's surname but no links has an empty history.
    namesake = directory.save_person(db, person=PersonInput(name_fa="علی نوذری"))
    assert person_history(db, person_id=namesake.id).total == 0


def test_owned_followups_are_part_of_a_persons_history(db) -> None:
    load_demo(db, today=TODAY)
    owner = _person(db, "سلطانی")
    history = person_history(db, person_id=owner.id)
    assert any("تشکر" in f.title for f in history.followups)


def test_organization_and_country_history(db) -> None:
    load_demo(db, today=TODAY)
    embassy = directory.list_organizations(db, text="سفارت جمهوری تاجیکستان")[0]
    org = organization_history(db, organization_id=embassy.id)
    assert any("تاجیکستان" in v.title for v in org.visits)
    tajikistan = directory.country_by_code(db, "TJ")
    country = country_history(db, country_id=tajikistan.id)
    assert any("تاجیکستان" in v.title for v in country.visits)
    assert country.agreements, "the roadmap with Sughd is listed"
    iran_only = organization_history(
        db, organization_id=directory.list_organizations(db, text="خانه صادرات")[0].id
    )
    assert not any("تاجیکستان" in v.title for v in iran_only.visits)


def test_history_rows_carry_english_titles_and_details(db) -> None:
    load_demo(db, today=TODAY)
    ambassador = _person(db, "سفیر جمهوری عراق")
    history = person_history(db, person_id=ambassador.id)
    visit = history.visits[0]
    assert visit.title_en == "Visit of the Ambassador of Iraq to Qazvin"
    assert visit.detail and visit.detail_en and visit.detail_en.isascii()
    event = history.events[0]
    assert event.detail_en.startswith(("attended", "invited"))
    assert not any("\u0600" <= ch <= "\u06ff" for ch in event.detail_en.split(",")[0])
