"""Labels of the generated blocks in each language the site is built in.

Message ids are the English text; a missing translation falls back to English, so a label
never disappears. Dates and times are localized by Babel, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

DEFAULT_LOCALE = "en"

ZH: dict[str, str] = {
    # roles
    "Maintainer": "维护者",
    "Mentor": "导师",
    "Committer": "提交者",
    "Reviewer": "评审者",
    "Contributor": "贡献者",
    "Member": "成员",
    "Maintainers": "维护者",
    "Mentors": "导师",
    "Committers": "提交者",
    "Reviewers": "评审者",
    "Contributors": "贡献者",
    "Members": "成员",
    # roster
    "{count} people in the SIG": "SIG 共有 {count} 人",
    "{count} person in the SIG": "SIG 共有 {count} 人",
    # Punctuation between the parts of a sentence that a template puts together.
    ": ": "：",
    ", ": "，",
    ".": "。",
    "{count} {role}": "{role} {count} 人",
    "Show members by role": "按角色筛选成员",
    "Everyone": "全部",
    "Find a member": "查找成员",
    "Name, organization or interest": "姓名、单位或研究兴趣",
    "Showing {shown} of {total}": "显示 {shown} / {total} 人",
    "No member matches.": "没有匹配的成员。",
    "Roles of {name}": "{name} 的角色",
    "Interests:": "研究兴趣：",
    "No members are listed yet.": "暂无成员。",
    "No one holds this role yet.": "暂无人担任此角色。",
    "The repositories the SIG's sig-info.yaml lists, with their committers:": "SIG 的 sig-info.yaml 列出的代码仓及其提交者：",
    # meetings
    "Meeting {number}": "第 {number} 次例会",
    "SIG meeting": "SIG 会议",
    "Next meeting": "下次会议",
    "Recent events": "近期活动",
    "Upcoming": "即将召开",
    "Other sessions": "其他活动",
    "Slides and files": "幻灯片与文件",
    "External": "外部链接",
    "No meeting is scheduled right now. Meetings are announced in the SIG's WeChat group and appear "
    "here as soon as their note is published.": "目前没有已安排的会议。会议通知发布在 SIG 微信群中，会议纪要发布后会立即显示在这里。",
    "Everything discussed so far is in the": "以往讨论的全部内容见",
    "meeting archive": "会议归档",
    "Follow the meetings:": "订阅会议：",
    "subscribe in your calendar app": "在日历应用中订阅",
    "meeting pad": "会议记录板",
    "Atom feed": "Atom 订阅源",
    "When:": "时间：",
    "{date}, {time}": "{date} {time}",
    "{minutes} minutes": "{minutes} 分钟",
    "Recording:": "录像：",
    "Slides:": "幻灯片：",
    "Other meetings": "其他会议",
    "Meetings of {year}": "{year} 年的会议",
    "All meetings of {year}": "{year} 年的全部会议",
    "By year": "按年份",
    "{count} meetings": "{count} 次会议",
    "{count} meeting": "{count} 次会议",
    "Previous:": "上一次：",
    "Next:": "下一次：",
    "All meetings": "全部会议",
    # the community hub
    "{count} groups: {active} recorded a meeting or session in the last 12 months, or have one coming.": "共 {count} 个小组，其中 {active} 个在过去 12 个月内有会议或活动记录，或有即将举行的会议。",
    "Show groups by kind": "按类型筛选小组",
    "All kinds": "全部类型",
    "Show groups by activity": "按活跃程度筛选小组",
    "Any activity": "不限",
    "SIG": "SIG",
    "Working group": "工作组",
    "Technical Steering Committee": "技术指导委员会",
    "Active": "活跃",
    "Nothing recorded in 12 months": "12 个月内无记录",
    "Hosted elsewhere": "托管在其他仓库",
    "Find a group": "查找小组",
    "All groups": "全部小组",
    "Name, folder, topic or maintainer": "名称、目录、方向或维护者",
    "No group matches.": "没有匹配的小组。",
    "Maintainers:": "维护者：",
    "{count} members": "{count} 名成员",
    "{count} member": "{count} 名成员",
    "Maturity:": "成熟度：",
    "Maturity": "成熟度",
    "Since {date}": "成立于 {date}",
    "Created": "成立时间",
    "Last recorded session:": "最近一次记录：",
    "Last recorded session": "最近一次记录",
    "Next meeting:": "下次会议：",
    "{count} people in {sigs} groups.": "{sigs} 个小组共有 {count} 人。",
    "as {statement}": "记为 {statement}",
    "Find a person": "查找成员",
    "Name, organization or SIG": "姓名、单位或 SIG",
    "Pages of {name}": "{name} 的页面",
    "About": "简介",
    "Meetings": "会议",
    "Meetings per year: {years}": "每年会议数：{years}",
    "Meetings per year": "每年会议数",
    "The group's folder on Gitee": "Gitee 上的小组目录",
    "No sig_members.yaml or sig-info.yaml lists them: see the README. A sig_members.yaml in {folder} would list them here.": "没有 sig_members.yaml 或 sig-info.yaml 列出成员，请参阅 README。在 {folder} 中添加 sig_members.yaml 后，成员会显示在这里。",
    "This SIG's README is written in English only.": "该 SIG 的介绍仅有英文版。",
    "The members of {name}, from its sig_members.yaml and sig-info.yaml.": "{name} 的成员，来自其 sig_members.yaml 与 sig-info.yaml。",
    "Members of {name}": "{name} 的成员",
    "Meetings of {name}": "{name} 的会议",
    "{count} groups: {active} recorded a meeting or session in the last 12 months, changed their files or have a meeting coming.": "共 {count} 个小组，其中 {active} 个在过去 12 个月内有会议或活动记录、修改过文件，或有即将举行的会议。",
    "This checkout has no Git history, so only dated notes and sessions count: a group may be active in ways its files do not date.": "此检出没有 Git 历史，因此只统计有日期的纪要与活动：小组可能还有文件中未注明日期的活动。",
    "This checkout is shallow: a group's last change is the last one it holds.": "此检出为浅克隆：小组的最近修改仅限于其中包含的提交。",
    "Last change": "最近修改",
    "Last change:": "最近修改：",
    "(in this shallow checkout)": "（以此浅克隆为准）",
    "Contact": "联系方式",
    "Page not found": "页面不存在",
    "There is no page at this address. It may have moved when the site was reorganized.": "此地址没有页面，可能在网站调整时移动了位置。",
    "The SIG's home": "SIG 首页",
    "All meetings and their notes": "全部会议及其纪要",
    "Everyone in the community": "社区的全部成员",
    "Use the search at the top of the page to find a page by a word it holds.": "可使用页面顶部的搜索，按页面中的词语查找。",
    "Documents": "文档",
    "Mailing list:": "邮件列表：",
    "{channels} (how to join: see the README)": "{channels}（加入方式见 README）",
    "; ": "；",
    "WeChat group": "微信群",
    "QQ group": "QQ 群",
    "No meeting is scheduled right now. A meeting appears here as soon as its note is published.": "目前没有已安排的会议。会议纪要发布后会立即显示在这里。",
}
CATALOGS: dict[str, dict[str, str]] = {"zh": ZH}
# The note on a hub page that shows a README in another language than the page's, by the README's.
README_ONLY_IN = {
    "en": "This SIG's README is written in English only.",
    "zh": "This SIG's README is written in Chinese only.",
}

Translate = Callable[..., str]


@cache
def translator(locale: str) -> Translate:
    """`_(message, **values)`: the message in `locale`, with `{placeholders}` filled in."""
    catalog = CATALOGS.get(locale.split("_")[0].split("-")[0], {})

    def translate(message: str, **values: object) -> str:
        text = catalog.get(message, message)
        return text.format(**values) if values else text

    return translate
