"""Hypothesis strategies: generated documents of heading-like and paragraph-like lines."""

import re

from hypothesis import strategies as st

HAN = re.compile(r"[\u4e00-\u9fff]")
_phrase = st.text(alphabet="组织工作干部学习作风建设党员群众服务创新发展", min_size=2, max_size=12)
_marker = st.sampled_from(
    [
        "一、",
        "二、",
        "（一）",
        "（二）",
        "1、",
        "2.",
        "3．",
        "（1）",
        "(2)",
        "第一，",
        "第二、",
        "第一部分",
        "第二章 ",
        "第三句话：",
        "①",
        "一是",
        "二要",
        "问：",
        "",
    ]
)
_heading_like = st.builds(
    lambda m, p, end: m + p + end, _marker, _phrase, st.sampled_from(["", "", "。", "？", "："])
)
_clause = st.builds(
    lambda p, sep: p + sep,
    _phrase,
    st.sampled_from(
        [
            "，",
            "；",
            "：",
            "、",
            "。",
            "！",
            "？",
            "……",
            "。”",
            "？”",
            "）",
            "1.8亿",
            "3。5",
            " e.g. ",
        ]
    ),
)
_paragraph = st.builds(
    lambda m, cs, end, pad: pad + m + "".join(cs) + end + pad,
    _marker,
    st.lists(_clause, min_size=1, max_size=8),
    st.sampled_from(["。", "！", "？”", "……", "", "，", "。 "]),
    st.sampled_from(["", "", " ", "\u3000"]),
)
_noise = st.text(alphabet="组织。！？，“”（）… \u30001.a", max_size=15)
_line = st.one_of(_heading_like, _paragraph, _paragraph, st.just("同志们："), _noise)
documents = st.lists(_line, max_size=25).map("\n".join)


# --- documents built from parts, with the structure they were built with -----------------

_WORDS = "组织工作干部学习作风建设党员群众服务创新发展基层能力素质政治思想"
_text = st.text(alphabet=_WORDS, min_size=2, max_size=10)
_CN = "一二三四五六七八九十"

# One numbering style per level: (marker for the k-th heading, 1-based); level 1 varies
_TOP_MARKERS = [
    lambda k: f"{_CN[k - 1]}、",
    lambda k: f"第{_CN[k - 1]}，",
    lambda k: f"第{_CN[k - 1]}部分 ",
    lambda k: f"第{_CN[k - 1]}句话：",
]
_SUB_MARKERS = [
    lambda k: f"（{_CN[k - 1]}）",
    lambda k: f"{k}、",
    lambda k: f"（{k}）",
]
_ARABIC_DOT = lambda k: f"{k}."  # noqa: E731  (level 3 written 1. instead of 1、)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """One sentence: clauses, then an end, in the shapes the sentence rules cover."""
    a, b = draw(_text), draw(_text)
    shape = draw(
        st.sampled_from(
            [
                "plain",
                "clauses",
                "quote_after_stop",
                "stop_inside_quote",
                "question_in_quote",
                "ellipsis",
                "ellipsis_in_quote",
                "decimal",
                "latin",
                "bracketed",
                "enumeration",
            ]
        )
    )
    end = draw(st.sampled_from(["。", "！", "？", "！？", "……"]))
    return {
        "plain": f"{a}{end}",
        "clauses": f"{a}，{b}；{a}、{b}{end}",
        "quote_after_stop": f"“{a}，{b}”。",
        "stop_inside_quote": f"{a}说：“{b}。”",
        "question_in_quote": f"{a}问：“{b}？！”",
        "ellipsis": f"{a}、{b}……",
        "ellipsis_in_quote": f"{a}：“{b}……”",
        "decimal": f"{a}增长1.8亿元，达到3.5%{end}",
        "latin": f"借鉴U.S.和e.g.{a}的经验{end}",
        "bracketed": f"（{a}{b}。）",
        "enumeration": f"{a}：一是{b}；二是{a}{end}",
    }[shape]


_paragraph_sentences = st.lists(_sentence(), min_size=2, max_size=4)


@st.composite
def _list_block(draw: st.DrawFn, item_markers: list) -> list[tuple[str, list[str]]]:
    """An intro ending in ：, then numbered items one a line (the last may end in 。):
    body lines, not headings."""
    marker = draw(st.sampled_from(item_markers))
    intro = draw(_text) + "主要有以下几点："
    items = draw(st.lists(_text, min_size=2, max_size=4))
    lines = [(intro, [intro])]
    for k, item in enumerate(items, start=1):
        line = f"{marker(k)}{item}{'。' if k == len(items) else '；'}"
        lines.append((line, [line]))
    return lines


@st.composite
def _body(draw: st.DrawFn, item_markers: list) -> list[tuple[str, list[str]]]:
    """Body lines of a section, each with its sentences: paragraphs, maybe a list."""
    paragraphs = draw(st.lists(_paragraph_sentences, min_size=1, max_size=3))
    lines = [("".join(s), s) for s in paragraphs]
    if draw(st.booleans()):
        lines[len(lines) // 2 : len(lines) // 2] = draw(_list_block(item_markers))
    return lines


@st.composite
def structured_documents(draw: st.DrawFn) -> tuple[str, list, list[str]]:
    """(text, [(heading, level, parent_index)], sentences) of a document built from parts.

    An opening (a salutation, paragraphs) or none, then a tree of numbered headings,
    each followed by body lines; levels use one numbering style each, highest first.
    """
    lines: list[str] = []
    sentences: list[str] = []
    sections: list[tuple[str | None, int, int | None]] = []
    top = draw(st.sampled_from(_TOP_MARKERS))
    sub = list(_SUB_MARKERS)
    if draw(st.booleans()):
        sub[1] = _ARABIC_DOT
    markers = [top, *sub]
    depth = draw(st.integers(min_value=1, max_value=len(markers)))
    # list items numbered in a style no heading uses: ①, or one below the deepest level
    items = [lambda k: chr(0x245F + k), *markers[depth:]]
    opening = []
    if draw(st.booleans()):
        opening.append(("同志们：", ["同志们："]))
    if draw(st.booleans()):
        opening += draw(_body(items))
    if opening:
        sections.append((None, 0, None))
    for line, found in opening:
        lines.append(line)
        sentences += found

    def emit(level: int, parent: int | None) -> None:
        for k in range(1, draw(st.integers(min_value=1, max_value=3)) + 1):
            heading = markers[level - 1](k) + draw(_text)
            if draw(st.booleans()) and markers[level - 1] is not _TOP_MARKERS[3]:
                heading += "？"
            index = len(sections)
            sections.append((heading, level, parent))
            lines.append(heading)
            for line, found in draw(_body(items)):
                lines.append(line)
                sentences.extend(found)
            if level < depth and draw(st.booleans()):
                emit(level + 1, index)

    emit(1, None)
    return "\n".join(lines), sections, sentences


# --- raw inputs of every hostile class (bytes), and damaged lines (text) ------------------

_PHRASES = [
    "组织部门是党员之家，也是干部之家。",
    "組織部門建設要堅持黨的領導。",
    "时间:2022-10-17 来源:新华网",
    "优(yōu)化营商环境?wù)`",
    "鍙傝€冩枃鐚",  # UTF-8 read as GBK
    "ÈçºÎ",  # GBK read as cp1252
    "一、总体要求\n（一）指导思想",
    "２０２２年，ＧＤＰ增长５．２％",
    "同志们：",
]
_CODEC = st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "cp950", "utf-16-le", "utf-16-be"])
_chinese = st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6).map("\n".join)
_CONTROLS = "".join(map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA0)])) + "\u2028\u2029\ufeff"

BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""What `zhclean.pipeline.clean_lines` splits lines at, before repairing each."""
damaged_lines = st.text(
    alphabet=st.one_of(
        st.sampled_from(sorted(set("".join(_PHRASES)) - set(BREAKS))),
        st.sampled_from([*sorted(set(_CONTROLS) - set(BREAKS)), "\ufffd", "?"]),
        st.characters(codec="utf-8", exclude_characters=BREAKS),
    ),
    max_size=80,
)
"""One line of text (no line break) mixing Chinese, mojibake, pinyin, punctuation,
control characters, U+FFFD and any other code point (no lone surrogate: decoded text
never holds one)."""


@st.composite
def _truncated(draw: st.DrawFn) -> bytes:
    """Multibyte text cut in the middle of a character, or with bytes dropped inside."""
    data = draw(_chinese).encode(draw(_CODEC), "replace")
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    if draw(st.booleans()):
        return data[:cut]
    return data[:cut] + data[cut + draw(st.integers(min_value=1, max_value=3)) :]


@st.composite
def _mixed(draw: st.DrawFn) -> bytes:
    """Lines in different encodings in one file."""
    parts = draw(st.lists(st.tuples(_chinese, _CODEC), min_size=2, max_size=5))
    return b"\n".join(text.encode(codec, "replace") for text, codec in parts)


@st.composite
def _huge_line(draw: st.DrawFn) -> bytes:
    """A line of about 100k characters (no line break), in one encoding."""
    unit = draw(st.sampled_from(_PHRASES)).replace("\n", "")
    text = draw(st.sampled_from(["", "标题\n"])) + unit * (100_000 // len(unit))
    return text.encode(draw(st.sampled_from(["utf-8", "gb18030", "big5"])), "replace")


@st.composite
def _with_nuls(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(_chinese).encode(draw(_CODEC), "replace"))
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        data.insert(draw(st.integers(min_value=0, max_value=len(data))), 0)
    return bytes(data)


@st.composite
def _utf16_lone_surrogates(draw: st.DrawFn) -> bytes:
    """UTF-16 (with or without BOM) holding unpaired surrogates."""
    chars = list(draw(_chinese))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        surrogate = chr(draw(st.integers(min_value=0xD800, max_value=0xDFFF)))
        chars.insert(draw(st.integers(min_value=0, max_value=len(chars))), surrogate)
    codec = draw(st.sampled_from(["utf-16-le", "utf-16-be"]))
    bom = draw(st.sampled_from([b"", "\ufeff".encode(codec)]))
    return bom + "".join(chars).encode(codec, "surrogatepass")


@st.composite
def _controls(draw: st.DrawFn) -> bytes:
    chars = list(draw(_chinese))
    for _ in range(draw(st.integers(min_value=1, max_value=20))):
        at = draw(st.integers(min_value=0, max_value=len(chars)))
        chars.insert(at, draw(st.sampled_from(_CONTROLS)))
    return "".join(chars).encode(draw(st.sampled_from(["utf-8", "gb18030"])), "replace")


RAW_CLASSES = {
    "random bytes": st.binary(max_size=2000),
    "truncated multibyte": _truncated(),
    "mixed encodings": _mixed(),
    "NUL bytes": _with_nuls(),
    "UTF-16 lone surrogates": _utf16_lone_surrogates(),
    "control characters": _controls(),
}
"""Raw file contents by input class (huge lines apart: `huge_lines`, slow to clean)."""
huge_lines = _huge_line()
raw_inputs = st.one_of(*RAW_CLASSES.values())
