"""Incremental runs: which raw files need the pipeline, and the parent's rows of the rest.

A file whose SHA-256 is the one the parent version recorded, under the same
fingerprint (schema version, pipeline version and code, every output-relevant option,
the converter), is not processed again: its rows are copied from the parent's tables,
streaming, part file by part file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from zhclean.model import RawFile, Reject
from zhclean.publish import part_path
from zhclean.report import Stats
from zhclean.tables import SCHEMAS

_PACKAGE = Path(__file__).resolve().parent
_NOT_OUTPUT = {"cli.py", "incremental.py", "progress.py", "publish.py", "report.py"}
"""Modules of the package that do not change what a file's rows are."""
FINGERPRINT_KEYS = ("schema_version", "pipeline_version", "config")
"""Manifest entries that must be equal for a parent's rows to be reused."""
_SCAN_ROWS = {"documents": 1024}  # rows per record batch when copying (texts are long)
_SCAN_ROWS_OTHER = 65536
_PART_BYTES = 64 * 2**20  # start a new part file after this many (in-memory) bytes


def code_sha256() -> str:
    """SHA-256 of the text core's source (every module that shapes the rows)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        rel = path.relative_to(_PACKAGE).as_posix()
        if rel in _NOT_OUTPUT:
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def table_source(version_dir: Path, name: str) -> Path:
    """A version's table: the directory of part files, or the single `name.parquet`."""
    directory = version_dir / name
    return directory if directory.is_dir() else version_dir / f"{name}.parquet"


def read_manifest(version_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((version_dir / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


@dataclass
class Plan:
    """What a run does with each raw file, compared with the parent version."""

    parent: str | None
    config_changed: bool
    process: list[RawFile]  # through the pipeline
    keep: list[str] = field(default_factory=list)  # rows copied from the parent
    changes: dict[str, int] = field(default_factory=dict)
    full: bool = False  # every file processed again, whatever changed

    @property
    def nothing_changed(self) -> bool:
        """The parent already is what this run would publish."""
        return (
            self.parent is not None
            and not self.full
            and not self.config_changed
            and not any(self.changes[k] for k in ("added", "changed", "removed"))
        )


def same_config(parent_manifest: dict[str, Any], fingerprint: dict[str, Any]) -> bool:
    """Whether the parent version was made with this schema, pipeline and configuration
    (else every file is cleaned again)."""
    return all(parent_manifest.get(k) == fingerprint[k] for k in FINGERPRINT_KEYS)


def plan(
    parent: str | None,
    parent_manifest: dict[str, Any] | None,
    fingerprint: dict[str, Any],
    files: list[RawFile],
    shas: dict[str, str | None],
    discover_rejects: list[Reject],
    reuse: bool = True,
) -> Plan:
    """Sort the raw files into added, changed, removed and unchanged.

    With `reuse` False (a full run) no file counts as unchanged: every file present
    in both is changed, and all are processed.

    `shas` holds every discovered file's SHA-256 (None when it could not be read:
    such a file is always processed again). Files rejected at discovery are never
    copied (discovery rejects them again) but count like the others.
    """
    current = {f.rel_path: shas.get(f.rel_path) for f in files}
    current.update({r.source_path: r.source_sha256 for r in discover_rejects})
    previous: dict[str, str | None] = {}
    config_changed = True
    if parent_manifest is not None:
        previous = {f["path"]: f["sha256"] for f in parent_manifest["inputs"]["files"]}
        config_changed = not same_config(parent_manifest, fingerprint)
    rejected = {r.source_path for r in discover_rejects}
    unchanged = {
        path
        for path, sha in current.items()
        if path in previous
        and previous[path] == sha
        and (sha is not None or path in rejected)
        and not config_changed
        and reuse
    }
    common = current.keys() & previous.keys()
    return Plan(
        parent=parent if parent_manifest is not None else None,
        config_changed=config_changed and parent_manifest is not None,
        process=[f for f in files if f.rel_path not in unchanged],
        keep=[f.rel_path for f in files if f.rel_path in unchanged],
        changes={
            "added": len(current.keys() - previous.keys()),
            "changed": len(common - unchanged),
            "removed": len(previous.keys() - current.keys()),
            "unchanged": len(unchanged),
        },
        full=not reuse,
    )


class _PartWriter:
    """Record batches into part files of about `_PART_BYTES` each."""

    def __init__(self, temp: Path, table: str, first_part: int) -> None:
        self.temp, self.table, self.number = temp, table, first_part
        self.writer: pq.ParquetWriter | None = None
        self.written = 0

    def write(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        if self.writer is None:
            path = part_path(self.temp, self.table, self.number)
            path.parent.mkdir(exist_ok=True)
            self.writer = pq.ParquetWriter(path, SCHEMAS[self.table], compression="zstd")
        self.writer.write_batch(batch)
        self.written += batch.nbytes
        if self.written >= _PART_BYTES:
            self.close()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.number += 1
            self.writer, self.written = None, 0


def _scan(source: Path, name: str, keep: pc.Expression) -> Iterator[pa.RecordBatch]:
    dataset = ds.dataset(source, format="parquet")
    scanner = dataset.scanner(
        columns=SCHEMAS[name].names,
        filter=keep,
        batch_size=_SCAN_ROWS.get(name, _SCAN_ROWS_OTHER),
        batch_readahead=1,
        fragment_readahead=1,
    )
    for batch in scanner.to_batches():
        yield batch.cast(SCHEMAS[name]) if batch.schema != SCHEMAS[name] else batch


def carry_over(parent_dir: Path, temp: Path, keep: list[str], first_part: int) -> Stats:
    """Copy the parent's rows of the files in `keep` into part files of `temp`, numbered
    from `first_part` in each table; returns the counts of what was copied."""
    stats = Stats()
    if not keep:
        return stats
    paths = pa.array(sorted(keep), pa.string())
    doc_ids: list[pa.Array] = []
    for name in ("documents", "rejects"):
        writer = _PartWriter(temp, name, first_part)
        source = table_source(parent_dir, name)
        for batch in _scan(source, name, pc.field("source_path").isin(paths)):
            writer.write(batch)
            stats.merge(Stats.of({name: batch}))
            if name == "documents":
                doc_ids.append(batch.column("doc_id"))
        writer.close()
    ids = pa.concat_arrays(doc_ids) if doc_ids else pa.array([], pa.string())
    for name in ("sections", "sentences"):
        if len(ids) == 0:
            break
        writer = _PartWriter(temp, name, first_part)
        for batch in _scan(table_source(parent_dir, name), name, pc.field("doc_id").isin(ids)):
            writer.write(batch)
            stats.merge(Stats.of({name: batch}))
        writer.close()
    return stats
