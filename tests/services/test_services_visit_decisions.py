"""Decisions on a visit that are kept and can be undone (issue 20): the clash reason asked once,
"held" only once the visit started, "held" undone with a reason kept in the visit's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from test_services_visits import FRIDAY, SUNDAY, at, base_visit, save, world  # noqa: F401

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.visits import ConflictsFound, LogKind, VisitStatus
from qazvin_diplomacy.services import visits as svc

# ruff: noqa: F811  (the ``world`` fixture is imported and used as an argument)

AFTER = at(SUNDAY + timedelta(days=1), 9)  # the Monday after the visit
BEFORE = at(SUNDAY - timedelta(days=4), 9)  # four days before it


def _on_friday(world, reason: str):
    visit = base_visit(world, start_at=at(FRIDAY, 10), end_at=at(FRIDAY, 12))
    return svc.save_visit(world["db"], visit=visit, conflict_reason=reason)


def test_the_clash_reason_is_kept_on_later_saves(world) -> None:
    saved = _on_friday(world, "به درخواست سفارت")
    again = svc.save_visit(world["db"], visit=replace(saved, purpose="دستور جلسه تازه"))
    assert again.conflict_reason == "به درخواست سفارت"  # not asked again, not replaced
    assert again.log == ()


def test_a_changed_clash_asks_again_with_the_stored_reason(world) -> None:
    saved = _on_friday(world, "به درخواست سفارت")
    other = base_visit(world, title="دیدار دیگر", start_at=at(FRIDAY, 11), end_at=at(FRIDAY, 13))
    svc.save_visit(world["db"], visit=other, conflict_reason="هر دو لازم است")  # a new clash
    with pytest.raises(ConflictsFound) as raised:
        svc.save_visit(world["db"], visit=replace(saved, purpose="دستور جلسه تازه"))
    assert raised.value.previous_reason == "به درخواست سفارت"
    changed = svc.save_visit(
        world["db"],
        visit=replace(saved, purpose="دستور جلسه تازه"),
        conflict_reason="قبلا تایید شده",
    )
    assert changed.conflict_reason == "قبلا تایید شده"
    assert [(e.kind, e.old_value, e.new_value) for e in changed.log] == [
        (LogKind.CONFLICT_REASON, "به درخواست سفارت", "قبلا تایید شده")
    ]
    assert svc.get_visit(world["db"], saved.id).log == changed.log


def test_held_is_refused_before_the_visit_starts(world) -> None:
    saved = save(world, status=VisitStatus.CONFIRMED)
    with pytest.raises(ValidationError) as raised:
        svc.change_status(
            world["db"],
            visit_id=saved.id,
            version=saved.version,
            status=VisitStatus.HELD,
            now=BEFORE,
        )
    assert "آغاز نشده" in raised.value.errors["status"]
    with pytest.raises(ValidationError):
        svc.save_visit(world["db"], visit=replace(saved, status=VisitStatus.HELD), now=BEFORE)
    assert svc.get_visit(world["db"], saved.id).status is VisitStatus.CONFIRMED
    held = svc.change_status(
        world["db"], visit_id=saved.id, version=saved.version, status=VisitStatus.HELD, now=AFTER
    )
    assert held.status is VisitStatus.HELD


def test_held_can_be_undone_only_with_a_reason_kept_in_the_history(world) -> None:
    saved = save(world, status=VisitStatus.CONFIRMED)
    held = svc.change_status(
        world["db"], visit_id=saved.id, version=saved.version, status=VisitStatus.HELD, now=AFTER
    )
    with pytest.raises(ValidationError) as raised:
        svc.change_status(
            world["db"], visit_id=held.id, version=held.version, status=VisitStatus.CONFIRMED
        )
    assert "دلیل" in raised.value.errors["status"]
    undone = svc.change_status(
        world["db"],
        visit_id=held.id,
        version=held.version,
        status=VisitStatus.CONFIRMED,
        reason="اشتباهی برگزارشده زده شد",
    )
    assert undone.status is VisitStatus.CONFIRMED
    (entry,) = undone.log
    assert entry.kind is LogKind.STATUS_UNDONE and entry.reason == "اشتباهی برگزارشده زده شد"
    assert (entry.old_value, entry.new_value) == ("held", "confirmed")
    assert isinstance(entry.at, datetime)


def test_held_cannot_jump_anywhere_but_back_to_confirmed(world) -> None:
    saved = save(world, status=VisitStatus.CONFIRMED)
    held = svc.change_status(
        world["db"], visit_id=saved.id, version=saved.version, status=VisitStatus.HELD, now=AFTER
    )
    with pytest.raises(ValidationError):
        svc.change_status(
            world["db"],
            visit_id=held.id,
            version=held.version,
            status=VisitStatus.CANCELLED,
            reason="x",
        )
