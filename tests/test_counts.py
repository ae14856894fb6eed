"""The shared counts of a fix that repaired nothing (`zhclean.repair.counts.NOTHING`)."""

from __future__ import annotations

import copy
import pickle
from collections import Counter

import pytest

from zhclean.pipeline import _clean_lines, clean_lines
from zhclean.repair import FIXES, RECONSTRUCTIONS, repair
from zhclean.repair.counts import NOTHING

CLEAN = "各级党组织要把学习贯彻落实作为重要政治任务。"


def test_nothing_is_an_empty_counter_that_refuses_changes() -> None:
    assert Counter() == NOTHING and not NOTHING and NOTHING["any"] == 0
    for change in (
        lambda c: c.__setitem__("a", 1),
        lambda c: c.update(a=1),
        lambda c: c.update(Counter(a=1)),
        lambda c: c.subtract(a=1),
        lambda c: c.setdefault("a", 1),
        lambda c: c.pop("a"),
        lambda c: c.clear(),
    ):
        with pytest.raises(TypeError, match="copy it"):
            change(NOTHING)
    counts = NOTHING
    with pytest.raises(TypeError):
        counts += Counter(a=1)
    assert Counter() == NOTHING


def test_copies_of_nothing_can_count() -> None:
    for made in (Counter(NOTHING), NOTHING.copy(), +NOTHING, NOTHING + Counter(a=2)):
        made["b"] += 1
        assert type(made) is Counter
    assert pickle.loads(pickle.dumps(NOTHING)) is NOTHING
    assert copy.deepcopy(NOTHING) == Counter()


def test_every_fix_of_a_clean_line_returns_counts_equal_to_none() -> None:
    for fix in FIXES:
        assert fix(CLEAN) == (CLEAN, Counter()), fix.__name__
    for reconstruct in RECONSTRUCTIONS:
        assert reconstruct(CLEAN) == (CLEAN, Counter(), []), reconstruct.__name__
    fixed = repair(CLEAN)
    assert (fixed.text, fixed.repairs, fixed.uncertain) == (CLEAN, Counter(), [])
    assert fixed.repairs is NOTHING  # no Counter made for a line that needed no repair
    [(line,)] = _clean_lines([CLEAN.replace("组织", "組織")], "hans", "package")
    assert (line.text, dict(line.repairs)) == (CLEAN, {"script_conversion": 2})  # copied


def test_a_clean_texts_first_line_takes_the_texts_counts() -> None:
    lines = clean_lines(f"{CLEAN}\r\n{CLEAN}\r\n", "hans")
    assert [line.text for line in lines] == [CLEAN, CLEAN, ""]
    assert lines[0].repairs == Counter(line_endings=2)
    assert lines[1].repairs == Counter() and lines[2].repairs == Counter()
    lines[0].repairs["other_encoding_lines"] += 1  # what process_data adds
    assert clean_lines(CLEAN, "hans")[0].repairs == Counter()
