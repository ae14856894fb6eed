"""The contract's invariants, checked on what the text stages make (plain asserts).

Shared by the property tests and the fuzz target (`tests/fuzz/fuzz_stages.py`), which
import this module with `tests/` on `sys.path`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from itertools import pairwise

from schemas.rules import check_structure
from zhclean.model import Reject, Section, Sentence
from zhclean.pipeline import add_rows
from zhclean.tables import new_rows

HAN = re.compile(r"[\u4e00-\u9fff]")
REASONS = {
    "empty",
    "binary",
    "undecodable",
    "text_lost",
    "too_large",
    "unreadable",
    "no_content",
}
"""Reject reasons the text stages may give (not ``internal_error``: that is a bug)."""
SCRIPTS = {"hans", "hant", "mixed", "none"}
# Control characters no string may hold; `text` separates its lines with \n only.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def check_invariants(text: str, sections: list[Section], sentences: list[Sentence]) -> None:
    """The contract's invariants of one document's sections and sentences."""
    if not text:
        assert sections == [] and sentences == []
        return
    # sections tile the text, in order, each starting at a line and none empty
    assert sections[0].char_start == 0 and sections[-1].char_end == len(text)
    for prev, nxt in pairwise(sections):
        assert prev.char_end == nxt.char_start
    for i, s in enumerate(sections):
        assert s.index == i and s.char_start < s.char_end
        assert s.char_start == 0 or text[s.char_start - 1] == "\n"
        if s.heading is None:
            assert (i, s.level, s.parent_index) == (0, 0, None)
        else:
            # the heading round-trips: it is the whole first line of its span
            end = s.char_start + len(s.heading)
            assert text[s.char_start : end] == s.heading
            assert end == len(text) or text[end] == "\n"
            assert s.level >= 1
        if s.parent_index is not None:
            parent = sections[s.parent_index]
            assert parent.index < i and 1 <= parent.level < s.level
    # sentences: in order, none empty, trimmed, within one line of their section's body
    owners = [0] * len(text)
    for s in sections:
        if s.heading is not None:
            for k in range(s.char_start, s.char_start + len(s.heading)):
                owners[k] += 1
    previous_end = 0
    for k, sentence in enumerate(sentences):
        body = text[sentence.char_start : sentence.char_end]
        assert sentence.index == k
        assert body and body == body.strip() and "\n" not in body
        assert sentence.char_start >= previous_end
        previous_end = sentence.char_end
        section = sections[sentence.section_index]
        assert section.char_start <= sentence.char_start < sentence.char_end <= section.char_end
        if section.heading is not None:
            assert sentence.char_start > section.char_start + len(section.heading)
        for i in range(sentence.char_start, sentence.char_end):
            owners[i] += 1
    # every Han character is in exactly one sentence or heading
    for i, ch in enumerate(text):
        if HAN.fullmatch(ch):
            assert owners[i] == 1, (i, ch, text[max(0, i - 10) : i + 10])


def _valid_string(value: object) -> None:
    """A string Parquet can hold: valid UTF-8 (no lone surrogates)."""
    if value is not None:
        assert isinstance(value, str)
        value.encode("utf-8")  # raises on a lone surrogate


def check_file(rel_path: str, data: bytes, docs: list[dict], reject: Reject | None) -> None:
    """What `zhclean.pipeline.process_data` made of `data`: exactly one of documents or
    a reject (never ``internal_error``); every document, section and sentence keeps the
    contract; the tables build and pass the cross-table rules (`check_structure`).
    Consumes the documents' ``_sections``/``_sentences``."""
    sha = hashlib.sha256(data).hexdigest()
    if reject is not None:
        assert docs == []
        assert reject.reason != "internal_error", reject.detail
        assert reject.reason in REASONS, reject
        assert (reject.source_path, reject.source_sha256) == (rel_path, sha)
        assert reject.detail and "\n" not in reject.detail
        _valid_string(reject.detail)
        return
    assert docs, "neither documents nor a reject"
    for part, doc in enumerate(docs, start=1):
        text = doc["text"]
        assert doc["doc_id"] == f"{rel_path}#{part}" and doc["part"] == part
        assert doc["source_path"] == rel_path
        assert doc["source_sha256"] == sha
        assert codecs.lookup(doc["encoding"]).name == doc["encoding"]
        assert 0.0 <= doc["encoding_confidence"] <= 1.0
        assert doc["source_script"] in SCRIPTS
        assert text and not text.endswith("\n") and "\r" not in text
        strings = [text.replace("\n", ""), doc["title"], doc["author"], doc["source_name"]]
        strings += [s.heading for s in doc["_sections"]]
        strings += [v for pair in doc["metadata"] for v in pair.values()]
        for value in strings:
            _valid_string(value)
            assert value is None or not _CONTROLS.search(value), repr(value)
        assert not _FULLWIDTH_ALNUM.search(text)
        assert all(r["count"] > 0 for r in doc["repairs"])
        spans = doc["uncertain_spans"]
        assert doc["lossy"] == bool(spans)
        for a, b in spans:
            assert 0 <= a < b <= len(text)
        for (_, b), (c, _) in pairwise(spans):
            assert b < c  # sorted, merged
        for m in re.finditer("\ufffd", text):
            assert any(a <= m.start() < b for a, b in spans), ("U+FFFD not uncertain", m.start())
        check_invariants(text, doc["_sections"], doc["_sentences"])
    rows = new_rows()
    add_rows(rows, docs)
    tables = {name: r.to_arrow() for name, r in rows.items()}
    check_structure(tables["documents"], tables["sections"], tables["sentences"])
