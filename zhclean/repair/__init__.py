"""Repair damaged text: each fix is a named function that undoes one kind of damage.

A fix takes the text and returns it repaired together with a Counter of what it
repaired, by kind; `repair` runs them in order and adds the counts up. Fixes must
leave correct text unchanged.

Reconstructions run first, on the text exactly as decoded: they work on the bytes
behind the characters (mojibake, lost GBK bytes), and also return the spans of
characters they chose by likelihood rather than read off the bytes. Those spans
are carried through the later fixes onto the repaired text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from zhclean.repair.chars import LOST
from zhclean.repair.counts import NOTHING
from zhclean.repair.degraded import fix_degraded_punctuation
from zhclean.repair.gbk_bytes import fix_gbk_pairs
from zhclean.repair.markup import fix_markup
from zhclean.repair.mojibake import fix_mojibake
from zhclean.repair.pinyin import fix_pinyin_annotations
from zhclean.repair.punctuation import _ASCII_MARK, fix_ascii_punctuation, fix_lost_characters
from zhclean.repair.width import (
    _CJK_FORM,
    _FULLWIDTH,
    _WHITESPACE_CHAR,
    fix_cjk_forms,
    fix_fullwidth_alphanumerics,
    fix_stray_spaces,
    fix_whitespace,
)
from zhclean.spans import Span, carry, merge

Fix = Callable[[str], tuple[str, Counter[str]]]


def _class(pattern: re.Pattern[str]) -> str:
    """What is inside the brackets of a pattern that is one character class."""
    assert pattern.pattern[0] == "[" and pattern.pattern[-1] == "]", pattern.pattern
    return pattern.pattern[1:-1]


Reconstruction = Callable[[str], tuple[str, Counter[str], list[Span]]]

RECONSTRUCTIONS: tuple[Reconstruction, ...] = (
    fix_mojibake,  # UTF-8/GBK/Big5/Latin-1 misreadings (before whitespace: A0/AD are bytes)
    fix_gbk_pairs,  # annotations inside GBK pairs, misaligned double-byte text
)
"""Byte-level repairs, in order, before the text-level fixes."""

FIXES: tuple[Fix, ...] = (
    fix_markup,  # HTML references and tags first: &nbsp; is a space, `;` no punctuation
    fix_whitespace,  # line endings, BOM, zero-width and odd spaces first: others see clean lines
    fix_cjk_forms,  # radicals for characters (⼈⺠): the fixes after them see Han text
    fix_pinyin_annotations,  # before punctuation: annotations hold ASCII parentheses
    fix_degraded_punctuation,  # before ascii punctuation: `.` and `'` stood for all marks
    fix_lost_characters,  # before ascii punctuation: a lost character's `?` is no mark
    fix_ascii_punctuation,
    fix_fullwidth_alphanumerics,
    fix_stray_spaces,
)
"""The repair pipeline, in order."""

TRIGGERS: dict[Fix, str] = {
    fix_markup: "&<",
    fix_whitespace: _class(_WHITESPACE_CHAR) + " ",
    fix_cjk_forms: _class(_CJK_FORM),
    fix_pinyin_annotations: "(（?",
    fix_degraded_punctuation: ".",
    fix_lost_characters: "?",
    fix_ascii_punctuation: _class(_ASCII_MARK),
    fix_fullwidth_alphanumerics: _class(_FULLWIDTH),
    fix_stray_spaces: " ",
}
"""For each fix, the characters (a regex class) of which a line must hold one for the
fix to change it: each returns a line with none as it is, nothing counted, at its
first test (`tests/test_repair_triggers.py` checks them)."""

_NEEDS_A_FIX = re.compile("[" + "".join(TRIGGERS.values()) + "]")
"""A character some fix in `FIXES` needs: a line with none (most Chinese prose) skips them."""


@dataclass
class Repaired:
    text: str
    repairs: Counter[str] = field(default_factory=Counter)
    """By kind; `NOTHING` (copy it to add to it) when nothing was repaired."""
    uncertain: list[Span] = field(default_factory=list)
    """Spans of `text` reconstructed by likelihood, not forced by the bytes."""

    @property
    def lossy(self) -> bool:
        return LOST in self.text


def warm_up() -> None:
    """Build what the repairs build on first use (the word model and jieba's word-shape
    HMM, jieba's segmenter, GBK and Big5 tables), so that a worker pays for it before
    its first batch, not during it."""
    from zhclean.repair import degraded, gbk_bytes, lm, mojibake

    lm.model()
    lm._shape_tables()
    degraded.segmenter()
    gbk_bytes.tables()
    mojibake.tables()


def repair(
    text: str,
    fixes: tuple[Fix, ...] = FIXES,
    reconstructions: tuple[Reconstruction, ...] = RECONSTRUCTIONS,
) -> Repaired:
    """Run every reconstruction and fix over `text`, counting repairs by kind."""
    found: list[Counter[str]] = []  # most lines need no repair: no bookkeeping for them
    uncertain: list[Span] = []
    for reconstruct in reconstructions:
        before = text
        text, counts, spans = reconstruct(text)
        if counts:
            found.append(counts)
        if uncertain or spans:
            uncertain = merge([*carry(before, text, uncertain), *spans])
    reconstructed = text
    if fixes is not FIXES or _NEEDS_A_FIX.search(text):
        for fix in fixes:
            text, counts = fix(text)
            if counts:
                found.append(counts)
    if not found and not uncertain:
        return Repaired(text, NOTHING, [])
    if len(found) == 1 and min(found[0].values()) > 0:  # most repaired lines: one kind
        repairs = found[0]
    else:
        repairs = sum(found, Counter()) if found else NOTHING  # (adding keeps counts > 0)
    return Repaired(text, repairs, carry(reconstructed, text, uncertain))
