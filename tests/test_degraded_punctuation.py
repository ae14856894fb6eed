"""Degraded punctuation (every ，、。：； became `.`, every quote `'`): (damaged, expected)
tables; text that does not show this damage must come out unchanged."""

from pathlib import Path

import pytest
from conftest import time_ratio

from zhclean.repair.degraded import fix_degraded_punctuation

SEED = Path(__file__).parent.parent / "raw" / "001_94f8bc70a1ccfcb3.txt"

RESTORED = [
    # items of a list ending alike are no frame heads: 、 between them
    (
        "坚持和完善党员活动日制度.调训轮训制度.学时学分制度等.推进教育管理制度创新.",
        "坚持和完善党员活动日制度、调训轮训制度、学时学分制度等，推进教育管理制度创新。",
    ),
    # 即 announces the quotation that spells it out (seed 001's last section)
    (
        "我们创新开展'五比五创'活动.即.'比学习创一流素质'.增强了凝聚力.",
        "我们创新开展“五比五创”活动，即：“比学习创一流素质”，增强了凝聚力。",
    ),
    # quotation after a speech verb: ：“…。” and a sentence end after it
    (
        "他在会上强调指出.'要加强学习.提高素质.'会议要求各地抓好落实.确保取得实效.",
        "他在会上强调指出：“要加强学习，提高素质。”会议要求各地抓好落实，确保取得实效。",
    ),
    # a time word opens the sentence; short parallel items take 、
    (
        "今年.我们围绕科学发展选干部.配班子.建队伍.聚人才.努力提供坚强的组织保证.",
        "今年，我们围绕科学发展选干部、配班子、建队伍、聚人才，努力提供坚强的组织保证。",
    ),
    # enumerated topics end a sentence, and so does the clause before the next one
    (
        "一要强化发展理念.组织工作要与时俱进.体现时代特征.二要强化大局理念.要牢固树立全局意识.自觉服务大局.",
        "一要强化发展理念。组织工作要与时俱进，体现时代特征。二要强化大局理念。要牢固树立全局意识，自觉服务大局。",
    ),
    # single-clause enumerated items: ；
    ("一是加强学习.二是改进作风.三是提高效率.", "一是加强学习；二是改进作风；三是提高效率。"),
    # an announced count before 一是: ：
    (
        "要突出'四个围绕'.一是围绕项目建设发挥作用.根据发展需求选干部.二是围绕新农村建设发挥作用.加快脱贫步伐.",
        "要突出“四个围绕”：一是围绕项目建设发挥作用。根据发展需求选干部。二是围绕新农村建设发挥作用。加快脱贫步伐。",
    ),
    # short items inside a quotation
    (
        "全面推行'一个领导.一个项目.一套政策'的责任制.实行'一把手'工程.",
        "全面推行“一个领导、一个项目、一套政策”的责任制，实行“一把手”工程。",
    ),
    # quoted terms in a row
    (
        "深入实施'双强'工程.'大学生村干部'计划.扎实开展'双推双创'活动.",
        "深入实施“双强”工程、“大学生村干部”计划，扎实开展“双推双创”活动。",
    ),
    # items closing with 等
    (
        "坚持和完善党建责任制度.季度例会制度.全员信息制度等.推进基层党建工作制度创新.",
        "坚持和完善党建责任制度、季度例会制度、全员信息制度等，推进基层党建工作制度创新。",
    ),
    # items sharing their last character; the last one runs on
    (
        "围绕工业化.信息化.城镇化.国际化开展和推进组织工作.在开放的背景下开拓创新.",
        "围绕工业化、信息化、城镇化、国际化开展和推进组织工作，在开放的背景下开拓创新。",
    ),
    # X和Y closing a list; 同时 opens a sentence
    (
        "真正体现时代性.前瞻性和首创性.同时要加强领导.",
        "真正体现时代性、前瞻性和首创性。同时要加强领导。",
    ),
    # a quotation closed after its full stop; 这 opens the next sentence
    (
        "他说.'我们要继续努力.'这就要求我们必须提高素质.",
        "他说：“我们要继续努力。”这就要求我们必须提高素质。",
    ),
    # a repeated frame inside a quotation starts a new group
    (
        "会议指出.'坚持学习.学习.再学习.坚持实践.实践.再实践'.",
        "会议指出：“坚持学习、学习、再学习，坚持实践、实践、再实践”。",
    ),
    # a quoted topic explained by 就是
    (
        "思路是'突出一条主线.实现三个突破'.'突出一条主线'.就是突出学习.贯彻精神.",
        "思路是“突出一条主线、实现三个突破”。“突出一条主线”，就是突出学习，贯彻精神。",
    ),
    # a run-in byline goes on its own line
    (
        "三门峡市湖滨区委常委.组织部长 李晓波胡锦涛总书记在会上指出.要加强学习.提高素质.",
        "三门峡市湖滨区委常委、组织部长 李晓波\n胡锦涛总书记在会上指出，要加强学习，提高素质。",
    ),
    # numbered headings in sequence after sentence ends
    (
        "前言部分很短.一.总体要求各单位要高度重视.二.主要任务加强基层组织建设.",
        "前言部分很短。\n一、总体要求各单位要高度重视。\n二、主要任务加强基层组织建设。",
    ),
    # numbers keep their full stops
    (
        "投入资金1.8亿元.覆盖3.5万人.惠及全区群众.",
        "投入资金1.8亿元，覆盖3.5万人，惠及全区群众。",
    ),
    # a lone enumerated topic is a sentence; a bare word after 一是 takes a comma
    (
        "三是不安心现状想提拔.干部不讲提拔不现实.只讲提拔不正确.",
        "三是不安心现状想提拔。干部不讲提拔不现实，只讲提拔不正确。",
    ),
    # 等 inside a word (一等) closes no list
    ("一是傲气.总觉得高人一等.经不起批评.", "一是傲气，总觉得高人一等，经不起批评。"),
    # a saying standing as a sentence: ， inside, 。 around it
    (
        "要多思考.'学而不思则罔.思而不学则殆'.只有将勤学与善思有机结合.才能不断进步.",
        "要多思考。“学而不思则罔，思而不学则殆”。只有将勤学与善思有机结合，才能不断进步。",
    ),
    # a quotation announced by 名言: ：
    (
        "哲学家黑格尔有句名言.'没有激情.任何伟大的事业都不能完成.'",
        "哲学家黑格尔有句名言：“没有激情，任何伟大的事业都不能完成。”",
    ),
    # the next sentence takes up the last word (态度。态度…)
    (
        "五要有精益求精的态度.态度决定一切.关键在于用心.",
        "五要有精益求精的态度。态度决定一切，关键在于用心。",
    ),
    # 有的…，…；有的…
    (
        "有的同志觉得底子薄了.不好学.有的同志觉得应酬多了.不用学.",
        "有的同志觉得底子薄了，不好学；有的同志觉得应酬多了，不用学。",
    ),
    # modifiers of one head: 、
    (
        "要始终保持奋发向上.锐意进取的精神状态.努力做好工作.",
        "要始终保持奋发向上、锐意进取的精神状态，努力做好工作。",
    ),
    # a question opens a sentence; no sentence end right after 我认为
    (
        "务实就是口号.如何提高执行力？我认为.首先要提高能力.",
        "务实就是口号。如何提高执行力？我认为，首先要提高能力。",
    ),
    # 大家 opens a sentence, 我们 continues one, and so does the clause after 为了…
    (
        "学习也要讲效率.大家在学习中要注重提高效率.力求学习效果最大化.",
        "学习也要讲效率。大家在学习中要注重提高效率，力求学习效果最大化。",
    ),
    (
        "在全面从严治党的大背景下.我们要改变传统观念.提高认识.",
        "在全面从严治党的大背景下，我们要改变传统观念，提高认识。",
    ),
    (
        "为了做好组织工作.大家付出了很多心血.值得肯定.",
        "为了做好组织工作，大家付出了很多心血，值得肯定。",
    ),
    # 这是/这很/这就 take up the clause before them; 这次 opens a sentence
    (
        "大家很辛苦.但也有少数同志想轮换到轻闲岗位.这是一种怕吃苦的表现.",
        "大家很辛苦，但也有少数同志想轮换到轻闲岗位，这是一种怕吃苦的表现。",
    ),
    ("有不同看法.这很正常.但要注意方法.", "有不同看法，这很正常，但要注意方法。"),
    (
        "大家辛苦了.这次培训班就要结束了.希望大家学有所获.",
        "大家辛苦了。这次培训班就要结束了，希望大家学有所获。",
    ),
    # 说过 and 名言 announce a quotation that runs on: ：
    (
        "毛主席说过.'读书是学习.使用也是学习.'大家要把学习当作提升自我的过程.",
        "毛主席说过：“读书是学习，使用也是学习。”大家要把学习当作提升自我的过程。",
    ),
    # a count at the line's end announces the next line: ：
    (
        "在任务十分繁重的情况下.专门拿出三天时间举办培训班.主要是基于下面几点考虑.",
        "在任务十分繁重的情况下，专门拿出三天时间举办培训班，主要是基于下面几点考虑：",
    ),
    ("以成败论英雄.凭业绩用干部.主要看三点.", "以成败论英雄，凭业绩用干部，主要看三点："),
    # a quoted count announces the enumeration; bare enumerated words take ； between items
    (
        "部机关干部有'四气'.一是傲气.总觉得高人一等.二是霸气.总是盛气凌人.",
        "部机关干部有“四气”：一是傲气，总觉得高人一等；二是霸气，总是盛气凌人。",
    ),
    # a label opening the line: ：
    (
        "第一句话.正确认识加强业务能力的必要性.从思想上解决'要不要'的问题.",
        "第一句话：正确认识加强业务能力的必要性，从思想上解决“要不要”的问题。",
    ),
    (
        "导语.本文来源于网友上传.不代表本站观点.欢迎参考.",
        "导语：本文来源于网友上传，不代表本站观点，欢迎参考。",
    ),
    # groups opening with clauses of one frame: ； between them
    (
        "从政治上讲.执行力不强是不讲政治的表现.从工作上讲.执行力不强是能力不够的表现.",
        "从政治上讲，执行力不强是不讲政治的表现；从工作上讲，执行力不强是能力不够的表现。",
    ),
    (
        "从过程来看.就是要心无旁骛.成为内行专家.从成效来看.就是要做出成效.",
        "从过程来看，就是要心无旁骛，成为内行专家；从成效来看，就是要做出成效。",
    ),
    # titles in a row, and neighbouring numbers: 、
    (
        "建立了《组织部政治学习制度》.《组织部业务培训制度》.《组工干部自学规划》等规章制度.为学习提供了保证.大家反映良好.",
        "建立了《组织部政治学习制度》、《组织部业务培训制度》、《组工干部自学规划》等规章制度，为学习提供了保证。大家反映良好。",
    ),
    (
        "不能只凭听一.两次汇报就断定水平的高低.只看一.两个工程就评定成绩的大小.",
        "不能只凭听一、两次汇报就断定水平的高低，只看一、两个工程就评定成绩的大小。",
    ),
]


@pytest.mark.parametrize(("damaged", "expected"), RESTORED)
def test_restored(damaged: str, expected: str) -> None:
    assert fix_degraded_punctuation(damaged)[0] == expected


UNCHANGED = [
    "我们今天很好，明天也好。后天更好。",
    "组织部门是“党员之家、干部之家、人才之家”。我们围绕这个课题，作了一些探索。",
    "組織部門是“黨員之家、幹部之家”。我們圍繞這個課題，作了一些有益的探索。",
    "Hello world. This is a test. It works. Yes.",
    "设立1.8亿元专项资金，增长3.5%。",
    "版本v1.2.3已经发布，下载v2.0.1也可以",
    "详见 http://www.gov.cn/a.b.c.html 或 mail.me@example.com.cn",
    "1.实施人才强区计划.每年选派干部",
    "时间 10:37 开会",
    "e.g. U.S. 和 i.e. 的用法",
    "常委.组织部长",
    "他说.好的",
    "来源于网友上传,不代表本站观点.若需要原创文章.可咨询客服.欢迎参考.",
    "時間:2022-10-17 10:37:00",
    "树立“知识型”观念.加强学习.提高素质.改进作风.",
    "我们今天很好,明天也好.后天更好.大后天也好.",
    "文件名为report.final.v2.docx和data.backup.tar.gz",
    "他说'好的'.然后离开了.",
    "价格为3.5元和4.5元.见附表1.2.",
    "第一句话：正确认识加强业务能力的必要性。",
    "下面，我讲三点意见：",
    "不能只凭听一、两次汇报.就断定水平的高低.",
    "《组织部学习制度》.《组织部培训制度》.《组工干部自学规划》",
    "这是一种表现.这很正常.",
    "",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text: str) -> None:
    assert fix_degraded_punctuation(text) == (text, {})


def test_counts() -> None:
    text, counts = fix_degraded_punctuation(
        "三门峡市湖滨区委常委.组织部长 李晓波胡锦涛总书记在会上指出.'要加强学习.提高素质.'"
    )
    assert (
        text
        == "三门峡市湖滨区委常委、组织部长 李晓波\n胡锦涛总书记在会上指出：“要加强学习，提高素质。”"
    )
    assert counts == {"degraded_punctuation": 6, "lost_line_breaks": 1}


# Seed 001, read by hand: its second line as a careful editor restores it (the start).
SEED_START = (
    "三门峡市湖滨区委常委、组织部长 李晓波\n"
    "胡锦涛总书记在全国组织工作会议上强调指出：“党要站在时代前列带领人民不断开创事业发展"
    "新局面，必须以改革创新精神加强自身建设，始终成为中国特色社会主义事业的坚强领导核心。”"
    "当前，全省上下正在深入开展的“新解放、新跨越、新崛起”大讨论活动就是进行理论武装、观念"
    "更新、推进发展、加强党自身建设的重要活动载体。作为党委的重要职能部门，必须站在全局和时代"
    "的高度，在大胆探索中实现突破，在拓宽思路中创新举措，在把握规律中增强预见，不断分析新情况、"
    "迎接新挑战、解决新矛盾，开辟思想解放的新境界，开创新起点上组织工作的新局面。\n"
    "创新发展组织工作理念，使之更加富有时代气息\n"
    "组织工作要创新，必须解放思想，开放新的观念，开阔新的视野，确立新的理念，真正体现时代性、"
    "前瞻性和首创性。一要强化发展理念。组织工作无论是工作内容还是方式方法都要与时俱进，体现出"
    "时代特征和要求，始终把推进科学发展作为目的和归宿，围绕科学发展选干部、配班子、建队伍、"
    "聚人才，努力为科学发展提供坚强的组织保证。二要强化大局理念。要牢固树立全局意识，自觉把"
    "组织工作放到时代发展的大环境中去思考，放到全省、全市的大背景下去把握，放到当前全区中心"
    "工作的大局下去谋划。三要强化创新理念。要善于思考、勇于创新，以创新和发展来破解工作中"
    "不符合不适应新形势要求的突出问题，破解工作实践中遇到的难点问题，破解干部群众反映强烈的"
    "热点问题。四要强化开放理念。在全面参与全球化的视野下审视和谋划组织工作，围绕工业化、"
    "信息化、城镇化、市场化、国际化开展和推进组织工作，在开放的背景下开拓创新，努力提升工作"
    "水平。五要强化人才理念。"
)

SEED_LINES = {
    0: "三门峡市湖滨区委常委、组织部长 李晓波",
    2: "创新发展组织工作理念，使之更加富有时代气息",
    4: "创新谋划组织工作思路，使之更加紧扣创新主题",
    6: "创新探索党组织设置方式，使之更加适应社会发展",
    8: "创新完善组织工作机制，使之更加遵循科学规律",
    10: "创新丰富组织工作载体，使之更加彰显特色活力",
    12: "创新加强党内民主建设，使之更加体现以人为本",
    14: "创新开拓作用发挥形式，使之更加突出实际效果",
    16: "创新提升自身建设水平，使之更加符合形势需要",
}
# where each body part starts, after its heading
SEED_BODY_STARTS = {
    1: "胡锦涛总书记在全国组织工作会议上强调指出：“",
    3: "组织工作要创新，",
    5: "解放思想的出发点和落脚点是创新思路、",
    7: "在新的历史起点上继续解放思想，",
    9: "胡锦涛同志强调，要继续加大制度建设和创新力度，",
    11: "创新是思想解放，",
    13: "解放思想是思想的开放性、变革性、创新性活动，",
    15: "解放思想，更新观念，",
    17: "胡锦涛总书记强调：“各级组织部门和广大组工干部",
}


def _seed_line() -> str:
    return SEED.read_text(encoding="utf-8").split("\n")[1]


def test_seed_start() -> None:
    text, _ = fix_degraded_punctuation(_seed_line())
    assert len(SEED_START) > 600
    assert text[: len(SEED_START)] == SEED_START


def test_seed_line_breaks() -> None:
    text, counts = fix_degraded_punctuation(_seed_line())
    lines = text.split("\n")
    assert len(lines) == 18
    assert {i: lines[i] for i in SEED_LINES} == SEED_LINES
    assert all(lines[i].startswith(start) for i, start in SEED_BODY_STARTS.items())
    assert all(line.endswith("。") for i, line in enumerate(lines) if i % 2)
    assert counts["lost_line_breaks"] == 17
    # nothing lost or invented: only the marks changed
    assert text.translate(str.maketrans("", "", "\n，、。：；“”‘’")) == _seed_line().translate(
        str.maketrans("", "", ".'")
    )
    assert "." not in text and "'" not in text


def test_seed_title_line_unchanged() -> None:
    title = SEED.read_text(encoding="utf-8").split("\n")[0]
    assert fix_degraded_punctuation(title) == (title, {})


@pytest.mark.parametrize(
    "unit", [None, "啊.", "啊", "啊'"], ids=["seed line", "dots", "no mark", "quotes"]
)
def test_long_lines_take_linear_time(unit: str | None) -> None:
    # 4 times the length: about 4 times the time when linear, 16 when quadratic
    text = (_seed_line() * 32) if unit is None else unit * 20_000
    assert time_ratio(fix_degraded_punctuation, text[:7_500], text[:30_000]) < 8
