"""Tests for zhclean.decode: codec choice on real Chinese text, and the reject rules."""

from __future__ import annotations

import codecs
import gzip
import random
import re
from pathlib import Path

import pytest
from charset_normalizer import from_bytes

from zhclean.decode import decode, plausibility
from zhclean.model import Rejected

RAW = Path(__file__).resolve().parent.parent / "raw"
SEEDS = sorted(RAW.glob("*.txt"))

# Excerpts of the seeds: raw/001 (Simplified) and raw/004 (Traditional, pinyin notes dropped).
SIMPLIFIED = (
    "以思想的大解放开创组织工作新局面\n"
    "作为党委的重要职能部门，必须站在全局和时代的高度，在解放思想中统一思想。\n"
)
TRADITIONAL = "組織部門是“黨員之家、干部之家、人才之家”。"
TRADITIONAL_LINES = (
    "組織部門是“黨員之家、干部之家、人才之家”。\n"
    "“家風正則賢才出，門風好則兒女善”。組織部門的“家風門風”，核心就是公道正派。\n"
)
# One short line each; charset-normalizer 3.5.2 (uv.lock) gets every one of these wrong.
SHORT = [
    ("了解干部要经常,考核干部在平时。", "gbk", "gb18030"),
    ("時間:2022-10-17 10", "gbk", "gb18030"),
    ("二是“導向性激勵”,領導干部體會", "big5", "big5"),
    ("責編/肖楠 美編/石玉", "big5", "big5"),
]
# A valid 1x1 RGBA PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201ad1ec2f1"
    "0000000049454e44ae426082"
)
PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def big5_encodable(path: Path) -> str:
    """The seed without pinyin notes and without the few characters Big5 lacks (恒...)."""
    text = PINYIN_NOTE.sub("", path.read_text(encoding="utf-8"))
    return "".join(c for c in text if c.encode("big5", "ignore"))


def rejected(data: bytes) -> Rejected:
    with pytest.raises(Rejected) as info:
        decode(data)
    return info.value


# ---------------------------------------------------------------- UTF-8 and BOMs
def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_files_are_utf8(path: Path) -> None:
    data = path.read_bytes()
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.confidence == 1.0
    assert decoded.text == data.decode("utf-8")


def test_utf8_bom_is_stripped() -> None:
    decoded = decode(codecs.BOM_UTF8 + TRADITIONAL_LINES.encode("utf-8"))
    assert (decoded.encoding, decoded.text, decoded.confidence) == ("utf-8", TRADITIONAL_LINES, 1.0)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    bom = "\ufeff".encode(codec)
    decoded = decode(bom + SIMPLIFIED.encode(codec))
    assert (decoded.encoding, decoded.text, decoded.confidence) == (codec, SIMPLIFIED, 1.0)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL_LINES, TRADITIONAL])
def test_utf16_without_bom(codec: str, text: str) -> None:
    data = text.encode(codec)
    assert (b"\x00" in data) == ("\n" in text)  # NUL path and no-NUL path both covered
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == (codec, text)
    assert decoded.confidence >= 0.9


def test_mojibake_in_utf8_is_still_utf8() -> None:
    # The bytes are UTF-8; the repair stage, not decode, fixes what they say.
    decoded = decode("缁勭粐閮ㄩ棬鏄厷鍛樹箣瀹".encode())
    assert (decoded.encoding, decoded.confidence) == ("utf-8", 1.0)
    assert decoded.text == "缁勭粐閮ㄩ棬鏄厷鍛樹箣瀹"


def test_mz_prefix_without_nul_is_text() -> None:
    assert decode("MZ是一个缩写。".encode()).encoding == "utf-8"


# ---------------------------------------------------------------- legacy Chinese codecs
@pytest.mark.parametrize("codec", ["gb2312", "gbk", "gb18030"])
def test_simplified_gb_family_is_gb18030(codec: str) -> None:
    decoded = decode(SIMPLIFIED.encode(codec))
    assert (decoded.encoding, decoded.text) == ("gb18030", SIMPLIFIED)
    assert decoded.confidence >= 0.9


@pytest.mark.parametrize("text", [TRADITIONAL, TRADITIONAL_LINES])
def test_traditional_big5(text: str) -> None:
    decoded = decode(text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", text)
    assert decoded.confidence >= 0.9


@pytest.mark.parametrize("text", [TRADITIONAL, TRADITIONAL_LINES])
def test_traditional_gbk_is_gb18030(text: str) -> None:
    decoded = decode(text.encode("gbk"))
    assert (decoded.encoding, decoded.text) == ("gb18030", text)
    assert decoded.confidence >= 0.9


def test_big5_bytes_that_also_decode_as_gbk_prefer_big5() -> None:
    data = TRADITIONAL.encode("big5")
    garbage = data.decode("gb18030")  # strictly valid GBK too: the trap
    assert garbage != TRADITIONAL
    assert plausibility(TRADITIONAL) - plausibility(garbage) > 0.3
    assert decode(data).text == TRADITIONAL


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_whole_seeds_in_gbk(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decoded = decode(text.encode("gbk"))
    assert (decoded.encoding, decoded.text, decoded.confidence) == ("gb18030", text, 1.0)


@pytest.mark.parametrize("name", ["000", "002", "004"])
def test_whole_traditional_seeds_in_big5(name: str) -> None:
    (path,) = RAW.glob(f"{name}_*.txt")
    text = big5_encodable(path)
    decoded = decode(text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", text)
    assert decoded.confidence >= 0.95


@pytest.mark.parametrize(("text", "codec", "expected"), SHORT)
def test_short_lines(text: str, codec: str, expected: str) -> None:
    data = text.encode(codec)
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == (expected, text)
    assert 0.5 <= decoded.confidence <= 1.0
    # Why charset-normalizer is only a tie-breaker: alone it misreads these lines.
    guess = from_bytes(data).best()
    assert guess is None or str(guess) != text


def test_exact_tie_is_settled_by_charset_normalizer_with_low_confidence() -> None:
    data = "提高機關".encode("big5")
    assert data.decode("gb18030") == "矗蔼诀闽"  # also common hanzi: four characters can't tell
    assert plausibility("提高機關") == plausibility("矗蔼诀闽")
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == ("big5", "提高機關")
    assert decoded.confidence < 0.5


def test_line_endings_are_untouched() -> None:
    text = "第一行\r\n第二行\r第三行\n\n"
    assert decode(text.encode("gbk")).text == text
    assert decode(text.encode("utf-8")).text == text


# ---------------------------------------------------------------- damaged but readable
def test_truncated_utf8_keeps_the_text_with_a_replacement() -> None:
    text = SEEDS[1].read_text(encoding="utf-8")
    assert text.endswith("度.")
    data = text[:-1].encode()[:-1]  # cut inside the last character, 度
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:-2] + "\ufffd"
    assert 0.5 <= decoded.confidence <= 0.9


def test_gb18030_with_a_stray_byte() -> None:
    good = (SIMPLIFIED * 20).encode("gb18030")
    at = len(SIMPLIFIED.splitlines()[0].encode("gb18030")) + 1 + 8  # between two characters
    decoded = decode(good[:at] + b"\xff" + good[at:])
    assert decoded.encoding == "gb18030"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", "") == SIMPLIFIED * 20
    assert 0.5 <= decoded.confidence <= 0.9


def test_a_short_file_with_one_stray_byte_is_still_read() -> None:
    # one byte in 32 characters is over the 1% a decoding may replace; one is always allowed
    text = "关于加强基层党建工作的通知\n各区县党委组织部：为进一步加强基层党建工作。"
    good = text.encode("gbk")
    at = len("关于加强基层党建工作的通知\n各区县党委组".encode("gbk"))  # between 组 and 织
    decoded = decode(good[:at] + b"\xff" + good[at:])
    assert decoded.encoding == "gb18030"
    assert decoded.text == text.replace("组织", "组\ufffd织")


def test_hz_is_decoded() -> None:
    # RFC 1843: GB2312 in 7-bit bytes between ~{ and ~}
    text = "以思想的大解放\n作为党委的重要职能部门，2022年\n"
    data = text.encode("hz")
    assert data == b"~{RTK<Ok5D4s=b7E~}\n~{WwN*53N/5DVXR*V0D\\2?CE#,~}2022~{Dj~}\n"
    decoded = decode(data)
    assert decoded.encoding == "hz"
    assert decoded.text == text


@pytest.mark.parametrize(
    "text", ["Use ~{ and ~} to switch: see RFC 1843.", "LaTeX: a~{b~}c and x~{yz~}"]
)
def test_ascii_with_hz_shifts_that_is_not_hz_stays_utf8(text: str) -> None:
    decoded = decode(text.encode("ascii"))
    assert (decoded.encoding, decoded.text) == ("utf-8", text)


# ---------------------------------------------------------------- rejects
def test_text_written_as_question_marks_is_lost() -> None:
    # 关于加强党建工作的通知 / 为进一步加强党建工作，… through an encoder without Chinese
    data = b"??????????\n?????????,???????.2022?10?17?\n"
    err = rejected(data)
    assert (err.reason, err.detail) == (
        "text_lost",
        "29 of its 39 visible characters are '?' and none is Chinese: the text was "
        "written in a code page without Chinese before the file was saved",
    )


@pytest.mark.parametrize(
    "text",
    [
        "What? Why? How? Who? We asked them all, and they answered.",  # under 30%
        "为进一步加强??工作????",  # Han text around them: not all lost
        "???",  # too few to tell
    ],
)
def test_question_marks_in_text_are_not_lost_text(text: str) -> None:
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"", "0 bytes"),
        (b" \r\n\t \n", "6 bytes of whitespace only"),
        (codecs.BOM_UTF8 + b"\n", "only a utf-8 byte order mark and whitespace"),
        ("\u3000\u3000\n".encode("gbk"), "only whitespace after decoding as gb18030"),
    ],
)
def test_empty(data: bytes, detail: str) -> None:
    err = rejected(data)
    assert (err.reason, err.detail) == ("empty", detail)


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (PNG, "PNG image data"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        (gzip.compress(SIMPLIFIED.encode()), "gzip compressed data"),
        (b"\x00" * 1000, "1000 NUL bytes only"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "OLE2 compound document (doc, xls, ppt)",
        ),
    ],
)
def test_binary(data: bytes, detail: str) -> None:
    err = rejected(data)
    assert (err.reason, err.detail) == ("binary", detail)


def test_random_bytes_are_binary() -> None:
    err = rejected(random.Random(0).randbytes(4096))
    assert err.reason == "binary"
    assert err.detail.endswith("NUL bytes in 4096 and not UTF-16 text")


def test_random_bytes_without_nul_are_binary_by_control_bytes() -> None:
    data = bytes(b for b in random.Random(0).randbytes(4096) if b)
    err = rejected(data)
    assert err.reason == "binary"
    assert err.detail.endswith("control bytes and no text encoding fits")


def test_high_random_bytes_are_undecodable() -> None:
    data = bytes(b | 0x80 for b in random.Random(0).randbytes(4096))
    err = rejected(data)
    assert err.reason == "undecodable"
    assert err.detail.startswith("no plausible decoding (tried utf-8, gb18030, big5, utf-16); ")


def test_utf16_text_with_binary_nul_pattern_is_not_text() -> None:
    # UTF-32 without BOM has NULs but is not UTF-16: binary, as the rule says.
    assert rejected(SIMPLIFIED.encode("utf-32-le")).reason == "binary"


# ---------------------------------------------------------------- plausibility
@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("", 0.0),
        (" \n\u3000", 0.0),
        ("Hello, world.", 1.0),
        ("组织部门是党员之家", 1.0),
        (TRADITIONAL, 1.0),
        ("\x01\x02\x03", 0.0),
        ("\ue000\ue001\ue002", 0.0),
        ("\ufffd\ufffd", 0.0),
    ],
)
def test_plausibility_values(text: str, score: float) -> None:
    assert plausibility(text) == score


def test_plausibility_ranks_real_text_above_misdecodings() -> None:
    for path in SEEDS:
        data = path.read_bytes()
        text = data.decode("utf-8")
        assert plausibility(text) >= 0.95
        misread = text.encode("gbk").decode("big5", "replace")
        assert plausibility(misread) < 0.5
        mojibake = data.decode("gb18030", "replace")
        assert plausibility(mojibake) < 0.5


def test_a_few_stray_nul_bytes_do_not_make_text_binary() -> None:
    data = SIMPLIFIED.encode("utf-8")
    damaged = data[:30] + b"\x00" + data[30:]
    decoded = decode(damaged)
    assert (decoded.encoding, decoded.text) == ("utf-8", damaged.decode("utf-8"))
    gbk = SIMPLIFIED.encode("gbk")
    assert decode(gbk[:20] + b"\x00" + gbk[20:]).encoding == "gb18030"


def test_many_nul_bytes_in_text_are_binary() -> None:
    data = (SIMPLIFIED.encode("utf-8") + b"\x00" * 9) * 2
    with pytest.raises(Rejected) as error:
        decode(data)
    assert error.value.reason == "binary"


MIXED_BODY = [
    "国务院办公厅关于进一步优化营商环境的意见",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "为深入贯彻落实党中央、国务院决策部署，持续优化营商环境，经国务院同意，现提出以下意见。",
    "一、总体要求",
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
]


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_a_utf8_file_with_a_line_in_another_codec(codec: str) -> None:
    footer = "版權所有：某市人民政府" if codec == "big5" else "版权所有：某市人民政府"
    data = "\n".join(MIXED_BODY).encode() + b"\n" + footer.encode(codec)
    decoded = decode(data)
    assert decoded.text == "\n".join([*MIXED_BODY, footer])
    assert (decoded.encoding, decoded.other_lines) == ("utf-8", 1)


def test_a_gbk_file_is_not_read_as_mixed() -> None:
    data = "\n".join(MIXED_BODY).encode("gbk")
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.other_lines) == (
        "\n".join(MIXED_BODY),
        "gb18030",
        0,
    )


def _line_with(pieces: list[tuple[str, str]]) -> bytes:
    """MIXED_BODY in UTF-8 with its third line made of (text, codec) pieces."""
    lines = [line.encode() for line in MIXED_BODY]
    lines[2] = b"".join(text.encode(codec) for text, codec in pieces)
    return b"\n".join(lines)


@pytest.mark.parametrize(
    ("pieces", "line"),
    [
        (  # a GBK word between UTF-8 words, in a line of its own
            [("为深入贯彻落实", "utf-8"), ("党中央", "gbk"), ("、国务院决策部署。", "utf-8")],
            "为深入贯彻落实党中央、国务院决策部署。",
        ),
        (  # at the line's start, and a second byte that is ASCII (誤 is D5 60)
            [("防止誤會", "gbk"), ("，持续优化营商环境。", "utf-8")],
            "防止誤會，持续优化营商环境。",
        ),
        (  # Big5
            [("持续优化", "utf-8"), ("營商環境", "big5"), ("，经国务院同意。", "utf-8")],
            "持续优化營商環境，经国务院同意。",
        ),
        (  # two GBK words with UTF-8 between them, no ASCII to part them
            [("为", "utf-8"), ("深入贯彻", "gbk"), ("落实党中央", "utf-8"), ("决策部署", "gbk")],
            "为深入贯彻落实党中央决策部署",
        ),
    ],
)
def test_words_in_another_codec_inside_a_utf8_line(pieces: list, line: str) -> None:
    decoded = decode(_line_with(pieces))
    assert decoded.text.splitlines()[2] == line
    assert (decoded.encoding, decoded.other_lines) == ("utf-8", 1)


def test_a_utf8_character_that_lost_a_byte_is_not_read_as_gbk() -> None:
    good = MIXED_BODY[2].encode()
    at = good.index("贯".encode())
    decoded = decode(
        _line_with([(MIXED_BODY[2], "utf-8")]).replace(good, good[: at + 2] + good[at + 3 :])
    )
    assert decoded.text.splitlines()[2] == MIXED_BODY[2].replace("贯", "\ufffd")
    assert decoded.other_lines == 0


def test_utf8_mojibake_saved_in_gbk_is_read_as_gb18030() -> None:
    """The bytes are GBK (mojibake with `?` where the misreading lost a byte): the codec of
    the bytes is reported, and the repair stage undoes the mojibake."""
    text = "\n".join(MIXED_BODY)
    misread = text.encode().decode("gbk", "replace")
    data = misread.encode("gbk", "replace")
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == ("gb18030", misread.replace("\ufffd", "?"))


def test_a_gbk_file_with_question_marks_is_not_saved_mojibake() -> None:
    text = "\n".join([*MIXED_BODY, "为什么要优化营商环境?怎样优化?"])
    assert decode(text.encode("gbk")).text == text


def test_a_utf8_character_that_lost_a_byte_inside_chinese_stays_lost() -> None:
    """The stretch read in another codec may take in what UTF-8 misread, never a Chinese
    character UTF-8 read well: 基 without its last byte is no GBK word with 层 after it."""
    good = MIXED_BODY[2].encode()
    at = good.index("贯".encode())
    data = _line_with([(MIXED_BODY[2], "utf-8")]).replace(good, good[: at + 1] + good[at + 2 :])
    decoded = decode(data)
    assert decoded.text.splitlines()[2] == MIXED_BODY[2].replace("贯", "\ufffd")
    assert decoded.other_lines == 0
