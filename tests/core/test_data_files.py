"""Integrity of the bundled data files: countries, demo directory and synthetic name pools."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import qazvin_diplomacy

DATA_DIR = Path(qazvin_diplomacy.__file__).resolve().parent / "data"

ARABIC_TWINS = {"\u064a": "Arabic Yeh", "\u0643": "Arabic Kaf", "\u0649": "Alef Maksura"}
ZWNJ = "\u200c"
PERSIAN_LETTER = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622]")
REGIONS = {
    "middle_east",
    "central_asia",
    "caucasus",
    "south_asia",
    "east_asia",
    "southeast_asia",
    "europe",
    "africa",
    "north_america",
    "latin_america",
    "oceania",
    "antarctica",
}
ORG_KINDS = {
    "embassy",
    "consulate",
    "ministry",
    "mfa_office",
    "governorate",
    "foreign_province",
    "foreign_city",
    "chamber",
    "university",
    "science_park",
    "company",
    "government_agency",
    "other",
}
RANKS = {
    None,
    "ambassador",
    "envoy",
    "charge_daffaires",
    "charge_ad_interim",
    "minister_counsellor",
    "counsellor",
    "first_secretary",
    "second_secretary",
    "attache",
    "consul_general",
    "consul",
}
HEAD_OF_MISSION_RANKS = {"ambassador", "envoy", "charge_daffaires", "charge_ad_interim"}
ORG_FIELDS = {
    "key",
    "name_fa",
    "name_en",
    "kind",
    "country",
    "parent",
    "city_fa",
    "city_en",
    "phone",
    "email",
    "address_fa",
    "notes_fa",
}
PERSON_FIELDS = {
    "key",
    "name_fa",
    "name_en",
    "honorific_fa",
    "honorific_en",
    "title_fa",
    "title_en",
    "organization",
    "country",
    "diplomatic_rank",
    "functions_started_at",
    "languages",
    "phone",
    "email",
    "notes_fa",
}
EMAIL = re.compile(r"^[a-z0-9.\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)+$")
PHONE = re.compile(r"^\+\d{1,3}( \d{2,5}){2,4}$")
LANGUAGES = re.compile(r"^[a-z]{2}(, [a-z]{2})*$")
STARTED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


# --- helpers -------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a nested JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def text_problems(text: str) -> list[str]:
    """Spelling problems in one stored string: Arabic twins of Persian letters, stray ZWNJ, spaces."""
    problems = [f"{name} in {text!r}" for char, name in ARABIC_TWINS.items() if char in text]
    if ZWNJ in text:
        if text.startswith(ZWNJ) or text.endswith(ZWNJ):
            problems.append(f"ZWNJ at an edge of {text!r}")
        if f"{ZWNJ} " in text or f" {ZWNJ}" in text or ZWNJ * 2 in text:
            problems.append(f"ZWNJ next to a space or doubled in {text!r}")
    if text != text.strip() or "  " in text:
        problems.append(f"stray whitespace in {text!r}")
    return problems


def _duplicates(values: list[Any]) -> list[Any]:
    return [value for value, count in Counter(values).items() if count > 1]


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    with (DATA_DIR / "countries.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["iso2", "iso3", "numeric", "name_en", "name_fa", "region"]
        return list(reader)


@pytest.fixture(scope="module")
def directory() -> dict[str, list[dict[str, Any]]]:
    return json.loads((DATA_DIR / "demo_directory.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pools() -> dict[str, Any]:
    return json.loads((DATA_DIR / "name_pools.json").read_text(encoding="utf-8"))


# --- the checker itself must catch what it is meant to catch ----------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "علي",
        "كشور",
        "مصطفى",
        "\u200cقزوین",
        "صفی\u200c خانی",
        "شهرک\u200c\u200cها",
        " عراق",
        "ایالات  متحده",
    ],
)
def test_text_problems_flags_bad_spelling(bad: str) -> None:
    assert text_problems(bad)


@pytest.mark.parametrize("good", ["علی", "کشور", "مصطفی", "صفی\u200cخانی", "شهرک\u200cهای صنعتی"])
def test_text_problems_accepts_good_spelling(good: str) -> None:
    assert text_problems(good) == []


# --- countries.csv ------------------------------------------------------------------------


def test_countries_cover_iso_3166_1(countries: list[dict[str, str]]) -> None:
    assert len(countries) == 249
    for column in ("iso2", "iso3", "numeric", "name_en", "name_fa"):
        values = [row[column] for row in countries]
        assert _duplicates(values) == [], column
    for row in countries:
        assert re.fullmatch(r"[A-Z]{2}", row["iso2"]), row
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]), row
        assert re.fullmatch(r"\d{3}", row["numeric"]), row
        assert row["region"] in REGIONS, row
        assert row["name_en"].strip(), row


def test_country_persian_names_are_clean(countries: list[dict[str, str]]) -> None:
    problems = []
    for row in countries:
        name = row["name_fa"]
        if not PERSIAN_LETTER.search(name) or re.search(r"[A-Za-z]", name):
            problems.append(f"{row['iso2']}: not a Persian name {name!r}")
        problems += text_problems(name)
    assert problems == []


@pytest.mark.parametrize(
    ("iso2", "iso3", "name_fa", "region"),
    [
        ("IR", "IRN", "ایران", "middle_east"),
        ("IQ", "IRQ", "عراق", "middle_east"),
        ("TJ", "TJK", "تاجیکستان", "central_asia"),
        ("BY", "BLR", "بلاروس", "europe"),
        ("AF", "AFG", "افغانستان", "south_asia"),
        ("RU", "RUS", "روسیه", "europe"),
        ("AM", "ARM", "ارمنستان", "caucasus"),
        ("AZ", "AZE", "جمهوری آذربایجان", "caucasus"),
        ("TR", "TUR", "ترکیه", "middle_east"),
        ("CN", "CHN", "چین", "east_asia"),
        ("IN", "IND", "هند", "south_asia"),
        ("DE", "DEU", "آلمان", "europe"),
        ("GB", "GBR", "بریتانیا", "europe"),
        ("US", "USA", "ایالات متحده آمریکا", "north_america"),
        ("KR", "KOR", "کره جنوبی", "east_asia"),
        ("KP", "PRK", "کره شمالی", "east_asia"),
        ("AE", "ARE", "امارات متحده عربی", "middle_east"),
        ("SY", "SYR", "سوریه", "middle_east"),
        ("KZ", "KAZ", "قزاقستان", "central_asia"),
        ("AQ", "ATA", "جنوبگان", "antarctica"),
        ("BR", "BRA", "برزیل", "latin_america"),
    ],
)
def test_key_countries(
    countries: list[dict[str, str]], iso2: str, iso3: str, name_fa: str, region: str
) -> None:
    row = next(row for row in countries if row["iso2"] == iso2)
    assert (row["iso3"], row["name_fa"], row["region"]) == (iso3, name_fa, region)


def test_every_region_is_used(countries: list[dict[str, str]]) -> None:
    assert {row["region"] for row in countries} == REGIONS


# --- demo_directory.json ---------------------------------------------------------------------


def test_directory_shape_and_size(directory: dict[str, list[dict[str, Any]]]) -> None:
    assert set(directory) == {"organizations", "people"}
    assert len(directory["organizations"]) >= 40
    assert len(directory["people"]) >= 60
    for org in directory["organizations"]:
        assert set(org) == ORG_FIELDS, org["key"]
    for person in directory["people"]:
        assert set(person) == PERSON_FIELDS, person["key"]


def test_directory_keys_unique(directory: dict[str, list[dict[str, Any]]]) -> None:
    orgs, people = directory["organizations"], directory["people"]
    assert _duplicates([o["key"] for o in orgs]) == []
    assert _duplicates([p["key"] for p in people]) == []
    assert _duplicates([o["name_fa"] for o in orgs]) == []
    assert _duplicates([o["name_en"] for o in orgs]) == []
    assert _duplicates([p["email"] for p in people]) == []
    assert _duplicates([item["phone"] for item in orgs + people]) == []
    for item in orgs + people:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", item["key"]), item["key"]


def test_directory_references_resolve(
    directory: dict[str, list[dict[str, Any]]], countries: list[dict[str, str]]
) -> None:
    iso2 = {row["iso2"] for row in countries}
    orgs = {o["key"]: o for o in directory["organizations"]}
    for org in orgs.values():
        assert org["country"] in iso2, org["key"]
        assert org["parent"] is None or org["parent"] in orgs, org["key"]
        seen, node = set(), org
        while node["parent"] is not None:  # parent chains end without a cycle
            assert node["key"] not in seen, f"cycle at {org['key']}"
            seen.add(node["key"])
            node = orgs[node["parent"]]
    for person in directory["people"]:
        assert person["organization"] in orgs, person["key"]
        assert person["country"] in iso2, person["key"]


def test_directory_enumerations(directory: dict[str, list[dict[str, Any]]]) -> None:
    for org in directory["organizations"]:
        assert org["kind"] in ORG_KINDS, org["key"]
    for person in directory["people"]:
        assert person["diplomatic_rank"] in RANKS, person["key"]
    used_kinds = {o["kind"] for o in directory["organizations"]}
    assert ORG_KINDS - used_kinds == set()


def test_directory_contact_formats(directory: dict[str, list[dict[str, Any]]]) -> None:
    for item in directory["organizations"] + directory["people"]:
        assert PHONE.fullmatch(item["phone"]), item["phone"]
        assert 8 <= len(re.sub(r"\D", "", item["phone"])) <= 15, item["phone"]  # E.164
        assert EMAIL.fullmatch(item["email"]), item["email"]
        # Demo contacts must never reach a real mailbox.
        assert item["email"].endswith(".example"), item["email"]
    for person in directory["people"]:
        assert LANGUAGES.fullmatch(person["languages"]), person["key"]


def test_directory_persian_text_is_clean(directory: dict[str, list[dict[str, Any]]]) -> None:
    problems = [p for text in _strings(directory) for p in text_problems(text)]
    assert problems == []
    for item in directory["organizations"] + directory["people"]:
        assert PERSIAN_LETTER.search(item["name_fa"]), item["key"]
        assert not re.search(r"[A-Za-z]", item["name_fa"]), item["key"]


def test_functions_started_at(directory: dict[str, list[dict[str, Any]]]) -> None:
    heads = [p for p in directory["people"] if p["diplomatic_rank"] in HEAD_OF_MISSION_RANKS]
    for person in directory["people"]:
        value = person["functions_started_at"]
        if person["diplomatic_rank"] not in HEAD_OF_MISSION_RANKS:
            assert value is None, person["key"]
        elif value is not None:
            assert STARTED_AT.fullmatch(value), value
            datetime.fromisoformat(value)
    dated = [p["functions_started_at"] for p in heads if p["functions_started_at"]]
    # Fixtures for the precedence rules: a same-day tie and a head of mission with no date.
    assert _duplicates([value[:10] for value in dated]), "no two heads of mission share a date"
    assert _duplicates(dated) == [], "a same-day tie must still differ by time"
    assert any(p["functions_started_at"] is None for p in heads)
    assert {p["diplomatic_rank"] for p in heads} >= {
        "ambassador",
        "charge_daffaires",
        "charge_ad_interim",
    }


def test_each_embassy_in_tehran_has_one_head_and_a_counsellor(
    directory: dict[str, list[dict[str, Any]]],
) -> None:
    embassies = {
        o["key"]: o
        for o in directory["organizations"]
        if o["kind"] == "embassy" and o["city_en"] == "Tehran"
    }
    expected = {"IQ", "TJ", "BY", "AF", "RU", "AM", "TR", "CN", "KZ", "UZ", "AZ", "OM"}
    assert {o["country"] for o in embassies.values()} >= expected
    for key, embassy in embassies.items():
        staff = [p for p in directory["people"] if p["organization"] == key]
        heads = [p for p in staff if p["diplomatic_rank"] in HEAD_OF_MISSION_RANKS]
        assert len(heads) == 1, key
        assert any(p["diplomatic_rank"] == "counsellor" for p in staff), key
        assert all(p["country"] == embassy["country"] for p in staff), key
    afghan = [p for p in directory["people"] if p["organization"] == "emb_af"]
    assert any(p["diplomatic_rank"] == "charge_daffaires" for p in afghan)


def test_directory_grounded_in_the_articles(directory: dict[str, list[dict[str, Any]]]) -> None:
    people = {p["key"]: p for p in directory["people"]}
    orgs = {o["key"]: o for o in directory["organizations"]}
    assert people["nozari"]["name_fa"] == "محمد نوذری"
    assert people["nozari"]["organization"] == "gov_qazvin"
    assert people["safikhani"]["name_fa"] == "محمدرضا صفی\u200cخانی"
    assert people["gerami"]["name_fa"] == "بیژن گرامی"
    assert people["haghbin"]["name_fa"] == "فریدون حق\u200cبین"
    assert orgs["mfa_office_qazvin"]["kind"] == "mfa_office"
    natives = [p for p in directory["people"] if "اهل قزوین" in p["notes_fa"]]
    assert any(orgs[p["organization"]]["city_en"] == "Minsk" for p in natives)
    names = {o["name_fa"] for o in orgs.values()}
    for required in (
        "استانداری قزوین",
        "شرکت شهرک\u200cهای صنعتی استان قزوین",
        "خانه صادرات قزوین",
        "دانشگاه بین\u200cالمللی امام خمینی (ره)",
        "دانشگاه علوم پزشکی قزوین",
        "پارک علم و فناوری استان قزوین",
        "ولایت سغد",
        "ولایت ختلان",
        "اقلیم کردستان عراق",
        "استانداری بصره",
        "ولایت هرات",
        "استان مینسک",
    ):
        assert required in names, required


# --- name_pools.json ---------------------------------------------------------------------------


def _check_pairs(name: str, items: list[Any], minimum: int) -> None:
    assert len(items) >= minimum, name
    for item in items:
        assert isinstance(item, list) and len(item) == 2, (name, item)
        fa, en = item
        assert PERSIAN_LETTER.search(fa) and not re.search(r"[A-Za-z]", fa), (name, item)
        assert re.search(r"[A-Za-z]", en) and not PERSIAN_LETTER.search(en), (name, item)
    assert _duplicates([fa for fa, _ in items]) == [], name
    assert _duplicates([en for _, en in items]) == [], name


def test_persian_name_pools(pools: dict[str, Any]) -> None:
    for key, minimum in (
        ("persian_first_male", 40),
        ("persian_first_female", 30),
        ("persian_last", 60),
    ):
        names = pools[key]
        assert len(names) >= minimum, key
        assert _duplicates(names) == [], key
        for name in names:
            assert PERSIAN_LETTER.search(name) and " " not in name, name
    assert not set(pools["persian_first_male"]) & set(pools["persian_first_female"])


def test_foreign_name_pools(pools: dict[str, Any]) -> None:
    foreign = pools["foreign_people"]
    assert set(foreign) >= {"IQ", "RU", "TJ", "TR", "CN", "DE", "AF", "BY", "KZ", "IN"}
    for country, parts in foreign.items():
        assert set(parts) == {"given", "family"}, country
        _check_pairs(f"{country}.given", parts["given"], 15)
        _check_pairs(f"{country}.family", parts["family"], 15)
    assert set(pools["family_name_first"]) <= set(foreign)


def test_phrase_pools(pools: dict[str, Any]) -> None:
    _check_pairs("company_words_fa_en", pools["company_words_fa_en"], 30)
    _check_pairs("company_sectors_fa_en", pools["company_sectors_fa_en"], 10)
    _check_pairs("venues", pools["venues"], 20)
    _check_pairs("purposes", pools["purposes"], 20)
    _check_pairs("activities", pools["activities"], 20)
    venues = {fa for fa, _ in pools["venues"]}
    assert {"عمارت کلاه\u200cفرنگی", "کاروانسرای سعدالسلطنه", "هتل بین\u200cالمللی قزوین"} <= venues


def test_name_pools_text_is_clean(pools: dict[str, Any]) -> None:
    assert [p for text in _strings(pools) for p in text_problems(text)] == []
