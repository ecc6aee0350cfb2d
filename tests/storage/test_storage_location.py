"""Where the database lives: USB disks that call themselves fixed, shares, folders not made yet.

The Windows answers (``GetDriveTypeW``, the storage bus type) are patched: the functions that
ask Windows are the only part that cannot run here.
"""

from __future__ import annotations

import struct
from pathlib import Path, PureWindowsPath

import pytest

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.storage import location
from qazvin_diplomacy.storage.database import Database

DRIVE_FIXED = 3
BUS_SATA, BUS_NVME = 0xB, 0x11


def _windows(monkeypatch: pytest.MonkeyPatch, drive_type: int, bus: int | None) -> list[str]:
    asked: list[str] = []

    def drive_type_of(root: str) -> int:
        asked.append(root)
        return drive_type

    monkeypatch.setattr(location, "_windows_drive_type", drive_type_of)
    monkeypatch.setattr(location, "_windows_bus_type", lambda drive: bus)
    return asked


@pytest.mark.parametrize(
    ("drive_type", "bus", "expected"),
    [
        (DRIVE_FIXED, location.BUS_TYPE_USB, "removable"),  # a USB SSD or USB-3 stick
        (DRIVE_FIXED, location.BUS_TYPE_SD, "removable"),
        (DRIVE_FIXED, BUS_SATA, "local"),
        (DRIVE_FIXED, BUS_NVME, "local"),
        (DRIVE_FIXED, None, "local"),  # Windows would not say: as before
        (location.DRIVE_REMOVABLE, None, "removable"),
        (location.DRIVE_REMOTE, None, "network"),  # a mapped drive
    ],
)
def test_windows_drive_classification(
    monkeypatch: pytest.MonkeyPatch, drive_type: int, bus: int | None, expected: str
) -> None:
    asked = _windows(monkeypatch, drive_type, bus)
    assert location._classify_windows(PureWindowsPath(r"E:\Office\data")) == expected
    assert asked == ["E:\\"]


def test_windows_share_is_network_without_asking_the_drive(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _windows(monkeypatch, DRIVE_FIXED, None)
    assert location._classify_windows(PureWindowsPath(r"\\server\share\new")) == "network"
    assert asked == []


def test_bus_type_is_read_from_the_device_descriptor() -> None:
    # STORAGE_DEVICE_DESCRIPTOR as the driver returns it: Version, Size, four bytes, four
    # offsets, BusType, RawPropertiesLength, then the raw properties.
    head = struct.pack("<II4B4III", 40, 300, 0, 0, 1, 0, 40, 50, 60, 70, location.BUS_TYPE_USB, 0)
    assert location.bus_type_from_descriptor(head + b"\0" * 8) == location.BUS_TYPE_USB
    assert location.bus_type_from_descriptor(head[:30]) is None  # too short to hold BusType


def test_nearest_existing_parent(tmp_path: Path) -> None:
    assert location.nearest_existing(tmp_path / "a" / "b" / "x.db") == tmp_path
    assert location.nearest_existing(tmp_path) == tmp_path


def test_new_database_in_a_missing_folder_on_a_share_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``demo --db \\\\server\\share\\new\\x.db``: judged by the share, not the current folder."""
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.chdir(tmp_path)  # the current folder is a local disk
    monkeypatch.setattr(
        location, "classify", lambda folder: "network" if Path(folder) == share else "local"
    )
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(share / "new" / "deeper" / "x.db")
    assert "شبکه" in info.value.message
    assert list(share.iterdir()) == []


def test_removable_media_is_remembered_for_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "classify", lambda folder: "removable")
    db = Database.open(tmp_path / "usb" / "x.db")
    try:
        assert db.location == "removable"
    finally:
        db.close()


def test_a_failing_bus_query_does_not_break_classification(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuses(drive: str) -> int:
        raise OSError("access denied")

    monkeypatch.setattr(location, "_windows_drive_type", lambda root: DRIVE_FIXED)
    monkeypatch.setattr(location, "_windows_bus_type", refuses)
    assert location._classify_windows(PureWindowsPath(r"D:\data")) == "local"


class _FakeKernel32:
    """Stands in for ``kernel32``: a volume handle and the driver's device descriptor.

    Its functions are plain functions (not methods) so ``argtypes``/``restype`` can be set.
    """

    def __init__(self, descriptor: bytes) -> None:
        import ctypes

        self.opened: list[str] = []
        self.closed: list[int] = []
        self.codes: list[int] = []

        def create_file(name, access, share, security, disposition, flags, template):
            self.opened.append(name)
            assert access == 0  # no rights needed: the clerk is not an administrator
            return 77

        def device_io_control(handle, code, query, query_size, out, out_size, returned, _ov):
            self.codes.append(code)
            ctypes.memmove(out, descriptor, len(descriptor))
            returned._obj.value = len(descriptor)
            return 1

        def close_handle(handle):
            self.closed.append(handle)
            return 1

        self.CreateFileW = create_file
        self.DeviceIoControl = device_io_control
        self.CloseHandle = close_handle


def test_windows_bus_query_asks_the_volume(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    descriptor = struct.pack("<II4B4III", 40, 40, 0, 0, 0, 0, 0, 0, 0, 0, location.BUS_TYPE_USB, 0)
    kernel32 = _FakeKernel32(descriptor)
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, **kw: kernel32, raising=False)
    assert location._windows_bus_type("F:") == location.BUS_TYPE_USB
    assert kernel32.opened == ["\\\\.\\F:"]
    assert kernel32.codes == [location.IOCTL_STORAGE_QUERY_PROPERTY]
    assert kernel32.closed == [77]
