"""Hard line wraps: paragraphs cut into lines of one width by a text converter.

Files saved from some converters and e-mail clients carry every paragraph cut into
lines of a fixed width (often 76 or 80 bytes, a Chinese character counting two), so
that each line would read as a paragraph of its own. The width is found where most
long lines stop at it and almost none goes past it; a line that reaches it runs on into the
next unless the next one opens a paragraph (indented, when the file indents its
paragraphs) or, in a file that does not indent, the line ends a sentence (a paragraph
cut just after a sentence end then stays cut). Where a converter dropped the
paragraphs' indent (pdftotext), a paragraph's first line stops that indent short of
the width and runs on too; so does a line the next one's opening number or Latin word
would not have fitted after. The wrap cuts at a width, not between
words, so the lines are joined with nothing between them. A mark a word processor lets
hang past the margin (`，` as the line's last character) does not count as past the
width; lines of a table (columns aligned by spaces), a table of contents (a dot
leader) or verse (phrases parted by spaces) are never wrapped text.
"""

from __future__ import annotations

import re
from collections import Counter

MIN_WIDTH = 40  # narrowest wrap width taken (bytes, a Chinese character counting two)
MIN_WRAPPED = 5  # fewest lines at the width that show a wrap
INDENT = re.compile(r"^(?:\u3000|\s{2,})")
_ENDS = "。！？!?…：:"  # a sentence, or a paragraph introducing a list
_CLOSING = "”’」』）)"
_HANGING = "，。、；：！？”’」』）》"  # marks a word processor lets run past the margin
# Columns aligned by runs of spaces, or a table of contents' dot leader: no prose
_TABULAR_HINTS = ("  ", "\u3000\u3000", "\t", "....", "………", "····", "----")  # a first look
_TABULAR = re.compile(r"\S(?: {2,}|\u3000{2,}|\t)\S|\.{4,}|…{3,}|·{4,}|-{4,}")
# Phrases parted by spaces: verse and couplets (白日依山尽 黄河入海流 …), never cut prose
_VERSE_SPACE = re.compile("(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")
VERSE_SPACES = 2  # phrases in a line of verse, at least
VERSE_MIN = 4  # shortest phrase of verse (characters)
LOST_INDENT = 4  # a paragraph's indent of two Chinese characters, dropped by a converter
_LEADING_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%:/_-]*")


def _is_verse(line: str) -> bool:
    """Whether `line` is verse: phrases parted by spaces, most of them of one length (白日依山尽
    黄河入海流 …; a couplet's 上联：… 下联：… 横批：…), not prose a PDF's spacing cut."""
    if len(_VERSE_SPACE.findall(line)) < VERSE_SPACES - 1:
        return False
    sizes = Counter(len(phrase) for phrase in line.split())
    size, count = sizes.most_common(1)[0]
    return size >= VERSE_MIN and count >= 2 and count * 3 >= 2 * sum(sizes.values())


def gbk_width(line: str) -> int:
    """Display width in bytes of GBK: a Chinese character two, ASCII one."""
    return len(line.encode("gbk", "replace"))


def _size(line: str) -> tuple[int, int]:
    """(width, width of a last mark that may hang past the margin, else 0); a tabular
    line (columns aligned by spaces, a dot leader) is width 0: never wrapped text."""
    line = line.rstrip()
    if not line or (any(h in line for h in _TABULAR_HINTS) and _TABULAR.search(line)):
        return 0, 0
    if (" " in line or "\u3000" in line) and _is_verse(line):
        return 0, 0
    return gbk_width(line), 2 if line[-1] in _HANGING else 0


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were cut at, or None: the commonest width of the long lines
    (with one less: a two-byte character does not fit in the last byte), reached by
    most of them and passed by almost none (a mark hanging past it, as word processors
    let `，。` do, does not count)."""
    return _wrap_width(list(map(_size, lines)))


def _wrap_width(all_sizes: list[tuple[int, int]]) -> int | None:
    sizes = [size for size in all_sizes if size[0]]
    long = [w for w, _ in sizes if w >= MIN_WIDTH]
    if len(long) < MIN_WRAPPED:
        return None
    counts = Counter(long)
    width = max(counts, key=lambda w: (counts[w] + counts[w - 1], w))
    wider = width + LOST_INDENT  # the commonest are first lines whose indent was lost
    if counts[wider] + counts[wider - 1] and _fits(sizes, wider, long):
        return wider
    return width if _fits(sizes, width, long) else None


def _fits(sizes: list[tuple[int, int]], width: int, long: list[int]) -> bool:
    """Whether most long lines reach `width` (or, a paragraph's first line, stop one lost
    indent short of it) and almost none passes it."""
    at = sum(1 for w, hang in sizes if _full(w, hang, width) or _first(w, hang, width))
    over = sum(1 for w, hang in sizes if w - hang > width)
    return at >= MIN_WRAPPED and at * 2 >= len(long) and over * 50 <= len(sizes)


def _full(w: int, hang: int, width: int) -> bool:
    """A line that reaches the wrap width (a hanging mark past it)."""
    return width - 1 <= w - hang <= width or width - 1 <= w <= width


def _first(w: int, hang: int, width: int) -> bool:
    """A line a lost indent short of the wrap width: a paragraph's first line where the
    converter dropped the indent (pdftotext: 26 characters of a 28-character measure)."""
    return _full(w + LOST_INDENT, hang, width)


def _no_room(prev_width: int, line: str, width: int) -> bool:
    """Whether the word that opens `line` (digits or Latin) did not fit after a line of
    `prev_width`: a layout moves it whole to the next line (…新增就业 / 4.5万人)."""
    word = _LEADING_WORD.match(line)
    return word is not None and prev_width + len(word.group()) > width


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
    sizes = list(map(_size, lines))
    width = _wrap_width(sizes)
    if width is None:
        return text, 0
    indented = sum(bool(INDENT.match(line)) for line in lines if line.strip())
    indents = indented * 3 >= sum(1 for line in lines if line.strip())
    out = [lines[0]]
    joined = 0
    starts = True  # the last line opened a paragraph
    for (prev_width, hang), (width_here, _), line in zip(sizes, sizes[1:], lines[1:], strict=False):
        prev = out[-1].rstrip()
        full = (
            prev_width >= width - 1
            or (starts and not indents and _first(prev_width, hang, width))
            or _no_room(prev_width, line, width)
        )
        runs_on = (
            full
            and width_here
            and (INDENT.match(line) is None if indents else not ends_sentence(prev))
        )
        if runs_on:  # cut at a width, not at a space: nothing to put between
            out[-1] = prev + line
            joined += 1
        else:
            out.append(line)
        starts = not runs_on
    return "\n".join(out), joined
