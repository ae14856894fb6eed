"""Tables the repair models build, kept in a file from one process to the next.

Every worker process of a run builds the word model (`lm.py`, about 1.5 s) and loads
jieba's dictionary (about 1.4 s: jieba reads its own cache file object by object);
the same tables read back from one `marshal` file take about 0.3 s each (the trigram
model's NumPy arrays, `trigram.py`, 0.05 s). A file is
named by a hash of everything its tables were built from (the package data files, the
source of the code that builds them, the Python version), so a change to any of them
builds anew. The cache only saves time: a file that cannot be read, written or trusted
is passed over and the tables are built as without it.

Files are touched when read; when a new file is written, the files of the same tables
not read for `STALE_DAYS` days (built from packages or code since replaced) are removed,
and so are temporary files a killed writer left.

Location: `$ZHCLEAN_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/zhclean`, else
`~/.cache/zhclean`.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_DIR_ENV = "ZHCLEAN_CACHE_DIR"
_FORMAT = 1
"""Bump when what a cache file holds changes in a way its inputs do not show."""
STALE_DAYS = 30
"""Cache files not read for this long are removed when another of their name is written."""
_STALE_TEMP_SECONDS = 3600
"""A temporary file this old is a killed writer's: removed."""

log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    """Where the cache files go (None: no cache)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zhclean"


_KEY_LENGTH = 24
_KEY_GLOB = "[0-9a-f]" * _KEY_LENGTH


def _key(name: str, sources: Iterable[Path], extra: str) -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0{name}\0{sys.version}\0{extra}".encode())
    for source in sources:  # contents only: checkouts with the same packages share files
        digest.update(b"\0%d\0" % source.stat().st_size)
        digest.update(source.read_bytes())
    return digest.hexdigest()[:_KEY_LENGTH]


def cached(
    name: str,
    sources: Iterable[Path],
    build: Callable[[], T],
    valid: Callable[[Any], bool],
    extra: str = "",
) -> T:
    """`build()`, or what an earlier process built from the same `sources` (files whose
    contents the tables depend on, the building code's source included) and `extra`.

    `build` must return what `marshal` writes (dicts, sets, tuples, str, int, float);
    `valid` checks a value read back (its shape), else it is built again.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        path = directory / f"{name}-{_key(name, sources, extra)}.marshal"
    except OSError as err:  # a source file unreadable: nothing to name the tables by
        log.warning("model cache for %s not used (%s)", name, err)
        return build()
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            _touch(path)
            return value
        log.warning("model cache %s holds something else: building it again", path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as err:
        log.warning("model cache for %s unreadable (%s): building it again", name, err)
    value = build()
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump(value, out)
            os.replace(temp, path)  # readers see the whole file or none
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as err:
        log.warning("model cache for %s not written (%s)", name, err)
    else:
        _prune(directory, name, path)
    return value


def _touch(path: Path) -> None:
    """Mark `path` as read now (a read-only cache is read all the same)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(directory: Path, name: str, keep: Path) -> None:
    """Remove the files of tables `name` other than `keep` that no process has read for
    `STALE_DAYS` days, and its temporary files older than an hour: each table file is
    about 10 MB, and every new version of a package it was built from writes another."""
    now = time.time()
    olds = [(p, STALE_DAYS * 86400) for p in directory.glob(f"{name}-{_KEY_GLOB}.marshal")]
    olds += [(p, _STALE_TEMP_SECONDS) for p in directory.glob(f".{name}-{'?' * 8}.tmp")]
    for old, age in olds:
        try:
            if old != keep and now - old.stat().st_mtime > age:
                old.unlink()
                log.info("model cache: removed %s (unused)", old)
        except OSError:  # gone already, or not ours to remove
            pass
