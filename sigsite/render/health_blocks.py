"""The hub's health blocks: a group's health page and the community's health page with its
consistency report. Plain HTML, added to pages after Markdown has run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from sigsite.health.cadence import Schedule
from sigsite.health.summary import GroupHealth
from sigsite.hub.chart import sessions_chart
from sigsite.hub.faults import FaultView
from sigsite.languages import DEFAULT
from sigsite.model import Group
from sigsite.render.environment import render_template
from sigsite.translations import translator

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
_FREQUENCIES = {"weekly": "weekly", "biweekly": "every two weeks", "monthly": "monthly"}


def describe(schedule: Schedule, locale: str) -> str:
    """A parsed schedule in words, with only what the README states: `monthly, 3rd Thursday,
    16:00–17:00 UTC+08:00`."""
    _ = translator(locale)
    parts = [_(_FREQUENCIES[schedule.frequency or "weekly"])]
    if schedule.weekday is not None:
        day = _(_WEEKDAYS[schedule.weekday])
        parts.append(
            _("{ordinal} {day}", ordinal=_(_ORDINALS[schedule.ordinal]), day=day) if schedule.ordinal else day
        )
    if schedule.start:
        parts.append(f"{schedule.start}–{schedule.end}" if schedule.end else schedule.start)
    if schedule.utc_offset:
        parts.append(f"UTC{schedule.utc_offset}")
    return _(", ").join(parts)


def health_chart(health: GroupHealth, locale: str) -> str:
    """The group's sessions and people per year as inline SVG, with its text alternative."""
    _ = translator(locale)
    years = [(t.year or 0, t.sessions, t.people) for t in health.years]
    text = "; ".join(
        _("{year}: {sessions} sessions, {people} people named", year=y, sessions=s, people=p)
        for y, s, p in years
    )
    return sessions_chart(years, _("Sessions and people per year: {years}", years=text))


def render_group_health(
    health: GroupHealth,
    session_urls: dict[str, str],
    locale: str,
    forge: Callable[[str, int | None], str],
    *,
    meetings_here: bool = True,
) -> str:
    """A group's health page; `session_urls` leads from it to each session's page, `forge(path,
    line)` to a line of a file on the forge; `meetings_here` as render_community_health's."""
    return render_template(
        "group_health.html",
        locale,
        for_markdown=False,
        health=health,
        forge=forge,
        chart=Markup(health_chart(health, locale)),  # numbers and escaped text only
        session_urls=session_urls,
        agrees=health.cadence.agrees(),
        describe=lambda schedule: describe(schedule, locale),
        meetings_here=meetings_here,
        messages_language=DEFAULT,  # sigsite check's messages, which the findings quote, are in it
    )


@dataclass(frozen=True)
class HealthRow:
    """A group as the community's health page lists it."""

    sig: Group
    health: GroupHealth
    url: str  # its health page, from the community's


def render_community_health(
    rows: list[HealthRow],
    faults: list[tuple[str, tuple[FaultView, ...]]],
    locale: str,
    *,
    meetings_here: bool = True,
) -> str:
    """Every group's totals, the consistency report (each group's findings), and what the hub could
    not show: `faults` by group name ("" for the community's own files and folders left out). Where
    the community keeps its meetings elsewhere (not `meetings_here`), the page says why its
    sessions' columns are empty."""
    return render_template(
        "community_health.html",
        locale,
        for_markdown=False,
        rows=sorted(rows, key=lambda r: r.sig.name.casefold()),
        describe=lambda schedule: describe(schedule, locale),
        faults=faults,
        meetings_here=meetings_here,
    )
