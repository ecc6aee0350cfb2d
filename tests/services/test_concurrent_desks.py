"""Two desks on one database: a stale save names the table and row, the audit trail says who
changed it last, and the change marker moves when the other desk writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from qazvin_diplomacy.core.actor import acting_as
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.errors import StaleRecordError
from qazvin_diplomacy.services import audit as audit_service
from qazvin_diplomacy.services import directory as directory_service
from qazvin_diplomacy.services.connection import open_database


@pytest.fixture
def other_desk(database_target: Path | str, tmp_path: Path, db):
    """A second handle on the same database, as another desk opens it."""
    handle = open_database(
        database_target,
        backups_dir=tmp_path / "desk2-backups",
        attachments_dir=tmp_path / "desk2-attachments",
    )
    yield handle
    handle.close()


def test_stale_save_names_the_row_and_its_last_writer(db, other_desk) -> None:
    with acting_as("zahra"):
        org = directory_service.save_organization(
            db, org=OrganizationInput(name_fa="اتاق بازرگانی")
        )
    with acting_as("maryam"):
        directory_service.save_organization(
            other_desk,
            org=OrganizationInput(name_fa="اتاق بازرگانی قزوین", id=org.id, version=org.version),
        )
    with acting_as("zahra"), pytest.raises(StaleRecordError) as caught:
        directory_service.save_organization(
            db, org=OrganizationInput(name_fa="اتاق تعاون", id=org.id, version=org.version)
        )
    assert (caught.value.entity, caught.value.entity_id) == ("organization", str(org.id))
    last = audit_service.last_change(db, entity="organization", entity_id=org.id)
    assert last is not None and last.actor == "maryam" and last.action == "update"
    assert directory_service.get_organization(db, org.id).name_fa == "اتاق بازرگانی قزوین"


def test_last_change_of_a_row_never_written_is_none(db) -> None:
    assert audit_service.last_change(db, entity="organization", entity_id=987654) is None


def test_change_marker_moves_when_another_desk_writes(db, other_desk) -> None:
    before = audit_service.change_marker(db)
    assert audit_service.change_marker(db) == before  # reading moves nothing
    directory_service.save_organization(other_desk, org=OrganizationInput(name_fa="شهرداری"))
    after = audit_service.change_marker(db)
    assert after > before
    assert audit_service.change_marker(other_desk) == after


def test_a_shared_attachments_folder_out_of_reach_is_said_as_such(
    database_target: Path | str, tmp_path: Path
) -> None:
    """The share holding every desk's attachments went away: the refusal names the folder,
    not the clerk's file, and nothing is made in its place."""
    from qazvin_diplomacy.core.errors import KnownError, ValidationError
    from qazvin_diplomacy.services.attachments import add_attachment
    from qazvin_diplomacy.services.connection import check_shared_folder

    blocker = tmp_path / "share"
    blocker.write_text("not a folder")  # mkdir under it fails, as under a share gone offline
    gone = blocker / "qazvin"
    with pytest.raises(KnownError) as refused:
        check_shared_folder(gone)
    assert str(gone) in str(refused.value) and "در دسترس نیست" in str(refused.value)
    source = tmp_path / "letter.pdf"
    source.write_bytes(b"%PDF-1.4 letter")
    handle = open_database(database_target, backups_dir=tmp_path / "b", attachments_dir=gone)
    try:
        with pytest.raises(ValidationError) as caught:
            add_attachment(handle, owner_kind="visit", owner_id=None, source=source)
    finally:
        handle.close()
    message = caught.value.errors["file"]
    assert str(gone) in message and "letter.pdf" in message and "خوانده نشد" not in message
    assert blocker.read_text() == "not a folder"
    assert check_shared_folder(tmp_path) == tmp_path  # a reachable folder is accepted


def test_two_desks_numbering_one_meetings_resolutions_take_turns(
    db, other_desk, monkeypatch
) -> None:
    """The second desk's save waits for the first one's number instead of taking it too."""
    import threading
    import time

    from qazvin_diplomacy.core.jalali import from_jalali
    from qazvin_diplomacy.core.meetings import MeetingInput, ResolutionInput, SeriesInput
    from qazvin_diplomacy.services import meetings as meetings_service
    from qazvin_diplomacy.services.meetings import resolutions as resolutions_module

    series = meetings_service.save_series(db, series=SeriesInput("کارگروه توسعه صادرات"))
    meeting = meetings_service.save_meeting(
        db, meeting=MeetingInput(series_id=series.id, meeting_date=from_jalali(1404, 8, 3))
    )
    first_inside = threading.Event()
    real_check = resolutions_module.another_with

    def slow_check(*args, **kwargs):  # the first desk pauses after reading the highest number
        if threading.current_thread().name == "desk-1":
            first_inside.set()
            time.sleep(1.0)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(resolutions_module, "another_with", slow_check)
    numbers: dict[str, str] = {}
    failures: list[BaseException] = []

    def save(handle, name: str, text: str) -> None:
        try:
            view = meetings_service.save_resolution(
                handle, resolution=ResolutionInput(meeting.id, text)
            )
            numbers[name] = view.number
        except BaseException as exc:  # reported below
            failures.append(exc)

    one = threading.Thread(target=save, args=(db, "one", "تشکیل کنسرسیوم"), name="desk-1")
    one.start()
    assert first_inside.wait(30)
    save(other_desk, "two", "مطالعهٔ بازار عراق")
    one.join(30)
    assert not failures, failures
    assert sorted(numbers.values()) == sorted(set(numbers.values())) and len(numbers) == 2
