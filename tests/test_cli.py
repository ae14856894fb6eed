"""`zhclean run` as a user runs it: a subprocess with no Prefect server configured; and
the Prefect settings it runs the flow with."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import RAW
from prefect import flow
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

import flows.clean_corpus as clean_corpus_module
from flows.clean_corpus import no_heartbeats
from zhclean import cli

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


# The CLI's Prefect settings, in this process (the session's test server is configured)


class _Heard(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _heartbeat_logs(run: Callable[[], object]) -> list[str]:
    """Prefect's log lines about the flow run heartbeat while `run()` runs a flow."""
    logger, heard = logging.getLogger("prefect.flow_runs"), _Heard()
    level = logger.level
    logger.addHandler(heard)
    logger.setLevel(logging.DEBUG)
    try:
        run()
    finally:
        logger.removeHandler(heard)
        logger.setLevel(level)
    return [m for m in heard.messages if "heartbeat" in m]


@flow
def _tiny() -> int:
    return 1


def test_no_heartbeats_stops_prefects_heartbeat_thread(prefect_backend: None) -> None:
    # Prefect 3.8's debug lines around its heartbeat thread (`flow_engine._send_heartbeats`)
    assert _heartbeat_logs(_tiny) == [
        "Started flow run heartbeat context",
        "Stopped flow run heartbeat context",
    ]

    def quiet() -> None:
        with no_heartbeats():
            _tiny()

    assert _heartbeat_logs(quiet) == []


def test_the_cli_sends_heartbeats_only_to_a_lasting_server(
    prefect_backend: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = []

    def fake_flow(**kwargs: object) -> dict:
        seen.append(get_current_settings().flows.heartbeat_frequency)
        return {"version": None, "unchanged_since": "v0001"}

    monkeypatch.setattr(clean_corpus_module, "clean_corpus", fake_flow)
    for key in {**cli._PREFECT_DEFAULTS, **cli._QUIET_CONSOLE}:
        monkeypatch.setenv(key, os.environ.get(key, ""))  # as it is now, restored after the
        monkeypatch.delenv(key)  # test: main() sets what is not set
    assert cli.main(["run", str(RAW), "--out", str(tmp_path)]) == 0  # the test server: lasting
    with temporary_settings(restore_defaults={PREFECT_API_URL}):  # none: a temporary one
        assert cli.main(["run", str(RAW), "--out", str(tmp_path)]) == 0
    assert seen == [180, None]  # Prefect's default frequency, then none
