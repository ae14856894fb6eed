"""Mojibake repair: damaged inputs are made here from clean sentences with Python's codecs,
so every expected value is the clean sentence itself; correct text must come out unchanged."""

from collections import Counter

import pytest
from conftest import time_ratio
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclean.repair.mojibake import (
    BIG5_AS_GBK,
    DOUBLE_UTF8,
    GBK_AS_BIG5,
    GBK_AS_LATIN1,
    LOST_BYTES,
    UTF8_AS_GBK,
    UTF8_AS_LATIN1,
    fix_mojibake,
)

CONGRESS = "中国共产党第二十次全国代表大会"
REFERENCES = "参考文献"
ENUMERATION = "评议党员理想信念、政治品格、担当作为等方面情况。一、评议时间"
BUILDING = "加强和改进党的建设"
RULE = "全面从严治党，永远在路上。"
TRAD = "組織部門作風轉變"
TRAD_LAW = "中華人民共和國憲法"
STUDY = "要把学习与创新工作、解决问题结合起来，做到学以致用；"
PRACTICE = "实行部机关与基层组工干部双向交流挂职锻炼"
EFFICIENCY = "工作要讲效率，学习也要讲效率。"
OX = "埋头干事的“老黄牛”精神值得肯定"
ARROW = "我们的工作才会有的放矢、不被动、不漂浮。"
TRAINING = "同志们，压力出干部，实践锻炼人。大家一定要珍惜这个难得的学习机会。"
SKILL = (
    "有技巧地处理好每一个棘手难题，提升这方面的能力绝非一日之功，"
    "希望同志们今后在这方面要有意识加强。"
)


def utf8_as_gbk(s: str) -> str:
    return s.encode("utf-8").decode("gbk", errors="replace")


def gbk_as_latin1(s: str) -> str:
    return s.encode("gbk").decode("latin-1")


def gbk_as_cp1252(s: str) -> str:
    return s.encode("gbk").decode("cp1252", errors="replace")


def utf8_as_latin1(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def utf8_as_cp1252(s: str) -> str:
    return s.encode("utf-8").decode("cp1252", errors="replace")


def big5_as_gbk(s: str) -> str:
    return s.encode("big5").decode("gb18030")


def gbk_as_big5(s: str) -> str:
    return s.encode("gbk").decode("big5")


def gbk_as_cp950(s: str) -> str:
    return s.encode("gbk").decode("cp950")


def utf8_as_gb18030(s: str) -> str:
    """GB18030 (cp936's table): A2 E3 reads as `€`, so do user-defined pairs as private use."""
    return s.encode("utf-8").decode("gb18030", errors="replace")


def gbk_as_cp950_lossy(s: str) -> str:
    """cp950 replaces one byte per U+FFFD and reads on out of step after it."""
    return s.encode("gbk").decode("cp950", errors="replace")


def big5_as_gbk_lossy(s: str) -> str:
    """Python's gbk maps no user-defined area: a Big5 lead there becomes U+FFFD, one
    byte each, and the trail after it is read anew (年 = A6 7E -> `\ufffd~`)."""
    return s.encode("big5").decode("gbk", errors="replace")


def cp1252_web(data: bytes) -> str:
    """Windows-1252 as browsers read it: its five undefined bytes as Latin-1."""
    return "".join(bytes([b]).decode("cp1252", "replace").replace("\ufffd", chr(b)) for b in data)


def gbk_as_web(s: str) -> str:
    return cp1252_web(s.encode("gbk"))


def double_utf8(s: str) -> str:
    return cp1252_web(cp1252_web(s.encode("utf-8")).encode("utf-8"))


# (damaged, expected, kind): one repaired span each, no lost bytes
KINDS = [
    (utf8_as_gbk("全国代表大会"), "全国代表大会", UTF8_AS_GBK),
    (utf8_as_gbk("全面深化改革"), "全面深化改革", UTF8_AS_GBK),
    (utf8_as_gbk("全面建成小康社会"), "全面建成小康社会", UTF8_AS_GBK),
    (utf8_as_gbk("总则"), "总则", UTF8_AS_GBK),
    (utf8_as_gbk(TRAD), TRAD, UTF8_AS_GBK),
    (gbk_as_latin1(CONGRESS), CONGRESS, GBK_AS_LATIN1),
    (gbk_as_cp1252(CONGRESS), CONGRESS, GBK_AS_LATIN1),
    (gbk_as_latin1(REFERENCES), REFERENCES, GBK_AS_LATIN1),
    (gbk_as_latin1(BUILDING), BUILDING, GBK_AS_LATIN1),
    (gbk_as_cp1252(RULE), RULE, GBK_AS_LATIN1),
    (utf8_as_latin1(CONGRESS), CONGRESS, UTF8_AS_LATIN1),
    (utf8_as_latin1(REFERENCES), REFERENCES, UTF8_AS_LATIN1),
    (utf8_as_cp1252(BUILDING), BUILDING, UTF8_AS_LATIN1),
    (utf8_as_latin1(TRAD), TRAD, UTF8_AS_LATIN1),
    (utf8_as_latin1(utf8_as_latin1(CONGRESS)), CONGRESS, DOUBLE_UTF8),
    (utf8_as_latin1(utf8_as_latin1(BUILDING)), BUILDING, DOUBLE_UTF8),
    (utf8_as_latin1(utf8_as_latin1("全面深化改革")), "全面深化改革", DOUBLE_UTF8),
    (big5_as_gbk(TRAD), TRAD, BIG5_AS_GBK),
    (big5_as_gbk(TRAD_LAW), TRAD_LAW, BIG5_AS_GBK),
    (gbk_as_big5(REFERENCES), REFERENCES, GBK_AS_BIG5),
    (gbk_as_big5(BUILDING), BUILDING, GBK_AS_BIG5),
    # a few kana among the damaged characters (C6 A1.. reads as kana in cp950)
    (gbk_as_cp950("二是要有打破常规的胆略。"), "二是要有打破常规的胆略。", GBK_AS_BIG5),
    (gbk_as_cp950(STUDY), STUDY, GBK_AS_BIG5),
    # "妗俴" is no UTF-8 reading ("桂k"): GBK trail bytes do not become letters
    (gbk_as_cp950(PRACTICE), PRACTICE, GBK_AS_BIG5),
]


@pytest.mark.parametrize(("damaged", "expected", "kind"), KINDS)
def test_each_kind(damaged: str, expected: str, kind: str) -> None:
    assert damaged != expected
    text, counts, spans = fix_mojibake(damaged)
    assert text == expected
    assert counts == Counter({kind: 1})
    assert spans == []


DASH_LINE = "任职时间只有X—X年，有一半以上的组织干事是新任职的；"
SESSION = "审议通过的省委X 届X 次全会，也将对全市工作作出部署。"
TRAD_DASH = "任職時間只有X—X年，有一半以上的組織幹事是新任職的；"
TRAD_TITLE = "在全市組工幹部業務培訓示範班上的交流發言3篇"
TRAD_LIST = "推薦訪問：班上 業務培訓 示範 組工幹部能力提升培訓班交流發言材料"

# (damaged, expected, kind): whole damaged lines holding a short run between ASCII codes
# ("X—X", "X 届X", "3篇"): repaired because the line around it is damaged the same way
# and the run reads as common Chinese (or a Chinese mark) between Chinese context
SHORT_RUNS = [
    (gbk_as_web(DASH_LINE), DASH_LINE, GBK_AS_LATIN1),  # ¡ª <- A1 AA
    (gbk_as_web(SESSION), SESSION, GBK_AS_LATIN1),  # ½ì <- BD EC
    (double_utf8(DASH_LINE), DASH_LINE, DOUBLE_UTF8),  # Ã¢â‚¬â€\x9d <- E2 80 94, twice
    (cp1252_web(DASH_LINE.encode()), DASH_LINE, UTF8_AS_LATIN1),
    (double_utf8("只有X，X年"), "只有X，X年", DOUBLE_UTF8),
    (big5_as_gbk(TRAD_DASH), TRAD_DASH, BIG5_AS_GBK),  # A1 58 reads as private use
    (big5_as_gbk(TRAD_TITLE), TRAD_TITLE, BIG5_AS_GBK),  # 3絞 <- 3篇
    (big5_as_gbk(TRAD_LIST), TRAD_LIST, BIG5_AS_GBK),  # words between spaces, kana
]


@pytest.mark.parametrize(("damaged", "expected", "kind"), SHORT_RUNS)
def test_short_runs_between_ascii(damaged: str, expected: str, kind: str) -> None:
    assert damaged != expected
    text, counts, spans = fix_mojibake(damaged)
    assert text == expected
    assert counts[kind] >= 1
    assert spans == []


# (damaged, expected): real Latin-1 text or marks in a line that also holds mojibake
SHORT_RUNS_KEPT = [
    (
        gbk_as_web(CONGRESS) + " ¡Hola! ½ 1ª São, informação",
        CONGRESS + " ¡Hola! ½ 1ª São, informação",
    ),
    (gbk_as_web(CONGRESS) + " ação", CONGRESS + " ação"),
    (gbk_as_web(CONGRESS) + " X—X", CONGRESS + " X—X"),
    (double_utf8(CONGRESS) + " X—X", CONGRESS + " X—X"),
    ("第3章 " + big5_as_gbk(TRAD), "第3章 " + TRAD),
    (big5_as_gbk(TRAD) + " 3個 ABC 中 DEF", TRAD + " 3個 ABC 中 DEF"),
    (big5_as_gbk(TRAD) + " 鍛鍊 飽滿", TRAD + " 鍛鍊 飽滿"),
]


@pytest.mark.parametrize(("damaged", "expected"), SHORT_RUNS_KEPT)
def test_short_runs_kept_when_real(damaged: str, expected: str) -> None:
    assert fix_mojibake(damaged)[0] == expected


# (damaged, expected, reconstructed spans): bytes lost to U+FFFD, chosen by the model
LOST = [
    (utf8_as_gbk(REFERENCES), REFERENCES, [(1, 2), (3, 4)]),
    (utf8_as_gbk(CONGRESS), CONGRESS, [(0, 1), (5, 6), (14, 15)]),
    (utf8_as_gbk(BUILDING), BUILDING, [(8, 9)]),
    (utf8_as_gbk(RULE), RULE, [(10, 11), (12, 13)]),
    (utf8_as_cp1252(REFERENCES), REFERENCES, [(0, 1)]),
    # the last byte written as "?" instead of U+FFFD
    (utf8_as_gbk(REFERENCES).replace("\ufffd", "?"), REFERENCES, [(1, 2), (3, 4)]),
]


# (damaged, expected, kind): a GBK decoder replaces ONE byte per U+FFFD, so the lost byte and
# the byte after it are no GBK pair (讲 E8 AE B2, not 聲 E8 81 B2); Big5 likewise, and reads
# on out of step after it; GB18030 reads A2 E3 as `€`
LOST_CONSTRAINED = [
    (utf8_as_gbk(EFFICIENCY), EFFICIENCY, UTF8_AS_GBK),
    (utf8_as_gbk(OX), OX, UTF8_AS_GBK),
    (utf8_as_gb18030(ARROW), ARROW, UTF8_AS_GBK),
    (gbk_as_cp950_lossy(TRAINING), TRAINING, GBK_AS_BIG5),
    (gbk_as_cp950_lossy(SKILL), SKILL, GBK_AS_BIG5),
    # a cp1252 decoder replaces only the five bytes it leaves undefined: 、 is E3 80 81 (81
    # undefined), 。 E3 80 82 (82 is ‚), so a lost last byte of E3 80 is 、, not 。
    (utf8_as_cp1252(ENUMERATION), ENUMERATION, UTF8_AS_LATIN1),
    (utf8_as_cp1252(ENUMERATION).replace("\ufffd", "?"), ENUMERATION, UTF8_AS_LATIN1),
]


@pytest.mark.parametrize(("damaged", "expected", "kind"), LOST_CONSTRAINED)
def test_lost_bytes_constrained_by_the_decoder(damaged: str, expected: str, kind: str) -> None:
    assert "\ufffd" in damaged or "?" in damaged
    text, counts, spans = fix_mojibake(damaged)
    assert text == expected
    assert counts[kind] == 1
    assert spans
    assert counts[LOST_BYTES] == sum(e - s for s, e in spans)


@pytest.mark.parametrize(("damaged", "expected", "spans"), LOST)
def test_lost_bytes_reconstructed(
    damaged: str, expected: str, spans: list[tuple[int, int]]
) -> None:
    assert "\ufffd" in damaged or "?" in damaged
    text, counts, got = fix_mojibake(damaged)
    assert text == expected
    assert got == spans
    assert counts[LOST_BYTES] == sum(e - s for s, e in spans)
    assert counts[UTF8_AS_GBK] + counts[UTF8_AS_LATIN1] == 1


# (clean): lost bytes next to digits, chosen with the digits around them (the word model
# alone reads 12鏈� as 12有, 绗�1 as 笑1, 3涓� as 3中)
BY_NUMBERS = [
    "第1条",
    "共有3个单位",
    "截至2023年12月",
    "一、加强安全生产工作。",
    "发布时间：2023-12-18",  # a field's label: the lost mark is ：
    # a date's unit, with the unit before its number repaired first (not 18时)
    "截止时间：2024年3月18日",
    "发布时间：2024年1月2日 10:30",
    "時間：2024年3月18日9時30分",
]


@pytest.mark.parametrize("clean", BY_NUMBERS)
def test_lost_bytes_beside_numbers(clean: str) -> None:
    damaged = utf8_as_gbk(clean)
    assert "\ufffd" in damaged
    assert fix_mojibake(damaged)[0] == clean


# (clean): GBK read as Latin-1, cut into runs by digits too short to be judged alone; two or
# more runs that all read as common Chinese are taken together
CUT_BY_DIGITS = ["2023年12月18日", "第1条", "电话：0571-12345678。"]


@pytest.mark.parametrize("clean", CUT_BY_DIGITS)
def test_gbk_as_latin1_cut_by_digits(clean: str) -> None:
    assert fix_mojibake(gbk_as_latin1(clean))[0] == clean
    assert fix_mojibake(gbk_as_cp1252(clean))[0] == clean


# (damaged, expected): a Chinese mark alone beside digits, its bytes telling it is one
MARKS_BY_DIGITS = [
    (utf8_as_gbk("增长5.2%。"), "增长5.2%。"),
    (utf8_as_gbk("（2023年12月18日）"), "（2023年12月18日）"),  # no line opens with ，
    ("电话：0571-12345678" + utf8_as_cp1252("。"), "电话：0571-12345678。"),
]


@pytest.mark.parametrize(("damaged", "expected"), MARKS_BY_DIGITS)
def test_marks_beside_digits(damaged: str, expected: str) -> None:
    assert fix_mojibake(damaged)[0] == expected


@pytest.mark.parametrize("text", ["Müller 2023 Gößmann", "café 12 idée", "Äê 2023"])
def test_latin1_words_between_digits_stay(text: str) -> None:
    assert fix_mojibake(text)[0] == text


def test_lost_bytes_example_from_the_brief() -> None:
    # cp936 reads the 0x80 byte as "€": only the odd last byte is lost, without a mark
    text, counts, spans = fix_mojibake("鍙傝€冩枃鐚")
    assert (text, spans) == (REFERENCES, [(3, 4)])
    assert counts == Counter({UTF8_AS_GBK: 1, LOST_BYTES: 1})
    text, counts, spans = fix_mojibake("鍙傝€冩枃鐚\ufffd")
    assert (text, spans) == (REFERENCES, [(3, 4)])


# (damaged, expected): good text around a damaged span, and files mixing good and bad lines
MIXED = [
    ("ABC 中国 " + utf8_as_gbk(REFERENCES), "ABC 中国 " + REFERENCES),
    ("见" + utf8_as_gbk("依法治国") + "。", "见依法治国。"),
    ("2022年 " + gbk_as_latin1(CONGRESS) + " OK", "2022年 " + CONGRESS + " OK"),
    ("Title: " + utf8_as_latin1(BUILDING) + " (2023)", "Title: " + BUILDING + " (2023)"),
    ("第一章 " + big5_as_gbk(TRAD), "第一章 " + TRAD),
    (
        f"{CONGRESS}\n{utf8_as_gbk(BUILDING)}\n{RULE}\n{gbk_as_latin1(REFERENCES)}",
        f"{CONGRESS}\n{BUILDING}\n{RULE}\n{REFERENCES}",
    ),
    (f"café\n{utf8_as_latin1(CONGRESS)}\nMüller", f"café\n{CONGRESS}\nMüller"),
]


@pytest.mark.parametrize(("damaged", "expected"), MIXED)
def test_mixed_lines_and_files(damaged: str, expected: str) -> None:
    assert fix_mojibake(damaged)[0] == expected


def test_spans_are_offsets_in_the_returned_text() -> None:
    damaged = f"{RULE}\nABC {utf8_as_gbk(REFERENCES)}"
    text, _, spans = fix_mojibake(damaged)
    assert text == f"{RULE}\nABC {REFERENCES}"
    assert [text[s:e] for s, e in spans] == ["考", "献"]


@pytest.mark.parametrize(
    ("clean", "chosen"),
    [
        ("發布日期：2024年3月18日", ["：", "年"]),  # ： = A1 47, 年 = A6 7E: leads lost
        ("行政院今日召開院會，討論年度預算。", ["召", "，", "年度", "。"]),
        # 工作 = A4 75 A7 40 loses both leads: picked together (one at a time, 「一 won,
        # and 「 = A1 75 has no 」 after it)
        ("組工幹部要努力工作。", ["工", "努力工作。"]),
        # the characters around decide (the trigram model): the word model alone took
        # 要去讀書 (去 = A5 68, 多 = A6 68) and 我覺得的正在 (的 = AA BA, 首 = AD BA)
        ("要多讀書、讀好書。", ["多", "書", "好書"]),
        ("我覺得首先在必要性這個問題上要統一思想。", ["首先在", "個", "上", "一思", "。"]),
    ],
)
def test_big5_read_as_gbk_with_bytes_lost(clean: str, chosen: list[str]) -> None:
    damaged = big5_as_gbk_lossy(clean)
    text, counts, spans = fix_mojibake(damaged)
    assert text == clean
    assert counts["mojibake_big5_as_gbk"] == 1
    assert [text[s:e] for s, e in spans] == chosen  # marked: chosen, not read
    assert counts["mojibake_lost_bytes"] == sum(map(len, chosen))


@pytest.mark.parametrize(
    ("clean", "chosen"),
    [
        ("下面，我讲三点意见：", ["三"]),  # not 热点 (三 = C8 FD, 热 = C8 C8)
        ("要放眼全局，从整体出发。", ["全", "整"]),  # not 政体
    ],
)
def test_gbk_read_as_big5_lost_character_chosen_by_its_neighbours(
    clean: str, chosen: list[str]
) -> None:
    text, counts, spans = fix_mojibake(gbk_as_cp950_lossy(clean))
    assert text == clean
    assert counts["mojibake_gbk_as_big5"] == 1
    assert [text[s:e] for s, e in spans] == chosen


@pytest.mark.parametrize(
    ("damaged", "expected", "found"),
    [
        # EF BF BD EF BF BD (two U+FFFD in UTF-8) read as GBK: 锟 EF BF, 斤 BD EF, 拷 BF BD
        ("\ufffd\ufffd".encode().decode("gbk"), "\ufffd\ufffd", 1),
        ("我们要加强锟斤拷锟斤拷建设。", "我们要加强\ufffd\ufffd\ufffd\ufffd建设。", 2),
        ("組織部門是黨員之家。錕斤拷", "組織部門是黨員之家。\ufffd\ufffd", 1),  # after s2t
        ("斤斤计较，拷问灵魂", "斤斤计较，拷问灵魂", 0),
    ],
)
def test_replacement_characters_read_as_gbk_come_back(
    damaged: str, expected: str, found: int
) -> None:
    text, counts, _ = fix_mojibake(damaged)
    assert (text, counts["replacement_chars_as_gbk"]) == (expected, found)


@pytest.mark.parametrize(
    ("damaged", "expected", "kind"),
    [
        ("ï»¿关于加强基层党建工作的通知", "关于加强基层党建工作的通知", "bom_as_latin1"),
        ("正文内容Â\xa0Â\xa0继续。", "正文内容\xa0\xa0继续。", "nbsp_as_latin1"),
        ("Â\xa0Â\xa0正文", "\xa0\xa0正文", "nbsp_as_latin1"),
    ],
)
def test_byte_order_mark_and_no_break_space_read_as_latin1(
    damaged: str, expected: str, kind: str
) -> None:
    text, counts, _ = fix_mojibake(damaged)
    assert (text, set(counts)) == (expected, {kind})


PRECISION = [
    CONGRESS,
    REFERENCES,
    BUILDING,
    RULE,
    TRAD,
    TRAD_LAW,
    "堅持黨的領導，加強組織建設。",
    "鍛鍊身體，鑽研業務，錄取新生。",  # Traditional characters that also look like mojibake
    "饕餮、龘、𠀀、鱻、靐：生僻字照样保留。",
    "涓 字、鍙 字都是真字。",
    "日本語の文章です。東京へ行きます。",
    "한국어 문장입니다.",
    "café, Müller, año, naïve, Ærø, Œuvre",
    "价格 100€，版权 © 2023，温度 25°C，面积 3×4 m²。",
    "https://www.gov.cn/zhengce/2023-01/01/content_123.htm",
    "联系邮箱：office@example.org.cn",
    "共 1,234,567.89 元；增长 12.5%。",
    "这是真的吗?是的。为什么?",
    "原文有一个损坏字符\ufffd在这里。",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "ÀÉÎÕÜ àéîõü",
    "Это русский текст, не китайский.",
    "Αυτό είναι ελληνικό κείμενο.",
    "Привет, мир! Київ — столиця України.",
    "“引号”‘单引号’——破折号……省略号",
    "東京タワーは高いです。ラーメンを食べました。",
    "実行委員会の会議",
    "这是实行的办法。",
    "ABC 桂k 123",
    "Größe: 3 m² — naïve café €5",
    "价格€100元，2023年第3篇",
    "Ünïcödé ½ ¼ ¡Hola! ¿Qué?",
    "αβγ ΔΕΖ",
    "Москва 2023",
    "https://例子.中国/路径?参数=值&x=1",
    "１２３４５６ 全角数字",
    "第3章 总则\ufffd",
    "繁體中文：臺灣、香港、澳門。",
    "原文有一個損壞字符\ufffd在這裡。",
    "한국어와 中文 混合",
    "X—X年",
    "X 届X 次全会",
    # Latin-1 text that a short-run rule could take for GBK or UTF-8 bytes
    "¡Hola! ¿Qué tal? 1ª edição, 2º lugar, ½ taza de azúcar.",
    "São Paulo, informação, ação, não, irmã.",
    "INFORMAÇÃO E AÇÃO EM SÃO PAULO",
    "¡Hola! 你好，1ª 届 ½ 个",
    "第1ª届 X—X 年，3篇，X 届X 次",
    "X—X — en dash – and em dash — in English, 1—2",
    # Traditional characters whose GBK bytes begin like UTF-8 (鑽 飽 鎮 閱 錄)
    "精神飽滿，閱歷豐富，鑽業務鑽得深，鎮組織，錄的人。",
    "虐、韌、懈、閡、奠、馨、勉都是真字。",
    "",
]


@pytest.mark.parametrize("clean", PRECISION)
def test_correct_text_is_unchanged(clean: str) -> None:
    assert fix_mojibake(clean) == (clean, Counter(), [])


_POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处府研"
)


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=_POOL + "，。、；：？！“”（）《》", min_size=1, max_size=40),
    st.sampled_from(["", "ABC ", "2023年", "（一）"]),
)
def test_random_clean_chinese_is_unchanged(text: str, prefix: str) -> None:
    clean = prefix + text
    assert fix_mojibake(clean)[0] == clean


@pytest.mark.parametrize(
    "unit",
    [
        "精神飽滿，閱歷豐富，鑽研業務，鍛鍊身體，鎮組織部門錄取新生。",
        CONGRESS + "，" + BUILDING + "。",
    ],
    ids=["traditional", "simplified"],
)
def test_long_clean_lines_are_unchanged_in_linear_time(unit: str) -> None:
    # 4 times the length: about 4 times the time when linear, 16 when quadratic
    line = unit * (30_000 // len(unit) + 1)
    assert fix_mojibake(line)[0] == line
    assert time_ratio(fix_mojibake, line[:7_500], line[:30_000]) < 8
