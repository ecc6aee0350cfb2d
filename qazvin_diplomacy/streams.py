"""Standard streams for the windowed build, which starts without any.

The program a Start-menu shortcut opens is built with ``console=False``; Python then sets
``sys.stdout`` and ``sys.stderr`` to ``None`` and every ``print``, ``flush`` or
``sys.stderr.write`` raises.  :func:`install_missing_streams` puts a :class:`LogStream` in
place of each missing stream: its lines go to the log, and what was written to stderr is
kept so that an error can be shown in a dialog (there is no console to read it in).
"""

from __future__ import annotations

import io
import logging
import os
import sys

MAX_KEPT_LINES = 40


class LogStream(io.TextIOBase):
    """A text stream that writes each complete line as a log record.

    With ``keep`` the last lines are also kept (:meth:`text`), for an error dialog.
    Writes made while a record is being logged (a log handler writing back to this
    stream, such as logging's last-resort handler) are dropped instead of recursing.
    """

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, name: str, level: int, *, keep: bool = False) -> None:
        super().__init__()
        self.name = name
        self._logger = logging.getLogger(f"qazvin_diplomacy.{name}")
        self._level = level
        self._keep = keep
        self._pending = ""
        self._busy = False
        self.lines: list[str] = []

    def writable(self) -> bool:  # overrides IOBase.writable
        return True

    def write(self, text: str) -> int:  # overrides TextIOBase.write
        if self._busy:
            return len(text)
        self._pending += text
        *complete, self._pending = self._pending.split("\n")
        for line in complete:
            self._emit(line)
        return len(text)

    def flush(self) -> None:  # overrides IOBase.flush
        if self._pending:
            line, self._pending = self._pending, ""
            self._emit(line)

    def text(self) -> str:
        """The kept lines (only with ``keep``), newest last."""
        return "\n".join(self.lines)

    def _emit(self, line: str) -> None:
        line = line.rstrip()
        if not line:
            return
        if self._keep:
            self.lines.append(line)
            del self.lines[:-MAX_KEPT_LINES]
        self._busy = True
        try:
            self._logger.log(self._level, "%s", line)
        finally:
            self._busy = False


def install_missing_streams() -> bool:
    """Replace a ``None`` ``sys.stdout``/``sys.stderr`` with a :class:`LogStream`.

    Returns True when a stream was missing (the windowed build, or a console program started
    with its output closed).  Streams that exist are left alone.
    """
    missing = False
    if sys.stdout is None or sys.stderr is None:
        _fill_closed_descriptors()
    if sys.stdout is None:
        sys.stdout = LogStream("stdout", logging.INFO)
        missing = True
    if sys.stderr is None:
        sys.stderr = LogStream("stderr", logging.WARNING, keep=True)
        missing = True
    return missing


def _fill_closed_descriptors() -> None:
    """Put the null device on closed descriptors 1 and 2.

    Otherwise the next file opened (the log, an export) takes the number, and what native
    code (Qt's warnings) writes to "stderr" ends up inside that file.
    """
    for fd in (1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
            except OSError:  # pragma: no cover - nothing more can be done
                pass


def error_text() -> str:
    """What was written to a replaced stderr (empty when stderr is a real stream)."""
    stream = sys.stderr
    if isinstance(stream, LogStream):
        stream.flush()
        return stream.text()
    return ""
