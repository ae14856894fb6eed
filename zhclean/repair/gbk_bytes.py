"""Bytes lost or shifted inside GBK double-byte pairs, undone on the bytes.

Two kinds of damage, both done to GBK bytes and then read by a lenient decoder
(a lead byte before an ASCII byte gives `?`; an unmapped pair is dropped):

* **Annotations inside a pair.** A site inserted `(pīnyīn)` after every GBK byte
  pair that spells an annotated character, with a byte-level replace, so it also
  hit pairs straddling two characters: the trail byte of one and the lead byte of
  the next. The decoder then read that lead byte with `(` as one `?`, and the bytes
  after the annotation one byte off: 空談誤國 (... 84 | D5 60 ...) became
  `空談?wù)`國` (塢 = 84 D5 was annotated; 誤's trail byte 60 survives as `` ` ``).
* **Misaligned text** after a straddling pair was replaced: the GBK bytes of `？`
  (A3 BF) across 。(A1 A3) and 看 (BF B4) became an ASCII `?`, so
  `解決新問題。看一看已經` reads `解決新問題??匆豢匆呀` until the next ASCII byte.

The fix rebuilds the byte stream of the damaged stretch (characters back to GBK
bytes, each `?` a lost byte, the annotation removed), fills the lost bytes with
the values the pinyin allows, re-decodes in the right alignment and keeps the
reading the character model likes best. A lost byte with one possible value is
recovered; one chosen by likelihood is marked uncertain. Unmapped pairs that the
decoder dropped in a misaligned stretch (扎扎實實 losing one 扎) are put back
when the model is clearly better with them, and marked uncertain. The lost byte
before a replaced mark gets a prior for 。 (a sentence end the word model undervalues:
`上。總體` against `上海總體`).
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from zhclean.repair.chars import NOT_QUERY
from zhclean.repair.counts import NOTHING
from zhclean.repair.lm import model
from zhclean.repair.model_cache import cached
from zhclean.repair.pinyin import WORD, is_syllable
from zhclean.repair.trigram import trigram
from zhclean.spans import merge

# `?` (a lost byte that swallowed the annotation's `(`), a pinyin syllable, `)`.
_LOST_IN_ANNOTATION = re.compile(rf"\?\(?({WORD})\)")
# `?` + an ASCII mark after a double-byte character: the mark's full-width GBK pair
# replaced across two characters, the lead byte before it lost as `?`.
_LOST_BEFORE_MARK = re.compile(r"(?<=[^\x00-\x7f])\?([?,:;!()])")
# `?` after a double-byte character (or an annotation) before an ASCII character or at
# the end of the line: a lead byte the decoder met without its trail (not a query
# string's `?` after a Chinese path: 通知?id=123).
_LOST_LEAD = re.compile(rf"(?<=[^\x00-\x7f)])\?{NOT_QUERY}(?=[\x20-\x7e]|$)")
_FULLWIDTH = {m: f.encode("gbk") for m, f in zip("?,:;!()", "？，：；！（）", strict=True)}

_MARKS = frozenset("，。、；：？！“”")
_BREAK = -1
"""A unit standing for a character GBK cannot encode: no stretch crosses it."""
_MAX_CANDIDATES = 20_000
"""Most fills tried for one stretch; beyond this the stretch is left to later fixes."""
_DROP_CHOICES = 64
"""Likeliest dropped pairs tried at one place (by the model, on the two characters)."""
_PAIR_COST = 1.0
"""Log-likelihood a dropped pair put back must gain: drops are the rarer reading."""
_CONTEXT = 4
"""Characters of context on each side when candidates are compared on a window."""
_BEAM = 16
"""Partial fills kept at each lost byte."""
_WINDOW = 400
"""Characters after the last site turned into bytes (more only if a stretch needs it)."""
_PUT_BACK_PASSES = 2
"""Passes over the places a pair may have been dropped (each on the last's picks)."""
_CLOSING = frozenset("。！？”")
_CLOSED_AT_END = 5.0
"""Bonus (log-likelihood) for a line ending in a closing mark: the word model prices a
last `。` like any other, so a stretch cut short before it (a dropped pair, then the
mark's lone first byte) read likelier than the whole line."""
_LINE_END_BYTES = (0xA3, 0xB1)
"""Second bytes of `。` and `”` (A1 A3, A1 B1), tried for a lost last byte of a line."""
_UNPAIRED = 3.0
"""Cost (log-likelihood) of each quote opened after an open one or closed after a closed
one: the word model prices `“` and `”` alone, so it would read `“精”，即“` as `“颈，来“`
(a pair with the closing quote dropped, not put back)."""
_JOINT_GAP = 2
"""Places at most this many characters apart are also judged together (two apart only
when one of them holds a pair put back: ，必|先|利其器)."""
_JOINT_CHOICES = 8
"""Likeliest dropped pairs (by `_dropped_pairs`) tried at each of two places together."""
_PUT_BACK_FILLS = 3
"""Most fills tried with dropped pairs put back (the likeliest first)."""
_CLOSE = 3.0
"""Fills scoring within this of the best are also tried with dropped pairs."""
_SHAPE_WEIGHT = 0.3
"""Weight of the word-shape model beside the word model where dropped pairs are judged
(0.2 and 0.45 did worse on the benchmark). The lost bytes' values and whole readings
are judged by the word model alone: with the shape model there, `老黃牛` read `老黃。`."""
_TRIGRAM_WEIGHT = 0.5
"""Weight of the character trigram model (`trigram.py`) where dropped pairs are judged
in the second pass over a stretch (`_best`); its log-probability gets `_TRIGRAM_MEAN`
back per character, so windows of different lengths compare on fit, not length."""
_TRIGRAM_MEAN = 4.6
"""About minus the trigram model's mean log-probability per character of Chinese text
(4.59 on the benchmark's clean lines)."""
_RERANK = 0.5
"""Weight of the trigram model where the two passes' readings of a stretch are
compared whole (beside the word model and `_SHAPE_WEIGHT` of the word-shape model)."""
_SENTENCE_END = 1.0
"""Bonus (log-likelihood) for `。` as the character before a replaced full-width mark."""
_OPENING = frozenset("“‘（《「『【〔")
_OPEN_AT_END = 3.0
"""Cost (log-likelihood) of a line ending in an opening mark: the word model scores
`。“` as well as `。”`, and a lost last byte (A1 B1 of `”` read as a lone lead byte)
would be filled with either."""
_REPAIR_MARGIN = 2.0
"""How much likelier a re-paired stretch must be than the text as it reads."""
_MOST_MARK_SITES = 4
_CHARS_PER_MARK_SITE = 40
"""A line with more `?` sites without an annotation than both 4 and one per 40
characters is not judged for lost lead bytes (no seed line has more than one)."""


@cache
def _pairs() -> dict[tuple[int, int], str]:
    """Every mapped GBK double-byte pair and its character."""
    table = {}
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                table[lead, trail] = bytes((lead, trail)).decode("gbk")
    return table


@cache
def _readings() -> dict[str, frozenset[str]]:
    """Each character's pinyin readings (pypinyin's table, through the model cache:
    importing pypinyin takes 0.3 s)."""

    def build() -> dict[str, frozenset[str]]:
        from pypinyin.pinyin_dict import pinyin_dict

        return {chr(k): frozenset(v.split(",")) for k, v in pinyin_dict.items()}

    def valid(value: object) -> bool:
        return isinstance(value, dict) and bool(value)

    spec = importlib.util.find_spec("pypinyin")  # where it is, without importing it
    if spec is None or spec.origin is None:
        return build()  # raises the ImportError
    source = Path(spec.origin).parent / "pinyin_dict.py"
    return cached("readings", [source, Path(__file__)], build, valid)


def tables() -> None:
    """Build the GBK pair and reading tables (about half a second; done once)."""
    _pairs()
    _by_reading()


def _is_trail(b: int) -> bool:
    return 0x40 <= b <= 0x7E or 0x80 <= b <= 0xFE


@dataclass(slots=True)
class _Unit:
    """One byte of the rebuilt stream; `byte` None is a lost byte."""

    byte: int | None
    src: int  # index of the damaged character it comes from
    starts: bool  # the damaged reading started a character here
    reading: str | None = None  # pinyin the pair ending (or starting) here was annotated with
    relaxed: bool = False  # an annotated byte whose pair must be completed by a dropped pair
    before_mark: bool = False  # the lead byte lost before a full-width mark's pair


@dataclass
class _Site:
    """A `?` standing for a lost byte: an annotation's (with its syllable), or one
    that may be a lost byte or a real question mark (`reading` None), followed in
    the original by the GBK bytes `extra` (a full-width mark's, when one was
    replaced by its ASCII form)."""

    start: int
    end: int
    reading: str | None
    extra: bytes = b""


def _sites(text: str) -> list[_Site]:
    sites = [
        _Site(m.start(), m.end(), m.group(1))
        for m in _LOST_IN_ANNOTATION.finditer(text)
        if is_syllable(m.group(1))
    ]
    taken = {i for s in sites for i in range(s.start, s.end)}
    for m in _LOST_BEFORE_MARK.finditer(text):
        if not taken.intersection(range(m.start(), m.end())):
            sites.append(_Site(m.start(), m.end(), None, _FULLWIDTH[m.group(1)]))
            taken.update(range(m.start(), m.end()))
    # the text after a replaced mark is read one byte off: a `?` right after the mark
    # that ends the line or meets an ASCII byte is a lone lead byte too (域。” = D3 F2 A1
    # A3 A1 B1 -> `域?!?`), taken for one only inside an open quote (`真的吗?!?` is a
    # real question: its `”` would close nothing)
    after_marks = {s.end for s in sites if s.extra}
    for m in _LOST_LEAD.finditer(text):
        if m.start() not in taken:
            sites.append(_Site(m.start(), m.end(), None))
    for end in after_marks:
        at_end = end + 1 == len(text)
        if (
            text.startswith("?", end)
            and (at_end or " " <= text[end + 1] <= "~")
            and all(s.start != end for s in sites)
            and text.rfind("“", 0, end) > text.rfind("”", 0, end)
        ):
            sites.append(_Site(end, end + 1, None))
    return sorted(sites, key=lambda s: s.start)


def _units(text: str, sites: list[_Site], lo: int = 0, hi: int | None = None) -> list[_Unit]:
    """`text[lo:hi]` as a byte stream: characters as their GBK bytes, a lost byte
    (None) for each site, and a break where GBK cannot encode a character."""
    units: list[_Unit] = []
    by_start = {s.start: s for s in sites}
    i, hi = lo, len(text) if hi is None else hi
    while i < hi:
        site = by_start.get(i)
        if site is not None:
            units.append(_Unit(None, i, True, site.reading, before_mark=bool(site.extra)))
            units += [_Unit(b, i + 1, False) for b in site.extra]
            i = site.end
            continue
        c = text[i]
        if c < "\x80":
            units.append(_Unit(ord(c), i, True))
        else:
            encoded = _gbk_pair(c)
            if encoded is not None:
                units += [_Unit(encoded[0], i, True), _Unit(encoded[1], i, False)]
            else:
                units.append(_Unit(_BREAK, i, True))
        i += 1
    return units


@lru_cache(maxsize=1 << 16)
def _gbk_pair(c: str) -> bytes | None:
    """A character's GBK pair (None when GBK has no pair for it)."""
    try:
        encoded = c.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


def _width(unit: _Unit) -> int:
    """Bytes the aligned reading takes from here: 1 for ASCII and breaks, else 2."""
    return 1 if unit.byte is not None and unit.byte < 0x80 else 2


def _boundaries(units: list[_Unit]) -> set[int]:
    """Where characters start when `units` are read in GBK alignment."""
    starts, i = set(), 0
    while i < len(units):
        starts.add(i)
        i += _width(units[i])
    return starts


def _stretches(units: list[_Unit]) -> list[tuple[int, int]]:
    """[first, last) runs of units to decode together: from the character before a
    lost byte (the lost byte starts a character: the text before it is in step) to
    where the aligned and the damaged readings start a character at the same byte
    again, past every lost byte."""
    stretches: list[tuple[int, int]] = []
    for hole, unit in enumerate(units):
        if unit.byte is not None or (stretches and hole < stretches[-1][1]):
            continue
        first = hole - 1
        while first > 0 and not units[first].starts:
            first -= 1
        if (
            first < 0
            or units[first].byte in (None, _BREAK)
            or (stretches and first < stretches[-1][1])
        ):
            first = hole
        stretches.append((first, _resync(units, hole)))
    return stretches


def _resync(units: list[_Unit], first: int) -> int:
    i, last_hole = first, first
    while i < len(units):
        unit = units[i]
        if unit.byte == _BREAK or (i > last_hole and unit.starts):
            return i
        step = _width(unit)
        for j in range(i, min(i + step, len(units))):
            if units[j].byte is None:
                last_hole = j
        i += step
    return len(units)


def _pairs_reading(syllable: str) -> list[tuple[int, int]]:
    """The GBK pairs whose character has `syllable` among its readings."""
    return _by_reading().get(syllable, [])


@cache
def _by_reading() -> dict[str, list[tuple[int, int]]]:
    table: dict[str, list[tuple[int, int]]] = {}
    readings = _readings()
    for pair, c in _pairs().items():
        for syllable in readings.get(c, ()):
            table.setdefault(syllable, []).append(pair)
    return table


@cache
def _dropped_pairs(lead: int, trail: int) -> tuple[tuple[str, str], ...]:
    """The likeliest characters (X, Y) of a pair (u, v) dropped between `lead` and
    `trail`: put back, X = lead+u and Y = v+trail. The decoder drops (u, v) only when
    GBK maps no character there."""
    lm, pairs = model(), _pairs()
    firsts, seconds = _firsts(lead), _seconds(trail)
    # two characters score as the better of a word and the two alone (the model on
    # both only for the shortlist: it also prices a mix of scripts)
    scored = [
        (max(_alone(x) + _alone(y), lm.word(x + y)), x, y)
        for u, x in firsts
        for v, y in seconds
        if (u, v) not in pairs
    ]
    scored.sort(reverse=True)
    shortlist = [(lm.score(x + y), x, y) for _, x, y in scored[: 4 * _DROP_CHOICES]]
    shortlist.sort(reverse=True)
    return tuple((x, y) for _, x, y in shortlist[:_DROP_CHOICES])


@cache
def _firsts(lead: int) -> tuple[tuple[int, str], ...]:
    """(u, X) for each character X = lead+u a dropped pair may start with."""
    pairs = _pairs()
    return tuple((u, x) for u in range(0x81, 0xFF) if _han(x := pairs.get((lead, u), "")))


@cache
def _seconds(trail: int) -> tuple[tuple[int, str], ...]:
    """(v, Y) for each character Y = v+trail a dropped pair may end with."""
    pairs = _pairs()
    return tuple((v, y) for v in range(0x81, 0xFF) if _han(y := pairs.get((v, trail), "")))


@lru_cache(maxsize=1 << 14)
def _completing_pairs(lead: int, trail: int, left: str, right: str) -> tuple[tuple[str, str], ...]:
    """Dropped pairs (X, Y) that end a word begun on the left (X) and start one going on
    to the right (Y): 組織部門 from 組|部 and 門. The ranking of `_dropped_pairs` sees
    only the two characters, so it leaves out pairs that are words only with their
    neighbours."""
    lm, pairs = model(), _pairs()
    xs = [
        (u, x) for u, x in _firsts(lead) if lm.is_word(left[-1:] + x) or lm.is_word(left[-2:] + x)
    ]
    if not xs:
        return ()
    ys = [
        (v, y) for v, y in _seconds(trail) if lm.is_word(y + right[:1]) or lm.is_word(y + right[:2])
    ]
    return tuple((x, y) for u, x in xs for v, y in ys if (u, v) not in pairs)


@cache
def _alone(c: str) -> float:
    return model().score(c)


def _judge(text: str) -> float:
    """The model's score of a reading, less the cost of its unpaired quotes."""
    return model().score(text) - _UNPAIRED * _unpaired(text)


@lru_cache(maxsize=1 << 16)
def _pair_score(text: str) -> float:
    """`_score` of a window where dropped pairs are judged, with the word-shape model's
    evidence (`CharModel.shape`): the word model alone prices `。悔此，` above `。基于此，`
    (悔 = BB DA, 基 BB F9 and 于 D3 DA with F9 D3 dropped)."""
    return _score(text) + _SHAPE_WEIGHT * model().shape(text)


def _pair_scores(texts: list[str], trigram_weight: float) -> list[float]:
    """`_pair_score` of each window, with the trigram model's evidence at `trigram_weight`
    (plus `_TRIGRAM_MEAN` a character), all windows' at once."""
    scores = [_pair_score(t) for t in texts]
    if not trigram_weight:
        return scores
    following = _following(texts)
    return [
        s + trigram_weight * (f + _TRIGRAM_MEAN * max(len(t) - 1, 0))
        for s, f, t in zip(scores, following, texts, strict=True)
    ]


_FOLLOWING: dict[str, float] = {}
"""The trigram model's scores of windows seen before (they recur across the fills of a
stretch), by the text it scored; cleared when full."""
_FOLLOWING_MOST = 1 << 16


def _following(texts: list[str]) -> list[float]:
    """The trigram model's log-probability of each of `texts`, windows of one place
    (folded to Simplified when the first is Traditional); those not seen before
    computed together."""
    lm = model()
    if lm.traditional(texts[0]):  # one script for all: they differ in a few characters
        texts = [lm.fold(t) for t in texts]
    known = {t: score for t in texts if (score := _FOLLOWING.get(t)) is not None}
    if new := [t for t in dict.fromkeys(texts) if t not in known]:
        scores = trigram().logps(new)
        known.update(zip(new, scores, strict=True))
        if len(_FOLLOWING) + len(new) > _FOLLOWING_MOST:
            _FOLLOWING.clear()
        _FOLLOWING.update(zip(new, scores, strict=True))
    return [known[t] for t in texts]


def _whole(text: str) -> float:
    """A stretch's reading, with the text around it, judged whole by the three models
    (not the search's drop cost and priors: with them, the class 3 benchmark row came
    out alike, 2.79 and 2.54% on seeds 0 and 2 against 2.80 and 2.51%)."""
    lm = model()
    following = trigram().logp(lm.fold(text) if lm.traditional(text) else text)
    return _judge(text) + _SHAPE_WEIGHT * lm.shape(text) + _RERANK * following


@lru_cache(maxsize=1 << 16)
def _score(text: str) -> float:
    """`_judge` of a short window (windows repeat across fills: cached)."""
    return _judge(text)


def _unpaired(text: str) -> int:
    """Quotes that open after an open one, or close after a closed one."""
    marks = [c for c in text if c in "“”"]
    return sum(a == b for a, b in pairwise(marks))


@cache
def _han(c: str) -> bool:
    """A character a dropped pair may hold: a known Han character or common mark."""
    return c in _MARKS or ("\u4e00" <= c <= "\u9fff" and model().known(c))


def _prior(units: list[_Unit], hole: int, value: int) -> float:
    """Log-odds for a lost byte's value beyond what the model sees: the lead byte lost
    before a full-width mark's pair (A3 xx) that straddled two characters is most often
    。's (A1 A3), a sentence end the word model undervalues between two likely words."""
    return _SENTENCE_END if units[hole].before_mark and value == 0xA1 else 0.0


def _ending(text: str, line_end: bool) -> float:
    """The cost of `text` ending the line in an opening mark, the bonus for ending it
    in a closing one (0 elsewhere)."""
    if not line_end or not text:
        return 0.0
    if text[-1] in _OPENING:
        return -_OPEN_AT_END
    return _CLOSED_AT_END if text[-1] in _CLOSING else 0.0


def _options(units: list[_Unit], hole: int, fill: dict[int, int]) -> list[int]:
    """Values a lost byte may take, given the bytes before it (already filled): any
    lead byte, or one that makes a pair reading the annotation's syllable with the
    byte before or after it. With neither possible, the byte before was dropped with
    a pair: any second byte of such a pair (the hole is marked `relaxed`)."""
    unit = units[hole]
    if unit.reading is None:
        return list(range(0x81, 0xFF))
    prev = fill.get(hole - 1, units[hole - 1].byte) if hole > 0 else None
    nxt = units[hole + 1].byte if hole + 1 < len(units) else None
    pairs = _pairs_reading(unit.reading)
    found = {b for a, b in pairs if a == prev} | {a for a, b in pairs if b == nxt and nxt}
    if found or prev is None or prev < 0x81:
        return sorted(found)
    unit.relaxed = True
    return sorted({b for _, b in pairs})


def _layout(units: list[_Unit]) -> list[int]:
    """The first unit of each character of the aligned reading."""
    starts, i = [], 0
    while i < len(units):
        starts.append(i)
        i += _width(units[i])
    return starts


def _char_at(units: list[_Unit], fill: dict[int, int], start: int) -> str:
    """The character of the aligned reading starting at unit `start` (U+FFFD for a
    pair GBK does not map, or one holding a byte not filled yet)."""
    b = fill.get(start, units[start].byte)
    if b is None or b < 0x80:
        return _NONE if b is None else chr(b)
    t = fill.get(start + 1, units[start + 1].byte) if start + 1 < len(units) else None
    return _NONE if t is None else _pairs().get((b, t), _NONE)


def _fills(units: list[_Unit], before: str, after: str) -> list[dict[int, int]]:
    """The likeliest fills of the lost bytes (unit index -> byte value), by a beam
    search that scores each byte on the characters around it."""
    starts = _layout(units)
    owner = {u: k for k, s in enumerate(starts) for u in range(s, s + _width(units[s]))}
    beam: list[tuple[dict[int, int], float]] = [({}, 0.0)]
    for hole in (i for i, u in enumerate(units) if u.byte is None):
        k = owner[hole]
        lo, hi = max(0, k - _CONTEXT), min(len(starts), k + _CONTEXT + 1)
        grown = []
        for fill, score in beam:
            # only the hole's own character changes with its value
            head = (before if lo == 0 else "") + "".join(
                _char_at(units, fill, starts[j]) for j in range(lo, k)
            )
            tail = "".join(_char_at(units, fill, starts[j]) for j in range(k + 1, hi))
            tail += after if hi == len(starts) else ""
            for v in _options(units, hole, fill):
                own = _char_at(units, {**fill, hole: v}, starts[k])
                window = head + own + tail
                end = hi == len(starts) and not after
                score_v = _score(window) + _prior(units, hole, v) + _ending(window, end)
                grown.append((fill, v, score + score_v))
        if not grown:
            return []
        grown.sort(key=lambda fvs: fvs[2], reverse=True)
        # a relaxed byte's pair is only known once a dropped pair is put back: keep all
        kept = grown if units[hole].relaxed else grown[:_BEAM]
        beam = [({**fill, hole: v}, score) for fill, v, score in kept]
    return [fill for fill, _ in beam]


@dataclass
class _Char:
    text: str  # the character, or LOST where the aligned pair maps to nothing
    first: int  # index of its first unit (-1 for a dropped pair put back)
    sure: bool = True


_NONE = "\ufffd"


def _decode(units: list[_Unit], fill: dict[int, int]) -> list[_Char]:
    """Decode in GBK alignment with the lost bytes filled; a pair GBK does not map
    (or a lead byte at the very end) gives U+FFFD."""
    out, pairs, i = [], _pairs(), 0
    while i < len(units):
        b = fill.get(i, units[i].byte)
        if b < 0x80:
            out.append(_Char(chr(b), i))
            i += 1
            continue
        t = fill.get(i + 1, units[i + 1].byte) if i + 1 < len(units) else None
        out.append(_Char(pairs.get((b, t), _NONE), i))
        i += 2
    return out


def _text(chars: list[_Char]) -> str:
    return "".join(c.text for c in chars)


def _window_scores(texts: list[str], before: str, after: str) -> list[float]:
    """Scores of equally long texts on the stretch where they differ (with context)."""
    first = texts[0]
    lead = next((i for i in range(len(first)) if any(t[i] != first[i] for t in texts)), len(first))
    tail = next(
        (i for i in range(len(first)) if any(t[-1 - i] != first[-1 - i] for t in texts)),
        len(first),
    )
    a, b = max(0, lead - _CONTEXT), len(first) - max(0, tail - _CONTEXT)
    left = before if a == 0 else ""
    right = after if b == len(first) else ""
    lm = model()
    return [lm.score(left + t[a:b] + right) for t in texts]


def _put_back_pairs(
    units: list[_Unit],
    fill: dict[int, int],
    chars: list[_Char],
    before: str,
    after: str,
    trigram_weight: float = 0.0,
) -> list[_Char] | None:
    """Put back pairs the decoder dropped, where the damaged reading started a
    character in the middle of an aligned pair: always where that pair maps to
    nothing (or the annotation needs it), elsewhere when the model is better with it
    by more than a drop costs. Each place is judged on its neighbours: left to right,
    then again with the places after it as the pass before left them (a pair put back
    later often completes the word). None when a needed pair cannot be found.
    `trigram_weight`: the trigram model's weight (`_pair_scores`)."""
    aligned = _boundaries(units)
    first_hole = min(i for i, u in enumerate(units) if u.byte is None)
    places: dict[int, tuple[tuple[int, int, str | None], bool]] = {}  # (lead, trail, reading)
    for k, char in enumerate(chars):
        i = char.first
        slot = i + 1
        if (
            i < first_hole
            or slot >= len(units)
            or slot in aligned
            or not units[slot].starts
            or fill.get(i, units[i].byte) < 0x80
        ):
            continue
        lead, trail = fill.get(i, units[i].byte), fill.get(slot, units[slot].byte)
        unit = units[slot]
        # the annotated pair is the second one put back
        options = (lead, trail, unit.reading if unit.relaxed else None)
        needed = char.text == _NONE or unit.relaxed
        if needed and not _put_back_options(*options):
            return None
        places[k] = (options, needed)
    picks = [c.text for c in chars]
    for _ in range(_PUT_BACK_PASSES):
        changed = False
        for k, (options, needed) in places.items():
            left = (before + "".join(picks[max(0, k - _CONTEXT) : k]))[-_CONTEXT:]
            right = ("".join(picks[k + 1 : k + 1 + _CONTEXT]) + after)[:_CONTEXT]
            best = _best_put_back(left, right, *options, trigram_weight)
            pick = chars[k].text
            if best is not None and (
                needed
                or _better_with_pair(left, best[0] + best[1], chars[k].text, right, trigram_weight)
            ):
                pick = best[0] + best[1]
            changed |= pick != picks[k]
            picks[k] = pick
        if not changed:
            break
    picks = _joint_picks(places, picks, before, after, trigram_weight)
    out: list[_Char] = []
    for char, pick in zip(chars, picks, strict=True):
        if len(pick) == 1:
            out.append(char)
        else:
            out += [_Char(c, -1, sure=False) for c in pick]
    return out


def _joint_picks(
    places: dict[int, tuple[tuple[int, int, str | None], bool]],
    picks: list[str],
    before: str,
    after: str,
    trigram_weight: float,
) -> list[str]:
    """Places close together judged as one: the likeliest choices at both on the text
    around them (pairs that make words only together, 必先|利其器, are missed when each
    place is judged on the other's choice)."""
    picks = list(picks)
    ks = sorted(places)
    close = [(k1, k2) for i, k1 in enumerate(ks) for k2 in ks[i + 1 : i + 1 + _JOINT_GAP]]
    for k1, k2 in close:
        # annotated places (their pair must read a syllable) are left as judged alone
        if k2 - k1 > _JOINT_GAP or places[k1][0][2] or places[k2][0][2]:
            continue
        if k2 - k1 > 1 and len(picks[k1]) == len(picks[k2]) == 1:  # no pair put back
            continue
        left = (before + "".join(picks[max(0, k1 - _CONTEXT) : k1]))[-_CONTEXT:]
        right = ("".join(picks[k2 + 1 : k2 + 1 + _CONTEXT]) + after)[:_CONTEXT]
        middle = "".join(picks[k1 + 1 : k2])
        picks[k1], picks[k2] = _best_joint(
            left, middle, right, (*places[k1], picks[k1]), (*places[k2], picks[k2]), trigram_weight
        )
    return picks


_Place = tuple[tuple[int, int, str | None], bool, str]
"""A place's (lead, trail, reading), whether a pair is needed there, its pick so far."""


@lru_cache(maxsize=1 << 12)
def _best_joint(
    left: str, middle: str, right: str, one: _Place, two: _Place, trigram_weight: float
) -> tuple[str, str]:
    """The likeliest picks at two places close together (the same places recur across
    the fills of a stretch: cached); the picks so far unless a choice is better."""
    choices = []
    for options, _, pick in (one, two):
        found = [x + y for x, y in _put_back_options(*options)[:_JOINT_CHOICES]]
        choices.append(found if pick in found else [*found, pick])

    def cost(a: str, b: str) -> float:
        paid = ((a, one[1]), (b, two[1]))
        return sum(_PAIR_COST for pick, needed in paid if len(pick) == 2 and not needed)

    best = (one[2], two[2])
    both = [best] + [(a, b) for a in choices[0] for b in choices[1]]
    scores = _pair_scores([left + a + middle + b + right for a, b in both], trigram_weight)
    top = scores[0] - cost(*best)
    for ab, score in zip(both[1:], scores[1:], strict=True):
        if (v := score - cost(*ab)) > top:
            best, top = ab, v
    return best


@lru_cache(maxsize=1 << 12)
def _put_back_options(lead: int, trail: int, reading: str | None) -> tuple[tuple[str, str], ...]:
    """The pairs that may have been dropped between `lead` and `trail` (only those whose
    second character reads `reading`, when given)."""
    options = _dropped_pairs(lead, trail)
    if reading is None:
        return options
    return tuple((x, y) for x, y in options if reading in _readings().get(y, ()))


@lru_cache(maxsize=1 << 14)
def _best_put_back(
    left: str, right: str, lead: int, trail: int, reading: str | None, trigram_weight: float
) -> tuple[str, str] | None:
    """The likeliest dropped pair between `left` and `right`: the shortlist of
    `_dropped_pairs`, and pairs completing words on both sides (the same places recur
    across the fills of a stretch: cached)."""
    options = _put_back_options(lead, trail, reading)
    extra = _completing_pairs(lead, trail, left[-2:], right[:2])
    if reading is not None:  # the annotated pair is the second one put back
        extra = tuple((x, y) for x, y in extra if reading in _readings().get(y, ()))
    if extra:
        options = (*options, *(xy for xy in extra if xy not in options))
    if not options:
        return None
    scores = _pair_scores([left + x + y + right for x, y in options], trigram_weight)
    return max(zip(options, scores, strict=True), key=lambda p: p[1])[0]


def _better_with_pair(left: str, pair: str, alone: str, right: str, trigram_weight: float) -> bool:
    """Whether `left + pair + right` (a dropped pair put back) is likelier than
    `left + alone + right` by more than the cost of a drop."""
    with_pair, without = _pair_scores([left + pair + right, left + alone + right], trigram_weight)
    return with_pair - _PAIR_COST > without


@dataclass
class _Reading:
    text: str
    score: float
    uncertain: list[tuple[int, int]]  # character spans in `text`
    dropped: int = 0  # dropped pairs put back


def _best(units: list[_Unit], before: str, after: str) -> _Reading | None:
    """The likeliest decoding of a stretch, judged with the text around it.

    Lost bytes are filled, then dropped pairs are put back in the best fills (`_put_back`).
    Where that put back a pair, it is done again with the character trigram model's
    evidence where dropped pairs are judged, and the likelier reading of the two, judged
    whole (`_whole`), wins: the word model alone misses what only the characters around
    tell (`两句话给我印象`, not `两句话敢印象`), the trigram model alone what it never saw
    (an idiom, `尺有所短`), and each pass is a chain of local choices.
    """
    tried = _tried_fills(units, before, after)
    plain = _put_back(units, tried, before, after)
    if plain is None or not plain.dropped:
        return plain
    second = _put_back(units, tried, before, after, _TRIGRAM_WEIGHT)
    if second is None or second.text == plain.text:
        return plain
    if _whole(before + second.text + after) > _whole(before + plain.text + after):
        # the word model's score still says whether the stretch is worth repairing
        return replace(second, score=plain.score)
    return plain


def _tried_fills(
    units: list[_Unit], before: str, after: str
) -> list[tuple[dict[int, int], list[_Char]]]:
    """The fills of the lost bytes worth putting dropped pairs back in, and their
    decodings: the likeliest few, all where a relaxed byte's pair shows only once a pair
    is put back, and the commonest line ends for a lone last byte."""
    holes = [i for i, u in enumerate(units) if u.byte is None]
    fills = _fills(units, before, after)
    if not fills:
        return []
    decoded = [_decode(units, f) for f in fills]
    scores = [
        _judge(before + _text(d) + after)
        + sum(_prior(units, h, f[h]) for h in holes)
        + _ending(_text(d), not after)
        for d, f in zip(decoded, fills, strict=True)
    ]
    top = max(scores)
    relaxed = any(units[h].relaxed for h in holes)  # base pairs there mean nothing
    ranked = sorted(range(len(fills)), key=scores.__getitem__, reverse=True)
    chosen = [i for i in ranked if relaxed or scores[i] >= top - _CLOSE]
    if not relaxed:  # a relaxed byte's pair shows only once a pair is put back: try all
        chosen = chosen[:_PUT_BACK_FILLS]
    tried = [(fills[i], decoded[i]) for i in chosen]
    last = len(units) - 1
    if not after and units[last].byte is None and units[last].reading is None and last > 0:
        # the line's last byte, read as a lone lead byte: the second byte of its last
        # character, which a dropped pair may have parted from the character before
        # (件。 = BC FE A1 A3, FE A1 unmapped): the commonest line ends are tried too
        for value in _LINE_END_BYTES:
            fill = {**fills[ranked[0]], last: value}
            tried.append((fill, _decode(units, fill)))
    return tried


def _put_back(
    units: list[_Unit],
    tried: list[tuple[dict[int, int], list[_Char]]],
    before: str,
    after: str,
    trigram_weight: float = 0.0,
) -> _Reading | None:
    """The likeliest reading of the `tried` fills with dropped pairs put back (with the
    trigram model's evidence at `trigram_weight` where they are judged, `_pair_scores`).
    Lost bytes no annotation narrows, annotated bytes another value would also make
    valid, and the characters of dropped pairs put back are marked uncertain."""
    holes = [i for i, u in enumerate(units) if u.byte is None]
    best: _Reading | None = None
    for fill, chars in tried:
        repaired = _put_back_pairs(units, fill, chars, before, after, trigram_weight)
        if repaired is None or any(c.text == _NONE for c in repaired):
            continue
        text = _text(repaired)
        dropped = sum(c.first < 0 for c in repaired) // 2
        total = _judge(before + text + after) - dropped * _PAIR_COST
        total += sum(_prior(units, h, fill[h]) for h in holes) + _ending(text, not after)
        if best is not None and total <= best.score:
            continue
        open_holes = {h for h in holes if _open(units, fill, h)}
        unsure = [
            (n, n + 1)
            for n, c in enumerate(repaired)
            if c.first < 0
            or open_holes.intersection(range(c.first, c.first + _width(units[c.first])))
        ]
        best = _Reading(text, total, unsure, dropped)
    return best


def _open(units: list[_Unit], fill: dict[int, int], hole: int) -> bool:
    """True when the bytes leave a lost byte open: no annotation narrows it, or
    another value the annotation allows also makes a valid character there."""
    if units[hole].reading is None or units[hole].relaxed:
        return True
    start = max(s for s in _layout(units) if s <= hole)
    valid = {
        v for v in _options(units, hole, fill) if _char_at(units, {**fill, hole: v}, start) != _NONE
    }
    return len(valid) > 1


def _as_is(text: str, sites: list[_Site]) -> str:
    """The damaged text with annotation sites deleted: the reading to beat."""
    for site in reversed(sites):
        if site.reading is not None:
            text = text[: site.start] + text[site.end :]
    return text


def fix_gbk_pairs(text: str) -> tuple[str, Counter[str], list[tuple[int, int]]]:
    """Recover characters lost or misread inside GBK byte pairs (see module docstring).

    Returns the text, repair counts by kind, and the [start, end) spans of characters
    chosen by likelihood rather than forced by the bytes.
    """
    if "?" not in text or not (sites := _sites(text)):
        return text, NOTHING, []
    if sum(s.reading is None for s in sites) > max(
        _MOST_MARK_SITES, len(text) // _CHARS_PER_MARK_SITE
    ):
        # `?` this often is the text's own (or noise), not lost bytes: judging every one
        # would cost seconds a line for nothing
        sites = [s for s in sites if s.reading is not None]
        if not sites:
            return text, NOTHING, []
    while True:  # drop lost-mark sites that do not pay off, and plan again
        edits = _plan(text, sites)
        rejected = {id(s) for _, _, reading, inside in edits if reading is None for s in inside}
        if not rejected:
            break
        sites = [s for s in sites if id(s) not in rejected]
    counts: Counter[str] = Counter()
    out, spans, position = [], [], 0
    for start, end, reading, inside in edits:
        if reading is None:
            continue
        out.append(text[position:start])
        offset = sum(map(len, out))
        out.append(reading.text)
        spans += [(offset + a, offset + b) for a, b in reading.uncertain]
        position = end
        for site in inside:
            counts["gbk_lost_lead_byte" if site.reading is None else "gbk_annotation_in_pair"] += 1
        counts["gbk_dropped_pair"] += reading.dropped
    out.append(text[position:])
    return "".join(out), +counts, merge(spans)


def _plan(text: str, sites: list[_Site]) -> list[tuple[int, int, _Reading | None, list[_Site]]]:
    """For each stretch: its span in `text`, its best reading, and the sites in it.

    The reading is None for a stretch that cannot be re-paired, and for one whose
    lost-mark sites make it no likelier than the text as it reads.
    """
    if not sites:
        return []
    # only the neighbourhood of the sites, unless a stretch runs to its end
    lo, hi = max(0, sites[0].start - 2 * _CONTEXT), min(len(text), sites[-1].end + _WINDOW)
    units = _units(text, sites, lo, hi)
    stretches = _stretches(units)
    if hi < len(text) and stretches and stretches[-1][1] == len(units):
        hi = len(text)
        units = _units(text, sites, lo, hi)
        stretches = _stretches(units)
    edits = []
    for first, last in stretches:
        start = units[first].src
        end = units[last].src if last < len(units) else hi
        inside = [s for s in sites if start <= s.start < end]
        before, after = text[max(0, start - _CONTEXT) : start], text[end : end + _CONTEXT]
        part = units[first:last]
        reading = None if any(u.byte == _BREAK for u in part) else _best(part, before, after)
        marks = [s for s in inside if s.reading is None]
        if reading is not None and marks:
            as_is = _as_is(
                text[start:end],
                [replace(s, start=s.start - start, end=s.end - start) for s in inside],
            )
            if reading.score < _judge(before + as_is + after) + _REPAIR_MARGIN:
                reading = None
        if reading is None:
            inside = marks  # only lost-mark sites are given up; annotations stay for later fixes
        edits.append((start, end, reading, inside))
    return edits
