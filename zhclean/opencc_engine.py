"""opencc-python-reimplemented's conversion, computed in linear time.

The package (the project's converter) picks, in each stretch between separators, the
longest dictionary key anywhere in it (the leftmost of equal length), converts it, and
starts over on the text to its left and to its right; within a group of dictionaries
the next one only sees what the previous ones left unmatched. It does so by slicing
every substring of every length and splitting strings one match at a time: about
1.2 MB/s for t2s, the slowest stage of the pipeline.

`Engine` gives the same output from the same loaded dictionaries: it lists every key
occurrence once (a set of key prefixes ends the search early), accepts occurrences by
(longest, leftmost) unless they overlap an accepted one — the package's recursion
accepts exactly these — and converts what is left with `str.translate` when the next
dictionary holds single characters only. No key holds a separator in the package's own
split (keys that do can never match there and are dropped here), so occurrences never
cross a separator and the text need not be split. `tests/test_opencc_engine.py` checks
the output against the package's on the seeds, both ways, and on random strings made
of dictionary keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import opencc


@dataclass(frozen=True)
class _Dictionary:
    """One loaded dictionary: key -> first conversion, and what finds keys fast."""

    table: dict[str, str]
    prefixes: frozenset[str]  # every proper prefix of a key of two characters or more
    starts: re.Pattern[str]  # a character that starts a key
    singles: bool  # every key is one character: `str.translate` does it all


def _dictionary(max_len: int, min_len: int, entries: dict[str, str], split: object) -> _Dictionary:
    del max_len, min_len  # no use here
    table = {
        key: value.split(" ")[0]  # the package takes the first of several conversions
        for key, value in entries.items()
        if key and not split.search(key)  # type: ignore[attr-defined]
    }
    prefixes = frozenset(key[:n] for key in table for n in range(1, len(key)))
    starts = re.compile("[" + "".join(sorted({re.escape(key[0]) for key in table})) + "]")
    return _Dictionary(table, prefixes, starts, all(len(key) == 1 for key in table))


class Engine:
    """Converts like `opencc.OpenCC(config).convert`, from that converter's dictionaries."""

    def __init__(self, config: str) -> None:
        package = opencc.OpenCC(config)
        package._init_dict()  # the dictionaries as the package loads and uses them
        split = package.split_chars_re
        self.config = config
        self._chain: list[list[_Dictionary]] = [
            [_dictionary(*entry, split) for entry in group] for group in package._dict_chain_data
        ]
        # The last dictionary of a group, when it holds single characters only, converts
        # every character of what is left: `str.translate` does that in one pass.
        self._translations = [
            {ord(k): v for k, v in group[-1].table.items()} if group[-1].singles else None
            for group in self._chain
        ]

    def convert(self, text: str) -> str:
        for group, translation in zip(self._chain, self._translations, strict=True):
            text = self._convert_group(text, group, translation)
        return text

    def _convert_group(
        self, text: str, group: list[_Dictionary], translation: dict[int, str] | None
    ) -> str:
        # Pieces still unmatched: (start, end) of text; matched: start -> (end, value).
        pieces = [(0, len(text))]
        matched: dict[int, tuple[int, str]] = {}
        used = bytearray(len(text))
        for dictionary in group if translation is None else group[:-1]:
            rest = []
            for start, end in pieces:
                rest += _match(text, start, end, dictionary, matched, used)
            pieces = rest
        if translation is not None:
            for start, end in pieces:
                piece = text[start:end]
                converted = piece.translate(translation)
                if converted != piece:
                    matched[start] = (end, converted)
        if not matched:
            return text
        out, at = [], 0
        for start in sorted(matched):
            end, value = matched[start]
            out += (text[at:start], value)
            at = end
        out.append(text[at:])
        return "".join(out)


def _match(
    text: str,
    start: int,
    end: int,
    dictionary: _Dictionary,
    matched: dict[int, tuple[int, str]],
    used: bytearray,
) -> list[tuple[int, int]]:
    """Accept the occurrences of `dictionary`'s keys in text[start:end] as the package
    would (into `matched`, their characters marked in `used`); return the pieces left
    unmatched."""
    table, prefixes = dictionary.table, dictionary.prefixes
    found: list[tuple[int, int]] = []  # (-length, position)
    for first in dictionary.starts.finditer(text, start, end):
        i = first.start()
        j = i + 1
        while j <= end:
            part = text[i:j]
            if part in table:
                found.append((i - j, i))
            if part not in prefixes:
                break
            j += 1
    if not found:
        return [(start, end)]
    found.sort()
    taken: list[tuple[int, int]] = []
    for negative, i in found:
        j = i - negative
        if not any(used[i:j]):
            used[i:j] = b"\x01" * (j - i)
            taken.append((i, j))
            matched[i] = (j, table[text[i:j]])
    taken.sort()
    rest, at = [], start
    for a, b in taken:
        if at < a:
            rest.append((at, a))
        at = b
    if at < end:
        rest.append((at, end))
    return rest
