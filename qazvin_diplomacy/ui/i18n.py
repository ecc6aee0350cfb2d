"""Translations of the user interface.

UI strings are English in the code (``self.tr("...")`` or
``QCoreApplication.translate("Context", "...")``); the Persian text lives in
``translations/qazvin_diplomacy_fa.ts`` (Qt Linguist XML).  The installed app must not need
developer tools, so :class:`TsTranslator` reads the ``.ts`` file directly — there is no
``.qm`` for our own strings.  Qt's own ``qtbase_fa.qm`` is loaded as well so standard buttons
and dialogs are Persian.

``python -m qazvin_diplomacy.ui.i18n --update`` scans the ui sources and brings the ``.ts``
in sync (new strings are added as unfinished, vanished ones dropped);
``--check`` exits 1 when a string lacks a finished Persian translation.
"""

from __future__ import annotations

import argparse
import ast
import logging
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fa", "en")
TS_BASENAME = "qazvin_diplomacy"
UI_SOURCE_DIR = Path(__file__).resolve().parent

_current_language = "fa"


def ts_path(language: str = "fa") -> Path:
    """The ``.ts`` file of ``language`` in the bundled translations folder."""
    return translations_dir() / f"{TS_BASENAME}_{language}.ts"


def current_language() -> str:
    """The language the UI currently shows (``"fa"`` or ``"en"``)."""
    return _current_language


def is_rtl() -> bool:
    """True while the UI is Persian (right-to-left)."""
    return _current_language == "fa"


def loc_digits(text: object) -> str:
    """``text`` with Persian digits in the Persian UI, unchanged in English."""
    return to_persian_digits(text) if is_rtl() else str(text)


# --------------------------------------------------------------------------- .ts reading


@dataclass(frozen=True)
class TsMessage:
    """One ``<message>`` of a ``.ts`` file."""

    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""


def read_ts(path: Path) -> list[TsMessage]:
    """Parse a Qt Linguist ``.ts`` file into messages (obsolete/vanished ones skipped)."""
    root = ET.parse(path).getroot()
    messages: list[TsMessage] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            source = msg.findtext("source", default="")
            tr_el = msg.find("translation")
            comment = msg.findtext("comment", default="")
            if tr_el is None:
                messages.append(TsMessage(name, source, "", False, comment))
                continue
            kind = tr_el.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            forms = tr_el.findall("numerusform")
            text = forms[0].text or "" if forms else tr_el.text or ""
            finished = kind != "unfinished" and bool(text.strip())
            messages.append(TsMessage(name, source, text, finished, comment))
    return messages


class TsTranslator(QTranslator):
    """A ``QTranslator`` that answers from a parsed ``.ts`` file (no ``.qm`` needed).

    Lookup is by (context, source, disambiguation), then by source alone: PySide's
    ``self.tr()`` uses the most-derived class name as context, so a subclass still finds the
    translation its base class declared.
    """

    def __init__(self, path: Path, *, rtl: bool, parent: object | None = None) -> None:
        super().__init__(parent)
        self._exact: dict[tuple[str, str, str], str] = {}
        self._by_source: dict[str, str] = {}
        self._rtl = rtl
        for msg in read_ts(path):
            if not msg.finished:
                continue
            self._exact[(msg.context, msg.source, msg.comment)] = msg.translation
            self._by_source.setdefault(msg.source, msg.translation)

    def __len__(self) -> int:
        return len(self._exact)

    def isEmpty(self) -> bool:  # noqa: N802 - overrides QTranslator.isEmpty
        """Override: empty when the file held no finished translation."""
        return not self._exact

    def translate(  # type: ignore[override]
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        """Override of ``QTranslator.translate``; returns '' when there is no translation."""
        if context == "QGuiApplication" and source == "QT_LAYOUT_DIRECTION":
            return "RTL" if self._rtl else "LTR"
        found = self._exact.get((context, source, disambiguation or ""))
        if found is None:
            found = self._by_source.get(source, "")
        return found


# --------------------------------------------------------------------------- installing

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators by those of ``language``; True if ours loaded.

    For ``"fa"``: our :class:`TsTranslator` plus Qt's ``qtbase_fa.qm``.  For ``"en"``: none.
    Installing or removing sends ``LanguageChange`` to every widget.
    """
    global _current_language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current_language = language if language in LANGUAGES else "fa"
    if _current_language == "en":
        return True
    ok = False
    path = ts_path(_current_language)
    if path.exists():
        ours = TsTranslator(path, rtl=True, parent=app)
        app.installTranslator(ours)
        _installed.append(ours)
        ok = not ours.isEmpty()
    else:
        log.warning("translation file missing: %s", path)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(QLocale.Language.Persian, QLocale.Country.Iran), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        log.warning("Qt's own Persian translations (qtbase_fa.qm) not found in %s", qt_dir)
    return ok


# --------------------------------------------------------------------------- source scan


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def scan_source(text: str) -> list[tuple[str, str]]:
    """(context, source) pairs of every ``self.tr("…")``/``translate("Ctx", "…")`` call in ``text``.

    ``self.tr`` takes the enclosing class name as context, like PySide does.
    """
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = (
                    func.attr
                    if isinstance(func, ast.Attribute)
                    else func.id
                    if isinstance(func, ast.Name)
                    else ""
                )
                if (
                    name == "tr"
                    and isinstance(func, ast.Attribute)
                    and child.args
                    and cls
                    and (src := _literal(child.args[0])) is not None
                ):
                    found.append((cls, src))
                elif name == "translate" and len(child.args) >= 2:
                    ctx, src = _literal(child.args[0]), _literal(child.args[1])
                    if ctx is not None and src is not None:
                        found.append((ctx, src))
            visit(child, cls)

    visit(ast.parse(text), "")
    return found


def scan_sources(root: Path = UI_SOURCE_DIR) -> list[tuple[str, str]]:
    """Every translatable (context, source) pair under ``root``, in file order, no duplicates."""
    seen: dict[tuple[str, str], None] = {}
    for path in sorted(root.rglob("*.py")):
        for pair in scan_source(path.read_text(encoding="utf-8")):
            seen.setdefault(pair, None)
    return list(seen)


def missing_translations(
    pairs: Iterable[tuple[str, str]], messages: Iterable[TsMessage]
) -> list[tuple[str, str]]:
    """The pairs without a finished translation in ``messages`` (same context and source)."""
    done = {(m.context, m.source) for m in messages if m.finished}
    return [p for p in pairs if p not in done]


def write_ts(path: Path, language: str, messages: Iterable[TsMessage]) -> None:
    """Write ``messages`` as a Qt Linguist ``.ts`` file, grouped by context."""
    root = ET.Element("TS", version="2.1", language=f"{language}_IR" if language == "fa" else language)
    contexts: dict[str, ET.Element] = {}
    for msg in messages:
        ctx = contexts.get(msg.context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = msg.context
            contexts[msg.context] = ctx
        el = ET.SubElement(ctx, "message")
        ET.SubElement(el, "source").text = msg.source
        if msg.comment:
            ET.SubElement(el, "comment").text = msg.comment
        tr_el = ET.SubElement(el, "translation")
        tr_el.text = msg.translation
        if not msg.finished:
            tr_el.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update_ts(path: Path | None = None, root: Path = UI_SOURCE_DIR) -> tuple[int, int]:
    """Sync the ``.ts`` with the sources; returns (messages, unfinished)."""
    path = path or ts_path("fa")
    old = {(m.context, m.source): m for m in read_ts(path)} if path.exists() else {}
    by_source = {m.source: m for m in old.values() if m.finished}
    merged: list[TsMessage] = []
    for ctx, src in sorted(scan_sources(root)):
        prev = old.get((ctx, src)) or by_source.get(src)
        if prev is not None:
            merged.append(TsMessage(ctx, src, prev.translation, prev.finished))
        else:
            merged.append(TsMessage(ctx, src, "", False))
    write_ts(path, "fa", merged)
    return len(merged), sum(not m.finished for m in merged)


def main(argv: list[str] | None = None) -> int:
    """Developer entry point: ``--update`` syncs the .ts, ``--check`` lists missing strings."""
    parser = argparse.ArgumentParser(prog="python -m qazvin_diplomacy.ui.i18n")
    parser.add_argument("--update", action="store_true", help="sync the .ts with the sources")
    parser.add_argument("--check", action="store_true", help="fail on unfinished translations")
    args = parser.parse_args(argv)
    if args.update:
        total, unfinished = update_ts()
        print(f"{ts_path('fa')}: {total} messages, {unfinished} unfinished")
    missing = missing_translations(scan_sources(), read_ts(ts_path("fa")))
    if args.check or not args.update:
        for ctx, src in missing:
            print(f"untranslated: [{ctx}] {src}")
    return 1 if missing and args.check else 0


if __name__ == "__main__":  # pragma: no cover - developer tool
    sys.exit(main())
