"""Tests for zhclean.structure.documents: cutting a file's text into documents.

Inputs are typed as they reach this stage: repaired, Simplified, full-width
punctuation, one stripped line per paragraph.
"""

from __future__ import annotations

import re
from datetime import datetime

import opencc
import pytest
from conftest import RAW, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclean.decode import decode
from zhclean.model import DocumentDraft
from zhclean.structure import documents
from zhclean.structure.documents import split_documents


def summary(doc: DocumentDraft) -> dict:
    """Every field of a draft, in one comparable dict."""
    return {
        "title": doc.title,
        "published_at": doc.published_at,
        "author": doc.author,
        "source_name": doc.source_name,
        "lines": doc.lines,
        "removed": dict(doc.removed),
        "extra": doc.extra,
    }


def expect(
    lines: list[str],
    title: str | None = None,
    published_at: datetime | None = None,
    author: str | None = None,
    source_name: str | None = None,
    removed: dict[str, int] | None = None,
    extra: dict[str, str] | None = None,
) -> dict:
    return {
        "title": title,
        "published_at": published_at,
        "author": author,
        "source_name": source_name,
        "lines": lines,
        "removed": removed or {},
        "extra": extra or {},
    }


# --- whole single documents, modelled on the seeds ------------------------------

P1 = "新形势下的组织工作对组织部门提出了更高的要求与更为严峻的挑战。"
P2 = "组工干部必须挤时间多看书，拓宽知识面，优化自己的知识结构。"
P3 = "通过考核奖励，增强干部的责任心，调动干部的积极性。"

SINGLE_CASES = {
    # a title that asks or exclaims, told by the line of fields under it
    "question_title": (
        "组工干部如何当好“娘家人”？\n"
        "发布时间：2022-06-01 来源：组工之家\n"
        "组织部门是“党员之家”。我们要当好娘家人。",
        expect(
            title="组工干部如何当好“娘家人”？",
            published_at=datetime(2022, 6, 1),
            source_name="组工之家",
            lines=["组织部门是“党员之家”。我们要当好娘家人。"],
            removed={"metadata_line": 1},
        ),
    ),
    # without fields under it, an exclamation opens the body
    "exclamation_body": (
        "同志们好！\n我讲三点意见。",
        expect(lines=["同志们好！", "我讲三点意见。"]),
    ),
    # 000: Traditional with pinyin upstream; title, time line, site disclaimer
    "seed000": (
        "优化发展环境交流\n"
        "时间：2022-10-17 10:37:00\n"
        "导语：优化发展环境交流一文来源于网友上传，不代表本站观点，若需要原创文章可咨询客服老师，"
        "欢迎参考。\n"
        "新形势下的组织工作对组织部门提出了更高的要求与更为严峻的挑战。\n"
        "一、完善学习制度，使组织部成为学习型集体\n"
        "在学习《村民委员会组织法（试行）》等组织工作必备的业务知识基础上，组工干部必须挤时间多看书。",
        expect(
            title="优化发展环境交流",
            published_at=datetime(2022, 10, 17, 10, 37),
            lines=[
                "新形势下的组织工作对组织部门提出了更高的要求与更为严峻的挑战。",
                "一、完善学习制度，使组织部成为学习型集体",
                "在学习《村民委员会组织法（试行）》等组织工作必备的业务知识基础上，组工干部必须挤时间多看书。",
            ],
            removed={"metadata_line": 1, "boilerplate_disclaimer": 1},
        ),
    ),
    # 001: degraded punctuation, byline run into the first body line
    "seed001": (
        "以思想的大解放开创组织工作新局面\n"
        "三门峡市湖滨区委常委。组织部长 李晓波胡锦涛总书记在全国组织工作会议上强调指出。"
        "党要站在时代前列带领人民不断开创事业发展新局面。",
        expect(
            title="以思想的大解放开创组织工作新局面",
            author="李晓波",
            lines=[
                "胡锦涛总书记在全国组织工作会议上强调指出。党要站在时代前列带领人民不断开创事业发展新局面。"
            ],
            removed={"run_in_byline": 1},
            extra={"byline": "三门峡市湖滨区委常委。组织部长 李晓波"},
        ),
    ),
    # 002: one header line holding several fields, an empty view count, a bare name
    "seed002": (
        "组工干部要善于“四看”\n"
        "发布时间：2008-11-13 10:51:00 访问次数： 朱鸿翔 信息来源：中国共产党新闻网\n"
        "-\n"
        "在新的形势下，组工干部在日常工作中要养成“回头看”、“抬头看”、“低头看”、“向前看”的习惯。\n"
        "一要善于“回头看”，审视过去，从开门征求意见中直面问题，谋求对策。\n"
        "四要善于“向前看”，增添信心，在更好更快更强中创新发展，推进工作。",
        expect(
            title="组工干部要善于“四看”",
            published_at=datetime(2008, 11, 13, 10, 51),
            author="朱鸿翔",
            source_name="中国共产党新闻网",
            lines=[
                "在新的形势下，组工干部在日常工作中要养成“回头看”、“抬头看”、“低头看”、“向前看”的习惯。",
                "一要善于“回头看”，审视过去，从开门征求意见中直面问题，谋求对策。",
                "四要善于“向前看”，增添信心，在更好更快更强中创新发展，推进工作。",
            ],
            removed={"metadata_line": 1, "separator": 1},
        ),
    ),
    # 004: no title line; trailing author note and editor credits
    "seed004": (
        "组织部门是“党员之家、干部之家、人才之家”。我们作了一些有益的探索，也取得了一定的成效。\n"
        "打造组织部门公道正派形象，让“家风门风”更正\n"
        "“家风正则贤才出，门风好则儿女善”。组织部门的“家风门风”，核心就是公道正派。\n"
        "近年来，丹阳市委组织部满意度测评连续多年呈上升状态。\n"
        "（作者为江苏省丹阳市委常委、组织部部长）\n"
        "责编/肖楠 美编/石玉",
        expect(
            lines=[
                "组织部门是“党员之家、干部之家、人才之家”。我们作了一些有益的探索，也取得了一定的成效。",
                "打造组织部门公道正派形象，让“家风门风”更正",
                "“家风正则贤才出，门风好则儿女善”。组织部门的“家风门风”，核心就是公道正派。",
                "近年来，丹阳市委组织部满意度测评连续多年呈上升状态。",
            ],
            removed={"author_note": 1, "editor_credit": 1},
            extra={
                "author_note": "作者为江苏省丹阳市委常委、组织部部长",
                "editors": "责编/肖楠 美编/石玉",
            },
        ),
    ),
    # a speech's full title block: subtitle, byline, bracketed date, salutation kept
    "speech_title_block": (
        "凝心聚力 开拓创新 奋力开创组织工作新局面\n"
        "——在全市组织工作会议上的讲话\n"
        "市委常委、组织部部长 张明华\n"
        "（2023年4月10日）\n"
        "同志们：\n"
        "今天召开全市组织工作会议，主要任务是总结工作、部署任务。",
        expect(
            title="凝心聚力 开拓创新 奋力开创组织工作新局面",
            published_at=datetime(2023, 4, 10),
            author="张明华",
            lines=["同志们：", "今天召开全市组织工作会议，主要任务是总结工作、部署任务。"],
            removed={"metadata_line": 3},
            extra={
                "subtitle": "——在全市组织工作会议上的讲话",
                "byline": "市委常委、组织部部长 张明华",
            },
        ),
    ),
    # a bracketed subtitle that carries the date
    "bracketed_subtitle": (
        "在全县党建工作会议上的讲话\n（在全县党建工作会议上的讲话，2023年4月10日）\n" + P1,
        expect(
            title="在全县党建工作会议上的讲话",
            published_at=datetime(2023, 4, 10),
            lines=[P1],
            removed={"metadata_line": 1},
            extra={"subtitle": "（在全县党建工作会议上的讲话，2023年4月10日）"},
        ),
    ),
    # separate labelled lines; a view count is the page's, not the document's: dropped
    "labelled_lines": (
        "组工干部要善于“四看”\n作者：王建国 来源：人民日报\n浏览次数：1234\n" + P1,
        expect(
            title="组工干部要善于“四看”",
            author="王建国",
            source_name="人民日报",
            lines=[P1],
            removed={"metadata_line": 2},
        ),
    ),
    # a placeholder author names nobody; brackets around a field line
    "placeholder_author": (
        "组工干部要善于“四看”\n【来源：中国组织人事报】【作者：佚名】\n" + P1,
        expect(
            title="组工干部要善于“四看”",
            source_name="中国组织人事报",
            lines=[P1],
            removed={"metadata_line": 1},
        ),
    ),
    # a date, then a source, on one line
    "date_then_source": (
        "组工干部要善于“四看”\n2008-11-13 10:51 来源：新华网\n" + P1,
        expect(
            title="组工干部要善于“四看”",
            published_at=datetime(2008, 11, 13, 10, 51),
            source_name="新华网",
            lines=[P1],
            removed={"metadata_line": 1},
        ),
    ),
    "pen_byline": (
        "组工干部要善于“四看”\n文/刘志强\n" + P1,
        expect(
            title="组工干部要善于“四看”",
            author="刘志强",
            lines=[P1],
            removed={"metadata_line": 1},
            extra={"byline": "文/刘志强"},
        ),
    ),
    "bare_name_byline": (
        "组工干部要善于“四看”\n周立新\n" + P1,
        expect(
            title="组工干部要善于“四看”", author="周立新", lines=[P1], removed={"metadata_line": 1}
        ),
    ),
    # trailing source, author note with a name, editor credit in brackets
    "trailer_fields": (
        "组工干部要善于“四看”\n" + P1 + "\n" + P2 + "\n（来源：人民日报）\n（作者：李明）\n"
        "（责任编辑：孙红）",
        expect(
            title="组工干部要善于“四看”",
            author="李明",
            source_name="人民日报",
            lines=[P1, P2],
            removed={"metadata_line": 1, "author_note": 1, "editor_credit": 1},
            extra={"author_note": "作者：李明", "editors": "责任编辑：孙红"},
        ),
    ),
    # metadata-looking lines deep in the body stay body
    "body_keywords_stay": (
        "组工干部要善于“四看”\n"
        + P1
        + "\n时间：2020年3月1日，全市召开组织工作会议。\n"
        + "这些经验来源于基层实践，时间证明是行之有效的。\n"
        + "来源：基层调研报告\n"
        + P2
        + "\n"
        + P3
        + "\n"
        + P1,
        expect(
            title="组工干部要善于“四看”",
            lines=[
                P1,
                "时间：2020年3月1日，全市召开组织工作会议。",
                "这些经验来源于基层实践，时间证明是行之有效的。",
                "来源：基层调研报告",
                P2,
                P3,
                P1,
            ],
        ),
    ),
    # a header field after the first body line is body
    "header_block_ends_at_body": (
        "组工干部要善于“四看”\n" + P1 + "\n来源：人民日报\n" + P2 + "\n" + P3 + "\n" + P1,
        expect(title="组工干部要善于“四看”", lines=[P1, "来源：人民日报", P2, P3, P1]),
    ),
    # a sentence opening with a label, right under the title, is body
    "labelled_sentence_is_body": (
        "组工干部要善于“四看”\n时间：2020年3月1日，全市召开组织工作会议。\n来源：据统计，全市新发展党员一千名。\n"
        + P1,
        expect(
            title="组工干部要善于“四看”",
            lines=[
                "时间：2020年3月1日，全市召开组织工作会议。",
                "来源：据统计，全市新发展党员一千名。",
                P1,
            ],
        ),
    ),
    # a four-character heading opening with a surname is no byline
    "short_heading_is_no_byline": (
        "组工干部要善于“四看”\n高度重视\n" + P1,
        expect(title="组工干部要善于“四看”", lines=["高度重视", P1]),
    ),
    # ads, widgets and separators in the middle of the body
    "ads_in_the_middle": (
        "组工干部要善于“四看”\n"
        + P1
        + "\n有的是由于家庭、身体等原因需要进城。"
        + "下面是众鑫文档网小编给大家带来的讲话，希望大家喜欢。\n"
        + "***\n"
        + "打印本页 关闭窗口\n"
        + "分享到：\n"
        + "本文来源于网友上传，不代表本站观点。\n"
        + P2
        + "\n推荐访问：班上 业务培训 示范",
        expect(
            title="组工干部要善于“四看”",
            lines=[P1, P2],
            removed={
                "boilerplate_ad": 1,
                "separator": 1,
                "boilerplate_nav": 2,
                "boilerplate_disclaimer": 1,
                "recommended_reading": 1,
            },
        ),
    ),
}


@pytest.mark.parametrize("text, expected", SINGLE_CASES.values(), ids=SINGLE_CASES.keys())
def test_single_document(text: str, expected: dict) -> None:
    docs = split_documents(text)
    assert [summary(doc) for doc in docs] == [expected]


@pytest.mark.parametrize("conversion", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("text, expected", SINGLE_CASES.values(), ids=SINGLE_CASES.keys())
def test_single_document_traditional(conversion: str, text: str, expected: dict) -> None:
    """The same documents when the target script is Traditional."""
    cc = opencc.OpenCC(conversion)

    def conv(value):
        if isinstance(value, str):
            return cc.convert(value)
        if isinstance(value, list):
            return [cc.convert(v) for v in value]
        if isinstance(value, dict) and value and isinstance(next(iter(value.values())), str):
            return {k: cc.convert(v) for k, v in value.items()}
        return value

    docs = split_documents(cc.convert(text))
    assert [summary(doc) for doc in docs] == [{k: conv(v) for k, v in expected.items()}]


# --- dates ------------------------------------------------------------------------

DATE_CASES = [
    ("时间：2022-10-17 10:37:00", datetime(2022, 10, 17, 10, 37)),
    ("发布时间：2008-11-13 10：51：00", datetime(2008, 11, 13, 10, 51)),
    ("发布时间：2008-11-13 10:51", datetime(2008, 11, 13, 10, 51)),
    ("日期：2008年11月13日", datetime(2008, 11, 13)),
    ("发布日期：2008年11月13日 10:51", datetime(2008, 11, 13, 10, 51)),
    ("时间：2008年11月13日上午10时51分", datetime(2008, 11, 13, 10, 51)),
    ("2008年11月13日", datetime(2008, 11, 13)),
    ("2008年11月13日 星期四", datetime(2008, 11, 13)),
    ("2008/11/13", datetime(2008, 11, 13)),
    ("2008.11.13", datetime(2008, 11, 13)),
    ("2008-11-13", datetime(2008, 11, 13)),
    ("（2023年4月10日）", datetime(2023, 4, 10)),
    ("2008-11-13 10:51:30", datetime(2008, 11, 13, 10, 51, 30)),
    ("发布时间：2008年11月13日星期四 10:51", datetime(2008, 11, 13, 10, 51)),
    ("发布日期：2008-11-13T10:51:00", datetime(2008, 11, 13, 10, 51)),
    ("时间：2008年11月13日下午3时30分", datetime(2008, 11, 13, 15, 30)),
    ("时间：2008年11月13日下午3时", datetime(2008, 11, 13, 15)),  # the hour alone
    ("时间：2008年11月13日上午9点 来源：新华网", datetime(2008, 11, 13, 9)),
    ("发布：2022-10-17 来源：新华网", datetime(2022, 10, 17)),
]


@pytest.mark.parametrize("line, when", DATE_CASES)
def test_date_formats(line: str, when: datetime) -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{line}\n{P1}")
    assert (doc.published_at, doc.lines, dict(doc.removed)) == (when, [P1], {"metadata_line": 1})


def test_a_source_given_as_its_address() -> None:
    url = "http://www.gov.cn/xinwen/2022-10/17/content_123.htm"
    [doc] = split_documents(f"坚持党要管党\n发布时间：2022-10-17 来源：{url}\n正文内容。")
    assert (doc.published_at, doc.source_name, doc.lines) == (
        datetime(2022, 10, 17),
        url,
        ["正文内容。"],
    )


def test_impossible_date_line_is_body() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n2008-13-45\n{P1}")
    assert (doc.published_at, doc.lines) == (None, ["2008-13-45", P1])


def test_first_stated_date_wins() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n2008年11月13日\n时间：2009-01-01 08:00\n{P1}")
    assert doc.published_at == datetime(2008, 11, 13)


# --- titles -----------------------------------------------------------------------

TITLE_CASES = [
    # (first line, title); when None the line is body
    ("组工干部要善于“四看”", "组工干部要善于“四看”"),
    ("组织部门是“党员之家、干部之家、人才之家”。", None),  # ends a sentence (004)
    ("一、完善学习制度，使组织部成为学习型集体", None),  # numbered heading
    ("（一）完善学习制度", None),
    ("同志们：", None),  # salutation
    (  # longer than a title, though unpunctuated at its end
        "组织部门是党委抓党建工作的重要职能部门，组工干部是推进党的建设这个伟大工程的重要实施力量，"
        "组工干部的政治思想和业务素质如何直接关系到这一伟大工程的进程和质量",
        None,
    ),
    ("建设学习型组织部门。推进工作", None),  # holds a full stop
    ("2023年组织工作要点", "2023年组织工作要点"),
]


@pytest.mark.parametrize("first, title", TITLE_CASES)
def test_title(first: str, title: str | None) -> None:
    (doc,) = split_documents(f"{first}\n{P1}")
    assert doc.title == title
    assert doc.lines == ([P1] if title else [first, P1])


# --- boilerplate, one line at a time ------------------------------------------------

BOILERPLATE_CASES = [
    # (line in the middle of a body, kind removed or None when kept)
    ("下面是众鑫文档网小编给大家带来的讲话材料，希望大家喜欢。", "boilerplate_ad"),
    ("有的是由于家庭等原因需要进城。下面是小编为您推荐的演讲材料。", "boilerplate_ad"),
    ("推荐访问：班上 业务培训 示范", "recommended_reading"),
    ("相关阅读：", "recommended_reading"),
    ("-", "separator"),
    ("——————", "separator"),
    (
        "本文来源于网友上传，不代表本站观点，若需要原创文章可咨询客服老师。",
        "boilerplate_disclaimer",
    ),
    ("版权所有 翻版必究", "boilerplate_disclaimer"),
    ("打印本页 关闭窗口", "boilerplate_nav"),
    ("扫一扫在手机打开当前页", "boilerplate_nav"),
    ("【字号：大 中 小】", "boilerplate_nav"),
    # ordinary sentences with words ads also use
    ("要把学习作为第一需要，搞好服务，推荐优秀干部到重要岗位锻炼。", None),
    ("相关部门要加强配合。", None),
    ("这些经验来源于基层实践。", None),
    (
        "水文站是防汛的耳目，本站职工常年坚守一线，在汛期更是昼夜值守，为全县防汛工作提供了准确及时的水情信息。",
        None,
    ),
    (
        "推行政务服务“码上办”，群众用手机扫一扫二维码就能查询办事指南、预约办理业务，实现了信息多跑路、群众少跑腿。",
        None,
    ),
]

# Lines that must go, wherever they sit in a body: the seeds' own and common site widgets
MUST_GO_CASES = [
    (  # seed 000
        "导语：优化发展环境交流一文来源于网友上传，不代表本站观点，若需要原创文章可咨询客服老师，"
        "欢迎参考。",
        "boilerplate_disclaimer",
    ),
    (  # seed 003: the ad takes its teaser's line with it
        "有的是由于家庭、身体等原因需要进城，可以理解，也在情理之中。下面是众鑫文档网小编给大家带来的"
        "市委书记在2022年全市组工干部培训班开班仪式上的演讲材料，希望大家喜欢。",
        "boilerplate_ad",
    ),
    ("推荐访问：班上 业务培训 示范 组工干部能力提升培训班交流发言材料", "recommended_reading"),
    ("【相关阅读】", "recommended_reading"),
    ("上一篇：关于开展主题教育的通知", "recommended_reading"),
    ("分享到：", "boilerplate_nav"),
    ("分享到：QQ空间 新浪微博 微信", "boilerplate_nav"),
    ("字号：大 中 小", "boilerplate_nav"),
    ("【打印本页】【关闭窗口】", "boilerplate_nav"),
    ("扫描二维码关注我们", "boilerplate_nav"),
    ("更多精彩>>", "boilerplate_nav"),
    ("版权所有：某某市人民政府 京ICP备12345678号", "boilerplate_disclaimer"),
    ("Copyright © 2020 某某市人民政府", "boilerplate_disclaimer"),
    ("本文来源于网络，如有侵权请联系删除", "boilerplate_disclaimer"),
    ("版权归原作者所有，如有侵权请联系删除。", "boilerplate_disclaimer"),
    ("本文精心整理，希望对大家有所帮助，欢迎阅读。", "boilerplate_ad"),  # two ad phrases
    # teaser-plus-ad intros and outros of document sites
    (
        "在日常学习、工作和生活中，大家总少不了接触心得体会吧。下面是本站为大家整理的心得体会范文，"
        "希望能够帮助到大家。",
        "boilerplate_ad",
    ),
    (
        "心得体会是我们对于事物的体会和经验。以下是小编为大家收集的心得体会，仅供参考，"
        "大家一起来看看吧。",
        "boilerplate_ad",
    ),
    ("以上就是小编为大家整理的内容，希望对您有帮助。", "boilerplate_ad"),
    ("更多相关内容请关注本站。", "boilerplate_ad"),
    ("感谢您的阅读，祝您生活愉快。", "boilerplate_ad"),
    ("如果您喜欢这篇文章，请分享给您的朋友。", "boilerplate_ad"),
    ("文章内容仅供参考，不构成任何建议。", "boilerplate_disclaimer"),
    ("声明：本文由网友投稿，仅代表作者观点。", "boilerplate_disclaimer"),
    # widget rows, page links, end marks
    ("【字体：大 中 小】", "boilerplate_nav"),
    ("[打印] [关闭]", "boilerplate_nav"),
    ("打印 | 关闭", "boilerplate_nav"),
    ("【收藏】【打印】【关闭】", "boilerplate_nav"),
    ("返回首页", "boilerplate_nav"),
    ("【大 中 小】", "boilerplate_nav"),
    ("分享：", "boilerplate_nav"),
    ("用微信扫描二维码 分享至好友和朋友圈", "boilerplate_nav"),
    ("上一页 1 2 3 下一页", "boilerplate_nav"),
    ("第1页 共3页", "boilerplate_nav"),
    ("当前位置：首页 > 新闻中心 > 工作动态", "boilerplate_nav"),
    ("您现在的位置: 首页 >> 党建工作 >> 正文", "boilerplate_nav"),
    ("所在位置：网站首页 › 通知公告", "boilerplate_nav"),
    ("首页 » 工作动态 » 关于加强基层党建工作的通知", "boilerplate_nav"),
    ("首页 / 政务公开", "boilerplate_nav"),
    ("（图片来源：网络）", "boilerplate_disclaimer"),
    ("图片来源：互联网，如有侵权请联系删除", "boilerplate_disclaimer"),
    ("- 1 -", "separator"),
    ("（完）", "separator"),
    ("（全文完）", "separator"),
    ("END", "separator"),
    ("相关热词搜索：组织工作 心得体会", "recommended_reading"),
]

# Body lines that share a word with boilerplate: a sentence or a heading is body
MUST_STAY_LINES = [
    "扫描二维码即可办理业务。",
    "老字号企业要创新发展。",
    "老字号企业要创新发展",  # a heading
    "我们要严厉打击侵犯版权所有者合法权益的行为，保护创新。",
    "这些经验做法，希望对大家有所启发。",  # one ad phrase alone is a speech's
    "我们准备了几个节目，希望大家喜欢。",
    "下面是我的一点心得体会，供大家参考。",
    "本报小编张三采访了老党员李四。",
    "下面是本报小编对他的专访。",
    "党员干部要把学习作为一种责任，服务群众、服务发展。",
    "以上数据仅供参考，具体以实际为准。",
    "推荐访问学者到基层挂职锻炼。",
    "相关文章指出，基层减负仍需持续发力。",
    "上一篇文章中我们谈到，干部要敢于担当。",
    "要加强版权保护，版权归属不清的作品不得出版。",
    "出版社在书中附有版权声明，明确作品版权归属。",
    "如有侵权行为，将依法追究法律责任。",
    "网站开办者须依法办理ICP备案手续。",
    "该视频由网友上传至网络后引发关注。",
    "很多谣言来源于网络，要注意甄别。",
    "分享到朋友圈的文章要注意甄别真伪。",
    "更多内容将在下一期刊发。",
    "更多内容有待挖掘",
    "打印机等办公设备要统一采购",
    "本站职工风采",
    "水文站建站以来，本站累计发布预警信息一百余次。",
    "扫一扫二维码，即可关注。",
    "要坚持学习，服务群众，希望大家喜欢这项活动。",
    "小编在本期节目中采访了多位党员。",
    "欢迎阅读是一种态度。",
    "学习贯彻党的二十大精神",
    "打印复印费用由单位承担。",
    "关闭违规网站二十余家，净化网络环境。",
    "上一页是过去，下一页是未来。",
    "第一页",
    "完善制度",
    "希望能够帮助到每一位困难群众。",  # one ad phrase alone
    "这些经验仅供参考，各地要结合实际。",
    "本站工作人员热情为大家服务。",
    "大中小学校要加强思政课建设",
    "位置：市民中心三楼",  # a place, not a breadcrumb
    "首页设计要简洁，便于群众查找",
    "当前位置偏远的村要加快通路。",
    "图片来源：新华社",  # a credit naming a source: not the site's disclaimer
    "数据来源：网络零售平台统计",
]

LINE_CASES = BOILERPLATE_CASES + MUST_GO_CASES + [(line, None) for line in MUST_STAY_LINES]


def _boilerplate_result(line: str, convert=lambda s: s) -> tuple:
    body = [convert(p) for p in (P1, P2, P3, P1, P2)]
    text = "\n".join([convert("组工干部要善于“四看”"), body[0], line, *body[1:]])
    (doc,) = split_documents(text)
    return doc.lines, dict(doc.removed)


@pytest.mark.parametrize("line, kind", LINE_CASES)
def test_boilerplate_line(line: str, kind: str | None) -> None:
    lines, removed = _boilerplate_result(line)
    if kind is None:
        assert (lines[1], removed) == (line, {})
    else:
        assert (line in lines, removed) == (False, {kind: 1})


@pytest.mark.parametrize("conversion", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("line, kind", LINE_CASES)
def test_boilerplate_line_traditional(conversion: str, line: str, kind: str | None) -> None:
    cc = opencc.OpenCC(conversion)
    line = cc.convert(line)
    lines, removed = _boilerplate_result(line, cc.convert)
    if kind is None:
        assert (lines[1], removed) == (line, {})
    else:
        assert (line in lines, removed) == (False, {kind: 1})


def test_editor_credit_at_the_end_goes() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{P1}\n{P2}\n责编/肖楠 美编/石玉")
    assert (doc.lines, dict(doc.removed)) == ([P1, P2], {"editor_credit": 1})


# --- title-block lines, one under a title ----------------------------------------------

# (line under the title, (published_at, author, source_name, extra)); the line must go
HEADER_CASES = {
    "all_fields": (
        "发布时间：2023-04-10 来源：丹阳市委组织部 作者：王建国 点击：1234",
        (datetime(2023, 4, 10), "王建国", "丹阳市委组织部", {}),
    ),
    "empty_fields": (
        "时间：2008-11-13 来源： 作者： 点击：",
        (datetime(2008, 11, 13), None, None, {}),
    ),
    "views_dropped": (
        "日期：2008/11/13 信息来源：中国组织人事报 浏览次数：56",
        (datetime(2008, 11, 13), None, "中国组织人事报", {}),
    ),
    "bars_between_fields": (
        "发布时间：2023年04月10日 10:51 | 来源：人民网 | 作者：李明",
        (datetime(2023, 4, 10, 10, 51), "李明", "人民网", {}),
    ),
    "bracketed_date_first": (
        "[ 2023-04-10 ] 来源：新华网",
        (datetime(2023, 4, 10), None, "新华网", {}),
    ),
    "date_after_source": (
        "来源：人民网－中国共产党新闻网 2023年04月10日10:51",
        (datetime(2023, 4, 10, 10, 51), None, "人民网－中国共产党新闻网", {}),
    ),
    "reporter_role_dropped": ("作者：本报记者 张三", (None, "张三", None, {})),
    "two_authors": ("作者：张三 李四", (None, "张三 李四", None, {})),
    "author_unit": (
        "作者：王建国（丹阳市委组织部）",
        (None, "王建国", None, {"author_unit": "丹阳市委组织部"}),
    ),
    "bracketed_fields": (
        "【作者：王建国】【来源：人民日报】【时间：2023-04-10】",
        (datetime(2023, 4, 10), "王建国", "人民日报", {}),
    ),
    "views_with_unit": ("浏览：1234次", (None, None, None, {})),
    "editor_in_header": (
        "本文来源：人民网 责任编辑：刘洋",
        (None, None, "人民网", {"editors": "责任编辑：刘洋"}),
    ),
    "reporter_byline": ("本报记者 张三", (None, "张三", None, {"byline": "本报记者 张三"})),
    "unit_byline": (
        "江苏省丹阳市委组织部 王建国",
        (None, "王建国", None, {"byline": "江苏省丹阳市委组织部 王建国"}),
    ),
    "full_width_space_byline": (
        "市委常委、组织部部长\u3000张明华",
        (None, "张明华", None, {"byline": "市委常委、组织部部长\u3000张明华"}),
    ),
    "bullet_byline": ("■ 张明华", (None, "张明华", None, {})),
    "pen_byline_two_names": (
        "文/王建国 李明",
        (None, "王建国 李明", None, {"byline": "文/王建国 李明"}),
    ),
    "subtitle_without_dash": (
        "在全市组织工作会议上的讲话",
        (None, None, None, {"subtitle": "在全市组织工作会议上的讲话"}),
    ),
    "subtitle_with_date": (
        "——在全市组织工作会议上的讲话（2023年4月10日）",
        (
            datetime(2023, 4, 10),
            None,
            None,
            {"subtitle": "——在全市组织工作会议上的讲话（2023年4月10日）"},
        ),
    ),
    "chinese_numeral_date": ("（二〇二三年四月十日）", (datetime(2023, 4, 10), None, None, {})),
    "chinese_numeral_date_circle": (
        "二○二三年十二月三十一日",
        (datetime(2023, 12, 31), None, None, {}),
    ),
    "original_title": (
        "原标题：组工干部要善于四看",
        (None, None, None, {"original_title": "组工干部要善于四看"}),
    ),
    "widgets_among_fields": (
        "时间：2022-10-17 来源：新华网 【字号：大 中 小】【打印】",
        (datetime(2022, 10, 17), None, "新华网", {}),
    ),
    "poster_is_no_author": (
        "发布者：市委组织部 发布时间：2022-10-17 浏览：88次",
        (datetime(2022, 10, 17), None, None, {"poster": "市委组织部"}),
    ),
}


@pytest.mark.parametrize("line, fields", HEADER_CASES.values(), ids=HEADER_CASES.keys())
def test_header_line(line: str, fields: tuple) -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{line}\n{P1}\n{P2}")
    assert (doc.published_at, doc.author, doc.source_name, doc.extra) == fields
    assert doc.lines == [P1, P2]


def test_speech_title_block_with_chinese_numeral_date() -> None:
    text = (
        "凝心聚力 奋力开创组织工作新局面\n在全市组织工作会议上的讲话\n（二〇二三年四月十日）\n"
        f"市委常委、组织部部长 张明华\n同志们：\n{P1}"
    )
    assert summary(split_documents(text)[0]) == expect(
        title="凝心聚力 奋力开创组织工作新局面",
        published_at=datetime(2023, 4, 10),
        author="张明华",
        lines=["同志们：", P1],
        removed={"metadata_line": 3},
        extra={"subtitle": "在全市组织工作会议上的讲话", "byline": "市委常委、组织部部长 张明华"},
    )


# lines under a title that are body, though they look a little like metadata
HEADER_BODY_CASES = [
    "新华社北京4月10日电",
    "在全市组织工作会议上，大家畅所欲言",
    "二〇二三年是全面贯彻党的二十大精神的开局之年",
]


@pytest.mark.parametrize("line", HEADER_BODY_CASES)
def test_header_body_line(line: str) -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{line}\n{P1}")
    assert (doc.lines, doc.published_at, doc.author) == ([line, P1], None, None)


# --- trailing notes and lists of links ---------------------------------------------------

TRAILER_CASES = {
    "unit_note_original_title_editor": (
        "（作者单位：江苏省丹阳市委组织部）\n原标题：组工干部要善于四看\n责任编辑：刘洋",
        {"editor_credit": 1, "metadata_line": 1, "author_note": 1},
        {
            "editors": "责任编辑：刘洋",
            "original_title": "组工干部要善于四看",
            "author_note": "作者单位：江苏省丹阳市委组织部",
        },
    ),
    "seen_also_list": (
        "看过“组织工作心得体会”的人还看了：\n1.组织工作心得体会范文\n2.组织工作总结",
        {"recommended_reading": 3},
        {},
    ),
    "related_articles_with_dates": (
        "【组织工作心得体会】相关文章：\n组织工作心得体会范文12-05\n组织工作总结12-05",
        {"recommended_reading": 3},
        {},
    ),
    "label_then_list": (
        "相关阅读：\n组织工作心得体会\n组织工作总结",
        {"recommended_reading": 3},
        {},
    ),
    "credit_then_list": (
        "责任编辑：刘洋\n相关阅读：\n组织工作心得体会",
        {"editor_credit": 1, "recommended_reading": 2},
        {"editors": "责任编辑：刘洋"},
    ),
    "signature": (
        "中共丹阳市委组织部\n2022年12月20日",
        {"signature": 2},
        {"issuer": "中共丹阳市委组织部"},
    ),
    "signature_then_credit": (
        "丹阳市人民政府办公室\n（二〇二二年十二月二十日）\n责任编辑：刘洋",
        {"signature": 2, "editor_credit": 1},
        {"issuer": "丹阳市人民政府办公室", "editors": "责任编辑：刘洋"},
    ),
    "date_alone": ("2022-12-20", {"signature": 1}, {}),
}


def test_signature_date_is_the_date_when_the_header_gives_none() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{P1}\n中共丹阳市委组织部\n2022年12月20日")
    assert (doc.published_at, doc.lines) == (datetime(2022, 12, 20), [P1])
    text = f"组工干部要善于“四看”\n发布时间：2022-12-25\n{P1}\n2022年12月20日"
    (doc,) = split_documents(text)
    assert (doc.published_at, doc.lines) == (datetime(2022, 12, 25), [P1])


def test_an_office_line_without_a_date_under_it_is_body() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{P1}\n中共丹阳市委组织部")
    assert doc.lines == [P1, "中共丹阳市委组织部"]


@pytest.mark.parametrize("tail, removed, extra", TRAILER_CASES.values(), ids=TRAILER_CASES.keys())
def test_trailer(tail: str, removed: dict, extra: dict) -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n{P1}\n{P2}\n{tail}")
    assert (doc.lines, dict(doc.removed), doc.extra) == ([P1, P2], removed, extra)


def test_label_followed_by_body_is_body() -> None:
    """A list label takes the lines under it only when nothing but links follows."""
    label = "【组织工作】相关文章："
    (doc,) = split_documents(f"组工干部要善于“四看”\n{P1}\n{label}\n加强学习\n{P2}")
    assert (doc.lines, dict(doc.removed)) == ([P1, label, "加强学习", P2], {})


# --- run-in bylines -----------------------------------------------------------------

SEED001_TITLE = "以思想的大解放开创组织工作新局面"

RUN_IN_CASES = {
    # seed 001: 胡锦涛总书记 cannot continue a name, so the name is 李晓波
    "seed001": (
        f"{SEED001_TITLE}\n三门峡市湖滨区委常委。组织部长 "
        "李晓波胡锦涛总书记在全国组织工作会议上强调指出。",
        "李晓波",
        "胡锦涛总书记在全国组织工作会议上强调指出。",
    ),
    "opening_word": (
        f"{SEED001_TITLE}\n市委常委、组织部长 李晓波在全市组织工作会议上强调指出。",
        "李晓波",
        "在全市组织工作会议上强调指出。",
    ),
    # the office part holds a comma: a sentence, not a byline
    "comma_in_office": (
        "全市召开常委会议\n近日，市委书记 张三主持召开常委会议，研究部署全市重点工作。",
        None,
        "近日，市委书记 张三主持召开常委会议，研究部署全市重点工作。",
    ),
    "no_name_opening": (
        "全市召开常委会议\n近日市委书记 张三主持召开常委会议，研究部署全市重点工作。",
        None,
        "近日市委书记 张三主持召开常委会议，研究部署全市重点工作。",
    ),
    # 王五 or 王五胡? The line stays whole
    "two_character_name": (
        "标题\n组织部长 王五胡锦涛总书记在会议上强调指出。",
        None,
        "组织部长 王五胡锦涛总书记在会议上强调指出。",
    ),
    "body_word_after_two_character_name": (
        "标题\n组织部长 王五今在全市组织工作会议上强调指出。",
        None,
        "组织部长 王五今在全市组织工作会议上强调指出。",
    ),
    # no title above: no title block, no byline
    "no_title": (
        "三门峡市湖滨区委常委。组织部长 李晓波胡锦涛总书记在全国组织工作会议上强调指出。",
        None,
        "三门峡市湖滨区委常委。组织部长 李晓波胡锦涛总书记在全国组织工作会议上强调指出。",
    ),
}


@pytest.mark.parametrize("text, author, first", RUN_IN_CASES.values(), ids=RUN_IN_CASES.keys())
def test_run_in_byline(text: str, author: str | None, first: str) -> None:
    (doc,) = split_documents(text + f"\n{P1}")
    assert (doc.author, doc.lines) == (author, [first, P1])
    assert dict(doc.removed) == ({"run_in_byline": 1} if author else {})


# --- compilations -------------------------------------------------------------------

SEED003 = """在全市组工干部业务培训示范班上的交流发言3篇
在全市组工干部业务培训示范班上的交流发言篇1
有的是由于家庭、身体等原因需要进城，可以理解，也在情理之中。下面是众鑫文档网小编给大家带来的市委书记在2022年全市组工干部培训班开班仪式上的演讲材料，希望大家喜欢。
同志们：
举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会。下面，我讲三点意见：
一、办班为什么
同志们，压力出干部，实践锻炼人。
在全市组工干部业务培训示范班上的交流发言篇2
组织工作要为实施“四个全面战略”选干部、配班子、聚人才。下面是众鑫文档网小编给大家带来的2022年组工干部培训班结业讲话，希望大家喜欢。
同志们：
经过三天紧张忙碌的集中培训，这次组工干部培训班就要圆满结束了。
第一，把事业当家业
公道正派是组工干部的“生命线”。
在全市组工干部业务培训示范班上的交流发言篇3
我们的人生很充满着磨难。下面是众鑫文档网小编为您推荐领导干部在全市组工干部培训班工作会上的讲话，希望大家喜欢。
全市各级组织战线的同志们：
全市举办的这次组工干部培训班，其目的就是要通过一段时间的集中学习和研讨。
预祝本次培训班取得圆满成功！
推荐访问：班上 业务培训 示范 组工干部能力提升培训班交流发言材料"""


_NEWS_A = [
    "我市召开基层党建工作推进会",
    "发布时间：2022-10-17　来源：市委组织部",
    "10月16日，我市召开基层党建工作推进会。会议强调，要抓好支部建设。",
    "与会人员还观摩了部分先进支部",
]
_NEWS_B = [
    "县委组织部开展党员教育培训",
    "发布时间：2022-10-18 09:30　来源：县委组织部",
    "10月17日，县委组织部开展党员教育培训。",
]


def test_stacked_articles_each_opening_with_title_and_dated_fields_are_split() -> None:
    a, b = split_documents("\n".join(["当前位置：首页 > 工作动态", *_NEWS_A, *_NEWS_B]))
    assert (a.title, a.published_at, a.source_name) == (
        "我市召开基层党建工作推进会",
        datetime(2022, 10, 17),
        "市委组织部",
    )
    assert a.lines == _NEWS_A[2:]
    assert dict(a.removed) == {"boilerplate_nav": 1, "metadata_line": 1}
    assert (b.title, b.published_at, b.source_name) == (
        "县委组织部开展党员教育培训",
        datetime(2022, 10, 18, 9, 30),
        "县委组织部",
    )
    assert b.lines == _NEWS_B[2:]


@pytest.mark.parametrize(
    "tail",
    [
        # a short closing line, then dated credits: no article of its own
        ["让我们携手共进", "发布时间：2022-10-18　来源：县委组织部"],
        # a title-like line over undated fields: not enough to start an article
        ["县委组织部开展党员教育培训", "来源：县委组织部", "10月17日，县委组织部开展培训。"],
    ],
)
def test_no_split_without_a_whole_second_article(tail: list[str]) -> None:
    (doc,) = split_documents("\n".join([*_NEWS_A, *tail]))
    assert doc.title == "我市召开基层党建工作推进会"
    assert doc.lines[:2] == _NEWS_A[2:]


def test_a_meeting_time_under_a_heading_starts_no_article() -> None:
    lines = [
        "关于召开全市组织工作会议的通知",
        "发布时间：2022-10-10 来源：市委组织部",
        "各区县党委组织部：经研究，决定召开全市组织工作会议。",
        "会议安排",
        "时间：2022年10月17日上午9时",
        "地点：市委大礼堂。请各单位准时参加。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at) == (lines[0], datetime(2022, 10, 10))
    assert doc.lines == lines[2:]


def test_a_meeting_time_under_the_header_label_starts_no_article() -> None:
    # the header's own label is a bare 时间: a meeting's 时间 line repeats it
    lines = [
        "关于举办党务干部培训班的通知",
        "时间：2023-02-25",
        "各基层党组织：",
        "县委组织部决定举办党务干部培训班。现将有关事项通知如下。",
        "培训安排",
        "时间：2023年3月1日至3日",
        "地点：县委党校",
        "请各单位于2月28日前报送名单。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at) == (lines[0], datetime(2023, 2, 25))
    assert doc.lines == lines[2:]


def test_a_first_article_without_dated_fields_is_never_split() -> None:
    # the second title and fields are body of a file that does not open that way
    lines = ["我市召开基层党建工作推进会", *_NEWS_A[2:], *_NEWS_B]
    (doc,) = split_documents("\n".join(lines))
    assert doc.lines == lines[1:]


def test_seed003_compilation() -> None:
    stem = "在全市组工干部业务培训示范班上的交流发言"
    assert [summary(doc) for doc in split_documents(SEED003)] == [
        expect(
            title=f"{stem}篇1",
            lines=[
                "同志们：",
                "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会。下面，我讲三点意见：",
                "一、办班为什么",
                "同志们，压力出干部，实践锻炼人。",
            ],
            removed={"compilation_header": 1, "boilerplate_ad": 1},
        ),
        expect(
            title=f"{stem}篇2",
            lines=[
                "同志们：",
                "经过三天紧张忙碌的集中培训，这次组工干部培训班就要圆满结束了。",
                "第一，把事业当家业",
                "公道正派是组工干部的“生命线”。",
            ],
            removed={"boilerplate_ad": 1},
        ),
        expect(
            title=f"{stem}篇3",
            lines=[
                "全市各级组织战线的同志们：",
                "全市举办的这次组工干部培训班，其目的就是要通过一段时间的集中学习和研讨。",
                "预祝本次培训班取得圆满成功！",
            ],
            removed={"boilerplate_ad": 1, "recommended_reading": 1},
        ),
    ]


COMPILATION_CASES = {
    # two parts; the page's date and source apply to each part
    "two_parts_page_metadata": (
        f"组织工作心得体会2篇\n时间：2022-10-17 10:37:00 来源：本地日报\n"
        f"组织工作心得体会篇1\n{P1}\n组织工作心得体会篇2\n{P2}",
        [("组织工作心得体会篇1", [P1]), ("组织工作心得体会篇2", [P2])],
        datetime(2022, 10, 17, 10, 37),
    ),
    # parts headed 第一篇… after an announcement
    "numbered_parts": (
        f"学习心得体会（精选2篇）\n第一篇：坚定理想信念\n{P1}\n第二篇：提升能力素质\n{P2}\n{P3}",
        [("第一篇：坚定理想信念", [P1]), ("第二篇：提升能力素质", [P2, P3])],
        None,
    ),
    # unannounced parts headed …篇一, …篇二
    "unannounced_parts": (
        f"组织工作心得体会篇一\n{P1}\n组织工作心得体会篇二\n{P2}",
        [("组织工作心得体会篇一", [P1]), ("组织工作心得体会篇二", [P2])],
        None,
    ),
    # a part with nothing in it is dropped
    "empty_part_dropped": (
        f"组织工作心得体会3篇\n组织工作心得体会篇1\n{P1}\n组织工作心得体会篇2\n-\n"
        f"组织工作心得体会篇3\n{P3}",
        [("组织工作心得体会篇1", [P1]), ("组织工作心得体会篇3", [P3])],
        None,
    ),
    # an announcement without part headings is an ordinary title
    "announced_no_parts": (
        f"学习心得三篇\n{P1}\n{P2}",
        [("学习心得三篇", [P1, P2])],
        None,
    ),
    # 第一篇 without an announcement is body (a book's parts, say)
    "unannounced_numbered_not_split": (
        f"干部教育读本\n第一篇 总论\n{P1}\n第二篇 分论\n{P2}",
        [("干部教育读本", ["第一篇 总论", P1, "第二篇 分论", P2])],
        None,
    ),
    # "【篇一】…" parts, announced with 【五篇】
    "bracket_marks": (
        f"入党积极分子思想汇报范文【三篇】\n【篇一】入党积极分子思想汇报\n{P1}\n"
        f"【篇二】入党积极分子思想汇报\n{P2}\n【篇三】入党积极分子思想汇报\n{P3}",
        [
            ("【篇一】入党积极分子思想汇报", [P1]),
            ("【篇二】入党积极分子思想汇报", [P2]),
            ("【篇三】入党积极分子思想汇报", [P3]),
        ],
        None,
    ),
    # "篇一：…" parts need no announcement
    "colon_marks_unannounced": (
        f"篇一：坚定理想信念\n{P1}\n篇二：提升能力素质\n{P2}",
        [("篇一：坚定理想信念", [P1]), ("篇二：提升能力素质", [P2])],
        None,
    ),
    "model_text_marks": (
        f"主题教育心得体会范文2篇\n范文一：坚定理想信念\n{P1}\n范文二：提升能力素质\n{P2}",
        [("范文一：坚定理想信念", [P1]), ("范文二：提升能力素质", [P2])],
        None,
    ),
    "digit_ordinal_parts": (
        f"主题教育心得体会精选2篇\n第1篇：坚定理想信念\n{P1}\n第2篇：提升能力素质\n{P2}",
        [("第1篇：坚定理想信念", [P1]), ("第2篇：提升能力素质", [P2])],
        None,
    ),
    "bracketed_suffix": (
        f"主题教育心得体会(精选2篇)\n主题教育心得体会(精选篇1)\n{P1}\n主题教育心得体会(精选篇2)\n{P2}",
        [("主题教育心得体会(精选篇1)", [P1]), ("主题教育心得体会(精选篇2)", [P2])],
        None,
    ),
    # the same title repeated with a number, under an announcement
    "repeated_numbered_titles": (
        f"主题教育心得体会范文（通用3篇）\n主题教育心得体会1\n{P1}\n主题教育心得体会2\n{P2}\n"
        f"主题教育心得体会3\n{P3}",
        [
            ("主题教育心得体会1", [P1]),
            ("主题教育心得体会2", [P2]),
            ("主题教育心得体会3", [P3]),
        ],
        None,
    ),
    "repeated_titles_bracketed_numbers": (
        f"主题教育心得体会2篇\n主题教育心得体会（一）\n{P1}\n主题教育心得体会（二）\n{P2}",
        [("主题教育心得体会（一）", [P1]), ("主题教育心得体会（二）", [P2])],
        None,
    ),
    # …or under the same title, unnumbered
    "repeated_titles_under_their_title": (
        f"主题教育心得体会\n主题教育心得体会1\n{P1}\n主题教育心得体会2\n{P2}",
        [("主题教育心得体会1", [P1]), ("主题教育心得体会2", [P2])],
        None,
    ),
    # a bare mark: the part's title is the line under it, and its title block is read
    "bare_marks": (
        f"入党积极分子思想汇报【两篇】\n【篇一】\n入党积极分子思想汇报\n{P1}\n"
        f"【篇二】\n坚定理想信念\n{P2}",
        [("入党积极分子思想汇报", [P1]), ("坚定理想信念", [P2])],
        None,
    ),
    # numbered headings of one report are no parts without an announcement
    "repeated_titles_unannounced_not_split": (
        f"全年工作总结\n{P1}\n典型案例（一）\n{P2}\n典型案例（二）\n{P3}",
        [("全年工作总结", [P1, "典型案例（一）", P2, "典型案例（二）", P3])],
        None,
    ),
    "first_article_sentence_not_split": (
        f"学习心得2篇\n第一篇文章中我们谈到，干部要敢于担当\n{P1}\n第二篇文章中我们谈到，要廉洁\n{P2}",
        [
            (
                "学习心得2篇",
                ["第一篇文章中我们谈到，干部要敢于担当", P1, "第二篇文章中我们谈到，要廉洁", P2],
            )
        ],
        None,
    ),
    # a list of links after the last part belongs to no document
    "trailing_links_after_last_part": (
        f"组织工作心得体会2篇\n组织工作心得体会篇1\n{P1}\n组织工作心得体会篇2\n{P2}\n"
        "看过“组织工作心得体会”的人还看了：\n1.组织工作心得体会范文\n2.组织工作总结",
        [("组织工作心得体会篇1", [P1]), ("组织工作心得体会篇2", [P2])],
        None,
    ),
    # parts out of sequence are body
    "out_of_sequence_not_split": (
        f"组织工作心得体会\n{P1}\n对照检查篇2\n{P2}\n对照检查篇1\n{P3}",
        [("组织工作心得体会", [P1, "对照检查篇2", P2, "对照检查篇1", P3])],
        None,
    ),
}


@pytest.mark.parametrize(
    "text, parts, when", COMPILATION_CASES.values(), ids=COMPILATION_CASES.keys()
)
def test_compilation(text: str, parts: list, when: datetime | None) -> None:
    docs = split_documents(text)
    assert [(doc.title, doc.lines) for doc in docs] == parts
    assert [doc.published_at for doc in docs] == [when] * len(parts)


def test_bare_part_marks_are_counted() -> None:
    """A bare mark is counted; the title block under it is the part's own."""
    text = f"心得2篇\n【篇一】\n坚定理想信念\n时间：2023-04-10\n{P1}\n【篇二】\n提升能力素质\n{P2}"
    first, second = split_documents(text)
    assert (first.title, first.published_at, second.title, second.published_at) == (
        "坚定理想信念",
        datetime(2023, 4, 10),
        "提升能力素质",
        None,
    )
    assert dict(first.removed) == {"compilation_header": 1, "part_mark": 1, "metadata_line": 1}
    assert dict(second.removed) == {"part_mark": 1}


def test_compilation_preamble_counted_on_first_part() -> None:
    text = (
        f"组织工作心得体会2篇\n时间：2022-10-17 10:37:00\n以下两篇供交流。\n"
        f"组织工作心得体会篇1\n{P1}\n组织工作心得体会篇2\n{P2}"
    )
    first, second = split_documents(text)
    assert dict(first.removed) == {
        "compilation_header": 1,
        "metadata_line": 1,
        "compilation_preamble": 1,
    }
    assert dict(second.removed) == {}


# --- nothing left -------------------------------------------------------------------

EMPTY_CASES = {
    "empty": "",
    "blank_lines": "\n  \n\u3000\n",
    "title_only": "优化发展环境交流",
    "title_and_metadata": "优化发展环境交流\n时间：2022-10-17 10:37:00\n-",
    "boilerplate_only": "下面是众鑫文档网小编给大家带来的讲话，希望大家喜欢。\n推荐访问：班上",
    "compilation_of_titles": "心得2篇\n心得篇1\n心得篇2",
}


@pytest.mark.parametrize("text", EMPTY_CASES.values(), ids=EMPTY_CASES.keys())
def test_no_body_means_no_document(text: str) -> None:
    """A document needs at least one body line; a file with none yields []."""
    assert split_documents(text) == []


def test_lines_are_stripped_and_blank_lines_dropped() -> None:
    (doc,) = split_documents(f"  组工干部要善于“四看”  \n\n\u3000\u3000{P1}\n\n{P2} \n")
    assert (doc.title, doc.lines) == ("组工干部要善于“四看”", [P1, P2])
    assert doc.text == f"{P1}\n{P2}"


# --- keyword tables -------------------------------------------------------------------


@pytest.mark.parametrize("conversion", ["s2t", "s2tw", "s2hk"])
def test_keywords_match_their_traditional_forms(conversion: str) -> None:
    cc = opencc.OpenCC(conversion)
    missed = [
        (word, cc.convert(word))
        for word in sorted(documents._VOCABULARY)
        if not re.fullmatch(documents._hz(word), cc.convert(word))
    ]
    assert missed == []


def test_keyword_alternatives_open_with_a_literal_of_either_script() -> None:
    # a literal first character lets `re` skip to where a keyword can start
    assert documents._alternatives(("网友", "关闭窗口")) == "关[闭閉]窗口|關[闭閉]窗口|网友|網友"
    pattern = re.compile(documents._any("关闭窗口", "网友"))
    lines = ("点击關閉窗口", "关閉窗口", "網友上傳", "关门", "闭窗口")
    assert [pattern.search(line) is not None for line in lines] == [True, True, True, False, False]
    cue = documents._DISCLAIMER.cue
    lines = ("CoPyRiGhT 2020", "copyright", "© 2020", "版權所有", "复制", "opyright")
    assert [cue.search(line) is not None for line in lines] == [True] * 4 + [False] * 2


@pytest.mark.parametrize("conversion", ["s2t", "s2tw", "s2hk"])
def test_surnames_cover_their_traditional_forms(conversion: str) -> None:
    cc = opencc.OpenCC(conversion)
    missed = sorted(c for c in documents._SURNAMES if cc.convert(c) not in documents._SURNAMES)
    assert missed == []


@pytest.mark.parametrize("name", ["_DISCLAIMER", "_AD", "_ANY_AD_HINT"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_match_of_a_cued_pattern_holds_a_cue(name: str, data: st.DataObject) -> None:
    # the cues only spare the search lines that cannot match: text made to match each
    # pattern (any branch, either script) always holds a cue
    cued = getattr(documents, name)
    text = data.draw(st.from_regex(cued.pattern))
    assert cued.cue.search(text) is not None
    assert cued.search(text) is not None


def test_cued_patterns_find_what_the_patterns_find_on_the_seeds() -> None:
    lines = [line for seed in SEEDS for line in decode((RAW / seed).read_bytes()).text.split("\n")]
    lines += ["本文来源于网络", "版權所有 翻版必究", "Copyright 2020", "下面是小编为大家整理的范文"]
    for cued in (documents._DISCLAIMER, documents._AD, documents._ANY_AD_HINT):
        found = [line for line in lines if cued.pattern.search(line)]
        assert found and [line for line in lines if cued.search(line)] == found


def test_an_information_disclosure_record_over_the_title() -> None:
    # 政府信息公开: the record's fields go to metadata, the title is the line under them
    lines = [
        "索引号：11410000MB1234567X/2022-00123",
        "发布机构：某某市委组织部",
        "主题分类：组织人事 党建",
        "成文日期：2022年03月15日 发布日期：2022年03月16日",
        "文号：某组发〔2022〕12号",
        "有效性：有效",
        "关于做好2022年度党员发展工作的通知",
        "各县（市、区）委组织部：",
        "现将有关事项通知如下。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at) == (lines[6], datetime(2022, 3, 16))
    assert doc.lines == lines[7:]
    assert doc.extra == {
        "index_number": "11410000MB1234567X/2022-00123",
        "poster": "某某市委组织部",
        "category": "组织人事 党建",
        "written_at": "2022-03-15 00:00:00",
        "document_number": "某组发〔2022〕12号",
        "validity": "有效",
    }


def test_a_record_names_the_title_and_gives_only_the_signing_date() -> None:
    lines = [
        "名称：关于印发《党员教育管理办法》的通知",
        "发文机关：中共某某县委组织部 生成日期：2022-05-10",
        "关于印发《党员教育管理办法》的通知",  # the page's heading repeats it
        "各乡镇党委：现将办法印发给你们。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at) == (
        "关于印发《党员教育管理办法》的通知",
        datetime(2022, 5, 10),
    )
    assert doc.lines == lines[3:]
    assert doc.extra["issuer"] == "中共某某县委组织部"


def test_a_red_header_masthead_and_document_number() -> None:
    lines = [
        "中共某某市委组织部文件",
        "某组发〔2022〕12号 签发人：张三",
        "关于做好2022年度党员发展工作的通知",
        "各县（市、区）委组织部：现将有关事项通知如下。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert doc.title == lines[2]
    assert doc.lines == lines[3:]
    assert doc.extra == {
        "masthead": "中共某某市委组织部文件",
        "document_number": "某组发〔2022〕12号",
        "signer": "张三",
    }


def test_a_column_name_over_the_title() -> None:
    lines = [
        "工作动态",
        "我县召开基层党建工作推进会",
        "发布时间：2023-03-10 来源：县委组织部",
        "3月10日，我县召开基层党建工作推进会。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at, doc.source_name) == (
        lines[1],
        datetime(2023, 3, 10),
        "县委组织部",
    )
    assert doc.lines == lines[3:]
    assert doc.extra == {"column": "工作动态"}


@pytest.mark.parametrize(
    "lines",
    [
        # a title ending in 文件 that is no masthead, and a title over a subtitle
        ["关于转发省委组织部文件", "各乡镇党委：现将文件转发给你们。"],
        ["关于加强党建工作的意见", "为进一步加强党建工作，提出如下意见。", "一、总体要求"],
    ],
)
def test_titles_that_only_look_like_a_masthead_or_a_column(lines: list[str]) -> None:
    (doc,) = split_documents("\n".join(lines))
    assert doc.title == lines[0]
    assert doc.lines == lines[1:]


def test_a_closing_publicity_note_and_colophon_under_the_signature() -> None:
    lines = [
        "关于报送述职报告的通知",
        "各基层党委：",
        "请于1月15日前报送述职报告。",
        "中共某某县委组织部",
        "2022年12月28日",
        "（此件公开发布）",
        "抄送：县委办公室，县政府办公室。",
        "中共某某县委组织部办公室　　2022年12月28日印发",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert doc.lines == lines[1:3]
    assert doc.published_at == datetime(2022, 12, 28)
    assert doc.extra == {
        "printed": "中共某某县委组织部办公室　　2022年12月28日印发",
        "copies_to": "县委办公室，县政府办公室。",
        "publicity": "此件公开发布",
        "issuer": "中共某某县委组织部",
    }
    assert dict(doc.removed) == {"colophon": 3, "signature": 2}


def test_a_byline_set_as_a_subtitle_gives_the_author() -> None:
    lines = [
        "在全市组织工作会议上的讲话",
        "——市委常委、组织部长 张建国",
        "同志们：",
        "今天召开会议。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.author, doc.lines) == (lines[0], "张建国", lines[2:])
    assert doc.extra == {"byline": "市委常委、组织部长 张建国"}


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            [
                "中共某某市委办公室 某某市人民政府办公室关于印发《某某市推进基层党建与乡村振兴"
                "深度融合三年行动方案（2022—2024年）》的通知",
                "发布时间：2022-05-10 来源：市委办公室",
                "各县（市、区）党委和人民政府：现将方案印发给你们。",
            ],
            None,
        ),
        (
            [
                "关于印发《某某县村级组织运转经费保障",
                "办法（试行）》的通知",
                "各乡镇党委：现将办法印发给你们。",
            ],
            "关于印发《某某县村级组织运转经费保障办法（试行）》的通知",
        ),
        (
            [
                "关于进一步加强和改进新形势下",
                "基层党组织建设工作的意见",
                "为进一步加强基层党组织建设，提出如下意见。",
            ],
            "关于进一步加强和改进新形势下基层党组织建设工作的意见",
        ),
        (  # the issuing office before 关于 (a red-header document converted from PDF)
            [
                "江州市人民政府办公室关于印发",
                "《江州市2024年优化营商环境工作要点》的通知",
                "各县（市、区）人民政府，市政府各部门：",
            ],
            "江州市人民政府办公室关于印发《江州市2024年优化营商环境工作要点》的通知",
        ),
        (
            [
                "江州市发展和改革委员会关于商请协助做好",
                "2024年重大项目用地保障工作的函",
                "市自然资源和规划局：",
            ],
            "江州市发展和改革委员会关于商请协助做好2024年重大项目用地保障工作的函",
        ),
        (  # a line that only notes the title's years
            [
                "江州市推进数字乡村建设实施方案",
                "（2024—2026年）",
                "为加快推进数字乡村建设，制定本方案。",
            ],
            "江州市推进数字乡村建设实施方案（2024—2026年）",
        ),
        (  # a second subject joined on
            [
                "湖西街道党工委2023年工作总结",
                "和2024年工作打算",
                "2023年，湖西街道党工委各项工作取得积极成效。",
            ],
            "湖西街道党工委2023年工作总结和2024年工作打算",
        ),
    ],
)
def test_long_and_wrapped_titles(lines: list[str], title: str | None) -> None:
    (doc,) = split_documents("\n".join(lines))
    assert doc.title == (title or lines[0])
    assert doc.lines == lines[-1:]


P = "今年以来，县委坚持把党的政治建设摆在首位，各项工作取得明显成效。"


@pytest.mark.parametrize(
    ("lines", "title", "extra"),
    [
        # a news title ending in 文件, with no document number under it: no masthead
        (
            ["县委常委会传达学习中央和省委文件", "5月6日，县委常委会传达学习有关文件精神。", P],
            0,
            {},
        ),
        # an interview's and a profile's subject are not the author
        (
            ["把群众的事当成自己的事", "——访某某县委书记 李伟", P],
            0,
            {"subtitle": "——访某某县委书记 李伟"},
        ),
        # a title over a speech's subtitle and the fields: no column's name
        (
            ["坚定不移推进全面从严治党", "——在全县警示教育大会上的讲话", "发布时间：2023-05-06", P],
            0,
            {"subtitle": "——在全县警示教育大会上的讲话"},
        ),
        # a 关于… title over a dash subtitle: no wrapped title
        (
            ["关于新时代基层党建工作的几点思考", "——在全县组织工作会议上的讲话", P],
            0,
            {"subtitle": "——在全县组织工作会议上的讲话"},
        ),
    ],
)
def test_header_lines_that_only_look_like_new_metadata(
    lines: list[str], title: int, extra: dict
) -> None:
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.author, doc.extra) == (lines[title], None, extra)
    assert doc.lines[-1] == P


def test_a_name_field_under_a_title_is_body() -> None:
    lines = [
        "关于拟命名县级红色教育基地的公示",
        "名称：某某村革命烈士纪念馆",
        "地址：某某县城关镇某某村",
        P,
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.lines) == (lines[0], lines[1:])


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # a short line over a byline, a name list or a date is no column's name
        (["秋收正当时", "本报记者 张三 通讯员 李四", "发布时间：2022-10-17", P], 0),
        (["干部任前公示", "张三 李四 王五", "发布时间：2022-10-17", P], 0),
        # a salutation over a bare date field is no title
        (["同志们！", "时间：2022年10月17日", P], None),
    ],
)
def test_short_lines_that_only_look_like_a_column_or_a_title(
    lines: list[str], title: int | None
) -> None:
    (doc,) = split_documents("\n".join(lines))
    assert doc.title == (None if title is None else lines[title])
    assert "column" not in doc.extra
    assert doc.lines[-1] == P


@pytest.mark.parametrize("subtitle", ["——本报记者专访某某县委书记 李伟", "——缅怀原县委书记 焦裕禄"])
def test_the_person_a_profile_or_interview_is_on_is_no_author(subtitle: str) -> None:
    (doc,) = split_documents(f"把党建优势转化为发展优势\n{subtitle}\n{P}")
    assert (doc.author, doc.extra, doc.lines) == (None, {"subtitle": subtitle}, [P])


def test_a_sentence_that_lost_its_full_stop_is_no_long_title() -> None:
    first = (
        "为认真贯彻落实中央和省委、市委关于加强基层党组织建设的部署要求，进一步提升基层党组织的"
        "组织力，现结合我县实际制定本实施方案"
    )
    (doc,) = split_documents(f"{first}\n一、总体要求\n{P}")
    assert (doc.title, doc.lines) == (None, [first, "一、总体要求", P])


def test_a_schedule_of_dated_rows_is_body() -> None:
    rows = [f"时间：2022年10月{d}日 {what}" for d, what in [(17, "主题党日"), (24, "专题党课")]]
    (doc,) = split_documents("\n".join(["近期活动安排", *rows, "以上活动请各支部按时参加。"]))
    assert doc.title == "近期活动安排"
    assert doc.lines == [*rows, "以上活动请各支部按时参加。"]


def test_a_title_wrapped_under_a_masthead() -> None:
    lines = [
        "中共某某市委组织部文件",
        "某组发〔2022〕12号",
        "关于进一步加强基层党组织",
        "建设工作的意见",
        P,
    ]
    (doc,) = split_documents("\n".join(lines))
    assert doc.title == "关于进一步加强基层党组织建设工作的意见"
    assert doc.lines == [P]


def test_a_bare_office_and_name_under_the_occasion_is_the_byline() -> None:
    lines = [
        "政府工作报告",
        "——2024年1月10日在白沙镇第十八届人民代表大会第四次会议上",
        "镇长　王志刚",
        P,
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.author, doc.lines) == (lines[0], "王志刚", [P])
    assert doc.published_at == datetime(2024, 1, 10)


def test_an_issuer_and_date_under_the_title() -> None:
    # a statistical bulletin: the bureau, then the date, each on a line of its own
    lines = ["东湖区2023年国民经济和社会发展统计公报", "东湖区统计局", "2024年3月28日", P]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at, doc.lines) == (lines[0], datetime(2024, 3, 28), [P])
    assert doc.extra["author_unit"] == "东湖区统计局"


def test_minutes_number_and_issuer_with_date_on_one_line() -> None:
    lines = ["县政府第十二次常务会议纪要", "〔2024〕12号", "青山县人民政府办公室 2024年4月8日", P]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.title, doc.published_at, doc.lines) == (lines[0], datetime(2024, 4, 8), [P])
    assert doc.extra["document_number"] == "〔2024〕12号"
    assert doc.extra["author_unit"] == "青山县人民政府办公室"


def test_a_table_of_contents_goes_and_its_headings_stay_in_the_body() -> None:
    lines = [
        "江州市物业管理条例",
        "目　　录",
        "第一章　总则……………………1",
        "第二章　业主大会………………3",
        "第一章　总则",
        "第一条　为了规范物业管理活动，维护业主的合法权益，制定本条例。",
        "第二章　业主大会",
        "第二条　一个物业管理区域成立一个业主大会。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert doc.lines == lines[4:]
    assert doc.removed["table_of_contents"] == 3


def test_a_contents_line_whose_entries_do_not_recur_stays() -> None:
    lines = ["工作简报", "目录", "本期要闻", "工作动态", P]
    (doc,) = split_documents("\n".join(lines))
    assert doc.lines == lines[1:]
    assert "table_of_contents" not in doc.removed


def test_a_last_sentence_that_names_a_printing_date_is_body() -> None:
    lines = [
        "关于印发实施方案的说明",
        "各单位：",
        "《某某县基层党建实施方案》已于2022年12月28日印发",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert doc.lines == lines[1:]


def test_a_publisher_field_without_a_date() -> None:
    lines = [
        "我县召开组织工作会议",
        "来源：县融媒体中心 发布：县委宣传部",
        "10月17日，我县召开会议。",
    ]
    (doc,) = split_documents("\n".join(lines))
    assert (doc.source_name, doc.extra, doc.lines) == (
        "县融媒体中心",
        {"poster": "县委宣传部"},
        lines[2:],
    )


# --- news pages: bylines with roles, what stands over a title, site lines ---------------

T = "我县召开基层党建工作推进会"
FIELDS = "发布时间：2022-10-17 来源：县委组织部"
D17 = datetime(2022, 10, 17)

NEWS_CASES = {
    # several roles: every writer's name, in order; photographers apart
    "reporter_and_correspondent": (
        f"{T}\n记者 王晓东 通讯员 刘建军\n{P1}",
        {"author": "王晓东 刘建军", "lines": [P1]},
    ),
    "reporter_intern_correspondent": (
        f"{T}\n本报记者 赵磊 实习生 孙悦 通讯员 陈刚\n{P1}",
        {"author": "赵磊 孙悦 陈刚", "lines": [P1]},
    ),
    "bare_reporter": (f"{T}\n记者 张明\n{P1}", {"author": "张明", "lines": [P1]}),
    "labelled_roles": (f"{T}\n记者：张明 通讯员：李红\n{P1}", {"author": "张明 李红"}),
    "paper_reporter_in_brackets": (f"{T}\n（人民日报记者 张晓松）\n{P1}", {"author": "张晓松"}),
    "padded_name_in_byline": (f"{T}\n本报记者 张 明\n{P1}", {"author": "张明", "lines": [P1]}),
    "text_and_photo": (
        f"{T}\n文/周强 图/李娜\n{P1}",
        {"author": "周强", "lines": [P1], "photographer": "李娜"},
    ),
    # the dateline's byline gives the author; the line stays as it is
    "dateline_byline": (
        f"{T}\n本报讯（记者 张明 通讯员 李红）10月16日，我县召开推进会。\n{P1}",
        {
            "author": "张明 李红",
            "lines": ["本报讯（记者 张明 通讯员 李红）10月16日，我县召开推进会。", P1],
        },
    ),
    # fields of an author: a padded name, names apart by 、; a paper's name and page
    "padded_name_in_field": (f"{T}\n作者：张 明 来源：某某日报\n{P1}", {"author": "张明"}),
    "names_apart_by_comma": (f"{T}\n作者：张明、李红\n{P1}", {"author": "张明 李红"}),
    "paper_source_with_page": (
        f"{T}\n来源：《某某日报》2022年10月17日 第03版\n{P1}",
        {"source_name": "某某日报", "published_at": D17, "lines": [P1]},
    ),
    # over the title: a site's name, the page's title, a column's name
    "site_name": (
        f"某某县人民政府网\n{T}\n{FIELDS}\n{P1}",
        {"title": T, "published_at": D17, "source_name": "县委组织部", "lines": [P1]},
    ),
    "page_title": (f"{T}_某某县人民政府网\n{T}\n{FIELDS}\n{P1}", {"title": T, "lines": [P1]}),
    "page_title_dash": (f"{T} - 某某党建网\n{T}\n{FIELDS}\n{P1}", {"title": T, "lines": [P1]}),
    "news_centre": (f"新闻中心\n{T}\n{FIELDS}\n{P1}", {"title": T, "lines": [P1]}),
    # a deck under the title, over the page's fields; a title set on two lines
    "deck_over_fields": (
        f"坚持党建引领 推动乡村振兴\n某某县：“红色引擎”激活发展新动能\n{FIELDS}\n{P1}",
        {"title": "坚持党建引领 推动乡村振兴", "published_at": D17, "lines": [P1]},
    ),
    "two_line_speech_title": (
        "坚定信心 真抓实干\n奋力开创全县组织工作新局面\n——在全县组织工作会议上的讲话\n"
        f"县委书记 李强\n（2023年2月10日）\n同志们：\n{P1}",
        {
            "title": "坚定信心 真抓实干 奋力开创全县组织工作新局面",
            "author": "李强",
            "published_at": datetime(2023, 2, 10),
            "lines": ["同志们：", P1],
        },
    ),
    "byline_with_date": (
        f"在全县组织工作会议上的讲话\n县委书记 李强（2023年2月10日）\n同志们：\n{P1}",
        {"author": "李强", "published_at": datetime(2023, 2, 10), "lines": ["同志们：", P1]},
    ),
    "wechat_header": (
        f"{T}\n原创 某某组工 2022-10-17 18:30 发表于四川\n{P1}",
        {"published_at": datetime(2022, 10, 17, 18, 30), "lines": [P1], "poster": "某某组工"},
    ),
    "group_author": (f"{T}\n某某县委组织部课题组\n{P1}", {"author": "某某县委组织部课题组"}),
    # at the end: credits, bylines, a contributing unit, a one-line signature
    "wechat_credits": (
        f"{T}\n{P1}\n来源：某某县委组织部\n编辑：李婷\n监制：王强",
        {"source_name": "某某县委组织部", "lines": [P1]},
    ),
    "review_chain": (f"{T}\n{P1}\n初审：李婷\n复审：刘洋\n终审：张伟", {"lines": [P1]}),
    "trailing_reporter": (f"{T}\n{P1}\n（记者 张明）", {"author": "张明", "lines": [P1]}),
    "trailing_unit_byline": (f"{T}\n{P1}\n某某县委组织部 王建华", {"author": "王建华"}),
    "trailing_text_and_photo": (
        f"{T}\n{P1}\n文字：李红 图片：张明",
        {"author": "李红", "lines": [P1], "photographer": "张明"},
    ),
    "contributed": (
        f"{T}\n{P1}\n（某某镇党委供稿）",
        {"source_name": "某某镇党委", "lines": [P1]},
    ),
    "signature_on_one_line": (
        f"关于开展党员冬训工作的通知\n各基层党组织：\n{P1}\n中共某某县委组织部 2022年11月20日",
        {"published_at": datetime(2022, 11, 20), "lines": ["各基层党组织：", P1]},
    ),
    "views_at_the_end": (f"{T}\n{P1}\n阅读次数：1234 【字体：大 中 小】", {"lines": [P1]}),
    "editor_after_correction_widget": (f"{T}\n{P1}\n【我要纠错】 责任编辑：王芳", {"lines": [P1]}),
    # site lines
    "read_the_original": (f"{T}\n{P1}\n点击“阅读原文”了解更多", {"lines": [P1]}),
    "scan_to_follow": (f"{T}\n{P1}\n扫一扫，关注“某某组工”微信公众号", {"lines": [P1]}),
    "ad": (f"{T}\n{P1}\n【广告】某某银行：党费缴纳更便捷，扫码即可办理", {"lines": [P1]}),
    "technical_support": (
        f"{T}\n{P1}\n主办：中共某某县委组织部 技术支持：某某网络科技有限公司",
        {"lines": [P1]},
    ),
    "related_news": (
        f"{T}\n{P1}\n{P2}\n相关新闻\n我县召开组织工作会议\n某某镇举办党员培训班",
        {"lines": [P1, P2]},
    ),
}


@pytest.mark.parametrize(("text", "expected"), NEWS_CASES.values(), ids=NEWS_CASES.keys())
def test_news_page_headers_and_trailers(text: str, expected: dict) -> None:
    (doc,) = split_documents(text)
    for key, value in expected.items():
        actual = doc.extra.get(key) if key in ("photographer", "poster") else getattr(doc, key)
        assert actual == value, key


NOT_BYLINES = [
    "走进基层 服务群众",  # no role
    "记者节",  # a role with no name
    "记者 走访了 一百多户",  # words no name
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_lines_that_are_no_role_bylines(line: str) -> None:
    assert documents._role_byline(line) is None


def test_a_meeting_time_under_a_heading_is_no_deck() -> None:
    # 会议安排 over a bare 时间： line is body: only a page's fields make a deck
    text = f"关于召开组织工作会议的通知\n会议安排\n时间：2022年10月17日上午9时\n{P1}"
    (doc,) = split_documents(text)
    assert doc.lines == ["会议安排", "时间：2022年10月17日上午9时", P1]


def test_a_column_line_over_stacked_articles_still_splits_them() -> None:
    one = f"{T}\n{FIELDS}\n{P1}\n{P2}"
    two = f"县委组织部开展党员教育培训\n发布时间：2022-10-18 来源：县委组织部\n{P2}\n{P1}"
    docs = split_documents(f"工作动态\n{one}\n{two}")
    assert [(d.title, d.published_at, d.lines) for d in docs] == [
        (T, D17, [P1, P2]),
        ("县委组织部开展党员教育培训", datetime(2022, 10, 18), [P2, P1]),
    ]


# --- lines the news rules must leave alone (from a review for false changes) -------------

KEPT_CASES = {
    # an event's plan names its organisers; technical support alone is no site footer
    "organisers": (
        f"{T}\n主办单位：县农业农村局\n承办单位：某某镇人民政府\n技术支持：县农业技术推广中心\n{P1}",
        ["主办单位：县农业农村局", "承办单位：某某镇人民政府", "技术支持：县农业技术推广中心", P1],
    ),
    # a closing list of members, an agenda, a contact: no trailing byline
    "members": (
        f"{T}\n{P1}\n组长：县委副书记 王强\n成员：县委办公室主任 张伟",
        [P1, "组长：县委副书记 王强", "成员：县委办公室主任 张伟"],
    ),
    "agenda": (f"{T}\n{P1}\n二、县委书记 张伟 讲话", [P1, "二、县委书记 张伟 讲话"]),
    "caption": (f"{T}\n{P1}\n图为县委书记 张伟 调研", [P1, "图为县委书记 张伟 调研"]),
    # honours are no bylines
    "honours": (
        f"{T}\n{P1}\n优秀新闻记者：王伟、李强\n优秀通讯员：张敏、刘洋",
        [P1, "优秀新闻记者：王伟、李强", "优秀通讯员：张敏、刘洋"],
    ),
    "call_for_articles": (f"{T}\n{P1}\n欢迎各单位积极供稿", [P1, "欢迎各单位积极供稿"]),
}


@pytest.mark.parametrize(("text", "lines"), KEPT_CASES.values(), ids=KEPT_CASES.keys())
def test_body_lines_like_news_credits_stay(text: str, lines: list[str]) -> None:
    (doc,) = split_documents(text)
    assert (doc.title, doc.author, doc.lines) == (T, None, lines)


TITLE_CASES = {
    # a title ending in 中心 or 网 is no site's name
    "centre": (
        "走进县新时代文明实践中心\n志愿服务让文明之花处处绽放\n2023-05-10\n" + P1,
        "走进县新时代文明实践中心",
    ),
    "net": (
        "织密农村寄递物流网\n我县打通快递进村最后一公里\n发布时间：2023-05-10\n" + P1,
        "织密农村寄递物流网",
    ),
    # a title's second line only over a speech's occasion; an epigraph or a name is not one
    "epigraph": ("做新时代的奋斗者\n幸福都是奋斗出来的\n——习近平\n" + P1, "做新时代的奋斗者"),
    "name_over_occasion": (
        "扎实推进乡村全面振兴\n张伟\n——在全县农村工作会议上的讲话\n" + P1,
        "扎实推进乡村全面振兴",
    ),
}


@pytest.mark.parametrize(("text", "title"), TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_titles_that_look_like_site_names_or_stand_over_other_lines(text: str, title: str) -> None:
    (doc,) = split_documents(text)
    assert doc.title == title


def test_a_signature_before_the_attachments_is_read_and_taken_out() -> None:
    text = (
        "关于开展党员冬训工作的通知\n各基层党组织：\n决定在全县开展党员冬训工作。\n"
        "附件：党员冬训工作安排表\n中共某某县委组织部\n2022年11月20日\n附件\n党员冬训工作安排表\n"
        "第一阶段：集中学习"
    )
    (doc,) = split_documents(text)
    assert (doc.published_at, doc.extra.get("issuer")) == (
        datetime(2022, 11, 20),
        "中共某某县委组织部",
    )
    assert doc.lines == [
        "各基层党组织：",
        "决定在全县开展党员冬训工作。",
        "附件：党员冬训工作安排表",
        "附件",
        "党员冬训工作安排表",
        "第一阶段：集中学习",
    ]
    assert doc.removed["signature"] == 2


# --- probe of new genres (press conferences, minutes, lists, site footers) ------------


def test_a_unit_alone_under_the_title_is_its_byline_but_no_author() -> None:
    (doc,) = split_documents(f"组工干部要善于“四看”\n丹阳市委组织部\n{P1}")
    assert (doc.lines, doc.author, doc.extra) == ([P1], None, {"author_unit": "丹阳市委组织部"})


def test_names_listed_under_a_title_are_body() -> None:
    names = ["王芳", "李建军", "赵丽娟", "陈国栋"]
    text = "\n".join(["2023年度拟推荐优秀共产党员名单公示", *names, "公示期为5个工作日。"])
    (doc,) = split_documents(text)
    assert (doc.title, doc.author, doc.lines) == (
        "2023年度拟推荐优秀共产党员名单公示",
        None,
        [*names, "公示期为5个工作日。"],
    )


def test_a_meetings_time_over_its_place_is_body() -> None:
    lines = [
        "时间：2023年6月12日上午9:00",
        "地点：县委常委会议室",
        "出席：县委理论学习中心组成员",
        P1,
    ]
    (doc,) = split_documents("\n".join(["县委理论学习中心组集体学习会议纪要", *lines]))
    assert (doc.lines, doc.published_at) == (lines, None)


def test_a_press_conferences_speakers_are_body() -> None:
    lines = [
        "主持人：国务院新闻办公室新闻局副局长、新闻发言人 寿小丽",
        "发布人：国家统计局新闻发言人、国民经济综合统计司司长 付凌晖",
        "寿小丽：",
        "女士们、先生们，大家上午好。",
    ]
    (doc,) = split_documents("\n".join(["国务院新闻办公室举行新闻发布会", *lines]))
    assert (doc.lines, doc.author, doc.extra) == (lines, None, {})


@pytest.mark.parametrize(
    ("fields", "source", "author"),
    [
        ("【发布日期：2023-03-08】【来源：县人社局】【字体：大 中 小】", "县人社局", None),
        ("[发布日期：2023-03-08][来源：县人社局][作者：王敏][字号：大 中 小]", "县人社局", "王敏"),
    ],
)
def test_bracketed_fields_with_a_widget_and_no_space(fields: str, source: str, author) -> None:
    (doc,) = split_documents(f"县人社局开展春风行动专场招聘会\n{fields}\n{P1}")
    assert (doc.published_at, doc.source_name, doc.author, doc.lines) == (
        datetime(2023, 3, 8),
        source,
        author,
        [P1],
    )


def test_a_sites_footer_rows_go_and_the_credit_above_them_is_read() -> None:
    footer = [
        "责任编辑：李华",
        "【打印本页】 【关闭窗口】",
        "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
        "主办：某某县人民政府办公室 承办：某某县大数据发展中心",
        "网站标识码：5223010001 黔ICP备12003456号-1",
        "地址：某某县城关镇人民路1号 邮编：562400 联系电话：0859-3221234",
        "您是本站第 1023456 位访客",
    ]
    (doc,) = split_documents("\n".join(["我县召开经济运行分析会", P1, *footer]))
    assert (doc.lines, doc.extra) == ([P1], {"editors": "责任编辑：李华"})


def test_a_notices_contact_row_stays_without_a_site_footer() -> None:
    contact = "地址：某某县城关镇人民路1号 邮编：562400 联系电话：0859-3221234"
    (doc,) = split_documents(f"关于报送材料的通知\n{P1}\n{contact}")
    assert doc.lines == [P1, contact]


def test_page_fields_printed_under_the_article() -> None:
    (doc,) = split_documents(f"县政府召开常务会议\n{P1}\n发布时间：2023-06-16 来源：县政府办")
    assert (doc.lines, doc.published_at, doc.source_name) == (
        [P1],
        datetime(2023, 6, 16),
        "县政府办",
    )
    (doc,) = split_documents(f"县政府召开常务会议\n{P1}\n时间：2023-06-16")
    assert (doc.lines, doc.published_at) == ([P1, "时间：2023-06-16"], None)


@pytest.mark.parametrize(
    ("byline", "author", "photographer"),
    [
        ("记者 王明 报道", "王明", None),
        ("记者 王明 通讯员 李华 报道", "王明 李华", None),
        ("撰稿：王敏 摄影：李强", "王敏", "李强"),
    ],
)
def test_bylines_that_say_reported_or_credit_a_photographer(byline, author, photographer) -> None:
    (doc,) = split_documents(f"我县举办农民丰收节庆祝活动\n{byline}\n{P1}")
    assert (doc.lines, doc.author, doc.extra.get("photographer")) == ([P1], author, photographer)


def test_a_document_number_under_the_title() -> None:
    (doc,) = split_documents(f"关于印发安全生产工作要点的通知\n某府发〔2023〕15号\n{P1}")
    assert (doc.lines, doc.extra) == ([P1], {"document_number": "某府发〔2023〕15号"})


def test_an_offices_name_over_a_title_with_its_fields() -> None:
    text = f"中共某某县委组织部\n我县召开组织工作会议\n发布时间：2023-02-10\n{P1}"
    (doc,) = split_documents(text)
    assert (doc.title, doc.lines, doc.extra) == (
        "我县召开组织工作会议",
        [P1],
        {"office": "中共某某县委组织部"},
    )


@pytest.mark.parametrize(
    ("field", "author", "unit"),
    [
        ("作者：本网", None, None),  # the site itself
        ("作者：办公室", None, "办公室"),  # a unit: no person's name
        ("作者：综合科", None, "综合科"),
        ("作者：张明", "张明", None),
    ],
)
def test_an_author_field_that_names_the_site_or_a_unit(field: str, author, unit) -> None:
    (doc,) = split_documents(f"县政府召开常务会议\n发布时间：2023-01-02 {field}\n{P1}")
    assert (doc.author, doc.extra.get("author_unit"), doc.lines) == (author, unit, [P1])


def test_a_joint_signature_is_read_and_taken_out() -> None:
    signature = "中共某某县委办公室　某某县人民政府办公室\n2023年1月10日"
    text = f"关于做好春节期间有关工作的通知\n{P1}\n{signature}"
    (doc,) = split_documents(text)
    assert (doc.lines, doc.published_at, doc.extra) == (
        [P1],
        datetime(2023, 1, 10),
        {"issuer": "中共某某县委办公室 某某县人民政府办公室"},
    )


def test_a_numbered_heading_under_the_title_is_no_units_byline() -> None:
    text = f"我县扎实推进党史学习教育\n一、召开动员大会\n{P1}\n二、开展专题培训\n{P1}"
    (doc,) = split_documents(text)
    assert (doc.lines[0], doc.extra) == ("一、召开动员大会", {})


@pytest.mark.parametrize(
    "rows",
    [
        ["电话：0871-6123456 邮箱：rsj@163.com", "【打印本页】【关闭窗口】"],
        ["联系电话：0871-6123456 传真：0871-6123457", "版权所有：某某县人民政府"],
        ["主办：县人社局 承办：县就业局", "【打印本页】【关闭窗口】"],
    ],
)
def test_a_row_of_fields_above_the_sites_footer_is_the_notices(rows: list[str]) -> None:
    (doc,) = split_documents("\n".join(["关于报送材料的通知", P1, *rows]))
    assert doc.lines == [P1, rows[0]]


def test_a_poster_field_with_a_name_after_the_unit() -> None:
    (doc,) = split_documents(f"县教育局召开会议\n发布人：办公室 李娜 发布时间：2023-01-10\n{P1}")
    assert (doc.lines, doc.author, doc.published_at) == ([P1], "李娜", datetime(2023, 1, 10))


def test_an_interviews_time_over_the_hosts_first_turn_is_the_pages() -> None:
    turn = "主持人：各位网友，大家好！欢迎收看今天的在线访谈。"
    (doc,) = split_documents(f"在线访谈：县长谈优化营商环境\n时间：2023-06-12 09:30\n{turn}\n{P1}")
    assert (doc.lines, doc.published_at) == ([turn, P1], datetime(2023, 6, 12, 9, 30))


@pytest.mark.parametrize(
    ("line", "source"), [("央视网 2024年03月06日 20:15", "央视网"), ("新华社 2024-03-06", "新华社")]
)
def test_a_news_outlet_and_its_time_under_the_title(line: str, source: str) -> None:
    (doc,) = split_documents(f"代表委员热议新质生产力\n{line}\n{P1}")
    assert (doc.lines, doc.source_name, doc.published_at.date().isoformat()) == (
        [P1],
        source,
        "2024-03-06",
    )


def test_a_name_and_a_date_under_the_title_that_name_no_outlet_stay() -> None:
    (doc,) = split_documents(f"我县召开组织工作会议\n组织工作 2024-03-06\n{P1}")
    assert doc.lines[0] == "组织工作 2024-03-06"
