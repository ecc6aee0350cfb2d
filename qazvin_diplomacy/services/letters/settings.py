"""The office's letter settings (number pattern, letterhead, signatory, emblem), kept in the database.

They belong to the office, not to one user's machine: every desk printing letters from the
same database numbers them alike and prints the same letterhead, and the command line reads
them too.  One key/value row per setting (``office_setting``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.letters import OfficeSettings, pattern_error
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.services.attachments import add_attachment, is_intact, stored_path
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.letters import OfficeSetting

EMBLEM_OWNER_KIND = "office_emblem"
MAX_EMBLEM_BYTES = 5 * 1024 * 1024
EMBLEM_TYPES = (".png", ".jpg", ".jpeg")
_LINES = ("letterhead", "letterhead_en")
_KEYS = ("number_pattern", "signatory_name", "signatory_title", "rsvp_phone", "emblem", *_LINES)


def office_settings_in(session: Session) -> OfficeSettings:
    """The settings read in an open session (defaults for what the office has not set)."""
    stored = {row.key: row.value for row in session.query(OfficeSetting)}
    settings = OfficeSettings()
    changes: dict[str, object] = {}
    for key in _KEYS:
        if key not in stored:
            continue
        value = stored[key]
        changes[key] = tuple(line for line in value.split("\n") if line) if key in _LINES else value
    return replace(settings, **changes)  # type: ignore[arg-type]


def get_office_settings(db: Database) -> OfficeSettings:
    """The office's letter settings."""
    with db.read_session() as session:
        return office_settings_in(session)


def save_office_settings(db: Database, *, settings: OfficeSettings) -> OfficeSettings:
    """Check and store ``settings`` (a bad number pattern is refused under its field)."""
    error = pattern_error(settings.number_pattern)
    if error:
        raise ValidationError({"number_pattern": error})
    clean = replace(
        settings,
        number_pattern=normalize(settings.number_pattern),
        letterhead=tuple(normalize(x) for x in settings.letterhead if normalize(x)),
        letterhead_en=tuple(normalize(x) for x in settings.letterhead_en if normalize(x)),
        signatory_name=normalize(settings.signatory_name),
        signatory_title=normalize(settings.signatory_title),
        rsvp_phone=normalize(settings.rsvp_phone),
    )
    with write(db) as session:
        for key in _KEYS:
            value = getattr(clean, key)
            text = "\n".join(value) if key in _LINES else str(value)
            row = session.get(OfficeSetting, key)
            if row is None:
                session.add(OfficeSetting(key=key, value=text))
            else:
                row.value = text
    return clean


def set_emblem(db: Database, *, source: Path | None) -> OfficeSettings:
    """Use the image ``source`` (PNG or JPEG) as the letters' emblem; None: the neutral default."""
    settings = get_office_settings(db)
    if source is None:
        return save_office_settings(db, settings=replace(settings, emblem=""))
    if Path(source).suffix.lower() not in EMBLEM_TYPES:
        raise ValidationError({"emblem": "نشان باید تصویر PNG یا JPEG باشد."})
    stored = add_attachment(
        db,
        owner_kind=EMBLEM_OWNER_KIND,
        owner_id=None,
        source=Path(source),
        description="نشان سربرگ",
        limit=MAX_EMBLEM_BYTES,
    )
    return save_office_settings(db, settings=replace(settings, emblem=stored.sha256))


def emblem_path(db: Database, settings: OfficeSettings | None = None) -> Path | None:
    """The office's emblem image when set and intact; None: print the neutral default."""
    sha = (settings or get_office_settings(db)).emblem
    if sha:
        path = stored_path(db, sha)
        if is_intact(path, sha):
            return path
    return None
