"""Whitespace, character-width and character-form damage."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from zhclean.repair.chars import CJK_PUNCT, HAN, OFFICES, SURNAMES
from zhclean.repair.counts import NOTHING
from zhclean.repair.lm import model

# \r\n and lone \r (old Mac), and Unicode line/paragraph separators.
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# BOMs, zero-width spaces/joiners, word joiner, soft hyphen.
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# What of them goes: all but a zero-width joiner between two emoji (👨‍👩‍👧 is one).
_EMOJI = "[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]"
_DROPPED = re.compile(rf"[\ufeff\u200b\u200c\u2060\u00ad]|(?<!{_EMOJI})\u200d|\u200d(?!{_EMOJI})")
# No-break, ideographic, en/em/thin and other odd spaces, and tabs.
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
# Other C0/C1 control characters: never text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Runs of ordinary spaces inside a line.
_SPACES = re.compile(r" {2,}")
# Spaces at either end of a line.
_LINE_EDGE = re.compile(r"^ +| +$", re.M)
# Any character `fix_whitespace` removes or replaces wherever it stands (one class:
# a search is a table lookup per character).
_WHITESPACE_CHAR = re.compile(
    "[\r\u2028\u2029\x85"
    + "".join(p.pattern[1:-1] for p in (_INVISIBLE, _CONTROL, _ODD_SPACE))
    + "]"
)

# A single space between two Han characters.
_HAN_SPACE = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")
_HAN_CHAR = re.compile(f"[{HAN}]")
_HAN_WORD = re.compile(f"[{HAN}]+")
_HAN_TAIL = re.compile(f"[{HAN}]{{1,4}}$")
_HAN_RUN_END = re.compile(f"[{HAN}]+$")
_HAN_HEAD = re.compile(f"[{HAN}]{{1,4}}")
# A single space between Han text and a full-width mark (either order), or two marks.
_MARK_SPACE = re.compile(
    f"(?<=[{HAN}{CJK_PUNCT}]) (?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}]) (?=[{HAN}])"
)
# A line of prose: it has sentence punctuation.
_PROSE = re.compile("[，。；]")
# A Chinese enumerator opening the line, and the space (Word's tab) after it: 一、 过去一年…
_ENUMERATOR_SPACE = re.compile(
    f"^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）)( +)(?=[{HAN}0-9])"
)
# A digit's space in a letter-spaced line (a justified PDF line: 2 0 2 3 年，新发展党员 3 7 名)
_DIGIT_SPACE = re.compile(f"(?<=[0-9]) (?=[0-9{HAN}{CJK_PUNCT}])|(?<=[{HAN}{CJK_PUNCT}]) (?=[0-9])")
# An office title right before the space: a byline's office and name (组织部长 李晓波).
_OFFICE_BEFORE = re.compile(f"(?:{OFFICES})$")
# A line's article or chapter number, parted from its text by a space by convention
# (第一条　为了…, 第二章 总则)
_ARTICLE = re.compile(
    r"^第\s?[一二三四五六七八九十百千零〇两0-9]{1,6}\s?(?:[条條章节節编編]|部分)(?= )"
)
# Words a space parts by convention: a list of three or more (中国移动 中国电信 中国联通;
# two-character items are as often a PDF's spacing, 党建 引领 基层 治理),
# two units' names (云南省科技厅 云南省教育厅), a date and its weekday, two phrases of one
# length (坚定理想信念 筑牢信仰之基)
_LIST = re.compile(f"(?<![{HAN}])[{HAN}]{{3,8}}(?: [{HAN}]{{3,8}}){{2,}}(?![{HAN}])")
_UNIT_END = re.compile(
    "(?:厅|局|委|部|院|校|会|办|处|所|站|中心|公司|集团|大学|学院|医院|银行|协会|政府)$"
)
_WEEKDAY_AFTER = re.compile("日 (?=星期|周[一二三四五六日天]|礼拜)")
PHRASE_MIN = 4  # shortest phrase of a pair of one length
LIST_SPREAD = 0  # most a list's items differ in length (stray spaces make uneven runs)
_PHRASE_OPEN = frozenset(["", "“", "《", "「", "（"])  # a slogan's line or quotes around it
_PHRASE_CLOSE = frozenset(["", "”", "》", "」", "）"])
# A news byline in brackets, where spaces part roles and names: （记者 张三 李四 通讯员 王五）
_BYLINE = re.compile(
    r"[（(](?:本报|本台|本刊|新华社|人民网)?(?:特约|见习|实习)?(?:记者|通讯员|实习生)"
    r" [^（()）]{1,40}[）)]"
)
# A news dateline, parted from the story by a space: 新华社北京7月4日电 全国…
_DATELINE = re.compile(r"\d{1,2}日电(?= )")
# A space parting two phrases (4+ characters each) of a book's or a document's title:
# 《决胜全面建成小康社会 夺取新时代…》
_TITLE_PHRASES = re.compile(f"(?<=[《 ])[{HAN}]{{4,}}( )(?=[{HAN}]{{4,}}[^《》]*》)")
# A person's name after a space, alone or before 等 (王刚 李伟 陈静等同志)
_NAME_AFTER = re.compile(f"[{HAN}]{{2,3}}(?![{HAN}])|[{HAN}]{{2,3}}(?=等)")
_NAME_ALONE = re.compile(f"(?<![{HAN}])[{HAN}]{{2,3}}$")

# Full-width digits and Latin letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A).
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_TO_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# Full-width ％ after a digit, and full-width ．between digits.
_NUMBER_PERCENT = re.compile(r"(?<=[0-9\uff10-\uff19])\uff05")
_NUMBER_POINT = re.compile(r"(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")
_FULLWIDTH = re.compile(r"[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# A domain name written with full-width points: ｗｗｗ．ｇｏｖ．ｃｎ (once its letters are halved)
_DOMAIN = re.compile(
    r"(?<![0-9A-Za-z])(?:www\uff0e)?[0-9A-Za-z-]+(?:\uff0e[0-9A-Za-z-]+)*"
    r"\uff0e(?:cn|com|org|net|gov|edu)(?![0-9A-Za-z])",
    re.I,
)

# Kangxi radicals (U+2F00-2FD5) and CJK radicals that stand for whole characters, as
# text taken from PDFs carries them (⼈⺠ for 人民): each to its unified ideograph. The
# radicals' own compatibility mapping (NFKC) gives the Kangxi ones and ⺟ ⻳; the others
# are Unicode's equivalent ideographs of the radicals that are characters of their own.
_RADICAL_SUPPLEMENT = dict(
    zip(
        "⺠⻁⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰",
        "民虎西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙",
        strict=True,
    )
)
_RADICALS = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]
    if len(unicodedata.normalize("NFKC", chr(code))) == 1
    and unicodedata.normalize("NFKC", chr(code)) != chr(code)
} | {ord(radical): char for radical, char in _RADICAL_SUPPLEMENT.items()}
# CJK compatibility ideographs with a canonical equivalent (U+F900 豈 is U+8C48 豈)
_COMPATIBILITY = {
    code: unicodedata.normalize("NFC", chr(code))
    for code in range(0xF900, 0xFB00)
    if unicodedata.normalize("NFC", chr(code)) != chr(code)
}
# Bullets of the Symbol and Wingdings fonts, which Word and PDF text leave at private-use
# code points (U+F0xx) when the font is dropped
_SYMBOL_FONT = {
    0xF06C: "●", 0xF06E: "■", 0xF075: "◆", 0xF076: "❖", 0xF0A7: "▪", 0xF0B7: "•",
    0xF0D8: "➢", 0xF0FC: "✔",
}  # fmt: skip
_CJK_FORM = re.compile(
    "[" + "".join(map(chr, sorted({**_RADICALS, **_COMPATIBILITY, **_SYMBOL_FONT}))) + "]"
)


def _sub(pattern: re.Pattern[str], repl: str, text: str) -> tuple[str, int]:
    return pattern.subn(repl, text)


def fix_whitespace(text: str) -> tuple[str, Counter[str]]:
    """Normalize line endings to \\n, drop BOMs, zero-width and control characters,
    turn odd spaces into plain ones, and trim each line."""
    if not _WHITESPACE_CHAR.search(text) and not (
        "  " in text or text[:1] == " " or text[-1:] == " " or "\n " in text or " \n" in text
    ):
        return text, NOTHING  # nothing to do: spares clean text the six passes
    counts: Counter[str] = Counter()
    text, counts["line_endings"] = _sub(_LINE_BREAK, "\n", text)
    text, counts["invisible_chars"] = _sub(_DROPPED, "", text)
    text, counts["control_chars"] = _sub(_CONTROL, "", text)
    text, counts["odd_spaces"] = _sub(_ODD_SPACE, " ", text)
    text, runs = _sub(_SPACES, " ", text)
    text, edges = _sub(_LINE_EDGE, "", text)
    counts["extra_spaces"] = runs + edges
    return text, counts


def fix_stray_spaces(text: str) -> tuple[str, Counter[str]]:
    """Drop ASCII spaces that stray between Han characters: 组 织工作 -> 组织工作.

    A space between Han characters goes when a word runs across it (the likeliest
    segmentation of its neighbourhood puts one there), when it stands inside a
    sentence of prose (the line holds ，。；), or when the whole line is letter-spaced
    (加 强 党 建). It stays between words in a line that is no prose (业务培训 示范,
    第一章 总则), after an office title (组织部长 李晓波), after the article number that
    opens a line (第一条 为了…) and inside a bracketed news byline (（记者 张三 通讯员 李四）).
    """
    enumerator = _ENUMERATOR_SPACE.match(text) if " " in text else None
    if " " not in text or not (_HAN_SPACE.search(text) or _MARK_SPACE.search(text) or enumerator):
        return text, NOTHING
    bylines = (
        [m.span() for m in _BYLINE.finditer(text)] if "记者" in text or "通讯员" in text else []
    )
    if (names := _name_list(text)) is not None:
        return names
    article = _ARTICLE.match(text)
    kept = {article.end()} if article else set()
    kept.update(m.end() for m in _DATELINE.finditer(text))
    kept.update(m.end() - 1 for m in _WEEKDAY_AFTER.finditer(text))
    for m in _LIST.finditer(text):  # items alike, none cut: 中国移动 中国电信 中国联通
        sizes = [len(word) for word in m.group().split(" ")]
        spaces = [i for i in range(m.start(), m.end()) if text[i] == " "]
        if max(sizes) - min(sizes) <= LIST_SPREAD and not any(
            _splits_word(text, i) for i in spaces
        ):
            kept.update(spaces)
    kept.update(g for a, b in bylines for g in range(a, b))
    if "《" in text:
        kept.update(m.start(1) for m in _TITLE_PHRASES.finditer(text))
    gaps = [
        m.start()
        for m in _HAN_SPACE.finditer(text)
        if m.start() not in kept
        and not _between_names(text, m.start())
        and not _paired_phrases(text, m.start())
    ]
    spaced = len(gaps) >= 3 and len(gaps) * 2 >= len(_HAN_CHAR.findall(text))
    prose = _PROSE.search(text) is not None
    drop = {
        g
        for g in gaps
        if spaced or (not _OFFICE_BEFORE.search(text, 0, g) and (prose or _splits_word(text, g)))
    }
    if prose:  # a space between Han text and a Chinese mark: 干部的 “贴心娘家”
        drop.update(m.start() for m in _MARK_SPACE.finditer(text))
    if spaced:
        drop.update(m.start() for m in _DIGIT_SPACE.finditer(text))
    if enumerator:
        drop.update(range(*enumerator.span(1)))
    if not drop:
        return text, NOTHING
    text = "".join(c for i, c in enumerate(text) if i not in drop)
    return text, Counter(stray_spaces=len(drop))


def _paired_phrases(text: str, gap: int) -> bool:
    """Whether the space at `gap` parts two units' names or two phrases of one length
    (the whole runs of Han characters on either side)."""
    left = _HAN_RUN_END.search(text, 0, gap)
    right = _HAN_WORD.match(text, gap + 1)
    if left is None or right is None:
        return False
    a, b = left.group(), right.group()
    opened = text[left.start() - 1 : left.start()] in _PHRASE_OPEN
    closed = text[right.end() : right.end() + 1] in _PHRASE_CLOSE
    slogan = len(a) == len(b) >= PHRASE_MIN and opened and closed  # on its own or quoted
    units = min(len(a), len(b)) >= PHRASE_MIN and all(_UNIT_END.search(w) for w in (a, b))
    return (slogan or units) and not _splits_word(text, gap)


def _between_names(text: str, gap: int) -> bool:
    """Whether the space at `gap` parts two people's names in a list (王刚 李伟 陈静等,
    主持人：王刚 李伟): each 2-3 characters opening with a common surname, the one after
    it followed by 等, by another name or, when the one before stands alone, by the end."""
    right = _NAME_AFTER.match(text, gap + 1)
    if right is None or right.group()[0] not in SURNAMES:
        return False
    after = text[right.end() : right.end() + 2]
    if after[:1] == "等" or (after[:1] == " " and after[1:] in SURNAMES):
        tail = _HAN_TAIL.search(text, 0, gap)
        return tail is not None and any(
            len(tail.group()) >= k and tail.group()[-k] in SURNAMES for k in (2, 3)
        )
    alone = _NAME_ALONE.search(text, 0, gap)
    return after[:1] != " " and alone is not None and alone.group()[0] in SURNAMES


def _name_list(text: str) -> tuple[str, Counter[str]] | None:
    """A line that lists names, a two-character one padded to the width of three
    (王　明　李晓华　张　三): the padding goes, the spaces between names stay. None for
    any other line."""
    words = text.split(" ")
    if len(words) < 4 or not all(0 < len(w) <= 3 and _HAN_WORD.fullmatch(w) for w in words):
        return None
    if not any(len(w) == 3 for w in words):  # 时 间 安 排: letter-spaced words, no names
        return None
    names: list[str] = []
    padded = 0
    for word in words:
        if len(word) == 1 and names and len(names[-1]) == 1 and names[-1] in SURNAMES:
            names[-1] += word
            padded += 1
        else:
            names.append(word)
    if sum(name[0] in SURNAMES and len(name) > 1 for name in names) * 4 < len(names) * 3:
        return None
    return " ".join(names), Counter(stray_spaces=padded) if padded else Counter()


def _splits_word(text: str, gap: int) -> bool:
    """True when the likeliest segmentation of the Han text around `gap` (the space
    taken out) puts a word across it."""
    left = _HAN_TAIL.search(text, 0, gap)
    right = _HAN_HEAD.match(text, gap + 1)
    a = left.group() if left else ""
    b = right.group() if right else ""
    at = 0
    for word in model().segment(a + b):
        if at < len(a) < at + len(word):
            return True
        at += len(word)
    return False


def fix_fullwidth_alphanumerics(text: str) -> tuple[str, Counter[str]]:
    """Make full-width digits and Latin letters half-width; ％ and ．inside numbers and
    domain names too."""
    if not _FULLWIDTH.search(text):
        return text, NOTHING
    counts: dict[str, int] = {}
    if "\uff05" in text:
        text, counts["fullwidth_percent"] = _sub(_NUMBER_PERCENT, "%", text)
    if "\uff0e" in text:
        text, counts["fullwidth_point"] = _sub(_NUMBER_POINT, ".", text)
    found = 0

    def halve(m: re.Match[str]) -> str:
        nonlocal found
        run = m.group()
        found += len(run)
        return run.translate(_TO_HALFWIDTH)

    text = _FULLWIDTH_ALNUM.sub(halve, text)
    counts["fullwidth_alnum"] = found
    if "\uff0e" in text:

        def dots(m: re.Match[str]) -> str:
            counts["fullwidth_point"] = counts.get("fullwidth_point", 0) + m.group().count("\uff0e")
            return m.group().replace("\uff0e", ".")

        text = _DOMAIN.sub(dots, text)
    kept = {kind: n for kind, n in counts.items() if n}
    return text, Counter(kept) if kept else NOTHING


def fix_cjk_forms(text: str) -> tuple[str, Counter[str]]:
    """Radicals that stand for characters (text from PDFs: ⼈⺠ -> 人民) and CJK
    compatibility ideographs with a canonical equivalent, each to its unified ideograph;
    Symbol and Wingdings bullets left at private-use code points to their characters."""
    if not _CJK_FORM.search(text):
        return text, NOTHING
    counts: Counter[str] = Counter()
    tables = (
        ("cjk_radicals", _RADICALS),
        ("compatibility_ideographs", _COMPATIBILITY),
        ("symbol_font", _SYMBOL_FONT),
    )
    for name, table in tables:
        fixed = text.translate(table)
        counts[name] = sum(a != b for a, b in zip(text, fixed, strict=True))
        text = fixed
    return text, +counts
