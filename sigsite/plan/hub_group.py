"""A hub group as one language's build sees it: the record that the hub's plan (hub.py) makes and
that the pages listing groups (directory.py) and a group's links (group_links.py) read."""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.addresses import PageContext
from sigsite.model import Group
from sigsite.plan.section import GroupMeetings


@dataclass(frozen=True)
class PlannedGroup:
    """A group with a folder in the community repository, as one language's build of the hub sees it."""

    sig: Group
    section: GroupMeetings  # its meetings
    context: PageContext  # its meetings, years and files, from the site's root
    urls: dict[str, str]  # its home, members and archive pages (GROUP_PAGES), from the site's root
    document_urls: dict[str, str]  # its documents' pages by slug, from the site's root
