"""The one load of a community: its groups read once, who each named person is resolved once
(identity/), their leaders chosen, their health assessed.

The hub's plugin, `sigsite check --community` and the tests call `load`; a SIG's own site and
`sigsite check` call `load_group`, which reads one SIG's folder as a community of that one group,
at the root. So a build and its check read the same files the same way and say the same thing.
Nothing else parses a community's files; health/ computes from what is loaded here.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sigsite.health.community import CommunityHealth, assess
from sigsite.health.summary import held_sessions
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.loader import load_community
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson, community_people, names_in_groups
from sigsite.identity.decisions import Decisions, read_decisions
from sigsite.identity.leaders import leadership
from sigsite.identity.mentions import GroupMentions, gather
from sigsite.identity.report import report_candidates
from sigsite.identity.resolve import Identities, resolve
from sigsite.layout import MINDSPORE, Layout
from sigsite.loader import Sources, load_sig
from sigsite.meetings import NoteCache
from sigsite.model import Group
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
    people_file: Path | None = None  # the hub's decisions on who is whom (identity/decisions.py)
    people_file_display: str = "hub/people.yaml"  # as messages name it


@dataclass(frozen=True)
class Loaded:
    """A community as read: its groups, its people, their health, and every problem met."""

    community: Community = field(default_factory=Community)
    people: tuple[CommunityPerson, ...] = ()
    health: CommunityHealth = field(default_factory=CommunityHealth)
    problems: Problems = field(default_factory=Problems)
    identities: Identities = field(default_factory=Identities)  # who each mention is, and the candidates


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
    decisions = read_decisions(settings.people_file, settings.people_file_display, problems)
    found = [gather(group, held_sessions(group, today)) for group in community.folders]
    identities = resolve([m for group in found for m in group.all()], decisions)
    people = community_people(found, identities, community.history.roles)
    report_candidates(identities, {p.key: p for p in people}, problems)
    names, in_groups = {p.key: p.name for p in people}, names_in_groups(people)

    def shown_in(group: str) -> Mapping[str, str]:  # as the group's files write them, else as shown
        return ChainMap(in_groups.get(group, {}), names)

    health = assess(found, identities, decisions, shown_in, today, problems)
    led = {g.group.id: _led(g, identities, shown_in(g.group.id)) for g in found}
    community = replace(community, sigs=tuple(led.get(s.id, s) for s in community.sigs))
    return Loaded(community, people, health, problems, identities)


def _led(found: GroupMentions, identities: Identities, names: Mapping[str, str]) -> Group:
    """The group with its leaders: the people its most authoritative place names (where it
    gives an account alone, by `names`: as the group's files write them, else as they are shown)."""
    led = leadership(found, identities, names)
    group = found.group
    if led is None:
        return replace(group, maintainers=())
    return replace(group, leadership=led, maintainers=tuple(n.name for n in led.leaders))


def load_group(sources: Sources, cache: NoteCache | None = None, layout: Layout = MINDSPORE) -> Loaded:
    """Read one SIG's folder (its own site's): a community of that one group, its pages at the
    root. With a `cache` from an earlier load, only the notes that changed are read again."""
    group, problems = load_sig(sources, cache)
    group = replace(
        group,
        meetings=with_summaries(group.meetings),
        id=layout.listed_kind.key,
        name=group.facts.name or "",
        kind=layout.listed_kind.key,
    )
    found = gather(group, ())
    identities = resolve(found.all(), Decisions())
    return Loaded(Community(sigs=(_led(found, identities, {}),), layout=layout), problems=problems)
