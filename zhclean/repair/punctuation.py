"""ASCII punctuation in Chinese context made full-width: 時間:2022 -> 時間：2022; an
ASCII `?` standing for a character the site's code page lacked: 朱?基 -> 朱\ufffd基."""

from __future__ import annotations

import re
from collections import Counter

from zhclean.repair.chars import CHINESE, HAN, LOST, NOT_QUERY, OFFICES, SURNAMES
from zhclean.repair.counts import NOTHING
from zhclean.repair.lm import model

_FULL = str.maketrans(",;:?!", "，；：？！")
_C = f"[{CHINESE}]"
_HAS_HAN = re.compile(f"[{HAN}]")
_ASCII_MARK = re.compile(r'[,;:?!.()"]')

# URLs and e-mail addresses (ASCII): left exactly as they are.
_URL = re.compile(
    r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|(?<![a-z0-9.-])www\.)[!#-'*-+\--;=?-~]+"
    r"|(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+",
    re.I | re.A,
)
# Three or more dots next to a Han character: an ellipsis.
# (not a table of contents' dot leader before a page number: 第一章 总则........1)
_ELLIPSIS = re.compile(
    rf"(?<=[{HAN}])\.{{3,}}+(?![ \t]*\d{{1,4}}[ \t]*$)|(?<!\.)\.{{3,}}+(?=[{HAN}])"
)
# , ; : ? ! with Chinese on either side (10:37, 1,000 and http:// have none); a ? or !
# that ends a Latin word before a closing mark stays (“Why?”, 《Mamma Mia!》; not APP?怎么),
# and so does a query string's ? after a Chinese path (item/云南?fromModule=lemma).
_MARK = re.compile(
    rf"(?<={_C})(?:[,;:!]|\?{NOT_QUERY})"
    rf"|(?:[,;:]|(?<![A-Za-z])[?!]|[?!](?![”’」』》）]))(?={_C})"
)
# A run of ? and ! with Chinese on either side: all of it (什么?!? -> 什么？！？).
_MARK_RUN = re.compile(rf"(?<={_C})[?!]{{2,}}|(?<![A-Za-z?!])[?!]{{2,}}(?={_C})")
_RUN_HINT = re.compile(r"[?!]{2}")
# A full stop after Han text, before Han text or at the end of a line (3.5 is untouched).
_PERIOD = re.compile(rf"(?<=[{HAN}”’）])\.(?=[{HAN}“‘（”’）]|$)", re.M)
# A full stop after a number that follows Han text, at the end of a line or before a
# closing quote, or after a percentage before Han text: 完成80%. -> 完成80%。 (表1.数据 and
# 3.5 are untouched).
_NUMBER_PERIOD = re.compile(
    rf"(?<=[{HAN}])([0-9]+(?:[.,][0-9]+)*%?)\.(?=[”’）]|$)|(?<=[0-9]%)()\.(?=[{HAN}“‘（])", re.M
)
# A line's enumerator before the full stop: 一.主要成效 keeps its dot (a heading's).
_ENUMERATOR = re.compile(r"\s*[一二三四五六七八九十]{1,3}")
# Parentheses on one line; made full-width when they hold a Han character: (試行) (not a
# Markdown link's target, [说明](./文档/说明.md)).
_PARENS = re.compile(r"(?<!\])\(([^()\n]*)\)")
# A line of code, data or a formula, whose ASCII marks are its syntax: a call with a
# string (print("你好"), console.log('…')), a JSON object or array, a spreadsheet formula.
_CODE = re.compile(r"""[A-Za-z_][\w.]*\(["']|^\s*[{\[]\s*"[^"\n]*"\s*[:,\]]|^\s*=[A-Z]+\(""")
# Straight double quotes on one line; made curly when they hold a Han character.
_QUOTES = re.compile(r'"([^"\n]*)"')


def _fix(text: str) -> tuple[str, int]:
    found = 0

    def enclose(m: re.Match[str], left: str, right: str) -> str:
        nonlocal found
        if not _HAS_HAN.search(m.group(1)):
            return m.group()
        found += 2
        return f"{left}{m.group(1)}{right}"

    text = _PARENS.sub(lambda m: enclose(m, "（", "）"), text)
    text = _QUOTES.sub(lambda m: enclose(m, "“", "”"), text)
    text, n = _ELLIPSIS.subn("……", text)
    found += n

    def period(m: re.Match[str]) -> str:
        nonlocal found
        if _ENUMERATOR.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            return "."
        found += 1
        return "。"

    text = _PERIOD.sub(period, text)
    if "." in text:
        text, n = _NUMBER_PERIOD.subn(lambda m: (m[1] or "") + "。", text)
        found += n

    if _RUN_HINT.search(text):  # rare: spares most lines a pass

        def run(m: re.Match[str]) -> str:
            nonlocal found
            found += len(m.group())
            return m.group().translate(_FULL)

        text = _MARK_RUN.sub(run, text)
    text, n = _MARK.subn(lambda m: m.group().translate(_FULL), text)
    return text, found + n


def fix_ascii_punctuation(text: str) -> tuple[str, Counter[str]]:
    """Make , ; : ? ! . ( ) " full-width where they stand in Chinese context
    (never inside a URL or an e-mail address)."""
    if not _ASCII_MARK.search(text) or _CODE.search(text):
        return text, NOTHING
    if not ("://" in text or "www." in text or "@" in text) or not _URL.search(text):
        text, found = _fix(text)
        return text, Counter(ascii_punctuation=found)
    parts, found, position = [], 0, 0
    for url in _URL.finditer(text):
        fixed, n = _fix(text[position : url.start()])
        parts += [fixed, url.group()]
        found += n
        position = url.end()
    fixed, n = _fix(text[position:])
    return "".join([*parts, fixed]), Counter(ascii_punctuation=found + n)


# One to three `?` between two Han characters.
_LOST_MARKS = re.compile(rf"(?<=[{HAN}])\?{{1,3}}(?=[{HAN}])")
# ASCII , ; : ! next to a Han character: the line's author typed ASCII punctuation.
_ASCII_STYLE = re.compile(rf"(?<=[{HAN}])[,;:!]|[,;:!](?=[{HAN}])")
# What may end a question in the clause before a `?`: particles and question words (in
# both scripts), A不A and A没A (是不是, 有没有); 还是 asks which one.
_QUESTION = re.compile(
    r"[吗嗎呢吧么麼嘛啊呀哪谁誰何几幾怎啥岂豈咋否]|多少|难道|難道|还是|還是|有无|有無|真的"
    r"|多[大久长長远遠高重]|(.)[不没沒]\1"
)
# Where the clause before a `?` starts.
_CLAUSE_END = re.compile(r"[，。；：！？、,;:!.?]")
# Where a name may begin: the line's start, a non-Han character, an office (总理朱?基), or a
# word that introduces a person (由王?主持).
_NAME_BEFORE = re.compile(
    rf"(?:^|[^{HAN}]|{OFFICES}|总理|主席|同志|由|和|与|與|及|请|請|向|给|給)$"
)
MANY_LOST = 3  # `?` runs between Han characters in one line that make them lost characters
# A `?` that ends a question for sure: before a closing quote or bracket, a space, the end
_ASKED = re.compile(r"\?(?:[”’」』）)】》]|\s|$)")
_HAN_BEFORE = re.compile(f"[{HAN}]{{1,4}}$")
_HAN_AFTER = re.compile(f"[{HAN}]{{1,4}}")


def _between_words(text: str, mark: re.Match[str]) -> bool:
    """Whether the `?` run `mark` parts two words of two characters or more (明天?后天?):
    a lost character sits inside a word far more often (我?, ?灣)."""
    left = _HAN_BEFORE.search(text, 0, mark.start())
    right = _HAN_AFTER.match(text, mark.end())
    if left is None or right is None:
        return False
    lm = model()
    before, after = lm.segment(left.group())[-1], lm.segment(right.group())[0]
    return len(before) > 1 < len(after) and lm.is_word(before) and lm.is_word(after)


def fix_lost_characters(text: str) -> tuple[str, Counter[str]]:
    """Make U+FFFD of each ASCII `?` that stands for a lost character: an encoder's
    replacement for a character the site's code page lacked (朱?基, a name's rare
    character in GB2312; Traditional text saved as GB2312 loses one in a few).

    A question mark is far commoner, so only where the text says otherwise: the `?`
    stands between Han characters, the clause before it asks nothing (no 吗, 什么,
    是不是…), the line's author typed no ASCII `,` `:` `;` `!` by Han text and no URL,
    and either a surname opens a name before it (朱?基, 由王?主持) or the line has
    `MANY_LOST` such `?` or more. Nothing tells what the character was."""
    if "?" not in text or _ASCII_STYLE.search(text) or "://" in text or "www." in text:
        return text, NOTHING
    asking = []
    for m in _LOST_MARKS.finditer(text):
        start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
        asking.append(_QUESTION.search(text, start, m.start()) is not None)
    if not asking or all(asking):
        return text, NOTHING
    marks = [m for m, asks in zip(_LOST_MARKS.finditer(text), asking, strict=True) if not asks]
    many = (  # 明天?后天?大后天?: between words, alternatives asked one by one
        len(marks) >= MANY_LOST and sum(not _between_words(text, m) for m in marks) >= MANY_LOST - 1
    )
    if not many and _ASKED.search(text):  # the line asks with ASCII `?`: “王?哪个王?”
        return text, NOTHING
    found = 0
    out, pos = [], 0
    for m, asks in zip(_LOST_MARKS.finditer(text), asking, strict=True):
        named = text[m.start() - 1] in SURNAMES and _NAME_BEFORE.search(text, 0, m.start() - 1)
        if asks or not (many or named):
            continue
        out += [text[pos : m.start()], LOST * len(m.group())]
        found += len(m.group())
        pos = m.end()
    if not found:
        return text, NOTHING
    return "".join([*out, text[pos:]]), Counter(lost_character=found)
