"""Hard-wrapped paragraphs joined again: exact texts, and text that is left alone."""

from __future__ import annotations

import hashlib

import pytest

from zhclean.pipeline import Config, process_data
from zhclean.repair.wraps import fix_hard_wraps, wrap_width

PARAGRAPHS = [
    "为进一步加强基层党建工作，现就有关事项通知如下。坚持以习近平新时代中国特色社会主义思想为"
    "指导，全面贯彻党的二十大精神，深入落实新时代党的建设总要求，以提升组织力为重点，突出政治"
    "功能，抓好支部建设。",
    "一、总体要求",
    "各级党组织要高度重视，把基层党建工作摆上重要议事日程，主要负责同志要亲自抓、负总责，分管"
    "负责同志要具体抓、抓具体，形成一级抓一级、层层抓落实的工作格局。",
    "二、主要任务",
    "抓好支部建设。推进支部标准化规范化建设，严格落实“三会一课”、组织生活会、民主评议党员等制"
    "度，增强组织生活的政治性、时代性、原则性、战斗性，用好Prefect and pandera工具。",
]


def _wrapped(paragraph: str, width: int = 76, indent: str = "") -> list[str]:
    """The lines a converter cutting at `width` GBK bytes makes of a paragraph."""
    lines, line = [], indent
    for c in paragraph:
        if len((line + c).encode("gbk")) > width:
            lines.append(line)
            line = ""
        line += c
    return [*lines, line]


def test_indented_paragraphs_are_joined_at_the_wrap_width() -> None:
    lines = [ln for p in PARAGRAPHS for ln in _wrapped(p, indent="\u3000\u3000" * (len(p) > 10))]
    assert len(lines) == 11
    text, joined = fix_hard_wraps("\n".join(lines))
    assert joined == 6
    assert text.split("\n") == [("\u3000\u3000" * (len(p) > 10)) + p for p in PARAGRAPHS]


def test_unindented_paragraphs_are_joined_where_no_sentence_ends() -> None:
    lines = [ln for p in PARAGRAPHS for ln in _wrapped(p, width=60)]
    text, joined = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == PARAGRAPHS
    assert joined == len(lines) - len(PARAGRAPHS)


def _hanging(paragraph: str, width: int, indent: str = "") -> list[str]:
    """`_wrapped`, as a word processor does it: a mark that would open the next line
    hangs past the margin instead."""
    lines, line = [], indent
    for c in paragraph:
        if len((line + c).encode("gbk")) > width and c not in "，。、；：！？”）":
            lines.append(line)
            line = ""
        line += c
    return [*lines, line]


@pytest.mark.parametrize("width", [46, 60, 76])
def test_marks_hanging_past_the_margin_do_not_hide_the_width(width: int) -> None:
    indent = "\u3000\u3000"
    lines = [ln for p in PARAGRAPHS for ln in _hanging(p, width, indent * (len(p) > 10))]
    assert any(len(ln.encode("gbk")) > width for ln in lines)  # a mark hangs
    text, joined = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == [indent * (len(p) > 10) + p for p in PARAGRAPHS]
    assert joined == len(lines) - len(PARAGRAPHS)


@pytest.mark.parametrize(
    "text",
    [
        # a table whose columns end at one width, and a table of contents: no prose
        "单位名称      党员总数    发展党员数      培训人次\n"
        + "\n".join(
            f"{name}{' ' * (14 - 2 * len(name))}{a:>5}{b:>14}{c:>14}"
            for name, a, b, c in [
                ("城关镇", "1,234", 25, "3,702"),
                ("东关街道", "986", 18, "2,958"),
                ("南湖乡", "765", 12, "2,295"),
                ("北山镇", "1,102", 21, "3,306"),
                ("西河乡", "543", 9, "1,629"),
            ]
        ),
        "\n".join(f"{n}、第{n}部分的标题{'.' * 30}{n * 3}" for n in "一二三四五六"),
        "\n".join(PARAGRAPHS),  # one paragraph a line already
        "\n".join(
            ["组织部门是党员之家、干部之家、人才之家，要把组织部门建设好。"] * 8
        ),  # no line at a width
        "短行\n" * 10,
        "",
    ],
)
def test_text_without_a_wrap_width_is_left_alone(text: str) -> None:
    assert fix_hard_wraps(text) == (text, 0)


def test_a_wrapped_file_gives_whole_paragraphs_headings_and_sentences() -> None:
    lines = ["关于加强基层党建工作的通知"] + [
        ln for p in PARAGRAPHS for ln in _wrapped(p, width=60)
    ]
    data = "\n".join(lines).encode("gbk")
    docs, reject, _ = process_data("w.txt", data, hashlib.sha256(data).hexdigest(), Config())
    assert reject is None
    [doc] = docs
    assert doc["text"] == "\n".join(PARAGRAPHS)
    assert [s.heading for s in doc["_sections"] if s.heading] == ["一、总体要求", "二、主要任务"]
    assert {"kind": "hard_wraps", "count": len(lines) - 1 - len(PARAGRAPHS)} in doc["repairs"]


def test_verse_of_one_width_is_not_joined() -> None:
    """Lines of phrases parted by spaces (poems, couplets) all reach one width; they are
    verse, not a paragraph cut by a converter."""
    poems = [
        "唐诗五言绝句选",
        "白日依山尽 黄河入海流 欲穷千里目 更上一层楼",
        "床前明月光 疑是地上霜 举头望明月 低头思故乡",
        "春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少",
        "千山鸟飞绝 万径人踪灭 孤舟蓑笠翁 独钓寒江雪",
        "红豆生南国 春来发几枝 愿君多采撷 此物最相思",
        "松下问童子 言师采药去 只在此山中 云深不知处",
    ]
    text = "\n".join(poems)
    assert fix_hard_wraps(text) == (text, 0)


def test_a_wrapped_line_with_a_pdfs_stray_spaces_is_still_joined() -> None:
    from zhclean.repair.wraps import _is_verse

    assert not _is_verse("思想和行动统 一到党中央决策部署 上来，坚决贯彻落实党中央关于全面从严治")
    assert _is_verse("上联：春回大地千山秀 下联：日照神州万木荣 横批：万象更新")


def _pdftotext(paragraph: str, measure: int = 28) -> list[str]:
    """A paragraph of a page `measure` characters wide, indented two, as pdftotext
    gives it: the indent dropped, so the first line is two characters short."""
    lines = [paragraph[: measure - 2]]
    rest = paragraph[measure - 2 :]
    return lines + [rest[i : i + measure] for i in range(0, len(rest), measure)]


SHORT_PARAGRAPHS = [
    "为深入贯彻落实中央八项规定精神，持续加强机关作风建设，切实提高工作效率和服务水平，营造风清气正的"
    "机关环境，现就有关事项通知如下。",
    "一、严格工作纪律",
    "全体干部职工要严格遵守上下班制度，不得迟到早退，因事外出须履行请假手续，严禁在工作时间从事与工作"
    "无关的活动。",
    "二、提高服务质量",
    "要坚持首问负责制和限时办结制，对群众来电来访要热情接待、耐心解答，能当场办理的当场办理，不能当场"
    "办理的要说明理由并告知办理时限。",
]


def test_first_lines_whose_indent_pdftotext_dropped_are_joined() -> None:
    # a paragraph's first line is 26 characters of a 28-character measure: as many first
    # lines as full ones, and the full ones too few alone to show the wrap
    lines = [ln for p in SHORT_PARAGRAPHS for ln in (_pdftotext(p) if len(p) > 10 else [p])]
    assert [len(ln) for ln in lines] == [26, 28, 10, 8, 26, 28, 8, 26, 28, 10]
    text, joined = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == SHORT_PARAGRAPHS
    assert joined == len(lines) - len(SHORT_PARAGRAPHS) == 5


def test_a_number_that_did_not_fit_on_the_line_runs_on() -> None:
    # 确保全年城镇新增就业 ends the line a character short: 4.5 did not fit in one
    first = "四是兜牢民生底线。加强重点群体就业帮扶，落实各项稳就"
    second = "业政策，开展职业技能提升培训行动，确保全年城镇新增就业"
    rest = "4.5万人以上，城镇登记失业率控制在4.5%以内，兜牢兜实民生底线，切实保障困难群众基本生活。"
    assert (len(first), len(second)) == (26, 27)
    lines = [first, second, *_wrapped(rest, width=56)]
    lines += [*_pdftotext(SHORT_PARAGRAPHS[0]), *_pdftotext(SHORT_PARAGRAPHS[2])]
    text, _ = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == [first + second + rest, SHORT_PARAGRAPHS[0], SHORT_PARAGRAPHS[2]]


def test_one_line_hanging_past_the_width_does_not_move_it() -> None:
    # Word lets 。” hang: one line four bytes over among sixty does not make the width 60
    lines = [ln for _ in range(6) for p in PARAGRAPHS for ln in _wrapped(p, width=56)]
    over = next(k for k, ln in enumerate(lines) if len(ln.encode("gbk")) == 56)
    lines[over] += "。”"
    assert len(lines) >= 50 and wrap_width(lines) == 56


def test_a_title_as_wide_as_a_first_line_does_not_run_into_the_next_paragraph() -> None:
    title = "关于进一步加强和改进新形势下基层党组织建设工作的实施"  # 26, like a first line
    lines = [title, *_pdftotext(SHORT_PARAGRAPHS[0]), *_pdftotext(SHORT_PARAGRAPHS[2])]
    lines += [*_pdftotext(SHORT_PARAGRAPHS[4])]
    assert len(title) == 26
    text, _ = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == [
        title,
        SHORT_PARAGRAPHS[0],
        SHORT_PARAGRAPHS[2],
        SHORT_PARAGRAPHS[4],
    ]


def test_items_ending_in_a_semicolon_or_before_a_numbered_one_stay_apart() -> None:
    items = [
        "（一）在架空电力线路保护区内进行可能危及电力设施安全的作业活动；",  # 26 + ；
        "（二）在电力电缆线路保护区内堆放垃圾、矿渣、易燃易爆及有害",  # 26 wide
        "（三）在杆塔内或杆塔与拉线之间修筑道路或者堆放物品。",
    ]
    lines = [*_pdftotext(SHORT_PARAGRAPHS[0]), *_pdftotext(SHORT_PARAGRAPHS[2]), *items]
    text, _ = fix_hard_wraps("\n".join(lines))
    assert text.split("\n")[-3:] == items


def test_latin_words_wrapped_whole_keep_their_space() -> None:
    # a paragraph's first line, 52 wide like the Chinese ones, ends with a whole word
    english = [
        "This paper studies the way to repair damaged Chinese",
        "text extracted from PDF files and web pages, proposing",
        "a pipeline.",
    ]
    chinese = [SHORT_PARAGRAPHS[k] for k in (0, 2, 4)]
    lines = [ln for p in chinese for ln in _pdftotext(p)] + english
    text, _ = fix_hard_wraps("\n".join(lines))
    # the first line runs on with a space; a ragged Latin line is no sure wrap: it stays
    assert text.split("\n") == [*chinese, " ".join(english[:2]), english[2]]


def test_a_list_of_headlines_is_not_wrapped_text() -> None:
    headlines = [
        "新春佳节临近全国各地充满了喜庆祥和的气氛（附图片3张）",
        "世纪情感（诗歌）",
        "坚持专卖控制总量推动烟草行业健康发展取得新的成效",
        "江州市召开全市组织工作会议部署今年重点任务",
        "东湖区扎实推进基层党建工作提质增效取得明显成效",
        "青山县开展“党员进社区”志愿服务活动受到群众欢迎",
        "湖西街道举办社区干部培训班提升基层治理能力",
        "市委组织部召开党员教育工作座谈会",
    ]
    assert wrap_width(headlines) is None
    assert fix_hard_wraps("\n".join(headlines)) == ("\n".join(headlines), 0)


def test_a_numbered_heading_wrapped_after_its_lost_indent_is_joined() -> None:
    heading = "（二）加快推动农村地区千兆光网、移动通信网络和移动物联网协同发展"
    lines = [
        *_pdftotext(SHORT_PARAGRAPHS[0]),
        *_pdftotext(SHORT_PARAGRAPHS[2]),
        *_pdftotext(heading),
    ]
    lines += _pdftotext(SHORT_PARAGRAPHS[4])
    assert [len(ln) for ln in _pdftotext(heading)] == [26, 6]
    text, _ = fix_hard_wraps("\n".join(lines))
    assert text.split("\n") == [*SHORT_PARAGRAPHS[0:3:2], heading, SHORT_PARAGRAPHS[4]]
