"""HTML left in scraped text: character references and tags.

`&ldquo;不忘初心&rdquo;&nbsp;` -> `“不忘初心”\u00a0` (the whitespace fix then makes the
no-break space plain), `第一段<br>第二段` -> two lines, `<span style="…">正文</span>`
-> `正文`. Only what is certainly markup is touched: a reference needs its closing
`;` and a name HTML defines (`AT&T`, `&copy 2020` and `a&b;` stay), a tag needs an
HTML element name (`<100元`, `<申请人>` stay). A reference escaped twice
(`&amp;ldquo;`) is decoded through both levels.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.entities import html5

from zhclean.repair.counts import NOTHING

# A character reference, possibly escaped once more (&amp;nbsp;): named or numeric.
_REFERENCE = re.compile(r"&(?:amp;)?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# The references a CMS most often leaves without their `;` (&nbsp&nbsp各单位, &ldquo…&rdquo),
# where no letter, digit or `;` follows: HTML reads the first five so too.
_BARE_REFERENCE = re.compile(
    r"&(?:amp;)?(nbsp|amp|lt|gt|quot|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot)"
    r"(?![A-Za-z0-9;])"
)

BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl",
        "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""Elements that break the line they stand in; the others (inline) just go."""
_BLOCK = "|".join(sorted(BLOCK_ELEMENTS, key=len, reverse=True))
_INLINE = (
    "a|abbr|b|big|cite|code|del|em|font|i|img|ins|label|mark|o:p|q|s|small|span|strike"
    "|strong|sub|sup|tt|u|wbr"
)
# A whole element whose content is never text, and a comment, each on one line. Neither
# runs past the start of another (many unclosed ones cost one scan of the line, not one
# each).
_SCRIPT = re.compile(r"<(script|style)\b[^<>]*>(?:[^<]|<(?!/?(?:script|style)\b))*?</\1\s*>", re.I)
_COMMENT = re.compile(r"<!--(?:[^<]|<(?!!--))*?-->")
# An opening, closing or empty tag of an HTML element, with well-formed attributes
# (`<b && c>` in code is no tag).
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?"""
_TAG = re.compile(rf"</?(?:({_BLOCK})|(?:{_INLINE}))(?:{_ATTRIBUTE})*\s*/?>", re.I)
_BREAKS = re.compile(r"\s*\n\s*")


def _reference(name: str) -> str | None:
    """The text of `&name;`, or None when HTML defines no such reference."""
    if name[0] != "#":
        return html5.get(name + ";")
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    value = html.unescape(f"&{name};")  # HTML's rules: &#150; is –, &#x80; €
    # no character at all (&#0;, a surrogate, beyond U+10FFFF): nothing was lost
    return "" if value == "\ufffd" and code != 0xFFFD else value


def fix_markup(text: str) -> tuple[str, Counter[str]]:
    """Decode HTML character references and take out HTML tags (a block-level one
    breaks the line: `<br>`, `<p>`, `</div>`), comments and inline scripts or styles."""
    if "&" not in text and "<" not in text:
        return text, NOTHING
    counts: Counter[str] = Counter()
    if "&" in text:

        def decode(m: re.Match[str]) -> str:
            value = _reference(m.group(1))
            if value is None:
                return m.group()
            counts["html_entities"] += 1
            return value

        text = _REFERENCE.sub(decode, text)
        if "&" in text:
            text = _BARE_REFERENCE.sub(decode, text)
    if "<" in text:

        def untag(m: re.Match[str]) -> str:
            counts["html_tags"] += 1
            return "\n" if m.group(1) else ""

        for pattern in (_SCRIPT, _COMMENT):
            text, found = pattern.subn("", text)
            counts["html_tags"] += found
        text = _TAG.sub(untag, text)
        if counts["html_tags"] and "\n" in text:
            text = _BREAKS.sub("\n", text).strip("\n")
    return text, +counts
