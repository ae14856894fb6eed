"""One file through every text stage (no Prefect), and the flow's batching."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhclean.pipeline as pipeline
from flows.clean_corpus import batches
from schemas import validate_batch, validate_run
from zhclean.discover import discover
from zhclean.model import RawFile
from zhclean.pipeline import (
    Config,
    clean_lines,
    process_batch,
    process_data,
    process_file,
    uncertain_spans,
)

GBK_TEXT = "組織部門建設\r\n時(shí)間:2022-10-17\r\n組織部門是“黨員之家”,也是“干部之家”。\r\n"


def _raw(tmp_path: Path, name: str, data: bytes) -> RawFile:
    path = tmp_path / name
    path.write_bytes(data)
    return RawFile(path, name, len(data))


def test_gbk_traditional_file_end_to_end(tmp_path: Path) -> None:
    docs, reject, facts = process_file(_raw(tmp_path, "a.txt", GBK_TEXT.encode("gbk")), Config())
    assert reject is None
    assert facts == {"encoding": "gb18030", "script": "hant"}
    (doc,) = docs
    assert doc["doc_id"] == "a.txt#1"
    assert doc["title"] == "组织部门建设"
    assert str(doc["published_at"]) == "2022-10-17 00:00:00"
    assert doc["text"] == "组织部门是“党员之家”，也是“干部之家”。"
    repairs = {r["kind"]: r["count"] for r in doc["repairs"]}
    assert repairs == {
        "ascii_punctuation": 2,
        "line_endings": 3,
        "pinyin_annotation": 1,
        "script_conversion": 11,  # 組織門設 時間 組織門 黨員
    }
    assert [s.heading for s in doc["_sections"]] == [None]
    assert len(doc["_sentences"]) == 1


def test_traditional_target_keeps_traditional(tmp_path: Path) -> None:
    raw = _raw(tmp_path, "a.txt", "标题\n组织部门是党员之家。".encode())
    (doc,), _, _ = process_file(raw, Config(target_script="hant"))
    assert doc["title"] == "標題"
    assert doc["text"] == "組織部門是黨員之家。"


def test_file_with_nothing_but_a_title_is_rejected(tmp_path: Path) -> None:
    docs, reject, _ = process_file(_raw(tmp_path, "t.txt", "只有标题".encode()), Config())
    assert docs == []
    assert reject is not None
    assert (reject.reason, reject.source_sha256 is not None) == ("no_content", True)


def test_a_failing_stage_rejects_the_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "split_documents", broken)
    docs, reject, _ = process_file(_raw(tmp_path, "x.txt", "标题\n正文。".encode()), Config())
    assert docs == []
    assert reject is not None
    assert reject.reason == "internal_error"
    assert reject.detail == "documents failed: RuntimeError: boom"


def test_compilation_repairs_are_split_between_its_documents() -> None:
    raw_dir = Path(__file__).resolve().parent.parent / "raw"
    files, _ = discover(raw_dir)
    (compilation,) = [f for f in files if f.rel_path.startswith("003")]
    docs, _, _ = process_file(compilation, Config())
    counts = [{r["kind"]: r["count"] for r in d["repairs"]}["ascii_punctuation"] for d in docs]
    assert len(counts) == 3
    assert all(c > 100 for c in counts)


def test_batch_puts_every_file_in_documents_or_rejects(tmp_path: Path) -> None:
    files = [
        _raw(tmp_path, "a.txt", "标题\n正文。".encode()),
        _raw(tmp_path, "b.txt", b""),
        _raw(tmp_path, "c.txt", "标题\n正文。".encode("utf-16")),
    ]
    result = process_batch(files, Config())
    assert result.tables["documents"]["source_path"].to_pylist() == ["a.txt", "c.txt"]
    assert result.tables["rejects"].to_pylist() == [
        {
            "source_path": "b.txt",
            "source_sha256": hashlib.sha256(b"").hexdigest(),
            "reason": "empty",
            "detail": "0 bytes",
        }
    ]
    assert result.encodings == {"utf-8": 1, "utf-16-le": 1}
    assert (result.files, result.bytes) == (3, sum(f.size for f in files))


def test_uncertain_spans_are_runs_of_replacement_characters() -> None:
    assert uncertain_spans("空谈\ufffd国，\ufffd\ufffd全体") == [[2, 3], [5, 7]]
    assert uncertain_spans("完整") == []


# 們 82 83 扎 D4 FA: the pair FA|D4 read one byte off was dropped, so one 扎 comes back
# by likelihood only (see tests/test_gbk_bytes.py); the clean copy of the line is exact.
_REPAIRED = "需要我們?cè)鷮?shí)實(shí)地去做。"
_CLEAN = "需要我们扎扎实实地去做。"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ([_CLEAN, _REPAIRED], [[17, 20]]),  # the clean copy first: only the repaired line
        ([_REPAIRED, _CLEAN], [[4, 7]]),
        ([_REPAIRED, _REPAIRED], [[4, 7], [17, 20]]),
    ],
)
def test_uncertain_spans_mark_the_repaired_line_not_its_clean_copy(
    body: list[str], expected: list[list[int]]
) -> None:
    data = "\n".join(["关于作风建设的通知", *body]).encode("utf-8")
    docs, reject, _ = pipeline.process_data(
        "a.txt", data, hashlib.sha256(data).hexdigest(), Config()
    )
    assert reject is None
    [doc] = docs
    assert doc["text"] == f"{_CLEAN}\n{_CLEAN}"
    assert doc["uncertain_spans"] == expected
    assert [doc["text"][a:b] for a, b in expected] == ["扎扎实"] * len(expected)


@pytest.mark.parametrize(
    ("sizes", "batch_bytes", "expected"),
    [
        ([], 10, []),
        ([4, 4, 4], 10, [[4, 4, 4]]),
        ([6, 6, 6], 10, [[6, 6], [6]]),
        ([30, 1, 1], 10, [[30], [1, 1]]),
        ([0, 0], 10, [[0, 0]]),
    ],
)
def test_batches_group_files_by_bytes(
    sizes: list[int], batch_bytes: int, expected: list[list[int]]
) -> None:
    files = [RawFile(Path(f"/r/{i}"), str(i), s) for i, s in enumerate(sizes)]
    groups = batches(files, batch_bytes)
    assert [[f.size for f in g] for g in groups] == expected
    assert [f for g in groups for f in g] == files


_CHUNKS = st.sampled_from(
    [
        "组织工作",
        "組織部門",
        "一、",
        "（一）",
        "1、",
        "。",
        "，",
        "？",
        "“",
        "”",
        "(",
        ")",
        ",",
        ".",
        "?",
        "优(yōu)",
        "?wù)`",
        "\n",
        "\r\n",
        " ",
        "\u3000",
        "\ufeff",
        "\x00",
        "时间:2022-10-17",
        "来源:新华网",
        "小编给大家带来",
        "篇1",
        "3篇",
        "——在会上的讲话",
        "责编/张三",
        "abc",
        "1.8",
    ]
)
_TEXTS = st.lists(_CHUNKS, max_size=60).map("".join)
_CODECS = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-16-le"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=300), st.tuples(_TEXTS, _CODECS)), max_size=4))
def test_any_input_ends_in_documents_or_rejects_and_validates(
    tmp_path_factory: pytest.TempPathFactory, inputs: list
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    files = []
    for i, item in enumerate(inputs):
        data = item if isinstance(item, bytes) else item[0].encode(item[1], "replace")
        files.append(_raw(folder, f"{i}.txt", data))
    result = process_batch(files, Config())
    validate_batch(result.tables)
    validate_run(result.tables, [f.rel_path for f in files])
    assert "internal_error" not in result.tables["rejects"]["reason"].to_pylist()


def test_a_nel_inside_latin1_mojibake_is_no_line_break() -> None:
    # 关 is E5 85 B3: UTF-8 read as Latin-1 holds U+0085, which is a byte to put back
    damaged = "关于加强党的建设的意见".encode().decode("latin-1")
    assert "\x85" in damaged
    assert [line.text for line in clean_lines(damaged, "keep")] == ["关于加强党的建设的意见"]
    assert [line.text for line in clean_lines("第一段\x85第二段", "keep")] == ["第一段", "第二段"]


def test_lines_in_another_codec_are_counted_as_repairs() -> None:
    body = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。"
    data = f"关于优化营商环境的意见\n{body}\n{body}\n".encode() + "版权所有：某市人民政府".encode(
        "gbk"
    )
    docs, reject, facts = process_data("mixed.txt", data, "0" * 64, Config())
    assert reject is None and facts["encoding"] == "utf-8"
    (doc,) = docs
    assert {"kind": "other_encoding_lines", "count": 1} in doc["repairs"]
    assert doc["text"].endswith(body)  # the footer is a site's rights line: boilerplate


def test_utf8_mojibake_saved_in_gbk_is_decoded_and_repaired() -> None:
    """UTF-8 misread as GBK loses a byte here and there (U+FFFD); saved in GBK, each
    becomes `?`. The file is read as GB18030 and the mojibake undone, each lost byte chosen
    by the word model and marked uncertain."""
    title = "关于开展2023年度党建工作考核的通知"
    body = "根据县委组织部要求，现将有关事项通知如下。"
    text = f"{title}\n{body}\n二、考核内容：党建工作责任制落实情况。"
    data = text.encode().decode("gbk", "replace").encode("gbk", "replace")
    assert b"?" in data and b"\xef\xbf\xbd" not in data
    docs, reject, facts = process_data("saved.txt", data, "0" * 64, Config())
    assert reject is None and facts["encoding"] == "gb18030"
    (doc,) = docs
    assert doc["title"] == title
    assert doc["text"].startswith(f"{body}\n二、考核内容：")
    assert doc["lossy"] and doc["uncertain_spans"]
    assert {r["kind"] for r in doc["repairs"]} == {"mojibake_lost_bytes", "mojibake_utf8_as_gbk"}


def test_other_line_breaks_become_newlines_but_not_a_utf8_byte_read_as_latin1() -> None:
    from zhclean.pipeline import _OTHER_BREAKS

    text = "甲\r\n乙\r丙\x0b丁\u2028戊\x85己\r\r\n庚\x1c辛 å\x85³\r"
    assert _OTHER_BREAKS.subn("|", text) == ("甲|乙|丙|丁|戊|己||庚|辛 å\x85³|", 9)
    assert _OTHER_BREAKS.sub("|", "\x85a\xe5\x85b\x85") == "|a\xe5\x85b|"
