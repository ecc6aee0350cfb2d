"""``users add|list|disable|reset-password`` and ``--user`` on every command opening a database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main

PASSWORD = "Qazvin-1405"


def _secret(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def office(database_target, tmp_path: Path, capsys) -> tuple[str, Path]:
    """A database whose first administrator «admin» was added by ``users add``; her password file."""
    target = str(database_target)
    secret = _secret(tmp_path, "admin.txt", PASSWORD)
    code = main(
        ["users", "add", "admin", "--role", "admin", "--db", target]
        + ["--new-password-file", str(secret)]
    )
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    return target, secret


def _fingerprint(target: str) -> str | None:
    path = Path(target)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def test_users_add_and_list(office, tmp_path: Path, capsys) -> None:
    target, secret = office
    new = _secret(tmp_path, "sara.txt", "Sara-secret-1")
    assert (
        main(
            ["users", "add", "Sara", "--role", "viewer", "--cleared", "--name", "سارا"]
            + ["--db", target, "--new-password-file", str(new)]
            + ["--user", "admin", "--password-file", str(secret)]
        )
        == 0
    )
    assert "Sara (viewer)" in capsys.readouterr().out
    assert (
        main(["users", "list", "--db", target, "--user", "ADMIN", "--password-file", str(secret)])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "admin\tadmin\tcleared\tenabled\tadmin",
        "Sara\tviewer\tcleared\tenabled\tسارا",
    ]


def test_the_first_user_must_be_an_administrator(database_target, tmp_path: Path, capsys) -> None:
    secret = _secret(tmp_path, "p.txt", PASSWORD)
    code = main(
        ["users", "add", "sara", "--db", str(database_target), "--new-password-file", str(secret)]
    )
    assert code == 1
    assert "نخستین کاربر باید مدیر سامانه باشد" in capsys.readouterr().err


def test_no_user_on_a_database_with_users_is_refused(office, capsys) -> None:
    target, _secret_file = office
    before = _fingerprint(target)
    for argv in (["check", "--db", target], ["users", "list", "--db", target]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("خطا: این پایگاه داده کاربر دارد") and "--user" in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _fingerprint(target) == before


def test_user_with_password_file_runs_the_command(office, capsys) -> None:
    target, secret = office
    assert main(["check", "--db", target, "--user", "admin", "--password-file", str(secret)]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_wrong_password_exit_2_then_locked(office, tmp_path: Path, capsys) -> None:
    target, secret = office
    wrong = _secret(tmp_path, "wrong.txt", "not the password")
    argv = ["users", "list", "--db", target, "--user", "admin", "--password-file", str(wrong)]
    assert main(argv) == 2
    assert "نام کاربری یا گذرواژه نادرست است" in capsys.readouterr().err
    for _ in range(4):
        assert main(argv) == 2
    assert "قفل شده است" in capsys.readouterr().err
    right = ["users", "list", "--db", target, "--user", "admin", "--password-file", str(secret)]
    assert main(right) == 2  # locked for 15 minutes, even with the right password
    assert "قفل شده است" in capsys.readouterr().err


def test_no_terminal_no_password_file_refused(office, monkeypatch, capsys) -> None:
    target, _ = office
    monkeypatch.setattr("sys.stdin", None)
    assert main(["check", "--db", target, "--user", "admin"]) == 2
    assert "--password-file" in capsys.readouterr().err


def test_disable_and_reset_password(office, tmp_path: Path, capsys) -> None:
    target, secret = office
    auth = ["--user", "admin", "--password-file", str(secret)]
    first = _secret(tmp_path, "reza.txt", "Reza-first-1")
    assert (
        main(["users", "add", "reza", "--db", target, "--new-password-file", str(first), *auth])
        == 0
    )
    reza = ["--user", "reza", "--password-file", str(first)]
    assert main(["check", "--db", target, *reza]) == 0
    assert main(["users", "disable", "reza", "--db", target, *auth]) == 0
    capsys.readouterr()
    assert main(["check", "--db", target, *reza]) == 2
    assert "غیرفعال است" in capsys.readouterr().err
    assert main(["users", "enable", "reza", "--db", target, *auth]) == 0
    second = _secret(tmp_path, "reza2.txt", "Reza-second-2")
    assert main(["users", "reset-password", "reza", "--db", target]) == 2  # no --user
    reset = ["users", "reset-password", "reza", "--db", target, "--new-password-file"]
    assert main([*reset, str(second), *auth]) == 0
    assert main(["check", "--db", target, "--user", "reza", "--password-file", str(second)]) == 0


def test_an_editor_cannot_manage_users(office, tmp_path: Path, capsys) -> None:
    target, secret = office
    auth = ["--user", "admin", "--password-file", str(secret)]
    mine = _secret(tmp_path, "sara.txt", "Sara-secret-1")
    main(["users", "add", "sara", "--db", target, "--new-password-file", str(mine), *auth])
    capsys.readouterr()
    code = main(["users", "list", "--db", target, "--user", "sara", "--password-file", str(mine)])
    assert code == 1
    assert "فقط از مدیر سامانه" in capsys.readouterr().err


@pytest.mark.sqlite_only(reason="restore works on a SQLite file")
def test_restore_needs_the_administrator(office, tmp_path: Path, capsys) -> None:
    target, secret = office
    out = tmp_path / "office.qdbackup"
    auth = ["--user", "admin", "--user-password-file", str(secret)]
    assert main(["backup", "--db", target, "--out", str(out), *auth]) == 0
    before = _fingerprint(target)
    assert main(["restore", "--in", str(out), "--db", target]) == 2
    assert _fingerprint(target) == before
    assert (
        main(
            [
                "restore",
                "--in",
                str(out),
                "--db",
                target,
                *auth[:2],
                "--user-password-file",
                str(secret),
            ]
        )
        == 0
    )


def test_report_signs_in_with_as_user_since_user_filters_the_audit(
    office, tmp_path: Path, capsys
) -> None:
    target, secret = office
    out = tmp_path / "audit.pdf"
    base = ["report", "audit", "--db", target, "--out", str(out), "--from", "1405/01/01"]
    assert main([*base, "--to", "1405/12/29", "--user", "admin"]) == 2
    err = capsys.readouterr().err
    assert "--as-user" in err and not out.exists()
    code = main([*base, "--to", "1405/12/29", "--as-user", "admin", "--password-file", str(secret)])
    assert code == 0, capsys.readouterr().err
    assert out.is_file()


def test_export_agenda_takes_the_sign_in(office, tmp_path: Path, capsys) -> None:
    """``export agenda`` refuses the list options it does not take, not the signing in."""
    target, secret = office
    out = tmp_path / "agenda.ics"
    args = ["export", "agenda", "--db", target, "--from", "1404/08/01", "--to", "1404/08/30"]
    args += ["--out", str(out)]
    assert main(args) == 2  # the database has users: who signs in?
    assert not out.exists()
    assert main(args + ["--user", "admin", "--password-file", str(secret)]) == 0
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    capsys.readouterr()
