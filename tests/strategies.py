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
