"""The files each site publishes once, whatever the language: attachments, the files a README links
to, calendars, feeds, JSON and schemas, with the absolute addresses the outputs link to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sigsite.addresses import PageContext, SiteAddresses
from sigsite.plan.health import expected_session
from sigsite.plan.hub import HubPlan
from sigsite.plan.outputs import OutputInput, Site, outputs, schemas
from sigsite.plan.pages import PlannedFile
from sigsite.plan.section import GroupMeetings


def sig_site_files(
    section: GroupMeetings, context: PageContext, base: str, site_name: str, today: date
) -> list[PlannedFile]:
    """A SIG's own site: its meetings' attachments, the schemas, and the outputs of its one group;
    `base` is the site's absolute address."""
    site = section.addresses(context, base, site_name)
    made = OutputInput(((section.group, site),), site, base + context.archive_url, today)
    return [
        *section.attachments(),
        *schemas(Site.SIG),
        *outputs(Site.SIG, made, group=True),
        *outputs(Site.SIG, made, group=False),
    ]


def hub_files(plan: HubPlan, community_root: Path, base: str, site_name: str) -> list[PlannedFile]:
    """The hub: each group's attachments and linked files, the schemas, the community's outputs at
    the root and each group's below `sigs/<id>/`."""
    published: list[PlannedFile] = []
    sites: dict[str, SiteAddresses] = {}
    for sig in plan.community.sigs:
        if sig.is_external:
            sites[sig.id] = SiteAddresses(site_url=sig.external_url or base, site_name=sig.name)
            continue
        group = plan.groups[sig.id]
        published += group.section.attachments()
        folder, embedded = community_root / sig.path, dict(sig.embedded_files)
        published += [
            PlannedFile(sig.prefix + p, content=embedded[p])
            if p in embedded
            else PlannedFile(sig.prefix + p, source=folder / p)
            for p in sig.published_files
        ]
        published += [PlannedFile(sig.prefix + path, content=data) for path, data in sig.image_copies]
        sites[sig.id] = group.section.addresses(group.context, base, sig.name, event_prefix=f"{sig.id}.")
    folders = tuple((sig, sites[sig.id]) for sig in plan.community.folders)
    hub = SiteAddresses(site_url=base, site_name=site_name)
    expected = {
        sig.id: session
        for sig in plan.community.folders
        if (health := plan.health.of(sig)) and (session := expected_session(health, sites[sig.id]))
    }
    community = OutputInput(
        folders,
        hub,
        base,
        plan.today,
        plan.community,
        plan.people,
        sites,
        plan.health,
        tuple(expected.values()),
        plan.forge_url,
        plan.person_pages,
    )
    published += [*schemas(Site.HUB), *outputs(Site.HUB, community, group=True)]
    published += outputs(Site.HUB, community, group=False)
    for sig in plan.community.folders:
        if not sig.has_records:
            continue  # no calendar or feed without an event
        site, group = sites[sig.id], plan.groups[sig.id]
        made = OutputInput(
            ((sig, site),),
            site,
            base + group.urls["archive"],
            plan.today,
            expected=(expected[sig.id],) if sig.id in expected else (),
        )
        published += outputs(Site.HUB, made, group.section.prefix, group=True)
    return published
