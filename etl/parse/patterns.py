"""The Chinese phrasings of pre-2019 reports as data, each mapped to a canonical key.

One table per concept (docs/domain.md#metadata, docs/domain.md#sections, docs/domain.md#prose,
docs/domain.md#canonical-keys). Parsers import these tables; no other
module spells Chinese keywords for the same concept. Patterns are regular expressions over the
normalised (simplified, half-width digit) text; `{N}` stands for `numbers.NUMBER`; brackets are
matched in both forms `()` and `（）`.
"""

from __future__ import annotations

import re

from etl.parse.numbers import NUMBER

CJK = "\u4e00-\u9fff"
OPEN = "[(（]"
CLOSE = "[)）]"
CN_ORDINAL = "[一二三四五六七八九十]+"


def compile_number_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a table pattern, replacing ``{N}`` with a named group ``n`` holding a quantity."""
    return re.compile(pattern.replace("{N}", f"(?P<n>{NUMBER})"))


# --------------------------------------------------------------------------- sections (docs/domain.md#sections)

#: keyword → section kind, checked in order (docs/domain.md#section-matching): appeals and fees before requests,
#: problems before proactive (存在问题 headings often mention 公开).
SECTION_KIND_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("复议", "appeals"), ("诉讼", "appeals"), ("申诉", "appeals"), ("申述", "appeals"),
    ("举报投诉", "appeals"),
    ("收费", "fees"), ("减免", "fees"), ("费用", "fees"), ("收支", "fees"),
    ("问题", "problems_and_improvements"), ("改进", "problems_and_improvements"), ("不足", "problems_and_improvements"),
    ("整改", "problems_and_improvements"), ("打算", "problems_and_improvements"),
    ("下一步", "problems_and_improvements"), ("下步", "problems_and_improvements"),
    ("主动公开", "proactive"),
    ("依申请", "requests"), ("申请", "requests"),
    ("总体", "overview"), ("概述", "overview"), ("概 述", "overview"), ("基本", "overview"),
    ("概况", "overview"), ("引言", "overview"), ("要点落实", "overview"), ("主要任务", "overview"),
    ("其他", "other"), ("其它", "other"), ("附表", "other"), ("附件", "other"),
)

#: Whole headings whose kind no keyword gives (the bare 政府信息公开情况 is the proactive section,
#: docs/domain.md#sections-pre2019).
SECTION_EXACT_HEADINGS: dict[str, str] = {"政府信息公开情况": "proactive", "政务公开情况": "proactive"}

#: Extra section kinds stored as kind "other" with a subkind (docs/domain.md#sections-pre2019).
SECTION_SUBKIND_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("咨询", "consultations"),
    ("回应", "responses"), ("解读", "responses"),
    ("机构建设", "organisation"), ("机构设置", "organisation"), ("保障经费", "organisation"),
    ("会议", "meetings_and_training"), ("培训", "meetings_and_training"),
    ("重点工作", "key_tasks"),
    ("附表", "appendix"), ("附件", "appendix"),
    ("创新", "innovation"),
)

#: A heading line without an ordinal (seed-style `基本情况`) must end with one of these words.
BARE_HEADING_ENDINGS: tuple[str, ...] = (
    "情况", "事项", "措施", "打算", "安排", "概述", "附表", "附件", "问题", "工作", "不足",
)

#: Lines that look like headings but are labels of the 2019/2021 template tables (docs/domain.md#table3-rows,
#: docs/domain.md#table4).
NOT_HEADING_RE = re.compile(
    r"本年新收|上年结转|本年度办理结果|结转下年度|申请人情况|信息内容|第二十条|未经复议|复议后起诉"
)

#: Ordinal forms that open a top-level heading: 一、 一. 第一部分.
TOP_ORDINAL_RE = re.compile(rf"^\s*(?:(?P<cn>{CN_ORDINAL})\s*[、.．]|第(?P<part>{CN_ORDINAL})部分[、:：\s]?)\s*")
#: Sub-item markers that never open a top-level section: （一） 1、 1. ㈠.
SUB_ORDINAL_RE = re.compile(rf"^\s*(?:{OPEN}\s*{CN_ORDINAL}\s*{CLOSE}|\d+\s*[、.．]|[\u3220-\u3229])")

# --------------------------------------------------------------------------- metadata (docs/domain.md#metadata)

YEAR = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"
#: Report title: optional agency, year, 年/年度, then the (政府|政务)信息公开 … 报告 wording.
TITLE_RE = re.compile(
    rf"^\s*(?P<title>(?P<pre>[^\n。，,；;]{{0,40}}?)(?P<year>{YEAR})\s*年度?(?P<post>[^\n。，,；;]{{0,20}}?)"
    rf"(?:政府|政务)?信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:情况)?(?:的)?(?:年度)?报告)\s*$",
    re.M,
)
#: A title without a year: `政府信息公开工作年度报告` alone on a line (agency on the next line).
TITLE_NO_YEAR_RE = re.compile(
    r"^\s*(?P<title>(?P<pre>[^\n。，,；;\d]{0,40}?)(?:政府|政务)?信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?"
    r"(?:情况)?(?:的)?(?:年度)?报告)\s*$", re.M
)
#: The first line of a title broken across lines (`XX局2013年度信息公开工作` / `年度报告`):
#: a year and the disclosure words, nothing that ends a sentence.
TITLE_HEAD_RE = re.compile(
    rf"^\s*[^\n。，,；;]{{0,40}}?(?:{YEAR})\s*年度?[^\n。，,；;]{{0,20}}?信息公开[^\n。，,；;]{{0,8}}$", re.M
)
#: The second line of such a title: what is left of the 工作年度报告 wording.
TITLE_TAIL_RE = re.compile(r"^\s*(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:情况)?(?:的)?(?:年度)?报告\s*$")
#: Statistical-period sentence (docs/domain.md#report-year): 统计期限/报告期… followed by the period's first day.
PERIOD_RE = re.compile(
    rf"(?:统计|报告)(?:期限|时限|时间|期间|周期|区间|期|时段)(?:为|是|自|从|:|：)?\s*(?:自|从)?\s*"
    rf"(?P<year>{YEAR})\s*年\s*(?:1|一|01)\s*月\s*(?:1|一|01)\s*日"
)
#: A whole calendar year written as a period (`2014年1月1日至2014年12月31日`) anywhere in the text.
YEAR_SPAN_RE = re.compile(
    rf"(?P<year>{YEAR})\s*年\s*(?:1|一|01)\s*月\s*(?:1|一|01)\s*日\s*(?:起)?\s*(?:至|到|—|-|~|－)\s*"
    rf"(?P<year2>{YEAR})\s*年\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日"
)
#: Months (1..N) of the year after the report year in which a report is normally published (docs/domain.md#report-year):
#: a publication date in them is the last-resort evidence of the report year.
USUAL_PUBLICATION_MONTHS = 3  # the statutory deadline is 31 March (docs/domain.md#eras)
#: Opening phrases naming the year and a self-reference (docs/domain.md#report-year, item 3).
SELF_NOUNS = "局|委|办|厅|部|署|中心|单位|机关|乡|镇|街道|区|市|县|院|所|站|处|公司"
OPENING_YEAR_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?:^|[。\n])\s*(?P<year>{YEAR})\s*年度?\s*[，,]\s*(?:我|本|全)(?:{SELF_NOUNS})"),
    re.compile(rf"现将(?:我|本)(?:{SELF_NOUNS})?\s*(?P<year>{YEAR})\s*年度?"),
    re.compile(rf"(?P<year>{YEAR})\s*年度?(?:政府|政务)信息公开工作(?:年度)?报告如下"),
)
#: Year placeholders that must never be guessed (docs/domain.md#report-year).
YEAR_PLACEHOLDER_RE = re.compile(r"(?:200[xX×]{1,2}|20[xX×]{2}|[xX×]{4}|20\?\?)\s*年")

DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号|(?=[^\d\n]{0,12}$))",
    re.M,
)
PAGE_DATE_RE = re.compile(r"(?:发布日期|发布时间|发文日期)\s*[:：]\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")

#: Words that end an agency name (longest first).
AGENCY_SUFFIXES: tuple[str, ...] = (
    "人民政府办公厅", "人民政府办公室", "街道办事处", "人民政府", "委员会", "管理委员会", "管委会",
    "办公厅", "办公室", "中心", "政府", "局", "厅", "委", "办", "署", "部", "院", "所", "站", "处",
)
AGENCY_SUFFIX_RE = "|".join(sorted(AGENCY_SUFFIXES, key=len, reverse=True))
#: A signature block: an agency name on its own line followed by a date line.
SIGNATURE_RE = re.compile(
    rf"^[ \t\u3000]*(?P<agency>[{CJK}()（）]{{2,30}}(?:{AGENCY_SUFFIX_RE}))[ \t\u3000]*\n"
    rf"[ \t\u3000]*(?P<date>{DATE_RE.pattern})[^\n]{{0,12}}$",
    re.M,
)
#: Abbreviated self-names in the body: 省民政厅, 市人口计生委 (level word + name + type word).
ABBREVIATED_AGENCY_RE = re.compile(rf"(?P<name>[省市县区][{CJK}]{{1,8}}?(?P<type>委员会|办公室|厅|局|委|办|中心))")
#: Self references (docs/domain.md#agency): 我委 → type 委.
SELF_REFERENCE_RE = re.compile(
    rf"(?:我们|我|本)(?P<name>[{CJK}]{{0,4}}?)(?P<type>局|委|厅|办|中心)(?![{CJK}]?员)"
)

#: The page's own fields naming the publisher (docs/domain.md#agency), in the metadata grid or a `来源：` line.
PAGE_AGENCY_RE = re.compile(
    rf"(?P<label>发布机构|发布单位|发文机关|发文单位|发布部门|所属机构|公开责任部门|责任部门|信息来源|来源|生成机构)"
    rf"\s*[:：|]\s*(?P<name>[{CJK}()（）]{{2,40}})"
)
#: Page labels naming who posted a page rather than who wrote it: used only when no author label names one.
WEAK_PAGE_LABELS: tuple[str, ...] = ("信息来源", "来源")
#: Names that are a website or a page, not an agency (`来源：XX市人民政府网`).
NOT_AN_AGENCY_RE = re.compile(r"(?:网|网站|门户|首页|专栏|客户端|微信|微博|本站|原创)$")
#: Self-names that carry no place: kept as printed (with an issue) unless the document spells them out.
#: Short type words → the full forms a document may print instead (`市政府办` ↔ `上海市人民政府办公厅`).
ABBREVIATION_EXPANSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("政府办", ("人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅")),
    ("府办", ("人民政府办公室", "人民政府办公厅")),
    ("卫生计生委", ("卫生和计划生育委员会",)), ("卫计委", ("卫生和计划生育委员会",)),
    ("人口计生委", ("人口和计划生育委员会",)), ("计生委", ("人口和计划生育委员会", "计划生育委员会")),
    ("发改委", ("发展和改革委员会", "发展改革委员会")), ("发展改革委", ("发展和改革委员会", "发展改革委员会")),
    ("经信委", ("经济和信息化委员会",)), ("人社局", ("人力资源和社会保障局",)),
    ("住建局", ("住房和城乡建设局",)), ("国土局", ("国土资源局",)), ("环保局", ("环境保护局",)),
    ("安监局", ("安全生产监督管理局",)), ("食药监局", ("食品药品监督管理局",)),
    ("质监局", ("质量技术监督局",)), ("工商局", ("工商行政管理局",)), ("规划局", ("城乡规划局",)),
    ("编办", ("机构编制委员会办公室",)), ("办", ("办公室",)),
)
#: The level a leading level character gives an abbreviated name (`市卫生局` → city).
LEVEL_CHARS: dict[str, tuple[str, ...]] = {
    "省": ("province",), "市": ("city", "province", "county"), "州": ("city",), "盟": ("city",),
    "县": ("county",), "区": ("county",), "旗": ("county",), "镇": ("township",), "乡": ("township",),
}
#: Endings of a name cut off inside its type word (`张义镇人民`): never accepted as a name.
CUT_NAME_ENDINGS: tuple[str, ...] = tuple(sorted({
    suffix[:cut] for suffix in (
        "人民政府办公厅", "人民政府办公室", "街道办事处", "管理委员会", "委员会", "办公厅", "办公室", "管委会",
    ) for cut in range(2, len(suffix))
} - {"人民政府", "街道", "管理", "人民政府办", "街道办"} | {"人民", "办公", "委员", "管理委员", "管委"}))
#: A name that starts with a place, known to the gazetteer or not (`示例市…`, an abolished county): it
#: says where the agency is, so it is not an abbreviation.
PLACE_LIKE_START_RE = re.compile(
    rf"^[{CJK}]{{2,10}}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗|镇|乡|街道|新区|开发区)"
)
#: Names of the central government's bodies (level `central`).
CENTRAL_PREFIXES: tuple[str, ...] = ("国务院", "国家", "中华人民共和国", "中国")

#: A development area named after its host division (`长沙高新区`, `北京经济技术开发区`): one level below
#: the host (county level under a municipality).
DEVELOPMENT_AREA_RE = re.compile(
    r"^(?:国家级?)?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|工业园区"
    r"|产业园区|综合实验区|综合试验区|保税区|自贸区|新区)"
)
#: Division-code prefixes of the four municipalities (北京, 天津, 上海, 重庆).
MUNICIPALITY_PREFIXES: tuple[str, ...] = ("11", "12", "31", "50")
#: Sub-areas of a special zone (`XX片区管委会`): one level below the zone itself.
ZONE_SUB_AREA_WORDS: tuple[str, ...] = ("片区", "组团", "分区", "园区")
#: Level words (docs/domain.md#levels-and-scope), checked on the agency name in this order.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("国务院", "central"), ("国家", "central"), ("中华人民共和国", "central"),
    ("街道", "township"), ("乡", "township"), ("镇", "township"), ("苏木", "township"),
    ("县", "county"), ("区", "county"), ("旗", "county"),
    ("自治州", "city"), ("地区", "city"), ("盟", "city"), ("市", "city"),
    ("自治区", "province"), ("省", "province"),
)
#: A township name: 乡/镇/街道/苏木 closing a place name or followed by its government's name.
TOWNSHIP_RE = re.compile(r"(?:乡|镇|街道|苏木)(?=人民政府|政府|办事处|党政办|便民服务中心|$)")
#: A people's government reporting for its whole area (docs/domain.md#levels-and-scope).
REGION_SCOPE_RE = re.compile(
    r"汇总|编制而成|全(?:市|省|县|区)各级行政机关|全(?:市|省|县|区)(?:政府)?各部门|所列数据来自全(?:市|省|县|区)"
    r"|我(?:市|县|区|省)(?:政府)?各部门"
)
GOVERNMENT_SUFFIXES: tuple[str, ...] = ("人民政府", "政府")

# --------------------------------------------------------------------------- splitting (docs/domain.md#splitting)

TRUNCATION_RE = re.compile(r"此处隐藏\s*[:：]?\s*\d+\s*字|全部文档内容请下载后查看|余下内容请下载")
#: Characters that may end the last line of a complete report (a sentence, a quotation, a list).
SENTENCE_END_CHARS = "。！？!?；;…”’」』）)》：:.、"
#: A last line at least this long that does not end a sentence is text cut off mid-sentence.
CUT_LINE_MIN = 20
#: Page chrome that a flattened page leaves at the very end of its text (removed before judging the end).
TRAILING_CHROME_RE = re.compile(
    r"(?:\s*[【\[]?(?:附件下载|相关附件|附件|打印本页|打印|关闭窗口|关闭|返回顶部|返回|分享到|收藏)[】\]]?[:：]?)+\s*$"
)
#: A date at the very end, in the forms signatures use (`二○一二年元月二十日`, `2024年1月31日`, `2024-01-31`).
END_DATE_RE = re.compile(
    r"(?:[0-9〇○零一二三四五六七八九十元]{1,3}\s*月\s*[0-9〇○零一二三四五六七八九十]{1,3}\s*[日号]|"
    r"年\s*[0-9〇○零一二三四五六七八九十元]{1,3}\s*月|"
    r"\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})\s*$"
)
#: A flattened table's last row opening a numbered sub-list (`其中：1．当面申请数 条 0`): a list never
#: stops at its first item, so the page was cut inside the table.
OPEN_SUB_LIST_END_RE = re.compile(
    r"其中\s*[:：]?\s*(?:1|一|①)\s*[.．、]?[^\s|]{1,30}\s*(?:人次|万元|条|件|次|个|篇|期|场|人|元|项|份|家|宗)?\s*[\d无零—-]+\s*$"
)
#: Last lines that end a complete page without sentence punctuation: attachment lists, labelled contact
#: lines (`地址：…`, `联系电话：…`), document titles.
COMPLETE_LAST_LINE_RE = re.compile(
    r"^\s*(?:相关)?附(?:件|表)?\s*[:：\d]|^[^，,。；;]{1,8}[:：]|(?:报告|统计表|情况表|一览表|明细表)\s*$"
)
#: Section kinds that close a report; a report ending inside a table without one was cut mid-table.
CLOSING_SECTION_KINDS: tuple[str, ...] = ("problems_and_improvements", "other")
NOT_REPORT_OPENINGS_RE = re.compile(
    r"^\s*(?:关于[^\n]{2,60}的(?:通知|函|批复|意见|决定|复函)|[^\n]{2,40}(?:人民政府|各部门|各单位|同志)[:：]\s*$)",
    re.M,
)
REPORT_WORDS_RE = re.compile(r"公开")
#: A page title (first line, or a `标题：` field) naming a document of another kind (docs/domain.md#title: notices,
#: letters, plans, self-inspections, work points): not a report unless it also names an annual report
#: (`关于报送《…2015年政府信息公开年度报告》的函` transmits one).
PAGE_TITLE_LABEL_RE = re.compile(r"^\s*(?:标题|题目|名称|文章标题)\s*[:：]\s*")
OTHER_DOCUMENT_TITLE_RE = re.compile(
    r"(?:通知|函|批复|意见|决定|复函|方案|计划|要点|要点(?:落实|执行|完成)情况|自查报告|请示|纪要|公告|通报)\s*$"
)
ANNUAL_REPORT_WORDS_RE = re.compile(r"(?:政府|政务)?信息公开[^\n]{0,12}?报告|年报")
#: Labels only the 2019/2021 template tables carry: a text holding them is (part of) a report.
TEMPLATE_ANCHOR_RE = re.compile(r"第二十条第\s*[(（]|本年新收政府信息公开申请|未经复议直接起诉")

# --------------------------------------------------------------------------- proactive (docs/domain.md#prose-proactive)

#: Units of disclosed items (docs/domain.md#prose-proactive).
ITEM_UNITS = "条|件|份|篇|期|次|场|个|项"
#: Verbs that publish; a channel figure needs one before the number.
DISCLOSURE_VERB_RE = re.compile(r"公开|发布|公布|刊登|刊发|发行|推送|登载|上网|编印|出版|制作|发表|编发")
#: Nouns containing 公开 that are not the act of publishing (removed before the verb test).
NOT_A_VERB_RE = re.compile(
    r"(?:政府|政务)?信息公开(?:办|网|专栏|栏目|目录|指南|工作|查阅)|政务公开|公开(?:查阅|目录|指南|栏)"
)
#: Submitting information to another body: kept apart from publication channels.
SUBMISSION_RE = re.compile(r"上报|报送|推荐|送至|送交|报给")
OGI_OFFICE_RE = re.compile(r"(?:信息公开|政务公开)办")
CUMULATIVE_RE = re.compile(r"累计|历年|到年底|截至目前累计|总计至今")
#: `全年累计`/`2025年累计` sum up the report's own year: an annual figure, not a running total.
NEW_THIS_YEAR_RE = re.compile(r"新增|本年度?新|今年新|全年累计|本年度?累计|今年累计|(?:19|20)\d{2}\s*年度?累计")
#: Verbs that carry a response figure (`开展在线访谈1场`), beside the disclosure verbs.
RESPONSE_VERB_RE = re.compile(r"制作|发布|开展|举办|组织|召开|进行|刊发|推出")
TOTAL_RE = re.compile(
    r"(?:(?P<q>共|共计|总计|合计|全年|本年度?|今年|累计)[^，,；;。]{0,14}?)?(?P<m>主动)?(?:公开|发布|公布)(?:发布)?(?:了)?"
    r"(?:的)?(?:(?:涵盖|包括|包含)?[^，,；;。]{1,40}?等)?(?:各类|各项)?(?:政府|政务)?信息(?:数量?|总数|总量)?(?:的)?"
    r"(?:(?P<q2>共计|共有|共|总计|合计)|达到?|为|有)?$"
)
#: A channel figure that covers every kind of information (`通过门户网站公开各类信息46条`): the total
#: when no other channel of information items is counted in the same sentence.
ALL_KINDS_RE = re.compile(
    r"(?:主动)?公开(?:了)?(?:各类|所有|全部)|共[^，,；;。]{0,30}?公开|主动公开"
    r"|(?:全年|当年|本年度?|今年)[^，,；;。]{0,6}?(?:发布|公开)(?:了)?(?:政府|政务)信息"
)
#: `其中主动公开489份`, `我局主动公开的173条`: the proactive total with no noun after the verb.
PROACTIVE_VERB_ONLY_RE = re.compile(r"(?:其中|共|共计|全年|本年度?)?主动公开(?:了|的)?$")
#: What may stand between two rows of a flattened table (a list number left over: `4．`).
RUN_TABLE_GAP_RE = re.compile(r"^[\s\d①-⑩.．、()（）]{0,4}$")
#: The statistical year stated before a figure in its sentence; a different year is not this report's.
#: `今年`/`本年度`/`全年` after it bring the sentence back to the report's own year.
STATED_YEAR_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年|(?P<this>今年|本年|全年|当年)")
#: Quoted titles (`《2015年政务公开工作要点》`) whose years say nothing about a figure.
QUOTED_TITLE_RE = re.compile(r"《[^》]{0,60}》")

#: Channel keywords → `proactive.channel.<key>` (checked in order; first hit per keyword group).
CHANNEL_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("公报", "gazette"),
    ("发布会", "press_conference"),
    ("微博", "weibo"),
    ("微信", "wechat"), ("公众号", "wechat"),
    ("客户端", "new_media"), ("新媒体", "new_media"), ("政务app", "new_media"),
    ("查阅场所", "reading_room"), ("查阅点", "reading_room"), ("查阅室", "reading_room"),
    ("阅览室", "reading_room"), ("档案馆", "reading_room"), ("图书馆", "reading_room"),
    ("媒体", "media"), ("报纸", "media"), ("报刊", "media"), ("电视", "media"), ("电台", "media"),
    ("广播", "media"),
    ("网站", "website"), ("门户网", "website"), ("信息网", "website"), ("政府网", "website"),
    ("公开栏", "other"), ("宣传栏", "other"), ("公示栏", "other"), ("电子显示屏", "other"), ("电子屏", "other"),
)
#: A website is the government portal when the text before it names a government, else the agency's own.
GOVERNMENT_SITE_RE = re.compile(
    r"(?:人民政府|政府|党政|管委会|管理委员会|党工委)[”\"」』]?(?:门户|信息|入口|官方)?(?:公开)?网"
)
#: A website named by a place in quotes (`“中国平潭”网站`, `“永嘉”门户网`): the place's government portal.
PLACE_SITE_RE = re.compile(r"[“\"](?:中国)?(?P<place>[\u4e00-\u9fff]{2,8})[”\"](?:门户|政务|官方)?网")
#: The same without quotes (`中国平潭门户网`): the 2–8 characters before the site word are tried as a place.
SITE_WORD_RE = re.compile(r"(?:门户|政务|官方)?网")
#: A website named after a department (`我局门户网站`, `“XX管理局”门户网站`) is the agency's own.
AGENCY_SITE_RE = re.compile(r"(?:局|委|厅|办|中心|单位|所|站|院|部门)[”\"」』]?(?:门户|官方|政务|信息)?网")
PRESS_CONFERENCE_RES: tuple[re.Pattern[str], ...] = (
    compile_number_pattern(r"(?:举办|召开|组织)(?:了)?{N}(?P<unit>次|场)(?:新闻)?发布会"),
    compile_number_pattern(r"(?:举办|召开|组织)?(?:了)?(?:新闻)?发布会(?:等)?(?:共)?{N}(?P<unit>次|场)"),
)

#: Category keywords → `proactive.category.<key>` (longest and most specific first).
CATEGORY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("规范性文件", "normative_documents"),
    ("机构职能", "institutional"), ("机构信息", "institutional"), ("机构设置", "institutional"),
    ("机构领导", "institutional"), ("机构概况", "institutional"),
    ("政策法规", "policy"), ("政策文件", "policy"), ("法规文件", "policy"), ("决策信息", "policy"),
    ("规划计划", "planning"), ("规划", "planning"), ("计划总结", "planning"),
    ("业务信息", "business"), ("工作信息", "business"), ("业务工作", "business"),
    ("人事信息", "personnel"), ("人事", "personnel"),
    ("财政", "finance"), ("预决算", "finance"), ("财务", "finance"),
    ("部门动态", "news"), ("工作动态", "news"), ("政务动态", "news"), ("新闻", "news"),
    ("民生公益", "livelihood"), ("民生", "livelihood"),
    ("重点领域", "key_areas"),
    ("其他", "other"), ("其它", "other"),
)

#: Responses and interpretations in prose (`responses.*`, docs/domain.md#keys-disclosure), checked before categories.
RESPONSE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("政策解读", "responses.interpretations"), ("解读稿", "responses.interpretations"),
    ("解读材料", "responses.interpretations"), ("在线访谈", "responses.interviews"),
    ("回应公众关注", "responses.public_concerns"), ("回应社会关切", "responses.public_concerns"),
)

# --------------------------------------------- requests (docs/domain.md#prose-requests, docs/domain.md#zero-statements)

REQUEST_UNITS = "件次|件|宗|条|份|个|人次|次"
REQUEST_RECEIVED_RES: tuple[re.Pattern[str], ...] = (
    compile_number_pattern(
        rf"(?:受理|收到|接到|接收|办理)(?:了)?[^，,；;。]{{0,24}}?(?:政府)?信息(?:公开)?(?:的)?申请(?:事项)?"
        rf"(?:共计|共|总数|数量)?(?:为|达)?{{N}}(?P<unit>{REQUEST_UNITS})"
    ),
    compile_number_pattern(
        rf"(?:受理|收到|接到|接收)(?:了)?[^，,；;。]{{0,24}}?申请公开(?:政府)?信息(?:共计|共)?{{N}}(?P<unit>{REQUEST_UNITS})"
    ),
    compile_number_pattern(
        rf"(?:收到|受理)(?:政府信息公开|依申请公开)?申请(?:数量?|总数)?(?:为|共)?{{N}}(?P<unit>{REQUEST_UNITS})"
    ),
    compile_number_pattern(
        rf"(?:受理|收到|接到|接收|办理)(?:了)?(?:的)?依申请公开(?:政府信息)?(?:的)?(?:申请|事项)?(?:共计|共)?"
        rf"(?:为|达)?{{N}}(?P<unit>{REQUEST_UNITS})"
    ),
    compile_number_pattern(rf"申请公开(?:政府)?信息的(?:申请)?(?:有|共有|共)?{{N}}(?P<unit>{REQUEST_UNITS})"),
    compile_number_pattern(rf"依申请公开(?:政府)?信息(?:数|共|共计)?{{N}}(?P<unit>{REQUEST_UNITS})"),
)
#: "None received" statements (docs/domain.md#zero-statements): all mean new_received = 0.
REQUEST_ZERO_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:未|没有|尚未|没|未曾)(?:收到|接到|受理|发生)(?:过)?[^，,；;。]{0,30}?(?:公开|信息)[^，,；;。]{0,12}?"
               r"(?:申请|要求|事项)"),
    re.compile(r"没有依申请公开(?:政府)?信息的情况|无依申请公开(?:事项|情况)"),
    re.compile(r"(?:未|没有|尚未|未曾)(?:收到|接到|受理)(?:过)?(?:任何)?(?:申请公开|依申请公开)"),
    re.compile(r"依申请公开[^，,；;。]{0,10}?(?:为零|为0件|数为0)"),
)
#: Outcome phrasings → request items (docs/domain.md#prose-requests; template keys where the meaning is the same).
REQUEST_OUTCOME_RES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compile_number_pattern(pattern + rf"[”\"]?(?:的)?(?:申请)?(?:为|有|共|共计)?{{N}}(?P<unit>{REQUEST_UNITS})"), key)
    for pattern, key in (
        (r"在已(?:经)?答复的", "answered"),
        (r"[“\"]?同意部分公开", "partially_granted"),
        (r"(?<!不)[“\"]?同意公开", "granted"),
        (r"[“\"]?不同意公开", "legacy.exempt"),
        (r"[“\"]?(?:予以公开|全部公开)", "granted"),
        (r"(?<!同意)[“\"]?部分公开", "partially_granted"),
        (r"[“\"]?不予公开", "denied"),
        # 否决公开 (old forms): a refusal to disclose, like 不予公开 → the `denied` group total; `legacy.exempt`
        # is for 免予公开 / 不同意公开 stated without a reason
        (r"[“\"]?否决公开", "denied"),
        (r"[“\"]?(?:免予公开范围|免予公开)", "legacy.exempt"),
        (r"[“\"]?(?:信息不存在|申请信息不存在)", "legacy.not_exist"),
        (r"[“\"]?(?:非本机关政府信息|非本部门掌握|不属于本(?:行政)?机关公开|非本机关)", "legacy.not_this_agency"),
        (r"[“\"]?(?:申请内容不明确|告知作出更改补充)", "legacy.unclear"),
        (r"[“\"]?非《条例》所指政府信息", "legacy.not_government_info"),
        (r"[“\"]?属于已主动公开范围", "legacy.already_public"),
        (r"[“\"]?告知通过其他途径办理", "legacy.other_channel"),
        (r"[“\"]?无法提供", "unable"),
        (r"[“\"]?不予处理", "not_processed"),
        (r"[“\"]?其他处理", "other"),
    )
)
#: How requests arrived, stated in prose (`其中当面申请1宗，网上申请9宗`).
REQUEST_CHANNEL_RES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compile_number_pattern(rf"(?:{words})(?:提出的)?申请(?:的)?(?:为|有|共)?{{N}}(?P<unit>{REQUEST_UNITS})"), key)
    for words, key in (
        ("当面|现场", "received_by.in_person"),
        ("传真", "received_by.fax"),
        ("网上|网络|在线|网站", "received_by.online"),
        ("电子邮件|邮件", "received_by.email"),
        ("信函|邮寄|来信", "received_by.letter"),
    )
)

# --------------------------------------------------------------------------- fees (docs/domain.md#prose-fees)

FEES_CHARGED_RES: tuple[re.Pattern[str], ...] = (
    compile_number_pattern(r"(?:收取|收费)[^，,；;。]{0,16}?(?:费用|费)[^，,；;。\d]{0,8}?(?:为|共计|共|合计)?{N}(?P<unit>万元|元)"),
    compile_number_pattern(r"信息处理费[^，,；;。\d]{0,10}?(?:共计|共|合计)?{N}(?P<unit>万元|元)"),
)
FEES_ZERO_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:未|没有|不|未曾|均未|无)(?:向[^，,；;。]{0,12}?)?收取(?:[^，,；;。]{0,12}?)?(?:任何)?(?:费用|费)"),
    re.compile(r"(?:均|全部)?免费提供"),
    re.compile(r"(?:收取|收费)[^，,；;。]{0,16}?(?:为零|为0元|零元)"),
    re.compile(r"(?:无|没有|未发生|不存在|未产生)(?:任何)?[^，,；;。]{0,10}?(?:收费|收取费用)"),
    re.compile(r"(?:未|没有|无)(?:产生|发生)[^，,；;。]{0,16}?(?:收费|费用|处理费)"),
)
FEES_WAIVED_ZERO_RE = re.compile(
    r"(?:无|没有|不存在|未发生)(?:任何)?[^，,；;。]{0,10}?(?:收费(?:及|和|或))?减免(?:情况)?|也无减免"
)
#: Words that make a fee statement about information disclosure even outside a fees section.
FEES_CONTEXT_RE = re.compile(r"申请|信息公开|减免|处理费")

# --------------------------------------------------------------------------- appeals (docs/domain.md#prose-appeals)

#: Proceeding words → `proceeding` key; checked in order on a clause.
PROCEEDING_WORDS: tuple[tuple[str, str], ...] = (
    ("复议", "review"),
    ("诉讼", "litigation"),
    ("申诉", "complaint"), ("申述", "complaint"), ("投诉", "complaint"), ("举报", "complaint"),
)
APPEAL_POSITIVE_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (compile_number_pattern(r"行政复议(?:案件|案|申请)?(?:共计|共)?{N}(?P<unit>件|起|宗|个)"), "review"),
    (compile_number_pattern(r"(?:行政)?诉讼(?:案件|案)?(?:共计|共)?{N}(?P<unit>件|起|宗|个)"), "litigation"),
    (compile_number_pattern(r"(?:申诉|举报投诉|投诉)(?:案件|案)?(?:共计|共)?{N}(?P<unit>件|起|宗|个)"), "complaint"),
)
#: Outcome words of appeals stated in prose (`其中结果维持72件`), for the proceeding named last.
APPEAL_OUTCOME_RES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compile_number_pattern(rf"(?:{words})[^，,；;。\d]{{0,4}}?{{N}}(?P<unit>件|起|宗|个)"), outcome)
    for words, outcome in (
        ("结果维持|维持原(?:具体)?行政行为|予以维持|维持", "upheld"),
        ("结果纠正|被依法纠错|纠错|纠正|撤销", "corrected"),
        ("其他结果|其他情形", "other"),
        ("尚未审结|未审结", "pending"),
    )
)
#: A clause negating appeals: the negation must come before the proceeding words.
APPEAL_NEGATION_RE = re.compile(
    r"未发生|没有发生|未出现|没有出现|未产生|没有产生|未收到|没有收到|未接到|没有接到|没有|未有|未曾|"
    r"无(?=因|针对|政府|行政|有关|相关|涉及|任何)"
)
#: A negated appeals clause counts in a sentence about disclosure or naming the proceedings in full
#: (`未收到申请行政复议、提起行政诉讼` under an inline heading the section finder cannot see).
APPEAL_ZERO_CONTEXT_RE = re.compile(r"信息公开|公开|行政复议|行政诉讼")

# ---------------------------------------------------- old statistics tables (docs/domain.md#old-statistics-tables)

#: Row keywords → (table, item); checked in order (部分公开 before 同意公开, 不同意 before 同意).
TABLE_ROW_KEYWORDS: tuple[tuple[str, str, str], ...] = (
    ("不同渠道和方式公开相同信息", "disclosure_counts", "proactive.deduplicated"),
    ("主动公开政府信息数", "disclosure_counts", "proactive.total"),
    ("主动公开情况", "disclosure_counts", "proactive.total"),
    ("主动公开信息数", "disclosure_counts", "proactive.total"),
    ("主动公开规范性文件", "disclosure_counts", "proactive.category.normative_documents"),
    ("制发规范性文件", "disclosure_counts", "normative_docs.issued"),
    ("部门动态", "disclosure_counts", "proactive.category.news"),
    ("重点领域", "disclosure_counts", "proactive.category.key_areas"),
    ("政府公报", "disclosure_counts", "proactive.channel.gazette"),
    ("政府网站", "disclosure_counts", "proactive.channel.government_portal"),
    ("政务微博", "disclosure_counts", "proactive.channel.weibo"),
    ("政务微信", "disclosure_counts", "proactive.channel.wechat"),
    ("回应公众", "disclosure_counts", "responses.public_concerns"),
    ("新闻发布会", "disclosure_counts", "responses.press_conferences"),
    ("在线访谈", "disclosure_counts", "responses.interviews"),
    ("政策解读", "disclosure_counts", "responses.interpretations"),
    ("主动公开文件", "disclosure_counts", "proactive.total"),
    ("网站公开", "disclosure_counts", "proactive.channel.government_portal"),
    ("咨询", "disclosure_counts", "consultations"),
    ("收到申请", "requests", "new_received"),
    ("受理政府信息公开申请", "requests", "new_received"),
    ("申请总数", "requests", "new_received"),
    ("受理依申请公开", "requests", "new_received"),
    ("当面", "requests", "received_by.in_person"),
    ("传真", "requests", "received_by.fax"),
    ("电子邮件", "requests", "received_by.email"),
    ("网上申请", "requests", "received_by.online"),
    ("网络申请", "requests", "received_by.online"),
    ("信函", "requests", "received_by.letter"),
    ("其他形式申请", "requests", "received_by.other"),
    ("其它形式申请", "requests", "received_by.other"),
    ("同意部分公开", "requests", "partially_granted"),
    ("不同意公开", "requests", "legacy.exempt"),
    # 否决公开 (old forms) is a refusal to disclose, like 不予公开: the denied group total (before 答复总数:
    # `否决公开答复总数` is that outcome's row, not all answers)
    ("否决公开", "requests", "denied"),
    ("申请答复数", "requests", "answered"),
    ("申请的答复数", "requests", "answered"),
    ("答复总数", "requests", "answered"),
    ("同意公开", "requests", "granted"),
    ("同意提供", "requests", "granted"),
    ("不予公开", "requests", "denied"),
    ("拒绝提供", "requests", "denied"),
    ("涉密", "requests", "denied.state_secret"),
    ("第三方不同意", "requests", "denied.third_party_rights"),
    ("描述不清", "requests", "legacy.unclear"),
    ("信息不存在", "requests", "legacy.not_exist"),
    ("非本部门掌握", "requests", "legacy.not_this_agency"),
    ("不属于本行政机关", "requests", "legacy.not_this_agency"),
    ("申请内容不明确", "requests", "legacy.unclear"),
    ("告知作出更改补充", "requests", "legacy.unclear"),
    ("非《条例》所指", "requests", "legacy.not_government_info"),
    ("已主动公开范围", "requests", "legacy.already_public"),
    ("其他途径办理", "requests", "legacy.other_channel"),
    ("行政复议", "appeals", "review"),
    ("行政诉讼", "appeals", "litigation"),
    ("举报投诉", "appeals", "complaint"),
    ("行政申诉", "appeals", "complaint"),
    ("申述", "appeals", "complaint"),
    ("举报", "appeals", "complaint"),
    # `收费减免金额` (old forms): one row for the fees of the year, charged (减免 alone is the waived amount)
    ("收费减免金额", "disclosure_counts", "fees.charged_yuan"),
    ("减免", "disclosure_counts", "fees.waived_yuan"),
    ("收取的费用", "disclosure_counts", "fees.charged_yuan"),
    ("收取费用", "disclosure_counts", "fees.charged_yuan"),
    ("收费", "disclosure_counts", "fees.charged_yuan"),
)
#: A statistics-table row flattened into running text: label, unit, then the value columns, separated by
#: spaces (`行政复议数 件 0 0`). The first value is the annual column (layouts put 累计 after it:
#: docs/domain.md#old-statistics-tables).
RUN_TABLE_UNITS = "人次|万元|条|件|次|个|篇|期|场|人|元|项|份|家|宗"
RUN_TABLE_ROW_RE = re.compile(
    rf"(?P<label>(?:[^\s|。；;，,\d]{{0,6}}?\d{{1,2}}\s*[.．、])?[^\s|。；;，,\d]{{2,40}}?)\s*"
    rf"(?P<unit>{RUN_TABLE_UNITS})(?P<gap>\s*)"
    r"(?P<value>\d+(?:\.\d+)?|无|零|—+|-|/)(?P<second>\s+(?:\d+(?:\.\d+)?|无|零|—+|-|/))?(?![\d.])"
)
#: A header naming a second (cumulative) value column: its rows' values must be separated by spaces,
#: a glued `条00` or `条740` cannot be split safely and is left out.
RUN_TABLE_TWO_COLUMNS_RE = re.compile(r"累计|上年|去年|同比")
#: A header naming a cumulative second column (its value of the proactive total is `proactive.cumulative`).
RUN_TABLE_CUMULATIVE_RE = re.compile(r"累计")
#: Rows in a row (separated by nothing but spaces) that make a flattened table.
RUN_TABLE_MIN_ROWS = 4
#: Table cells that mean "none" (stored as 0) and "not applicable" (no fact).
TABLE_ZERO_CELLS: tuple[str, ...] = ("无", "零")
TABLE_DASH_CELLS: tuple[str, ...] = ("—", "——", "-", "--", "/", "－", "—/—", "-/-")
#: Header cells of the value column: prefer the annual column over the cumulative one.
TABLE_VALUE_HEADERS: tuple[str, ...] = ("统计数", "本期实际", "本年", "年度", "数量", "数值")
TABLE_CUMULATIVE_HEADERS: tuple[str, ...] = ("累计",)

# --------------------------------------------------------------------------- improvement measures

#: Item markers inside the problems section: 一是 / （一） / 1、 (with the ordinal in group `o`).
MEASURE_ITEM_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\n。；;：:]))[ \t]*(?:{OPEN}\s*(?P<o1>{CN_ORDINAL})\s*{CLOSE}|(?P<o2>\d{{1,2}})\s*[、.．](?!\d))"
    rf"|(?:(?<=^)|(?<=[\n。；;：:，,]))[ \t]*(?P<o3>{CN_ORDINAL})[是要]",
    re.M,
)
#: The first `一是`/`一要` glued to a sub-heading in flattened text (`…改进措施一要加强宣传教育`).
MEASURE_GLUED_ITEM_RE = re.compile(rf"[ \t]*(?P<o3>{CN_ORDINAL})[是要]")
#: A sentence that closes a list of problems by announcing the measures (`因此，我们考虑从以下三个方面做进一步
#: 的改进`): the items after it are measures.
MEASURE_BRIDGE_RE = re.compile(
    r"(?:为此|因此|对此|针对(?:上述|以上|这些|存在的)?问题|对于(?:上述|以上|这些)问题)[^。]*?(?:以下|如下|改进|措施|举措)"
    r"|以下[^。，]{0,6}(?:方面|措施|举措)"
)
#: Words that introduce problems, and words that introduce measures (future actions).
PROBLEM_INTRO_RE = re.compile(
    r"存在(?:的|一些|着)?(?:主要)?(?:问题|不足)|问题(?:主要)?(?:表现|体现)|不足之处|主要表现在|差距"
)
MEASURE_INTRO_RE = re.compile(
    r"将(?:继续|进一步|着重|重点|针对|从|按照|在|以|做好|采取|加强|大力)|下一步|下步|今后|明年|改进措施|工作打算|做好以下|以下几"
)
SUBHEADING_MAX = 14
