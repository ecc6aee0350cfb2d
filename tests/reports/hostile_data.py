"""Hostile real-world text for the report tests: a demo database with one visit, one person
and one agreement carrying it (mixed scripts, brackets, a phone number, a 40-letter word,
harakat, ZWNJ, «الله», Latin names and codes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from qazvin_diplomacy.core.visits import GuestEntry, ItineraryEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.directory import ensure_reference_data, get_person, save_person
from qazvin_diplomacy.services.visits import list_visits, save_visit

TODAY = dt.date(2026, 11, 24)  # Tuesday 1405/09/03
PRINTED = dt.datetime(2026, 11, 24, 10, 30)

MIXED = "بازدید از شرکت Alborz Steel (فاز ۲) در ساعت 10:30 — ۲۰٪ پیشرفت"
#: Forty joining letters, no space and no ZWNJ: the word may never be cut.
LONG_WORD = (
    "هماهنگ" + "کننده" + "همکاری" + "های" + "بین" + "المللی" + "استان" + "قزوین" + "مستمر"
)[:40]
HARAKAT = "سَفیرِ کَبیر و خانهٔ دوستی"
ZWNJ = "هماهنگی‌های بین‌المللی می‌شود"
ALLAH = "عبدالله و بسم الله الرحمن الرحیم"
PHONE = "تلفن: +98 28 3355 1234"
NAME_EN = "Mr. Abdullah Nikzad-Rahmani"
LONG_NAME = "عبدالرحمن بن عبدالعزیز بن محمد العبدالکریم العثمان آل‌سعود"
BRACKETED_NAME = "آقای عبدالرحمن نیک‌زاد (Abdullah Nikzad-Rahmani) سفیر"
LATIN_PHRASE = "دانش‌آموختهٔ TU München (2001) با کد پرونده 1403/ق/25-A"


def hostile_database(path):
    """The demo database plus a visit, a guest and texts carrying the hostile strings."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(path)
    ensure_reference_data(db)
    load_demo(db, today=TODAY)
    held = next(v for v in list_visits(db) if "افغانستان" in v.title)
    guest = get_person(db, held.guests[0].id)
    guest = save_person(
        db,
        person=replace(
            guest,
            name_fa="عبدالرحمن " + LONG_WORD,
            name_en=NAME_EN,
            biography=f"{LATIN_PHRASE}؛ {PHONE}؛ {HARAKAT}؛ {ZWNJ}؛ {ALLAH}.",
        ),
    )
    start = dt.datetime(2026, 11, 25, 9, 0)
    visit = save_visit(
        db,
        visit=VisitInput(
            title=MIXED,
            title_en="Visit to Alborz Steel (phase 2) — 20% progress",
            start_at=start,
            end_at=start + dt.timedelta(hours=6),
            status=VisitStatus.PLANNED,
            purpose=f"{BRACKETED_NAME}؛ {PHONE}",
            venue=LONG_WORD,
            guests=(GuestEntry(guest.id),),
            hosts=(held.hosts[0].id,),
            itinerary=(
                ItineraryEntry(
                    start, start + dt.timedelta(hours=1), MIXED, "سالن (A) طبقهٔ ۲",
                    activity_en="Visit to Alborz Steel (phase 2)", place_en="Hall (A), floor 2",
                    transport=LONG_WORD, interpreter=NAME_EN,
                ),
                ItineraryEntry(
                    start + dt.timedelta(hours=2), start + dt.timedelta(hours=3),
                    "بازدید از خط تولید Line-3", "کارخانهٔ خواهرخواندگی",
                    activity_en="", place_en="", transport=HARAKAT, interpreter=ALLAH,
                ),
            ),
        ),
        conflict_reason="آزمون",
    )  # fmt: skip
    return db, visit


def put_hostile_guest_in_event(db, event_id: int) -> tuple[str, str]:
    """Rename the first two guests of ``event_id``: a name with a 40-letter word, and a long
    name of many words (``LONG_NAME``); returns both names."""
    from qazvin_diplomacy.core.events import Rsvp
    from qazvin_diplomacy.services.events.guests import list_guests

    first, second = list_guests(db, event_id=event_id, rsvp=Rsvp.YES)[:2]  # seated, badged
    word_name = "عبدالرحمن " + LONG_WORD
    for guest, name in ((first, word_name), (second, LONG_NAME)):
        person = get_person(db, guest.person_id)
        save_person(db, person=replace(person, name_fa=name, name_en=NAME_EN))
    return word_name, LONG_NAME
