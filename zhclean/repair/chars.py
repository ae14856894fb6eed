"""Character classes shared by the repair fixes (regex fragments)."""

LOST = "\ufffd"
"""Stands for characters the bytes do not determine at all."""

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""CJK unified ideographs (with extensions A-G) and compatibility ideographs."""

CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·"
"""Full-width punctuation that marks Chinese context as firmly as a Han character."""

CHINESE = HAN + CJK_PUNCT
"""Characters that make their neighbourhood Chinese context."""

NOT_QUERY = r"(?![A-Za-z_][\w.-]*=)"
"""After a `?`: it does not open a URL's query string (通知?id=123, 云南?fromModule=lemma)."""

OFFICES = (
    "书记|常委|部长|主任|市长|县长|区长|省长|局长|厅长|主席|委员|秘书长|组长|院长|校长|"
    "处长|科长|镇长|乡长|所长|站长|队长|行长|经理|董事长|理事长|会长|社长|总编辑|记者|通讯员"
)
"""Office titles that end a byline's office before the name (组织部长 李晓波)."""

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "張劉陳楊黃趙吳孫馬羅鄭謝韓馮鄧蕭葉蘇呂盧鍾鐘譚陸賈韋鄒閆龍賀顧龔錢嚴湯齊喬龐顏莊聶魯歐"
    "關蘭寧紀畢單塗駱藍鮑華饒繆車項連蘆婁竇費衛鄔邊師欒隋鞏鄺萬覃閻許曾馮蔣餘姜崔鄺樂"
    "陽時農岳邵範於溫嶽遊簡麥黨宮應閔榮叢遲衞"
)
"""Common surnames, Simplified and Traditional, for telling a bare name from a word."""
