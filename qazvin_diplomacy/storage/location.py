"""Where a database file lives: local disk, network share or removable media.

SQLite's locking is unreliable over network file systems, so the database must live on a
local disk; a USB stick is for backups only. Checks are best effort and never raise on an
unknown platform: they answer ``"local"`` when they cannot tell.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "sshfs", "fuse.sshfs", "davfs"}


def classify(path: Path) -> str:
    """Return ``"network"``, ``"removable"`` or ``"local"`` for the folder holding ``path``."""
    folder = Path(path).expanduser().resolve()
    if sys.platform == "win32":
        return _classify_windows(folder)
    return _classify_posix(folder)


def _classify_windows(folder: Path) -> str:  # pragma: no cover - exercised on Windows
    text = str(folder)
    if text.startswith("\\\\"):
        return "network"
    import ctypes

    drive = folder.drive + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(drive))  # type: ignore[attr-defined]
    # 2 = DRIVE_REMOVABLE, 4 = DRIVE_REMOTE
    if kind == 4:
        return "network"
    if kind == 2:
        return "removable"
    return "local"


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
    if device.startswith("/dev/sd") and _is_removable_block(device):
        return "removable"
    return "local"


def _is_under(folder: Path, mount_point: Path) -> bool:
    try:
        folder.relative_to(mount_point)
    except ValueError:
        return False
    return True


def _is_removable_block(device: str) -> bool:
    name = os.path.basename(device).rstrip("0123456789")
    flag = Path(f"/sys/block/{name}/removable")
    try:
        return flag.read_text().strip() == "1"
    except OSError:
        return False
