"""User settings, each declared once with its type, default and translatable title.

User choices (:data:`SETTINGS`) are kept apart from window state (geometry, splitter
positions; see :class:`Settings.save_state`), both in one INI file at
``AppPaths.settings_file`` so portable mode carries them along.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Setting:
    """A user-visible setting: key, Python type, default, English title (translated in UI)."""

    key: str
    type: type
    default: Any
    title: str
    choices: tuple[tuple[str, str], ...] = ()
    #: Smallest and largest value of an ``int`` setting (the settings dialog's spin box).
    bounds: tuple[int, int] = (0, 9999)

    def translated_title(self) -> str:
        """The title in the current UI language."""
        return QCoreApplication.translate("Settings", self.title)

    def translated_choices(self) -> list[tuple[str, str]]:
        """(value, label) pairs with labels in the current UI language (a label of
        :data:`LANGUAGE_NAMES` is the same in every language)."""
        return [
            (v, label if label in LANGUAGE_NAMES else QCoreApplication.translate("Settings", label))
            for v, label in self.choices
        ]


#: The language list in both scripts, untranslated, so a clerk reading only one of them
#: finds their way back from the other interface.
LANGUAGE_NAMES = ("فارسی (Persian)", "English (انگلیسی)")


LANGUAGE = Setting(
    "ui/language",
    str,
    "fa",
    QT_TRANSLATE_NOOP("Settings", "Language"),
    (("fa", LANGUAGE_NAMES[0]), ("en", LANGUAGE_NAMES[1])),
)
FONT_SIZE = Setting(
    "ui/font_size", int, 10, QT_TRANSLATE_NOOP("Settings", "Font size"), bounds=(8, 20)
)
VISITS_VIEW = Setting(
    "visits/view",
    str,
    "list",
    QT_TRANSLATE_NOOP("Settings", "Default visits view"),
    (
        ("list", QT_TRANSLATE_NOOP("Settings", "List")),
        ("month", QT_TRANSLATE_NOOP("Settings", "Month")),
        ("week", QT_TRANSLATE_NOOP("Settings", "Week")),
    ),
)

AUTO_BACKUP = Setting(
    "backup/auto",
    str,
    "daily",
    QT_TRANSLATE_NOOP("Settings", "Automatic backup"),
    (
        ("off", QT_TRANSLATE_NOOP("Settings", "Off")),
        ("on_exit", QT_TRANSLATE_NOOP("Settings", "On exit (once a day)")),
        ("daily", QT_TRANSLATE_NOOP("Settings", "Daily, while the application runs")),
    ),
)
AUTO_BACKUP_KEEP = Setting(
    "backup/keep",
    int,
    10,
    QT_TRANSLATE_NOOP("Settings", "Automatic backups to keep"),
    bounds=(1, 365),
)

MY_NAME = Setting(
    "followups/me",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "My name (for “My follow-ups”)"),
)

#: Every user setting, in the order the settings dialog shows them.
SETTINGS: tuple[Setting, ...] = (
    LANGUAGE,
    FONT_SIZE,
    VISITS_VIEW,
    AUTO_BACKUP,
    AUTO_BACKUP_KEEP,
    MY_NAME,
)


class Settings:
    """Typed access to the INI file; user choices under their keys, window state under ``state/``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        """The INI file."""
        return Path(self._qs.fileName())

    def get(self, setting: Setting) -> Any:
        """The stored value of ``setting`` converted to its type, or its default."""
        raw = self._qs.value(setting.key, setting.default)
        try:
            value = setting.type(raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in {c for c, _ in setting.choices}:
            return setting.default
        if setting.type is int:
            low, high = setting.bounds
            value = min(max(value, low), high)
        return value

    def set(self, setting: Setting, value: Any) -> None:
        """Store ``value`` for ``setting`` (written to disk at once)."""
        self._qs.setValue(setting.key, setting.type(value))
        self._qs.sync()

    def save_state(self, name: str, data: QByteArray) -> None:
        """Store window state (geometry, splitters) apart from user choices."""
        self._qs.setValue(f"state/{name}", data)
        self._qs.sync()

    def load_state(self, name: str) -> QByteArray | None:
        """The stored window state ``name``, or None."""
        value = self._qs.value(f"state/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
