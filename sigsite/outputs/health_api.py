"""`health.json`: each group's sessions, attendance, cadence, action items and findings, per year
and in total, as the hub's health pages show them. People are never ranked: only group totals."""

from __future__ import annotations

from typing import Any

from sigsite.addresses import SiteAddresses
from sigsite.health.attendance import Attendance
from sigsite.health.cadence import Schedule
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import GroupHealth, Tally
from sigsite.hub.model import Community
from sigsite.hub.source import Source
from sigsite.outputs.api import dump_json, source_record

HEALTH_API_VERSION = 3  # 2: source, left_out; 3: meetings_in_repository


def tally_record(tally: Tally) -> dict[str, Any]:
    """A year's or the total's counts; attendance figures are null where no session can be counted."""
    counted = tally.counted > 0
    named = bool(tally.organization_sessions)
    return {
        "sessions": tally.sessions,
        "counted_sessions": tally.counted,
        "median_attendees": tally.median_attendees if counted else None,
        "distinct_people": tally.people if counted else None,
        "distinct_organizations": tally.organizations if counted or named else None,
        "at_least": tally.at_least,
        "organizations": [{"name": name, "sessions": times} for name, times in tally.organization_sessions],
    }


def attendance_record(attendance: Attendance) -> dict[str, Any]:
    """What a meeting's Attendees section lets one count (the hub's meetings.json)."""
    return {
        "recorded": attendance.readable,
        "people": attendance.count if attendance.counts_people else None,
        "organizations": len(attendance.organizations) if attendance.readable else None,
        "at_least": attendance.at_least,
    }


def _schedule(schedule: Schedule) -> dict[str, Any]:
    return {
        "file": schedule.file,
        "line": schedule.line,
        "quote": schedule.quote,
        "parsed": schedule.parsed,
        "frequency": schedule.frequency,
        "weekday": schedule.weekday,
        "ordinal": schedule.ordinal,
        "start": schedule.start,
        "end": schedule.end,
        "utc_offset": schedule.utc_offset,
    }


def group_record(health: GroupHealth, site: SiteAddresses) -> dict[str, Any]:
    """One group's health."""
    cadence = health.cadence
    return {
        "years": {str(t.year): tally_record(t) for t in health.years},
        "total": tally_record(health.total),
        "cadence": {
            "median_interval_days": cadence.median_interval,
            "intervals": len(cadence.intervals),
            "stated": [_schedule(s) for s in cadence.stated],
            "keeps_stated_rhythm": cadence.agrees(),
            "next_expected": health.expected.isoformat() if health.expected else None,
        },
        "action_items": [
            {
                "date": a.meeting.date.isoformat() if a.meeting.date else None,
                "meeting": site.of(a.meeting),
                "text": a.text,
            }
            for a in health.actions
        ],
        "findings": [
            {"file": p.file, "line": p.line, "topic": p.topic, "message": p.message, "fix": p.fix}
            for p in health.findings
        ],
    }


def health_json(
    community: Community, health: CommunityHealth, sites: dict[str, SiteAddresses], source: Source
) -> bytes:
    """Every group with a folder whose files hold a dated session, a stated schedule or a finding, by
    id; where the data is from, whether the community keeps its meetings in the repository at all,
    and what the hub left out of the community's files."""
    groups = {
        sig.id: group_record(group, sites[sig.id])
        for sig in community.folders
        if (group := health.of(sig)) is not None and group.shown
    }
    left_out = [
        {"file": p.file, "line": p.line, "column": p.column, "message": p.message, "fix": p.fix}
        for p in community.faults
    ]
    return dump_json(
        {
            "version": HEALTH_API_VERSION,
            "source": source_record(source),
            # False where the community keeps its meetings elsewhere: no count of sessions means any.
            "meetings_in_repository": community.layout.meetings_in_repository,
            "groups": groups,
            "left_out": left_out,
        }
    )
