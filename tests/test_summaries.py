"""A session's summary is its own (issue 31): its topic line where it has one, else its first
sentence that is neither a date nor one its group's other records share, found with an index of
the group's sentences in time linear in its records."""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

from costs import ceiling, seconds_of

from sigsite.formatting import agenda_summary
from sigsite.model import Meeting, NoteSection
from sigsite.summaries import with_summaries

THANKS = "感谢开发者们的热情参与和各位老师的精彩分享！本次分享会的资料也给分享给大家。"


def record(body: str, day: date = date(2024, 11, 30), **fields: object) -> Meeting:
    return Meeting(
        source="README_CN.md",
        slug=day.isoformat(),
        title="【精彩回顾】易用性SIG技术分享活动",
        date=day,
        start=None,
        timezone="Asia/Shanghai",
        body=body,
        **fields,  # type: ignore[arg-type]
    )


def summaries(*meetings: Meeting) -> list[str]:
    return [agenda_summary(m) for m in with_summaries(meetings)]


def test_a_records_topic_line_is_its_summary():
    """Usability's sessions: the date and the topic in one sentence, then the thanks every session
    says; the summary is the topic, from its marker on. An English record's "Topic:" too."""
    first = record(
        f"\n2022年04月16日，MindSpore易用性SIG举行了第1次线上技术分享活动，主题是《聊聊AI框架的易用性》。\n\n{THANKS}\n",
        date(2022, 4, 16),
    )
    second = record(
        f"\n2022年05月28日，MindSpore易用性SIG举行了第2次线上技术分享活动，主题是《从零开始，“易”起上手》。\n\n{THANKS}\n",
        date(2022, 5, 28),
    )
    english = record("We met online.\n\n* **Topic:** graph kernel fusion in the backend.\n", date(2022, 6, 1))
    assert summaries(first, second, english) == [
        "主题是《聊聊AI框架的易用性》",
        "主题是《从零开始，“易”起上手》",
        "Topic: graph kernel fusion in the backend",
    ]


def test_a_marker_with_nothing_after_it_is_no_topic():
    (summary,) = summaries(record("例会议题：\n\n- 固定议题\n\n本次例会讨论了南向接口的标准化。\n"))
    assert summary == "本次例会讨论了南向接口的标准化。"


def test_a_sentence_the_groups_other_records_share_is_never_a_summary():
    """The TSC's notes open with the same words; numbers aside ("第1次", "第2次"), a template's
    sentence is one sentence. Each record's summary is its first sentence of its own."""
    opening = "The meeting information is as follows. You can click the meeting link to join the meeting."
    november = record(
        f"{opening}\n\n## Agenda\n\n1. Community Progress Update\n2. MindSpore Serving SIG is added\n"
    )
    december = record(
        f"{opening}\n\n## Agenda\n\n1. Community Progress Update\n2. The GNN proposal is reviewed\n"
    )
    assert summaries(november, december) == ["MindSpore Serving SIG is added", "The GNN proposal is reviewed"]
    numbered = [
        record(f"本次是第{i}次技术分享活动。\n\n本期分享介绍{topic}。\n")
        for i, topic in ((1, "调试工具"), (2, "模型迁移"))
    ]
    assert summaries(*numbered) == ["本期分享介绍调试工具。", "本期分享介绍模型迁移。"]


def test_a_date_or_time_alone_is_no_summary():
    dated = [
        "Thursday June 4, 2020 at 15:00 GMT+8",
        "2020年11月30日",
        "Duration: 2020/Dec/17 16:00 ~ 17:00 (UTC +08:00)",
        "时间：2021年8月31日 下午2点",
    ]
    (summary,) = summaries(record("\n\n".join([*dated, "The release plan was reviewed and approved."])))
    assert summary == "The release plan was reviewed and approved."


def test_names_under_an_attendance_heading_code_and_short_lines_are_no_summary():
    body = (
        "### Attendance:\n1. Yedong Liu(Huawei)\n2. Xia He(Huawei)\n\n"
        "```\nSubject: MindSpore TSC Meeting Nov 19\n```\n\n"
        "### Agenda:\n1.Roll Call\n2.Operational matters and the budget for 2021\n"
    )
    (summary,) = summaries(record(body))
    assert summary == "Operational matters and the budget for 2021"


def test_a_record_that_says_nothing_of_its_own_has_no_summary():
    """Two records of the same words: neither has a sentence of its own, and none is made up."""
    assert summaries(record(f"{THANKS}\n"), record(f"{THANKS}\n")) == ["", ""]


def test_a_notes_own_summary_and_its_agenda_come_first():
    """A note's front matter summary, and a note's agenda (its first items, as before), are kept."""
    given = record("A sentence of its own, long enough to be a summary.", summary="As its front matter says")
    agenda = record(
        "## Agenda\n* Attestation roadmap\n\nA sentence of its own, long enough to be a summary.",
        sections=(NoteSection("Agenda", "* Attestation roadmap\n"),),
    )
    assert summaries(given, agenda) == ["As its front matter says", "Attestation roadmap"]


def test_markup_is_read_as_text():
    body = "> **NOTICE:** see [the slides](slides.pdf) for `sig_members.yaml` ![poster](p.png)<br>changes\n"
    (summary,) = summaries(record(body))
    assert summary == "NOTICE: see the slides for sig_members.yaml changes"


def _group(count: int) -> tuple[Meeting, ...]:
    """`count` records of one group, as usability's are: a date, the thanks, a sentence of their own."""
    rng = random.Random(count)
    words = ["".join(rng.choices(string.ascii_lowercase, k=8)) for _ in range(2 * count)]
    day = date(2020, 1, 4)
    return tuple(
        record(
            f"{day + timedelta(i)}\n\n{THANKS}\n\n本期分享介绍 {words[2 * i]} {words[2 * i + 1]} 的设计。\n",
            day + timedelta(i),
        )
        for i in range(count)
    )


def _seconds(meetings: tuple[Meeting, ...]) -> float:
    """Seconds of process time (tests/costs.py: the least of three runs, the budgets' machine's)."""
    return seconds_of(lambda: with_summaries(meetings))


def test_the_index_is_linear_in_the_groups_records():
    """20,000 records of one group in under a second of process time (all-pairs matching would
    compare 200 million pairs), and four times the records about four times the time."""
    small, large = _group(5_000), _group(20_000)
    summarised = with_summaries(large)
    assert (
        summarised[0].summary.startswith("本期分享介绍 ") and len({m.summary for m in summarised}) == 20_000
    )
    small_seconds, large_seconds = _seconds(small), _seconds(large)
    assert large_seconds < ceiling(1.0), f"{large_seconds:.2f} s for 20,000 records"
    assert large_seconds <= 6 * small_seconds + 0.1, f"{small_seconds:.2f} s -> {large_seconds:.2f} s"


def test_a_list_written_without_blanks_is_read_item_by_item():
    """The TSC's agendas: `1.Roll Call`, `3.0.2.0 release review`, one item a line, no list for
    the forge; a paragraph's wrapped lines are one sentence."""
    may = record(
        "### Agenda:\n1.Roll Call and approval\n2.Community Progress Update\n3.0.2.0 release review\n"
    )
    june = record(
        "### Agenda:\n1.Roll Call and approval\n2.Community Progress Update\n3.0.3.0 release note review\n"
    )
    wrapped = record(
        "Will record detailed attendance starting next meeting, as the attendance have\nreached quorum.\n"
    )
    assert summaries(may, june, wrapped) == [
        "3.0.2.0 release review",
        "3.0.3.0 release note review",
        "Will record detailed attendance starting next meeting, as the attendance have reached quorum.",
    ]
