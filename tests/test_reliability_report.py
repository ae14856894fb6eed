"""The reliability report (`bench/reliability_report.py`) in a small configuration, on the
session's Prefect backend: every class tried, no crash, no file lost, no version corrupted.
Runs killed with SIGKILL are left to tests/test_crash_safety.py (the suite's time)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.reliability_report import DURING, HOSTILE, markdown, report  # noqa: E402


@pytest.mark.usefixtures("prefect_backend")
def test_small_reliability_report_has_only_zeros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.settings import PREFECT_API_URL

    monkeypatch.setitem(os.environ, "PREFECT_API_URL", str(PREFECT_API_URL.value()))
    table = report(
        tmp_path, 2, kill_runs=0, parallel=2, seed=0, args=("--runner", "thread"), kill_window=10
    )
    assert {name: row["inputs"] for name, row in table.items()} == {
        "seed files": 5,
        DURING: 2,
        "random bytes": 2,
        "truncated multibyte": 2,
        "mixed encodings": 2,
        "NUL bytes": 2,
        "UTF-16 lone surrogates": 2,
        "control characters": 2,
        "lines of ~100k characters": 2,
        HOSTILE: 9,
        "concurrent runs into one output directory": 2,
    }
    for name, row in table.items():
        assert (row["crashes"], row["lost"], row["corrupted"]) == (0, 0, 0), name
    assert markdown(table).splitlines()[-1] == "| **total** | 32 | 0 | 0 | 0 |"
