"""Repair damaged text: each fix is a named function that undoes one kind of damage.

A fix takes the text and returns it repaired together with a Counter of what it
repaired, by kind; `repair` runs them in order and adds the counts up. Fixes must
leave correct text unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from zhclean.repair.pinyin import fix_pinyin_annotations
from zhclean.repair.punctuation import fix_ascii_punctuation
from zhclean.repair.width import fix_fullwidth_alphanumerics, fix_whitespace

Fix = Callable[[str], tuple[str, Counter[str]]]

FIXES: tuple[Fix, ...] = (
    fix_whitespace,  # line endings, BOM, zero-width and odd spaces first: others see clean lines
    fix_pinyin_annotations,  # before punctuation: annotations hold ASCII parentheses
    fix_ascii_punctuation,
    fix_fullwidth_alphanumerics,
)
"""The repair pipeline, in order."""

LOST = "\ufffd"
"""Stands for characters the bytes do not determine at all."""


@dataclass
class Repaired:
    text: str
    repairs: Counter[str] = field(default_factory=Counter)

    @property
    def lossy(self) -> bool:
        return LOST in self.text


def repair(text: str, fixes: tuple[Fix, ...] = FIXES) -> Repaired:
    """Run every fix over `text`, counting repairs by kind."""
    repairs: Counter[str] = Counter()
    for fix in fixes:
        text, counts = fix(text)
        repairs.update(counts)
    return Repaired(text, +repairs)
