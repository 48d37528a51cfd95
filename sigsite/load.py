"""The one load of a community: its groups read once, their people merged, their health assessed.

The hub's plugin, `sigsite check --community` and the tests call `load`; a SIG's own site and
`sigsite check` call `load_group`, which reads one SIG's folder as a community of that one group,
at the root. So a build and its check read the same files the same way and say the same thing.
Nothing else parses a community's files; health/ computes from what is loaded here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sigsite.health.community import CommunityHealth, assess
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.loader import load_community
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson, community_people
from sigsite.layout import MINDSPORE, Layout
from sigsite.loader import Sources, load_sig
from sigsite.meetings import NoteCache
from sigsite.problems import Problems
from sigsite.settings import BULK_CHANGE_GROUPS, DEFAULT_TIMEZONE
from sigsite.summaries import with_summaries


@dataclass(frozen=True)
class LoadSettings:
    """How a community is read: the hub's settings (hub/mkdocs.yml), which check reads too."""

    timezone: str = DEFAULT_TIMEZONE
    public_emails: frozenset[str] = frozenset()
    forge_url: str = ""  # empty: the layout's forge
    bulk_change_groups: int = BULK_CHANGE_GROUPS


@dataclass(frozen=True)
class Loaded:
    """A community as read: its groups, its people, their health, and every problem met."""

    community: Community = field(default_factory=Community)
    people: tuple[CommunityPerson, ...] = ()
    health: CommunityHealth = field(default_factory=CommunityHealth)
    problems: Problems = field(default_factory=Problems)


def load(
    root: Path,
    settings: LoadSettings,
    today: date,
    caches: dict[str, NoteCache] | None = None,
    layout: Layout = MINDSPORE,
    image_sizes: ImageSizeCache | None = None,
) -> Loaded:
    """Read the community checkout at `root` once; bad input becomes problems of its file, never an
    exception. With `caches` and `image_sizes` from an earlier load (`mkdocs serve`), only the
    notes and images that changed are read again. `today` dates what is recent and coming."""
    community, problems = load_community(
        root,
        timezone=settings.timezone,
        public_emails=settings.public_emails,
        caches=caches,
        forge_url=settings.forge_url,
        bulk_change_groups=settings.bulk_change_groups,
        layout=layout,
        image_sizes=image_sizes,
    )
    people = community_people(community, problems)  # what the groups' files say of one person, compared
    health = assess(community, people, today, problems)
    return Loaded(community, people, health, problems)


def load_group(sources: Sources, cache: NoteCache | None = None, layout: Layout = MINDSPORE) -> Loaded:
    """Read one SIG's folder (its own site's): a community of that one group, its pages at the
    root. With a `cache` from an earlier load, only the notes that changed are read again."""
    group, problems = load_sig(sources, cache)
    group = replace(
        group,
        meetings=with_summaries(group.meetings),
        id=layout.listed_kind.key,
        name=group.facts.name or "",
        maintainers=tuple(p.name for p in group.people_with_role("Maintainer")),
        kind=layout.listed_kind.key,
    )
    return Loaded(Community(sigs=(group,), layout=layout), problems=problems)
