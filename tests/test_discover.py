"""Tests for zhclean.discover: what is found, in which order, and what is rejected."""

from __future__ import annotations

import errno
import hashlib
import os
import tracemalloc
from pathlib import Path

import pytest

from zhclean.discover import discover, is_transient, read
from zhclean.model import RawFile, Reject, Rejected

RAW = Path(__file__).resolve().parent.parent / "raw"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    root = tmp_path.resolve() / "raw"
    root.mkdir()
    return root


def rels(files: list[RawFile]) -> list[str]:
    return [f.rel_path for f in files]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_seed_directory() -> None:
    files, rejects = discover(RAW)
    assert rejects == []
    assert [f.rel_path[:3] for f in files] == ["000", "001", "002", "003", "004"]
    assert all(f.size == f.path.stat().st_size and f.path.is_absolute() for f in files)


def test_nested_sorted_and_hidden(raw: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/c.txt", ".hidden", "A.txt", "中文/文件.txt", "a/.git/x"]:
        write(raw / rel, rel.encode())
    (raw / "empty_dir").mkdir()
    files, rejects = discover(raw)
    assert rejects == []
    assert rels(files) == [
        ".hidden",
        "A.txt",
        "a/.git/x",
        "a/b/c.txt",
        "a/z.txt",
        "b.txt",
        "中文/文件.txt",
    ]
    by_rel = {f.rel_path: f for f in files}
    assert by_rel["a/b/c.txt"] == RawFile(raw / "a" / "b" / "c.txt", "a/b/c.txt", 9)


def test_relative_raw_dir_gives_absolute_paths(raw: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(raw / "a.txt")
    monkeypatch.chdir(raw.parent)
    files, _ = discover(Path("raw"))
    assert files == [RawFile(raw / "a.txt", "a.txt", 1)]


def test_size_cap(raw: Path) -> None:
    write(raw / "big.txt", b"0123456789A")
    write(raw / "fits.txt", b"0123456789")
    files, rejects = discover(raw, max_bytes=10)
    assert rels(files) == ["fits.txt"]
    assert rejects == [
        Reject("big.txt", sha(b"0123456789A"), "too_large", "11 bytes exceeds the 10 byte limit")
    ]


def test_too_large_and_unhashable_names_the_errno(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(raw / "big.txt", b"0123456789A")
    real_open = Path.open

    def failing(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "big.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing)
    assert discover(raw, max_bytes=10)[1] == [
        Reject(
            "big.txt",
            None,
            "unreadable",
            "cannot read: Permission denied (EACCES); 11 bytes exceeds the 10 byte limit",
        )
    ]


def test_symlink_inside_is_followed(raw: Path) -> None:
    target = write(raw / "docs" / "a.txt", b"hello")
    (raw / "link.txt").symlink_to("docs/a.txt")
    files, rejects = discover(raw)
    assert rejects == []
    assert files == [RawFile(target, "docs/a.txt", 5), RawFile(target, "link.txt", 5)]
    assert read(files[1]) == (b"hello", sha(b"hello"))


def test_symlinks_outside_are_rejected(raw: Path, tmp_path: Path) -> None:
    write(tmp_path / "secret.txt", b"secret")
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere" / "b.txt")
    (raw / "abs.txt").symlink_to(tmp_path / "secret.txt")
    (raw / "rel.txt").symlink_to("../secret.txt")
    (raw / "dir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    files, rejects = discover(raw)
    assert files == []
    detail = "symbolic link to a path outside RAW_DIR"
    assert rejects == [
        Reject("abs.txt", None, "outside_raw_dir", detail),
        Reject("dir", None, "outside_raw_dir", detail),
        Reject("rel.txt", None, "outside_raw_dir", detail),
    ]


def test_broken_and_self_links_are_unreadable(raw: Path) -> None:
    (raw / "broken.txt").symlink_to("missing.txt")
    (raw / "self").symlink_to("self")
    files, rejects = discover(raw)
    assert files == []
    assert [(r.source_path, r.reason, r.source_sha256) for r in rejects] == [
        ("broken.txt", "unreadable", None),
        ("self", "unreadable", None),
    ]
    assert rejects[0].detail.startswith("broken symbolic link: ")


def test_directory_link_loops_do_not_hang(raw: Path) -> None:
    write(raw / "sub" / "a.txt")
    (raw / "sub" / "up").symlink_to("..", target_is_directory=True)
    (raw / "sub" / "here").symlink_to(".", target_is_directory=True)
    (raw / "alias").symlink_to("sub", target_is_directory=True)  # sorts before "sub"
    files, rejects = discover(raw)
    assert rejects == []
    assert rels(files) == ["sub/a.txt"]  # once, under its real path


def test_raw_dir_given_through_a_link(raw: Path, tmp_path: Path) -> None:
    write(raw / "a.txt")
    (tmp_path / "via").symlink_to(raw, target_is_directory=True)
    (raw / "inner.txt").symlink_to(raw / "a.txt")
    files, rejects = discover(tmp_path / "via")
    assert rejects == []
    assert rels(files) == ["a.txt", "inner.txt"]


def test_non_utf8_and_control_names(raw: Path) -> None:
    bad = os.path.join(os.fsencode(raw), b"bad\xffname.txt")
    with open(bad, "wb") as f:
        f.write(b"data")
    write(raw / "line\nbreak.txt")
    files, rejects = discover(raw)
    assert rejects == []
    assert rels(files) == ["bad\\xffname.txt", "line\\x0abreak.txt"]
    assert read(files[0]) == (b"data", sha(b"data"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_rejected_not_read(raw: Path) -> None:
    os.mkfifo(raw / "pipe")
    files, rejects = discover(raw)
    assert files == []
    assert rejects == [Reject("pipe", None, "unreadable", "a named pipe, not a regular file")]


def test_unlistable_directory_is_rejected(raw: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Running as root, chmod 000 does not stop listing: simulate the PermissionError instead.
    write(raw / "ok.txt")
    write(raw / "locked" / "hidden.txt")
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejects = discover(raw)
    assert rels(files) == ["ok.txt"]
    assert rejects == [
        Reject("locked", None, "unreadable", "cannot list directory: Permission denied")
    ]


@pytest.mark.skipif(AS_ROOT, reason="root ignores file permissions")
def test_chmod_000_file_is_unreadable_on_read(raw: Path) -> None:
    path = write(raw / "locked.txt")
    path.chmod(0)
    try:
        (raw_file,) = discover(raw)[0]
        with pytest.raises(Rejected) as info:
            read(raw_file)
        assert (info.value.reason, info.value.detail) == (
            "unreadable",
            "cannot read: Permission denied (EACCES)",
        )
    finally:
        path.chmod(0o644)


def test_read_of_a_vanished_file_is_unreadable(raw: Path) -> None:
    path = write(raw / "gone.txt")
    (raw_file,) = discover(raw)[0]
    path.unlink()
    with pytest.raises(Rejected) as info:
        read(raw_file)
    assert (info.value.reason, info.value.detail, info.value.sha256) == (
        "unreadable",
        "vanished after discovery: No such file or directory (ENOENT)",
        None,
    )


def test_read_returns_bytes_and_sha256(raw: Path) -> None:
    data = "組織部門".encode("big5")
    write(raw / "a.txt", data)
    (raw_file,) = discover(raw)[0]
    assert read(raw_file) == (data, sha(data))


def test_every_file_appears_exactly_once(raw: Path, tmp_path: Path) -> None:
    write(raw / "a.txt")
    write(raw / "d" / "big.txt", b"x" * 100)
    (raw / "out.txt").symlink_to(write(tmp_path / "o.txt"))
    (raw / "broken").symlink_to("nowhere")
    files, rejects = discover(raw, max_bytes=50)
    paths = rels(files) + [r.source_path for r in rejects]
    assert sorted(paths) == ["a.txt", "broken", "d/big.txt", "out.txt"]
    assert len(set(paths)) == len(paths)


def test_missing_raw_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover(tmp_path / "nope")
    with pytest.raises(NotADirectoryError):
        discover(write(tmp_path / "file.txt"))


def test_names_that_print_alike_stay_distinct(raw: Path) -> None:
    for name in (b"a\xff.txt", b"a\\xff.txt", b"b\nc.txt", b"b\\x0ac.txt"):
        with open(os.path.join(os.fsencode(raw), name), "wb") as f:
            f.write(name)
    files, rejects = discover(raw)
    assert rejects == []
    assert rels(files) == ["a\\\\xff.txt", "a\\xff.txt", "b\\\\x0ac.txt", "b\\x0ac.txt"]


def _failing_open(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """os.open raises `error` for files called `name` (e.g. EACCES even as root)."""
    real_open = os.open

    def fake(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if os.fsdecode(path).endswith("/" + name):
            raise error
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake)


@pytest.mark.parametrize(
    ("error", "detail"),
    [
        (PermissionError(13, "Permission denied"), "cannot read: Permission denied (EACCES)"),
        (IsADirectoryError(21, "Is a directory"), "cannot read: Is a directory (EISDIR)"),
        (
            OSError(5, "Input/output error"),
            "cannot read: Input/output error (EIO, transient; the next run reads it again)",
        ),
        (
            OSError(116, "Stale file handle"),
            "cannot read: Stale file handle (ESTALE, transient; the next run reads it again)",
        ),
    ],
)
def test_read_errors_reject_naming_the_errno(
    raw: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, detail: str
) -> None:
    write(raw / "a.txt")
    (raw_file,) = discover(raw)[0]
    _failing_open(monkeypatch, "a.txt", error)
    with pytest.raises(Rejected) as info:
        read(raw_file)
    assert (info.value.reason, info.value.detail, info.value.sha256) == ("unreadable", detail, None)


def test_transient_read_errors_are_raised_for_a_retry(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(raw / "a.txt")
    (raw_file,) = discover(raw)[0]
    assert is_transient(OSError(errno.EIO, "x"))
    assert is_transient(TimeoutError(errno.ETIMEDOUT, "x"))
    assert not is_transient(OSError(errno.ENOSPC, "x")) and not is_transient(ValueError())
    _failing_open(monkeypatch, "a.txt", OSError(errno.EIO, "Input/output error"))
    with pytest.raises(OSError) as info:
        read(raw_file, raise_transient=True)
    assert info.value.errno == errno.EIO
    # a permanent error still rejects
    _failing_open(monkeypatch, "a.txt", PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(Rejected, match=r"unreadable: cannot read: Permission denied \(EACCES\)"):
        read(raw_file, raise_transient=True)


def test_a_file_replaced_after_discovery_is_not_followed_or_opened(
    raw: Path, tmp_path: Path
) -> None:
    for name in ("link.txt", "pipe.txt", "dir.txt"):
        write(raw / name)
    found = {f.rel_path: f for f in discover(raw)[0]}
    write(tmp_path / "secret.txt", b"secret")
    (raw / "link.txt").unlink()
    (raw / "link.txt").symlink_to(tmp_path / "secret.txt")  # would lead out of RAW_DIR
    (raw / "pipe.txt").unlink()
    os.mkfifo(raw / "pipe.txt")  # opening it for reading would block
    (raw / "dir.txt").unlink()
    (raw / "dir.txt").mkdir()
    details = {}
    for name, raw_file in found.items():
        with pytest.raises(Rejected) as info:
            read(raw_file)
        details[name] = (info.value.reason, info.value.detail)
    assert details == {
        "dir.txt": ("unreadable", "replaced by a directory after discovery"),
        "link.txt": ("unreadable", "replaced by a symbolic link after discovery (ELOOP)"),
        "pipe.txt": ("unreadable", "replaced by a named pipe after discovery"),
    }


def test_a_file_grown_past_the_cap_is_hashed_not_held(raw: Path) -> None:
    path = write(raw / "grows.txt", b"small")
    (raw_file,) = discover(raw, max_bytes=2**20)[0]
    os.truncate(path, 64 * 2**20)  # sparse: 64 MiB of zeros after discovery
    expected = hashlib.sha256(b"small" + bytes(64 * 2**20 - 5)).hexdigest()
    tracemalloc.start()
    try:
        with pytest.raises(Rejected) as info:
            read(raw_file, max_bytes=2**20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (info.value.reason, info.value.detail, info.value.sha256) == (
        "too_large",
        "67108864 bytes exceeds the 1048576 byte limit (grew after discovery)",
        expected,
    )
    assert peak < 4 * 2**20  # at most cap + 1 bytes and one chunk in memory, not 64 MiB
    assert read(raw_file, max_bytes=64 * 2**20)[1] == expected  # exactly at the cap: read


def test_a_one_gib_file_is_rejected_by_size_without_being_read_into_memory(raw: Path) -> None:
    with open(raw / "huge.txt", "wb") as f:
        f.truncate(2**30)  # sparse
    tracemalloc.start()
    try:
        files, rejects = discover(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert files == []
    assert rejects == [
        Reject(
            "huge.txt",
            "49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14",  # 2**30 zeros
            "too_large",
            "1073741824 bytes exceeds the 52428800 byte limit",
        )
    ]
    assert peak < 4 * 2**20  # hashed streaming
