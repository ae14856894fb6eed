"""Raw files read from object stores by URI: an S3 server (moto's, on 127.0.0.1) and
file:// URIs; the same documents as from the local directory."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pytest
from conftest import RAW, SEEDS

from flows.clean_corpus import clean_corpus
from zhclean.model import Rejected
from zhclean.objectstore import discover_uri, filesystem, is_uri, read_uri

BUCKET = "zhclean-raw"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on 127.0.0.1 (credentials: dummies in the environment)."""
    port = _free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}
    moto = Path(sys.executable).parent / "moto_server"
    server = subprocess.Popen(
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.2)
        saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
        os.environ.update(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test")
        yield f"endpoint_override=127.0.0.1:{port}&scheme=http&region=us-east-1"
    finally:
        server.terminate()
        server.wait(timeout=30)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="module")
def s3_raw(s3_endpoint: str) -> str:
    """The seeds uploaded under s3://zhclean-raw/raw/ (one in a sub-prefix), plus a big one."""
    fs, _ = pafs.FileSystem.from_uri(f"s3://{BUCKET}?{s3_endpoint}&allow_bucket_creation=true")
    fs.create_dir(BUCKET)
    for name in SEEDS:
        key = f"{BUCKET}/raw/{'sub/' if name == SEEDS[-1] else ''}{name}"
        with fs.open_output_stream(key) as out:
            out.write((RAW / name).read_bytes())
    with fs.open_output_stream(f"{BUCKET}/raw/big.txt") as out:
        out.write("大".encode() * 400_000)  # 1.2 MB: over a 1 MB cap
    return f"s3://{BUCKET}/raw?{s3_endpoint}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_is_uri() -> None:
    assert is_uri("s3://bucket/raw") and is_uri("file:///srv/raw")
    assert not is_uri("raw") and not is_uri("/srv/raw")


def test_discover_lists_objects_with_their_relative_paths(s3_raw: str) -> None:
    files, rejects = discover_uri(s3_raw, max_bytes=2**20)
    expected = sorted([*SEEDS[:-1], f"sub/{SEEDS[-1]}"])
    assert [f.rel_path for f in files] == expected
    assert [f.size for f in files] == [(RAW / Path(p).name).stat().st_size for p in expected]
    assert all(f.filesystem == s3_raw for f in files)
    [big] = rejects
    assert (big.source_path, big.reason) == ("big.txt", "too_large")
    assert big.detail == "1200000 bytes exceeds the 1048576 byte limit"
    assert big.source_sha256 == _sha("大".encode() * 400_000)


def test_read_gives_the_bytes_and_their_hash(s3_raw: str) -> None:
    files, _ = discover_uri(s3_raw, max_bytes=2**20)
    for raw in files:
        data = (RAW / Path(raw.rel_path).name).read_bytes()
        assert read_uri(raw, 2**20) == (data, _sha(data))


def test_an_object_deleted_after_listing_is_rejected(s3_endpoint: str) -> None:
    uri = f"s3://{BUCKET}/gone?{s3_endpoint}"
    fs, _ = filesystem(uri)
    with fs.open_output_stream(f"{BUCKET}/gone/a.txt") as out:
        out.write("今天".encode())
    [raw], _ = discover_uri(uri, max_bytes=2**20)
    fs.delete_file(f"{BUCKET}/gone/a.txt")
    with pytest.raises(Rejected) as caught:
        read_uri(raw, 2**20)
    assert caught.value.reason == "unreadable"
    assert caught.value.detail.startswith("vanished after discovery")


def test_a_missing_location_is_an_error(s3_endpoint: str) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover_uri(f"s3://{BUCKET}/nothing-here?{s3_endpoint}", max_bytes=2**20)


def _documents(version: Path) -> dict[str, list[tuple[str, str | None]]]:
    rows = ds.dataset(version / "documents").to_table(columns=["source_path", "text", "title"])
    found: dict[str, list[tuple[str, str | None]]] = {}
    for row in sorted(rows.to_pylist(), key=lambda r: (r["source_path"], r["text"])):
        found.setdefault(Path(row["source_path"]).name, []).append((row["text"], row["title"]))
    return found


@pytest.mark.usefixtures("prefect_backend")
def test_the_flow_on_s3_gives_the_local_documents_and_runs_incrementally(
    s3_raw: str, published_seeds: Path, tmp_path: Path
) -> None:
    local = _documents(published_seeds / "v0001")
    out = tmp_path / "s3"
    summary = clean_corpus(raw_dir=s3_raw, out_dir=str(out), max_file_bytes=2**20)
    assert summary["version"] == "v0001"
    assert _documents(out / "v0001") == local
    [big] = ds.dataset(out / "v0001" / "rejects").to_table().to_pylist()
    assert (big["source_path"], big["reason"]) == ("big.txt", "too_large")
    again = clean_corpus(raw_dir=s3_raw, out_dir=str(out), max_file_bytes=2**20)
    assert again["version"] is None and again["unchanged_since"] == "v0001"  # incremental


def test_file_uris_list_what_the_local_walk_lists() -> None:
    from zhclean.discover import discover

    files, rejects = discover_uri(RAW.as_uri(), max_bytes=2**20)
    local, _ = discover(RAW, 2**20)
    assert [(f.rel_path, f.size) for f in files] == [(f.rel_path, f.size) for f in local]
    assert rejects == []
    assert [read_uri(f, 2**20) for f in files] == [
        (f.path.read_bytes(), _sha(f.path.read_bytes())) for f in local
    ]
