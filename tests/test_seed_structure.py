"""The seven seed documents, read by hand: title block, headings with levels, sentences.

Each expectation below was written from reading the repaired, Simplified text as an
editor would, not copied from the code's output. The raw files run through the same
text stages as in the pipeline (`process_file`), without Prefect.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from conftest import RAW

from zhclean.discover import discover
from zhclean.pipeline import Config, process_data, process_file

Row = tuple[str | None, int, int | None]  # (heading, level, parent_index)
OPENING: Row = (None, 0, None)

D000 = "000_16c6675c796f8493.txt#1"
D001 = "001_94f8bc70a1ccfcb3.txt#1"
D002 = "002_2176e90696f6cbac.txt#1"
D003_1 = "003_e1432cc8c8ea04d6.txt#1"
D003_2 = "003_e1432cc8c8ea04d6.txt#2"
D003_3 = "003_e1432cc8c8ea04d6.txt#3"
D004 = "004_5278913ac78e06dd.txt#1"


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    files, rejects = discover(RAW, 50 * 2**20)
    assert rejects == []
    docs: dict[str, dict] = {}
    for raw in files:
        found, reject, _ = process_file(raw, Config())
        assert reject is None, reject
        docs.update({doc["doc_id"]: doc for doc in found})
    return docs


def test_seven_documents(seeds: dict[str, dict]) -> None:
    assert sorted(seeds) == [D000, D001, D002, D003_1, D003_2, D003_3, D004]


# --- title block ------------------------------------------------------------------

HEADERS = {
    # 时间 line under the title; the 导语 disclaimer (来源于网友上传, 不代表本站观点) goes
    D000: dict(
        title="优化发展环境交流",
        published_at=datetime(2022, 10, 17, 10, 37),
        author=None,
        source_name=None,
        metadata={},
        removed={"metadata_line": 1, "boilerplate_disclaimer": 1},
    ),
    # the byline, recovered on its own line by the repair stage: office, space, name
    D001: dict(
        title="以思想的大解放开创组织工作新局面",
        published_at=None,
        author="李晓波",
        source_name=None,
        metadata={"byline": "三门峡市湖滨区委常委、组织部长 李晓波"},
        removed={"metadata_line": 1},
    ),
    # 发布时间 … 访问次数：(empty) 朱鸿翔 信息来源：…, then a "-" separator
    D002: dict(
        title="组工干部要善于“四看”",
        published_at=datetime(2008, 11, 13, 10, 51),
        author="朱鸿翔",
        source_name="中国共产党新闻网",
        metadata={},
        removed={"metadata_line": 1, "separator": 1},
    ),
    # compilation: parts titled by their part lines; teaser-plus-ad lines go
    D003_1: dict(
        title="在全市组工干部业务培训示范班上的交流发言篇1",
        published_at=None,
        author=None,
        source_name=None,
        metadata={},
        removed={"compilation_header": 1, "boilerplate_ad": 1},
    ),
    D003_2: dict(
        title="在全市组工干部业务培训示范班上的交流发言篇2",
        published_at=None,
        author=None,
        source_name=None,
        metadata={},
        removed={"boilerplate_ad": 1},
    ),
    D003_3: dict(
        title="在全市组工干部业务培训示范班上的交流发言篇3",
        published_at=None,
        author=None,
        source_name=None,
        metadata={},
        removed={"boilerplate_ad": 1, "recommended_reading": 1},
    ),
    # no title line; the note names an office, not a person, so no author
    D004: dict(
        title=None,
        published_at=None,
        author=None,
        source_name=None,
        metadata={
            "author_note": "作者为江苏省丹阳市委常委、组织部部长",
            "editors": "责编/肖楠 美编/石玉",
        },
        removed={"author_note": 1, "editor_credit": 1},
    ),
}


@pytest.mark.parametrize("doc_id", HEADERS)
def test_title_block(seeds: dict[str, dict], doc_id: str) -> None:
    doc = seeds[doc_id]
    got = dict(
        title=doc["title"],
        published_at=doc["published_at"],
        author=doc["author"],
        source_name=doc["source_name"],
        metadata={p["key"]: p["value"] for p in doc["metadata"]},
        removed={p["kind"]: p["count"] for p in doc["removed"]},
    )
    assert got == HEADERS[doc_id]


def test_no_metadata_or_boilerplate_left_in_text(seeds: dict[str, dict]) -> None:
    for doc in seeds.values():
        text = doc["text"]
        for residue in ("来源于网友上传", "本站", "小编", "推荐访问", "责编", "作者为", "发布时间"):
            assert residue not in text, (doc["doc_id"], residue)
        assert doc["title"] is None or not text.startswith(doc["title"])


# --- headings and levels ---------------------------------------------------------------

HEADINGS: dict[str, list[Row]] = {
    D000: [
        OPENING,
        ("一、完善学习制度，使组织部成为学习型集体", 1, None),
        ("二、建立创新机制，使组织部成为创新型部门", 1, None),
        ("三、创新工作制度，使组织部成为实干型团队", 1, None),
    ],
    # eight unnumbered headings, recovered from the run-on text by the repair stage
    D001: [
        OPENING,
        ("创新发展组织工作理念，使之更加富有时代气息", 1, None),
        ("创新谋划组织工作思路，使之更加紧扣创新主题", 1, None),
        ("创新探索党组织设置方式，使之更加适应社会发展", 1, None),
        ("创新完善组织工作机制，使之更加遵循科学规律", 1, None),
        ("创新丰富组织工作载体，使之更加彰显特色活力", 1, None),
        ("创新加强党内民主建设，使之更加体现以人为本", 1, None),
        ("创新开拓作用发挥形式，使之更加突出实际效果", 1, None),
        ("创新提升自身建设水平，使之更加符合形势需要", 1, None),
    ],
    # 一要善于“回头看”，… opens a paragraph that runs on: body, not a heading
    D002: [OPENING],
    D003_1: [
        OPENING,
        ("一、办班为什么", 1, None),
        ("1、人员变化快。", 2, 1),
        ("2、工作标准高。", 2, 1),
        ("3、个人想法多。", 2, 1),
        ("二、目标是什么", 1, None),
        ("1、提高学习能力。", 2, 5),
        ("2、提高业务能力。", 2, 5),
        ("3、提高创新能力。", 2, 5),
        ("三、培训看什么", 1, None),
        ("1、看态度。", 2, 9),
        ("2、看纪律。", 2, 9),
        ("3、看效果。", 2, 9),
    ],
    D003_2: [
        OPENING,
        ("第一，把事业当家业", 1, None),
        ("1、契而不舍的奋斗精神。", 2, 1),
        ("2、甘为人梯的奉献精神。", 2, 1),
        ("3、和谐共事的团结精神。", 2, 1),
        ("第二，凭业绩用干部", 1, None),
        ("1、工作怎么干。", 2, 5),
        ("2、业绩怎么看。", 2, 5),
        ("3、进步怎么办。", 2, 5),
        ("第三，用作风树形象", 1, None),
        ("1、勤奋好学。", 2, 9),
        ("2、务实重干。", 2, 9),
        ("3、公道正派。", 2, 9),
    ],
    D003_3: [
        OPENING,
        (
            "第一句话：正确认识加强组工干部业务精通能力的必要性，从思想上解决“要不要”的问题。",
            1,
            None,
        ),
        ("第二句话：准确把握组工干部业务精通的内在要求，从目标上理清“做什么”的问题。", 1, None),
        (
            "第三句话：切实找准实现组工干部业务精通的方法路径，从行动上落实“怎么做”的问题。",
            1,
            None,
        ),
    ],
    # unnumbered short heading lines; 一是… paragraphs under them are body
    D004: [
        OPENING,
        ("打造组织部门公道正派形象，让“家风门风”更正", 1, None),
        ("提高机关干部能力素养，让“家庭成员”更棒", 1, None),
        ("服务基层党员干部人才，让“家的味道”更浓", 1, None),
    ],
}


@pytest.mark.parametrize("doc_id", HEADINGS)
def test_headings(seeds: dict[str, dict], doc_id: str) -> None:
    sections = seeds[doc_id]["_sections"]
    assert [(s.heading, s.level, s.parent_index) for s in sections] == HEADINGS[doc_id]


# --- sentences --------------------------------------------------------------------------

# doc_id -> section_index -> every sentence of that section's body, in order (only the
# first few for the sections in FIRST_FEW)
SENTENCES: dict[str, dict[int, list[str]]] = {
    D000: {
        0: [
            "新形势下的组织工作对组织部门提出了更高的要求与更为严峻的挑战，如何以党的**精神为指导，"
            "做好新形势下的组织工作，必须从制度建设入手，改变工作方式方法，建立一套适应市场经济发展、"
            "适合时展需要、适宜组织工作实际，具有整体性、系统性、效能性的基层组织运行机制。"
        ],
        3: [
            "空谈误国，实干兴邦。",
            "有人说，组织部门是务虚的部门，干了看不到成绩，不干也看不出问题。",
            "这一方面反映著人们对组织工作认识上的偏见，另一方面也说明组织工作还存在著许多亟待改进"
            "和加强的地方。",
            "为此，我们必须以作风建设为根本，以创新工作制度为保证，以新的工作思路，把党建工作与促进"
            "生产力的发展、与社会主义先进文化的建设、与最广大人民群众的根本利益结合起来，走出就党建抓"
            "党建、就组织工作抓组织工作的误区，努力使组织部门成为实干型团队，切实使组织工作成为经济"
            "发展和社会进步强有力的保证。",
            "组织部是管党员、管干部的特殊部门，组织工作是一项政治性、政策性都非常强的工作，并且每项"
            "工作都与党的建设和群众的利益密切相关。",
            "因此，组工干部必须大力加强自身的作风建设，求真务实，真抓实干，严谨细致，任劳任怨。",
            "为此，我们制定了《绿园区组工干部作风建设八点要求》，创新了工作方法，力戒形式主义，严禁"
            "弄虚做假，防止做表面文章，做到知实情，讲实话，办实事，求实效，以“真”为本，以“实”为根，"
            "以“干”为要，确保组织工作各项任务落到实处。",
            "按照《绿园区组工干部作风建设八点要求》，一是以加强组工干部的作风建设为重点，引导组工干部"
            "实干。",
            "以“八个坚持，八个反对”为标准，检验组工干部的思想、工作、学习情况，树立组工干部求真务实"
            "的思想观念。",
            "二是以严格挑选组工干部为关键，注重组工干部实干。",
            "组织部是一个求真务实、严格高效的部门，每一项工作都需要真抓实干，因此在选用组工干部过程"
            "中，同样必须坚持以好的作风选作风好的人，在全面考核预选干部政治思想、工作水平、业务能力的"
            "同时，必须把是否具有实干精神作为一项重要条件，吸纳实干型的干部，从源头上遏制工作飘浮、"
            "弄虚作假等不正之风。",
            "三是以实干者荣、实干者上为导向，激励组工干部实干。",
            "组织部门没小事，每一项工作都需要我们扎扎实实地去做，如考察干部，必须深入细致，全面了解"
            "情况，不能只凭听一、两次汇报就断定一个干部工作水平的高低，只看一、两个工程就评定一个"
            "干部成绩的大小。",
            "要想了解干部的真实情况，组工干部必须沉下去，尽可能的多接触干部，多倾听群众意见，才能了解"
            "实际，掌握实情，准确评价一个干部。",
            "多年以来，绿园区委组织部在评优、重用、提职等工作中重点看组工干部是否实干。",
            "四是以组织部门作风转变为带动，要求组工干部实干。",
            "必须克服和防止以会议落实会议，以文件贯彻文件，会议开过，文件发过，制度制定了，工作就算"
            "落实了的现象。",
            "使全部组织工作都必须要在广泛深入的调查研究基础上决策，在真抓实干中落实，在确保效果中"
            "实施，在群众满意中开展，使组织部门真正成为实干型的团体。",
        ],
    },
    D001: {
        # a quotation closed by ”, after a colon that does not end the sentence
        0: [
            "胡锦涛总书记在全国组织工作会议上强调指出：“党要站在时代前列带领人民不断开创事业发展"
            "新局面，必须以改革创新精神加强自身建设，始终成为中国特色社会主义事业的坚强领导核心。”",
            "当前，全省上下正在深入开展的“新解放、新跨越、新崛起”大讨论活动就是进行理论武装、观念"
            "更新、推进发展、加强党自身建设的重要活动载体。",
            "作为党委的重要职能部门，必须站在全局和时代的高度，在大胆探索中实现突破，在拓宽思路中"
            "创新举措，在把握规律中增强预见，不断分析新情况、迎接新挑战、解决新矛盾，开辟思想解放的"
            "新境界，开创新起点上组织工作的新局面。",
        ],
        4: [
            "胡锦涛同志强调，要继续加大制度建设和创新力度，最大限度地发挥制度体系的整体合力和综合"
            "效用。",
            "一是在制度创新上下功夫。",
            "坚持和完善干部推荐票决制度、竞争上岗和聘用制度、责任追究制度等，推进干部选任制度创新；"
            "坚持和完善联席会议监督制度、重大事项报告制度、任职试用期制度、经济责任审计制度等，推进"
            "干部管理监督制度创新；坚持和完善党员活动日制度、调训轮训制度、学时学分制度等，推进党员"
            "干部教育管理制度创新；坚持和完善人才培养、定向帮带、跟踪管理等制度等，推进人才工作制度"
            "创新；坚持和完善党建责任制度、季度例会制度、全员信息制度、组织员上挂锻炼制度，基层党组织"
            "换届“公推直选”、“三推一选”制度等等，推进基层党建工作制度创新。",
            "二是在发挥制度作用上下功夫。",
            "以提高工作质量和效率为目的，创新组织工作目标推进、责任驱动、激励鞭策、效果评判等一系列"
            "工作推动机制，真正发挥组织工作制度的保障和促进作用。",
            "三是在建立长效机制上下功夫。",
            "把那些经过实践检验，效果明显，群众满意的经验和办法用制度的形式固定下来，建立长效工作"
            "机制，巩固扩大先进性教育活动成果。",
        ],
    },
    D002: {
        0: [
            "在新的形势下，组工干部在日常工作中要养成“回头看”、“抬头看”、“低头看”、“向前看”的习惯，"
            "努力做一名党性修养高、道德品质优、工作作风实、能力素质强、精神面貌好的组工干部，推进组织"
            "工作创新发展。",
            "一要善于“回头看”，审视过去，从开门征求意见中直面问题，谋求对策。",
            "通过回头看，一是及时总结自己的成功之处，把工作中的经验心得及时记录下来，不断加以充实、"
            "改进和总结，使以后的工作更趋于完善。",
            "二是认真汲取工作中出现的失误，客观加以分析，并在下一步的工作中加以调整和改进。",
            "善于从同事的成功和失败中汲取经验和教训，得到启示，使自己的人生观和世界观得到进一步完善。",
            "做到每隔一段时间抽出时间进行“回头看”，反思自己党性强不强，品行良不良，形象好不好，业绩"
            "优不优，以“刮骨疗伤”的气魄和光明磊落的胸襟，勇于“自我解剖”，坦然面对错误、客观评价自己。",
            "以求真务实的精神，在总结教训中获得经验，通过反思使小错不会变成大过，确保以后不再重蹈覆辙。",
            "常思己过，将经常性反思作为对党忠诚、对民尽职、对己负责的“镜子”，努力做到“事省”、“日省”、"
            "“月省”，持之以恒。",
            "使过去的失误变成今后的成功，使过去的成功变成做好今天工作的动力。",
            "二要善于“抬头看”，环顾四周，在更大范围比较中确立目标，奋起直追。",
            "抬头看是为了认清形势，准确把握发展新趋势，紧跟时代进步潮流。",
            "只有把自己的工作放到全区、全市、全省乃至全国发展的大背景下来思考、研究问题，才能在比较中"
            "加深自我认识，明确自己的方向、目标，选择适合自己的发展道路，时刻清楚自己的工作在部内乃至"
            "全市处在什么样的位置，看一看党和人民群众的新需求和上级组织的新要求；看一看兄弟县区的工作"
            "进度。",
            "纵向同自己比，看工作有哪些新进展，取得了哪些新成效；横向同他人比，看各项工作的位次是否"
            "前移，是否处于前列。",
            "树立争先创优意识，并把这种意识转化为做好工作的动力，作为检验工作成效的标准。",
            "通过外出参观考察，“走出去”向先进地区学习，开阔眼界，增长见识，查找差距，改进不足，推动"
            "我们工作位次前移。",
            "通过“请起来”，组织专家教授讲课，吸取外地的成功经验和做法，集百家之长为我所用，以新的理念、"
            "新的思维、新的眼光来谋划组织工作。",
            "三要善于“低头看”，脚往下走，在深入一线调研中问计于民，寻求良策。",
            "作为组工干部，要善于眼睛向下，走向基层，到群众之中，体民情，察民意，听民声，谋民利，做到"
            "深入基层查实情，不图虚名说实话，心系群众办实事，在调查研究中了解新情况，分析新矛盾，解决"
            "新问题。",
            "看一看已经出台的一些政策措施群众赞成不赞成、满意不满意；即将出台的一些政策措施群众答应"
            "不答应、拥护不拥护。",
            "组织工作只有紧密联系群众，深切了解群众，才能真正服务群众。",
            "在建立组织工作联系点的基础上，经常深入到“寻常百姓”家中去，广泛听取意见建议，尊重群众意愿，"
            "通过民主恳谈和民主听证，努力使各项政策措施符合民心民意、取得实际成效。",
            "七月份以来，区委组织部确定了“提高选人用人公信度”、“扩大基层党内民主”、“村社干部激励保障"
            "机制”等8个课题，紧贴中心工作，深入到最偏远的乡镇、矛盾最多的村社，采取发放问卷、抽样调查"
            "的方式进行调研，为领导出思路、为基层出点子、为改革出新招，进一步掌握下情、发现问题，总结"
            "经验、破解难题，使调研成果转化为领导决策、推进工作。",
            "四要善于“向前看”，增添信心，在更好更快更强中创新发展，推进工作。",
            "中组部部长李源潮在全国组织部长学习贯彻十七大精神研究班上提出，组织工作要用面向世界的眼光"
            "来认识、用服务全局的眼光来谋划、用历史进步的眼光来研究、用创新发展的眼光来推进，从而为新"
            "时期组织工作指明了方向。",
            "向前看是为了看清方向，紧盯全年工作目标不放松，以长远的眼光，分析和解决问题，依据科学发展观，"
            "审视度势，确立更高的目标定位，自我超越，勇攀新高。",
            "通过加强督办考核，从发展实绩上增强加快发展的信心，把任务落实到科室，落实到具体责任人，对"
            "已经落实的工作看效果，对正在落实的工作讲进度，对没有落实的工作找原因，对落实不力的工作"
            "查责任。",
            "通过考核奖励，增强干部的责任心，调动干部的积极性，激活干部的创造力，推进组织工作向前更好"
            "更快发展。",
        ],
    },
    D003_1: {
        # the salutation is a sentence of its own; a trailing ： ends a line's sentence
        0: [
            "同志们：",
            "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会，更是一次转变作风的集训。",
            "下面，我讲三点意见：",
        ],
        1: [
            "在各项工作任务十分繁重的情况下，为什么专门拿出X天时间，举办组工干部培训班，主要是基于"
            "下面几点考虑：",
        ],
        # a source line break after ，: the line's end ends the sentence
        6: [
            "学习能力是基础能力。",
            "组工干部讲学习，",
            "一是方法。",
            "要多读书、读好书。",
            "读书，贵在有心，要用心读书；读书，贵在有恒，要坚持读书；读书，贵在有用，要理论联系实际。",
            "要多思考。",
            "“学而不思则罔，思而不学则殆”。",
            "只有将勤学与善思有机结合，才能形成新观点、新思路、新办法，更好地指导工作、推动实践。",
            "要多动笔。",
            "“好记性不如烂笔头”。",
            "只有平时多读多记、多思多写，用时才能融会贯通，信手拈来。",
            "二是效率。",
            "工作要讲效率，学习也要讲效率。",
            "我们部机关坚持每周五一次集中学习，机关干部把自己的特长、积累的经验和平时的思考，用讲课、"
            "说书、时事讲评等方式展现出来，使大家在最短的时间内学到了最多的内容，取得了一人看书、众人"
            "受益的良好效果。",
            "因此，大家在学习中要注重提高效率，力求学习效果最大化。",
            "三是运用。",
            "毛主席说过：“读书是学习，使用也是学习，而且是更重要的学习。”",
            "大家要把学习的过程当作提升自我、推进工作的过程，努力做到理论与实际、学习与运用、言论与"
            "行动相统一。",
        ],
    },
    D003_2: {
        0: [
            "同志们：",
            "经过三天紧张忙碌的集中培训，这次组工干部培训班就要圆满结束了。",
            "培训期间，大家按照基本职责、基本知识、基本方法、基本规范等“四个基本”要求，分别对组工干部"
            "素质、组织工作理论、基本业务知识进行了系统学习。",
            "刚才，X位同志作了交流发言，讲的都很好。",
            "大家普遍反映，学有所获、学有所得。",
            "培训结业既是终点更是起点，如何充分运用培训成果，提升自身素质和履职能力，做“事业有为、"
            "清廉为官”的组工干部，我谈三点体会，与同志们共勉。",
        ],
        1: [
            "人，总是要有一点精神的。",
            "把事业当家业，体现的是一种主人翁精神。",
            "组工干部的主人翁精神体现在哪里？",
            "体现在三个方面。",
        ],
        # a quotation after ：, its sentence closed by the quote mark
        8: [
            "有人说：“跟着组织部，年年有进步。”",
            "其实，进步有两层含义，一是能力提升，二是职务提拔。",
            "与职务提拔相比，能力提升更重要。",
            "年轻干部要墩苗打磨。",
            "“早熟的果子长不大，拔苗助长易夭折”。",
        ],
    },
    D003_3: {
        0: [
            "全市各级组织战线的同志们：",
            "全市举办的这次组工干部培训班，其目的就是要通过一段时间的集中学习和研讨，帮助大家发现问题、"
            "找到差距，营造更为浓厚的“学新知新”学习氛围，树立更为鲜明的“业务至上”工作导向，从而真正"
            "成为组织放心、干部信任、群众认可的业务精通型组工干部。",
            "关于“学新知新”，我的理解是：“学新”，就是要认清新形势、把握新情况、精通新业务；“知新”，"
            "就是要增添新招数、获得新本领、解决新问题。",
            "作为新时期组工干部，特别是党的十九大以来，我们该如何“学新知新”，如何做到业务精通、提升"
            "能力，并最终落脚到会做工作、做好工作？",
            "我想，重点要把握好三个方面，概括起来就是三句话：",
        ],
    },
    D004: {
        0: [
            "组织部门是“党员之家、干部之家、人才之家”。",
            "“讲党性、重品行、作表率”学习实践活动开展以来，我们围绕如何把组织部门营造得更有“家”的味道"
            "这个课题，作了一些有益的探索，也取得了一定的成效。",
        ],
        1: [
            "“家风正则贤才出，门风好则儿女善”。",
            "组织部门的“家风门风”，核心就是公道正派。",
            "近年来，我们通过开展专项教育、主题活动、建章立制等手段，把组织部门公道正派的形象牢固树立"
            "起来。",
            "一是四项教育突出公道正派。",
            "坚持开展理想信念、职业道德、廉政警示和心理健康教育，打牢组工干部的思想政治基础。",
            "深入学习杨善洲、李林森、张雅琴等先进事迹，大力开展“到组织部来为什么、留什么、比什么”思想"
            "大讨论活动，使组工干部始终保持政治上的坚定性。",
            "制定出台《部机关人员行为若干规范》和《组工干部廉洁自律八项制度》等规定，对干部的思想和行为"
            "进行再约束、再规范。",
            "坚持经常开展廉政专题教育，定期组织收看警示教育专题片，切实增强组工干部抵制各种诱惑和腐蚀"
            "的自觉性和免疫力。",
            "对组工干部进行心理健康教育，引导组工干部开诚布公、合作共事，形成健康融洽的人际关系，保持"
            "豁达开朗的阳光心态。",
            "二是主题活动围绕公道正派。",
            "把开展丰富多彩的主题活动贯穿于“讲党性、重品行、作表率”学习实践活动的全过程。",
            "近年来，部机关先后组织开展了“满意科室”和“满意机关工作人员”争创活动、“双述双评双公开”、"
            "“党员进万家”、红色革命之旅等主题教育活动。",
            "通过这些富有教育意义的活动，全市广大组工干部明白了一个道理：公道正派是组工干部的立身之本、"
            "为人之道和处事之基，是组织工作的“生命线”；同时也坚定了一个信念：对公道正派的形象，一定要像"
            "生命一样珍惜，像眼睛一样爱护，从一点一滴做起，以一言一行来体现，用一生一世来诠释。",
            "三是规章制度落实公道正派。",
            "坚持用制度管人管事，做到言行有规范、工作有标准、个个是窗口、人人是形象。",
            "实行重点工作项目化管理和工作成果通报制度，加大对工作的跟踪、检查和落实力度。",
            "建立组织部门定期征求意见制度、选人用人风气监督员制度和组织工作联系点制度等，使组工干部进一步"
            "增强群众观念和为民服务意识。",
            "实行百分制考核法，将日常工作、重点工作、共性目标和个性目标全部细化为分值，形成了科学规范高效"
            "的工作运行机制。",
            "推行挂牌上岗、首问负责、限时办结、重点岗位AB岗等制度，落实服务承诺，接受群众监督，提升部门"
            "公道正派形象。",
        ],
    },
}


FIRST_FEW = {(D003_2, 8)}


@pytest.mark.parametrize(
    ("doc_id", "section"),
    [(doc_id, section) for doc_id, by_section in SENTENCES.items() for section in by_section],
)
def test_sentences(seeds: dict[str, dict], doc_id: str, section: int) -> None:
    doc = seeds[doc_id]
    text = doc["text"]
    got = [text[s.char_start : s.char_end] for s in doc["_sentences"] if s.section_index == section]
    expected = SENTENCES[doc_id][section]
    assert got[: len(expected)] == expected
    if (doc_id, section) not in FIRST_FEW:
        assert len(got) == len(expected)


def test_decimal_stays_inside_its_sentence(seeds: dict[str, dict]) -> None:
    """004: 1.8亿元 does not end a sentence."""
    doc = seeds[D004]
    text = doc["text"]
    sentences = [text[s.char_start : s.char_end] for s in doc["_sentences"]]
    [hit] = [s for s in sentences if "1.8亿元" in s]
    assert hit.startswith("制定出台《关于加快引进高层次海归创业创新人才的实施意见》等政策文件")
    assert hit.endswith("等方面给予最大优惠。")


@pytest.mark.parametrize("order", [(D000, D002), (D002, D000)])
def test_two_seed_articles_stacked_in_one_file_come_apart(
    seeds: dict[str, dict], order: tuple[str, str]
) -> None:
    # seeds 000 and 002 each open with a title over a dated line (时间：2022-10-17 10:37:00
    # / 发布时间：…): one file holding both, as sites' "all articles" pages do, gives both
    text = "\n".join((RAW / name.split("#")[0]).read_text(encoding="utf-8") for name in order)
    data = text.encode("gb18030")
    docs, reject, _ = process_data("both.txt", data, hashlib.sha256(data).hexdigest(), Config())
    assert reject is None
    fields = ("title", "published_at", "author", "source_name", "text")
    assert [[doc[f] for f in fields] for doc in docs] == [
        [seeds[name][f] for f in fields] for name in order
    ]
