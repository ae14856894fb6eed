"""Split a document's text into sections by its heading lines.

A heading is a line of its own that titles what follows: a short numbered line
(一、… （一）… 1、… （1）… 第一，… 第一部分… 第一句话：…) or, when a document uses
them consistently, an unnumbered short line. Levels come from each document's
own rank of numbering styles: the highest style it uses is level 1.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from zhclean.line_memo import per_line
from zhclean.model import Section

_CN = "一二三四五六七八九十百零〇两"  # CJK numerals used in enumerators

# 第一编 / 第一部分 / 第一篇, then 第二章, then 第三节 (Simplified and Traditional)
_PART = re.compile(rf"第[{_CN}0-9]+(?:部分|篇|编|編)")
_CHAPTER = re.compile(rf"第[{_CN}0-9]+章")
_SECTION = re.compile(rf"第[{_CN}0-9]+(?:节|節)")
# 第一句话： / 第二点， / 第三个方面：
_ORD_PHRASE = re.compile(rf"第[{_CN}0-9]+(?:句话|句話|点|點|个方面|個方面|方面)[：:，,、]")
# 第一， / 第二、 / 第三：
_ORD = re.compile(rf"第[{_CN}]+[，,、：:]")
# 一、 / 二． / 三.
_CN_ENUM = re.compile(rf"[{_CN}]+[、．.]")
# （一） / (二)
_CN_PAREN = re.compile(rf"[（(][{_CN}]+[）)]")
# 1、 / 2. / 3． (not a decimal such as 1.8亿; a year may follow: 1.2022年主要指标)
_AR_ENUM = re.compile(r"[0-9]{1,2}(?:、|[.．](?![0-9])|[.．](?=(?:19|20)[0-9]{2}年))")
# 1.1 / 2.3 before a space and a word (1.5亿元, 2.3 万户 and 1.5 2.3 are numbers)
_AR_DECIMAL = re.compile(
    r"[0-9]{1,2}[.．][0-9]{1,2}"
    r"(?=[ \u3000]+[\u4e00-\u9fff])(?![ \u3000]+[万亿千百元米吨户倍])"
)
# （1） / (2) / 3） / 4)
_AR_PAREN = re.compile(r"(?:[（(][0-9]{1,2}|[0-9]{1,2})[）)]")
# ① … ⑳
_CIRCLED = re.compile(r"[①-⑳]")

# Numbering styles in conventional rank order, highest first.
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", _PART),
    ("chapter", _CHAPTER),
    ("section", _SECTION),
    ("cn", _CN_ENUM),
    ("ord", _ORD_PHRASE),
    ("ord", _ORD),
    ("cn_paren", _CN_PAREN),
    ("ar_decimal", _AR_DECIMAL),
    ("ar", _AR_ENUM),
    ("ar_paren", _AR_PAREN),
    ("circled", _CIRCLED),
)
_MARKER_FIRST = frozenset(f"第{_CN}0123456789（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
"""Every character a numbering marker of `_STYLES` can open with."""
_RANK = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "cn": 3,
    "ord": 4,
    "cn_paren": 5,
    "ar": 6,
    "ar_decimal": 7,
    "ar_paren": 8,
    "circled": 9,
}
_UNNUMBERED = "plain"
_PARTS = frozenset({"part", "chapter", "section"})  # styles a line may be made of alone

# a sentence terminator: 。！？ or an ellipsis
_TERMINATOR = re.compile(r"[。！？!?…⋯]")
# a line that ends a sentence: terminator, then any closing quotes or brackets
_ENDS_SENTENCE = re.compile(r"[。！？!?…⋯][”’」』）)】〕]*\s*$")
# punctuation after which a line runs on (not a heading): ， 、 ； ：
_RUNS_ON = re.compile(r"[，,、；;：:]\s*$")
# a paragraph opening with an enumerator word: 一是 / 二要 / 首先 / 一方面 / 问： …
_ENUMERATOR_OPENING = re.compile(
    rf"(?:[{_CN}]+(?:是|要|方面)|另一方面|首先|其次|再次|最后|最後|[问問答][：:])"
)
# one sentence ending in 。 (phrases parted by ，、；), nothing after it
_ONE_SENTENCE = re.compile(r"[^。！？!?…⋯：:]+。")
# what a directive says (要, 应当, 必须…; not 主要, 重要): an item's sentence
_DIRECTIVE = re.compile("(?<![主重需纲])要|应当|必须|务必|不得")
# punctuation between the phrases of a sentence: ， ； ：
_PHRASE_BREAK = re.compile(r"[，,；;：:]")
# a Han character
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ATTACHMENTS = re.compile(r"^\s*附\s*件\s*[：:]\s*")
_OPENERS = _MARKER_FIRST | {"附"}
"""What a line with a numbering marker or an attachments label opens with."""

NUMBERED_MAX = 45  # longest numbered heading line, in characters
SHORT_MAX = 20  # a numbered line this short may end with one 。！？
SENTENCE_HEADING_MAX = 30  # longest heading written as a sentence, beside a proper sibling
PHRASE_MAX = 80  # longest 第X句话： heading line
PLAIN_MAX = 30  # longest unnumbered heading line
PLAIN_MIN_HAN = 4  # fewest Han characters in an unnumbered heading
PLAIN_MIN_COUNT = 2  # unnumbered headings count only when a document has this many


class _Line(NamedTuple):
    start: int  # offset of the line in the document's text
    text: str


def _lines(text: str) -> list[_Line]:
    """Non-blank lines of text with their offsets."""
    out: list[_Line] = []
    start = 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(_Line(start, raw))
        start += len(raw) + 1
    return out


@per_line
def numbering(line: str) -> tuple[str, str] | None:
    """(style, rest of the line) when the line opens with a numbering marker."""
    stripped = line.lstrip()
    if stripped[:1] not in _MARKER_FIRST:  # most lines: no pattern to try
        return None
    for style, pattern in _STYLES:
        m = pattern.match(stripped)
        if m:
            return style, stripped[m.end() :].strip()
    return None


@per_line
def numbered_shape(line: str) -> str | None:
    """The numbering style when the line looks like a numbered heading on its own."""
    found = numbering(line)
    if found is None:
        return None
    style, rest = found
    if not rest:  # a bare 第一部分 / 第二章 / 第三节 line
        return style if style in _PARTS else None
    size = len(line.strip())
    phrase = _ORD_PHRASE.match(line.lstrip()) is not None
    if not _HAN.search(rest) or size > (PHRASE_MAX if phrase else NUMBERED_MAX):
        return None
    # a trailing ， 、 ； runs on; a trailing ： only on a short line (一、存在的问题：)
    if _RUNS_ON.search(rest) and not (rest.endswith(("：", ":")) and size <= SHORT_MAX):
        return None
    terminators = _TERMINATOR.findall(rest)
    if not terminators:
        return style
    if len(terminators) > 1 or not _TERMINATOR.fullmatch(rest[-1]) or rest[-1] in "…⋯":
        return None  # a sentence end inside: the item runs on into its paragraph
    # one final 。！？: a 第X句话： line, or a short single phrase (1、人员变化快。)
    if phrase or (size <= SHORT_MAX and not _PHRASE_BREAK.search(rest)):
        return style
    return None


def _plain_shape(line: str) -> bool:
    """Whether the line looks like an unnumbered heading: short, no sentence end."""
    s = line.strip()
    if len(s) > PLAIN_MAX or _TERMINATOR.search(s) or _RUNS_ON.search(s):
        return False
    if "；" in s or "：" in s or ":" in s or _ENUMERATOR_OPENING.match(s):
        return False
    han = len(_HAN.findall(s))
    return han >= PLAIN_MIN_HAN and han >= 0.6 * len(s)


@per_line
def _opening_style(line: str) -> str | None:
    """The numbering style the line opens with, heading-shaped or not ("2、业务精通；"
    too; a list of attachments opens after its label, 附件：1.…)."""
    found = numbering(_ATTACHMENTS.sub("", line, count=1))
    return found[0] if found else None


def _heading_styles(lines: list[_Line]) -> list[str | None]:
    """The numbering style of each heading line, None for body lines."""
    shapes: list[str | None] = [None] * len(lines)
    opens: list[str | None] = [None] * len(lines)
    for i, ln in enumerate(lines):
        if ln.text.lstrip()[:1] in _OPENERS:  # most lines open with no marker or label
            shapes[i], opens[i] = numbered_shape(ln.text), _opening_style(ln.text)
    _add_sentence_headings(lines, shapes, opens)
    styles: list[str | None] = [None] * len(lines)
    for i, shape in enumerate(shapes):
        if shape is None or i + 1 == len(lines):
            continue
        # consecutive lines numbered alike are list items, not headings
        if opens[i + 1] == shape or (i > 0 and opens[i - 1] == shape):
            continue
        styles[i] = shape
    _add_plain_headings(lines, shapes, styles)
    return styles


def _add_sentence_headings(
    lines: list[_Line], shapes: list[str | None], opens: list[str | None]
) -> None:
    """Mark numbered lines that are one sentence each (一、坚持理论武装，政治素质不断提升。),
    each over a paragraph, as headings where a sibling of their numbering is a heading
    without the full stop (四、存在的问题和下步打算): a report's headings, written as
    sentences (in place)."""
    proper = {shape for shape in shapes if shape is not None}
    for i, ln in enumerate(lines[:-1]):
        style = opens[i]
        if shapes[i] is not None or style not in proper or opens[i + 1] is not None:
            continue
        rest = numbering(ln.text)[1]
        if (
            len(ln.text.strip()) <= SENTENCE_HEADING_MAX
            and _ONE_SENTENCE.fullmatch(rest)
            and not _DIRECTIVE.search(rest)  # （一）各单位要…。 is an item, not a heading
        ):
            shapes[i] = style


def _add_plain_headings(
    lines: list[_Line], shapes: list[str | None], styles: list[str | None]
) -> None:
    """Mark unnumbered short heading lines, when the document has several."""
    found: list[int] = []
    for i, ln in enumerate(lines):
        if shapes[i] is not None or i + 1 == len(lines) or not _plain_shape(ln.text):
            continue
        nxt = lines[i + 1].text
        if styles[i + 1] is None and (shapes[i + 1] is not None or _plain_shape(nxt)):
            continue
        if styles[i + 1] is None and len(nxt.strip()) <= len(ln.text.strip()):
            continue
        if i > 0 and styles[i - 1] is None and not _ENDS_SENTENCE.search(lines[i - 1].text):
            continue
        found.append(i)
    if len(found) >= PLAIN_MIN_COUNT:
        for i in found:
            styles[i] = _UNNUMBERED


def _levels(styles: list[str | None]) -> dict[str, int]:
    """Level of each style used, by its conventional rank within the document."""
    used = [s for s in styles if s is not None]
    if not used:
        return {}
    plain_rank = -1 if used[0] == _UNNUMBERED else len(_RANK)
    rank = {**_RANK, _UNNUMBERED: plain_rank}
    ordered = sorted(set(used), key=rank.__getitem__)
    return {style: level for level, style in enumerate(ordered, start=1)}


def find_sections(text: str) -> list[Section]:
    """Sections of a document's text: an untitled opening part, then one per heading."""
    if not text:
        return []
    lines = _lines(text)
    styles = _heading_styles(lines)
    levels = _levels(styles)
    heads = [(lines[i], levels[s]) for i, s in enumerate(styles) if s is not None]

    sections: list[Section] = []
    if not heads or heads[0][0].start > 0:
        end = heads[0][0].start if heads else len(text)
        sections.append(Section(0, None, 0, None, 0, end))
    stack: list[Section] = []  # open ancestors, levels strictly increasing
    for k, (line, level) in enumerate(heads):
        end = heads[k + 1][0].start if k + 1 < len(heads) else len(text)
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1].index if stack else None
        section = Section(len(sections), parent, level, line.text, line.start, end)
        sections.append(section)
        stack.append(section)
    return sections
