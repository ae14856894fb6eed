"""Decode raw bytes to text: BOM, binary sniffing, then the most plausible Chinese codec.

Decision rules, in order (see `decode`):

1. No bytes, or only ASCII whitespace -> reject ``empty``.
2. A UTF-32/UTF-16/UTF-8 BOM selects its codec; the BOM is removed from the text.
3. A known magic number -> reject ``binary``. Bytes containing NUL are plausible UTF-16
   without BOM, or text with a few stray NULs (at most 8, or 0.1% of the bytes: decoded
   as below, the repair stage drops them), or ``binary``.
4. Strict UTF-8 -> ``utf-8`` with confidence 1.0 (mojibake inside stays for the repair stage),
   unless >= 5% of the bytes are C0 controls: then it is only one of the candidates below.
   ASCII holding `~{…~}` that decodes strictly as HZ to plausible Chinese -> ``hz``.
   A file whose lines are UTF-8 but for a few (a footer pasted from a GBK page) -> ``utf-8``
   with those lines decoded strictly as GB18030 or Big5 where that reads as plausible
   Chinese, or a line's stretches UTF-8 cannot read where they hold Chinese words
   (`other_lines` counts them), else with U+FFFD for the bytes UTF-8 cannot read.
5. gb18030, big5 (else cp950, big5hkscs), utf-16-le and utf-16-be are decoded strictly and
   ranked by `plausibility`; a codec that fails strictly on at most 1% of the characters is
   kept too, decoded with ``errors="replace"`` (U+FFFD marks the lost bytes; the replacement
   characters lower its score and its confidence). charset-normalizer breaks near-ties and
   is asked for a guess when nothing is plausible, after a check for UTF-8 mojibake saved in
   GBK (UTF-8 but where `?` stands for a byte the misreading lost: ``gb18030``, 0.5).
6. Nothing plausible -> ``binary`` when >= 5% of the bytes are C0 control bytes, otherwise
   ``undecodable``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from charset_normalizer import from_bytes

from zhclean.code_points import code_points
from zhclean.model import Decoded, Rejected
from zhclean.repair.chars import HAN

SAMPLE = 64 * 1024  # bytes sniffed / characters scored
THRESHOLD = 0.6  # minimum plausibility to accept a decoding
TIE_MARGIN = 0.05  # scores closer than this are settled by charset-normalizer
MAX_ERROR_RATE = 0.01  # a lenient decoding may replace at most this share of characters
STRAY_NULS, STRAY_NUL_RATE = 8, 0.001  # at most this many NULs count as damage, not binary
CONTROL_BINARY_RATE = 0.05  # share of C0 control bytes that makes undecodable data binary
LOST_QUESTION_SHARE, LOST_QUESTION_MIN = 0.3, 4  # `?` for every character: the text is lost
_HAS_HAN = re.compile(f"[{HAN}]")
_TRIED = "utf-8, gb18030, big5, utf-16"

# ---------------------------------------------------------------- plausibility table
# One class letter per code point; `str.translate` maps a text to its classes in C.
_WS, _TOP, _HAN, _RARE_HAN, _GOOD, _FAIR, _OTHER, _WEIRD, _BAD = "wAhrgfoxb"
_WEIGHTS = {_TOP: 1.0, _HAN: 1.0, _RARE_HAN: 0.5, _GOOD: 1.0, _FAIR: 0.5, _WEIRD: -0.5, _BAD: -1.0}
_TOP_SHARE = 0.2  # in real Chinese 28-40% of hanzi are among the top ~100 (the seeds)
_FREQ_WEIGHT = 0.5
_FREQ_PRIOR = 1.0  # smooths the frequency score of short texts

# The 100 most frequent hanzi (charset-normalizer's list) plus their traditional forms.
_TOP_CHARS = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她"
    "本前开但因只从想实"
    "來個們動國學實對後從於時會樣沒爲為現當發種經裏裡著說這進過還開麼"
)
_PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿêɑɡ"


def _build_table() -> bytes:
    t = bytearray(_OTHER.encode()) * 0x110000

    def put(lo: int, hi: int, cls: str) -> None:
        t[lo : hi + 1] = cls.encode() * (hi - lo + 1)

    put(0x00, 0x1F, _BAD)
    put(0x21, 0x7E, _GOOD)
    put(0x7F, 0x9F, _BAD)
    put(0xA1, 0xBF, _FAIR)
    put(0xC0, 0x24F, _FAIR)  # Latin-1 letters, Latin Extended A/B
    put(0x2000, 0x206F, _FAIR)  # general punctuation
    put(0x2010, 0x2027, _GOOD)  # dashes, quotes, ellipsis, bullets
    put(0x2030, 0x203B, _GOOD)  # per mille, primes, reference mark
    put(0x2100, 0x24FF, _FAIR)  # letterlike, number forms, arrows, math, circled numbers
    put(0x2500, 0x259F, _WEIRD)  # box drawing, block elements
    put(0x25A0, 0x27BF, _FAIR)  # geometric shapes, misc symbols, dingbats
    put(0x3001, 0x303F, _GOOD)  # CJK symbols and punctuation
    put(0x3200, 0x33FF, _FAIR)  # enclosed CJK, CJK compatibility
    put(0x3400, 0x4DBF, _WEIRD)  # CJK extension A
    put(0x4E00, 0x9FFF, _RARE_HAN)
    put(0xA000, 0xA4CF, _WEIRD)  # Yi
    put(0xD800, 0xF8FF, _BAD)  # surrogates (surrogateescape), private use
    put(0xF900, 0xFAFF, _WEIRD)  # CJK compatibility ideographs
    put(0xFE30, 0xFE6F, _FAIR)  # CJK compatibility and small forms
    put(0xFF01, 0xFF5E, _GOOD)  # full-width ASCII
    put(0xFFE0, 0xFFE6, _GOOD)  # full-width signs
    put(0xFFFD, 0xFFFF, _BAD)  # replacement character, non-characters
    put(0x20000, 0x3FFFF, _WEIRD)  # CJK extensions B and later
    put(0xF0000, 0x10FFFF, _BAD)  # supplementary private use
    for ch in "\t\n\r\f\v \u00a0\u3000":
        t[ord(ch)] = ord(_WS)
    for ch in "\u00b7\u00d7\u00f7\u00b0\u00a7" + _PINYIN:
        t[ord(ch)] = ord(_GOOD)
    # Common hanzi: GB2312 level 1 and Big5 level 1.
    pairs = [(lead, trail, "gb2312") for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)]
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    pairs += [(lead, trail, "big5") for lead in range(0xA4, 0xC7) for trail in big5_trails]
    for lead, trail, codec in pairs:
        try:
            ch = bytes((lead, trail)).decode(codec)
        except UnicodeDecodeError:
            continue
        if 0x4E00 <= ord(ch) <= 0x9FFF:
            t[ord(ch)] = ord(_HAN)
    for ch in _TOP_CHARS:
        t[ord(ch)] = ord(_TOP)
    return bytes(t)


_CLASSES = np.frombuffer(_build_table(), dtype=np.uint8)
"""Code point -> the letter (ASCII code) of its class."""


def plausibility(text: str) -> float:
    """How plausible `text` is as a Chinese document, 0..1 (scores the first 64 Ki chars).

    A character-class score: common hanzi (GB2312 or Big5 level 1), ASCII, CJK punctuation
    and full-width forms count 1; rare hanzi and other symbols 0.5; kana, Greek, Hangul... 0;
    box drawing, CJK extensions and compatibility ideographs -0.5; controls, private use and
    U+FFFD -1; averaged over the non-whitespace characters. Then multiplied by
    0.5 + 0.5 x a frequency score, min(1, (top + 1) / (0.2 x hanzi + 1)) where `top` counts
    hanzi among the ~100 most frequent: misdecoded bytes land on common hanzi, rarely on the
    most frequent ones (the +1 keeps short texts from being judged on a handful of characters).
    Whitespace-only or empty text scores 0.
    """
    sample = code_points(text[:SAMPLE])
    found = np.bincount(_CLASSES[sample], minlength=128).tolist()  # by class letter
    counts = {cls: found[ord(cls)] for cls in _WEIGHTS}
    n = len(sample) - found[ord(_WS)]
    if n <= 0:
        return 0.0
    base = max(0.0, sum(_WEIGHTS[c] * k for c, k in counts.items()) / n)
    hanzi = counts[_TOP] + counts[_HAN] + counts[_RARE_HAN]
    if not hanzi:
        return min(1.0, base)
    freq = min(1.0, (counts[_TOP] + _FREQ_PRIOR) / (_TOP_SHARE * hanzi + _FREQ_PRIOR))
    return min(1.0, base * (1 - _FREQ_WEIGHT + _FREQ_WEIGHT * freq))


# ---------------------------------------------------------------- binary sniffing
_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (  # (offset, signature, description)
    (0, b"\x89PNG\r\n\x1a\n", "PNG image data"),
    (0, b"\xff\xd8\xff", "JPEG image data"),
    (0, b"GIF87a", "GIF image data"),
    (0, b"GIF89a", "GIF image data"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "Zip archive data (zip, docx, xlsx, odt, epub...)"),
    (0, b"PK\x05\x06", "Zip archive data (empty)"),
    (0, b"PK\x07\x08", "Zip archive data (spanned)"),
    (0, b"\x1f\x8b", "gzip compressed data"),
    (0, b"BZh", "bzip2 compressed data"),  # confirmed by the block magic below
    (0, b"\xfd7zXZ\x00", "XZ compressed data"),
    (0, b"\x28\xb5\x2f\xfd", "Zstandard compressed data"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-zip archive data"),
    (0, b"Rar!\x1a\x07", "RAR archive data"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"MZ", "PE/DOS executable"),  # confirmed by a NUL in the header below
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound document (doc, xls, ppt)"),
    (0, b"SQLite format 3\x00", "SQLite 3 database"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O universal binary"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\x00asm", "WebAssembly binary"),
    (0, b"II*\x00", "TIFF image data"),
    (0, b"MM\x00*", "TIFF image data"),
    (0, b"\x00\x00\x01\x00", "ICO image data"),
    (0, b"OggS", "Ogg data"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"ID3", "MP3 audio (ID3)"),
    (0, b"RIFF", "RIFF data (WAV, AVI, WebP)"),
    (4, b"ftyp", "ISO media (MP4, MOV, HEIC)"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM data"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
)

_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _magic(data: bytes) -> str | None:
    for offset, sig, what in _MAGIC:
        if data[offset : offset + len(sig)] != sig:
            continue
        if sig == b"BZh" and data[4:10] != b"1AY&SY":
            continue
        if sig == b"MZ" and b"\x00" not in data[:64]:
            continue
        return what
    return None


def _control_rate(data: bytes) -> float:
    sample = data[:SAMPLE]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(1, len(sample))


# ---------------------------------------------------------------- candidates
@dataclass(frozen=True)
class _Candidate:
    codec: str
    text: str
    errors: int  # characters replaced by U+FFFD (0: strict decoding)
    score: float


_FAMILY = {  # charset-normalizer names -> the candidate codec they vote for
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5",
    "cp950": "big5",
    "big5hkscs": "big5",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
}


def _name(codec: str) -> str:
    return codecs.lookup(codec).name


def _replacements(data: bytes, text: str, codec: str) -> int:
    legit = data.count(codecs.encode("\ufffd", codec)) if codec.startswith("utf") else 0
    return text.count("\ufffd") - legit


def _candidate(data: bytes, codec: str, lenient: bool) -> _Candidate | None:
    """Decode strictly; failing that (if `lenient`), with U+FFFD for at most 1% of chars."""
    try:
        text = data.decode(codec)
        return _Candidate(codec, text, 0, plausibility(text))
    except UnicodeDecodeError:
        if not lenient:
            return None
    # one replacement is always allowed: a stray byte in a short file is damage too
    sample = data[:SAMPLE].decode(codec, "replace")  # cheap pre-check before the full pass
    if _replacements(data[:SAMPLE], sample, codec) - 1 > MAX_ERROR_RATE * len(sample):
        return None
    text = data.decode(codec, "replace")
    errors = _replacements(data, text, codec)
    if errors - 1 > MAX_ERROR_RATE * len(text):
        return None
    return _Candidate(codec, text, errors, plausibility(text))


def _candidates(data: bytes, codecs_: tuple[str, ...]) -> list[_Candidate]:
    found = []
    for codec in codecs_:
        if codec == "big5":  # big5, else its extensions, reported by their own names
            for variant in ("big5", "cp950", "big5hkscs"):
                if cand := _candidate(data, variant, lenient=False):
                    found.append(cand)
                    break
            else:
                if cand := _candidate(data, "big5", lenient=True):
                    found.append(cand)
        elif cand := _candidate(data, codec, lenient=True):
            found.append(cand)
    return sorted(found, key=lambda c: c.score, reverse=True)


def _normalizer_guess(data: bytes, isolate: list[str] | None = None) -> str | None:
    best = from_bytes(data, cp_isolation=isolate).best()
    return _name(best.encoding) if best is not None else None


def _confidence(
    cand: _Candidate, runner_up: float, cap: float = 1.0, plausible: bool = True
) -> float:
    """score x margin factor (1 from a 0.25 lead on the runner-up) x error factor.

    With `plausible=False` (a BOM decided) the score and margin are not counted. A lenient
    decoding loses 20x its replaced share and is capped at 0.9.
    """
    value = cand.score * min(1.0, 0.5 + 2 * (cand.score - runner_up)) if plausible else 1.0
    if cand.errors:
        value *= max(0.0, 1 - 20 * cand.errors / max(1, len(cand.text)))
        cap = min(cap, 0.9)
    return round(min(cap, value), 3)


def _choose(data: bytes, cands: list[_Candidate]) -> Decoded | None:
    """The most plausible candidate, near-ties settled by charset-normalizer."""
    if not cands or cands[0].score < THRESHOLD:
        return None
    best = cands[0]
    runner_up = cands[1].score if len(cands) > 1 else 0.0
    tied = [c for c in cands if best.score - c.score < TIE_MARGIN]
    if len(tied) > 1:
        guess = _normalizer_guess(data, [c.codec for c in tied])
        voted = [c for c in tied if guess and _FAMILY.get(guess, guess) == _FAMILY.get(c.codec)]
        if voted:
            best = voted[0]
            runner_up = max(c.score for c in cands if c is not best)
    return Decoded(best.text, _name(best.codec), _confidence(best, runner_up))


def _fallback(data: bytes, tried: list[_Candidate]) -> Decoded | None:
    """charset-normalizer's guess, accepted only when plausible (confidence <= 0.5)."""
    guess = _normalizer_guess(data)
    if guess is None or guess in {_name(c.codec) for c in tried}:
        return None
    try:
        cand = _candidate(data, guess, lenient=False)
    except LookupError:
        return None
    if cand is None or cand.score < THRESHOLD:
        return None
    return Decoded(cand.text, guess, _confidence(cand, 0.0, cap=0.5))


# ---------------------------------------------------------------- decode
def _text_control_rate(text: str) -> float:
    sample = text[:SAMPLE]
    encoded = sample.encode("utf-8", "surrogatepass")  # C0 bytes only ever encode C0 chars
    return (len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))) / max(1, len(sample))


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise Rejected("empty", f"only whitespace after decoding as {decoded.encoding}")
    if (lost := _lost_to_question_marks(decoded.text)) is not None:
        raise Rejected("text_lost", lost)
    return decoded


def _lost_to_question_marks(text: str) -> str | None:
    """Why `text` is lost, when an encoder without Chinese (Latin-1, ASCII) wrote every
    character as `?` before the file was saved: `?` are at least `LOST_QUESTION_SHARE`
    of the visible characters and no character is Han (`??????,????2022?10?17?`).
    None for any other text."""
    sample = text[:SAMPLE]
    marks = sample.count("?")
    if marks < LOST_QUESTION_MIN:
        return None
    visible = len(sample) - sum(map(sample.count, " \t\r\n"))
    if marks < LOST_QUESTION_SHARE * visible or _HAS_HAN.search(sample):
        return None
    return (
        f"{marks} of its {visible} visible characters are '?' and none is Chinese: the "
        "text was written in a code page without Chinese before the file was saved"
    )


def _decode_bom(data: bytes) -> Decoded | None:
    """The BOM's codec, unless the rest is not text in it (then sniff the whole file)."""
    for bom, codec in _BOMS:
        if not data.startswith(bom):
            continue
        body = data[len(bom) :]
        if not body.strip():
            raise Rejected("empty", f"only a {codec} byte order mark and whitespace")
        cand = _candidate(body, codec, lenient=True)
        if cand is None or _text_control_rate(cand.text) >= CONTROL_BINARY_RATE:
            return None
        if cand.errors and cand.score < THRESHOLD:
            return None
        return _checked(Decoded(cand.text, codec, _confidence(cand, 0.0, plausible=False)))
    return None


def _decode_hz(data: bytes, text: str) -> Decoded | None:
    """HZ (RFC 1843: GB2312 in 7-bit ASCII between `~{` and `~}`), when ASCII `text`
    holds such a stretch and decodes strictly to plausible Chinese."""
    if "~{" not in text or "~}" not in text or not text.isascii():
        return None
    cand = _candidate(data, "hz", lenient=False)
    if cand is None or cand.score < THRESHOLD or len(_HAS_HAN.findall(cand.text)) < 2:
        return None
    return Decoded(cand.text, "hz", _confidence(cand, 0.0))


MIXED_UTF8_SHARE = 0.5  # least share of a mixed file's non-ASCII bytes in UTF-8 lines
_ASCII_BYTES = bytes(range(0x80))


def _decode_mixed(data: bytes) -> Decoded | None:
    """A mostly UTF-8 file with some lines in another codec, each line decoded on its own;
    None unless the UTF-8 lines hold most of the non-ASCII bytes and every other line
    reads plausibly (or loses at most `MAX_ERROR_RATE` of the text to U+FFFD)."""
    lines = data.splitlines(keepends=True)
    utf8: list[str | None] = []
    utf8_bytes = other_bytes = 0
    for line in lines:  # first the cheap count: most files that fail UTF-8 are not mixed
        wide = len(line.translate(None, _ASCII_BYTES))
        try:
            utf8.append(line.decode("utf-8"))
            utf8_bytes += wide
        except UnicodeDecodeError:
            utf8.append(None)
            other_bytes += wide
    if utf8_bytes < MIXED_UTF8_SHARE * (utf8_bytes + other_bytes):
        return None
    parts: list[str] = []
    other = replaced = 0
    for line, text in zip(lines, utf8, strict=True):
        if text is not None:
            parts.append(text)
            continue
        best = max(
            (c for codec in ("gb18030", "big5") if (c := _candidate(line, codec, False))),
            key=lambda c: c.score,
            default=None,
        )
        if best is not None and best.score >= THRESHOLD and _HAS_HAN.search(best.text):
            parts.append(best.text)
            other += 1
        elif (inside := _words_inside(line)) is not None:
            parts.append(inside)
            other += 1
        else:
            text = line.decode("utf-8", "replace")
            replaced += text.count("\ufffd")
            parts.append(text)
    if not other:
        return None
    text = "".join(parts)
    if replaced > MAX_ERROR_RATE * len(text) or plausibility(text) < THRESHOLD:
        return None
    return Decoded(text, "utf-8", 0.8, other_lines=other)


_WIDE_RUN = re.compile(rb"(?:[\x81-\xfe][\x40-\x7e]|[\x80-\xff])+")
"""Bytes outside ASCII, with the ASCII byte after a possible GBK or Big5 lead byte (their
second byte may be ASCII: 誤 is D5 60)."""
_WORD = re.compile(f"[{HAN}\u3000-\u303f\uff01-\uff5e\u2014\u2018-\u201d\u2026]+")
_SPLIT_REACH = 3  # characters before the first and after the last unreadable byte tried
_SPLIT_DEPTH = 3  # times a run is cut to read its stretches apart


def _words_inside(line: bytes) -> str | None:
    """A UTF-8 line with words in GB18030 or Big5 inside it (a field from a GBK database
    in a UTF-8 page): each run of non-ASCII bytes UTF-8 cannot read is read as UTF-8
    around one stretch in the other codec, the split the word model likes best; None
    when a run has no such reading."""
    parts, pos = [], 0
    for match in _WIDE_RUN.finditer(line):
        run = match.group()
        parts.append(line[pos : match.start()].decode("utf-8"))
        pos = match.end()
        try:
            parts.append(run.decode("utf-8"))
        except UnicodeDecodeError:
            if (text := _split_run(run)) is None:
                return None
            parts.append(text)
    parts.append(line[pos:].decode("utf-8"))
    return "".join(parts)


def _is_words(text: str) -> bool:
    """True when `text` is Chinese with a dictionary word of two characters or more in
    it: what a field from another codec holds, and not what a UTF-8 character that lost a
    byte reads as (one character, or two that make no word)."""
    from zhclean.repair.lm import model

    if not _WORD.fullmatch(text) or plausibility(text) < THRESHOLD:
        return False
    lm = model()
    return any(len(word) > 1 and lm.is_word(word) for word in lm.segment(text))


def _split_run(run: bytes, depth: int = 0) -> str | None:
    """`run` read as UTF-8 around stretches of GB18030 or Big5 that hold every byte UTF-8
    cannot read (one stretch, else cut inside the longest UTF-8 between them, at most
    `_SPLIT_DEPTH` times), the reading the word model likes best; None when some stretch
    reads as no Chinese words."""
    from zhclean.repair.lm import model

    chars = run.decode("utf-8", "surrogateescape")
    bad = [i for i, c in enumerate(chars) if "\udc80" <= c <= "\udcff"]
    if not bad:
        return chars
    ends = [0]
    for c in chars:
        ends.append(ends[-1] + len(c.encode("utf-8", "surrogateescape")))
    first, last = bad[0], bad[-1]
    lo, hi = first, last + 1  # the stretch may take in what UTF-8 misread, never Chinese
    while lo > max(0, first - _SPLIT_REACH) and not _WORD.match(chars[lo - 1]):
        lo -= 1
    while hi < min(len(chars), last + 1 + _SPLIT_REACH) and not _WORD.match(chars[hi]):
        hi += 1
    readings = []
    for i in ends[lo : first + 1]:
        for j in ends[last + 1 : hi + 1]:
            for codec in ("gb18030", "big5"):
                try:
                    inside = run[i:j].decode(codec)
                    text = run[:i].decode("utf-8") + inside + run[j:].decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if _is_words(inside):
                    readings.append(text)
    if readings:
        return max(readings, key=model().score)
    gaps = [(b - a, a, b) for a, b in pairwise(bad) if b - a > _SPLIT_REACH]
    if depth >= _SPLIT_DEPTH or not gaps:
        return None
    _, a, b = max(gaps)
    cut = ends[(a + b + 1) // 2]
    left = _split_run(run[:cut], depth + 1)
    right = _split_run(run[cut:], depth + 1) if left is not None else None
    return None if right is None else left + right


_LOST_MARK = re.compile(rb"\?|\x84\x31\xa4\x37")
"""What an editor writes for a U+FFFD it cannot save: `?` in GBK, U+FFFD's own bytes in
GB18030."""
_UNREADABLE = re.compile("[\udc80-\udcff]+")
_EDGE = 3  # bytes of a character that a lost byte cut off on either side
SAVED_UTF8_SHARE = 0.5  # least share of non-ASCII bytes in whole UTF-8 characters


def _saved_mojibake(data: bytes) -> Decoded | None:
    """UTF-8 text once misread as GBK and saved in GBK or GB18030: the GBK reading lost a
    byte here and there (U+FFFD, saved as `?`), so the file is UTF-8 but at those marks.
    Read as GB18030 (the codec of the bytes) it is mojibake that the repair stage undoes,
    choosing each lost byte by the word model; None for any other file."""
    if not _LOST_MARK.search(data):
        return None
    whole = cut = 0
    for piece in _LOST_MARK.split(data):
        chars = piece.decode("utf-8", "surrogateescape")
        for run in _UNREADABLE.finditer(chars):  # only a character the mark cut in two
            if run.start() > 0 and run.end() < len(chars):
                return None
            cut += run.end() - run.start()
        whole += len(piece.translate(None, _ASCII_BYTES))
    if whole - cut < SAVED_UTF8_SHARE * whole:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    utf8 = data.decode("utf-8", "replace")
    if not _HAS_HAN.search(utf8) or plausibility(utf8.replace("\ufffd", "")) < THRESHOLD:
        return None
    return Decoded(text, "gb18030", 0.5)


def _rank(data: bytes, codecs_: tuple[str, ...]) -> tuple[Decoded | None, list[_Candidate]]:
    cands = _candidates(data, codecs_)
    for cand in cands:
        if not cand.errors and not cand.text.strip():
            raise Rejected("empty", f"only whitespace after decoding as {_name(cand.codec)}")
    return _choose(data, cands), cands


def decode(data: bytes) -> Decoded:
    """Decode a raw file's bytes, or raise `Rejected` (empty, binary, undecodable)."""
    if not data.strip():
        what = "0 bytes" if not data else f"{len(data)} bytes of whitespace only"
        raise Rejected("empty", what)
    if (bom := _decode_bom(data)) is not None:
        return bom
    if (what := _magic(data)) is not None:
        raise Rejected("binary", what)
    if b"\x00" in data:
        if not data.strip(b"\x00"):
            raise Rejected("binary", f"{len(data)} NUL bytes only")
        chosen, _ = _rank(data, ("utf-16-le", "utf-16-be"))
        if chosen is not None:
            return _checked(chosen)
        nuls = data.count(0)
        if nuls > max(STRAY_NULS, len(data) * STRAY_NUL_RATE):
            raise Rejected("binary", f"{nuls} NUL bytes in {len(data)} and not UTF-16 text")
        # a few stray NULs in text: decode as usual; the repair stage drops them
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" not in data and (mixed := _decode_mixed(data)) is not None:
            return _checked(mixed)
    else:  # many control bytes: rank it with the others (short UTF-16 without NUL...)
        if (hz := _decode_hz(data, text)) is not None:
            return _checked(hz)
        if _control_rate(data) < CONTROL_BINARY_RATE:
            return _checked(Decoded(text, "utf-8", 1.0))
    chosen, cands = _rank(data, ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be"))
    chosen = chosen or _saved_mojibake(data) or _fallback(data, cands)
    if chosen is not None:
        return _checked(chosen)
    if (rate := _control_rate(data)) >= CONTROL_BINARY_RATE:
        raise Rejected("binary", f"{rate:.0%} control bytes and no text encoding fits")
    if cands:
        guess = f"best guess {cands[0].codec} at {cands[0].score:.0%} plausible"
    else:
        guess = f"none decodes with at most {MAX_ERROR_RATE:.0%} of characters replaced"
    raise Rejected("undecodable", f"no plausible decoding (tried {_TRIED}); {guess}")
