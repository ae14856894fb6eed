"""Coverage-guided fuzz target (atheris, libFuzzer): raw bytes through every text stage.

    uv run python tests/fuzz/fuzz_stages.py CORPUS_DIR -max_total_time=30 -rss_limit_mb=4096

Each input is one raw file: its first byte picks the target script (hans, hant, keep), the
rest goes through decode, repair, script conversion, documents, sections and sentences
(`zhclean.pipeline.process_data`, the function every batch runs after reading a file);
`tests/invariants.py` checks the result against the contract. Any exception (a stage that
raised, reported by process_data as an ``internal_error`` reject, or a broken invariant)
is a crash: libFuzzer writes the input to ``crash-<sha1>`` (see -artifact_prefix) and
exits non-zero. An empty CORPUS_DIR is first filled with seeds cut from raw/ (the opening
lines of each seed file, in UTF-8, GB18030, Big5 and UTF-16). `tests/test_fuzz.py` runs
this for a bounded time; crashes found become tests there.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
TARGETS = ("hans", "hant", "keep")
SEED_CHARS = 600


def write_seeds(corpus: Path) -> int:
    """Fill `corpus` with seed inputs cut from raw/; returns how many."""
    corpus.mkdir(parents=True, exist_ok=True)
    count = 0
    for i, path in enumerate(sorted((ROOT / "raw").iterdir())):
        text = path.read_text("utf-8")
        cut = text.rfind("\n", 0, SEED_CHARS)
        text = text[: cut if cut > 0 else SEED_CHARS]
        for j, codec in enumerate(("utf-8", "gb18030", "big5", "utf-16")):
            data = bytes([(i + j) % len(TARGETS)]) + text.encode(codec, "replace")
            (corpus / f"seed-{path.stem[:3]}-{codec}").write_bytes(data)
            count += 1
    return count


def main() -> None:
    import atheris

    sys.path[:0] = [str(TESTS), str(ROOT)]
    with atheris.instrument_imports(include=["zhclean", "schemas"]):
        from zhclean.pipeline import Config, process_data
    from invariants import check_file

    configs = [Config(target_script=t) for t in TARGETS]

    def one_input(data: bytes) -> None:
        if not data:
            return
        body = data[1:]
        sha = hashlib.sha256(body).hexdigest()
        docs, reject, _ = process_data("fuzz.txt", body, sha, configs[data[0] % len(configs)])
        check_file("fuzz.txt", body, docs, reject)

    corpora = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    for corpus in corpora[:1]:
        if not corpus.is_dir() or not any(corpus.iterdir()):
            write_seeds(corpus)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
