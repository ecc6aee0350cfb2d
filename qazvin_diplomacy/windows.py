"""Windows-only integration, each a no-op elsewhere (importing this module is always safe).

* :func:`hold_app_mutex` — the named mutex the installer's ``AppMutex=`` checks, so Setup
  does not overwrite the program files of a copy that is still running;
* :func:`allow_foreground` — lets a running instance bring its window to the front when
  a second start asks it to (Windows refuses focus theft otherwise).
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

#: Keep in step with ``AppMutex=`` in resources/installer/QazvinDiplomacy.iss.
APP_MUTEX = "QazvinDiplomacyDesk"

_held: list[int] = []  # mutex handles, held until the process ends


def is_windows() -> bool:
    """True on Windows."""
    return sys.platform == "win32"


def hold_app_mutex(name: str = APP_MUTEX) -> bool:
    """Create (or open) the named mutex in this session and globally; True when held.

    The handles are never closed: Windows releases them when the process ends, which is
    exactly when the installer may replace the files.  Returns False elsewhere.
    """
    if not is_windows() or _held:
        return bool(_held)
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    create = kernel32.CreateMutexW
    create.argtypes = [wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR]
    create.restype = wintypes.HANDLE
    for full_name in (name, f"Global\\{name}"):  # Inno Setup's advice: both, for other sessions
        handle = create(None, False, full_name)
        if handle:
            _held.append(handle)
        else:
            log.info("mutex %s not created (error %s)", full_name, ctypes.get_last_error())
    return bool(_held)


def allow_foreground(pid: int) -> None:
    """Let process ``pid`` take the foreground (this process has it: the user just started it)."""
    if not is_windows() or pid <= 0:
        return
    import ctypes

    try:
        ctypes.WinDLL("user32").AllowSetForegroundWindow(int(pid))  # type: ignore[attr-defined]
    except OSError:  # pragma: no cover - Windows only
        log.info("AllowSetForegroundWindow failed", exc_info=True)
