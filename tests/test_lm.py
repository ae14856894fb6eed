"""The word model that repairs choose with: likelier text scores higher."""

from __future__ import annotations

import pytest

from zhclean.repair.lm import model

BETTER = [
    # (likelier, less likely)
    ("我们扎扎实实地去做", "我们扎实实地去做"),
    ("看一看已经出台", "看一开来已经出台"),
    ("空談誤國", "空談塢國"),  # Traditional is folded to Simplified for lookups
    ("参考文献", "鍙傝€冩枃鐚"),
    ("解决新问题。看一看", "解决新问题??匆豢匆"),
    ("3月18日", "3月18时"),  # a date or time unit in its place after a number
    ("18日9时", "18日9日"),
    ("2024年", "2024时"),
]


@pytest.mark.parametrize(("likelier", "less"), BETTER)
def test_likelier_text_scores_higher(likelier: str, less: str) -> None:
    assert model().score(likelier) > model().score(less)


def test_words_and_characters() -> None:
    lm = model()
    assert lm.is_word("组织") and lm.is_word("組織") and not lm.is_word("部长李")
    assert lm.known("扎") and not lm.known("\ue000")
    assert lm.prob("的") > lm.prob("鷮")
    assert lm.score("") == 0.0


def test_fold_and_script() -> None:
    m = model()
    assert m.fold("組織部門要努力工作") == "组织部门要努力工作"
    assert m.traditional("組織部門要努力工作")
    assert not m.traditional("组织部门要努力工作")
    assert not m.traditional("工作")  # neither script's own characters: not Traditional
