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


# Read one byte off, 给我 (B8 F8 CE D2) drops F8 CE and reads B8 D2, 敢, in its place:
# the word model takes `两句话敢印象` (one character fits the bytes with no pair
# dropped), the trigram model `两句话给我印象`. Traditional text in GBK, `一書中` (D2 BB
# 95 F8 D6 D0), came out `一會有`, and `意见不一，就对` came out `意见一一，和对`. Only
# the second search, with the trigram model's evidence where dropped pairs are judged,
# finds the right reading, and judged whole it wins.
TWO_SEARCHES = [
    (
        "干部画“准”?!秷绦兄卦诘轿弧芬粫杏袃删湓捊o我印象特別深刻：“執行不到位等於不執行，執行不到位不如不執行”。",
        "干部画“准”。《執行重在到位》一書中有兩句話給我印象特別深刻：“執行不到位等於不執行，執行不到位不如不執行”。",
    ),
    (
        "团结出形象，和谐出干部。要分工不分家。要牢固树立“一盘棋”思想，既对自己的工作敢于负责，又对其他工作支持配合，不能“各吹各的号，各唱各的调”。特别是对于中心工作，突发事情，要主动参与，积极配合，不能一推了之。要补台不拆台。由于个人阅历不同、看问题角度不同，对工作有不同意见、不同看法，这很正?!５巧偈ノ桓霰鹜疽蛭饧灰唬投酝居锌捶ā⒂懈艉遥踔粱ゲ宦蛘耍澈笙嗷ブ冈穑夂懿缓谩?",
        "团结出形象，和谐出干部。要分工不分家。要牢固树立“一盘棋”思想，既对自己的工作敢于负责，又对其他工作支持配合，不能“各吹各的号，各唱各的调”。特别是对于中心工作，突发事情，要主动参与，积极配合，不能一推了之。要补台不拆台。由于个人阅历不同、看问题角度不同，对工作有不同意见、不同看法，这很正常。但是少数单位个别同志因为意见不一，就对同志有看法、有隔阂，甚至互不买账，背后相互指责，这很不好。",
    ),
    (
        "干部画“准”?!吨葱兄卦诘轿弧芬皇橹杏辛骄浠案矣∠筇乇鹕羁蹋骸爸葱胁坏轿坏扔诓恢葱校葱胁坏轿徊蝗绮恢葱小薄?",
        "干部画“准”。《执行重在到位》一书中有两句话给我印象特别深刻：“执行不到位等于不执行，执行不到位不如不执行”。",
    ),
]


@pytest.mark.parametrize(("damaged", "expected"), TWO_SEARCHES)
def test_a_second_search_hears_the_characters_around(damaged: str, expected: str) -> None:
    assert fix_gbk_pairs(damaged)[0] == expected
