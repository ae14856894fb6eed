"""Hard line wraps: paragraphs cut into lines of one width by a text converter.

Files saved from some converters and e-mail clients carry every paragraph cut into
lines of a fixed width (often 76 or 80 bytes, a Chinese character counting two), so
that each line would read as a paragraph of its own. The width is found where most
long lines stop at it and almost none goes past it; a line that reaches it runs on into the
next unless the next one opens a paragraph (indented, when the file indents its
paragraphs) or, in a file that does not indent, the line ends a sentence (a paragraph
cut just after a sentence end then stays cut). The wrap cuts at a width, not between
words, so the lines are joined with nothing between them.
"""

from __future__ import annotations

import re
from collections import Counter

MIN_WIDTH = 40  # narrowest wrap width taken (bytes, a Chinese character counting two)
MIN_WRAPPED = 5  # fewest lines at the width that show a wrap
INDENT = re.compile(r"^(?:\u3000|\s{2,})")
_ENDS = "。！？!?…：:"  # a sentence, or a paragraph introducing a list
_CLOSING = "”’」』）)"


def gbk_width(line: str) -> int:
    """Display width in bytes of GBK: a Chinese character two, ASCII one."""
    return len(line.encode("gbk", "replace"))


def wrap_width(widths: list[int]) -> int | None:
    """The width lines were cut at, or None: the commonest width of the long lines
    (with one less: a two-byte character does not fit in the last byte), reached by
    most of them and passed by almost none."""
    long = [w for w in widths if w >= MIN_WIDTH]
    if len(long) < MIN_WRAPPED:
        return None
    counts = Counter(long)
    width = max(counts, key=lambda w: (counts[w] + counts[w - 1], w))
    at = counts[width] + counts[width - 1]
    over = sum(n for w, n in counts.items() if w > width)
    if at < MIN_WRAPPED or at * 2 < len(long) or over * 50 > len(widths):
        return None
    return width


def ends_sentence(line: str) -> bool:
    """Whether `line` ends a sentence (a closing quote or bracket after its mark too)."""
    tail = line.rstrip(_CLOSING)
    return bool(tail) and tail[-1] in _ENDS


def fix_hard_wraps(text: str) -> tuple[str, int]:
    """Join the lines of hard-wrapped paragraphs; return the text and the number of
    line breaks taken out. Text with no wrap width comes back as it is."""
    lines = text.split("\n")
    if len(lines) < MIN_WRAPPED:
        return text, 0
    widths = [gbk_width(line.rstrip()) for line in lines]
    width = wrap_width([w for w in widths if w])
    if width is None:
        return text, 0
    indented = sum(bool(INDENT.match(line)) for line in lines if line.strip())
    indents = indented * 3 >= sum(1 for line in lines if line.strip())
    out = [lines[0]]
    joined = 0
    for prev_width, line in zip(widths, lines[1:], strict=False):
        prev = out[-1].rstrip()
        runs_on = (
            prev_width >= width - 1
            and line.strip()
            and (INDENT.match(line) is None if indents else not ends_sentence(prev))
        )
        if runs_on:  # cut at a width, not at a space: nothing to put between
            out[-1] = prev + line
            joined += 1
        else:
            out.append(line)
    return "\n".join(out), joined
