"""Demo meetings: the economic-diplomacy secretariat's series, sessions and resolutions, plus volume.

Grounded in the articles: the government–private-sector dialogue council's 107th session on
Saturday 3 Aban 1404, chaired by the governor, whose points become its agenda and
resolutions (an export consortium, the economic-diplomacy secretariat, field studies of the
Iraqi Kurdistan, southern Iraq and Afghanistan markets, an operational export roadmap), owned
by the bodies that would own them (article 001); the non-oil export working group that meets
every Saturday, its last few months of sessions placed around today — the Tajikistan trade
team's briefing, the target-country needs database (article 002); the three specialised
working groups the MFA asks for, trade, investment and tourism (article 003).  Deadlines
are set around today so that some resolutions are done, some open and some overdue.
``scale`` adds ``MEETINGS_PER_SCALE`` meetings with ``RESOLUTIONS_PER_SCALE`` resolutions
per unit, over ``ceil(scale / 5)`` synthetic series, bulk-inserted (scale 100: 20 series,
2,000 meetings, 15,000 resolutions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from qazvin_diplomacy.core.jalali import from_jalali, is_holiday, jalali_weekday, to_jalali
from qazvin_diplomacy.core.meetings import (
    OPEN_RESOLUTION_STATUSES,
    Attendance,
    Frequency,
    LogKind,
    MeetingStatus,
    ResolutionStatus,
    format_resolution_number,
)
from qazvin_diplomacy.core.text import index_key, normalize, to_persian_digits
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.meetings.records import meeting_search_key, minutes_snapshot
from qazvin_diplomacy.services.meetings.resolutions import resolution_search_key
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttendee,
    MeetingInvitedBody,
    MeetingMinutesVersion,
    MeetingSeries,
    MeetingSeriesMember,
    Resolution,
    ResolutionBody,
    ResolutionLog,
)

if TYPE_CHECKING:
    from qazvin_diplomacy.core.jalali import Holiday
    from qazvin_diplomacy.services.demo_context import DemoContext

MEETINGS_PER_SCALE = 20
RESOLUTIONS_PER_SCALE = 150
SERIES_PER_FIVE_SCALE = 1
#: The bodies that own the synthetic resolutions.
SYNTHETIC_BODIES = (
    "chamber_qazvin",
    "samt_qazvin",
    "industrial_parks",
    "export_house",
    "mfa_office_qazvin",
    "gov_econ",
    "econ_secretariat",
    "tpo",
    "heritage_qazvin",
    "ikiu",
    "qums",
    "qazvin_stp",
)
WORKING_GROUP_WEEKS = 14  # Saturdays before today with a session of the export working group
LETTER_PATTERN = "{year}/ب‌م/{seq}"


@dataclass(frozen=True)
class _Res:
    """An article resolution; deadline as a fixed Jalali date or days from today."""

    text: str
    body: str
    co: tuple[str, ...] = ()
    person: str = ""
    deadline: tuple[int, int, int] | int = 30
    status: ResolutionStatus = ResolutionStatus.OPEN
    closing: str = ""
    agenda: int = 0  # index of the agenda item it came from


COUNCIL_AGENDA = (
    (
        "بهره‌گیری از ظرفیت دیپلماسی اقتصادی استان در توسعهٔ پایدار صادرات",
        "nozari",
        "استاندار بر حضور پررنگ‌تر در بازار کشورهای همسایه با برنامه‌ریزی منسجم تأکید کرد: "
        "ارائهٔ محصول کیفی با قیمت مناسب، حضور فعال در بازارهای هدف و رایزنی مستمر اقتصادی، "
        "نه حضور نمادین در نمایشگاه‌ها. به ۶۲ کشور صادرات داریم؛ افزایش حجم صادرات و تثبیت "
        "بازارهای موجود مهم‌تر از تنوع مقصدهاست.",
    ),
    (
        "تشکیل کنسرسیوم صادراتی استان",
        "niksirat",
        "اتاق بازرگانی آمادگی خود را برای راهبری کنسرسیوم با مشارکت صادرکنندگان برتر اعلام کرد.",
    ),
    (
        "ایجاد دبیرخانهٔ دیپلماسی اقتصادی با حضور نمایندگان دستگاه‌های مرتبط",
        "safikhani",
        "دبیرخانه با حضور نمایندهٔ وزارت امور خارجه هماهنگی توسعهٔ تجارت با کشورهای هدف را "
        "بر عهده می‌گیرد.",
    ),
    (
        "بررسی میدانی بازارهای اقلیم کردستان عراق، جنوب عراق و افغانستان",
        "golivand",
        "در این بازارها تقاضای قابل توجهی برای محصولات استان هست؛ گروه‌های کارشناسی باید "
        "بازارها را به‌صورت میدانی بررسی و نیازهای جدید را شناسایی کنند.",
    ),
    (
        "تدوین نقشهٔ راه عملیاتی صادرات و بازاریابی",
        "tavakoli",
        "برپایی نمایشگاه به‌تنهایی کافی نیست؛ نقشهٔ راه عملیاتی با هدف‌گذاری دقیق لازم است.",
    ),
)

COUNCIL_RESOLUTIONS = (
    _Res(
        "تشکیل کنسرسیوم صادراتی استان با محوریت اتاق بازرگانی و مشارکت صادرکنندگان برتر",
        "chamber_qazvin",
        ("samt_qazvin", "export_house"),
        "niksirat",
        (1404, 10, 30),
        ResolutionStatus.DONE,
        "اساسنامهٔ کنسرسیوم با عضویت ۱۲ شرکت صادرکننده تصویب و به دبیرخانه اعلام شد.",
        1,
    ),
    _Res(
        "ایجاد دبیرخانهٔ دیپلماسی اقتصادی استان با حضور نمایندهٔ وزارت امور خارجه و دستگاه‌های مرتبط",
        "gov_econ",
        ("mfa_office_qazvin",),
        "moradi",
        (1404, 9, 15),
        ResolutionStatus.DONE,
        "دبیرخانه با ابلاغ استاندار تشکیل شد و جلسات هفتگی آن از آذر ۱۴۰۴ برقرار است.",
        2,
    ),
    _Res(
        "اعزام گروه کارشناسی برای مطالعهٔ میدانی بازار اقلیم کردستان عراق و ارائهٔ گزارش",
        "chamber_qazvin",
        ("cg_ir_erbil", "econ_secretariat"),
        "niksirat",
        -40,
        ResolutionStatus.IN_PROGRESS,
        agenda=3,
    ),
    _Res(
        "مطالعهٔ میدانی بازار جنوب عراق (بصره) و شناسایی نیازهای تازهٔ آن",
        "samt_qazvin",
        ("tpo",),
        "tavakoli",
        -12,
        agenda=3,
    ),
    _Res(
        "مطالعهٔ میدانی بازار افغانستان (هرات) با همکاری خانهٔ صادرات",
        "export_house",
        ("chamber_qazvin",),
        "ahmadvand",
        45,
        agenda=3,
    ),
    _Res(
        "تدوین نقشهٔ راه عملیاتی صادرات و بازاریابی استان و ارائه به شورا",
        "samt_qazvin",
        ("chamber_qazvin", "econ_secretariat"),
        "tavakoli",
        4,
        ResolutionStatus.IN_PROGRESS,
        agenda=4,
    ),
    _Res(
        "معرفی فرزندان قزوینی شاغل در نمایندگی‌های خارج از کشور (از جمله سفارت در مینسک) به دبیرخانه",
        "mfa_office_qazvin",
        (),
        "golivand",
        (1404, 9, 30),
        ResolutionStatus.DONE,
        "فهرست به دبیرخانه ارسال شد؛ رایزن اقتصادی سفارت در مینسک نخستین همکار است.",
        0,
    ),
)

# The Saturday export working group: the first session's points, then a pool of topics.
WG_FIRST = (
    (
        "گزارش آمادگی اعزام تیم تجاری استان به تاجیکستان در پایان هفته",
        "shahhosseini",
        "گزارش جامع دبیرخانه و شرکت شهرک‌های صنعتی برای سفر ارائه شد؛ تاجیکستان پل ارتباطی "
        "آسیای مرکزی برای صادرات محصولات صنعتی و کشاورزی قزوین است.",
    ),
    (
        "راه‌اندازی خانهٔ صادرات قزوین و همکاری اتاق، صمت و شهرک‌های صنعتی",
        "ahmadvand",
        "خانهٔ صادرات چند روز پیش افتتاح شد.",
    ),
)
WG_FIRST_RESOLUTIONS = (
    _Res(
        "تهیهٔ بانک اطلاعاتی نیازهای بازار تاجیکستان برای شناسایی شرکای تجاری",
        "chamber_qazvin",
        ("export_house", "industrial_parks"),
        "niksirat",
        -20,
        agenda=0,
    ),
    _Res(
        "تهیهٔ گزارش سفر تیم تجاری استان به تاجیکستان و ارائه در جلسهٔ بعد",
        "industrial_parks",
        ("econ_secretariat",),
        "shahhosseini",
        -60,
        ResolutionStatus.DONE,
        "گزارش سفر در جلسهٔ بعد ارائه شد؛ ۱۴ تفاهم تجاری اولیه امضا شده است.",
        0,
    ),
)
WG_TOPICS = (
    ("تهیهٔ اطلس بازارهای هدف صادراتی استان", "export_house"),
    ("ایجاد مرکز تحقیقات بازار و محصولات صادراتی", "ikiu"),
    ("برپایی نمایشگاه‌های هدفمند در کشورهای همسایه", "chamber_qazvin"),
    ("امضای موافقت‌نامهٔ همکاری با استان‌های کشورهای مرزی", "gov_econ"),
    ("راه‌اندازی پایانهٔ صادراتی استان", "industrial_parks"),
    ("ایجاد شبکهٔ تجاری در کشورهای هدف", "chamber_qazvin"),
    ("اعزام و پذیرش هیئت‌های تجاری", "samt_qazvin"),
    ("برندسازی و ایجاد نشان کیفیت محصولات صادراتی", "samt_qazvin"),
    ("شناسایی افراد مؤثر در بازارهای هدف برای هر محصول", "mfa_office_qazvin"),
    ("گزارش صادرات استان به عراق و ظرفیت‌های افزایش آن", "tpo"),
)
WG_MEMBERS = (
    "gov_econ",
    "chamber_qazvin",
    "samt_qazvin",
    "industrial_parks",
    "export_house",
    "mfa_office_qazvin",
)
WG_PEOPLE = ("safikhani", "niksirat", "tavakoli", "shahhosseini", "ahmadvand", "golivand", "moradi")
SPECIALISED_GROUPS = (
    ("کارگروه تخصصی تجارت دیپلماسی اقتصادی استان", "Specialised working group on trade", 1),
    (
        "کارگروه تخصصی سرمایه‌گذاری دیپلماسی اقتصادی استان",
        "Specialised working group on investment",
        2,
    ),
    ("کارگروه تخصصی گردشگری دیپلماسی اقتصادی استان", "Specialised working group on tourism", 3),
)


def _defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def _deadline(ctx: DemoContext, value: tuple[int, int, int] | int) -> date:
    if isinstance(value, tuple):
        return from_jalali(*value)
    return ctx.today + timedelta(days=value)


def _org(ctx: DemoContext, key: str) -> int | None:
    return ctx.organizations.get(key)


def _person(ctx: DemoContext, key: str) -> int | None:
    return ctx.people.get(key)


class _Letters:
    """Letter numbers for the demo's follow-up log (the register's pattern, not registered)."""

    def __init__(self) -> None:
        self.seq = 300

    def next(self, day: date) -> str:
        self.seq += 1
        year = to_jalali(day)[0]
        return to_persian_digits(LETTER_PATTERN.format(year=year, seq=self.seq))


def _series(
    ctx: DemoContext,
    name_fa: str,
    name_en: str,
    *,
    chair: str,
    secretary: str,
    venue: str,
    frequency: Frequency,
    weekday: int | None = None,
    nth: int | None = None,
    start: time | None = None,
    first_number: int = 1,
    members: tuple[str, ...] = (),
    people: tuple[str, ...] = (),
) -> MeetingSeries:
    row = MeetingSeries(
        name_fa=normalize(name_fa),
        name_en=name_en,
        chair_person_id=_person(ctx, chair),
        secretary_person_id=_person(ctx, secretary),
        venue=normalize(venue),
        frequency=frequency.value,
        weekday=weekday,
        nth=nth,
        interval=1,
        start_time=start,
        end_time=(datetime.combine(date.min, start) + timedelta(hours=2)).time() if start else None,
        first_number=first_number,
    )
    for order, key in enumerate(people):
        row.members.append(MeetingSeriesMember(person_id=_person(ctx, key), sort_order=order))
    for order, key in enumerate(members, start=len(people)):
        row.members.append(MeetingSeriesMember(organization_id=_org(ctx, key), sort_order=order))
    names = [
        n
        for (n,) in ctx.session.execute(
            select(Organization.name_fa).where(Organization.id.in_([_org(ctx, k) for k in members]))
        )
    ]
    row.search_key = index_key(row.name_fa, row.name_en, row.venue, *names)
    ctx.session.add(row)
    ctx.session.flush()
    return row


def _meeting(
    ctx: DemoContext,
    series: MeetingSeries,
    number: int,
    day: date,
    status: MeetingStatus,
    agenda: tuple[tuple[str, str, str], ...],
    attendees: list[MeetingAttendee],
    invited: tuple[str, ...] = (),
) -> Meeting:
    row = Meeting(
        series_id=series.id,
        number=number,
        meeting_date=day,
        start_time=series.start_time,
        end_time=series.end_time,
        venue=series.venue,
        chair_person_id=series.chair_person_id,
        status=status.value,
    )
    row.series = series
    for order, (title, presenter, notes) in enumerate(agenda):
        row.agenda.append(
            MeetingAgendaItem(
                sort_order=order,
                title=normalize(title),
                presenter_person_id=_person(ctx, presenter),
                notes=normalize(notes),
            )
        )
    for order, attendee in enumerate(attendees):
        attendee.sort_order = order
        row.attendees.append(attendee)
    for order, key in enumerate(invited):
        org_id = _org(ctx, key)
        if org_id is not None:
            row.invited.append(MeetingInvitedBody(organization_id=org_id, sort_order=order))
    ctx.session.add(row)
    ctx.session.flush()
    row.search_key = meeting_search_key(ctx.session, row, series)
    return row


def _resolutions(
    ctx: DemoContext, meeting: Meeting, items: tuple[_Res, ...], letters: _Letters
) -> int:
    for seq, spec in enumerate(items, start=1):
        deadline = _deadline(ctx, spec.deadline)
        row = Resolution(
            meeting_id=meeting.id,
            series_id=meeting.series_id,
            session_number=meeting.number,
            seq=seq,
            number=format_resolution_number(meeting.number, seq),
            agenda_item_id=meeting.agenda[spec.agenda].id
            if spec.agenda < len(meeting.agenda)
            else None,
            text=normalize(spec.text),
            responsible_org_id=_org(ctx, spec.body),
            person_in_charge_id=_person(ctx, spec.person) if spec.person else None,
            deadline=deadline,
            status=spec.status.value,
            closing_note=normalize(spec.closing),
            closed_on=min(deadline, ctx.today) if spec.status.is_closed else None,
        )
        for order, key in enumerate(spec.co):
            org_id = _org(ctx, key)
            if org_id is not None:
                row.co_bodies.append(ResolutionBody(organization_id=org_id, sort_order=order))
        _follow_up(ctx, row, meeting.meeting_date, deadline, letters)
        ctx.session.add(row)
        ctx.session.flush()
        row.search_key = resolution_search_key(
            ctx.session, row, [b.organization_id for b in row.co_bodies]
        )
    ctx.count("resolutions", len(items))
    return len(items)


def _follow_up(
    ctx: DemoContext, row: Resolution, held: date, deadline: date, letters: _Letters
) -> None:
    """The log a followed resolution has: the letter sent, a reminder when late, the reply."""
    sent = held + timedelta(days=2)
    if sent > ctx.today:
        return
    now = utcnow()
    row.log.append(
        ResolutionLog(
            entry_date=sent,
            kind=LogKind.LETTER_SENT.value,
            letter_number=letters.next(sent),
            text="ابلاغ مصوبه به دستگاه مسئول",
            recorded_at=now,
        )
    )
    if row.status == ResolutionStatus.IN_PROGRESS.value:
        row.log.append(
            ResolutionLog(
                entry_date=min(sent + timedelta(days=10), ctx.today),
                kind=LogKind.REPORT.value,
                text="گزارش پیشرفت: کار آغاز شده و گروه کارشناسی تعیین شده است.",
                recorded_at=now,
            )
        )
    if row.status in OPEN_RESOLUTION_STATUSES and deadline < ctx.today:
        row.log.append(
            ResolutionLog(
                entry_date=min(deadline + timedelta(days=3), ctx.today),
                kind=LogKind.REMINDER.value,
                letter_number=letters.next(min(deadline + timedelta(days=3), ctx.today)),
                text="یادآوری گذشتن مهلت",
                recorded_at=now,
            )
        )
    if row.status == ResolutionStatus.DONE.value:
        row.log.append(
            ResolutionLog(
                entry_date=min(deadline, ctx.today),
                kind=LogKind.REPLY_RECEIVED.value,
                letter_number=f"پاسخ {letters.next(min(deadline, ctx.today))}",
                text=row.closing_note,
                recorded_at=now,
            )
        )


def _attendees(ctx: DemoContext, people: tuple[str, ...], seed: int) -> list[MeetingAttendee]:
    """Members with one absent and one represented now and then."""
    rows = []
    for i, key in enumerate(people):
        attendance = Attendance.PRESENT.value
        represented = ""
        if (seed + i) % 9 == 4:
            attendance = Attendance.ABSENT.value
        elif (seed + i) % 11 == 5:
            attendance = Attendance.REPRESENTED.value
            represented = "معاون"
        rows.append(
            MeetingAttendee(
                person_id=_person(ctx, key),
                attendance=attendance,
                represented_by_text=represented,
            )
        )
    return rows


def _approve(ctx: DemoContext, meeting: Meeting, approved_on: date) -> None:
    """Approved minutes keep their version 1, as ``approve_minutes`` does."""
    ctx.session.flush()
    meeting.approved_at = datetime.combine(approved_on, time(12, 0), tzinfo=UTC)
    meeting.minutes_versions.append(
        MeetingMinutesVersion(
            version=1,
            approved_at=meeting.approved_at,
            approved_by="دبیر جلسه",
            snapshot=minutes_snapshot(ctx.session, meeting),
        )
    )


def article_meetings(ctx: DemoContext) -> None:
    """The council's 107th session, the Saturday export working group, the three specialised groups."""
    letters = _Letters()
    council = _series(
        ctx,
        "شورای گفت‌وگوی دولت و بخش خصوصی استان قزوین",
        "Qazvin Government–Private Sector Dialogue Council",
        chair="nozari",
        secretary="niksirat",
        venue="سالن جلسات استانداری قزوین",
        frequency=Frequency.MONTHLY_WEEKDAY,
        weekday=0,
        nth=1,
        start=time(11, 0),
        first_number=107,
        members=("chamber_qazvin", "samt_qazvin", "gov_econ", "mfa_office_qazvin", "tpo"),
        people=("nozari", "safikhani", "niksirat", "tavakoli", "golivand"),
    )
    session_107 = _meeting(
        ctx,
        council,
        107,
        from_jalali(1404, 8, 3),
        MeetingStatus.APPROVED,
        COUNCIL_AGENDA,
        _attendees(
            ctx,
            (
                "nozari",
                "safikhani",
                "niksirat",
                "tavakoli",
                "golivand",
                "ahmadvand",
                "shahhosseini",
            ),
            0,
        ),
        invited=("export_house", "industrial_parks", "ikiu"),
    )
    _resolutions(ctx, session_107, COUNCIL_RESOLUTIONS, letters)
    _approve(ctx, session_107, from_jalali(1404, 8, 10))
    group = _series(
        ctx,
        "کارگروه توسعهٔ صادرات غیرنفتی استان قزوین",
        "Qazvin Non-oil Export Working Group",
        chair="safikhani",
        secretary="moradi",
        venue="دبیرخانهٔ دیپلماسی اقتصادی استان، استانداری قزوین",
        frequency=Frequency.WEEKLY,
        weekday=0,
        start=time(9, 0),
        first_number=1,
        members=WG_MEMBERS,
        people=WG_PEOPLE,
    )
    _working_group(ctx, group, letters)
    for name_fa, name_en, nth in SPECIALISED_GROUPS:
        _series(
            ctx,
            name_fa,
            name_en,
            chair="golivand",
            secretary="moradi",
            venue="دفتر نمایندگی وزارت امور خارجه در استان قزوین",
            frequency=Frequency.MONTHLY_WEEKDAY,
            weekday=2,
            nth=nth,
            start=time(10, 0),
            members=("mfa_office_qazvin", "econ_secretariat", "chamber_qazvin"),
        )
    ctx.count("meeting series", 2 + len(SPECIALISED_GROUPS))
    ctx.count("meetings", 1)  # the council's 107th session


def _working_group(ctx: DemoContext, group: MeetingSeries, letters: _Letters) -> None:
    """Every Saturday from ``WORKING_GROUP_WEEKS`` weeks ago to two weeks ahead; a Saturday
    that is a holiday meets on the Sunday after (the moved session)."""
    saturday = ctx.today - timedelta(days=jalali_weekday(ctx.today))
    first = saturday - timedelta(weeks=WORKING_GROUP_WEEKS)
    last = saturday + timedelta(weeks=2)
    holidays: list[Holiday] = holidays_in_session(ctx.session, first, last + timedelta(days=1))
    off = {h.date for h in holidays}
    number = 40
    for week in range(WORKING_GROUP_WEEKS + 3):
        day = first + timedelta(weeks=week)
        if day in off or is_holiday(day):
            day += timedelta(days=1)
        number += 1
        past = day < ctx.today
        status = MeetingStatus.DRAFT
        if past:
            status = (
                MeetingStatus.APPROVED
                if day < ctx.today - timedelta(days=7)
                else MeetingStatus.HELD
            )
        if week == 0:
            agenda = WG_FIRST
            items = WG_FIRST_RESOLUTIONS
        else:
            topic, body = WG_TOPICS[(week - 1) % len(WG_TOPICS)]
            other, _ = WG_TOPICS[week % len(WG_TOPICS)]
            agenda = (
                (f"گزارش پیگیری مصوبات جلسهٔ {to_persian_digits(number - 1)}", "moradi", ""),
                (topic, WG_PEOPLE[week % len(WG_PEOPLE)], f"بحث دربارهٔ {topic}" if past else ""),
                (other, WG_PEOPLE[(week + 3) % len(WG_PEOPLE)], ""),
            )
            offset = (day - ctx.today).days
            state = ResolutionStatus.OPEN
            closing = ""
            if week % 3 == 1 and past:
                state, closing = ResolutionStatus.DONE, "انجام و گزارش آن در جلسه ارائه شد."
            elif week % 5 == 2 and past:
                state = ResolutionStatus.IN_PROGRESS
            items = (
                _Res(
                    f"{topic}: ارائهٔ برنامهٔ اجرایی",
                    body,
                    ("econ_secretariat",),
                    "",
                    offset + 21,
                    state,
                    closing,
                    1,
                ),
            )
            if week % 4 == 0:
                items += (
                    _Res(
                        f"{other}: گردآوری اطلاعات و گزارش به کارگروه",
                        WG_TOPICS[week % len(WG_TOPICS)][1],
                        (),
                        "",
                        offset + 35,
                        ResolutionStatus.CANCELLED if week == 8 and past else ResolutionStatus.OPEN,
                        "",
                        2,
                    ),
                )
        meeting = _meeting(
            ctx, group, number, day, status, agenda, _attendees(ctx, WG_PEOPLE, week)
        )
        if past:
            _resolutions(ctx, meeting, items, letters)
        if status is MeetingStatus.APPROVED:
            _approve(ctx, meeting, day + timedelta(days=2))
        ctx.count("meetings", 1)


# --- volume ---------------------------------------------------------------------------------


def synthetic_meetings(ctx: DemoContext) -> None:
    """``MEETINGS_PER_SCALE`` meetings and ``RESOLUTIONS_PER_SCALE`` resolutions per scale unit
    over ``ceil(scale / 5)`` weekly series, bulk-inserted; the log and co-bodies left empty."""
    if ctx.scale <= 0:
        return
    rng = ctx.rng
    bodies = sorted(ctx.organizations[k] for k in SYNTHETIC_BODIES if k in ctx.organizations)
    n_series = max(1, math.ceil(ctx.scale * SERIES_PER_FIVE_SCALE / 5))
    topics = [t for t, _ in WG_TOPICS] + [a[0] for a in COUNCIL_AGENDA]
    series_rows = []
    for s in range(n_series):
        name = f"کارگروه {rng.choice(['صادرات', 'سرمایه‌گذاری', 'گردشگری', 'تجارت مرزی', 'علم و فناوری'])} {to_persian_digits(s + 1)}"
        series_rows.append(
            {
                **_defaults(),
                "name_fa": name,
                "name_en": f"Working group {s + 1}",
                "chair_person_id": None,
                "chair_text": "",
                "secretary_person_id": None,
                "secretary_text": "",
                "venue": "استانداری قزوین",
                "frequency": Frequency.WEEKLY.value,
                "weekday": s % 5,
                "day": None,
                "nth": None,
                "interval": 1,
                "start_time": time(9 + s % 4, 0),
                "end_time": time(11 + s % 4, 0),
                "first_number": 1,
                "notes": "",
                "search_key": index_key(name, f"Working group {s + 1}", "استانداری قزوین"),
                "archived_at": None,
            }
        )
    ctx.session.execute(insert(MeetingSeries), series_rows)
    series_ids = list(
        ctx.session.scalars(
            select(MeetingSeries.id).order_by(MeetingSeries.id.desc()).limit(n_series)
        )
    )[::-1]
    names = dict(
        ctx.session.execute(
            select(MeetingSeries.id, MeetingSeries.name_fa).where(MeetingSeries.id.in_(series_ids))
        ).all()
    )
    org_names = dict(
        ctx.session.execute(
            select(Organization.id, Organization.name_fa).where(Organization.id.in_(bodies))
        ).all()
    )
    total_meetings = ctx.scale * MEETINGS_PER_SCALE
    per_series = math.ceil(total_meetings / n_series)
    meeting_rows = []
    plan = []  # (series id, number, date)
    for i in range(total_meetings):
        sid = series_ids[i % n_series]
        k = i // n_series  # the k-th meeting of this series, newest is k = 0
        number = per_series - k
        day = ctx.today - timedelta(weeks=k - 2, days=series_ids.index(sid) % 5)
        status = (
            MeetingStatus.DRAFT
            if day >= ctx.today
            else MeetingStatus.APPROVED
            if k > 3
            else MeetingStatus.HELD
        )
        plan.append((sid, number, day))
        meeting_rows.append(
            {
                **_defaults(),
                "series_id": sid,
                "number": number,
                "meeting_date": day,
                "start_time": time(9, 0),
                "end_time": time(11, 0),
                "venue": "استانداری قزوین",
                "chair_person_id": None,
                "chair_text": "",
                "status": status.value,
                "minutes_version": 1,
                "approved_at": None,
                "notes": "",
                "search_key": index_key(names[sid], f"جلسه {number}", "استانداری قزوین"),
                "archived_at": None,
            }
        )
    ctx.session.execute(insert(Meeting), meeting_rows)
    meeting_ids = {
        (sid, number): mid
        for mid, sid, number in ctx.session.execute(
            select(Meeting.id, Meeting.series_id, Meeting.number).where(
                Meeting.series_id.in_(series_ids)
            )
        )
    }
    res_rows = []
    total = ctx.scale * RESOLUTIONS_PER_SCALE
    held = [i for i, (_sid, _number, day) in enumerate(plan) if day < ctx.today]
    per_meeting, extra = divmod(total, max(len(held), 1))
    counts = {index: per_meeting + (1 if n < extra else 0) for n, index in enumerate(held)}
    for index, (sid, number, day) in enumerate(plan):
        count = counts.get(index, 0)
        for seq in range(1, count + 1):
            body = rng.choice(bodies)
            deadline = day + timedelta(days=rng.randint(7, 120))
            roll = rng.random()
            if deadline < ctx.today and roll < 0.6:
                status, closing = ResolutionStatus.DONE, "انجام شد."
            elif roll < 0.05:
                status, closing = ResolutionStatus.CANCELLED, ""
            elif roll < 0.35:
                status, closing = ResolutionStatus.IN_PROGRESS, ""
            else:
                status, closing = ResolutionStatus.OPEN, ""
            text = f"{rng.choice(topics)} — اقدام {to_persian_digits(seq)}"
            res_rows.append(
                {
                    **_defaults(),
                    "meeting_id": meeting_ids[(sid, number)],
                    "series_id": sid,
                    "session_number": number,
                    "seq": seq,
                    "number": format_resolution_number(number, seq),
                    "agenda_item_id": None,
                    "text": text,
                    "responsible_org_id": body,
                    "person_in_charge_id": None,
                    "person_in_charge_text": "",
                    "deadline": deadline,
                    "status": status.value,
                    "closing_note": closing,
                    "closed_on": deadline if status.is_closed else None,
                    "search_key": index_key(
                        f"مصوبه {number}/{seq}", text, closing, org_names.get(body, ""), names[sid]
                    ),
                    "archived_at": None,
                }
            )
    # Plain dictionaries: one executemany per chunk keeps memory flat at scale 1000.
    for start in range(0, len(res_rows), 5000):
        ctx.session.execute(insert(Resolution), res_rows[start : start + 5000])
    ctx.count("meeting series", n_series)
    ctx.count("meetings", len(meeting_rows))
    ctx.count("resolutions", len(res_rows))
