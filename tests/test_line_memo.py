"""The line memo: a line seen before is not repaired again, and nothing else changes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

import zhclean.pipeline as pipeline
from zhclean.line_memo import MOST_CHARACTERS, Cleaned, LineMemo, _characters, frozen
from zhclean.pipeline import clean_lines

DAMAGED = "優(yōu)化發(fā)展環(huán)境,空談?wù)`國"


@pytest.fixture
def repairs_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A fresh memo for the pipeline, and the lines `repair` was called on."""
    monkeypatch.setattr(pipeline, "memo", LineMemo())
    seen: list[str] = []
    repair = pipeline.repair

    def counted(line: str) -> object:
        seen.append(line)
        return repair(line)

    monkeypatch.setattr(pipeline, "repair", counted)
    yield seen


def _texts(text: str, script: str = "hans") -> list[str]:
    return [line.text for line in clean_lines(text, script)]


def test_a_line_seen_before_is_taken_from_the_memo(repairs_made: list[str]) -> None:
    assert _texts(f"{DAMAGED}\n{DAMAGED}") == ["优化发展环境，空谈误国", "优化发展环境，空谈误国"]
    assert repairs_made == [DAMAGED]
    assert _texts(DAMAGED) == ["优化发展环境，空谈误国"]
    assert repairs_made == [DAMAGED]


def test_the_memo_changes_nothing_in_what_a_line_gives(repairs_made: list[str]) -> None:
    first = clean_lines(DAMAGED, "hans")
    again = clean_lines(DAMAGED, "hans")
    with pipeline.memo.off():
        afresh = clean_lines(DAMAGED, "hans")
    assert len(repairs_made) == 2  # the first call and the one with the memo off
    for lines in (again, afresh):
        assert [(x.text, x.repairs, x.uncertain) for x in lines] == [
            (x.text, x.repairs, x.uncertain) for x in first
        ]
    assert first[0].repairs["gbk_annotation_in_pair"] == 1
    assert first[0].repairs["script_conversion"] > 0


def test_each_call_gets_its_own_lines(repairs_made: list[str]) -> None:
    """File-wide counts go onto a text's first line: a later text starting with the same
    line must not see them."""
    first = clean_lines("关于加强党的建设的意见\r\n通知如下", "hans")
    assert first[0].repairs["line_endings"] == 1
    first[0].uncertain.append((0, 1))
    [again] = clean_lines("关于加强党的建设的意见", "hans")
    assert "line_endings" not in again.repairs
    assert again.uncertain == []
    assert repairs_made == ["关于加强党的建设的意见", "通知如下"]


def test_the_script_is_part_of_the_key(repairs_made: list[str]) -> None:
    assert _texts("優化發展環境", "hans") == ["优化发展环境"]
    assert _texts("優化發展環境", "keep") == ["優化發展環境"]
    assert len(repairs_made) == 2


def _made(memo: LineMemo, raw: str) -> bool:
    """Whether `memo` had to make `raw`'s lines (it did not hold them)."""
    made = []

    def make(keys: list[tuple[str, str, str]]) -> list[tuple[Cleaned, ...]]:
        made.extend(key[0] for key in keys)
        return [(frozen(key[0], Counter(), []),) for key in keys]

    memo.get_or_make_all([(raw, "hans", "package")], make)
    return bool(made)


def test_the_memo_holds_at_most_its_characters_least_recently_used_dropped() -> None:
    memo = LineMemo(characters=1_000)
    lines = [chr(0x4E00 + i) * 100 for i in range(5)]  # 300 characters an entry
    assert [_made(memo, line) for line in lines[:3]] == [True, True, True]
    assert memo.characters == 900
    assert not _made(memo, lines[0])  # now the most recently used
    assert _made(memo, lines[3])  # drops lines[1], the least recently used
    assert memo.characters == 900
    assert [_made(memo, line) for line in (lines[0], lines[2], lines[1])] == [False, False, True]
    assert len(memo) == 3


def test_a_line_too_long_for_the_memo_is_made_each_time() -> None:
    memo = LineMemo(characters=1_000)
    assert _made(memo, "长" * 500)  # 100 + 500 + 500 characters
    assert _made(memo, "长" * 500)
    assert len(memo) == 0


def test_the_memo_is_sized_or_turned_off_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ZHCLEAN_LINE_MEMO_CHARACTERS", raising=False)
    assert _characters() == MOST_CHARACTERS
    monkeypatch.setenv("ZHCLEAN_LINE_MEMO_CHARACTERS", "20000")
    assert _characters() == 20_000
    monkeypatch.setenv("ZHCLEAN_LINE_MEMO_CHARACTERS", "0")
    off = LineMemo(_characters())
    assert [_made(off, "同一行") for _ in range(2)] == [True, True]
    asked: list[list[tuple[str, str, str]]] = []
    keys = [("同一行", "hans", "package")] * 2

    def make(keys: list[tuple[str, str, str]]) -> list[tuple[Cleaned, ...]]:
        asked.append(keys)
        return [(frozen(key[0], Counter(), []),) for key in keys]

    assert len(off.get_or_make_all(keys, make)) == 2
    assert asked == [keys]  # every line made, as often as it comes
    on = LineMemo()
    assert len(on.get_or_make_all(keys, make)) == 2
    assert asked[1:] == [keys[:1]]  # each line made once
    monkeypatch.setenv("ZHCLEAN_LINE_MEMO_CHARACTERS", "8M")
    with pytest.warns(UserWarning, match="not a whole number"):
        assert _characters() == MOST_CHARACTERS


def test_a_per_line_answer_is_kept_while_the_memo_is_on() -> None:
    from zhclean.line_memo import PER_LINE_LONGEST, memo, per_line

    asked: list[str] = []

    @per_line
    def width(line: str) -> int:
        asked.append(line)
        return len(line)

    long = "长" * (PER_LINE_LONGEST + 1)
    assert [width("一、总体要求"), width("一、总体要求"), width(long), width(long)] == [
        6,
        6,
        501,
        501,
    ]
    assert asked == ["一、总体要求", long, long]  # a long line is not kept
    with memo.off():
        assert width("一、总体要求") == 6
    assert asked[-1] == "一、总体要求"  # asked again: the memo was off
    memo.clear()  # forgets the per-line answers too
    assert width("一、总体要求") == 6
    assert asked == ["一、总体要求", long, long, "一、总体要求", "一、总体要求"]


def test_per_line_answers_are_the_answers() -> None:
    # every line of the seeds, asked twice with the memo on (the second answer kept) and
    # once with it off: the same answers
    from conftest import RAW

    from zhclean.decode import decode
    from zhclean.line_memo import memo
    from zhclean.repair.wraps import _size
    from zhclean.structure.documents import _boilerplate_kind
    from zhclean.structure.sections import _opening_style, numbered_shape, numbering

    lines = [
        line
        for path in sorted(RAW.iterdir())
        for line in clean_lines(decode(path.read_bytes()).text, "hans")
    ]
    assert len(lines) > 150
    asked = (_size, _boilerplate_kind, _opening_style, numbered_shape, numbering)
    for line in lines:
        kept = [[f(line.text) for f in asked] for _ in range(2)]
        with memo.off():
            assert kept == [[f(line.text) for f in asked]] * 2, line.text
    found = {f.__name__: sum(f(line.text) is not None for line in lines) for f in asked[1:]}
    assert all(found.values()), found  # each answers something other than None somewhere
