"""The `clean-corpus` flow: raw/ -> validated, versioned Parquet in processed/.

Reads like the pipeline's table of contents; each task runs the plain functions
of the `zhclean` package over a batch of files.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from schemas import validate_batch, validate_run
from zhclean import __version__
from zhclean.discover import discover
from zhclean.model import RawFile, Reject
from zhclean.pipeline import BatchResult, Config, process_batch
from zhclean.publish import publish
from zhclean.report import render, summarize
from zhclean.script import converter_info
from zhclean.tables import SCHEMA_VERSION, concat, new_rows

DEFAULT_BATCH_BYTES = 4 * 2**20


def batches(files: list[RawFile], batch_bytes: int) -> list[list[RawFile]]:
    """Consecutive groups of files of about `batch_bytes` each (at least one file)."""
    groups: list[list[RawFile]] = []
    size = batch_bytes
    for raw in files:
        if size >= batch_bytes:
            groups.append([])
            size = 0
        groups[-1].append(raw)
        size += max(raw.size, 1)
    return groups


@task(name="discover", cache_policy=NO_CACHE)
def discover_files(raw_dir: Path, max_file_bytes: int) -> tuple[list[RawFile], list[Reject]]:
    return discover(raw_dir, max_file_bytes)


@task(name="clean-batch", cache_policy=NO_CACHE)
def clean_batch(files: list[RawFile], config: Config) -> BatchResult:
    """Decode, repair, convert and structure a batch of files; validate what it made."""
    result = process_batch(files, config)
    validate_batch(result.tables)
    return result


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict, raw_paths: list[str]) -> None:
    validate_run(tables, raw_paths)


@task(name="publish", cache_policy=NO_CACHE)
def publish_version(out_dir: Path, tables: dict, manifest: dict[str, Any]) -> str:
    return publish(out_dir, tables, manifest)


@flow(name="clean-corpus", log_prints=False)
def clean_corpus(
    raw_dir: str = "raw",
    out_dir: str = "processed",
    target_script: str = "hans",
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    max_file_bytes: int = 50 * 2**20,
) -> dict[str, Any]:
    """Clean every file under raw_dir and publish the next version under out_dir.

    target_script: hans (Simplified, OpenCC t2s), hant (Traditional, s2t) or keep.
    batch_bytes: raw bytes per task. max_file_bytes: larger files are rejected.
    Returns the run summary, with the published `version`.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    config = Config(target_script=target_script, max_file_bytes=max_file_bytes)
    raw, out = Path(raw_dir), Path(out_dir)
    if not raw.is_dir():
        raise FileNotFoundError(f"raw directory {raw} does not exist")

    files, discover_rejects = discover_files(raw, max_file_bytes)
    groups = batches(files, batch_bytes)
    logger.info(
        "%d files (%d rejected at discovery) in %d batches",
        len(files) + len(discover_rejects),
        len(discover_rejects),
        len(groups),
    )
    results: list[BatchResult] = clean_batch.map(groups, unmapped(config)).result()

    rejected = new_rows()["rejects"]
    for r in discover_rejects:
        rejected.append(**r.__dict__)
    batch_tables = [r.tables for r in results] + [{"rejects": rejected.to_arrow()}]
    tables = {
        name: concat((t[name] for t in batch_tables if name in t), name)
        for name in ("documents", "sections", "sentences", "rejects")
    }
    raw_paths = [f.rel_path for f in files] + [r.source_path for r in discover_rejects]
    validate(tables, raw_paths)

    manifest = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "config": {**config.to_dict(), "converter": converter_info(target_script)},
        "inputs": _inputs(tables),
    }
    version = publish_version(out, tables, manifest)
    summary = summarize(
        tables,
        version=version,
        out_dir=str(out),
        files=len(raw_paths),
        megabytes=round(sum(f.size for f in files) / 2**20, 3),
        seconds=round(time.perf_counter() - started, 2),
        encodings=dict(sum((r.encodings for r in results), Counter()).most_common()),
        scripts=dict(sum((r.scripts for r in results), Counter()).most_common()),
    )
    text = render(summary)
    logger.info("published %s\n%s", version, text)
    create_markdown_artifact(
        key="clean-corpus-summary", markdown=text, description=f"zhclean {version}"
    )
    return summary


def _inputs(tables: dict) -> dict[str, Any]:
    """The manifest's inputs: every raw file with its sha256 (null if unreadable)."""
    files = dict(
        zip(
            tables["documents"]["source_path"].to_pylist(),
            tables["documents"]["source_sha256"].to_pylist(),
            strict=True,
        )
    )
    files.update(
        zip(
            tables["rejects"]["source_path"].to_pylist(),
            tables["rejects"]["source_sha256"].to_pylist(),
            strict=True,
        )
    )
    return {"count": len(files), "files": [{"path": p, "sha256": files[p]} for p in sorted(files)]}
