"""PySide 6.12.0 drops a reference to None on every void call, aborting Python 3.11.

pyproject.toml keeps that release out; this test fails if an installed PySide has the bug.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QObject
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):  # with the bug, 3.11 aborts after about 5,000
        obj.setObjectName("x")  # a void method
    print("delta", sys.getrefcount(None) - before)
""")


def test_void_calls_keep_none_alive(tmp_path) -> None:
    script = tmp_path / "calls.py"
    script.write_text(SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    delta = int(result.stdout.split()[-1])
    assert abs(delta) < 100, result.stdout
