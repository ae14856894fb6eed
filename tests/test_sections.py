"""find_sections: headings, levels, parents and the tiling of a document's text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from strategies import HAN, documents

from zhclean.structure.sections import find_sections

Row = tuple[str | None, int, int | None]  # (heading, level, parent_index)

OPENING: Row = (None, 0, None)
BODY = "这是正文段落，内容比标题长得多，并且以句号结束。"


def rows(text: str) -> list[Row]:
    return [(s.heading, s.level, s.parent_index) for s in find_sections(text)]


def doc(*lines: str) -> str:
    return "\n".join(lines)


# ---------------------------------------------------------------- heading styles

STYLE_CASES: list[tuple[str, str, list[Row]]] = [
    (
        "cn_enum",
        doc("一、加强学习", BODY, "二、改进作风", BODY),
        [("一、加强学习", 1, None), ("二、改进作风", 1, None)],
    ),
    (
        "cn_enum_fullwidth_dot",
        doc("一．加强学习", BODY, "二．改进作风", BODY),
        [("一．加强学习", 1, None), ("二．改进作风", 1, None)],
    ),
    (
        "cn_paren_alone_is_level_1",
        doc("（一）加强学习", BODY, "（二）改进作风", BODY),
        [("（一）加强学习", 1, None), ("（二）改进作风", 1, None)],
    ),
    (
        "arabic_dunhao",
        doc("1、加强学习", BODY, "2、改进作风", BODY),
        [("1、加强学习", 1, None), ("2、改进作风", 1, None)],
    ),
    (
        "arabic_dot",
        doc("1.加强学习", BODY, "2.改进作风", BODY),
        [("1.加强学习", 1, None), ("2.改进作风", 1, None)],
    ),
    (
        "arabic_fullwidth_dot",
        doc("1．加强学习", BODY, "2．改进作风", BODY),
        [("1．加强学习", 1, None), ("2．改进作风", 1, None)],
    ),
    (
        "arabic_paren_fullwidth_and_ascii",
        doc("（1）加强学习", BODY, "(2)改进作风", BODY),
        [("（1）加强学习", 1, None), ("(2)改进作风", 1, None)],
    ),
    (
        "ordinal_comma",
        doc("第一，把事业当家业", BODY, "第二，凭业绩用干部", BODY),
        [("第一，把事业当家业", 1, None), ("第二，凭业绩用干部", 1, None)],
    ),
    (
        "ordinal_dunhao",
        doc("第一、把事业当家业", BODY, "第二、凭业绩用干部", BODY),
        [("第一、把事业当家业", 1, None), ("第二、凭业绩用干部", 1, None)],
    ),
    (
        "part_above_cn_enum",
        doc("第一部分 总体要求", BODY, "一、指导思想", BODY, "第二部分 主要任务", BODY),
        [
            ("第一部分 总体要求", 1, None),
            ("一、指导思想", 2, 0),
            ("第二部分 主要任务", 1, None),
        ],
    ),
    (
        "chapter",
        doc("第一章 总则", BODY, "第二章 组织", BODY),
        [("第一章 总则", 1, None), ("第二章 组织", 1, None)],
    ),
    (
        "sentence_ordinal_long_with_full_stop",
        doc(
            "第一句话：正确认识加强组工干部业务精通能力的必要性，从思想上解决“要不要”的问题。",
            BODY,
        ),
        [
            (
                "第一句话：正确认识加强组工干部业务精通能力的必要性，从思想上解决“要不要”的问题。",
                1,
                None,
            )
        ],
    ),
    (
        "short_numbered_line_with_final_full_stop",
        doc("1、人员变化快。", BODY, "2、工作标准高。", BODY),
        [("1、人员变化快。", 1, None), ("2、工作标准高。", 1, None)],
    ),
    (
        "short_numbered_line_with_final_question_mark",
        doc("一、办班为什么？", BODY),
        [("一、办班为什么？", 1, None)],
    ),
    (
        "short_numbered_line_with_final_colon",
        doc("一、存在的主要问题：", BODY),
        [("一、存在的主要问题：", 1, None)],
    ),
    (
        "circled",
        doc("①加强学习", BODY, "②改进作风", BODY),
        [("①加强学习", 1, None), ("②改进作风", 1, None)],
    ),
    (
        "unnumbered_short_lines",
        doc(
            "组织部门是党员之家。",
            "打造公道正派形象，让家风门风更正",
            "一是四项教育突出公道正派。坚持开展理想信念教育。",
            "提高机关干部能力素养，让家庭成员更棒",
            "一是在学习中提高能力。开设组工讲坛活动。",
        ),
        [
            OPENING,
            ("打造公道正派形象，让家风门风更正", 1, None),
            ("提高机关干部能力素养，让家庭成员更棒", 1, None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in STYLE_CASES], ids=[c[0] for c in STYLE_CASES]
)
def test_heading_styles(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- levels and parents

LEVEL_CASES: list[tuple[str, str, list[Row]]] = [
    (
        "a_reports_headings_written_as_sentences_beside_a_proper_one",
        doc(
            "一、坚持理论武装，政治素质不断提升。",
            BODY,
            "二、严守纪律规矩，廉洁自律意识不断增强。",
            BODY,
            "三、存在的问题和下步打算",
            BODY,
        ),
        [
            ("一、坚持理论武装，政治素质不断提升。", 1, None),
            ("二、严守纪律规矩，廉洁自律意识不断增强。", 1, None),
            ("三、存在的问题和下步打算", 1, None),
        ],
    ),
    (
        "a_directive_sentence_is_an_item",
        doc("（一）各单位要高度重视，认真组织实施，确保取得实效。", BODY, "（二）工作要求", BODY),
        [(None, 0, None), ("（二）工作要求", 1, None)],
    ),
    (
        "sentences_with_no_proper_sibling_are_items",
        doc(
            "一、坚持理论武装，政治素质不断提升。",
            BODY,
            "二、严守纪律规矩，廉洁自律意识不断增强。",
            BODY,
        ),
        [(None, 0, None)],
    ),
    (
        "decimal_numbers_under_arabic",
        doc("1.项目概况", "1.1 项目名称", BODY, "1.2 资金来源", BODY, "2.资格要求", BODY),
        [
            ("1.项目概况", 1, None),
            ("1.1 项目名称", 2, 0),
            ("1.2 资金来源", 2, 0),
            ("2.资格要求", 1, None),
        ],
    ),
    (
        "numbers_in_data_rows_are_no_decimal_headings",
        doc("2.3 万户 农户", BODY, "1.5 2.3 增长", BODY),
        [(None, 0, None)],
    ),
    (
        "a_year_after_the_number",
        doc("1.2022年主要指标完成情况", BODY, "2.重点项目推进情况", BODY),
        [("1.2022年主要指标完成情况", 1, None), ("2.重点项目推进情况", 1, None)],
    ),
    (
        "regulation_chapters_and_their_sections",
        doc(
            "第一章 总则",
            "第一条 为了规范物业管理活动，制定本条例。",
            "第二章 业主及业主组织",
            "第一节 业主",
            "第二条 房屋的所有权人为业主。",
            "第二节 业主大会",
            "第三条 业主大会由全体业主组成。",
            "第三章 物业服务",
            "第四条 物业服务企业应当按照合同提供服务。",
        ),
        [
            ("第一章 总则", 1, None),
            ("第二章 业主及业主组织", 1, None),
            ("第一节 业主", 2, 1),
            ("第二节 业主大会", 2, 1),
            ("第三章 物业服务", 1, None),
        ],
    ),
    (
        "cn_paren_and_arabic_dot",
        doc("（一）加强学习", "1.读书", BODY, "2.思考", BODY, "（二）改进作风", BODY),
        [
            ("（一）加强学习", 1, None),
            ("1.读书", 2, 0),
            ("2.思考", 2, 0),
            ("（二）改进作风", 1, None),
        ],
    ),
    (
        "four_ranks_and_back_up",
        doc(
            "开场白说明来意。",
            "一、总体要求",
            "（一）指导思想",
            "1、坚持党的领导",
            "（1）统一思想",
            BODY,
            "（2）统一行动",
            BODY,
            "2、坚持从严治党",
            BODY,
            "（二）基本原则",
            BODY,
            "二、主要任务",
            BODY,
        ),
        [
            OPENING,
            ("一、总体要求", 1, None),
            ("（一）指导思想", 2, 1),
            ("1、坚持党的领导", 3, 2),
            ("（1）统一思想", 4, 3),
            ("（2）统一行动", 4, 3),
            ("2、坚持从严治党", 3, 2),
            ("（二）基本原则", 2, 1),
            ("二、主要任务", 1, None),
        ],
    ),
    (
        "rank_skips_unused_styles",
        doc("一、总体要求", "1、坚持党的领导", BODY, "二、主要任务", BODY),
        [("一、总体要求", 1, None), ("1、坚持党的领导", 2, 0), ("二、主要任务", 1, None)],
    ),
    (
        "ordinal_above_arabic",
        doc(
            "第一，把事业当家业", BODY, "1、契而不舍的奋斗精神。", BODY, "第二，凭业绩用干部", BODY
        ),
        [
            ("第一，把事业当家业", 1, None),
            ("1、契而不舍的奋斗精神。", 2, 0),
            ("第二，凭业绩用干部", 1, None),
        ],
    ),
    (
        "unnumbered_first_ranks_above_numbered",
        doc(
            "开场白说明来意。",
            "打造公道正派形象",
            "（一）四项教育突出公道正派",
            BODY,
            "提高机关干部能力素养",
            BODY,
        ),
        [
            OPENING,
            ("打造公道正派形象", 1, None),
            ("（一）四项教育突出公道正派", 2, 1),
            ("提高机关干部能力素养", 1, None),
        ],
    ),
    (
        "list_before_headings_takes_no_level",
        doc(
            "要做到以下三点：",
            "1、政治坚定；",
            "2、业务精通；",
            "3、作风过硬。",
            "一、加强学习",
            BODY,
        ),
        [OPENING, ("一、加强学习", 1, None)],
    ),
    (
        "arabic_paren_under_arabic_dot",
        doc(
            "一、总体要求",
            BODY,
            "（一）指导思想",
            BODY,
            "1.坚持党的领导",
            BODY,
            "（1）统一思想",
            BODY,
            "（2）统一行动",
            BODY,
            "2.坚持从严治党",
            BODY,
        ),
        [
            ("一、总体要求", 1, None),
            ("（一）指导思想", 2, 0),
            ("1.坚持党的领导", 3, 1),
            ("（1）统一思想", 4, 2),
            ("（2）统一行动", 4, 2),
            ("2.坚持从严治党", 3, 1),
        ],
    ),
    (
        "unnumbered_under_cn_enum",
        doc("一、总体要求", BODY, "加强党的领导", BODY, "强化组织保障", BODY, "二、主要任务", BODY),
        [
            ("一、总体要求", 1, None),
            ("加强党的领导", 2, 0),
            ("强化组织保障", 2, 0),
            ("二、主要任务", 1, None),
        ],
    ),
    (
        "ordinal_phrase_point_and_aspect",
        doc("第一点，提高认识", BODY, "第二个方面：加强领导", BODY),
        [("第一点，提高认识", 1, None), ("第二个方面：加强领导", 1, None)],
    ),
    (
        "heading_after_colon_with_body_under_it",  # 003: 我认为，首先要提高三种能力：
        doc(
            "一、目标是什么",
            "首先要提高三种能力：",
            "1、提高学习能力。",
            BODY,
            "2、提高业务能力。",
            BODY,
        ),
        [("一、目标是什么", 1, None), ("1、提高学习能力。", 2, 0), ("2、提高业务能力。", 2, 0)],
    ),
    (
        "lower_rank_before_any_higher_has_no_parent",
        doc("（1）先说一点", BODY, "一、总体要求", BODY, "（1）统一思想", BODY),
        [("（1）先说一点", 2, None), ("一、总体要求", 1, None), ("（1）统一思想", 2, 1)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LEVEL_CASES], ids=[c[0] for c in LEVEL_CASES]
)
def test_levels_and_parents(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- not headings

NOT_HEADING_CASES: list[tuple[str, str, list[Row]]] = [
    (
        "paragraphs_opening_with_yi_shi",
        doc("一是及时总结成功之处。把经验记录下来。", "二是认真汲取失误教训。加以调整改进。"),
        [OPENING],
    ),
    (
        "short_lines_opening_with_yi_yao",
        doc("一要加强学习", BODY, "二要改进作风", BODY),
        [OPENING],
    ),
    (
        "long_yi_yao_line_ending_in_full_stop",
        doc(
            "在新的形势下，组工干部要养成四看的习惯。",
            "一要善于“回头看”，审视过去，从开门征求意见中直面问题，谋求对策。通过回头看总结经验。",
            "二要善于“抬头看”，环顾四周，在更大范围比较中确立目标，奋起直追。",
        ),
        [OPENING],
    ),
    (
        "list_items_after_colon",
        doc("要做到以下三点：", "1、政治坚定。", "2、业务精通。", "3、作风过硬。", BODY),
        [OPENING],
    ),
    (
        # the last item ends in 。 and has no neighbour of its own shape: still a list item
        "list_items_ending_in_semicolons_then_full_stop",
        doc("要做到以下三点：", "1、政治坚定；", "2、业务精通；", "3、作风过硬。", BODY),
        [OPENING],
    ),
    (
        "list_items_without_full_stop_after_colon",
        doc("主要任务是：", "一、加强学习", "二、改进作风", BODY),
        [OPENING],
    ),
    (
        "list_items_ending_in_semicolon",
        doc("具体要求如下：", "（一）政治坚定；", BODY),
        [OPENING],
    ),
    (
        "numbered_item_running_on_cn_paren",
        doc(
            "（一）各单位要高度重视，切实加强组织领导。",
            BODY,
            "（二）各部门要密切配合。形成工作合力。",
            BODY,
        ),
        [OPENING],
    ),
    (
        "numbered_item_running_on_arabic_dot",
        doc("1.实施人才引进计划。每年引进高层次人才一百名。", BODY),
        [OPENING],
    ),
    (
        "numbered_line_too_long",
        doc(
            "一、坚持以人民为中心的发展思想不断满足人民日益增长的美好生活需要切实做好新时代组织工作全面提升组织工作质量",
            BODY,
        ),
        [OPENING],
    ),
    (
        "ordinal_sentence_with_full_stop",
        doc("第一，我们要进一步统一思想，提高认识，切实增强做好工作的责任感。", BODY),
        [OPENING],
    ),
    (
        "question_and_answer",
        doc(
            "问：什么是组工干部的生命线？",
            "答：公道正派是组工干部的生命线。",
            "问：如何做到公道正派",
            BODY,
        ),
        [OPENING],
    ),
    (
        "decimal_is_not_a_numbering",
        doc("1.8亿元资金已经全部到位", BODY),
        [OPENING],
    ),
    (
        "numbered_last_line_has_no_body",
        doc(BODY, "一、加强学习"),
        [OPENING],
    ),
    (
        "single_unnumbered_short_line",
        doc("组织部门是党员之家。", "打造公道正派形象", BODY),
        [OPENING],
    ),
    (
        "salutations_and_closing_lines",
        doc("同志们：", BODY, "预祝本次培训班取得圆满成功！", "谢谢大家"),
        [OPENING],
    ),
    (
        "unnumbered_short_line_after_colon",
        doc("他说了两句话：", "做人要正派", BODY, "做事要认真", BODY),
        [OPENING],
    ),
    (
        # a list of attachments, its first item after the label
        "attachments_after_their_label",
        doc(BODY, "附件：1.述职报告模板", "2.述职评议测评表", BODY),
        [OPENING],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in NOT_HEADING_CASES],
    ids=[c[0] for c in NOT_HEADING_CASES],
)
def test_not_headings(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- spans


def test_empty_text_has_no_sections() -> None:
    assert find_sections("") == []


def test_no_headings_is_one_opening_section() -> None:
    text = doc("同志们：", BODY)
    [section] = find_sections(text)
    assert (section.index, section.char_start, section.char_end) == (0, 0, len(text))


def test_spans_of_opening_and_headed_sections() -> None:
    text = "开场白。\n一、学习\n正文一。\n（一）读书\n正文二。\n二、作风\n正文三。"
    spans = [(s.index, s.char_start, s.char_end) for s in find_sections(text)]
    assert spans == [(0, 0, 5), (1, 5, 15), (2, 15, 26), (3, 26, 35)]
    assert text[5:15] == "一、学习\n正文一。\n"
    assert text[26:35] == "二、作风\n正文三。"


def test_heading_at_start_has_no_opening_section() -> None:
    text = "一、学习\n正文一。\n二、作风\n正文二。"
    sections = find_sections(text)
    assert [(s.index, s.level, s.char_start, s.char_end) for s in sections] == [
        (0, 1, 0, 10),
        (1, 1, 10, 19),
    ]


# ---------------------------------------------------------------- seed excerpts (Simplified)

SEED_000 = doc(
    "新形势下的组织工作对组织部门提出了更高的要求与更为严峻的挑战，必须从制度建设入手，建立一套适应市场经济发展的基层组织运行机制。",
    "一、完善学习制度，使组织部成为学习型集体",
    "组织部门是党委抓党建工作的重要职能部门，组工干部是推进党的建设这个伟大工程的重要实施力量，“工欲善其事，必先利其器”。",
    "在这一理念指导下，绿园区委组织部将组织部门的学习与工作结合起来，一是学习与组织工作业务相关联的学科；二是针对今年我区组织部新招公务员较多的现状，采取了“1+1”的办法。三是多调研，勤练笔。",
    "二、建立创新机制，使组织部成为创新型部门",
    "创新是一个民族进步的灵魂，是一个国家兴旺发达的不竭的动力，也是一个政党永葆生机的源泉。",
    "三、创新工作制度，使组织部成为实干型团队",
    "空谈误国，实干兴邦。有人说，组织部门是务虚的部门，干了看不到成绩，不干也看不出问题。",
)

SEED_002 = doc(
    "在新的形势下，组工干部在日常工作中要养成“回头看”、“抬头看”、“低头看”、“向前看”的习惯，推进组织工作创新发展。",
    "一要善于“回头看”，审视过去，从开门征求意见中直面问题，谋求对策。通过回头看，一是及时总结自己的成功之处。",
    "二要善于“抬头看”，环顾四周，在更大范围比较中确立目标，奋起直追。抬头看是为了认清形势。",
    "三要善于“低头看”，脚往下走，在深入一线调研中问计于民，寻求良策。",
    "四要善于“向前看”，增添信心，在更好更快更强中创新发展，推进工作。",
)

SEED_003_PART_1 = doc(
    "同志们：",
    "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会，更是一次转变作风的集训。下面，我讲三点意见：",
    "一、办班为什么",
    "在各项工作任务十分繁重的情况下，为什么专门拿出X天时间，举办组工干部培训班，主要是基于下面几点考虑：",
    "1、人员变化快。",
    "我们对镇（办园场）组工干部作了一个初略统计：有近X%的组织委员任职时间只有X—X年。",
    "2、工作标准高。",
    "省委书记X在全省组织工作会议上强调，检验组织工作的实践标准有两条。这两条标准很高！",
    "3、个人想法多。",
    "今天我在组工干部培训班上讲，基层干部有“三想”：",
    "一是不安心基层想进城。有的是由于家庭、身体等原因需要进城，可以理解，也在情理之中。",
    "二是不安心位子想换岗。",
    "二、目标是什么",
    "提高执行力就是举办这期培训班的目标。如何提高执行力？我认为，首先要提高三种能力：",
    "1、提高学习能力。",
    "学习能力是基础能力。组工干部讲学习，",
    "一是方法。要多读书、读好书。",
    "三、培训看什么",
    "培训班既是提高能力的平台，也是检验作风的考场。",
    "1、看态度。",
    "态度决定一切。",
    "同志们，压力出干部，实践锻炼人。",
)

SEED_003_PART_2 = doc(
    "同志们：",
    "培训结业既是终点更是起点，我谈三点体会，与同志们共勉。",
    "第一，把事业当家业",
    "人，总是要有一点精神的。组工干部的主人翁精神体现在哪里？体现在三个方面。",
    "1、契而不舍的奋斗精神。",
    "组织工作任务重、要求高，双休不休息是常有的事。",
    "2、甘为人梯的奉献精神。",
    "甘为人梯是组工干部特有的职业精神，本质是一种奉献精神。",
    "第二，凭业绩用干部",
    "以成败论英雄，凭业绩用干部。一个干部的能力怎样？如何创造出色的业绩，主要看三点：",
    "1、工作怎么干。",
    "把握重点。组织工作千头万绪，怎么理清头绪，怎么分清主次，怎么把握重点？",
)

SEED_003_PART_3 = doc(
    "全市各级组织战线的同志们：",
    "全市举办的这次组工干部培训班，其目的就是要通过一段时间的集中学习和研讨，帮助大家发现问题、找到差距。",
    "第一句话：正确认识加强组工干部业务精通能力的必要性，从思想上解决“要不要”的问题。",
    "组织工作特有的工作性质、严谨的政策程序和刚性的组织原则，决定了我们必须讲业务、重业务、钻业务、比业务。",
    "基于此，我觉得首先在必要性这个问题上要和大家一起统一思想、提高认识。",
    "第二句话：准确把握组工干部业务精通的内在要求，从目标上理清“做什么”的问题。",
    "“精通”，现代汉语解释为“透彻理解并能熟练掌握”。",
    "“精”，即“精纯专一”，强调的是一种态度、一种精神；",
    "一是准确把握政策。在全面从严治党的大背景下，我们要改变传统观念。",
)

SEED_004 = doc(
    "组织部门是“党员之家、干部之家、人才之家”。我们围绕如何把组织部门营造得更有“家”的味道这个课题，作了一些有益的探索。",
    "打造组织部门公道正派形象，让“家风门风”更正",
    "“家风正则贤才出，门风好则儿女善”。组织部门的“家风门风”，核心就是公道正派。",
    "一是四项教育突出公道正派。坚持开展理想信念、职业道德、廉政警示和心理健康教育。",
    "提高机关干部能力素养，让“家庭成员”更棒",
    "“工欲善其事，必先利其器”。近年来，我们坚持狠抓组工干部能力建设不放松。",
    "一是在学习中提高能力。",
    "服务基层党员干部人才，让“家的味道”更浓",
    "为基层党员干部人才服务，就是为中心工作服务，这是组织工作的根本出发点和落脚点。",
    "一是“全方位关爱”，党员群众感受了“家”的温暖。",
)

SEED_CASES: list[tuple[str, str, list[Row]]] = [
    (
        "000",
        SEED_000,
        [
            OPENING,
            ("一、完善学习制度，使组织部成为学习型集体", 1, None),
            ("二、建立创新机制，使组织部成为创新型部门", 1, None),
            ("三、创新工作制度，使组织部成为实干型团队", 1, None),
        ],
    ),
    ("002", SEED_002, [OPENING]),
    (
        "003_part_1",
        SEED_003_PART_1,
        [
            OPENING,
            ("一、办班为什么", 1, None),
            ("1、人员变化快。", 2, 1),
            ("2、工作标准高。", 2, 1),
            ("3、个人想法多。", 2, 1),
            ("二、目标是什么", 1, None),
            ("1、提高学习能力。", 2, 5),
            ("三、培训看什么", 1, None),
            ("1、看态度。", 2, 7),
        ],
    ),
    (
        "003_part_2",
        SEED_003_PART_2,
        [
            OPENING,
            ("第一，把事业当家业", 1, None),
            ("1、契而不舍的奋斗精神。", 2, 1),
            ("2、甘为人梯的奉献精神。", 2, 1),
            ("第二，凭业绩用干部", 1, None),
            ("1、工作怎么干。", 2, 4),
        ],
    ),
    (
        "003_part_3",
        SEED_003_PART_3,
        [
            OPENING,
            (
                "第一句话：正确认识加强组工干部业务精通能力的必要性，从思想上解决“要不要”的问题。",
                1,
                None,
            ),
            ("第二句话：准确把握组工干部业务精通的内在要求，从目标上理清“做什么”的问题。", 1, None),
        ],
    ),
    (
        "004",
        SEED_004,
        [
            OPENING,
            ("打造组织部门公道正派形象，让“家风门风”更正", 1, None),
            ("提高机关干部能力素养，让“家庭成员”更棒", 1, None),
            ("服务基层党员干部人才，让“家的味道”更浓", 1, None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SEED_CASES], ids=[c[0] for c in SEED_CASES]
)
def test_seed_excerpts(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(documents)
def test_sections_tile_the_text(text: str) -> None:
    sections = find_sections(text)
    if not text:
        assert sections == []
        return
    assert sections[0].char_start == 0
    assert sections[-1].char_end == len(text)
    for prev, nxt in pairwise(sections):
        assert nxt.char_start == prev.char_end
    for i, s in enumerate(sections):
        assert s.index == i
        assert s.char_start < s.char_end
        if s.heading is None:
            assert (i, s.level, s.parent_index) == (0, 0, None)
        else:
            assert s.level >= 1
            assert text.startswith(s.heading, s.char_start)
            after = s.char_start + len(s.heading)
            assert after == len(text) or text[after] == "\n"
            assert s.char_start == 0 or text[s.char_start - 1] == "\n"
        if s.parent_index is not None:
            parent = sections[s.parent_index]
            assert s.parent_index < i and 1 <= parent.level < s.level


@settings(max_examples=100, deadline=None)
@given(documents)
def test_every_han_character_is_in_some_section(text: str) -> None:
    covered = sum(len(HAN.findall(text[s.char_start : s.char_end])) for s in find_sections(text))
    assert covered == len(HAN.findall(text))


def test_large_document() -> None:
    text = doc(*(["一、加强学习", BODY, "（一）读书", BODY * 5, "1、勤读", BODY] * 5000))
    sections = find_sections(text)
    assert len(sections) == 15000


def _first_characters(items: list) -> set[str]:
    """The characters a parsed pattern (`re._parser`) can match first."""
    from re._constants import BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN

    op, av = items[0]
    if op is LITERAL:
        return {chr(av)}
    if op is IN:
        assert all(o in (LITERAL, RANGE) for o, _ in av), av
        return {chr(a) for o, a in av if o is LITERAL} | {
            chr(c) for o, a in av if o is RANGE for c in range(a[0], a[1] + 1)
        }
    if op is BRANCH:
        return set().union(*(_first_characters(list(branch)) for branch in av[1]))
    if op is SUBPATTERN:
        return _first_characters(list(av[3]))
    assert op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1, (op, av)
    return _first_characters(list(av[2]))


def test_numbering_tries_its_patterns_only_on_what_can_open_a_marker() -> None:
    import re._parser

    from zhclean.structure.sections import _MARKER_FIRST, _STYLES, numbering

    opening = set().union(
        *(_first_characters(list(re._parser.parse(p.pattern))) for _, p in _STYLES)
    )
    assert opening == _MARKER_FIRST
    assert [numbering(line) for line in ("  第二部分 措施", "⑳ 其他", "（十）结语", "二是要")] == [
        ("part", "措施"),
        ("circled", "其他"),
        ("cn_paren", "结语"),
        None,
    ]
