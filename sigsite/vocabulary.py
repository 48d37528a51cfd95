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
    minutes_words: tuple[str, ...] = ()  # what a README's line says when it gives the minutes' address
    # What an editor writes as an image's description when its author wrote none (`![img](x.png)`),
    # and before the time it names a pasted image by (`image-20230101123456789`).
    image_placeholders: tuple[str, ...] = ()
    figure_labels: tuple[str, ...] = ()  # what a line under an image starts with, before a number


ENGLISH = Vocabulary(
    leader_headings=("maintainer", "chair", "leader", "owner"),
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
    image_placeholders=("img", "image", "images", "picture", "pic", "photo", "screenshot", "alt", "alt text"),
    figure_labels=("figure", "fig.", "fig", "table"),
)

CHINESE = Vocabulary(
    leader_headings=("负责人", "维护者", "组长"),
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
