"""The log file: set up once a process, and kept when Windows refuses to rename it (another
process has it open)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import pytest

from qazvin_diplomacy.app import SharedLogHandler, setup_logging
from qazvin_diplomacy.paths import resolve_paths
from tests.conftest import root_logging_kept


def _in_use(*_args: object) -> None:
    error = PermissionError(
        13, "The process cannot access the file because it is being used by another process"
    )
    error.winerror = 32  # type: ignore[attr-defined]
    raise error


def _record(text: str) -> logging.LogRecord:
    return logging.LogRecord("qazvin_diplomacy", logging.INFO, __file__, 1, text, None, None)


def test_records_after_a_refused_rotation_are_kept(tmp_path: Path, monkeypatch) -> None:
    logfile = tmp_path / "qazvin-diplomacy.log"
    handler = SharedLogHandler(logfile, maxBytes=200, backupCount=3, encoding="utf-8")
    try:
        monkeypatch.setattr(os, "rename", _in_use)
        for i in range(20):
            handler.emit(_record(f"record {i:02d} " + "x" * 40))
        handler.flush()
        text = logfile.read_text(encoding="utf-8")
        assert all(f"record {i:02d}" in text for i in range(20))  # none lost
        assert not (tmp_path / "qazvin-diplomacy.log.1").exists()
        # once the file is free again (and the pause is over) rotation resumes
        monkeypatch.undo()
        handler._blocked_until = 0.0
        handler.emit(_record("after"))
        assert (tmp_path / "qazvin-diplomacy.log.1").exists()
    finally:
        handler.close()


def test_rotation_works_as_before_when_the_file_is_free(tmp_path: Path) -> None:
    logfile = tmp_path / "qazvin-diplomacy.log"
    handler = SharedLogHandler(logfile, maxBytes=200, backupCount=2, encoding="utf-8")
    try:
        for i in range(20):
            handler.emit(_record(f"record {i:02d} " + "x" * 40))
    finally:
        handler.close()
    assert (tmp_path / "qazvin-diplomacy.log.1").exists()
    assert logfile.stat().st_size <= 400


def _file_handlers() -> list[logging.Handler]:
    return [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]


def test_the_log_file_is_set_up_once_and_no_second_file_is_opened(tmp_path: Path) -> None:
    first, second = resolve_paths(base_dir=tmp_path / "a"), resolve_paths(base_dir=tmp_path / "b")
    with root_logging_kept():
        assert setup_logging(first).exists()
        setup_logging(second)  # e.g. the windowed command line after the window
        assert [Path(h.baseFilename) for h in _file_handlers()] == [
            first.log_dir / "qazvin-diplomacy.log"
        ]
        assert not (second.log_dir / "qazvin-diplomacy.log").exists()  # not opened and left open


def test_a_log_file_set_up_in_one_test_leaves_with_it(tmp_path: Path) -> None:
    """What every test's ``_root_logging_fresh`` does: the next test logs to its own file."""
    before = _file_handlers()
    with root_logging_kept():
        setup_logging(resolve_paths(base_dir=tmp_path / "earlier"))
        [added] = [h for h in _file_handlers() if h not in before]
    assert _file_handlers() == before and added.stream is None  # removed and closed
    with root_logging_kept():
        logfile = setup_logging(resolve_paths(base_dir=tmp_path / "later"))
        logging.getLogger("qazvin_diplomacy").warning("in the later file")
        for handler in _file_handlers():
            handler.flush()
        assert "in the later file" in logfile.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_error_output(capsys):
    yield
    assert "Traceback" not in capsys.readouterr().err
