"""Deterministic demo data grounded in the source articles, plus synthetic volume.

``load_demo(db, scale=0)`` writes the articles' people and organizations, then every module's
records through ``DEMO_CONTRIBUTORS`` (a module adds its own function there). ``scale=N`` adds
N times a base volume of varied synthetic records for benchmarks, N at most :data:`MAX_SCALE`.
The same arguments always give the same data.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import Any

from sqlalchemy import insert, select

from qazvin_diplomacy.core.clock import from_local, today_local
from qazvin_diplomacy.core.directory import phone_search_fields
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import index_key, normalize, to_persian_digits
from qazvin_diplomacy.services.demo_agreements import article_agreements, synthetic_agreements
from qazvin_diplomacy.services.demo_capacities import article_capacities, synthetic_capacities
from qazvin_diplomacy.services.demo_context import DemoContext
from qazvin_diplomacy.services.demo_delegations import article_delegations, synthetic_delegations
from qazvin_diplomacy.services.demo_events import panjah_bedar, synthetic_events, yalda_night
from qazvin_diplomacy.services.demo_markets import article_markets, synthetic_markets
from qazvin_diplomacy.services.demo_meetings import article_meetings, synthetic_meetings
from qazvin_diplomacy.services.demo_visits import article_visits, synthetic_visits
from qazvin_diplomacy.services.directory import (
    organization_search_key,
    person_search_key,
    seed_countries,
)
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person

SEED = 1404
#: The largest ``scale``: ten times the benchmarks' database.  Measured: scale 100 writes
#: about 246,000 records (a 130 MB file) in about a minute with 250 MB of memory, all in one
#: transaction; memory and time grow linearly, so 1000 means about 2.5 million records,
#: 1.3 GB on disk, ten minutes and close to 2 GB of memory.
MAX_SCALE = 1000
PEOPLE_PER_SCALE = 40
ORGANIZATIONS_PER_SCALE = 8


DemoContributor = Callable[[DemoContext], None]
#: ``progress(step, steps, name)``: the step about to run (1-based) and its contributor's name;
#: ``step == steps + 1`` with name "commit" while the transaction is written.
DemoProgress = Callable[[int, int, str], None]


def _load_json(name: str) -> dict[str, Any]:
    text = resources.files("qazvin_diplomacy.data").joinpath(name).read_text("utf-8")
    return json.loads(text)


def _ascii(address: str) -> str:
    """An e-mail address folded to lower-case ASCII («Gül» → «gul»), as mail systems need."""
    folded = unicodedata.normalize("NFKD", address.replace("ı", "i")).encode("ascii", "ignore")
    return folded.decode().lower().replace(" ", "")


def _record_defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def _directory(ctx: DemoContext) -> None:
    """The organizations and people of the articles."""
    data = _load_json("demo_directory.json")
    for org in data["organizations"]:
        row = Organization(
            name_fa=normalize(org["name_fa"]),
            name_en=org.get("name_en", ""),
            kind=org.get("kind", "other"),
            country_id=ctx.countries.get(org.get("country") or ""),
            city_fa=normalize(org.get("city_fa", "")),
            city_en=org.get("city_en", ""),
            phone=org.get("phone", ""),
            email=org.get("email", ""),
            address=normalize(org.get("address_fa", "")),
            notes=normalize(org.get("notes_fa", "")),
        )
        row.search_key = organization_search_key(row)
        ctx.session.add(row)
        ctx.session.flush()
        ctx.organizations[org["key"]] = row.id
    for org in data["organizations"]:
        if org.get("parent"):
            ctx.session.get(Organization, ctx.organizations[org["key"]]).parent_id = (  # type: ignore[union-attr]
                ctx.organizations[org["parent"]]
            )
    for person in data["people"]:
        started = person.get("functions_started_at")
        row = Person(
            name_fa=normalize(person["name_fa"]),
            name_en=person.get("name_en", ""),
            honorific_fa=normalize(person.get("honorific_fa", "")),
            honorific_en=person.get("honorific_en", ""),
            title_fa=normalize(person.get("title_fa", "")),
            title_en=person.get("title_en", ""),
            organization_id=ctx.organizations.get(person.get("organization") or ""),
            country_id=ctx.countries.get(person.get("country") or ""),
            diplomatic_rank=person.get("diplomatic_rank"),
            functions_started_at=from_local(datetime.fromisoformat(started)) if started else None,
            languages=person.get("languages", ""),
            phone=person.get("phone", ""),
            email=person.get("email", ""),
            biography=normalize(person.get("biography_fa", "")),
            notes=normalize(person.get("notes_fa", "")),
        )
        row.search_key = person_search_key(ctx.session, row)
        ctx.session.add(row)
        ctx.session.flush()
        ctx.people[person["key"]] = row.id
    ctx.count("organizations", len(data["organizations"]))
    ctx.count("people", len(data["people"]))


def _synthetic_directory(ctx: DemoContext) -> None:
    """Synthetic organizations and contacts: ``scale`` times a base volume, bulk-inserted."""
    if ctx.scale <= 0:
        return
    pools = ctx.pools
    rng = ctx.rng
    foreign = pools["foreign_people"]
    codes = sorted(foreign)
    words = pools["company_words_fa_en"]
    org_rows = []
    for i in range(ctx.scale * ORGANIZATIONS_PER_SCALE):
        code = rng.choice(codes)
        word_fa, word_en = rng.choice(words)
        name_fa = f"شرکت {word_fa} {i + 1}"
        name_en = f"{word_en} Company {i + 1}"
        phone, email = f"+98 28 {rng.randint(3000000, 3999999)}", f"info{i + 1}@example.com"
        org_rows.append(
            {
                **_record_defaults(),
                "name_fa": name_fa,
                "name_en": name_en,
                "kind": "company",
                "country_id": ctx.countries.get(code),
                "parent_id": None,
                "city_fa": "",
                "city_en": "",
                "phone": phone,
                "email": email,
                "address": "",
                "notes": "",
                "search_key": organization_search_key(
                    Organization(name_fa=name_fa, name_en=name_en, phone=phone, email=email)
                ),
                "archived_at": None,
            }
        )
    ctx.session.execute(insert(Organization), org_rows)
    org_names = {
        oid: (fa, en)
        for oid, fa, en in ctx.session.execute(
            select(Organization.id, Organization.name_fa, Organization.name_en).where(
                Organization.kind == "company"
            )
        )
    }
    org_ids = sorted(org_names)
    country_names = {
        iso2: (fa, en)
        for iso2, fa, en in ctx.session.execute(
            select(Country.iso2, Country.name_fa, Country.name_en)
        )
    }
    person_rows = []
    titles = [
        ("رایزن اقتصادی", "Economic Counsellor"),
        ("مدیرعامل", "Managing Director"),
        ("مدیر بازرگانی", "Commercial Manager"),
        ("کارشناس روابط بین‌الملل", "International Relations Officer"),
        ("رئیس هیئت مدیره", "Chairman of the Board"),
    ]
    for i in range(ctx.scale * PEOPLE_PER_SCALE):
        code = rng.choice(codes)
        given_fa, given_en = rng.choice(foreign[code]["given"])
        family_fa, family_en = rng.choice(foreign[code]["family"])
        title_fa, title_en = rng.choice(titles)
        org_id = rng.choice(org_ids)
        name_fa, name_en = f"{given_fa} {family_fa}", f"{given_en} {family_en}"
        email = _ascii(f"{given_en}.{family_en}{i}@example.org")
        phone = f"+98 912 {rng.randint(1000000, 9999999)}"
        person_rows.append(
            {
                **_record_defaults(),
                "name_fa": name_fa,
                "name_en": name_en,
                "honorific_fa": "",
                "honorific_en": "",
                "title_fa": title_fa,
                "title_en": title_en,
                "organization_id": org_id,
                "country_id": ctx.countries.get(code),
                "diplomatic_rank": None,
                "functions_started_at": None,
                "languages": "",
                "phone": phone,
                "email": email,
                "biography": "",
                "notes": "",
                "search_key": index_key(
                    name_fa,
                    name_en,
                    title_fa,
                    title_en,
                    email,
                    *org_names[org_id],
                    *country_names.get(code, ("", "")),
                    *phone_search_fields(phone),
                ),
                "archived_at": None,
            }
        )
    ctx.session.execute(insert(Person), person_rows)
    ctx.synthetic_people = list(
        ctx.session.scalars(
            select(Person.id).where(Person.id > max(ctx.people.values(), default=0))
        )
    )
    ctx.count("organizations", len(org_rows))
    ctx.count("people", len(person_rows))


DEMO_CONTRIBUTORS: list[DemoContributor] = [
    _directory,
    _synthetic_directory,
    article_visits,
    synthetic_visits,
    article_agreements,
    synthetic_agreements,
    panjah_bedar,
    yalda_night,
    synthetic_events,
    article_meetings,
    synthetic_meetings,
    article_markets,
    synthetic_markets,
    article_delegations,
    synthetic_delegations,
    article_capacities,
    synthetic_capacities,
]


@dataclass(frozen=True)
class DemoSummary:
    """What ``load_demo`` wrote."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        """All records written."""
        return sum(self.counts.values())


def check_scale(scale: int) -> None:
    """Refuse a ``scale`` below 0 or above :data:`MAX_SCALE` (``KnownError``)."""
    if scale < 0:
        raise KnownError(
            "مقیاس دادهٔ نمونه نمی‌تواند منفی باشد.", "The demo scale cannot be negative."
        )
    if scale > MAX_SCALE:
        raise KnownError(
            f"مقیاس دادهٔ نمونه حداکثر {to_persian_digits(MAX_SCALE)} است "
            f"(مقیاس ۱۰۰ حدود ۲۵۰ هزار رکورد می‌سازد).",
            f"The demo scale is at most {MAX_SCALE} (scale 100 makes about 250,000 records).",
        )


def load_demo(
    db: Database,
    *,
    scale: int = 0,
    today: date | None = None,
    progress: DemoProgress | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data in one transaction (all or nothing).

    ``progress`` hears of each step (see :data:`DemoProgress`); ``scale`` is checked by
    :func:`check_scale` before anything is written.
    """
    check_scale(scale)
    with write(db) as session:
        seed_countries(session)
        if session.scalar(select(Person.id).limit(1)) is not None:
            raise KnownError(
                "پایگاه داده خالی نیست؛ دادهٔ نمونه فقط در پایگاه داده خالی بارگذاری می‌شود.",
                "The database is not empty; demo data is only loaded into an empty database.",
            )
        ctx = DemoContext(
            session=session, rng=random.Random(SEED), scale=scale, today=today or today_local()
        )
        ctx.countries = {
            iso2: cid for iso2, cid in session.execute(select(Country.iso2, Country.id))
        }
        ctx.pools = _load_json("name_pools.json")
        steps = len(DEMO_CONTRIBUTORS)
        for step, contribute in enumerate(DEMO_CONTRIBUTORS, start=1):
            if progress is not None:
                progress(step, steps, contribute.__name__.strip("_"))
            contribute(ctx)
        if progress is not None:
            progress(steps + 1, steps, "commit")
        return DemoSummary(counts=dict(ctx.counts))
