"""Text saved still escaped: JSON `\\uXXXX`, Python bytes literals, quoted-printable.

Scrapers save what an API or a debug print gave them: a JSON string
(`\\u5173\\u4e8e\\u505a\\u597d`), the repr of undecoded bytes
(`b'\\xe5\\x85\\xb3\\xe4\\xba\\x8e'`, UTF-8 or GBK), or an e-mail body in
quoted-printable (`=E5=85=B3=E4=BA=8E`, lines cut with a soft break `=`). Each is
decoded back to its text; nothing else is touched:

- JSON: a line holding at least two escapes of non-ASCII characters, and no other
  non-ASCII character unless two escapes stand together (`汉字（\\u4e00-\\u9fa5）` is
  a text about them), has its JSON escapes decoded (`\\n`, `\\"` and `\\\\` with
  them); a surrogate pair is one character, a lone surrogate U+FFFD. A line escaped
  twice is decoded twice.
- bytes: a `b'…'` literal, or (in an ASCII line) a run of `\\xHH` escapes with
  printable ASCII between them, whose bytes hold at least two non-ASCII ones and
  decode strictly as UTF-8 (a character cut off at the end becomes U+FFFD), else as
  GB18030 or Big5 into plausible Chinese.
- quoted-printable: an ASCII text whose `=HH` runs (soft line breaks joined) decode
  that way with at least four non-ASCII bytes among them is quoted-printable: its soft
  line breaks are joined and every `=HH` run decoded.

A Windows path (`C:\\new`), `x=3D` or `\\u00e9` alone stay as they are.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable

from zhclean.decode import THRESHOLD, plausibility
from zhclean.repair.chars import LOST

MAX_LEVELS = 3  # escaped at most this many times over
MIN_ESCAPES = 2  # non-ASCII escapes that show a line (or text) is escaped
MIN_QP_BYTES = 4  # non-ASCII bytes in decodable `=HH` runs that show quoted-printable

_JSON_WIDE = re.compile(
    r"\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})"
)
_JSON_RUN = re.compile(rf"(?:{_JSON_WIDE.pattern}){{{MIN_ESCAPES},}}")
_JSON_TOKEN = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"  # a surrogate pair
    r"|\\u([0-9a-fA-F]{4})|\\([nrt\"\\/])"
)
_JSON_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}

_BYTE_ESCAPE = r"\\x[0-9a-fA-F]{2}|\\[nrt'\"\\]"  # what repr() writes in bytes
_BYTES_LITERAL = re.compile(
    rf"""\bb(?:'((?:[^'\\\n]|{_BYTE_ESCAPE})*)'|"((?:[^"\\\n]|{_BYTE_ESCAPE})*)")"""
)
_BYTE_RUN = re.compile(
    r"\\x[0-9a-fA-F]{2}(?:(?:[\x20-\x5b\x5d-\x7e]|\\[nrt'\"\\])*\\x[0-9a-fA-F]{2})*"
)
_HIGH_BYTE_ESCAPE = re.compile(r"\\x[89a-fA-F][0-9a-fA-F]")

_QP_HIGH = re.compile(r"=[89A-F][0-9A-F]")
_QP_RUN = re.compile(r"(?:=[0-9A-F]{2})+")
_QP_SOFT_BREAK = re.compile(r"=[ \t]*\r?\n")


def text_of(data: bytes) -> str | None:
    """The text `data` (with at least two non-ASCII bytes) encodes: strict UTF-8 (a
    character cut off at the very end as U+FFFD), else GB18030 or Big5 when the text is
    plausible Chinese; None when it is none of them."""
    if sum(b >= 0x80 for b in data) < MIN_ESCAPES:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and len(data) - error.start < 4:
            return data[: error.start].decode("utf-8", "replace") + LOST
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= THRESHOLD:
            return text
    return None


def _by_line(text: str, fix: Callable[[str], tuple[str, int]]) -> tuple[str, int]:
    if "\n" not in text:
        return fix(text)
    total, out = 0, []
    for line in text.split("\n"):
        line, found = fix(line)
        out.append(line)
        total += found
    return "\n".join(out), total


def _json_line(line: str) -> tuple[str, int]:
    """Decode the JSON escapes of a line that holds at least two wide ones."""
    found = 0
    if not line.isascii() and not _JSON_RUN.search(
        line
    ):  # 汉字（\u4e00-\u9fa5）: a text about them
        return line, 0
    for _ in range(MAX_LEVELS):
        if len(_JSON_WIDE.findall(line)) < MIN_ESCAPES:
            break

        def one(m: re.Match[str]) -> str:
            nonlocal found
            if m.group(4):
                return _JSON_SIMPLE[m.group(4)]
            found += 1
            if m.group(1):
                high, low = int(m.group(1), 16), int(m.group(2), 16)
                return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            code = int(m.group(3), 16)
            return LOST if 0xD800 <= code <= 0xDFFF else chr(code)

        quoted = len(line) > 1 and line[0] == line[-1] == '"' and line[-2] != "\\"
        line = _JSON_TOKEN.sub(one, line[1:-1] if quoted else line)
    return line, found


def _escaped_bytes(escaped: str) -> str | None:
    """The text behind a bytes literal's content, or None."""
    if not escaped.isascii():
        return None
    try:
        data = codecs.escape_decode(escaped.encode("ascii"))[0]
    except ValueError:
        return None
    return text_of(data) if isinstance(data, bytes) else None


def _bytes_line(line: str) -> tuple[str, int]:
    """Decode the bytes literals and `\\xHH` runs of a line."""
    if len(_HIGH_BYTE_ESCAPE.findall(line)) < MIN_ESCAPES:
        return line, 0
    found = 0

    def one(m: re.Match[str]) -> str:
        nonlocal found
        escaped = m.group() if m.re is _BYTE_RUN else (m.group(1) or m.group(2) or "")
        text = _escaped_bytes(escaped)
        if text is None:
            return m.group()
        found += 1
        return text

    line = _BYTES_LITERAL.sub(one, line)
    return (_BYTE_RUN.sub(one, line) if line.isascii() else line), found


def _quoted_printable(text: str) -> tuple[str, int]:
    """Decode a quoted-printable text: soft line breaks joined, `=HH` runs decoded."""
    if not text.isascii() or len(_QP_HIGH.findall(text)) < MIN_QP_BYTES:
        return text, 0
    joined = _QP_SOFT_BREAK.sub("", text)
    decodable = [m.group() for m in _QP_RUN.finditer(joined) if _qp_text(m.group()) is not None]
    if sum(len(_QP_HIGH.findall(run)) for run in decodable) < MIN_QP_BYTES:
        return text, 0
    found = 0

    def one(m: re.Match[str]) -> str:
        nonlocal found
        data = bytes.fromhex(m.group().replace("=", ""))
        decoded = data.decode("ascii") if data.isascii() else _qp_text(m.group())
        if decoded is None:
            return m.group()
        found += 1
        return decoded

    return _QP_RUN.sub(one, joined), found


def _qp_text(run: str) -> str | None:
    return text_of(bytes.fromhex(run.replace("=", "")))


def fix_escapes(text: str) -> tuple[str, Counter[str]]:
    """Decode JSON escapes, Python bytes literals and quoted-printable in `text` (a
    whole file's text or one line); count the escapes or runs decoded, by kind."""
    counts: Counter[str] = Counter()
    if "\\" in text:
        text, counts["json_escapes"] = _by_line(text, _json_line)
        text, counts["byte_escapes"] = _by_line(text, _bytes_line)
    if "=" in text:
        text, counts["quoted_printable"] = _quoted_printable(text)
    return text, +counts
