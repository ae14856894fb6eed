"""Repair fixes: (damaged, expected) tables; correct text must come out unchanged."""

from collections import Counter

import pytest

from zhclean.repair import repair
from zhclean.repair.pinyin import fix_pinyin_annotations, is_syllable
from zhclean.repair.punctuation import fix_ascii_punctuation, fix_lost_characters
from zhclean.repair.width import fix_cjk_forms, fix_fullwidth_alphanumerics, fix_whitespace

PINYIN = [
    ("優(yōu)化發(fā)展環(huán)境交流", "優化發展環境交流", 3),
    ("時(shí)間:2022-10-17", "時間:2022-10-17", 1),
    ("導(dǎo)語(yǔ):", "導語:", 2),
    ("《村民委員會(huì)組織法(試行)》", "《村民委員會組織法(試行)》", 1),
    ("綠(lǜ)色", "綠色", 1),
    ("個(gè)人", "個人", 1),
    # real parentheticals stay
    ("法(試行)", "法(試行)", 0),
    ("鎮(办园场)", "鎮(办园场)", 0),
    ("標準(AB)崗", "標準(AB)崗", 0),
    ("國家(China)", "國家(China)", 0),
    ("在2023年(ok)", "在2023年(ok)", 0),
    ("Python(pāi)", "Python(pāi)", 0),  # not after a Han character
    ("數據(xyzǎ)", "數據(xyzǎ)", 0),  # not a pinyin syllable
    # full-width parentheses: two or more in a line
    ("優（yōu）化發（fā）展", "優化發展", 2),
    ("龃龉（yǔ）难免", "龃龉（yǔ）难免", 0),  # one alone: a real gloss
    ("读作“误”（wù）和“务”（wù）", "读作“误”（wù）和“务”（wù）", 0),  # not after Han
]


@pytest.mark.parametrize(("damaged", "expected", "count"), PINYIN)
def test_pinyin_annotations(damaged: str, expected: str, count: int) -> None:
    text, counts = fix_pinyin_annotations(damaged)
    assert text == expected
    assert counts["pinyin_annotation"] == count


DAMAGED_PINYIN = [
    # the annotation went inside GBK 誤 (D5 60): lead byte + "(" became "?", 0x60 survived
    ("空談?wù)`國(guó),實(shí)干興邦", "空談\ufffd國,實干興邦"),
    ("組織部?jī)?nèi)全體", "組織部\ufffd\ufffd全體"),
    # a real question mark followed by ordinary text is not an annotation
    ("是什么?我想", "是什么?我想"),
    ("why?(ok)", "why?(ok)"),
]


@pytest.mark.parametrize(("damaged", "expected"), DAMAGED_PINYIN)
def test_damaged_pinyin_annotations_become_lost_characters(damaged: str, expected: str) -> None:
    assert fix_pinyin_annotations(damaged)[0] == expected


@pytest.mark.parametrize("word", ["yōu", "shí", "lǜ", "zhuǎn", "ér", "nǚ", "guó", "xióng"])
def test_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["xyzǎ", "bā bā", "qwē", "ok"])
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


PUNCTUATION = [
    ("時間:2022-10-17 10:37:00", "時間：2022-10-17 10:37:00"),
    ("來源于網友上傳,不代表本站觀點", "來源于網友上傳，不代表本站觀點"),
    ("怎样抓好组织工作?选干部", "怎样抓好组织工作？选干部"),
    ("这两条标准很高!近年来", "这两条标准很高！近年来"),
    ("三个方面;第一", "三个方面；第一"),
    ("《村民委员会组织法(试行)》", "《村民委员会组织法（试行）》"),
    ('树立"知识型"观念', "树立“知识型”观念"),
    ("敬请期待...下一步", "敬请期待……下一步"),
    ("常委.组织部长", "常委。组织部长"),
    ("都很好.", "都很好。"),
    ("真的吗?!?太好了", "真的吗？！？太好了"),  # a run of marks goes as a whole
    ("为什么???", "为什么？？？"),
    # a full stop after a number ending a Chinese sentence (or a percentage before one)
    ("截至目前,已完成80%.", "截至目前，已完成80%。"),
    ("详见附件2.", "详见附件2。"),
    ("增长率为5%.下一步", "增长率为5%。下一步"),
    ('他强调:"要坚持以人民为中心."', "他强调：“要坚持以人民为中心。”"),
    ("表1.数据来源", "表1.数据来源"),  # a number's dot before more text: a caption's
    ("版本v2.3.1发布", "版本v2.3.1发布"),
    ("In 2022.", "In 2022."),
    # not Chinese context: untouched
    ("10:37:00", "10:37:00"),
    ("1,000,000", "1,000,000"),
    ("见 http://www.gov.cn/a?b=1", "见 http://www.gov.cn/a?b=1"),
    ("设立1.8亿元", "设立1.8亿元"),
    ("e.g. U.S. (AB)", "e.g. U.S. (AB)"),
    ("Hello, world! Is it? Yes: no; (a)", "Hello, world! Is it? Yes: no; (a)"),
    ("重点岗位AB岗", "重点岗位AB岗"),
    ("邮箱 a.b@gov.cn", "邮箱 a.b@gov.cn"),
    # a line's enumerator keeps its dot (一.主要成效 is a heading, not a sentence end)
    ("一.主要工作成效", "一.主要工作成效"),
    ("  十一.其他事项", "  十一.其他事项"),
    ("成效明显.二.存在的问题", "成效明显。二。存在的问题"),
]


@pytest.mark.parametrize(("damaged", "expected"), PUNCTUATION)
def test_ascii_punctuation(damaged: str, expected: str) -> None:
    assert fix_ascii_punctuation(damaged)[0] == expected


def test_ascii_punctuation_counts_each_mark() -> None:
    text, counts = fix_ascii_punctuation("法(试行),好:")
    assert text == "法（试行），好："
    assert counts == Counter(ascii_punctuation=4)


LOST_CHARACTERS = [
    # a character the site's code page lacked, saved as `?` (镕 is not in GB2312)
    ("国务院总理朱?基在会上讲话。", "国务院总理朱\ufffd基在会上讲话。", 1),
    ("会议由王?主持，李?玥出席。", "会议由王\ufffd主持，李\ufffd玥出席。", 2),
    ("朱?基同志", "朱\ufffd基同志", 1),
    # Traditional text saved as GB2312: three or more in a line
    ("這?一個?題的?法", "這\ufffd一個\ufffd題的\ufffd法", 3),
    # one `?` after no name: a question mark (a yes/no question has no question word)
    ("这?一个问题", "这?一个问题", 0),
    (
        "问：请您介绍一下项目目前的进展情况?答：目前已完工。",
        "问：请您介绍一下项目目前的进展情况?答：目前已完工。",
        0,
    ),
    ("你确定?我可不这么认为。", "你确定?我可不这么认为。", 0),
    (
        "记者：听说你们扩大了生产规模?王经理：是的。",
        "记者：听说你们扩大了生产规模?王经理：是的。",
        0,
    ),
    ("见gov.cn/查询?类型=1", "见gov.cn/查询?类型=1", 0),
    # the clause asks: a question mark
    ("这是为什么?我们要认真思考。", "这是为什么?我们要认真思考。", 0),
    ("你吃饭了吗?我吃了。", "你吃饭了吗?我吃了。", 0),
    ("是不是这样?大家说", "是不是这样?大家说", 0),
    ("你去北京还是上海?请回答", "你去北京还是上海?请回答", 0),
    ("已經完成了嗎?還沒有", "已經完成了嗎?還沒有", 0),
    ("怎样抓好组织工作?选干部", "怎样抓好组织工作?选干部", 0),
    # the line's author typed ASCII punctuation: a question mark
    ("来了,他说?好", "来了,他说?好", 0),
    # not between two Han characters
    ("请问?", "请问?", 0),
    ("增长?%", "增长?%", 0),
    ("why?(ok)", "why?(ok)", 0),
    ("见 http://www.gov.cn/a?b=1", "见 http://www.gov.cn/a?b=1", 0),
    ("???西?之?的交通?更加便利。", "???西�之�的交通�更加便利。", 3),  # GB2312 losses
    # three or more, but each between two words: alternatives asked one by one
    ("明天?后天?大后天?都不行。", "明天?后天?大后天?都不行。", 0),
    ("上海?北京?深圳?广州?都有分公司。", "上海?北京?深圳?广州?都有分公司。", 0),
    # a surname before it, but the line asks with ASCII `?` elsewhere
    ("“王?哪个王?”", "“王?哪个王?”", 0),
    # inside words: lost characters of Traditional text saved as GB2312
    ("這?個國家的?展?來越好，我?要努力。", "這�個國家的�展�來越好，我�要努力。", 4),
]


@pytest.mark.parametrize(("damaged", "expected", "count"), LOST_CHARACTERS)
def test_lost_characters(damaged: str, expected: str, count: int) -> None:
    text, counts = fix_lost_characters(damaged)
    assert text == expected
    assert counts["lost_character"] == count


def test_a_lost_character_is_no_question_mark_in_the_repaired_text() -> None:
    fixed = repair("国务院总理朱?基在会上讲话?我们")
    assert fixed.text == "国务院总理朱\ufffd基在会上讲话？我们"
    assert fixed.lossy
    assert repair("这是为什么?我们").text == "这是为什么？我们"


WHITESPACE = [
    ("甲\r\n乙\r丙", "甲\n乙\n丙"),
    ("\ufeff标题", "标题"),
    ("组\u200b织", "组织"),
    ("\u3000\u3000段落开头", "段落开头"),
    ("尾部\u00a0 ", "尾部"),
    ("a\u00a0b", "a b"),
    ("a   b", "a b"),
    ("组织\x07部", "组织部"),
]


@pytest.mark.parametrize(("damaged", "expected"), WHITESPACE)
def test_whitespace(damaged: str, expected: str) -> None:
    assert fix_whitespace(damaged)[0] == expected


WIDTH = [
    ("２０２２年", "2022年"),
    ("ＡＢ岗", "AB岗"),
    ("增长１２％", "增长12%"),
    ("１．８亿元", "1.8亿元"),
    ("全角标点，。：不变", "全角标点，。：不变"),
    ("百分号％单独", "百分号％单独"),
    ("网址：ｗｗｗ．ｇｏｖ．ｃｎ", "网址：www.gov.cn"),  # a domain name's points too
    ("Ａ．Ｂ两级", "A．B两级"),  # no domain: the point stays
]


@pytest.mark.parametrize(("damaged", "expected"), WIDTH)
def test_fullwidth_alphanumerics(damaged: str, expected: str) -> None:
    assert fix_fullwidth_alphanumerics(damaged)[0] == expected


CJK_FORMS = [
    # Kangxi radicals and CJK radicals as PDF text extraction leaves them
    ("⼀、加强⼲部队伍建设，⾼质量发展", "一、加强干部队伍建设，高质量发展", {"cjk_radicals": 3}),
    ("⼈⺠群众，⻓期坚持，⻔户⽹站", "人民群众，长期坚持，门户网站", {"cjk_radicals": 5}),
    ("⻢克思主义⻘年", "马克思主义青年", {"cjk_radicals": 2}),
    # compatibility ideographs with a canonical equivalent: U+F900 U+F91D
    ("\uf900有此理，\uf91d", "豈有此理，欄", {"compatibility_ideographs": 2}),
    # bullets of the Symbol and Wingdings fonts left at private-use code points
    ("\uf06c加强政治建设\uf0b7要点", "●加强政治建设•要点", {"symbol_font": 2}),
    ("\ue000造字", "\ue000造字", {}),  # another private-use character: nothing known
    # radical forms that are no character of their own, and correct text, stay
    ("⺅⻌⺮部首", "⺅⻌⺮部首", {}),
    ("人民群众，长期坚持", "人民群众，长期坚持", {}),
]


@pytest.mark.parametrize(("damaged", "expected", "counts"), CJK_FORMS)
def test_cjk_forms(damaged: str, expected: str, counts: dict) -> None:
    assert fix_cjk_forms(damaged) == (expected, counts)


def test_radicals_are_han_for_the_fixes_after_them() -> None:
    # spaced-out radicals: the stray-space fix sees Han characters
    assert repair("⼈ ⺠ 医 院").text == "人民医院"


STRAY_SPACES = [
    ("组 织工作", "组织工作"),
    ("加强党的 建设", "加强党的建设"),
    ("加 强 党 的 建 设", "加强党的建设"),
    ("組\u3000織工作", "組織工作"),  # an ideographic space becomes a space, then goes
    ("組織\u3000工作", "組織 工作"),  # between two words of a line that is no prose: stays
    ("组织部长 李晓波", "组织部长 李晓波"),  # office and name: no word across the space
    ("第一章 总则", "第一章 总则"),
    ("习近平 在会上讲话", "习近平 在会上讲话"),
    ("2022年 10月", "2022年 10月"),
    ("中国 China 人民", "中国 China 人民"),
    ("推荐访问：班上 业务培训 示范", "推荐访问：班上 业务培训 示范"),  # words of a list
    ("我们要狠抓 组工干部的作风建设。", "我们要狠抓组工干部的作风建设。"),  # inside prose
    ("很好的\u00a0效果，值得推广", "很好的效果，值得推广"),
    ("成为领导干部的 “贴心娘家”。", "成为领导干部的“贴心娘家”。"),
    ("他说： “好。” 然后走了。", "他说：“好。”然后走了。"),
    ("《决定》 全文", "《决定》 全文"),  # no prose: left alone
    ("组织部长 李晓波胡锦涛总书记强调，", "组织部长 李晓波胡锦涛总书记强调，"),
    # a bracketed news byline parts roles and names with spaces, prose or not
    (
        "本报讯（记者 张三 通讯员 李四）10月16日，我市召开会议。",
        "本报讯（记者 张三 通讯员 李四）10月16日，我市召开会议。",
    ),
    ("（记者 张三 李四）会议强调，要抓好落实。", "（记者 张三 李四）会议强调，要抓好落实。"),
    ("（会议 强调）要抓好落实，", "（会议强调）要抓好落实，"),  # no byline: prose rule
    # an article number and its text (a law's 第一条　…)
    (
        "第一条\u3000为了加强基层党组织建设，制定本规则。",
        "第一条 为了加强基层党组织建设，制定本规则。",
    ),
    ("第十二条 本规则自发布之日起施行。", "第十二条 本规则自发布之日起施行。"),
    # names in a list keep their spaces; a two-character name's padding goes
    ("出席会议的还有王刚 李伟 陈静等同志。", "出席会议的还有王刚 李伟 陈静等同志。"),
    ("主持人：王刚 李伟", "主持人：王刚 李伟"),
    (
        "王\u3000明\u3000李晓华\u3000张\u3000三\u3000刘德胜\u3000陈\u3000静\u3000赵国庆",
        "王明 李晓华 张三 刘德胜 陈静 赵国庆",
    ),
    ("（作者为江苏省丹 阳市 委常委、组织部部长）", "（作者为江苏省丹阳市委常委、组织部部长）"),
    ("时 间 安 排", "时间安排"),  # letter-spaced words that open with a surname: no names
    ("严 格 管 理", "严格管理"),
    # a dateline's space, and the space between two phrases of a title, stay
    ("新华社北京7月4日电 全国组织工作会议召开。", "新华社北京7月4日电 全国组织工作会议召开。"),
    (
        "学习《决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利》，",
        "学习《决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利》，",
    ),
    ("借用《敬业 与乐业》一文的话，", "借用《敬业与乐业》一文的话，"),
    ("要落实第一条 规定的责任，", "要落实第一条规定的责任，"),  # inside a sentence
    # spaces that part words by convention, in prose too
    ("第一條 為了規範採購行為，制定本辦法。", "第一條 為了規範採購行為，制定本辦法。"),
    ("第 12 条 本规定自发布之日起施行。", "第 12 条 本规定自发布之日起施行。"),
    ("第三部分 以案为鉴，警钟长鸣。", "第三部分 以案为鉴，警钟长鸣。"),
    (
        "主办：云南省科技厅 云南省教育厅，承办：云南大学。",
        "主办：云南省科技厅 云南省教育厅，承办：云南大学。",
    ),
    ("中国移动 中国电信 中国联通，三家企业参加。", "中国移动 中国电信 中国联通，三家企业参加。"),
    ("北京市 上海市 广州市，三地同时启动。", "北京市 上海市 广州市，三地同时启动。"),
    ("党建 引领 基层 治理，成效明显。", "党建引领基层治理，成效明显。"),  # a PDF's spacing
    ("要 坚持 和 加强 党的 全面 领导，", "要坚持和加强党的全面领导，"),
    ("2023年10月1日 星期日，天气晴。", "2023年10月1日 星期日，天气晴。"),
    ("“坚定理想信念 筑牢信仰之基”主题党课。", "“坚定理想信念 筑牢信仰之基”主题党课。"),
    ("会上，我们要坚持 以人民为中心。", "会上，我们要坚持以人民为中心。"),  # no slogan: prose
    ("全面从严 治党是鲜明主题。", "全面从严治党是鲜明主题。"),
    ("一、 过去一年工作回顾", "一、过去一年工作回顾"),  # Word's tab after its numbering
    ("（二） 2024年工作安排", "（二）2024年工作安排"),
    ("第一章 总则", "第一章 总则"),
    # a justified PDF line, letter-spaced: the digits' spaces go too
    ("2 0 2 3 年 ， 湖 西 街 道 党 工 委 在 区 委 领 导 下", "2023年，湖西街道党工委在区委领导下"),
]


@pytest.mark.parametrize(("damaged", "expected"), STRAY_SPACES)
def test_stray_spaces_between_han(damaged: str, expected: str) -> None:
    assert repair(damaged).text == expected


CLEAN = [
    "他问：“Why?”",  # a ? or ! that ends a Latin word before a closing mark is ASCII
    "《Mamma Mia!》",
    "第一章 总则........1",  # a table of contents' dot leader
    "https://baike.baidu.com/item/云南?fromModule=lemma",  # a query after a Chinese path
    "详见 http://www.gov.cn/zhengce/通知?id=123 。",  # `?i` is no lost lead byte + trail
    "请访问 www.example.cn/公告?id=5&t=2 查看",
    'print("你好")',  # code, data and formulas: their ASCII marks are syntax
    "console.log('加载完成');",
    '{"name": "张三", "age": 30}',
    '=IF(A1>=60,"及格","不及格")',
    "[说明](./文档/说明.md)",  # a Markdown link's target
    "家庭👨\u200d👩\u200d👧照片",  # a zero-width joiner inside an emoji
    "组织部门是“党员之家、干部之家、人才之家”。",
    "組織部門是“黨員之家、干部之家、人才之家”。",
    "设立1.8亿元科技人才专项资金，为全市77个团队服务。",
    "详见 https://www.gov.cn/zhengce/index.htm?id=3，或发邮件至 info@example.org。",
    "Prefect and pandera are Python libraries (MIT, Apache-2.0).",
    "你真的这样想吗？当然！",
    "We met on 2023-04-10 at 10:30, didn't we?",
    "Это русский текст, не китайский.",
    "《村民委员会组织法（试行）》",
    "《中華人民共和國憲法》（修正案）第一條規定了國家的根本制度。",
    "这个字读作“误”（wù），意思是错误。",
    "他问：“你来了吗？”我说：“来了。”",
    "增长3.5%，达到1,234.56亿元，比2022年提高0.8个百分点。",
    "日本語の文章です。東京へ行きます。",
    "한국어 문장입니다.",
    "café, Müller, año, naïve",
    "Is this right? Yes (mostly).",
    "联系方式：office@example.org.cn，网址：https://www.gov.cn/?a=1",
    "组织部长 李晓波",
    "第一章 总则",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text: str) -> None:
    fixed = repair(text)
    assert fixed.text == text
    assert fixed.repairs == Counter()


def test_repair_counts_by_kind() -> None:
    fixed = repair("\ufeff優(yōu)化,空談?wù)`國２０２２")
    assert fixed.text == "優化，空談誤國2022"
    assert fixed.repairs == Counter(
        invisible_chars=1,
        pinyin_annotation=1,
        gbk_annotation_in_pair=1,
        ascii_punctuation=1,
        fullwidth_alnum=4,
    )
    assert not fixed.lossy
    assert fixed.uncertain == []


def test_repair_marks_what_the_bytes_cannot_give() -> None:
    fixed = repair("A?wù)B，解決新問題??匆豢匆呀?jīng)出臺")
    assert fixed.text == "A\ufffdB，解決新問題。看一看已經出臺"
    assert fixed.lossy
    assert fixed.repairs["pinyin_annotation_damaged"] == 1
    assert [fixed.text[a:b] for a, b in fixed.uncertain] == ["。", "經"]


URLS_AND_MAIL = [
    ("详见http://www.gov.cn/a.htm?x=1,请查阅", "详见http://www.gov.cn/a.htm?x=1，请查阅"),
    ("邮箱:info@gov.cn,电话:123", "邮箱：info@gov.cn，电话：123"),
    ("网址www.gov.cn.欢迎", "网址www.gov.cn.欢迎"),
    ("ftp://x.cn/a;b", "ftp://x.cn/a;b"),
]


@pytest.mark.parametrize(("damaged", "expected"), URLS_AND_MAIL)
def test_urls_and_mail_addresses_are_left_alone(damaged: str, expected: str) -> None:
    assert fix_ascii_punctuation(damaged)[0] == expected


PATHOLOGICAL = [  # each took seconds or more with a backtracking regex; now linear
    '他说"' + "中" * 30000,
    "(" + "中" * 30000,
    "x" * 30000 + "@中国",
    "x" * 30000 + "://中国",
    "." * 30000 + "中",
    "?" + "ā" * 30000 + "?",
]


@pytest.mark.parametrize("line", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_lines_are_repaired_as_expected(line: str) -> None:
    expected = "……中" if line.startswith(".") else line
    assert repair(line).text == expected


def test_warm_up_builds_the_tables_a_first_batch_would() -> None:
    from zhclean.repair import degraded, gbk_bytes, lm, mojibake, warm_up

    degraded.segmenter.cache_clear()
    warm_up()
    assert lm._build.cache_info().currsize == 1
    assert lm._shape_tables.cache_info().currsize == 1
    assert degraded.segmenter.cache_info().currsize == 1
    assert degraded.segmenter().dt.initialized  # jieba's dictionary is loaded
    assert gbk_bytes._pairs.cache_info().currsize == 1
    assert gbk_bytes._by_reading.cache_info().currsize == 1
    assert mojibake._gates.cache_info().currsize == 1
    assert gbk_bytes._pairs()[0xD5, 0x60] == "誤"  # the seed's lost-lead-byte character


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这个APP?怎么下载?", "这个APP？怎么下载？"),
        ("PDF?还是Word?都可以。", "PDF？还是Word？都可以。"),
    ],
)
def test_a_question_after_a_latin_word_in_a_chinese_sentence(text: str, expected: str) -> None:
    assert repair(text).text == expected
