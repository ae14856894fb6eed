"""The progress line: files, megabytes, rate, elapsed time and time left."""

from __future__ import annotations

import io

from zhclean import progress
from zhclean.cli import ProgressLine
from zhclean.progress import Progress

MB = 2**20


def test_line_formatting() -> None:
    state = Progress(files_total=340, bytes_total=120 * MB, started=100.0)
    assert state.line(now=100.0) == "0/340 files  0.0/120.0 MB  0.0 MB/s  0:00 elapsed  ETA ?"
    state.advance(12, 45 * MB)
    assert state.line(now=115.0) == (
        "12/340 files  45.0/120.0 MB  3.0 MB/s  0:15 elapsed  ETA 0:25"
    )
    state.advance(0, 74 * MB)
    assert state.line(now=4100.0).endswith("0.0 MB/s  1:06:40 elapsed  ETA 0:34")
    state.advance(328, 1 * MB)
    assert state.line(now=4100.0) == (
        "340/340 files  120.0/120.0 MB  0.0 MB/s  1:06:40 elapsed  done"
    )


def test_listeners_hear_reports_until_stopped() -> None:
    heard: list[int] = []
    stop = progress.listen(lambda p: heard.append(p.files_done))
    progress.listen(lambda p: 1 / 0)  # a broken display does not fail the run
    state = Progress(files_total=2, bytes_total=2)
    progress.report(state)
    state.advance(2, 2)
    progress.report(state)
    stop()
    progress.report(state)
    assert heard == [0, 2]
    progress._listeners.clear()


def test_progress_line_not_on_a_terminal_writes_one_line_per_report() -> None:
    stream = io.StringIO()
    show = ProgressLine(stream)
    state = Progress(files_total=3, bytes_total=3 * MB, started=0.0)
    show(state)
    state.advance(3, 3 * MB)
    show(state)
    show.end()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("0/3 files  0.0/3.0 MB  ")
    assert lines[1].startswith("3/3 files  3.0/3.0 MB  ") and lines[1].endswith("  done")
