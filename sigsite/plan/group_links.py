"""What a hub group's pages link to, relative to each page: on every page its navigation's few
addresses (the hub and the group's own pages), whatever the group holds, so that a page costs the
same to plan however many documents or sessions the group has; on its home page alone, also its
last and next sessions, its calendar and feed, its folder on the forge and each of its documents."""

from __future__ import annotations

from datetime import date

from sigsite.addresses import PageContext, webcal
from sigsite.plan.hub_group import PlannedGroup


def navigation_urls(group: PlannedGroup, hub_url: str, page_url: str) -> dict[str, str]:
    """The group's navigation (the hub at `hub_url`, and its pages) relative to the page at `page_url`."""
    here = PageContext(page_url=page_url)
    return {**{key: here.to(url) for key, url in group.urls.items()}, "hub": here.to(hub_url)}


def home_urls(
    group: PlannedGroup, hub_url: str, page_url: str, today: date, folder_url: str
) -> dict[str, str]:
    """Everything the group's home page at `page_url` links to, relative to it (feeds absolute);
    `folder_url` is its folder on the forge."""
    here, sig, context = PageContext(page_url=page_url), group.sig, group.context
    last, following = sig.last_meeting(today), sig.next_meeting(today)
    return {
        **navigation_urls(group, hub_url, page_url),
        "last": here.to(context.meeting_urls.get(last.slug, context.archive_url)) if last else "",
        "next": here.to(context.meeting_urls.get(following.slug, context.archive_url)) if following else "",
        "calendar": context.calendar_url,
        "webcal": webcal(context.calendar_url),
        "feed": context.feed_url,
        "forge": folder_url,
        **{f"document:{slug}": here.to(url) for slug, url in group.document_urls.items()},
    }
