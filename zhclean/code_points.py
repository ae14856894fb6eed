"""Texts as NumPy arrays of their code points, and tables indexed by code point: one
look-up a character for the whole text (script conversion and detection, decoding's
character classes)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def code_points(text: str) -> np.ndarray:
    """`text` as an array of its code points (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def from_code_points(codes: np.ndarray) -> str:
    """The text of an array of code points (`code_points`'s inverse)."""
    return codes.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def char_table(chars: Iterable[str]) -> np.ndarray:
    """Code point -> whether it is one of `chars` (single characters)."""
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table
