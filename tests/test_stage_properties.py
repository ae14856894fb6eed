"""Property tests per stage over hostile input (hypothesis): random bytes, truncated
multibyte sequences, mixed encodings in one file, NUL bytes, UTF-16 with lone surrogates,
control characters, lines of ~100k characters. No exception escapes a stage, and what each
stage returns keeps its contract; the whole chain keeps the dataset contract
(`tests/invariants.py`, also the fuzz target's oracle)."""

from __future__ import annotations

import codecs
import hashlib
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_file, check_invariants
from strategies import BREAKS, RAW_CLASSES, damaged_lines, huge_lines, raw_inputs

from zhclean.decode import decode
from zhclean.model import Rejected
from zhclean.pipeline import Config, clean_lines, process_data
from zhclean.repair import FIXES, RECONSTRUCTIONS, repair
from zhclean.script import convert, detect_script
from zhclean.structure.documents import split_documents
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences


def few(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@few(40)
@given(st.sampled_from(sorted(RAW_CLASSES)).flatmap(lambda name: RAW_CLASSES[name]))
def test_decode_gives_text_or_a_reject(data: bytes) -> None:
    try:
        decoded = decode(data)
    except Rejected as rejected:
        assert rejected.reason in {"empty", "binary", "undecodable", "text_lost"}
        assert rejected.detail and "\n" not in rejected.detail
        return
    assert decoded.text.strip()
    decoded.text.encode("utf-8")  # no lone surrogate (UTF-16 ones are replaced or rejected)
    assert codecs.lookup(decoded.encoding).name == decoded.encoding
    assert 0.0 <= decoded.confidence <= 1.0


@pytest.mark.parametrize("fix", RECONSTRUCTIONS, ids=lambda f: f.__name__)
@few(25)
@given(line=damaged_lines)
def test_each_reconstruction_keeps_its_contract(fix, line: str) -> None:
    text, counts, spans = fix(line)
    assert isinstance(text, str) and isinstance(counts, Counter)
    assert all(isinstance(k, str) and v >= 0 for k, v in counts.items())
    assert all(0 <= a < b <= len(text) for a, b in spans)


@pytest.mark.parametrize("fix", FIXES, ids=lambda f: f.__name__)
@few(25)
@given(line=damaged_lines)
def test_each_fix_keeps_its_contract(fix, line: str) -> None:
    text, counts = fix(line)
    assert isinstance(text, str) and isinstance(counts, Counter)
    assert all(isinstance(k, str) and v >= 0 for k, v in counts.items())


@few(40)
@given(damaged_lines)
def test_repair_leaves_no_control_characters_and_marks_spans_inside(line: str) -> None:
    fixed = repair(line)
    assert not any(c in fixed.text for c in "\x00\x01\x1f\x7f\x9f\ufeff")
    assert all(0 <= a < b <= len(fixed.text) for a, b in fixed.uncertain)
    assert all(v > 0 for v in fixed.repairs.values())


@few(30)
@given(damaged_lines, st.sampled_from(["hans", "hant", "keep"]))
def test_script_conversion(line: str, target: str) -> None:
    converted, changed = convert(line, target)
    assert changed >= 0 and (changed == 0) == (converted == line)
    if target == "keep":
        assert converted == line
    assert detect_script(line) in {"hans", "hant", "mixed", "none"}


@few(30)
@given(st.lists(damaged_lines, max_size=12).map("\n".join))
def test_structure_of_damaged_lines_keeps_the_invariants(text: str) -> None:
    for line in clean_lines(text, "hans"):
        assert not any(b in line.text for b in BREAKS)
    for draft in split_documents(text):
        body = draft.text
        sections = find_sections(body)
        check_invariants(body, sections, split_sentences(body, sections))


@few(100)
@given(raw_inputs, st.sampled_from(["hans", "hant", "keep"]))
def test_every_input_class_keeps_the_contract_through_all_stages(data: bytes, target: str) -> None:
    docs, reject, _ = process_data("x.txt", data, _sha(data), Config(target_script=target))
    check_file("x.txt", data, docs, reject)


@few(3)
@given(huge_lines)
def test_a_line_of_100k_characters_keeps_the_contract(data: bytes) -> None:
    docs, reject, _ = process_data("x.txt", data, _sha(data), Config())
    check_file("x.txt", data, docs, reject)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
