"""Whole HTML pages saved as raw files: their text, title and structure."""

from __future__ import annotations

import hashlib

import pytest

from zhclean.pipeline import Config, process_data
from zhclean.repair.page import fix_html_page

PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于做好党员教育培训工作的通知_通知公告_市委组织部</title>
<style type="text/css">
body { font-size: 14px; }
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); })();
</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>
<div class="top-menu"><ul><li>新闻中心</li><li>通知公告</li></ul></div>
<h1>关于做好党员教育培训工作的通知</h1>
<div class="info">发布时间：2022-10-17 10:30 来源：市委组织部</div>
<div class="content">
<p>&nbsp;&nbsp;各基层党组织：</p>
<p>&nbsp;&nbsp;为深入学习贯彻党的二十大精神，
现就做好党员教育培训工作通知如下。</p>
<p><strong>一、总体要求</strong></p>
<p>坚持以习近平新时代中国特色社会主义思想为指导。<br>全面提高党员队伍素质。</p>
<p><strong>二、主要任务</strong></p>
<table><tr><td>各党支部要高度重视，认真抓好落实。</td></tr></table>
</div>
<div id="footer"><p>版权所有：中共某某市委组织部 地址：人民路1号</p></div>
<script>document.getElementById("hits").innerHTML = "1025";</script>
</body>
</html>
"""

PAGE_LINES = [
    "关于做好党员教育培训工作的通知",
    "发布时间：2022-10-17 10:30 来源：市委组织部",
    "各基层党组织：",
    "为深入学习贯彻党的二十大精神， 现就做好党员教育培训工作通知如下。",
    "一、总体要求",
    "坚持以习近平新时代中国特色社会主义思想为指导。",
    "全面提高党员队伍素质。",
    "二、主要任务",
    "各党支部要高度重视，认真抓好落实。",
]


def test_a_page_gives_its_body_text_a_line_per_block() -> None:
    # no head, scripts, styles, navigation, menus or footer; the source's line break
    # inside a paragraph is a space (the stray-space fix takes it out between Han)
    assert fix_html_page(PAGE) == ("\n".join(PAGE_LINES), {"html_page": 1})


def test_a_page_becomes_a_document_with_title_date_source_and_sections() -> None:
    data = PAGE.encode("gbk")
    docs, reject, facts = process_data("a.html", data, hashlib.sha256(data).hexdigest(), Config())
    assert reject is None
    assert facts["encoding"] == "gb18030"
    [doc] = docs
    assert doc["title"] == "关于做好党员教育培训工作的通知"
    assert str(doc["published_at"]) == "2022-10-17 10:30:00"
    assert doc["source_name"] == "市委组织部"
    assert doc["text"] == "\n".join(
        [
            "各基层党组织：",
            "为深入学习贯彻党的二十大精神，现就做好党员教育培训工作通知如下。",
            *PAGE_LINES[4:],
        ]
    )
    assert [(s.heading, s.level) for s in doc["_sections"]] == [
        (None, 0),
        ("一、总体要求", 1),
        ("二、主要任务", 1),
    ]
    assert {"kind": "html_page", "count": 1} in doc["repairs"]


def test_the_page_title_opens_the_text_when_the_body_lacks_it() -> None:
    page = (
        "<html><head><title>关于印发《考核办法》的通知 - 某某市人民政府</title></head>"
        "<body><table><tr><td>各区县：<br>现将办法印发给你们。</td></tr></table></body></html>"
    )
    assert fix_html_page(page)[0] == "关于印发《考核办法》的通知\n各区县：\n现将办法印发给你们。"
    # a title with no separator may be the site's name only: not taken
    page = page.replace(" - 某某市人民政府", "")
    assert fix_html_page(page)[0] == "各区县：\n现将办法印发给你们。"


def test_broken_markup_loses_no_text() -> None:
    # a menu never closed would swallow the rest of the page; a head never closed, too
    page = '<html><head><title>x</title><body><div class="menu"><p>正文一</p><p>正文二</p>'
    assert fix_html_page(page)[0] == "正文一\n正文二"
    assert fix_html_page("<!doctype html><head><meta charset=utf-8><p>正文</p>")[0] == "正文"


@pytest.mark.parametrize(
    "text",
    [
        "<p>关于做好工作的通知</p>\n<p>正文。</p>",  # markup in text: for fix_markup
        "正文提到<html>标签和<head>标签。",
        "",
    ],
)
def test_text_that_is_not_a_whole_page_is_left_to_the_line_fixes(text: str) -> None:
    assert fix_html_page(text) == (text, {})


P = "今年以来，县委坚持把党的政治建设摆在首位，各项工作取得明显成效。"


@pytest.mark.parametrize(
    "body",
    [
        # a wrapper whose class names a sidebar holds the article
        f'<body class="has-sidebar"><div class="article"><h1>推进会召开</h1><p>{P}</p>'
        "</div></body>",
        # a menu leaves an inner <div> open: its skip would end at the wrapper's close
        f'<body><div class="wrap"><div class="menu"><div>首页</div>'
        f"<h1>推进会召开</h1><p>{P}</p></div></body>",
    ],
)
def test_an_element_named_like_a_menu_takes_no_article_with_it(body: str) -> None:
    page = f"<!DOCTYPE html><html><head><title>x</title></head>{body}</html>"
    lines = fix_html_page(page)[0].split("\n")
    assert lines[-2:] == ["推进会召开", P]


def test_a_site_named_first_in_the_title_is_not_taken_for_the_article() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>某某县人民政府 - 工作动态</title></head>"
        f"<body><h1>我县召开基层党建工作推进会</h1><p>{P}</p></body></html>"
    )
    assert fix_html_page(page)[0] == f"我县召开基层党建工作推进会\n{P}"
    # no heading in the body: the title's longest part, unless a site's name
    page = page.replace("<h1>我县召开基层党建工作推进会</h1>", "")
    assert fix_html_page(page)[0] == P
    page = page.replace("某某县人民政府 - 工作动态", "工作动态 | 我县召开基层党建工作推进会")
    assert fix_html_page(page)[0] == f"我县召开基层党建工作推进会\n{P}"


def _page(body: str, head: str = "<title>x</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


INFO = "发布时间：2023-05-12 来源：市委组织部"


@pytest.mark.parametrize(
    "furniture",
    [
        "<div class='top'>欢迎访问某某市人民政府门户网站！</div>",  # a welcome bar
        "<div class='logo'>某某区智慧党建云平台</div>",  # a site's name
        "<div>今天是：2024年3月5日 星期二</div><div>政务公开</div>",  # a date bar, a column
    ],
)
def test_what_stands_above_the_title_element_goes(furniture: str) -> None:
    text, counts = fix_html_page(
        _page(f"{furniture}<h1>推进会召开</h1><div>{INFO}</div><p>{P}</p>")
    )
    assert (text, counts["html_page"]) == (f"推进会召开\n{INFO}\n{P}", 1)


def test_the_title_element_the_page_title_names_is_chosen() -> None:
    head = "<title>推进会召开_工作动态_某某市人民政府</title>"
    body = f"<h1>某某市人民政府</h1><div class='tit'>推进会召开</div><p>{P}</p>"
    assert fix_html_page(_page(body, head))[0] == f"推进会召开\n{P}"


def test_hidden_text_links_and_table_rows() -> None:
    body = (
        "<h1>推进会召开</h1>"
        '<p>今年以来，县委<span style="display:none">来源：某某组工网</span>'
        "坚持把党的政治建设摆在首位。</p>"
        '<p><a href="/">首页</a><a href="/a">政务公开</a></p>'
        "<table><tr><td>序号</td><td>姓名</td><td>单位及职务</td></tr>"
        "<tr><td><p>1</p></td><td><p>张伟</p></td><td><p>某某镇党委书记</p></td></tr></table>"
    )
    assert fix_html_page(_page(body))[0].split("\n") == [
        "推进会召开",
        "今年以来，县委坚持把党的政治建设摆在首位。",
        "首页 政务公开",
        "序号 姓名 单位及职务",
        "1 张伟 某某镇党委书记",
    ]


def test_a_line_break_that_wrapped_a_long_source_line_joins_it() -> None:
    """Word's export wraps its source lines at about 76 characters, inside words and
    numbers (开展20 / 23年度); names or numbers set one per short source line stay apart."""
    wrapped = (
        "根据《中国共产党支部工作条例（试行）》有关要求，经研究，"
        "决定在全县范围内开展20\n23年度述职评议考核。"
    )
    body = f"<h1>推进会召开</h1><p>{wrapped}</p><p>张三\n李四\n王五</p><p>电话：0571\n88886666</p>"
    assert fix_html_page(_page(body))[0].split("\n")[1:] == [
        wrapped.replace("\n", ""),
        "张三 李四 王五",
        "电话：0571 88886666",
    ]


def test_a_government_pages_meta_fields_are_read() -> None:
    head = (
        '<title>x</title><meta name="PubDate" content="2023-05-12 10:30">'
        '<meta name="ContentSource" content="市委组织部">'
    )
    data = _page(f"<h1>推进会召开</h1><p>{P}</p>", head).encode()
    (doc,), _, _ = process_data("p.html", data, "0" * 64, Config(target_script="keep"))
    assert (doc["title"], doc["text"], doc["source_name"]) == ("推进会召开", P, "市委组织部")
    assert doc["published_at"].isoformat() == "2023-05-12T10:30:00"


WECHAT = """<!DOCTYPE html><html><head><title>我县召开述职评议会</title></head><body>
<div id="img-content"><h1 class="rich_media_title" id="activity-name">我县召开述职评议会</h1>
<div class="rich_media_meta_list"><span>某某县委组织部</span><strong id="js_name">某某组工</strong>
<em id="publish_time"></em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<p>1月10日，我县召开县乡党委书记抓基层党建工作述职评议会。</p><p>来源：县委组织部组织科</p></div>
<div>预览时标签不可点</div><div>微信扫一扫<br>关注该公众号</div><div>继续滑动看下一个</div></div>
<script>var ct = "1704880800";</script></body></html>"""


def test_a_wechat_article_page_gives_its_body_time_and_account() -> None:
    (doc,), _, _ = process_data("w.html", WECHAT.encode(), "0" * 64, Config(target_script="keep"))
    assert doc["title"] == "我县召开述职评议会"
    assert doc["text"] == "1月10日，我县召开县乡党委书记抓基层党建工作述职评议会。"
    assert (doc["published_at"].isoformat(), doc["source_name"]) == (
        "2024-01-10T18:00:00",
        "县委组织部组织科",
    )
    assert {"key": "poster", "value": "某某组工"} in doc["metadata"]


@pytest.mark.parametrize(
    ("page", "detail"),
    [
        (
            _page(
                "<h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。</p>",
                "<title>404 页面不存在</title>",
            ),
            "an error page",
        ),
        (
            _page(
                "".join(
                    f'<li><a href="/{i}">关于开展第{i}批党员教育培训工作的通知</a>'
                    f" 2024-03-0{i % 9 + 1}</li>"
                    for i in range(20)
                )
            ),
            "links",
        ),
        (
            _page(
                '<form>用户名<input name="u">密码<input type="password" name="p">'
                "<a>忘记密码？</a></form>"
            ),
            "login",
        ),
        (_page("<div id='app'>正在加载……</div>", "<title>推进会召开</title>"), "loading"),
    ],
)
def test_pages_that_hold_no_article_are_rejected(page: str, detail: str) -> None:
    docs, reject, _ = process_data("p.html", page.encode(), "0" * 64, Config(target_script="keep"))
    assert docs == [] and reject.reason == "not_article" and detail in reject.detail


def test_a_page_that_opens_with_a_script_before_its_doctype_is_a_page() -> None:
    page = "<script>if (mobile) location.href='m.html';</script>\n" + _page(
        f"<h1>推进会召开</h1><p>{P}</p>"
    )
    assert fix_html_page(page)[0] == f"推进会召开\n{P}"


def test_an_h1_below_the_articles_paragraphs_is_no_title_to_start_at() -> None:
    body = f"<div class='article'><p>{P}</p><p>{P}</p></div><h1>相关链接</h1><p>某某网</p>"
    assert fix_html_page(_page(body))[0].split("\n")[:2] == [P, P]


def test_a_lead_above_the_title_stays_under_its_fields() -> None:
    lead = "编者按：党的二十大以来，各地涌现出一批先进典型。本报今起推出系列报道，敬请关注。"
    body = f"<div class='note'><p>{lead}</p></div><h1>推进会召开</h1><div>{INFO}</div><p>{P}</p>"
    assert fix_html_page(_page(body))[0] == f"推进会召开\n{INFO}\n{lead}\n{P}"


def test_a_title_element_wrapping_the_h1_and_its_fields() -> None:
    body = f"<div class='title'><h1>推进会召开</h1><div class='info'>{INFO}</div></div><p>{P}</p>"
    assert fix_html_page(_page(body))[0] == f"推进会召开\n{INFO}\n{P}"


@pytest.mark.parametrize(
    ("title", "extra"),
    [
        ("网站系统升级期间无法访问的公告", ""),  # an article about access, not an error page
        ("关于第 500 号建议的答复", ""),
        ("关于开展继续教育的通知", '<form><input type="password" name="p"></form>'),  # a widget
    ],
)
def test_short_articles_that_only_look_like_error_or_login_pages_stay(title, extra) -> None:
    page = _page(f"{extra}<h1>{title}</h1><p>因工作需要，现将有关事项通知如下。</p>")
    assert fix_html_page(page)[0].split("\n")[0] == title


def test_a_hidden_block_a_script_shows_stays() -> None:
    body = f'<h1>推进会召开</h1><p>{P}</p><div class="more" style="display:none"><p>{P}</p></div>'
    assert fix_html_page(_page(body))[0] == f"推进会召开\n{P}\n{P}"
