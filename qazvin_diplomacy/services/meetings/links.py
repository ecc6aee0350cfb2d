"""Links from meetings and resolutions to other records (visits, agreements, events, trade
delegations and target markets), stored generically in ``meeting_link``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.meetings import LinkInput, LinkKind
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.base import ConfidentialMixin
from qazvin_diplomacy.storage.confidential import hidden_among
from qazvin_diplomacy.storage.delegations import TradeDelegation
from qazvin_diplomacy.storage.directory import Country
from qazvin_diplomacy.storage.events import Event
from qazvin_diplomacy.storage.markets import TargetMarket
from qazvin_diplomacy.storage.meetings import MeetingLink
from qazvin_diplomacy.storage.visits import Visit

# Each kind's id column and title: a column, or for a target market its country's name.
_TITLES = {
    LinkKind.VISIT.value: (Visit.id, Visit.title),
    LinkKind.AGREEMENT.value: (Agreement.id, Agreement.title),
    LinkKind.EVENT.value: (Event.id, Event.title_fa),
    LinkKind.DELEGATION.value: (TradeDelegation.id, TradeDelegation.title),
    LinkKind.MARKET.value: (TargetMarket.id, Country.name_fa),
}


def _title(session: Session, kind_code: str, columns: tuple[Any, Any], target_id: int) -> str:
    query = select(columns[1]).where(columns[0] == target_id)
    if kind_code == LinkKind.MARKET.value:
        query = query.select_from(TargetMarket).join(Country, Country.id == TargetMarket.country_id)
    return session.scalar(query) or ""


_CONFIDENTIAL_TARGETS: dict[str, type[ConfidentialMixin]] = {
    LinkKind.VISIT.value: Visit,
    LinkKind.AGREEMENT.value: Agreement,
    LinkKind.DELEGATION.value: TradeDelegation,
}


def _hidden_links(session: Session, owner_kind: str, owner_id: int) -> list[tuple[str, int]]:
    """The links of one record to visits or agreements the current user may not see."""
    rows = session.execute(
        select(MeetingLink.target_kind, MeetingLink.target_id).where(
            MeetingLink.owner_kind == owner_kind,
            MeetingLink.owner_id == owner_id,
            MeetingLink.target_kind.in_(_CONFIDENTIAL_TARGETS),
        )
    ).all()
    hidden: list[tuple[str, int]] = []
    for kind_code, model in _CONFIDENTIAL_TARGETS.items():
        ids = [target for kind, target in rows if kind == kind_code]
        hidden += [(kind_code, i) for i in sorted(hidden_among(session, model, ids))]
    return hidden


def write_links(
    session: Session, *, owner_kind: str, owner_id: int, links: Sequence[LinkInput]
) -> None:
    """Make ``links`` the links of one record; a link to a record that does not exist is refused."""
    wanted: list[tuple[str, int]] = []
    for link in links:
        kind = LinkKind.find(link.kind)
        if kind is None:
            raise ValidationError({"links": f"نوع پیوند «{link.kind}» شناخته نیست."})
        if (kind.value, link.target_id) not in wanted:
            wanted.append((kind.value, link.target_id))
    for kind_code, target_id in wanted:
        columns = _TITLES.get(kind_code)
        if (
            columns is not None
            and session.scalar(select(columns[0]).where(columns[0] == target_id)) is None
        ):
            raise ValidationError({"links": f"{LinkKind(kind_code).label_fa} پیوندشده پیدا نشد."})
    for kind_code, target_id in _hidden_links(session, owner_kind, owner_id):
        if (kind_code, target_id) not in wanted:  # kept: this user was not shown it
            wanted.append((kind_code, target_id))
    session.execute(
        delete(MeetingLink).where(
            MeetingLink.owner_kind == owner_kind, MeetingLink.owner_id == owner_id
        )
    )
    for kind_code, target_id in wanted:
        session.add(
            MeetingLink(
                owner_kind=owner_kind, owner_id=owner_id, target_kind=kind_code, target_id=target_id
            )
        )


def links_of(session: Session, *, owner_kind: str, owner_id: int) -> tuple[LinkInput, ...]:
    """The links of one record, with the linked records' titles."""
    rows = session.execute(
        select(MeetingLink.target_kind, MeetingLink.target_id)
        .where(MeetingLink.owner_kind == owner_kind, MeetingLink.owner_id == owner_id)
        .order_by(MeetingLink.id)
    ).all()
    found: list[LinkInput] = []
    hidden = set(_hidden_links(session, owner_kind, owner_id))
    for kind_code, target_id in rows:
        if (kind_code, target_id) in hidden:
            continue
        columns = _TITLES.get(kind_code)
        title = ""
        if columns is not None:
            title = _title(session, kind_code, columns, target_id)
        found.append(LinkInput(kind_code, target_id, title))
    return tuple(found)


def linked_to(session: Session, *, target_kind: str, target_id: int, owner_kind: str) -> list[int]:
    """Ids of the meetings or resolutions (``owner_kind``) linked to one record."""
    return list(
        session.scalars(
            select(MeetingLink.owner_id).where(
                MeetingLink.target_kind == target_kind,
                MeetingLink.target_id == target_id,
                MeetingLink.owner_kind == owner_kind,
            )
        )
    )
