"""Spans carried through edits."""

from __future__ import annotations

import pytest

from zhclean.spans import carry, merge


def test_merge_joins_overlapping_and_touching_spans() -> None:
    assert merge([(5, 7), (0, 2), (2, 3), (6, 9)]) == [(0, 3), (5, 9)]


CARRY = [
    # (before, after, spans, expected)
    ("扎扎實實(shí)地", "扎扎實實地", [(0, 3)], [(0, 3)]),  # deletion after the span
    ("優(yōu)化扎扎實", "優化扎扎實", [(7, 10)], [(2, 5)]),  # deletion before it
    ("扎扎實實", "扎扎实实", [(0, 3)], [(0, 3)]),  # replaced one for one (t2s)
    ("空談?國", "空談國", [(2, 3)], []),  # the span's characters deleted
    ("一帶動二", "一带动二", [(1, 3)], [(1, 3)]),
    ("abc", "abc", [], []),
]


@pytest.mark.parametrize(("before", "after", "spans", "expected"), CARRY)
def test_carry(before: str, after: str, spans: list, expected: list) -> None:
    assert carry(before, after, spans) == expected
