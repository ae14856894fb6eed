"""The version report: counts from batches added up, Markdown, and the PNG plot."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pyarrow as pa

from zhclean.model import RawFile
from zhclean.pipeline import Config, process_batch
from zhclean.report import (
    Stats,
    artifact_markdown,
    histogram_png,
    length_histogram,
    report_markdown,
    summarize,
)


def _batch(tmp_path: Path, name: str, text: str) -> dict[str, pa.Table]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if text else b"")
    return process_batch([RawFile(path, name, path.stat().st_size)], Config()).tables


def test_stats_of_batches_add_up(tmp_path: Path) -> None:
    one = Stats.of(_batch(tmp_path, "a.txt", "標題\n開發區正文。第二句！"))
    two = Stats.of(_batch(tmp_path, "b.txt", ""))
    total = Stats().merge(one).merge(two)
    summary = summarize(total, version="v0009", files=2)
    assert summary == {
        "version": "v0009",
        "files": 2,
        "documents": 1,
        "sections": 1,
        "sentences": 2,
        "rejects": 1,
        "lossy_documents": 0,
        "encodings": {"utf-8": 1},
        "scripts": {"hant": 1},
        "repairs": {"script_conversion": 5},  # 標題 and 開發區
        "removed": {},
        "rejects_by_reason": {"empty": 1},
        "lengths": dict.fromkeys(["0", "250", "500", "1k", "2k", "4k", "8k", "16k", "32k+"], 0)
        | {"0": 1},
    }


def test_length_histogram_bins() -> None:
    counts = pa.array([0, 249, 250, 999, 1000, 31999, 32000, 10**6], pa.int64())
    assert length_histogram(counts) == [2, 1, 1, 1, 0, 0, 0, 1, 2]


def _chunks(png: bytes) -> dict[bytes, bytes]:
    chunks, at = {}, 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data)
        chunks[kind] = data
        at += 12 + length
    return chunks


def test_png_is_a_valid_rgb_image_with_bars() -> None:
    png = histogram_png([0, 3, 10, 1, 0, 0, 0, 0, 0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = _chunks(png)
    assert list(chunks) == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, color, *_ = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (width, height, depth, color) == (616, 260, 8, 2)
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (1 + 3 * width)
    row = raw[(height - 40) * (1 + 3 * width) :][: 1 + 3 * width]  # a row through the bars
    bar = bytes((70, 110, 180))
    columns = [row[1 + 3 * x : 4 + 3 * x] == bar for x in range(width)]
    assert sum(columns) == 3 * 48  # the three non-empty bins, 48 pixels wide each


def test_report_markdown_and_artifact() -> None:
    summary = summarize(Stats(), version="v0002", files=0, changes={"added": 0, "removed": 1})
    report = report_markdown(summary)
    assert report.splitlines()[:3] == ["## zhclean v0002", "", "| | |"]
    assert "| files | 0 |\n| documents | 0 |" in report
    assert "| changes | added 0, removed 1 |" in report
    assert "**Repairs by kind:** none" in report
    assert "**Rejects by reason:** none" in report
    assert report.endswith(
        "| 0 | 250 | 500 | 1k | 2k | 4k | 8k | 16k | 32k+ |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        "| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "\n"
        "![document lengths](lengths.png)\n"
    )
    artifact = artifact_markdown(report, b"\x89PNG")
    assert artifact.endswith("![document lengths](data:image/png;base64,iVBORw==)\n")
