"""A batch's work in the worker pool (`zhclean.workers`), without Prefect."""

from __future__ import annotations

import gc
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from conftest import RAW, ROOT, rows

from zhclean.discover import discover
from zhclean.pipeline import Config
from zhclean.workers import clean_files, worker_pool


def _python(*args: str, cwd: Path, timeout: int, **env: str) -> str:
    """What a new Python process prints (it must succeed), run with `args`."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_worker_imports_no_prefect() -> None:
    # what a spawned worker imports to run `clean_files`: no Prefect (1.3 s more a worker)
    script = (
        "import sys, zhclean.workers\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))"
    )
    assert _python("-c", script, cwd=ROOT, timeout=120) == "[]\n"


def test_the_workers_do_not_run_the_parents_main_module(tmp_path: Path) -> None:
    # a deployment's flow run is `python -m prefect.engine`: a spawned child would import
    # its parent's main module again (all of Prefect there); each import adds a line here
    imported = tmp_path / "imported"
    (tmp_path / "heavy_main.py").write_text(
        "import os\n"
        f"open({str(imported)!r}, 'a').write(f'{{os.getpid()}} {{__name__}}\\n')\n"
        "if __name__ == '__main__':\n"
        "    from zhclean.workers import worker_pool\n"
        "    with worker_pool(2, 'keep') as pool:\n"
        "        print(pool.submit(os.getpid).result() != os.getpid())\n"
    )
    path = os.pathsep.join([str(ROOT), str(tmp_path)])
    printed = _python("-m", "heavy_main", cwd=tmp_path, timeout=300, PYTHONPATH=path)
    assert printed == "True\n"  # a worker process ran the call
    lines = imported.read_text().splitlines()
    assert len(lines) == 1 and lines[0].endswith(" __main__")  # the parent's own run only


def test_the_pool_starts_its_workers_at_once_and_they_write_what_a_thread_writes(
    tmp_path: Path,
) -> None:
    files, rejects = discover(RAW)
    assert len(files) == 5 and not rejects
    halves = [files[:2], files[2:]]
    inline, pooled = tmp_path / "inline", tmp_path / "pooled"
    inline.mkdir(), pooled.mkdir()  # a run's temporary version directory
    here = [
        clean_files(half, Config(), str(inline), part, False) for part, half in enumerate(halves, 1)
    ]
    with worker_pool(2, "hans") as pool:
        assert len(multiprocessing.active_children()) == 2  # spawned before any batch
        futures = [
            pool.submit(clean_files, half, Config(), str(pooled), part, False)
            for part, half in enumerate(halves, 1)
        ]
        there = [future.result() for future in futures]
        pids = set(pool.submit(os.getpid).result() for _ in range(4))
        assert pool.submit(gc.isenabled).result() is False  # collected once a batch instead
    assert os.getpid() not in pids
    assert not multiprocessing.active_children()  # shut down on leaving
    assert [(d.files, d.bytes, d.shas, d.stats) for d in there] == [
        (d.files, d.bytes, d.shas, d.stats) for d in here
    ]
    assert [d.files for d in there] == [2, 3] and sum(d.stats.documents for d in there) == 7
    assert all(d.seconds > 0 for d in there)
    # a worker's start-up comes back once, with its first batch; none in the flow's process
    assert [d.startup for d in here] == [0.0, 0.0]
    assert 0 < sum(d.startup for d in there) < 120
    assert all(d.startup == 0.0 or d.startup > 0.2 for d in there)  # imports alone take more
    for name in ("documents", "sections", "sentences"):
        assert sorted(p.name for p in (pooled / name).iterdir()) == [
            "part-00001.parquet",
            "part-00002.parquet",
        ]
        assert rows(pooled, name) == rows(inline, name)


def test_a_batch_makes_no_reference_cycles(tmp_path: Path) -> None:
    # a pool worker runs without the automatic collector and collects once after each
    # batch (`start_worker`): sound only while a batch leaves no cyclic garbage. Run as a
    # worker runs, in a process of its own: this one has Prefect's threads, whose own
    # garbage the collection would count too
    script = (
        "import gc\n"
        "from pathlib import Path\n"
        "from zhclean.discover import discover\n"
        "from zhclean.pipeline import Config\n"
        "from zhclean.workers import clean_files, start_worker\n"
        "start_worker('hans')\n"
        "print(gc.isenabled())\n"
        f"files, _ = discover(Path({str(RAW)!r}))\n"
        f"clean_files(files, Config(), {str(tmp_path)!r}, 1, False)  # lazy imports, caches\n"
        "collected = []\n"
        "gc.callbacks.append(\n"
        "    lambda phase, info: phase == 'stop' and collected.append(info['collected'])\n"
        ")\n"
        f"done = clean_files(files, Config(), {str(tmp_path)!r}, 2, False)\n"
        "print(done.files, collected)\n"
    )
    # the memo off: every line repaired and converted
    printed = _python("-c", script, cwd=ROOT, timeout=300, ZHCLEAN_LINE_MEMO_CHARACTERS="0")
    # the collector off; 5 files; clean_files' one collection, with nothing to free
    assert printed == "False\n5 [0]\n"
