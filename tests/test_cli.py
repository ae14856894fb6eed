"""`zhclean run` as a user runs it: a subprocess with no Prefect server configured."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import RAW

ZHCLEAN = str(Path(sys.executable).with_name("zhclean"))


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.run(
        [ZHCLEAN, *args], capture_output=True, text=True, timeout=600, env=env, cwd=cwd
    )


def test_help_explains_every_option() -> None:
    result = _run("run", "--help")
    assert result.returncode == 0
    for option in (
        "RAW_DIR",
        "--out",
        "--target-script",
        "--batch-mb",
        "--max-file-mb",
        "--json",
        "--verbose",
        "--runner",
        "--workers",
        "--full",
        "--progress",
    ):
        assert option in result.stdout


def test_run_publishes_with_an_embedded_backend(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    # four batches on two worker processes, Prefect's log shown (-v, on stderr)
    result = _run(
        "run", str(RAW), "--out", out, "--json", "-v", "--workers", "2", "--batch-mb", "0.01"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout)
    assert summary["version"] == "v0001"
    assert summary["documents"] == 7
    # the batches' own seconds, added up over the two workers
    assert 0 < summary["batch_seconds"] < 2 * summary["seconds"]
    # each worker's spawn, imports and warm-up, reported once (by its first batch)
    assert 0 < summary["worker_startup_seconds"] < 2 * summary["seconds"]
    assert (tmp_path / "out" / "LATEST").read_text() == "v0001\n"
    # one temporary server, the run's: the batch tasks run in the flow's process, and
    # the worker processes run no Prefect code (each had once started a server of its own)
    assert result.stderr.count("Starting temporary server") == 1
    assert result.stderr.count("Task run 'clean-batch-") == 4


def test_defaults_are_raw_and_processed_and_the_table_is_printed(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("标题\n正文第一句。第二句！", encoding="utf-8")
    result = _run("run", "--progress", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("published processed/v0001\n")
    assert "| documents | 1 |" in result.stdout
    assert (tmp_path / "processed" / "LATEST").read_text() == "v0001\n"
    progress = [line for line in result.stderr.splitlines() if " files  " in line]
    assert progress[0].startswith("0/1 files  0.0/0.0 MB  ")
    assert progress[-1].startswith("1/1 files  0.0/0.0 MB  ")
    assert progress[-1].endswith("  done")
    assert (tmp_path / "processed" / "v0001" / "report.md").exists()

    again = _run("run", "--runner", "thread", cwd=tmp_path)  # nothing changed
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stdout == "nothing changed since v0001: no new version\n"
    assert again.stderr == ""  # no progress line when stderr is not a terminal
    assert (tmp_path / "processed" / "LATEST").read_text() == "v0001\n"


def test_missing_raw_dir_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_failed_run_is_one_line_and_exit_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("a file where the output directory should be")
    result = _run("run", str(RAW), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith("zhclean: run failed, nothing published: FileExistsError")
    assert result.stderr.strip().count("\n") == 0
