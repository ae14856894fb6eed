"""split_sentences: sentence ends, closers, numbers, headings and section bodies."""

from __future__ import annotations

import pytest

from zhclean.line_memo import memo
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.char_start : s.char_end] for s in split_sentences(text, find_sections(text))]


def located(text: str) -> list[tuple[int, str]]:
    """(section_index, sentence text) of each sentence."""
    return [
        (s.section_index, text[s.char_start : s.char_end])
        for s in split_sentences(text, find_sections(text))
    ]


SENTENCE_CASES: list[tuple[str, str, list[str]]] = [
    ("terminators", "我们开会。大家发言！有问题吗？", ["我们开会。", "大家发言！", "有问题吗？"]),
    (
        "comma_semicolon_colon_do_not_end",
        "一是学习；二是工作，三是生活：都要抓。",
        ["一是学习；二是工作，三是生活：都要抓。"],
    ),
    ("salutation_alone_on_a_line", "同志们：\n今天开会。", ["同志们：", "今天开会。"]),
    ("salutation_with_exclamation", "同志们！\n今天开会。", ["同志们！", "今天开会。"]),
    (
        "closing_quote_after_full_stop",
        "毛主席说过：“读书是学习，使用也是学习。”大家要把学习当作提升自我的过程。",
        ["毛主席说过：“读书是学习，使用也是学习。”", "大家要把学习当作提升自我的过程。"],
    ),
    (
        "question_inside_quotes",
        "他说：“真的吗？”然后走了。",
        ["他说：“真的吗？”", "然后走了。"],
    ),
    (
        "full_stop_after_closing_quote",
        "“学而不思则罔，思而不学则殆”。要多动笔。",
        ["“学而不思则罔，思而不学则殆”。", "要多动笔。"],
    ),
    (
        "question_quote_full_stop_stay_together",
        "他问：“为什么？”。我答不上来。",
        ["他问：“为什么？”。", "我答不上来。"],
    ),
    ("ellipsis", "读书、看报、写字……都要坚持。", ["读书、看报、写字……", "都要坚持。"]),
    ("ellipsis_with_quote", "他说：“再等等……”大家都笑了。", ["他说：“再等等……”", "大家都笑了。"]),
    ("ellipsis_then_full_stop", "等等……。下一句。", ["等等……。", "下一句。"]),
    (
        "multiple_terminators",
        "真的吗？！太好了！！对。。还有吗！？",
        ["真的吗？！", "太好了！！", "对。。", "还有吗！？"],
    ),
    ("decimal_ascii_dot", "投入1.8亿元。增长3.5%。", ["投入1.8亿元。", "增长3.5%。"]),
    ("decimal_full_stop_between_digits", "投入1。8亿元，用于建设。", ["投入1。8亿元，用于建设。"]),
    (
        "full_stop_before_a_year_ends_the_sentence",
        "全年完成100。2013年计划更多。",
        ["全年完成100。", "2013年计划更多。"],
    ),
    ("decimal_fullwidth_dot", "投入1．8亿元，用于建设。", ["投入1．8亿元，用于建设。"]),
    ("full_stop_after_digit", "共有3。下一句。", ["共有3。", "下一句。"]),
    (
        "latin_abbreviations",
        "借鉴U.S.和E.U.的经验，e.g.人才政策。其他etc.也要学。",
        ["借鉴U.S.和E.U.的经验，e.g.人才政策。", "其他etc.也要学。"],
    ),
    (
        "ascii_question_and_exclamation_do_not_end",
        "访问Yahoo!网站了吗?没有。",
        ["访问Yahoo!网站了吗?没有。"],
    ),
    (
        "bracket_closers",
        "（作者系某某。）下文。【注意！】再下文。〔完。〕(见附件。)尾。",
        ["（作者系某某。）", "下文。", "【注意！】", "再下文。", "〔完。〕", "(见附件。)", "尾。"],
    ),
    (
        "corner_quote_closers",
        "他说：「好的。」她说：『可以！』又说：‘行。’完。",
        ["他说：「好的。」", "她说：『可以！』", "又说：‘行。’", "完。"],
    ),
    ("book_title_mark_is_not_a_closer", "他写了《学习？》一文。", ["他写了《学习？", "》一文。"]),
    (
        "end_of_line_ends_a_sentence",
        "第一行没有句号\n第二行以逗号结尾，\n第三行。",
        ["第一行没有句号", "第二行以逗号结尾，", "第三行。"],
    ),
    (
        "whitespace_is_trimmed",
        "  开头有空格。 \u3000下一句。  \n\u3000第二行",
        ["开头有空格。", "下一句。", "第二行"],
    ),
    (
        "enumerations_inside_a_paragraph",
        "做到三个保证：一是时间保证。二是内容保证；三是效果保证。",
        ["做到三个保证：一是时间保证。", "二是内容保证；三是效果保证。"],
    ),
    (
        "enumeration_paragraphs_are_body",
        "一是不安心基层想进城。有的是由于家庭原因。\n二是不安心位子想换岗。",
        ["一是不安心基层想进城。", "有的是由于家庭原因。", "二是不安心位子想换岗。"],
    ),
    ("empty_text", "", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentence_texts(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected  # line by line, lines seen before from the memo
    with memo.off():  # a section's body searched at once
        assert sentences(text) == expected


def test_headings_belong_to_no_sentence() -> None:
    lines = ["开场白。", "一、加强学习", "学习很重要。要坚持。", "1、人员变化快。", "正文。"]
    text = "\n".join([*lines, "二、改进作风", "作风很重要。"])
    assert located(text) == [
        (0, "开场白。"),
        (1, "学习很重要。"),
        (1, "要坚持。"),
        (2, "正文。"),
        (3, "作风很重要。"),
    ]


def test_indexes_and_offsets() -> None:
    text = "同志们：\n一、学习\n正文一。正文二！"
    result = split_sentences(text, find_sections(text))
    assert [(s.index, s.section_index, s.char_start, s.char_end) for s in result] == [
        (0, 0, 0, 4),
        (1, 1, 10, 14),
        (2, 1, 14, 18),
    ]


def test_heading_only_document_has_no_sentences_in_heading() -> None:
    text = "一、学习\n（一）读书\n正文。"
    assert located(text) == [(1, "正文。")]


# ---------------------------------------------------------------- seed excerpts (Simplified)

SEED_003_PART_1 = "\n".join(
    [
        "同志们：",
        "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会，更是一次转变作风的集训。下面，我讲三点意见：",
        "一、办班为什么",
        "在各项工作任务十分繁重的情况下，为什么专门拿出X天时间，举办组工干部培训班，主要是基于下面几点考虑：",
        "1、人员变化快。",
        "我们对镇（办园场）组工干部作了一个初略统计：有近X%的组织委员任职时间只有X—X年。这客观地反映了基层组工干部队伍不稳定。",
        "2、工作标准高。",
        "怎样抓好组织工作？选干部、配班子是一个重要方面。这两条标准很高！",
        "三是运用。毛主席说过：“读书是学习，使用也是学习，而且是更重要的学习。”大家要把学习的过程当作提升自我的过程。",
    ]
)

SEED_004 = "\n".join(
    [
        "组织部门是“党员之家、干部之家、人才之家”。我们作了一些有益的探索，也取得了一定的成效。",
        "打造组织部门公道正派形象，让“家风门风”更正",
        "“家风正则贤才出，门风好则儿女善”。组织部门的“家风门风”，核心就是公道正派。",
        "一是四项教育突出公道正派。坚持开展理想信念、职业道德、廉政警示和心理健康教育。",
        "提高机关干部能力素养，让“家庭成员”更棒",
        "“工欲善其事，必先利其器”。近年来，我们坚持狠抓组工干部能力建设不放松。",
    ]
)


def test_seed_003_part_1() -> None:
    assert located(SEED_003_PART_1) == [
        (0, "同志们："),
        (
            0,
            "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会，更是一次转变作风的集训。",
        ),
        (0, "下面，我讲三点意见："),
        (
            1,
            "在各项工作任务十分繁重的情况下，为什么专门拿出X天时间，举办组工干部培训班，主要是基于下面几点考虑：",
        ),
        (2, "我们对镇（办园场）组工干部作了一个初略统计：有近X%的组织委员任职时间只有X—X年。"),
        (2, "这客观地反映了基层组工干部队伍不稳定。"),
        (3, "怎样抓好组织工作？"),
        (3, "选干部、配班子是一个重要方面。"),
        (3, "这两条标准很高！"),
        (3, "三是运用。"),
        (3, "毛主席说过：“读书是学习，使用也是学习，而且是更重要的学习。”"),
        (3, "大家要把学习的过程当作提升自我的过程。"),
    ]


def test_seed_004() -> None:
    assert located(SEED_004) == [
        (0, "组织部门是“党员之家、干部之家、人才之家”。"),
        (0, "我们作了一些有益的探索，也取得了一定的成效。"),
        (1, "“家风正则贤才出，门风好则儿女善”。"),
        (1, "组织部门的“家风门风”，核心就是公道正派。"),
        (1, "一是四项教育突出公道正派。"),
        (1, "坚持开展理想信念、职业道德、廉政警示和心理健康教育。"),
        (2, "“工欲善其事，必先利其器”。"),
        (2, "近年来，我们坚持狠抓组工干部能力建设不放松。"),
    ]


# ---------------------------------------------------------------- scale
# (the invariants over generated documents: tests/test_structure_properties.py)


def test_large_document() -> None:
    line = "组织工作要创新，必须解放思想。增长1.8亿元！“真的吗？”他问……"
    text = "\n".join(["一、加强学习", line * 20, "（一）读书", line] * 5000)
    result = split_sentences(text, find_sections(text))
    assert len(result) == 5000 * 21 * 4


@pytest.mark.parametrize(
    "text",
    [
        "完成100。\n2013年启动。",  # a line's last 。 after digits, a year on the next line
        "增长1。8亿元\n。2013年",  # a line opening with 。 after a digit on the line before
        "标题\n\u3000\u3000第一句。  第二句！”\n9。5万人。2013年底",
        "一、总体要求\n坚持学习。工作……\n二、主要任务\n（一）抓落实？！对。",
        "一、总体要求\n增长1。8亿元。完成100。\n二、主要任务\n2013年启动。增长3。5倍",
        "一、总体要求\n增长1。\n8亿元\n\n二、主要任务\n\u3000完成。 \n。",
    ],
)
def test_kept_line_spans_are_the_spans_in_the_text(text: str) -> None:
    # a line's sentences are taken from the per-line memo when it was seen before: the
    # same spans as found in the whole body, the memo on (asked twice) or off
    sections = find_sections(text)
    with memo.off():
        fresh = split_sentences(text, sections)
    assert split_sentences(text, sections) == fresh
    assert split_sentences(text, sections) == fresh
    assert [text[s.char_start : s.char_end] for s in fresh]  # something was split
