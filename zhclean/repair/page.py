"""A whole HTML page saved as the raw file: its text, one line per block.

`fix_markup` cleans HTML left in lines of text; a file that *is* a page (it opens
with `<!DOCTYPE html>`, `<html>` or `<head>`) is read with the standard library's
HTML parser instead: the text of `<body>`, a line per block element and `<br>`,
without what is never text (scripts, styles, forms' controls), navigation and
footers (`<nav>`, `<footer>`, `<aside>`, and elements whose class or id says
nav, menu, footer, copyright, breadcrumb or share; never `<body>` or `<article>`,
and only while that leaves most of the text: no article is lost to a wrapper named
`has-sidebar` or a menu's unclosed `<div>`). When the body has no `<h1>`-`<h3>` and
the page's `<title>` names the article beside a site (`标题_栏目_站点`, `站点 - 标题`,
also with `|`, `——`), its longest part, unless that names a site (`…政府`, `…网`),
becomes the first line, so the documents stage finds it. A title with no separator may
name only the site: it is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from zhclean.repair.markup import BLOCK_ELEMENTS

_PAGE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b)", re.I | re.S
)


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
    " crumb crumbs share bdsharebuttonbox sidebar"
)
_OUTER = _names("html body main article")  # never skipped for their class
_NAME_WORDS = re.compile(r"[A-Za-z]+")
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_SPACES = re.compile(r"[ \t\r\n\f]+")
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
_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|--|——|\s-\s)\s*")  # 标题_栏目_站点


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

    def _break(self) -> None:
        text = "".join(self.current)
        if not self.pre:
            text = _SPACES.sub(" ", text).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _NEVER_TEXT or tag in _BOILERPLATE_TAGS:
            return True
        if not self.by_class or tag in _OUTER:
            return False
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        return not _BOILERPLATE_NAMES.isdisjoint(_NAME_WORDS.findall(names))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.skipping in (None, "head"):
            self.in_title = True
        elif self.skipping == "head" and tag not in _IN_HEAD:  # a head never closed
            self.skipping = None
        if self.skipping is not None:
            self.depth += tag == self.skipping and tag not in _VOID
        elif tag not in _VOID and self._skipped(tag, attrs):
            self._break()
            self.skipping, self.depth = tag, 0
        elif tag in BLOCK_ELEMENTS:
            self._break()
            self.pre += tag == "pre"
            self.headings = self.headings or tag in ("h1", "h2", "h3")

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

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.skipping is None:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self._break()


def is_page(text: str) -> bool:
    """Whether `text` is a whole HTML page (not text with some markup in it)."""
    return _PAGE.match(text) is not None


def _parse(text: str, by_class: bool) -> _PageText | None:
    parser = _PageText(by_class)
    parser.feed(text)
    parser.close()
    return parser if parser.skipping is None else None


def page_text(text: str) -> tuple[list[str], str, bool] | None:
    """(lines of the body's text, the page's title, whether the body has a heading
    element), or None when the markup is too broken to tell what is skipped (an element
    skipped never closes).

    Elements are skipped for their class or id only when that leaves most of the text
    (a wrapper named `has-sidebar`, or a menu's unclosed inner `<div>`, would take the
    article with it)."""
    plain = _parse(text, by_class=False)
    if plain is None:
        return None
    parser = _parse(text, by_class=True)
    if parser is None or _size(parser.lines) * 2 < _size(plain.lines):
        parser = plain
    return parser.lines, _SPACES.sub(" ", "".join(parser.title)).strip(), parser.headings


def _size(lines: list[str]) -> int:
    return sum(map(len, lines))


def fix_html_page(text: str) -> tuple[str, Counter[str]]:
    """The text of a whole HTML page, a line per block (its title first when the body
    does not open a line with it); any other text as it is."""
    if not is_page(text) or (page := page_text(text)) is None:
        return text, Counter()
    lines, title, headings = page
    # 标题_栏目_站点, or 站点 - 栏目: the longest part, unless it names the site
    article = max((p for p in _TITLE_PARTS.split(title) if p), key=len, default="")
    if (
        not headings
        and article != title
        and len(article) >= TITLE_MIN
        and not article.endswith(_SITE_ENDS)
        and not any(line.startswith(article) for line in lines)
    ):
        lines.insert(0, article)
    return "\n".join(lines), Counter(html_page=1)
