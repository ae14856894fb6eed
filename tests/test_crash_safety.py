"""Crash safety: runs killed with SIGKILL at random points never leave LATEST naming an
incomplete version, and the next run cleans up or ignores what they left."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import rows

from zhclean.publish import latest, versions

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.runs import incomplete, version_problems  # noqa: E402

RUN = """
import sys
from flows.clean_corpus import clean_corpus
if __name__ == "__main__":
    clean_corpus(raw_dir=sys.argv[1], out_dir=sys.argv[2], runner="thread", incremental=False)
"""


def _assert_complete(version_dir: Path) -> None:
    """A version is complete: its manifest's row counts are what its tables hold."""
    assert incomplete(version_dir) == []


@pytest.fixture
def run(prefect_backend: None, tmp_path: Path) -> Callable[[], subprocess.Popen]:
    """Starts a run of the flow in its own process (on the session's Prefect backend),
    from a copy of raw/ into tmp_path/out."""
    from prefect.settings import PREFECT_API_URL

    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    script = tmp_path / "run.py"
    script.write_text(RUN, encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value()), "PYTHONPATH": str(ROOT)}

    def start() -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, str(script), str(raw), str(tmp_path / "out")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    return start


def test_runs_killed_at_random_points_leave_latest_complete(
    tmp_path: Path, run: Callable[[], subprocess.Popen]
) -> None:
    out = tmp_path / "out"
    started = time.monotonic()
    first = run()  # one undisturbed run: how long a run takes here
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()[-2000:]
    duration = time.monotonic() - started
    rng = random.Random(7)
    killed = 0
    for _ in range(4):
        proc = run()
        time.sleep(rng.uniform(0.2, duration))
        killed += proc.poll() is None  # still running: killed mid-run
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        named = latest(out)
        assert named is not None and (out / named).is_dir()
        _assert_complete(out / named)
        for version in versions(out):  # a run killed after its rename is complete too
            _assert_complete(out / version)

    assert killed >= 3

    last = run()
    assert last.wait(timeout=300) == 0, last.stderr.read().decode()[-2000:]
    assert not list(out.glob(".tmp-*"))  # the killed runs' leftovers are gone
    _assert_complete(out / latest(out))
    assert version_problems(out) == []
    numbers = [int(v[1:]) for v in versions(out)]
    assert numbers == sorted(set(numbers)) and latest(out) == versions(out)[-1]


def test_concurrent_runs_publish_distinct_complete_versions(
    tmp_path: Path, run: Callable[[], subprocess.Popen]
) -> None:
    out = tmp_path / "out"
    procs = [run() for _ in range(2)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()[-2000:]
    assert versions(out) == ["v0001", "v0002"]
    assert latest(out) == "v0002"
    for version in versions(out):
        _assert_complete(out / version)
    parents = {
        json.loads((out / v / "manifest.json").read_text("utf-8"))["parent_version"]
        for v in versions(out)
    }
    assert parents == {None, "v0001"}  # one published after the other, under the lock
    assert not list(out.glob(".tmp-*"))


@pytest.mark.usefixtures("prefect_backend")
def test_transient_write_errors_are_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.clean_corpus as flow_module
    import zhclean.workers as workers_module

    real, failures = workers_module.write_part, []

    def flaky(temp: Path, name: str, part: int, table: object) -> Path:
        if not failures:
            failures.append(name)
            raise OSError(5, "Input/output error (injected)")
        return real(temp, name, part, table)

    monkeypatch.setattr(workers_module, "write_part", flaky)
    summary = flow_module.clean_corpus(
        raw_dir=str(ROOT / "raw"), out_dir=str(tmp_path / "out"), runner="thread"
    )
    assert failures == ["documents"]  # failed once, then the retried batch went through
    _assert_complete(tmp_path / "out" / summary["version"])
    manifest = json.loads((tmp_path / "out" / "v0001" / "manifest.json").read_text("utf-8"))
    assert manifest["row_counts"]["documents"] == 7


@pytest.mark.usefixtures("prefect_backend")
def test_permanent_errors_fail_the_run_not_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.clean_corpus as flow_module
    import zhclean.workers as workers_module

    calls = []

    def broken(*args: object) -> Path:
        calls.append(args[1])
        raise OSError(28, "No space left on device (injected)")

    monkeypatch.setattr(workers_module, "write_part", broken)
    with pytest.raises(OSError, match="No space left"):
        flow_module.clean_corpus(
            raw_dir=str(ROOT / "raw"), out_dir=str(tmp_path / "out"), runner="thread"
        )
    assert latest(tmp_path / "out") is None and not list((tmp_path / "out").glob(".tmp-*"))
    assert calls == ["documents"]  # ENOSPC is not transient: not retried


SEED = "002_2176e90696f6cbac.txt"


def _failing_reads(monkeypatch: pytest.MonkeyPatch, fail: Callable[[int], OSError | None]) -> list:
    """Opening the seed SEED for reading raises `fail(n)` on its n-th opening (1-based;
    None: opens); returns the list of errnos met, one per opening."""
    import zhclean.discover as discover_module

    real, met = discover_module._open_regular, []

    def flaky(path: Path) -> int:
        if Path(path).name == SEED:
            error = fail(len(met) + 1)
            met.append(error.errno if error else None)
            if error:
                raise error
        return real(path)

    monkeypatch.setattr(discover_module, "_open_regular", flaky)
    return met


def _clean(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> tuple[dict, list[str]]:
    import flows.clean_corpus as flow_module

    with caplog.at_level("INFO"):
        summary = flow_module.clean_corpus(
            raw_dir=str(ROOT / "raw"), out_dir=str(tmp_path / "out"), runner="thread"
        )
    _assert_complete(tmp_path / "out" / summary["version"])
    return summary, [r.getMessage() for r in caplog.records]


def _manifest_sha(tmp_path: Path, path: str) -> str | None:
    manifest = json.loads((tmp_path / "out" / "v0001" / "manifest.json").read_text("utf-8"))
    return {f["path"]: f["sha256"] for f in manifest["inputs"]["files"]}[path]


@pytest.mark.usefixtures("prefect_backend")
def test_a_transient_read_error_is_retried_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a first run: discovery does not read the files (each batch hashes what it reads);
    # 1: the batch's first attempt fails; 2: its retry reads it
    eio = OSError(5, "Input/output error")
    met = _failing_reads(monkeypatch, lambda n: eio if n == 1 else None)
    summary, log = _clean(tmp_path, caplog)
    assert met == [5, None]
    assert summary["documents"] == 7 and summary["rejects_by_reason"] == {}
    retried = [m for m in log if "Retry 1/2 will start 1 second(s) from now" in m]
    assert len(retried) == 1 and "OSError(5, 'Input/output error')" in retried[0]
    sha = hashlib.sha256((ROOT / "raw" / SEED).read_bytes()).hexdigest()
    shas = {
        r["source_sha256"]
        for r in rows(tmp_path / "out" / "v0001", "documents")
        if r["source_path"] == SEED
    }
    assert shas == {sha}


@pytest.mark.usefixtures("prefect_backend")
def test_a_persistent_transient_read_error_rejects_the_file_after_the_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    met = _failing_reads(monkeypatch, lambda n: OSError(110, "Connection timed out"))
    summary, log = _clean(tmp_path, caplog)
    assert met == [110] * 3  # the batch: 1 + 2 retries
    retried = [m[m.index("Retry") :] for m in log if "will start" in m]
    assert retried == [
        "Retry 1/2 will start 1 second(s) from now",
        "Retry 2/2 will start 1 second(s) from now",
    ]
    assert summary["documents"] == 6 and summary["rejects_by_reason"] == {"unreadable": 1}
    assert rows(tmp_path / "out" / "v0001", "rejects") == [
        {
            "source_path": SEED,
            "source_sha256": None,
            "reason": "unreadable",
            "detail": "cannot read: Connection timed out (ETIMEDOUT, transient; "
            "the next run reads it again)",
        }
    ]
    assert _manifest_sha(tmp_path, SEED) is None  # so the next run processes it again
    assert any(m.startswith(f"rejected {SEED} (unreadable): cannot read") for m in log)


@pytest.mark.usefixtures("prefect_backend")
def test_a_permanent_read_error_rejects_the_file_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    met = _failing_reads(monkeypatch, lambda n: PermissionError(13, "Permission denied"))
    summary, log = _clean(tmp_path, caplog)
    assert met == [13]  # the batch, once: no retry
    assert not [m for m in log if "will start" in m]
    assert summary["documents"] == 6 and summary["rejects_by_reason"] == {"unreadable": 1}
    assert rows(tmp_path / "out" / "v0001", "rejects") == [
        {
            "source_path": SEED,
            "source_sha256": None,
            "reason": "unreadable",
            "detail": "cannot read: Permission denied (EACCES)",
        }
    ]


@pytest.mark.usefixtures("prefect_backend")
def test_discovery_hashes_the_files_only_when_the_parent_may_hold_them_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a first run cleans every file: its batch reads each once, and hashes it then
    met = _failing_reads(monkeypatch, lambda n: None)
    _clean(tmp_path, caplog)
    assert met == [None]
    sha = hashlib.sha256((ROOT / "raw" / SEED).read_bytes()).hexdigest()
    assert _manifest_sha(tmp_path, SEED) == sha
    # the next run, same configuration: discovery hashes it, finds it unchanged, keeps
    # its rows and reads it no more
    import flows.clean_corpus as flow_module

    again = flow_module.clean_corpus(
        raw_dir=str(ROOT / "raw"), out_dir=str(tmp_path / "out"), runner="thread"
    )
    assert met == [None, None]
    assert again["version"] is None and again["changes"]["unchanged"] == 5
