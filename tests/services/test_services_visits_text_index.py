"""The visits list's text filter read through the search index gives the rows the scan gave.

Each typed word of three or more characters is looked up in the search index first
(``services.visits.register``); shorter words, and lists holding archived visits, scan.  The
rows must be exactly those of the old filter: every word a substring of the visit's own key or
of a guest's or host's directory key.  The oracle here computes that in Python from the stored
keys, over visits written with hostile text (mixed Persian and Latin, Arabic Yeh and Kaf, ZWNJ,
diacritics, tatweel, Persian digits).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.text import search_terms
from qazvin_diplomacy.core.visits import TEHRAN, GuestEntry, VisitFilter, VisitInput
from qazvin_diplomacy.services import visits as svc
from qazvin_diplomacy.services.directory import archive_person, country_by_code, save_person
from qazvin_diplomacy.services.visits import register
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.visits import Visit, VisitGuest, VisitHost
from tests.statements import selects_run

FIRST_DAY = date(2025, 11, 1)

#: (title, purpose, venue, delegation, reference, outcome, guests, hosts, archived)
VISITS = [
    (
        "دیدار سفير ژاپن",
        "همكاري‌هاي اقتصادي",
        "تهران",
        "Japan Embassy",
        "۱۴۰۴/ه/۷",
        "",
        [0],
        [4],
        False,
    ),
    ("نشست کنسول ایتالیا", "سرمایه‌گذاری در صنایع دستی", "قزوين", "", "", "", [1], [], False),
    (
        "بازدید از کارخانهٔ فولاد",
        "سَفیر و همراهان",
        "Qazvin Steel",
        "",
        "1404/72",
        "",
        [3],
        [4],
        False,
    ),
    ("Meeting with the TEHRAN chamber", "trade", "Tehran", "", "", "موافقت شد", [2], [], False),
    ("دیدار قدیمی سفـیر", "گفت‌وگو", "تهران", "", "", "", [3], [], True),
    ("نشست مسئولان گردشگری", "می‌روم به بازار", "", "هیئت روسیه", "", "", [2], [], False),
    ("كارگاه مشترك", "آموزش ab و cd", "مرکز همایش‌ها", "", "٢٠٢٥", "", [0, 1], [], False),
    ("دیدار محرمانه", "گفت‌وگوی ویژه", "قزوین", "", "", "", [1], [4], False),
]

PEOPLE = [
    ("کازوتوشی آیکاوا", "Kazutoshi AIKAWA"),
    ("جوزپه روسي", "Giuseppe Rossi"),
    ("علی تهرانی", "Ali Tehrani"),
    ("پیتر مولر", "Peter Müller"),  # archived below: its visits are still found by its name
    ("استاندار قزوین", "Governor of Qazvin"),
]

QUERIES = [
    "سفير",  # Arabic Yeh for Persian Yeh; also «سَفیر» (a diacritic), «سفـیر» (tatweel)
    "سفیر ژاپن",
    "كنسول",  # Arabic Kaf
    "همکاری‌ها",  # ZWNJ typed, Arabic letters stored
    "همکاریها",
    "صنايع دستي",
    "میروم",
    "می روم",
    "tehran",
    "TEHRAN",
    "Tehr",
    "ته",  # two letters: the trigram index cannot serve them
    "ت",
    "ab",
    "ab آموزش",  # a short word with a long one
    "تهران te",
    "قزوین",
    "1404",
    "۱۴۰۴",  # Persian digits match the stored Latin ones
    "٢٠٢٥",
    "aikawa",  # only a guest's name
    "rossi",
    "müller",  # an archived person's visit
    "Muller",
    "استاندار",  # only a host's name
    "مسئول",
    "مسيول",
    "گفتوگو",
    "فولاد",
    "کارخانه",
    "ناموجود",
    "!!",  # punctuation only: no filter
    "موافقت",
]


def _at(day: int, hour: int) -> datetime:
    d = FIRST_DAY + timedelta(days=day)
    return datetime(d.year, d.month, d.day, hour, tzinfo=TEHRAN)


@pytest.fixture
def office(seeded):
    """The visits and people above (built once a session, see ``seeded``)."""
    return seeded(_build_office)[0]


def _build_office(db) -> None:
    japan = country_by_code(db, "JP")
    assert japan is not None
    people = []
    for name_fa, name_en in PEOPLE:
        view = save_person(db, person=PersonInput(name_fa, name_en))
        people.append(view)
    ids: list[int] = []
    for day, (
        title,
        purpose,
        venue,
        delegation,
        ref,
        outcome,
        guests,
        hosts,
        archived,
    ) in enumerate(VISITS):
        saved = svc.save_visit(
            db,
            visit=VisitInput(
                title=title,
                purpose=purpose,
                venue=venue,
                delegation_name=delegation,
                reference_number=ref,
                outcome=outcome,
                start_at=_at(day * 2, 10),
                end_at=_at(day * 2, 11),
                country_id=japan.id if day == 0 else None,
                guests=tuple(GuestEntry(people[i].id) for i in guests),
                hosts=tuple(people[i].id for i in hosts),
                confidential=title == "دیدار محرمانه",
            ),
            conflict_reason="روز تعطیل هم برگزار می‌شود",  # some fall on a Friday
        )
        ids.append(saved.id)
        if archived:
            svc.archive_visit(db, visit_id=saved.id, version=saved.version)
    archive_person(db, person_id=people[3].id, version=people[3].version)


def _expected(db, text: str, *, archived: bool | None) -> set[int]:
    """The old filter's rows: every word a substring of the visit's or a guest's/host's key.

    ``archived``: False for the live visits, True for the archived ones, None for both.
    """
    terms = search_terms(text)
    with db.read_session() as session:
        people = dict(session.execute(select(Person.id, Person.search_key)).all())
        keys: dict[int, list[str]] = {}
        for visit_id, key, archived_at in session.execute(
            select(Visit.id, Visit.search_key, Visit.archived_at)
        ):
            if archived is None or archived == (archived_at is not None):
                keys[visit_id] = [key]
        for link in (VisitGuest, VisitHost):
            for visit_id, person_id in session.execute(select(link.visit_id, link.person_id)):
                if visit_id in keys:
                    keys[visit_id].append(people[person_id])
    return {v for v, found in keys.items() if all(any(t in k for k in found) for t in terms)}


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize(
    ("flags", "archived"),
    [({}, False), ({"include_archived": True}, None), ({"archived_only": True}, True)],
    ids=["live", "with-archived", "archive"],
)
def test_text_filter_gives_the_rows_of_a_scan(office, text, flags, archived) -> None:
    expected = _expected(office, text, archived=archived)
    filters = VisitFilter(text=text, **flags)
    for sort in ("start", "title", "country", "status"):
        rows = svc.list_visits(office, filters=filters, sort=sort)
        assert {r.id for r in rows} == expected, (text, sort)
        assert len(rows) == len(expected)
    assert svc.count_visits(office, filters=filters) == len(expected)


def test_the_oracle_is_not_vacuous(office) -> None:
    """The hostile queries do find visits, through their own keys and through people."""
    assert len(_expected(office, "سفير", archived=None)) == 3
    assert len(_expected(office, "كنسول", archived=False)) == 1
    assert _expected(office, "aikawa", archived=False) == _expected(
        office, "ژاپن", archived=False
    ) | (_expected(office, "كارگاه", archived=False))
    assert _expected(office, "ته", archived=False)
    # An archived contact's visits: one live, one archived.
    assert len(_expected(office, "müller", archived=None)) == 2
    assert len(_expected(office, "müller", archived=False)) == 1


@pytest.mark.parametrize("text", ["سفير", "tehran", "قزوین", "aikawa", "تهران te"])
def test_words_found_in_many_visits_give_the_same_rows(office, monkeypatch, text) -> None:
    """A page of a word in most visits tries each row instead of the index: the same rows."""
    expected = _expected(office, text, archived=False)
    monkeypatch.setattr(register, "DENSE_TERM", 0)
    for sort in ("start", "country"):
        assert {
            r.id for r in svc.list_visits(office, filters=VisitFilter(text=text), sort=sort)
        } == (expected)
    assert svc.count_visits(office, filters=VisitFilter(text=text)) == len(expected)


def test_the_index_follows_edits_archive_and_restore(office) -> None:
    """A visit renamed, archived, restored: the filter finds it as its current text says."""
    found = svc.list_visits(office, filters=VisitFilter(text="فولاد"))
    assert len(found) == 1
    visit = svc.get_visit(office, found[0].id)
    svc.save_visit(office, visit=replace(visit, title="بازدید از کارخانهٔ سیمان"))
    assert svc.list_visits(office, filters=VisitFilter(text="فولاد")) == []
    assert [v.id for v in svc.list_visits(office, filters=VisitFilter(text="سیمان"))] == [visit.id]
    current = svc.get_visit(office, visit.id)
    svc.archive_visit(office, visit_id=visit.id, version=current.version)
    assert svc.count_visits(office, filters=VisitFilter(text="سیمان")) == 0
    assert svc.count_visits(office, filters=VisitFilter(text="سیمان", archived_only=True)) == 1
    svc.restore_visit(office, visit_id=visit.id, version=current.version + 1)
    assert svc.count_visits(office, filters=VisitFilter(text="سیمان")) == 1


@pytest.mark.sqlite_only(reason="damages FTS5's shadow tables inside the SQLite file")
def test_a_damaged_index_is_named_by_a_text_filter(office) -> None:
    import sqlite3

    from qazvin_diplomacy.services.search import SearchIndexDamaged

    office.engine.dispose()
    with sqlite3.connect(office.path) as conn:
        conn.execute("DROP TABLE search_fts_idx")
    with pytest.raises(SearchIndexDamaged) as caught:
        svc.list_visits(office, filters=VisitFilter(text="سفیر"))
    assert "check --repair" in caught.value.message
    with pytest.raises(SearchIndexDamaged):
        svc.count_visits(office, filters=VisitFilter(text="سفیر"))
    # The other filters, and short words (which never read the index), still work.
    assert svc.count_visits(office, filters=VisitFilter()) == len(VISITS) - 1
    assert svc.count_visits(office, filters=VisitFilter(text="ته")) == len(
        _expected(office, "ته", archived=False)
    )


def test_a_text_filter_reads_the_people_once_a_word(office) -> None:
    """The guests' and the hosts' people matching a word are read once for both (each
    statement scans the people once a word, not twice)."""
    filters = VisitFilter(text="سفير قزوین")
    with selects_run(office) as run:
        count = svc.count_visits(office, filters=filters)
        rows = svc.list_visits(office, filters=filters)
    assert count == len(rows) == len(_expected(office, "سفير قزوین", archived=False))
    reading = [s.sql for s in run if "person.search_key LIKE" in s.sql]
    assert reading  # the count and the page
    assert all(s.count("person.search_key LIKE") == 2 for s in reading)  # two words


@pytest.mark.sqlite_only(reason="reads SQLite's query plan")
def test_a_page_of_words_the_index_serves_is_read_by_their_ids(office) -> None:
    """Words the index serves lead to their visits by id: the page does not walk every live
    visit in its order (the archived_at index) to try each against them."""
    filters = VisitFilter(text="سفير")
    with selects_run(office) as run:
        rows = svc.list_visits(office, filters=filters)
    assert {r.id for r in rows} == _expected(office, "سفير", archived=False)
    page = next(s for s in run if s.sql.lstrip().startswith(("SELECT visit.id", "WITH")))
    with office.engine.connect() as conn:
        plan = " ".join(
            r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + page.sql, page.parameters)
        )
    assert "ix_visit_archived" not in plan, plan
