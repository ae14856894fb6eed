"""Find the raw files under RAW_DIR and read them.

Every regular file reachable under RAW_DIR ends up in exactly one of the two lists that
`discover` returns. Symbolic links are followed only when their resolved target lies inside
RAW_DIR; a directory is listed once, under its real path (a link to a directory that is
already listed, a link loop included, adds nothing). Links leading outside are rejected
(``outside_raw_dir``), broken or looping links and entries that cannot be stat'ed or listed are
``unreadable``, and so are FIFOs, sockets and devices (reading them could block). A file over
`max_bytes` is ``too_large``; its SHA-256 is still computed, streaming, because the contract
allows a null hash only for files that could not be read. Names that are not valid UTF-8 get
a printable `rel_path` (``\\xff`` for an undecodable byte, ``\\x0a`` for a control character);
`RawFile.path` keeps the real name (for a followed link: its resolved target).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from zhclean.model import RawFile, Reject, Rejected

MAX_BYTES = 50 * 2**20
_CHUNK = 2**20


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


def _printable(name: str) -> str:
    """`name` with undecodable bytes and control characters written as ``\\xNN``, and a
    backslash as ``\\\\``, so that two different names never print the same."""
    raw = os.fsencode(name).replace(b"\\", b"\\\\")
    return raw.decode("utf-8", "backslashreplace").translate(_CONTROLS)


def _kind(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return what
    return "not a regular file"


def _why(err: OSError) -> str:
    return err.strerror or type(err).__name__


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


class _Walker:
    """Depth-first listing of real directories; directory links are resolved afterwards."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.files: list[RawFile] = []
        self.rejects: list[Reject] = []
        self.seen_dirs: set[tuple[int, int]] = set()
        self.dir_links: list[tuple[Path, str]] = []

    def reject(self, rel: str, reason: str, detail: str, sha: str | None = None) -> None:
        self.rejects.append(Reject(rel, sha, reason, detail))

    def walk_dir(self, path: Path, rel: str) -> None:
        try:
            st = path.stat()
            key = (st.st_dev, st.st_ino)
            if key in self.seen_dirs:
                return
            self.seen_dirs.add(key)
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            if not rel:
                raise  # RAW_DIR itself: not a bad input file but an unusable run
            self.reject(rel, "unreadable", f"cannot list directory: {_why(err)}")
            return
        for entry in entries:
            child_rel = f"{rel}/{_printable(entry.name)}" if rel else _printable(entry.name)
            self.visit(Path(entry.path), child_rel)

    def visit(self, path: Path, rel: str) -> None:
        try:
            if path.is_symlink():
                self.visit_link(path, rel)
                return
            st = path.stat(follow_symlinks=False)
        except OSError as err:
            self.reject(rel, "unreadable", f"cannot stat: {_why(err)}")
            return
        if stat.S_ISDIR(st.st_mode):
            self.walk_dir(path, rel)
        else:
            self.add_file(path, rel, st)

    def visit_link(self, path: Path, rel: str) -> None:
        try:
            target = Path(os.path.realpath(path, strict=True))
        except (OSError, RuntimeError) as err:
            detail = _why(err) if isinstance(err, OSError) else "symlink loop"
            self.reject(rel, "unreadable", f"broken symbolic link: {detail}")
            return
        if not _inside(target, self.root):
            self.reject(rel, "outside_raw_dir", "symbolic link to a path outside RAW_DIR")
            return
        try:
            st = target.stat()
        except OSError as err:
            self.reject(rel, "unreadable", f"cannot stat link target: {_why(err)}")
            return
        if stat.S_ISDIR(st.st_mode):
            self.dir_links.append((target, rel))
        else:
            self.add_file(target, rel, st)

    def add_file(self, path: Path, rel: str, st: os.stat_result) -> None:
        if not stat.S_ISREG(st.st_mode):
            self.reject(rel, "unreadable", f"{_kind(st.st_mode)}, not a regular file")
        elif st.st_size > self.max_bytes:
            detail = f"{st.st_size} bytes exceeds the {self.max_bytes} byte limit"
            try:
                self.reject(rel, "too_large", detail, _sha256(path))
            except OSError as err:  # too large, and its hash cannot be read either
                self.reject(rel, "unreadable", f"{read_failure(err)}; {detail}")
        else:
            self.files.append(RawFile(path, rel, st.st_size))

    def run(self) -> None:
        self.walk_dir(self.root, "")
        while self.dir_links:  # only directories the real walk could not reach
            pending, self.dir_links = sorted(self.dir_links, key=lambda x: x[1]), []
            for target, rel in pending:
                self.walk_dir(target, rel)


def discover(raw_dir: Path, max_bytes: int = MAX_BYTES) -> tuple[list[RawFile], list[Reject]]:
    """Every regular file under `raw_dir` as a `RawFile` or a `Reject`, both sorted by rel_path.

    Raises `OSError` (`FileNotFoundError`, `NotADirectoryError`, `PermissionError`) when
    `raw_dir` itself cannot be resolved or listed.
    """
    root = Path(raw_dir).resolve(strict=True)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {raw_dir}")
    walker = _Walker(root, max_bytes)
    walker.run()
    walker.files.sort(key=lambda f: f.rel_path)
    walker.rejects.sort(key=lambda r: r.source_path)
    return walker.files, walker.rejects


TRANSIENT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in (
        "EIO", "EAGAIN", "EWOULDBLOCK", "EINTR", "ETIMEDOUT", "ESTALE", "ENOLCK", "EBUSY",
        "ENOMEM", "ENFILE", "EMFILE", "ENOBUFS", "ECONNRESET", "ECONNABORTED", "ECONNREFUSED",
        "ENETDOWN", "ENETUNREACH", "ENETRESET", "EHOSTDOWN", "EHOSTUNREACH", "ECOMM",
        "EREMOTEIO",
    )
    if hasattr(errno, name)
)  # fmt: skip
"""Errors a second attempt may not meet (a disk, network filesystem or resource hiccup);
every other OSError (ENOENT, EACCES, EISDIR, ELOOP, ENOSPC, ...) is permanent."""


def is_transient(error: BaseException) -> bool:
    """True for an OSError that is worth retrying (its errno is in `TRANSIENT_ERRNOS`)."""
    return isinstance(error, OSError) and error.errno in TRANSIENT_ERRNOS


def _errno_name(err: OSError) -> str:
    return errno.errorcode.get(err.errno, str(err.errno)) if err.errno else type(err).__name__


def read_failure(err: OSError) -> str:
    """The reject detail of a file that could not be read: what happened, and the errno."""
    name = _errno_name(err)
    if err.errno == errno.ENOENT:
        return f"vanished after discovery: {_why(err)} ({name})"
    if err.errno == errno.ELOOP:
        return f"replaced by a symbolic link after discovery ({name})"
    if is_transient(err):
        return f"cannot read: {_why(err)} ({name}, transient; the next run reads it again)"
    return f"cannot read: {_why(err)} ({name})"


def _open_regular(path: Path) -> int:
    """A descriptor of `path` opened for reading, if it still is a regular file.

    O_NOFOLLOW: `path` is a real path (links were resolved at discovery), so a link here
    replaced the file since and may lead out of RAW_DIR. O_NONBLOCK: a FIFO put in its
    place must not block the open.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a directory" if stat.S_ISDIR(mode) else _kind(mode)
            raise Rejected("unreadable", f"replaced by {what} after discovery")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read(
    raw: RawFile, max_bytes: int = MAX_BYTES, *, raise_transient: bool = False
) -> tuple[bytes, str]:
    """The file's bytes and their hex SHA-256, reading at most `max_bytes` + 1 bytes.

    Raises `Rejected`: ``too_large`` when the file grew past `max_bytes` after discovery
    (its SHA-256 is then streamed, never the whole file held), ``unreadable`` when it
    vanished, was replaced by a link or a non-regular file, or an OSError prevented
    reading it (`read_failure` says which). A transient OSError (`is_transient`) is
    raised as is when `raise_transient` is true, for the caller to retry.
    A file on a remote filesystem (`raw.filesystem`) is read by `objectstore.read_uri`.
    """
    if raw.filesystem is not None:
        from zhclean.objectstore import read_uri

        return read_uri(raw, max_bytes, raise_transient=raise_transient)
    try:
        with os.fdopen(_open_regular(raw.path), "rb") as f:
            return read_capped(f, max_bytes)
    except OSError as err:
        if raise_transient and is_transient(err):
            raise
        raise Rejected("unreadable", read_failure(err)) from err


def read_capped(stream: BinaryIO, max_bytes: int) -> tuple[bytes, str]:
    """The bytes of an open file or stream and their hex SHA-256, holding at most
    `max_bytes` + 1 bytes: past that, `Rejected("too_large")` with the SHA-256 of the
    whole, streamed (the file grew after discovery). OSErrors pass through."""
    data = stream.read(max_bytes + 1)
    if len(data) <= max_bytes:
        return data, hashlib.sha256(data).hexdigest()
    digest, size = hashlib.sha256(data), len(data)
    del data
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    detail = f"{size} bytes exceeds the {max_bytes} byte limit (grew after discovery)"
    raise Rejected("too_large", detail, sha256=digest.hexdigest())
