"""The base of the meetings module's record forms (meeting, resolution, series)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.forms_common import RecordDialog
from qazvin_diplomacy.ui.modules import UiContext


class MeetingsRecordDialog(RecordDialog):
    """A record form of the meetings module: the context (``ctx``, ``db``), the record shown
    (``detail``, None for a new one) and the directory's names for its pickers (``names``)."""

    def __init__(self, ctx: UiContext, detail: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        self.detail = detail
        self.names = DirectoryNames(ctx.db)
