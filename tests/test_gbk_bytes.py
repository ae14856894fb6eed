"""GBK byte-pair damage: (damaged, expected, uncertain characters) tables."""

from __future__ import annotations

from collections import Counter

import pytest

from zhclean.repair.gbk_bytes import fix_gbk_pairs

# From the seeds, worked out on the bytes (GBK):
#   誤 D5 60: 塢 = 84|D5 straddles 談|誤 and was annotated; 60 survives as `.
#   部 B2 BF 內 83 C8 全 C8 AB: 績 = BF|83 annotated (jī), then 內 itself (nèi).
#   們 82 83 扎 D4 FA 扎 D4 FA 實 8C 8D: 冊 = 83|D4 annotated (cè); read one byte off,
#     FA|D4 maps to nothing and was dropped: one 扎 survives only by likelihood.
#   變 D7 83 為 9E E9 帶 8E A7 動 84 D3: 優 = 83|9E annotated (yōu); A7|84 dropped.
#   。A1 A3 看 BF B4: the ？ pair A3|BF replaced by `?`; 經 BD 9B annotated (jīng).
SEEDS = [
    ("空談?wù)`國(guó),實(shí)干興邦", "空談誤國(guó),實(shí)干興邦", []),
    ("組織部?jī)?nèi)全體同志", "組織部內全體同志", []),
    ("需要我們?cè)鷮?shí)實(shí)地去做", "需要我們扎扎實實(shí)地去做", ["扎扎實"]),
    ("作風(fēng)轉(zhuǎn)變?yōu)閹?dòng),要求", "作風(fēng)轉(zhuǎn)變為帶動,要求", ["帶動"]),
    (
        "分析新矛盾,解決新問題??匆豢匆呀?jīng)出臺的一些政策",
        "分析新矛盾,解決新問題。看一看已經出臺的一些政策",
        ["。", "經"],
    ),
    ("?wù)`國", "誤國", []),  # no byte before it: the trail byte and pinyin still tell
]


@pytest.mark.parametrize(("damaged", "expected", "uncertain"), SEEDS)
def test_seed_damage(damaged: str, expected: str, uncertain: list[str]) -> None:
    text, _counts, spans = fix_gbk_pairs(damaged)
    assert text == expected
    assert [text[a:b] for a, b in spans] == uncertain


def test_counts_by_kind() -> None:
    _, counts, _ = fix_gbk_pairs("我們?cè)鷮?shí)實(shí)地。解決新問題??匆豢匆呀?jīng)出臺")
    assert counts == {"gbk_annotation_in_pair": 3, "gbk_dropped_pair": 1, "gbk_lost_lead_byte": 1}


CLEAN = [
    "这是为什么?我们要想一想。",
    "抓好组织工作?选干部、配班子",
    "真的吗?!太好了",
    "是上海?!太好了",  # a real `?!` after 海 (A3 ends 海 too): no 。 made up
    "他在上海?總體來看還好",
    "是吗??不是",
    "价格?:100元",
    "詳見http://www.gov.cn/a.htm?x=1&y=(2)",
    "優(yōu)化發(fā)展環(huán)境",  # intact annotations are the pinyin fix's job
    "What? (yes) no?",
    "問題?(一)答案",
    "",
]


# From the benchmark (class 3), exact strings:
#   上 C9 CF 。 A1 A3 總 BF 82: A3 BF (？) replaced by `?`; the lost lead byte is 。's
#     (A1) or 海's (BA): the word model alone likes 上海, a sentence end wins.
#   ，A3 AC 寸 B4 E7 and 所 CB F9 長 E9 4C: AC|B4 and F9|E9 map to nothing and were
#     dropped; 寸 is only likelier than 如 once 所長 is put back after it.
BENCH = [
    (
        "亮點在“新”上??傮w來看，全市組工幹部隊伍作風比較紮實",
        "亮點在“新”上。總體來看，全市組工幹部隊伍作風比較紮實",
        ["。"],
    ),
    (
        "做到三個保證：一是時間保證?!俺哂兴蹋缬兴L”。",
        "做到三個保證：一是時間保證。“尺有所短，寸有所長”。",
        ["。", "所短，寸", "所長"],
    ),
]


@pytest.mark.parametrize(("damaged", "expected", "uncertain"), BENCH)
def test_bench_damage(damaged: str, expected: str, uncertain: list[str]) -> None:
    text, _counts, spans = fix_gbk_pairs(damaged)
    assert text == expected
    assert [text[a:b] for a, b in spans] == uncertain


@pytest.mark.parametrize("text", CLEAN)
def test_correct_text_is_unchanged(text: str) -> None:
    assert fix_gbk_pairs(text) == (text, {}, [])


def test_break_in_the_stream_is_respected() -> None:
    # 😀 has no GBK bytes: a stretch cannot cross it (the site after it still mends).
    assert fix_gbk_pairs("😀?wù)`國")[0] == "😀誤國"
    assert fix_gbk_pairs("?wù)😀")[0] == "?wù)😀"


def test_a_line_full_of_question_marks_is_not_searched_for_lost_bytes() -> None:
    """Big5 text with every tenth byte a `?` (found by the fuzzer: seconds a line)."""
    noise = "組織?部門?幹部?工作?會議?報告?學習?精神?落實?任務?" * 3
    assert fix_gbk_pairs(noise) == (noise, Counter(), [])
    annotated = noise + "空談?wù)`國"  # an annotation site is still repaired
    assert fix_gbk_pairs(annotated)[0] == noise + "空談誤國"


# Misaligned to the end of the line, whose last byte (B1 of `”`) is read on its own as
# `?`: filled as A1 B1 `”` or A1 B0 `“`, which the word model scores alike after `。`.
# Dropped pairs that are words only with their neighbours: 组织部门 read one byte off
# drops 织部 (AF B2), and 织？ (？ = A3 BF) was the likeliest two characters on their own.
LINE_ENDS_AND_WORDS = [
    (
        "大家都说?!罢饧虑槲颐且欢ㄒ龊谩！?",  # the line ends with `”`, not `“`
        "大家都说。“这件事情我们一定要做好。”",
        ["。", "件事", "要做", "”"],
    ),
    ("问题很多??醋橹棵旁趺窗?", "问题很多。看组织部门怎么办", ["。", "织部", "办"]),
    ("工作很好??蠢醋橹棵藕苤厥?", "工作很好。看来组织部门很重视", ["。", "织部", "视"]),
]


@pytest.mark.parametrize(("damaged", "expected", "uncertain"), LINE_ENDS_AND_WORDS)
def test_line_ends_and_words_across_a_dropped_pair(
    damaged: str, expected: str, uncertain: list[str]
) -> None:
    text, _counts, spans = fix_gbk_pairs(damaged)
    assert text == expected
    assert [text[a:b] for a, b in spans] == uncertain


def test_question_marks_ending_a_line_are_left_alone() -> None:
    """`。”` at the end misaligned also reads `?!?`, but so may a real question."""
    assert fix_gbk_pairs("真的吗?!?") == ("真的吗?!?", Counter(), [])


# Built as the benchmark damages text (bench/damage.py `misaligned`): 。基 = A1 A3 BB F9,
# A3 BB (；) replaced by `;`; read one byte off, F9 D3 (基's trail, 于's lead) maps to
# nothing and was dropped. The word model prices `悔此` (悔 = BB DA: 基 and 于 read as
# one) above `基于此`; the word-shape model (where each character stands in a word) does not.
# 。” = A1 A3 A1 B1, A3 A1 (！) replaced by `!`: the last byte B1 is read alone as `?`
# after the mark, and is the closing quote's inside an open quote.
SHAPE_AND_QUOTE_END = [
    ("工作很好?;诖耍揖醯檬紫纫骋凰枷?", "工作很好。基于此，我觉得首先要统一思想"),
    ("大家都很努力?;诖耍颐且岣呷鲜?", "大家都很努力。基于此，我们要提高认识"),
    ("他说：“我们要争取做得更好?!?", "他说：“我们要争取做得更好。”"),
]


@pytest.mark.parametrize(("damaged", "expected"), SHAPE_AND_QUOTE_END)
def test_word_shape_and_a_closing_quote_after_the_mark(damaged: str, expected: str) -> None:
    assert fix_gbk_pairs(damaged)[0] == expected
