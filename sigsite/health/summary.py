"""A group's health per year and in total, from its dated sessions: sessions recorded, attendance
(CHAOSS "Meeting Attendee Count": the median per session), distinct people and organisations
(CHAOSS "Organizational Diversity"). Never a ranking of people: only a group's own totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sigsite.health.actions import ActionItem, action_items
from sigsite.health.attendance import Attendance, attendance_of
from sigsite.health.cadence import Cadence, observed_intervals, stated_schedules
from sigsite.health.leaders_table import LeadersTable
from sigsite.model import Group, Meeting
from sigsite.problems import Problem, Problems


@dataclass(frozen=True)
class Tally:
    """Sessions and attendance over a span (a year, or every year): `year` None for the total."""

    year: int | None
    sessions: int  # dated sessions: notes, records and sessions held elsewhere
    counted: int  # sessions whose attendees can be counted (people named, or their number)
    median_attendees: float | None  # over the counted sessions
    people: int  # distinct people named
    organizations: int  # distinct organisations named
    at_least: bool  # a counted session named a team, a number or "etc.": the counts are lower bounds
    organization_sessions: tuple[tuple[str, int], ...] = ()  # each organisation, sessions it attended


@dataclass(frozen=True)
class SessionRecord:
    """A dated session and what its note says of who came."""

    meeting: Meeting
    attendance: Attendance


@dataclass(frozen=True)
class GroupHealth:
    """Everything the hub computes of one group."""

    sig_id: str
    sessions: tuple[SessionRecord, ...]  # held (dated up to the build's day), oldest first
    years: tuple[Tally, ...]  # every year from the first session to the last
    total: Tally
    actions: tuple[ActionItem, ...]  # newest meeting first, each note's in its order
    cadence: Cadence
    expected: date | None = None  # the next session the stated schedule makes expected
    findings: tuple[Problem, ...] = ()  # what its files say of themselves that disagrees (consistency.py)
    compared: tuple[str, ...] = ()  # the files that name its leaders or minutes, compared with each other
    leaders: LeadersTable = field(
        default_factory=LeadersTable
    )  # who each of those files names, person by person

    @property
    def has_attendance(self) -> bool:
        """True when at least one session's attendees can be counted."""
        return self.total.counted > 0

    @property
    def shown(self) -> bool:
        """True when the group's health page has something to show."""
        return bool(self.sessions or self.findings or self.cadence.stated)


@dataclass(frozen=True)
class Counting:
    """Who a session's attendees are (identity/resolve.py), and under which name each organisation
    counts (identity/organisations.py): a person or an organisation is counted once however written."""

    people_of: Callable[[SessionRecord], set[str]]
    organisation_of: Callable[[str], str]


def tally(year: int | None, sessions: list[SessionRecord], counting: Counting) -> Tally:
    """The counts over `sessions`."""
    readable = [s for s in sessions if s.attendance.readable]
    counted = [s for s in readable if s.attendance.counts_people]
    people = {key for s in counted for key in counting.people_of(s)}
    organizations: dict[str, tuple[str, int]] = {}
    for session in readable:
        for key, name in {
            counting.organisation_of(n): n for n in reversed(session.attendance.organizations)
        }.items():
            shown, times = organizations.get(key, (name, 0))
            organizations[key] = (shown, times + 1)
    return Tally(
        year=year,
        sessions=len(sessions),
        counted=len(counted),
        median_attendees=median(s.attendance.count for s in counted) if counted else None,
        people=len(people),
        organizations=len(organizations),
        at_least=any(s.attendance.at_least or s.attendance.unnamed for s in readable),
        organization_sessions=tuple(sorted(organizations.values(), key=lambda o: (-o[1], o[0].casefold()))),
    )


def held_sessions(sig: Group, today: date) -> tuple[SessionRecord, ...]:
    """The group's dated sessions up to `today` (not announced ones), oldest first, each with its
    attendance read once."""
    return tuple(
        SessionRecord(m, attendance_of(m))
        for m in sig.dated_meetings
        if m.date is not None and m.date <= today
    )


def group_health(
    sig: Group, sessions: tuple[SessionRecord, ...], counting: Counting, today: date, problems: Problems
) -> GroupHealth:
    """The health of one group, as its own files show it; what its READMEs' schedules say that
    cannot be a time is a warning to `problems`."""
    held = [s.meeting for s in sessions]
    by_year: dict[int, list[SessionRecord]] = {}
    for session in sessions:
        if session.meeting.date:
            by_year.setdefault(session.meeting.date.year, []).append(session)
    years = (
        [tally(year, by_year.get(year, []), counting) for year in range(min(by_year), max(by_year) + 1)]
        if by_year
        else []
    )
    newest_first = sorted(held, key=lambda m: m.date or date.min, reverse=True)
    stated = tuple(s for r in sig.readmes for s in stated_schedules(r.text, r.path, problems))
    cadence = Cadence(observed_intervals([m.date for m in held if m.date]), stated)
    schedule, last = cadence.schedule, sig.last_meeting(today)
    expected = (
        schedule.next_on_or_after(today, last.date if last else None)
        if schedule and sig.recorded_recently(today)  # never from changes to its files alone
        else None
    )
    return GroupHealth(
        sig_id=sig.id,
        sessions=tuple(sessions),
        years=tuple(years),
        total=tally(None, list(sessions), counting),
        actions=tuple(item for m in newest_first for item in action_items(m)),
        cadence=cadence,
        expected=expected,
    )
