"""Language codes stored on a contact are read as language names."""

from __future__ import annotations

from datetime import UTC, datetime

from qazvin_diplomacy.core.clock import from_local, time_recorded
from qazvin_diplomacy.core.languages import language_names


def test_codes_become_names_in_the_reader_language() -> None:
    assert language_names("hy, ru, en, fa") == "ارمنی، روسی، انگلیسی، فارسی"
    assert language_names("hy, ru, en, fa", "en") == "Armenian, Russian, English, Persian"
    assert language_names("RU،AR; tg") == "روسی، عربی، تاجیکی"


def test_names_already_written_and_empty_text_are_kept() -> None:
    assert language_names("فرانسوی, en") == "فرانسوی، انگلیسی"
    assert language_names("Esperanto", "en") == "Esperanto"
    assert language_names("") == ""


def test_midnight_in_tehran_means_only_the_date_is_known() -> None:
    assert not time_recorded(from_local(datetime(2025, 3, 1)))
    assert time_recorded(from_local(datetime(2025, 3, 1, 10, 30)))
    assert time_recorded(datetime(2025, 3, 1, tzinfo=UTC))  # 03:30 in Tehran


def test_names_go_back_to_codes() -> None:
    from qazvin_diplomacy.core.languages import language_codes

    assert language_codes("ارمنی، روسی، English, Persian") == "hy, ru, en, fa"
    assert language_codes(language_names("tg, uz", "en")) == "tg, uz"
    assert language_codes("Esperanto") == "Esperanto"
    assert language_codes("") == ""
