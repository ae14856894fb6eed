"""Print the slowest stage times on long single lines built to trip regex backtracking.

    uv run python bench/adversarial_lines.py [LENGTH]

Every stage should stay linear: a few milliseconds per 30,000 characters.
"""

from __future__ import annotations

import sys
import time
from itertools import product

from zhclean.repair import repair
from zhclean.structure.documents import split_documents
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences

BODIES = [
    "中",
    "x",
    "1",
    ".",
    "(",
    '"',
    "?",
    "ā",
    "@",
    " ",
    "，",
    "：",
    "、",
    "“",
    "-",
    "/",
    ":",
    "。",
    "…",
    "一、",
    "（一）",
    "1.",
    "篇1",
    "中,",
    "中.",
    "x@",
    "w",
    "http://",
    "<!--",
    "<script>",
    "<p a=1 ",
    "&amp;",
    "&#",
]
EDGES = ["", "中", "(", "?", ")", "@", ".", "ā", "：", '"', "www.", "://"]


def _seconds(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main(length: int = 30000) -> None:
    rows = []
    for body, edge in product(BODIES, EDGES):
        line = edge + body * (length // len(body)) + edge
        fixed = repair(line).text
        sections = find_sections(fixed)
        rows.append(
            (
                _seconds(lambda: repair(line)),  # noqa: B023
                _seconds(lambda: split_documents("标题\n" + fixed)),  # noqa: B023
                _seconds(lambda: split_sentences(fixed, sections)),  # noqa: B023
                repr(edge + body + "…" + edge),
            )
        )
    rows.sort(key=lambda r: -max(r[:3]))
    print(f"{len(rows)} lines of ~{length} characters; slowest five (seconds):")
    print(f"{'repair':>8} {'documents':>10} {'sentences':>10}  line")
    for rep, docs, sents, name in rows[:5]:
        print(f"{rep:8.4f} {docs:10.4f} {sents:10.4f}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30000)
