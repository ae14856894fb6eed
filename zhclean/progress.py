"""Progress of a run: files and megabytes done, rate, time left.

The flow calls `report(...)` as batches finish; whoever wants to show progress (the
command line) registers a listener with `listen(...)`. Both run in the process that
runs the flow, so the channel is a module-level list of callables: nothing to set up,
nothing to clean up when no one listens (deployments, tests).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

_MB = 2**20


@dataclass
class Progress:
    """Where a run is: totals and what is done so far (files and raw bytes)."""

    files_total: int
    bytes_total: int
    files_done: int = 0
    bytes_done: int = 0
    started: float = field(default_factory=time.monotonic)

    def advance(self, files: int, nbytes: int) -> None:
        self.files_done += files
        self.bytes_done += nbytes

    def line(self, now: float | None = None) -> str:
        """One status line: `12/340 files  45.2/120.0 MB  3.1 MB/s  0:15 elapsed  ETA 0:24`."""
        elapsed = max((time.monotonic() if now is None else now) - self.started, 0.0)
        rate = self.bytes_done / _MB / elapsed if elapsed > 0 else 0.0
        left = (self.bytes_total - self.bytes_done) / _MB
        if self.bytes_done >= self.bytes_total and self.files_done >= self.files_total:
            eta = "done"
        elif rate > 0:
            eta = f"ETA {_clock(left / rate)}"
        else:
            eta = "ETA ?"
        return (
            f"{self.files_done}/{self.files_total} files  "
            f"{self.bytes_done / _MB:.1f}/{self.bytes_total / _MB:.1f} MB  "
            f"{rate:.1f} MB/s  {_clock(elapsed)} elapsed  {eta}"
        )


def _clock(seconds: float) -> str:
    """`0:07`, `12:34`, `1:02:03`."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_listeners: list[Callable[[Progress], None]] = []
_lock = threading.Lock()


def listen(listener: Callable[[Progress], None]) -> Callable[[], None]:
    """Call `listener` with every progress report; returns a function that stops it."""
    with _lock:
        _listeners.append(listener)

    def stop() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return stop


def report(progress: Progress) -> None:
    """Tell every listener; a failing listener never fails the run."""
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        with contextlib.suppress(Exception):  # a display problem must not stop the run
            listener(progress)
