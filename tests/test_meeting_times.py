"""When a session was held (issue 31): the time its record states comes first; a session that
states none takes the time its group's README states only when it falls on the stated weekday and
rhythm, and is then marked as taken from the README; any other stays a date."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hub_support import make_community

from sigsite.health.cadence import Schedule
from sigsite.hub.meeting_times import stated_time, with_readme_times
from sigsite.load import LoadSettings, load
from sigsite.model import Meeting
from sigsite.problems import Problems

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _utc(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("title", "body", "day", "start", "minutes"),
    [
        # the TSC's two forms, in a code block under "How to Join"
        (
            "Steering Committee Meeting 2020/Dec/17",
            "## How to Join\n\n```bash\nSubject: MindSpore TSC Meeting Dec 17\n"
            "Duration: 2020/Dec/17 16:00 ~ 17:00 (UTC +08:00)\nMeeting ID: 209 041 120\n```\n",
            date(2020, 12, 17),
            datetime(2020, 12, 17, 16, 0, tzinfo=_utc(8)),
            60,
        ),
        (
            "Steering Committee Meeting 2020-11-19",
            "```\nDuration: 2020-11-19 16:00 - 2020-11-19 17:00 (UTC +08:00)\n```\n",
            date(2020, 11, 19),
            datetime(2020, 11, 19, 16, 0, tzinfo=_utc(8)),
            60,
        ),
        # a label in Chinese with a full-width colon, no zone: the hub's, as for a note's heading
        (
            "例会纪要",
            "* 会议时间：2021年8月31日 14:00-16:30\n",
            date(2021, 8, 31),
            datetime(2021, 8, 31, 14, 0, tzinfo=SHANGHAI),
            150,
        ),
        (
            "Meeting",
            "**Time**: 10:00 am UTC-5\n",
            date(2021, 3, 2),
            datetime(2021, 3, 2, 10, 0, tzinfo=_utc(-5)),
            None,
        ),
        # the title, as a note's H1 gives it
        (
            "Thursday June 4, 2020 at 15:00 GMT+8",
            "",
            date(2020, 6, 4),
            datetime(2020, 6, 4, 15, 0, tzinfo=_utc(8)),
            None,
        ),
    ],
)
def test_a_records_own_time_is_read(title, body, day, start, minutes):
    problems = Problems()
    stated = stated_time(title, body, day, SHANGHAI, "tsc/x.md", problems)
    assert stated is not None and not problems.items
    assert stated.start == start and stated.start.utcoffset() == start.utcoffset()
    assert stated.minutes == minutes


@pytest.mark.parametrize(
    "body",
    [
        "16:00 opening remarks\n17:00 close\n",  # no label: an agenda's times, not the session's
        "Time: to be announced\n",
        "Time: 9:00, 10:00 or 11:00\n",  # more than a start and an end
        "\n" * 40 + "Duration: 16:00 ~ 17:00\n",  # past the lines a record states its time in
    ],
)
def test_a_record_that_states_no_time_of_its_own_has_none(body):
    assert stated_time("Meeting", body, date(2020, 12, 17), SHANGHAI, "x.md", Problems()) is None


def test_a_time_dated_another_day_is_a_warning_with_its_line_and_left_out():
    problems = Problems()
    body = "Notes\n\nDuration: 2020/Nov/19 16:00 ~ 17:00 (UTC +08:00)\n"
    assert stated_time("Meeting", body, date(2020, 12, 17), SHANGHAI, "tsc/x.md", problems) is None
    (warning,) = problems.warnings
    assert (warning.file, warning.line) == ("tsc/x.md", 3) and "dated 2020-11-19" in warning.message


THIRD_THURSDAY = Schedule(
    "on the 3rd Thursday every month (UTC+8) from 4:00pm to 5:00pm",
    "tsc/README.md",
    6,
    parsed=True,
    frequency="monthly",
    weekday=3,
    ordinal=3,
    start="16:00",
    end="17:00",
    utc_offset="+08:00",
)


def meeting(day: date, start: datetime | None = None, **fields: object) -> Meeting:
    return Meeting(
        source=f"{day}.md",
        slug=day.isoformat(),
        title="t",
        date=day,
        start=start,
        timezone="Asia/Shanghai",
        **fields,  # type: ignore[arg-type]
    )


def test_the_readmes_time_is_taken_on_its_weekday_and_rhythm_and_marked():
    own = datetime(2020, 6, 18, 9, 0, tzinfo=SHANGHAI)
    meetings = (
        meeting(date(2020, 5, 21)),  # the 3rd Thursday of May
        meeting(date(2020, 6, 11)),  # a Thursday, but the 2nd
        meeting(date(2020, 6, 16)),  # a Tuesday
        meeting(date(2020, 6, 18), start=own),  # its own time comes first
        meeting(date(2020, 7, 16), external_url="https://example.org/talk"),  # held elsewhere
    )
    timed = with_readme_times(meetings, THIRD_THURSDAY, SHANGHAI)
    assert timed[0].start == datetime(2020, 5, 21, 16, 0, tzinfo=SHANGHAI)
    assert (timed[0].duration_minutes, timed[0].time_from, timed[0].timezone) == (
        60,
        "tsc/README.md:6",
        "Asia/Shanghai",
    )
    assert [m.start for m in timed[1:]] == [None, None, own, None]
    assert not any(m.time_from for m in timed[1:])


def test_a_fortnight_is_the_one_most_sessions_on_the_weekday_keep():
    """Biweekly on Saturday: the sessions of one fortnight take the time; one in the other week
    (an extra session, or a moved one) stays a date."""
    saturdays = [date(2021, 1, 2), date(2021, 1, 16), date(2021, 1, 23), date(2021, 1, 30)]
    schedule = Schedule(
        "每2周周六下午3点（北京时间）", "README.md", 3, True, "biweekly", 5, None, "15:00", None, "+08:00"
    )
    timed = with_readme_times(tuple(meeting(day) for day in saturdays), schedule, SHANGHAI)
    assert [m.time_from != "" for m in timed] == [True, True, False, True]
    even = with_readme_times((meeting(saturdays[0]), meeting(saturdays[2])), schedule, SHANGHAI)
    assert [m.start for m in even] == [None, None]  # one in each week: no fortnight is known


@pytest.mark.parametrize(
    "schedule",
    [
        None,
        Schedule(
            "Weekly, Thursday 16:00", "README.md", 1, True, "weekly", 3, None, "16:00", None, None
        ),  # no zone
        Schedule("Weekly, Thursday (UTC+8)", "README.md", 1, True, "weekly", 3, None, None, None, "+08:00"),
        Schedule(
            "Weekly at 16:00 UTC+8", "README.md", 1, True, "weekly", None, None, "16:00", None, "+08:00"
        ),
        Schedule("周四或周五 16:00", "README.md", 1),  # quoted, not parsed
    ],
)
def test_a_schedule_without_a_weekday_a_time_or_a_zone_times_nothing(schedule):
    thursday = meeting(date(2020, 5, 21))
    assert with_readme_times((thursday,), schedule, SHANGHAI) == (thursday,)


def test_a_weekly_time_in_another_zone_is_kept_in_that_zone(tmp_path):
    schedule = Schedule(
        "Weekly on Thursday 9am UTC-5", "README.md", 1, True, "weekly", 3, None, "09:00", "10:30", "-05:00"
    )
    (timed,) = with_readme_times((meeting(date(2020, 5, 21)),), schedule, SHANGHAI)
    assert timed.start is not None and timed.start.utcoffset() == timedelta(hours=-5)
    assert (timed.start.hour, timed.duration_minutes, timed.timezone) == (9, 90, "Etc/GMT+5")


def test_the_fixtures_tsc_has_its_own_time_and_the_readmes(tmp_path):
    """The TSC's README states 4pm to 5pm (UTC+8) on the 3rd Thursday: 2020-05-21 takes it, marked;
    2020-06-18 states its own "Duration", 16:00 to 17:30, and keeps it."""
    loaded = load(make_community(tmp_path), LoadSettings(), date(2021, 6, 1))
    tsc = next(g for g in loaded.community.sigs if g.id == "tsc")
    may, june = tsc.meetings
    assert (may.start, may.duration_minutes, may.time_from) == (
        datetime(2020, 5, 21, 16, 0, tzinfo=SHANGHAI),
        60,
        "tsc/README.md:6",
    )
    assert (june.start, june.duration_minutes, june.time_from) == (
        datetime(2020, 6, 18, 16, 0, tzinfo=SHANGHAI),
        90,
        "",
    )
    beta = next(g for g in loaded.community.sigs if g.id == "beta")
    assert all(m.start is None for m in beta.meetings)  # its README states no schedule: dates stay dates
