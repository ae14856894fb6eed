"""Pandera schemas of the four output tables (validated directly on pyarrow Tables)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from pandera.pyarrow import Check, Column, DataFrameSchema, PyArrowData

from zhclean.tables import COUNTS, PAIRS, SPANS

SCRIPTS = ["hans", "hant", "mixed", "none"]
SHA256 = r"^[0-9a-f]{64}$"


def _doc_id_is_path_and_part(data: PyArrowData) -> pa.BooleanArray:
    t = data.table
    expected = pc.binary_join_element_wise(t["source_path"], pc.cast(t["part"], pa.string()), "#")
    return pc.equal(t["doc_id"], expected)


def _lossy_iff_spans(data: PyArrowData) -> pa.BooleanArray:
    t = data.table
    return pc.equal(t["lossy"], pc.greater(pc.list_value_length(t["uncertain_spans"]), 0))


def _span_is_ordered(data: PyArrowData) -> pa.BooleanArray:
    t = data.table
    return pc.less_equal(t["char_start"], t["char_end"])


def _no_trailing_newline(data: PyArrowData) -> pa.BooleanArray:
    return pc.invert(pc.ends_with(data.table["text"], "\n"))


def _text_not_empty(data: PyArrowData) -> pa.BooleanArray:
    return pc.greater(pc.utf8_length(data.table["text"]), 0)


DOCUMENTS = DataFrameSchema(
    {
        "doc_id": Column(pa.string(), unique=True),
        "source_path": Column(pa.string()),
        "source_sha256": Column(pa.string(), Check.str_matches(SHA256)),
        "part": Column(pa.int32(), Check.ge(1)),
        "encoding": Column(pa.string()),
        "encoding_confidence": Column(pa.float64(), Check.in_range(0.0, 1.0)),
        "source_script": Column(pa.string(), Check.isin(SCRIPTS)),
        "title": Column(pa.string(), nullable=True),
        "published_at": Column(pa.timestamp("us"), nullable=True),
        "author": Column(pa.string(), nullable=True),
        "source_name": Column(pa.string(), nullable=True),
        "text": Column(pa.string()),
        "repairs": Column(COUNTS),
        "lossy": Column(pa.bool_()),
        "uncertain_spans": Column(SPANS),
        "removed": Column(COUNTS, required=False),
        "metadata": Column(PAIRS, required=False),
    },
    checks=[
        Check(_doc_id_is_path_and_part, name="doc_id_is_source_path#part"),
        Check(_lossy_iff_spans, name="lossy_iff_uncertain_spans"),
        Check(_text_not_empty, name="text_not_empty"),
        Check(_no_trailing_newline, name="text_has_no_trailing_newline"),
    ],
    name="documents",
)

SECTIONS = DataFrameSchema(
    {
        "doc_id": Column(pa.string()),
        "section_index": Column(pa.int32(), Check.ge(0)),
        "parent_index": Column(pa.int32(), Check.ge(0), nullable=True),
        "level": Column(pa.int16(), Check.ge(0)),
        "heading": Column(pa.string(), nullable=True),
        "char_start": Column(pa.int64(), Check.ge(0)),
        "char_end": Column(pa.int64(), Check.ge(0)),
    },
    checks=[Check(_span_is_ordered, name="char_start<=char_end")],
    name="sections",
)

SENTENCES = DataFrameSchema(
    {
        "doc_id": Column(pa.string()),
        "sentence_index": Column(pa.int32(), Check.ge(0)),
        "section_index": Column(pa.int32(), Check.ge(0)),
        "text": Column(pa.string()),
        "char_start": Column(pa.int64(), Check.ge(0)),
        "char_end": Column(pa.int64(), Check.ge(0)),
    },
    checks=[
        Check(_span_is_ordered, name="char_start<=char_end"),
        Check(_text_not_empty, name="sentence_not_empty"),
    ],
    name="sentences",
)

REJECTS = DataFrameSchema(
    {
        "source_path": Column(pa.string(), unique=True),
        "source_sha256": Column(pa.string(), Check.str_matches(SHA256), nullable=True),
        "reason": Column(pa.string(), Check.str_matches(r"^[a-z_]+$")),
        "detail": Column(pa.string()),
    },
    name="rejects",
)

SCHEMAS: dict[str, DataFrameSchema] = {
    "documents": DOCUMENTS,
    "sections": SECTIONS,
    "sentences": SENTENCES,
    "rejects": REJECTS,
}
