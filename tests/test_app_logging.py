"""The log file when Windows refuses to rename it (another process has it open)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from qazvin_diplomacy.app import SharedLogHandler


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


@pytest.fixture(autouse=True)
def _no_error_output(capsys):
    yield
    assert "Traceback" not in capsys.readouterr().err
