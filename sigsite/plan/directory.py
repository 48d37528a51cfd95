"""What the hub's own pages list of every group: the directory on its home page, and the sessions
each person attended on its people page, with the addresses they link to from those pages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypedDict

from markupsafe import Markup

from sigsite.addresses import PageContext
from sigsite.health.community import CommunityHealth
from sigsite.health.participation import Attended
from sigsite.hub.model import Community
from sigsite.hub.source import source_of
from sigsite.layout import MINDSPORE
from sigsite.model import Group
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
    layout = community.layout
    archived = {kind.key for kind in layout.kinds if kind.archived}
    entries = []
    for sig in community.sigs:
        about = _about(sig, locale)
        if sig.is_external:
            entries.append(DirectoryEntry(sig, sig.external_url or "", "external", **about))
            continue
        group = groups[sig.id]
        context = group.context
        last, following = sig.last_meeting(today), sig.next_meeting(today)
        entries.append(
            DirectoryEntry(
                sig,
                here.to(group.urls["home"]),
                "archived"
                if sig.kind in archived
                else "active"
                if sig.is_active(today)
                else "quiet"
                if layout.meetings_in_repository
                else "unknown",
                last=last,
                last_url=here.to(context.meeting_urls.get(last.slug, context.archive_url)) if last else "",
                next=following,
                next_url=here.to(context.meeting_urls.get(following.slug, context.archive_url))
                if following
                else "",
                latest=latest_activity(sig, today),
                **about,
            )
        )
    source = source_of(community.history, forge_url, today)
    return render_directory(
        entries,
        community.history,
        community.layout.kinds,
        locale,
        source,
        name_prefixes=layout.name_prefixes,
        meetings_here=layout.meetings_in_repository,
    )


class _About(TypedDict):
    name: str
    intro: Markup
    intro_language: str
    search: str


def _about(sig: Group, locale: str) -> _About:
    """What a card says of the group in `locale`: its name, its description (and the description's
    language when it is another, which the card marks), and the words the filter finds it by."""
    description = sig.description(locale)
    return {
        "name": sig.name_in(locale),
        "intro": Markup(description.html) if description else Markup(""),  # sanitized (markup/inline.py)
        "intro_language": description.language if description and description.language != locale else "",
        "search": " ".join(dict.fromkeys(filter(None, filter_words(sig, locale)))),
    }


def filter_words(sig: Group, locale: str) -> Iterator[str]:
    """What the directory's filter matches a group by in `locale`, besides what its card shows: its
    id and folder, the names its files give it, every description in the language (its own, the
    listing's, its README's introduction), its topics (its documents in the language, its
    repositories) and the names of its leaders, with those only a less authoritative file names."""
    yield from (sig.id, sig.path, sig.name, sig.names.get(locale, ""), sig.facts.name or "")
    yield from (d.plain for d in sig.descriptions if d.language == locale)
    yield from (d.title for d in sig.documents if d.language == locale)
    yield from (r.name for r in sig.repositories[:MAX_REPOSITORY_WORDS])
    yield from sig.maintainers
    yield from (n.name for n in sig.leadership.also) if sig.leadership else ()
    yield from (p.name for p in sig.people_with_role("Mentor"))


# Repository names a card is found by: openEuler's largest SIGs look after a thousand packages each,
# which would weigh on the directory every visitor loads; search and the Repositories page find all.
MAX_REPOSITORY_WORDS = 50


def latest_activity(sig: Group, today: date) -> date | None:
    """The group's latest dated activity before `today`: its last recorded session or the last
    change to its folder, whichever is later; None when neither is known."""
    last = sig.last_meeting(today)
    dates = [d for d in (last.date if last else None, sig.last_change) if d is not None]
    return max(dates, default=None)


def sessions_attended(
    health: CommunityHealth, groups: dict[str, PlannedGroup], here: PageContext
) -> dict[str, list[tuple[Attended, str]]]:
    """Person key -> the sessions they attended, each with its page's address from `here`."""
    return {
        key: [(a, here.to(groups[a.sig_id].context.meeting_urls.get(a.meeting.slug, ""))) for a in sessions]
        for key, sessions in health.attended.items()
    }
