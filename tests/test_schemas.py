"""Validation as a gate: each rule catches the damage it is for, and names it."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from schemas import ValidationFailed, validate_batch, validate_run
from zhclean.model import RawFile
from zhclean.pipeline import Config, process_batch

TEXT = "标题\n一、第一部分\n正文第一句。第二句！\n二、第二部分\n正文第三句。"


@pytest.fixture
def tables(tmp_path: Path) -> dict[str, pa.Table]:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = process_batch([RawFile(path, "a.txt", path.stat().st_size)], Config())
    validate_batch(result.tables)
    return result.tables


def _replace(table: pa.Table, column: str, values: list) -> pa.Table:
    index = table.schema.get_field_index(column)
    return table.set_column(index, column, pa.array(values, table.schema.field(column).type))


def test_valid_output_passes(tables: dict[str, pa.Table]) -> None:
    assert tables["documents"]["text"].to_pylist() == [
        "一、第一部分\n正文第一句。第二句！\n二、第二部分\n正文第三句。"
    ]
    assert tables["sentences"]["text"].to_pylist() == ["正文第一句。", "第二句！", "正文第三句。"]
    validate_run(tables, ["a.txt"])


@pytest.mark.parametrize(
    ("table", "column", "values", "message"),
    [
        ("documents", "source_sha256", ["xyz"], "table documents failed its schema"),
        ("documents", "source_script", ["latin"], "isin"),
        ("documents", "doc_id", ["a.txt#2"], "doc_id_is_source_path#part"),
        ("documents", "lossy", [True], "lossy_iff_uncertain_spans"),
        ("documents", "encoding_confidence", [1.5], "in_range"),
        (
            "sentences",
            "text",
            ["正文第一句。", "第二句", "正文第三句。"],
            "sentence text equals its slice of documents.text broken for a.txt#1 sentence 1",
        ),
        (
            "sentences",
            "section_index",
            [1, 1, 1],
            "sentence lies in the body of its section broken for a.txt#1 sentence 0",
        ),
        ("sentences", "sentence_index", [0, 2, 3], "sentence_index runs 0..n-1"),
        ("sections", "char_start", [0, 17], "sections tile the text broken for a.txt#1 section 1"),
        ("sections", "char_end", [18, 20], "sections tile the text broken for a.txt#1"),
        (
            "sections",
            "heading",
            ["一、第一部分", "二、第三部分"],
            "heading is the line that opens its section",
        ),
        ("sections", "level", [1, -1], "table sections failed its schema"),
    ],
)
def test_each_rule_catches_its_damage(
    tables: dict[str, pa.Table], table: str, column: str, values: list, message: str
) -> None:
    tables[table] = _replace(tables[table], column, values)
    with pytest.raises(ValidationFailed, match=re.escape(message)):
        validate_batch(tables)


def test_run_rules(tables: dict[str, pa.Table]) -> None:
    with pytest.raises(ValidationFailed, match=r"b\.txt: in neither"):
        validate_run(tables, ["a.txt", "b.txt"])
    with pytest.raises(ValidationFailed, match=r"a\.txt: not a discovered raw file"):
        validate_run(tables, [])
    doubled = {**tables, "documents": pa.concat_tables([tables["documents"]] * 2)}
    with pytest.raises(ValidationFailed, match=r"documents.doc_id is unique"):
        validate_run(doubled, ["a.txt"])
    rejects = pa.table(
        {"source_path": ["a.txt"], "source_sha256": [None], "reason": ["x"], "detail": ["y"]},
        schema=tables["rejects"].schema,
    )
    with pytest.raises(ValidationFailed, match=r"a\.txt: in both"):
        validate_run({**tables, "rejects": rejects}, ["a.txt"])
