"""The hub's static API: `sigs.json`, `people.json` and `meetings.json`, with no e-mail addresses."""

from __future__ import annotations

from datetime import date
from typing import Any

from sigsite.addresses import SiteAddresses
from sigsite.formatting import meeting_title
from sigsite.health.attendance import NOT_RECORDED
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import GroupHealth
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson, page_sources
from sigsite.hub.source import Source
from sigsite.languages import CODES, DEFAULT
from sigsite.layout import Layout
from sigsite.model import Group, Meeting
from sigsite.outputs.api import dump_json, meeting_record, source_record
from sigsite.outputs.health_api import attendance_record, tally_record

SIGS_API_VERSION = 4  # 2: introductions by language; 3: source, history's bulk_change_groups;
# 4: archived, repositories, and null meetings and activity where the community keeps its meetings elsewhere
PEOPLE_API_VERSION = 3  # 2: source; 3: people as identities, each roster line's since
HUB_MEETINGS_API_VERSION = 2  # 2: source


def _moment(meeting: Meeting | None, site: SiteAddresses) -> dict[str, Any] | None:
    if meeting is None:
        return None
    return {
        "title": meeting_title(meeting),
        "date": meeting.date.isoformat() if meeting.date else None,
        "start": meeting.start.isoformat() if meeting.start else None,
        "url": site.of(meeting),
    }


def _sig(
    sig: Group, site: SiteAddresses, today: date, health: GroupHealth | None, layout: Layout
) -> dict[str, Any]:
    """A group's record; where the community keeps its meetings elsewhere (the layout says so),
    its count of meetings is unknown (null), and so is its activity unless a change dates it."""
    facts = sig.facts
    known = layout.meetings_in_repository
    return {
        "id": sig.id,
        "kind": sig.kind,
        "folder": sig.folder,
        "path": sig.path or None,
        "name": sig.name,
        "url": sig.external_url if sig.is_external else site.site_url,
        "introductions": {code: sig.intro(code) for code in CODES},
        # Version 1's fields, kept for one version: `introductions` replaces them.
        **{"introduction" + ("" if code == DEFAULT else f"_{code}"): sig.intro(code) for code in CODES},
        "maintainers": list(sig.maintainers),
        "mature_level": facts.mature_level,
        "created_on": facts.created_on.isoformat() if facts.created_on else None,
        "mailing_list": facts.mailing_list,
        "channels": list(facts.channels),
        "contacts": [
            {"kind": c.kind, "file": c.file, "line": c.line, "address": c.address, "withheld": c.withheld}
            for c in sig.contacts
        ],
        "members": len(sig.people) if sig.lists_people else None,
        "repositories": len(sig.repositories),
        "meetings": len(sig.meetings) if known else None,
        "meetings_per_year": {str(year): count for year, count in sig.meetings_per_year().items()},
        "last_meeting": _moment(sig.last_meeting(today), site),
        "next_meeting": _moment(sig.next_meeting(today), site),
        "last_change": sig.last_change.isoformat() if sig.last_change else None,
        "active": sig.is_active(today) or (None if not known else False),
        "archived": layout.is_archived(sig.kind),
        "external": sig.is_external,
        "health": {
            **tally_record(health.total),
            "median_interval_days": health.cadence.median_interval,
            "findings": len(health.findings),
        }
        if health and health.shown
        else None,
    }


def sigs_json(
    community: Community,
    sites: dict[str, SiteAddresses],
    today: date,
    health: CommunityHealth,
    source: Source,
) -> bytes:
    """Every SIG of the hub, with the facts and counts of its directory entry and its health's totals;
    where the data is from."""
    sigs = [_sig(s, sites[s.id], today, health.of(s), community.layout) for s in community.sigs]
    history = {
        "available": community.history.available,
        "shallow": community.history.shallow,
        "bulk_change_groups": community.history.bulk_groups,
    }
    return dump_json(
        {"version": SIGS_API_VERSION, "source": source_record(source), "history": history, "sigs": sigs}
    )


def people_json(
    people: tuple[CommunityPerson, ...],
    health: CommunityHealth,
    sites: dict[str, SiteAddresses],
    source: Source,
    site_url: str,
    *,
    person_pages: bool = True,
) -> bytes:
    """Everyone once, by identity, with every group and role, each place that names them (and why
    it is them), their page below `site_url` (null without `person_pages`), and the sessions they
    are recorded as attending; where the data is from."""
    pages = page_sources(people) if person_pages else {}
    return dump_json(
        {
            "version": PEOPLE_API_VERSION,
            "source": source_record(source),
            "people": [
                {
                    "key": p.key,
                    "name": p.name,
                    "gitee_id": p.gitee_id,
                    "gitee_home": p.gitee_home,
                    "other_accounts": list(p.other_accounts),
                    "spellings": list(p.spellings),
                    "page": site_url + page.removesuffix("index.md") if (page := pages.get(p.key)) else None,
                    "organization": p.organization,
                    "roles": list(p.roles),
                    "sigs": [
                        {
                            "id": m.sig_id,
                            "name": m.sig_name,
                            "roles": list(m.roles),
                            "named": m.name,
                            "organization": m.organization,
                            "said": [
                                {
                                    "file": s.file,
                                    "line": s.line,
                                    "role": s.role,
                                    "name": s.name,
                                    "evidence": s.evidence,
                                    "since": s.since.isoformat() if isinstance(s.since, date) else None,
                                }
                                for s in m.said
                            ],
                        }
                        for m in p.memberships
                    ],
                    "attended": [
                        {
                            "sig": a.sig_id,
                            "date": a.date.isoformat() if a.date else None,
                            "url": sites[a.sig_id].of(a.meeting),
                        }
                        for a in health.attended.get(p.key, ())
                    ],
                }
                for p in people
            ],
        }
    )


def hub_meetings_json(
    community: Community, sites: dict[str, SiteAddresses], health: CommunityHealth, source: Source
) -> bytes:
    """Every meeting of every SIG, each with its SIG's id and what its Attendees section counts;
    where the data is from."""
    counted = {
        (group_id, s.meeting.slug): s.attendance
        for group_id, group in health.groups.items()
        for s in group.sessions
    }
    return dump_json(
        {
            "version": HUB_MEETINGS_API_VERSION,
            "source": source_record(source),
            "meetings": [
                {
                    "sig": sig.id,
                    **meeting_record(meeting, sites[sig.id]),
                    "attendance": attendance_record(counted.get((sig.id, meeting.slug), NOT_RECORDED)),
                }
                for sig in community.folders
                for meeting in sig.meetings
            ],
        }
    )
