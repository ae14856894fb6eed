"""A whole HTML page saved as the raw file: its text, one line per block.

`fix_markup` cleans HTML left in lines of text; a file that *is* a page (it opens
with `<!DOCTYPE html>`, `<html>` or `<head>`, or with a script or `<meta>` and ends as
a page) is read with the standard library's HTML parser instead: the text of `<body>`,
a line per block element and `<br>` (a data table's row of short cells on one line),
without what is never text (scripts, styles, forms' controls, hidden elements),
navigation and footers (`<nav>`, `<footer>`, `<aside>`, and elements whose class or id
says nav, menu, footer, copyright, breadcrumb, share, a site's header or top bar;
never `<body>` or `<article>`, and only while that keeps most of the paragraphs: no
article is lost to a wrapper named `has-sidebar` or a menu's unclosed `<div>`).

The text starts at the article's title element (the one the page's `<title>` names,
else the first `<h1>`): what stands above it is the site's. The fields a page states
outside its text (a government site's `<meta name="PubDate">`, a WeChat article's time
and account) go under the title. With no title element, the `<title>`'s longest part
(`标题_栏目_站点`), unless it names a site (`…政府`, `…网`), becomes the first line.
A page that holds no article (an error page, a page of links, a login form) is rejected.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

from zhclean.model import Rejected
from zhclean.repair.markup import BLOCK_ELEMENTS

_PAGE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b)", re.I | re.S
)
# A page that opens with what belongs in its head, or with its body (a mobile redirect's
# script before the doctype, a saved fragment from <meta> or <body> on), ending as a page
_LOOSE_PAGE = re.compile(r"\A\s*<(?:script|meta|link|title|style|body)\b", re.I)
_PAGE_END = re.compile(r"</(?:body|html)>", re.I)


def _names(names: str) -> frozenset[str]:
    return frozenset(names.split())


_NEVER_TEXT = _names(
    "script style noscript template svg math head select option textarea button iframe"
    " object embed canvas map"
)
_IN_HEAD = _names("title meta link style script base noscript template")
_BOILERPLATE_TAGS = _names("nav footer aside")
_BOILERPLATE_NAMES = _names(  # words of a class or id
    "nav navbar navi menu topmenu mainmenu footer foot copyright breadcrumb breadcrumbs"
    " crumb crumbs share bdsharebuttonbox sidebar mainnav topnav subnav sitenav sitefooter"
    " daohang dh"
)
# whole names only (location-info, expert-comment, art-head hold an article's text): what
# stands above the title goes anyway, from its title element on
_BOILERPLATE_CLASSES = _names(
    "logo topbar top-bar side comments comment-list location position bottom site-header"
)
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)  # (WeChat hides its body until shown)
_HEADINGS = _names("h1 h2 h3")
_SHOWN_NAMES = _names("more full rest tab tabs tabc content article detail expand zhankai")
_TITLE_NAMES = _names("title tit articletitle arttitle biaoti")  # a title element's class or id
_OUTER = _names("html body main article")  # never skipped for their class
_NAME_WORDS = re.compile(r"[A-Za-z]+")
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_SEGMENT_BREAK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef0-9])[ \t]*\r?\n[ \t]*(?=[\u3000-\u9fff\uff00-\uffef0-9])"
)
WRAPPED_MIN = 20  # shortest text before a line break that wrapped a source line (Word's)


def _wrapped(m: re.Match[str]) -> str:
    """Nothing for a line break after a long run of text (a converter's wrap: 开展20 /
    23年度), else a space (names or numbers set one per source line stay apart)."""
    start = m.string.rfind("\n", 0, m.start()) + 1
    return "" if m.start() - start >= WRAPPED_MIN else " "


ROW_CELLS_MAX = 12  # most cells of a data table's row joined on one line
CELL_MAX = 20  # longest cell of a data table joined into a row (others keep their lines)
_CELL_PROSE = re.compile("[，。；！？]")
_SITE_ENDS = (
    "网",
    "网站",
    "政府",
    "门户",
    "首页",
    "官网",
    "在线",
)  # a site's name, not an article's
TITLE_MIN = 8  # shortest page title taken as an article's
_STOP = re.compile("。")  # (a welcome bar ends with ！)
PARAGRAPH_MIN = 30  # shortest line counted as a paragraph when weighing what a skip loses
TITLE_ELEMENT_MAX = 100  # longest text of a title element (characters)
_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|--|——|\s-\s)\s*")  # 标题_栏目_站点


def _class_and_id(attrs: list[tuple[str, str | None]]) -> str:
    """An element's class and id, lower case, space-separated."""
    return " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()


class _PageText(HTMLParser):
    """Collects the body's text a line per block, and the title."""

    def __init__(self, by_class: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.by_class = by_class  # also skip elements by their class or id
        self.lines: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.skipping: str | None = None  # the element whose content is skipped
        self.depth = 0  # elements of its name open inside it
        self.in_title = False
        self.pre = 0
        self.headings = False  # an <h1>-<h3> in the body
        self.titles: list[tuple[int, int, str]] = []  # lines of each title element, its tag
        self.heading: tuple[str, int, int] | None = None  # open title element: tag, depth, line
        self.links = self.link_chars = self.chars = 0  # links, text inside them, all text
        self.in_link = 0
        self.link_end: tuple[int, int] | None = None  # where the last link ended
        self.content: tuple[str, int, int, int | None] | None = None  # WeChat's body
        self.rows: list[list[int]] = []  # each open table row: where its lines begin, cells

    def _break(self) -> None:
        text = "".join(self.current)
        if not self.pre:  # a line break Word's export wrapped inside Chinese joins it
            text = _SPACES.sub(" ", _SEGMENT_BREAK.sub(_wrapped, text)).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _NEVER_TEXT or tag in _BOILERPLATE_TAGS:
            return True
        if any(k == "hidden" or (k == "style" and _HIDDEN.search(v or "")) for k, v in attrs):
            names = _class_and_id(attrs)
            # a hidden block named for the article's rest is shown by a script (展开全文)
            return tag not in BLOCK_ELEMENTS or _SHOWN_NAMES.isdisjoint(_NAME_WORDS.findall(names))
        if not self.by_class or tag in _OUTER:
            return False
        names = _class_and_id(attrs)
        return not _BOILERPLATE_NAMES.isdisjoint(_NAME_WORDS.findall(names)) or not (
            _BOILERPLATE_CLASSES.isdisjoint(names.split())
        )

    def _join_row(self, start: int, cells: int) -> None:
        """A data table's row on one line, its cells a space apart (序号 姓名 职务): a
        line each, all short; a layout table's cell holding paragraphs keeps them."""
        lines = self.lines[start:]
        if 1 < len(lines) == cells <= ROW_CELLS_MAX and all(
            len(c) <= CELL_MAX and not _CELL_PROSE.search(c) for c in lines
        ):
            self.lines[start:] = [" ".join(lines)]

    def _titles(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element holds a title: <h1>-<h3>, or a class or id named so."""
        if tag in ("h1", "h2", "h3"):
            return True
        names = _class_and_id(attrs)
        return not _TITLE_NAMES.isdisjoint(_NAME_WORDS.findall(names))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.skipping in (None, "head"):
            self.in_title = True
        elif self.skipping == "head" and tag not in _IN_HEAD:  # a head never closed
            self.skipping = None
        if self.skipping is not None:
            self.depth += tag == self.skipping and tag not in _VOID
            return
        if tag not in _VOID and self._skipped(tag, attrs):
            if tag in BLOCK_ELEMENTS:  # a hidden <span> inside a sentence cuts no line
                self._break()
            self.skipping, self.depth = tag, 0
            return
        if self.heading is not None and tag == self.heading[0]:
            self.heading = (tag, self.heading[1] + 1, self.heading[2])
        if tag in BLOCK_ELEMENTS:
            self._break()
            self.pre += tag == "pre"
            self.headings = self.headings or tag in ("h1", "h2", "h3")
            if tag == "tr":
                self.rows.append([len(self.lines), 0])
            elif tag in ("td", "th") and self.rows:
                self.rows[-1][1] += 1
        elif tag == "a":  # links side by side are words apart: 首页 政务公开
            self.links += 1
            self.in_link += 1
            if self.link_end == (len(self.lines), len(self.current)):
                self.current.append(" ")
        if ("id", "js_content") in attrs:  # a WeChat article's body
            self._break()
            self.content = (tag, 0, len(self.lines), None)
        elif self.content is not None and self.content[3] is None and tag == self.content[0]:
            self.content = (tag, self.content[1] + 1, self.content[2], None)
        if tag in ("h1", "h2", "h3") and self.heading and self.heading[0] not in _HEADINGS:
            self.heading = None  # <div class="title"><h1>…</h1><div>发布时间…</div></div>
        if self.heading is None and tag not in _VOID and self._titles(tag, attrs):
            self._break()
            self.heading = (tag, 0, len(self.lines))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping is None and tag in BLOCK_ELEMENTS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == self.skipping:
            if self.depth:
                self.depth -= 1
            else:
                self.skipping = None
        elif self.skipping is None and tag in BLOCK_ELEMENTS:
            self._break()
            self.pre -= tag == "pre" and self.pre > 0
            if tag == "tr" and self.rows:
                self._join_row(*self.rows.pop())
        elif self.skipping is None and tag == "a" and self.in_link:
            self.in_link -= 1
            self.link_end = (len(self.lines), len(self.current))
        if self.skipping is None and self.content is not None and self.content[3] is None:
            name, depth, start, _ = self.content
            if tag == name:
                if depth:
                    self.content = (name, depth - 1, start, None)
                else:
                    self._break()
                    self.content = (name, 0, start, len(self.lines))
        if self.skipping is None and self.heading is not None and tag == self.heading[0]:
            name, depth, start = self.heading
            if depth:
                self.heading = (name, depth - 1, start)
            else:
                self._break()
                if len(self.lines) > start:
                    self.titles.append((start, len(self.lines), name))
                self.heading = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.skipping is None:
            self.current.append(data)
            size = len(data.strip())
            self.chars += size
            self.link_chars += size if self.in_link else 0

    def close(self) -> None:
        super().close()
        self._break()


def is_page(text: str) -> bool:
    """Whether `text` is a whole HTML page (not text with some markup in it)."""
    return _PAGE.match(text) is not None or (
        _LOOSE_PAGE.match(text) is not None and _PAGE_END.search(text) is not None
    )


def _parse(text: str, by_class: bool) -> _PageText | None:
    parser = _PageText(by_class)
    parser.feed(text)
    parser.close()
    return parser if parser.skipping is None else None


def page_text(text: str) -> _PageText | None:
    """The page read (its body's lines, title, title elements, links), or None when the
    markup is too broken to tell what is skipped (an element skipped never closes).

    Elements are skipped for their class or id only when that leaves most of the text
    (a wrapper named `has-sidebar`, or a menu's unclosed inner `<div>`, would take the
    article with it)."""
    plain = _parse(text, by_class=False)
    if plain is None:
        return None
    parser = _parse(text, by_class=True)
    if parser is None or _size(parser.lines) * 2 < _size(plain.lines):
        parser = plain
    return parser


def _size(lines: list[str]) -> int:
    """The text of a page's paragraphs: long lines with a full stop in them (a menu's
    items are short, a footer's rows have no full stop)."""
    return sum(len(line) for line in lines if len(line) >= PARAGRAPH_MIN and _STOP.search(line))


def fix_html_page(text: str) -> tuple[str, Counter[str]]:
    """The text of a whole HTML page, a line per block, from its title element on (the
    page's title first when the body has none); any other text as it is. Raises
    `Rejected` (``not_article``) for an error page, a page of links or a login form."""
    if not is_page(text) or (parser := page_text(text)) is None:
        return text, Counter()
    lines, counts = parser.lines, Counter(html_page=1)
    title = _SPACES.sub(" ", "".join(parser.title)).strip()
    _reject_non_article(text, parser, title)
    if (anchor := _title_element(parser, title)) is not None:
        start, end = anchor
        if end - start > 1 and _FIELDS_LIKE.search(lines[start + 1]):
            end = start + 1  # the second line is the fields under the title
        head = "".join(lines[start:end]) if end - start > 1 else lines[start]
        body = lines[end:]
        if parser.content is not None and parser.content[2] >= end:  # WeChat: its body only
            body = lines[parser.content[2] : parser.content[3] or len(lines)]
        lead = [line for line in lines[:start] if _LEAD.match(line)]
        counts["page_furniture"] = len(lines) - len(body) - (end - start) - len(lead)
        fields = next(  # the lead goes under the title's own lines (date, source, byline)
            (k for k, line in enumerate(body[:HEAD_LINES]) if len(line) > 60 or "。" in line),
            min(len(body), HEAD_LINES),
        )
        lines = [head, *_stated_fields(text), *body[:fields], *lead, *body[fields:]]
        return "\n".join(lines), +counts
    # 标题_栏目_站点, or 站点 - 栏目: the longest part, unless it names the site
    article = max((p for p in _TITLE_PARTS.split(title) if p), key=len, default="")
    if (
        not parser.headings
        and article != title
        and len(article) >= TITLE_MIN
        and not article.endswith(_SITE_ENDS)
        and not any(line.startswith(article) for line in lines)
    ):
        lines.insert(0, article)
    return "\n".join(lines), counts


def _title_element(parser: _PageText, title: str) -> tuple[int, int] | None:
    """The lines of the article's title element: the one the page's <title> names, else
    the first <h1> (an <h1> in a skipped header is gone already). What stands above it
    (a site's banner, a date bar, a column's name, a left column) is no article's."""
    found = [
        (a, b, tag)
        for a, b, tag in parser.titles
        if b - a <= 2 and 2 <= len(joined := "".join(parser.lines[a:b])) <= TITLE_ELEMENT_MAX
    ]
    parts = [p for p in _TITLE_PARTS.split(title) if len(p) >= 4 and not p.endswith(_SITE_ENDS)]
    named = [
        (max(len(p) for p in parts if p in joined or joined in p), a, b)
        for a, b, _ in found
        if any(p in (joined := "".join(parser.lines[a:b])) or joined in p for p in parts)
    ]
    if named:  # the longest part of <title> the element holds (or is held in)
        _, a, b = max(named, key=lambda n: (n[0], -n[1]))
    elif (h1 := next(((a, b) for a, b, tag in found if tag == "h1"), None)) is not None:
        a, b = h1
    else:
        return None
    # the article's paragraphs (most, but a lead) follow its title: an <h1> low on the
    # page is no title
    return (a, b) if _size(parser.lines[b:]) * 3 >= _size(parser.lines) else None


# A government site's stated fields (GB/T 33190 and the CMSs that follow it)
_META = re.compile(
    r"""<meta\s+name\s*=\s*["']?(PubDate|ContentSource|Author)["']?\s+"""
    r"""content\s*=\s*["']([^"'<>]{1,60})["']""",
    re.I,
)
_META_LABELS = {"pubdate": "发布时间", "contentsource": "来源", "author": "作者"}
# A WeChat article's account and time: <strong id="js_name">, <em id="publish_time">, and
# the time in the page's script when the element is left empty (var ct = "1704880800")
_WECHAT_NAME = re.compile(r'id="js_name"[^>]*>\s*([^<]{1,40}?)\s*<')
_WECHAT_TIME = re.compile(r'id="publish_time"[^>]*>\s*([^<]{6,40}?)\s*<')
_WECHAT_CT = re.compile(r'\bvar\s+ct\s*=\s*"(\d{10})"')
_CHINA = timezone(timedelta(hours=8))


def _stated_fields(text: str) -> list[str]:
    """A line of the fields the page states outside its body text, under the title for
    the documents stage to read: a government site's <meta name="PubDate">, <meta
    name="ContentSource">, <meta name="Author">; a WeChat article's time and account
    (发布者, not the source: the article may name its own). None when it states none."""
    fields = {_META_LABELS[m.group(1).lower()]: m.group(2).strip() for m in _META.finditer(text)}
    if 'id="js_content"' in text:
        when = _WECHAT_TIME.search(text)
        if when is None and (ct := _WECHAT_CT.search(text)):
            stamp = datetime.fromtimestamp(int(ct.group(1)), _CHINA).strftime("%Y-%m-%d %H:%M")
            fields.setdefault("发布时间", stamp)
        elif when is not None:
            fields.setdefault("发布时间", when.group(1))
        if name := _WECHAT_NAME.search(text):
            fields.setdefault("发布者", name.group(1))
    line = " ".join(f"{label}：{value}" for label, value in fields.items() if value)
    return [line] if line else []


_ERROR_TITLE = re.compile(
    r"^\s*(?:HTTP\s*)?(?:40[034]|50[023])(?![\d\u4e00-\u9fff”\"])|not found|forbidden|"
    r"页面不存在|页面未找到|找不到(?:该)?页面|访问被拒绝|拒绝访问|访问被拦截",
    re.I,
)
_LOADING = re.compile(r"(?:正在加载|加载中|loading)[.。…]*", re.I)
HEAD_LINES = 3  # most lines of fields and bylines under a title
# A lead above the title: an editor's note, a 导语, a long sentence (no site's bar has one)
_LEAD = re.compile(r"^[【\[]?(?:编者按|编者的话|导语|导读|按语)|^(?=.{40,}).*。")
_FIELDS_LIKE = re.compile(r"[：:]|(?:19|20)\d\d[-/.年]")
ERROR_PAGE_MAX = 300  # most characters of an error page's text
LINK_SHARE = 0.7  # share of a page's text in links that makes it a page of links
LINKS_MIN = 10  # fewest links of a page of links


def _reject_non_article(text: str, parser: _PageText, title: str) -> None:
    """Raise `Rejected` for a page that holds no article: an HTTP error page, a column's
    or index's page of links, a login form, a frameset."""
    body = "".join(parser.lines)
    first = parser.lines[0] if parser.lines else ""
    if len(body) <= ERROR_PAGE_MAX and (_ERROR_TITLE.search(title) or _ERROR_TITLE.search(first)):
        raise Rejected("not_article", f"an error page: {(title or first)[:60]}")
    prose = any("。" in line for line in parser.lines)  # a list of links has no full stop
    if (
        parser.links >= LINKS_MIN
        and not prose
        and (parser.link_chars >= LINK_SHARE * parser.chars or not _size(parser.lines))
    ):
        raise Rejected(
            "not_article",
            f"a page of {parser.links} links, {parser.link_chars} of its {parser.chars} "
            "characters (a column's or an index's page)",
        )
    if parser.lines and all(_LOADING.fullmatch(line) for line in parser.lines):
        raise Rejected("not_article", "a page whose text a script was still loading")
    lowered = text.lower()
    paragraphs = _size(parser.lines)
    if ('type="password"' in lowered or "type='password'" in lowered) and not prose:
        raise Rejected("not_article", "a login form")
    if "<frameset" in lowered and not paragraphs:
        raise Rejected("not_article", "a frameset: the text is in its frames' pages")
