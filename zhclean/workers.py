"""A batch's work, and the pool of worker processes that does it.

A batch is cleaned (`zhclean.pipeline.process_batch`), validated, and written as part
files of the run's temporary version directory; only counts go back (`BatchDone`).
Nothing here imports Prefect: a worker process imports this module, the pipeline,
pandera and pyarrow (about 1.2 s), not Prefect's 1.3 s more, and runs no Prefect task
machinery per batch. The flow's `clean-batch` tasks run in the flow's process and hand
their batch to the pool (`flows/clean_corpus.py`).
"""

from __future__ import annotations

import atexit
import gc
import logging
import multiprocessing
import os
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from schemas import validate_batch
from zhclean.model import RawFile
from zhclean.pipeline import Config, process_batch
from zhclean.publish import write_part
from zhclean.report import Stats
from zhclean.script import converter

_VALIDATE_LOCK = threading.Lock()
"""pandera's validation was seen failing across threads (it retried a failing lazy import
on every call, and another thread could see the half-imported module); `schemas` now
makes that import fail at once, and the lock stays as a guard: one batch at a time."""
_LOGGED_REASONS = ("unreadable", "internal_error")
_STARTUP: list[float] = []
"""A pool worker's start-up seconds (`start_worker`), until its first batch reports them."""


@dataclass
class BatchDone:
    """What a batch returns to the flow: counts only, its tables are part files."""

    files: int
    bytes: int
    stats: Stats
    shas: dict[str, str | None]  # the SHA-256 of the bytes each file's rows were made from
    warnings: list[str] = field(default_factory=list)  # for the flow's log
    seconds: float = 0.0  # the batch's own wall time, where it ran
    startup: float = 0.0  # a pool worker's first batch: the worker's spawn, imports, warm-up


def clean_files(
    files: list[RawFile], config: Config, temp: str, part: int, raise_transient: bool
) -> BatchDone:
    """Decode, repair, convert and structure `files`; validate what they made and write
    it as part `part` of each table in the temporary version directory `temp`.

    raise_transient: a transient read error raises (so that the task is retried)
    instead of rejecting its file as `unreadable`.
    """
    started = time.perf_counter()
    try:
        return _clean_files(files, config, temp, part, raise_transient, started)
    finally:
        if not gc.isenabled():  # a pool worker's (`start_worker`): one collection a batch
            gc.collect()


def _clean_files(
    files: list[RawFile],
    config: Config,
    temp: str,
    part: int,
    raise_transient: bool,
    started: float,
) -> BatchDone:
    """`clean_files`' work; `started`: when it began (`time.perf_counter()`)."""
    result = process_batch(files, config, raise_transient=raise_transient)
    rejects = result.tables["rejects"]
    warnings = [
        f"rejected {path} ({reason}): {detail}"
        for path, reason, detail in zip(
            *(rejects[c].to_pylist() for c in ("source_path", "reason", "detail")), strict=True
        )
        if reason in _LOGGED_REASONS
    ]
    with _VALIDATE_LOCK:
        validate_batch(result.tables)
    for name, table in result.tables.items():
        if table.num_rows:
            write_part(Path(temp), name, part, table)
    shas = dict(_path_sha(result.tables["documents"]) + _path_sha(result.tables["rejects"]))
    return BatchDone(
        result.files,
        result.bytes,
        Stats.of(result.tables),
        shas,
        warnings,
        time.perf_counter() - started,
        _STARTUP.pop() if _STARTUP else 0.0,
    )


def _path_sha(table: pa.Table) -> list[tuple[str, str | None]]:
    return list(
        zip(table["source_path"].to_pylist(), table["source_sha256"].to_pylist(), strict=True)
    )


@contextmanager
def worker_pool(
    workers: int, target_script: str, dictionaries: str = "package"
) -> Iterator[ProcessPoolExecutor]:
    """`workers` spawned processes, all started at once: each imports and warms up
    (`warm_worker`) while the flow plans and submits. Shut down on leaving: the batches
    in flight are waited for, those not started (after a failure) cancelled."""
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
        initargs=(target_script, dictionaries, time.time()),
    )
    try:
        with _main_module_left_out():
            for _ in range(workers):  # each submission finds no idle worker and spawns one
                pool.submit(int)
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _main_module_left_out() -> Iterator[None]:
    """Processes spawned in this block do not run the parent's main module.

    A spawned child imports its parent's `__main__` again, by name or by path, for what
    it may define (multiprocessing's `spawn.get_preparation_data` reads
    `sys.modules["__main__"]` as each process starts). The pool's workers need nothing
    from it, and it can be heavy: a deployment's flow run is `python -m prefect.engine`,
    whose import is all of Prefect (about 1.3 s more a worker). A bare module
    stands in for it while the workers start (submissions spawn them at once, in this
    thread).
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def warm_worker(target_script: str, dictionaries: str = "package") -> None:
    """Build a worker process's converter, repair model and byte tables once, before
    its first batch; then put everything the process holds out of the garbage
    collector's reach (`gc.freeze`): those objects live as long as the process, and
    every full collection walked them all (about 230,000 of them: 10% of the time of a
    batch)."""
    from zhclean.repair import warm_up

    converter(target_script, dictionaries)
    warm_up()
    gc.freeze()


def start_worker(
    target_script: str, dictionaries: str = "package", spawned: float | None = None
) -> None:
    """A pool worker's initializer: warm it up, turn the automatic garbage collector
    off, and let the worker end without freeing memory.

    A batch makes no reference cycles (a collection after one freed nothing on the
    bench's corpora, `tests/test_workers.py` checks the seeds), yet the collector ran
    about 1,400 times over 20 MB of batches, walking their lines and rows: 7% of their
    time. `clean_files` collects once after each batch instead.

    spawned: when the pool was made (`time.time()`); the seconds from then until the
    worker is warm are its start-up, reported with its first batch (`BatchDone.startup`).
    """
    warm_worker(target_script, dictionaries)
    gc.disable()
    if spawned is not None:
        _STARTUP.append(max(0.0, time.time() - spawned))
    atexit.register(exit_now)


def exit_now() -> None:
    """A pool worker's last exit handler: flush the logs and streams, then end the process.

    A spawned worker ends through the interpreter's shutdown, which frees every object
    one by one: with the model tables, 1-2 s during which the pool's shutdown, and so
    the run, waits (0.08 s with this). Exit handlers registered after this one have run
    by then; of those registered before, `logging.shutdown` is called here and the
    others (the multiprocessing finalizers, already run by the worker's bootstrap, and
    pyarrow's S3 finalizer) have nothing to do at a process's end.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
