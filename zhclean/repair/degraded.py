"""Degraded punctuation restored: 指出.'党要… -> 指出：“党要…, with lost line breaks.

Some sources lost their Chinese punctuation upstream: every `，、。：；` became an
ASCII `.` and every quote (“”‘’) an ASCII `'`, and headings and bylines were run
into the body. On a line that shows this damage (`.` between Han characters, no
full-width Chinese punctuation at all) the marks are read back from the text:

- `'` pair up into “…” (‘…’ when nested after a speech verb inside a quote);
- `：` after a speech verb before a quote (指出.'… -> 指出：“…, 说过：“…), after 即,
  after an announced count before 一是 (突出“四个围绕”：一是…, 有“四气”：一是…), at
  the end of a line that announces a count (我讲三点意见：) and after a label opening
  the line (第一句话：…, 导语：…);
- `、` between the items of a list: short parallel items (选干部.配班子), items
  sharing their first or last characters (工业化.信息化), items closing with 等,
  quoted terms (“双强”工程.“大学生村干部”计划), titles in a row (《…》、《…》),
  neighbouring numbers (一、两次) and short items inside a quote;
- `。` at a sentence end: before an enumerator (一是/二要…), after a short
  enumerator topic (一要强化发展理念。), before a sentence-opening word (当前,
  同时, 这…, but not 这是/这很/这就 taking up the clause before), inside a
  quotation's closing quote, before a quoted topic that `就是` explains, and at
  the end of the line or before a heading; around a quotation that stands as a
  clause of its own (…。“尺有所短，寸有所长”。…, `：` after 说/名言…), after a
  lone enumerated topic of 5+ characters (三是…想提拔。), before a word the next
  sentence takes up (…的态度。态度决定一切) and before a question
  (…。如何提高执行力？); never right after 为了/如果/只有… clauses;
- `；` before 有的/另一方面 in a series (有的…，…；有的…), between groups opening with
  clauses of one frame (从政治上讲，…；从工作上讲，…) and between enumerated items
  that are a bare word each (一是傲气，…；二是霸气，…);
- `、` also between modifiers of one head (奋发向上、锐意进取的精神状态);
- `，` everywhere else; a `.` in a number (1.8亿, v1.2) is never touched.

Lost line breaks come back after a run-in byline at the start of the line
(`…组织部长 李晓波胡锦涛总书记…`) and around run-in headings: numbered ones
(一.… 二.… in sequence after sentence ends) and unnumbered parallel ones that
repeat one two-clause frame (创新….使之更加…), whose end is where the
character model places the boundary best across all of them.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from zhclean.repair.chars import HAN, OFFICES
from zhclean.repair.counts import NOTHING
from zhclean.repair.model_cache import cached

_H = f"[{HAN}]"
# A degraded full stop: after Han (or a quote/bracket), before Han, a quote, a digit or the end.
_DOT = re.compile(rf"(?<=[{HAN}'“”‘’》）])\.(?=[{HAN}'“”‘’《（\d]|$)")
_HAN_DOT_HAN = re.compile(rf"(?<=[{HAN}'])\.(?=[{HAN}'])")
# Anything that shows the line still has its punctuation (or ASCII stand-ins for it).
_INTACT = re.compile(rf"[，。、；：“”‘’]|{_H}[,;:]|[,;:]{_H}")
_HAN_RUN = re.compile(rf"{_H}")
# An ASCII quote in Chinese context (next to Han, a degraded dot or another quote).
_QUOTE = re.compile(rf"(?<=[{HAN}.'》）])'|'(?=[{HAN}.'《（\d])")
_NOT_HAN = re.compile(rf"[^{HAN}]+")
_QUOTES = "“”‘’"
_NUMERALS = "一二三四五六七八九十"

_SPEECH = (
    "说", "指出", "强调", "表示", "提出", "认为", "要求", "指示", "讲", "写道", "问", "答",
    "道", "宣布", "号召", "称", "坦言", "介绍", "告诉", "谈到", "讲到", "说道",
)  # fmt: skip
# Words that open a sentence: the full stop before them ends one.
_STARTERS = (
    "当前", "目前", "今年", "去年", "近年来", "近期", "同时", "因此", "所以", "但是", "然而",
    "此外", "另外", "总之", "这", "作为", "实践中", "工作中", "对此", "为此", "首先", "其次",
    "最后", "可见", "总而言之", "现在", "大家", "有些", "下面是", "比如", "一方面", "除此之外",
    "与此同时", "总体来看", "总的来看", "究其原因", "说到底", "事实上", "实际上", "由此可见",
    "综上所述", "下一步", "我认为", "同志们",
)  # fmt: skip
# Conjunctions and prepositions opening a subordinate clause: its main clause follows.
_SUBORDINATE = (
    "为了", "如果", "假如", "虽然", "尽管", "因为", "由于", "只要", "只有", "随着", "面对", "对于",
    "无论", "不管", "即使", "哪怕", "一旦", "除了",
)  # fmt: skip
# 这 taking up the clause before it as a subject: …的表现，这是…; …新任务，这就要求…
_RESUMING = re.compile("这(?:是|很|就)")
_ASKING = re.compile("怎样|怎么|如何|什么|哪|为何|何在|为什么")
# What introduces a quotation that opens its own clause: 有句名言：“…
_QUOTE_INTRO = (*_SPEECH, "说过", "讲过", "句话", "名言", "如下")
# Short clauses that open a sentence and are followed by a comma, never list items.
_ADVERBIALS = frozenset(
    ("当前", "目前", "今年", "去年", "近年来", "近期", "同时", "因此", "所以", "但是", "然而",
     "此外", "另外", "总之", "工作中", "实践中", "对此", "为此", "首先", "其次", "最后", "其中",
     "即", "例如", "比如", "一方面", "另一方面", "近日", "日前", "为什么")
)  # fmt: skip
# Words that open a new clause (adverbs, prepositions, modal verbs): not a list item.
_CLAUSE_OPENERS = (
    "努力", "不断", "积极", "进一步", "充分", "始终", "真正", "全面", "切实", "认真", "大力",
    "着力", "继续", "要", "必须", "应", "就", "也", "还", "并", "又", "更", "都", "以", "为",
    "把", "对", "在", "从", "使", "让", "通过", "按照", "根据", "围绕", "确保", "从而", "进而",
    "而", "却", "才", "我们", "他们", "这", "那", "其", "任何", "所有", "每",
)  # fmt: skip
_COUNTS = "一二两三四五六七八九"
_ENUM = re.compile(rf"^([{_NUMERALS}])(?:是|要|则|来|方面)")
_NUMBERED = re.compile(rf"^([{_NUMERALS}])$")
_COUNTED = re.compile(rf"[{_NUMERALS}两几][个项条点大]|以下|如下")
# A label opening the line: 第一句话：…, 导语：…
_LABEL = re.compile(rf"第[{_NUMERALS}]+(?:句话|点|条|部分)|导语|摘要|编者按|内容提要")
# A clause announcing what follows by its count: 我讲三点意见, 主要体现在三个方面, 有“三想”
_ANNOUNCING = re.compile(
    rf"(?:[{_NUMERALS}两几][个项条点种句大]{_H}{{0,2}}|“[{_NUMERALS}两几]{_H}{{1,2}}”)$"
)
# A clause that is only a place or setting: 在农村, 在社区党组织中
_LOCATIVE = re.compile(rf"^在(?:{_H}{{1,4}}|{_H}{{1,12}}[中里])$")
_OFFICE = re.compile(f"(?:{OFFICES})$")
# What follows a run-in byline's name: a leader's name and title, or a text's opening word.
_OPENING = re.compile(
    rf"^(?:{_H}{{2,3}}(?:总书记|书记|同志|主席|总理|委员长)|近日|日前|近年来|今年|去年|当前|目前)"
)
_MAX_ITEM = 4
"""Longest clause (Han characters) taken as a bare list item by length alone."""


def _han(clause: str) -> str:
    return _NOT_HAN.sub("", clause)


@cache
def segmenter() -> Any:
    """jieba, its dictionary loaded (a dependency of the project, see lm.py), which
    `zhclean.repair.warm_up` does before a batch.

    jieba's prefix dictionary (what `Tokenizer.initialize` makes of dict.txt: word
    counts, every word prefix at 0, their total) comes from the model cache: jieba's own
    cache file loads in about 1.4 s, this one in 0.3 s.
    """
    with warnings.catch_warnings():  # jieba's old regex literals warn on import
        warnings.simplefilter("ignore", DeprecationWarning)
        import jieba

    jieba.setLogLevel(30)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
            module = Path(jieba.__file__)
            tokenizer.FREQ, tokenizer.total = cached(
                "jieba",
                [module.parent / jieba.DEFAULT_DICT_NAME, module],
                lambda: tokenizer.gen_pfdict(tokenizer.get_dict_file()),
                _prefix_dict,
            )
            tokenizer.initialized = True
    jieba.initialize()  # a no-op once initialized
    return jieba


def _prefix_dict(value: Any) -> bool:
    """True for what jieba's `gen_pfdict` returns: (counts of words and prefixes, total)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], dict)
        and bool(value[0])
        and isinstance(value[1], int)
    )


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(segmenter().lcut(text, HMM=False))


@lru_cache(maxsize=8192)
def _boundaries(text: str) -> frozenset[int]:
    ends, pos = {0}, 0
    for word in _words(text):
        pos += len(word)
        ends.add(pos)
    return frozenset(ends)


def _aligned(a: str, b: str) -> int:
    return sum(x == y for x, y in zip(a, b, strict=False))


def is_degraded(line: str) -> bool:
    """True when `line` is Chinese text whose punctuation all became `.` and `'`."""
    if "." not in line or _INTACT.search(line):
        return False
    if len(_HAN_DOT_HAN.findall(line)) < 2:  # 说.'… and …'.就是 count too
        return False
    dots = len(_DOT.findall(line))
    return dots >= 3 and len(_HAN_RUN.findall(line)) / dots <= 30


def _quotes(line: str) -> tuple[str, int]:
    """Pair up ASCII `'` standing in Chinese context into “” (‘’ when nested)."""
    spots = [m.start() for m in _QUOTE.finditer(line)]
    marks: dict[int, str] = {}
    depth = 0
    for i in spots:
        after = line[i + 1] if i + 1 < len(line) else ""
        closing = after in ("", ".", "'")
        nested = (
            depth == 1
            and not closing
            and i > 1
            and line[i - 1] == "."
            and line.endswith(_SPEECH, 0, i - 1)
        )
        if depth and (closing or not nested):
            depth -= 1
            marks[i] = "”" if depth == 0 else "’"
        else:
            marks[i] = "“" if depth == 0 else "‘"
            depth += 1
    if depth:  # unbalanced: keep what cannot be paired as it is
        return line, 0
    chars = list(line)
    for i, mark in marks.items():
        chars[i] = mark
    return "".join(chars), len(marks)


class _Para:
    """A run of clauses separated by degraded dots; `end` when a dot follows the last."""

    def __init__(self, clauses: list[str], end: bool, kind: str = "body") -> None:
        self.clauses = clauses
        self.end = end
        self.kind = kind


def _split_byline(clauses: list[str]) -> tuple[list[str], list[str]] | None:
    """A byline run into the body at the start: office[.office] name + body."""
    for j, clause in enumerate(clauses[:4]):
        if " " not in clause:
            continue
        office, _, rest = clause.rpartition(" ")
        if not _OFFICE.search(office) or not all(
            _OFFICE.search(_han(c)) or len(_han(c)) <= 20 for c in clauses[:j]
        ):
            return None
        fits = [n for n in (2, 3) if len(rest) > n and _OPENING.match(rest[n:])]
        if len(fits) != 1 or not re.fullmatch(rf"{_H}+", rest[: fits[0]]):
            return None
        n = fits[0]
        return [*clauses[:j], f"{office} {rest[:n]}"], [rest[n:], *clauses[j + 1 :]]
    return None


def _parallel_headings(clauses: list[str], first: int) -> dict[int, int]:
    """Run-in headings of one repeated two-clause frame (创新….使之更加…): {index of
    a heading's first clause: length of the heading's part of the clause after it}.

    The frame is a pair of clauses opening with the same characters at least three
    times, far apart; the second clause ran on into the body. The heading ends at a
    word boundary in every occurrence, the one that best balances the heading's two
    halves (parallel headings are couplets)."""
    frames: dict[tuple[str, str], list[int]] = {}
    for j in range(max(first, 1), len(clauses) - 1):
        a, b = clauses[j], clauses[j + 1]
        if len(a) >= 4 and len(b) >= 8 and _han(a) == a and _han(b) == b:
            frames.setdefault((a[:2], b[:3]), []).append(j)
    found: dict[int, int] = {}
    for spots in frames.values():
        if len(spots) < 3 or min(y - x for x, y in itertools.pairwise(spots)) < 5:
            continue
        tails = [clauses[j + 1] for j in spots]
        ends = Counter(t[-2:] for t in tails)
        if 2 * ends.most_common(1)[0][1] >= len(tails):  # complete clauses, not run-on ones
            continue
        heads = sorted(len(clauses[j]) for j in spots)
        half = heads[len(heads) // 2]
        cuts = [
            k
            for k in range(5, max(map(len, tails)))
            if all(len(t) >= k + 4 and k in _boundaries(t) for t in tails)
            and len({t[k] for t in tails}) > 1
        ]
        if cuts:
            k = min(cuts, key=lambda k: (abs(k - half), -k))
            found.update(dict.fromkeys(spots, k))
    return found


def _numbered_headings(clauses: list[str], first: int) -> set[int]:
    """Clauses that are a numeral alone (`一.` was 一、) in sequence 一, 二, 三…, each
    after a sentence end: where numbered headings start."""
    spots = [j for j in range(max(first, 1), len(clauses) - 1) if _NUMBERED.match(clauses[j])]
    found: list[int] = []
    for j in spots:
        if _NUMERALS.index(clauses[j]) == len(found):
            found.append(j)
    return set(found) if len(found) >= 2 else set()


def _paragraphs(line: str) -> tuple[list[_Para], int]:
    """Split the line into paragraphs (byline, headings, body) at its lost line breaks;
    also the number of dots restored on the way (一.… -> 一、…)."""
    clauses = _DOT.split(line)
    end = clauses[-1] == ""
    if end:
        clauses.pop()
    paras: list[_Para] = []
    first = 0
    if byline := _split_byline(clauses):
        head, clauses = byline
        paras.append(_Para(head, False, "byline"))
        first = 1
    headings = _parallel_headings(clauses, first)
    numbered = _numbered_headings(clauses, first)
    current: list[str] = []
    j = merged = 0
    while j < len(clauses):
        if j in headings and current:
            k = headings[j]
            paras.append(_Para(current, True))
            tail = clauses[j + 1]
            paras.append(_Para([clauses[j], tail[:k]], False, "heading"))
            current = [tail[k:]]
            j += 2
            continue
        if j in numbered and current:
            paras.append(_Para(current, True))
            current = [f"{clauses[j]}、{clauses[j + 1]}"]
            merged += 1
            j += 2
            continue
        current.append(clauses[j])
        j += 1
    if current:
        paras.append(_Para(current, end))
    return paras, merged


def _item_short(clause: str) -> bool:
    """A bare list item by length: 配班子, 观念更新 (not 当前, 一要…, 在…, 要…)."""
    h = _han(clause)
    return (
        clause == h
        and 1 <= len(h) <= _MAX_ITEM
        and h not in _ADVERBIALS
        and not h.startswith(_CLAUSE_OPENERS)
        and not _ENUM.match(h)
        and not h.endswith(_SPEECH)
    )


def _tail_ok(a: str, m: int) -> bool:
    """`a`'s last m characters are whole words."""
    return 0 < m <= len(a) and (len(a) - m) in _boundaries(a)


def _continues(a: str, b: str, loose: bool) -> bool:
    """`b` opens with an item parallel to the one `a` ends with (工业化 / 国际化开展…,
    服务基层 / 服务群众发挥作用); `loose` when one aligned character is enough."""
    for m in range(2, min(5, len(b) - 1) + 1):
        if m not in _boundaries(b) or not _tail_ok(a, m):
            continue
        same = _aligned(a[-m:], b[:m])
        if (same >= 2 and m <= 4) or (same >= 1 and (loose or b[m] in "和与及")):
            return True
    return False


def _quote_spans(clauses: list[str]) -> list[tuple[int, int]]:
    """(first, last) clause indexes of each quotation that spans dots."""
    spans, depth, start = [], 0, 0
    for j, clause in enumerate(clauses):
        for c in clause:
            if c == "“":
                if depth == 0:
                    start = j
                depth += 1
            elif c == "”" and depth:
                depth -= 1
                if depth == 0 and start != j:
                    spans.append((start, j))
    return spans


def _enumerators(h: list[str]) -> set[int]:
    """Clauses opening an enumeration 一是… 二是… (in sequence, at least two)."""
    found: list[int] = []
    for j, clause in enumerate(h):
        if (m := _ENUM.match(clause)) and _NUMERALS.index(m[1]) == len(found):
            found.append(j)
    return set(found) if len(found) >= 2 else set()


class _Clauses:
    """A body paragraph's clauses with the mark chosen for each dot after them."""

    def __init__(self, clauses: list[str], end: bool) -> None:
        self.c = clauses
        self.n = len(clauses)
        self.h = [_han(c) for c in clauses]
        # the Han text after a clause's last quote mark and before its first one
        self.tail = [_han(re.split("[“”‘’]", c)[-1]) for c in clauses]
        self.head = [_han(re.split("[“”‘’]", c)[0]) for c in clauses]
        self.marks = [""] * (self.n - 1 + end)
        self.hard = [False] * len(self.marks)
        self.enum = _enumerators(self.h)
        self.short = [_item_short(x) for x in clauses] + [False]

    def free(self, j: int) -> bool:
        return 0 <= j < self.n - 1 and not self.marks[j]

    def set(self, j: int, mark: str, hard: bool = False) -> None:
        self.marks[j], self.hard[j] = mark, hard


def _decide(clauses: list[str], end: bool) -> list[str]:
    """The mark for each dot of a body paragraph (and for its final dot when `end`)."""
    p = _Clauses(clauses, end)
    c, h = p.c, p.h
    items = sorted(p.enum)
    # enumerated items that are single clauses take `；` between them, longer ones `。`
    short_items = bool(items) and all(y - x == 1 for x, y in itertools.pairwise(items))
    # …or a bare word each, explained after a comma: 一是傲气，总觉得…；二是霸气，…
    short_items = short_items or (bool(items) and all(len(h[i]) <= 4 for i in items))
    # quotations standing as clauses of their own: (first, last) clause indexes
    spans = {first: last for first, last in _quote_spans(c) if _closes_clause(c[last])}
    for first, last in spans.items():
        if first and c[first].startswith("“") and not p.marks[first - 1]:
            # a quotation opening a sentence, or announced: 有句名言：“…
            intro = h[first - 1].endswith(_QUOTE_INTRO) or h[first - 1] == "即"
            p.set(first - 1, "：" if intro else "。", True)
        if last < p.n - 1 and not _same_frame(c[first], c[last + 1]):
            p.set(last, "。", True)  # …”。 the sentence ends with the quotation
    for j in range(len(p.marks)):
        if p.marks[j]:
            continue
        if j == p.n - 1:  # the line's end; a count announces what the next line holds
            p.set(j, "：" if _ANNOUNCING.search(c[j]) else "。", True)
            continue
        _a, b, ha, hb = c[j], c[j + 1], h[j], h[j + 1]
        after = h[j + 2] if j + 2 < p.n else ""
        announced = b.startswith("“") and (ha.endswith(_QUOTE_INTRO) or ha == "即")
        if announced or (j == 0 and _LABEL.fullmatch(c[0]) and len(hb) >= 6):
            p.set(j, "：")  # 指出：“…, 第一句话：…
        elif b.startswith(("”", "’")):  # the dot closed a quotation: its full stop
            p.set(j, "。", True)
        elif j + 1 in p.enum:
            if (_COUNTED.search(ha) or _ANNOUNCING.search(c[j])) and j not in p.enum:
                p.set(j, "：")
            else:
                p.set(j, "；" if short_items else "。", True)
        elif b.endswith("”") and "“" in b and after.startswith("就是"):
            p.set(j, "。", True)  # a quoted topic that 就是 explains
        elif _opens_sentence(p, j):
            p.set(j, "。", True)
        elif (
            _ENUM.match(ha)
            and _topic(c[j])
            and not short_items
            and not p.short[j + 1]
            and not _continues(ha, hb, False)
        ):
            p.set(j, "。", True)  # 一要强化发展理念。组织工作…
        elif _anadiplosis(ha, hb):
            p.set(j, "。", True)  # …态度。态度决定一切
    _semicolons(p)
    _lists(p)
    return [mark or "，" for mark in p.marks]


def _closes_clause(clause: str) -> bool:
    """The quotation ends the clause: …”. (not a term inside it: “…”的责任制)."""
    return clause.endswith("”")


def _same_frame(a: str, b: str) -> bool:
    """`b` opens with the words `a` had before its quotation: 不能“…”，不能“…”."""
    lead = a.partition("“")[0]
    return bool(lead) and b.startswith(lead + "“")


def _topic(clause: str) -> bool:
    """An enumerated topic that is a sentence of its own (一要强化发展理念), not a bare
    word that a comma explains (一是傲气，总觉得…; 一是“全方位关爱”，…)."""
    return clause == _han(clause) and 5 <= len(clause) <= 14


def _anadiplosis(a: str, b: str) -> bool:
    """`b` opens with the word `a` closes with: a new sentence takes it up (…的态度。
    态度决定一切), never a list."""
    return (
        len(a) >= 3
        and len(b) >= 3
        and _tail_ok(a, 2)
        and b.startswith(a[-2:])
        and (2 in _boundaries(b))
    )


def _opens_sentence(p: _Clauses, j: int) -> bool:
    """The clause after dot `j` opens a sentence: 当前…, 同时…, 这…, 大家… (not after a
    short adverbial), 要… (not after a speech verb), 在社区党组织中… (a bare setting)."""
    ha, hb = p.h[j], p.h[j + 1]
    after = p.h[j + 2] if j + 2 < p.n else ""
    if ha.startswith(_SUBORDINATE):
        return False
    question, mark, _ = p.c[j + 1].partition("？")
    if mark and _ASKING.search(question) and ha[:2] != hb[:2]:
        return True  # a question opens a sentence: …。怎样抓好组织工作？
    if hb.startswith(_STARTERS) and not _RESUMING.match(hb):
        return not (j > 0 and (ha in _ADVERBIALS or ha.endswith(_SPEECH)))
    if j == 0:
        return False
    if hb.startswith("要") and not hb.startswith("要求"):
        # not after a fronted topic or setting: 对…意见建议，要认真倾听; …工作中，要冲在一线
        topic = ha.startswith(("对", "在", "把", "从")) or ha.endswith(("中", "上", "时"))
        return len(ha) >= 4 and not ha.endswith(_SPEECH) and j not in p.enum and not topic
    return bool(_LOCATIVE.match(hb)) and len(ha) >= 6 and len(after) >= 4


def _lists(p: _Clauses) -> None:
    """Mark the dots between list items `、` (where no sentence end was found)."""
    c, h, n = p.c, p.h, p.n
    # short items inside a quotation: “新解放、新跨越、新崛起”
    for first, last in _quote_spans(c):
        inner = [c[first].rpartition("“")[2], *c[first + 1 : last], c[last].partition("”")[0]]
        sizes = [len(_han(x)) for x in inner]
        # a saying of its own (“尺有所短，寸有所长”) rather than a list of short items
        saying = c[first].startswith("“") and _closes_clause(c[last]) and min(sizes) >= 4
        if saying:
            for j in range(first, last):
                if p.free(j):
                    p.set(j, "，")
        elif all(1 <= k <= 8 for k in sizes):
            lead = _han(inner[0])[:2]
            for j in range(first, last):
                if p.free(j) and not (
                    j > first and len(p.h[j + 1]) >= 3 and p.h[j + 1][:2] == lead
                ):
                    p.set(j, "、")
    r = 0  # where the current run of list items starts
    for j in range(n - 1):
        if j == 0 or p.marks[j - 1] != "、":
            r = j
        if not p.free(j):
            continue
        a, b, ha, hb = c[j], c[j + 1], p.tail[j], h[j + 1]
        # quoted terms: “双强”工程、“大学生村干部”计划
        if b.startswith("“") and "“" in a and re.search(r"”[^“”]{0,3}$", a):
            term = a[a.rfind("“") + 1 : a.rfind("”")]
            if len(_han(term)) <= 12:
                p.set(j, "、")
                continue
        # titles in a row: 《组织部政治学习制度》、《组织部业务培训制度》
        if b.startswith("《") and "《" in a and re.search(r"》[^《》]{0,3}$", a):
            p.set(j, "、")
            continue
        if b.rstrip("”’") != hb or not ha or hb.startswith(_CLAUSE_OPENERS + _STARTERS):
            continue
        if j + 1 in p.enum:
            continue
        # items closing with 等: 党建责任制度、季度例会制度等
        if _closes_etc(hb) and _walk_etc(p, j):
            continue
        # modifiers of one head: 安于现状、墨守成规的观念
        if _modifiers(ha, hb):
            p.set(j, "、")
            continue
        progress = j > 0 and p.marks[j - 1] == "、"
        run_item = p.tail[r] if len(p.tail[r]) <= _MAX_ITEM else p.tail[r][-len(hb) :]
        restart = progress and len(hb) >= 3 and hb[:2] == run_item[:2]
        # items of one frame: 党建硬件标准化、党建制度规范化
        m = len(hb)
        framed = m <= 8 and _tail_ok(ha, m) and ha[-1] == hb[-1] and _aligned(ha[-m:], hb) >= 2
        if framed and not restart:
            p.set(j, "、")
            continue
        # items sharing a suffix: 季度例会制度、全员信息制度 (not clauses: …为党员服务)
        if any(verb in hb for verb in "为是有在"):
            m = 99
        if m <= 9 and len(ha) >= 4 and ha[-2:] == hb[-2:] and not p.short[j]:
            p.set(j, "、")
            continue
        next_short = j + 2 < n and p.short[j + 2]
        # a run of short items: 选干部、配班子、建队伍 (its first item may end a longer clause)
        in_run = progress or next_short or (p.short[j] and j > 0)
        first_ok = p.short[j] or progress or _tail_ok(ha, len(hb))
        if p.short[j + 1] and not restart and in_run and first_ok:
            p.set(j, "、")
            continue
        m = len(hb)
        if m <= 5 and j + 1 < len(p.marks) and not restart:
            k = min(m, len(ha))
            if (_tail_ok(ha, m) and _aligned(ha[-m:], hb) >= 1 and not p.short[j]) or (
                progress and (_aligned(ha[:k], hb[:k]) or _aligned(ha[-k:], hb[-k:]))
            ):
                p.set(j, "、")
                continue
        if m > 5 and _continues(ha, hb, progress or len(ha) <= 4):
            p.set(j, "、")
            continue
        if (
            m > 5
            and progress
            and j >= 2
            and p.marks[j - 2] == "、"
            and "的" in hb
            and (j + 1 >= len(p.marks) or p.hard[j + 1] or p.marks[j + 1] == "；" or b != hb)
        ):
            p.set(j, "、")  # 观念更新、推进发展、加强党自身建设的重要活动载体
    for j in range(n - 1):  # neighbouring numbers, not a run of items: 一、两次
        a, b = c[j], c[j + 1]
        numbers = a[-1:] in _COUNTS and b[:1] in _COUNTS and a[-1] != b[0]
        if numbers and p.free(j) and _tail_ok(a, 1):
            p.set(j, "、")


def _shape(text: str) -> tuple[int, ...]:
    return tuple(map(len, _words(text)))


def _modifiers(a: str, b: str) -> bool:
    """`b` is an item of the shape `a` ends with, then 的 and the head they both modify:
    奋发向上 / 锐意进取的精神状态, 干部信任 / 群众认可的…干部 (not …的是…, nor a chain
    that takes up `a`'s last word: 抓工作的重点 / 抓重点的关键)."""
    k = b.find("的")
    return (
        2 <= k <= 6
        and b[k + 1 : k + 2] != "是"
        and k in _boundaries(b)
        and _tail_ok(a, k)
        and a[-k - 1 : -k] != "的"  # …旺盛的创新欲望 / 具有高昂的…: a head, not a modifier
        and _shape(a[-k:]) == _shape(b[:k])
        and a[-2:] not in b
    )


def _closes_etc(clause: str) -> bool:
    """The clause's first items close with the word 等 (…制度等，), not 一等, 等待."""
    k = clause.find("等")
    return 0 <= k <= 9 and k in _boundaries(clause) and k + 1 in _boundaries(clause)


def _walk_etc(p: _Clauses, j: int) -> bool:
    """Dots before a clause with 等 join list items, back to the first (long) one."""
    item = p.h[j + 1][: p.h[j + 1].find("等")]
    i, done = j, False
    while i >= 0 and p.free(i) and p.c[i] == p.h[i]:
        p.set(i, "、")
        done = True
        c = p.h[i]
        pure = len(c) <= _MAX_ITEM or (len(c) <= 10 and len(item) >= 2 and c[-2:] == item[-2:])
        if not pure or c.startswith(_CLAUSE_OPENERS) or i == 0:
            break
        i -= 1
    return done


def _semicolons(p: _Clauses) -> None:
    """Parallel groups of clauses within one sentence take `；` between them:
    坚持和完善…、…等，推进…；坚持和完善…；… and 比学习，创一流素质，…；比团结，…;
    有的…，…；有的…; …；另一方面…"""
    for j in range(1, p.n - 1):
        parallel = p.h[j + 1].startswith(("有的", "另一方面"))
        if parallel and p.free(j) and not p.h[j].startswith(_SUBORDINATE) and len(p.h[j]) >= 3:
            p.set(j, "；")
    start = 0
    for end in [j for j, hard in enumerate(p.hard) if hard] + [p.n - 1]:
        _framed_groups(p, start, min(end, p.n - 1))
        openers: dict[str, list[int]] = {}
        for i in range(start, min(end, p.n - 1) + 1):
            if (i == start or not p.marks[i - 1]) and len(p.h[i]) >= 3:
                openers.setdefault(p.h[i][:3], []).append(i)
        for spots in openers.values():
            if len(spots) < 3 or min(y - x for x, y in itertools.pairwise(spots)) < 2:
                continue
            before = [p.h[k - 1] for k in spots if k > 0]
            if (
                len(before) == len(spots)
                and all(len(x) <= 3 for x in before)
                and len({x[0] for x in before}) == 1
            ):
                spots = [k - 1 for k in spots]  # the group opens one clause earlier: 比学习
            for k in spots[1:]:
                if not p.marks[k - 1] and not (k >= 2 and p.marks[k - 2] == "；"):
                    p.set(k - 1, "；")
        start = end + 1


def _framed_groups(p: _Clauses, start: int, end: int) -> None:
    """Groups of clauses opening with clauses of one frame (从政治上讲，…；从工作上讲，…;
    衡量…工作，看…；评价…工作，看…) take `；` before each later group."""
    last: dict[tuple[int, str], int] = {}
    for i in range(start, end):
        h = p.h[i]
        if not 4 <= len(h) <= 8 or (i > start and p.marks[i - 1]):
            continue
        key = (len(h), h[-2:])
        tail = h.rstrip("等")[-2:]
        if "等" in h or (i > start and p.h[i - 1].endswith(tail)) or p.h[i + 1].endswith(tail):
            continue  # an item of a list (…制度、…制度等), not the head of a group
        k = last.get(key)
        last[key] = i
        if k is not None and i - k >= 2 and _aligned(p.h[k], h) >= max(3, len(h) // 2):
            p.set(i - 1, "；")


def fix_degraded_punctuation(text: str) -> tuple[str, Counter[str]]:
    """Restore Chinese punctuation (，、。：；“”) that upstream damage turned into ASCII
    `.` and `'`, and the line breaks lost before run-in headings and after a run-in
    byline. Lines without that damage come back unchanged."""
    if not is_degraded(text):
        return text, NOTHING
    line, restored = _quotes(text)
    paras, restored_numbers = _paragraphs(line)
    restored += restored_numbers
    breaks = len(paras) - 1
    out = []
    for para in paras:
        clauses = para.clauses
        if para.kind == "byline":
            out.append("、".join(clauses))
            restored += len(clauses) - 1
            continue
        if para.kind == "heading":
            out.append("，".join(clauses))
            restored += len(clauses) - 1
            continue
        marks = _decide(clauses, para.end)
        restored += len(marks)
        parts = [clauses[0]]
        for clause, mark in zip(clauses[1:], marks, strict=False):
            parts += [mark, clause]
        if para.end:
            parts.append(marks[-1])
        out.append("".join(parts))
    counts = Counter(degraded_punctuation=restored, lost_line_breaks=breaks)
    return "\n".join(out), +counts
