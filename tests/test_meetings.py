"""The meeting parser on every real note, and on the heading styles the SIGs write."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import CORPUS, PROJECT, corpus_sigs, requires_corpus

from sigsite.headings import parse_heading
from sigsite.meetings import load_meetings
from sigsite.notes.note import parse_meeting
from sigsite.problems import Problems

SHANGHAI = ZoneInfo("Asia/Shanghai")


def load(folder: Path):
    problems = Problems()
    meetings, attachments = load_meetings(folder, "meetings", SHANGHAI, problems)
    return meetings, attachments, problems


@pytest.mark.parametrize(
    ("heading", "day", "clock", "offset"),
    [
        ("Thursday June 04, 2020 at 15:00pm GMT+8", date(2020, 6, 4), time(15, 0), 8),
        ("Saturday August 8, 2020 at 2:30pm GMT+8", date(2020, 8, 8), time(14, 30), 8),
        ("Wednesday August 05, 2020 at 9:30am GMT+8", date(2020, 8, 5), time(9, 30), 8),
        ("Wednesday, April 7, 2021 at 14:30 GMT+8", date(2021, 4, 7), time(14, 30), 8),
        ("Tuesday, jul 27, 2021 at 19:00 GMT+8", date(2021, 7, 27), time(19, 0), 8),
        ("Monday March 1, 2021 at 12:00am UTC-5", date(2021, 3, 1), time(0, 0), -5),
        ("Friday September 4, 2020", date(2020, 9, 4), None, None),
        ("2020年10月9日 星期五 15:00 GMT+8", date(2020, 10, 9), time(15, 0), 8),
        ("2021年3月2日（周二）19：30", date(2021, 3, 2), time(19, 30), None),
    ],
)
def test_heading_styles(heading, day, clock, offset):
    parsed = parse_heading(heading)
    assert parsed.date == day
    assert parsed.time == clock
    assert parsed.utc_offset == (timedelta(hours=offset) if offset is not None else None)


def test_heading_without_a_date_reads_nothing():
    assert parse_heading("Weekly sync").date is None


def test_project_meetings():
    meetings, attachments, problems = load(PROJECT / "meetings")
    assert problems.errors == []
    notes = [m for m in meetings if not m.is_external]
    assert [m.slug for m in notes] == ["001-20200604", "002-20200703", "003-20200808", "004-20200904"]
    assert notes[0].start == datetime(2020, 6, 4, 15, 0, tzinfo=SHANGHAI)
    assert notes[0].start.astimezone(UTC) == datetime(2020, 6, 4, 7, 0, tzinfo=UTC)
    assert [s.title for s in notes[0].sections] == [
        "Agenda",
        "Conference links",
        "Attendees",
        "Notes",
        "Action items",
    ]
    assert notes[0].conference_links == ("https://welink-meeting.zoom.us/j/702349009",)
    external = [m for m in meetings if m.is_external]
    assert {m.external_url.split("/")[2] for m in external} == {"mp.weixin.qq.com", "www.bilibili.com"}
    assert attachments == ()


EXPECTED_CORPUS = {
    # SIG: (notes, attachments, first start, a time in the middle)
    "security": (4, 0, "2020-06-04T15:00:00+08:00", ("003-20200808", "14:30")),
    "data": (11, 0, "2020-04-02T21:30:00+08:00", ("005-20200805", "09:30")),
    "dx": (13, 1, "2021-03-09T19:00:00+08:00", ("003-20210407", "14:30")),
}


@requires_corpus
@pytest.mark.parametrize("sig", corpus_sigs(), ids=lambda p: p.name)
def test_every_corpus_note_is_read(sig):
    meetings, attachments, problems = load(sig / "meetings")
    notes, files, first, (slug, clock) = EXPECTED_CORPUS[sig.name]
    on_disk = [p for p in (sig / "meetings").glob("*.md") if p.name != "meeting-template.md"]
    assert len(meetings) == len(on_disk) == notes
    assert len(attachments) == files
    assert problems.errors == []
    assert meetings[0].start.isoformat() == first
    by_slug = {m.slug: m for m in meetings}
    assert by_slug[slug].start.strftime("%H:%M") == clock
    assert all(m.timezone == "Asia/Shanghai" for m in meetings)
    assert all(m.section("agenda") is not None for m in meetings)


@requires_corpus
def test_corpus_quirks_are_read_not_dropped():
    meetings, attachments, problems = load(CORPUS / "dx" / "meetings")
    crlf = {m.slug: m for m in meetings}["009-20210907"]
    assert "\r" not in crlf.body and crlf.agenda_items
    assert attachments[0].source == "2021-08-10 社区双周例会.pptx"
    assert attachments[0].date == date(2021, 8, 10)
    assert any("CRLF" in p.message and p.file == "meetings/009-20210907.md" for p in problems.warnings)
    videos = {m.slug: m.video for m in meetings}
    assert videos["003-20210407"] == "https://www.bilibili.com/video/BV1bK4y1P7XQ?p=1"
    data, _, data_problems = load(CORPUS / "data" / "meetings")
    mismatch = {m.slug: m for m in data}["003-20200603"]
    assert mismatch.date == date(2020, 6, 3)  # the file name wins over the heading's May 15
    assert any(p.file == "meetings/003-20200603.md" and p.line == 1 for p in data_problems.warnings)


def test_sequence_numbers_past_999_and_front_matter(tmp_path):
    (tmp_path / "1000-20300105.md").write_text(
        "# Saturday January 5, 2030 at 10:00 GMT+8\n\n## Agenda\n* A\n"
    )
    (tmp_path / "1001-20300112.md").write_text(
        '---\ntitle: Planning 2030\ntime: "09:30"\ntimezone: Europe/Berlin\nduration: 90\nlanguage: en\n---\n'
        "# Saturday January 12, 2030\n\n## Agenda\n* B\n"
    )
    meetings, _, problems = load(tmp_path)
    assert problems.errors == []
    first, second = meetings
    assert first.sequence == 1000 and first.start == datetime(2030, 1, 5, 10, 0, tzinfo=SHANGHAI)
    assert second.title == "Planning 2030" and second.duration_minutes == 90
    assert second.start == datetime(2030, 1, 12, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def test_offset_other_than_the_site_zone_keeps_the_instant(tmp_path):
    note = tmp_path / "001-20210301.md"
    note.write_text("# Monday March 1, 2021 at 9:00am GMT-5\n\n## Agenda\n* A\n")
    meeting = parse_meeting(note, "meetings/001-20210301.md", SHANGHAI, Problems())
    assert meeting.timezone == "Etc/GMT+5"
    assert meeting.start.astimezone(UTC) == datetime(2021, 3, 1, 14, 0, tzinfo=UTC)


def test_chinese_note_is_detected(tmp_path):
    note = tmp_path / "002-20210302.md"
    note.write_text("# 2021年3月2日 例会\n\n## 议程\n* 差分隐私训练的图模式适配\n* 联邦学习\n", "utf-8")
    meeting = parse_meeting(note, "meetings/002-20210302.md", SHANGHAI, Problems())
    assert meeting.language == "zh" and meeting.date == date(2021, 3, 2) and meeting.start is None
    assert parse_heading("2021年3月2日 星期三").weekday == 2  # a Wednesday, as written


def test_recording_from_front_matter_wins_over_links_in_the_note(tmp_path):
    note = tmp_path / "003-20210303.md"
    note.write_text(
        "---\nvideo: https://www.youtube.com/watch?v=abc\n---\n# Wednesday March 3, 2021 at 19:00 GMT+8\n\n"
        "## Notes\n* Older recording: https://www.bilibili.com/video/BV1xx\n",
        "utf-8",
    )
    meeting = parse_meeting(note, "meetings/003-20210303.md", SHANGHAI, Problems())
    assert meeting.video == "https://www.youtube.com/watch?v=abc"


def test_a_second_load_reads_only_the_notes_that_changed(tmp_path, monkeypatch):
    """`mkdocs serve` loads the SIG after every save; unchanged notes come from the cache."""
    import os
    import shutil

    import sigsite.meetings as meetings_module
    from sigsite.loader import Sources, load_sig
    from sigsite.meetings import NoteCache

    shutil.copytree(PROJECT / "meetings", tmp_path / "meetings")
    shutil.copy2(PROJECT / "sig_members.yaml", tmp_path)
    cache = NoteCache()
    first, first_problems = load_sig(Sources(tmp_path), cache)
    read: list[str] = []
    parse = meetings_module.parse_meeting
    monkeypatch.setattr(
        meetings_module, "parse_meeting", lambda path, *a, **k: read.append(path.name) or parse(path, *a, **k)
    )
    again, again_problems = load_sig(Sources(tmp_path), cache)
    assert read == [] and again == first and again_problems.sorted() == first_problems.sorted()
    note = tmp_path / "meetings" / "002-20200703.md"
    note.write_text(note.read_text("utf-8") + "\n* A late addition\n", "utf-8")
    os.utime(note, ns=(note.stat().st_atime_ns, note.stat().st_mtime_ns + 1_000_000))
    edited, _ = load_sig(Sources(tmp_path), cache)
    assert read == ["002-20200703.md"]
    assert "A late addition" in next(m for m in edited.meetings if m.slug == "002-20200703").body
