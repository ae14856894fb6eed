"""Pandera schemas of the output tables and the rules across them.

`validate_batch` runs on each batch's tables as they are made; `validate_run` on
whole in-memory tables, `validate_parts` on a version written as part files (reading
back only small columns, streaming). Any of them raises, and then nothing is published.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

if importlib.util.find_spec("pyspark") is None:
    # pandera's dtype check imports its pyspark engine on every call; without pyspark
    # that import fails, so it is attempted (and the module compiled) again each time,
    # ~7 ms a column, and another thread can see the half-imported module. `None` in
    # sys.modules makes the import fail at once, as Python documents.
    sys.modules.setdefault("pandera.engines.pyspark_engine", None)  # type: ignore[arg-type]

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from pandera.errors import SchemaError, SchemaErrors

from schemas.rules import ValidationFailed, check_coverage, check_structure, check_unique
from schemas.tables import SCHEMAS
from zhclean.tables import SCHEMAS as ARROW_SCHEMAS

__all__ = ["SCHEMAS", "ValidationFailed", "validate_batch", "validate_parts", "validate_run"]


def validate_table(name: str, table: pa.Table) -> None:
    """The pandera schema of one table; a failure names the table, the rule and a row."""
    try:
        SCHEMAS[name].validate(table, lazy=True)
    except (SchemaErrors, SchemaError) as error:
        raise ValidationFailed(f"table {name} failed its schema: {error}") from error


def validate_batch(tables: dict[str, pa.Table]) -> None:
    """Every table's schema and the cross-table structure rules, for one batch."""
    for name, table in tables.items():
        validate_table(name, table)
    check_structure(tables["documents"], tables["sections"], tables["sentences"])


def validate_run(tables: dict[str, pa.Table], raw_paths: Iterable[str]) -> None:
    """Rules over the whole run: unique ids and every raw file accounted for once."""
    check_unique(tables["documents"], "doc_id", "documents")
    check_unique(tables["rejects"], "source_path", "rejects")
    check_coverage(tables["documents"], tables["rejects"], raw_paths)


def validate_parts(version_dir: Path, raw_paths: Iterable[str]) -> dict[str, int]:
    """Rules over a version written as part files (`version_dir/<table>/*.parquet`, each
    part already validated by `validate_batch` or copied from a validated parent):
    every part has its table's Arrow schema, doc_id and rejects.source_path are unique,
    every raw file is in exactly one of documents/rejects, and sections and sentences
    belong to documents of this version. Reads doc_id and source_path columns only,
    sections' and sentences' doc_ids batch by batch. Returns the row counts."""
    counts = {}
    for name, schema in ARROW_SCHEMAS.items():
        parts = sorted((version_dir / name).glob("*.parquet"))
        if not parts:
            raise ValidationFailed(f"table {name} has no part file")
        rows = 0
        for part in parts:
            meta = pq.read_metadata(part)
            if not meta.schema.to_arrow_schema().equals(schema):
                raise ValidationFailed(f"table {name} part {part.name} has another schema")
            rows += meta.num_rows
        counts[name] = rows
    documents = _columns(version_dir / "documents", ["doc_id", "source_path"])
    rejects = _columns(version_dir / "rejects", ["source_path"])
    check_unique(documents, "doc_id", "documents")
    check_unique(rejects, "source_path", "rejects")
    check_coverage(documents, rejects, raw_paths)
    doc_ids = documents["doc_id"].combine_chunks()
    for name in ("sections", "sentences"):
        scanner = ds.dataset(version_dir / name, format="parquet").scanner(columns=["doc_id"])
        for batch in scanner.to_batches():
            unknown = pc.filter(batch["doc_id"], pc.invert(pc.is_in(batch["doc_id"], doc_ids)))
            if len(unknown):
                raise ValidationFailed(
                    f"{name}.doc_id exists in documents broken for {unknown[0]}: no such document"
                )
    return counts


def _columns(path: Path, columns: list[str]) -> pa.Table:
    return ds.dataset(path, format="parquet").to_table(columns=columns)
