"""File names Windows accepts: device names are found before the first dot."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.filenames import is_reserved_name, safe_filename


@pytest.mark.parametrize(
    "name",
    [
        "NUL.tar.gz",
        "AUX.scan.pdf",
        "con.txt",
        "CON",
        "nul .txt",
        "PRN  .report.pdf",
        "COM1.csv",
        "LPT9",
        "COM0.xlsx",
        "LPT0",
        "COM¹.txt",
        "LPT³",
        "CONIN$.log",
        "conout$",
    ],
)
def test_windows_device_names_are_recognised(name: str) -> None:
    assert is_reserved_name(name)
    made = safe_filename(name)
    assert made.startswith("_") and not is_reserved_name(made)


@pytest.mark.parametrize(
    "name",
    [
        "CONTRACT.pdf",
        "nullable.txt",
        "AUXILIARY.tar.gz",
        "COM10.txt",
        "report.NUL",
        "my.AUX.pdf",
        "کنسول.pdf",
        ".nul",
    ],
)
def test_ordinary_names_are_left_alone(name: str) -> None:
    assert not is_reserved_name(name)
    assert safe_filename(name) == name.rstrip(". ")


def test_trailing_dots_and_spaces_go_before_the_check() -> None:
    assert safe_filename("NUL. . ") == "_NUL"
    assert safe_filename("AUX.scan.pdf. ") == "_AUX.scan.pdf"
