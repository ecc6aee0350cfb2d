"""Where data lives: per-user folder, portable mode, --db override."""

from __future__ import annotations

from pathlib import Path

import pytest

from qazvin_diplomacy import paths


def test_default_uses_per_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "portable_marker", lambda: tmp_path / "no-such-marker")
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user"))
    resolved = paths.resolve_paths()
    assert not resolved.portable
    assert resolved.db_path == tmp_path / "user" / paths.DB_FILENAME
    assert resolved.backups_dir == tmp_path / "user" / "backups"


def test_portable_marker_keeps_everything_beside_the_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "portable").touch()
    monkeypatch.setattr(paths, "install_dir", lambda: tmp_path)
    resolved = paths.resolve_paths()
    assert resolved.portable
    assert resolved.data_dir == tmp_path / "data"
    assert resolved.db_path.parent == tmp_path / "data"
    assert resolved.settings_file == tmp_path / "data" / "settings.ini"
    assert resolved.backups_dir == tmp_path / "data" / "backups"


def test_db_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "portable").touch()
    monkeypatch.setattr(paths, "install_dir", lambda: tmp_path)
    resolved = paths.resolve_paths(tmp_path / "elsewhere" / "x.sqlite3")
    assert resolved.db_path == (tmp_path / "elsewhere" / "x.sqlite3").resolve()
    assert resolved.attachments_dir == (tmp_path / "elsewhere" / "x-attachments").resolve()
    resolved.ensure()
    assert resolved.backups_dir.is_dir()


def test_resources_are_found() -> None:
    assert (paths.resources_dir() / "fonts" / "Vazirmatn-Regular.ttf").is_file()
    assert (paths.resources_dir() / "fonts" / "OFL.txt").is_file()


@pytest.mark.parametrize("name", ["portable.txt", "portable.txt.txt"])
def test_portable_txt_made_by_explorer_switches_portable_mode_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    """Explorer's "New → Text Document" (extensions hidden) names the marker ``portable.txt``."""
    (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "install_dir", lambda: tmp_path)
    resolved = paths.resolve_paths()
    assert resolved.portable
    assert resolved.db_path == tmp_path / "data" / paths.DB_FILENAME


def test_no_marker_no_portable_mode(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "portable.md").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "install_dir", lambda: tmp_path)
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user"))
    assert not paths.resolve_paths().portable
