"""Character classes shared by the repair fixes (regex fragments)."""

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""CJK unified ideographs (with extensions A-G) and compatibility ideographs."""

CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·"
"""Full-width punctuation that marks Chinese context as firmly as a Han character."""

CHINESE = HAN + CJK_PUNCT
"""Characters that make their neighbourhood Chinese context."""

OFFICES = (
    "书记|常委|部长|主任|市长|县长|区长|省长|局长|厅长|主席|委员|秘书长|组长|院长|校长|"
    "处长|科长|镇长|乡长|所长|站长|队长|行长|经理|董事长|理事长|会长|社长|总编辑|记者|通讯员"
)
"""Office titles that end a byline's office before the name (组织部长 李晓波)."""
