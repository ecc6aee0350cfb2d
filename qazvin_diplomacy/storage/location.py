"""Where a database file lives: local disk, network share or removable media; can it be written.

SQLite's locking is unreliable over network file systems, so the database must live on a
local disk; a USB stick is for backups only. Checks are best effort and never raise on an
unknown platform: they answer ``"local"`` when they cannot tell. A path that does not exist
yet is judged by its nearest existing parent folder (``\\\\server\\share\\new\\x.db`` is on the share).

On Windows a drive letter is "removable" when Windows says so (``GetDriveTypeW``) *or* when
its disk hangs on a USB, SD/MMC or FireWire bus: USB SSDs and many USB-3 sticks call
themselves fixed drives. The bus type comes from ``IOCTL_STORAGE_QUERY_PROPERTY``.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path, PurePath

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "sshfs", "fuse.sshfs", "davfs"}

#: ``GetDriveTypeW`` answers.
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4
#: ``STORAGE_BUS_TYPE`` values of buses that carry pluggable media.
BUS_TYPE_1394 = 0x4
BUS_TYPE_USB = 0x7
BUS_TYPE_SD = 0xC
BUS_TYPE_MMC = 0xD
REMOVABLE_BUSES = frozenset({BUS_TYPE_1394, BUS_TYPE_USB, BUS_TYPE_SD, BUS_TYPE_MMC})
IOCTL_STORAGE_QUERY_PROPERTY = 0x002D1400


def classify(path: Path) -> str:
    """Return ``"network"``, ``"removable"`` or ``"local"`` for the folder holding ``path``."""
    folder = Path(path).expanduser().resolve()
    if sys.platform == "win32":
        return _classify_windows(folder)
    return _classify_posix(folder)


def nearest_existing(path: Path) -> Path:
    """``path`` itself if it exists, else its nearest existing parent folder."""
    path = Path(path).expanduser().absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path.parents[-1] if path.parents else path  # pragma: no cover - the root exists


def is_writable(path: Path) -> bool:
    """Whether the existing file ``path`` and its folder can be written.

    False on a read-only medium (a write-protected stick, a CD, a read-only mount), for an
    immutable or read-only file, and for a folder where SQLite could not create its ``-wal``
    beside the file. Opening the file for update (and closing it at once) changes nothing,
    and it is refused there even to root or an administrator, unlike permission bits.
    """
    path = Path(path)
    if not (os.access(path, os.W_OK) and folder_is_writable(path.parent)):
        return False
    try:
        with open(path, "r+b"):
            pass
    except OSError:
        return False
    return True


def folder_is_writable(folder: Path) -> bool:
    """Whether new files can be created in the existing ``folder``."""
    return os.access(folder, os.W_OK)


def _classify_windows(folder: PurePath) -> str:
    """Windows: UNC paths and remote drives are network; removable drives and USB disks removable."""
    text = str(folder)
    if text.startswith("\\\\"):
        return "network"
    drive = folder.drive  # "E:"
    kind = _windows_drive_type(drive + "\\")
    if kind == DRIVE_REMOTE:
        return "network"
    if kind == DRIVE_REMOVABLE or _bus_type_or_none(drive) in REMOVABLE_BUSES:
        return "removable"
    return "local"


def _bus_type_or_none(drive: str) -> int | None:
    """The bus type of ``drive``; None when asking fails (classification never raises)."""
    try:
        return _windows_bus_type(drive)
    except (OSError, AttributeError, ValueError):
        return None


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    """``GetDriveTypeW`` of ``root`` ("E:\\")."""
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


class _StoragePropertyQuery(ctypes.Structure):
    """``STORAGE_PROPERTY_QUERY`` asking for the standard device descriptor."""

    _fields_ = [
        ("PropertyId", ctypes.c_uint32),  # StorageDeviceProperty = 0
        ("QueryType", ctypes.c_uint32),  # PropertyStandardQuery = 0
        ("AdditionalParameters", ctypes.c_ubyte * 1),
    ]


class _StorageDeviceDescriptor(ctypes.Structure):
    """The fixed head of ``STORAGE_DEVICE_DESCRIPTOR`` (Windows SDK ``winioctl.h``)."""

    _fields_ = [
        ("Version", ctypes.c_uint32),
        ("Size", ctypes.c_uint32),
        ("DeviceType", ctypes.c_ubyte),
        ("DeviceTypeModifier", ctypes.c_ubyte),
        ("RemovableMedia", ctypes.c_ubyte),
        ("CommandQueueing", ctypes.c_ubyte),
        ("VendorIdOffset", ctypes.c_uint32),
        ("ProductIdOffset", ctypes.c_uint32),
        ("ProductRevisionOffset", ctypes.c_uint32),
        ("SerialNumberOffset", ctypes.c_uint32),
        ("BusType", ctypes.c_uint32),  # STORAGE_BUS_TYPE
        ("RawPropertiesLength", ctypes.c_uint32),
    ]


def bus_type_from_descriptor(raw: bytes) -> int | None:
    """The ``BusType`` of a ``STORAGE_DEVICE_DESCRIPTOR`` returned by the driver (None if short)."""
    field = _StorageDeviceDescriptor.BusType
    if len(raw) < field.offset + field.size:
        return None
    padded = raw.ljust(ctypes.sizeof(_StorageDeviceDescriptor), b"\0")
    return int(_StorageDeviceDescriptor.from_buffer_copy(padded).BusType)


def _windows_bus_type(drive: str) -> int | None:  # pragma: no cover - Windows only
    """The ``STORAGE_BUS_TYPE`` of the disk behind ``drive`` ("E:"); None when Windows won't say.

    Asks the volume with ``DeviceIoControl(IOCTL_STORAGE_QUERY_PROPERTY)``, which needs no
    administrator rights (the handle is opened with no access, only for queries).
    """
    from ctypes import wintypes

    if not drive:
        return None
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    create_file = kernel32.CreateFileW
    create_file.restype = wintypes.HANDLE
    create_file.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    io_control = kernel32.DeviceIoControl
    io_control.restype = wintypes.BOOL
    io_control.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        wintypes.LPVOID,
    ]
    close_handle = kernel32.CloseHandle
    close_handle.argtypes = [wintypes.HANDLE]
    file_share_read_write, open_existing = 0x1 | 0x2, 3
    handle = create_file(f"\\\\.\\{drive}", 0, file_share_read_write, None, open_existing, 0, None)
    if handle in (None, wintypes.HANDLE(-1).value):
        return None
    try:
        query = _StoragePropertyQuery(0, 0)
        out = ctypes.create_string_buffer(1024)
        returned = wintypes.DWORD(0)
        ok = io_control(
            handle,
            IOCTL_STORAGE_QUERY_PROPERTY,
            ctypes.byref(query),
            ctypes.sizeof(query),
            out,
            ctypes.sizeof(out),
            ctypes.byref(returned),
            None,
        )
        if not ok:
            return None
        return bus_type_from_descriptor(out.raw[: returned.value])
    finally:
        close_handle(handle)


def _classify_posix(folder: Path) -> str:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return "local"
    best: tuple[int, str, str] = (-1, "", "")
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        device, mount_point, fstype = parts[0], parts[1].replace("\\040", " "), parts[2]
        if _is_under(folder, Path(mount_point)) and len(mount_point) > best[0]:
            best = (len(mount_point), fstype, device)
    _, fstype, device = best
    if fstype in NETWORK_FS or fstype.startswith("fuse.") and "smb" in fstype:
        return "network"
    if device.startswith("/dev/sd") and (_is_removable_block(device) or _is_usb_block(device)):
        return "removable"
    return "local"


def _is_under(folder: Path, mount_point: Path) -> bool:
    try:
        folder.relative_to(mount_point)
    except ValueError:
        return False
    return True


def _block_name(device: str) -> str:
    return os.path.basename(device).rstrip("0123456789")


def _is_removable_block(device: str) -> bool:
    flag = Path(f"/sys/block/{_block_name(device)}/removable")
    try:
        return flag.read_text().strip() == "1"
    except OSError:
        return False


def _is_usb_block(device: str) -> bool:
    """A disk attached over USB (USB SSDs report themselves as not removable)."""
    return "/usb" in os.path.realpath(f"/sys/block/{_block_name(device)}")
