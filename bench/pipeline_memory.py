"""Peak memory of a whole `zhclean run` for corpora of growing size (prints, no asserts).

    uv run python bench/pipeline_memory.py 4 16 64        # corpus sizes in MB
    uv run python bench/pipeline_memory.py 8 --runner thread --workers 2

For each size, builds a corpus of that many MB from the seed files in raw/ (each copy
made unique by a numbered line, so every file is processed), runs `zhclean run` on it
as a user does (a subprocess with its temporary Prefect backend) and samples, every
0.2 s, the memory of the run's whole process tree (the command, its worker processes,
the temporary Prefect server; PSS, so shared pages count once). Prints one line per
size: MB, files, seconds, MB/s, the peak of the tree's sum and of its largest process.
Peak memory should not grow with the corpus: tables are written batch by batch as
part files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZHCLEAN = str(Path(sys.executable).with_name("zhclean"))
_PAGE = os.sysconf("SC_PAGE_SIZE")


def build_corpus(target: Path, megabytes: float) -> int:
    """Copies of the seeds, each with a numbered line, until `megabytes` are written."""
    seeds = [p.read_bytes() for p in sorted((ROOT / "raw").iterdir()) if p.is_file()]
    target.mkdir(parents=True)
    written, count = 0, 0
    while written < megabytes * 2**20:
        seed = seeds[count % len(seeds)]
        data = seed + f"\n第{count}号附注。\n".encode()
        folder = target / f"{count // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc_{count:06d}.txt").write_bytes(data)
        written += len(data)
        count += 1
    return count


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except OSError:
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: shared pages split among the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return _rss(pid)


def tree_rss(root: int) -> tuple[int, int]:
    """(sum of PSS, max of RSS) over `root` and all its descendants."""
    tree, pending, pss, rss = _children(), [root], [], []
    while pending:
        pid = pending.pop()
        pss.append(_pss(pid))
        rss.append(_rss(pid))
        pending += tree.get(pid, [])
    return sum(pss), max(rss, default=0)


def measure(megabytes: float, runner: str, workers: int | None, batch_mb: float) -> None:
    with tempfile.TemporaryDirectory(prefix="zhclean-bench-") as tmp:
        raw = Path(tmp) / "raw"
        files = build_corpus(raw, megabytes)
        args = [ZHCLEAN, "run", str(raw), "--out", str(Path(tmp) / "out"), "--json"]
        args += ["--runner", runner, "--batch-mb", str(batch_mb)]
        if workers:
            args += ["--workers", str(workers)]
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        started = time.perf_counter()
        process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp
        )
        peak_sum = peak_one = 0
        while process.poll() is None:
            total, largest = tree_rss(process.pid)
            peak_sum, peak_one = max(peak_sum, total), max(peak_one, largest)
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        _, err = process.communicate()
        if process.returncode != 0:
            print(f"{megabytes} MB: run failed: {err.decode()[-500:]}", file=sys.stderr)
            return
        print(
            f"{megabytes:8.1f} MB  {files:6d} files  {seconds:7.1f} s  "
            f"{megabytes / seconds:5.2f} MB/s  peak memory: whole tree {peak_sum / 2**20:5.0f} MiB "
            f"(PSS), largest process {peak_one / 2**20:4.0f} MiB (RSS)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[4.0, 16.0], help="MB")
    parser.add_argument("--runner", default="process", choices=["process", "thread"])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--batch-mb", type=float, default=8.0)
    args = parser.parse_args()
    for size in args.sizes:
        measure(size, args.runner, args.workers, args.batch_mb)


if __name__ == "__main__":
    main()
