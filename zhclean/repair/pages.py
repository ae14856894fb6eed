"""Page numbers left between the paragraphs of a converted PDF or Word file.

Text taken from a paginated document carries each page's number on a line of its
own (`— 2 —`, as official documents print it; `- 2 -`, `第2页 共5页`, `共5页 第2页`,
`Page 2 of 5`; or a bare `2`, `2/5` under 1000, taken only where such lines count
up through the text one by one, a page of text apart), and a paragraph that ran over the page
is cut there. The number lines go (`page_numbers`), and so do the running heads
and feet printed next to them on every page (`running_heads`); in a file that is not
hard-wrapped (`zhclean.repair.wraps` joins those), the halves of a cut paragraph
are joined (`page_breaks`): the line before is a long one that does not end a
sentence and is no numbered heading, and the line after opens no paragraph (not
indented, no numbering).
"""

from __future__ import annotations

import re
from collections import Counter

from zhclean.repair.wraps import INDENT, ends_sentence, gbk_width, latin_seam, wrap_width
from zhclean.structure.sections import numbered_shape, numbering

PAGE_NUMBER = re.compile(
    r"[-—－–]+\s*\d{1,4}\s*[-—－–]+"
    r"|第\s*\d{1,4}\s*[页頁](?:\s*[,，/／]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|共\s*\d{1,4}\s*[页頁]\s*[,，/／]?\s*第\s*\d{1,4}\s*[页頁]"
    r"|(?i:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)"
)
"""A line that is a page number and nothing else (stripped)."""
_BARE = re.compile(r"(\d{1,4})(?:\s*/\s*\d{1,4})?")
_CUE = re.compile(r"^[ \t\u3000]*(?:[-—－–]|第|共|[Pp]age|\d)", re.M)
MAX_PAGE = 1000  # bare numbers from here up are no page numbers (years, amounts)
PAGE_CHARS = 200  # fewest characters between two bare page numbers
MARKER_HEADING_MAX = 30  # longest heading under a section's number (01 / 强化政治引领)
CUT_MIN_WIDTH = 40  # narrowest line (GBK bytes) taken as cut by a page end
HEAD_REACH = 2  # lines of text between a page number and a running head, at most
HEAD_CHARS = 40  # longest running head (characters)
INDENT_MAX = 8  # widest leading space of an indent (bytes: four, or two full-width spaces)
HEAD_PAGES = 3  # fewest page ends a running head stands at (a form's heading may repeat twice)
# In no running head: a sentence's marks, a field's colon (填报单位（盖章）：), an attachment's
# heading (附件2)
_NO_HEAD = re.compile(r"[，。；！？：:]|^附件")


def _bare_numbers(lines: list[str]) -> set[int]:
    """Lines that are bare numbers counting up one by one, a page of text apart (the
    last, ending the text, after a page that may be short)."""
    found: list[tuple[int, int]] = []  # (line, number)
    chars = 0
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for i, line in enumerate(lines):
        m = _BARE.fullmatch(line.strip())
        if m is None:
            chars += len(line.strip())
            continue
        number = int(m.group(1))
        if number >= MAX_PAGE:  # a year (2021, 2022 in a chronicle), not a page
            return set()
        short = chars < PAGE_CHARS and i != last  # the last page may be short
        if found and (number != found[-1][1] + 1 or short):
            return set()
        if not found and chars < PAGE_CHARS:  # no page of text above the first
            return set()
        found.append((i, number))
        chars = 0
    if len(found) < 2 or (found[0][1] == 1 and all(_section_marker(lines, i) for i, _ in found)):
        return set()
    return {i for i, _ in found}


def _section_marker(lines: list[str], i: int) -> bool:
    """Whether the number on line i marks a section (01 / 02 in an article; or one between
    a finished paragraph and a short unnumbered heading) rather than a page. Section numbers
    count from 1."""
    if lines[i].strip().startswith("0"):
        return True
    before = next((line for line in reversed(lines[:i]) if line.strip()), "")
    after = next((line.strip() for line in lines[i + 1 :] if line.strip()), "")
    return (
        ends_sentence(before.strip())
        and 0 < len(after) <= MARKER_HEADING_MAX
        and not ends_sentence(after)
        and numbering(after) is None  # 一、总体要求 has its own number: a page's under it
    )


def _running_heads(lines: list[str], numbers: set[int]) -> set[int]:
    """Lines of a page's running head or foot: a short line without a comma, colon,
    sentence end or numbering, next to a page number (at most `HEAD_REACH` lines of text
    away), the same at `HEAD_PAGES` page ends or more. Elsewhere (the first page's title)
    it stays."""
    near: dict[str, list[int]] = {}
    for n in numbers:
        for step in (-1, 1):
            i, seen = n + step, 0
            while 0 <= i < len(lines) and seen < HEAD_REACH and i not in numbers:
                line = lines[i].strip()
                if line:
                    seen += 1
                    if (
                        len(line) <= HEAD_CHARS
                        and not _NO_HEAD.search(line)
                        and numbering(line) is None
                    ):
                        near.setdefault(" ".join(line.split()), []).append(i)
                i += step
    return {i for found in near.values() if len(set(found)) >= HEAD_PAGES for i in found}


def _runs_on(before: str, after: str) -> bool:
    """Whether a page end cut a paragraph between these two lines."""
    return (
        gbk_width(_set_text(before)) >= CUT_MIN_WIDTH
        and not ends_sentence(before.rstrip())
        and numbered_shape(before) is None  # a heading at the foot of the page
        and INDENT.match(after) is None
        and numbering(after) is None
    )


def _set_text(line: str) -> str:
    """`line` without trailing spaces, and without the leading ones where they set it
    right (a signature's date) rather than indent it (two characters at most)."""
    text = line.rstrip()
    lead = text[: len(text) - len(text.lstrip())]
    return text.lstrip() if gbk_width(lead) > INDENT_MAX else text


def _join(before: str, after: str) -> str:
    before, after = before.rstrip(), after.lstrip()
    return before + (" " if latin_seam(before, after) else "") + after


def fix_page_breaks(text: str) -> tuple[str, Counter[str]]:
    """Take out page-number lines; join a paragraph a page end cut, where the text is
    not hard-wrapped."""
    if not _CUE.search(text):
        return text, Counter()
    lines = text.split("\n")
    numbers = {i for i, line in enumerate(lines) if PAGE_NUMBER.fullmatch(line.strip())}
    numbers |= _bare_numbers(lines)
    if not numbers:
        return text, Counter()
    headers = _running_heads(lines, numbers)
    counts: Counter[str] = Counter(page_numbers=len(numbers), running_heads=len(headers))
    counts = +counts  # no zero counts
    numbers |= headers
    width = wrap_width(lines)
    join = width is None  # else the wrap joiner joins across the page end
    out: list[str] = []
    held: list[str] = []  # blank lines after a page number
    cut = False  # a page number was just taken out
    for i, line in enumerate(lines):
        if i in numbers:
            cut = True
            continue
        if cut and not line.strip():
            held.append(line)
            continue
        if cut and join:
            last = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
            if last is not None and _runs_on(out[last], line):
                out[last:] = [_join(out[last], line)]
                counts["page_breaks"] += 1
                held, cut = [], False
                continue
        if cut and width is not None:  # the page's blank lines (a form feed), if the
            last = len(out)  # line before reaches the width: the wrap runs on across them
            while last and not out[last - 1].strip():
                last -= 1
            if last and gbk_width(out[last - 1].rstrip()) >= width - 1:
                out, held = out[:last], []
        out += held
        out.append(line)
        held, cut = [], False
    return "\n".join(out + held), counts
