"""The atheris fuzz target (`tests/fuzz/fuzz_stages.py`) for a bounded time, from a seed
corpus cut from raw/: no crash. (Crashes it finds become regression tests here.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent / "fuzz" / "fuzz_stages.py"
FUZZ_SECONDS = 20


def test_fuzz_target_finds_no_crash(tmp_path: Path) -> None:
    corpus, artifacts = tmp_path / "corpus", tmp_path / "artifacts"
    artifacts.mkdir()
    run = subprocess.run(
        [
            sys.executable,
            str(TARGET),
            str(corpus),
            f"-max_total_time={FUZZ_SECONDS}",
            "-rss_limit_mb=4096",
            "-max_len=8192",
            "-seed=1",
            f"-artifact_prefix={artifacts}/",
        ],
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 300,
    )
    log = run.stderr
    assert list(artifacts.iterdir()) == [], log[-3000:]
    assert run.returncode == 0, log[-3000:]
    assert len(list(corpus.glob("seed-*"))) == 5 * 4  # seeded from raw/
    done = re.search(r"Done (\d+) runs in \d+ second", log)
    assert done is not None and int(done.group(1)) > 20, log[-3000:]
