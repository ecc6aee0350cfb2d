"""Demo events: Panjah Bedar 1404 with the diplomatic corps (article 000), its 1405 draft, the
coming Yalda night with foreign guests, and volume.

The 1404 festival is held on 19 Ordibehesht 1404 (the 50th day of the year) with the
ambassadors of the demo directory: invitations by note verbale, realistic replies (some
decline, one never answers), attendance at the door when the day has passed, and seats by
precedence.  The 1405 edition is then created by the event service's recurrence copy.
``scale`` adds ``EVENTS_PER_SCALE`` synthetic events of ``GUESTS_PER_EVENT`` guests each,
bulk-inserted.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.clock import from_local
from qazvin_diplomacy.core.events import EventKind, EventStatus, InvitationChannel, Rsvp
from qazvin_diplomacy.core.jalali import from_jalali, to_jalali
from qazvin_diplomacy.core.recurrence import PANJAH_BEDAR, RecurrenceKind
from qazvin_diplomacy.core.seating import TableSpec
from qazvin_diplomacy.core.text import index_key, to_persian_digits
from qazvin_diplomacy.services.events import copy_to_next_year_in, seat_guests_in
from qazvin_diplomacy.services.events.records import event_search_key
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import Event, EventGuest, EventProgrammeItem

if TYPE_CHECKING:
    from qazvin_diplomacy.services.demo_context import DemoContext

EVENTS_PER_SCALE = 5
GUESTS_PER_EVENT = 30
PANJAH_BEDAR_1404 = from_jalali(1404, 2, 19)  # 9 May 2025

#: Where and by whom the cultural evenings with the ambassadors are given.
AT_THE_PAVILION: dict[str, Any] = {
    "venue": "عمارت کلاه‌فرنگی (باغ چهلستون) قزوین",
    "venue_en": "Kolah Farangi Pavilion (Chehel Sotoun Garden), Qazvin",
    "organizer": "استانداری قزوین — اداره کل روابط عمومی و امور بین‌الملل",
    "organizer_en": "Governorate of Qazvin — Directorate-General for International Affairs",
}

# (person key, reply, companions, attends when held, remarks)
GUESTS: list[tuple[str, str, int, bool, str]] = [
    ("kz_amb", "yes", 1, True, ""),
    (
        "ru_amb",
        "no",
        0,
        False,
        "به دلیل سفر به مسکو عذرخواهی کردند؛ وزیرمختار-رایزن به نمایندگی حضور می‌یابد.",
    ),
    ("ru_mc", "yes", 0, True, ""),
    ("tr_amb", "yes", 1, True, ""),
    ("iq_amb", "yes", 1, True, "مترجم عربی همراه ایشان است."),
    ("cn_amb", "yes", 0, True, "غذای گیاهی."),
    ("tj_amb", "yes", 1, True, ""),
    ("by_amb", "yes", 0, True, "مترجم روسی لازم است."),
    ("am_amb", "yes", 0, False, "پاسخ مثبت دادند ولی حاضر نشدند."),
    ("uz_amb", "no", 0, False, ""),
    ("az_amb", "no_reply", 0, False, ""),
    ("af_cda", "yes", 0, True, ""),
    ("om_cai", "yes", 0, True, ""),
    ("tj_cult", "yes", 0, True, ""),
    ("am_cult", "yes", 0, True, ""),
    ("nozari", "yes", 0, True, "میزبان"),
    ("safikhani", "yes", 0, True, "میزبان میز ۲"),
    ("golivand", "yes", 0, True, "میزبان میز ۳"),
    ("soltaninejad", "yes", 0, True, ""),
    ("hosseini_moghaddam", "yes", 0, True, ""),
    ("karimi_f", "yes", 0, True, "مترجم"),
]
# Interpreter → principal.
INTERPRETERS = {"karimi_f": "by_amb"}

PROGRAMME: list[tuple[time, time, str, str, str, str]] = [
    (time(16, 30), time(17, 0), "استقبال از مهمانان و پذیرایی", "Reception of the guests", "", ""),
    (
        time(17, 0),
        time(17, 20),
        "خوشامدگویی استاندار قزوین",
        "Welcome address by the Governor of Qazvin",
        "محمد نوذری",
        "Mohammad Nozari",
    ),
    (
        time(17, 20),
        time(17, 35),
        "سخنان رئیس دفتر نمایندگی وزارت امور خارجه در استان",
        "Remarks by the Head of the MFA Representative Office",
        "حسن گلیوند درویشوند",
        "Hassan Golivand Darvishvand",
    ),
    (
        time(17, 35),
        time(18, 30),
        "آیین سنتی پنجاه بدر و اجرای موسیقی محلی قزوین",
        "Traditional Panjah Bedar rites and Qazvin folk music",
        "گروه موسیقی محلی قزوین",
        "Qazvin Folk Music Ensemble",
    ),
    (
        time(18, 30),
        time(19, 15),
        "بازدید از نمایشگاه صنایع‌دستی و خوشنویسی",
        "Visit to the handicrafts and calligraphy exhibition",
        "اداره کل میراث فرهنگی، گردشگری و صنایع‌دستی",
        "Directorate-General of Cultural Heritage",
    ),
    (time(19, 30), time(21, 0), "شام", "Dinner", "", ""),
]


def _defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def _invitation(
    ctx: DemoContext, key: str, sent_on: date, by_note: tuple[str, ...]
) -> dict[str, Any]:
    """The invitation of ``key``'s person sent on ``sent_on`` (a guest's columns): by note
    verbale when the key ends with one of ``by_note`` (the missions), by letter otherwise."""
    channel = InvitationChannel.NOTE_VERBALE if key.endswith(by_note) else InvitationChannel.LETTER
    return {
        "person_id": ctx.people[key],
        "invitation_sent_on": sent_on,
        "invitation_channel": channel.value,
    }


def panjah_bedar(ctx: DemoContext) -> None:
    """Panjah Bedar 1404 with the ambassadors, then its 1405 draft through the recurrence copy."""
    session = ctx.session
    day = PANJAH_BEDAR_1404
    held = ctx.today > day
    event = Event(
        title_fa="جشن فرهنگی پنجاه بدر ۱۴۰۴ با حضور سفیران خارجی",
        title_en="Panjah Bedar Cultural Festival 1404 with Foreign Ambassadors",
        kind=EventKind.CULTURAL.value,
        status=(EventStatus.HELD if held else EventStatus.INVITING).value,
        start_date=day,
        end_date=day,
        start_time=time(16, 30),
        end_time=time(21, 0),
        **AT_THE_PAVILION,
        description=(
            "برنامهٔ فرهنگی پنجاه بدر با حضور سفیران خارجی برای معرفی ظرفیت‌های فرهنگی، گردشگری "
            "و اقتصادی استان؛ قزوین به‌عنوان پایگاه دیپلماسی فرهنگی."
        ),
        budget_notes="پذیرایی و شام: اداره کل امور بین‌الملل؛ اجرای موسیقی: اداره کل میراث فرهنگی.",
        recurrence_kind=RecurrenceKind(PANJAH_BEDAR.kind).value,
        recurrence_day=PANJAH_BEDAR.day,
    )
    event.search_key = event_search_key(event)
    event.programme = [
        EventProgrammeItem(
            sort_order=i,
            start_time=s,
            end_time=e,
            item_fa=fa,
            item_en=en,
            speaker=sp,
            speaker_en=sp_en,
        )
        for i, (s, e, fa, en, sp, sp_en) in enumerate(PROGRAMME)
    ]
    session.add(event)
    session.flush()
    sent_on = from_jalali(1404, 2, 1)
    for i, (key, reply, companions, attends, remarks) in enumerate(GUESTS):
        replied = reply != Rsvp.NO_REPLY.value
        attended = held and attends
        session.add(
            EventGuest(
                event_id=event.id,
                companions=companions,
                **_invitation(ctx, key, sent_on, ("amb", "cda", "cai")),
                rsvp=reply,
                rsvp_on=sent_on + timedelta(days=2 + i % 12) if replied else None,
                attended=attended,
                checked_in_at=from_local(datetime.combine(day, time(16, 20 + i)))
                if attended
                else None,
                interpreter_for_person_id=ctx.people[INTERPRETERS[key]]
                if key in INTERPRETERS
                else None,
                remarks=remarks,
            )
        )
    session.flush()
    tables = [
        TableSpec(1, 10, host_key=ctx.people["nozari"], label="میز اصلی"),
        TableSpec(2, 8, host_key=ctx.people["safikhani"]),
        TableSpec(3, 8, host_key=ctx.people["golivand"]),
    ]
    seat_guests_in(session, event_id=event.id, tables=tables)
    copy_to_next_year_in(session, event_id=event.id)
    ctx.count("events", 2)
    ctx.count("event_guests", 2 * len(GUESTS))


# (person key, reply, companions, remarks): the Yalda evening's guests — the cultural
# counsellors and heads of mission of the target countries of article 000, invitations
# partly answered.
YALDA_GUESTS: list[tuple[str, str, int, str]] = [
    ("tj_cult", "yes", 1, ""),
    ("am_cult", "yes", 0, ""),
    ("tj_amb", "yes", 1, ""),
    ("iq_amb", "yes", 1, "مترجم عربی همراه ایشان است."),
    ("tr_amb", "no", 0, "در مراسم سفارت در تهران حضور دارند."),
    ("ru_mc", "yes", 0, ""),
    ("kz_amb", "no_reply", 0, ""),
    ("cn_amb", "no_reply", 0, "غذای گیاهی."),
    ("by_amb", "yes", 0, "مترجم روسی لازم است."),
    ("karimi_f", "yes", 0, "مترجم"),
    ("af_cda", "no_reply", 0, ""),
    ("uz_amb", "no_reply", 0, ""),
    ("golivand", "yes", 0, ""),
    ("nozari", "yes", 0, "میزبان"),
]
YALDA_PROGRAMME: list[tuple[time, time, str, str]] = [
    (
        time(18, 0),
        time(18, 30),
        "استقبال و پذیرایی با انار و هندوانه",
        "Reception: pomegranates and watermelon",
    ),
    (
        time(18, 30),
        time(18, 45),
        "خوشامدگویی استاندار قزوین",
        "Welcome address by the Governor of Qazvin",
    ),
    (
        time(18, 45),
        time(19, 30),
        "شاهنامه‌خوانی و فال حافظ",
        "Shahnameh recitation and Hafez divination",
    ),
    (time(19, 30), time(20, 15), "موسیقی محلی قزوین", "Qazvin folk music"),
    (time(20, 15), time(21, 30), "شام", "Dinner"),
]


def yalda_night(ctx: DemoContext) -> None:
    """The next Yalda night (30 Azar) after the demo's today, with foreign guests, being invited.

    With the demo's today (3 Azar 1405) it is four weeks ahead, so the dashboard's upcoming
    events are not empty; invitations went out three weeks before (not after today) and
    about half are answered.
    """
    session = ctx.session
    year = to_jalali(ctx.today)[0]
    day = from_jalali(year, 9, 30)
    if day < ctx.today:
        day = from_jalali(year + 1, 9, 30)
    event = Event(
        title_fa=f"شب یلدا {to_persian_digits(to_jalali(day)[0])} "
        "با حضور رایزنان فرهنگی و سفیران خارجی",
        title_en="Yalda Night with Foreign Cultural Counsellors and Ambassadors",
        kind=EventKind.CULTURAL.value,
        status=EventStatus.INVITING.value,
        start_date=day,
        end_date=day,
        start_time=time(18, 0),
        end_time=time(21, 30),
        **AT_THE_PAVILION,
        description=(
            "آیین شب یلدا برای آشنایی رایزنان فرهنگی و سفیران با سنت‌های ایرانی و "
            "ظرفیت‌های فرهنگی و گردشگری قزوین."
        ),
        budget_notes="پذیرایی و شام: اداره کل امور بین‌الملل.",
    )
    event.search_key = event_search_key(event)
    event.programme = [
        EventProgrammeItem(sort_order=i, start_time=s, end_time=e, item_fa=fa, item_en=en)
        for i, (s, e, fa, en) in enumerate(YALDA_PROGRAMME)
    ]
    session.add(event)
    session.flush()
    sent_on = min(ctx.today, day - timedelta(days=21))
    for i, (key, reply, companions, remarks) in enumerate(YALDA_GUESTS):
        replied = reply != Rsvp.NO_REPLY.value
        session.add(
            EventGuest(
                event_id=event.id,
                companions=companions,
                **_invitation(ctx, key, sent_on, ("amb", "cda", "mc", "cult")),
                rsvp=reply,
                rsvp_on=min(ctx.today, sent_on + timedelta(days=1 + i % 5)) if replied else None,
                interpreter_for_person_id=ctx.people["by_amb"] if key == "karimi_f" else None,
                remarks=remarks,
            )
        )
    session.flush()
    # The plan as prepared so far: those who accepted, by precedence.
    tables = [
        TableSpec(1, 8, host_key=ctx.people["nozari"], label="میز اصلی"),
        TableSpec(2, 8, host_key=ctx.people["golivand"]),
    ]
    seat_guests_in(session, event_id=event.id, tables=tables)
    ctx.count("events", 1)
    ctx.count("event_guests", len(YALDA_GUESTS))


def synthetic_events(ctx: DemoContext) -> None:
    """``EVENTS_PER_SCALE`` events of ``GUESTS_PER_EVENT`` guests per scale unit, bulk-inserted."""
    if ctx.scale <= 0:
        return
    rng, session = ctx.rng, ctx.session
    venues = ctx.pools["venues"]
    diplomats = list(
        session.scalars(
            select(Person.id).where(Person.diplomatic_rank.is_not(None)).order_by(Person.id)
        )
    )
    pool = diplomats + ctx.synthetic_people
    first_id = (session.scalar(select(func.max(Event.id))) or 0) + 1
    themes = [
        (
            "همایش فرصت‌های سرمایه‌گذاری قزوین",
            "Qazvin Investment Opportunities Forum",
            EventKind.ECONOMIC,
        ),
        (
            "نمایشگاه توانمندی‌های صادراتی استان",
            "Provincial Export Capabilities Exhibition",
            EventKind.EXHIBITION,
        ),
        ("شب فرهنگی قزوین", "Qazvin Cultural Evening", EventKind.CULTURAL),
        ("مراسم بزرگداشت روز ملی", "National Day Ceremony", EventKind.CEREMONY),
        ("جشنوارهٔ خوشنویسی قزوین", "Qazvin Calligraphy Festival", EventKind.CULTURAL),
    ]
    events, programme, guests = [], [], []
    origin = ctx.today - timedelta(days=3 * 365)
    for n in range(ctx.scale * EVENTS_PER_SCALE):
        eid = first_id + n
        title_fa, title_en, kind = themes[n % len(themes)]
        title_fa, title_en = f"{title_fa} {n + 1}", f"{title_en} {n + 1}"
        day: date = origin + timedelta(days=rng.randrange(4 * 365))
        past = day < ctx.today
        status = (
            rng.choices([EventStatus.HELD, EventStatus.CANCELLED], (90, 10))[0]
            if past
            else rng.choice([EventStatus.DRAFT, EventStatus.PLANNED, EventStatus.INVITING])
        )
        venue_fa, venue_en = rng.choice(venues)
        events.append(
            {
                **_defaults(),
                "id": eid,
                "title_fa": title_fa,
                "title_en": title_en,
                "kind": kind.value,
                "status": status.value,
                "start_date": day,
                "end_date": day,
                "start_time": time(10, 0),
                "end_time": time(13, 0),
                "venue": venue_fa,
                "venue_en": venue_en,
                "organizer": "استانداری قزوین",
                "organizer_en": "Governorate of Qazvin",
                "description": "",
                "budget_notes": "",
                "recurrence_kind": None,
                "recurrence_day": None,
                "recurrence_month": None,
                "recurrence_weekday": None,
                "recurrence_nth": None,
                "source_event_id": None,
                "archived_at": None,
                "search_key": index_key(title_fa, title_en, venue_fa, venue_en, "استانداری قزوین"),
            }
        )
        for i, (item_fa, item_en) in enumerate(
            [("افتتاحیه", "Opening"), ("ارائهٔ ظرفیت‌های استان", "Presentation of the province")]
        ):
            programme.append(
                {
                    **_defaults(),
                    "event_id": eid,
                    "sort_order": i,
                    "start_time": time(10 + i, 0),
                    "end_time": time(11 + i, 0),
                    "item_fa": item_fa,
                    "item_en": item_en,
                    "speaker": "",
                    "speaker_en": "",
                }
            )
        invited = status is not EventStatus.DRAFT
        for pid in rng.sample(pool, min(GUESTS_PER_EVENT, len(pool))):
            reply = (
                rng.choices(["yes", "no", "no_reply"], (60, 20, 20))[0] if invited else "no_reply"
            )
            attended = status is EventStatus.HELD and reply == "yes" and rng.random() < 0.9
            guests.append(
                {
                    **_defaults(),
                    "event_id": eid,
                    "person_id": pid,
                    "companions": rng.choice((0, 0, 0, 1)) if reply == "yes" else 0,
                    "invitation_sent_on": day - timedelta(days=20) if invited else None,
                    "invitation_channel": rng.choice(["note_verbale", "letter", "email"])
                    if invited
                    else None,
                    "rsvp": reply,
                    "rsvp_on": day - timedelta(days=rng.randint(3, 15))
                    if reply != "no_reply"
                    else None,
                    "attended": attended,
                    "checked_in_at": from_local(datetime.combine(day, time(9, rng.randint(30, 59))))
                    if attended
                    else None,
                    "table_no": None,
                    "seat_no": None,
                    "seat_behind": False,
                    "seat_manual": False,
                    "interpreter_for_person_id": None,
                    "manual_precedence": None,
                    "remarks": "",
                }
            )
    for model, rows in ((Event, events), (EventProgrammeItem, programme), (EventGuest, guests)):
        for chunk in range(0, len(rows), 10_000):
            session.execute(insert(model), rows[chunk : chunk + 10_000])
    ctx.count("events", len(events))
    ctx.count("event_guests", len(guests))
