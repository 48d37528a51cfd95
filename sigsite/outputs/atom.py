"""`feed.xml`: an Atom feed of the meetings, newest first, made with feedgen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from sigsite.addresses import FEED_FILE, SiteAddresses
from sigsite.formatting import agenda_summary, long_date, meeting_title
from sigsite.languages import DEFAULT
from sigsite.model import Group
from sigsite.outputs import instant, published_newest_first

FEED_ENTRIES = 50  # feed readers poll for what is new; the archive keeps the rest


def feed_of(
    sigs: Sequence[tuple[Group, SiteAddresses]], own: SiteAddresses, archive_url: str, today: date
) -> bytes:
    """The newest meetings of one SIG or several (the hub's, each entry then named after its SIG);
    every timestamp comes from the data or, for a feed with no entry, from the build's `today`
    (SOURCE_DATE_EPOCH), so builds repeat."""
    meetings = published_newest_first(sigs)
    feed = FeedGenerator()
    feed.id(own.site_url + FEED_FILE)
    feed.title(f"{own.site_name}: meetings")
    feed.subtitle(f"Agendas and notes of the meetings of the {own.site_name}")
    feed.link(href=own.site_url + FEED_FILE, rel="self", type="application/atom+xml")
    feed.link(href=archive_url, rel="alternate", type="text/html")
    feed.author(name=own.site_name)
    feed.language(DEFAULT)
    feed.updated(instant(meetings[0][0]) if meetings else datetime.combine(today, time(), UTC))
    for meeting, site in meetings[:FEED_ENTRIES]:
        entry = feed.add_entry(order="append")
        url = site.of(meeting)
        entry.id(url)
        title = meeting_title(meeting)
        if meeting.date is not None:
            title = f"{title} ({long_date(meeting.date)})"
        if meeting.is_external:
            title = f"{title} [external]"
        if site is not own:
            title = f"{site.site_name}: {title}"
        entry.title(title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.updated(instant(meeting))
        entry.published(instant(meeting))
        summary = agenda_summary(meeting)
        if summary:
            entry.summary(summary)
    atom: bytes = feed.atom_str(pretty=True)
    return atom
