"""`feed.xml`: an Atom feed of the meetings, newest first, made with feedgen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from sigsite.addresses import FEED_FILE, SiteAddresses
from sigsite.formatting import agenda_summary, long_date, meeting_title
from sigsite.languages import DEFAULT, LANGUAGES
from sigsite.model import Group
from sigsite.outputs import instant, published_newest_first

FEED_ENTRIES = 50  # feed readers poll for what is new; the archive keeps the rest


class _LinkAttributes:
    """feedgen 1.0 writes an entry's link with its address alone, whatever else it is given
    (lkiesow/python-feedgen#135); registered on an entry as an extension, this writes the rest
    once feedgen has made the entry's XML."""

    name = "sigsite_link"

    def __init__(self) -> None:
        self.attributes: dict[str, str] = {}

    def extend_atom(self, entry: Any) -> Any:  # an lxml element: feedgen's types are its own
        for child in entry:  # named without the feed's namespace until the entry joins the feed
            if str(child.tag).rpartition("}")[2] == "link":
                for key, value in self.attributes.items():
                    child.set(key, value)
        return entry


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
        # A note's page is in the language it is written in: the link and the title say so.
        other = meeting.language if meeting.language != DEFAULT and not meeting.is_external else None
        if other is not None:
            title = f"{title} [{LANGUAGES[other].name if other in LANGUAGES else other}]"
        if site is not own:
            title = f"{site.site_name}: {title}"
        entry.title(title)
        entry.link(href=url)
        entry.register_extension(_LinkAttributes.name, _LinkAttributes, atom=True, rss=False)
        getattr(entry, _LinkAttributes.name).attributes = {
            "rel": "alternate",
            "type": "text/html",
            **({"hreflang": other} if other else {}),
        }
        entry.updated(instant(meeting))
        entry.published(instant(meeting))
        summary = agenda_summary(meeting)
        if summary:
            entry.summary(summary)
    atom: bytes = feed.atom_str(pretty=True)
    return atom
