"""Damage generators for the repair benchmark (`bench/repair_bench.py`).

Each ``damage_X(clean, rng)`` takes a clean line (already normalized the way zhclean
normalizes, so the repaired line should equal it) and a seeded ``random.Random`` and
returns the damaged text (``str``), or the damaged bytes of a whole file (``bytes``).
The same line and the same seed always give the same damage. A line that cannot take
a damage (nothing to annotate, not encodable in the codec, no misalignment site...)
raises `NotApplicable`.

`CLASSES` maps each class key to a detail function returning ``(damaged, lost)``:
``lost`` says that bytes of the original were destroyed, not just rearranged (a pair
that vanished in the lenient GBK decoder, a U+FFFD in mojibake), which decides the
target a row is held to.
"""

from __future__ import annotations

import codecs
import json
import quopri
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import pypinyin

# ---------------------------------------------------------------- helpers


class NotApplicable(ValueError):
    """The line cannot take this damage (the benchmark draws another line)."""


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_WORD = re.compile(rf"[a-z{_TONED}ü]*[{_TONED}][a-z{_TONED}ü]*")


def is_han(c: str) -> bool:
    return _HAN.fullmatch(c) is not None


@cache
def tone_pinyin(c: str) -> str | None:
    """The first tone-marked pinyin reading of `c` (`優` -> `yōu`), or None when pypinyin
    has none with a tone mark (neutral tone, no reading)."""
    reading = pypinyin.pinyin(c, style=pypinyin.Style.TONE)[0][0]
    return reading if _PINYIN_WORD.fullmatch(reading) else None


@cache
def _t2s():
    import opencc  # opencc-python-reimplemented

    return opencc.OpenCC("t2s")


@cache
def differs_from_simplified(c: str) -> bool:
    """True for a Traditional character whose Simplified form is another character."""
    return is_han(c) and _t2s().convert(c) != c


def gbk(c: str) -> bytes | None:
    """GBK bytes of one character, or None."""
    try:
        return c.encode("gbk")
    except UnicodeEncodeError:
        return None


def _encode(clean: str, codec: str) -> bytes:
    try:
        return clean.encode(codec)
    except UnicodeEncodeError as error:
        raise NotApplicable(f"not encodable in {codec}: {clean[error.start]!r}") from None


@cache
def _gbk_pair(lead: int, trail: int) -> str | None:
    try:
        return bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None


def _is_trail(b: int) -> bool:
    return 0x40 <= b <= 0x7E or 0x80 <= b <= 0xFE


@dataclass
class Lenient:
    """What `lenient_gbk_decode` made of the bytes."""

    text: str
    vanished: int = 0  # unmapped pairs and stray bytes dropped silently
    lead_lost: int = 0  # lead bytes shown as `?` before an ASCII byte (or at the end)


def lenient_gbk_decode(data: bytes) -> Lenient:
    """Decode GBK the way the damaging sites did.

    Bytes below 0x80 are ASCII. A lead byte 0x81-0xFE followed by a trail byte
    (0x40-0x7E or 0x80-0xFE) forms a pair: decoded if GBK maps it, dropped silently if
    not (the pair vanishes). A lead byte followed by another ASCII byte: `(` -> `?`, both
    consumed; any other -> `?` and the ASCII byte is kept. A lead byte at the very end
    -> `?`. A stray 0x80 or 0xFF is dropped.
    """
    out: list[str] = []
    result = Lenient("")
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b in (0x80, 0xFF):
            result.vanished += 1
            i += 1
        elif i + 1 >= n:
            out.append("?")
            result.lead_lost += 1
            i += 1
        elif _is_trail(t := data[i + 1]):
            ch = _gbk_pair(b, t)
            if ch is None:
                result.vanished += 1
            else:
                out.append(ch)
            i += 2
        else:  # ASCII byte outside the trail range
            out.append("?")
            result.lead_lost += 1
            i += 2 if t == 0x28 else 1
    result.text = "".join(out)
    return result


def _straddles(data: bytes, starts: Sequence[int]) -> list[tuple[int, str]]:
    """(offset, character) for each pair made of one character's last byte and the next
    character's first byte that GBK maps to a character."""
    found = []
    for s in starts[1:]:
        if data[s - 1] >= 0x80 and data[s] >= 0x81:
            ch = _gbk_pair(data[s - 1], data[s])
            if ch is not None:
                found.append((s - 1, ch))
    return found


def _char_starts(clean: str, codec: str = "gbk") -> list[int]:
    starts, pos = [], 0
    for c in clean:
        starts.append(pos)
        pos += len(c.encode(codec))
    return starts


# ---------------------------------------------------------------- 1. pinyin annotations


def pinyin_annotations(clean: str, rng: random.Random) -> tuple[str, bool]:
    candidates = [i for i, c in enumerate(clean) if differs_from_simplified(c) and tone_pinyin(c)]
    if not candidates:
        raise NotApplicable("no Traditional character with a tone-marked reading")
    share = rng.uniform(0.3, 1.0)
    chosen = {i for i in candidates if rng.random() < share} or {rng.choice(candidates)}
    out = [f"{c}({tone_pinyin(c)})" if i in chosen else c for i, c in enumerate(clean)]
    return "".join(out), False


def damage_pinyin(clean: str, rng: random.Random) -> str:
    """Pinyin annotations (Traditional text): after some Traditional characters that
    differ from their Simplified form, their tone-marked reading in ASCII parentheses,
    as sites that gloss "difficult" characters print it: `優化` -> `優(yōu)化`."""
    return pinyin_annotations(clean, rng)[0]


# ---------------------------------------------------------------- 2. annotations in GBK pairs

_PLACEHOLDER = re.compile("\x01(\\d+)\x02")


def annotate_gbk(clean: str, targets: Sequence[str]) -> tuple[str, Lenient]:
    """Annotate `targets` (characters, in this order) in the GBK bytes of `clean`:
    `data.replace(gbk(c), gbk(c) + b"(" + reading + b")")` for each, then decode with
    `lenient_gbk_decode`. The replace also hits a character's code where it straddles two
    characters (trailing byte of one, lead byte of the next), which splits them."""
    data = _encode(clean, "gbk")
    readings = []
    for c in targets:
        code, reading = gbk(c), tone_pinyin(c)
        if code is None or len(code) != 2 or reading is None:
            raise NotApplicable(f"cannot annotate {c!r}")
        # the reading is not GBK-safe: an ASCII placeholder stands for it meanwhile
        data = data.replace(code, code + b"(\x01%d\x02)" % len(readings))
        readings.append(reading)
    decoded = lenient_gbk_decode(data)
    decoded.text = _PLACEHOLDER.sub(lambda m: readings[int(m.group(1))], decoded.text)
    return decoded.text, decoded


def gbk_annotations(clean: str, rng: random.Random) -> tuple[str, bool]:
    data = _encode(clean, "gbk")
    starts = _char_starts(clean)
    aligned = sorted({c for c in clean if differs_from_simplified(c) and tone_pinyin(c)})
    # like the sites' own lists: only characters whose Simplified form differs
    straddling = sorted(
        {
            ch
            for _, ch in _straddles(data, starts)
            if differs_from_simplified(ch) and tone_pinyin(ch)
        }
    )
    if not aligned and not straddling:
        raise NotApplicable("nothing to annotate")
    share = rng.uniform(0.2, 0.8)
    targets = [c for c in aligned if rng.random() < share]
    if straddling and (rng.random() < 0.7 or not targets):
        targets += rng.sample(straddling, k=min(len(straddling), rng.randint(1, 2)))
    if not targets:
        targets = [rng.choice(aligned)]
    rng.shuffle(targets)
    text, decoded = annotate_gbk(clean, targets)
    if text == clean:
        raise NotApplicable("annotation left the text unchanged")
    return text, decoded.vanished > 0


def damage_gbk_annotations(clean: str, rng: random.Random) -> str:
    """Annotations inside GBK pairs (Traditional text), the mechanism behind seeds 000 and
    002: pinyin annotations were added by a byte-level replace on GBK bytes, which also
    hit codes straddling two characters, and the result was decoded leniently (a lead
    byte before `(` shows as `?`, unmapped pairs vanish): `組織部內全體` ->
    `組織部?jī)?nèi)全體` (績 = BF 83 straddles 部|內, 內 = 83 C8). Annotated are some
    Simplified-different characters of the line and, most of the time, one or two
    Simplified-different characters whose code straddles two of the line's characters."""
    return gbk_annotations(clean, rng)[0]


# ---------------------------------------------------------------- 3. misaligned double bytes

_PUNCT_PAIRS = {  # GBK bytes of a full-width mark -> the ASCII mark that replaced them
    b"\xa3\xbf": "?",
    b"\xa3\xac": ",",
    b"\xa3\xba": ":",
    b"\xa3\xbb": ";",
    b"\xa3\xa1": "!",
    b"\xa3\xa8": "(",
    b"\xa3\xa9": ")",
}


def misalign_sites(clean: str) -> list[int]:
    """Byte offsets in the GBK bytes of `clean` where two characters' straddling bytes
    equal the GBK code of a full-width mark (`。看` = A1 A3 | BF B4: A3 BF is `？`)."""
    try:
        data = clean.encode("gbk")
    except UnicodeEncodeError:
        return []
    starts = _char_starts(clean)
    return [
        s - 1
        for s in starts[1:]
        if data[s - 1] >= 0x80 and data[s] >= 0x80 and data[s - 1 : s + 1] in _PUNCT_PAIRS
    ]


def misaligned(clean: str, rng: random.Random, site: int | None = None) -> tuple[str, bool]:
    sites = misalign_sites(clean)
    if not sites:
        raise NotApplicable("no straddling pair that is a full-width mark")
    at = rng.choice(sites) if site is None else site
    data = _encode(clean, "gbk")
    data = data[:at] + _PUNCT_PAIRS[data[at : at + 2]].encode() + data[at + 2 :]
    decoded = lenient_gbk_decode(data)
    # one lead byte is always shown as `?` before the ASCII mark: that loss is the
    # mechanism itself; other `?`s (the line's last byte) and vanished pairs are losses
    return decoded.text, decoded.vanished > 0 or decoded.lead_lost > 1


def damage_misaligned(clean: str, rng: random.Random) -> str:
    """Misaligned double-byte text: a converter matched a full-width mark's GBK code on
    bytes that straddle two characters and replaced it by the ASCII mark; read back
    leniently, the mark's lead byte shows as `?` and the rest is read one byte off until
    an ASCII byte: `解決新問題。看一看` (A1 A3 | BF B4 ...) -> `解決新問題??匆豢匆...`."""
    return misaligned(clean, rng)[0]


# ---------------------------------------------------------------- 4. classic mojibake


def _sloppy_table(codec: str) -> str:
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(b))  # the bytes cp1252 leaves undefined read as Latin-1
    return "".join(chars)


_CP1252 = _sloppy_table("cp1252")


def sloppy_cp1252(data: bytes) -> str:
    """Windows-1252 with its five undefined bytes read as Latin-1 (as browsers do)."""
    return "".join(_CP1252[b] for b in data)


def _cp936_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    if error.object[error.start] == 0x80:
        return "\u20ac", error.start + 1
    return "\ufffd", error.end


def _cp936_strict(error: UnicodeError) -> tuple[str, int]:
    if isinstance(error, UnicodeDecodeError) and error.object[error.start] == 0x80:
        return "\u20ac", error.start + 1
    raise error


codecs.register_error("bench-cp936-replace", _cp936_errors)
codecs.register_error("bench-cp936-strict", _cp936_strict)


def cp936_decode(data: bytes, errors: str = "strict") -> str:
    """Decode as Windows does code page 936: GB18030's two-byte table (the user-defined
    areas map to private use) plus 0x80 -> `€`; `errors="replace"` gives U+FFFD for the
    rest (an odd lead byte before ASCII or at the end)."""
    return data.decode("gb18030", f"bench-cp936-{errors}")


def utf8_as_gbk_lossless(clean: str, rng: random.Random) -> tuple[str, bool]:
    try:
        return cp936_decode(clean.encode("utf-8")), False
    except UnicodeDecodeError:
        raise NotApplicable("the UTF-8 bytes do not decode strictly as cp936") from None


def damage_utf8_as_gbk(clean: str, rng: random.Random) -> str:
    """UTF-8 read as GBK, nothing lost: the UTF-8 bytes decoded as Windows' cp936 does
    (`cp936_decode`: user-defined codes map to private use, 0x80 to `€`), only lines where
    that decodes strictly: `中文` -> `涓枃`, `。` (E3 80 82) -> `銆€`+..."""
    return utf8_as_gbk_lossless(clean, rng)[0]


def utf8_as_gbk_replace(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = clean.encode("utf-8").decode("gbk", errors="replace")
    if "\ufffd" not in text:
        raise NotApplicable("nothing was lost")
    return text, True


def damage_utf8_as_gbk_lost(clean: str, rng: random.Random) -> str:
    """UTF-8 read as GBK with bytes lost: `.decode("gbk", errors="replace")`, so pairs
    GBK does not map (user-defined area, an odd byte before ASCII) become U+FFFD."""
    return utf8_as_gbk_replace(clean, rng)[0]


def gbk_as_cp1252(clean: str, rng: random.Random) -> tuple[str, bool]:
    return sloppy_cp1252(_encode(clean, "gbk")), False


def damage_gbk_as_cp1252(clean: str, rng: random.Random) -> str:
    """GBK read as Windows-1252 (Latin-1 for its undefined bytes): `中文` -> `ÖÐÎÄ`."""
    return gbk_as_cp1252(clean, rng)[0]


def utf8_as_cp1252(clean: str, rng: random.Random) -> tuple[str, bool]:
    return sloppy_cp1252(clean.encode("utf-8")), False


def damage_utf8_as_cp1252(clean: str, rng: random.Random) -> str:
    """UTF-8 read as Windows-1252 (Latin-1 for its undefined bytes): `中` -> `ä¸\\xad`."""
    return utf8_as_cp1252(clean, rng)[0]


def double_utf8(clean: str, rng: random.Random) -> tuple[str, bool]:
    once = sloppy_cp1252(clean.encode("utf-8"))
    return sloppy_cp1252(once.encode("utf-8")), False


def damage_double_utf8(clean: str, rng: random.Random) -> str:
    """Double-encoded UTF-8: UTF-8 misread as Windows-1252 and re-encoded as UTF-8 twice
    over, then read as Windows-1252 once more (`中` -> `Ã¤Â¸Â\\xad`)."""
    return double_utf8(clean, rng)[0]


def big5_as_gbk(clean: str, rng: random.Random) -> tuple[str, bool]:
    return _encode(clean, "big5").decode("gb18030"), False


def damage_big5_as_gbk(clean: str, rng: random.Random) -> str:
    """Big5 read as GBK (Traditional text): the Big5 bytes decoded as GB18030 (Big5
    pairs always are GB18030 pairs, so nothing is lost): `中文` -> `中恁`."""
    return big5_as_gbk(clean, rng)[0]


def big5_as_gbk_replace(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = _encode(clean, "big5").decode("gbk", errors="replace")
    if "\ufffd" not in text:
        raise NotApplicable("nothing was lost")
    return text, True


def damage_big5_as_gbk_lost(clean: str, rng: random.Random) -> str:
    """Big5 read as GBK with bytes lost: `.decode("gbk", errors="replace")` (a Python
    scraper told the page is GBK), which maps no user-defined area, so `年` (A6 7E)
    reads as `\ufffd~` and the text after a lost byte is read one byte off."""
    return big5_as_gbk_replace(clean, rng)[0]


def gbk_as_big5(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = _encode(clean, "gbk").decode("cp950", errors="replace")
    return text, "\ufffd" in text


def damage_gbk_as_big5(clean: str, rng: random.Random) -> str:
    """GBK read as Big5: the GBK bytes decoded as cp950 (Windows Big5) with U+FFFD for
    pairs it does not map: `中文` -> `笢恅`."""
    return gbk_as_big5(clean, rng)[0]


def mojibake_file(lines: Sequence[str], rng: random.Random) -> tuple[bytes, bool]:
    if len(lines) < 2:
        raise NotApplicable("a file needs at least two lines")
    damaged = [rng.random() < 0.5 for _ in lines]
    if all(damaged) or not any(damaged):
        damaged[rng.randrange(len(lines))] ^= True
    out, lost = [], False
    for line, bad in zip(lines, damaged, strict=True):
        if bad:
            line = cp936_decode(line.encode("utf-8"), errors="replace")
            lost = lost or "\ufffd" in line
        out.append(line)
    return "\n".join(out).encode("utf-8"), lost


def file_detail(clean: str, rng: random.Random) -> tuple[bytes, bool]:
    return mojibake_file(clean.split("\n"), rng)


def damage_file(clean: str, rng: random.Random) -> bytes:
    """A whole file (`clean` holds its lines, `\\n`-separated) in which some lines' UTF-8
    bytes were misread as GBK (`cp936_decode`, U+FFFD where a byte cannot be read) and saved
    as UTF-8, others left intact: mixed good and damaged lines, as bytes."""
    return mojibake_file(clean.split("\n"), rng)[0]


# ---------------------------------------------------------------- 5. degraded punctuation

_DEGRADE = str.maketrans({**dict.fromkeys("，、。：；", "."), **dict.fromkeys("“”‘’", "'")})


def degraded_punctuation(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = clean.translate(_DEGRADE)
    if text == clean:
        raise NotApplicable("no punctuation to degrade")
    return text, True  # which mark a `.` was is gone


def damage_punctuation(clean: str, rng: random.Random) -> str:
    """Degraded punctuation (seed 001): every `，、。：；` became `.` and every curly
    quote `“”‘’` a straight `'`."""
    return degraded_punctuation(clean, rng)[0]


# ---------------------------------------------------------------- 6. width and spacing

_TO_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
_ALNUM_RUN = re.compile(r"[0-9A-Za-z]+")


def width_spacing(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = _ALNUM_RUN.sub(
        lambda m: m.group().translate(_TO_FULL) if rng.random() < 0.7 else m.group(), clean
    )
    chars = list(text)
    gaps = [i for i in range(1, len(chars)) if is_han(chars[i - 1]) and is_han(chars[i])]
    inserts: dict[int, str] = {}
    for _ in range(rng.randint(0, 3) if gaps else 0):  # stray spaces between Han characters
        inserts[rng.choice(gaps)] = rng.choice([" ", " ", "  ", "\u3000", "\u00a0"])
    for _ in range(rng.randint(0, 2)):  # zero-width spaces anywhere inside
        inserts[rng.randint(1, len(chars) - 1)] = "\u200b"
    for i in sorted(inserts, reverse=True):
        chars.insert(i, inserts[i])
    text = "".join(chars)
    if rng.random() < 0.4:  # paragraph indent
        text = rng.choice(["\u3000\u3000", "\u00a0\u00a0", "  ", "\u3000"]) + text
    if rng.random() < 0.3:
        text += rng.choice([" ", "\u00a0", "\u3000", "\u200b"])
    if text == clean:
        text = clean[:1] + "\u200b" + clean[1:]
    return text, False


def damage_width(clean: str, rng: random.Random) -> str:
    """Width and spacing: some ASCII digit/letter runs made full-width (`２０２３`), stray
    ASCII spaces, U+3000 or U+00A0 between Han characters, U+200B inserted, and
    indentation or trailing space at the ends."""
    return width_spacing(clean, rng)[0]


# ---------------------------------------------------------------- 7. HTML residue

_REFERENCES = {
    "“": ("&ldquo;", "&#8220;", "&#x201C;", "&amp;ldquo;"),
    "”": ("&rdquo;", "&#8221;", "&#x201D;", "&amp;rdquo;"),
    "—": ("&mdash;", "&#8212;"),
    "…": ("&hellip;", "&#8230;"),
    "·": ("&middot;", "&#183;"),
    "&": ("&amp;",),
    "<": ("&lt;",),
    ">": ("&gt;",),
}
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}")
_INLINE = (
    ('<span style="font-size:16px">', "</span>"),
    ("<strong>", "</strong>"),
    (
        '<font color="#ff0000">',
        "</font>",
    ),
)
_BLOCK = ("<p>", "</p>"), ('<div class="TRS_Editor">', "</div>"), ("", "<br />"), ("<P>", "</P>")


def html_residue(clean: str, rng: random.Random) -> tuple[str, bool]:
    text = "".join(
        rng.choice(_REFERENCES[c]) if c in _REFERENCES and rng.random() < 0.8 else c for c in clean
    )
    runs = list(_HAN_RUN.finditer(text))
    if runs and rng.random() < 0.5:  # an inline tag around a few Han characters
        m, (left, right) = rng.choice(runs), rng.choice(_INLINE)
        text = text[: m.start()] + left + m.group() + right + text[m.end() :]
    if rng.random() < 0.4:  # indentation
        text = rng.choice(["&nbsp;&nbsp;", "&#160;&#160;", "&nbsp;"]) + text
    left, right = rng.choice(_BLOCK)
    return left + text + right, False


def damage_html(clean: str, rng: random.Random) -> str:
    """HTML residue of a scraped page: marks as character references (`&ldquo;`,
    `&#8220;`, escaped twice `&amp;ldquo;`), `&nbsp;` indentation, an inline tag around
    a few characters, and the line in a block element (`<p>…</p>`, `…<br />`)."""
    return html_residue(clean, rng)[0]


# ---------------------------------------------------------------- 8. escaped text


def escaped_file(clean: str, rng: random.Random) -> tuple[bytes, bool]:
    lines = clean.split("\n")
    kind = rng.choice(("json", "json lines", "bytes utf-8", "bytes gbk", "quoted-printable"))
    if kind == "json":  # the whole file as one JSON string
        text = json.dumps(clean)  # ASCII only: `\uXXXX` for every other character
    elif kind == "json lines":  # some lines as JSON strings of their own
        text = "\n".join(json.dumps(line) if rng.random() < 0.6 else line for line in lines)
    elif kind.startswith("bytes"):  # str() of each line's undecoded bytes
        codec = kind.split()[1]
        text = "\n".join(str(_encode(line, codec)) for line in lines)
    else:  # an e-mail body: lines of at most 76 bytes, soft breaks `=`
        text = quopri.encodestring(clean.encode("utf-8")).decode("ascii")
    return text.encode("utf-8"), False


def damage_escaped(clean: str, rng: random.Random) -> bytes:
    """A file saved still escaped: one JSON string (`"\\u5173\\u4e8e…\\n…"`), some
    lines as JSON strings, `str()` of each line's UTF-8 or GBK bytes (`b'\\xe5\\x85…'`), or
    quoted-printable UTF-8 (`=E5=85=B3…`, soft line breaks)."""
    return escaped_file(clean, rng)[0]


# ---------------------------------------------------------------- registry

Detail = Callable[[str, random.Random], tuple["str | bytes", bool]]


@dataclass(frozen=True)
class DamageClass:
    key: str
    title: str
    detail: Detail  # (damaged, lost)
    damage: Callable[[str, random.Random], str | bytes]
    script: str  # "hans", "hant" or "both": which clean lines it damages
    is_file: bool = False


CLASSES: tuple[DamageClass, ...] = (
    DamageClass("1", "pinyin annotations", pinyin_annotations, damage_pinyin, "hant"),
    DamageClass(
        "2", "annotation inside GBK pairs", gbk_annotations, damage_gbk_annotations, "hant"
    ),
    DamageClass("3", "misaligned double-byte", misaligned, damage_misaligned, "both"),
    DamageClass("4a", "UTF-8 read as GBK", utf8_as_gbk_lossless, damage_utf8_as_gbk, "hans"),
    DamageClass(
        "4a�", "UTF-8 read as GBK, lost bytes", utf8_as_gbk_replace, damage_utf8_as_gbk_lost, "hans"
    ),
    DamageClass("4b", "GBK read as cp1252", gbk_as_cp1252, damage_gbk_as_cp1252, "hans"),
    DamageClass("4c", "UTF-8 read as cp1252", utf8_as_cp1252, damage_utf8_as_cp1252, "hans"),
    DamageClass("4d", "double-encoded UTF-8", double_utf8, damage_double_utf8, "hans"),
    DamageClass("4e", "Big5 read as GBK", big5_as_gbk, damage_big5_as_gbk, "hant"),
    DamageClass(
        "4e�", "Big5 read as GBK, lost bytes", big5_as_gbk_replace, damage_big5_as_gbk_lost, "hant"
    ),
    DamageClass("4f", "GBK read as Big5", gbk_as_big5, damage_gbk_as_big5, "hans"),
    DamageClass(
        "4g", "file: UTF-8 lines misread as GBK", file_detail, damage_file, "hans", is_file=True
    ),
    DamageClass("5", "degraded punctuation", degraded_punctuation, damage_punctuation, "hans"),
    DamageClass("6", "width and spacing", width_spacing, damage_width, "hans"),
    DamageClass("7", "HTML residue", html_residue, damage_html, "both"),
    DamageClass("8", "file: escaped text", escaped_file, damage_escaped, "both", is_file=True),
)
