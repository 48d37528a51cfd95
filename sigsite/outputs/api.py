"""`members.json` and `meetings.json`: a small static API, with no e-mail addresses."""

from __future__ import annotations

import json
from typing import Any

from sigsite.addresses import SiteAddresses
from sigsite.formatting import meeting_title
from sigsite.hub.source import Source
from sigsite.model import Group, Meeting, Person
from sigsite.outputs import instant

API_VERSION = 1


# Markup characters as \u escapes: the same data, and harmless if a client pastes it into HTML.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dump_json(document: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON, markup characters escaped, with a final newline."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)
    return (text + "\n").encode("utf-8")


def source_record(source: Source) -> dict[str, Any]:
    """Where a hub's data is from (`source` of its JSON files): the commit and its date, else null."""
    return {
        "repository": source.repository,
        "commit": source.commit,
        "date": source.committed.isoformat() if source.committed else None,
        "url": source.url,
        "built": source.built.isoformat(),
    }


def _person(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "gitee_id": person.gitee_id,
        "gitee_home": person.gitee_home,
        "roles": list(person.roles),
        "organization": person.organization,
        "interests": person.interests,
    }


def members_json(data: Group) -> bytes:
    """Every person once, with every role; e-mail addresses are left out."""
    return dump_json({"version": API_VERSION, "members": [_person(p) for p in data.people]})


def meeting_record(meeting: Meeting, site: SiteAddresses) -> dict[str, Any]:
    """A meeting as `meetings.json` lists it."""
    return {
        "id": meeting.slug,
        "title": meeting_title(meeting),
        "date": meeting.date.isoformat() if meeting.date else None,
        "start": meeting.start.isoformat() if meeting.start else None,
        "start_utc": instant(meeting).strftime("%Y-%m-%dT%H:%M:%SZ") if meeting.start else None,
        "timezone": meeting.timezone,
        "duration_minutes": meeting.duration_minutes,
        "time_from": meeting.time_from or None,
        "url": site.of(meeting),
        "external": meeting.is_external,
        "language": meeting.language,
        "agenda": list(meeting.agenda_items),
        "video": meeting.video,
        "conference_links": list(meeting.conference_links),
        "source": meeting.source_path,
    }


def meetings_json(data: Group, site: SiteAddresses) -> bytes:
    """Every meeting, oldest first, and every file published from meetings/."""
    return dump_json(
        {
            "version": API_VERSION,
            "meetings": [meeting_record(m, site) for m in data.meetings],
            "files": [
                {
                    "name": a.source,
                    "url": site.attachment_urls.get(a.source),
                    "size": a.size,
                    "date": a.date.isoformat() if a.date else None,
                }
                for a in data.attachments
            ],
        }
    )
