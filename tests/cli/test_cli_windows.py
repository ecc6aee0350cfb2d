"""The command line under Windows conditions: the windowed build's missing streams, a closed
pipe raising EINVAL, the installer's mutex."""

from __future__ import annotations

import errno
import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from qazvin_diplomacy import __version__, cli, streams, windows

REASON_NOT_FOUND = "does not exist"


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-user data folder in tmp_path (the log handler the test adds goes with the test:
    ``_root_logging_fresh`` in tests/conftest.py)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userdata"))
    return tmp_path / "userdata" / "QazvinDiplomacy"


class Windowed:
    """Runs ``cli.main`` as the windowed build does: no sys.stdout, no sys.stderr.

    The error dialogs it would show are recorded in ``shown``.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.shown: list[str] = []
        from qazvin_diplomacy.ui import application

        monkeypatch.setattr(application, "show_error", self.shown.append)

    def main(self, *args: str) -> int:
        # set here, in the test's call phase: pytest's capture resets the streams before it
        self.monkeypatch.setattr(sys, "stdout", None)
        self.monkeypatch.setattr(sys, "stderr", None)
        return cli.main(list(args))


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch, user_data: Path) -> Windowed:
    """The windowed build's command line, its log in a temporary per-user data folder."""
    return Windowed(monkeypatch)


def log_text(user_data: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (user_data / "logs" / "qazvin-diplomacy.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return path


def test_windowed_version_and_check_write_to_the_log(windowed, user_data, demo_db) -> None:
    assert windowed.main("version") == 0
    assert isinstance(sys.stdout, streams.LogStream) and isinstance(sys.stderr, streams.LogStream)
    assert windowed.main("check", "--db", str(demo_db)) == 0
    text = log_text(user_data)
    assert f"qazvin-diplomacy {__version__}" in text
    assert "OK — سالم" in text
    assert windowed.shown == []  # success: no dialog


def test_windowed_error_is_logged_and_shown_in_a_dialog(windowed, user_data, tmp_path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert windowed.main("check", "--db", str(missing)) == 1
    [dialog] = windowed.shown
    assert REASON_NOT_FOUND in dialog and "Traceback" not in dialog
    assert REASON_NOT_FOUND in log_text(user_data)


def test_windowed_usage_error_returns_2_instead_of_raising(windowed, user_data) -> None:
    assert windowed.main("frobnicate") == 2
    [dialog] = windowed.shown
    assert "usage error" in dialog


def test_windowed_unexpected_error_is_logged_not_raised(windowed, user_data, monkeypatch) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(cli.COMMANDS, "version", broken)
    assert windowed.main("version") == 1
    [dialog] = windowed.shown
    assert "unexpected error" in dialog
    text = log_text(user_data)
    assert "disk on fire" in text and "Traceback" in text  # the details stay in the log


@pytest.mark.slow
def test_windowed_selftest_runs_and_logs_its_summary(windowed, user_data, demo_db) -> None:
    assert windowed.main("selftest", "--db", str(demo_db)) == 0
    assert "0 failures" in log_text(user_data)
    assert windowed.shown == []


@pytest.mark.slow
def test_program_started_with_closed_streams_exits_cleanly(tmp_path, demo_db) -> None:
    """The real condition: a process whose stdout and stderr are closed (``>&- 2>&-``)."""
    env = {
        "XDG_DATA_HOME": str(tmp_path / "userdata"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    script = 'exec "$@" >&- 2>&-'
    base = ["bash", "-c", script, "_", sys.executable, "-m", "qazvin_diplomacy"]
    cwd = Path(cli.__file__).resolve().parents[2]
    codes = [
        subprocess.run([*base, *args], env=env, cwd=cwd, timeout=300).returncode
        for args in (
            ["version"],
            ["check", "--db", str(demo_db)],
            ["check", "--db", str(tmp_path / "missing.sqlite3")],
        )
    ]
    assert codes == [0, 0, 1]
    log = tmp_path / "userdata" / "QazvinDiplomacy" / "logs" / "qazvin-diplomacy.log"
    text = log.read_text(encoding="utf-8")
    assert f"qazvin-diplomacy {__version__}" in text and REASON_NOT_FOUND in text
    assert "Traceback" not in text


def test_log_stream_does_not_recurse_through_logging() -> None:
    """With no handler configured, logging's last resort writes to sys.stderr: no loop."""
    stream = streams.LogStream("stderr", logging.WARNING, keep=True)
    logger = logging.getLogger("qazvin_diplomacy.stderr")
    old_stderr, sys.stderr = sys.stderr, stream
    try:
        stream.write("first line\nsecond ")
        stream.write("part\n")
    finally:
        sys.stderr = old_stderr
    assert stream.text() == "first line\nsecond part"
    assert logger.name == "qazvin_diplomacy.stderr"


class _ClosedPipe(io.StringIO):
    """stdout of a console whose reader has gone away, as Windows reports it."""

    def write(self, text: str) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")

    def flush(self) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")


def test_closed_pipe_reported_as_einval_ends_quietly(monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli.output, "_drop_stdout", lambda: None)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())

    def command() -> int:
        print("a line nobody reads")
        return 0

    assert cli.print_guarded(command) == 1
    assert capsys.readouterr().err == ""


def test_einval_from_a_bad_file_name_is_not_taken_for_a_closed_pipe(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())

    def command() -> int:
        raise OSError(errno.EINVAL, "Invalid argument", "C:\\out\\a?b.xlsx")

    with pytest.raises(OSError) as info:
        cli.print_guarded(command)
    assert info.value.filename == "C:\\out\\a?b.xlsx"


class _FakeCreateMutexW:
    """kernel32.CreateMutexW: records the names, returns a handle."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, _security: object, _owner: bool, name: str) -> int:
        self.names.append(name)
        return 100 + len(self.names)


class _FakeKernel32:
    def __init__(self) -> None:
        self.CreateMutexW = _FakeCreateMutexW()  # the Windows name

    @property
    def names(self) -> list[str]:
        return self.CreateMutexW.names


def test_app_mutex_is_held_on_windows_under_the_installers_names(monkeypatch) -> None:
    import ctypes

    kernel32 = _FakeKernel32()
    monkeypatch.setattr(windows.sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda _name, **_kw: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 0, raising=False)
    monkeypatch.setattr(windows, "_held", [])
    assert windows.hold_app_mutex()
    assert kernel32.names == ["QazvinDiplomacyDesk", "Global\\QazvinDiplomacyDesk"]
    assert windows.hold_app_mutex()  # held once per process
    assert len(kernel32.names) == 2
    iss = Path(cli.__file__).resolve().parents[2] / "resources/installer/QazvinDiplomacy.iss"
    assert f'#define AppMutexName "{windows.APP_MUTEX}"' in iss.read_text(encoding="utf-8-sig")
    assert "AppMutex={#AppMutexName},Global\\{#AppMutexName}" in iss.read_text(encoding="utf-8-sig")


def test_app_mutex_is_a_no_op_elsewhere(monkeypatch) -> None:
    monkeypatch.setattr(windows.sys, "platform", "linux")
    monkeypatch.setattr(windows, "_held", [])
    assert windows.hold_app_mutex() is False
    windows.allow_foreground(1234)  # nothing to do, nothing raised
