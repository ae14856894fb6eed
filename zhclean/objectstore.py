"""Raw files on a filesystem that pyarrow reaches by URI: s3://, gs://, hdfs://, file://.

`discover_uri` lists every object under the URI's path (recursively; object stores have
no links, FIFOs or undecodable names) into `RawFile`s that carry the URI, and `read_uri`
reads one, with the same rules as the local `discover`/`read`: a file over the size cap
is ``too_large`` (its SHA-256 streamed), one that vanished after listing is
``unreadable``. Errors of a remote store carry no errno: all but not-found and
permission errors count as transient (a network hiccup): raised as EREMOTEIO, they
make Prefect retry the batch.

Options go in the URI's query, as pyarrow reads them, e.g.
``s3://bucket/raw?endpoint_override=127.0.0.1:9000&scheme=http&region=us-east-1``;
credentials come from the environment (AWS_ACCESS_KEY_ID, ...), never from the URI.
"""

from __future__ import annotations

import errno
import hashlib
import threading
from pathlib import PurePosixPath

import pyarrow.fs as pafs

from zhclean.discover import read_capped
from zhclean.model import RawFile, Reject, Rejected

_CHUNK = 2**20
_lock = threading.Lock()
_filesystems: dict[str, tuple[pafs.FileSystem, str]] = {}


def is_uri(location: str) -> bool:
    """True for a location with a scheme (`s3://…`, `file:///…`), not a local path."""
    return "://" in location


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem of `uri` and the path inside it (one filesystem per URI and process)."""
    with _lock:
        if uri not in _filesystems:
            _filesystems[uri] = pafs.FileSystem.from_uri(uri)
        return _filesystems[uri]


def _sha256_streamed(fs: pafs.FileSystem, path: str) -> str:
    digest = hashlib.sha256()
    with fs.open_input_stream(path) as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def discover_uri(uri: str, max_bytes: int) -> tuple[list[RawFile], list[Reject]]:
    """Every object under `uri` as a `RawFile` or a `Reject`, both sorted by rel_path.

    Raises `FileNotFoundError` when nothing is at the URI's path, `NotADirectoryError`
    when it is a single object, `OSError` when the store cannot be listed.
    """
    fs, base = filesystem(uri)
    kind = fs.get_file_info(base).type
    if kind == pafs.FileType.NotFound:
        raise FileNotFoundError(f"raw location {uri} does not exist")
    if kind != pafs.FileType.Directory:
        raise NotADirectoryError(f"raw location {uri} is not a directory")
    files: list[RawFile] = []
    rejects: list[Reject] = []
    prefix = base.rstrip("/") + "/"
    for info in fs.get_file_info(pafs.FileSelector(base, recursive=True)):
        if info.type != pafs.FileType.File:
            continue  # directories (prefixes) hold no bytes
        rel = info.path[len(prefix) :] if info.path.startswith(prefix) else info.path
        if info.size > max_bytes:
            try:
                sha: str | None = _sha256_streamed(fs, info.path)
            except OSError:
                sha = None
            detail = f"{info.size} bytes exceeds the {max_bytes} byte limit"
            rejects.append(Reject(rel, sha, "too_large", detail))
            continue
        files.append(RawFile(PurePosixPath(info.path), rel, info.size, filesystem=uri))  # type: ignore[arg-type]
    files.sort(key=lambda f: f.rel_path)
    rejects.sort(key=lambda r: r.source_path)
    return files, rejects


def transient(error: OSError) -> bool:
    """A remote error worth retrying: anything but not-found and permission errors."""
    return not isinstance(error, FileNotFoundError | PermissionError | IsADirectoryError)


def read_uri(raw: RawFile, max_bytes: int, *, raise_transient: bool = False) -> tuple[bytes, str]:
    """The object's bytes and their hex SHA-256, reading at most `max_bytes` + 1 bytes
    (see `zhclean.discover.read` for the rejects)."""
    assert raw.filesystem is not None
    fs, _ = filesystem(raw.filesystem)
    try:
        with fs.open_input_stream(str(raw.path)) as stream:
            return read_capped(stream, max_bytes)  # type: ignore[arg-type]
    except OSError as err:
        if raise_transient and transient(err):  # with an errno the retry condition knows
            raise OSError(errno.EREMOTEIO, f"remote read failed: {err}") from err
        if isinstance(err, FileNotFoundError):
            raise Rejected("unreadable", f"vanished after discovery: {err}") from err
        kind = "transient; the next run reads it again" if transient(err) else "permanent"
        raise Rejected("unreadable", f"cannot read: {err} ({kind})") from err
