"""Tests for qazvin_diplomacy.core.text: digits, storage normalisation, search keys, bidi."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qazvin_diplomacy.core.text import (
    SEARCH_FIELD_SEPARATOR,
    bidi_isolate,
    compact_key,
    has_persian,
    index_key,
    is_probably_latin,
    matches,
    normalize,
    search_key,
    search_terms,
    to_latin_digits,
    to_persian_digits,
)

ZWNJ = "\u200c"
TATWEEL = "\u0640"

# --- digits ----------------------------------------------------------------------------


def test_digits() -> None:
    assert to_persian_digits("1404/08/03") == "۱۴۰۴/۰۸/۰۳"
    assert to_persian_digits("٤٥٦") == "۴۵۶"
    assert to_persian_digits(1404) == "۱۴۰۴"
    assert to_latin_digits("۱۴۰۴-٠٧") == "1404-07"
    assert to_latin_digits("abc") == "abc"


# --- normalize -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("علي", "علی"),  # Arabic Yeh U+064A
        ("مصطفى", "مصطفی"),  # Alef maksura U+0649
        ("كتاب", "کتاب"),  # Arabic Kaf U+0643
        ("ﻛﺘﺎﺏ", "کتاب"),  # presentation forms B
        ("ﻻ", "لا"),  # lam-alef ligature
        ("ﯼ", "ی"),  # Farsi Yeh presentation form (FBFC)
        ("ﮐ", "ک"),  # Keheh presentation form (FB90)
        ("﷼", "ریال"),  # Rial sign
        ("ﻋﻠﻲ", "علی"),  # presentation Arabic Yeh → ي → ی
        ("  سفارت \t\t ژاپن  ", "سفارت ژاپن"),
        ("سفارت\u00a0ژاپن", "سفارت ژاپن"),  # NBSP
        ("می\u200cروم", "می\u200cروم"),  # internal ZWNJ kept
        ("می" + ZWNJ * 3 + "روم", "می\u200cروم"),  # doubled ZWNJ collapsed
        ("\u200cکتاب\u200c", "کتاب"),  # ZWNJ at the ends removed
        ("کتاب\u200c ها", "کتاب ها"),  # ZWNJ beside a space removed
        ("کتاب \u200cها", "کتاب ها"),
        ("کتاب \u200c ها", "کتاب ها"),
        ("خانهٔ ما", "خانهٔ ما"),  # ezafe hamza (U+0654) kept, not composed into ۀ
        ("مُحَمَّد", "مُحَمَّد"),  # harakat kept
        ("۱۴۰۴", "۱۴۰۴"),  # digits as typed
        ("خط اول  \r\n  خط دوم", "خط اول\nخط دوم"),
        ("\ufeffسلام", "سلام"),  # BOM
        ("کتاب\ufe70", "کتاب\u064b"),  # isolated fathatan form → the mark, no space
        ("Hello   World", "Hello World"),
        ("یادداشت\x07", "یادداشت"),  # a bell pasted into notes (it broke every .xlsx export)
        ("a\x00b\x1bc\x7f", "abc"),  # NUL, escape, DEL
        ("a\x0bb\x0cc", "a b c"),  # vertical tab and form feed are spaces
        ("سطر اول\x08\nسطر دوم", "سطر اول\nسطر دوم"),  # line breaks kept
    ],
)
def test_normalize(raw: str | None, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_folds_presentation_forms_only() -> None:
    # Outside the presentation-form blocks nothing is NFKC-folded.
    assert normalize("ﬁ ²") == "ﬁ ²"
    assert normalize("\u0647\u0654") == "\u0647\u0654"
    assert "\u06c0" not in normalize("\u0647\u0654")


def test_normalize_leaves_no_arabic_twins() -> None:
    text = normalize("يىك ﻱ ﻙ ﯾ")
    assert not set(text) & {"\u064a", "\u0649", "\u0643"}


# --- search keys -----------------------------------------------------------------------


def test_zwnj_space_and_nothing_all_match() -> None:
    variants = ["می\u200cروم", "می روم", "میروم"]
    assert {compact_key(v) for v in variants} == {"میروم"}
    # search_key removes ZWNJ (one word) but keeps a space as a word break.
    assert search_key("می\u200cروم") == search_key("میروم") == "میروم"
    assert search_key("می روم") == "می روم"
    for stored in variants:
        for query in variants:
            assert matches(index_key(stored), search_terms(query)), (stored, query)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("علي", "علی"),
        ("كرمان", "کرمان"),
        ("آزادی", "ازادی"),
        ("أحمد", "احمد"),
        ("إیران", "ایران"),
        ("مسئول", "مسیول"),
        ("مؤسسه", "موسسه"),
        ("خانۀ", "خانه"),
        ("خانهٔ", "خانه"),
        ("جمعة", "جمعه"),
        ("مُحَمَّد", "محمد"),
        ("رحمٰن", "رحمن"),  # superscript alef
        ("اجزاء", "اجزا"),  # hamza
        ("ســلام", "سلام"),  # tatweel
        ("۱۴۰۴", "1404"),
        ("١٤٠٤", "1404"),
        ("TEHRAN", "tehran"),
        ("José", "jose"),
        ("\u200fسفارت\u200e", "سفارت"),  # bidi marks
        ("ﻛﺘﺎﺏ", "کتاب"),
        ("آ", "ا"),
        ("\u0627\u0653", "ا"),  # decomposed آ
        ("\u064a\u0654", "ی"),  # decomposed ئ
    ],
)
def test_search_key_ignores_variants(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


def test_search_key_examples() -> None:
    assert search_key("  سفارتِ جمهوری   فدرال آلمان، تهران  ") == "سفارت جمهوری فدرال المان تهران"
    assert search_key("info@Example.COM") == "info example com"
    assert compact_key("info@Example.COM") == "infoexamplecom"
    assert search_key("℡ İstanbul") == "tel istanbul"
    assert search_key(None) == "" and compact_key("") == ""
    assert search_key("«؟!»") == ""


def test_search_terms() -> None:
    assert search_terms("  سفارت   ژاپن ") == ["سفارت", "ژاپن"]
    assert search_terms("می‌روم") == ["میروم"]
    assert search_terms("سفارت،ایران") == ["سفارتایران"]
    assert search_terms("ژاپن ژاپن") == ["ژاپن"]
    assert search_terms("-- ؟") == []
    assert search_terms(None) == []


def test_index_key_and_matching() -> None:
    key = index_key("سفارت ژاپن", None, "", "Embassy of Japan", "۰۲۱-۸۸۷۷")
    assert key == "سفارتژاپن|embassyofjapan|0218877"
    assert key.split(SEARCH_FIELD_SEPARATOR)[0] == "سفارتژاپن"
    assert matches(key, search_terms("سفارت"))
    assert matches(key, search_terms("ژاپن japan"))  # AND across fields
    assert matches(key, search_terms("سفارت ژا"))  # partial words
    assert matches(key, search_terms("021 8877"))
    assert matches(key, search_terms("٠٢١٨٨٧٧"))
    assert not matches(key, search_terms("ژاپن چین"))
    assert not matches(key, search_terms("ژاپنembassy"))  # never spans two fields
    assert matches(key, [])  # no terms: no filter


@given(st.text())
def test_compact_key_has_no_separators_or_like_wildcards(text: str) -> None:
    key = compact_key(text)
    assert not set(key) & {" ", ZWNJ, "|", "%", "_", "\\"}


# --- properties ------------------------------------------------------------------------

PERSIAN_ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئۀةءيكى"
persian_words = st.text(alphabet=PERSIAN_ALPHABET + "ًٌٍَُِّْٰٔ", min_size=1, max_size=8)
persian_text = st.lists(persian_words, min_size=1, max_size=5).map(" ".join)
mixed_text = st.text(
    alphabet=st.sampled_from(
        list(
            PERSIAN_ALPHABET + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789abcXYZ .,،؛«»-\t\n\u200c\u200d\u200f"
        )
        + ["ﻛ", "ﻲ", "ﻻ", "\ufe70", "\u0640", "\u00a0", "\ufeff"]
    )
)


@settings(max_examples=300)
@given(st.one_of(st.text(), mixed_text))
def test_normalize_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not set(once) & {"\u064a", "\u0649", "\u0643", "\ufeff"}
    assert not any(ch < " " and ch != "\n" or ch == "\x7f" for ch in once)  # no control left
    assert not once.startswith((" ", ZWNJ)) and not once.endswith((" ", ZWNJ))
    assert "  " not in once and ZWNJ * 2 not in once
    assert f"{ZWNJ} " not in once and f" {ZWNJ}" not in once


@settings(max_examples=300)
@given(st.one_of(st.text(), mixed_text))
def test_search_key_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert compact_key(key) == compact_key(text) == key.replace(" ", "")
    assert not any(unicodedata.category(ch) in ("Mn", "Cf") for ch in key)


@given(persian_text, st.data())
def test_search_key_invariant_under_yeh_kaf_swaps(text: str, data: st.DataObject) -> None:
    swaps = {"ی": "ي", "ي": "ی", "ک": "ك", "ك": "ک"}
    swapped = "".join(swaps[ch] if ch in swaps and data.draw(st.booleans()) else ch for ch in text)
    assert search_key(swapped) == search_key(text)


@given(persian_text, st.data())
def test_search_key_invariant_under_zwnj_and_tatweel_insertion(
    text: str, data: st.DataObject
) -> None:
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=5))
    inserted = text
    for position in sorted(positions, reverse=True):
        mark = data.draw(st.sampled_from([ZWNJ, TATWEEL, ZWNJ + ZWNJ]))
        inserted = inserted[:position] + mark + inserted[position:]
    assert compact_key(inserted) == compact_key(text)
    if " " not in text:
        assert search_key(inserted) == search_key(text)


@given(st.lists(persian_words, min_size=1, max_size=4), st.data())
def test_search_key_invariant_under_zwnj_vs_nothing_between_words(
    words: list[str], data: st.DataObject
) -> None:
    joined = "".join(words)
    with_zwnj = ZWNJ.join(words)
    with_space = " ".join(words)
    assert search_key(with_zwnj) == search_key(joined)
    assert compact_key(with_space) == compact_key(joined) == compact_key(with_zwnj)


@given(st.integers(min_value=0, max_value=10**12), persian_words)
def test_search_key_invariant_under_digit_script(number: int, word: str) -> None:
    latin = f"{word} {number}"
    assert search_key(to_persian_digits(latin)) == search_key(latin)
    arabic = latin.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert search_key(arabic) == search_key(latin)
    assert search_key(latin).endswith(str(number))


@given(persian_text)
def test_search_terms_find_their_own_text(text: str) -> None:
    key = index_key("x", text)
    assert matches(key, search_terms(text))
    assert matches(key, search_terms(text.replace(" ", ZWNJ)))


# --- direction helpers -----------------------------------------------------------------


def test_bidi_isolate() -> None:
    assert bidi_isolate("Ali Rezaei") == "\u2068Ali Rezaei\u2069"
    assert bidi_isolate(42) == "\u206842\u2069"
    assert bidi_isolate("") == ""
    assert bidi_isolate(None) == ""
    sentence = f"سفیر {bidi_isolate('Hans Müller')} وارد شد"
    assert sentence.count("\u2068") == sentence.count("\u2069") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سلام", True),
        ("Embassy of سوئیس", True),
        ("علي", True),  # Arabic letters count too
        ("Embassy", False),
        ("۱۴۰۴", False),  # digits alone are not Persian
        ("", False),
        (None, False),
        ("ﻛﺘﺎﺏ", True),
    ],
)
def test_has_persian(text: str | None, expected: bool) -> None:
    assert has_persian(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("info@example.com", True),
        ("Ali Rezaei", True),
        ("Embassy of سوئیس", True),
        ("سفارت Japan", False),
        ("سفارت ژاپن", False),
        ("۱۴۰۴/۰۸/۰۳", False),
        ("+98 21 1234", False),
        ("", False),
        (None, False),
    ],
)
def test_is_probably_latin(text: str | None, expected: bool) -> None:
    assert is_probably_latin(text) is expected


def test_persian_alphabetical_order() -> None:
    from qazvin_diplomacy.core.text import persian_sort_key

    shuffled = ["یمن", "گرجستان", "چین", "ژاپن", "پاکستان", "بلاروس", "کانادا", "آلمان", "ایران"]
    assert sorted(shuffled, key=persian_sort_key) == [
        "آلمان", "ایران", "بلاروس", "پاکستان", "چین", "ژاپن", "کانادا", "گرجستان", "یمن",
    ]  # fmt: skip
    # Spelling variants, ZWNJ and digit scripts do not change the order.
    assert persian_sort_key("كيش") == persian_sort_key("کیش")
    assert persian_sort_key("می\u200cرود") == persian_sort_key("می رود")
    assert persian_sort_key("شرکت ۱۲") == persian_sort_key("شرکت 12")


def test_arabic_indic_digits_are_stored_as_persian() -> None:
    from qazvin_diplomacy.core.text import normalize

    assert normalize("جشن پنجاه بدر ١٤٠٦") == "جشن پنجاه بدر ۱۴۰۶"
    assert normalize("QZ-1404") == "QZ-1404"  # Latin digits stay as typed
