"""Order of precedence (ترتیب تقدم تشریفاتی) of the guests of an event.

The rules, in order:

1. Heads of mission by class (Vienna Convention on Diplomatic Relations, art. 14):
   ambassadors, then envoys and ministers, then chargés d'affaires (en titre).
2. Within a class, by the date and time each took up functions (art. 16): earlier first.
3. Chargés d'affaires ad interim after every head of mission, among themselves by the date
   and time they took charge.
4. Everyone else by the office's rank table (:data:`DEFAULT_RANK_TABLE` or the office's
   own): a dict from a rank key (a ``DiplomaticRank`` value such as ``"counsellor"``) or the
   beginning of a title (``"استاندار"``, ``"مدیرکل"``, ``"Deputy Governor"``) to an order
   number, smaller first.  A title matches the longest key it starts with (compared as search
   keys, so spelling variants and ZWNJ do not matter); Persian and English titles are tried.
5. People the table does not know come last.

Nothing is guessed: two heads of the same class with the same moment (or the same day when a
time is missing — a time of exactly 00:00 local is read as "time not recorded"), a head with no
date, two people with the same order in the rank table, and a person the table does not know
are each reported in :attr:`PrecedenceResult.flags` for a human to decide.  Flagged people keep
the order they were given in (stable), so the list is still usable.  A human decision is a
*manual override*: an order of some keys; those keys keep the positions the rules gave the
group but are permuted into the override's order, and flags whose people are all in the
override are marked resolved.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.labels import LabelledEnum, LabelledIntEnum
from qazvin_diplomacy.core.text import compact_key, normalize, to_latin_digits, to_persian_digits

__all__ = [
    "DEFAULT_RANK_TABLE",
    "FlagKind",
    "PrecedenceCandidate",
    "PrecedenceFlag",
    "PrecedenceGroup",
    "PrecedenceResult",
    "RANK_TITLE_MAX",
    "RankRow",
    "RankedEntry",
    "default_rank_rows",
    "order_of_precedence",
    "rank_in_table",
    "rank_table_of",
    "validate_rank_rows",
]

Key = Hashable


class PrecedenceGroup(LabelledIntEnum):
    """The groups of the order, in order."""

    AMBASSADOR = 1, "سفیران", "Ambassadors"
    ENVOY = 2, "وزیران مختار و فرستادگان", "Envoys and ministers"
    CHARGE_DAFFAIRES = 3, "کارداران", "Chargés d'affaires"
    CHARGE_AD_INTERIM = 4, "کارداران موقت", "Chargés d'affaires a.i."
    RANKED = 5, "سایر مهمانان", "Other guests"  # by the office's rank table
    UNRANKED = 6, "مهمانان بدون رتبه", "Guests without a rank"  # not in the rank table


# DiplomaticRank values (core.directory) of the groups decided by the Vienna Convention.
_HEAD_GROUPS = {
    "ambassador": PrecedenceGroup.AMBASSADOR,
    "envoy": PrecedenceGroup.ENVOY,
    "charge_daffaires": PrecedenceGroup.CHARGE_DAFFAIRES,
    "charge_ad_interim": PrecedenceGroup.CHARGE_AD_INTERIM,
}

# The default rank table of a governorate office: host officials by office, then foreign
# diplomats below head of mission by rank, then heads of companies and staff.  Offices
# edit their own copy (a dict of the same shape).
DEFAULT_RANK_TABLE: dict[str, int] = {
    # The province's own officials.
    "استاندار": 10,
    "Governor": 10,
    "نماینده ویژه وزیر": 15,
    "Special Representative": 15,
    "معاون استاندار": 20,
    "Deputy Governor": 20,
    "معاون": 25,
    "Deputy": 25,
    "Vice-President": 25,
    "رئیس دفتر نمایندگی وزارت امور خارجه": 30,
    "Head of the Representative Office": 30,
    "فرماندار": 35,
    "مدیرکل": 40,
    "Director-General": 40,  # also matches "Director General" (compared as search keys)
    "رئیس": 50,
    "President": 50,
    "Head": 50,
    "Chairman": 50,
    "Chair": 50,
    "شهردار": 55,
    "Mayor": 55,
    "مدیر": 60,
    "Director": 60,
    "دبیر": 65,
    "Secretary": 65,
    # Foreign diplomats below head of mission (DiplomaticRank values).
    "minister_counsellor": 100,
    "consul_general": 105,
    "counsellor": 110,
    "consul": 120,
    "first_secretary": 130,
    "second_secretary": 140,
    "attache": 150,
    # Business and staff.
    "مدیرعامل": 200,
    "Managing Director": 200,
    "مدیر صادرات": 210,
    "Export Manager": 210,
    "کارشناس": 300,
    "Officer": 300,
}


RANK_TITLE_MAX = 200
RANK_ORDER_MAX = 1_000_000


@dataclass(frozen=True)
class RankRow:
    """One row of an office's rank table as staff edit it.

    ``title`` is a title beginning (Persian or English) or a ``DiplomaticRank`` value;
    ``order`` is a positive whole number (smaller first) — an ``int`` or the text a person
    typed (any digit script), checked by :func:`validate_rank_rows`.
    """

    title: str
    order: int | str | None
    note: str = ""


def default_rank_rows() -> tuple[RankRow, ...]:
    """:data:`DEFAULT_RANK_TABLE` as rows, in its order."""
    return tuple(RankRow(key, order) for key, order in DEFAULT_RANK_TABLE.items())


def _parse_order(value: int | str | None) -> int | None:
    """A positive whole number from ``value`` (int or typed text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = to_latin_digits(normalize(value or "")).strip()
        if not text.isascii() or not text.isdigit():
            return None
        number = int(text)
    return number if 0 < number <= RANK_ORDER_MAX else None


def validate_rank_rows(rows: Sequence[RankRow]) -> dict[str, str]:
    """Persian messages per row: ``entries.<i>.title`` and ``entries.<i>.order`` (0-based ``i``).

    A title must be non-blank, at most :data:`RANK_TITLE_MAX` characters and not repeat
    another row's title once spelling variants, spaces and punctuation are ignored
    (``core.text.compact_key``); an order must be a whole number from 1 to 1,000,000.
    """
    errors: dict[str, str] = {}
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        title = normalize(row.title or "")
        key = compact_key(title)
        if not title:
            errors[f"entries.{i}.title"] = "عنوان را بنویسید."
        elif not key:
            errors[f"entries.{i}.title"] = "عنوان باید دست‌کم یک حرف یا رقم داشته باشد."
        elif len(title) > RANK_TITLE_MAX:
            errors[f"entries.{i}.title"] = (
                f"عنوان حداکثر {to_persian_digits(RANK_TITLE_MAX)} نویسه است."
            )
        elif key in seen:
            errors[f"entries.{i}.title"] = (
                f"این عنوان با ردیف {to_persian_digits(seen[key] + 1)} یکی است."
            )
        else:
            seen[key] = i
        if _parse_order(row.order) is None:
            errors[f"entries.{i}.order"] = "رتبه باید عددی صحیح و مثبت باشد (۱ یا بیشتر)."
    return errors


def rank_table_of(rows: Iterable[RankRow]) -> dict[str, int]:
    """The ``{key: order}`` table of valid rows (rows failing validation are skipped)."""
    table: dict[str, int] = {}
    for row in rows:
        title = normalize(row.title or "")
        order = _parse_order(row.order)
        if title and compact_key(title) and order is not None:
            table.setdefault(title, order)
    return table


class FlagKind(LabelledEnum):
    """Why a human must decide."""

    # same class and same moment (or same day, time not recorded)
    TIE = "tie", "هم‌زمانی آغاز مأموریت", "Same start of functions"
    # a head of mission (or ad interim) without a date
    MISSING_DATE = "missing_date", "تاریخ آغاز مأموریت ثبت نشده", "Start of functions not recorded"
    # the rank table gives several people the same order
    SAME_RANK = "same_rank", "رتبهٔ یکسان", "Same rank"
    # the rank table does not know the person
    NO_RANK = "no_rank", "رتبه نامعلوم", "Rank unknown"


@dataclass(frozen=True)
class PrecedenceCandidate:
    """One person to place: ``key`` identifies them (e.g. the person id).

    ``diplomatic_rank`` is a ``DiplomaticRank`` value or None; ``functions_started_at`` is
    when they took up functions (timezone-aware; a naive value is read as UTC);
    ``rank_key`` overrides the rank-table lookup for people who are not heads of mission.
    """

    key: Key
    name: str = ""
    diplomatic_rank: str | None = None
    functions_started_at: datetime | None = None
    title_fa: str = ""
    title_en: str = ""
    rank_key: str | None = None
    name_en: str = ""  # for the English texts (``name`` when empty)


@dataclass(frozen=True)
class PrecedenceFlag:
    """A point a human must decide: ``keys`` are the people concerned, in their current order."""

    kind: FlagKind
    keys: tuple[Key, ...]
    message_fa: str
    message_en: str
    resolved: bool = False


@dataclass(frozen=True)
class RankedEntry:
    """One person's place: 1-based ``position``, group, why, and whether it needs a decision."""

    key: Key
    position: int
    group: PrecedenceGroup
    reason_fa: str
    reason_en: str
    table_order: int | None = None
    flagged: bool = False
    overridden: bool = False


@dataclass(frozen=True)
class PrecedenceResult:
    """The order (keys, first = highest), the entries in that order, and the flags."""

    order: tuple[Key, ...]
    entries: tuple[RankedEntry, ...]
    flags: tuple[PrecedenceFlag, ...] = field(default=())

    @property
    def open_flags(self) -> tuple[PrecedenceFlag, ...]:
        """Flags not yet resolved by a manual override."""
        return tuple(f for f in self.flags if not f.resolved)

    def position(self, key: Key) -> int:
        """1-based position of ``key`` in the order."""
        return self.order.index(key) + 1


def rank_in_table(
    candidate: PrecedenceCandidate, table: Mapping[str, int] = DEFAULT_RANK_TABLE
) -> tuple[str, int] | None:
    """The (key, order) of ``table`` that places ``candidate``, or None when none does.

    ``rank_key`` first, then the diplomatic rank, then the longest table key that the Persian
    or English title begins with (compared as compact search keys).
    """
    return _rank_in(candidate, table, _compact_table(table))


def _compact_table(table: Mapping[str, int]) -> list[tuple[str, str, int]]:
    """(key, compact key, order) of every table key, longest compact key first."""
    entries = [(key, compact_key(key), order) for key, order in table.items()]
    return sorted((e for e in entries if e[1]), key=lambda e: -len(e[1]))


def _rank_in(
    candidate: PrecedenceCandidate,
    table: Mapping[str, int],
    compact_entries: list[tuple[str, str, int]],
) -> tuple[str, int] | None:
    for direct in (candidate.rank_key, candidate.diplomatic_rank):
        if not direct:
            continue
        if direct in table:
            return direct, table[direct]
        direct_c = compact_key(direct)
        for key, key_c, order in compact_entries:
            if key_c == direct_c:  # the office typed "Counsellor" for the rank "counsellor"
                return key, order
    best: tuple[str, int] | None = None
    best_length = 0
    for title in (candidate.title_fa, candidate.title_en):
        title_key = compact_key(title)
        if not title_key:
            continue
        for key, key_c, order in compact_entries:
            if len(key_c) <= best_length:
                break  # sorted longest first: nothing longer can follow
            if title_key.startswith(key_c):
                best, best_length = (key, order), len(key_c)
                break
    return best


def _local_moment(moment: datetime) -> datetime:
    return to_local(moment)


def _time_unknown(moment: datetime) -> bool:
    return _local_moment(moment).time() == time(0, 0)


def _when_fa(moment: datetime) -> str:
    local = _local_moment(moment)
    text = format_jalali(local)
    if not _time_unknown(moment):
        text += " ساعت " + to_persian_digits(f"{local.hour:02d}:{local.minute:02d}")
    return text


def _when_en(moment: datetime) -> str:
    local = _local_moment(moment)
    text = format_jalali(local, digits="latin")
    if not _time_unknown(moment):
        text += f" {local.hour:02d}:{local.minute:02d}"
    return text


def _names(people: Iterable[PrecedenceCandidate]) -> str:
    return "، ".join(p.name or str(p.key) for p in people)


def _names_en(people: Iterable[PrecedenceCandidate]) -> str:
    return ", ".join(p.name_en or p.name or str(p.key) for p in people)


def _order_heads(
    group: PrecedenceGroup, people: list[PrecedenceCandidate]
) -> tuple[list[PrecedenceCandidate], list[PrecedenceFlag]]:
    """Heads of one class (or the ad interim group) by the moment they took up functions."""
    dated = [p for p in people if p.functions_started_at is not None]
    undated = [p for p in people if p.functions_started_at is None]
    dated.sort(key=lambda p: p.functions_started_at)  # type: ignore[arg-type, return-value]
    flags: list[PrecedenceFlag] = []
    # Runs of people who cannot be told apart: the same moment, or the same local day when
    # one of them has no recorded time.
    i = 0
    while i < len(dated):
        run = [dated[i]]
        j = i + 1
        while j < len(dated):
            a, b = run[-1].functions_started_at, dated[j].functions_started_at
            assert a is not None and b is not None
            same_moment = a == b
            same_day = _local_moment(a).date() == _local_moment(b).date()
            if same_moment or (same_day and (_time_unknown(a) or _time_unknown(b))):
                run.append(dated[j])
                j += 1
            else:
                break
        if len(run) > 1:
            moment = run[0].functions_started_at
            assert moment is not None
            flags.append(
                PrecedenceFlag(
                    FlagKind.TIE,
                    tuple(p.key for p in run),
                    f"{_names(run)} ({group.label_fa}) در یک زمان ({_when_fa(moment)}) مأموریت خود را "
                    "آغاز کرده‌اند یا ساعت آن ثبت نشده است؛ ترتیب آنان را خودتان تعیین کنید.",
                    f"{_names_en(run)} ({group.label_en}) took up functions at the same time "
                    f"({_when_en(moment)}, or the hour is not recorded); decide their order.",
                )
            )
        i = j
    for person in undated:
        flags.append(
            PrecedenceFlag(
                FlagKind.MISSING_DATE,
                (person.key,),
                f"تاریخ و ساعت آغاز مأموریت «{person.name or person.key}» ({group.label_fa}) ثبت "
                "نشده است؛ در انتهای گروه خود آمده است تا جای او را تعیین کنید.",
                f"No date of taking up functions for {_names_en([person])} "
                f"({group.label_en}); placed last in the group until you decide.",
            )
        )
    return dated + undated, flags


def order_of_precedence(
    candidates: Sequence[PrecedenceCandidate],
    *,
    table: Mapping[str, int] | None = None,
    override: Sequence[Key] = (),
) -> PrecedenceResult:
    """Order ``candidates`` by precedence; return the order, entries and flags (see the module doc).

    ``table`` is the office's rank table (default :data:`DEFAULT_RANK_TABLE`); ``override``
    is a manual order of some keys (unknown keys are ignored).  Duplicate keys raise
    ``ValueError``.
    """
    rank_table = DEFAULT_RANK_TABLE if table is None else table
    keys = [c.key for c in candidates]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate keys in precedence candidates")
    groups: dict[PrecedenceGroup, list[PrecedenceCandidate]] = {g: [] for g in PrecedenceGroup}
    table_rank: dict[Key, tuple[str, int]] = {}
    compact_entries = _compact_table(rank_table)
    for c in candidates:
        head = _HEAD_GROUPS.get(c.diplomatic_rank or "")
        if head is not None:
            groups[head].append(c)
            continue
        found = _rank_in(c, rank_table, compact_entries)
        if found is None:
            groups[PrecedenceGroup.UNRANKED].append(c)
        else:
            table_rank[c.key] = found
            groups[PrecedenceGroup.RANKED].append(c)

    ordered: list[tuple[PrecedenceCandidate, PrecedenceGroup]] = []
    flags: list[PrecedenceFlag] = []
    for group in (
        PrecedenceGroup.AMBASSADOR,
        PrecedenceGroup.ENVOY,
        PrecedenceGroup.CHARGE_DAFFAIRES,
        PrecedenceGroup.CHARGE_AD_INTERIM,
    ):
        people, group_flags = _order_heads(group, groups[group])
        ordered += [(p, group) for p in people]
        flags += group_flags

    ranked = sorted(groups[PrecedenceGroup.RANKED], key=lambda p: table_rank[p.key][1])
    by_order: dict[int, list[PrecedenceCandidate]] = {}
    for p in ranked:
        by_order.setdefault(table_rank[p.key][1], []).append(p)
    for order_no, same in by_order.items():
        if len(same) > 1:
            flags.append(
                PrecedenceFlag(
                    FlagKind.SAME_RANK,
                    tuple(p.key for p in same),
                    f"{_names(same)} در جدول رتبه‌ها هم‌رتبه‌اند (رتبهٔ {to_persian_digits(order_no)})؛ "
                    "ترتیب آنان را خودتان تعیین کنید.",
                    f"{_names_en(same)} share rank {order_no} in the rank table; decide their order.",
                )
            )
    ordered += [(p, PrecedenceGroup.RANKED) for p in ranked]
    for p in groups[PrecedenceGroup.UNRANKED]:
        flags.append(
            PrecedenceFlag(
                FlagKind.NO_RANK,
                (p.key,),
                f"رتبهٔ «{p.name or p.key}» در جدول رتبه‌ها پیدا نشد؛ در انتهای فهرست آمده است.",
                f"{p.name or p.key} is not in the rank table; placed at the end of the list.",
            )
        )
        ordered.append((p, PrecedenceGroup.UNRANKED))

    # Manual override: the overridden keys keep the set of positions the rules gave them,
    # filled in the override's order.
    present = set(keys)
    manual = [k for k in dict.fromkeys(override) if k in present]
    if manual:
        manual_set = set(manual)
        slots = [i for i, (p, _) in enumerate(ordered) if p.key in manual_set]
        by_key = {p.key: (p, g) for p, g in ordered}
        for slot, key in zip(slots, manual, strict=True):
            ordered[slot] = by_key[key]
        flags = [
            PrecedenceFlag(f.kind, f.keys, f.message_fa, f.message_en, resolved=True)
            if set(f.keys) <= manual_set
            else f
            for f in flags
        ]
        # Within a resolved flag the keys now follow the override.
        flags = [
            PrecedenceFlag(
                f.kind,
                tuple(k for k in manual if k in f.keys) if f.resolved else f.keys,
                f.message_fa,
                f.message_en,
                f.resolved,
            )
            for f in flags
        ]
    else:
        manual_set = set()

    open_keys = {k for f in flags if not f.resolved for k in f.keys}
    entries = []
    for i, (p, group) in enumerate(ordered):
        reason_fa, reason_en = _reason(p, group, table_rank.get(p.key), compact_entries)
        entries.append(
            RankedEntry(
                key=p.key,
                position=i + 1,
                group=group,
                reason_fa=reason_fa,
                reason_en=reason_en,
                table_order=table_rank[p.key][1] if p.key in table_rank else None,
                flagged=p.key in open_keys,
                overridden=p.key in manual_set,
            )
        )
    return PrecedenceResult(
        order=tuple(p.key for p, _ in ordered), entries=tuple(entries), flags=tuple(flags)
    )


def rank_key_label(key: str, lang: str = "fa") -> str:
    """A rank-table key as people read it: a ``DiplomaticRank`` value by its label in ``lang``
    (``minister_counsellor`` → «رایزن وزیر» / "Minister-Counsellor"); a title beginning as is."""
    try:
        rank = DiplomaticRank(key)
    except ValueError:
        return key
    return rank.label_fa if lang == "fa" else rank.label_en


def rank_row_key(text: str) -> str:
    """What a rank-table cell means: a ``DiplomaticRank`` value when ``text`` is its label in
    either language or the value itself (spelling variants and spaces ignored: «رایزن وزیر»,
    "Minister-Counsellor" → ``minister_counsellor``); otherwise the title beginning as typed.
    The inverse of :func:`rank_key_label`, so the table shows labels and stores keys."""
    wanted = compact_key(text)
    if wanted:
        for rank in DiplomaticRank:
            if wanted in (
                compact_key(rank.value),
                compact_key(rank.label_fa),
                compact_key(rank.label_en),
            ):
                return rank.value
    return text


def _english_key(
    p: PrecedenceCandidate, found: tuple[str, int], compact_entries: Sequence[tuple[str, str, int]]
) -> str:
    """The table row to name in English: the one of the same order that the English title
    begins with («استاندار» → "Governor"), else the row found (as typed)."""
    title_key = compact_key(p.title_en)
    if title_key and not found[0].isascii():
        for key, key_c, order in compact_entries:
            if order == found[1] and key.isascii() and title_key.startswith(key_c):
                return key
    return rank_key_label(found[0], "en")


def _reason(
    p: PrecedenceCandidate,
    group: PrecedenceGroup,
    found: tuple[str, int] | None,
    compact_entries: Sequence[tuple[str, str, int]] = (),
) -> tuple[str, str]:
    if group <= PrecedenceGroup.CHARGE_AD_INTERIM:
        if p.functions_started_at is None:
            return (
                f"{group.label_fa} — تاریخ آغاز مأموریت نامعلوم",
                f"{group.label_en} — date unknown",
            )
        return (
            f"{group.label_fa} — آغاز مأموریت {_when_fa(p.functions_started_at)}",
            f"{group.label_en} — took up functions {_when_en(p.functions_started_at)}",
        )
    if found is not None:
        return (
            f"جدول رتبه‌ها: «{rank_key_label(found[0], 'fa')}» (رتبهٔ {to_persian_digits(found[1])})",
            f"Rank table: '{_english_key(p, found, compact_entries)}' (order {found[1]})",
        )
    return "در جدول رتبه‌ها نیست", "Not in the rank table"
