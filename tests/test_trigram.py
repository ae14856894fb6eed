"""The character trigram model: its probabilities on a corpus small enough to work out
by hand, and what it knows of real text."""

from __future__ import annotations

import math

import pytest

from zhclean.repair.trigram import Trigram, build_tables, corpus, tagged_paragraphs, trigram

# Corpus 甲乙丙 / 甲乙丁. Continuation counts (how many characters each follows): 乙 1,
# 丙 1, 丁 1, 甲 0; three kinds of bigram, so the unigram level's denominator is
# 3 + 0.5 * 8000 = 4003. Discount 0.75.
TOTAL = 3 + 0.5 * 8000
P_YI = 1.5 / TOTAL  # 乙 as a unigram (continuation 1, plus half)
P_BING = 1.5 / TOTAL
UNSEEN = 0.5 / TOTAL
# 甲 opens 2 bigrams of 1 kind: back-off weight 0.75 * 1 / 2; 甲乙 seen twice.
P_YI_AFTER_JIA = (2 - 0.75) / 2 + 0.75 * 1 / 2 * P_YI
# 乙 opens 2 bigrams of 2 kinds: weight 0.75; 乙丙 once.
P_BING_AFTER_YI = (1 - 0.75) / 2 + 0.75 * 2 / 2 * P_BING
# 甲乙 opens 2 trigrams of 2 kinds: weight 0.75; 甲乙丙 once.
P_BING_AFTER_JIA_YI = (1 - 0.75) / 2 + 0.75 * 2 / 2 * P_BING_AFTER_YI


@pytest.fixture(scope="module")
def small() -> Trigram:
    return Trigram(build_tables(["甲乙丙", "甲乙丁"]))


def test_probabilities_worked_out_by_hand(small: Trigram) -> None:
    assert small.logp("甲乙") == pytest.approx(math.log(P_YI_AFTER_JIA), rel=1e-6)
    assert small.logp("乙丙") == pytest.approx(math.log(P_BING_AFTER_YI), rel=1e-6)
    assert small.logp("甲乙丙") == pytest.approx(
        math.log(P_YI_AFTER_JIA) + math.log(P_BING_AFTER_JIA_YI), rel=1e-6
    )


def test_unseen_characters_and_contexts_back_off(small: Trigram) -> None:
    assert small.logp("戊己") == pytest.approx(math.log(UNSEEN), rel=1e-6)  # no context
    assert small.logp("丙乙") == pytest.approx(math.log(P_YI), rel=1e-6)  # 丙 opens nothing
    # 乙丙 opens no trigram and 丙 no bigram: 丁 after them is 丁 alone (1.5 / 4003)
    assert small.logp("乙丙丁") == pytest.approx(
        math.log(P_BING_AFTER_YI) + math.log(1.5 / TOTAL), rel=1e-6
    )
    assert small.logp("甲") == 0.0 == small.logp("")


def test_the_corpus_digits_are_ascii() -> None:
    # the corpus writes 12月 full-width; the model learns it as repair leaves it
    model = trigram()
    assert model.logp("到12月") > model.logp("到１２月") + 5


def test_the_shipped_corpus() -> None:
    path = corpus()
    first = next(tagged_paragraphs(path))
    assert path.name == "199801.txt"
    assert first == "迈向充满希望的新世纪——一九九八年新年讲话（附图片１张）"


@pytest.mark.parametrize(
    ("likelier", "less_likely"),
    [
        ("要多读书", "要去读书"),
        ("我讲三点意见", "我讲热点意见"),
        ("从整体出发", "从政体出发"),
        ("我觉得首先在", "我觉得的正在"),
    ],
)
def test_the_shipped_corpus_knows_what_follows(likelier: str, less_likely: str) -> None:
    model = trigram()
    assert model.logp(likelier) > model.logp(less_likely)


def test_texts_scored_together_as_alone(small: Trigram) -> None:
    texts = ["甲乙丙", "乙丙", "甲乙", "丙乙丙", "甲"]
    assert small.logps(texts) == pytest.approx([small.logp(t) for t in texts], rel=1e-12)


def test_any_string_scores(small: Trigram) -> None:
    # a lone surrogate or a character beyond the BMP is one the corpus never shows
    assert small.logp("\ud800乙") == pytest.approx(math.log(P_YI), rel=1e-6)
    assert small.logp("甲\U00020000") == pytest.approx(math.log(0.375 * UNSEEN), rel=1e-6)
