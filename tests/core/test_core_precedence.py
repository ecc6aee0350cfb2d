"""Order of precedence: Vienna classes, art. 16 dates, ad interim, rank table, flags, overrides."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import pytest

from qazvin_diplomacy.core.clock import TEHRAN, from_local
from qazvin_diplomacy.core.precedence import (
    DEFAULT_RANK_TABLE,
    FlagKind,
    PrecedenceCandidate,
    PrecedenceGroup,
    order_of_precedence,
    rank_in_table,
)


def _directory() -> dict[str, PrecedenceCandidate]:
    text = (
        resources.files("qazvin_diplomacy.data").joinpath("demo_directory.json").read_text("utf-8")
    )
    people = {}
    for p in json.loads(text)["people"]:
        started = p.get("functions_started_at")
        people[p["key"]] = PrecedenceCandidate(
            key=p["key"],
            name=p["name_fa"],
            diplomatic_rank=p.get("diplomatic_rank"),
            functions_started_at=from_local(datetime.fromisoformat(started)) if started else None,
            title_fa=p.get("title_fa", ""),
            title_en=p.get("title_en", ""),
        )
    return people


DIR = _directory()


def cand(
    key: str, rank: str | None, started: datetime | None = None, title: str = ""
) -> PrecedenceCandidate:
    return PrecedenceCandidate(
        key=key, name=key, diplomatic_rank=rank, functions_started_at=started, title_fa=title
    )


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TEHRAN)


def test_classes_come_in_vienna_order_whatever_the_dates() -> None:
    people = [
        cand("cda", "charge_daffaires", at(2010, 1, 1)),
        cand("envoy", "envoy", at(2011, 1, 1)),
        cand("amb", "ambassador", at(2024, 1, 1)),
        cand("ai", "charge_ad_interim", at(2000, 1, 1)),
    ]
    result = order_of_precedence(people)
    assert result.order == ("amb", "envoy", "cda", "ai")
    assert [e.group for e in result.entries] == [
        PrecedenceGroup.AMBASSADOR,
        PrecedenceGroup.ENVOY,
        PrecedenceGroup.CHARGE_DAFFAIRES,
        PrecedenceGroup.CHARGE_AD_INTERIM,
    ]
    assert result.flags == ()


def test_ambassadors_by_date_of_taking_up_functions() -> None:
    keys = ["uz_amb", "ru_amb", "iq_amb", "kz_amb", "tr_amb"]
    result = order_of_precedence([DIR[k] for k in keys])
    # 2020-12-02 KZ, 2021-06-15 RU, 2022-05-17 TR, 2022-11-08 IQ, 2024-06-04 UZ
    assert result.order == ("kz_amb", "ru_amb", "tr_amb", "iq_amb", "uz_amb")
    assert "۱۳۹۹" in result.entries[0].reason_fa  # 2 Dec 2020 = 12 Azar 1399


def test_same_day_different_times_is_decided_by_the_time() -> None:
    tj, by = DIR["tj_amb"], DIR["by_amb"]
    assert tj.functions_started_at.date() == by.functions_started_at.date()
    result = order_of_precedence([by, tj])
    assert result.order == ("tj_amb", "by_amb")  # 10:30 before 11:15
    assert result.flags == ()


def test_an_identical_moment_is_a_tie_flagged_not_guessed() -> None:
    moment = at(2023, 9, 12, 10, 30)
    people = [
        cand("b", "ambassador", moment),
        cand("a", "ambassador", moment),
        cand("c", "ambassador", at(2020, 1, 1)),
    ]
    result = order_of_precedence(people)
    assert result.order == ("c", "b", "a")  # the tie keeps the order given
    (flag,) = result.flags
    assert flag.kind is FlagKind.TIE and set(flag.keys) == {"a", "b"} and not flag.resolved
    assert "تعیین" in flag.message_fa
    assert [e.flagged for e in result.entries] == [False, True, True]


def test_same_day_without_a_recorded_hour_is_a_tie() -> None:
    people = [
        cand("x", "ambassador", at(2023, 9, 12, 0, 0)),
        cand("y", "ambassador", at(2023, 9, 12, 11, 0)),
    ]
    (flag,) = order_of_precedence(people).flags
    assert flag.kind is FlagKind.TIE


def test_ad_interim_follows_every_head_and_a_missing_date_is_flagged() -> None:
    keys = ["om_cai", "af_cda", "cn_amb", "by_amb", "tj_amb"]
    result = order_of_precedence([DIR[k] for k in keys])
    assert result.order == ("cn_amb", "tj_amb", "by_amb", "af_cda", "om_cai")
    (flag,) = result.flags
    assert flag.kind is FlagKind.MISSING_DATE and flag.keys == ("om_cai",)
    assert "ثبت" in flag.message_fa
    assert result.entries[-1].group is PrecedenceGroup.CHARGE_AD_INTERIM


def test_an_ambassador_without_date_goes_last_of_the_class_and_is_flagged() -> None:
    people = [
        cand("nodate", "ambassador"),
        cand("dated", "ambassador", at(2024, 1, 1)),
        cand("env", "envoy", at(2000, 1, 1)),
    ]
    result = order_of_precedence(people)
    assert result.order == ("dated", "nodate", "env")
    assert [f.kind for f in result.flags] == [FlagKind.MISSING_DATE]


def test_other_guests_by_the_rank_table() -> None:
    keys = [
        "ru_first",
        "tj_econ",
        "ru_mc",
        "nozari",
        "soltaninejad",
        "safikhani",
        "golivand",
        "ru_amb",
        "rajabi",
    ]
    result = order_of_precedence([DIR[k] for k in keys])
    assert result.order[0] == "ru_amb"
    others = result.order[1:]
    # governor, deputy governor (by the English title), MFA office head, director-general,
    # then diplomats by rank, then a managing director.
    assert others == (
        "nozari",
        "safikhani",
        "golivand",
        "soltaninejad",
        "ru_mc",
        "tj_econ",
        "ru_first",
        "rajabi",
    )
    assert all(e.group is PrecedenceGroup.RANKED for e in result.entries[1:])


def test_rank_table_matching_ignores_spelling_variants() -> None:
    # Arabic Yeh/Kaf and a ZWNJ where the table has none.
    person = PrecedenceCandidate(key=1, title_fa="مدير‌كل امور بین‌الملل")
    assert rank_in_table(person) == ("مدیرکل", DEFAULT_RANK_TABLE["مدیرکل"])
    # The longest key wins: «معاون استاندار» over «معاون» and «استاندار».
    deputy = PrecedenceCandidate(key=2, title_fa="معاون استاندار و فرماندار ویژه")
    assert rank_in_table(deputy) == ("معاون استاندار", 20)


def test_same_rank_and_unknown_rank_are_flagged() -> None:
    people = [
        cand("dg1", None, title="مدیرکل میراث فرهنگی"),
        cand("dg2", None, title="مدیرکل امور بین‌الملل"),
        cand("poet", None, title="شاعر"),
    ]
    result = order_of_precedence(people)
    assert result.order == ("dg1", "dg2", "poet")
    kinds = {f.kind: f for f in result.flags}
    assert set(kinds) == {FlagKind.SAME_RANK, FlagKind.NO_RANK}
    assert kinds[FlagKind.SAME_RANK].keys == ("dg1", "dg2")
    assert result.entries[-1].group is PrecedenceGroup.UNRANKED


def test_an_office_table_replaces_the_default() -> None:
    people = [cand("a", None, title="مدیرکل"), cand("b", None, title="شاعر")]
    result = order_of_precedence(people, table={"شاعر": 1, "مدیرکل": 2})
    assert result.order == ("b", "a") and result.flags == ()


def test_a_manual_override_resolves_a_tie_and_is_kept() -> None:
    moment = at(2023, 9, 12, 10, 30)
    people = [
        cand("first", "ambassador", at(2020, 1, 1)),
        cand("a", "ambassador", moment),
        cand("b", "ambassador", moment),
        cand("ai", "charge_ad_interim"),
    ]
    result = order_of_precedence(people, override=["b", "a"])
    assert result.order == ("first", "b", "a", "ai")
    tie = next(f for f in result.flags if f.kind is FlagKind.TIE)
    assert tie.resolved and tie.keys == ("b", "a")
    missing = next(f for f in result.flags if f.kind is FlagKind.MISSING_DATE)
    assert not missing.resolved
    assert result.open_flags == (missing,)
    assert [e.overridden for e in result.entries] == [False, True, True, False]


def test_override_keeps_positions_of_others_and_ignores_unknown_keys() -> None:
    people = [cand(k, "ambassador", at(2020 + i, 1, 1)) for i, k in enumerate("ABCD")]
    result = order_of_precedence(people, override=["C", "zzz", "A"])
    assert result.order == ("C", "B", "A", "D")


def test_duplicate_keys_are_a_bug() -> None:
    with pytest.raises(ValueError):
        order_of_precedence([cand("a", None), cand("a", None)])


def test_reasons_name_diplomatic_ranks_by_label_in_each_language() -> None:
    from qazvin_diplomacy.core.precedence import rank_key_label

    mc = PrecedenceCandidate(1, name="رایزن", diplomatic_rank="minister_counsellor")
    titled = PrecedenceCandidate(2, name="شهردار", title_fa="شهردار قزوین")
    result = order_of_precedence([mc, titled])
    entry = {e.key: e for e in result.entries}
    assert entry[1].reason_fa == "جدول رتبه‌ها: «رایزن وزیر» (رتبهٔ ۱۰۰)"
    assert entry[1].reason_en == "Rank table: 'Minister-Counsellor' (order 100)"
    assert "minister_counsellor" not in entry[1].reason_fa + entry[1].reason_en
    assert "«شهردار»" in entry[2].reason_fa  # a title row is shown as typed
    assert entry[2].reason_en == "Rank table: 'شهردار' (order 55)"  # no English title
    governor = PrecedenceCandidate(3, title_fa="استاندار قزوین", title_en="Governor of Qazvin")
    (only,) = order_of_precedence([governor]).entries
    assert "«استاندار»" in only.reason_fa
    assert only.reason_en == "Rank table: 'Governor' (order 10)"
    assert rank_key_label("charge_ad_interim", "en") == "Chargé d'Affaires a.i."
    assert rank_key_label("شهردار", "en") == "شهردار"


def test_english_flag_messages_use_english_names() -> None:
    a = PrecedenceCandidate(
        1, name="حسین اوزتورک", name_en="Huseyin Ozturk", diplomatic_rank="ambassador"
    )
    b = PrecedenceCandidate(
        2,
        name="هیروشی تاناکا",
        name_en="Hiroshi Tanaka",
        diplomatic_rank="ambassador",
        functions_started_at=datetime(2023, 1, 1, 10, tzinfo=TEHRAN),
    )
    result = order_of_precedence([a, b])
    (flag,) = result.flags
    assert flag.kind is FlagKind.MISSING_DATE
    assert "Huseyin Ozturk" in flag.message_en and "اوزتورک" not in flag.message_en
    assert "حسین اوزتورک" in flag.message_fa


def test_rank_row_key_reads_a_rank_label_back_as_its_key() -> None:
    from qazvin_diplomacy.core.precedence import rank_key_label, rank_row_key

    assert rank_row_key("رایزن وزیر") == "minister_counsellor"
    assert rank_row_key("Minister Counsellor") == "minister_counsellor"
    assert rank_row_key("first_secretary") == "first_secretary"
    assert rank_row_key("شهردار") == "شهردار"
    for key in ("consul_general", "attache", "second_secretary"):
        assert rank_row_key(rank_key_label(key, "fa")) == key
        assert rank_row_key(rank_key_label(key, "en")) == key
