"""Translations of the user interface.

UI strings are English in the code (``self.tr("...")`` or
``QCoreApplication.translate("Context", "...")``); the Persian text lives in
``translations/qazvin_diplomacy_fa.ts`` (Qt Linguist XML).  The installed app must not need
developer tools, so :class:`TsTranslator` reads the ``.ts`` file and compiles it to ``.qm``
in memory (no ``lrelease``, no ``.qm`` file shipped for our own strings); the result is kept
in the user's cache folder under the ``.ts`` file's hash, so later starts load it directly.  Qt's own ``qtbase_fa.qm`` is loaded as well so standard buttons
and dialogs are Persian.

A count in a sentence is ``self.tr("%n days late", "", n)`` with ``<message numerus="yes">``
in the ``.ts``: Persian has one form; English plurals ("1 day late", "3 days late") come from
``qazvin_diplomacy_en.ts``, which holds only such messages (installed for the English UI).

``python -m qazvin_diplomacy.ui.i18n --update`` scans the ui sources and brings the ``.ts``
in sync (new strings are added as unfinished, vanished ones dropped);
``--check`` exits 1 when a string lacks a finished Persian translation.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import logging
import os
import struct
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from qazvin_diplomacy import APP_NAME
from qazvin_diplomacy.core.text import has_persian, to_persian_digits
from qazvin_diplomacy.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fa", "en")
TS_BASENAME = "qazvin_diplomacy"
UI_SOURCE_DIR = Path(__file__).resolve().parent

_current_language = "fa"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # Qt's name
    """Mark ``source`` for translation in ``context`` without translating it now."""
    return source


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


def direction_mark() -> str:
    """LRM or RLM: put first in a list/cell text so Qt's direction guess follows the UI.

    Qt picks a paragraph's direction from its first strong letter and does not skip bidi
    isolates, so "10:00 — <Persian title>" would be laid out right-to-left in English.
    """
    return "\u200f" if is_rtl() else "\u200e"


def strip_direction_mark(text: str) -> str:
    """``text`` without a leading LRM/RLM added by :func:`direction_mark`."""
    return text[1:] if text[:1] in ("\u200e", "\u200f") else text


def loc_text(text: str) -> str:
    """Stored text for display: Persian text gets Persian digits in the Persian UI.

    Latin-only text (codes, e-mails, Latin names) stays as typed.
    """
    return to_persian_digits(text) if is_rtl() and has_persian(text) else text


# --------------------------------------------------------------------------- .ts reading


class Retranslating:
    """Mixin for a widget class (listed before the Qt base): ``retranslate_ui()`` runs on
    every language change, so the widget's texts follow the language chosen in the settings."""

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Override: retranslate on language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


@dataclass(frozen=True)
class TsMessage:
    """One ``<message>`` of a ``.ts`` file."""

    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""
    #: A count's forms (``numerus="yes"``: one for Persian, singular and plural for English).
    forms: tuple[str, ...] = ()


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
            forms = tuple(f.text or "" for f in tr_el.findall("numerusform"))
            text = forms[0] if forms else (tr_el.text or "")
            finished = kind != "unfinished" and all(f.strip() for f in forms or (text,))
            messages.append(TsMessage(name, source, text, finished, comment, forms))
    return messages


QM_MAGIC = bytes(
    [0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD]
)
_QM_HASHES, _QM_MESSAGES, _QM_LANGUAGE, _QM_NUMERUS_RULES = 0x42, 0x69, 0xA7, 0x88
#: Qt's numerus rules by language: English has a form for n == 1 (``Q_EQ 1``) and one for the
#: rest; Persian has one form (no rule).
_NUMERUS_RULES = {"en": bytes([0x01, 1]), "fa": b""}
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT = 1, 3, 6, 7


def _elf_hash(data: bytes) -> int:
    """Qt's ``elfHash`` of a source text (the key of the .qm hash table)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def compile_qm(messages: Iterable[TsMessage], language: str = "fa") -> bytes:
    """Compile finished messages into Qt's binary ``.qm`` format, in memory.

    Each message is stored with its context; a second, context-free copy of the first
    translation of each source follows it, so a lookup from a subclass (PySide's ``self.tr``
    uses the most-derived class name as context) still finds the text.  No context table is
    written, which makes Qt compare contexts message by message.
    """
    entries: list[tuple[str | None, str, tuple[str, ...]]] = []
    fallback: dict[str, tuple[str, ...]] = {}
    for msg in messages:
        if msg.finished and not msg.comment:
            forms = msg.forms or (msg.translation,)
            entries.append((msg.context, msg.source, forms))
            fallback.setdefault(msg.source, forms)
    entries.extend((None, src, forms) for src, forms in fallback.items())
    blob = bytearray()
    index: list[tuple[int, int]] = []
    for context, source, forms in entries:
        offset = len(blob)
        for form in forms:  # a count's forms in order; Qt picks one by the language's rules
            text = form.encode("utf-16-be")
            blob += bytes([_TAG_TRANSLATION]) + struct.pack(">I", len(text)) + text
        src = source.encode("utf-8")
        blob += bytes([_TAG_SOURCE]) + struct.pack(">I", len(src)) + src
        if context is not None:
            ctx = context.encode("utf-8")
            blob += bytes([_TAG_CONTEXT]) + struct.pack(">I", len(ctx)) + ctx
        blob += bytes([_TAG_END])
        index.append((_elf_hash(src), offset))
    index.sort()
    hashes = b"".join(struct.pack(">II", h, o) for h, o in index)
    lang = f"{language}_IR".encode() if language == "fa" else language.encode()
    out = bytearray(QM_MAGIC)
    sections = [(_QM_LANGUAGE, lang), (_QM_HASHES, hashes), (_QM_MESSAGES, bytes(blob))]
    if rules := _NUMERUS_RULES.get(language, b""):
        sections.append((_QM_NUMERUS_RULES, rules))
    for tag, data in sections:
        out += bytes([tag]) + struct.pack(">I", len(data)) + data
    return bytes(out)


class TsTranslator(QTranslator):
    """A ``QTranslator`` loaded from a ``.ts`` file, compiled to ``.qm`` in memory at start-up.

    Lookups run in Qt's C++ code.  (Overriding ``QTranslator.translate`` in Python is not an
    option with PySide 6.12: every call leaks a reference to ``None`` and the interpreter
    aborts after a few thousand lookups.)
    """

    def __init__(self, path: Path, *, language: str = "fa", parent: QObject | None = None) -> None:
        super().__init__(parent)
        messages = read_ts(path)
        self.count = sum(1 for m in messages if m.finished)
        # Qt reads the data in place: keep the bytes alive as long as the translator.
        self._qm = compile_qm(messages, language)
        if not self.load(self._qm):
            raise ValueError(f"could not load translations compiled from {path}")

    def __len__(self) -> int:
        return self.count


def qm_cache_dir() -> Path:
    """Where compiled translations are cached (the per-user cache folder)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, "QazvinGovernorate"))


def load_translator(path: Path, language: str, parent: QObject | None = None) -> QTranslator:
    """Our translations from the ``.ts`` at ``path``: the cached ``.qm`` of exactly this file's
    content when there is one, else compiled now (and cached; a cache that cannot be written
    is only logged).  Raises ValueError when nothing loads."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
    prefix = f"{path.stem}-"
    cached = qm_cache_dir() / f"{prefix}{digest}.qm"
    if cached.is_file():
        translator = QTranslator(parent)
        if translator.load(str(cached)) and not translator.isEmpty():
            return translator
        translator.deleteLater()
    compiled = TsTranslator(path, language=language, parent=parent)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_bytes(compiled._qm)
        os.replace(partial, cached)
        for old in cached.parent.glob(f"{prefix}*.qm"):  # compiled from an older .ts
            if old != cached:
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError as exc:
        log.debug("compiled translations not cached in %s: %s", cached.parent, exc)
    return compiled


# --------------------------------------------------------------------------- installing

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators by those of ``language``; True if ours loaded.

    For ``"fa"``: our :class:`TsTranslator` plus Qt's ``qtbase_fa.qm``.  For ``"en"``: only
    the English plural forms of counts.  Installing or removing sends ``LanguageChange`` to
    every widget.
    """
    global _current_language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current_language = language if language in LANGUAGES else "fa"
    if _current_language == "en":
        if ts_path("en").exists():
            plurals = load_translator(ts_path("en"), "en", app)
            app.installTranslator(plurals)
            _installed.append(plurals)
        return True
    ok = False
    path = ts_path(_current_language)
    if path.exists():
        ours = load_translator(path, _current_language, app)
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
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(child.args) >= 2:
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
    root = ET.Element(
        "TS", version="2.1", language=f"{language}_IR" if language == "fa" else language
    )
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
        if msg.forms:
            el.set("numerus", "yes")
            for form in msg.forms:
                ET.SubElement(tr_el, "numerusform").text = form
        else:
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
            merged.append(TsMessage(ctx, src, prev.translation, prev.finished, forms=prev.forms))
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
