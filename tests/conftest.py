"""Fixtures shared by every test folder."""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Python's bytecode cache, even where PYTHONDONTWRITEBYTECODE is set (as in many containers):
# without it every pytest process (each xdist worker too) compiles the application and
# rewrites the asserts of every test module again (about 15 CPU-seconds of collection instead
# of about 3), and so does every `python -m qazvin_diplomacy` a test starts. The caches are the
# git-ignored __pycache__ folders of the checkout.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# The machine running the suite is shared (2 cores, parallel workers): a property test must not
# fail because generating its examples was slow, nor because one example waited for the CPU.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")

#: A PostgreSQL database the suite may create databases beside (``.ci/postgres.sh`` exports
#: it; its password comes from ``PGPASSWORD``).  When set, every test taking the ``db``
#: fixture (or ``database_target``) runs twice: on a SQLite file and on PostgreSQL.
PG_URL = os.environ.get("QD_TEST_PG_URL", "").strip()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test is about the SQLite file itself (WAL, locks, the .sqlite "
        "file restored or damaged …); it does not run on PostgreSQL",
    )
    config.addinivalue_line(
        "markers",
        "office_password_hashes: the test hashes passwords with the office's Argon2 parameters "
        "(every other test hashes at the cheapest, see _cheap_password_hashes)",
    )


#: ``file::function`` of the tests measured slow (see the file's header): marked ``slow`` here.
SLOW_TESTS = Path(__file__).with_name("slow_tests.txt")


def slow_test_ids() -> set[str]:
    """The entries of ``slow_tests.txt`` (comments and blank lines aside)."""
    lines = SLOW_TESTS.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` the tests listed in ``slow_tests.txt`` (a function: all its parameters; a
    ``function[id]``: that parameter), so ``-m "not slow"`` leaves them out."""
    slow = slow_test_ids()
    for item in items:
        if item.nodeid in slow or item.nodeid.split("[")[0] in slow:
            item.add_marker(pytest.mark.slow)


# No garbage collection while the test modules (and through them the application, Qt and the
# libraries) are imported: importing makes few cycles and a great many objects that live as long
# as the process, which each collection walked again (about a CPU-second of each pytest process
# and xdist worker). Collecting the tests turns it back on (the xdist controller, which collects
# nothing, runs without it).
gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what collection made (the application's, Qt's and the libraries' modules and
    classes, the test modules) out of Python's garbage collections from now on: every full
    collection walked those objects again for nothing (they live as long as the process), and so
    did the process's exit (about half a CPU-second of each pytest process and xdist worker)."""
    gc.collect()
    gc.freeze()
    gc.enable()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """With ``QD_TEST_PG_URL`` set, run database tests on both engines (ids ``sqlite``/``postgresql``)."""
    if not PG_URL or "backend" not in metafunc.fixturenames:
        return
    marked = metafunc.definition.get_closest_marker("sqlite_only") is not None
    metafunc.parametrize("backend", ["sqlite"] if marked else ["sqlite", "postgresql"])


def shared_template(
    tmp_path_factory: pytest.TempPathFactory, key: str, build: Callable[[Path], Any]
) -> tuple[Path, Any]:
    """A template database file made by ``build(path)`` (which returns plain values) and what
    ``build`` returned, made once a run for every ``key``.

    Under pytest-xdist the workers share the templates (a folder beside their own temporary
    folders, one lock file a template): the first worker asking builds it, the others wait and
    copy it, instead of each worker spending the same CPU-seconds again. Without xdist (or
    without ``fcntl``, on Windows) the template is the session's own.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: each process builds its own
        fcntl = None  # type: ignore[assignment]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    # xdist gives each worker the folder <the run's temporary folder>/popen-<worker>.
    if fcntl is None or not worker or tmp_path_factory.getbasetemp().name != f"popen-{worker}":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        return path, build(path)
    import hashlib
    import pickle

    root = tmp_path_factory.getbasetemp().parent / "shared-templates"
    root.mkdir(exist_ok=True)
    name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    path, done = root / f"{name}.sqlite3", root / f"{name}.value"
    with open(root / f"{name}.lock", "wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            path.unlink(missing_ok=True)  # a build that failed half-way in another worker
            value = build(path)
            done.write_bytes(pickle.dumps(value))
        return path, pickle.loads(done.read_bytes())


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each test has its own per-user data folder (platformdirs reads ``XDG_DATA_HOME``; the
    CLI's subprocesses inherit it): the audit trail's witness files (``services.audit_seal``)
    of one test never meet another test's database of the same name.  Not ``monkeypatch``:
    taken by every test first, it would undo a test's own changes only after the other
    fixtures' teardown (a server database dropped without its password)."""
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("userdata"))
    yield
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture
def backend() -> str:
    """The database engine of this test run: ``"sqlite"`` (or ``"postgresql"``, see above)."""
    return "sqlite"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file inside the test's temporary folder."""
    return tmp_path / "office.sqlite3"


@pytest.fixture(scope="session")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``fresh_database(path, countries=…)``: a new, migrated database file at ``path``.

    Creating and migrating a database costs about 0.2 s of CPU; it is done once a session
    (with and without the countries) and each test gets a copy of that file, opened as
    usual: the same schema at head, nothing left to migrate, no WAL beside it.
    """
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    templates: dict[bool, Path] = {}

    def fresh(path: Path, *, countries: bool) -> Path:
        if countries not in templates:

            def build(template: Path) -> None:
                database = Database.open(template)
                if countries:
                    ensure_reference_data(database)
                database.close()  # the last connection: SQLite folds the WAL into the file

            key = f"fresh_database countries={countries}"
            templates[countries] = shared_template(tmp_path_factory, key, build)[0]
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates[countries], path)
        return path

    return fresh


@pytest.fixture(scope="session")
def demo_database(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[..., Path]
) -> Callable[..., Path]:
    """``demo_database(path, today=…, scale=…)``: a new database file at ``path`` with the
    countries and ``load_demo(…, today=today, scale=scale)``.

    Loading the demo costs about two CPU-seconds; it is done once a session for each ``today``
    and ``scale`` (the demo is the same for the same two) and each caller gets a copy.
    """
    from qazvin_diplomacy.services.demo import load_demo
    from qazvin_diplomacy.storage.database import Database

    templates: dict[tuple[Any, int], Path] = {}

    def make(path: Path, *, today: Any = None, scale: int = 0) -> Path:
        if (today, scale) not in templates:

            def build(template: Path) -> None:
                database = Database.open(fresh_database(template, countries=True))
                load_demo(database, scale=scale, today=today)
                database.close()  # the last connection: SQLite folds the WAL into the file

            key = f"demo_database today={today!r} scale={scale}"
            templates[(today, scale)] = shared_template(tmp_path_factory, key, build)[0]
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates[(today, scale)], path)
        return path

    return make


class PostgresDatabases:
    """Fresh PostgreSQL databases for tests.

    A template (schema at head, countries seeded) is migrated once a session and copied with
    ``CREATE DATABASE … TEMPLATE``.  ``CREATE DATABASE`` costs a few hundred milliseconds on a
    busy machine, so the tests taking ``db`` share one working copy instead, put back to the
    template's rows after each test: every table emptied (DELETE) and refilled from a snapshot schema,
    triggers off meanwhile (``session_replication_role = replica``), sequences reset.  A test
    that changed the schema itself (dropped the search index, say) gets the copy replaced.
    """

    SNAPSHOT = "qd_snapshot"

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine, make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url).set(drivername="postgresql+psycopg")
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.prefix = f"qdt{os.getpid()}"
        self.templates: dict[bool, str] = {}
        self.counter = itertools.count()
        self.working: str | None = None
        self.fingerprint = ""
        self.tables: list[str] = []
        self.filled: list[str] = []  # the tables the template has rows in
        self._reset_sql = ""
        self._conn: Any = None  # kept open between tests: connecting costs more than resetting
        self.sequences: list[tuple[str, str, int]] = []

    def _execute(self, sql: str, database: str | None = None) -> None:
        engine = self.admin
        if database is not None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            engine = create_engine(
                self.url.set(database=database), isolation_level="AUTOCOMMIT", poolclass=NullPool
            )
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def template(self, *, countries: bool) -> str:
        if countries not in self.templates:
            from qazvin_diplomacy.services.directory import ensure_reference_data
            from qazvin_diplomacy.storage.database import Database

            name = f"{self.prefix}_tpl{int(countries)}"
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self._execute(f"CREATE DATABASE {name}")
            database = Database.open(self.url_of(name))
            if countries:
                ensure_reference_data(database)
            database.close()
            self.templates[countries] = name
        return self.templates[countries]

    def create(self, *, countries: bool = True) -> str:
        """The URL of a new database at head (with the countries unless told otherwise)."""
        template = self.template(countries=countries)
        name = f"{self.prefix}_{next(self.counter)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url_of(name)

    def create_empty(self) -> str:
        """The URL of a new, empty database (no schema)."""
        name = f"{self.prefix}_{next(self.counter)}"
        self._execute(f"CREATE DATABASE {name}")
        return self.url_of(name)

    def drop(self, url: str) -> None:
        from sqlalchemy import make_url

        self._execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    # --- the shared working copy ------------------------------------------------------

    _FINGERPRINT_SQL = """
        SELECT md5(string_agg(item, ',' ORDER BY item)) FROM (
            SELECT c.relkind::text || ':' || c.relname::text AS item FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace
            UNION ALL SELECT 't:' || tgname::text || ':' || tgenabled::text FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
            UNION ALL SELECT 'f:' || proname::text FROM pg_proc
            WHERE pronamespace = 'public'::regnamespace
            UNION ALL SELECT 'k:' || collname::text FROM pg_collation WHERE collname = 'persian'
            UNION ALL SELECT 'a:' || version_num FROM public.alembic_version
        ) AS items
    """

    def _working_engine(self):  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        assert self.working is not None
        return create_engine(self.url.set(database=self.working), poolclass=NullPool)

    def _make_working(self) -> None:
        self._forget_connection()
        if self.working is not None:
            self.drop(self.url_of(self.working))
        self.working = None
        url = self.create(countries=True)
        self.working = url.rsplit("/", 1)[1]
        with self._working_engine().begin() as conn:
            self.tables = list(
                conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version' ORDER BY tablename"
                ).scalars()
            )
            conn.exec_driver_sql(f"CREATE SCHEMA {self.SNAPSHOT}")
            for table in self.tables:
                conn.exec_driver_sql(
                    f"CREATE TABLE {self.SNAPSHOT}.{table} AS SELECT * FROM public.{table}"
                )
            self.filled = [
                table
                for table in self.tables
                if conn.exec_driver_sql(f"SELECT count(*) FROM public.{table}").scalar_one()
            ]
            self.sequences = []
            for table, column, sequence in conn.exec_driver_sql(
                "SELECT c.relname, a.attname, pg_get_serial_sequence(c.relname, a.attname) "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
                "AND a.attnum > 0 AND pg_get_serial_sequence(c.relname, a.attname) IS NOT NULL"
            ):
                top = conn.exec_driver_sql(
                    f"SELECT coalesce(max({column}), 0) FROM public.{table}"
                ).scalar_one()
                self.sequences.append((sequence, table, int(top)))
            self.fingerprint = conn.exec_driver_sql(self._FINGERPRINT_SQL).scalar_one()
        # DELETE, not TRUNCATE (which makes new files for every table and index).
        self._reset_sql = ";\n".join(
            ["SET LOCAL session_replication_role = replica"]
            + [f"DELETE FROM public.{table}" for table in self.tables]
            + [f"INSERT INTO public.{t} SELECT * FROM {self.SNAPSHOT}.{t}" for t in self.filled]
            + [f"SELECT setval('{seq}', {top + 1}, false)" for seq, _t, top in self.sequences]
        )

    def shared(self) -> str:
        """The URL of the working copy, as the template left it."""
        if self.working is None:
            self._make_working()
        assert self.working is not None
        return self.url_of(self.working)

    def reset(self) -> None:
        """Put the working copy back to the template's rows (or replace it, see the class)."""
        if self.working is None:
            return
        try:
            if self._conn is None:
                self._conn = self._working_engine().connect()
            conn = self._conn
            with conn.begin():
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                if conn.exec_driver_sql(self._FINGERPRINT_SQL).scalar_one() != self.fingerprint:
                    raise LookupError("schema changed")
                conn.exec_driver_sql(self._reset_sql)  # one round trip
        except Exception:  # schema changed or rows the snapshot cannot take: a new copy
            self._make_working()

    def _forget_connection(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn.engine.dispose()
            self._conn = None

    def close(self) -> None:
        self._forget_connection()
        if self.working is not None:
            self.drop(self.url_of(self.working))
        for name in self.templates.values():
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin.dispose()


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    """The session's maker of fresh PostgreSQL databases (skips when ``QD_TEST_PG_URL`` is unset)."""
    if not PG_URL:
        pytest.skip("QD_TEST_PG_URL is not set (run the tests through .ci/postgres.sh run …)")
    databases = PostgresDatabases(PG_URL)
    yield databases
    databases.close()


@pytest.fixture
def database_target(
    request: pytest.FixtureRequest,
    backend: str,
    db_path: Path,
    fresh_database: Callable[..., Path],
) -> Iterator[Path | str]:
    """What ``--db`` / ``open_database`` take for a fresh database at head with the countries:
    a SQLite file path, or the URL of a new PostgreSQL database (dropped afterwards)."""
    if backend == "sqlite":
        yield fresh_database(db_path, countries=True)
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    yield databases.shared()
    databases.reset()


@pytest.fixture
def db(database_target: Path | str, tmp_path: Path):
    """A freshly created, migrated database with the countries seeded (SQLite or PostgreSQL)."""
    from qazvin_diplomacy.storage.database import Database

    if isinstance(database_target, str):  # a server database keeps its files in the test's folder
        database = Database.open(
            database_target,
            backups_dir=tmp_path / "office-backups",
            attachments_dir=tmp_path / "office-attachments",
        )
    else:
        database = Database.open(database_target)
    yield database
    database.close()


@pytest.fixture(scope="session")
def _seeded_templates() -> dict[str, tuple[Path, Any]]:
    """The session's seeded database files (see ``seeded``), by the name of what built them."""
    return {}


@pytest.fixture
def seeded(
    request: pytest.FixtureRequest,
    backend: str,
    db_path: Path,
    fresh_database: Callable[..., Path],
    tmp_path_factory: pytest.TempPathFactory,
    _seeded_templates: dict[str, tuple[Path, Any]],
) -> Callable[[Callable[[Any], Any]], tuple[Any, Any]]:
    """``seeded(build)``: the test's fresh database (with the countries) as ``build(database)``
    left it, and what ``build`` returned.

    For a fixture whose records many tests share (a few users with Argon2 passwords, a record of
    each kind): on SQLite ``build`` runs once a session on a database of its own, and each test
    gets a copy of that file and of its attachments folder, opened as usual — the same rows, ids,
    timestamps and stored files every time, at the cost of a file copy. ``build`` must write
    nothing else beside the database (backups) and return plain values (they are pickled). On
    PostgreSQL it runs on the test's ``db``.
    """

    def open_seeded(build: Callable[[Any], Any]) -> tuple[Any, Any]:
        if backend != "sqlite":
            database = request.getfixturevalue("db")
            return database, build(database)
        from qazvin_diplomacy.core import access
        from qazvin_diplomacy.storage.database import Database

        key = f"{build.__module__}.{build.__qualname__}"
        if key not in _seeded_templates:

            def build_template(template: Path) -> Any:
                database = Database.open(fresh_database(template, countries=True))
                try:
                    return build(database)
                finally:
                    database.close()  # the last connection: SQLite folds the WAL into the file
                    access.set_principal(None)

            _seeded_templates[key] = shared_template(
                tmp_path_factory, f"seeded {key}", build_template
            )
        template, value = _seeded_templates[key]
        shutil.copyfile(template, db_path)
        stored = template.with_name(f"{template.stem}-attachments")  # Database.open's default
        if stored.is_dir():
            shutil.copytree(stored, db_path.with_name(f"{db_path.stem}-attachments"))
        database = Database.open(db_path)
        request.addfinalizer(database.close)
        return database, value

    return open_seeded


@pytest.fixture
def iraq_on_record(db) -> dict[str, int]:
    """Iraq as the office knows it, for the country briefing: its embassy and ambassador,
    Kurdistan with a market (a person, a supplier), an export, a visit, a delegation, an open
    resolution linked to the visit, one done and one linked to nothing; a region of Tajikistan."""
    from datetime import UTC, date, datetime

    from qazvin_diplomacy.core.delegations import DelegationInput
    from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
    from qazvin_diplomacy.core.markets import CompanyInput, ExportInput, MarketInput, RegionInput
    from qazvin_diplomacy.core.meetings import LinkInput, MeetingInput, ResolutionInput, SeriesInput
    from qazvin_diplomacy.core.visits import VisitInput
    from qazvin_diplomacy.services import delegations, directory, markets, meetings, visits

    iq = directory.country_by_code(db, "IQ").id  # type: ignore[union-attr]
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    embassy = directory.save_organization(
        db, org=OrganizationInput("سفارت جمهوری عراق در تهران", kind="embassy", country_id=iq,
                                  city_fa="تهران")
    ).id  # fmt: skip
    ambassador = directory.save_person(
        db, person=PersonInput(name_fa="نصیر عبدالمحسن", title_fa="سفیر عراق", country_id=iq,
                               organization_id=embassy)
    ).id  # fmt: skip
    krg = markets.save_region(db, region=RegionInput(iq, "اقلیم کردستان عراق", "Kurdistan")).id
    basra = markets.save_region(db, region=RegionInput(iq, "جنوب عراق", "Southern Iraq")).id
    sughd = markets.save_region(db, region=RegionInput(tj, "سغد", "Sughd")).id
    company = markets.save_company(
        db, company=CompanyInput("صنایع شوینده نیلوفرپاک", sector="detergents")
    ).id
    market = markets.save_market(
        db,
        market=MarketInput(
            iq, krg, sector="detergents", priority=1, demand_notes="تقاضای پایدار برای شوینده",
            people=((ambassador, "ambassador"),), company_ids=(company,),
        ),
    ).id  # fmt: skip
    markets.save_market(
        db, market=MarketInput(iq, basra, sector="food", demand_notes="نیاز به رب گوجه‌فرنگی")
    )
    markets.save_export(db, export=ExportInput(company, iq, 1404, 2_500_000))
    start = datetime(2025, 10, 20, 6, 30, tzinfo=UTC)
    visit = visits.save_visit(
        db,
        visit=VisitInput(title="دیدار سفیر عراق با استاندار", start_at=start,
                         end_at=start.replace(hour=8), country_id=iq,
                         delegation_name="هیئت سفارت عراق"),
    ).id  # fmt: skip
    delegation = delegations.save_delegation(
        db,
        delegation=DelegationInput(title="اعزام هیئت تجاری به اربیل", country_id=iq,
                                   start_date=date(2025, 11, 1), end_date=date(2025, 11, 4)),
    ).id  # fmt: skip
    series = meetings.save_series(db, series=SeriesInput("شورای گفت‌وگو", first_number=107))
    meeting = meetings.save_meeting(
        db, meeting=MeetingInput(series_id=series.id, meeting_date=date(2025, 10, 25))
    )
    linked = (LinkInput("visit", visit),)
    meetings.save_resolution(
        db, resolution=ResolutionInput(meeting.id, "پیگیری گشایش نمایشگاه در اربیل", links=linked)
    )
    meetings.save_resolution(
        db,
        resolution=ResolutionInput(meeting.id, "ارسال فهرست شرکت‌ها", links=linked,
                                   status="done", closing_note="ارسال شد."),
    )  # fmt: skip
    meetings.save_resolution(db, resolution=ResolutionInput(meeting.id, "تعمیر سالن همایش"))
    return {"iq": iq, "tj": tj, "krg": krg, "basra": basra, "sughd": sughd, "market": market,
            "visit": visit, "delegation": delegation, "ambassador": ambassador}  # fmt: skip


@pytest.fixture(autouse=True)
def _signed_out_fresh() -> Iterator[None]:
    """Every test starts and ends with no one signed in and confidential filtering in its
    default state: the principal is process-wide and a worker runs many tests, so one that
    signs a window in (or leaves a context variable set) must not decide what the next sees."""
    from qazvin_diplomacy.core import access, actor
    from qazvin_diplomacy.storage import confidential

    def reset() -> None:
        access.set_principal(None)
        access._scoped.set(None)
        actor._scoped.set(None)
        confidential._unfiltered.set(False)

    reset()
    yield
    reset()


@pytest.fixture(autouse=True)
def _cheap_password_hashes(request: pytest.FixtureRequest) -> Iterator[None]:
    """Argon2 at its cheapest (one pass over 8 KiB, one lane) for the passwords the test hashes
    and verifies in this process: the office's parameters cost about 0.3 CPU-seconds a hash and
    as much a sign-in (seconds of the fast set) and prove nothing the cheap ones do not: a hash
    names its parameters and ``verify_password`` reads them from it. A test marked
    ``office_password_hashes`` keeps the office's (tests/services/test_services_users.py)."""
    if request.node.get_closest_marker("office_password_hashes"):
        yield
        return
    import argon2

    office = argon2.PasswordHasher
    argon2.PasswordHasher = functools.partial(  # type: ignore[misc]
        office, time_cost=1, memory_cost=8, parallelism=1
    )
    try:
        yield
    finally:
        argon2.PasswordHasher = office  # type: ignore[misc]


@contextmanager
def root_logging_kept() -> Iterator[None]:
    """The root logger's handlers and level as they were before, the handlers added meanwhile
    closed: ``app.setup_logging`` adds the log file once a process, so one left behind would
    take the records of every later test's log file (a windowed command's log stayed empty)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


@pytest.fixture(autouse=True)
def _root_logging_fresh() -> Iterator[None]:
    """Every test ends with the root logger as it started (see :func:`root_logging_kept`)."""
    with root_logging_kept():
        yield
