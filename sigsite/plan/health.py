"""The hub's health pages: each group's (below `sigs/<id>/health/`) and the community's (docs/health.md),
made from health/community.py's figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from sigsite.addresses import COMMUNITY_HEALTH_PAGE, PageContext, SiteAddresses, site_path
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import GroupHealth
from sigsite.hub.faults import fault_views
from sigsite.hub.model import Community
from sigsite.model import Group
from sigsite.outputs.calendar import ExpectedSession
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedPage
from sigsite.render.health_blocks import HealthRow, render_community_health, render_group_health
from sigsite.render.pages import group_page_title, titled_front_matter
from sigsite.translations import translator


def group_health_page(
    sig: Group,
    health: GroupHealth,
    meeting_urls: dict[str, str],
    page: tuple[str, str, dict[str, str]],
    navigation: str,
    locale: str,
    forge: Callable[[str, int | None], str],
    *,
    meetings_here: bool = True,
) -> PlannedPage:
    """A group's health page; `meeting_urls` are its sessions' pages from the site's root, `page` its
    (source path, URL, switcher targets), `forge(path, line)` a file's line on the forge; where the
    community keeps its meetings elsewhere (not `meetings_here`), it says so."""
    _ = translator(locale)
    source, url, switcher = page
    here = PageContext(page_url=url)
    title = group_page_title(_("Activity"), sig.name)
    return PlannedPage(
        switcher,
        src_uri=source,
        markdown=titled_front_matter(title, title),
        before=navigation,
        after=render_group_health(
            health,
            {slug: here.to(target) for slug, target in meeting_urls.items()},
            locale,
            forge,
            meetings_here=meetings_here,
        ),
    )


def community_health_page(
    community: Community,
    health: CommunityHealth,
    languages: BuildLanguages,
    health_urls: dict[str, str],
    forge: Callable[[str, int | None], str],
) -> PlannedPage:
    """The community's health page (docs/health.md): every group's totals, the consistency report
    and what the hub could not show (each file linked by `forge(path, line)`); `health_urls` are
    the groups' health pages from the site's root. Archived groups are out of its counts."""
    url = site_path(languages.url(languages.current, COMMUNITY_HEALTH_PAGE))
    here = PageContext(page_url=url)
    rows = [
        HealthRow(sig, group, here.to(health_urls[sig.id]))
        for sig in community.folders
        if (group := health.of(sig)) is not None
        and sig.id in health_urls
        and not community.layout.is_archived(sig.kind)
    ]
    faults = [
        (sig.name, fault_views(found, forge))
        for sig in sorted(community.folders, key=lambda s: s.name.casefold())
        if (found := community.faults_of(sig))
    ]
    if community.faults_elsewhere:
        faults.append(("", fault_views(community.faults_elsewhere, forge)))
    return PlannedPage(
        {},
        docs_url=url,
        after=render_community_health(
            rows, faults, languages.current, meetings_here=community.layout.meetings_in_repository
        ),
    )


def expected_session(health: GroupHealth, site: SiteAddresses) -> ExpectedSession | None:
    """The group's next expected session as its calendar holds it: at the stated time when the
    README gives a time and its zone, else on its day alone. None when nothing is expected."""
    schedule = health.cadence.schedule
    if health.expected is None or schedule is None:
        return None
    start = minutes = None
    if schedule.start and schedule.utc_offset:
        sign = -1 if schedule.utc_offset.startswith("-") else 1
        hours, mins = schedule.utc_offset[1:].split(":")
        zone = timezone(sign * timedelta(hours=int(hours), minutes=int(mins)))
        clock = datetime.strptime(schedule.start, "%H:%M").time()
        start = datetime.combine(health.expected, clock, zone)
        if schedule.end:
            end = datetime.combine(health.expected, datetime.strptime(schedule.end, "%H:%M").time(), zone)
            minutes = int((end - start).total_seconds() // 60) if end > start else None
    in_utc = start.astimezone(UTC) if start else None  # a fixed offset has no zone id for the calendar
    return ExpectedSession(health.expected, in_utc, minutes, site, f"{schedule.file}:{schedule.line}")
