"""Split the bodies of a document's sections into sentences.

A sentence ends after 。！？ or an ellipsis (……), together with any closing
quotes or brackets that follow, or at the end of a line. ；：， do not end a
sentence, and neither does a full stop between digits (1。8亿).
"""

from __future__ import annotations

import re

from zhclean.line_memo import memo, per_line
from zhclean.model import Section, Sentence

# a sentence end: 。！？ or ellipses (……, ⋯⋯), each with the closing quotes or brackets
# after it, as one run (？！ / 。。 / ？”。 stay together)
_END = r"[”’」』）)】〕]*(?:[。！？…⋯][”’」』）)】〕]*)*"
# a sentence end (after its first mark), or a line break: one character class opens it
# (a pattern that opens with a character class is searched only where one of its
# characters stands: 2-5 times faster on prose)
_END_OR_BREAK = re.compile(rf"[。！？…⋯\n](?:(?<=\n)|{_END})")
# ASCII digits, around a full stop that belongs to a number (1。8亿)
_DIGITS = "0123456789"
# a year opening the next sentence: 2013年
_YEAR = re.compile(r"\d{4}年")
# leading and trailing whitespace, full-width space included
_SPACE = " \t\r\f\v\u3000\u00a0"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) without surrounding whitespace."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _is_decimal_stop(text: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether text[a:b] is a lone 。 between digits (1。8亿), inside [start, end);
    not when a year follows (完成100。2013年…: a sentence ends there)."""
    return (
        text[a:b] == "。"
        and start < a
        and b < end
        and text[a - 1] in _DIGITS
        and text[b] in _DIGITS
        and _YEAR.match(text, b, end) is None
    )


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences of the lines of text[start:end], trimmed, none empty: one
    search for the sentence ends and line breaks of them all (no pattern looks before a
    line's start, and none past its end across the newline)."""
    spans = []
    cut = line = start  # where the sentence and the line being read start
    for m in _END_OR_BREAK.finditer(text, start, end):
        a, b = m.span()
        if text[a] == "\n":
            if cut < a:
                spans.append(_trimmed(text, cut, a))
            cut = line = b
            continue
        if text[a - 1] in _DIGITS and _is_decimal_stop(text, a, b, line, end):
            continue
        if text[cut] in _SPACE or text[b - 1] in _SPACE:  # rarely: most need no trimming
            spans.append(_trimmed(text, cut, b))
        else:
            spans.append((cut, b))
        cut = b
    if cut < end:
        spans.append(_trimmed(text, cut, end))
    return [(a, b) for a, b in spans if a < b]


def _body_start(text: str, section: Section) -> int:
    """Offset where a section's body begins: after its heading line and newline."""
    if section.heading is None:
        return section.char_start
    newline = text.find("\n", section.char_start, section.char_end)
    return section.char_end if newline < 0 else newline + 1


def split_sentences(text: str, sections: list[Section]) -> list[Sentence]:
    """Sentences of the section bodies of text, in order; heading lines belong to none."""
    sentences: list[Sentence] = []
    for section in sections:
        for a, b in _body_spans(text, _body_start(text, section), section.char_end):
            sentences.append(Sentence(len(sentences), section.index, a, b))
    return sentences


def _body_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`_spans` of a section's body, text[start:end]: line by line while the line memo
    is on (lines seen before are answered from it), else all at once."""
    if not memo.enabled:
        return _spans(text, start, end)
    spans = []
    for line in text[start:end].split("\n"):
        spans += [(start + a, start + b) for a, b in _line_spans(line)]
        start += len(line) + 1
    return spans


@per_line
def _line_spans(line: str) -> tuple[tuple[int, int], ...]:
    """`_spans` of one line, offsets in the line."""
    return tuple(_spans(line, 0, len(line)))
