"""Form fields declared once: :class:`FieldSpec` and :class:`FieldSet`.

A record form lists its simple fields (not its row tables) as a tuple of ``FieldSpec``;
a ``FieldSet`` built from that tuple does everything that used to be written once per
field: it builds each widget with its label and error line, retranslates the labels,
loads a record, collects the service input's keyword arguments, snapshots the raw
content for the "unsaved changes?" question and shows a service ``ValidationError``
next to the field its key names.  Adding a field is one more entry in the tuple::

    FIELDS = (
        text_field("title", QT_TRANSLATE_NOOP("VisitForm", "Title"), attr="title_edit",
                   required=True),
        datetime_field("start_at", QT_TRANSLATE_NOOP("VisitForm", "Start"), required=True),
        enum_combo("kind", QT_TRANSLATE_NOOP("EventForm", "Kind"), EventKind),
        ...
    )

    # in the form's __init__:
    self.field_set = FieldSet(self, self.FIELDS)
    self.field_set.add_form_rows(QFormLayout(page), page)        # or add_stacked(...)
    # retranslate_ui: self.field_set.retranslate(self.tr)
    # load:           self.field_set.load(detail)
    # collect:        values, errors = self.field_set.collect(); Input(**values, ...)
    # _raw_state:     [self.field_set.raw_state(), ...the tables' raw rows]
    # show_errors:    rest = self.field_set.show_errors(errors)
    # a field declared shown=...: self.field_set.update_shown() when what it depends on changes

Labels and placeholders are English ``QT_TRANSLATE_NOOP`` strings in the form's own
context; the form passes its ``self.tr`` to :meth:`FieldSet.retranslate`.  The helper
constructors below (:func:`text_field`, :func:`text_area`, :func:`date_field`,
:func:`datetime_field`, :func:`time_field`, :func:`enum_combo`, :func:`check_box`,
:func:`spin_box`) cover the project's kinds of field; anything else (a people picker, a
composite widget) is a ``FieldSpec`` with its own ``make``/``load``/``collect``/``raw``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.ui.common import (
    FieldError,
    PlainTextEdit,
    make_ltr,
    refill_combo,
    show_error,
)
from qazvin_diplomacy.ui.forms_common import parse_error_text, show_field_errors
from qazvin_diplomacy.ui.i18n import current_language, is_rtl
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, JalaliDateTimeEdit, show_time

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a width

T = TypeVar("T")

#: ``make(form, parent)``: the field's widget (the form gives access to e.g. its database).
Make = Callable[[Any, QWidget], QWidget]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form, declared once.

    ``name`` is the validation-error key and, unless ``source``/``key`` say otherwise, the
    record attribute loaded and the service-input keyword collected.  ``load(widget,
    record)``, ``collect(widget)`` (may raise ``ValueError``: its message is shown under
    the field and the value is None), ``check(widget)`` (a message when the input cannot
    be read, "" when fine), ``raw(widget)`` (the raw content for the "modified?"
    snapshot; by default from the widget's type) and ``relabel(widget)`` (texts inside
    the widget on a language change, e.g. a combo's items) are optional.  ``shown(form)``
    makes the field conditional (e.g. an end date only for a term "until a date"): while it
    answers False the field's row is hidden, nothing is checked and None is collected.
    """

    name: str
    label: str
    make: Make
    load: Callable[[Any, Any], None] | None = None
    collect: Callable[[Any], Any] | None = None
    attr: str = ""  # the form attribute holding the widget (default: the name)
    key: str = ""  # the service-input keyword (default: the name)
    source: str = ""  # the record attribute loaded (default: the name)
    errors: tuple[str, ...] = ()  # more error keys shown under this field
    required: bool = False  # " *" after the label
    placeholder: str = ""  # QT_TRANSLATE_NOOP text, translated like the label
    tracked: bool = True  # part of the "unsaved changes?" snapshot
    beside: str = ""  # shown on the row of this other field (a pair such as fa/en)
    check: Callable[[Any], str] | None = None
    raw: Callable[[Any], object] | None = None
    relabel: Callable[[Any], None] | None = None
    shown: Callable[[Any], bool] | None = None
    #: Another date/date-time/time field this one follows (an end after its start): while
    #: the clerk has not changed this field, it shows that field's value plus ``follow_by``
    #: (a time that would pass midnight is left for the clerk).
    follows: str = ""
    follow_by: dt.timedelta = dt.timedelta(0)

    @property
    def error_keys(self) -> tuple[str, ...]:
        """The validation-error keys shown under this field."""
        return (self.name, *self.errors)


def raw_value(widget: QWidget) -> object:
    """A widget's raw content (digits made Latin where typed), by its type."""
    if isinstance(widget, JalaliDateTimeEdit):
        return (
            to_latin_digits(widget.date_edit.line.text()),
            to_latin_digits(widget.time_line.text()),
        )
    if isinstance(widget, JalaliDateEdit):  # re-shown with the UI's digits on a language change
        return to_latin_digits(widget.text())
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(f"no raw value for {type(widget).__name__}: give the FieldSpec a raw=")


class FieldSet:
    """The widgets of a tuple of :class:`FieldSpec`, built into a form; see the module doc."""

    def __init__(self, form: QWidget, specs: Sequence[FieldSpec]) -> None:
        names = [s.name for s in specs]
        if len(set(names)) != len(names):
            raise ValueError(f"a field is declared twice: {names}")
        self.form = form
        self.specs = tuple(specs)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, FieldError] = {}
        self.boxes: dict[str, QVBoxLayout] = {}
        self.rows: dict[str, QFormLayout] = {}  # the form layout holding a field's row
        self._followed: dict[str, object] = {}  # follower name -> the raw value it was given

    def spec(self, name: str) -> FieldSpec:
        """The declaration named ``name``."""
        return next(s for s in self.specs if s.name == name)

    # --- building ----------------------------------------------------------------------

    def _build(self, spec: FieldSpec, parent: QWidget) -> QVBoxLayout:
        if spec.name in self.widgets:
            raise ValueError(f"field {spec.name!r} is placed twice")
        attr = spec.attr or spec.name
        if hasattr(self.form, attr):  # e.g. a Qt method: the field needs another attr=
            raise ValueError(f"field {spec.name!r}: the form already has {attr!r}")
        widget = spec.make(self.form, parent)
        setattr(self.form, attr, widget)
        self.widgets[spec.name] = widget
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        self.errors[spec.name] = FieldError(parent)
        box.addWidget(self.errors[spec.name])
        self.labels[spec.name] = QLabel(parent)
        self.boxes[spec.name] = box
        return box

    def _chosen(self, names: Iterable[str] | None) -> list[FieldSpec]:
        if names is None:
            return [s for s in self.specs if s.name not in self.widgets]
        return [self.spec(n) for n in names]

    def add_form_rows(
        self, form: QFormLayout, parent: QWidget, names: Iterable[str] | None = None
    ) -> None:
        """One row per field (``names``, default every field not placed yet): label, then the
        widget over its error line; a field with ``beside`` goes on that field's row."""
        rows: dict[str, QHBoxLayout] = {}
        growing: dict[str, bool] = {}  # whether a field of the row can take spare width
        chosen = self._chosen(names)
        pair_heads = {s.beside for s in chosen if s.beside}
        for spec in chosen:
            box = self._build(spec, parent)
            label = self.labels[spec.name]
            # A field of limited width (a time) keeps its width: its neighbour's label follows
            # it instead of sitting at the far end of the row.
            grows = self.widgets[spec.name].maximumWidth() >= QWIDGETSIZE_MAX
            if spec.beside:
                # Top-aligned, the label as tall as its widget: a note under one field of the
                # row (a status hint) must not push the other's box and this label apart.
                # (a tall field such as a list: the label on its first line)
                line = 2 * label.fontMetrics().height()
                label.setMinimumHeight(min(self.widgets[spec.name].sizeHint().height(), line))
                rows[spec.beside].addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
                rows[spec.beside].addLayout(box, 1 if grows else 0)
                rows[spec.beside].setAlignment(box, Qt.AlignmentFlag.AlignTop)
                growing[spec.beside] = growing[spec.beside] or grows
            elif spec.name in pair_heads:
                row = QHBoxLayout()
                row.addLayout(box, 1 if grows else 0)
                row.setAlignment(box, Qt.AlignmentFlag.AlignTop)
                rows[spec.name] = row
                growing[spec.name] = grows
                form.addRow(label, row)
            else:
                form.addRow(label, box)
                self.rows[spec.name] = form
        for name, row in rows.items():
            if not growing[name]:
                row.addStretch(1)
        self._wire_follows()

    def add_stacked(
        self, layout: QBoxLayout, parent: QWidget, names: Iterable[str] | None = None
    ) -> None:
        """Each field as its label above the widget and its error line."""
        for spec in self._chosen(names):
            box = self._build(spec, parent)
            layout.addWidget(self.labels[spec.name])
            layout.addLayout(box)
        self._wire_follows()

    # --- an end following its start ------------------------------------------------------

    def _wire_follows(self) -> None:
        for spec in self.specs:
            if not spec.follows or spec.name in self._followed:
                continue
            if spec.name not in self.widgets or spec.follows not in self.widgets:
                continue
            leader = self.widgets[spec.follows]
            self._followed[spec.name] = None
            if isinstance(leader, JalaliDateTimeEdit):
                leader.dateTimeChanged.connect(lambda _v, s=spec: self._follow(s))
            elif isinstance(leader, JalaliDateEdit):
                leader.dateChanged.connect(lambda _v, s=spec: self._follow(s))
            elif isinstance(leader, QLineEdit):  # a time_field
                leader.textChanged.connect(lambda _v, s=spec: self._follow(s))
            else:
                raise TypeError(f"field {spec.name!r} can follow only a date or time field")

    def follows_leader(self, name: str) -> bool:
        """Whether field ``name`` still follows its leader (empty, or as last set from it)."""
        widget = self.widgets[name]
        raw = raw_value(widget)
        return raw in (self._followed.get(name), "", ("", ""))

    def _follow(self, spec: FieldSpec) -> None:
        if not self.follows_leader(spec.name):
            return  # the clerk typed their own value: it is kept
        leader, widget = self.widgets[spec.follows], self.widgets[spec.name]
        if isinstance(leader, JalaliDateTimeEdit):
            start = leader.dateTime()
            if start is None:
                return
            assert isinstance(widget, JalaliDateTimeEdit)
            if leader.time_line.text().strip():
                widget.setDateTime(start + spec.follow_by)
            else:  # no time yet: the same day, the time left to type
                widget.date_edit.setDate(start.date())
        elif isinstance(leader, QLineEdit):
            assert isinstance(widget, QLineEdit)
            try:
                start_time = parse_optional_time(leader.text())
            except ValueError:
                return  # not a time yet: wait for the rest of it
            if start_time is None:
                return
            end = dt.datetime.combine(dt.date.min, start_time) + spec.follow_by
            if end.date() != dt.date.min:
                return
            widget.setText(show_time(end.time()))
        else:
            assert isinstance(leader, JalaliDateEdit) and isinstance(widget, JalaliDateEdit)
            day = leader.date()
            if day is None:
                return
            widget.setDate(day + spec.follow_by)
        self._followed[spec.name] = raw_value(widget)

    def is_shown(self, name: str) -> bool:
        """Whether field ``name`` is on the form now (see ``FieldSpec.shown``)."""
        spec = self.spec(name)
        return spec.shown is None or spec.shown(self.form)

    def update_shown(self) -> None:
        """Show or hide the conditional fields' rows by their ``shown`` answer now."""
        for spec in self.specs:
            if spec.shown is None:
                continue
            visible = self.is_shown(spec.name)
            if spec.name in self.rows:
                self.rows[spec.name].setRowVisible(self.boxes[spec.name], visible)
            else:
                self.labels[spec.name].setVisible(visible)
                self.widgets[spec.name].setVisible(visible)

    # --- language ----------------------------------------------------------------------

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Labels (" *" after a required one), placeholders and in-widget texts."""
        for spec in self.specs:
            widget = self.widgets[spec.name]
            suffix = " *" if spec.required else ""
            self.labels[spec.name].setText(translate(spec.label) + suffix)
            if spec.placeholder and isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setPlaceholderText(translate(spec.placeholder))
            if spec.relabel is not None:
                spec.relabel(widget)

    # --- data --------------------------------------------------------------------------

    def load(self, record: object) -> None:
        """Show ``record``'s values in the fields that declare a ``load``; a stored end no
        longer follows its start."""
        for spec in self.specs:
            if spec.load is not None:
                spec.load(self.widgets[spec.name], record)
        for name in self._followed:
            self._followed[name] = None

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The service input's keyword arguments, and the errors found reading the fields."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self.specs:
            if spec.collect is None:
                continue
            if not self.is_shown(spec.name):
                values[spec.key or spec.name] = None
                continue
            widget = self.widgets[spec.name]
            message = spec.check(widget) if spec.check is not None else ""
            if message:
                errors[spec.name] = message
            try:
                values[spec.key or spec.name] = spec.collect(widget)
            except ValueError as exc:
                values[spec.key or spec.name] = None
                errors.setdefault(spec.name, parse_error_text(exc))
        return values, errors

    def valid_values(self) -> dict[str, Any] | None:
        """The collected values, or None once the errors found reading the fields are shown."""
        values, errors = self.collect()
        if errors:
            self.show_errors(errors)
            return None
        return values

    def raw_of(self, name: str) -> object:
        """Field ``name``'s raw content (as :meth:`raw_state` holds it)."""
        spec = self.spec(name)
        return (spec.raw or raw_value)(self.widgets[name])

    def raw_state(self) -> list[object]:
        """Every tracked field's raw content, in declaration order."""
        return [
            (spec.raw or raw_value)(self.widgets[spec.name]) for spec in self.specs if spec.tracked
        ]

    def show_errors(
        self,
        errors: Mapping[str, str],
        marked: tuple[type[QWidget], ...] = (QLineEdit, QComboBox, QPlainTextEdit),
    ) -> dict[str, str]:
        """Show each message under the field its key names (clear the others); the
        messages whose key names no field are returned."""
        shown: dict[str, str] = {}
        for spec in self.specs:
            found = [errors[k] for k in spec.error_keys if errors.get(k)]
            if found:
                shown[spec.name] = "\n".join(found)
        show_field_errors(self.widgets, self.errors, shown, marked)
        keys = {k for spec in self.specs for k in spec.error_keys}
        return {k: m for k, m in errors.items() if k not in keys}

    def error_text(self, name: str) -> str:
        """The message shown under field ``name`` ("" when none)."""
        widget = self.widgets[name]
        if isinstance(widget, JalaliDateEdit | JalaliDateTimeEdit):
            date = widget.date_edit if isinstance(widget, JalaliDateTimeEdit) else widget
            return date.error()
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""


# --------------------------------------------------------------------------- helpers


def add_save_buttons(
    dialog: QDialog, layout: QBoxLayout, save: Callable[[], object]
) -> tuple[FieldError, QDialogButtonBox]:
    """The foot of a small record dialog: an error line, then Save (calls ``save``) and
    Cancel (rejects).  Returns (error line, buttons)."""
    error = FieldError(dialog)
    layout.addWidget(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error, buttons


def stored(
    parent: QWidget,
    field_set: FieldSet,
    error: FieldError,
    call: Callable[..., T],
    *args: Any,
    **kwargs: Any,
) -> T | None:
    """What the service ``call(*args, **kwargs)`` returned, or None when it failed: refused
    input is shown under its fields (messages for no field on ``error``), any other error in
    a box."""

    def refused(exc: ValidationError) -> None:
        rest = field_set.show_errors(exc.errors)
        error.show_error("\n".join(rest.values()))

    return service_result(parent, lambda: call(*args, **kwargs), refused)


def service_result(
    parent: QWidget, call: Callable[[], T], refused: Callable[[ValidationError], None]
) -> T | None:
    """What the service ``call()`` returned, or None when it failed: a refusal goes to
    ``refused`` (which shows it), any other error to a box."""
    try:
        return call()
    except ValidationError as exc:
        refused(exc)
    except Exception as exc:  # a known error (locked, stale) or a bug: shown, not raised
        show_error(parent, exc)
    return None


def _getter(name: str, source: str) -> Callable[[Any], Any]:
    attr = source or name
    return lambda record: getattr(record, attr)


def follow_text_direction(line: QLineEdit, text: str) -> None:
    """Lay ``line`` out in the direction of the first strong letter of ``text`` (as an FSI
    isolate would); with none, it follows the window again."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL", "L"):
            rtl = kind != "L"
            line.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            break
    else:
        line.unsetLayoutDirection()
    # the value stays next to its label: aligned to the window's side, not the text's
    side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
    line.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


def text_field(
    name: str,
    label: str,
    *,
    ltr: bool = False,
    isolated: bool = False,
    max_width: int = 0,
    **options: Any,
) -> FieldSpec:
    """A one-line text (``ltr`` for Latin-only text such as an English title; ``isolated`` for a
    code such as «۱۴۰۴/ه/۷» shown in the direction of its own first letter, so it keeps its
    order in either interface language)."""
    get = _getter(name, options.get("source", ""))

    def make(_form: Any, parent: QWidget) -> QLineEdit:
        line = QLineEdit(parent)
        if max_width:
            line.setMaximumWidth(max_width)
        if ltr:
            make_ltr(line)
        if isolated:
            line.textChanged.connect(lambda text: follow_text_direction(line, text))
        return line

    def load(line: QLineEdit, record: Any) -> None:
        line.setText(get(record))
        line.home(False)  # a value longer than the box shows its beginning, not its end

    options.setdefault("load", load)
    options.setdefault("collect", QLineEdit.text)
    return FieldSpec(name, label, make, **options)


def text_area(name: str, label: str, *, max_height: int = 0, **options: Any) -> FieldSpec:
    """A multi-line text whose paragraphs follow the layout direction."""
    get = _getter(name, options.get("source", ""))

    def make(_form: Any, parent: QWidget) -> PlainTextEdit:
        edit = PlainTextEdit(parent)
        if max_height:
            edit.setMaximumHeight(max_height)
        return edit

    options.setdefault("load", lambda w, r: w.setPlainText(get(r)))
    options.setdefault("collect", QPlainTextEdit.toPlainText)
    return FieldSpec(name, label, make, **options)


def lines_area(name: str, label: str, *, max_height: int = 80, **options: Any) -> FieldSpec:
    """A multi-line text holding a tuple of lines (one a line; blank lines dropped)."""
    get = _getter(name, options.get("source", ""))
    options.setdefault("load", lambda w, r: w.setPlainText("\n".join(get(r))))
    options.setdefault(
        "collect",
        lambda w: tuple(line.strip() for line in w.toPlainText().split("\n") if line.strip()),
    )
    return text_area(name, label, max_height=max_height, **options)


def date_field(
    name: str, label: str, *, refuse_empty: bool | None = None, **options: Any
) -> FieldSpec:
    """A Jalali date; the edit refuses an empty date when ``refuse_empty`` (default: when
    ``required``, which also stars the label)."""
    get = _getter(name, options.get("source", ""))
    required = bool(options.get("required", False) if refuse_empty is None else refuse_empty)
    options.setdefault("load", lambda w, r: w.setDate(get(r)))
    options.setdefault("collect", JalaliDateEdit.date)
    options.setdefault("check", JalaliDateEdit.validate)
    return FieldSpec(
        name, label, lambda _f, parent: JalaliDateEdit(parent, required=required), **options
    )


def datetime_field(
    name: str,
    label: str,
    *,
    to_local: Callable[[dt.datetime | None], dt.datetime | None] = lambda v: v,
    refuse_empty: bool | None = None,
    **options: Any,
) -> FieldSpec:
    """A Jalali date and a time; ``to_local`` turns the stored value into wall-clock time.

    ``refuse_empty`` as for :func:`date_field`.
    """
    get = _getter(name, options.get("source", ""))
    required = bool(options.get("required", False) if refuse_empty is None else refuse_empty)
    options.setdefault("load", lambda w, r: w.setDateTime(to_local(get(r))))
    options.setdefault("collect", JalaliDateTimeEdit.dateTime)
    options.setdefault("check", JalaliDateTimeEdit.validate)
    return FieldSpec(
        name, label, lambda _f, parent: JalaliDateTimeEdit(parent, required=required), **options
    )


def parse_optional_time(text: str) -> dt.time | None:
    """``HH:MM`` in any digits, or None for an empty field; ``ValueError`` when invalid."""
    return jalali.parse_time(text) if text.strip() else None


def time_field(name: str, label: str, *, max_width: int = 100, **options: Any) -> FieldSpec:
    """An optional ``HH:MM`` time typed in a line."""
    get = _getter(name, options.get("source", ""))
    options.setdefault("load", lambda w, r: w.setText(show_time(get(r)) if get(r) else ""))
    options.setdefault("collect", lambda w: parse_optional_time(w.text()))
    return text_field(name, label, max_width=max_width, **options)


def label_of(member: Enum) -> str:
    """A labelled enum member's text in the UI language (``label(lang)`` or
    ``label_fa``/``label_en``)."""
    lang = current_language()
    if hasattr(member, "label") and callable(member.label):
        return str(member.label(lang))
    return str(member.label_fa if lang == "fa" else member.label_en)  # type: ignore[attr-defined]


def fill_combo(
    combo: QComboBox,
    members: Iterable[Enum],
    selected: object = None,
    *,
    text: Callable[[Any], str] = label_of,
) -> None:
    """Fill ``combo`` with ``members`` (data: the value) and select ``selected`` (else the first)."""
    refill_combo(combo, [(text(member), member.value) for member in members], selected)


def relabel_combo(
    combo: QComboBox, enum: type[Enum], text: Callable[[Any], str] = label_of
) -> None:
    """Re-show each item of an enum combo in the UI language; the choice is kept."""
    current = combo.currentData()
    for i in range(combo.count()):
        combo.setItemText(i, text(enum(combo.itemData(i))))
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))


def enum_combo(
    name: str,
    label: str,
    enum: type[Enum],
    *,
    choices: Callable[[Any], Iterable[Enum]] | None = None,
    default: Enum | None = None,
    text: Callable[[Any], str] = label_of,
    **options: Any,
) -> FieldSpec:
    """A combo of an enum's labelled members (data: the value).

    ``choices(current)`` gives the members offered for the loaded value (``None`` for a new
    record), e.g. a status and the statuses it may move to; default: every member.
    """
    get = _getter(name, options.get("source", ""))
    offered = choices or (lambda _current: list(enum))
    fallback = default if default is not None else next(iter(enum))

    def make(_form: Any, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        fill_combo(combo, offered(None), text=text)
        return combo

    def load(combo: QComboBox, record: Any) -> None:
        value = enum(get(record))
        fill_combo(combo, offered(value), value, text=text)

    options.setdefault("load", load)
    options.setdefault("collect", lambda combo: enum(combo.currentData() or fallback.value))
    options.setdefault("relabel", lambda combo: relabel_combo(combo, enum, text))
    return FieldSpec(name, label, make, **options)


def filled_combo(name: str, label: str, **options: Any) -> FieldSpec:
    """A combo whose items the form fills (countries, regions, products …); the field's value
    is the chosen item's data."""
    return FieldSpec(
        name,
        label,
        lambda _form, parent: QComboBox(parent),
        load=lambda w, r: w.setCurrentIndex(max(w.findData(getattr(r, name)), 0)),
        collect=QComboBox.currentData,
        **options,
    )


def check_box(name: str, label: str, **options: Any) -> FieldSpec:
    """A yes/no tick."""
    get = _getter(name, options.get("source", ""))
    options.setdefault("load", lambda w, r: w.setChecked(bool(get(r))))
    options.setdefault("collect", QCheckBox.isChecked)
    return FieldSpec(name, label, lambda _f, parent: QCheckBox(parent), **options)


class ConfidentialBox(QCheckBox):
    """A check box enabled only for a user who sees confidential records, whatever a form
    enables (e.g. the meeting form enabling its fields again when minutes are unlocked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEnabled(True)

    def setEnabled(self, enabled: bool) -> None:  # overrides QWidget.setEnabled
        """Override: never enabled for a user without clearance."""
        super().setEnabled(enabled and sees_confidential())


def confidential_box(label: str, **options: Any) -> FieldSpec:
    """The «confidential» tick of a visit, agreement, meeting or delegation.

    Only a user who sees confidential records may flag one (``core.access``; the services
    refuse it too): for anyone else the box stays unticked and disabled.
    """

    def make(_form: Any, parent: QWidget) -> QCheckBox:
        return ConfidentialBox(parent)

    options.setdefault("load", lambda w, r: w.setChecked(bool(getattr(r, "confidential", False))))
    options.setdefault("collect", QCheckBox.isChecked)
    return FieldSpec("confidential", label, make, **options)


def spin_box(
    name: str, label: str, *, minimum: int = 0, maximum: int = 99, value: int = 0, **options: Any
) -> FieldSpec:
    """A whole number in ``minimum..maximum``."""
    get = _getter(name, options.get("source", ""))

    def make(_form: Any, parent: QWidget) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(minimum, maximum)
        spin.setValue(value)
        return spin

    options.setdefault("load", lambda w, r: w.setValue(int(get(r) or 0)))
    options.setdefault("collect", QSpinBox.value)
    return FieldSpec(name, label, make, **options)
