"""Rows kept column-wise until they become an Arrow table (`zhclean.tables.Rows`)."""

from __future__ import annotations

import pytest

from zhclean.tables import new_rows


def test_rows_extended_column_wise_follow_rows_appended_one_by_one() -> None:
    sections = new_rows()["sections"]
    sections.append(doc_id="a#1", section_index=0, level=0, char_start=0, char_end=5)
    sections.extend(
        doc_id=["a#1", "a#1"],
        section_index=[1, 2],
        parent_index=[None, 1],
        level=[1, 2],
        heading=["一、总体要求", "（一）指导思想"],
        char_start=[5, 12],
        char_end=[12, 30],
    )
    sections.extend(doc_id=[], section_index=[])  # a document without sections
    assert len(sections) == 3
    assert sections.to_arrow().to_pylist() == [
        {"doc_id": "a#1", "section_index": 0, "parent_index": None, "level": 0,
         "heading": None, "char_start": 0, "char_end": 5},
        {"doc_id": "a#1", "section_index": 1, "parent_index": None, "level": 1,
         "heading": "一、总体要求", "char_start": 5, "char_end": 12},
        {"doc_id": "a#1", "section_index": 2, "parent_index": 1, "level": 2,
         "heading": "（一）指导思想", "char_start": 12, "char_end": 30},
    ]  # fmt: skip


def test_columns_of_different_lengths_or_unknown_names_are_refused() -> None:
    sentences = new_rows()["sentences"]
    with pytest.raises(ValueError, match="different lengths"):
        sentences.extend(doc_id=["a#1", "a#1"], sentence_index=[0])
    with pytest.raises(TypeError, match="no such column: sentence"):
        sentences.extend(doc_id=["a#1"], sentence=["一句。"])
    assert len(sentences) == 0
