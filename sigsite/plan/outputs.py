"""Calendars, feeds and JSON, each declared once with its scope, and the schemas a site publishes.

A `group` output is published for every group a site shows: a SIG's own site has one, at its root;
the hub has the community (every group, at its root) and each group below `sigs/<id>/`. A `site`
output is published once, at the root, by the sites it is for. Both sites loop over `OUTPUTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from sigsite.addresses import (
    CALENDAR_FILE,
    FEED_FILE,
    HEALTH_JSON,
    HUB_SCHEMA_FILES,
    MEETINGS_JSON,
    MEMBERS_JSON,
    PEOPLE_JSON,
    SCHEMA_FILES,
    SIGS_JSON,
    SiteAddresses,
    schema_file,
)
from sigsite.health.community import CommunityHealth
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson
from sigsite.hub.source import Source, source_of
from sigsite.layout import MINDSPORE
from sigsite.model import Group
from sigsite.outputs.api import meetings_json, members_json
from sigsite.outputs.atom import feed_of
from sigsite.outputs.calendar import ExpectedSession, calendar_of
from sigsite.outputs.health_api import health_json
from sigsite.outputs.hub_api import hub_meetings_json, people_json, sigs_json
from sigsite.plan.pages import PlannedFile
from sigsite.schema_check import schema_text


class Site(Enum):
    """Which site publishes an output."""

    SIG = "a SIG's own site"
    HUB = "the hub"


@dataclass(frozen=True)
class OutputInput:
    """What an output is made of: the groups it covers and where it is published."""

    groups: tuple[tuple[Group, SiteAddresses], ...]  # each group's data and absolute addresses
    own: SiteAddresses  # the site or group it is published for
    archive_url: str  # absolute: where the meetings it lists are listed on the site
    today: date
    community: Community = field(default_factory=Community)  # the hub's
    people: tuple[CommunityPerson, ...] = ()
    sites: dict[str, SiteAddresses] = field(default_factory=dict)  # by group id, hosted elsewhere too
    health: CommunityHealth = field(default_factory=CommunityHealth)  # the hub's
    expected: tuple[ExpectedSession, ...] = ()  # sessions a stated schedule makes expected (the hub's)
    forge_url: str = MINDSPORE.forge.source  # where the hub's community repository shows its files
    person_pages: bool = True  # the hub has a page for each person

    @property
    def source(self) -> Source:
        """Where the hub's data is from: its checkout's commit, or the day it was built."""
        return source_of(self.community.history, self.forge_url, self.today)


@dataclass(frozen=True)
class Output:
    """A published file made from the data."""

    name: str
    group_scope: bool  # published for every group a site shows; else once per site
    sites: frozenset[Site]
    make: Callable[[OutputInput], bytes]


BOTH = frozenset(Site)
OUTPUTS = (
    Output(CALENDAR_FILE, True, BOTH, lambda i: calendar_of(i.groups, i.own, i.today, i.expected)),
    Output(FEED_FILE, True, BOTH, lambda i: feed_of(i.groups, i.own, i.archive_url, i.today)),
    Output(MEMBERS_JSON, False, frozenset({Site.SIG}), lambda i: members_json(i.groups[0][0])),
    Output(MEETINGS_JSON, False, frozenset({Site.SIG}), lambda i: meetings_json(*i.groups[0])),
    Output(
        SIGS_JSON,
        False,
        frozenset({Site.HUB}),
        lambda i: sigs_json(i.community, i.sites, i.today, i.health, i.source),
    ),
    Output(
        PEOPLE_JSON,
        False,
        frozenset({Site.HUB}),
        lambda i: people_json(
            i.people, i.health, i.sites, i.source, i.own.site_url, person_pages=i.person_pages
        ),
    ),
    Output(
        MEETINGS_JSON,
        False,
        frozenset({Site.HUB}),
        lambda i: hub_meetings_json(i.community, i.sites, i.health, i.source),
    ),
    Output(
        HEALTH_JSON,
        False,
        frozenset({Site.HUB}),
        lambda i: health_json(i.community, i.health, i.sites, i.source),
    ),
)


def outputs(site: Site, made: OutputInput, prefix: str = "", *, group: bool) -> list[PlannedFile]:
    """The outputs of one scope that `site` publishes from `made`, below `prefix`."""
    return [
        PlannedFile(prefix + output.name, content=output.make(made))
        for output in OUTPUTS
        if output.group_scope == group and site in output.sites
    ]


def schemas(site: Site) -> list[PlannedFile]:
    """The JSON Schemas of the data files and of the site's API."""
    names = {**SCHEMA_FILES, **(HUB_SCHEMA_FILES if site is Site.HUB else {})}
    return [
        PlannedFile(schema_file(file_name), content=schema_text(name)) for name, file_name in names.items()
    ]
