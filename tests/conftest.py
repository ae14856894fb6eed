"""Shared fixtures. Prefect settings are fixed here, before anything imports Prefect."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="zhclean-test-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "120"
os.environ.pop("PREFECT_API_URL", None)

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
SEEDS = sorted(p.name for p in RAW.iterdir() if p.is_file())


def rows(version_dir: Path, table: str, *, by_value: bool = False) -> list[dict]:
    """A table's rows from its part files: in part order, as the batches made them, or
    sorted by their values (`by_value`) where batches may finish in any order."""
    found = ds.dataset(version_dir / table).to_table().to_pylist()
    return sorted(found, key=lambda r: tuple(str(v) for v in r.values())) if by_value else found


def time_ratio(run: Callable[[str], object], short: str, long: str, repeat: int = 3) -> float:
    """How many times longer `run(long)` takes than `run(short)`, best of `repeat` each.

    Tests of how time grows compare two lengths on the same machine at the same moment,
    not against a fixed budget that a busy machine would miss (speed is measured in
    bench/, not asserted).
    """

    def best(text: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - start)
        return min(times)

    run(short)  # models and tables load once
    return best(long) / max(best(short), 1e-6)


@pytest.fixture(scope="session")
def prefect_backend() -> Iterator[None]:
    """One temporary Prefect backend (SQLite + local server) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def published_seeds(prefect_backend: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """raw/ cleaned once by the flow into a fresh `processed/`; returns that directory."""
    from flows.clean_corpus import clean_corpus

    out = tmp_path_factory.mktemp("seeds") / "processed"
    summary = clean_corpus(raw_dir=str(RAW), out_dir=str(out))
    assert summary["version"] == "v0001"
    return out


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of raw/ that a test may add files to."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
