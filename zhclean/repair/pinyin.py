"""Pinyin annotations glued after Han characters: 優(yōu)化 -> 優化.

Some sites annotate every "difficult" character with its pinyin in ASCII
parentheses. The annotation is removed when it directly follows a Han character
and holds exactly one valid pinyin syllable with a tone mark, so real
parentheticals ((試行), (AB), (2023)) stay. In full-width parentheses (優（yōu）化)
only where a line holds two or more: one alone is often a real gloss (龉（yǔ）).

When the annotation was inserted between the two bytes of a GBK character, the
lead byte and `(` were lost as one `?` (空談?wù)`國: 誤 is GBK D5 60, its trail byte
0x60 survives as a backquote). This first cut replaces such a damaged annotation,
and a trail byte that survived as an ASCII character, by U+FFFD: the character is
lost until the GBK-byte repair recovers it.
"""

from __future__ import annotations

import re
from collections import Counter

from zhclean.repair.chars import HAN
from zhclean.repair.counts import NOTHING

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PLAIN = "aeiouü"
_TONELESS = str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuüüüü")

# Standard pinyin syllables: optional initial + final (toneless form).
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|üan|ong|ang|eng|ai|ei|ao|ou|an|en|in|un|ün"
    r"|ia|ie|iu|io|ua|uo|ui|ue|üe|er|a|o|e|i|u|ü)"
    r"|[mn]g?|ê"
)
# A lowercase word of at most 6 letters with a tone mark (bounded: no backtracking blow-up).
WORD = rf"[a-z{_TONED}ü]{{0,5}}[{_TONED}][a-z{_TONED}ü]{{0,5}}"
# A parenthesised lowercase word with at least one tone mark, after a Han character.
_ANNOTATION = re.compile(rf"(?<=[{HAN}])\(({WORD})\)")
# The same in full-width parentheses (a converter made them full-width): taken only
# where a line holds two or more, since a single one is often a real gloss (龉（yǔ）).
_FULL_ANNOTATION = re.compile(rf"(?<=[{HAN}])（({WORD})）")
# A damaged annotation: `?` (lead byte + `(`), syllable, `)`, then maybe the surviving
# trail byte as an ASCII character in GBK's trail range 0x40-0x7E (not a letter).
_DAMAGED = re.compile(rf"\?({WORD})\)([@\[\\\]^_`{{|}}~]?)")


def is_syllable(word: str) -> bool:
    """True for one pinyin syllable, tone-marked or not (`yōu`, `lüe`)."""
    return _SYLLABLE.fullmatch(word.translate(_TONELESS)) is not None


def fix_pinyin_annotations(text: str) -> tuple[str, Counter[str]]:
    """Remove 字(pīnyīn) annotations; mark characters lost under damaged ones with U+FFFD."""
    if "(" not in text and "（" not in text and "?" not in text:
        return text, NOTHING
    counts: Counter[str] = Counter()

    def drop(m: re.Match[str]) -> str:
        if not is_syllable(m.group(1)):
            return m.group()
        counts["pinyin_annotation"] += 1
        return ""

    def lose(m: re.Match[str]) -> str:
        if not is_syllable(m.group(1)):
            return m.group()
        counts["pinyin_annotation_damaged"] += 1
        return "\ufffd"

    if "(" in text:
        text = _ANNOTATION.sub(drop, text)
    if "（" in text:
        found = [m for m in _FULL_ANNOTATION.finditer(text) if is_syllable(m.group(1))]
        if len(found) >= 2:
            text = _FULL_ANNOTATION.sub(drop, text)
    if "?" in text:
        text = _DAMAGED.sub(lose, text)
    return text, counts
