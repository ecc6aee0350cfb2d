"""``file:`` URIs that name exactly one SQLite database file, whatever its name holds."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote


def sqlite_uri(path: PurePath, **params: str) -> str:
    """A ``file:`` URI naming exactly ``path`` (absolute), with SQLite URI ``params``.

    Every character that means something in a URI (``%``, ``?``, ``#``, ``&``, space …) and
    every non-ASCII letter is percent-encoded. A Windows share keeps an empty authority
    (``file:////server/share/x.db``), the only form SQLite accepts.
    """
    posix = path.as_posix()
    prefix = "file://" if posix.startswith("/") else "file:///"
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return prefix + quote(posix, safe="/:") + (f"?{query}" if query else "")
