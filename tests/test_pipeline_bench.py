"""Smoke test of the throughput benchmark's corpus builder (the flow is not run)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import random  # noqa: E402

from bench.pipeline_bench import (  # noqa: E402
    ENCODINGS,
    Pick,
    Variant,
    build_corpus,
    corpus,
    repetition,
)
from zhclean.decode import decode  # noqa: E402

MB = 2**20


def _contents(raw: Path) -> dict[str, bytes]:
    return {str(p.relative_to(raw)): p.read_bytes() for p in sorted(raw.rglob("*")) if p.is_file()}


def test_corpus_is_deterministic_and_holds_every_encoding(tmp_path: Path) -> None:
    first = build_corpus(tmp_path / "a", 0.2, seed=3)
    again = build_corpus(tmp_path / "b", 0.2, seed=3)
    other = build_corpus(tmp_path / "c", 0.2, seed=4)
    assert first == again
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")
    assert other

    total = sum(f["bytes"] for f in first)
    assert 0.2 * MB <= total < 0.2 * MB + 4 * MB
    assert {f["encoding"] for f in first} == set(ENCODINGS)
    for f in first:
        data = (tmp_path / "a" / f["path"]).read_bytes()
        assert len(data) == f["bytes"] > 0
        if f["encoding"] == "utf-16":
            assert data.startswith(b"\xff\xfe")
        if f["encoding"] == "big5":
            data.decode("big5")  # strictly Big5
        if f["encoding"] in ("gbk", "gb18030"):
            data.decode(f["encoding"])


def test_corpus_bytes_decode_as_what_they_are(tmp_path: Path) -> None:
    files = build_corpus(tmp_path, 0.05, seed=0)
    seen = {}
    for f in files[: len(ENCODINGS)]:
        seen[f["encoding"]] = decode((tmp_path / f["path"]).read_bytes()).encoding
    assert seen["utf-8"] == "utf-8"
    assert seen["utf-16"].startswith("utf-16")
    assert seen["big5"] == "big5"


def test_corpus_directory_is_reused(tmp_path: Path) -> None:
    raw, files = corpus(tmp_path, 0.05, 1)
    before = _contents(raw)
    raw_again, files_again = corpus(tmp_path, 0.05, 1)
    assert (raw_again, files_again) == (raw, files)
    assert _contents(raw_again) == before


def test_pick_in_turn_uses_every_text_before_repeating_one() -> None:
    pool = [Variant(str(i), "orig", f"第{i}篇") for i in range(5)]
    pick = Pick(random.Random(0), in_turn=True)
    first, second = [pick(pool) for _ in range(5)], [pick(pool) for _ in range(5)]
    assert sorted(v.seed for v in first) == sorted(v.seed for v in second) == list("01234")
    at_random = Pick(random.Random(0), in_turn=False)
    assert len({at_random(pool).seed for _ in range(50)}) == 5


def test_peoples_daily_corpus_repeats_almost_no_line_the_seeds_many(tmp_path: Path) -> None:
    raw, files = corpus(tmp_path / "pd", 1, seed=0, text="peoples-daily")
    lines, distinct = repetition(raw, files)
    assert distinct > 0.95 * lines  # the text's own repeats: datelines, blank captions
    texts = [(raw / f["path"]).read_bytes().decode(f["encoding"]) for f in files]
    assert sum(t.count("中共中央") + t.count("中國共產黨") for t in texts) > 10
    assert {f["encoding"] for f in files} == set(ENCODINGS)
    raw, files = corpus(tmp_path / "seeds", 1, seed=0)
    lines, distinct = repetition(raw, files)
    assert distinct < 0.2 * lines
