"""Pattern data for the normalise stage, gathered in one place (Chinese appears here as data).

Chrome patterns are matched against one line at a time *after* traditional → simplified
conversion and width normalisation, so only simplified, half-width-digit forms are listed.
"""

from __future__ import annotations

import re

# --- page chrome (docs/domain.md#page-chrome) -------------------------------------------------

#: A line made only of these tokens (split on brackets, pipes, colons, spaces) is chrome.
CHROME_TOKENS: frozenset[str] = frozenset(
    {
        "打印",
        "打印此页",
        "打印本页",
        "【打印】",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "分享到",
        "分享至",
        "分享",
        "字号",
        "字体",
        "大",
        "中",
        "小",
        "默认",
        "视力保护色",
        "护眼模式",
        "扫一扫在手机打开当前页",
        "扫一扫",
        "在手机打开当前页",
        "收藏",
        "返回顶部",
        "返回",
        "顶部",
        "上一篇",
        "下一篇",
        "相关附件",
        "附件下载",
        "基本介绍",
        "相关词条",
        "热门词条",
        "联络我们",
        "联系我们",
        "正文",
        "微信",
        "微博",
        "QQ空间",
        "qq空间",
        "朋友圈",
        "人人网",
        "腾讯微博",
        "新浪微博",
        "加入收藏",
        "设为首页",
    }
)

#: Tokens that are chrome only next to a stronger one (a table cell may well read 中 or 关闭).
WEAK_CHROME_TOKENS: frozenset[str] = frozenset(
    {"大", "中", "小", "默认", "返回", "顶部", "关闭", "分享", "收藏", "微信", "微博", "正文"}
)

#: Splits a line into chrome tokens.
CHROME_TOKEN_SPLIT = re.compile(r"[\s【】\[\]〔〕|丨/:：•·>»,，、]+")

#: Labels of the metadata grid printed above a report on government web pages.
METADATA_LABELS: tuple[str, ...] = (
    "索引号",
    "分类",
    "发布机构",
    "发文机关",
    "发文日期",
    "成文日期",
    "发布日期",
    "发布时间",
    "文号",
    "发文字号",
    "有效性",
    "主题分类",
    "主题词",
    "信息来源",
    "来源",
    "浏览次数",
    "点击数",
    "访问量",
    "生成日期",
    "公开方式",
    "公开范围",
    "公开时限",
    "体裁分类",
    "组配分类",
    "所属机构",
    "信息分类",
    "公开日期",
    "作者",
    "编辑",
)

#: A metadata line starts with a label and a separator, and is either short or holds a second
#: label (``发布日期：… 来源：…``); a long line with one label is prose (``公开方式：通过…``).
METADATA_LINE = re.compile(r"^(?:" + "|".join(METADATA_LABELS) + r")\s*[:：|]")
METADATA_LABEL_ANYWHERE = re.compile(r"(?:" + "|".join(METADATA_LABELS) + r")\s*[:：|]")
METADATA_SHORT_LINE = 40
METADATA_MAX_LINE = 160

#: Whole-line chrome regexes (applied to a stripped line with leading bullets removed).
CHROME_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^中文名\s*[:：].{0,60}$",  # encyclopedia-mirror infobox
        r"^外文名\s*[:：].{0,60}$",
        r"^年份\s*[:：]\s*\d{4}\s*年?$",
        r"^字号\s*[:：]?.{0,20}$",
        r"^第\s*\[?\s*\d+\s*\]?(\s*\[?\s*\d+\s*\]?)*\s*页\s*共\s*\[?\s*\d+\s*\]?\s*页.*$",  # pager
        r"^共\s*\d+\s*页.{0,20}$",
        r"^[-－—]\s*\d{1,4}\s*[-－—]$",  # PDF page number "-1-"
        r"^第\s*\d{1,4}\s*页(\s*[/，,]?\s*共\s*\d{1,4}\s*页)?$",
        r"^\d{1,4}\s*/\s*\d{1,4}$",
        r"^[^\s|]{1,80}\.(pdf|docx?|xlsx?|wps|et|zip|rar|jpg|png)$",  # attachment file names
        r"^.{0,10}(扫一扫|手机扫描).{0,10}(打开|浏览|阅读).{0,10}$",
        r"^【.{1,8}】(\s*【.{1,8}】)+$",  # rows of bracketed buttons
    )
)

#: Leading bullets/indent removed before matching a chrome line.
BULLET = re.compile(r"^[\s•·●◆■\*]+")

# --- markup residue -----------------------------------------------------------------

#: An HTML tag left in text (opening, closing or self-closing).
STRAY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,200})?/?>")
#: Character entities left in text.
STRAY_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d{1,6}|#x[0-9A-Fa-f]{1,5});")
ENTITY_TEXT = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
#: 1-4 ASCII letters glued after a sentence end at a line end (e.g. "。HtT"); not after "；", which the
#: punctuation step can create (the rule must not depend on a later repair, for idempotence).
TRAILING_RESIDUE = re.compile(r"(?<=[。！？])[A-Za-z]{1,4}[ \t]*$", re.M)

# --- one-byte-off GBK (mojibake.py) ---------------------------------------------------------

#: Punctuation that is ordinary in reports (scores as a common character).
MOJIBAKE_COMMON_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】—…·　「」『』〔〕")
#: Shapes that make a re-decoded run certainly right, and the only ones lost bytes may be guessed for.
MOJIBAKE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"（[一二三四五六七八九十]{1,3}）"),
    re.compile(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日"),
)
#: Characters those patterns are made of, and the ones they end with.
MOJIBAKE_PATTERN_CHARS = "（）一二三四五六七八九十年月日０１２３４５６７８９"
MOJIBAKE_PATTERN_ENDS = "）日"

# --- pinyin glosses ----------------------------------------------------------------------

TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = "a-zü" + TONE_MARKED + "ê"
#: Syllable shape: optional initial, then a final (letters after tone marks are folded to plain vowels).
PINYIN_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:i(?:ang|ong|ao|an|a|e|n|ng|u|o)?|u(?:ang|ai|an|a|i|n|o|e)?|ü(?:an|e|n)?|v"
    r"|a(?:ng|i|o|n)?|e(?:ng|i|n|r)?|o(?:ng|u)?|ng|n|m|r)$"
)
TONE_FOLD = str.maketrans(
    {c: v for v, group in zip("aeiouü", ("āáǎà", "ēéěè", "īíǐì", "ōóǒò", "ūúǔù", "ǖǘǚǜ"), strict=True) for c in group}
    | {"ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m", "ê": "e"}
)

# --- width and punctuation -------------------------------------------------------------------

#: Parenthesised ideographs ㈠… and parenthesised digits ⑴… → bracketed forms.
PAREN_IDEOGRAPHS = {chr(0x3220 + i): f"（{c}）" for i, c in enumerate("一二三四五六七八九十")}
PAREN_DIGITS = {chr(0x2474 + i): f"（{i + 1}）" for i in range(20)}

# --- traditional → simplified ----------------------------------------------------------------

#: tw2sp also rewrites words that are ordinary mainland usage (mirror sites convert mainland
#: reports to Taiwan script, so these words were never Taiwan vocabulary): 核心 → 内核,
#: 查詢 → 查找, 文件 → 文档, 效能 → 性能, 互動 → 交互, 指標 → 指针. Where tw2sp gives the first
#: form and the plain character conversion gives the second, the second is kept.
TW2SP_OVERCONVERSIONS: tuple[tuple[str, str], ...] = (
    ("内核", "核心"),
    ("查找", "查询"),
    ("文档", "文件"),
    ("性能", "效能"),
    ("交互", "互动"),
    ("指针", "指标"),
    ("创建", "建立"),
    ("设置", "设定"),
    ("运行", "执行"),
    ("添加", "新增"),
    ("集成", "整合"),
    ("存盘", "存档"),
    ("打开", "开启"),
    ("进程", "程序"),
    ("数据", "资料"),
)
