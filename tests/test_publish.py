"""Publishing: versions, LATEST, manifest, and nothing half-written."""

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from zhclean.publish import latest, publish, remove_stale_temporaries, versions


def _tables(n: int = 2) -> dict[str, pa.Table]:
    return {"things": pa.table({"x": list(range(n))})}


def test_first_and_second_versions(tmp_path: Path) -> None:
    assert latest(tmp_path) is None
    assert publish(tmp_path, _tables(2), {"schema_version": 1}) == "v0001"
    assert publish(tmp_path, _tables(3), {"schema_version": 1}) == "v0002"
    assert (tmp_path / "LATEST").read_text() == "v0002\n"
    assert versions(tmp_path) == ["v0001", "v0002"]
    first = json.loads((tmp_path / "v0001" / "manifest.json").read_text())
    second = json.loads((tmp_path / "v0002" / "manifest.json").read_text())
    assert first["version"] == "v0001"
    assert first["parent_version"] is None
    assert second["parent_version"] == "v0001"
    assert second["row_counts"] == {"things": 3}
    assert second["schema_version"] == 1
    assert pq.read_table(tmp_path / "v0002" / "things.parquet")["x"].to_pylist() == [0, 1, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "LATEST", "v0001", "v0002"]


def test_failed_write_leaves_latest_and_no_version(tmp_path: Path) -> None:
    publish(tmp_path, _tables(), {})
    with pytest.raises(AttributeError):
        publish(tmp_path, {"bad": "not a table"}, {})  # type: ignore[dict-item]
    assert latest(tmp_path) == "v0001"
    assert versions(tmp_path) == ["v0001"]
    assert not list(tmp_path.glob(".tmp-*"))


def test_numbering_continues_after_gaps(tmp_path: Path) -> None:
    (tmp_path / "v0007").mkdir()
    assert publish(tmp_path, _tables(), {}) == "v0008"


def test_stale_temporaries_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / ".tmp-999999999-abc"
    dead.mkdir()
    (dead / "documents.parquet").write_bytes(b"half")
    alive = tmp_path / f".tmp-{os.getpid()}-def"
    alive.mkdir()
    assert remove_stale_temporaries(tmp_path) == [dead.name]
    assert alive.exists()


def test_part_files_commit_with_extras(tmp_path: Path) -> None:
    from zhclean.publish import commit, start, write_part

    temp = start(tmp_path)
    write_part(temp, "things", 1, pa.table({"x": [1, 2]}))
    write_part(temp, "things", 2, pa.table({"x": [3]}))
    assert latest(tmp_path) is None  # nothing visible before the commit
    version = commit(
        tmp_path,
        temp,
        {"schema_version": 1},
        {"things": 3},
        lambda v: {"report.md": f"# {v}\n", "plot.png": b"\x89PNG"},
    )
    assert version == "v0001" and latest(tmp_path) == "v0001"
    v = tmp_path / "v0001"
    names = ["manifest.json", "plot.png", "report.md", "things"]
    assert sorted(p.name for p in v.iterdir()) == names
    assert sorted(p.name for p in (v / "things").iterdir()) == [
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert pq.read_table(v / "things")["x"].to_pylist() == [1, 2, 3]
    assert (v / "report.md").read_text() == "# v0001\n"
    assert json.loads((v / "manifest.json").read_text())["row_counts"] == {"things": 3}
    assert not list(tmp_path.glob(".tmp-*"))


def test_aborted_run_leaves_nothing(tmp_path: Path) -> None:
    from zhclean.publish import abort, start, write_part

    temp = start(tmp_path)
    write_part(temp, "things", 1, pa.table({"x": [1]}))
    abort(temp)
    assert versions(tmp_path) == [] and latest(tmp_path) is None
    assert not list(tmp_path.glob(".tmp-*"))
