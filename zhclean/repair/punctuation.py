"""ASCII punctuation in Chinese context made full-width: 時間:2022 -> 時間：2022."""

from __future__ import annotations

import re
from collections import Counter

from zhclean.repair.chars import CHINESE, HAN

_FULL = str.maketrans(",;:?!", "，；：？！")
_C = f"[{CHINESE}]"

# Three or more dots next to a Han character: an ellipsis.
_ELLIPSIS = re.compile(rf"(?<=[{HAN}])\.{{3,}}|\.{{3,}}(?=[{HAN}])")
# , ; : ? ! with Chinese on either side (10:37, 1,000 and http:// have none).
_MARK = re.compile(rf"(?<={_C})[,;:?!]|[,;:?!](?={_C})")
# A full stop after Han text, before Han text or at the end of a line (3.5 is untouched).
_PERIOD = re.compile(rf"(?<=[{HAN}”’）])\.(?=[{HAN}“‘（]|$)", re.M)
# Parentheses on one line around text that holds a Han character: (試行).
_PARENS = re.compile(rf"\(([^()\n]*[{HAN}][^()\n]*)\)")
# Straight double quotes around text that holds a Han character, on one line.
_QUOTES = re.compile(rf'"([^"\n]*[{HAN}][^"\n]*)"')


def fix_ascii_punctuation(text: str) -> tuple[str, Counter[str]]:
    """Make , ; : ? ! . ( ) " full-width where they stand in Chinese context."""
    found = 0

    def count(n: int) -> None:
        nonlocal found
        found += n

    text, n = _ELLIPSIS.subn("……", text)
    count(n)
    text, n = _PARENS.subn(r"（\1）", text)
    count(2 * n)
    text, n = _QUOTES.subn(r"“\1”", text)
    count(2 * n)
    text, n = _MARK.subn(lambda m: m.group().translate(_FULL), text)
    count(n)
    text, n = _PERIOD.subn("。", text)
    count(n)
    return text, Counter(ascii_punctuation=found)
