"""Patterns searched over every line or text open with a literal or a character class.

`re` then looks only where one of their first characters stands; a pattern opening with
a group repeated, a lookbehind, or alternatives not all opening with a literal is tried
at every character (7-10 times slower on prose). Checked on the compiled pattern's
prefix, not by timing.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from zhclean.pipeline import _OTHER_BREAKS
from zhclean.repair.wraps import _TABULAR_HINT
from zhclean.structure import documents
from zhclean.structure.sentences import _END_OR_BREAK


def _skips_ahead(pattern: re.Pattern[str]) -> bool:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    prefix, _, _ = _compiler._get_literal_prefix(parsed, pattern.flags)
    return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, pattern.flags))


@pytest.mark.parametrize(
    "pattern",
    [
        _OTHER_BREAKS,
        _END_OR_BREAK,
        documents._DISCLAIMER.cue,
        documents._AD.cue,
        documents._ANY_AD_HINT.cue,
        documents._SITE_LINE.cue,
        documents._NAV,
        _TABULAR_HINT,
    ],
)
def test_hot_patterns_skip_ahead(pattern: re.Pattern[str]) -> None:
    assert _skips_ahead(pattern)


def test_the_check_tells_the_slow_shapes() -> None:
    slow = [r"(?:[。！？][”]*)+", r"\r\n?|[\x0b\x0c]", r"(?<!a)b", r"(?:[关關]闭|网友)"]
    fast = [r"[。！？][”]*", r"[\r\x0b\x0c]\n?", r"b(?<!ab)", r"关[闭閉]|關[闭閉]|网友"]
    assert [_skips_ahead(re.compile(p)) for p in slow] == [False] * 4
    assert [_skips_ahead(re.compile(p)) for p in fast] == [True] * 4
