"""One Persian voice: no variant that translations/GLOSSARY.md forbids, in the UI or the services."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.paths import translations_dir
from qazvin_diplomacy.ui import i18n

PACKAGE = Path(i18n.__file__).resolve().parent.parent
GLOSSARY = translations_dir() / "GLOSSARY.md"
PERSIAN = "\u0600-\u06ff\u200c"
# Persian strings that are not our wording: the column headers people type in Excel.
NOT_OUR_WORDING = {PACKAGE / "core" / "sheet_headers.py"}


def glossary_rules(text: str | None = None) -> list[tuple[re.Pattern[str], str]]:
    """The ``(pattern, write instead)`` lines of the glossary's ```glossary block."""
    text = GLOSSARY.read_text("utf-8") if text is None else text
    block = re.search(r"^```glossary\n(.*?)^```", text, re.S | re.M)
    assert block, "GLOSSARY.md has no ```glossary block"
    rules = []
    for line in block.group(1).splitlines():
        if not line.strip():
            continue
        pattern, instead = line.split(" ⟶ ", 1)
        pattern = pattern.replace("[P", "[" + PERSIAN).replace("P", f"[{PERSIAN}]")
        rules.append((re.compile(pattern, re.M), instead))
    return rules


def violations(texts: list[tuple[str, str]]) -> list[str]:
    """``where: «match» → write instead`` for every forbidden variant in ``(where, text)``."""
    found = []
    for where, text in texts:
        for pattern, instead in glossary_rules():
            for match in pattern.finditer(text):
                found.append(f"{where}: «{match.group(0).strip()}» in «{text}» → {instead}")
    return found


def translation_texts(path: Path) -> list[tuple[str, str]]:
    """``(context/source, translation)`` of every finished message of a ``.ts`` file."""
    return [
        (f"{m.context}/{m.source[:40]}", m.translation) for m in i18n.read_ts(path) if m.finished
    ]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _text_of(node: ast.Constant | ast.JoinedStr) -> str:
    """A string constant's text; an f-string's with ``{}`` where a value goes."""
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


def persian_strings(*places: Path) -> list[tuple[str, str]]:
    """``(file:line, text)`` of every Persian string (an f-string as a whole) in the given
    ``.py`` files and folders, docstrings left out."""
    texts = []
    files = [f for p in places for f in (sorted(p.rglob("*.py")) if p.is_dir() else [p])]
    for path in files:
        if path in NOT_OUR_WORDING:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                skip.update(id(v) for v in node.values)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Constant) and not isinstance(node.value, str):
                continue
            if isinstance(node, ast.Constant | ast.JoinedStr):
                text = _text_of(node)
                if re.search(f"[{PERSIAN}]", text):
                    texts.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", text))
    return texts


def test_glossary_lists_its_forbidden_variants() -> None:
    rules = glossary_rules()
    assert len(rules) >= 15
    assert all(instead.strip() for _, instead in rules)


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("پاک کردن پالایه‌ها", "پاک کردن فیلترها"),
        ("ایمیل", "رایانامه"),
        ("پشت سر میهمان", "پشت سر مهمان"),
        ("سازمان تازه", "سازمان جدید"),
        ("فهرست‌ها", "مخاطبان و سازمان‌ها"),
        ("پاسخ: می‌آید", "پاسخ: اعلام حضور"),
        ("%1 نفر با شرط‌ها جور است", "%1 نفر با شرط‌ها مطابقت دارند"),
        ("اول یک ردیف را انتخاب کنید.", "ابتدا یک ردیف را انتخاب کنید."),
        ("با این حال ذخیره کن", "با این حال ذخیره شود"),
        ("حذف (بایگانی)", "بایگانی"),
        ("مثلاً ۱۴۰۴/۰۸/۰۳", "مثلاً %1"),
        ("همه کشورها", "همهٔ کشورها"),
        ("پرونده پشتیبان", "پروندهٔ پشتیبان"),
        ("برنامه سفر", "برنامهٔ سفر"),
    ],
)
def test_each_variant_is_caught_and_its_replacement_passes(bad: str, good: str) -> None:
    assert violations([("x", bad)]), bad
    assert violations([("x", good)]) == [], good


def test_counted_nouns_take_no_ezafe() -> None:
    assert (
        violations([("x", "%1 پرونده پیوست"), ("y", "{n} پرونده پیوست"), ("z", "۳ پرونده پیوست")])
        == []
    )
    assert violations([("x", "پایگاه داده"), ("y", "همه را"), ("z", "فهرست‌ها و جستجو")]) == []


def test_translations_follow_the_glossary() -> None:
    texts = translation_texts(i18n.ts_path("fa"))
    assert len(texts) > 500  # the file was really read
    assert violations(texts) == []


def test_a_forbidden_variant_in_a_ts_file_is_reported(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    i18n.write_ts(
        ts, "fa", [i18n.TsMessage("FilterBar", "Clear filters", "پاک کردن پالایه‌ها", True)]
    )
    assert len(violations(translation_texts(ts))) == 1


def test_messages_and_reports_follow_the_glossary() -> None:
    """core/services messages, the reports' Persian headings and the CLI's messages."""
    places = ["core", "services", "reports", "cli", *(f.name for f in PACKAGE.glob("*.py"))]
    texts = persian_strings(*(PACKAGE / p for p in places))
    assert len(texts) > 300
    assert violations(texts) == []


def test_example_dates_use_the_current_year() -> None:
    year = str(jalali.to_jalali(today_local())[0])
    assert jalali.example_date("latin").startswith(year + "/")
    assert jalali.example_date() == jalali.to_persian_digits(jalali.example_date("latin"))
    with pytest.raises(jalali.JalaliDateError) as caught:
        jalali.parse_jalali("3/7/1404")
    assert jalali.example_date() in str(caught.value)


def test_the_date_box_hint_shows_this_year(app) -> None:
    from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

    box = JalaliDateEdit()
    assert jalali.example_date("latin") in jalali.to_latin_digits(box.line.placeholderText())


# A source text may take two Persian words only where English uses one word for two concepts
# (GLOSSARY.md): a person's title «سمت» vs a record's title «عنوان»; "Cancel" that leaves a
# dialog «انصراف» vs one that stops running work «لغو».
TWO_MEANINGS = {
    "Title": {"سمت", "عنوان"},
    "Title (English)": {"سمت (انگلیسی)", "عنوان (انگلیسی)"},
    "Cancel": {"انصراف", "لغو"},
    "None": {"هیچ", "ندارد"},  # no choice made / no enclosure
}


def test_one_source_text_is_translated_one_way() -> None:
    seen: dict[str, dict[str, str]] = {}
    for m in i18n.read_ts(i18n.ts_path("fa")):
        if m.finished:
            seen.setdefault(m.source, {})[m.translation] = m.context
    mixed = {
        source: ways
        for source, ways in seen.items()
        if len(ways) > 1 and set(ways) - TWO_MEANINGS.get(source, set())
    }
    assert mixed == {}


def test_buttons_that_stop_running_work_say_cancel_as_laghv() -> None:
    by_context = {(m.context, m.source): m.translation for m in i18n.read_ts(i18n.ts_path("fa"))}
    for context in ("TaskDialog", "_TaskDialog", "ReportsDialog"):
        assert by_context[(context, "Cancel")] == "لغو"
    assert by_context[("RankTableDialog", "Cancel")] == "انصراف"
    assert {t for (c, s), t in by_context.items() if s == "Close"} == {"بستن"}
