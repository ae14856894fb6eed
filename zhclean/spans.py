"""[start, end) character spans, carried through edits of the text they point into."""

from __future__ import annotations

from difflib import SequenceMatcher

Span = tuple[int, int]


def merge(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping and touching ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def carry(before: str, after: str, spans: list[Span]) -> list[Span]:
    """Move spans of `before` onto `after`, an edited copy of it.

    Characters kept, or replaced one for one (script conversion), keep their span;
    a span whose characters were all deleted is dropped.
    """
    if not spans or before == after:
        return list(spans)
    if len(before) == len(after):  # one-for-one replacements (script conversion)
        return merge(list(spans))
    found = [_find_again(before, after, span) for span in spans]
    if all(span is not None for span in found):
        return merge(found)  # type: ignore[arg-type]
    moves: list[tuple[int, int, int]] = []  # (start in before, end in before, shift)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            moves.append((i1, i2, j1 - i1))
    carried = []
    for start, end in spans:
        hits = [
            (max(start, i1) + shift, min(end, i2) + shift)
            for i1, i2, shift in moves
            if i1 < end and start < i2
        ]
        if hits:
            carried.append((min(a for a, _ in hits), max(b for _, b in hits)))
    return merge(carried)


def _find_again(before: str, after: str, span: Span) -> Span | None:
    """The same occurrence of the span's text in `after`, when the edit kept it (the
    fixes after a reconstruction touch marks, spaces and annotations, not the Han
    text they reconstructed); None when it is not there."""
    start, end = span
    piece = before[start:end]
    nth = before.count(piece, 0, start)
    at = -1
    for _ in range(nth + 1):
        at = after.find(piece, at + 1)
        if at < 0:
            return None
    return (at, at + len(piece))
