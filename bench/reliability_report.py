"""Reliability report: hostile and fuzz-like inputs, kill -9 and concurrent runs, through
the real command line (`zhclean run RAW --out OUT`); prints a Markdown table.

    uv run python bench/reliability_report.py                    # about 5 minutes here
    uv run python bench/reliability_report.py --inputs 3 --kills 1   # a small configuration

1. One raw directory holds the five seeds, the hostile files (empty, whitespace only,
   binary named .txt, a 1 GiB sparse file over the cap, a non-UTF-8 name, chmod 000 — root
   reads it anyway —, a FIFO, links out of RAW_DIR, a link loop and a directory loop),
   two files that vanish or change while the run goes (once discovery is over: when the
   run's temporary version directory appears) and `--inputs` generated files per input
   class (the hypothesis strategies of `tests/strategies.py`, seeded: random bytes,
   truncated multibyte, mixed encodings, NULs, UTF-16 lone surrogates, control
   characters; lines of ~100k characters). One run cleans it.
2. `--kills` runs on the seeds are killed with SIGKILL (the whole process group, the
   run's Prefect backend included) at random points; then one run must complete.
3. `--concurrent` runs on the seeds go into one output directory at the same time.

Columns: inputs tried; crashes (a file rejected as ``internal_error``, or a run that exited
non-zero); files lost (a raw file in neither documents nor rejects of the version its run
published, or of the run after the kills); versions corrupted (a vNNNN that is incomplete
or fails validation, or LATEST naming a missing one; `bench/runs.py`). Uses PREFECT_API_URL
when set, otherwise one temporary Prefect backend for all runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench.runs import accounted, version_problems  # noqa: E402
from zhclean.discover import discover  # noqa: E402
from zhclean.publish import latest, versions  # noqa: E402

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
HOSTILE = "hostile files (empty, blank, binary, 1 GiB, non-UTF-8 name, chmod 000, FIFO, links)"
DURING = "vanished or changed during the run"
ZHCLEAN = str(Path(sys.executable).parent / "zhclean")  # the command line, as `uv run zhclean`


def generated(strategy: object, count: int, seed: int) -> list[bytes]:
    """`count` examples of a hypothesis strategy, the same for the same seed."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as seeded

    found: list[bytes] = []

    @seeded(seed)
    @settings(
        max_examples=count * 3,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(data: bytes) -> None:
        if len(found) < count and data not in found:
            found.append(data)

    collect()
    return found


def build_raw(raw: Path, outside: Path, inputs: int, seed: int) -> dict[str, str]:
    """The raw directory of step 1; returns {printable rel path: class} of its files."""
    from strategies import RAW_CLASSES, huge_lines

    shutil.copytree(ROOT / "raw", raw)
    classes = {p.name: "seed files" for p in raw.iterdir()}
    hostile = raw / "hostile"
    hostile.mkdir()
    (hostile / "empty.txt").write_bytes(b"")
    (hostile / "blank.txt").write_bytes(b" \r\n\t\n")
    (hostile / "image.txt").write_bytes(PNG)
    with open(hostile / "huge.txt", "wb") as f:
        f.truncate(2**30)
    with open(os.path.join(os.fsencode(hostile), b"\xb9\xfa\xbc\xd2.txt"), "wb") as f:
        f.write("组织工作\n组织部门是党员之家。".encode("gbk"))
    locked = hostile / "locked.txt"
    locked.write_bytes("标题\n正文。".encode())
    locked.chmod(0)
    os.mkfifo(hostile / "pipe.txt")
    outside.write_bytes("标题\n正文。".encode())
    (hostile / "out.txt").symlink_to(outside)
    (hostile / "loop").symlink_to("loop")
    (hostile / "sub").mkdir()
    (hostile / "sub" / "up").symlink_to("..", target_is_directory=True)
    during = raw / "during"
    during.mkdir()
    (during / "vanishes.txt").write_bytes("标题\n正文。".encode())
    (during / "changes.txt").write_bytes("旧标题\n旧的正文。".encode())
    strategies = {**RAW_CLASSES, "lines of ~100k characters": huge_lines}
    for k, (name, strategy) in enumerate(strategies.items()):
        folder = raw / f"gen-{k}"
        folder.mkdir()
        count = min(inputs, 3) if "100k" in name else inputs
        for i, data in enumerate(generated(strategy, count, seed + k)):
            (folder / f"{i:03d}.txt").write_bytes(data)
    files, rejects = discover(raw)
    for path in [f.rel_path for f in files] + [r.source_path for r in rejects]:
        top = path.split("/")[0]
        if top == "hostile":
            classes[path] = HOSTILE
        elif top == "during":
            classes[path] = DURING
        elif top.startswith("gen-"):
            classes[path] = list(strategies)[int(top[4:])]
    return classes


class Cli:
    """`zhclean run` in its own process group (SIGKILL takes its Prefect backend too)."""

    def __init__(self, env: dict[str, str], args: tuple[str, ...] = ()) -> None:
        self.env, self.args = env, args

    def start(self, raw: Path, out: Path, *extra: str) -> subprocess.Popen:
        return subprocess.Popen(
            [ZHCLEAN, "run", str(raw), "--out", str(out), *self.args, *extra],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    @staticmethod
    def kill(proc: subprocess.Popen) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def _change_during_run(raw: Path, out: Path, stop: threading.Event) -> None:
    """Once the run's temporary version directory exists (discovery done, batches about
    to read), remove one file and rewrite another."""
    while not stop.is_set():
        if out.is_dir() and any(out.glob(".tmp-*")):
            (raw / "during" / "vanishes.txt").unlink(missing_ok=True)
            (raw / "during" / "changes.txt").write_bytes("新标题\n新的正文内容。".encode())
            return
        time.sleep(0.02)


def _row(table: dict, name: str) -> dict[str, int]:
    return table.setdefault(name, {"inputs": 0, "crashes": 0, "lost": 0, "corrupted": 0})


def hostile_and_generated(work: Path, cli: Cli, inputs: int, seed: int, table: dict) -> None:
    raw, out = work / "raw", work / "out-inputs"
    classes = build_raw(raw, work / "outside.txt", inputs, seed)
    for cls in classes.values():
        _row(table, cls)["inputs"] += 1
    stop = threading.Event()
    watcher = threading.Thread(target=_change_during_run, args=(raw, out, stop), daemon=True)
    watcher.start()
    proc = cli.start(raw, out)
    _, stderr = proc.communicate()
    stop.set()
    version = latest(out)
    if proc.returncode != 0 or version is None:
        print(f"run failed ({proc.returncode}): {stderr.strip()[-500:]}", file=sys.stderr)
        for cls, count in Counter(classes.values()).items():
            _row(table, cls)["crashes"] += 1
            _row(table, cls)["lost"] += count
        return
    rows = accounted(out / version)
    import pyarrow.dataset as ds

    rejects = ds.dataset(out / version / "rejects").to_table().to_pylist()
    for r in rejects:
        if r["reason"] == "internal_error":
            _row(table, classes.get(r["source_path"], "other"))["crashes"] += 1
    manifest = json.loads((out / version / "manifest.json").read_text("utf-8"))
    expected = {f["path"] for f in manifest["inputs"]["files"]}
    for path, cls in classes.items():
        if (path in expected or (raw / path).exists()) and path not in rows:
            _row(table, cls)["lost"] += 1
    missing = set(classes) - expected - {"during/vanishes.txt"}
    for path in missing:  # a raw file the run did not even discover
        _row(table, classes[path])["lost"] += 1
    _row(table, HOSTILE)["corrupted"] += len(version_problems(out))


def _seed_paths() -> set[str]:
    return {p.name for p in (ROOT / "raw").iterdir()}


def kills(
    work: Path, cli: Cli, count: int, seed: int, table: dict, window: float | None = None
) -> None:
    """`count` runs killed at a random point of the first `window` seconds (default: as
    long as an undisturbed run takes, measured first), then one run that must complete."""
    raw, out = work / "raw-seeds", work / "out-kills"
    if not raw.exists():
        shutil.copytree(ROOT / "raw", raw)
    row = _row(table, "runs killed with SIGKILL at random points")
    if window is None:
        started = time.monotonic()
        first = cli.start(raw, out, "--full")
        first.communicate()
        row["crashes"] += first.returncode != 0
        window = time.monotonic() - started
    rng = random.Random(seed)
    for _ in range(count):
        proc = cli.start(raw, out, "--full")
        time.sleep(rng.uniform(0.5, window))
        Cli.kill(proc)
        row["inputs"] += 1
        row["corrupted"] += len(version_problems(out))
    last = cli.start(raw, out, "--full")
    last.communicate()
    if last.returncode != 0:
        row["crashes"] += 1
    row["corrupted"] += len(version_problems(out))
    row["corrupted"] += len(list(out.glob(".tmp-*")))  # leftovers the next run did not remove
    named = latest(out)
    row["lost"] += len(_seed_paths() - accounted(out / named)) if named else len(_seed_paths())


def concurrent(work: Path, cli: Cli, count: int, table: dict) -> None:
    raw, out = work / "raw-seeds", work / "out-concurrent"
    if not raw.exists():
        shutil.copytree(ROOT / "raw", raw)
    row = _row(table, "concurrent runs into one output directory")
    procs = [cli.start(raw, out, "--full") for _ in range(count)]
    for proc in procs:
        proc.communicate()
        row["inputs"] += 1
        row["crashes"] += proc.returncode != 0
    row["corrupted"] += len(version_problems(out))
    row["corrupted"] += count - len(versions(out))  # each run publishes its own version
    for version in versions(out):
        row["lost"] += len(_seed_paths() - accounted(out / version))


def markdown(table: dict) -> str:
    lines = [
        "| class | inputs tried | crashes | files lost | versions corrupted |",
        "|---|--:|--:|--:|--:|",
    ]
    total = Counter()
    for name, row in table.items():
        lines.append(
            f"| {name} | {row['inputs']} | {row['crashes']} | {row['lost']} | {row['corrupted']} |"
        )
        total.update(row)
    lines.append(
        f"| **total** | {total['inputs']} | {total['crashes']} | {total['lost']} "
        f"| {total['corrupted']} |"
    )
    return "\n".join(lines)


def report(
    work: Path,
    inputs: int,
    kill_runs: int,
    parallel: int,
    seed: int,
    args: tuple[str, ...] = (),
    kill_window: float | None = None,
) -> dict:
    """Runs everything under `work` with the Prefect backend in the environment, each run
    with the extra command-line `args`; returns the table as {class: {inputs, crashes,
    lost, corrupted}}."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = Cli(env, args)
    table: dict[str, dict[str, int]] = {}
    hostile_and_generated(work, cli, inputs, seed, table)
    if kill_runs:
        kills(work, cli, kill_runs, seed, table, kill_window)
    if parallel:
        concurrent(work, cli, parallel, table)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=20, help="generated files per class")
    parser.add_argument("--kills", type=int, default=4, help="runs killed with SIGKILL")
    parser.add_argument("--concurrent", type=int, default=3, help="runs at the same time")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, help="keep the files here (default: temporary)")
    parser.add_argument("--runner", default="process", help="zhclean run --runner (process)")
    args = parser.parse_args(argv)
    extra = ("--runner", args.runner)
    work = args.work or Path(tempfile.mkdtemp(prefix="zhclean-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        if os.environ.get("PREFECT_API_URL"):
            table = report(work, args.inputs, args.kills, args.concurrent, args.seed, extra)
        else:
            os.environ.setdefault("PREFECT_HOME", str(work / "prefect-home"))
            os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
            os.environ.setdefault("DO_NOT_TRACK", "1")
            from prefect.settings import PREFECT_API_URL
            from prefect.testing.utilities import prefect_test_harness

            with prefect_test_harness(server_startup_timeout=120):
                os.environ["PREFECT_API_URL"] = str(PREFECT_API_URL.value())
                table = report(work, args.inputs, args.kills, args.concurrent, args.seed, extra)
    finally:
        if args.work is None:
            _remove(work)
    print(markdown(table))
    print(f"\n({time.monotonic() - started:.0f} s; seed {args.seed})")
    bad = sum(row[k] for row in table.values() for k in ("crashes", "lost", "corrupted"))
    return 1 if bad else 0


def _remove(work: Path) -> None:
    for path in work.rglob("*"):  # chmod 000 files and FIFOs are removed like any other
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
