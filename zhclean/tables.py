"""Rows of the four contract tables, collected in batches and turned into Arrow tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = 1
"""Bump on any breaking change to a fixed column (see CONTRACT.md)."""

COUNTS = pa.list_(pa.struct([("kind", pa.string()), ("count", pa.int64())]))
"""A list of (kind, count) pairs, sorted by kind."""
PAIRS = pa.list_(pa.struct([("key", pa.string()), ("value", pa.string())]))
"""A list of (key, value) string pairs, sorted by key."""
SPANS = pa.list_(pa.list_(pa.int64()))
"""A list of [start, end) pairs."""

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_path", pa.string()),
        ("source_sha256", pa.string()),
        ("part", pa.int32()),
        ("encoding", pa.string()),
        ("encoding_confidence", pa.float64()),
        ("source_script", pa.string()),
        ("title", pa.string()),
        ("published_at", pa.timestamp("us")),
        ("author", pa.string()),
        ("source_name", pa.string()),
        ("text", pa.string()),
        ("repairs", COUNTS),
        ("lossy", pa.bool_()),
        ("uncertain_spans", SPANS),
        # Beyond the contract:
        ("removed", COUNTS),  # boilerplate and metadata lines taken out of text, by kind
        ("metadata", PAIRS),  # other stated metadata
        ("char_count", pa.int64()),
    ]
)

SECTIONS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("section_index", pa.int32()),
        ("parent_index", pa.int32()),
        ("level", pa.int16()),
        ("heading", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
    ]
)

SENTENCES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("section_index", pa.int32()),
        ("text", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
    ]
)

REJECTS = pa.schema(
    [
        ("source_path", pa.string()),
        ("source_sha256", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sections": SECTIONS,
    "sentences": SENTENCES,
    "rejects": REJECTS,
}
"""Every output table, by name."""


@dataclass
class Rows:
    """Rows of one table, kept column-wise until they become an Arrow table."""

    schema: pa.Schema
    columns: dict[str, list[Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.columns = {name: [] for name in self.schema.names}

    def append(self, **row: Any) -> None:
        for name, values in self.columns.items():
            values.append(row.get(name))

    def extend(self, **columns: list[Any]) -> None:
        """Append rows given column-wise (lists of equal length; a column left out is
        null in every row): a document's sentences at once, not row by row."""
        size = len(next(iter(columns.values()))) if columns else 0
        if any(len(values) != size for values in columns.values()):
            raise ValueError("columns of different lengths")
        unknown = set(columns) - set(self.columns)
        if unknown:
            raise TypeError(f"no such column: {', '.join(sorted(unknown))}")
        for name, values in self.columns.items():
            values.extend(columns[name] if name in columns else [None] * size)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values())))

    def to_arrow(self) -> pa.Table:
        return pa.Table.from_pydict(self.columns, schema=self.schema)


def new_rows() -> dict[str, Rows]:
    """Empty rows for every table."""
    return {name: Rows(schema) for name, schema in SCHEMAS.items()}


def concat(tables: Iterable[pa.Table], name: str) -> pa.Table:
    """One table from batch tables (an empty one if there are none)."""
    tables = list(tables)
    if not tables:
        return SCHEMAS[name].empty_table()
    return pa.concat_tables(tables).combine_chunks()
