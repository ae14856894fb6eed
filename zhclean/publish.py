"""Versioned output: write into a temporary directory, rename it to the next vNNNN,
then point LATEST at it. Readers who follow LATEST never see half a version.

A run writes its tables part by part (`start`, `write_part` from any process, then
`commit`); `publish` does all three for whole in-memory tables."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_VERSION = re.compile(r"^v(\d{4,})$")
_TEMP_PREFIX = ".tmp-"
LATEST = "LATEST"


def versions(out_dir: Path) -> list[str]:
    """Published version directories, oldest first."""
    if not out_dir.is_dir():
        return []
    found = [p.name for p in out_dir.iterdir() if p.is_dir() and _VERSION.match(p.name)]
    return sorted(found, key=lambda name: int(name[1:]))


def latest(out_dir: Path) -> str | None:
    """The version LATEST names, or None before the first publish."""
    try:
        name = (out_dir / LATEST).read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    return name or None


def _next_version(out_dir: Path) -> str:
    existing = versions(out_dir)
    number = int(existing[-1][1:]) + 1 if existing else 1
    return f"v{number:04d}"


@contextlib.contextmanager
def _publish_lock(out_dir: Path) -> Iterator[None]:
    """One publisher at a time per output directory (an advisory file lock)."""
    with open(out_dir / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(out_dir: Path) -> list[str]:
    """Delete temporary files and directories left by runs whose process is gone."""
    removed = []
    for path in out_dir.glob(f"{_TEMP_PREFIX}*"):
        pid = path.name[len(_TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and _pid_alive(int(pid)):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    temp = path.with_name(f"{_TEMP_PREFIX}{os.getpid()}-{path.name}")
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def start(out_dir: Path) -> Path:
    """A fresh temporary version directory under `out_dir` (named after this process,
    so that `remove_stale_temporaries` of another run leaves it alone while it lives)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    temp = out_dir / f"{_TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
    temp.mkdir()
    return temp


def abort(temp: Path) -> None:
    """Throw a temporary version directory away (nothing was published)."""
    shutil.rmtree(temp, ignore_errors=True)


def part_path(temp: Path, table: str, number: int) -> Path:
    """Where part `number` of `table` goes: `temp/table/part-NNNNN.parquet`."""
    return temp / table / f"part-{number:05d}.parquet"


def write_part(temp: Path, table: str, number: int, data: pa.Table) -> Path:
    """Write one part file of `table` (zstd, fsync'ed) and return its path."""
    path = part_path(temp, table, number)
    path.parent.mkdir(exist_ok=True)
    pq.write_table(data, path, compression="zstd")
    _fsync_file(path)
    return path


def _fsync_tree(temp: Path) -> None:
    for directory in sorted(p for p in temp.rglob("*") if p.is_dir()):
        _fsync_dir(directory)
    _fsync_dir(temp)


def commit(
    out_dir: Path,
    temp: Path,
    manifest: dict[str, Any],
    row_counts: dict[str, int],
    extras: Callable[[str], dict[str, str | bytes]] | None = None,
) -> str:
    """Make the finished temporary directory `temp` the next version and LATEST.

    The manifest gets `version`, `created_at`, `parent_version` and `row_counts`
    filled in; `extras(version)` names more files (report, plot) written into the
    version before it becomes visible. Returns the new version's name.
    """
    with _publish_lock(out_dir):
        remove_stale_temporaries(out_dir)
        version = _next_version(out_dir)
        manifest = {
            "version": version,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "parent_version": latest(out_dir),
            **manifest,
            "row_counts": row_counts,
        }
        for name, content in (extras(version) if extras else {}).items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(temp / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        _write_atomic(temp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        _fsync_tree(temp)
        os.rename(temp, out_dir / version)
        _fsync_dir(out_dir)
        _write_atomic(out_dir / LATEST, version + "\n")
        _fsync_dir(out_dir)
    return version


def publish(out_dir: Path, tables: dict[str, pa.Table], manifest: dict[str, Any]) -> str:
    """Write whole `tables` (one `name.parquet` each) as the next version of `out_dir`
    and make it LATEST. Returns the new version's name (see `commit`)."""
    temp = start(out_dir)
    try:
        for name, table in tables.items():
            path = temp / f"{name}.parquet"
            pq.write_table(table, path, compression="zstd")
            _fsync_file(path)
        return commit(out_dir, temp, manifest, {n: t.num_rows for n, t in tables.items()})
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
