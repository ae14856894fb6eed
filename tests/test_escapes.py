"""Text saved still escaped (JSON, Python bytes literals, quoted-printable): exact
strings, and text that only looks escaped."""

from __future__ import annotations

import hashlib

import pytest

from zhclean.pipeline import Config, clean_lines, process_data
from zhclean.repair.escapes import fix_escapes

FIXED = [
    # JSON: a string literal (its quotes go), a value inside an object, newlines, pairs
    (r'"\u5173\u4e8e\u505a\u597d"', "关于做好", {"json_escapes": 4}),
    (
        r'{"title": "\u901a\u77e5", "id": 7}',
        '{"title": "通知", "id": 7}',
        {"json_escapes": 2},
    ),
    (r"\u7b2c\u4e00\u6bb5\n\u7b2c\u4e8c\u6bb5", "第一段\n第二段", {"json_escapes": 6}),
    (r"\u4ed6\u8bf4\uff1a\"\u597d\"", '他说："好"', {"json_escapes": 4}),
    (r"\u7b11\ud83d\ude00\u54ed", "笑\U0001f600哭", {"json_escapes": 3}),
    (r"\u7b11\ud83d\u54ed", "笑\ufffd哭", {"json_escapes": 3}),  # a lone surrogate
    (r"\\u5173\\u4e8e", "关于", {"json_escapes": 2}),  # escaped twice
    (r"caf\u00e9 \u00e8", "café è", {"json_escapes": 2}),
    # Python bytes literals: UTF-8, GBK, inside a line, a bare run with ASCII between
    (r"b'\xe5\x85\xb3\xe4\xba\x8e'", "关于", {"byte_escapes": 1}),
    (r"b'\xb9\xd8\xd3\xda'", "关于", {"byte_escapes": 1}),
    (r'正文：b"\xe9\x80\x9a\xe7\x9f\xa5\n"。', "正文：通知\n。", {"byte_escapes": 1}),
    (r"\xe5\x85\xb3\xe4\xba\x8e2022\xe5\xb9\xb4", "关于2022年", {"byte_escapes": 1}),
    (r"\xe5\x85\xb3\xe4\xba", "关\ufffd", {"byte_escapes": 1}),  # cut off in 于
    # quoted-printable, a soft line break inside 于's bytes
    ("=E5=85=B3=E4=BA=\n=8E=E9=80=9A=E7=9F=A5 a=3Db", "关于通知 a=b", {"quoted_printable": 2}),
]

KEPT = [
    r"C:\new\table\u.txt",  # a Windows path
    r"\u5173 one wide escape",
    r"姓名栏只能填写汉字（\u4e00-\u9fa5），不得含有空格。",  # a text about escapes
    r"正则 \xe5\x85 匹配",  # a byte run in a line that is no bytes repr
    r"b'\x89PNG\r\n'",  # one non-ASCII byte
    r"b'\x00\x01\xff\xfe'",  # not text in any codec
    r"\xff\xfe\xff\xfe",
    "x=3D1, y=E5",
    "单价=E5型号",
    "通知：\\n 和 \\t 是转义符",
    "",
]


@pytest.mark.parametrize(("damaged", "expected", "counts"), FIXED)
def test_escapes_are_decoded(damaged: str, expected: str, counts: dict) -> None:
    assert fix_escapes(damaged) == (expected, counts)


@pytest.mark.parametrize("text", KEPT)
def test_text_that_only_looks_escaped_is_kept(text: str) -> None:
    assert fix_escapes(text) == (text, {})


def test_only_the_escaped_line_is_decoded() -> None:
    text = "路径 C:\\new\\data\n" + r'"\u5173\u4e8e\n\u901a\u77e5"'
    assert fix_escapes(text) == ("路径 C:\\new\\data\n关于\n通知", {"json_escapes": 4})


def test_a_json_escaped_file_gives_its_document() -> None:
    body = r"\u5404\u57fa\u5c42\u515a\u7ec4\u7ec7\uff1a\u8981\u52a0\u5f3a\u5b66\u4e60\u3002"
    data = ('"' + r"\u5173\u4e8e\u505a\u597d\u5b66\u4e60\u7684\u901a\u77e5\n" + body + '"').encode()
    docs, reject, _ = process_data("a.json", data, hashlib.sha256(data).hexdigest(), Config())
    assert reject is None
    [doc] = docs
    assert doc["title"] == "关于做好学习的通知"
    assert doc["text"] == "各基层党组织：要加强学习。"
    assert {"kind": "json_escapes", "count": 22} in doc["repairs"]


def test_a_quoted_printable_file_in_gbk_is_joined_and_decoded() -> None:
    # 关于通知 in GBK, quoted-printable, a soft break after each character
    text = "=B9=D8=\n=D3=DA=\n=CD=A8=\n=D6=AA\n"
    [line] = [x for x in clean_lines(text, "hans") if x.text]
    assert line.text == "关于通知"
