"""What the hub's own pages list of every group: the directory on its home page, and the sessions
each person attended on its people page, with the addresses they link to from those pages."""

from __future__ import annotations

from datetime import date

from sigsite.addresses import PageContext
from sigsite.health.community import CommunityHealth
from sigsite.health.participation import Attended
from sigsite.hub.model import Community
from sigsite.hub.source import source_of
from sigsite.layout import MINDSPORE
from sigsite.plan.hub_group import PlannedGroup
from sigsite.render.hub_blocks import DirectoryEntry, render_directory


def directory(
    community: Community,
    groups: dict[str, PlannedGroup],
    today: date,
    locale: str,
    page_url: str,
    forge_url: str = MINDSPORE.forge.source,
) -> str:
    """The directory of every group, linked from the page at `page_url`, with where its data is from
    (the community repository shown at `forge_url`)."""
    here = PageContext(page_url=page_url)
    entries = []
    for sig in community.sigs:
        if sig.is_external:
            entries.append(DirectoryEntry(sig, sig.external_url or "", "external"))
            continue
        group = groups[sig.id]
        context = group.context
        last, following = sig.last_meeting(today), sig.next_meeting(today)
        entries.append(
            DirectoryEntry(
                sig,
                here.to(group.urls["home"]),
                "active" if sig.is_active(today) else "quiet",
                last=last,
                last_url=here.to(context.meeting_urls.get(last.slug, context.archive_url)) if last else "",
                next=following,
                next_url=here.to(context.meeting_urls.get(following.slug, context.archive_url))
                if following
                else "",
            )
        )
    source = source_of(community.history, forge_url, today)
    return render_directory(entries, community.history, community.layout.kinds, locale, source)


def sessions_attended(
    health: CommunityHealth, groups: dict[str, PlannedGroup], here: PageContext
) -> dict[str, list[tuple[Attended, str]]]:
    """Person key -> the sessions they attended, each with its page's address from `here`."""
    return {
        key: [(a, here.to(groups[a.sig_id].context.meeting_urls.get(a.meeting.slug, ""))) for a in sessions]
        for key, sessions in health.attended.items()
    }
