"""Hard line wraps: paragraphs cut into lines of one width by a text converter.

Files saved from some converters and e-mail clients carry every paragraph cut into
lines of a fixed width (often 76 or 80 bytes, a Chinese character counting two), so
that each line would read as a paragraph of its own. The width is found where most
long lines stop at it and almost none goes past it; a line that reaches it runs on into the
next unless the next one opens a paragraph (indented, when the file indents its
paragraphs) or, in a file that does not indent, the line ends a sentence (a paragraph
cut just after a sentence end then stays cut). Where a converter dropped the
paragraphs' indent (pdftotext), most first lines stop that indent short of the width:
such a line runs on too, into a fuller line or a paragraph's last; so does Chinese text
the next line's opening number or Latin word would not have fitted after. The wrap cuts
at a width, not between
words, so the lines are joined with nothing between them. A mark a word processor lets
hang past the margin (`，` as the line's last character) does not count as past the
width; lines of a table (columns aligned by spaces), a table of contents (a dot
leader) or verse (phrases parted by spaces) are never wrapped text.
"""

from __future__ import annotations

import re
from collections import Counter

from zhclean.line_memo import per_line
from zhclean.structure.sections import numbering

MIN_WIDTH = 40  # narrowest wrap width taken (bytes, a Chinese character counting two)
MIN_WRAPPED = 5  # fewest lines at the width that show a wrap
INDENT = re.compile(r"^(?:\u3000|\s{2,})")
_ENDS = "。！？!?…：:"  # a sentence, or a paragraph introducing a list
_CLOSING = "”’」』）)"
_HANGING = "，。、；：！？”’」』）》"  # marks a word processor lets run past the margin
# Columns aligned by runs of spaces, or a table of contents' dot leader: no prose
_TABULAR = re.compile(r"\S(?: {2,}|\u3000{2,}|\t)\S|\.{4,}|…{3,}|·{4,}|-{4,}")
# A first look for `_TABULAR`: literals only, which `re` skips ahead to
_TABULAR_HINT = re.compile(r"  |\u3000\u3000|\t|\.\.\.\.|………|····|----")
# Phrases parted by spaces: verse and couplets (白日依山尽 黄河入海流 …), never cut prose
_VERSE_SPACE = re.compile("(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")
VERSE_SPACES = 2  # phrases in a line of verse, at least
VERSE_MIN = 4  # shortest phrase of verse (characters)
LOST_INDENT = 4  # a paragraph's indent of two Chinese characters, dropped by a converter
LOST_INDENT_MIN = 2  # fewest paragraphs' first lines that show a lost indent
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


@per_line
def _size(line: str) -> tuple[int, int]:
    """(width, width of a last mark that may hang past the margin, else 0); a tabular
    line (columns aligned by spaces, a dot leader) is width 0: never wrapped text."""
    line = line.rstrip()
    if not line or (_TABULAR_HINT.search(line) and _TABULAR.search(line)):
        return 0, 0
    if (" " in line or "\u3000" in line) and _is_verse(line):
        return 0, 0
    return gbk_width(line), 2 if line[-1] in _HANGING else 0


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were cut at, or None: the commonest width of the long lines
    (with one less: a two-byte character does not fit in the last byte), reached by
    most of them and passed by almost none (a mark hanging past it, as word processors
    let `，。` do, does not count); or the width of a converter that dropped the
    paragraphs' indent (`_layout`)."""
    return _layout(lines, list(map(_size, lines)))[0]


def _layout(lines: list[str], sizes: list[tuple[int, int]]) -> tuple[int | None, bool]:
    """(wrap width or None, whether paragraphs' first lines stop a lost indent short)."""
    long = [w for w, _ in sizes if w >= MIN_WIDTH]
    if len(long) < MIN_WRAPPED:
        return None, False
    counts = Counter(long)
    width = max(counts, key=lambda w: (counts[w] + counts[w - 1], w))
    if _fits(sizes, width, long):
        return width, _lost_indent(lines, sizes, _openers(lines, sizes), width)
    # too few full lines alone: with paragraphs' first lines whose indent was lost
    # (short paragraphs from pdftotext), as common as the full ones or more
    openers = None
    for measure in (width, width + LOST_INDENT):
        if _overrun(sizes, measure):
            continue  # `_fits` fails whatever the openers: no need to look for them
        openers = _openers(lines, sizes) if openers is None else openers
        if _lost_indent(lines, sizes, openers, measure) and _fits(sizes, measure, long, openers):
            return measure, True
    return None, False


def _fits(
    sizes: list[tuple[int, int]], width: int, long: list[int], openers: set[int] | None = None
) -> bool:
    """Whether most long lines reach `width` (with `openers`, paragraphs' first lines
    one lost indent short of it count too) and almost none passes it."""
    if _overrun(sizes, width):  # (first: prose, whose lines run long, fails here)
        return False
    at = sum(1 for w, hang in sizes if _full(w, hang, width))
    if openers is not None:
        at += sum(1 for k in openers if _first(*sizes[k], width))
    return at >= MIN_WRAPPED and at * 2 >= len(long)


def _overrun(sizes: list[tuple[int, int]], width: int) -> bool:
    """Whether more than one line in 50 passes `width` (a hanging mark aside)."""
    return sum(1 for w, hang in sizes if w - hang > width) * 50 > len(sizes)


def _openers(lines: list[str], sizes: list[tuple[int, int]]) -> set[int]:
    """Lines that open a paragraph by what stands before them: the file's start or its
    first line (a title), a blank line, a sentence's end or a numbered heading (not a
    line that merely is short: a list of headlines is no wrapped text)."""
    found = set()
    for k in range(len(lines)):
        prev = lines[k - 1].strip() if k > 1 else ""  # (the first line: a title)
        if sizes[k][0] and (not prev or ends_sentence(prev) or numbering(prev) is not None):
            found.add(k)
    return found


def _lost_indent(
    lines: list[str], sizes: list[tuple[int, int]], openers: set[int], width: int
) -> bool:
    """Whether the paragraphs' first lines stop a lost indent short of `width`, each
    going on in a fuller line (as many of the long ones as not, and two at least):
    pdftotext dropped the indent."""
    long = [k for k in openers if sizes[k][0] >= MIN_WIDTH]
    first = sum(
        1
        for k in long
        if _first(*sizes[k], width) and k + 1 < len(lines) and _goes_on(lines, sizes, k, width)
    )
    return first >= LOST_INDENT_MIN and first * 2 >= len(long)


def _goes_on(lines: list[str], sizes: list[tuple[int, int]], k: int, width: int) -> bool:
    """Whether line k + 1 can carry on a first line k: fuller than a first line, or the
    paragraph's last (a sentence's end, or any end of a numbered heading's)."""
    after = sizes[k + 1][0]
    return after > width - LOST_INDENT or (
        after > 0
        and (ends_sentence(lines[k + 1].rstrip()) or numbering(lines[k].strip()) is not None)
    )


def _full(w: int, hang: int, width: int) -> bool:
    """A line that reaches the wrap width (a hanging mark past it)."""
    return width - 1 <= w - hang <= width or width - 1 <= w <= width


def _first(w: int, hang: int, width: int) -> bool:
    """A line a lost indent short of the wrap width: a paragraph's first line where the
    converter dropped the indent (pdftotext: 26 characters of a 28-character measure)."""
    return _full(w + LOST_INDENT, hang, width)


def _no_room(prev: str, prev_width: int, line: str, width: int) -> bool:
    """Whether the word that opens `line` (digits or Latin) did not fit after Chinese
    text of `prev_width`: a layout moves it whole to the next line (…新增就业 / 4.5万人)."""
    word = _LEADING_WORD.match(line)
    return word is not None and prev[-1:] >= "\u3000" and prev_width + len(word.group()) > width


def latin_seam(before: str, after: str) -> bool:
    """Whether a Latin letter or digit ends `before` and another opens `after` (joined,
    the two words need a space between them)."""
    return (
        before[-1:].isascii()
        and before[-1:].isalnum()
        and after[:1].isascii()
        and after[:1].isalnum()
    )


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
    width, lost_indent = _layout(lines, sizes)
    if width is None:
        return text, 0
    indented = sum(bool(INDENT.match(line)) for line in lines if line.strip())
    indents = indented * 3 >= sum(1 for line in lines if line.strip())
    out = [lines[0]]
    joined = 0
    starts = True  # the last line opened a paragraph
    for k, ((prev_width, hang), (width_here, _), line) in enumerate(
        zip(sizes, sizes[1:], lines[1:], strict=False)
    ):  # line k (the previous) and line k + 1
        prev = out[-1].rstrip()
        # a first line short by its lost indent (into a fuller line or a paragraph's last,
        # not into another first line: two short lines running are a title and a
        # paragraph), or one the next word did not fit after, runs on only into a line
        # that opens no numbered item (（二）…), after no ；
        first = starts and lost_indent and not indents and _first(prev_width, hang, width)
        first = first and _goes_on(lines, sizes, k, width)
        short = first or _no_room(prev, prev_width, line, width)
        full = prev_width >= width - 1 or (
            short and numbering(line) is None and not prev.endswith("；")
        )
        runs_on = (
            full
            and width_here
            and (INDENT.match(line) is None if indents else not ends_sentence(prev))
        )
        if runs_on:  # cut at a width, not at a space: nothing to put between
            # (but a Latin word wrapped whole: it would not have fit after a space)
            word = _LEADING_WORD.match(line)
            spaced = (
                latin_seam(prev, line)
                and word is not None
                and prev_width < width - 1  # not cut at the width inside a word (Pref|ect)
                and prev_width + 1 + len(word.group()) > width
            )
            out[-1] = prev + (" " if spaced else "") + line
            joined += 1
        else:
            out.append(line)
        starts = not runs_on
    return "\n".join(out), joined
