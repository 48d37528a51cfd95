"""The words of each language that the readers of committed files look for, as data: a note's
section names, what an attendance list or a README's title says, which words name a record or a
channel. Each language of languages.py holds one `Vocabulary`; the readers build their patterns
from the words of every language (`languages.words_of`), so a third language's notes are read as
soon as its entry is written here.

Words are literal and matched without case. `organisation_words` alone are pattern fragments:
stems and `\\b`-bounded words, no quantifiers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vocabulary:
    """The words of one language that the readers look for."""

    # The sections of the SIG's note template (model.SECTION_NAMES' keys), by the names notes give them.
    note_sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    attendance_headings: tuple[str, ...] = ()  # a note's section that lists who came
    action_headings: tuple[str, ...] = ()  # a note's section of action items
    not_an_action: tuple[str, ...] = ()  # what an action item's place holds when there is none
    not_a_name: tuple[str, ...] = ()  # what an attendee's place holds when there is none
    list_goes_on: tuple[str, ...] = ()  # what ends a list that names only some ("etc."), longest first
    organisation_words: tuple[str, ...] = ()  # what makes an attendee an organisation (fragments)
    record_words: tuple[str, ...] = ()  # what a file's path or title says when it records a session
    template_words: tuple[str, ...] = ()  # what a file's name says when it is a template
    readme_section_titles: tuple[str, ...] = ()  # an H1 that names a part of a README, not its group
    channel_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    group_words: tuple[str, ...] = ()  # a chat's group, after its name (`QQ group`)
    leader_headings: tuple[str, ...] = ()  # a README's heading over the group's leaders
    chair_words: tuple[
        str, ...
    ] = ()  # a leaders' heading or mark naming its chairs or leads, not maintainers
    honorifics: tuple[str, ...] = ()  # what a name may carry that is no part of it (`Dr.`, `老师`)
    no_person: tuple[str, ...] = ()  # what a name's place holds when nobody is named yet (`TBD`)
    team_words: tuple[str, ...] = ()  # a word that makes a "name" a role or a team (`committers`)
    minutes_words: tuple[str, ...] = ()  # what a README's line says when it gives the minutes' address
    # How a README states a rhythm: each frequency of health/cadence.py's PERIOD_DAYS by its words.
    # Written as the READMEs write them; a longer word wins where one holds another (`bi-weekly`
    # over `weekly`, `双周` over `周例会` in `双周例会`).
    frequency_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    topic_markers: tuple[str, ...] = ()  # what opens a record's topic line ("主题是《…》", "Topic: …")
    sentence_ends: tuple[str, ...] = ()  # what ends a sentence, a character each (`.` before a blank)
    date_words: tuple[str, ...] = ()  # the words of a written date or time, its numbers aside
    time_labels: tuple[str, ...] = ()  # what a record's line of its own time begins with ("Duration:")
    contact_headings: tuple[str, ...] = ()  # a README's heading over how to join or reach the group
    call_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)  # a call's service
    call_words: tuple[str, ...] = ()  # what a README's line says when it tells how to join a call
    # What an editor writes as an image's description when its author wrote none (`![img](x.png)`),
    # and before the time it names a pasted image by (`image-20230101123456789`).
    image_placeholders: tuple[str, ...] = ()
    figure_labels: tuple[str, ...] = ()  # what a line under an image starts with, before a number


ENGLISH = Vocabulary(
    leader_headings=("maintainer", "chair", "lead", "owner"),
    chair_words=("chair", "lead"),
    honorifics=("mr", "mrs", "ms", "miss", "dr", "prof", "professor"),
    no_person=("tbd", "tba", "todo", "none", "n/a", "na", "to be arranged", "to be determined", "vacant"),
    team_words=(
        "team",
        "teams",
        "committers",
        "developers",
        "contributors",
        "members",
        "maintainers",
        "tests",
        "staff",
        "everyone",
        "others",
    ),
    minutes_words=("meeting records", "meeting record", "meeting notes", "meeting minutes", "minutes"),
    note_sections={
        "agenda": ("agenda",),
        "conference links": ("conference links", "conference link", "meeting links"),
        "attendees": ("attendees", "attendee", "participants"),
        "notes": ("notes", "minutes"),
        "action items": ("action items",),
    },
    attendance_headings=("attendees", "attendee", "attendance", "participants"),
    action_headings=("action items", "action item", "actions", "next steps"),
    not_an_action=("todo", "tbd", "none", "n/a", "na"),
    not_a_name=("todo", "tbd", "none", "n/a", "na"),
    list_goes_on=("etc.", "etc", "and others"),
    organisation_words=(
        "universit",
        "college",
        "institute",
        "school",
        r"\bteam\b",
        r"\blab\b",
        "laborator",
        "compan",
        r"\bcorp",
        r"\binc\b",
        r"\bltd\b",
        "academy",
        "foundation",
    ),
    record_words=("meeting", "session", "minutes", "record", "webinar", "workshop"),
    template_words=("template",),
    readme_section_titles=("summary", "overview", "introduction", "readme", "contents", "table of contents"),
    channel_names={"wechat": ("wechat",)},
    group_words=("group",),
    frequency_words={
        "biweekly": (
            "biweekly",
            "bi-weekly",
            "fortnightly",
            "every two weeks",
            "every 2 weeks",
            "every other week",
            "every second week",
        ),
        "weekly": ("weekly", "every week", "each week", "once a week"),
        "monthly": ("monthly", "every month", "each month", "once a month", "every 1 month"),
    },
    topic_markers=("topic:", "topic is", "topic was", "topics:", "theme:", "theme is", "theme was"),
    sentence_ends=(".", "!", "?", ";"),
    date_words=(
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        *("at", "on", "am", "pm", "gmt", "utc", "st", "nd", "rd", "th"),
    ),
    time_labels=("duration", "time", "when", "meeting time"),
    contact_headings=("join", "contact", "discussion", "communication", "get involved", "reach us"),
    call_names={"tencent_meeting": ("Tencent Meeting",)},
    call_words=("join", "call", "meet", "link"),
    image_placeholders=("img", "image", "images", "picture", "pic", "photo", "screenshot", "alt", "alt text"),
    figure_labels=("figure", "fig.", "fig", "table"),
)

CHINESE = Vocabulary(
    leader_headings=("负责人", "维护者", "组长", "主席"),
    chair_words=("负责人", "组长", "主席"),
    honorifics=("老师", "博士", "教授", "先生", "女士"),
    no_person=("待安排人力", "待安排", "待定", "待补充", "无", "暂无"),
    team_words=("团队", "人力", "开发者", "成员", "委员"),
    minutes_words=("会议纪要", "会议记录", "例会记录", "纪要"),
    note_sections={
        "agenda": ("议程", "会议议程", "議程"),
        "conference links": ("会议链接", "会议地址"),
        "attendees": ("参会人员", "与会人员", "参会者"),
        "notes": ("会议纪要", "纪要"),
        "action items": ("待办事项", "行动项"),
    },
    attendance_headings=("参会人员", "与会人员", "参会者", "与会者", "出席人员", "出席", "参会"),
    action_headings=("待办事项", "行动项", "遗留问题", "后续行动"),
    not_an_action=("无", "暂无"),
    not_a_name=("无", "待定"),
    list_goes_on=("等人", "等等", "等"),
    organisation_words=("大学", "学院", "公司", "团队", "实验室", "研究院", "研究所"),
    record_words=("会议", "纪要", "例会", "分享", "活动", "回顾"),
    template_words=("模板",),
    readme_section_titles=("简介", "概述", "介绍", "目录"),
    channel_names={"wechat": ("微信",)},
    group_words=("群",),
    frequency_words={
        "biweekly": ("每两周", "每2周", "每二周", "每隔一周", "每隔1周", "两周一次", "隔周", "双周"),
        "weekly": ("每周", "每1周", "每一周", "每星期", "每个星期", "每礼拜", "周例会"),
        "monthly": ("每月", "每个月", "每1个月", "每一个月", "每1月", "月例会"),
    },
    topic_markers=(
        "主题是",
        "主题为",
        "主题：",
        "主题:",
        "议题是",
        "议题为",
        "议题：",
        "议题:",
        "题目是",
        "题目：",
    ),
    sentence_ends=("。", "！", "？", "；"),
    date_words=(
        *("年", "月", "日", "号", "星期", "礼拜", "周", "一", "二", "三", "四", "五", "六", "天"),
        *("上午", "下午", "晚上", "早上", "中午", "点", "时", "分", "半", "北京时间"),
    ),
    time_labels=("会议时间", "时间"),
    contact_headings=("加入", "联系", "交流", "参与", "沟通"),
    call_names={"tencent_meeting": ("腾讯会议",)},
    call_words=("会议", "参加", "加入", "链接"),
    # Gitee's editor, CSDN's (copied into READMEs) and the names of a pasted screenshot.
    image_placeholders=(
        "输入图片说明",
        "在这里插入图片描述",
        "请输入图片描述",
        "图片描述",
        "图片",
        "图像",
        "截图",
        "屏幕截图",
    ),
    figure_labels=("图", "表"),
)
