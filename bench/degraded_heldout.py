"""Held-out check for degraded-punctuation repair (damage class 5) on seeds 000 and 002.

    uv run python bench/degraded_heldout.py [--show N]

The benchmark's class-5 row draws its lines from seeds 003 and 004, the text the rules
of `zhclean/repair/degraded.py` were tuned on. This script scores the same damage on
text they were not tuned on: the lines of seeds 000 and 002, cleaned the way the
benchmark cleans its own (`repair`, then OpenCC t2s; lines with damage marks left out),
cut into sentence groups of 20-200 characters, degraded exactly like
`bench/damage.py`'s class 5 (every `，、。：；` -> `.`, every quote -> `'`), repaired
with `zhclean.repair.repair`, and compared with the clean group: exact recovery and
character error rate (Levenshtein distance summed / clean characters summed), the
figures of the benchmark's row.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `bench` and `zhclean` importable
    sys.path.insert(0, str(ROOT))

from bench.damage import NotApplicable, degraded_punctuation  # noqa: E402
from bench.repair_bench import build_clean_text, levenshtein  # noqa: E402

SOURCES = ("000_*.txt", "002_*.txt")  # seeds the class-5 rules were not tuned on
_MARKS = "，、。：；“”‘’"


def held_out_groups(raw_dir: Path = ROOT / "raw") -> list[str]:
    """Clean Simplified sentence groups of the held-out seeds (as `build_clean_text`)."""
    return build_clean_text(raw_dir, SOURCES)


def confusions(clean: str, out: str) -> Counter[str]:
    """Marks restored wrongly, as `expected>got` (only when the text lines up)."""
    found: Counter[str] = Counter()
    if len(clean) != len(out):
        return found
    for x, y in zip(clean, out, strict=True):
        if x != y and (x in _MARKS or y in _MARKS):
            found[f"{x}>{y}"] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N failures")
    args = parser.parse_args(argv)

    from zhclean.repair import repair

    rng = random.Random(0)  # class 5 draws no randomness; kept for the damage signature
    samples: list[tuple[str, str]] = []
    for clean in held_out_groups():
        try:
            damaged, _ = degraded_punctuation(clean, rng)
        except NotApplicable:
            continue
        samples.append((clean, damaged))
    outputs = [repair(damaged).text for _, damaged in samples]
    exact = sum(out == clean for (clean, _), out in zip(samples, outputs, strict=True))
    dist = sum(levenshtein(out, clean) for (clean, _), out in zip(samples, outputs, strict=True))
    chars = sum(len(clean) for clean, _ in samples)
    wrong: Counter[str] = Counter()
    for (clean, _), out in zip(samples, outputs, strict=True):
        wrong += confusions(clean, out)
    n = max(1, len(samples))
    print(
        f"held-out degraded punctuation (seeds 000, 002): {len(samples)} groups, "
        f"{chars} chars, exact {100 * exact / n:.1f}%, CER {100 * dist / max(1, chars):.2f}% "
        f"({dist} edits)"
    )
    print("wrong marks (expected>got):", ", ".join(f"{k} {v}" for k, v in wrong.most_common()))
    shown = 0
    for (clean, damaged), out in zip(samples, outputs, strict=True):
        if out != clean and shown < args.show:
            shown += 1
            print(f"  damaged:  {damaged!r}\n  got:      {out!r}\n  expected: {clean!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
