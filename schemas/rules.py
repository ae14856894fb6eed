"""Rules across tables that a per-table schema cannot see."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NoReturn

import pyarrow as pa
import pyarrow.compute as pc


class ValidationFailed(Exception):
    """Output broke a rule: nothing may be published. The message names rule and file."""


def _fail(rule: str, where: str, what: str) -> NoReturn:
    raise ValidationFailed(f"{rule} broken for {where}: {what}")


def check_structure(documents: pa.Table, sections: pa.Table, sentences: pa.Table) -> None:
    """Sections tile each text in order; each sentence is its slice of the text and lies
    in the body of its section; indexes run 0..n-1 per document."""
    texts = dict(zip(documents["doc_id"].to_pylist(), documents["text"].to_pylist(), strict=True))
    cols = ["doc_id", "section_index", "parent_index", "level", "heading", "char_start", "char_end"]
    section_rows = list(zip(*(sections[c].to_pylist() for c in cols), strict=True))
    spans: dict[str, list[tuple]] = defaultdict(list)
    for row in section_rows:
        spans[row[0]].append(row[1:])
    for doc_id, text in texts.items():
        _check_tiling(doc_id, text, sorted(spans.pop(doc_id, [])))
    if spans:
        _fail("sections.doc_id exists in documents", next(iter(spans)), "no such document")

    bodies: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for doc_id, index, _parent, _level, heading, start, end in section_rows:
        body_start = start + len(heading) + 1 if heading is not None else start
        bodies[doc_id][index] = (min(body_start, end), end)
    expected_index: dict[str, int] = defaultdict(int)
    cols = ["doc_id", "sentence_index", "section_index", "text", "char_start", "char_end"]
    for doc_id, index, section, sentence, start, end in zip(
        *(sentences[c].to_pylist() for c in cols), strict=True
    ):
        text = texts.get(doc_id)
        if text is None:
            _fail(
                "sentences.doc_id exists in documents", _sentence(doc_id, index), "no such document"
            )
        if index != expected_index[doc_id]:
            _fail(
                "sentence_index runs 0..n-1",
                _sentence(doc_id, index),
                f"expected {expected_index[doc_id]}",
            )
        expected_index[doc_id] = index + 1
        if text[start:end] != sentence:
            _fail(
                "sentence text equals its slice of documents.text",
                _sentence(doc_id, index),
                repr(sentence[:40]),
            )
        body = bodies[doc_id].get(section)
        if body is None or not (body[0] <= start <= end <= body[1]):
            _fail(
                "sentence lies in the body of its section",
                _sentence(doc_id, index),
                f"[{start}, {end})",
            )


def _sentence(doc_id: str, index: int) -> str:
    """Where a sentence rule failed (built only then: the loop runs once a sentence)."""
    return f"{doc_id} sentence {index}"


def _check_tiling(doc_id: str, text: str, rows: list[tuple]) -> None:
    if not rows:
        if text:
            _fail("every document has sections", doc_id, "none")
        return
    position, levels = 0, {}
    for expected, (index, parent, level, heading, start, end) in enumerate(rows):
        where = f"{doc_id} section {index}"
        if index != expected:
            _fail("section_index runs 0..n-1", where, f"expected {expected}")
        if start != position:
            _fail("sections tile the text", where, f"starts at {start}, expected {position}")
        if heading is not None and text[start : start + len(heading)] != heading:
            _fail("heading is the line that opens its section", where, repr(heading[:40]))
        if parent is not None and not (parent < index and levels.get(parent, level) < level):
            _fail("parent is an earlier section of a higher level", where, f"parent {parent}")
        levels[index] = level
        position = end
    if position != len(text):
        _fail("sections tile the text", doc_id, f"last ends at {position}, text has {len(text)}")


def check_unique(table: pa.Table, column: str, name: str) -> None:
    """No value of `column` occurs twice."""
    counts = pc.value_counts(table[column])
    repeated = [v["values"] for v in counts.to_pylist() if v["counts"] > 1]
    if repeated:
        _fail(f"{name}.{column} is unique", str(repeated[0]), f"{len(repeated)} repeated value(s)")


def check_coverage(documents: pa.Table, rejects: pa.Table, raw_paths: Iterable[str]) -> None:
    """Every raw file is in exactly one of documents (by source_path) and rejects."""
    documented = set(documents["source_path"].to_pylist())
    rejected = set(rejects["source_path"].to_pylist())
    raw = set(raw_paths)
    for path in sorted(documented & rejected):
        _fail("each raw file in exactly one of documents/rejects", path, "in both")
    for path in sorted(raw - documented - rejected):
        _fail("each raw file in exactly one of documents/rejects", path, "in neither (lost)")
    for path in sorted((documented | rejected) - raw):
        _fail("rows come from raw files", path, "not a discovered raw file")
