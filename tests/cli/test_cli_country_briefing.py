"""``report country-briefing`` and ``report markets-map`` from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_briefing_pdf_and_word_and_the_atlas(iraq_on_record, database_target, tmp_path) -> None:
    pdf, word, atlas = tmp_path / "iq.pdf", tmp_path / "krg.docx", tmp_path / "atlas.pdf"
    done = cli("report", "country-briefing", "--db", str(database_target), "--country", "IQ",
               "--out", str(pdf))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(pdf).pages) >= 2
    done = cli("report", "country-briefing", "--db", str(database_target), "--country", "iraq",
               "--region", "۱", "--out", str(word))  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "گزارش توجیهی کشور: عراق — اقلیم کردستان عراق" in text
    done = cli("report", "markets-map", "--db", str(database_target), "--out", str(atlas))
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(atlas).pages) >= 3  # two maps, the table


def test_refusals_are_one_line_and_leave_the_file_as_it_was(
    iraq_on_record, database_target, tmp_path
) -> None:
    out = tmp_path / "b.pdf"
    out.write_bytes(b"earlier")
    for extra, words in (
        (("--country", "ZZ"), "ZZ"),
        (("--country", "IQ", "--region", str(iraq_on_record["sughd"])), "سغد"),
        (("--country", "IQ", "--region", "0"), "شناسهٔ منطقه"),
    ):
        done = cli("report", "country-briefing", "--db", str(database_target), *extra,
                   "--out", str(out))  # fmt: skip
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], done.stderr
        assert "Traceback" not in done.stderr
        assert out.read_bytes() == b"earlier"
    done = cli("report", "markets-map", "--db", str(database_target), "--out", str(out),
               "--year", "سال")  # fmt: skip
    assert done.returncode != 0 and out.read_bytes() == b"earlier"
