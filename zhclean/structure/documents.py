"""Cut one file's text into documents: title block, body, trailing credits, boilerplate.

The text arrives repaired and in the target script (one line per paragraph, each
stripped). Rules, in the order they apply:

1. **Boilerplate** lines go wherever they sit; a line that may be body stays
   body. Separators (`-`, `***`), end marks (`（完）`, `END`) and page numbers
   (`- 1 -`). Site disclaimers, by cues that name the site or the upload
   (`一文来源于网友上传`, `不代表本站观点`, `本文来源于网络`, `（图片来源：网络）`,
   `本文仅供参考`, `如有侵权请联系`, a rights line `版权所有：…`, `京ICP备…`), never
   by a word a sentence may use (`侵犯版权所有者…`, `如有侵权行为…`, `以上数据仅供参考`).
   Breadcrumbs (`当前位置：首页 > …`, `首页 » …`) are navigation. Ads: a
   document site (`…文档网`, `范文网`), its editor serving the reader
   (`小编给大家带来`, `下面是小编整理的`), the site asking to be followed
   (`请关注本站`, `感谢您的阅读`), or two ad phrases together (`希望对大家有所帮助`,
   `欢迎阅读`, `希望能够帮助到大家`, `仅供参考`; one alone is a speech's). An ad
   that shares a line with a teaser takes the whole line. Widgets, only on a
   line without sentence punctuation: `打印本页`, `关闭窗口`… anywhere, opening a
   short line (`分享到：`, `字体：`, `扫一扫…手机…`, `更多精彩>>`), or a row made
   only of widget and page-link words (`[打印] [关闭]`, `上一页 1 2 下一页`). A site's own
   lines with no sentence end: `点击“阅读原文”…`, `主办：… 技术支持：…`, `网站标识码：…`,
   `【广告】…`, `扫一扫，关注…`.
   Recommended reading opens a line as a label (`推荐访问：…`, `【相关阅读】`,
   `上一篇：…`, `相关热词搜索：…`); a label (`…相关文章：`, `看过…的人还看了：`)
   followed to the end only by short lines with no sentence end takes those
   lines (the list of links) with it.
2. **Compilations.** A file whose first line announces `N篇` (`（精选3篇）`,
   `【五篇】`) and that holds parts headed in sequence 1, 2, … yields one
   document per part, titled by its part line. Part lines: `…篇1` (`…（精选篇1）`),
   `【篇一】…` / `篇一：…` / `范文一：…` (these three even unannounced, when two or
   more follow in sequence), `第一篇…` and the same title repeated with a number
   (`…心得体会1`, `…心得体会（二）`) only after an announcement (or, for a
   repeated title, under that same title). A bare mark (`【篇一】` alone) titles
   nothing: the line under it is the part's title line (the mark counts as
   `part_mark`). Lines before the first part belong to no document: their date
   and source become the parts' defaults and their removal counts go to the
   first part. A file with no announcement whose articles are stacked one after
   another, each opening like the first with a title line and a line of dated fields
   (`发布时间：2022-10-17 来源：…`), yields one document per article; a cut stands
   only where both sides keep body lines and the fields look like a page's header
   (the first's labels, a publishing label, more than a date, or a timestamp), not a
   meeting's `时间：…` under a heading.
3. **Header zone** (the title and up to `HEADER_ZONE` lines under it, lines of
   fields not counted): the title is the first line when it is short (or long and
   ending with its kind of document, `…的通知`), has no `。` and no sentence-final
   punctuation at its end (`？`/`！` only with a line of fields under it), and is no
   numbered heading; a title wrapped over two lines is joined (a `《` left open,
   `…关于…` then `…的意见`, a line that only notes its years, `（2024—2026年）`, or
   one that joins a second subject, `和2024年工作打算`). Above it may stand a
   government information-disclosure record (`索引号：`, `文号：`, `发布机构：`,
   `成文日期：`, `名称：`…), a red-header masthead (`中共某某市委组织部文件`) and
   document number (`某组发〔2022〕12号`), or,
   over a title with its fields or date under it, a column's name (`工作动态`), the site's
   name (`某某县人民政府网`, with a place or a party or government body in it) or the
   page's saved title (`标题_站点`); a display title set on two lines over a speech's
   occasion (`——在…会议上的讲话`) is joined with a space. Under it: lines of
   labelled fields (`发布时间：… 访问次数：… 信息来源：…`; a bare name among them is
   the author; `作者：本报记者 张三` gives 张三, `作者：王建国（丹阳市委组织部）` gives
   王建国 and `author_unit`; `张　明` is 张明, `张明、李红` is 张明 李红; a source
   `《某某日报》2022年10月17日 第03版` gives 某某日报 and the date; view counts are dropped;
   the poster, `发布者：…`, goes to `poster`; site widgets among the fields, `【打印】`,
   go), a deck (a title-like line over a page's fields), a WeChat header (`原创 某某组工
   2022-10-17 18:30 发表于四川`), a byline of roles and names (`本报记者 赵磊 实习生 孙悦`,
   `记者：张明　通讯员：李红`, `（人民日报记者 张晓松）`, `文/周强 图/李娜`: every name
   opens with a common surname, a role's prefix is a paper or agency, not `优秀`; the
   writers' names are the author, the photographers' go to `photographer`), a group's
   (`某某县委组织部课题组`), a byline with its date (`县委书记 李强（2023年2月10日）`),
   a date alone (also in
   Chinese numerals, `（二〇二三年四月十日）`), a `——…`, `（在…上的讲话）` or
   `在…上的讲话` subtitle (a `——office name` one is a byline), a byline (`office
   name`, `unit name`, `文/name`, or a bare 2–3 character name opening with a common
   surname; several names stay together), an original title (`原标题：…`). The block
   ends at the first line that is none of these;
   if that line (under a title) opens with a byline run into the body
   (`…组织部长 李晓波胡锦涛总书记…`: an office with no `，；：`, a space, a name)
   the byline is cut off, but only when the name's length is certain: three
   characters with a common surname, then an opening that cannot continue a
   name (a leader's name and title, `在`, `近日`, `今年`…) and that two
   characters would not leave. Otherwise the line stays whole and the author
   None. A news dateline's byline (`本报讯（记者 张明 通讯员 李红）…`) gives the author
   and the line stays.
4. **Trailer zone** (up to `TRAILER_ZONE` lines at the end): editor credits
   (`责编/肖楠 美编/石玉`), author notes (`（作者为…）`), source / author lines
   (`（来源：…）`), original titles and a red-header document's closing notes
   (`（此件公开发布）`, `抄送：…`, `…2022年12月28日印发`), review and production credits
   (`初审：…`, `监制：…`), view counts, role bylines (`（记者 张明）`, `文字：李红　图片：张明`)
   and, as the very last line, an office's or unit's byline without a label or numbering
   (`某某县委组织部 王建华`), a contributing unit in brackets (`（某某镇党委供稿）`, the
   source); above them, a signature: a date alone (the date, when the header gave
   none) and the issuing office on the line above it (`issuer`), or both on one line;
   such a signature right before the attachments' heading (`附件`) goes too, the
   attachments staying body.
5. A document needs at least one body line: one without is dropped, and a file
   with none yields `[]` (the pipeline rejects it as `no_content`).

Keywords match in Simplified and Traditional forms. Fields are never invented:
what a document does not state stays None. Removals are counted in `removed`
by kind: `separator`, `boilerplate_disclaimer`, `boilerplate_ad`,
`boilerplate_nav`, `recommended_reading`, `metadata_line`, `run_in_byline`,
`author_note`, `editor_credit`, `signature`, `colophon`, `compilation_header`,
`compilation_preamble`, `part_mark`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from itertools import pairwise

from zhclean.line_memo import per_line
from zhclean.model import DocumentDraft
from zhclean.repair.chars import SURNAMES as _SURNAMES
from zhclean.repair.pages import PAGE_NUMBER

HEADER_ZONE = 5  # lines under the title where title-block metadata may sit
TRAILER_ZONE = 5  # lines at the end where credits and notes may sit
WEAK_MAX_LEN = 40  # widgets that open a line (分享到：, 扫一扫…) count only on lines this short
TITLE_MAX_LEN = 60  # longest line taken as a title
HEADLINE_MIN_LEN = 6  # shortest title ending in ？ or ！ (同志们！ is a salutation)
COLUMN_MAX_LEN = 10  # longest site column's name over a title (工作动态, 通知公告)
LONG_TITLE_MAX = 150  # longest title that ends with its kind of document (…的通知)


def _words(text: str) -> list[str]:
    """Whitespace-separated words of a literal table."""
    return text.split()


# Traditional forms of the keyword characters, "简繁…" (tested against OpenCC s2t, s2tw, s2hk).
_VARIANTS: dict[str, str] = {
    pair[0]: pair[1:]
    for pair in _words(
        "发發 布佈 时時 间間 闻聞 来來 处處 访訪 问問 数數 浏瀏 览覽 阅閱閲 "
        "读讀 点點 击擊 责責 编編 辑輯 对對 审審 号號 体體 欢歡 帮幫 档檔 "
        "网網 范範 荐薦 参參 载載 鉴鑒鑑 转轉 仅僅 学學 习習 请請 关關 扫掃 "
        "维維 码碼 页頁 闭閉 顶頂 链鏈 热熱 门門 传傳 观觀 权權 归歸 声聲 "
        "联聯 系係繫 创創 咨諮 询詢 书書 记記 长長 县縣 区區 厅廳 员員 组組 "
        "镇鎮 乡鄉 队隊 经經 会會 总總 干幹 专專 视視 调調 党黨 报報 讯訊 "
        "讲講 话話 辞辭 说說説 选選 优優 汇匯彙 单單 于於 现現 实實 务務 "
        "为為爲 核覈 内內 秘祕 终終 注註 备備 证證 启啟啓 获獲穫 带帶 准準 给給 "
        "别別 资資 图圖 络絡 场場 师師 机機 开開 尽盡 当當 随隨 着著 搜蒐 办辦 华華 台臺颱檯 "
        "够夠 导導 战戰 标標 电電 监監 签籤簽 约約 纪紀 织織 统統 见見 论論 评評 词詞 课課 "
        "谢謝 辅輔 过過 这這 题題 认認 还還 录錄 构構 团團 类類 制製 称稱 效効 种種 决決 "
        "议議 则則 结結 复覆復複 条條 细細 规規 划劃 计計 栏欄 动動 态態 头頭 简簡 频頻 线線 户戶 "
        "广廣 术術 筹籌 纠糾 设設 识識 错錯 国國 协協 邮郵 护護 运運 们們"
    )
}

# Traditional keyword characters back to Simplified, for word lists matched by lookup
_TO_SIMPLIFIED = str.maketrans({t: s for s, ts in _VARIANTS.items() for t in ts})

_VOCABULARY: set[str] = set()  # every keyword used below, for the script tests


def _hz(word: str) -> str:
    """Regex for `word` in Simplified or Traditional: 来源 → [来來]源."""
    return "".join(f"[{c}{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c) for c in word)


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    """`words` in both scripts as regex alternatives, longest first, each opening with
    a literal character (关[闭閉]…|關[闭閉]…, not [关關][闭閉]…): a pattern that starts
    with such alternatives is searched for only where one of their first characters
    stands (`re` skips ahead to them), instead of at every character (8 times faster on
    prose)."""
    _VOCABULARY.update(words)
    return "|".join(
        re.escape(first) + _hz(word[1:])
        for word in sorted(words, key=len, reverse=True)
        for first in word[0] + _VARIANTS.get(word[0], "")
    )


def _any(*words: str) -> str:
    """Non-capturing alternation of `words` in both scripts, longest first."""
    return "(?:" + _alternatives(words) + ")"


class _Cued:
    """A pattern of many branches searched only in lines holding one of its cues: words
    that every match contains (`others`: more cues, as regex alternatives that each open
    with a literal). Most lines hold none, and the cues' search is several times faster
    than the branches' (which restart at every character of the line)."""

    def __init__(self, branches: list[str], cues: list[str], others: str = "") -> None:
        self.pattern = re.compile("|".join(branches))
        self.cue = re.compile(_alternatives(cues) + (f"|{others}" if others else ""))

    def search(self, line: str) -> re.Match[str] | None:
        return self.pattern.search(line) if self.cue.search(line) else None


_HAN = "\u3400-\u9fff"
_CN_DIGITS = "一二三四五六七八九十两〇零"
_CN_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_HAS_HAN = re.compile(f"[{_HAN}]")
# A person's name: 2–4 Han characters, or two parts joined by · (阿不都·热合曼)
_NAME = rf"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,6}}·[{_HAN}]{{1,6}})"
_NAME_RE = re.compile(_NAME)

_COMPOUND_SURNAMES = frozenset(
    _words(
        "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 夏侯 "
        "长孙 長孫 宇文 司徒 端木 独孤 獨孤"
    )
)
# Author values that name nobody.
_PLACEHOLDER_AUTHORS = frozenset(
    _words("佚名 未知 匿名 admin 管理员 管理員 本站 本网 本網 本报 本報 网友 網友 小编 小編")
)

# --- boilerplate ----------------------------------------------------------------

# A line with no letter, digit or Han character: "-", "***", "——", "……"
_SEPARATOR = re.compile(r"^[\W_]+$")
# An end mark: "（完）", "（全文完）", "END" (page numbers, "- 1 -", are `PAGE_NUMBER`)
_END_MARK = re.compile(rf"^[（(【\[]?\s*(?:{_any('全文完', '完')}|(?i:end))\s*[）)】\]]?$")
# Recommended-reading and navigation lists: "推荐访问：…", "【相关阅读】", "上一篇：…"; the
# cue must stand as a label (bracket, colon, space or line end after it), so that
# "相关文章指出，…" and "上一篇文章中…" stay body
_RECOMMENDED = re.compile(
    r"^[【\[]?\s*"
    + _any(
        "推荐访问", "推荐阅读", "相关推荐", "相关阅读", "相关文章", "相关链接", "延伸阅读",
        "猜你喜欢", "热门推荐", "热门文章", "精彩推荐", "上一篇", "下一篇", "相关热词搜索",
        "热词搜索", "本文标签", "文章标签", "相关标签", "热门标签", "相关范文", "推荐文章",
        "相关新闻", "相关资讯", "热点推荐", "热点新闻", "推荐新闻", "最新文章", "最新新闻",
    )
    + r"(?:\s*[】\]：:]|\s|$)"
)  # fmt: skip
# A label that opens a trailing list of links: "看过“…”的人还看了：", "【…】相关文章："
_LIST_LABEL = re.compile(
    r"^(?:[【\[][^】\]]{1,40}[】\]]\s*)?"
    + _any("相关文章", "相关推荐", "相关阅读", "推荐阅读", "延伸阅读", "相关链接", "相关范文",
           "推荐文章", "猜你喜欢", "热门推荐", "热门文章", "精彩推荐", "相关新闻", "相关资讯",
           "热点推荐", "热点新闻", "推荐新闻", "最新文章", "最新新闻")
    + r"\s*[：:]?$|^"
    + _any("看过", "看了", "读过", "阅读了")
    + r".{1,40}?"
    + _any("的人还看了", "的人还看", "的人还阅读了", "还看了")
    + r"\s*[：:]?$"
)  # fmt: skip
LINK_MAX_LEN = 60  # longest line taken as an item of a trailing list of links

_ADVERB = "(?:" + _any("精心", "特意", "特地", "特别", "专门") + ")?"
# Site disclaimers, matched anywhere in a line; each cue names the site or the
# upload, so a sentence about copyright or infringement does not match
_DISCLAIMER = _Cued(
    [
        _any(
            "不代表本站观点", "不代表本网观点", "不代表本网站观点", "不代表本站立场",
            "不代表本网立场", "若需要原创", "如需要原创", "如需原创", "咨询客服老师",
            "转载请注明出处", "转载请注明来源", "转载请保留",
        ),
        # "…交流一文来源于网友上传", "本文由网友投稿" (not "视频由网友上传至…")
        _any("本文", "一文", "文章", "本篇", "资料", "文档")
        + _any("来源于", "来自", "由")
        + _any("网友")
        + _any("上传", "投稿", "提供", "发布"),
        # "本文来源于网络", "图片来自网络", "（图片来源：网络）" at the start of a line or a
        # sentence
        r"(?:^|[。！？\s【（(\[])"
        + _any("本文", "文章", "图片", "本站文章", "本站内容", "本站资源", "本站部分内容")
        + "(?:均)?(?:"
        + _any("来源于", "来自", "转载自", "转自", "摘自")
        + "|"
        + _any("来源")
        + r"\s*[：:]\s*)"
        + _any("网络", "互联网"),
        # "如有侵权请联系删除" (not "如有侵权行为，…")
        _any("如有侵权", "若有侵权", "如涉及侵权", "如侵犯了您的权益")
        + r"[，,]?\s*(?:"
        + _any("请", "敬请")
        + ")?"
        + _any("联系", "告知", "通知"),
        # a site's rights line: "版权所有：…", "版权所有 翻版必究", "…© 2020", "京ICP备…号"
        r"^[【\[]?\s*" + _any("版权所有"),
        _any("版权所有") + r"\s*(?:[©:：（(]|$)",
        r"(?i:copyright)\s*(?:©|\(c\)|(?:19|20)\d\d)|©\s*(?:19|20)\d\d",
        _any("ICP备", "ICP证", "公网安备") + r"\s*\d",
        _any("版权归") + "(?:原)?" + _any("作者", "原创作者", "本站", "本网", "本网站"),
        r"^[【\[]?\s*" + _any("版权声明", "免责声明") + r"\s*(?:[】\]：:]|$)",
        _any("本站", "本网") + "[^。！？]{0,20}" + _any("仅供"),
        # "本文仅供参考", "仅代表作者个人观点" (not "以上数据仅供参考")
        _any("本文", "文章", "本文内容", "文章内容") + _any("仅", "只") + _any("供")
        + _any("参考", "学习", "交流", "阅读"),
        _any("仅代表作者") + "(?:本人|个人)?" + _any("观点", "立场"),
    ],
    ["不代表本", "原创", "客服", "转载请", "网友", "本文", "文章", "图片", "本站", "本网", "侵权",
     "侵犯", "版权", "免责声明", "ICP", "公网安备", "仅代表作者", "©"],
    "C[Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|c[Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]",  # any case
)  # fmt: skip
# Ads, matched anywhere in a line: a document site, or its editor serving the reader
_AD = _Cued(
    [
        _any("文档网", "范文网", "范文大全", "范文之家", "文秘网", "范文先生网"),
        # "小编给大家带来的…", "小编为您推荐…" (not "本报小编张三采访了…")
        _any("小编")
        + _ADVERB
        + _any("给", "为", "帮", "向")
        + _any("大家", "您", "你", "各位"),
        # "下面是小编整理的…"
        _any("下面是", "以下是")
        + "[^，。！？]{0,12}?"
        + _any("小编")
        + _ADVERB
        + _any("整理", "收集", "搜集", "推荐", "带来", "分享", "准备", "汇编"),
        _any("推荐访问") + r"\s*[：:]",
        # a site asking to be followed or thanked: "请关注本站", "感谢您的阅读"
        _any("关注本站", "收藏本站", "关注本网", "访问本站", "感谢您的阅读", "感谢阅读",
             "感谢您的浏览"),
    ],
    ["文档网", "范文", "文秘网", "小编", "推荐访问", "本站", "本网", "感谢"],
)  # fmt: skip
# Phrases an ad uses that a speech may use too: two different ones make an ad
_AD_HINTS = [
    re.compile(p)
    for p in [
        _any("希望") + _any("大家", "你", "您", "各位") + "(?:" + _any("会", "能") + ")?"
        + _any("喜欢"),
        _any("希望") + "(?:能|可以)?" + _any("对") + _any("你", "您", "大家") + "有所?"
        + _any("帮助", "启发", "用", "借鉴", "参考", "收获"),
        _any("欢迎") + _any("阅读", "参考", "下载", "借鉴", "收藏", "转载", "浏览"),
        _any("供") + _any("大家", "您", "你", "各位") + _any("参考", "借鉴", "学习", "阅读"),
        _any("下面是", "以下是")
        + "[^。！？]{0,30}?"
        + _any("为您", "为大家", "给大家", "给您")
        + _any("整理", "带来", "推荐", "收集", "分享", "准备"),
        _any("希望") + "(?:" + _any("能够", "能", "可以") + ")?" + _any("帮助到", "帮到")
        + _any("大家", "您", "你"),
        _any("本站", "本网") + _any("为大家", "为您", "给大家", "给您", "整理", "收集", "精选"),
        _any("一起来看看吧", "一起看看吧", "来看看吧", "一起来了解一下吧"),
        _any("仅供参考"),
        _any("喜欢这篇文章", "喜欢本文"),
        _any("分享给您的朋友", "分享给你的朋友", "分享给好友", "分享给朋友"),
    ]
]  # fmt: skip
_ANY_AD_HINT = _Cued(
    [hint.pattern for hint in _AD_HINTS],
    ["希望", "欢迎", "供", "下面是", "以下是", "本站", "本网", "看看吧", "一下吧", "喜欢",
     "分享给"],
)  # fmt: skip
"""Some hint: one search spares most lines the eleven."""
_AD_CUES = re.compile("|".join(c.cue.pattern for c in (_DISCLAIMER, _AD, _ANY_AD_HINT)))
"""The cues of disclaimers, ads and ad hints: one search spares most lines all three."""
# A site's own lines: "点击“阅读原文”了解更多", "主办：… 技术支持：…" (not 主办单位 or 技术支持
# alone: an event's plan names them), "【广告】…", "扫一扫，关注“某某组工”微信公众号" (not
# "地址：…", a notice's)
_SITE_LINE = _Cued(
    [
        r"^(?:点击)?\s*[“\"「]?" + _any("阅读原文") + r"[”\"」]?",
        _any("网站标识码", "网站识别码") + r"\s*[：:]",
        r"^" + _any("主办", "主办单位") + r"\s*[：:][^：:]{2,40}" + _any("技术支持") + r"\s*[：:]",
        r"^[【\[]\s*" + _any("广告") + r"\s*[】\]]",
        r"^" + _any("您是本站第", "您是本网站第", "你是本站第") + r"\s*\d+\s*" + _any("位访"),
        r"^(?:" + _any("扫一扫", "扫码", "扫描二维码", "长按二维码", "长按识别") + r")"
        + r"[^。！？]{0,6}?" + _any("关注"),
    ],
    ["阅读原文", "网站标识码", "网站识别码", "技术支持", "广告", "关注", "位访"],
)  # fmt: skip
# A row of a site's own fields: "主办：… 承办：…", "地址：… 邮编：… 联系电话：…"
_FOOTER_ROW = re.compile(
    r"^\s*(?:"
    + _any("主办单位", "主办", "承办单位", "承办", "协办单位", "协办", "地址", "联系地址",
           "通讯地址", "邮编", "邮政编码", "电话", "联系电话", "值班电话", "传真", "邮箱",
           "电子邮箱", "技术支持", "网站维护", "维护单位", "运维单位", "建设单位")
    + r"\s*[：:][^：:，。；！？]*){2,}$"
)  # fmt: skip
# A site's own footer line, above which a row of fields is a notice's, not the site's
_SITE_FOOTER = re.compile(
    _any("网站地图", "站点地图", "联系我们", "关于我们", "网站标识码", "版权所有", "技术支持",
         "ICP", "公网安备", "Copyright", "copyright", "©")
)  # fmt: skip
# A row naming the site's own organisers ("主办：… 承办：…"): the site's wherever its footer
_SITE_ROW = re.compile(
    r"^\s*" + _any("主办单位", "主办", "承办单位", "承办", "技术支持") + r"\s*[：:]"
)
# Punctuation a sentence has and a row of site widgets has not
_SENTENCE_PUNCT = re.compile("[。！？；，,!?;]")
# Widget cues, on a line with no sentence punctuation: "【打印本页】【关闭窗口】"
_NAV = re.compile(
    _any(
        "打印本页", "打印此文", "打印此页", "打印文章", "关闭窗口", "关闭本页", "返回顶部",
        "返回列表", "收藏本页", "加入收藏", "【打印】", "【关闭】", "我要纠错", "【纠错】",
    )
)  # fmt: skip
# A breadcrumb trail: "当前位置：首页 > 新闻中心 > 正文", "首页 » 工作动态" (not "位置：…",
# "首页设计要简洁")
_BREADCRUMB = re.compile(
    r"^[【\[]?\s*(?:"
    + _any("当前位置", "您现在的位置", "你现在的位置", "您的位置", "你的位置", "现在位置",
           "您当前的位置", "当前的位置", "所在位置")
    + r"\s*[：:]|"
    + _any("首页", "网站首页", "主页")
    + r"\s*(?:>|＞|»|›|→|/|\|))"
)  # fmt: skip
# Widgets that open a short line: "分享到：", "字号：大 中 小", "扫一扫在手机打开当前页",
# "更多精彩>>" (not "分享到朋友圈的…", "老字号…", "更多内容有待…")
_WIDGET = re.compile(
    r"^[【\[]?\s*(?:"
    + _any("分享到", "分享")
    + r"\s*(?:[：:]|$)|"
    + _any("字号", "字体")
    + r"\s*[：:]|"
    + "(?:"
    + _any("用")
    + ")?"
    + _any(
        "扫一扫",
        "扫描二维码",
        "微信扫一扫",
        "手机扫一扫",
        "微信扫描二维码",
        "手机扫描二维码",
        "扫码",
    )
    + r".{0,16}?"
    + _any("手机", "分享", "关注", "打开", "阅读", "浏览", "访问")
    + "|(?:"
    + _any("点击查看", "查看")
    + ")?"
    + _any("更多精彩", "更多内容", "更多资讯", "更多新闻")
    + "(?:"
    + _any("内容")
    + r")?\s*(?:[>》»】\]…]|"
    + _any("请", "敬请", "尽在", "点击", "关注")
    + r"|$))"
)
# A row of widgets or page links, word by word: "[打印] [关闭]", "打印 | 关闭", "返回首页",
# "【大 中 小】", "上一页 1 2 3 下一页", "第1页 共3页"
_WIDGET_SPLIT = re.compile(r"[\s|｜/【】\[\]·•:：<>«»《》()（）]+")
_WIDGET_WORDS = frozenset(
    _words(
        "打印 关闭 收藏 分享 返回 顶部 首页 返回首页 返回顶部 返回列表 返回上一页 打印本页 "
        "打印此页 关闭窗口 关闭本页 我要打印 我要收藏 我要分享 加入收藏 收藏本页 大 中 小 字体 "
        "字号 默认 "
        "上一页 下一页 尾页 末页 上页 下页 最后一页 网站地图 站点地图 联系我们 关于我们 "
        "使用帮助 帮助 隐私声明 隐私政策 网站声明 法律声明 网站导航 设为首页 无障碍 长者模式"
    )
)
_PAGE_WORD = re.compile(r"第?\d{1,3}页?|共\d{1,3}页|共\d{1,6}条|\d{1,3}/\d{1,3}")
# A widget in brackets inside a line of fields: "【字号：大 中 小】", "[打印]"
_BRACKETED_WIDGET = re.compile(r"[【\[][^【】\[\]]{1,16}[】\]]")
WIDGET_ROW_MAX = 60  # longest line read as a row of widgets
_WIDGET_ROW_CHARS = {*"".join(_WIDGET_WORDS), *"第页共条/"}
_NOT_IN_WIDGET_ROW = re.compile(
    "[^"
    + _WIDGET_SPLIT.pattern[1:-2]  # (the separators, without the brackets and +)
    + r"\d"
    + "".join(sorted(re.escape(c) for c in _WIDGET_ROW_CHARS))
    + "".join(
        sorted(re.escape(t) for s, ts in _VARIANTS.items() if s in _WIDGET_ROW_CHARS for t in ts)
    )
    + "]"
)
"""A character no word of a widget row holds, in either script, nor the space between
them: most short lines have one at once, and are no widget row."""

# --- title block ----------------------------------------------------------------

_WEEKDAY = rf"(?:{_any('星期', '周')}[一二三四五六日天])"
# A date with an optional time: 2008-11-13 10:51:00, 2008年11月13日 10时51分, 2008/11/13,
# 2008.11.13, 2008-11-13T10:51:00, 2008年11月13日星期四 10:51
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.．年]\s*(?P<m>\d{1,2})\s*[-/.．月]\s*(?P<d>\d{1,2})\s*日?"
    rf"(?:(?:\s*{_WEEKDAY})?(?:\s*|T)(?P<half>[上下]午)?\s*(?P<H>\d{{1,2}})"
    r"\s*(?:[:：时時点點]\s*(?P<M>\d{1,2})"
    r"(?:\s*[:：分]\s*(?P<S>\d{1,2})\s*秒?)?\s*分?|[时時点點]))?"  # or the hour alone: 3时
)
# A date in Chinese numerals, as speeches give it: "二〇二三年四月十日" (○ and 零 for 〇 too)
_CN_DATE = re.compile(
    r"(?P<cy>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日"
)
# Either form of date
_ANY_DATE = re.compile(f"{_DATE.pattern}|{_CN_DATE.pattern}")
# A line holding only a date: "2008年11月13日", "（2023年4月10日）", "2008-11-13 星期四"
_DATE_LINE = re.compile(rf"^[（(【\[]?\s*(?:{_ANY_DATE.pattern})\s*{_WEEKDAY}?\s*[）)】\]]?$")
# The kind of document a title ends with: "…的通知", "…实施方案（试行）"
_KIND_END = re.compile(
    _any(
        "通知", "意见", "决定", "办法", "方案", "规定", "报告", "讲话", "批复", "通报", "纪要",
        "公告", "通告", "请示", "规划", "细则", "条例", "规则", "要点", "总结", "计划", "函",
        "决议", "公报", "指引", "清单", "守则", "章程", "答记者问", "答问", "问答", "解读",
        "公示", "名单",
    )
    + r"(?:[（(][^（()）]{1,10}[）)])?$"
)  # fmt: skip
# Words that may follow a header's date: a weekday, a time of day
_LOOSE_OK = re.compile(rf"[（(]?{_WEEKDAY}[）)]?|[上下]午\S{{0,8}}")
# A site column's name: "工作动态", "通知公告", "党建要闻"
_COLUMN = re.compile(
    _any(
        "动态", "公告", "要闻", "新闻", "信息", "资讯", "快讯", "专栏", "专题", "频道", "聚焦",
        "时评", "评论", "公开", "简报", "头条", "视点", "热点", "观察", "导读", "播报", "新闻中心",
    )
    + "$"
)  # fmt: skip
# A unit that contributed the article, at its end: "（某某镇党委供稿）"
_CONTRIBUTED = re.compile(
    r"^[（(【\[]\s*(?P<by>[^\s，。；：！？（）()]{2,30}?)\s*供稿\s*[）)】\]]$"
)
# A site's name over an article's title: "某某县人民政府网", "中国共产党新闻网" (a place or a
# party or government body in it: not "织密农村寄递物流网", a title)
_SITE_OWNER = _any("省", "市", "县", "区", "州", "镇", "乡", "中国", "人民", "政府", "党", "委")
_SITE_NAME = re.compile(
    rf"^(?=.*{_SITE_OWNER})\S{{2,18}}" + _any("网", "网站", "门户网站", "官网", "政务网") + "$"
)
SITE_NAME_MAX_LEN = 20  # longest site name over a title
UNIT_BYLINE_MAX_LEN = 20  # longest unit's byline alone under a title
JOINT_ISSUERS_MAX = 4  # most offices signing a document together
# A page's title saved as a line: "我县召开推进会_某某县人民政府网", "标题 - 站点"
_PAGE_TITLE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|\s[-—–]\s)\s*")
# A red-header document's closing notes: "（此件公开发布）", "（此件不予公开）"
_PUBLICITY = re.compile(r"^[（(]\s*此件[^（()）]{1,10}[）)]$")
# Its colophon: "抄送：市委办公室，市政府办公室。", "某某县委办公室　2022年12月28日印发"
_COLOPHON = re.compile(
    rf"^(?:{_any('抄送', '抄报', '分送')}[：:]\s*(?P<to>\S.{{0,150}})"
    r"|[^\s《》，。]{2,40}[ \u3000]+"
    rf"(?:{_DATE.pattern}|{_CN_DATE.pattern})\s*{_any('印发', '印')})$"
)
# A subtitle naming whom an interview or a profile is about: "访…", "记…", "专访…"
_ABOUT = re.compile(r"访|追记|对话|走近|走进|缅怀|追忆|纪念|学习|致敬|讲述|(?<!书)记(?!者)")
# A red-header document's masthead: "中共某某市委组织部文件"
_MASTHEAD = re.compile(
    r"^(?!.*(?:关于|的))\S{2,30}"
    + _any("委员会", "委", "办公室", "办公厅", "政府", "部", "局", "厅", "院", "党组", "党委")
    + "文件$"
)
# A document number: "某组发〔2022〕12号", with its signer in a report to a superior
_DOCUMENT_NUMBER = re.compile(
    r"^(?P<number>[^\s，。：:]{0,20}[〔\[［（(]\d{4}[〕\]］）)]\s*\d{1,4}\s*号)"
    r"(?:\s+签发人[：:]\s*(?P<signer>\S{2,4}))?$"
)
# The office signing a document, on the line above its date: "中共某某县委办公室"
_ISSUER = re.compile(
    r"^[^，。；：！？,;:!?\s]{2,30}"
    + _any("委员会", "委", "办公室", "办公厅", "政府", "部", "局", "厅", "处", "院", "会",
           "中心", "党组", "支部", "总支", "党委", "公司", "集团", "学校", "大学", "所", "站",
           "办", "研究室")
    + "$"
)  # fmt: skip
# A unit named as an author: "办公室", "综合科", "县委组织部"
_UNIT_AUTHOR = re.compile(
    r"^[^\s，。；：！？,;:!?]{0,28}"
    + _any("科", "室", "处", "局", "部", "委", "办", "中心", "组", "站", "所", "院", "厅")
    + "$"
)  # fmt: skip
# A party or government office's name: "中共某某县委组织部", "某某县人民政府" (not "…中心")
_OFFICE_NAME = re.compile(
    r"^[^，。；：！？,;:!?\s]{2,18}"
    + _any("委员会", "委", "办公室", "办公厅", "政府", "部", "局", "厅", "党组", "党委",
           "研究室")
    + "$"
)  # fmt: skip
# A table of contents' heading, and its entries' dot leaders and page numbers
_CONTENTS = re.compile(r"^目[\s\u3000]*录[：:]?$")
_LEADER = re.compile(r"(?:[.·…．]{2,}|[\s\u3000]+)[\s\u3000]*\d{1,4}$")
_SPACES_ANYWHERE = re.compile(r"[\s\u3000]+")
CONTENTS_MIN = 2  # fewest entries found again in the body that make a table of contents
CONTENTS_ENTRY_MAX = 40  # longest entry (characters)
# An issuer and its date on one line: "青山县人民政府办公室　　2024年4月8日"
_UNIT_DATE = re.compile(rf"^(?P<unit>\S{{2,30}})\s+(?P<date>{_ANY_DATE.pattern})$")
# An attachment's heading after a notice's signature: "附件", "附件1：…", "附件二"
_ATTACHMENT = re.compile(rf"^{_any('附件')}(?:\s*[0-9{_CN_DIGITS}]{{1,3}})?(?:\s*[：:].*)?$")
# A signature on one line: the issuing office, spaces, the date
_SIGNED = re.compile(rf"^(?P<issuer>{_ISSUER.pattern[1:-1]})[ \u3000]+(?:{_ANY_DATE.pattern})$")
# The labels of header fields, each group named by the field it holds
# The labels of a government information-disclosure record (政府信息公开) and the
# metadata key each value goes to
_RECORD_KEYS = {
    "索引号": "index_number", "信息索引号": "index_number",
    "文号": "document_number", "发文字号": "document_number", "发文文号": "document_number",
    "文件编号": "document_number",
    "主题分类": "category", "公文种类": "category", "体裁分类": "category",
    "组配分类": "category", "主题词": "keywords",
    "有效性": "validity", "时效性": "validity",
    "发文机关": "issuer", "发文单位": "issuer", "制发机关": "issuer", "签发人": "signer",
}  # fmt: skip
_FIELD = re.compile(
    "(?:(?P<time>"
    + _any(
        "发布时间", "发表时间", "更新时间", "发稿时间", "时间", "发布日期", "发表日期", "日期",
        "发布",
    )
    + ")|(?P<source>"
    + _any(
        "信息来源", "文章来源", "新闻来源", "稿件来源", "本文来源", "来源", "稿源", "出处", "转自",
    )
    + ")|(?P<author>"
    + _any("作者", "撰稿人", "撰稿", "撰文")
    + ")|(?P<views>"
    + _any(
        "访问次数", "浏览次数", "阅读次数", "点击次数", "点击数", "点击量", "访问量", "阅读量",
        "浏览量", "点击", "浏览", "阅读",
    )
    + ")|(?P<editor>"
    + _any("责任编辑", "责编", "编辑", "美编", "校对", "审核", "审校", "编审")
    + ")|(?P<poster>"
    + _any("发布者", "发布人", "发布单位", "发布机构", "发布部门", "录入者", "录入", "上传者")
    + ")|(?P<record>"
    + _any(*_RECORD_KEYS)
    + ")|(?P<written>"
    + _any("成文日期", "生成日期", "印发日期")
    + ")|(?P<name>"
    + _any("名称", "标题", "文件名称")
    + "))\\s*[：:]"
)  # fmt: skip
_RECORD_KINDS = frozenset({"record", "written", "name"})  # an information-disclosure record's
_HEADER_FIELDS = frozenset(
    {"time", "source", "author", "views", "editor", "poster", "record", "written", "name"}
)
_BARE_DATE_LABELS = frozenset(_words("时间 日期"))  # a meeting's as well as a page's
_MEETING_FIELD = re.compile(
    r"^\s*(?:会议)?" + _any("地点", "地址", "主持", "主持人", "出席", "参加", "参会", "列席")
    + r"\s*[：:]"
)  # fmt: skip
_PUBLISHED = frozenset(_words("发布时间 发表时间 更新时间 发稿时间 发布日期 发表日期 发布"))
# A page's machine timestamp (a meeting notice writes 2022年10月17日上午9时)
_TIMESTAMP = re.compile(r"(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}")
_TRAILER_FIELDS = frozenset({"source", "author", "editor", "views"})
# A whole line in brackets: "（来源：人民日报）", "【责任编辑：张三】"
_BRACKETED = re.compile(r"^[（(【\[〔]\s*(.*?)\s*[）)】\]〕]$")
# Editor credits, one or more: "责编/肖楠 美编/石玉", "责任编辑：张三"
_CREDIT = re.compile(
    r"^(?:"
    + _any(
        "责任编辑", "责编", "编辑", "美编", "校对", "审核", "审校", "编审", "终审", "初审", "复审",
        "一审", "二审", "三审", "监制", "主编", "总编", "值班编辑", "网络编辑", "统筹", "策划",
        "制作", "出品", "排版", "设计", "剪辑",
    )
    + r"\s*[/／:：|｜]\s*[^\s/／:：|｜]{1,12}\s*)+$"
)  # fmt: skip
# An author note: "（作者为江苏省丹阳市委常委、组织部部长）", "（作者系…）", "（作者：张三）"
_AUTHOR_NOTE = re.compile(
    rf"^[（(]\s*(?P<note>{_any('作者系', '作者为', '作者是', '作者单位')}.*?|作者[：:].*?)\s*[）)]$"
)
_NOTE_NAME = re.compile(rf"^作者[：:]\s*(?P<name>{_NAME})(?:$|[\s，,、；;])")
# A subtitle under the title: "——在全市组织工作会议上的讲话", "（在…上的讲话，2023年4月10日）",
# or the occasion alone: "在全市组织工作会议上的讲话（2023年4月10日）"
_SPEECH = _any("讲话", "发言", "报告", "致辞", "演讲", "讲稿", "说明", "辅导", "党课", "交流")
_SUBTITLE = re.compile(
    r"^(?:——|—|--|－－)\s*[^—\-－\s]"
    rf"|^[（(]\s*{_any('在', '于')}[^）)]{{2,80}}{_SPEECH}[^）)]*[）)]$"
    rf"|^{_any('在')}[^，,。！？；：:]{{2,60}}?[上中时]的{_SPEECH}(?:[（(][^）)]{{0,30}}[）)])?$"
)
# A speech's occasion as a subtitle: "——在全县组织工作会议上的讲话"
_OCCASION = re.compile(rf"^(?:——|—|--|－－)\s*{_any('在', '于')}.{{2,60}}{_SPEECH}")
_OFFICE = _any(
    "书记", "常委", "部长", "主任", "市长", "县长", "区长", "省长", "州长", "局长", "厅长", "主席",
    "委员", "秘书长", "组长", "院长", "校长", "处长", "科长", "镇长", "乡长", "所长", "站长",
    "队长", "行长", "经理", "董事长", "理事长", "会长", "社长", "总编辑", "记者", "通讯员",
    "干事", "专员", "巡视员", "调研员", "研究员", "教授", "党组成员",
)  # fmt: skip
# One or more names, as a byline states them: "李晓波", "张三 李四", "张三、李四"
_NAMES = rf"{_NAME}(?:[\s、，,]+{_NAME}){{0,3}}"
# A byline line: office title(s), space, name — "三门峡市湖滨区委常委、组织部长 李晓波"
_BYLINE = re.compile(rf"^(?P<office>(?:\S.{{0,40}})?{_OFFICE})\s+(?P<name>{_NAMES})$")
# A unit and a name: "江苏省丹阳市委组织部 王建国" (the name must open with a surname)
_UNIT = _any(
    "组织部", "宣传部", "统战部", "政法委", "办公室", "办公厅", "党校", "委员会", "党委", "党组",
    "党工委", "纪委", "监委", "政府", "研究室", "研究院", "研究中心", "日报", "报社", "新华社",
    "电视台", "大学", "学院",
)  # fmt: skip
_UNIT_BYLINE = re.compile(rf"^(?P<office>\S.{{0,40}}{_UNIT})\s+(?P<name>{_NAMES})$")
# A pen byline: "文/张三", "文｜张三", "◎张三", "■张三"
_PEN_BYLINE = re.compile(rf"^(?:文\s*[/／|｜:：]|[◎■●▲★☆])\s*(?P<name>{_NAMES})$")
# Words before a name in an author field: "作者：本报记者 张三"
_AUTHOR_ROLE = re.compile(
    _any("本报记者", "本台记者", "本网记者", "特约记者", "见习记者", "记者", "本报通讯员",
         "通讯员", "特约评论员", "评论员", "实习生")
    + r"\s*"
)  # fmt: skip
# The roles of a news byline, before the names they credit: "本报记者 赵磊 实习生 孙悦",
# "记者：张明　通讯员：李红", "（人民日报记者 张晓松）", "文/周强 图/李娜"; the writers'
# names make the author, the photographers' go to `photographer`
_WRITER_ROLES = frozenset(
    _words(
        "记者 本报记者 本台记者 本网记者 特约记者 见习记者 首席记者 通讯员 本报通讯员 特约通讯员 "
        "实习生 评论员 特约评论员 撰稿 撰文 作者 文字 文"
    )
)
_PHOTO_ROLES = frozenset(_words("摄影 摄影记者 摄 图片 图 视频"))
_ROLES = _WRITER_ROLES | _PHOTO_ROLES
_REPORTED = frozenset(_words("报道 摄影报道 采写 采访 报导"))  # closing a byline: 记者 王明 报道
_GLUED_ROLES = ("本报记者", "记者", "通讯员", "实习生")  # before a name with no space: 记者张明
_ROLE_SPLIT = re.compile(r"[\s\u3000、，,/／:：|｜]+")
# A newspaper or agency before a reporter's role: "人民日报记者", "新华社记者" (not
# "优秀通讯员", an honour)
_ROLE_PREFIX = re.compile(
    r"^(?P<by>本报|本台|本网|本刊|[^\s（）()]{1,10}?(?:报|社|台|网|刊))(?P<role>记者|通讯员|评论员)$"
)
# A news dateline opening the body, with its byline in brackets: "本报讯（记者 张明）…"
_DATELINE_BYLINE = re.compile(
    r"^[^\s（(，。]{0,12}?[讯電电]\s*[（(](?P<byline>[^（）()]{2,40})[）)]"
)
# A byline's date in brackets after it: "县委书记 李强（2023年2月10日）"
_DATED_BYLINE = re.compile(rf"(?<=\S)\s*[（(]\s*(?:{_ANY_DATE.pattern})\s*[）)]$")
# A WeChat article's header: "原创 某某组工 2022-10-17 18:30 发表于四川"
_WECHAT_HEADER = re.compile(
    rf"^(?:{_any('原创')}\s+)?(?:(?P<account>[^\s\d]{{2,20}})\s+)?(?:{_ANY_DATE.pattern})"
    rf"(?:\s*{_any('发表于')}\S{{0,8}})?$"
)
# A news outlet's name, before its time under a title: "央视网", "新华社", "某某日报"
_OUTLET = re.compile("(?:网|社|报|台|新闻|客户端|频道)$")
# A group writing together: "某某县委组织部课题组", "中共某某市委理论学习中心组"
_GROUP_AUTHOR = re.compile(
    r"^[^\s，。；：！？,;:!?]{2,30}(?:课题组|調研組|调研组|写作组|寫作組|中心组|中心組)$"
)
# An author field's names, and a unit in brackets after them: "王建国（丹阳市委组织部）"
_AUTHOR_VALUE = re.compile(
    rf"(?P<names>{_NAMES})(?=$|[\s（(])\s*(?:[（(](?P<unit>[^）)]{{2,40}})[）)])?"
)
# The original title of a reprint: "原标题：…"
_ORIGINAL_TITLE = re.compile(
    rf"^[【\[（(]?\s*{_any('原标题', '原题')}\s*[：:]\s*(?P<title>.+?)\s*[】\]）)]?$"
)
# The same byline run into the first body line: "…组织部长 李晓波胡锦涛总书记在…". The office
# is one run of text with no `，；：` in it (`、。` may join offices), ending in an office word.
_RUN_IN_BYLINE = re.compile(
    rf"^(?P<office>[^\s，,；;：:！？!?]{{0,40}}{_OFFICE})\s+(?P<name>[{_HAN}]{{3}})(?P<rest>\S.{{5,}})$"
)
# What may follow a run-in name and never continues one: a leader's name and title
# ("胡锦涛总书记"), or a word that opens a text ("在…", "近日", "今年")
_RUN_IN_OPENING = re.compile(
    "(?:["
    + "".join(sorted(_SURNAMES))
    + "]|"
    + "|".join(sorted(_COMPOUND_SURNAMES))
    + f")[{_HAN}]{{1,2}}"
    + _any(
        "总书记", "书记", "同志", "主席", "副主席", "总理", "副总理", "委员长", "省长", "市长",
        "部长", "县长", "区长",
    )
    + "|"
    + _any(
        "在", "近日", "日前", "近年来", "近期", "今年", "去年", "当前", "目前", "多年来", "随着",
    )
)  # fmt: skip
# Characters that open a body far more often than they end a name ("王五今在…", "王五说…")
_NOT_NAME_END = frozenset(
    "今昨在是的了和与與及对對于於为為爲也又还還就都曾已将將要把被说說講讲指等同"
)
# Numbered headings, never titles: "一、…", "（一）…", "1、…", "第一，…"
_NUMBERED = re.compile(
    rf"^(?:[{_CN_DIGITS}]+[、.．]|[（(][{_CN_DIGITS}\d]+[）)]|\d+[、.．]|第[{_CN_DIGITS}\d]+[，,、])"
)
_TITLE_BAD_END = "。！？；：，、…!?;:,"  # punctuation a title never ends with
_NOT_TITLE_LINE = re.compile("[：:，,；;]")  # in no line of a title set on two lines
TWO_LINE_TITLE_MIN = 6  # shortest second line of a title set on two lines
# A title's second line that only notes its years or its standing: （2024—2026年）, （试行）
_TITLE_NOTE = re.compile(
    r"^[（(](?:\d{4}\s*[—–\-－~至]\s*\d{4}年?|\d{4}年度?|试行|暂行|征求意见稿|修订|草案)[）)]$"
)
# A title's second line that joins a second subject to the first: 和2024年工作打算
_JOINT_TAIL = re.compile(f"^[和及暨与].{{2,20}}(?:{_KIND_END.pattern}|打算|安排|思路|展望)")
# Sentence-final punctuation, which no metadata line holds
_SENTENCE_END = re.compile("[。！？]")

# --- compilations ---------------------------------------------------------------

# A compilation's announcing line: "在全市…交流发言3篇", "…心得体会（精选5篇）", "…范文【五篇】"
_ANNOUNCE = re.compile(
    rf"^.{{2,80}}?[（(【\[]?{_any('精选', '通用', '优选', '汇编', '合集', '范文')}?"
    rf"(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})篇[）)】\]]?$"
)
_PART_NUM = rf"(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})"
_PART_NUM_RE = re.compile(_PART_NUM)
# A part heading ending in its number: "…交流发言篇1", "…篇二", "…（精选篇1）", "…【篇一】"
_PART_SUFFIX = re.compile(
    rf"^[^【\[].{{1,59}}?[（(【\[]?(?:精选|范文)?篇(?P<k>{_PART_NUM})[）)】\]]?$"
)
# A part heading opening with its mark: "【篇一】…", "篇二：…", "范文3：…", "第一篇：…"; the
# mark stands apart (bracket, colon, space or line end), so "第一篇文章中…" does not match
_PART_MARK = re.compile(
    rf"^[【\[]?\s*(?P<mark>(?P<ordinal>第)?{_PART_NUM}篇|篇{_PART_NUM}|范文{_PART_NUM})"
    rf"(?:\s*[】\]：:]|\s|$)[\s：:]*(?P<rest>.{{0,60}})$"
)
# The same title repeated with a number: "主题教育心得体会1", "…体会（二）", "…之三"
_PART_REPEATED = re.compile(
    rf"^(?P<stem>.{{4,60}}?)\s*(?:[（(](?P<k1>{_PART_NUM})[）)]|(?P<k2>{_PART_NUM})|之(?P<k3>{_PART_NUM}))$"
)


# --- API ------------------------------------------------------------------------


def split_documents(text: str) -> list[DocumentDraft]:
    """Cut one file's text into its documents, in order; [] when no body remains."""
    lines = [s for line in text.split("\n") if (s := line.strip())]
    first = next((line for line in lines if _boilerplate_kind(line) is None), None)
    announced = first is not None and _ANNOUNCE.match(first) is not None
    starts, bare = _part_starts(lines, announced, first)
    if not starts:
        return [doc for doc in _stacked(lines) if doc.lines]
    preamble = _build(lines[: starts[0]], title=None)
    bounds = [*starts, len(lines)]
    # a bare mark ("【篇一】") titles nothing: the part's own title line follows it
    docs = [_build(lines[s + 1 : e], title=None if bare else lines[s]) for s, e in pairwise(bounds)]
    if bare:
        for doc in docs:
            doc.removed["part_mark"] += 1
    docs = [doc for doc in docs if doc.lines]
    if docs:
        _inherit(docs, preamble)
    return docs


def _stacked(lines: list[str]) -> list[DocumentDraft]:
    """The documents of a file of articles stacked one after another with no
    announcement, each opening like the first: a title line, then a line of fields with
    a date (`发布时间：2022-10-17 来源：…`); one document for any other file.

    A cut stands only where both parts keep body lines, so a short closing line followed
    by credits never becomes a title.
    """
    lines, kinds = _kinds(lines)
    content = [i for i, kind in enumerate(kinds) if kind is None]

    def opens(k: int) -> tuple[str, ...] | None:
        """The labels of content[k + 1] when content[k] is a title over fields with a date
        (with a page's timestamp, 2022-10-17 10:37, counted as a publishing label)."""
        if not _is_title(lines[content[k]]):
            return None
        fields = _parse_fields(field_line := lines[content[k + 1]], _HEADER_FIELDS)
        if fields is None or "published_at" not in fields:
            return None
        found = tuple(m.group().rstrip("：: ") for m in _FIELD.finditer(field_line))
        return (*found, "发布时间") if _TIMESTAMP.search(field_line) else found

    def build(a: int, b: int) -> DocumentDraft:
        return _build(lines[a:b], None, kinds[a:b])

    labels = opens(0) if len(content) >= 2 else None
    if labels is None and len(content) >= 3:  # a column's or site's name over the first
        first = [lines[i] for i in content[1:3]]
        labels = opens(1) if _above_title(lines[content[0]], first) else None
    if labels is None:
        return [build(0, len(lines))]

    def published(found: tuple[str, ...] | None) -> bool:
        """Labels of a page's header: the first article's (unless only a bare 时间 or
        日期), or a publishing date's (发布时间…), or more than a date (来源, 作者…). A bare
        时间：… under a heading (a meeting's, in a notice) is no new article."""
        if found is None:
            return False
        simplified = {label.translate(_TO_SIMPLIFIED) for label in found}
        return (
            (found == labels and not simplified <= _BARE_DATE_LABELS)
            or len(found) > 1
            or not simplified.isdisjoint(_PUBLISHED)
        )

    cuts = [content[k] for k in range(2, len(content) - 2) if published(opens(k))]
    docs, start = [], 0
    for at, end in pairwise([*cuts, len(lines)]):
        if build(at, end).lines and (last := build(start, at)).lines:
            docs.append(last)
            start = at
    docs.append(build(start, len(lines)))
    return docs


# --- documents ------------------------------------------------------------------


def _kinds(lines: list[str]) -> tuple[list[str], list[str | None]]:
    """Each line's boilerplate kind (None: content), with the lines: a line of fields
    with site widgets in it ("时间：… 来源：… 【打印】") is content, its widgets taken out."""
    lines, kinds = list(lines), [_boilerplate_kind(line) for line in lines]
    for i, kind in enumerate(kinds):
        if kind == "boilerplate_nav" and (fields := _without_widgets(lines[i])):
            lines[i], kinds[i] = fields, None
        elif kind is None and ("】【" in lines[i] or "][" in lines[i]):
            # 【来源：县人社局】【字体：大 中 小】: no space ends the field's value
            lines[i] = _without_widgets(lines[i]) or lines[i]
    return lines, kinds


def _build(
    lines: list[str], title: str | None, kinds: list[str | None] | None = None
) -> DocumentDraft:
    """One document from its lines (their `_kinds`, when known); `title` is given for a
    compilation part."""
    draft = DocumentDraft(title=title, published_at=None, author=None, source_name=None, lines=[])
    if kinds is None:
        lines, kinds = _kinds(lines)
    else:
        kinds = list(kinds)
    for i in range(_reading_list_start(lines, kinds), len(lines)):
        kinds[i] = kinds[i] or "recommended_reading"
    _mark_footer_rows(lines, kinds)
    _mark_contents(lines, kinds)
    kept = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind is None:
            kept.append(line)
        else:
            draft.removed[kind] += 1
    start = _read_header(kept, draft)
    end = _read_trailer(kept, start, draft)
    draft.lines = kept[start:end]
    return draft


def _mark_contents(lines: list[str], kinds: list[str | None]) -> None:
    """Mark a table of contents (in place): a 目录 line and the entries under it that
    stand again further down as the body's headings (their dot leaders and page numbers
    aside); at least `CONTENTS_MIN` of them, else nothing."""
    at = next(
        (i for i, line in enumerate(lines) if kinds[i] is None and _CONTENTS.match(line)), None
    )
    if at is None:
        return
    # the lines after it by their first character, which opens a line's entry too (an
    # entry only loses spaces and a trailing leader): a few are compared, not all
    opening: dict[str, list[int]] = defaultdict(list)
    for k in range(at + 1, len(lines)):
        opening[lines[k].lstrip()[:1]].append(k)
    entries = []
    for j in range(at + 1, len(lines)):
        entry = _entry(lines[j])
        if not entry or len(entry) > CONTENTS_ENTRY_MAX:
            break
        if not any(k > j and _entry(lines[k]) == entry for k in opening[entry[0]]):
            break  # not standing again further down
        entries.append(j)
    if len(entries) >= CONTENTS_MIN:
        for j in (at, *entries):
            kinds[j] = "table_of_contents"


def _entry(line: str) -> str:
    """A line as a table of contents lists it: no spaces, dot leader or page number."""
    return _SPACES_ANYWHERE.sub("", _LEADER.sub("", line))


def _mark_footer_rows(lines: list[str], kinds: list[str | None]) -> None:
    """Mark a site's own rows of fields at the end of a page (in place): 主办：… 承办：…
    beside its own footer lines (网站地图, 版权所有, ICP…), a contact row (地址：… 邮编：…
    电话：…) under them. Alone, or a contact row above them, is a notice's own."""
    i = len(lines)
    while i > 0 and (kinds[i - 1] is not None or _FOOTER_ROW.match(lines[i - 1])):
        i -= 1
    block = range(i, len(lines))
    site = False  # a contact row counts only under the site's own lines (rights, 网站地图…)
    anywhere = any(kinds[j] is not None and _SITE_FOOTER.search(lines[j]) for j in block)
    for j in block:
        if kinds[j] is not None:
            site = site or _SITE_FOOTER.search(lines[j]) is not None
        elif site or (anywhere and _SITE_ROW.match(lines[j])):  # 主办：… first, ICP under it
            kinds[j] = "boilerplate_nav"


@per_line
def _boilerplate_kind(line: str) -> str | None:
    """The kind of site boilerplate `line` is, or None for content."""
    if _SEPARATOR.match(line):
        return "separator"
    if _RECOMMENDED.match(line):
        return "recommended_reading"
    cued = _AD_CUES.search(line) is not None
    if cued and _DISCLAIMER.search(line):
        return "boilerplate_disclaimer"
    if len(line) <= LINK_MAX_LEN and not _SENTENCE_END.search(line) and _SITE_LINE.search(line):
        return "boilerplate_nav"
    if cued and (
        _AD.search(line)
        or (_ANY_AD_HINT.search(line) and sum(h.search(line) is not None for h in _AD_HINTS) >= 2)
    ):
        return "boilerplate_ad"
    if not _SENTENCE_PUNCT.search(line) and (
        _NAV.search(line)
        or _BREADCRUMB.match(line)
        or (len(line) <= WEAK_MAX_LEN and _WIDGET.match(line))
        or _is_widget_row(line)
    ):
        return "boilerplate_nav"
    if _END_MARK.match(line) or PAGE_NUMBER.fullmatch(line.strip()):
        return "separator"
    return None


def _without_widgets(line: str) -> str | None:
    """A line of metadata fields with site widgets in it (`时间：2022-10-17 来源：新华网
    【字号：大 中 小】【打印】`), the widgets taken out; None for any other line."""
    if _FIELD.search(line) is None:
        return None
    kept = _BRACKETED_WIDGET.sub(
        lambda m: "" if _is_widget_row(m.group()) or _WIDGET.match(m.group()) else m.group(),
        line,
    ).strip()
    return kept if kept and _parse_fields(kept, _HEADER_FIELDS) is not None else None


def _is_widget_row(line: str) -> bool:
    """A short line made only of widget and page-link words: "[打印] [关闭]", "上一页 1 2 下一页".

    Single-character words (大 中 小) count only as a row of three or more.
    """
    if len(line) > WIDGET_ROW_MAX or _NOT_IN_WIDGET_ROW.search(line):
        return False
    words = [w for w in _WIDGET_SPLIT.split(line.translate(_TO_SIMPLIFIED)) if w]
    if not words or not all(w in _WIDGET_WORDS or _PAGE_WORD.fullmatch(w) for w in words):
        return False
    if all(_PAGE_WORD.fullmatch(w) for w in words):
        return any("页" in w for w in words)  # "3" alone is no page link; "第1页" is
    return len(words) >= 3 or any(len(w) > 1 for w in words)


def _reading_list_start(lines: list[str], kinds: list[str | None]) -> int:
    """Where a trailing list of links begins ("相关文章：" and the titles under it), or
    len(lines): a label followed, to the end, only by short lines with no sentence end."""
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if kinds[i] == "recommended_reading" or _LIST_LABEL.match(line):
            start = i
        elif kinds[i] is None and (len(line) > LINK_MAX_LEN or _SENTENCE_END.search(line)):
            break
    return start


PART_LINE_MAX = 80
"""Longest line that can head a compilation's part (characters)."""


def _part_starts(lines: list[str], announced: bool, first: str | None) -> tuple[list[int], bool]:
    """Indices of a compilation's part headings (1, 2, … in order), or [] if none; and
    whether the headings are bare marks ("【篇一】") with the part's title under them."""
    short = [  # what `_part_number` looks at in every family
        (i, line)
        for i, line in enumerate(lines)
        if len(line) <= PART_LINE_MAX and not _SENTENCE_END.search(line)
    ]
    for family in ("suffix", "mark", "repeated"):
        starts: list[int] = []
        key: str | None = None  # what every part line of the family must share
        for i, line in short:
            found = _part_number(line, family, announced)
            if found is None or found[0] != len(starts) + 1:
                continue
            if starts and found[1] != key:
                continue
            key = found[1]
            starts.append(i)
        if family == "repeated" and not (announced or (first is not None and first == key)):
            continue  # a repeated title splits only under an announcement or the same title
        if len(starts) >= 2:
            return starts, family == "mark" and key == "bare"
    return [], False


def _part_number(line: str, family: str, announced: bool) -> tuple[int, str] | None:
    """(number, key) when `line` heads a compilation part in the style of `family`.

    The key is what the parts of one compilation share: the stem of a repeated title,
    whether a mark is bare, the kind of suffix.
    """
    if len(line) > PART_LINE_MAX or _SENTENCE_END.search(line):
        return None
    if family == "suffix":
        m = _PART_SUFFIX.match(line) if "篇" in line else None
        return (_cn_int(m["k"]), "suffix") if m else None
    if family == "mark":
        m = _PART_MARK.match(line) if "篇" in line or "范文" in line else None
        if m is None or (m["ordinal"] and not announced):
            return None  # 第一篇 splits only under an announcement (a book has parts)
        k = _cn_int(_PART_NUM_RE.search(m["mark"]).group())
        return k, "bare" if not m["rest"] else "titled"
    m = _PART_REPEATED.match(line)
    if m is None or not _HAS_HAN.search(m["stem"]):
        return None
    return _cn_int(m["k1"] or m["k2"] or m["k3"]), m["stem"]


def _inherit(docs: list[DocumentDraft], preamble: DocumentDraft) -> None:
    """Give the parts the page's date and source; count the preamble on the first part."""
    for doc in docs:
        doc.published_at = doc.published_at or preamble.published_at
        doc.source_name = doc.source_name or preamble.source_name
    removed = docs[0].removed
    removed.update(preamble.removed)
    if preamble.title is not None:
        removed["compilation_header"] += 1
    if preamble.lines:
        removed["compilation_preamble"] += len(preamble.lines)


# --- header zone ----------------------------------------------------------------


def _read_header(lines: list[str], draft: DocumentDraft) -> int:
    """Take the title block off the top of `lines`; return where the body starts.

    May cut a run-in byline off the first body line (in place).
    """
    i = seen = 0
    while i < len(lines) and seen < HEADER_ZONE:
        if draft.title is None:
            _join_wrapped_title(lines, i)
        kind = _header_line(lines[i], draft, lines[i + 1 : i + 3])
        if kind is None:
            break
        if kind != "title":
            draft.removed[kind] += 1
            label = _FIELD.match(_unbracket(lines[i]))  # a record may run long
            seen += not (label and label.lastgroup in _RECORD_KINDS)
        i += 1
    if draft.published_at is None and "written_at" in draft.extra:  # signed, not published
        draft.published_at = datetime.fromisoformat(draft.extra["written_at"])
    if i < len(lines) and draft.author is None and (m := _DATELINE_BYLINE.match(lines[i])):
        found = _role_byline(m["byline"])  # 本报讯（记者 张明 通讯员 李红）…: the line stays
        if found is not None and found[0]:
            draft.author = found[0]
    if i < len(lines) and seen < HEADER_ZONE and draft.title is not None and draft.author is None:
        rest = _cut_run_in_byline(lines[i], draft)
        if rest is not None:
            lines[i] = rest
            draft.removed["run_in_byline"] += 1
    return i


def _in_record(found: dict, draft: DocumentDraft, after: list[str]) -> bool:
    """Whether a 名称：/标题： field stands in an information-disclosure record: with a
    record's other fields on its line, above it or on the next two lines."""
    if found.get("records") or "written_at" in found:
        return True
    if any(key in draft.extra for key in (*_RECORD_KEYS.values(), "written_at")):
        return True
    return any(
        (fields := _parse_fields(line, _HEADER_FIELDS)) is not None
        and bool(fields.get("records") or "written_at" in fields)
        for line in after
    )


def _dash_byline(line: str) -> str | None:
    """The name of a byline set as a subtitle ("——市委常委、组织部长 张建国"), else None."""
    core = line.lstrip("—-－ ")
    if _ABOUT.search(
        core
    ):  # ——访某某县委书记 李伟, ——本报记者专访…: an interview's subject, not its author
        return None
    return _office_byline(core)


def _office_byline(line: str) -> str | None:
    """The names of an office's byline (组织部长 李晓波) or a unit's (江苏省丹阳市委组织部
    王建国, the first name opening with a surname), else None."""
    if m := _BYLINE.match(line):
        return m["name"]
    if (m := _UNIT_BYLINE.match(line)) and _is_name(_NAME_RE.match(m["name"]).group()):
        return m["name"]
    return None


def _join_wrapped_title(lines: list[str], i: int = 0) -> None:
    """Join a title wrapped over lines i and i + 1 (in place): the first leaves a 《
    open that the second closes, or holds 关于 where the second ends with the
    document's kind (关于进一步加强…\n…工作的意见), or the second only notes the
    title's years or standing (（2024—2026年）) or joins a second subject to it
    (和2024年工作打算)."""
    if len(lines) < i + 3:
        return
    first, second = lines[i], lines[i + 1]
    joined = first + second
    opened = first.count("《") > first.count("》") and second.count("》") > second.count("《")
    kind_after = (
        "关于" in first[:20] and not _KIND_END.search(first) and _KIND_END.search(second)
    )  # 江州市人民政府办公室关于印发 / 《…》的通知
    noted = _TITLE_NOTE.match(second) is not None  # …实施方案 / （2024—2026年）
    joint = _JOINT_TAIL.match(second) is not None  # …2023年工作总结 / 和2024年工作打算
    if _SUBTITLE.match(second):  # ——在…上的讲话
        return
    wrapped = (opened or kind_after) and _is_title(first) and _is_title(second)
    noted_on = (noted or joint) and not _NOT_TITLE_LINE.search(joined)
    if (wrapped or noted_on) and _is_title(joined):
        lines[i : i + 2] = [joined]
    elif (
        _OCCASION.match(lines[i + 2])
        and len(second) >= TWO_LINE_TITLE_MIN
        and not _is_name(second)
        and _is_title(first)
        and _is_title(second)
        and not _NOT_TITLE_LINE.search(first + second)
        and _above_title(first, lines[i + 1 : i + 3]) is None
        and _role_byline(second) is None
        and not _BYLINE.match(second)
        and _DATE_LINE.match(second) is None
        and _parse_fields(second, _HEADER_FIELDS) is None
    ):  # 坚定信心 真抓实干 / 奋力开创…新局面 / ——在…会议上的讲话: a title set on two lines
        lines[i : i + 2] = [f"{first} {second}"]


def _header_line(line: str, draft: DocumentDraft, after: list[str] | None = None) -> str | None:
    """Record `line` if it belongs to the title block; return its kind ("title", …).

    `after` holds the next two lines: a title ending in ？ or ！ needs a line of fields
    under it, and a title-like line over a title over fields is a column's name.
    """
    after = after or []
    core = _unbracket(line)
    if _CREDIT.match(core):
        _add_extra(draft, "editors", core)
        return "editor_credit"
    if "摄" in line and _take_role_byline(line, draft):  # 撰稿：王敏 摄影：李强
        return "metadata_line"
    found = _parse_fields(line, _HEADER_FIELDS)
    if found is not None and _meeting_time(line, after):
        return None  # 时间：… over 地点：…, a meeting's record
    if (
        found is not None
        and "title" in found
        and (draft.title is not None or not _in_record(found, draft, after))
    ):
        found = None  # 名称：某某纪念馆 is body, but in a record it names the document
    if found is not None:
        _apply(found, draft)  # (名称：… under a title is body: 名称：某某纪念馆)
        return "metadata_line"
    if m := _ORIGINAL_TITLE.match(line):
        _add_extra(draft, "original_title", m["title"])
        return "metadata_line"
    if (m := _DATE_LINE.match(line)) and (when := _datetime(m)) is not None:
        draft.published_at = draft.published_at or when
        return "metadata_line"
    if (
        draft.title is not None
        and (m := _WECHAT_HEADER.match(line))
        and (when := _datetime(m)) is not None
    ):
        outlet = m["account"] and _OUTLET.search(m["account"])
        if "原创" in line or "发表于" in line.translate(_TO_SIMPLIFIED):
            # 原创 某某组工 2022-10-17 18:30 发表于四川
            draft.published_at = draft.published_at or when
            if m["account"] and m["account"] != "原创":
                _add_extra(draft, "poster", m["account"])
            return "metadata_line"
        if outlet:  # 央视网 2024年03月06日 20:15: a news outlet and its time
            draft.published_at = draft.published_at or when
            draft.source_name = draft.source_name or m["account"]
            return "metadata_line"
    if m := _DOCUMENT_NUMBER.match(line):  # 某组发〔2022〕12号, over the title or under it
        _add_extra(draft, "document_number", m["number"])
        if m["signer"]:
            _add_extra(draft, "signer", m["signer"])
        return "metadata_line"
    if draft.title is None:
        if _MASTHEAD.match(line) and any(_DOCUMENT_NUMBER.match(a) for a in after):
            _add_extra(draft, "masthead", line)  # 中共某某市委组织部文件, over its number
            return "metadata_line"
        fields_next = len(after) > 0 and _parse_fields(after[0], _HEADER_FIELDS) is not None
        if (kind := _above_title(line, after)) is not None:
            _add_extra(draft, kind, line)  # 工作动态 / 我县召开…推进会 / 发布时间：…
            return "metadata_line"
        if _is_title(line) or (
            line[-1] in "？！?!"
            and len(line) >= HEADLINE_MIN_LEN
            and _is_title(line.rstrip("？！?!"))
            and fields_next
        ):
            draft.title = line
            return "title"
        return None
    if line == draft.title:  # the title again (a record's 名称, then the page's heading)
        return "metadata_line"
    if _SUBTITLE.match(line) and (byline := _dash_byline(line)):  # ——组织部长 张建国
        draft.author = draft.author or byline
        _add_extra(draft, "byline", line.lstrip("—-－ "))
        return "metadata_line"
    if _is_title(line) and after and _page_fields(after[0]) and not _role_byline(line):
        _add_extra(draft, "subtitle", line)  # a deck over the page's fields
        return "metadata_line"
    if _SUBTITLE.match(line):
        _add_extra(draft, "subtitle", line)
        if draft.published_at is None and (m := _ANY_DATE.search(line)):
            draft.published_at = _datetime(m)
        return "metadata_line"
    if _take_role_byline(line, draft):  # 记者 王晓东 通讯员 刘建军
        return "metadata_line"
    if (m := _DATED_BYLINE.search(line)) and (when := _datetime(m)) is not None:
        byline = line[: m.start()].rstrip()  # 县委书记 李强（2023年2月10日）
        if _BYLINE.match(byline) or _take_role_byline(byline, draft):
            draft.published_at = draft.published_at or when
            return _header_line(byline, draft)
    if (name := _office_byline(line)) is not None:
        draft.author = draft.author or name
        _add_extra(draft, "byline", line)
        return "metadata_line"
    if _GROUP_AUTHOR.match(line):  # 某某县委组织部课题组
        draft.author = draft.author or line
        return "metadata_line"
    if (
        len(line) <= UNIT_BYLINE_MAX_LEN
        and _OFFICE_NAME.match(line)
        and not _NUMBERED.match(line)
        and not line.startswith(("各", "全", "我", "本", "关于"))
        and after
        and (_opens_body(after[0]) or (_DATE_LINE.match(after[0]) and _opens_body(after[1:])))
    ):  # 县委政策研究室, over the first paragraph (or its date): a unit's byline, no person
        _add_extra(draft, "author_unit", line)
        return "metadata_line"
    if (
        (m := _UNIT_DATE.match(line))
        and _OFFICE_NAME.match(m["unit"])
        and (when := _datetime(_DATE_LINE.match(m["date"]))) is not None
    ):  # 青山县人民政府办公室　　2024年4月8日: the issuer and its date on one line
        _add_extra(draft, "author_unit", m["unit"])
        draft.published_at = draft.published_at or when
        return "metadata_line"
    if m := _PEN_BYLINE.match(line):
        draft.author = draft.author or m["name"]
        return "metadata_line"
    if (
        len(line) <= 3
        and _is_name(line)
        and not (after and len(after[0]) <= 3 and _is_name(after[0]))  # a list of names
    ):  # four characters are more often a heading
        draft.author = draft.author or line
        return "metadata_line"
    return None


def _role_byline(line: str) -> tuple[str, str | None] | None:
    """(writers, photographers) of a byline made of roles and names ("记者 王晓东 通讯员
    刘建军" gives "王晓东 刘建军"), else None. Every role must credit a name, and every
    word must be a role or a name (opening with a common surname); a name padded to the
    width of three (张　明) is joined."""
    words = [w for w in _ROLE_SPLIT.split(_unbracket(line).translate(_TO_SIMPLIFIED)) if w]
    if len(words) > 2 and words[-1] in _REPORTED:  # 记者 王明 通讯员 李华 报道
        words.pop()
    credits: list[tuple[str, list[str]]] = []
    for word in _joined_initials(words):
        if word in _ROLES or ((m := _ROLE_PREFIX.match(word)) and not _is_name(word)):
            credits.append((word if word in _ROLES else m["role"], []))
            continue
        glued = next((r for r in _GLUED_ROLES if word.startswith(r)), "")
        if glued and _is_name(word[len(glued) :]):  # 本报记者赵磊
            credits.append((glued, [word[len(glued) :]]))
        elif credits and _is_name(word) and word not in _ROLES:
            credits[-1][1].append(word)
        else:
            return None
    if not credits or not all(names for _, names in credits):
        return None
    writers = [n for role, names in credits if role in _WRITER_ROLES for n in names]
    photographers = [n for role, names in credits if role in _PHOTO_ROLES for n in names]
    if not writers and not photographers:
        return None
    return " ".join(writers), " ".join(photographers) or None


def _joined_initials(words: list[str]) -> list[str]:
    """Words with a two-character name padded apart joined again: 张 明 -> 张明."""
    out: list[str] = []
    for word in words:
        if (
            len(word) == 1
            and out
            and len(out[-1]) == 1
            and out[-1] in _SURNAMES
            and _HAS_HAN.match(word)
        ):
            out[-1] += word
        else:
            out.append(word)
    return out


def _take_role_byline(line: str, draft: DocumentDraft) -> bool:
    """Record a role byline's names (the author when none is known yet)."""
    found = _role_byline(line)
    if found is None:
        return False
    writers, photographers = found
    if writers:
        draft.author = draft.author or writers
    if photographers:
        _add_extra(draft, "photographer", photographers)
    _add_extra(draft, "byline", _unbracket(line))
    return True


def _above_title(line: str, after: list[str]) -> str | None:
    """What `line` is when it stands over a title that has its fields (or date) under it:
    a site column's name (`column`: 工作动态), the site's name (`site`: 某某县人民政府网) or
    the page's title (`page_title`: 我县召开推进会_某某县人民政府网); None for anything else
    (a title, say, over its subtitle)."""
    if len(after) < 2 or not _is_title(after[0]) or _SUBTITLE.match(after[0]):
        return None
    if _parse_fields(after[0], _HEADER_FIELDS) is not None or not _dated(after[1]):
        return None
    parts = _PAGE_TITLE_SEPARATOR.split(line)
    if len(parts) > 1 and after[0] in parts:
        return "page_title"
    if len(line) >= len(after[0]):
        return None
    if len(line) <= COLUMN_MAX_LEN and _COLUMN.search(line):
        return "column"
    if len(line) <= SITE_NAME_MAX_LEN and _SITE_NAME.search(line) and " " not in line:
        return "site"
    if len(line) <= SITE_NAME_MAX_LEN and _OFFICE_NAME.match(line):
        return "office"  # 中共某某县委组织部, its site's banner
    return None


def _labels(line: str) -> set[str]:
    """The field labels in `line`, in Simplified and without their colons."""
    return {m.group().rstrip("：: ").translate(_TO_SIMPLIFIED) for m in _FIELD.finditer(line)}


def _published_label(line: str) -> bool:
    """Whether `line` labels a publishing date (发布时间：, 发布日期：…)."""
    return not _labels(line).isdisjoint(_PUBLISHED)


def _meeting_time(line: str, after: list[str]) -> bool:
    """A bare 时间：/日期： line over a meeting's place (地点：…, 出席：…): the meeting's."""
    return (
        bool(after)
        and _labels(line) <= _BARE_DATE_LABELS
        and not _TIMESTAMP.search(line)  # 时间：2023-06-12 09:30, a page's
        and bool(_MEETING_FIELD.match(after[0]))
        and not _SENTENCE_PUNCT.search(after[0])  # 主持人：各位网友，大家好！ is a turn
    )


def _page_fields(line: str) -> bool:
    """A line of a page's header fields: more than a bare `时间：` or `日期：` (a meeting's)."""
    return (
        _parse_fields(line, _HEADER_FIELDS) is not None and not _labels(line) <= _BARE_DATE_LABELS
    )


def _dated(line: str) -> bool:
    """A line of header fields, or a date alone."""
    return _parse_fields(line, _HEADER_FIELDS) is not None or _DATE_LINE.match(line) is not None


def _is_long_title(line: str) -> bool:
    """A long document title: …的通知, with no clause break (a sentence that lost its
    。 has some)."""
    return (
        len(line) <= LONG_TITLE_MAX
        and _KIND_END.search(line) is not None
        and not any(mark in line for mark in "，；,;")
    )


def _opens_body(lines: str | list[str]) -> bool:
    """Whether a line (the first of `lines`) is a paragraph: long, with a sentence end."""
    line = lines if isinstance(lines, str) else (lines[0] if lines else "")
    return len(line) > UNIT_BYLINE_MAX_LEN and _SENTENCE_END.search(line) is not None


def _is_title(line: str) -> bool:
    """A short line that does not read as a sentence or a numbered heading (a long one
    when it ends with the kind of document it titles: …的通知)."""
    return (
        (len(line) <= TITLE_MAX_LEN or _is_long_title(line))
        and line[-1] not in _TITLE_BAD_END
        and "。" not in line
        and _HAS_HAN.search(line) is not None
        and not _NUMBERED.match(line)
    )


def _cut_run_in_byline(line: str, draft: DocumentDraft) -> str | None:
    """If `line` opens with a byline glued to the body, record it and return the body.

    The name is cut only where its length is certain: three characters with a common
    surname, then an opening that cannot continue a name, while two characters
    would not leave such an opening (in "王五胡锦涛总书记…" the name may be 王五).
    """
    m = _RUN_IN_BYLINE.match(line)
    if m is None:
        return None
    name, rest = m["name"], m["rest"]
    if (
        not _is_name(name)
        or name[2] in _NOT_NAME_END
        or not _RUN_IN_OPENING.match(rest)
        or _RUN_IN_OPENING.match(name[2] + rest)
    ):
        return None
    draft.author = name
    _add_extra(draft, "byline", f"{m['office']} {name}")
    return rest


# --- trailer zone ---------------------------------------------------------------


def _read_trailer(lines: list[str], start: int, draft: DocumentDraft) -> int:
    """Take credits and notes off the end of `lines[start:]`, and the signature above
    them (an issuing office, then a date alone); return where the body ends."""
    end = len(lines)
    if end - 1 > start and (name := _signed_byline(lines[-1])):  # 某某县委组织部 王建华
        draft.author = draft.author or name
        _add_extra(draft, "byline", lines[-1])
        draft.removed["metadata_line"] += 1
        end -= 1
    while end > start and len(lines) - end < TRAILER_ZONE:
        kind = _trailer_line(lines[end - 1], draft)
        if kind is None:
            break
        draft.removed[kind] += 1
        end -= 1
    if end - 1 > start and (m := _SIGNED.match(lines[end - 1])) and (when := _datetime(m)):
        # 中共某某县委组织部　　2022年11月20日, on one line
        draft.published_at = draft.published_at or when
        _add_extra(draft, "issuer", m["issuer"])
        draft.removed["signature"] += 1
        return end - 1
    if end - 1 > start and (m := _DATE_LINE.match(lines[end - 1])) and (when := _datetime(m)):
        draft.published_at = draft.published_at or when
        draft.removed["signature"] += 1
        end -= 1
        if end - 1 > start and _issuers(lines[end - 1]):
            _add_extra(draft, "issuer", " ".join(lines[end - 1].split()))
            draft.removed["signature"] += 1
            end -= 1
        return end
    return end - _signature_before_attachments(lines, start, end, draft)


def _signature_before_attachments(
    lines: list[str], start: int, end: int, draft: DocumentDraft
) -> int:
    """Take out a signature (an issuing office, then a date alone) that stands right
    before the first attachment's heading (附件 / 附件1：…), the attachments' text after
    it staying body; return how many lines went (in place)."""
    at = next(
        (
            j
            for j in range(start + 2, end)
            if _ATTACHMENT.match(lines[j]) and _DATE_LINE.match(lines[j - 1])
        ),
        None,
    )
    if at is None or (when := _datetime(_DATE_LINE.match(lines[at - 1]))) is None:
        return 0
    draft.published_at = draft.published_at or when
    first = at - 1
    if first - 1 > start and _issuers(lines[first - 1]):
        first -= 1
        _add_extra(draft, "issuer", " ".join(lines[first].split()))
    draft.removed["signature"] += at - first
    del lines[first:at]
    return at - first


def _issuers(line: str) -> bool:
    """Whether `line` names the issuing offices of a signature: one, or a joint one
    parted by spaces (中共某某县委办公室　某某县人民政府办公室)."""
    parts = line.split()
    return 0 < len(parts) <= JOINT_ISSUERS_MAX and all(_ISSUER.match(p) for p in parts)


def _signed_byline(line: str) -> str | None:
    """The name of an office's or unit's byline closing an article (某某县委组织部 王建华):
    no label in it (组长：…, 联系人：…), no numbering, every name a person's."""
    if ":" in line or "：" in line or _NUMBERED.match(line) or line.startswith("图"):
        return None
    name = _office_byline(line)
    if name is None or not all(_is_name(n) for n in re.split(r"[\s、，,]+", name)):
        return None
    return name


def _trailer_line(line: str, draft: DocumentDraft) -> str | None:
    """Record `line` if it is a trailing credit or note; return its kind."""
    core = _unbracket(line)
    if _CREDIT.match(core):
        _add_extra(draft, "editors", core)
        return "editor_credit"
    if "摄" in line and _take_role_byline(line, draft):  # 撰稿：王敏 摄影：李强
        return "metadata_line"
    if m := _AUTHOR_NOTE.match(line):
        note = m["note"]
        _add_extra(draft, "author_note", note)
        if draft.author is None and (name := _NOTE_NAME.match(note)):
            draft.author = name["name"]
        return "author_note"
    if (found := _parse_fields(line, _TRAILER_FIELDS | {"time"})) is not None and (
        "published_at" not in found or _published_label(line)
    ):  # 发布时间：… 来源：… printed under the article (not a bare 时间：, a meeting's)
        _apply(found, draft)
        return "metadata_line"
    if m := _ORIGINAL_TITLE.match(line):
        _add_extra(draft, "original_title", m["title"])
        return "metadata_line"
    if _take_role_byline(line, draft):  # （记者 张明）, 文字：李红　图片：张明
        return "metadata_line"
    if (m := _CONTRIBUTED.match(line)) is not None:  # （某某镇党委供稿）
        draft.source_name = draft.source_name or m["by"]
        return "metadata_line"
    if _PUBLICITY.match(line):  # （此件公开发布）
        _add_extra(draft, "publicity", core)
        return "colophon"
    if m := _COLOPHON.match(line):  # 抄送：… / 某某办公室　2022年12月28日印发
        _add_extra(draft, "copies_to" if m["to"] else "printed", m["to"] or line)
        return "colophon"
    return None


# --- labelled fields ------------------------------------------------------------


def _parse_fields(line: str, allowed: frozenset[str]) -> dict[str, str | datetime] | None:
    """The fields of a metadata line ("发布时间：… 信息来源：…"), or None if it is not one.

    The line must open with a label (or a date, then labels), and every label must be
    of an `allowed` kind with a plausible value.
    """
    core = _unbracket(line)
    lead = core.lstrip(" \u3000[【(（")
    if not (_FIELD.match(core) or lead[:1].isdigit()) or _SENTENCE_END.search(core):
        return None
    labels = list(_FIELD.finditer(core))
    if not labels:
        return None
    found: dict[str, str | datetime] = {}
    head = core[: labels[0].start()].strip(" \u3000[]【】()（）|｜")
    if head and not _take_value("time", head, found):
        return None
    for m, end in zip(labels, [lab.start() for lab in labels[1:]] + [len(core)], strict=True):
        kind = m.lastgroup
        value = core[m.end() : end].strip(" 【】[]|｜")
        if kind not in allowed or not _take_value(kind, value, found, label=m.group()):
            return None
    return found


def _take_value(kind: str, value: str, found: dict, label: str = "") -> bool:
    """Put a field's value into `found`; False when it cannot be that field's value."""
    rest = ""
    if not value:
        return True
    if kind == "time":
        m = _ANY_DATE.match(value)
        if (m is None or _datetime(m) is None) and label.rstrip("：: ") in ("发布", "發佈", "發布"):
            return _take_value("poster", value, found)  # 发布：县委宣传部
        if m is None or (when := _datetime(m)) is None:
            return False
        found.setdefault("published_at", when)
        rest = value[m.end() :]
        if "，" in rest:  # "时间：2020年3月1日，全市召开…" is a sentence
            return False
        words = rest.split()
        if any(_HAS_HAN.search(w) and not (_LOOSE_OK.fullmatch(w) or _is_name(w)) for w in words):
            return False  # 时间：2022年10月17日 主题党日: a row of a schedule
    elif kind == "source":
        if m := re.match(r"《([^《》]{1,30})》\s*", value):  # 《某某日报》2022年10月17日 第03版
            token, rest = m.group(1), value[m.end() :]
        else:
            token, *more = value.split(maxsplit=1)
            rest = more[0] if more else ""
        if len(token) > 30 and not token.startswith(("http://", "https://", "www.")):
            return False
        found.setdefault("source_name", token)
    elif kind == "author":
        return _take_author(value, found)
    elif kind == "views":  # a page counter, not the document's: dropped
        m = re.match(r"\d[\d,]*\s*次?", value)
        rest = value[m.end() :] if m else value
    elif kind == "editor":
        found["editors"] = (
            f"{found['editors']} {label}{value}" if "editors" in found else label + value
        )
    elif kind == "poster":  # who put it on the site (an account or an office): not the author
        token, *more = value.split(maxsplit=1)
        rest = more[0] if more else ""
        if ("、" in token or "发言人" in token) and _is_name(rest.strip()):
            return False  # 发布人：国家统计局新闻发言人、…司长 付凌晖, a press conference's
        if len(token) > 30 and not token.startswith(("http://", "https://", "www.")):
            return False
        found.setdefault("poster", token)
    elif kind == "record":  # stated as it is: 某组发〔2022〕12号, 11410000MB1234567X/2022-00123
        if len(value) > 60:
            return False
        key = _RECORD_KEYS[label.rstrip("：: ").translate(_TO_SIMPLIFIED)]
        found.setdefault("records", {}).setdefault(key, value)
        return True
    elif kind == "written":  # the date the document was signed
        m = _ANY_DATE.match(value)
        if m is None or (when := _datetime(m)) is None:
            return False
        found.setdefault("written_at", when)
        rest = value[m.end() :]
    elif kind == "name":  # the document's title
        if len(value) > 2 * TITLE_MAX_LEN or _SENTENCE_END.search(value):
            return False
        found.setdefault("title", value)
        return True
    _take_loose(rest, found)
    return True


def _take_author(value: str, found: dict) -> bool:
    """An author field's value: "张三", "本报记者 张三", "张三 李四", "王建国（丹阳市委组织部）".

    A role before the names is dropped; a unit in brackets after them goes to
    `author_unit`. Anything else is one token taken as stated (a pen name, say).
    """
    value = _AUTHOR_ROLE.sub("", value, count=1) if _AUTHOR_ROLE.match(value) else value
    value = " ".join(_joined_initials(value.split()))  # 张　明 -> 张明
    m = _AUTHOR_VALUE.match(value)
    if m and all(_NAME_RE.fullmatch(n) for n in re.split(r"[\s、，,]+", m["names"])):
        names, unit, rest = m["names"], m["unit"], value[m.end() :]
        names = " ".join(re.split(r"[\s、，,]+", names))  # 张明、李红 -> 张明 李红
    else:
        token, *more = value.split(maxsplit=1)
        names, unit, rest = token, None, more[0] if more else ""
    if len(names) > 30:
        return False
    if _UNIT_AUTHOR.match(names) and not _is_name(names):  # 作者：办公室, a unit, no person
        unit = unit or names
    elif names not in _PLACEHOLDER_AUTHORS:
        found.setdefault("author", names)
    if unit:
        found.setdefault("author_unit", unit)
    _take_loose(rest, found)
    return True


def _take_loose(text: str, found: dict) -> None:
    """Unlabelled words in a metadata line: a date, or a bare name (the author)."""
    for token in text.split():
        if (m := _ANY_DATE.fullmatch(token)) and (when := _datetime(m)) is not None:
            found.setdefault("published_at", when)
        elif _is_name(token):
            found.setdefault("author", token)


def _apply(found: dict, draft: DocumentDraft) -> None:
    """Fill the draft's empty fields from parsed metadata."""
    draft.published_at = draft.published_at or found.get("published_at")
    draft.author = draft.author or found.get("author")
    draft.source_name = draft.source_name or found.get("source_name")
    draft.title = draft.title or found.get("title")
    for key in ("author_unit", "editors", "poster"):
        if key in found:
            _add_extra(draft, key, found[key])
    for key, value in found.get("records", {}).items():
        _add_extra(draft, key, value)
    if "written_at" in found:
        _add_extra(draft, "written_at", found["written_at"].isoformat(sep=" "))


# --- helpers --------------------------------------------------------------------


def _unbracket(line: str) -> str:
    """The inside of a line wrapped in one pair of brackets, else the line."""
    m = _BRACKETED.match(line)
    return m.group(1) if m else line


def _datetime(m: re.Match[str]) -> datetime | None:
    """The naive datetime of a `_DATE` or `_CN_DATE` match; None for an impossible date."""
    if m.re is not _DATE and m["cy"]:
        year = int("".join(str(_CN_DIGIT_VALUES.get(c, 0)) for c in m["cy"].replace("○", "〇")))
        try:
            return datetime(year, _cn_int(m["cm"]), _cn_int(m["cd"]))
        except ValueError:
            return None
    hour = int(m["H"] or 0)
    if m["half"] == "下午" and hour < 12:  # 下午3时: 15:00
        hour += 12
    try:
        return datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["M"] or 0), int(m["S"] or 0)
        )
    except ValueError:
        return None


def _is_name(token: str) -> bool:
    """A bare person's name: 2–4 Han characters opening with a common surname."""
    return (
        _NAME_RE.fullmatch(token) is not None
        and (token[0] in _SURNAMES or token[:2] in _COMPOUND_SURNAMES)
        and token not in _PLACEHOLDER_AUTHORS
    )


def _add_extra(draft: DocumentDraft, key: str, value: str) -> None:
    """Set extra[key], appending to what is already there."""
    draft.extra[key] = f"{draft.extra[key]} {value}" if key in draft.extra else value


def _cn_int(numeral: str) -> int:
    """Value of a small numeral: "3", "三", "十二", "二十" (0 if unreadable)."""
    if numeral.isdigit():
        return int(numeral)
    digits = _CN_DIGIT_VALUES
    head, ten, tail = numeral.partition("十")
    if not ten:
        return digits.get(numeral, 0)
    return digits.get(head, 1 if not head else 0) * 10 + digits.get(tail, 0)
