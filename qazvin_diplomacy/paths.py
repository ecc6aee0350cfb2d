"""One place for every path the application uses.

Three modes, resolved once at start-up:

* **default** — the per-user data folder given by platformdirs;
* **portable** — a file named ``portable`` next to the executable (frozen build) or next to the
  package (source install) puts data, backups and settings in a ``data/`` folder beside it, so
  the whole folder can be copied to another desk. ``portable.txt`` counts too: it is what
  Explorer's "New → Text Document" makes when file extensions are hidden;
* ``--db PATH`` — overrides the database file in both modes (its backups go beside it).

Printed reports go where a clerk looks for documents: ``Documents\\Qazvin Diplomacy`` (the
user's documents folder), or ``data/reports`` in portable mode.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from qazvin_diplomacy import APP_NAME

APP_AUTHOR = "QazvinGovernorate"
DB_FILENAME = "diplomacy.sqlite3"
#: Names of the file that switches on portable mode. With extensions hidden, Explorer's
#: "New → Text Document" renamed to "portable" is ``portable.txt``, and one typed as
#: "portable.txt" is ``portable.txt.txt``.
PORTABLE_MARKERS = ("portable", "portable.txt", "portable.txt.txt")
#: The folder under the user's documents folder that holds printed reports.
REPORTS_FOLDER = "Qazvin Diplomacy"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def install_dir() -> Path:
    """Folder holding the executable (frozen) or the project checkout (source install)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (fonts, icons)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", install_dir())) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    """The bundled ``translations/`` folder (Qt Linguist files)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", install_dir())) / "translations"
    return Path(__file__).resolve().parent.parent / "translations"


def portable_marker() -> Path:
    """The file whose presence switches on portable mode (the first one present, or ``portable``)."""
    folder = install_dir()
    for name in PORTABLE_MARKERS:
        if (folder / name).exists():
            return folder / name
    return folder / PORTABLE_MARKERS[0]


@dataclass(frozen=True)
class AppPaths:
    """Resolved locations of the database, backups, attachments, settings and logs."""

    data_dir: Path
    db_path: Path
    backups_dir: Path
    attachments_dir: Path
    settings_file: Path
    log_dir: Path
    portable: bool
    #: Where printed reports (PDFs opened in the viewer) are written.
    reports_dir: Path = Path()

    def ensure(self) -> AppPaths:
        """Create the folders (not the database) and return ``self``."""
        for folder in (
            self.data_dir,
            self.backups_dir,
            self.attachments_dir,
            self.log_dir,
            self.db_path.parent,
            self.settings_file.parent,
        ):
            folder.mkdir(parents=True, exist_ok=True)
        return self


#: ``--db`` values starting with these name a PostgreSQL database (``storage.server``).
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def _server_folder_name(url: str) -> str:
    """``host-port-dbname`` of a server URL, safe as a folder name (never the password)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    raw = f"{parts.hostname or 'server'}-{port}-{parts.path.lstrip('/') or 'db'}"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in raw)


def resolve_paths(
    db_override: str | Path | None = None, *, base_dir: Path | None = None
) -> AppPaths:
    """Resolve every path once: ``--db`` override, portable mode, or the per-user folder.

    ``base_dir`` forces a data folder (used by tests). With ``db_override`` the attachments
    and backups live beside that database file, so a database and its files travel together.
    """
    portable = base_dir is None and portable_marker().exists()
    if base_dir is not None:
        data_dir = Path(base_dir)
    elif portable:
        data_dir = install_dir() / "data"
    else:
        data_dir = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    settings_file = data_dir / "settings.ini"
    if base_dir is not None or portable:
        reports_dir = data_dir / "reports"
    else:
        reports_dir = Path(platformdirs.user_documents_dir()) / REPORTS_FOLDER
    if isinstance(db_override, str) and db_override.strip().lower().startswith(SERVER_SCHEMES):
        # A server database: this desk's backups and attachments live in its data folder,
        # under a name made from the server, port and database (the URL names no file).
        folder = data_dir / "servers" / _server_folder_name(db_override)
        return AppPaths(
            data_dir=data_dir,
            db_path=folder / "database.server",
            backups_dir=folder / "backups",
            attachments_dir=folder / "attachments",
            settings_file=settings_file,
            log_dir=data_dir / "logs",
            portable=portable,
            reports_dir=reports_dir,
        )
    if db_override is not None:
        db_path = Path(db_override).expanduser().resolve()
        stem = db_path.stem
        return AppPaths(
            data_dir=db_path.parent,
            db_path=db_path,
            backups_dir=db_path.parent / f"{stem}-backups",
            attachments_dir=db_path.parent / f"{stem}-attachments",
            settings_file=settings_file,
            log_dir=data_dir / "logs",
            portable=portable,
            reports_dir=reports_dir,
        )
    return AppPaths(
        data_dir=data_dir,
        db_path=data_dir / DB_FILENAME,
        backups_dir=data_dir / "backups",
        attachments_dir=data_dir / "attachments",
        settings_file=settings_file,
        log_dir=data_dir / "logs",
        portable=portable,
        reports_dir=reports_dir,
    )
