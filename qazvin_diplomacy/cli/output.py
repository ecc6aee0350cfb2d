"""The command line's output streams: UTF-8, log streams when there are none, a closed reader.

When the reader of the output goes away (``… | head``) a command stops quietly with exit code
1, never with a traceback.  The windowed build starts without output streams: their lines go to
the log file (``streams.install_missing_streams``).
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Callable

from qazvin_diplomacy.streams import install_missing_streams

log = logging.getLogger(__name__)


def _drop_stdout() -> None:
    """Send whatever is still to be printed to the null device (its reader has gone away)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # a stream without a file descriptor
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives to exit


def print_guarded(command: Callable[[], int]) -> int:
    """Run a command that prints lines; a closed stdout (``… | head``) ends it quietly with 1.

    The output is flushed here, so a reader that has gone away is noticed while this guard
    is in place rather than at interpreter exit.
    """
    try:
        code = command()
        sys.stdout.flush()
    except OSError as exc:
        if not _is_closed_pipe(exc):
            raise
        _drop_stdout()
        return 1
    return code


def _is_closed_pipe(exc: OSError) -> bool:
    """Whether ``exc`` says that stdout's reader has gone away.

    On Windows a write to a closed pipe raises ``OSError(EINVAL)`` rather than
    ``BrokenPipeError``; EINVAL also comes from a bad file name, so it counts only when
    stdout itself still cannot be flushed.
    """
    if isinstance(exc, BrokenPipeError):
        return True
    if exc.errno != errno.EINVAL:
        return False
    try:
        sys.stdout.flush()
    except OSError as again:
        return isinstance(again, BrokenPipeError) or again.errno == errno.EINVAL
    return False


def configure_streams() -> bool:
    """UTF-8 output, and log streams for missing ones; True when one was missing."""
    missing = install_missing_streams()
    # Windows consoles default to a legacy code page that cannot print Persian.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
            except (ValueError, OSError):  # pragma: no cover - exotic streams
                pass
    if missing:
        _log_to_file()
    return missing


def _log_to_file() -> None:
    """Send log records, and with them the replaced streams' lines, to the log file."""
    from qazvin_diplomacy.app import setup_logging
    from qazvin_diplomacy.paths import resolve_paths

    try:
        setup_logging(resolve_paths())
    except OSError:  # a profile that cannot be written to: the lines are dropped
        log.debug("no log file", exc_info=True)
