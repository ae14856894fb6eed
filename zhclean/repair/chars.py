"""Character classes shared by the repair fixes (regex fragments)."""

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""CJK unified ideographs (with extensions A-G) and compatibility ideographs."""

CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·"
"""Full-width punctuation that marks Chinese context as firmly as a Han character."""

CHINESE = HAN + CJK_PUNCT
"""Characters that make their neighbourhood Chinese context."""
