"""The run summary: counts, repairs by kind, rejects by reason."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyarrow as pa


def _kind_counts(column: pa.ChunkedArray) -> Counter[str]:
    """Sum a list<struct<kind, count>> column over all rows."""
    total: Counter[str] = Counter()
    for pairs in column.to_pylist():
        for pair in pairs or ():
            total[pair["kind"]] += pair["count"]
    return total


def summarize(tables: dict[str, pa.Table], **facts: Any) -> dict[str, Any]:
    """A JSON-ready summary of a run's tables (plus any extra facts given)."""
    documents, rejects = tables["documents"], tables["rejects"]
    return {
        **facts,
        "documents": documents.num_rows,
        "sections": tables["sections"].num_rows,
        "sentences": tables["sentences"].num_rows,
        "rejects": rejects.num_rows,
        "lossy_documents": sum(documents["lossy"].to_pylist()),
        "repairs": dict(_kind_counts(documents["repairs"]).most_common()),
        "removed": dict(_kind_counts(documents["removed"]).most_common()),
        "rejects_by_reason": dict(Counter(rejects["reason"].to_pylist()).most_common()),
    }


def render(summary: dict[str, Any]) -> str:
    """The summary as a short Markdown page (fits one screen)."""
    head = [
        f"## zhclean {summary.get('version') or '(not published)'}",
        "",
        "| | |",
        "|---|---|",
    ]
    for key in (
        "files",
        "megabytes",
        "seconds",
        "documents",
        "sections",
        "sentences",
        "rejects",
        "lossy_documents",
    ):
        if key in summary:
            head.append(f"| {key} | {summary[key]} |")
    for key in ("encodings", "scripts"):
        if summary.get(key):
            head.append(f"| {key} | {_inline(summary[key])} |")
    out = head
    for key, title in (
        ("repairs", "Repairs by kind"),
        ("removed", "Removed by kind"),
        ("rejects_by_reason", "Rejects by reason"),
    ):
        out += ["", f"**{title}:** {_inline(summary.get(key) or {}) or 'none'}"]
    return "\n".join(out)


def _inline(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())
