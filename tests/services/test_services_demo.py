"""Demo data: grounded in the articles, deterministic, all-or-nothing."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.health import check, is_empty
from qazvin_diplomacy.storage.database import Database

TODAY = date(2025, 10, 25)


def test_demo_holds_the_people_of_the_articles(db) -> None:
    assert is_empty(db)
    summary = load_demo(db, today=TODAY)
    assert summary.total > 50
    assert not is_empty(db)
    names = {p.name_fa for p in directory.list_people(db, limit=1000)}
    assert "محمد نوذری" in names
    assert "بیژن گرامی" in names
    governor = directory.list_people(db, text="نوذری")[0]
    assert "استاندار" in governor.title_fa
    heads = [p for p in directory.list_people(db, limit=1000) if p.diplomatic_rank == "ambassador"]
    assert {p.country_name_fa for p in heads} >= {"عراق", "تاجیکستان", "روسیه"}
    assert all(p.functions_started_at is not None and p.functions_started_at.tzinfo for p in heads)
    assert check(db).healthy


def test_demo_is_deterministic(tmp_path) -> None:
    def snapshot(name: str) -> list[tuple[str, str, str]]:
        db = Database.open(tmp_path / name)
        load_demo(db, scale=1, today=TODAY)
        rows = [(p.name_fa, p.name_en, p.email) for p in directory.list_people(db, limit=10_000)]
        db.close()
        return rows

    assert snapshot("a.sqlite3") == snapshot("b.sqlite3")


@pytest.mark.slow
def test_scale_adds_volume(db) -> None:
    summary = load_demo(db, scale=2, today=TODAY)
    base_people = len(directory.list_people(db, limit=100_000))
    assert summary.counts["people"] == base_people
    assert base_people > 60 + 2 * 30


def test_demo_refuses_a_non_empty_database(db) -> None:
    load_demo(db, today=TODAY)
    before = len(directory.list_people(db, limit=100_000))
    with pytest.raises(KnownError):
        load_demo(db, today=TODAY)
    assert len(directory.list_people(db, limit=100_000)) == before


def test_scale_adds_delegations_with_members_programme_and_follow_ups(db) -> None:
    from qazvin_diplomacy.core.delegations import DelegationFilter
    from qazvin_diplomacy.core.followups import FollowUpDue, FollowUpFilter
    from qazvin_diplomacy.services import delegations, followups
    from qazvin_diplomacy.services.demo_delegations import DELEGATIONS_PER_SCALE

    summary = load_demo(db, scale=1, today=TODAY)
    assert summary.counts["delegations"] == 2 + DELEGATIONS_PER_SCALE
    assert delegations.count_delegations(db) == 2 + DELEGATIONS_PER_SCALE
    tajik = delegations.list_delegations(
        db, filters=DelegationFilter(text="تیم تجاری استان قزوین")
    )[0]
    assert len(delegations.get_delegation(db, delegation_id=tajik.id or 0).followups) == 3
    synthetic = delegations.list_delegations(db, filters=DelegationFilter(text="شمارهٔ"), limit=50)
    assert len(synthetic) == DELEGATIONS_PER_SCALE
    whole = delegations.get_delegation(db, delegation_id=synthetic[0].id or 0)
    assert len(whole.members) == 3 and len(whole.programme) == 2
    tasks = followups.list_followup_rows(
        db, filters=FollowUpFilter(due=FollowUpDue.ALL.value, source_kind="delegation"), limit=500
    )
    assert len(tasks) == 3 + summary.counts["followups"]
    assert all(t.source_title for t in tasks)
    assert check(db).healthy
