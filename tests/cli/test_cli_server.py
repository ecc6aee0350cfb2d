"""The command line on an office's PostgreSQL server: ``--db postgresql://…`` and its password.

Needs ``QD_TEST_PG_URL`` (``.ci/postgres.sh run …``); skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=cwd,
        env={**env, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.fixture
def server_db(postgres_databases, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty server database, its URL without a password, and an environment without one."""
    url = postgres_databases.create_empty()
    bare = (
        make_url(url)
        .set(drivername="postgresql", password=None)
        .render_as_string(hide_password=False)
    )
    password = make_url(url).password or os.environ.get("PGPASSWORD", "")
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    env["PGPASSFILE"] = str(tmp_path / "no-pgpass")  # nor the developer's own pgpass file
    env["HOME"] = str(tmp_path)  # where the desk's folders for the server go
    yield bare, password, env
    postgres_databases.drop(url)


def test_demo_check_search_and_export_on_the_server(server_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, password, env = server_db
    secret = tmp_path / "db-password.txt"
    secret.write_text(password + "\n", encoding="utf-8")
    auth = ("--db", url, "--db-password-file", str(secret))
    demo = _run("demo", *auth, env=env, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "demo database written: postgresql://" in demo.stdout
    check = _run("check", *auth, env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("OK")
    found = _run("search", "تاجیکستان", *auth, env=env, cwd=tmp_path)
    assert found.returncode == 0 and "country\t" in found.stdout, found.stderr
    out = tmp_path / "people.csv"
    export = _run("export", "people", *auth, "--out", str(out), env=env, cwd=tmp_path)
    assert export.returncode == 0 and out.stat().st_size > 100, export.stderr
    for result in (demo, check, found, export):
        assert password not in result.stdout + result.stderr
    # A password written into the URL itself works too, and is not printed back either.
    inline = make_url(url).set(password=password).render_as_string(hide_password=False)
    check = _run("check", "--db", inline, env=env, cwd=tmp_path)
    assert check.returncode == 0 and password not in check.stdout + check.stderr


def test_a_wrong_or_missing_password_is_one_line_never_echoed(server_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, _password, env = server_db
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("wr0ng-Passw0rd\n", encoding="utf-8")
    result = _run("check", "--db", url, "--db-password-file", str(wrong), env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "wr0ng-Passw0rd" not in result.stdout + result.stderr
    assert "گذرواژه" in result.stderr
    # No password at all and no console to ask in: the same refusal, not a hang.
    result = _run("search", "x", "--db", url, env=env, cwd=tmp_path)
    assert result.returncode == 1 and "password" in result.stderr


def test_backup_and_restore_of_a_server_database(server_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same .qdbackup as a file's: written from the server, restored onto it and onto a file;
    a file that is not a backup is refused in one line and changes nothing."""
    url, password, env = server_db
    env = {**env, "PGPASSWORD": password}
    out = tmp_path / "office.qdbackup"
    result = _run("backup", "--db", url, "--out", str(out), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "schema" in result.stdout
    (tmp_path / "old.qdbackup").write_bytes(b"not a backup")
    result = _run(
        "restore", "--in", str(tmp_path / "old.qdbackup"), "--db", url, env=env, cwd=tmp_path
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "ZIP" in result.stderr
    result = _run("restore", "--in", str(out), "--db", url, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "before-restore" in result.stdout
    copy = tmp_path / "desk.sqlite3"
    result = _run("restore", "--in", str(out), "--db", str(copy), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _run("audit", "verify", "--db", str(copy), env=env, cwd=tmp_path).returncode == 0


def test_the_window_refuses_a_server_url_and_makes_no_local_file(tmp_path: Path) -> None:
    """The window on ``--db postgresql://…`` of a server out of reach: refused (exit 1, no
    traceback), and no local file made in the server's place."""
    env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    result = _run("--db", "postgresql://clerk@127.0.0.1:1/office", env=env, cwd=tmp_path)
    assert result.returncode == 1
    made = [p for p in tmp_path.rglob("*") if p.is_file() and not p.suffix == ".log"]
    assert not [p for p in made if "server" in p.name or p.suffix.startswith(".sqlite")], made
    assert "Traceback" not in result.stderr
