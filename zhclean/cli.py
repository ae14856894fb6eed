"""`zhclean run [RAW_DIR] [--out OUT_DIR]`: run the clean-corpus flow once.

With no Prefect server configured (PREFECT_API_URL unset), Prefect starts a
temporary local backend for the run; with one configured, the run is recorded there.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

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
            "OUT_DIR/LATEST names it. Bad input files go to the rejects table, they never "
            "fail the run. Exit status 0 when a version was published."
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
        "--batch-mb",
        type=float,
        default=4.0,
        metavar="MB",
        help="raw megabytes per Prefect task (default: 4)",
    )
    run.add_argument(
        "--max-file-mb",
        type=float,
        default=50.0,
        metavar="MB",
        help="larger files are rejected as too_large (default: 50)",
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
    from flows.clean_corpus import clean_corpus  # imports Prefect: after the settings above
    from zhclean.report import render

    if not os.path.isdir(args.raw_dir):
        print(f"zhclean: raw directory {args.raw_dir!r} does not exist", file=sys.stderr)
        return 2
    try:
        summary = clean_corpus(
            raw_dir=args.raw_dir,
            out_dir=args.out,
            target_script=args.target_script,
            batch_bytes=max(1, int(args.batch_mb * 2**20)),
            max_file_bytes=max(1, int(args.max_file_mb * 2**20)),
        )
    except Exception as error:  # one line, not a traceback: the run failed, nothing published
        reason = " ".join(str(error).split())[:_REASON_MAX]
        print(
            f"zhclean: run failed, nothing published: {type(error).__name__}: {reason}",
            file=sys.stderr,
        )
        return 1
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"published {summary['out_dir']}/{summary['version']}")
        print(render(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
