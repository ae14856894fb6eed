"""The model cache: tables built once, read back by later processes, rebuilt when
anything they were built from changes, and never a reason to fail."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

import pytest

from zhclean.repair import model_cache
from zhclean.repair.model_cache import CACHE_DIR_ENV, cached


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


class Builder:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(directory))
    return directory


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("中 3\n國 2\n", encoding="utf-8")
    return path


TABLES = {"中": 0.5, "国": frozenset({"guó"}), "pairs": {(0xD5, 0x60): "誤"}}


def test_built_once_then_read_back(cache: Path, source: Path) -> None:
    first = Builder(TABLES)
    assert cached("t", [source], first, _is_dict) == TABLES
    later = Builder({"other": 1})  # a later process: reads the file, builds nothing
    assert cached("t", [source], later, _is_dict) == TABLES
    elsewhere = source.parent / "another-checkout.txt"  # same contents, another path
    elsewhere.write_bytes(source.read_bytes())
    assert cached("t", [elsewhere], later, _is_dict) == TABLES
    assert (first.calls, later.calls) == (1, 0)
    assert len(list(cache.glob("t-*.marshal"))) == 1
    assert not list(cache.glob(".*"))  # no temporary file left


def test_a_changed_source_or_extra_builds_anew(cache: Path, source: Path) -> None:
    cached("t", [source], Builder(TABLES), _is_dict)
    source.write_text("中 4\n", encoding="utf-8")
    assert cached("t", [source], Builder({"new": 1}), _is_dict) == {"new": 1}
    assert cached("t", [source], Builder({"v2": 1}), _is_dict, extra="pkg=2") == {"v2": 1}
    assert len(list(cache.glob("t-*.marshal"))) == 3


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_files_unused_for_a_month_are_removed_when_another_is_written(
    cache: Path, source: Path
) -> None:
    cached("t", [source], Builder(TABLES), _is_dict)
    (old,) = cache.glob("t-*.marshal")
    source.write_text("中 5\n", encoding="utf-8")  # a new package version
    cached("t", [source], Builder(TABLES), _is_dict)
    (recent,) = set(cache.glob("t-*.marshal")) - {old}
    other = cache / f"other-{'0' * 24}.marshal"  # another table's file: never ours
    other.write_bytes(b"")
    crashed = cache / ".t-abcd1234.tmp"  # a killed writer's temporary file
    crashed.write_bytes(b"")
    for path in (old, other, crashed):
        _age(path, model_cache.STALE_DAYS + 1)
    _age(recent, model_cache.STALE_DAYS - 1)  # read within the month: kept

    source.write_text("中 6\n", encoding="utf-8")
    cached("t", [source], Builder(TABLES), _is_dict)
    left = {p.name for p in cache.iterdir()}
    assert old.name not in left and crashed.name not in left
    assert {recent.name, other.name} <= left
    assert len(list(cache.glob("t-*.marshal"))) == 2


def test_a_file_read_is_marked_used(cache: Path, source: Path) -> None:
    cached("t", [source], Builder(TABLES), _is_dict)
    (path,) = cache.glob("t-*.marshal")
    _age(path, model_cache.STALE_DAYS + 1)
    assert cached("t", [source], Builder({}), _is_dict) == TABLES
    assert time.time() - path.stat().st_mtime < 60
    source.write_text("中 7\n", encoding="utf-8")
    cached("t", [source], Builder(TABLES), _is_dict)  # writes another: the read one stays
    assert path.exists()


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xff" * 10])
def test_an_unreadable_file_is_built_again(
    cache: Path, source: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    cached("t", [source], Builder(TABLES), _is_dict)
    (path,) = cache.glob("t-*.marshal")
    path.write_bytes(content)
    rebuild = Builder(TABLES)
    with caplog.at_level(logging.WARNING, logger=model_cache.__name__):
        assert cached("t", [source], rebuild, _is_dict) == TABLES
    assert rebuild.calls == 1 and "building it again" in caplog.text
    assert cached("t", [source], Builder(None), _is_dict) == TABLES  # rewritten whole


def test_a_value_of_the_wrong_shape_is_built_again(cache: Path, source: Path) -> None:
    cached("t", [source], Builder([1, 2]), lambda v: True)
    assert cached("t", [source], Builder(TABLES), _is_dict) == TABLES


def test_no_cache_when_disabled_or_unwritable(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    assert model_cache.cache_dir() is None
    builder = Builder(TABLES)
    assert cached("t", [source], builder, _is_dict) == TABLES
    assert cached("t", [source], builder, _is_dict) == TABLES
    assert builder.calls == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))  # cannot be made
    assert cached("t", [source], Builder(TABLES), _is_dict) == TABLES
    assert cached("t", [tmp_path / "missing"], Builder(TABLES), _is_dict) == TABLES


def test_default_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert model_cache.cache_dir() == tmp_path / "zhclean"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert model_cache.cache_dir() == Path.home() / ".cache" / "zhclean"


def _built_then_read_back(build: Any) -> tuple[Any, Any]:
    """A model's process-wide `_build` (functools.cache) run twice: the first builds and
    writes the cache, the second reads it back."""
    build.cache_clear()
    try:
        first = build()
        build.cache_clear()
        return first, build()
    finally:
        build.cache_clear()


def test_the_word_model_read_back_is_the_model_built(cache: Path) -> None:
    from zhclean.repair import lm

    built = lm.CharModel.of(lm._jieba_words(), lm._t2s_table())
    first, again = _built_then_read_back(lm._build)
    assert len(list(cache.glob("lm-*.marshal"))) == 1
    for text in ("组织部门", "組織部門", "空談誤國", "解决新问题。看一看", "的的的", "a?b"):
        assert first.score(text) == again.score(text) == built.score(text)
        assert first.segment(text) == again.segment(text) == built.segment(text)
    assert again.is_word("组织部") and again.known("誤") and not again.is_word("部门组")


def test_the_trigram_model_read_back_is_the_model_built(cache: Path) -> None:
    from zhclean.repair import trigram

    first, again = _built_then_read_back(trigram._build)
    assert len(list(cache.glob("trigram-*.marshal"))) == 1
    texts = ["要多读书", "我讲三点意见", "增长12.3%", "x", "\ufffd乙"]
    assert again.logps(texts) == first.logps(texts)


def test_trigram_tables_of_the_wrong_shape_are_not_trusted() -> None:
    from zhclean.repair.trigram import _valid, build_tables

    tables = build_tables(["甲乙丙", "甲乙丁"])
    assert _valid(tables)
    assert not _valid(tables[:8])
    assert not _valid((b"\0" * 12, b"\0" * 6, *tables[2:]))  # not whole int64 keys
    assert not _valid((*tables[:8], float("nan")))
    assert not _valid((*tables[:3], tables[3][:8], *tables[4:]))  # keys without values


def test_jiebas_dictionary_read_back_segments_as_jieba_does(cache: Path) -> None:
    import jieba

    from zhclean.repair import degraded

    text = (Path(__file__).parents[1] / "raw").glob("*")
    sample = "".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(text))[:20000]
    own = jieba.Tokenizer()
    own.initialize()  # jieba's own way: its dictionary, its cache file
    for _ in range(2):  # built and written, then read back
        degraded.segmenter.cache_clear()
        jieba.dt.initialized = False
        try:
            assert degraded.segmenter().dt.initialized
            assert jieba.dt.total == own.total and jieba.dt.FREQ == own.FREQ
            assert jieba.lcut(sample, HMM=False) == own.lcut(sample, HMM=False)
        finally:
            degraded.segmenter.cache_clear()
    assert len(list(cache.glob("jieba-*.marshal"))) == 1


def test_the_substitution_tables_read_back_are_the_built_ones(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhclean.repair import mojibake

    built = mojibake._build_substitutions()
    calls = []

    def build() -> object:
        calls.append(1)
        return built

    monkeypatch.setattr(mojibake, "_build_substitutions", build)
    mojibake._substitutions.cache_clear()
    try:
        first = mojibake._substitutions()
        mojibake._substitutions.cache_clear()
        second = mojibake._substitutions()  # from the file
    finally:
        mojibake._substitutions.cache_clear()
    assert calls == [1]
    assert len(list(cache.glob("substitutions-*.marshal"))) == 1
    for one, two in zip(first, second, strict=True):
        assert (one.keys, one.bad) == (two.keys, two.bad)
    big5_as_gbk, gbk_as_big5, bad_a, bad_b = built
    assert (second[0].keys, second[1].keys, second[0].bad, second[1].bad) == built
    assert big5_as_gbk["い"] == "中"  # 中 in Big5 is A4 A4, い in GBK
    assert gbk_as_big5["中"] == "い"
    assert bad_a and bad_b
