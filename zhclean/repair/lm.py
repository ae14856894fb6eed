"""How likely a string is as Chinese text: a character bigram model.

Repairs that cannot read the original off the bytes (a lost lead byte, a `�` in
mojibake, a vanished pair) choose among candidate reconstructions with this model.
It is built, on first use in a process, from data that installed packages ship:
jieba's word-frequency dictionary (about 350,000 words with counts from news and
general text) gives character and within-word character-pair counts, and OpenCC's
Traditional-to-Simplified character table lets Traditional text be scored too.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

_BIGRAM_WEIGHT = 0.6
"""Weight of the pair estimate against the single-character one (the rest)."""
_UNSEEN = 1e-9
"""Probability floor for a character the dictionary never uses."""
_OTHER = {
    "punct": math.log(0.03),  # common Chinese punctuation
    "ascii": math.log(0.01),  # ASCII letters, digits, punctuation, space
    "other": math.log(1e-7),  # anything else (symbols, other scripts, U+FFFD)
}
_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—·")

_lock = threading.Lock()


def _t2s_table() -> dict[str, str]:
    """OpenCC's single-character Traditional -> Simplified table (first choice)."""
    import opencc  # the module of opencc-python-reimplemented (or official OpenCC)

    table: dict[str, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if len(key) == 1 and values:
                table[key] = values.split()[0]
    return table


class CharModel:
    """Log-probabilities of characters and character pairs (Simplified, with a
    Traditional-to-Simplified fold for lookups)."""

    def __init__(self, words: dict[str, int], fold: dict[str, str]) -> None:
        chars: Counter[str] = Counter()
        pairs: Counter[str] = Counter()
        left: Counter[str] = Counter()
        for word, count in words.items():
            chars.update(dict.fromkeys(word, 0))
            for c in word:
                chars[c] += count
            for a, b in pairwise(word):
                pairs[a + b] += count
                left[a] += count
        total = sum(chars.values())
        self._uni = {c: n / total for c, n in chars.items()}
        self._left = dict(left)
        self._pairs = dict(pairs)
        self._fold = str.maketrans(fold)
        self._cache: dict[str, float] = {}

    def _prob(self, c: str) -> float:
        return self._uni.get(c, _UNSEEN)

    def _class(self, c: str) -> float | None:
        if c < "\x80":
            return _OTHER["ascii"]
        if c in _PUNCT:
            return _OTHER["punct"]
        if c in self._uni:
            return None
        if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000":
            return None
        return _OTHER["other"]

    def score(self, text: str) -> float:
        """Sum of log P(c_i | c_{i-1}) over `text` (natural log, higher is likelier)."""
        text = text.translate(self._fold)
        total = 0.0
        prev = ""
        for c in text:
            fixed = self._class(c)
            if fixed is not None:
                total += fixed
            else:
                p = self._prob(c)
                seen = self._left.get(prev)
                if seen:
                    p = (
                        _BIGRAM_WEIGHT * self._pairs.get(prev + c, 0) / seen
                        + (1 - _BIGRAM_WEIGHT) * p
                    )
                total += math.log(p)
            prev = c
        return total

    def per_char(self, text: str) -> float:
        """Mean log-probability per character (comparable across lengths)."""
        return self.score(text) / len(text) if text else 0.0

    def known(self, c: str) -> bool:
        """True when the dictionary uses character `c` (after folding to Simplified)."""
        return c.translate(self._fold) in self._uni


def _jieba_words() -> dict[str, int]:
    import jieba

    words: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                words[parts[0]] = int(parts[1])
    return words


@cache
def _build() -> CharModel:
    return CharModel(_jieba_words(), _t2s_table())


def model() -> CharModel:
    """The process-wide model, built on first use (about a second)."""
    with _lock:
        return _build()
