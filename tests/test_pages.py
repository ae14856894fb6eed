"""Page numbers of converted PDF and Word files: taken out, cut paragraphs joined."""

from __future__ import annotations

import pytest

from zhclean.pipeline import clean_lines
from zhclean.repair.pages import fix_page_breaks

# a paragraph a page end cut after 着力建设 (no sentence end), another page ending at 。
CUT = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新时代党的组织路线，着力建设"
REST = "忠诚干净担当的高素质干部队伍，为推动高质量发展提供坚强组织保证。"
WHOLE = "为深入贯彻落实党的二十大精神，进一步加强干部队伍建设，结合我市实际，现提出如下意见。"


@pytest.mark.parametrize(
    "number", ["— 1 —", "- 1 -", "－1－", "第 1 页 共 5 页", "共5页 第1页", "第1頁", "Page 1 of 5"]
)
def test_a_page_number_goes_and_the_cut_paragraph_is_joined(number: str) -> None:
    text = f"{CUT}\n{number}\n{REST}"
    assert fix_page_breaks(text) == (CUT + REST, {"page_numbers": 1, "page_breaks": 1})


def test_blank_lines_around_the_number_go_with_it() -> None:
    text = f"{CUT}\n\n  — 2 —  \n\n{REST}\n"
    assert fix_page_breaks(text) == (CUT + REST + "\n", {"page_numbers": 1, "page_breaks": 1})


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (WHOLE, REST),  # the page ended a sentence
        (CUT, "二、主要措施"),  # the next page opens with a heading
        (CUT, "（一）加强政治建设。要把政治标准放在首位。"),
        (CUT, "\u3000\u3000" + REST),  # an indented paragraph
        ("一、总体要求", REST),  # a heading at the foot of the page: too short to be cut
    ],
)
def test_a_page_number_between_paragraphs_goes_alone(before: str, after: str) -> None:
    text = f"{before}\n— 3 —\n\n{after}"
    assert fix_page_breaks(text) == (f"{before}\n\n{after}", {"page_numbers": 1})


def test_bare_numbers_counting_up_a_page_apart_are_page_numbers() -> None:
    page = "\n".join([WHOLE, REST, WHOLE + REST, CUT + "的要求。", WHOLE])  # a page of text
    text = f"{page}\n{CUT}\n2\n{REST}\n{page}\n3\n{page}"
    assert fix_page_breaks(text) == (
        f"{page}\n{CUT}{REST}\n{page}\n{page}",
        {"page_numbers": 2, "page_breaks": 1},
    )


def test_the_last_page_number_may_follow_a_short_page() -> None:
    page = "\n".join([WHOLE, REST, WHOLE + REST, CUT + "的要求。", WHOLE])
    text = f"{page}\n1\n{WHOLE}\n本方案自印发之日起实施。\n2\n"  # a signature's page
    assert fix_page_breaks(text) == (
        f"{page}\n{WHOLE}\n本方案自印发之日起实施。\n",
        {"page_numbers": 2},
    )


@pytest.mark.parametrize(
    "text",
    [
        f"{WHOLE}\n2\n{WHOLE}",  # one bare number: nothing says it is a page's
        "\n".join([WHOLE] * 6) + "\n1\n2\n3\n" + WHOLE,  # a column of numbers, no page between
        "\n".join([WHOLE] * 6) + "\n2\n" + "\n".join([WHOLE] * 6) + "\n5\n" + WHOLE,  # not by one
        "2022年10月17日\n第一页的内容",  # no line of a page number
        "",
    ],
)
def test_numbers_that_are_not_page_numbers_stay(text: str) -> None:
    assert fix_page_breaks(text) == (text, {})


def test_in_a_hard_wrapped_file_the_wrap_joins_what_the_page_cut() -> None:
    # paragraphs cut at 48 bytes (24 Han), a page number inside the second
    paragraphs = [WHOLE + CUT + REST, REST + WHOLE + CUT + "的要求。"]
    rows = [p[i : i + 24] for p in paragraphs for i in range(0, len(p), 24)]
    rows.insert(7, "— 1 —")  # after 供坚强组织保证。为深入贯彻落实党的二十大精神，进
    assert rows[6].endswith("精神，进") and rows[8].startswith("一步加强")
    lines = clean_lines("\n".join(rows), "hans")
    assert [line.text for line in lines] == paragraphs
    assert lines[0].repairs["page_numbers"] == 1
    assert "page_breaks" not in lines[0].repairs  # the wrap joined them


def test_a_form_feed_after_the_page_number_does_not_stop_the_wrap() -> None:
    # pdftotext ends each page with a form feed, glued to the next page's first line
    paragraphs = [WHOLE + CUT + REST, REST + WHOLE + CUT + "的要求。"]
    rows = [p[i : i + 24] for p in paragraphs for i in range(0, len(p), 24)]
    rows.insert(7, "— 1 —")
    rows[8] = "\f" + rows[8]
    lines = clean_lines("\n".join(rows), "hans")
    assert [line.text for line in lines] == paragraphs
    assert lines[0].repairs["page_numbers"] == 1


def test_a_date_set_right_at_a_page_end_is_not_joined_to_the_next_page() -> None:
    page = "\n".join(
        [
            WHOLE,
            "附件：参会回执",
            " " * 20 + "青山县安全生产委员会办公室",
            " " * 30 + "2024年1月29日",
            "",
            " " * 40 + "— 1 —",
            "\f附件",
            "参会回执",
        ]
    )
    lines = [line.text for line in clean_lines(page, "hans") if line.text]
    assert lines[-3:] == ["2024年1月29日", "附件", "参会回执"]


def test_an_indented_line_cut_by_the_page_end_is_joined() -> None:
    # eighteen characters after a four-space indent: the indent counts toward its width
    before, after = (
        "可以看到，在这套丛书内聚集了海内外有广",
        "泛影响的四川籍中青年学者，他们对中国传统文化有深入的挖掘。",
    )
    page = f"    {before}\n\n- 2 -\n\n{after}"
    assert [line.text for line in clean_lines(page, "hans") if line.text] == [before + after]


def test_blank_lines_around_the_number_do_not_stop_the_wrap() -> None:
    paragraphs = [WHOLE + CUT + REST, REST + WHOLE + CUT + "的要求。"]
    rows = [p[i : i + 24] for p in paragraphs for i in range(0, len(p), 24)]
    rows[7:7] = ["", "— 1 —", "\f"]
    assert [line.text for line in clean_lines("\n".join(rows), "hans")] == paragraphs


def test_years_counting_up_are_no_page_numbers() -> None:
    page = "\n".join([WHOLE, REST, WHOLE + REST, CUT + "的要求。", WHOLE])
    text = f"大事记\n{page}\n2021\n{page}\n2022\n{page}"
    assert fix_page_breaks(text) == (text, {})


def test_a_heading_at_the_foot_of_a_page_is_not_joined_to_the_next() -> None:
    heading = "二、坚持以人民为中心，推动基层治理能力现代化取得新成效"
    text = f"{WHOLE}\n{heading}\n— 3 —\n{REST}"
    assert fix_page_breaks(text) == (f"{WHOLE}\n{heading}\n{REST}", {"page_numbers": 1})


HEAD = "国务院办公厅文件"


def test_a_running_head_beside_each_page_number_goes() -> None:
    pages = [HEAD, "关于加强干部队伍建设的意见", CUT, "— 1 —", HEAD, REST, WHOLE, "— 2 —", HEAD]
    text = "\n".join([*pages, WHOLE, "— 3 —", HEAD, WHOLE])
    fixed, counts = fix_page_breaks(text)
    # the first page's line is the document's own header: it stays
    assert fixed == "\n".join([HEAD, "关于加强干部队伍建设的意见", CUT + REST, WHOLE, WHOLE, WHOLE])
    assert counts == {"page_numbers": 3, "running_heads": 3, "page_breaks": 1}


def test_a_running_foot_above_each_page_number_goes() -> None:
    foot = "某某市人民政府公报 2022年第5期"
    text = "\n".join([WHOLE, foot, "- 1 -", REST, foot, "- 2 -", WHOLE, foot, "- 3 -", REST])
    assert fix_page_breaks(text)[0] == "\n".join([WHOLE, REST, WHOLE, REST])


@pytest.mark.parametrize(
    "repeated",
    [
        "二、主要措施",  # beside one page number only
        "填报单位（盖章）：",  # a form's field on each of its pages
        "附件",  # an attachment's heading
    ],
)
def test_lines_that_are_no_running_heads_stay(repeated: str) -> None:
    text = "\n".join([WHOLE, "— 1 —", repeated, REST, "— 2 —", repeated, WHOLE, "— 3 —", repeated])
    expected = "\n".join([WHOLE, repeated, REST, repeated, WHOLE, repeated])
    assert fix_page_breaks(text)[0] == expected


def test_a_head_at_two_page_ends_only_stays() -> None:
    text = "\n".join([WHOLE, "— 1 —", HEAD, REST, "— 2 —", HEAD, WHOLE])
    assert fix_page_breaks(text)[0] == "\n".join([WHOLE, HEAD, REST, HEAD, WHOLE])


@pytest.mark.parametrize("marks", [["01", "02", "03"], ["1", "2", "3"]])
def test_numbers_that_mark_sections_stay(marks: list[str]) -> None:
    """An article's section numbers, each between a finished paragraph and a short
    heading (01 / 强化政治引领), count up a page of text apart too; they stay."""
    para = WHOLE * 6
    lines = [para]
    for mark, heading in zip(marks, ["强化政治引领", "夯实基层基础", "锻造过硬队伍"], strict=True):
        lines += [mark, heading, para]
    text = "\n".join(lines)
    assert fix_page_breaks(text) == (text, {})


@pytest.mark.parametrize(
    ("marks", "headings"),
    [
        (["1", "2"], ["一、总体要求", "二、主要任务"]),
        (["2", "3"], ["强化政治引领", "夯实基层基础"]),
    ],
)
def test_page_numbers_over_numbered_headings_or_counting_from_two_go(marks, headings) -> None:
    para = WHOLE * 6
    lines = [para]
    for mark, heading in zip(marks, headings, strict=True):
        lines += [mark, heading, para]
    text, counts = fix_page_breaks("\n".join(lines))
    assert counts["page_numbers"] == 2 and not set(marks) & set(text.split("\n"))
