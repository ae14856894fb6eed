"""How well zhclean's repair stage undoes each kind of damage, with ftfy as the reference.

    uv run python bench/repair_bench.py [--clean FILE] [--seed N] [--samples N] [--show N]
                                        [--budget SECONDS] [--call-timeout SECONDS]
    uv run python bench/repair_bench.py --build-data     # (re)write bench/data/clean_hans.txt

Clean Simplified lines (default `bench/data/clean_hans.txt`, built from seeds 003 and
004) and their Traditional versions (OpenCC s2t) are damaged by the generators in
`bench/damage.py` with a seeded `random.Random`, repaired with `zhclean.repair.repair`
(file-level damage: `zhclean.decode.decode` on the bytes, then `clean_lines` as in the
pipeline, without script conversion), and compared with the clean line. Printed as a
Markdown table, per damage class: samples, exact recovery (repaired == clean) and
character error rate (Levenshtein distance summed over samples / clean characters
summed), for zhclean and for ftfy; then false changes on clean text and zhclean's
throughput.

Clean lines are what zhclean itself leaves unchanged: lines of the clean file that
`repair` changes count as false changes and are left out of the damage rows.

Damage is seeded (`--seed`), so the samples are the same on every run. To stay within
about two minutes, zhclean gets `--budget` seconds of repair time over all rows (fast
rows leave their share to slow ones); samples beyond it are not scored and show as
`N cut`, and a single call over `--call-timeout` counts as unrepaired. With
`--budget 0 --call-timeout 0` every sample is scored and the figures are deterministic.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `bench.damage` and `zhclean` importable
    sys.path.insert(0, str(ROOT))

from bench.damage import (  # noqa: E402
    CLASSES,
    DamageClass,
    NotApplicable,
    gbk,
    is_han,
    misalign_sites,
)

DATA = ROOT / "bench" / "data" / "clean_hans.txt"
SOURCES = ("003_*.txt", "004_*.txt")  # seeds that are clean apart from annotations/punctuation
MIN_CHARS, MAX_CHARS = 20, 200
TARGET_CER = 0.03
FTFY_OPTIONS = {"uncurl_quotes": False, "fix_character_width": False}
"""ftfy's defaults straighten curly quotes and make `，：；` half-width (a change on
every clean Chinese line), so the reference runs with those two steps off."""

# ---------------------------------------------------------------- Levenshtein


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions of one character each).

    Common prefix and suffix are stripped, then Myers' bit-parallel algorithm runs
    with the shorter string as the pattern (Hyyrö's formulation): O(len(b)) big-int
    steps, fast in pure Python for lines and short files.
    """
    if a == b:
        return 0
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    if len(a) > len(b):
        a, b = b, a
    m = len(a)
    if m == 0:
        return len(b)
    peq: dict[str, int] = {}
    for i, c in enumerate(a):
        peq[c] = peq.get(c, 0) | (1 << i)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for c in b:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return score


# ---------------------------------------------------------------- clean text

_SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）]*|[^。！？]+$")
_CLAUSE = re.compile(r"[^，；、]*[，；、]|[^，；、]+$")


def _pieces(text: str, pattern: re.Pattern[str], limit: int) -> list[str]:
    """Consecutive matches of `pattern` grouped into runs of at most `limit` chars
    (a single longer match is split further at clauses, then cut)."""
    groups: list[str] = []
    current = ""
    for piece in pattern.findall(text):
        if len(piece) > limit:
            if pattern is _SENTENCE:
                subs = _pieces(piece, _CLAUSE, limit)
            else:
                subs = [piece[i : i + limit] for i in range(0, len(piece), limit)]
        else:
            subs = [piece]
        for sub in subs:
            if current and len(current) + len(sub) > limit:
                groups.append(current)
                current = ""
            current += sub
    if current:
        groups.append(current)
    return groups


def sentence_groups(line: str) -> list[str]:
    """`line` cut after sentence ends into groups of MIN_CHARS..MAX_CHARS characters."""
    groups = _pieces(line, _SENTENCE, MAX_CHARS)
    merged: list[str] = []
    for g in groups:  # a short tail joins the group before it when that stays in bounds
        if len(g) < MIN_CHARS and merged and len(merged[-1]) + len(g) <= MAX_CHARS:
            merged[-1] += g
        else:
            merged.append(g)
    return [g for g in merged if MIN_CHARS <= len(g) <= MAX_CHARS]


def han_share(text: str) -> float:
    return sum(map(is_han, text)) / max(1, len(text))


def build_clean_text(raw_dir: Path = ROOT / "raw", sources: tuple[str, ...] = SOURCES) -> list[str]:
    """Clean Simplified sentence groups from the seeds (003 and 004): each line repaired
    (annotations removed, punctuation full-width) and converted to Simplified, kept
    when mostly Han and free of damage marks, then cut into sentence groups."""
    from zhclean.repair import LOST, repair
    from zhclean.script import convert

    out: list[str] = []
    for pattern in sources:
        for path in sorted(raw_dir.glob(pattern)):
            for raw_line in path.read_text(encoding="utf-8").splitlines():
                line, _ = convert(repair(raw_line).text, "hans")
                if len(line) < MIN_CHARS or han_share(line) < 0.5:
                    continue
                if LOST in line or "?" in line or "(" in line:
                    continue
                out += [g for g in sentence_groups(line) if repair(g).text == g]
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- samples


@dataclass
class Sample:
    clean: str
    damaged: str | bytes


@dataclass
class Row:
    key: str
    title: str
    target: str  # "exact", "cer" or ""
    samples: list[Sample] = field(default_factory=list)
    results: dict[str, list[str]] = field(default_factory=dict)  # tool -> outputs
    errors: dict[str, int] = field(default_factory=dict)  # tool -> exceptions
    timeouts: dict[str, int] = field(default_factory=dict)  # tool -> calls cut off
    seconds: float = 0.0  # zhclean's repair time
    cut: int = 0  # samples left out when zhclean ran out of the row's time budget


def target_of(cls: DamageClass, lost: bool) -> str:
    if lost or cls.key == "2":  # class 2: a lead byte under each `?` is gone
        return "cer"
    if cls.key[0] in "13478":
        return "exact"
    return ""


_TRIGGER_LEADS = {pair[1] for pair in (b"\xa3\xbf", b"\xa3\xac", b"\xa3\xba", b"\xa3\xbb")}
_TRIGGER_LEADS |= {0xA1, 0xA8, 0xA9}  # ！（） are A3 A1, A3 A8, A3 A9


def forced_misalignments(lines: list[str], rng: random.Random, count: int) -> list[str]:
    """Lines made of two clean sentences where the first ends in a character whose last
    GBK byte is A3 (`。`) and the second opens with a lead byte that makes the
    straddling pair a full-width mark (BF: `。看` -> A3 BF = `？`)."""
    sentences = [s for line in lines for s in _SENTENCE.findall(line) if len(s) >= 6]
    enders = [s for s in sentences if (code := gbk(s[-1])) and code[-1] == 0xA3]
    openers = [s for s in sentences if (code := gbk(s[0])) and code[0] in _TRIGGER_LEADS]
    out: list[str] = []
    for _ in range(count * 5):
        if not enders or not openers or len(out) >= count:
            break
        line = rng.choice(enders) + rng.choice(openers)
        if len(line) <= MAX_CHARS and misalign_sites(line):
            out.append(line)
    return out


def _files(lines: list[str], rng: random.Random, count: int) -> list[str]:
    """`count` files of 3-8 consecutive clean lines, `\\n`-joined."""
    out = []
    for _ in range(count):
        n = rng.randint(3, 8)
        start = rng.randrange(max(1, len(lines) - n))
        out.append("\n".join(lines[start : start + n]))
    return out


def draw(cls: DamageClass, pools: dict[str, list[str]], seed: int, samples: int) -> list[Row]:
    """Damage clean lines until each (class, lost) row holds `samples` samples (or the
    lines run out)."""
    rng = random.Random(f"{seed}:{cls.key}")
    pool = list(pools["both"] if cls.script == "both" else pools[cls.script])
    if cls.key == "3":
        pool = [line for line in pool if misalign_sites(line)]
        pool += forced_misalignments(pools["both"], rng, 2 * samples)
    if cls.is_file:
        pool = _files(pools[cls.script], rng, 2 * samples)
    rng.shuffle(pool)
    rows: dict[bool, Row] = {}
    attempts = 0
    while pool and attempts < 10 * samples and attempts < 10 * len(pool):
        clean = pool[attempts % len(pool)]
        attempts += 1
        try:
            damaged, lost = cls.detail(clean, rng)
        except NotApplicable:
            continue
        if lost not in rows:
            suffix = " (bytes lost)" if lost and cls.key not in ("4a�", "4e�", "5") else ""
            rows[lost] = Row(cls.key, cls.title + suffix, target_of(cls, lost))
        row = rows[lost]
        if len(row.samples) < samples:
            row.samples.append(Sample(clean, damaged))
        if all(len(r.samples) >= samples for r in rows.values()) and attempts >= samples:
            break
    return [rows[k] for k in sorted(rows)]


# ---------------------------------------------------------------- repairing


def zhclean_repair(damaged: str | bytes) -> str:
    from zhclean.decode import decode
    from zhclean.line_memo import memo
    from zhclean.pipeline import clean_lines
    from zhclean.repair import repair

    if isinstance(damaged, bytes):  # a file: repaired as the pipeline does, not converted
        with memo.off():  # each sample's time is its repair's, not a lookup of a line seen
            lines = clean_lines(decode(damaged).text, "keep")
        return "\n".join(line.text for line in lines)
    return repair(damaged).text


def ftfy_repair(damaged: str | bytes, **options: bool) -> str:
    import ftfy

    if isinstance(damaged, bytes):
        damaged = damaged.decode("utf-8", errors="replace")
    return ftfy.fix_text(damaged, **{**FTFY_OPTIONS, **options})


class CallTimeout(Exception):
    """A single repair ran longer than --call-timeout."""


def _alarm(signum: int, frame: object) -> None:
    raise CallTimeout


def _timed_call(tool: Callable[[str | bytes], str], damaged: str | bytes, limit: float) -> str:
    """`tool(damaged)`, interrupted by SIGALRM after `limit` seconds where available."""
    if limit <= 0 or not hasattr(signal, "setitimer"):
        return tool(damaged)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return tool(damaged)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _unrepaired(damaged: str | bytes) -> str:
    return damaged.decode("utf-8", "replace") if isinstance(damaged, bytes) else damaged


def _repair_one(tool: Callable[[str | bytes], str], row: Row, sample: Sample, limit: float) -> str:
    name = tool.__name__.removesuffix("_repair")
    try:
        return _timed_call(tool, sample.damaged, limit)
    except CallTimeout:
        row.timeouts[name] = row.timeouts.get(name, 0) + 1
    except Exception:  # a crash counts as no repair at all
        row.errors[name] = row.errors.get(name, 0) + 1
    return _unrepaired(sample.damaged)


def repair_some(row: Row, seconds: float = 0.0, call_timeout: float = 0.0) -> None:
    """Continue repairing the row's samples with zhclean for about `seconds` (0: all)."""
    outputs = row.results.setdefault("zhclean", [])
    started = time.perf_counter()
    while len(outputs) < len(row.samples):
        if seconds and time.perf_counter() - started > seconds:
            break
        outputs.append(_repair_one(zhclean_repair, row, row.samples[len(outputs)], call_timeout))
    row.seconds += time.perf_counter() - started


def finish(row: Row) -> None:
    """Drop the samples zhclean did not get to, then run ftfy on the rest."""
    done = len(row.results.get("zhclean", []))
    row.cut, row.samples = len(row.samples) - done, row.samples[:done]
    row.results["ftfy"] = [_repair_one(ftfy_repair, row, s, 0.0) for s in row.samples]


def run_rows(rows: list[Row], budget: float = 0.0, call_timeout: float = 0.0) -> None:
    """Repair every row; with a `budget` (seconds of zhclean time, 0: none) each row first
    gets an equal share, then the time fast rows left over is shared among the rest.
    Samples no time was left for are dropped from their row (`Row.cut`)."""
    if not budget:
        for row in rows:
            repair_some(row, 0.0, call_timeout)
    else:
        left = budget
        for i, row in enumerate(rows):
            repair_some(row, left / (2 * (len(rows) - i)), call_timeout)
            left = budget - sum(r.seconds for r in rows)
        pending = [r for r in rows if len(r.results["zhclean"]) < len(r.samples)]
        for i, row in enumerate(pending):
            repair_some(row, max(0.0, left) / (len(pending) - i), call_timeout)
            left = budget - sum(r.seconds for r in rows)
    for row in rows:
        finish(row)


def scores(row: Row, tool: str) -> tuple[float, float]:
    """(exact-recovery rate, character error rate) of `tool` on the row."""
    outputs = row.results[tool]
    exact = sum(o == s.clean for o, s in zip(outputs, row.samples, strict=True))
    dist = sum(levenshtein(o, s.clean) for o, s in zip(outputs, row.samples, strict=True))
    chars = sum(len(s.clean) for s in row.samples)
    return exact / max(1, len(outputs)), dist / max(1, chars)


def size(data: str | bytes) -> int:
    return len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------- report


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _mbps(nbytes: int, seconds: float) -> str:
    return f"{nbytes / 1e6 / max(seconds, 1e-9):.2f} MB/s"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def warm_up(lines: list[str], limit: float = 30.0) -> None:
    """Run zhclean once on a few damaged lines, untimed: models it loads on first use
    (the character bigram model) do not count against throughput. No call timeout
    here, one that cut a model build short would leave it to be rebuilt on every call;
    warming up stops after `limit` seconds."""
    rng = random.Random(0)
    started = time.perf_counter()
    for cls in CLASSES:
        if time.perf_counter() - started > limit:
            break
        with contextlib.suppress(Exception):  # NotApplicable, CallTimeout, bugs
            line = lines[1] if cls.script == "hant" else lines[0]
            _timed_call(zhclean_repair, cls.detail(line, rng)[0], limit)


def met(row: Row) -> str:
    exact, cer = scores(row, "zhclean")
    if row.target == "exact":
        return "yes" if exact == 1.0 else "no"
    if row.target == "cer":
        return "yes" if cer < TARGET_CER else "no"
    return ""


def table(rows: list[Row]) -> str:
    head = (
        "| class | damage | samples | zhclean exact | zhclean CER | ftfy exact | ftfy CER "
        "| target | met | zhclean ms/sample |"
    )
    lines = [head, "|---|---|--:|--:|--:|--:|--:|---|---|--:|"]
    for row in rows:
        zx, zc = scores(row, "zhclean")
        fx, fc = scores(row, "ftfy")
        target = {"exact": "100% exact", "cer": "CER < 3%", "": "—"}[row.target]
        n = f"{len(row.samples)} ({row.cut} cut)" if row.cut else str(len(row.samples))
        lines.append(
            f"| {row.key} | {row.title} | {n} | {_pct(zx)} | {_pct(zc)} "
            f"| {_pct(fx)} | {_pct(fc)} | {target} | {met(row)} "
            f"| {1000 * row.seconds / max(1, len(row.samples)):.1f} |"
        )
    return "\n".join(lines)


def show_failures(rows: list[Row], limit: int) -> None:
    """Print up to `limit` samples per row that zhclean did not recover exactly."""
    for row in rows:
        failures = [
            (s, out)
            for s, out in zip(row.samples, row.results["zhclean"], strict=True)
            if out != s.clean
        ]
        for sample, out in failures[:limit]:
            print(
                f"[{row.key} {row.title}]\n  damaged:  {_unrepaired(sample.damaged)!r}\n"
                f"  got:      {out!r}\n  expected: {sample.clean!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", type=Path, default=DATA, help="clean Simplified lines")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--samples", type=int, default=200, help="samples per row")
    parser.add_argument("--show", type=int, default=0, help="print N failures per row")
    parser.add_argument(
        "--budget",
        type=float,
        default=80.0,
        help="seconds of zhclean repair time over all rows; samples beyond it are left out "
        "(0: no limit)",
    )
    parser.add_argument(
        "--call-timeout",
        type=float,
        default=5.0,
        help="seconds one repair call may take before it counts as unrepaired (0: none)",
    )
    parser.add_argument("--build-data", action="store_true", help=f"write {DATA.name} and exit")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    if args.build_data:
        lines = build_clean_text()
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} lines, {DATA.stat().st_size} bytes to {DATA}")
        return 0

    import opencc

    hans_source = [x for x in args.clean.read_text(encoding="utf-8").splitlines() if x.strip()]
    s2t = opencc.OpenCC("s2t")
    hant_source = [s2t.convert(line) for line in hans_source]
    source = hans_source + hant_source

    warm_up([hans_source[0], hant_source[0]])
    # false changes: every clean line (both scripts) through both tools
    clean_row = Row("clean", "clean lines (false changes)", "exact")
    clean_row.samples = [Sample(line, line) for line in source]
    run_rows([clean_row], call_timeout=args.call_timeout)
    ftfy_default_changed = sum(
        ftfy_repair(x, uncurl_quotes=True, fix_character_width=True) != x for x in source
    )
    clean_bytes = sum(size(x) for x in source)

    unchanged = set(
        line for line, out in zip(source, clean_row.results["zhclean"], strict=True) if out == line
    )
    hans = [x for x in hans_source if x in unchanged]
    hant = [x for x in hant_source if x in unchanged]
    pools = {"hans": hans, "hant": hant, "both": hans + hant}

    rows = [row for cls in CLASSES for row in draw(cls, pools, args.seed, args.samples)]
    run_rows(rows, args.budget, args.call_timeout)

    print(f"# zhclean repair benchmark (seed {args.seed}, up to {args.samples} samples per row)\n")
    print(
        f"Clean text: {_shown(args.clean)}: "
        f"{len(hans_source)} Simplified lines + {len(hant_source)} Traditional (OpenCC s2t); "
        f"dropped because `repair` changes them: {len(hans_source) - len(hans)} Simplified, "
        f"{len(hant_source) - len(hant)} Traditional.\n"
    )
    print(table([clean_row, *rows]))
    fz = 1 - scores(clean_row, "zhclean")[0]
    ff = 1 - scores(clean_row, "ftfy")[0]
    print()
    print(
        f"- False changes on clean text ({len(source)} lines): zhclean {_pct(fz)}, "
        f"ftfy {_pct(ff)} (ftfy with default options: {_pct(ftfy_default_changed / len(source))})"
    )
    damaged_bytes = sum(size(s.damaged) for r in rows for s in r.samples)
    damaged_secs = sum(r.seconds for r in rows)
    print(
        f"- zhclean throughput: clean input {_mbps(clean_bytes, clean_row.seconds)} "
        f"({clean_bytes / 1e3:.0f} kB in {clean_row.seconds:.2f} s), damaged input "
        f"{_mbps(damaged_bytes, damaged_secs)} "
        f"({damaged_bytes / 1e3:.0f} kB in {damaged_secs:.2f} s)"
    )
    crashed = {f"{r.key} {r.title}": r.errors for r in [clean_row, *rows] if any(r.errors.values())}
    if crashed:
        print(f"- Exceptions (counted as unrepaired): {crashed}")
    slow = {
        f"{r.key} {r.title}": r.timeouts for r in [clean_row, *rows] if any(r.timeouts.values())
    }
    if slow:
        print(f"- Calls over {args.call_timeout:g} s (counted as unrepaired): {slow}")
    cut = [f"{r.key} {r.title}" for r in rows if r.cut]
    if cut:
        print(
            f"- Rows cut by the {args.budget:g} s repair budget (`N cut` samples not scored): "
            + "; ".join(cut)
        )
    options = ", ".join(f"{k}={v}" for k, v in FTFY_OPTIONS.items())
    print(
        f"- ftfy runs as `ftfy.fix_text(text, {options})`; file rows: zhclean gets the bytes "
        "(`decode`, then `clean_lines` without script conversion), ftfy their UTF-8 text."
    )
    print()
    print(
        "Targets: 100% exact recovery where no byte was lost (classes 1, 3, 4 without `�`); "
        "CER under 3% where bytes were lost; zero false changes on clean text."
    )
    print(f"\n({time.perf_counter() - started:.1f} s)")
    if args.show:
        print()
        show_failures([clean_row, *rows], args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
