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
when the model is clearly better with them, and marked uncertain.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from zhclean.repair.lm import model
from zhclean.repair.pinyin import WORD, is_syllable
from zhclean.spans import merge

# `?` (a lost byte that swallowed the annotation's `(`), a pinyin syllable, `)`.
_LOST_IN_ANNOTATION = re.compile(rf"\?\(?({WORD})\)")
# `?` + an ASCII mark between double-byte characters: the mark's full-width GBK pair
# replaced across two characters, its lead byte lost as `?`.
_LOST_BEFORE_MARK = re.compile(r"(?<=[^\x00-\x7f])\?([?,:;!()])(?=[^\x00-\x7f])")
_FULLWIDTH = {m: f.encode("gbk") for m, f in zip("?,:;!()", "？，：；！（）", strict=True)}

_BREAK = -1
"""A unit standing for a character GBK cannot encode: no stretch crosses it."""
_MAX_CANDIDATES = 20_000
"""Most fills tried for one stretch; beyond this the stretch is left to later fixes."""
_DROP_CHOICES = 64
"""Likeliest dropped pairs tried at one place (by the model, on the two characters)."""
_PAIR_BONUS = 4.0
"""Log-likelihood a restored dropped pair may cost: about one average character."""
_REPAIR_MARGIN = 6.0
"""How much likelier a re-paired stretch must be than the text as it reads."""


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
    from pypinyin.pinyin_dict import pinyin_dict

    return {chr(k): frozenset(v.split(",")) for k, v in pinyin_dict.items()}


def _is_trail(b: int) -> bool:
    return 0x40 <= b <= 0x7E or 0x80 <= b <= 0xFE


@dataclass
class _Unit:
    """One byte of the rebuilt stream; `byte` None is a lost byte."""

    byte: int | None
    src: int  # index of the damaged character it comes from
    starts: bool  # the damaged reading started a character here
    reading: str | None = None  # pinyin the pair ending (or starting) here was annotated with
    dropped: str = ""  # "lead"/"trail" for the bytes of a pair the decoder dropped


@dataclass
class _Site:
    start: int
    end: int
    reading: str | None  # an annotation's syllable, or None for a lost mark lead byte
    mark: str = ""


@dataclass
class _Stretch:
    """A run of units from a sync point to where both readings agree again."""

    first: int
    last: int  # exclusive
    holes: list[int] = field(default_factory=list)


def _sites(text: str) -> list[_Site]:
    sites = [
        _Site(m.start(), m.end(), m.group(1))
        for m in _LOST_IN_ANNOTATION.finditer(text)
        if is_syllable(m.group(1))
    ]
    taken = {i for s in sites for i in range(s.start, s.end)}
    for m in _LOST_BEFORE_MARK.finditer(text):
        if m.start() not in taken and m.start() + 1 not in taken:
            sites.append(_Site(m.start(), m.end(), None, m.group(1)))
    return sorted(sites, key=lambda s: s.start)


def _units(text: str, sites: list[_Site]) -> list[_Unit]:
    """The damaged text as a byte stream: characters as their GBK bytes, a lost byte
    (None) for each site, and a break where GBK cannot encode a character."""
    units: list[_Unit] = []
    by_start = {s.start: s for s in sites}
    i = 0
    while i < len(text):
        site = by_start.get(i)
        if site is not None:
            units.append(_Unit(None, i, True, site.reading))
            if site.reading is None:
                lead, trail = _FULLWIDTH[site.mark]
                units += [_Unit(lead, i + 1, False), _Unit(trail, i + 1, False)]
            i = site.end
            continue
        c = text[i]
        if c < "\x80":
            units.append(_Unit(ord(c), i, True))
        else:
            try:
                encoded = c.encode("gbk")
            except UnicodeEncodeError:
                encoded = b""
            if len(encoded) == 2:
                units += [_Unit(encoded[0], i, True), _Unit(encoded[1], i, False)]
            else:
                units.append(_Unit(_BREAK, i, True))
        i += 1
    return units


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
        last_hole = max(
            [
                last_hole,
                *(j for j in range(i, i + step) if j < len(units) and units[j].byte is None),
            ]
        )
        i += step
    return len(units)


def _decode(units: list[_Unit], fill: dict[int, int]) -> str | None:
    """Decode in GBK alignment with the holes filled; None when not valid GBK."""
    out, pairs, i = [], _pairs(), 0
    while i < len(units):
        unit = units[i]
        b = fill.get(i, unit.byte) if unit.byte is None else unit.byte
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if i + 1 >= len(units):
            return None
        nxt = units[i + 1]
        t = fill.get(i + 1) if nxt.byte is None else nxt.byte
        c = pairs.get((b, t))
        if c is None:
            return None
        out.append(c)
        i += 2
    return "".join(out)


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
def _dropped_pairs(
    lead: int, trail: int | None, reading: str | None
) -> tuple[tuple[int, int], ...]:
    """Likeliest (u, v) for a pair dropped between `lead` and the byte after it.

    Put back, u completes `lead` and v starts the next character, which ends with
    `trail` (or, when that byte is itself lost, reads `reading`); the decoder only
    drops (u, v) when GBK maps no character there.
    """
    lm, pairs = model(), _pairs()
    firsts = [(u, pairs[lead, u]) for u in range(0x40, 0xFF) if (lead, u) in pairs]
    if trail is not None:
        seconds = [(v, pairs[v, trail]) for v in range(0x81, 0xFF) if (v, trail) in pairs]
    elif reading is not None:
        seconds = [(v, pairs[v, t]) for v, t in _pairs_reading(reading)]
    else:
        return ()
    firsts = [(u, x) for u, x in firsts if _han(x)]
    seconds = [(v, y) for v, y in seconds if _han(y) and _is_trail(v)]
    scored = [
        (lm.score(x + y), u, v)
        for u, x in firsts
        for v, y in seconds
        if u >= 0x81 and (u, v) not in pairs
    ]
    scored.sort(reverse=True)
    return tuple((u, v) for _, u, v in scored[:_DROP_CHOICES])


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" and model().known(c)


def _options(units: list[_Unit], hole: int, fill: dict[int, int]) -> list[int]:
    """Values a missing byte may take, given the bytes before it (already filled)."""
    unit = units[hole]
    prev = fill.get(hole - 1, units[hole - 1].byte) if hole > 0 else None
    nxt = units[hole + 1] if hole + 1 < len(units) else None
    if unit.dropped == "lead":  # a dropped pair's first byte: the trail of the byte before
        after = units[hole + 2] if hole + 2 < len(units) else None
        if prev is None or prev < 0x81 or after is None:
            return []
        found = _dropped_pairs(prev, after.byte, after.reading)
        return sorted({u for u, _ in found})
    if unit.dropped == "trail":  # its second byte: a lead that the first cannot pair with
        lead = fill.get(hole - 2, units[hole - 2].byte)
        if lead is None or nxt is None:
            return []
        found = _dropped_pairs(lead, nxt.byte, nxt.reading)
        return [v for u, v in found if u == prev]
    if unit.reading is None:
        return list(range(0x81, 0xFF))
    reading = _pairs_reading(unit.reading)
    after = nxt.byte if nxt is not None else None
    return sorted(
        {b for a, b in reading if a == prev} | {a for a, b in reading if b == after and after}
    )


def _fills(units: list[_Unit]) -> list[dict[int, int]]:
    """Candidate fills of the missing bytes (unit index -> byte value)."""
    fills: list[dict[int, int]] = [{}]
    for hole in (i for i, u in enumerate(units) if u.byte is None):
        fills = [{**f, hole: v} for f in fills for v in _options(units, hole, f)]
        if not fills or len(fills) > _MAX_CANDIDATES:
            return []
    return fills


def _char_spans(
    units: list[_Unit], fill: dict[int, int], marked: set[int]
) -> list[tuple[int, int]]:
    """[start, end) spans of the decoded characters that hold the units in `marked`."""
    spans, i, n = [], 0, 0
    while i < len(units):
        width = 1 if fill.get(i, units[i].byte) < 0x80 else 2
        if marked.intersection(range(i, i + width)):
            spans.append((n, n + 1))
        i += width
        n += 1
    return spans


def _variants(units: list[_Unit]) -> list[tuple[list[_Unit], float]]:
    """The stretch as it reads, and with one dropped pair put back at each place where
    the damaged reading started a character in the middle of a pair (with the bonus
    that offsets the extra character's cost)."""
    aligned = _boundaries(units)
    first = min(i for i, u in enumerate(units) if u.byte is None)
    variants = [(units, 0.0)]
    for slot in range(first + 1, len(units)):
        if units[slot].starts and slot not in aligned:
            pair = [_Unit(None, -1, False, dropped="lead"), _Unit(None, -1, True, dropped="trail")]
            variants.append(([*units[:slot], *pair, *units[slot:]], _PAIR_BONUS))
    return variants


@dataclass
class _Reading:
    text: str
    score: float
    uncertain: list[tuple[int, int]]  # character spans in `text`
    dropped: int = 0  # dropped pairs put back


def _best(units: list[_Unit], before: str, after: str) -> _Reading | None:
    """The likeliest valid decoding of a stretch, judged with the text around it.

    Bytes that other valid fills would set differently, lost bytes no annotation
    narrows, and dropped pairs put back are marked uncertain.
    """
    lm = model()
    best: _Reading | None = None
    for variant, bonus in _variants(units):
        scored = []
        for fill in _fills(variant):
            text = _decode(variant, fill)
            if text is not None:
                scored.append((lm.score(before + text + after) + bonus, text, fill))
        if not scored:
            continue
        score, text, fill = max(scored, key=lambda s: s[0])
        if best is not None and score <= best.score:
            continue
        unsure = {
            h for h in fill if variant[h].reading is None or len({f[h] for _, _, f in scored}) > 1
        }
        best = _Reading(text, score, _char_spans(variant, fill, unsure), int(bonus > 0))
    return best


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
        return text, Counter(), []
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
    lm = model()
    units = _units(text, sites)
    edits = []
    for first, last in _stretches(units):
        start = units[first].src
        end = units[last].src if last < len(units) else len(text)
        inside = [s for s in sites if start <= s.start < end]
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        part = units[first:last]
        reading = None if any(u.byte == _BREAK for u in part) else _best(part, before, after)
        marks = [s for s in inside if s.reading is None]
        if reading is not None and marks:
            as_is = _as_is(
                text[start:end],
                [replace(s, start=s.start - start, end=s.end - start) for s in inside],
            )
            if reading.score < lm.score(before + as_is + after) + _REPAIR_MARGIN:
                reading = None
        if reading is None:
            inside = marks  # only lost-mark sites are given up; annotations stay for later fixes
        edits.append((start, end, reading, inside))
    return edits
