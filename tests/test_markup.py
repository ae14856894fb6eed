"""HTML references and tags left in scraped text: exact strings, and what stays."""

from __future__ import annotations

import hashlib

import pytest

from zhclean.pipeline import Config, clean_lines, process_data
from zhclean.repair.markup import fix_markup

FIXED = [
    ("&ldquo;不忘初心&rdquo;", "“不忘初心”", {"html_entities": 2}),
    # a CMS's references without their `;`
    ("&nbsp&nbsp各单位：", "\xa0\xa0各单位：", {"html_entities": 2}),  # fix_whitespace takes them
    ("&ldquo两个维护&rdquo", "“两个维护”", {"html_entities": 2}),
    ("价格&lt;100元&amp;以上", "价格<100元&以上", {"html_entities": 2}),
    ("&#8220;学习&#8221;&#20013;国", "“学习”中国", {"html_entities": 3}),
    ("&#x4E2D;&#X56FD;&#150;", "中国–", {"html_entities": 3}),  # &#150; is cp1252's –
    ("&amp;ldquo;学习&amp;rdquo;", "“学习”", {"html_entities": 2}),  # escaped twice
    ("前&#0;后&#xD800;", "前后", {"html_entities": 2}),  # no character: nothing lost
    (
        "http://www.gov.cn/a.htm?id=1&amp;x=2",
        "http://www.gov.cn/a.htm?id=1&x=2",
        {"html_entities": 1},
    ),
    ("第一段<br>第二段<br/>第三段", "第一段\n第二段\n第三段", {"html_tags": 2}),
    ("<P>一、总体要求</P> <p>正文。</p>", "一、总体要求\n正文。", {"html_tags": 4}),
    ('<span style="color:red">重点</span>工作', "重点工作", {"html_tags": 2}),
    ('<a href="http://x.cn/?a=1">链接</a>', "链接", {"html_tags": 2}),
    ("<!-- 广告 -->正文<script>var a = 1;</script>", "正文", {"html_tags": 2}),
    ("文字<o:p></o:p>", "文字", {"html_tags": 2}),
]

KEPT = [
    "AT&T和R&D投入",
    "&copy 2020 版权所有",  # no closing `;`: not a reference
    "a&b;c",  # no such reference
    "&notit;",  # not &not; followed by `it;`
    "价格<100元，数量>5",
    "<申请人>填写",
    "if (a<b && c>d) {x;}",
    "《关于加强党的建设的意见》",
    "",
]


@pytest.mark.parametrize(("damaged", "expected", "counts"), FIXED)
def test_markup_is_decoded_or_taken_out(damaged: str, expected: str, counts: dict) -> None:
    assert fix_markup(damaged) == (expected, counts)


@pytest.mark.parametrize("text", KEPT)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert fix_markup(text) == (text, {})


def test_clean_lines_decode_before_the_punctuation_and_space_fixes() -> None:
    # `;` of a reference is no punctuation; &nbsp; between Han characters is a stray space
    [line] = clean_lines("我们要&ldquo;不忘初心&rdquo;，&nbsp;&nbsp;牢记使命。", "hans")
    assert line.text == "我们要“不忘初心”，牢记使命。"
    assert line.repairs["html_entities"] == 4


def test_block_tags_give_lines_that_structure_sees() -> None:
    html = "<p>关于作风建设的通知</p><p>一、总体要求</p><p>要扎扎实实地去做。</p>"
    data = html.encode("utf-8")
    docs, reject, _ = process_data("a.txt", data, hashlib.sha256(data).hexdigest(), Config())
    assert reject is None
    [doc] = docs
    assert doc["title"] == "关于作风建设的通知"
    assert doc["text"] == "一、总体要求\n要扎扎实实地去做。"
    assert [s.heading for s in doc["_sections"]] == ["一、总体要求"]
    assert {"kind": "html_tags", "count": 6} in doc["repairs"]
