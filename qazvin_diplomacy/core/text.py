"""Persian text: digits, normalisation for storage, keys for search, bidi helpers.

Two different jobs, two different functions:

* :func:`normalize` is for **storage**.  It only fixes what is never intended (Arabic
  Yeh/Kaf, presentation-form glyphs, runs of spaces, stray ZWNJs) and keeps everything a
  person typed on purpose: ZWNJ inside words (``می‌روم``), diacritics and the ezafe hamza
  (``خانهٔ``), digits in their script.
* :func:`search_key` / :func:`compact_key` / :func:`search_terms` are for **matching**.
  They forget every difference DOMAIN.md says search must ignore: Arabic vs Persian letters,
  آ/أ/إ vs ا, ة/ۀ vs ه, ؤ vs و, ئ vs ی, hamza, diacritics, tatweel, ZWNJ vs space vs
  nothing, digit scripts, Latin case and accents, punctuation.

How to search (the rule the storage and services layers follow)
----------------------------------------------------------------
Store, per record, ``index_key(field1, field2, …)``: the :func:`compact_key` of each
searchable field joined by ``SEARCH_FIELD_SEPARATOR`` (``|``).  A compact key has no
spaces, no ZWNJ and no punctuation, so «می‌روم», «می روم» and «میروم» all give ``میروم``,
and ``|``, ``%`` and ``_`` can never occur inside it (no LIKE escaping is needed and a match
never spans two fields).  To query, split the user's text with :func:`search_terms` (one
compact key per typed word) and require every term as a substring of the stored key
(``key LIKE '%' || term || '%'`` for each term, ANDed; an FTS5 trigram index on the key
accelerates terms of three or more characters).  :func:`matches` does the same in Python.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "ARABIC_INDIC_DIGITS",
    "LATIN_DIGITS",
    "PERSIAN_DIGITS",
    "SEARCH_FIELD_SEPARATOR",
    "ZWNJ",
    "bidi_isolate",
    "compact_key",
    "has_persian",
    "index_key",
    "is_probably_latin",
    "matches",
    "normalize",
    "search_key",
    "search_terms",
    "strip_controls",
    "persian_sort_key",
    "persian_collation",
    "cut_variants",
    "MIN_CUT_PIECE",
    "to_latin_digits",
    "to_persian_digits",
]

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

ZWNJ = "\u200c"
FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
SEARCH_FIELD_SEPARATOR = "|"

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)


def to_persian_digits(text: object) -> str:
    """Return ``text`` (any object, via ``str``) with Latin and Arabic-Indic digits as Persian."""
    return str(text).translate(_TO_PERSIAN)


def to_latin_digits(text: object) -> str:
    """Return ``text`` with Persian and Arabic-Indic digits as Latin ``0-9``."""
    return str(text).translate(_TO_LATIN)


# --- storage normalisation -------------------------------------------------------------

# Arabic letters that have a distinct Persian twin: stored text uses the Persian one.
_ARABIC_TO_PERSIAN = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ARABIC LETTER ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
        "\ufeff": None,  # BYTE ORDER MARK / ZWNBSP left by copy-paste: never meaningful
        # Arabic-Indic digits (an Arabic keyboard layout) -> Persian digits: ٤٥٦ are drawn
        # differently from ۴۵۶ and a Persian text never means them.
        **dict(zip(ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, strict=True)),
    }
)
# Arabic presentation forms A (U+FB50–FDFF) and B (U+FE70–FEFF): glyph variants of base
# letters.  Only these characters are NFKC-folded: NFKC on the whole string would also
# compose «ه» + hamza-above into «ۀ» and rewrite other characters a person typed on purpose.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Horizontal white space other than the plain space (tab, NBSP, the U+2000 spaces …).
_HSPACE = re.compile("[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+")
# C0 control characters other than tab, line feed and carriage return, and DEL: never typed on
# purpose (a pasted bell or NUL), invisible on screen and not allowed in an .xlsx (XML 1.0).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ZWNJ_RUN = re.compile(ZWNJ + "{2,}")
_ZWNJ_BY_SPACE = re.compile(ZWNJ + "?([ \n])" + ZWNJ + "?")
_SPACES_AROUND_NEWLINE = re.compile(" *\n *")


def _fold_presentation_form(match: re.Match[str]) -> str:
    folded = unicodedata.normalize("NFKC", match.group())
    # Isolated forms of harakat (U+FE70…) fold to space + mark; keep the mark only.
    return folded.lstrip(" ") or folded


def strip_controls(text: str) -> str:
    """``text`` without C0 control characters (tab, line feed and carriage return kept) and DEL.

    :func:`normalize` applies it to everything stored; the export applies it to every cell, as
    a database written before may still hold them (one would break every .xlsx export).
    """
    return _CONTROLS.sub("", text)


def normalize(text: str | None) -> str:
    """Text as it should be stored: the same words a person typed, without invisible noise.

    Arabic ي/ى → ی and ك → ک; Arabic presentation forms → base letters; every run of
    spaces/tabs (NBSP and other Unicode spaces included) → one space; line breaks kept
    (``\\r\\n`` → ``\\n``) without spaces around them; other control characters (a bell, NUL,
    escape …) removed (vertical tab and form feed count as spaces); ZWNJ kept inside words but removed
    beside a space or line break, at either end, and when doubled; trimmed.  ``None`` → ``""``.
    Arabic-Indic digits → Persian digits; Latin digits (codes, numbers in Latin text),
    diacritics and ezafe (``خانهٔ``) stay as typed.  Idempotent.
    """
    if text is None:
        return ""
    text = str(text)
    text = _PRESENTATION_FORMS.sub(_fold_presentation_form, text)
    text = text.translate(_ARABIC_TO_PERSIAN)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HSPACE.sub(" ", text)
    text = strip_controls(text)
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    text = _ZWNJ_BY_SPACE.sub(r"\1", text)
    text = _HSPACE.sub(" ", text)
    text = _SPACES_AROUND_NEWLINE.sub("\n", text)
    return text.strip(" \n" + ZWNJ)


# --- alphabetical order ----------------------------------------------------------------

# The Persian alphabet in dictionary order (آ before ا, then ب پ ت …): Unicode puts پ چ ژ گ
# and the Persian ک ی after every Arabic letter, so code-point order misplaces them.
_PERSIAN_ALPHABET = "آاأإبپتثجچحخدذرزژسشصضطظعغفقکگلمنوؤهةۀیئء"
_SORT_LETTERS = str.maketrans(
    {
        **{ch: chr(0xE000 + i) for i, ch in enumerate(_PERSIAN_ALPHABET)},
        ZWNJ: " ",  # «می‌رود» sorts as «می رود»
        "ـ": None,  # tatweel
        **{chr(c): None for c in range(0x064B, 0x0653)},  # diacritics
    }
)


@functools.lru_cache(maxsize=65536)
def persian_sort_key(text: str | None) -> str:
    """A key that orders Persian text alphabetically (پ after ب, گ after ک, ی last …).

    Yeh/Kaf variants, ZWNJ, tatweel, diacritics and digit scripts do not change the order;
    Latin letters and digits sort before Persian letters.  Used by the SQL collation
    ``persian`` (``storage.database``) and by sorts in Python.
    """
    folded = normalize(text).translate(_TO_LATIN).casefold()
    return folded.translate(_SORT_LETTERS)


def persian_collation(a: str | None, b: str | None) -> int:
    """SQLite collation function: -1, 0 or 1 by :func:`persian_sort_key`."""
    ka, kb = persian_sort_key(a), persian_sort_key(b)
    return (ka > kb) - (ka < kb)


# --- search keys -----------------------------------------------------------------------

# Letters that search treats as one: applied after NFKD, which has already split آ أ إ ؤ
# ئ ۀ into a base letter plus a combining mark that is then dropped.
_SEARCH_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي -> ی (ئ decomposes to ي + hamza)
        "\u0649": "\u06cc",  # ى -> ی
        "\u06d2": "\u06cc",  # ے YEH BARREE -> ی
        "\u0643": "\u06a9",  # ك -> ک
        "\u06aa": "\u06a9",  # ڪ SWASH KAF -> ک
        "\u0629": "\u0647",  # ة TEH MARBUTA -> ه
        "\u06d5": "\u0647",  # ە AE (ۀ decomposes to ە + hamza) -> ه
        "\u06c1": "\u0647",  # ہ HEH GOAL -> ه
        "\u0671": "\u0627",  # ٱ ALEF WASLA -> ا
        "\u0621": None,  # ء HAMZA: dropped
        "\u0640": None,  # ـ TATWEEL: dropped
    }
)


def _search_char(ch: str) -> str:
    """Map one NFKD, case-folded, letter-unified character to its search form."""
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf"):
        # Harakat, hamza above/below, maddah, superscript alef, Latin accents (Mn);
        # ZWNJ, ZWJ, bidi marks, soft hyphen (Cf): invisible to search.
        return ""
    if category[0] in "PSZ" or category == "Cc":
        # Punctuation, symbols, separators and control characters separate words.
        return " "
    return ch


_SEARCH_CACHE: dict[str, str] = {}


def _search_map(ch: str) -> str:
    mapped = _SEARCH_CACHE.get(ch)
    if mapped is None:
        mapped = _search_char(ch)
        if len(_SEARCH_CACHE) < 65536:
            _SEARCH_CACHE[ch] = mapped
    return mapped


_SPACES = re.compile(" +")


def search_key(text: str | None) -> str:
    """Key for matching: words separated by single spaces, every ignorable difference gone.

    The rules, in order: :func:`normalize`; NFKD; case-folding; then combining
    marks (Arabic diacritics, hamza above/below, maddah, superscript alef, Latin accents)
    and format characters (ZWNJ, ZWJ, bidi marks) are dropped; آ أ إ ٱ → ا, ة ۀ ە → ه,
    ؤ → و, ئ ي ى → ی, ك → ک; hamza ء and tatweel ـ dropped; Persian and Arabic-Indic
    digits → Latin; punctuation and symbols → space; spaces collapsed and trimmed.

    ZWNJ is *removed* (the two halves of «می‌روم» are one word: key ``میروم``) while a space
    stays a word break (``می روم``).  Use :func:`compact_key` to also ignore spaces.
    Idempotent.
    """
    # NFKD before case-folding: compatibility decompositions can yield capitals (℡ → TEL).
    # (Case-folding NFKD text yields no decomposable character: checked for every code point.)
    key = unicodedata.normalize("NFKD", normalize(text)).casefold()
    key = to_latin_digits(key.translate(_SEARCH_LETTERS))
    key = "".join(_search_map(ch) for ch in key)
    key = _SPACES.sub(" ", key).strip(" ")
    return key


def compact_key(text: str | None) -> str:
    """:func:`search_key` without any spaces: «می‌روم», «می روم», «میروم» all give ``میروم``.

    This is the key to store and to match by substring; it contains no spaces, no ZWNJ and no
    punctuation (so never ``|``, ``%`` or ``_``).
    """
    return search_key(text).replace(" ", "")


def search_terms(query: str | None) -> list[str]:
    """Split a typed query into compact-key terms for AND-matching, in order, without repeats.

    The query is split on white space only (a ZWNJ does not split), then each word is
    reduced with :func:`compact_key`; words that reduce to nothing (pure punctuation) are
    dropped.  An empty list means "no filter".
    """
    terms: list[str] = []
    for word in normalize(query).split():
        term = compact_key(word)
        if term and term not in terms:
            terms.append(term)
    return terms


#: The shortest piece a glued query term is cut into (see :func:`cut_variants`): shorter
#: pieces («کار» + «دار») occur in nearly every record and would only add noise.
MIN_CUT_PIECE = 4


def cut_variants(terms: list[str], pieces: int = 2) -> list[list[str]]:
    """``terms`` with one term cut into ``pieces`` parts, for words typed without a space.

    «سفیرتاجیکستان» → [«سفیر», «تاجیکستان»], [«سفیرت», «اجیکستان»] … : every part has at least
    :data:`MIN_CUT_PIECE` characters; balanced cuts come first (two real words are likelier
    than a word and a fragment).  Repeated terms are dropped from each variant.
    """
    low = MIN_CUT_PIECE
    variants: list[tuple[int, list[str]]] = []
    for index, term in enumerate(terms):
        n = len(term)
        if n < pieces * low:
            continue
        if pieces == 2:
            cuts = [(term[:i], term[i:]) for i in range(low, n - low + 1)]
        else:
            cuts = [
                (term[:i], term[i:j], term[j:])
                for i in range(low, n - 2 * low + 1)
                for j in range(i + low, n - low + 1)
            ]
        for parts in cuts:
            spread = max(map(len, parts)) - min(map(len, parts))
            replaced = [*terms[:index], *parts, *terms[index + 1 :]]
            variants.append((spread, list(dict.fromkeys(replaced))))
    variants.sort(key=lambda v: v[0])
    return [v for _, v in variants]


def index_key(*fields: object) -> str:
    """The stored search key of a record: compact keys of its non-empty fields joined by ``|``."""
    keys = (compact_key(None if field is None else str(field)) for field in fields)
    return SEARCH_FIELD_SEPARATOR.join(key for key in keys if key)


def matches(stored_key: str, terms: list[str]) -> bool:
    """Whether every term (from :func:`search_terms`) occurs in ``stored_key`` (from :func:`index_key`)."""
    return all(term in stored_key for term in terms)


# --- direction -------------------------------------------------------------------------


def bidi_isolate(text: object) -> str:
    """Wrap ``text`` in FSI … PDI so a Latin name or number keeps its order inside a Persian sentence.

    Empty text stays empty.
    """
    text = "" if text is None else str(text)
    return f"{FSI}{text}{PDI}" if text else ""


def _is_arabic_script_letter(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "AL" and unicodedata.category(ch)[0] == "L"


def has_persian(text: str | None) -> bool:
    """Whether ``text`` contains a Persian (Arabic-script) letter; digits alone do not count."""
    return any(_is_arabic_script_letter(ch) for ch in text or "")


def is_probably_latin(text: str | None) -> bool:
    """Whether ``text`` reads left-to-right: it has more LTR letters than RTL ones.

    For choosing a field's direction: ``"info@example.com"`` and ``"Ali Rezaei"`` are Latin,
    ``"سفارت Japan"`` is not; text without letters (digits, empty) is not.
    """
    ltr = rtl = 0
    for ch in text or "":
        if unicodedata.category(ch)[0] != "L":
            continue
        direction = unicodedata.bidirectional(ch)
        if direction == "L":
            ltr += 1
        elif direction in ("R", "AL"):
            rtl += 1
    return ltr > rtl
