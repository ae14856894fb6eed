"""The repair counts of a fix that repaired nothing: one shared, unchangeable Counter.

Most lines need no repair, and a new `Counter()` from every fix for every line was about
5% of a run's time. A fix returns `NOTHING` instead; whoever wants to add to a fix's
counts copies them first (changing `NOTHING` raises TypeError).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NoReturn


class _Nothing(Counter[str]):
    """An empty Counter that refuses every change."""

    def __init__(self) -> None:
        dict.__init__(self)

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("NOTHING is shared by every fix: copy it (Counter(NOTHING)) to count")

    __setitem__ = __delitem__ = _refuse
    update = subtract = clear = pop = popitem = setdefault = _refuse  # type: ignore[assignment]
    __iadd__ = __isub__ = __ior__ = __iand__ = _refuse  # type: ignore[assignment]

    def copy(self) -> Counter[str]:
        return Counter()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_nothing, ())


def _nothing() -> Counter[str]:
    return NOTHING


NOTHING: Counter[str] = _Nothing()
"""What a fix returns when it repaired nothing (`if counts:` is false for it)."""
