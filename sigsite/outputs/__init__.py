"""Machine-readable outputs of the site: calendar, Atom feed and JSON. Model in, bytes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sigsite.model import Meeting


@dataclass(frozen=True)
class SiteAddresses:
    """Absolute addresses the outputs link to."""

    site_url: str  # ends with "/"
    site_name: str
    meeting_urls: dict[str, str] = field(default_factory=dict)  # slug -> absolute URL
    attachment_urls: dict[str, str] = field(default_factory=dict)  # file name -> absolute URL

    def of(self, meeting: Meeting) -> str:
        """Where a meeting is read: its page, or its external address."""
        return meeting.external_url or self.meeting_urls.get(meeting.slug, self.site_url)

    @property
    def host(self) -> str:
        """The site's host name, for identifiers."""
        return self.site_url.split("//", 1)[-1].split("/", 1)[0] or "localhost"


def instant(meeting: Meeting) -> datetime:
    """When a meeting starts, in UTC; midnight of its date when it has no time."""
    if meeting.start is not None:
        return meeting.start.astimezone(UTC)
    return datetime.combine(meeting.date or date(1970, 1, 1), time(0), UTC)


def dated(meetings: tuple[Meeting, ...]) -> list[Meeting]:
    """Meetings that have a date, newest first."""
    return sorted((m for m in meetings if m.date is not None), key=instant, reverse=True)
