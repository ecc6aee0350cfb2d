"""The agreement form's actions beyond editing: workflow steps, legal review, print, archive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from qazvin_diplomacy.core.agreements import AgreementDetail, AgreementStatus
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.printing import PdfPrinter
from qazvin_diplomacy.ui.agreements.widgets import TransitionDialog, default_actor
from qazvin_diplomacy.ui.agreements.workflow import HistoryTab, WorkflowBar
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.modules import UiContext

translate = QCoreApplication.translate


class AgreementActions:
    """What the agreement form does beyond editing, each through one service call: move the
    status, record the legal review, print the sheet, archive.

    Mixed into ``AgreementForm`` (before ``RecordDialog``): it uses the form's ``detail``,
    ``db``, ``ctx``, ``tabs``, ``workflow``, ``history_tab``, ``printer`` and ``opener``, and
    its ``save``, ``load``, ``retranslate_ui``, ``show_errors``, ``is_modified`` and
    ``archive_record``.
    """

    detail: AgreementDetail | None
    db: DatabaseHandle
    ctx: UiContext
    tabs: QTabWidget
    workflow: WorkflowBar
    history_tab: HistoryTab
    changed: Any
    transition_dialog: TransitionDialog | None = None
    _last_transition_ok = False
    save: Callable[[], bool]
    load: Callable[[AgreementDetail | None], None]
    retranslate_ui: Callable[[], None]
    show_errors: Callable[[dict[str, str]], None]
    is_modified: Callable[[], bool]
    archive_record: Callable[..., bool]
    printer: PdfPrinter
    PRINT_REPORT: str
    PRINT_OPTION: str
    opener: Callable[[Path], None]

    def show_stored(self, detail: AgreementDetail, signal: Any) -> None:
        """Show ``detail`` as just stored, then emit ``signal`` (saved or changed) with its id."""
        self.load(detail)
        self.retranslate_ui()
        assert detail.id is not None
        signal.emit(detail.id)

    def transition(
        self, target: AgreementStatus, *, actor: str | None = None, remark: str | None = None
    ) -> bool:
        """Move the agreement to ``target`` (unsaved edits are saved first).

        Without ``remark`` a dialog asks who and why; a missing reason is shown in the
        dialog, other refusals next to their fields in the form.  True when the status moved.
        """
        if self.detail is None or self.detail.id is None:
            return False
        if self.is_modified() and not self.save():
            return False
        self._last_transition_ok = False
        self.workflow.error.show_error("")
        if remark is None:
            dialog = TransitionDialog(
                self.detail.status,
                target,
                lambda who, why: self._apply_transition(target, who, why),
                self,
                actor=actor or "",
            )
            self.transition_dialog = dialog
            dialog.exec()
            self.transition_dialog = None
            return self._last_transition_ok
        message = self._apply_transition(target, actor or default_actor(), remark)
        if message:
            self.workflow.error.show_error(message)
        return self._last_transition_ok

    def _apply_transition(self, target: AgreementStatus, actor: str, remark: str) -> str:
        """Call the service; '' when done or refused for fields, else the remark's message."""
        assert self.detail is not None and self.detail.id is not None
        try:
            detail = svc.change_status(
                self.db,
                agreement_id=self.detail.id,
                version=self.detail.version,
                status=target,
                actor=actor,
                remark=remark,
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            errors = dict(exc.errors)
            remark_message = errors.pop("remark", "")
            if remark_message and not errors:
                return remark_message
            status_message = errors.pop("status", "")
            if errors:
                self.show_errors(errors)
            self.workflow.error.show_error(
                status_message
                or translate(
                    "AgreementForm", "The status was not changed: complete the marked fields first."
                )
            )
            return ""
        except KnownError as exc:
            show_error(self, exc)
            return ""
        self._last_transition_ok = True
        self.show_stored(detail, self.changed)
        return ""

    def record_review(self) -> bool:
        """Store the legal review (the form's other edits are saved first)."""
        if self.detail is None or self.detail.id is None:
            return False
        review, message = self.history_tab.review()
        if message:
            self.history_tab.review_error.show_error(message)
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.history_tab))
            return False
        if self.is_modified() and not self.save():
            return False
        assert self.detail is not None
        try:
            detail = svc.record_legal_review(
                self.db,
                agreement_id=self.detail.id or 0,
                version=self.detail.version,
                review=review,
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            self.history_tab.review_error.show_error(
                exc.errors.get("legal_review") or "\n".join(exc.errors.values())
            )
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.history_tab))
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.show_stored(detail, self.changed)
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.history_tab))
        return True

    def print_sheet(self) -> None:
        """Print / PDF of this agreement's sheet (unsaved edits are saved first)."""
        if self.detail is None or self.detail.id is None:
            return
        if self.is_modified() and not self.save():
            return
        self.printer.opener = self.opener
        self.printer.print_report(self.PRINT_REPORT, {self.PRINT_OPTION: self.detail.id})

    def print_record(self) -> bool:
        """Ctrl+P: as the Print button, the sheet of this agreement (saved first); a new
        agreement is said to need saving (``RecordDialog.print_record``)."""
        if self.detail is None or self.detail.id is None:
            return bool(super().print_record())  # type: ignore[misc]
        self.print_sheet()
        return True

    def archive(self) -> bool:
        """Archive (delete for users) the agreement after confirmation."""
        if self.detail is None or self.detail.id is None:
            return False
        agreement_id, version = self.detail.id, self.detail.version
        return self.archive_record(
            translate("AgreementForm", "Delete agreement"),
            translate(
                "AgreementForm",
                "Move this agreement to the archive? It can be restored later from the archive view.",
            ),
            lambda: svc.archive_agreement(self.db, agreement_id=agreement_id, version=version),
            agreement_id,
        )
