"""A pytest plugin that writes each test's CPU-seconds (setup, call and teardown; the process's
own time and that of the processes it waited for), to measure what tests/slow_tests.txt lists:

    python -m pytest -m "not slow" -n 2 -q -p no:cacheprovider -p tests.cpu_times \
        --cpu-times=/tmp/cpu

Each process (each xdist worker) appends ``seconds<TAB>node id`` lines to ``<path>.<worker>``,
and one ``seconds<TAB>COLLECTION`` line for its collection. CPU time changes much less with the
load of a shared machine than ``--durations``' wall clock (a busy machine still adds a fifth or
so; compare runs at a like load, or take each test's least over a few runs).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--cpu-times", metavar="PATH", help="append each test's CPU-seconds to PATH.<worker>"
    )


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _write(config: pytest.Config, seconds: float, name: str) -> None:
    path = config.getoption("--cpu-times")
    if path:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with Path(f"{path}.{worker}").open("a", encoding="utf-8") as out:
            out.write(f"{seconds:.3f}\t{name}\n")


def pytest_collection_finish(session: pytest.Session) -> None:
    _write(session.config, _cpu(), "COLLECTION")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    start = _cpu()
    yield
    _write(item.config, _cpu() - start, item.nodeid)
