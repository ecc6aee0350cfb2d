"""Weekly agenda with hosts and off-day flags; itinerary banners and bilingual labels."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.lib.units import cm
from test_reports_visits_register import column_streams

from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.reports import weekly_agenda as agenda_module
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services.visit_reports import weekly_agenda
from qazvin_diplomacy.services.visits import list_visits, save_visit, visits_between

TODAY = dt.date(2026, 11, 24)  # Tuesday 1405/09/03
PRINTED = dt.datetime(2026, 11, 24, 10, 30)
FRIDAY = dt.datetime(2026, 11, 27, 10, 0)  # Friday 1405/09/07


def _words(text: str) -> list[str]:
    return text.replace("\u200c", "").split()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_database):
    """The demo database (today fixed) plus a visit booked on a Friday."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(
        demo_database(tmp_path_factory.mktemp("agenda") / "office.sqlite3", today=TODAY)
    )
    held = next(v for v in list_visits(db) if v.hosts and v.guests)
    friday = save_visit(
        db,
        visit=VisitInput(
            title="دیدار جمعه با هیئت Alborz Steel",
            start_at=FRIDAY,
            end_at=FRIDAY + dt.timedelta(hours=2),
            status=VisitStatus.PLANNED,
            guests=(GuestEntry(held.guests[0].id),),
            hosts=(held.hosts[0].id,),
        ),
        conflict_reason="آزمون",
    )
    yield db, friday
    db.close()


def test_weekly_agenda_has_a_host_column_and_flags_visits_on_a_friday(demo, tmp_path):
    db, friday = demo
    out = tmp_path / "week.pdf"
    render_report("weekly-agenda", db, out, week="1405/09/03", printed_at=PRINTED)
    assert agenda_module.HEADER[3] == "میزبان"
    start = dt.date(2026, 11, 21)
    expected = visits_between(db, start=start, end=start + dt.timedelta(days=6))
    assert friday.id in {v.id for v in expected}
    columns = column_streams(out, agenda_module.WIDTHS)
    hosts, status = columns[3], columns[5]
    assert _words(" ".join(hosts)) == [w for v in expected for w in _words(v.host_names())]
    # Exactly the Friday visit carries the flag under its status.
    assert status.count(agenda_module.OFF_DAY_FLAG) == 1
    flagged = status.index(agenda_module.OFF_DAY_FLAG)
    assert status[flagged - 1] == VisitStatus.PLANNED.label_fa.replace("\u200c", "")
    titles = columns[1]
    assert "Alborz Steel" in " ".join(titles[-2:])  # the Friday visit is the week's last


def test_weekly_agenda_flags_visits_on_an_official_holiday(demo, tmp_path):
    db, friday = demo
    nowruz = dt.datetime(2026, 3, 22, 9, 0)  # 1405/01/02, a Nowruz holiday (a Sunday)
    save_visit(
        db,
        visit=VisitInput(
            title="دیدار نوروزی",
            start_at=nowruz,
            end_at=nowruz + dt.timedelta(hours=1),
            status=VisitStatus.CONFIRMED,
            hosts=friday.hosts[:1],
            delegation_name="هیئت",
        ),
        conflict_reason="آزمون",
    )
    out = tmp_path / "nowruz.pdf"
    render_report("weekly-agenda", db, out, week="1405/01/02", printed_at=PRINTED)
    status = column_streams(out, agenda_module.WIDTHS)[5]
    week = weekly_agenda(db, day=nowruz.date())
    on_off_days = sum(len(d.visits) for d in week.days if d.is_off_day)
    assert status.count(agenda_module.OFF_DAY_FLAG) == on_off_days >= 1


def _lines(pdf_reader, path, *, ltr: bool) -> list[str]:
    return [b.logical_ltr if ltr else b.logical for page in pdf_reader(path) for b in page]


def _visit_with(db, status: VisitStatus, *, place_en: str = "Governorate"):
    """A visit of the demo's Iraqi delegation with one item, in ``status``."""
    from qazvin_diplomacy.core.visits import ItineraryEntry
    from qazvin_diplomacy.services.visits import get_visit

    source = get_visit(db, next(v for v in list_visits(db) if "عراق" in v.title).id)
    start = dt.datetime(2026, 12, 15, 10, 0)
    item = ItineraryEntry(
        start, start + dt.timedelta(hours=1), "بازدید از شرکت Alborz Steel (فاز ۲)",
        "سالن (A) استانداری", activity_en="Visit to Alborz Steel", place_en=place_en,
    )  # fmt: skip
    return save_visit(
        db,
        visit=VisitInput(
            title="دیدار آزمون",
            title_en="Test visit",
            start_at=start,
            end_at=start + dt.timedelta(hours=2),
            status=status,
            guests=tuple(GuestEntry(g.person_id, g.role) for g in source.guests),
            hosts=source.hosts,
            itinerary=(item,),
        ),  # fmt: skip
        conflict_reason="آزمون",
    )


@pytest.mark.parametrize(
    ("status", "en", "fa"),
    [
        (VisitStatus.POSTPONED, "POSTPONED", "به تعویق افتاده"),
        (VisitStatus.CANCELLED, "CANCELLED", "لغو شده"),
    ],
)
def test_itinerary_of_a_postponed_or_cancelled_visit_has_a_banner(
    demo, tmp_path, pdf_reader, status, en, fa
):
    from qazvin_diplomacy.reports.itinerary import STATUS_BANNERS

    db, _friday = demo
    visit = _visit_with(db, status)
    banner_en, banner_fa = STATUS_BANNERS[status]
    assert en in banner_en and fa in banner_fa
    for lang in ("en", "fa", "both"):
        out = tmp_path / f"{lang}.pdf"
        render_report("itinerary", db, out, visit=visit.id, lang=lang, printed_at=PRINTED)
        ltr, rtl = _lines(pdf_reader, out, ltr=True), _lines(pdf_reader, out, ltr=False)
        assert (banner_en in ltr) == (lang != "fa")
        assert (banner_fa.replace("\u200c", "") in [x.replace("\u200c", "") for x in rtl]) == (
            lang != "en"
        )
    confirmed = _visit_with(db, VisitStatus.CONFIRMED)
    out = tmp_path / "ok.pdf"
    render_report("itinerary", db, out, visit=confirmed.id, lang="both", printed_at=PRINTED)
    text = " ".join(_lines(pdf_reader, out, ltr=True))
    assert "POSTPONED" not in text and "CANCELLED" not in text


def test_english_itinerary_lists_the_missing_english_fields(demo, tmp_path, pdf_reader):
    from qazvin_diplomacy.reports.itinerary import MISSING_EN_TITLE, NO_ENGLISH, missing_english
    from qazvin_diplomacy.services.visits import get_visit

    db, _friday = demo
    visit = get_visit(db, _visit_with(db, VisitStatus.CONFIRMED, place_en="").id)
    missing = missing_english(visit)
    # the Persian quoted as a right-to-left isolate: «12:00):» keeps its place before it
    assert missing == [
        "Place (Tuesday 15 December 2026 (24 Azar 1405), 10:00 – 11:00): "
        "\u2067سالن (A) استانداری\u2069"
    ]
    for lang in ("en", "both"):
        out = tmp_path / f"{lang}.pdf"
        render_report("itinerary", db, out, visit=visit.id, lang=lang, printed_at=PRINTED)
        lines = _lines(pdf_reader, out, ltr=True)
        assert MISSING_EN_TITLE in lines
        # «11:00):» before the Persian (not «11:00 :(»): the Persian is its own run
        assert any(
            line.startswith("• Place (Tuesday 15 December 2026") and "10:00 – 11:00): " in line
            for line in lines
        )
        # The English «Place» cell is marked, never the Persian set left to right in it;
        # in the bilingual one the Persian stays in its own column.
        assert NO_ENGLISH in lines
        persian = [line for line in lines if "سالن" in line]
        assert len(persian) == (2 if lang == "both" else 1), persian
    # With every English field filled in, no warning.
    complete = _visit_with(db, VisitStatus.CONFIRMED)
    assert missing_english(get_visit(db, complete.id)) == []
    out = tmp_path / "complete.pdf"
    render_report("itinerary", db, out, visit=complete.id, lang="en", printed_at=PRINTED)
    assert MISSING_EN_TITLE not in _lines(pdf_reader, out, ltr=True)


def test_bilingual_itinerary_has_headings_and_labels_in_both_languages(demo, tmp_path, pdf_reader):
    db, _friday = demo
    visit = _visit_with(db, VisitStatus.CONFIRMED)
    out = tmp_path / "both.pdf"
    render_report("itinerary", db, out, visit=visit.id, lang="both", printed_at=PRINTED)
    ltr, rtl = _lines(pdf_reader, out, ltr=True), _lines(pdf_reader, out, ltr=False)
    assert "Delegation / هیئت" in ltr and "Programme / برنامه" in ltr
    for en, fa in (("Name", "نام"), ("Title", "سمت"), ("Role", "نقش"), ("Time", "ساعت")):
        assert en in ltr and fa in rtl
    assert any(line.startswith("Dates: ") for line in ltr)
    assert any(line.startswith("تاریخ: ") for line in rtl)
    assert any(line.startswith("Hosted by: ") for line in ltr)
    assert any(line.startswith("میزبان: ") for line in rtl)
    # The English-only itinerary keeps English labels only.
    out = tmp_path / "en.pdf"
    render_report("itinerary", db, out, visit=visit.id, lang="en", printed_at=PRINTED)
    ltr = _lines(pdf_reader, out, ltr=True)
    assert "Delegation" in ltr and "Programme" in ltr and "Delegation / هیئت" not in ltr


def test_persian_itinerary_heads_the_english_name_column_in_persian(demo, tmp_path, pdf_reader):
    db, _friday = demo
    visit = _visit_with(db, VisitStatus.CONFIRMED)
    out = tmp_path / "fa.pdf"
    render_report("itinerary", db, out, visit=visit.id, lang="fa", printed_at=PRINTED)
    rtl = _lines(pdf_reader, out, ltr=False)
    assert "نام انگلیسی" in rtl  # the header cell, beside «نام», «سمت», «نقش»
    # No English word on the Persian page but the names, the English title and the codes.
    assert not {"Name", "Title", "Role"} & set(" ".join(_lines(pdf_reader, out, ltr=True)).split())


def test_daily_programme_for_a_chosen_official_has_only_the_visits_they_host(
    demo, tmp_path, pdf_reader
):
    from qazvin_diplomacy.reports import daily_programme as daily_module
    from qazvin_diplomacy.services.directory import get_person
    from qazvin_diplomacy.services.visit_reports import daily_programme

    db, _friday = demo
    todays = visits_between(db, start=TODAY, end=TODAY, include_cancelled=False)
    hosts = {h.id for v in todays for h in v.hosts}
    assert len(hosts) >= 2  # the governor and at least one deputy host visits that day
    everyone = daily_programme(db, day=TODAY)
    seen: set[int] = set()
    for host_id in sorted(hosts):
        person = get_person(db, host_id)
        theirs = {v.id for v in todays if any(h.id == host_id for h in v.hosts)}
        programme = daily_programme(db, day=TODAY, host_id=host_id)
        assert {i.visit_id for i in programme.items} == theirs
        assert set(programme.items) <= set(everyone.items)
        seen |= theirs
        out = tmp_path / f"day{host_id}.pdf"
        render_report(
            "daily-programme", db, out, date="1405/09/03", host=str(host_id), printed_at=PRINTED
        )
        lines = [x.replace("\u200c", "") for x in _lines(pdf_reader, out, ltr=False)]
        line = daily_module.host_line(programme).replace("\u200c", "")
        assert person.name_fa.replace("\u200c", "") in line and line in lines
        assert f"برنامهٔ روزانهٔ {person.name_fa}".replace("\u200c", "") in lines
        count = to_persian_digits(len(programme.items))
        assert any(x.endswith(f"— {count} بند برنامه") for x in lines)
    assert seen == {i.visit_id for i in everyone.items}
    # Without --host: the whole day, no host line.
    out = tmp_path / "all.pdf"
    render_report("daily-programme", db, out, date="1405/09/03", printed_at=PRINTED)
    assert daily_module.TITLE in _lines(pdf_reader, out, ltr=False)


def test_daily_programme_of_an_unknown_official_is_refused(demo, tmp_path):
    from qazvin_diplomacy.core.errors import NotFoundError

    db, _friday = demo
    with pytest.raises(NotFoundError):
        render_report("daily-programme", db, tmp_path / "x.pdf", date="1405/09/03", host="99999")
    assert not list(tmp_path.iterdir())


def test_seating_plan_prints_title_and_country_under_each_name(demo, tmp_path, pdf_reader):
    from qazvin_diplomacy.reports.badges import FLOOR_SIZE
    from qazvin_diplomacy.reports.rtl import FORMAT_CHARS
    from qazvin_diplomacy.reports.seating_plan import has_guests, seat_detail, seat_name
    from qazvin_diplomacy.services import events as svc

    def drawn(text: str) -> str:
        return "".join(text.translate(dict.fromkeys(map(ord, FORMAT_CHARS))).split())

    db, _friday = demo
    event_id = next(e.id for e in svc.list_events(db) if "پنجاه بدر ۱۴۰۴" in e.title_fa)
    seating = svc.get_seating(db, event_id=event_id)
    out = tmp_path / "seating.pdf"
    render_report("seating-plan", db, out, event=event_id, printed_at=PRINTED)
    boxes = [b for page in pdf_reader(out, split_gap=4) for b in page]
    checked = 0
    for table in seating.tables:
        if not has_guests(table):  # only its host: one line at the end, not a diagram
            host = next(s for s in table.seats if s.host_person_id is not None)
            assert any(drawn(host.host_name_fa) in drawn(b.logical) for b in boxes)
            continue
        for seat in table.seats:
            detail = seat_detail(seat)
            if seat.guest is None or not detail:
                continue
            name = next(b for b in boxes if drawn(b.logical) == drawn(seat_name(seat)))
            under = [
                b
                for b in boxes
                if b.page == name.page
                and drawn(b.logical) == drawn(detail)
                and 0 < name.baseline - b.baseline < 16
                and min(b.x1, name.x1) > max(b.x0, name.x0)  # the same column of text
            ]
            assert under, (seat_name(seat), detail)
            assert under[0].size >= FLOOR_SIZE
            checked += 1
    assert checked >= 10
    # A foreign guest's country is named when the title does not name it; Iran never is.
    guests = [s.guest for t in seating.tables for s in t.seats if s.guest is not None]
    for g in guests:
        detail = seat_detail(next(s for t in seating.tables for s in t.seats if s.guest is g))
        if g.country_iso2 == "IR":
            assert g.country_name_fa not in detail or g.country_name_fa in g.title_fa
        elif g.country_name_fa and g.country_name_fa not in g.title_fa:
            assert detail.endswith(f"— {g.country_name_fa}")


def test_badges_have_gutters_bands_by_kind_and_the_event_in_both_languages(
    demo, tmp_path, pdf_reader
):
    from qazvin_diplomacy.reports import badges as badges_report
    from qazvin_diplomacy.reports.document import build_pdf
    from qazvin_diplomacy.services import events as svc

    db, _friday = demo
    event_id = next(e.id for e in svc.list_events(db) if "پنجاه بدر ۱۴۰۴" in e.title_fa)
    items = svc.badges(db, event_id=event_id, attending_only=False)
    guests = {g.id: g for g in svc.list_guests(db, event_id=event_id)}
    kinds = {b.kind for b in items}
    assert kinds == {"guest", "interpreter", "staff"}
    for b in items:
        g = guests[b.guest_id]
        if g.interpreter_for_person_id is not None:
            assert b.kind == "interpreter"
        elif g.organization_name_fa == "استانداری قزوین":
            assert b.kind == "staff"
    out = tmp_path / "badges.pdf"
    build_pdf(out, badges_report.build(items), title="badges", printed_at=PRINTED)
    boxes = [b for page in pdf_reader(out) for b in page]
    rtl = [b.logical.replace("\u200c", "") for b in boxes]
    ltr = [b.logical_ltr for b in boxes]
    event = svc.get_event(db, event_id)
    assert ltr.count(event.title_en) == len(items)  # the event band in English on every badge
    assert rtl.count(event.title_fa.replace("\u200c", "")) == len(items)
    count = {k: sum(1 for b in items if b.kind == k) for k in kinds}
    for kind in ("interpreter", "staff"):
        _color, word_fa, word_en = badges_report.BANDS[kind]
        assert rtl.count(word_fa) >= count[kind] and ltr.count(word_en) == count[kind]
    colors = {badges_report.BANDS[k][0].hexval() for k in kinds}
    assert len(colors) == 3  # three distinct bands
    # Gutters: neighbouring badges do not share an edge, and the sheet fits the page's frame.
    sheet = badges_report.BadgeSheet(items[:8])
    width, height = sheet.wrap(17.8 * cm, 25.4 * cm)
    assert height <= 25.4 * cm
    (x0, y0), (x1, _), (_, y2) = (sheet.cell_origin(i) for i in (0, 1, 2))
    assert x0 - x1 == pytest.approx(badges_report.BADGE_W + badges_report.GUTTER)
    assert y0 - y2 == pytest.approx(badges_report.BADGE_H + badges_report.GUTTER)
    assert badges_report.GUTTER >= 0.3 * cm
