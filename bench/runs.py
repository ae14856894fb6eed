"""Checks of published versions, shared by the crash-safety tests and the reliability
report: is a version complete, valid, and does LATEST name one?"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds

from schemas import validate_parts
from zhclean.publish import latest, versions

TABLES = ("documents", "sections", "sentences", "rejects")


def incomplete(version_dir: Path) -> list[str]:
    """What is wrong with a version's completeness: a manifest row count its tables do not
    hold (or no manifest). Empty when complete."""
    try:
        manifest = json.loads((version_dir / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError) as error:
        return [f"{version_dir.name}: no readable manifest ({error})"]
    problems = []
    for table in TABLES:
        try:
            rows = ds.dataset(version_dir / table, format="parquet").count_rows()
        except (OSError, ValueError) as error:
            problems.append(f"{version_dir.name}/{table}: unreadable ({error})")
            continue
        if rows != manifest["row_counts"][table]:
            problems.append(
                f"{version_dir.name}/{table}: {rows} rows, manifest says "
                f"{manifest['row_counts'][table]}"
            )
    return problems


def version_problems(out_dir: Path) -> list[str]:
    """Every problem of every published version under `out_dir`: incomplete, failing
    validation against its manifest's inputs, or LATEST naming a missing or incomplete
    version. Empty when every version is sound."""
    problems = []
    for version in versions(out_dir):
        found = incomplete(out_dir / version)
        if not found:
            manifest = json.loads((out_dir / version / "manifest.json").read_text("utf-8"))
            try:
                validate_parts(out_dir / version, [f["path"] for f in manifest["inputs"]["files"]])
            except Exception as error:
                found.append(f"{version}: fails validation: {error}"[:300])
        problems += found
    named = latest(out_dir)
    if named is not None and named not in versions(out_dir):
        problems.append(f"LATEST names {named}, which does not exist")
    return problems


def accounted(version_dir: Path) -> set[str]:
    """The raw paths a version has rows for (documents or rejects)."""
    paths: set[str] = set()
    for table in ("documents", "rejects"):
        column = ds.dataset(version_dir / table).to_table(columns=["source_path"])
        paths.update(column["source_path"].to_pylist())
    return paths
