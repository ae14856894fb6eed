"""Pandera schemas of the output tables and the rules across them.

`validate_batch` runs on each batch's tables as they are made; `validate_run` on
the whole run before publishing. Either raises, and then nothing is published.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
from pandera.errors import SchemaError, SchemaErrors

from schemas.rules import ValidationFailed, check_coverage, check_structure, check_unique
from schemas.tables import SCHEMAS

__all__ = ["SCHEMAS", "ValidationFailed", "validate_batch", "validate_run"]


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
