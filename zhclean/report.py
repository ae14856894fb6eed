"""The run summary and each version's report: counts, encodings, scripts, repairs by
kind, rejects by reason, and a PNG bar chart of document lengths.

Counts are gathered per batch (`Stats.of`, in whatever process made the batch) and
added up (`Stats.merge`), so no step needs a whole table in memory.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

LENGTH_EDGES = (0, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000)
"""Lower bounds of the document length bins (characters of `documents.text`)."""
LENGTH_LABELS = ("0", "250", "500", "1k", "2k", "4k", "8k", "16k", "32k+")
PLOT = "lengths.png"
REPORT = "report.md"


@dataclass
class Stats:
    """Counts over some rows of the four tables; `merge` adds two together."""

    documents: int = 0
    sections: int = 0
    sentences: int = 0
    rejects: int = 0
    lossy_documents: int = 0
    repairs: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    encodings: Counter[str] = field(default_factory=Counter)  # per file (its part 1)
    scripts: Counter[str] = field(default_factory=Counter)  # per file (its part 1)
    lengths: list[int] = field(default_factory=lambda: [0] * len(LENGTH_EDGES))

    @classmethod
    def of(cls, tables: Mapping[str, pa.Table | pa.RecordBatch]) -> Stats:
        """Counts over whichever of the four tables `tables` holds."""
        stats = cls()
        if (docs := tables.get("documents")) is not None:
            stats.documents = docs.num_rows
            stats.lossy_documents = int(pc.sum(docs["lossy"]).as_py() or 0)
            stats.repairs = _kind_counts(docs["repairs"])
            stats.removed = _kind_counts(docs["removed"])
            first = pc.equal(docs["part"], 1)
            stats.encodings = _value_counts(pc.filter(docs["encoding"], first))
            stats.scripts = _value_counts(pc.filter(docs["source_script"], first))
            stats.lengths = length_histogram(docs["char_count"])
        if (sections := tables.get("sections")) is not None:
            stats.sections = sections.num_rows
        if (sentences := tables.get("sentences")) is not None:
            stats.sentences = sentences.num_rows
        if (rejects := tables.get("rejects")) is not None:
            stats.rejects = rejects.num_rows
            stats.rejects_by_reason = _value_counts(rejects["reason"])
        return stats

    def merge(self, other: Stats) -> Stats:
        """Add `other`'s counts to these (in place); returns self."""
        for name in ("documents", "sections", "sentences", "rejects", "lossy_documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("repairs", "removed", "rejects_by_reason", "encodings", "scripts"):
            getattr(self, name).update(getattr(other, name))
        self.lengths = [a + b for a, b in zip(self.lengths, other.lengths, strict=True)]
        return self


def _kind_counts(column: pa.Array | pa.ChunkedArray) -> Counter[str]:
    """Sum a list<struct<kind, count>> column over all rows."""
    flat = pc.list_flatten(column)
    if len(flat) == 0:
        return Counter()
    kinds = pc.struct_field(flat, "kind")
    counts = pc.struct_field(flat, "count")
    grouped = (
        pa.table({"kind": kinds, "count": counts}).group_by("kind").aggregate([("count", "sum")])
    )
    return Counter(
        dict(zip(grouped["kind"].to_pylist(), grouped["count_sum"].to_pylist(), strict=True))
    )


def _value_counts(column: pa.Array | pa.ChunkedArray) -> Counter[str]:
    return Counter({v["values"]: v["counts"] for v in pc.value_counts(column).to_pylist()})


def length_histogram(char_counts: pa.Array | pa.ChunkedArray) -> list[int]:
    """How many documents fall in each `LENGTH_EDGES` bin."""
    values = np.asarray(pc.fill_null(char_counts, 0).to_numpy(zero_copy_only=False))
    bins = np.searchsorted(np.asarray(LENGTH_EDGES), values, side="right") - 1
    return np.bincount(bins, minlength=len(LENGTH_EDGES)).tolist()


def summarize(stats: Stats, **facts: Any) -> dict[str, Any]:
    """A JSON-ready summary of a version (plus any extra facts given)."""
    return {
        **facts,
        "documents": stats.documents,
        "sections": stats.sections,
        "sentences": stats.sentences,
        "rejects": stats.rejects,
        "lossy_documents": stats.lossy_documents,
        "encodings": dict(stats.encodings.most_common()),
        "scripts": dict(stats.scripts.most_common()),
        "repairs": dict(stats.repairs.most_common()),
        "removed": dict(stats.removed.most_common()),
        "rejects_by_reason": dict(stats.rejects_by_reason.most_common()),
        "lengths": dict(zip(LENGTH_LABELS, stats.lengths, strict=True)),
    }


_HEAD_KEYS = (
    "files",
    "megabytes",
    "seconds",
    "documents",
    "sections",
    "sentences",
    "rejects",
    "lossy_documents",
)


def render(summary: dict[str, Any]) -> str:
    """The summary as a short Markdown page (fits one screen)."""
    head = [
        f"## zhclean {summary.get('version') or '(not published)'}",
        "",
        "| | |",
        "|---|---|",
    ]
    for key in _HEAD_KEYS:
        if key in summary:
            head.append(f"| {key} | {summary[key]} |")
    for key in ("encodings", "scripts", "changes"):
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


def report_markdown(summary: dict[str, Any], image: str = PLOT) -> str:
    """`report.md` of a version: the summary, then document lengths as a table and a plot."""
    lengths = summary.get("lengths") or {}
    lines = [render(summary), "", "### Document lengths (characters)", ""]
    lines += ["| " + " | ".join(lengths) + " |", "|" + "---|" * len(lengths)]
    lines += ["| " + " | ".join(str(v) for v in lengths.values()) + " |", ""]
    lines.append(f"![document lengths]({image})")
    return "\n".join(lines) + "\n"


def artifact_markdown(report: str, png: bytes) -> str:
    """The report with its plot inlined (a Prefect artifact cannot point at a file)."""
    data = base64.b64encode(png).decode("ascii")
    return report.replace(f"]({PLOT})", f"](data:image/png;base64,{data})")


def _inline(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


# ---------------------------------------------------------------- the plot

_GLYPHS = {
    "0": "111101101101111",
    "1": "010110010010111",
    "2": "111001111100111",
    "3": "111001111001111",
    "4": "101101111001001",
    "5": "111100111001111",
    "6": "111100111101111",
    "7": "111001001001001",
    "8": "111101111101111",
    "9": "111101111001111",
    "k": "100101110101101",
    "+": "000010111010000",
}
_SCALE = 2  # a glyph is 3x5 cells of SCALE x SCALE pixels
PLOT_WIDTH, PLOT_HEIGHT = 40 + 64 * len(LENGTH_EDGES), 260
_BAR, _AXIS, _INK, _PAPER = (70, 110, 180), (60, 60, 60), (30, 30, 30), (255, 255, 255)


def _text(pixels: np.ndarray, x: int, y: int, text: str) -> None:
    """Draw `text` (digits, k, +) with its top left corner at (x, y)."""
    for char in text:
        for i, bit in enumerate(_GLYPHS.get(char, "0" * 15)):
            if bit == "1":
                row, col = divmod(i, 3)
                top, left = y + row * _SCALE, x + col * _SCALE
                pixels[top : top + _SCALE, left : left + _SCALE] = _INK
        x += 4 * _SCALE


def _text_width(text: str) -> int:
    return len(text) * 4 * _SCALE - _SCALE


def histogram_png(counts: list[int], labels: tuple[str, ...] = LENGTH_LABELS) -> bytes:
    """A bar chart of `counts` as PNG bytes: one bar per bin, its count above it, its
    label below (no plotting library needed)."""
    pixels = np.full((PLOT_HEIGHT, PLOT_WIDTH, 3), _PAPER, dtype=np.uint8)
    left, top, bottom, slot = 20, 24, PLOT_HEIGHT - 28, 64
    tallest = max(max(counts, default=0), 1)
    for i, (count, label) in enumerate(zip(counts, labels, strict=True)):
        x = left + i * slot
        height = round((bottom - top) * count / tallest)
        pixels[bottom - height : bottom, x + 8 : x + slot - 8] = _BAR
        center = x + slot // 2
        _text(pixels, center - _text_width(str(count)) // 2, bottom - height - 14, str(count))
        _text(pixels, center - _text_width(label) // 2, bottom + 8, label)
    pixels[bottom : bottom + 2, left - 4 : left + slot * len(counts) + 4] = _AXIS
    return encode_png(pixels)


def encode_png(pixels: np.ndarray) -> bytes:
    """An 8-bit RGB PNG of an (height, width, 3) uint8 array."""
    height, width, _ = pixels.shape
    rows = np.zeros((height, 1 + width * 3), dtype=np.uint8)  # filter byte 0 per row
    rows[:, 1:] = pixels.reshape(height, width * 3)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 9))
        + chunk(b"IEND", b"")
    )
