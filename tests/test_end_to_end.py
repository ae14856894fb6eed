"""The clean-corpus flow on raw/ (the five seeds), end to end, with exact values."""

from __future__ import annotations

import itertools
import json
import random
import re
from datetime import datetime
from pathlib import Path

import opencc
import pyarrow as pa
import pyarrow.dataset as ds
import pytest
from conftest import RAW, SEEDS, rows

from flows.clean_corpus import clean_corpus, shared_backend
from zhclean.publish import latest, versions

pytestmark = pytest.mark.usefixtures("prefect_backend")

HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
PINYIN = re.compile(r"[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


@pytest.fixture(scope="module")
def published(published_seeds: Path) -> Path:
    return published_seeds / "v0001"


@pytest.fixture(scope="module")
def documents(published: Path) -> dict[str, dict]:
    return {row["doc_id"]: row for row in rows(published, "documents")}


def test_five_files_give_seven_documents(documents: dict[str, dict], published: Path) -> None:
    assert len(documents) == 7
    assert rows(published, "rejects") == []
    assert sorted({d["source_path"] for d in documents.values()}) == SEEDS


def test_000_title_and_date(documents: dict[str, dict]) -> None:
    doc = documents["000_16c6675c796f8493.txt#1"]
    assert doc["title"] == "优化发展环境交流"
    assert doc["published_at"] == datetime(2022, 10, 17, 10, 37, 0)
    assert doc["encoding"] == "utf-8"
    assert doc["source_script"] == "hant"
    assert "《村民委员会组织法（试行）》" in doc["text"]
    assert "来源于网友上传" not in doc["text"]  # the site disclaimer is boilerplate
    assert doc["text"].startswith("新形势下的组织工作对组织部门提出了更高的要求")


def test_002_author_and_source(documents: dict[str, dict]) -> None:
    doc = documents["002_2176e90696f6cbac.txt#1"]
    assert doc["author"] == "朱鸿翔"
    assert doc["source_name"] == "中国共产党新闻网"
    assert doc["published_at"] == datetime(2008, 11, 13, 10, 51, 0)
    assert doc["title"] == "组工干部要善于“四看”"
    assert doc["text"].startswith("在新的形势下，组工干部在日常工作中要养成“回头看”")


def test_003_is_three_documents_titled_by_their_part_lines(documents: dict[str, dict]) -> None:
    titles = [documents[f"003_e1432cc8c8ea04d6.txt#{k}"]["title"] for k in (1, 2, 3)]
    assert titles == [f"在全市组工干部业务培训示范班上的交流发言篇{k}" for k in (1, 2, 3)]
    first = documents["003_e1432cc8c8ea04d6.txt#1"]["text"]
    assert first.startswith("同志们：\n举办这次培训班")  # the teaser-and-ad line is gone
    assert "小编" not in first
    assert all("推荐访问" not in d["text"] for d in documents.values())


def test_no_pinyin_annotation_left(documents: dict[str, dict]) -> None:
    for doc in documents.values():
        assert PINYIN.search(doc["text"]) is None, doc["doc_id"]
        assert PINYIN.search(doc["title"] or "") is None, doc["doc_id"]


def test_nothing_left_for_opencc_t2s(documents: dict[str, dict]) -> None:
    t2s = opencc.OpenCC("t2s")
    for doc in documents.values():
        assert t2s.convert(doc["text"]) == doc["text"], doc["doc_id"]
        assert t2s.convert(doc["title"] or "") == (doc["title"] or "")


def test_no_ascii_comma_between_han(documents: dict[str, dict]) -> None:
    for doc in documents.values():
        assert re.search(f"{HAN},{HAN}", doc["text"]) is None, doc["doc_id"]


def test_gbk_damage_is_repaired_on_the_seeds(documents: dict[str, dict]) -> None:
    text = documents["000_16c6675c796f8493.txt#1"]["text"]
    for repaired in ("组织部内全体同志", "空谈误国，实干兴邦", "我们扎扎实实地去做", "转变为带动"):
        assert repaired in text
    assert "解决新问题。看一看已经出台的" in documents["002_2176e90696f6cbac.txt#1"]["text"]
    for doc in documents.values():
        assert "\ufffd" not in doc["text"], doc["doc_id"]
        assert re.search(f"{HAN}[?`]{HAN}", doc["text"]) is None, doc["doc_id"]


def test_reconstructions_are_marked(documents: dict[str, dict]) -> None:
    doc = documents["000_16c6675c796f8493.txt#1"]
    assert doc["lossy"] is True
    # a dropped pair put back (扎扎实实: the bytes keep one 扎) and the one under 带动
    assert [doc["text"][a:b] for a, b in doc["uncertain_spans"]] == ["扎扎实", "带动"]
    doc = documents["002_2176e90696f6cbac.txt#1"]
    # 。: its lead byte was lost; 经: the pinyin allows more than one pair
    assert [doc["text"][a:b] for a, b in doc["uncertain_spans"]] == ["。", "经"]
    assert documents["004_5278913ac78e06dd.txt#1"]["lossy"] is False
    assert documents["004_5278913ac78e06dd.txt#1"]["uncertain_spans"] == []


def test_repairs_are_counted(documents: dict[str, dict]) -> None:
    repairs = {r["kind"]: r["count"] for r in documents["000_16c6675c796f8493.txt#1"]["repairs"]}
    assert repairs["pinyin_annotation"] == 515
    assert repairs["gbk_annotation_in_pair"] == 7
    assert repairs["gbk_dropped_pair"] == 2
    assert repairs["script_conversion"] > 1000
    assert repairs["ascii_punctuation"] > 100


def test_sentences_are_slices_and_sections_tile(
    documents: dict[str, dict], published: Path
) -> None:
    sections = rows(published, "sections")
    for s in rows(published, "sentences"):
        text = documents[s["doc_id"]]["text"]
        assert text[s["char_start"] : s["char_end"]] == s["text"]
    for doc_id, doc in documents.items():
        spans = [(s["char_start"], s["char_end"]) for s in sections if s["doc_id"] == doc_id]
        assert spans[0][0] == 0 and spans[-1][1] == len(doc["text"])
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_000_headings(documents: dict[str, dict], published: Path) -> None:
    headings = [
        (s["heading"], s["level"])
        for s in rows(published, "sections")
        if s["doc_id"] == "000_16c6675c796f8493.txt#1" and s["heading"]
    ]
    assert headings == [
        ("一、完善学习制度，使组织部成为学习型集体", 1),
        ("二、建立创新机制，使组织部成为创新型部门", 1),
        ("三、创新工作制度，使组织部成为实干型团队", 1),
    ]


def test_manifest(published: Path, documents: dict[str, dict]) -> None:
    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    assert manifest["version"] == "v0001"
    assert manifest["parent_version"] is None
    assert manifest["schema_version"] == 1
    assert manifest["config"]["target_script"] == "hans"
    assert manifest["inputs"]["count"] == 5
    assert [f["path"] for f in manifest["inputs"]["files"]] == SEEDS
    assert manifest["row_counts"]["documents"] == 7
    assert manifest["row_counts"]["rejects"] == 0
    assert manifest["changes"] == {
        "added": 5,
        "changed": 0,
        "removed": 0,
        "unchanged": 0,
        "config_changed": False,
    }
    assert manifest["config"]["converter"]["config"] == "t2s"
    assert len(manifest["config"]["code_sha256"]) == 64
    datetime.fromisoformat(manifest["created_at"])


def test_bad_files_are_rejected_and_the_run_publishes(raw_copy: Path, tmp_path: Path) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "image.txt").write_bytes(png)
    (raw_copy / "random.bin").write_bytes(random.Random(0).randbytes(4096))
    (raw_copy / "nul.txt").write_bytes(b"\0" * 1000)
    out = tmp_path / "out"
    summary = clean_corpus(raw_dir=str(raw_copy), out_dir=str(out), runner="thread")
    rejects = {r["source_path"]: r for r in rows(out / summary["version"], "rejects")}
    assert {p: r["reason"] for p, r in rejects.items()} == {
        "empty.txt": "empty",
        "image.txt": "binary",
        "random.bin": "binary",
        "nul.txt": "binary",
    }
    assert all(r["detail"] for r in rejects.values())
    assert summary["documents"] == 7
    assert summary["rejects_by_reason"] == {"binary": 3, "empty": 1}


def test_second_run_has_parent_and_failed_validation_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run = {"raw_dir": str(RAW), "out_dir": str(out), "runner": "thread"}
    assert clean_corpus(**run)["version"] == "v0001"
    again = clean_corpus(**run)  # nothing changed: nothing published
    assert (again["version"], again["unchanged_since"]) == (None, "v0001")
    assert clean_corpus(**run, incremental=False)["version"] == "v0002"
    manifest = json.loads((out / "v0002" / "manifest.json").read_text("utf-8"))
    assert manifest["parent_version"] == "v0001"
    assert manifest["changes"]["changed"] == 5

    import zhclean.workers as workers_module
    from zhclean.pipeline import process_batch

    def corrupt(files, config, **options):  # a sentence that is not its slice of the text
        result = process_batch(files, config, **options)
        sentences = result.tables["sentences"]
        texts = pa.array([t + "x" for t in sentences["text"].to_pylist()], pa.string())
        result.tables["sentences"] = sentences.set_column(3, "text", texts)
        return result

    monkeypatch.setattr(workers_module, "process_batch", corrupt)
    with pytest.raises(Exception, match="sentence text equals its slice"):
        clean_corpus(**run, incremental=False)
    assert latest(out) == "v0002"
    assert versions(out) == ["v0001", "v0002"]
    assert not list(out.glob(".tmp-*"))


def test_run_leaves_a_summary_artifact(published: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["clean-corpus-summary"]))
        )
    summaries = [
        a.data for a in artifacts if "| files | 5 |" in a.data and "| documents | 7 |" in a.data
    ]
    assert summaries, "no clean-corpus-summary artifact of the seeds' run"
    assert re.search(r"\*\*Repairs by kind:\*\* script_conversion \d{4}, ", summaries[0])
    assert "pinyin_annotation 904" in summaries[0]
    assert "**Rejects by reason:** none" in summaries[0]
    assert "| 0 | 0 | 0 | 1 | 2 | 4 | 0 | 0 | 0 |" in summaries[0]
    assert "![document lengths](data:image/png;base64,iVBORw0KGgo" in summaries[0]


def test_every_table_reads_with_pyarrow_dataset(published: Path) -> None:
    counts = {
        t: ds.dataset(published / t).to_table().num_rows
        for t in ("documents", "sections", "sentences", "rejects")
    }
    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    assert counts == manifest["row_counts"]
    assert counts["documents"] == 7


def test_report_and_plot_are_in_the_version(published: Path) -> None:
    report = (published / "report.md").read_text("utf-8")
    assert report.startswith("## zhclean v0001\n")
    assert "| files | 5 |\n" in report
    counts = json.loads((published / "manifest.json").read_text("utf-8"))["row_counts"]
    assert (
        "| documents | 7 |\n| sections | {sections} |\n| sentences | {sentences} |\n".format(
            **counts
        )
        in report
    )
    assert "| rejects | 0 |\n| lossy_documents | 2 |\n" in report
    assert "| encodings | utf-8 5 |\n| scripts | hant 3, hans 2 |\n" in report
    assert "| changes | added 5, changed 0, removed 0, unchanged 0 |\n" in report
    assert "pinyin_annotation 904" in report
    assert "**Rejects by reason:** none" in report
    assert (
        "| 0 | 250 | 500 | 1k | 2k | 4k | 8k | 16k | 32k+ |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        "| 0 | 0 | 0 | 1 | 2 | 4 | 0 | 0 | 0 |\n"
    ) in report
    assert report.endswith("![document lengths](lengths.png)\n")
    png = (published / "lengths.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    assert int.from_bytes(png[16:20], "big") == 616  # width
    assert int.from_bytes(png[20:24], "big") == 260  # height


def test_tables_are_directories_of_part_files(published: Path) -> None:
    assert sorted(p.name for p in published.iterdir()) == [
        "documents",
        "lengths.png",
        "manifest.json",
        "rejects",
        "report.md",
        "sections",
        "sentences",
    ]
    for table in ("documents", "sections", "sentences", "rejects"):
        assert [p.suffix for p in (published / table).iterdir()] == [".parquet"]


def test_a_configured_server_is_left_to_the_workers() -> None:
    # the harness configures PREFECT_API_URL: workers inherit it, no server is handed over
    # (the temporary-server case is tests/test_cli.py's embedded-backend run)
    from prefect.settings import PREFECT_API_URL

    configured = PREFECT_API_URL.value()
    assert configured
    for local in (True, False):
        with shared_backend(local) as url:
            assert url is None
            assert PREFECT_API_URL.value() == configured


def test_a_pool_worker_ends_at_its_last_exit_handler_with_logs_flushed(tmp_path: Path) -> None:
    # what a worker's exit runs: handlers registered after `exit_now` (Prefect's event
    # and log workers) first, then buffered log records and stdout are written out, and
    # the process ends there (status 0), without the interpreter's teardown
    import subprocess
    import sys

    log = tmp_path / "worker.log"
    script = f"""
import atexit, logging, logging.handlers, sys
from zhclean.workers import exit_now
atexit.register(exit_now)
target = logging.FileHandler({str(log)!r}, delay=True)
logging.getLogger().addHandler(logging.handlers.MemoryHandler(100, target=target))
logging.getLogger().warning("buffered until logging.shutdown")
atexit.register(lambda: print("later handler ran first", end=""))
print("unflushed ", end="")
sys.exit(3)
"""
    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "unflushed later handler ran first"
    assert log.read_text() == "buffered until logging.shutdown\n"


def test_a_warmed_worker_keeps_its_tables_out_of_the_collector() -> None:
    # a worker's repair model and converter live as long as it: after the warm-up no
    # collection walks them (they are in gc's permanent generation, not in get_objects)
    import subprocess
    import sys

    script = """
import gc
from zhclean.workers import warm_worker
from zhclean.repair import lm
from zhclean.script import converter
warm_worker("hans")
held = (lm.model(), converter("hans", "package"))
print([gc.is_tracked(o) for o in held], [any(o is h for o in gc.get_objects()) for h in held])
"""
    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[True, True] [False, False]\n"
