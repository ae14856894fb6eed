"""A whole HTML page saved as the raw file: its text, one line per block.

`fix_markup` cleans HTML left in lines of text; a file that *is* a page (it opens
with `<!DOCTYPE html>`, `<html>` or `<head>`) is read with the standard library's
HTML parser instead: the text of `<body>`, a line per block element and `<br>`,
without what is never text (scripts, styles, forms' controls), navigation and
footers (`<nav>`, `<footer>`, `<aside>`, and elements whose class or id says
nav, menu, footer, copyright, breadcrumb or share). When the page's `<title>` names
the article before a site (`标题_栏目_站点`, also with `|`, ` - `, `——`) and no line of
the body opens with that article title, it becomes the first line, so the documents
stage finds it (a title without a separator may name only the site: it is left out).
A region skipped for its class that is never closed (broken markup) is not skipped:
no text is lost to it.
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
_NAME_WORDS = re.compile(r"[A-Za-z]+")
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_SPACES = re.compile(r"[ \t\r\n\f]+")
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
        if not self.by_class:
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


def page_text(text: str) -> tuple[list[str], str] | None:
    """(lines of the body's text, the page's title), or None when the markup is too
    broken to tell what is skipped (an element skipped never closes)."""
    for by_class in (True, False):  # a region skipped for its class may never close
        parser = _PageText(by_class)
        parser.feed(text)
        parser.close()
        if parser.skipping is None:
            return parser.lines, _SPACES.sub(" ", "".join(parser.title)).strip()
    return None


def fix_html_page(text: str) -> tuple[str, Counter[str]]:
    """The text of a whole HTML page, a line per block (its title first when the body
    does not open a line with it); any other text as it is."""
    if not is_page(text) or (page := page_text(text)) is None:
        return text, Counter()
    lines, title = page
    parts = [p for p in _TITLE_PARTS.split(title) if p]  # 标题_栏目_站点; one: the site's?
    if len(parts) > 1 and not any(line.startswith((title, parts[0])) for line in lines):
        lines.insert(0, parts[0])
    return "\n".join(lines), Counter(html_page=1)
