"""How likely a string is as Chinese text: a word-unigram model.

Repairs that cannot read the original off the bytes (a lost lead byte, a `�` in
mojibake, a vanished pair) choose among candidate reconstructions with this model.
It is built, on first use in a process, from data that installed packages ship:
jieba's word-frequency dictionary (about 350,000 words with counts from news and
general text) gives word and character probabilities, its HMM (each character's
place in a word, from tagged text) how well characters fit together, and OpenCC's
Traditional-to-Simplified character table lets Traditional text be scored too.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import math
import re
import threading
from collections import Counter
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from zhclean.repair.model_cache import cached

_LONGEST_WORD = 8
"""Longest dictionary word tried when segmenting."""
_LONE_CHAR = math.log(0.05)
"""Penalty for a character that is not a dictionary word by itself."""
_MIXED_SCRIPT = -6.0
"""Log-probability cost of each Traditional-only character in Simplified text (and
the reverse): the price of mixing scripts in one candidate."""
_UNSEEN = 1e-9
"""Probability floor for a character the dictionary never uses."""
_OTHER = {
    "punct": math.log(0.003),  # Chinese punctuation (the commonest in _PUNCT_LOGP)
    "ascii": math.log(0.01),  # ASCII letters, digits and space
    "symbol": math.log(0.001),  # ASCII punctuation and symbols
    "other": math.log(1e-7),  # anything else (symbols, other scripts, U+FFFD)
}
_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—·")
_PUNCT_LOGP = {
    c: math.log(p)
    for c, p in {"，": 0.05, "。": 0.03, "、": 0.01, "“": 0.01, "”": 0.01, "：": 0.006}.items()
}
"""Common marks by how often they occur; others score as `_OTHER["punct"]`."""
_MARK_PAIRS = {
    pair: math.log(0.01) for pair in ("。“", "”。", "。”", "！”", "？”", "：“", "”，", "”、", "，“")
}
"""Marks that go together, scored as one token (a sentence ends before a quote opens)."""

_SHAPE_MEAN = 7.0
"""About minus the mean log-probability per Han character of jieba's word-shape HMM on
Chinese text (6.9 on the benchmark's clean lines): added back per character, so `shape`
compares texts of different lengths on how well they fit, not on how long they are."""
_SHAPE_FLOOR = -20.0
"""Log-probability of a character the HMM never saw, in any place in a word."""
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")

_DATE_NEXT = {"年": "月", "月": "日号", "日": "时点", "时": "分", "点": "分", "分": "秒"}
"""After a number that follows a date or time unit, the units that may come next
(2024年3月18日 9时30分): a word model that scores digits as a class alone cannot tell
`3月18日` from `3月18时`, the commonest choice where a lost byte leaves 日 open."""
_DATE_BONUS = 3.0
"""Log-odds for a date or time unit in its place after a number (and 年 after four
digits): about what the unit's context says over the unit on its own."""
_DIGITS = frozenset("0123456789")

_lock = threading.Lock()


def _script_only(fold: dict[str, str]) -> tuple[set[str], set[str]]:
    """Characters only Traditional text uses, and characters only Simplified text uses."""
    simplified = set(fold.values())
    trad_only = {t for t, s in fold.items() if t != s and t not in simplified}
    simp_only = {s for t, s in fold.items() if t != s and s not in fold}
    return trad_only, simp_only


def _t2s_table() -> dict[str, str]:
    """OpenCC's single-character Traditional -> Simplified table (first choice)."""
    import opencc  # the module of opencc-python-reimplemented (or official OpenCC)

    table: dict[str, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    if not path.exists():  # the official OpenCC: compiled dictionaries only
        from zhclean.script import single_chars

        return {t: s for t, s in single_chars("t2s").items() if len(s) == 1}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if len(key) == 1 and values:
                table[key] = values.split()[0]
    return table


Tables = tuple[
    dict[str, float],
    dict[str, float],
    frozenset[str],
    dict[str, str],
    frozenset[str],
    frozenset[str],
]
"""What a `CharModel` is made of: character probabilities, word log-probabilities, proper
word prefixes, the fold, Traditional-only and Simplified-only characters."""


def build_tables(words: dict[str, int], fold: dict[str, str]) -> Tables:
    """The model's tables from word counts and the Traditional-to-Simplified fold."""
    chars: Counter[str] = Counter()
    for word, count in words.items():
        for c in word:
            chars[c] += count
    total_chars = sum(chars.values())
    total_words = sum(words.values())
    uni = {c: n / total_chars for c, n in chars.items()}
    logp = {w: math.log(n / total_words) for w, n in words.items() if n > 0}
    logp.update(_MARK_PAIRS)
    prefixes = frozenset(w[:k] for w in logp for k in range(2, len(w)))
    trad_only, simp_only = _script_only(fold)
    return uni, logp, prefixes, fold, frozenset(trad_only), frozenset(simp_only)


def _valid(tables: Any) -> bool:
    return (
        isinstance(tables, tuple)
        and len(tables) == 6
        and all(isinstance(t, dict) for t in tables[:2])
        and isinstance(tables[2], frozenset)
        and isinstance(tables[3], dict)
        and all(isinstance(t, frozenset) for t in tables[4:])
        and bool(tables[1])
    )


class CharModel:
    """A word-unigram model of Chinese text (Simplified, with a Traditional-to-
    Simplified fold for lookups): a text scores as its likeliest segmentation into
    dictionary words, characters outside any word scored on their own."""

    def __init__(self, tables: Tables) -> None:
        uni, words, prefixes, fold, trad_only, simp_only = tables
        self._uni = uni
        self._words = words
        self._longest = min(max(map(len, self._words)), _LONGEST_WORD)
        self._prefixes = prefixes
        """Proper prefixes (of two or more characters) of the words: a segmentation stops
        looking for longer words where the text leaves them."""
        self._fold = str.maketrans(fold)
        self._trad_only, self._simp_only = trad_only, simp_only
        self._lone_cache: dict[str, float] = {}

    @classmethod
    def of(cls, words: dict[str, int], fold: dict[str, str]) -> CharModel:
        """The model of word counts `words` and the Traditional-to-Simplified `fold`."""
        return cls(build_tables(words, fold))

    def _prob(self, c: str) -> float:
        return self._uni.get(c, _UNSEEN)

    def _class(self, c: str) -> float | None:
        """The fixed log-probability of a non-Han character; None for Han."""
        if c < "\x80":
            return _OTHER["ascii"] if c.isalnum() or c == " " else _OTHER["symbol"]
        if c in _PUNCT:
            return _PUNCT_LOGP.get(c, _OTHER["punct"])
        if c in self._uni or "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff":
            return None
        return None if c >= "\U00020000" else _OTHER["other"]

    def _lone(self, c: str) -> float:
        """Log-probability of folded character `c` standing alone (cached per character)."""
        fixed = self._lone_cache.get(c)
        if fixed is None:
            fixed = self._class(c)
            if fixed is None:
                fixed = self._words.get(c)
                if fixed is None:
                    fixed = math.log(self._prob(c)) + _LONE_CHAR
            self._lone_cache[c] = fixed
        return fixed

    def _viterbi(self, text: str) -> tuple[list[float], list[int]]:
        """Best log-probability of each prefix of `text` and where its last word starts."""
        text = text.translate(self._fold)
        n = len(text)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        words, prefixes, lone = self._words, self._prefixes, self._lone
        for i, c in enumerate(text):
            here = best[i]
            if i and text[i - 1] in _DIGITS and c in "年月日号时点分秒":
                here += _date_unit(text, i)
            fixed = lone(c)
            if c >= "\u3000":  # words, and pairs of marks, start only at CJK characters
                for end in range(i + 2, min(n, i + self._longest) + 1):
                    piece = text[i:end]
                    logp = words.get(piece)
                    if logp is not None and here + logp > best[end]:
                        best[end], back[end] = here + logp, i
                    if piece not in prefixes:
                        break
            if here + fixed > best[i + 1]:
                best[i + 1], back[i + 1] = here + fixed, i
        return best, back

    def score(self, text: str) -> float:
        """Log-probability of `text` under its likeliest segmentation (natural log).

        Text that mixes Traditional-only and Simplified-only characters pays for
        each pair of them: a page is written in one script.
        """
        mixed = 0
        trad, simp = self._trad_only, self._simp_only
        if not trad.isdisjoint(text) and not simp.isdisjoint(text):
            mixed = min(sum(map(trad.__contains__, text)), sum(map(simp.__contains__, text)))
        return self._viterbi(text)[0][-1] + mixed * _MIXED_SCRIPT

    def segment(self, text: str) -> list[str]:
        """`text` cut into its likeliest words."""
        _, back = self._viterbi(text)
        cuts, end = [], len(text)
        while end > 0:
            cuts.append(end)
            end = back[end]
        starts = [0, *reversed(cuts)]
        return [text[a:b] for a, b in pairwise(starts) if a < b]

    def per_char(self, text: str) -> float:
        """Mean log-probability per character (comparable across lengths)."""
        return self.score(text) / len(text) if text else 0.0

    def prob(self, c: str) -> float:
        """Probability of character `c` on its own (folded to Simplified)."""
        return self._prob(c.translate(self._fold))

    def is_word(self, text: str) -> bool:
        """True when `text` (folded to Simplified) is a dictionary word."""
        return text.translate(self._fold) in self._words

    def word(self, text: str) -> float:
        """Log-probability of `text` (folded) as one dictionary word; -inf if it is none."""
        return self._words.get(text.translate(self._fold), -math.inf)

    def shape(self, text: str) -> float:
        """How well the Han characters of `text` (folded) fit the places they take in
        words, on each run of them: the log-probability of the likeliest tagging by
        jieba's HMM (each character a word's begin, middle or end, or a word alone),
        plus `_SHAPE_MEAN` per character. The word model prices a word by its count
        alone (`悔此` above `基于此`); this model, trained on tagged text, knows how
        often each character begins, ends or makes a word."""
        return sum(_shape_run(run) for run in _HAN_RUN.findall(text.translate(self._fold)))

    def fold(self, text: str) -> str:
        """`text` with Traditional characters folded to Simplified."""
        return text.translate(self._fold)

    def traditional(self, text: str) -> bool:
        """True when `text` has more Traditional-only than Simplified-only characters."""
        return sum(map(self._trad_only.__contains__, text)) > sum(
            map(self._simp_only.__contains__, text)
        )

    def known(self, c: str) -> bool:
        """True when the dictionary uses character `c` (after folding to Simplified)."""
        return c.translate(self._fold) in self._uni


def _date_unit(text: str, i: int) -> float:
    """`_DATE_BONUS` when `text[i]` is the unit a date or time takes after the number
    before it (3月18|日, 2024|年), else 0."""
    start = i - 1
    while start > 0 and text[start - 1] in _DIGITS:
        start -= 1
    before = text[start - 1] if start else ""
    if text[i] in _DATE_NEXT.get(before, "") or (text[i] == "年" and i - start == 4):
        return _DATE_BONUS
    return 0.0


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")  # its data only: importing jieba costs time
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed: the repair model needs its dictionary")
    return Path(spec.origin).parent / "dict.txt"


def _jieba_words() -> dict[str, int]:
    words: dict[str, int] = {}
    with _jieba_dict().open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                words[parts[0]] = int(parts[1])
    return words


def _fold_sources() -> tuple[list[Path], str]:
    """The files and package versions `_t2s_table` reads from (for the model cache)."""
    import opencc

    module = Path(opencc.__file__)
    table = module.parent / "dictionary" / "TSCharacters.txt"
    versions = []
    for name in ("opencc-python-reimplemented", "opencc"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions.append(f"{name}={importlib.metadata.version(name)}")
    return [module, *([table] if table.exists() else [])], " ".join(versions)


@cache
def _shape_tables() -> tuple[dict, dict, dict]:
    """jieba's HMM (its data modules only): emission, start and transition log-probabilities."""
    emit, start, trans = (
        importlib.import_module(f"jieba.finalseg.{name}").P
        for name in ("prob_emit", "prob_start", "prob_trans")
    )
    return emit, start, trans


@lru_cache(maxsize=1 << 16)
def _shape_run(run: str) -> float:
    """`CharModel.shape` of a run of Han characters (Viterbi over B, M, E, S)."""
    emit, start, trans = _shape_tables()
    eb, em, ee, es = (emit[state] for state in "BMES")
    bm, be, mm, me = trans["B"]["M"], trans["B"]["E"], trans["M"]["M"], trans["M"]["E"]
    eb_, es_, sb, ss = trans["E"]["B"], trans["E"]["S"], trans["S"]["B"], trans["S"]["S"]
    floor, c = _SHAPE_FLOOR, run[0]
    b, m, e, s = start["B"] + eb.get(c, floor), -math.inf, -math.inf, start["S"] + es.get(c, floor)
    for c in run[1:]:
        b, m, e, s = (
            max(e + eb_, s + sb) + eb.get(c, floor),
            max(b + bm, m + mm) + em.get(c, floor),
            max(b + be, m + me) + ee.get(c, floor),
            max(e + es_, s + ss) + es.get(c, floor),
        )
    return max(e, s) + _SHAPE_MEAN * len(run)


def sources() -> tuple[list[Path], str]:
    """What the model is built from, for the model cache: files (this module's source
    included) and package versions. Tables derived from the model's scores add theirs."""
    fold_sources, versions = _fold_sources()
    return [_jieba_dict(), *fold_sources, Path(__file__)], versions


@cache
def _build() -> CharModel:
    files, versions = sources()
    tables = cached(
        "lm", files, lambda: build_tables(_jieba_words(), _t2s_table()), _valid, versions
    )
    return CharModel(tables)


def model() -> CharModel:
    """The process-wide model, built on first use (about a second)."""
    with _lock:
        return _build()
