"""core.labels: every enum of core carries a code and both labels, found by what people type."""

from __future__ import annotations

import csv
import importlib
import pkgutil
from enum import Enum
from importlib.resources import files

import pytest

import qazvin_diplomacy.core as core_package
from qazvin_diplomacy.core.agreements import AgreementStatus, Axis
from qazvin_diplomacy.core.contact_rows import parse_contact_row
from qazvin_diplomacy.core.directory import DiplomaticRank, OrganizationKind, Region
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import SOURCE_KIND_FA, FollowUpSource, FollowUpStatus
from qazvin_diplomacy.core.labels import LabelledEnum, LabelledIntEnum
from qazvin_diplomacy.core.precedence import PrecedenceGroup, rank_key_label
from qazvin_diplomacy.core.visits import GiftDirection, VisitStatus


def _core_enums() -> list[type[Enum]]:
    found = []
    for info in pkgutil.iter_modules(core_package.__path__):
        module = importlib.import_module(f"qazvin_diplomacy.core.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Enum)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_core_enum_is_labelled_in_both_languages() -> None:
    enums = _core_enums()
    assert len(enums) >= 20
    for enum in enums:
        assert issubclass(enum, (LabelledEnum, LabelledIntEnum)), enum
        for member in enum:
            assert member.code == member.value
            assert member.label("fa") == member.label_fa and member.label("en") == member.label_en
            assert member.label_fa and member.label_en, member
            if member.value != "":
                assert member.label_en != member.label_fa, member


def test_members_keep_their_codes_and_order() -> None:
    assert VisitStatus("held") is VisitStatus.HELD and VisitStatus.HELD == "held"
    assert str(AgreementStatus.IN_FORCE) == "in_force" and f"{Axis.TOURISM}" == "tourism"
    assert [s.order for s in VisitStatus] == list(range(len(VisitStatus)))
    assert PrecedenceGroup(2) is PrecedenceGroup.ENVOY and PrecedenceGroup.ENVOY < 3
    assert (
        GiftDirection.GIVEN.label_fa == "اهدایی"
        and GiftDirection.RECEIVED.label("en") == "Received"
    )


@pytest.mark.parametrize(
    "typed", ["in_force", "in-force", "IN FORCE", "In force", "نافذ", " نافذ "]
)
def test_find_reads_codes_and_labels_in_any_spelling(typed: str) -> None:
    assert AgreementStatus.find(typed) is AgreementStatus.IN_FORCE


def test_find_and_parse_refuse_unknown_text() -> None:
    assert AgreementStatus.find("") is None and AgreementStatus.find("lost") is None
    with pytest.raises(KnownError) as caught:
        AgreementStatus.parse("lost", "وضعیت", "agreement status")
    assert "«lost» شناخته نشد" in caught.value.message and "in_force (نافذ)" in caught.value.message
    assert "Unknown agreement status 'lost'" in caught.value.message_en


def test_label_of_shows_unknown_codes_as_stored() -> None:
    assert DiplomaticRank.label_of("") == "" and DiplomaticRank.label_of(None) == ""
    assert DiplomaticRank.label_of("pope") == "pope"
    assert OrganizationKind.label_of("guild", "en") == "guild" and Region.label_of("moon") == "moon"
    assert FollowUpStatus.label_of("stuck") == "stuck"
    assert FollowUpSource.label_of("call", "en") == "call"
    assert FollowUpSource.label_of("") == "—" and FollowUpSource.label_of("visit", "en") == "Visit"


def test_directory_and_followup_labels_in_both_languages() -> None:
    for enum in (DiplomaticRank, OrganizationKind, FollowUpStatus):
        for member in enum:
            assert enum.label_of(member.value) == member.label_fa
            assert enum.label_of(member.value, "en") not in ("", member.value, member.label_fa)
    assert {s.value: s.label_fa for s in FollowUpSource} == SOURCE_KIND_FA
    regions = {r["region"] for r in csv.DictReader(_countries_csv().splitlines())}
    for region in regions:
        assert Region.label_of(region) != region and Region.label_of(region, "en") != region
    assert Region.label_of("latin_america") == "آمریکای لاتین"
    assert Region.label_of("latin_america", "en") == "Latin America"
    assert rank_key_label("minister_counsellor", "en") == "Minister-Counsellor"


def test_english_rank_labels_are_read_back_by_the_import() -> None:
    for rank in DiplomaticRank:
        for typed in (rank.label_en, rank.label_fa, rank.value):
            row, issues = parse_contact_row(2, {"name": "Ana Silva", "diplomatic_rank": typed})
            assert issues == [] and row is not None and row.diplomatic_rank == rank.value


def _countries_csv() -> str:
    return files("qazvin_diplomacy.data").joinpath("countries.csv").read_text("utf-8")
