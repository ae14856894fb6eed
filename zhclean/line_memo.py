"""A bounded memo of cleaned lines: a line seen before in this process is not repaired
and converted again.

Scraped corpora repeat lines: a site's notices and credits on every page, an article
reposted on many sites. Repair and script conversion are pure functions of the line
(and the options), so the memo changes no output, only time: a damaged line costs
milliseconds to repair, a memo lookup microseconds.

Bounded by characters held (raw and cleaned text, least recently used dropped first),
so memory stays flat however long a worker runs. Thread-safe (`--runner thread`).
"""

from __future__ import annotations

import functools
import os
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

from cachetools import LRUCache

from zhclean.spans import Span

MOST_CHARACTERS = 8_000_000
"""Characters the memo holds in a process (raw and cleaned lines, and `_ENTRY_CHARACTERS`
an entry): at most about 50 MB, the most when the lines are short (filled with
10-character lines it held 45 MiB; with 60-character lines, 27 MiB)."""
_ENTRY_CHARACTERS = 100
"""What an entry's key, tuples and objects cost beyond its text, in characters."""

PER_LINE_ENTRIES = 2**13
"""Lines each `per_line` function keeps answers for (least recently used dropped first)."""
PER_LINE_LONGEST = 500
"""Longer lines are not kept by `per_line` (a line of a few sentences is, and so are
most lines that repeat): a function's lines hold 4.1 million characters at most, about
8 MB of Chinese text, and the six functions about 50 MB, far less as lines go (100
characters on average: 10 MB)."""

T = TypeVar("T")
Key = tuple[str, str, str]
"""The raw line, the target script, the dictionaries."""


class Cleaned(NamedTuple):
    """One cleaned line as the memo keeps it: nothing a caller could change."""

    text: str
    repairs: tuple[tuple[str, int], ...]
    uncertain: tuple[Span, ...]


class _Entry(NamedTuple):
    lines: tuple[Cleaned, ...]
    size: int  # characters, the raw line's included


class LineMemo:
    """The cleaned lines of raw lines, least recently used dropped beyond `characters`."""

    def __init__(self, characters: int = MOST_CHARACTERS) -> None:
        self._cache: LRUCache[Key, _Entry] = LRUCache(characters, getsizeof=_entry_size)
        self._lock = threading.Lock()
        self.enabled = characters > 0  # (`per_line` reads this on every call)

    def get_or_make_all(
        self, keys: list[Key], make: Callable[[list[Key]], list[tuple[Cleaned, ...]]]
    ) -> list[tuple[Cleaned, ...]]:
        """The cleaned lines of each of `keys`: the memo's, or made by one call of `make`
        on the keys it does not hold (each once; kept when they fit). With the memo off,
        `make` makes every key, as often as it comes."""
        if not self.enabled:
            return make(keys)
        with self._lock:
            found = [self._cache.get(key) for key in keys]
        missing = list(dict.fromkeys(k for k, entry in zip(keys, found, strict=True) if not entry))
        made = dict(zip(missing, make(missing), strict=True)) if missing else {}
        for key, lines in made.items():
            size = _ENTRY_CHARACTERS + len(key[0]) + sum(len(line.text) for line in lines)
            if size <= self._cache.maxsize:
                with self._lock:
                    self._cache[key] = _Entry(lines, size)
        return [entry.lines if entry else made[key] for key, entry in zip(keys, found, strict=True)]

    @property
    def characters(self) -> int:
        """Characters held now (raw and cleaned lines, and each entry's overhead)."""
        return int(self._cache.currsize)

    def __len__(self) -> int:
        return len(self._cache)

    def clear(self) -> None:
        """Forget every line, the `per_line` functions' answers too."""
        with self._lock:
            self._cache.clear()
        for cached in _PER_LINE:
            cached.cache_clear()

    @contextmanager
    def off(self) -> Iterator[None]:
        """Every line made afresh inside the block (a benchmark timing the repairs)."""
        enabled, self.enabled = self.enabled, False
        try:
            yield
        finally:
            self.enabled = enabled


def _entry_size(entry: _Entry) -> int:
    return entry.size


def frozen(text: str, repairs: dict[str, int], uncertain: list[Span]) -> Cleaned:
    """A cleaned line's text, counts and spans as the memo keeps them (copies)."""
    return Cleaned(text, tuple(repairs.items()), tuple(uncertain))


def _characters() -> int:
    """`ZHCLEAN_LINE_MEMO_CHARACTERS` (0 turns the memo off), else `MOST_CHARACTERS`."""
    setting = os.environ.get("ZHCLEAN_LINE_MEMO_CHARACTERS", "").strip()
    try:
        return max(0, int(setting)) if setting else MOST_CHARACTERS
    except ValueError:  # it changes time, not output: the run goes on
        warnings.warn(
            f"ZHCLEAN_LINE_MEMO_CHARACTERS={setting!r} is not a whole number of characters: "
            f"the line memo holds {MOST_CHARACTERS:,}",
            stacklevel=2,
        )
        return MOST_CHARACTERS


memo = LineMemo(_characters())
"""The process's memo (each pool worker has its own, read from the environment)."""


_PER_LINE: list[Any] = []  # the functools.lru_cache wrappers of `per_line`


def per_line(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function`, a pure function of one line returning an immutable value, answered
    for a line seen before in this process from a bounded cache, while the line memo
    is on (`memo.enabled`: not turned off by ZHCLEAN_LINE_MEMO_CHARACTERS=0 or `off`).

    The structure steps ask the same questions of every line of every document (is it
    boilerplate? does it open with a number? how wide is it?): where lines repeat, as
    the line memo's do, the answers are kept.
    """
    cached = functools.lru_cache(maxsize=PER_LINE_ENTRIES)(function)
    _PER_LINE.append(cached)
    longest = PER_LINE_LONGEST

    @functools.wraps(function)
    def answer(line: str) -> T:
        if memo.enabled and len(line) <= longest:
            return cached(line)
        return function(line)

    return answer
