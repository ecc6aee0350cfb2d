"""Translations: every UI string has a finished Persian translation; the translator works."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from qazvin_diplomacy.ui import i18n
from qazvin_diplomacy.ui.application import apply_language


def test_every_source_string_has_a_finished_persian_translation() -> None:
    pairs = i18n.scan_sources()
    assert len(pairs) > 40  # the scan really finds the strings
    missing = i18n.missing_translations(pairs, i18n.read_ts(i18n.ts_path("fa")))
    assert missing == [], (
        f"untranslated strings (run python -m qazvin_diplomacy.ui.i18n --update): {missing}"
    )


def test_scan_finds_tr_in_class_and_translate_calls() -> None:
    code = """
class Foo(QWidget):
    def f(self):
        self.tr("Hello")
        QCoreApplication.translate("Ctx", "World")
        QT_TRANSLATE_NOOP("Ctx", "Later")
        self.tr(variable)
"""
    assert i18n.scan_source(code) == [("Foo", "Hello"), ("Ctx", "World"), ("Ctx", "Later")]


def test_unfinished_or_empty_translation_counts_as_missing(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    i18n.write_ts(
        ts,
        "fa",
        [
            i18n.TsMessage("A", "done", "انجام", True),
            i18n.TsMessage("A", "todo", "", False),
            i18n.TsMessage("A", "draft", "پیش", False),
        ],
    )
    msgs = i18n.read_ts(ts)
    pairs = [("A", "done"), ("A", "todo"), ("A", "draft"), ("B", "absent")]
    assert i18n.missing_translations(pairs, msgs) == [
        ("A", "todo"),
        ("A", "draft"),
        ("B", "absent"),
    ]


def test_ts_translator_answers_by_context_then_by_source(app, tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    i18n.write_ts(
        ts,
        "fa",
        [
            i18n.TsMessage("Base", "Save", "ذخیره", True),
            i18n.TsMessage("Other", "Save", "نگه‌داری", True),
            i18n.TsMessage("Base", "Half", "نیم", False),
        ],
    )
    tr = i18n.TsTranslator(ts)
    assert len(tr) == 2
    assert tr.translate("Base", "Save") == "ذخیره"
    assert tr.translate("Other", "Save") == "نگه‌داری"  # the exact context wins
    assert tr.translate("Derived", "Save") == "ذخیره"  # PySide uses the subclass name
    assert not tr.translate("Base", "Half")  # unfinished is not used
    assert not tr.translate("Base", "Absent")


def test_qm_hash_matches_qt() -> None:
    # Values of Qt's elfHash (qtranslator.cpp) for two known strings.
    assert i18n._elf_hash(b"") == 1
    assert i18n._elf_hash(b"a") == 0x61
    assert i18n._elf_hash(b"Hello") == 0x4EC32F


@pytest.mark.slow
def test_self_tr_and_qt_buttons_are_persian_then_english(app) -> None:
    class Probe(QWidget):
        def text(self) -> str:
            return self.tr("Settings")

    probe = Probe()
    assert probe.text() == "تنظیمات"
    assert QCoreApplication.translate("Nowhere", "No such string") == "No such string"
    assert QCoreApplication.translate("Modules", "Visits") == "دیدارها"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "انصراف"  # qtbase_fa is loaded
    apply_language(app, "en")
    assert probe.text() == "Settings"
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    apply_language(app, "fa")
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_update_keeps_translations_and_adds_new_strings(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "w.py").write_text(
        'class W:\n    def f(self):\n        self.tr("Old")\n        self.tr("New")\n'
    )
    ts = tmp_path / "t.ts"
    i18n.write_ts(
        ts,
        "fa",
        [i18n.TsMessage("W", "Old", "قدیم", True), i18n.TsMessage("W", "Gone", "رفته", True)],
    )
    total, unfinished = i18n.update_ts(ts, src)
    assert (total, unfinished) == (2, 1)
    msgs = {m.source: m for m in i18n.read_ts(ts)}
    assert msgs["Old"].translation == "قدیم" and msgs["Old"].finished
    assert not msgs["New"].finished and "Gone" not in msgs


def test_untranslated_lookups_do_not_corrupt_the_interpreter(app) -> None:
    """PySide mishandles None returned from a translate override (it aborts the process)."""
    import sys

    before = sys.getrefcount(None)
    for _ in range(5000):
        QCoreApplication.translate("Nowhere", "Not in the catalogue")
    assert sys.getrefcount(None) >= before - 50


def test_compiled_translations_are_cached_by_the_content_of_the_ts(
    app, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setattr(i18n, "qm_cache_dir", lambda: cache)
    ts = tmp_path / "x_fa.ts"
    i18n.write_ts(ts, "fa", [i18n.TsMessage("Base", "Save", "ذخیره", True)])
    first = i18n.load_translator(ts, "fa")
    assert isinstance(first, i18n.TsTranslator)  # compiled, then cached
    [cached] = cache.glob("*.qm")

    compiled: list[Path] = []
    original = i18n.TsTranslator.__init__
    monkeypatch.setattr(
        i18n.TsTranslator,
        "__init__",
        lambda self, path, **kw: (compiled.append(path), original(self, path, **kw))[1],
    )
    second = i18n.load_translator(ts, "fa")
    assert compiled == [] and second.translate("Base", "Save") == "ذخیره"  # read from the cache

    i18n.write_ts(ts, "fa", [i18n.TsMessage("Base", "Save", "نگه‌داری", True)])  # the .ts changed
    third = i18n.load_translator(ts, "fa")
    assert compiled == [ts] and third.translate("Base", "Save") == "نگه‌داری"  # never stale
    assert [p.name for p in cache.glob("*.qm")] != [cached.name]  # the old one is replaced
    assert len(list(cache.glob("*.qm"))) == 1


def test_an_unwritable_cache_still_gives_the_translations(app, tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(i18n, "qm_cache_dir", lambda: blocked / "cache")
    ts = tmp_path / "x_fa.ts"
    i18n.write_ts(ts, "fa", [i18n.TsMessage("Base", "Save", "ذخیره", True)])
    assert i18n.load_translator(ts, "fa").translate("Base", "Save") == "ذخیره"


def test_a_count_takes_its_english_plural_and_the_one_persian_form(app, tmp_path: Path) -> None:
    ts = tmp_path / "en.ts"
    forms = ("%n day late", "%n days late")
    i18n.write_ts(ts, "en", [i18n.TsMessage("Model", "%n days late", forms[0], True, forms=forms)])
    assert 'numerus="yes"' in ts.read_text(encoding="utf-8")
    [read] = i18n.read_ts(ts)
    assert read.forms == forms and read.finished
    english = i18n.TsTranslator(ts, language="en")
    assert english.translate("Model", "%n days late", None, 1) == "%n day late"
    assert english.translate("Model", "%n days late", None, 3) == "%n days late"
    persian = i18n.TsTranslator(i18n.ts_path("fa"))
    texts = {persian.translate("ResolutionTableModel", "%n days late", None, n) for n in (1, 3)}
    assert texts == {"%n روز تأخیر"}
    # Without a form for every number, the message is not finished.
    half = i18n.TsMessage("Model", "%n days", "%n day", True, forms=("%n day", ""))
    i18n.write_ts(ts, "en", [half])
    assert not i18n.read_ts(ts)[0].finished


def test_the_english_interface_says_1_day_and_3_days(app) -> None:
    try:
        apply_language(app, "en")
        late = [
            QCoreApplication.translate("ResolutionTableModel", "%n days late", None, n)
            for n in (1, 3)
        ]
        assert late == ["1 day late", "3 days late"]
    finally:
        apply_language(app, "fa")
    assert (
        QCoreApplication.translate("ResolutionTableModel", "%n days late", None, 1) == "1 روز تأخیر"
    )


def test_every_count_has_its_english_singular_and_plural() -> None:
    counts = {(m.context, m.source) for m in i18n.read_ts(i18n.ts_path("fa")) if m.forms}
    english = {(m.context, m.source): m for m in i18n.read_ts(i18n.ts_path("en"))}
    assert counts and counts <= set(english)
    for key in counts:
        assert english[key].finished and len(english[key].forms) == 2, key
        assert all("%n" in form for form in english[key].forms), key
