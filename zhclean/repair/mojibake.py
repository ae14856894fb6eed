"""Classic mojibake: text whose bytes were decoded with the wrong codec.

Undone here, span by span within each line (good text around a damaged span is kept):

* UTF-8 read as GBK/GB18030 (``鍙傝€冩枃鐚`` <- ``参考文献``), also when the misreading lost
  bytes: each ``�`` (or a ``?`` that cannot be a real question mark) stands for 1-2 lost bytes,
  and the characters they belonged to are chosen among every UTF-8 character the surviving
  bytes allow, by the character bigram model (`zhclean.repair.lm`);
* GBK read as Latin-1 / cp1252 (``ÖÐ¹ú`` <- ``中国``);
* UTF-8 read as Latin-1 / cp1252 (``ä¸­æ–‡`` <- ``中文``), once or twice over;
* Big5 read as GBK and GBK read as Big5 (a character-for-character substitution).

A span is a candidate when it re-encodes in the wrong codec and the bytes decode in the right
one; it is replaced only when the model finds the result much likelier per character (and,
for Chinese targets, mostly Han). Once a line is known damaged one way, a short run between
ASCII codes (``X¡ªX`` <- ``X—X``, ``3絞`` <- ``3篇``) is repaired too when it becomes common
Chinese or a Chinese mark with Chinese beyond the ASCII on its sides. Cheap gates keep clean
text fast (a UTF-8 lead read as GBK must be followed by bytes that go on as UTF-8).
"""

from __future__ import annotations

import contextlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from zhclean.repair import chars
from zhclean.repair.chars import CJK_PUNCT, HAN, LOST
from zhclean.repair.counts import NOTHING
from zhclean.repair.lm import CharModel, model
from zhclean.repair.lm import sources as lm_sources
from zhclean.repair.model_cache import cached
from zhclean.repair.pinyin import WORD
from zhclean.repair.trigram import trigram

HOLE = 0xFF
"""Byte standing for a U+FFFD (1-2 lost bytes): never part of UTF-8, GBK or Big5 text."""

MARGIN = 2.0
"""Nats per character by which a repair must beat the text it replaces."""
FLOOR, FLOOR_SHORT = -9.0, 3.0
"""A repair of n characters must score at least FLOOR - FLOOR_SHORT / n per character
(clean lines score above -8.1; 99% of clean 4-character windows above -9)."""
SAMPLE = 60
"""Characters scored at each end of a long span."""
SWITCH = math.log(1e-4)
"""Cost of switching between kept and substituted text (Big5/GBK segmentation)."""
BEAM = 40
"""Hypotheses kept per lattice state when reconstructing lost bytes."""
CONTEXT = 4
"""Characters of context each side when choosing reconstructed characters."""
MAX_CANDIDATES = 40
"""Characters considered for one reconstructed position (the most frequent first)."""
RARE = math.log(3e-6)
"""Unigram log-probability under which a character counts as rare in clean text."""
COMMON = math.log(1e-5)
"""Unigram log-probability above which a character counts as common."""

UTF8_AS_GBK = "mojibake_utf8_as_gbk"
GBK_AS_LATIN1 = "mojibake_gbk_as_latin1"
UTF8_AS_LATIN1 = "mojibake_utf8_as_latin1"
DOUBLE_UTF8 = "mojibake_double_utf8"
BIG5_AS_GBK = "mojibake_big5_as_gbk"
GBK_AS_BIG5 = "mojibake_gbk_as_big5"
LOST_BYTES = "mojibake_lost_bytes"

_HAN_RE = re.compile(f"[{HAN}]")
_CJK_RE = re.compile(f"[{HAN}{CJK_PUNCT}\u3000-\u303f\uff00-\uffef]")
_PUA_RE = re.compile("[\ue000-\uf8ff\ufffd]")
_ODD_SCRIPT = re.compile("[\u0370-\u052f\u2500-\u257f\u3100-\u312f\ue000-\uf8ff\ufffd]")
"""Greek, Cyrillic, box drawing, bopomofo, private use, U+FFFD: Big5 bytes read as GBK."""
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_TRUNCATED = re.compile(rb"(?:[\xc2-\xf4]|[\xe0-\xf4][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{2})\Z")
"""A UTF-8 character cut off at the end (its last bytes dropped without a mark)."""
_KANA = re.compile("[\u3040-\u30ff]")
_ASCII_ALNUM = re.compile("[0-9A-Za-z]")
_ASCII_BEFORE = re.compile("[\x00-\x7f]*\\Z")
_ASCII_AFTER = re.compile("[\x00-\x7f]*")
_DATE_UNITS = frozenset("年月日时点分時點")

# UTF-8 as a byte regex: maximal runs of well-formed characters (alternatives are disjoint).
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)


_WIDE_LEAD = re.compile(rb"[\xe0-\xf4]")


# ---------------------------------------------------------------- codecs
def _cp1252_specials() -> dict[str, int]:
    table = {}
    for b in range(0x80, 0xA0):
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([b]).decode("cp1252")] = b
    return table


_CP1252 = _cp1252_specials()
_WEB_HIGH = "\x80-\xff" + "".join(_CP1252)
"""Characters a Latin-1 / cp1252 (WHATWG windows-1252) reading makes of bytes 0x80-0xFF."""
_TO_WEB_BYTE = str.maketrans({**{c: chr(b) for c, b in _CP1252.items()}, LOST: "\xff"})
_CONT_CHARS = "\x80-\xbf" + "".join(_CP1252)


def _web_bytes(text: str) -> bytes | None:
    """Bytes that a Latin-1 / cp1252 reading turned into `text` (U+FFFD -> HOLE)."""
    try:
        return text.translate(_TO_WEB_BYTE).encode("latin-1")
    except UnicodeEncodeError:
        return None


@cache
def _gbk_char_bytes(c: str) -> bytes:
    if c == LOST:
        return bytes([HOLE])
    if c == "€":  # cp936 (Windows) reads 0x80 as the euro sign
        return b"\x80"
    return c.encode("gb18030")


def _pending(out: bytearray) -> int:
    """Continuation bytes the UTF-8 character at the end of `out` still needs."""
    for back in range(1, min(4, len(out)) + 1):
        b = out[-back]
        if b < 0x80 or b == HOLE:
            return 0
        if b >= 0xC0:
            return max(0, _char_len(b) - back)
    return 0


def _euro_bytes(out: bytearray, following: bytes) -> bytes:
    """cp936 reads 0x80 as `€`, GB18030 reads A2 E3 so: whichever UTF-8 fits around it."""
    need = _pending(out)
    cont = 0
    for b in following:
        if not (0x80 <= b <= 0xBF or b == HOLE):
            break
        cont += 1
    if need == 1 and cont >= 2 and not (need >= 1 and cont == need - 1):
        return b"\xa2\xe3"
    return b"\x80"


def _gbk_bytes(text: str) -> tuple[bytes, list[int]]:
    """GBK/GB18030 bytes of `text` (U+FFFD -> HOLE) and each character's start offset."""
    out = bytearray()
    starts = []
    for k, c in enumerate(text):
        starts.append(len(out))
        if c == "€":
            out += _euro_bytes(out, b"".join(_gbk_char_bytes(x) for x in text[k + 1 : k + 3]))
        else:
            out += _gbk_char_bytes(c)
    starts.append(len(out))
    return bytes(out), starts


# ---------------------------------------------------------------- the model
@cache
def _model() -> CharModel:
    return model()


@lru_cache(maxsize=1 << 18)
def _lp(prev: str, c: str) -> float:
    """log P(c | prev) under the bigram model (prev may be empty)."""
    m = _model()
    return m.score(prev + c) - _uni(prev) if prev else m.score(c)


@lru_cache(maxsize=1 << 16)
def _uni(c: str) -> float:
    return _model().score(c)


@lru_cache(maxsize=1 << 12)
def _per_char(text: str) -> float:
    """Mean log-probability per character; long texts are judged on their two ends."""
    if len(text) > 2 * SAMPLE:
        text = text[:SAMPLE] + text[-SAMPLE:]
    return _model().per_char(text)


def _mostly_cjk(text: str, least: int = 1) -> bool:
    """At least `least` Han characters, and CJK for at least half the non-space characters."""
    chars = [c for c in text if not c.isspace()]
    if len(_HAN_RE.findall(text)) < least:
        return False
    return 2 * len(_CJK_RE.findall(text)) >= len(chars)


_PUNCT_ONLY = re.compile(f"[{CJK_PUNCT}]+")
_MARK_LEADS = frozenset("銆锛鈥")
_MARK_LATIN1 = ("ã€", "ï¼")
"""Latin-1's reading of E3 80 and EF BC, in a line with Chinese in it."""
"""GBK's reading of the first two UTF-8 bytes of Chinese marks (E3 80: 、。《》「」【】;
EF BC: ，！（）：；？; E2 80: —…“”): a mark alone between digits, 5.2%銆� (。), is one."""
SHORT, SHORT_MARGIN = 3, 1.0
"""A run of at most SHORT characters between ASCII codes, in a line known damaged, is
substituted when that gains SHORT_MARGIN nats per character in its context."""
ASCII_GAP = 12
"""ASCII characters (a code, a number, "X") that may separate a short run from its context."""


def _side(line: str, start: int, step: int) -> bool | None:
    """What lies beyond the ASCII next to `start` (step -1: leftwards from line[start - 1],
    +1: rightwards from line[start]): True for Chinese, None for the line's edge, False for
    anything else (other scripts, more ASCII than a short code or number)."""
    k = start - 1 if step < 0 else start
    for _ in range(ASCII_GAP + 1):
        if not 0 <= k < len(line):
            return None
        c = line[k]
        if c >= "\x80":
            return _CJK_RE.match(c) is not None
        k += step
    return False


def _common_cjk(text: str) -> bool:
    """Every character Chinese punctuation or a common Han character."""
    return all(c in CJK_PUNCT or (_HAN_RE.match(c) and _uni(c) > COMMON) for c in text)


def _between_chinese(line: str, start: int, end: int) -> bool:
    """`line[start:end]` has Chinese beyond the ASCII on both sides (one may be the edge)."""
    left, right = _side(line, start, -1), _side(line, end, 1)
    return left is not False and right is not False and (left or right) is True


def _much_likelier(fixed: str, damaged: str, margin: float = MARGIN) -> bool:
    """`fixed` beats `damaged` by `margin` per character and reads like real text itself
    (above a floor that clean text clears; U+FFFD, standing for nothing, is not counted)."""
    known = fixed.replace(LOST, "")
    if not known or _per_char(known) < FLOOR - FLOOR_SHORT / len(known):
        return False
    return _per_char(fixed) >= _per_char(damaged) + margin


# ---------------------------------------------------------------- lost bytes (UTF-8 lattice)
_PUNCT_ORDER = "。，、：；？！“”《》（）‘’…—「」『』【】〔〕·"
_TIE = {c: -0.01 * k for k, c in enumerate(_PUNCT_ORDER)}
"""The model scores all punctuation alike: ties go to the commoner mark."""
_NUMERALS = frozenset("一二三四五六七八九十")
_AFTER_NUMBER = frozenset(
    "年月日号时点分秒个条项名人次家万亿元岁位件篇期届季周天米吨户所座处批类种章节款级倍成余多"
    "亩公里千百斤克度股只台辆架张页份本轮场批类层栋间套"
    "年月日號時點個條項萬億歲週噸戶處類種節款級餘畝裡斤臺輛張頁份輪場層棟間"
)
"""Characters that follow a number (units, measure words, dates): the word model, which
sees no digits, would read 12鏈� as 12有, not 12月."""
_BEFORE_NUMBER = frozenset("第約约共近達达計计")
_BY_NUMBER = 3.0
_FIELD_LABEL = re.compile(
    "(?:时间|時間|日期|来源|來源|作者|电话|電話|地址|邮箱|郵箱|网址|網址|编辑|編輯)$"
)
"""A field's label: the mark after it is `：`."""
_CLOSING_MARKS = frozenset("，。、；：？！”’）》】」』")
_NOT_OPENING = 3.0
"""Cost of a mark no line opens with, at a line's start (（2023年… not ，2023年…)."""
_ENUMERATOR = 3.0
"""Bonus for a numeral before `、` at a line's start (一、 numbers a heading; the word model,
without the line's start, prefers 中、)."""
_PAIRS = dict(zip("“‘（《【「『〔", "”’）》】」』〕", strict=True))
_PAIRED = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | {"—"}
_UNPAIRED = 8.0
"""Cost of a mark chosen for a lost character without its other half in the line (an
opening mark with no closing one after it, a closing one with no opening one before it,
a dash not doubled): `組「幹部` where 工 = A4 75 and 「 = A1 75."""
JOINT_CHOICES = 12
"""Candidates of each of two lost characters side by side that are tried together."""
CHOICE_SHAPE_WEIGHT = 1.0
"""Weight of the word-shape model (`CharModel.shape`) where a lost byte's character is
chosen: with it, on seeds 0, 1, 2, GBK read as Big5 with lost bytes 80.5, 79.5, 82.5% ->
84.5, 83.5, 86.0% exact, Big5 read as GBK 4.23, 4.25, 4.17% -> 3.85, 3.81, 3.77% CER
(weight 1.5: worse than none)."""
CHOICE_CONTEXT_WEIGHT = 2.0
"""Weight of the character trigram model (`trigram.py`) where a lost byte's character
is chosen: with it, on seeds 0 and 1, Big5 read as GBK 3.85, 3.81% -> 2.67, 2.66% CER,
GBK read as Big5 with lost bytes 1.70, 1.93% -> 1.68, 1.92% (weight 1: 2.83%; 3: as 2,
and GBK read as Big5 worse). The word model alone cannot tell `要多讀書` from `要去讀書`."""


@cache
def _pair_ok(a: int, b: int, codec: str = "gbk") -> bool:
    """True when `codec` decodes bytes `a b` as one character (so a decoder never
    replaced `a`)."""
    try:
        bytes((a, b)).decode(codec)
    except UnicodeDecodeError:
        return False
    return True


OWN, UNDEFINED = -1, -2
_CP1252_UNDEFINED = frozenset(b for b in range(0x80, 0xA0) if b not in _CP1252.values())


@lru_cache(maxsize=8192)
def _candidates(
    pattern: tuple[int | None, ...], nexts: tuple[int | None, ...] | None = None
) -> tuple[str, ...]:
    """Known characters whose UTF-8 bytes fit `pattern` (None = any byte), likeliest first.

    `nexts` (strict holes): for each position, None when unconstrained, else the byte that
    followed it (OWN: the candidate's own next byte); a GBK decoder replaced the byte there by
    U+FFFD, so the byte and its follower must not be a GBK pair. UNDEFINED: a cp1252 decoder
    replaced it, so it is one of the five bytes cp1252 leaves undefined."""
    options: list[range | tuple[int]] = []
    for i, b in enumerate(pattern):
        if b is not None:
            options.append((b,))
        elif i:
            options.append(range(0x80, 0xC0))
        else:
            options.append(range(0xC2, 0xE0) if len(pattern) == 2 else range(0xE0, 0xF0))
    seqs: list[bytes] = [b""]
    for opt in options:
        seqs = [s + bytes([b]) for s in seqs for b in opt]
    m = _model()
    found = []
    for s in seqs:
        if nexts and any(
            n is not None
            and (
                s[k] not in _CP1252_UNDEFINED
                if n == UNDEFINED
                else _pair_ok(s[k], s[k + 1] if n == OWN else n)
            )
            for k, n in enumerate(nexts)
        ):
            continue
        try:
            c = s.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if m.known(c) or c in _PUNCT_ORDER:
            found.append(c)
    found.sort(key=lambda c: _uni(c) + _TIE.get(c, 0.0), reverse=True)
    return tuple(found[:MAX_CANDIDATES])


def _reconstruct(
    data: bytes,
    after: int | None = None,
    strict: bool = True,
    left: str = "",
    right: str | None = "",
    codec: str = "gbk",
) -> tuple[str, list[int]] | None:
    """The likeliest UTF-8 reading of `data`, where HOLE stands for a lost byte (`strict`:
    exactly one, which a GBK decoder replaced, so it and the byte after it, `after` past the
    end, are no GBK pair; else 1-2 bytes) and `?` may be one too: the text and the indices of
    reconstructed characters (U+FFFD where no known character fits), chosen with the text
    around (`left`, `right`; None: the line ends). None when no reading is well-formed."""
    n = len(data)
    # bytes a cp1252 decoder replaced (by U+FFFD or `?`) are those it leaves undefined
    lost = (HOLE, 0x3F) if codec == "cp1252" else (HOLE,)

    def follower(q: int) -> int | None:
        if q + 1 < n:
            return None if data[q + 1] in (HOLE, 0x3F) else data[q + 1]
        return after

    def reads(i: int, owe: int) -> Iterator[tuple[int | None, int, int]]:
        if owe:
            yield None, i, 0
        elif i < n:
            b = data[i]
            if b == HOLE:
                yield None, i + 1, 0
                if not strict:
                    yield None, i + 1, 1
            else:
                yield b, i + 1, 0
                if b == 0x3F:  # "?" written for a lost byte
                    yield None, i + 1, 0

    def chars(i: int, owe: int) -> Iterator[tuple[tuple[int | None, ...], int, int]]:
        for lead, i1, o1 in reads(i, owe):
            if lead is None:
                sizes: tuple[int, ...] = (2, 3)
            elif lead < 0x80:
                yield (lead,), i1, o1
                continue
            elif 0xC2 <= lead <= 0xDF:
                sizes = (2,)
            elif 0xE0 <= lead <= 0xEF:
                sizes = (3,)
            elif 0xF0 <= lead <= 0xF4:
                sizes = (4,)
            else:
                continue
            for size in sizes:
                stack = [((lead,), i1, o1)]
                while stack:
                    pat, j, o = stack.pop()
                    if len(pat) == size:
                        yield pat, j, o
                        continue
                    for b, j2, o2 in reads(j, o):
                        if b is None or 0x80 <= b <= 0xBF:
                            stack.append(((*pat, b), j2, o2))

    # states (i, owe) ordered by key 2i - owe; a hypothesis is (score, last, backpointer)
    Hyp = tuple[float, str, tuple | None]
    beams: dict[tuple[int, int], list[Hyp]] = {(0, 0): [(0.0, "", None)]}
    order = sorted({(i, o) for i in range(n + 1) for o in (0, 1)}, key=lambda s: 2 * s[0] - s[1])
    for state in order:
        hyps = beams.pop(state, None)
        if not hyps or state == (n, 0):
            if hyps:
                beams[state] = hyps
            continue
        best_by_last: dict[str, Hyp] = {}
        for h in hyps:  # Viterbi: only the last character matters for what follows
            if h[1] not in best_by_last or h[0] > best_by_last[h[1]][0]:
                best_by_last[h[1]] = h
        hyps = sorted(best_by_last.values(), key=lambda h: h[0], reverse=True)[:BEAM]
        for pat, i2, o2 in chars(*state):
            if i2 == n and o2:
                continue
            unsure = None in pat
            if unsure:
                nexts = None
                if strict:  # pattern position k is data[i0 + k]
                    i0 = state[0]
                    nexts = tuple(
                        None
                        if b is not None or data[i0 + k] not in lost
                        else UNDEFINED
                        if codec == "cp1252"
                        else (OWN if k + 1 < len(pat) else follower(i0 + k))
                        for k, b in enumerate(pat)
                    )
                options = _candidates(pat, nexts) if pat.count(None) <= 2 else ()
                options = options or (LOST,)
            else:
                try:
                    options = (bytes(pat).decode("utf-8"),)  # type: ignore[arg-type]
                except UnicodeDecodeError:
                    continue
            target = beams.setdefault((i2, o2), [])
            for score, last, back in hyps:
                for c in options:
                    gain = _lp(last, c) + (_TIE.get(c, 0.0) if unsure else 0.0)
                    target.append((score + gain, c, (back, c, options if unsure else None)))
    final = beams.get((n, 0))
    if not final:
        return None
    return _rescore(final, left, right)


_END_MARKS = {c: 0.5 for c in "。：？！”）…》"} | {c: -0.5 for c in "，、；“（《—"}
"""A line rarely ends in a comma or an opening mark: for a reconstructed last character."""


def _rescore(final: list, left: str, right: str | None) -> tuple[str, list[int]]:
    """The lattice's best hypothesis (score, last, backpointer), then each reconstructed
    character chosen again among its options by the word model, with the text around it
    (`left`, `right`; None: the line ends there)."""
    node = max(final, key=lambda h: h[0])[2]
    chars: list[str] = []
    options: list[tuple[str, ...] | None] = []
    while node is not None:
        node, c, opts = node
        chars.append(c)
        options.append(opts)
    chars.reverse()
    options.reverse()
    unsure = [k for k, o in enumerate(options) if o]
    m = _model()
    text = [*left, *chars, *(right or "")]
    base = len(left)
    for _ in range(2):
        changed = False
        for k in unsure:
            at = base + k
            lo, hi = max(0, at - CONTEXT), at + CONTEXT + 1
            before, after = "".join(text[lo:at]), "".join(text[at + 1 : hi])
            ends = right is None and k == len(chars) - 1

            def score(c: str, before: str = before, after: str = after, ends: bool = ends) -> float:
                bonus = _TIE.get(c, 0.0) + (_END_MARKS.get(c, 0.0) if ends else 0.0)
                if before[-1:] == "\n":  # the line's start
                    bonus += _ENUMERATOR if c in _NUMERALS and after[:1] == "、" else 0.0
                    bonus -= _NOT_OPENING if c in _CLOSING_MARKS else 0.0
                if before[-1:].isdigit() and c in _AFTER_NUMBER:
                    bonus += _BY_NUMBER  # 12月, 3个: what follows a number
                if after[:1].isdigit() and c in _BEFORE_NUMBER:
                    bonus += _BY_NUMBER  # 第1条
                if c == "：" and _FIELD_LABEL.search(before):
                    bonus += _BY_NUMBER  # 发布时间：2023…, not 发布时间，
                return m.score(before + c + after) + bonus

            best = max(options[k] or (), key=score)
            if best != text[at]:
                text[at] = best
                changed = True
        if not changed:
            break
    return "".join(text[base : base + len(chars)]), unsure


# ---------------------------------------------------------------- UTF-8 spans in wrong bytes
Fix = tuple[int, int, str, list[int]]
"""(start, end) in the damaged text, the replacement, indices of reconstructed characters."""


def _char_ends(text: str, start: int) -> list[int]:
    ends = []
    pos = start
    for c in text:
        pos += len(c.encode("utf-8"))
        ends.append(pos)
    return ends


def _utf8_fixes(
    data: bytes,
    starts: list[int],
    need_cjk: bool = False,
    codec: str = "gbk",
    around: tuple[str, str | None] = ("", None),
) -> Iterator[Fix]:
    """Well-formed UTF-8 stretches of `data` aligned with the damaged characters (`starts`:
    byte offset of each, plus the end), with lost bytes reconstructed across HOLE gaps.
    With `need_cjk`, only stretches holding a 3- or 4-byte character (or a lost byte).
    `around`: the line's text before and after `data` (None: the line ends there)."""
    at = {b: k for k, b in enumerate(starts)}
    runs = [(m.start(), m.end()) for m in _UTF8_RUN.finditer(data)]
    # split at malformed gaps, except those holding a lost byte (HOLE, or a "?" next to them)
    edges = [0, *[x for r in runs for x in r], len(data)]
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    start, holes = 0, []
    for k in range(0, len(edges), 2):
        s, e = edges[k], edges[k + 1]
        if s == e:
            continue
        if HOLE in data[s:e] or 0x3F in data[max(0, s - 1) : e + 1]:
            holes.append((s, e))
            continue
        if start < s:
            groups.append((start, s, holes))
        start, holes = e, []
    if start < len(data):
        groups.append((start, len(data), holes))
    k = 0  # first run not before the current group
    for s, e, holes in groups:
        if need_cjk and not holes and not _WIDE_LEAD.search(data, s, e):
            continue
        if holes and s in at and e in at:
            got = _reconstruct_group(data, s, e, holes, codec, around)
            if got is not None:
                yield at[s], at[e], got[0], got[1]
                continue
        # strict runs only, trimmed to characters that start and end on both sides' boundaries
        while k < len(runs) and runs[k][0] < s:
            k += 1
        while k < len(runs) and runs[k][1] <= e:
            rs, re_ = runs[k]
            k += 1
            if need_cjk and not _WIDE_LEAD.search(data, rs, re_):
                continue
            text = data[rs:re_].decode("utf-8")
            ends = _char_ends(text, rs)
            begins = [rs, *ends[:-1]]
            first = next((j for j, b in enumerate(begins) if b in at), None)
            last = next((j for j in range(len(ends) - 1, -1, -1) if ends[j] in at), None)
            if first is None or last is None or last < first:
                continue
            yield at[begins[first]], at[ends[last]], text[first : last + 1], []


def _char_len(lead: int) -> int:
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _reconstruct_group(
    data: bytes,
    s: int,
    e: int,
    gaps: list[tuple[int, int]],
    codec: str = "gbk",
    around: tuple[str, str | None] = ("", None),
) -> tuple[str, list[int]] | None:
    """Decode data[s:e] (well-formed UTF-8 around lost-byte gaps): strictly, except in small
    windows around each gap (with a character of context each side) where the lattice
    chooses the lost bytes; at the ends of `data`, the line's text beyond it (`around`: a
    date's digits, 12鏈�18 -> 12月18) is the context."""
    windows: list[list[int]] = []
    for gs, ge in gaps:
        left = gs
        for _ in range(3):  # one character of context, more while it is "?"
            if left <= s:
                break
            left -= 1
            while left > s and 0x80 <= data[left] <= 0xBF:
                left -= 1
            if data[left] != 0x3F:
                break
        right = ge
        for _ in range(3):
            if right >= e:
                break
            right = min(e, right + _char_len(data[right]))
            if data[right - 1] != 0x3F:
                break
        if windows and left <= windows[-1][1]:
            windows[-1][1] = right
        else:
            windows.append([left, right])
    out: list[str] = []
    unsure: list[int] = []
    size = 0
    pos = s
    bounds = [*windows, [e, e]]
    for w, (ws, we) in enumerate(bounds):
        if pos < ws:
            try:
                part = data[pos:ws].decode("utf-8")
            except UnicodeDecodeError:
                return None
            out.append(part)
            size += len(part)
        if ws < we:
            after = data[we] if we < len(data) else None
            left = ((around[0] if s == 0 else "") + "".join(out))[-CONTEXT:]
            right: str | None = around[1][:CONTEXT] if around[1] is not None else None
            if we < len(data):
                nxt = bounds[w + 1][0] if w + 1 < len(bounds) else e
                right = data[we : max(we, nxt)].decode("utf-8", "ignore")[:CONTEXT]
            got = _reconstruct(data[ws:we], after, True, left, right, codec)
            if got is None:
                got = _reconstruct(data[ws:we], after, False, left, right, codec)
            if got is None:
                return None
            out.append(got[0])
            unsure.extend(size + k for k in got[1])
            size += len(got[0])
        pos = we
    return "".join(out), unsure


def _trim_glue(fix: Fix, damaged: str, starts: list[int]) -> Fix:
    """Drop 2-byte Latin/Greek/Cyrillic characters glued on from clean neighbours."""
    s, e, text, unsure = fix
    if unsure:
        return fix
    m = _model()
    while text and "\u0080" <= text[0] <= "\u07ff" and m.score(text[0]) < math.log(1e-6):
        s += 1  # one 2-byte GBK character was one 2-byte UTF-8 character
        text = text[1:]
    while text and "\u0080" <= text[-1] <= "\u07ff" and m.score(text[-1]) < math.log(1e-6):
        e -= 1
        text = text[:-1]
    return s, e, text, unsure


# ---------------------------------------------------------------- gates and tables
def _gbk_pairs(leads: range | list[int], trails: range | list[int]) -> str:
    out = []
    for a in leads:
        for b in trails:
            with contextlib.suppress(UnicodeDecodeError):
                out.append(bytes((a, b)).decode("gbk"))
    return "".join(out)


def _char_class(chars: str | set[str]) -> str:
    return "".join(sorted({re.escape(c) for c in chars}))


_UTF8_LEADS = [*range(0xE2, 0xEA), 0xEF]
_GBK_HEADS = _gbk_pairs(_UTF8_LEADS, range(0x80, 0xC0))
"""GBK characters made of a UTF-8 lead byte (CJK, punctuation) and a continuation byte."""
_GBK_NEXT = _gbk_pairs(range(0x80, 0xC0), [*range(0x40, 0x7F), *range(0xC2, 0xF0)])
"""GBK characters made of a continuation byte and a lead (or ASCII) byte: what follows."""
_GATE_UTF8_GBK = re.compile(f"[{_char_class(_GBK_HEADS)}][{_char_class(_GBK_NEXT)}{LOST}€?]")
_REGION_GBK = re.compile("[^\x00-\x3e\x40-\x7f]+")  # non-ASCII and "?"
_GATE_LATIN1_UTF8 = re.compile(f"[\xc2-\xf4][{_CONT_CHARS}{LOST}]")
_GATE_LATIN1_GBK = re.compile(f"[\x81-\xfe][\x80-\xfe{''.join(_CP1252)}]")
_REGION_WEB = re.compile(f"[{_WEB_HIGH}{LOST}?]+")
_REGION_WEB_GBK = re.compile(f"[{_WEB_HIGH}\x40-\x7e]+")


_TELLTALE_SHARE = 8
"""A region is read as a double-byte misreading only where at least one character in
this many is one that misreading makes and clean text rarely holds (outside lines
already known damaged that way)."""


class _Substitution:
    """One codec misread as another, character for character (both are double-byte)."""

    def __init__(self, table: dict[str, str], bad: set[str]) -> None:
        self.table = str.maketrans(table)
        self.keys = table
        self.gate = re.compile(f"[{_char_class(bad)}]") if bad else None
        self.bad = bad
        self.region = re.compile(f"[{_char_class(set(table))}]+")


def tables() -> None:
    """Build the Big5/GBK substitution tables and the gates on them (done once)."""
    _gates()


@cache
def _substitutions() -> tuple[_Substitution, _Substitution]:
    """(Big5 read as GBK, GBK read as Big5): damaged -> original character tables, and the
    damaged characters that common text turns into and clean text rarely holds (built
    once, about 0.3 s, then read from the model cache in about half that)."""
    files, versions = lm_sources()
    a, b, bad_a, bad_b = cached(
        "substitutions",
        [*files, Path(__file__), Path(chars.__file__)],
        _build_substitutions,
        _valid_substitutions,
        versions,
    )
    return _Substitution(a, bad_a), _Substitution(b, bad_b)


def _valid_substitutions(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 4
        and all(isinstance(v, dict) and v for v in value[:2])
        and all(isinstance(v, set) for v in value[2:])
    )


def _build_substitutions() -> tuple[dict[str, str], dict[str, str], set[str], set[str]]:
    big5_as_gbk: dict[str, str] = {}
    gbk_as_big5: dict[str, str] = {}
    for a in range(0x81, 0xFF):
        for b in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            raw = bytes((a, b))
            try:
                g = raw.decode("gb18030")
            except UnicodeDecodeError:
                continue
            for codec in ("big5", "cp950"):
                try:
                    t = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                if t != g:
                    big5_as_gbk.setdefault(g, t)
                    gbk_as_big5.setdefault(t, g)
                break
    m = _model()

    def common(c: str) -> bool:
        return c in CJK_PUNCT or (m.known(c) and m.score(c) > COMMON)

    def rare(c: str) -> bool:
        return not _CJK_RE.match(c) or not m.known(c) or m.score(c) < RARE

    bad_a = {g for g, t in big5_as_gbk.items() if common(t) and (rare(g) or _ODD_SCRIPT.match(g))}
    bad_b = {t for t, g in gbk_as_big5.items() if common(g) and rare(t)}
    return big5_as_gbk, gbk_as_big5, bad_a, bad_b


@cache
def _gates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any character that some kind of mojibake needs (clean text without one is skipped),
    and those of them that need no further look (all but a UTF-8 lead read as GBK)."""
    a, b = _substitutions()
    telltale = _char_class(a.bad | b.bad | {LOST, "€"}) + "\x80-\xff"
    return re.compile(f"[{_char_class(_GBK_HEADS)}{telltale}]"), re.compile(f"[{telltale}]")


_PINYIN = re.compile(rf"[(?]{WORD}\)")
"""A pinyin annotation, whole or damaged: its tone marks (à, é) are no mojibake."""


def _suspect(line: str) -> bool:
    """True when `line` may hold mojibake of some kind (see `_gates`); pinyin
    annotations are no evidence."""
    gate, telltale = _gates()
    if ")" in line and gate.search(line):
        line = _PINYIN.sub("", line)
    if not gate.search(line):
        return False
    return telltale.search(line) is not None or _utf8_gbk_suspect(line)


UTF8_WINDOW = 4
"""Characters read from a gate match to see whether their bytes continue as UTF-8."""


def _utf8_gbk_suspect(text: str) -> bool:
    """True when `text` may hold UTF-8 read as GBK: a lost byte (U+FFFD, or "?" near a
    UTF-8 lead), or a UTF-8 lead read as GBK whose bytes continue as UTF-8 for two
    characters (or to the end of the text).

    Real Traditional characters match the character gate too (`飽滿` is EF 96 9D 4D, a
    UTF-8 character and a letter) but their bytes soon stop being UTF-8: the full check,
    which encodes the whole region, is spared for them."""
    if LOST in text:
        return True
    m = _GATE_UTF8_GBK.search(text)
    while m:
        window = text[m.start() : m.start() + UTF8_WINDOW]
        if "?" in window:  # a "?" written for a lost byte
            return True
        # (no U+FFFD here, and without a euro sign GB18030 itself gives `_gbk_bytes`)
        data = _gbk_bytes(window)[0] if "€" in window else window.encode("gb18030")
        run = _UTF8_RUN.match(data)
        valid = run.end() if run else 0
        if valid >= 6 or (valid == len(data) and m.start() + UTF8_WINDOW >= len(text)):
            return True
        m = _GATE_UTF8_GBK.search(text, m.start() + 1)
    return False


# ---------------------------------------------------------------- the kinds
Segment = tuple[str, list[tuple[int, int]] | None, str | None]
"""A piece of a line: text, reconstructed spans in it (None: untouched), repair kind."""


Fixer = Callable[[str, str, int, bool], Iterator[tuple]]
"""(region, line, region offset in line, relaxed) -> (start, end, text, unsure, kind) fixes.
The line is the whole line as it stands before the pass (spans repaired by earlier passes
included), so a fixer can look at the context around a region."""


def _apply(
    segments: list[Segment],
    find: re.Pattern[str],
    fixer: Fixer,
    gate: re.Pattern[str] | Callable[[str], object],
    relax: bool = False,
    telltale: re.Pattern[str] | None = None,
    repaired_before: bool = False,
) -> list[Segment]:
    """Run `fixer` over every `find` region of the untouched segments; once it has repaired
    something in the line (the line is known damaged that way), again in relaxed mode.

    `telltale`: outside relaxed mode, regions where fewer than one character in
    `_TELLTALE_SHARE` matches it are not handed to `fixer` (which would pass them over).
    `repaired_before`: the line `fixer` sees holds what this pass repaired before the
    region (a date's unit, 3月18鏃�); else the line as the pass found it, whose damage is
    evidence for some fixers."""
    suspect = gate.search if isinstance(gate, re.Pattern) else gate
    if not any(spans is None and suspect(text) for text, spans, _ in segments):
        return segments
    for relaxed in (False, True):
        out: list[Segment] = []
        fixed = False
        line = "".join(text for text, _, _ in segments)
        at = 0
        for text, spans, kind in segments:
            base, at = at, at + len(text)
            if spans is not None:
                out.append((text, spans, kind))
                continue
            pos = 0
            for m in find.finditer(text):
                region = m.group()
                if (
                    telltale is not None
                    and not relaxed
                    and len(telltale.findall(region)) * _TELLTALE_SHARE < len(region)
                ):
                    continue
                if fixed and repaired_before:  # the text before as repaired so far
                    done = "".join(t for t, _, _ in out) + text[pos : m.start()]
                    found = fixer(region, done + line[base + m.start() :], len(done), relaxed)
                else:
                    found = fixer(region, line, base + m.start(), relaxed)
                fixes = sorted(found, key=lambda f: f[0])
                for s, e, new, unsure, fkind in fixes:
                    s, e = s + m.start(), e + m.start()
                    if s < pos:
                        continue
                    if s > pos:
                        out.append((text[pos:s], None, None))
                    out.append((new, [(k, k + 1) for k in unsure], fkind))
                    pos = e
                    fixed = True
            if pos < len(text):
                out.append((text[pos:], None, None))
        segments = out
        if not (fixed and relax):
            break
    return segments


def _fix_utf8_as_gbk(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    if not _GATE_UTF8_GBK.search(region) and LOST not in region:
        return
    data, starts = _gbk_bytes(region)
    end = len(region)
    at_edge = end + offset == len(line) or line[end + offset] < "\x80"
    if at_edge and _TRUNCATED.search(data):  # the odd last byte, dropped by the misreading
        data += bytes([HOLE])
        starts.append(len(data))
    # the ASCII beside the region (digits, marks) is context; the text beyond is damaged too
    before = _ASCII_BEFORE.search(line, 0, offset).group()
    unit = offset - len(before) - 1
    if before.isdigit() and unit >= 0 and line[unit] in _DATE_UNITS:
        before = line[unit] + before  # a date's unit before the number (3月18鏃� -> 18日)
    before = before[-CONTEXT:]
    rest = line[offset + end :]
    around = (
        before if offset else "\n",  # \n: the line's start
        _ASCII_AFTER.match(rest).group()[:CONTEXT] if rest else None,
    )
    for fix in _utf8_fixes(data, starts, need_cjk=True, around=around):
        s, e, text, unsure = _trim_glue(fix, region, starts)
        e = min(e, end)
        damaged = region[s:e]
        mark = _PUNCT_ONLY.fullmatch(text) is not None and damaged[:1] in _MARK_LEADS
        if text == damaged or not (_mostly_cjk(text) or mark):
            continue
        if LOST in damaged and not unsure and LOST not in text:
            continue  # a real U+FFFD kept by a strict run: nothing was reconstructed
        if len(_ASCII_ALNUM.findall(text)) > len(_ASCII_ALNUM.findall(damaged)) and (
            len(_HAN_RE.findall(text)) < 3
        ):
            continue  # a short reading that turns GBK trail bytes into letters
        if _much_likelier(text, damaged):
            yield s, e, text, unsure, UTF8_AS_GBK


def _latin1_utf8(text: str) -> Iterator[Fix]:
    data = _web_bytes(text)
    if data is not None and _GATE_LATIN1_UTF8.search(text):
        yield from _utf8_fixes(data, list(range(len(data) + 1)), codec="cp1252")


def _fix_utf8_as_latin1(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    """The whole run of Latin-1 characters (a partial reading is GBK mojibake's business)."""
    fixes = list(_latin1_utf8(region))
    if len(fixes) != 1 or fixes[0][:2] != (0, len(region)):
        return
    _, _, text, unsure = fixes[0]
    kind = UTF8_AS_LATIN1
    if not unsure:
        again = list(_latin1_utf8(text))
        if len(again) == 1 and again[0][:2] == (0, len(text)):
            _, _, text, unsure = again[0]
            kind = DOUBLE_UTF8
    chinese = _mostly_cjk(text) and _much_likelier(text, region)
    mark = (  # a mark alone between ASCII codes ("Xâ€”X" <- "X—X") in a damaged line, or
        # any run of Chinese marks whose bytes say so (ã€‚ <- 。, ï¼Œ <- ，)
        not unsure
        and _PUNCT_ONLY.fullmatch(text) is not None
        and (
            (relaxed and _between_chinese(line, offset, offset + len(region)))
            or (region.startswith(_MARK_LATIN1) and _CJK_RE.search(line) is not None)
        )
    )
    if chinese or mark:
        yield 0, len(region), text, unsure, kind


_LATIN_RESULT = re.compile("[\u00a0-\u00ff\u2010-\u2027\u2030-\u203a\u20ac]+")


def _fix_utf8_as_latin1_latin(
    region: str, line: str, offset: int, relaxed: bool
) -> Iterator[tuple]:
    """Latin letters and typographic punctuation ("Ã©" -> "é", "â€œ" -> "“")."""
    for s, e, text, unsure in _latin1_utf8(region):
        if not unsure and e - s >= 2 and _LATIN_RESULT.fullmatch(text):
            yield s, e, text, unsure, UTF8_AS_LATIN1


def _fix_gbk_as_latin1(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    if not _GATE_LATIN1_GBK.search(region):
        return
    data = _web_bytes(region)
    if data is None:
        return
    best: list[tuple] = []
    for parity in (0, 1):
        found = []
        decoded = data[parity:].decode("gbk", "surrogateescape")
        pos = parity
        run_start, run = pos, []
        for c in [*decoded, "\x00"]:
            width = 2 if c >= "\x80" and not "\udc80" <= c <= "\udcff" else 1
            if width == 2:
                if not run:
                    run_start = pos
                run.append(c)
            elif run:
                found.append((run_start, pos, "".join(run)))
                run = []
            pos += width
        accepted = []
        for s, e, text in found:
            damaged = region[s:e]
            left = line[offset + s - 1 : offset + s]
            right = line[offset + e : offset + e + 1]
            in_word = _LATIN_LETTER.match(left) or _LATIN_LETTER.match(right)
            # in a line known to be damaged so, a short run between ASCII codes ("X¡ªX" <-
            # "X—X") when the line around it is Chinese and the run all Chinese
            short_ok = (
                (relaxed and _between_chinese(line, offset + s, offset + e))
                or _latin1_line_chinese(line)
            ) and (
                len(text) < 4
                and _common_cjk(text)
                and min(damaged) >= "\x80"  # no ASCII letter read as a trail byte ("ão")
            )
            if not short_ok and (
                not _mostly_cjk(text, least=1 if relaxed else 2) or (in_word and len(text) < 4)
            ):
                continue
            if _much_likelier(text, damaged):
                accepted.append((s, e, text, [], GBK_AS_LATIN1))
        if sum(e - s for s, e, *_ in accepted) > sum(e - s for s, e, *_ in best):
            best = accepted
    yield from best


@lru_cache(maxsize=1 << 10)
def _latin1_line_chinese(line: str) -> bool:
    """Whether the line's runs of Latin-1 letters are two or more and every one reads as
    common Chinese in GBK: a date cut up by its digits, 2023Äê12ÔÂ18ÈÕ (each run too short
    to be judged alone) is 2023年12月18日."""
    runs = [m.group() for m in _REGION_WEB_GBK.finditer(line)]
    if len(runs) < 2:
        return False
    for run in runs:
        data = _web_bytes(run)
        if data is None or min(run) < "\x80":
            return False
        try:
            text = data.decode("gbk")
        except UnicodeDecodeError:
            return False
        if not _common_cjk(text):
            return False
    return True


def _short_swap(sub: _Substitution, region: str, line: str, offset: int) -> str | None:
    """In a line known damaged: a run of at most SHORT characters between ASCII codes and
    Chinese context ("3絞" <- "3篇", "X\ue4deX" <- "X—X"), substituted whole when that
    makes it common Chinese the text around (up to CONTEXT characters) likes better."""
    if len(region) > SHORT or not _between_chinese(line, offset, offset + len(region)):
        return None
    text = region.translate(sub.table)
    if text == region or not _common_cjk(text):
        return None
    if not (_HAN_RE.search(region) or _PUA_RE.search(region) or _ODD_SCRIPT.search(region)):
        return None
    before = line[max(0, offset - CONTEXT) : offset]
    after = line[offset + len(region) : offset + len(region) + CONTEXT]
    m = _model()
    gain = m.score(before + text + after) - m.score(before + region + after)
    return text if gain >= SHORT_MARGIN * len(region) else None


def _substitute(
    sub: _Substitution,
    kind: str,
    region: str,
    line: str = "",
    offset: int = 0,
    relaxed: bool = False,
) -> Iterator[tuple]:
    """Segment `region` into kept and substituted stretches (Viterbi under the model).

    `relaxed`: the line is known damaged this way, so no region needs the telltale
    characters of the damage, and a short one is judged in its context."""
    if relaxed:
        short = _short_swap(sub, region, line, offset)
        if short is not None:
            yield 0, len(region), short, [], kind
            return
    elif not sub.gate or len(sub.gate.findall(region)) * _TELLTALE_SHARE < len(region):
        return  # too few of the damage's telltale characters
    elif kind == BIG5_AS_GBK and not _ODD_SCRIPT.search(region):
        return  # no stretch can be `strong` (below): none would be taken
    fixed = region.translate(sub.table)
    # states: 0 keep, 1 substitute; score, previous output char, backpointer
    states: list[tuple[float, str, tuple | None]] = [(0.0, "", None), (SWITCH, "", None)]
    for c, changed in zip(region, fixed, strict=True):
        (keep, kept, keep_path), (swap, swapped, swap_path) = states
        # keep c: from either state, the higher score (the substituting state on a tie)
        a, b = keep + 0.0 + _lp(kept, c), swap + SWITCH + _lp(swapped, c)
        stay = (b, c, (swap_path, 0)) if b >= a else (a, c, (keep_path, 0))
        if changed == c:  # nothing to substitute
            states = [stay, (-math.inf, changed, None)]
            continue
        a, b = keep + SWITCH + _lp(kept, changed), swap + 0.0 + _lp(swapped, changed)
        states = [stay, (b, changed, (swap_path, 1)) if b >= a else (a, changed, (keep_path, 1))]
    node = max(states, key=lambda s: s[0])[2]
    choice: list[int] = []
    while node is not None:
        node, st = node
        choice.append(st)
    choice.reverse()
    k = 0
    while k < len(choice):
        if not choice[k]:
            k += 1
            continue
        j = k
        while j < len(choice) and choice[j]:
            j += 1
        damaged, text = region[k:j], fixed[k:j]
        bad = sum(c in sub.bad for c in damaged)
        strong = kind == GBK_AS_BIG5 or _ODD_SCRIPT.search(damaged)
        # Chinese in the wrong double-byte codec still shows some Han (or private-use)
        # characters; Russian or Greek words show none.
        kana = len(_KANA.findall(damaged)) * 6 > j - k and not _PUA_RE.search(damaged)
        if (
            j - k >= 2
            and (_HAN_RE.search(damaged) or _PUA_RE.search(damaged))
            and (relaxed or (strong and bad * 4 >= j - k and not kana))
            and _mostly_cjk(text, least=2)
            and _much_likelier(text, damaged)
        ):
            yield k, j, text, [], kind
        k = j


def _fix_big5_as_gbk(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    yield from _substitute(_substitutions()[0], BIG5_AS_GBK, region, line, offset, relaxed)


def _fix_gbk_as_big5(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    yield from _substitute(_substitutions()[1], GBK_AS_BIG5, region)


@cache
def _char_bytes(c: str, codec: str) -> bytes | None:
    """The bytes of `c` in `codec` (HOLE for U+FFFD, a byte the decoder replaced)."""
    if c == LOST:
        return bytes([HOLE])
    try:
        return c.encode(codec)
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=4096)
def _hole_candidates(
    codec: str, misread: str, lead: int | None, trail: int | None, follow: int | None
) -> tuple[str, ...]:
    """Known `codec` characters with these bytes (None: a byte the `misread` decoder
    replaced by U+FFFD, so it is no `misread` pair with the byte after it, `follow` for
    the trail)."""
    m = _model()
    found = []
    for a in [lead] if lead is not None else range(0x81, 0xFF):
        if lead is None and trail is not None and _pair_ok(a, trail, misread):
            continue
        for b in [trail] if trail is not None else range(0x80, 0xFF):
            if trail is None and follow is not None and _pair_ok(b, follow, misread):
                continue
            if lead is None and trail is None and _pair_ok(a, b, misread):
                continue
            try:
                c = bytes((a, b)).decode(codec)  # type: ignore[arg-type]
            except UnicodeDecodeError:
                continue
            if m.known(c) or c in _PUNCT_ORDER:
                found.append(c)
    found.sort(key=lambda c: _uni(c) + _TIE.get(c, 0.0), reverse=True)
    return tuple(found[:MAX_CANDIDATES])


def _paired(chars: list[str], k: int, c: str) -> bool:
    """Whether mark `c` at `k` has its other half in `chars`: the closing mark after an
    opening one, the opening before a closing one, a dash beside a dash."""
    if c == "—":
        return "—" in chars[k - 1 : k] or "—" in chars[k + 1 : k + 2]
    if c in _PAIRS:
        return _PAIRS[c] in chars[k + 1 :]
    opening = next(a for a, b in _PAIRS.items() if b == c)
    return opening in chars[:k]


def _choose(chars: list[str], options: dict[int, tuple[str, ...]], line_end: bool) -> None:
    """Pick each position's character among `options` by the word model in context, with
    the character trigram model's evidence (on the line folded to Simplified when it is
    Traditional; in Simplified text a Traditional character is one the trigram model
    never saw); two positions side by side are picked together, among the likeliest
    `JOINT_CHOICES` of each (工作 = A4 75 A7 40 read as GBK loses both leads: one at a
    time, each is judged beside the other's first guess and 「一 wins)."""
    m = _model()
    context = trigram()
    fold = m.traditional("".join(c for k, c in enumerate(chars) if k not in options))
    for k, opts in options.items():
        chars[k] = opts[0]

    def fits(texts: list[str]) -> list[float]:  # word model, word-shape and trigram models
        following = context.logps([m.fold(t) for t in texts] if fold else texts)
        return [
            m.score(t) + CHOICE_SHAPE_WEIGHT * m.shape(t) + CHOICE_CONTEXT_WEIGHT * f
            for t, f in zip(texts, following, strict=True)
        ]

    def bonus(c: str, k: int) -> float:
        ends = line_end and k == len(chars) - 1
        alone = c in _PAIRED and not _paired(chars, k, c)
        return _TIE.get(c, 0.0) + (_END_MARKS.get(c, 0.0) if ends else 0.0) - alone * _UNPAIRED

    for _ in range(2):
        changed = False
        for k, opts in options.items():
            before = "".join(chars[max(0, k - CONTEXT) : k])
            if k + 1 in options:  # with the next position
                after = "".join(chars[k + 2 : k + 2 + CONTEXT])
                pairs = [
                    (a, b) for a in opts[:JOINT_CHOICES] for b in options[k + 1][:JOINT_CHOICES]
                ]
                if (chars[k], chars[k + 1]) not in pairs:
                    pairs.append((chars[k], chars[k + 1]))
                scores = fits([before + a + b + after for a, b in pairs])
                best = max(
                    zip(pairs, scores, strict=True),
                    key=lambda p: p[1] + bonus(p[0][0], k) + bonus(p[0][1], k + 1),
                )[0]
                if best != (chars[k], chars[k + 1]):
                    chars[k], chars[k + 1] = best
                    changed = True
                continue
            after = "".join(chars[k + 1 : k + 1 + CONTEXT])
            scores = fits([before + c + after for c in opts])
            pick = max(zip(opts, scores, strict=True), key=lambda p: p[1] + bonus(p[0], k))[0]
            if pick != chars[k]:
                chars[k] = pick
                changed = True
        if not changed:
            break


def _read_with_holes(
    data: bytes, line_end: bool, codec: str, misread: str
) -> tuple[str, list[int]] | None:
    """`codec` reading of `data` where HOLE is one byte a `misread` decoder replaced by
    U+FFFD (the rest was read out of step after it): the text and the indices of chosen
    characters."""
    chars: list[str] = []
    options: dict[int, tuple[str, ...]] = {}
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            chars.append(chr(b))
            i += 1
            continue
        if i + 1 >= n:
            if b != HOLE:
                return None
            options[len(chars)] = (LOST,)
            chars.append(LOST)
            break
        t = data[i + 1]
        if b != HOLE and t != HOLE:
            try:
                chars.append(bytes((b, t)).decode(codec))
            except UnicodeDecodeError:
                return None
        else:
            follow = data[i + 2] if i + 2 < n and data[i + 2] != HOLE else None
            lead, trail = None if b == HOLE else b, None if t == HOLE else t
            opts = _hole_candidates(codec, misread, lead, trail, follow)
            options[len(chars)] = opts or (LOST,)
            chars.append(LOST)
        i += 2
    _choose(chars, options, line_end)
    return "".join(chars), sorted(options)


_REGION_BIG5_LOST = re.compile("[^\x00-\x20\x7f]+")


def _fix_lost_pairs(
    region: str, line: str, offset: int, codec: str, misread: str, kind: str
) -> Iterator[tuple]:
    """Text in `codec` read as `misread`, whose decoder replaced bytes by U+FFFD (and read
    on one byte out of step): the `misread` bytes again, read as `codec`, lost bytes
    chosen by the model."""
    if LOST not in region:
        return
    pieces = [_char_bytes(c, misread) for c in region]
    k = 0
    while k < len(region):
        if pieces[k] is None:
            k += 1
            continue
        j = k
        while j < len(region) and pieces[j] is not None:
            j += 1
        damaged = region[k:j]
        if LOST in damaged and len(damaged) >= 2:
            ends = offset + j == len(line)
            got = _read_with_holes(b"".join(pieces[k:j]), ends, codec, misread)  # type: ignore[arg-type]
            if got is not None:
                text, unsure = got
                if _mostly_cjk(text, least=2) and _much_likelier(text, damaged):
                    yield k, j, text, unsure, kind
        k = j


def _fix_gbk_as_big5_lost(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    """GBK read as Big5 (cp950) with bytes lost."""
    yield from _fix_lost_pairs(region, line, offset, "gbk", "cp950", GBK_AS_BIG5)


def _fix_big5_as_gbk_lost(region: str, line: str, offset: int, relaxed: bool) -> Iterator[tuple]:
    """Big5 read as GBK with bytes lost (Python's `gbk` codec has no user-defined area:
    `年` = A6 7E reads as `\ufffd~`)."""
    yield from _fix_lost_pairs(region, line, offset, "cp950", "gbk", BIG5_AS_GBK)


def _fix_line(line: str) -> tuple[str, Counter[str], list[tuple[int, int]]]:
    a, b = _substitutions()
    segments: list[Segment] = [(line, None, None)]
    segments = _apply(
        segments, _REGION_GBK, _fix_utf8_as_gbk, _utf8_gbk_suspect, repaired_before=True
    )
    # (the Latin-1 kinds need a Latin-1 character: most suspect lines are spared the calls)
    if len(segments) > 1 or _GATE_LATIN1_UTF8.search(line) or _GATE_LATIN1_GBK.search(line):
        segments = _apply(segments, _REGION_WEB, _fix_utf8_as_latin1, _GATE_LATIN1_UTF8, relax=True)
        segments = _apply(
            segments, _REGION_WEB_GBK, _fix_gbk_as_latin1, _GATE_LATIN1_GBK, relax=True
        )
        segments = _apply(segments, _REGION_WEB, _fix_utf8_as_latin1_latin, _GATE_LATIN1_UTF8)
    if a.gate is not None:
        if LOST in line:
            segments = _apply(segments, _REGION_BIG5_LOST, _fix_big5_as_gbk_lost, a.gate)
        segments = _apply(segments, a.region, _fix_big5_as_gbk, a.gate, True, a.gate)
    if b.gate is not None:
        if LOST in line:
            segments = _apply(segments, _REGION_BIG5_LOST, _fix_gbk_as_big5_lost, b.gate)
        segments = _apply(segments, b.region, _fix_gbk_as_big5, b.gate, telltale=b.gate)
    if len(segments) == 1 and segments[0][2] is None:  # most suspect lines: nothing found
        return line, NOTHING, []
    counts: Counter[str] = Counter()
    spans: list[tuple[int, int]] = []
    pos = 0
    for text, unsure, kind in segments:
        if kind is not None:
            counts[kind] += 1
            counts[LOST_BYTES] += len(unsure or [])
            for s, e in unsure or []:
                if spans and spans[-1][1] == pos + s:
                    spans[-1] = (spans[-1][0], pos + e)
                else:
                    spans.append((pos + s, pos + e))
        pos += len(text)
    return "".join(t for t, _, _ in segments), +counts, spans


# U+FFFD twice in UTF-8 (EF BF BD EF BF BD) read as GBK: the notorious 锟斤拷 (錕斤拷 once
# converted to Traditional). The characters were lost before that, when GBK bytes were
# read as UTF-8: what comes back is the two replacement characters.
_REPLACEMENTS_AS_GBK = re.compile("[锟錕]斤拷")
_BOM_AS_LATIN1 = re.compile("ï»¿")
_NBSP_AS_LATIN1 = re.compile(f"Â\xa0(?=[\xa0Â ]*[{HAN}])|(?<=[{HAN}])Â\xa0")


def fix_mojibake(text: str) -> tuple[str, Counter[str], list[tuple[int, int]]]:
    """Undo mojibake line by line: UTF-8 read as GBK (lost bytes reconstructed), GBK or UTF-8
    read as Latin-1/cp1252 (UTF-8 possibly twice), Big5 read as GBK and GBK read as Big5;
    锟斤拷 becomes the two U+FFFD it was, a byte order mark or no-break space read as
    Latin-1 (ï»¿, Â + U+00A0 by Chinese text) what it was.

    Returns the repaired text, repair counts by kind, and the [start, end) spans of the
    returned text holding characters chosen by the model (or U+FFFD) for lost bytes.
    """
    if "斤拷" not in text and "ï»¿" not in text and "Â\xa0" not in text:
        return _fix_mojibake(text)
    found: Counter[str] = Counter()
    if "斤拷" in text:
        text, found["replacement_chars_as_gbk"] = _REPLACEMENTS_AS_GBK.subn("\ufffd\ufffd", text)
    if "ï»¿" in text:  # a UTF-8 byte order mark read as Latin-1/cp1252 (EF BB BF)
        text, found["bom_as_latin1"] = _BOM_AS_LATIN1.subn("", text)
    if "Â\xa0" in text:  # a UTF-8 no-break space (C2 A0) read as Latin-1, by Chinese text
        text, found["nbsp_as_latin1"] = _NBSP_AS_LATIN1.subn("\xa0", text)
    text, counts, spans = _fix_mojibake(text)
    return text, counts + found, spans


def _fix_mojibake(text: str) -> tuple[str, Counter[str], list[tuple[int, int]]]:
    if not _gates()[0].search(text):
        return text, NOTHING, []
    counts: Counter[str] = Counter()
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    for line in text.split("\n"):
        if _suspect(line):
            line, line_counts, line_spans = _fix_line(line)
            counts.update(line_counts)
            spans.extend((pos + s, pos + e) for s, e in line_spans)
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), counts, spans
