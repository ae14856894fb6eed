"""Split the bodies of a document's sections into sentences.

A sentence ends after 。！？ or an ellipsis (……), together with any closing
quotes or brackets that follow, or at the end of a line. ；：， do not end a
sentence, and neither does a full stop between digits (1。8亿).
"""

from __future__ import annotations

import re

from zhclean.line_memo import per_line
from zhclean.model import Section, Sentence

# a sentence end: 。！？ or ellipses (……, ⋯⋯), each with the closing quotes or brackets
# after it, as one run (？！ / 。。 / ？”。 stay together)
_END = re.compile(r"[。！？…⋯][”’」』）)】〕]*(?:[。！？…⋯][”’」』）)】〕]*)*")
# (written out once, not as (?:…)+: a pattern that opens with a character class is
# searched only where one of its characters stands: 2-5 times faster on prose)
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
        and _YEAR.match(text, b) is None
    )


@per_line
def _line_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of one line, trimmed, none empty, offsets in the line (the
    same spans as in the document's text: no pattern looks before a line's start, and
    none past its end across the newline)."""
    spans = []
    cut, end = 0, len(line)
    for m in _END.finditer(line):
        a, b = m.span()
        if line[a - 1] in _DIGITS and _is_decimal_stop(line, a, b, 0, end):
            continue
        if line[cut] in _SPACE or line[b - 1] in _SPACE:  # rarely: most need no trimming
            spans.append(_trimmed(line, cut, b))
        else:
            spans.append((cut, b))
        cut = b
    if cut < end:
        spans.append(_trimmed(line, cut, end))
    return tuple((a, b) for a, b in spans if a < b)


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
        at = _body_start(text, section)  # where each line of the body starts
        for line in text[at : section.char_end].split("\n"):
            for a, b in _line_spans(line):
                sentences.append(Sentence(len(sentences), section.index, at + a, at + b))
            at += len(line) + 1
    return sentences
