"""The blocks of the community hub: the directory of SIGs, the people page, and the navigation and
facts card of a SIG's pages. Added to pages after Markdown has run, so they are plain HTML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from markupsafe import Markup

from sigsite.addresses import safe_url
from sigsite.formatting import calendar_date
from sigsite.health.participation import Attended
from sigsite.hub.chart import meetings_chart
from sigsite.hub.contact_views import ContactView
from sigsite.hub.faults import SHOWN_ON_A_GROUP_PAGE, FaultView
from sigsite.hub.history import History
from sigsite.hub.people import PEOPLE_ROLES, CommunityPerson, Said
from sigsite.hub.source import Source
from sigsite.languages import language
from sigsite.layout import GroupKind
from sigsite.model import Group, Meeting
from sigsite.names import order_name
from sigsite.problems import FILE_LEFT_OUT
from sigsite.render.blocks import role_chips
from sigsite.render.environment import render_template
from sigsite.settings import MEMBERS_FILE, SIG_INFO_FILE
from sigsite.translations import translator

PEOPLE_FILES = frozenset({MEMBERS_FILE, SIG_INFO_FILE})  # a group's files that list its people


@dataclass(frozen=True)
class DirectoryEntry:
    """A group as the directory lists it, with the addresses it links to from the home page."""

    sig: Group
    url: str
    # "active", "quiet" (nothing recorded in 12 months), "unknown" (its meetings are kept elsewhere
    # and nothing is dated in 12 months), "archived" or "external"
    state: str
    last: Meeting | None = None
    last_url: str = ""
    next: Meeting | None = None
    next_url: str = ""
    kind_label: str = ""  # filled in by render_directory, in the page's language
    name: str = ""  # its name in the page's language
    intro: Markup = field(default_factory=Markup)  # its description, sanitized HTML
    intro_language: str = ""  # the description's language when it is not the page's
    search: str = ""  # the words the filter finds it by, besides what the card shows
    latest: date | None = None  # its latest recorded session or change, for the order by activity


def render_source(source: Source, locale: str) -> Markup:
    """One sentence: which commit of which repository the data is from, linked to the commit on the
    forge (`From mindspore/community at 35c0878, July 4, 2025.`), or that the commit's date is not
    known (a date that cannot be, or after the build); without history, that the checkout has none,
    or that it could not be read, and the day the hub was built."""
    _ = translator(locale)
    if source.commit is None:
        if source.unreadable:
            message = "From a checkout of {repository} whose Git history could not be read, built {date}."
        else:
            message = "From a checkout of {repository} without Git history, built {date}."
        return Markup(_(message)).format(
            repository=source.repository, date=calendar_date(source.built, locale)
        )
    link = Markup('<a href="{}" title="{}">{}</a>').format(
        safe_url(source.url), source.commit, source.short_commit
    )
    if source.committed is None:
        return Markup(_("From {repository} at {commit}, of a date that is not known.")).format(
            repository=source.repository, commit=link
        )
    return Markup(_("From {repository} at {commit}, {date}.")).format(
        repository=source.repository, commit=link, date=calendar_date(source.committed, locale)
    )


def render_directory(
    entries: list[DirectoryEntry],
    history: History,
    kinds: tuple[GroupKind, ...],
    locale: str,
    source: Source | None = None,
    *,
    name_prefixes: tuple[str, ...] = (),
    meetings_here: bool = True,
) -> str:
    """Every group of the hub by its displayed name without the community's own (`name_prefixes`:
    "MindSpore AKG SIG" under A), filterable by kind, activity and text, and in a second order by
    latest activity; what the checkout's history could tell, and where the data is from
    (`source`), is said once, above them. Archived groups come after the others. Where the community
    keeps its meetings elsewhere (not `meetings_here`), the directory says so instead of counting
    what the files do not record."""
    _ = translator(locale)
    labels = {kind.key: _(kind.label) for kind in kinds}
    named = (replace(e, kind_label=labels[e.sig.kind], name=e.name or e.sig.name) for e in entries)
    entries = sorted(
        named,
        key=lambda e: (e.state == "archived", order_name(e.name, name_prefixes), e.name.casefold(), e.sig.id),
    )
    states = {
        "active": _("Active") if meetings_here else _("Files changed in 12 months"),
        "quiet": _("Nothing recorded in 12 months"),
        "unknown": _("Activity not in these files"),
        "archived": _("Archived"),
        "external": _("Hosted elsewhere"),
    }
    activity_counts = {state: sum(1 for e in entries if e.state == state) for state in states}
    kind_counts = {key: sum(1 for e in entries if e.sig.kind == key) for key in labels}
    return render_template(
        "directory.html",
        locale,
        for_markdown=False,
        entries=entries,
        history=history,
        source=render_source(source, locale) if source else "",
        activity_counts=activity_counts,
        states=states,
        meetings_here=meetings_here,
        activity_chips=[
            (state, label, activity_counts[state])
            for state, label in states.items()
            if activity_counts[state] and state != "archived"  # the kinds' chips show those
        ],
        kind_chips=[(key, label, kind_counts[key]) for key, label in labels.items() if kind_counts[key]],
        language_names={code: language(code).name for code in {e.intro_language for e in entries} if code},
    )


def render_people_directory(
    people: tuple[CommunityPerson, ...],
    sig_urls: dict[str, str],
    sig_count: int,
    attended: dict[str, list[tuple[Attended, str]]],
    locale: str,
    unread: tuple[str, ...] = (),
    health_url: str = "",
    pages: dict[str, str] | None = None,
    archived: frozenset[str] = frozenset(),
) -> str:
    """Everyone once, with every group and role, filterable by role and text; `sig_count` is the
    number of groups whose files name any of them; `attended` the sessions each person's key attended,
    with their pages' addresses; `unread` the groups whose files that list people could not be read
    (the Health page at `health_url` says why); `pages` each person's own page, by key; a group of
    `archived` (ids) is marked so: a role there is one the person held."""
    counts = {role: sum(1 for p in people if role in p.roles) for role in PEOPLE_ROLES}
    return render_template(
        "people_directory.html",
        locale,
        for_markdown=False,
        people=people,
        sig_urls=sig_urls,
        sig_count=sig_count,
        attended=attended,
        chips=role_chips(counts, locale, PEOPLE_ROLES),
        unread=unread,
        health_url=health_url,
        pages=pages or {},
        archived=archived,
    )


def render_person(
    person: CommunityPerson,
    homes: dict[str, str],
    sessions: list[tuple[Attended, str, Said | None]],
    forge: Callable[[str, int | None], str],
    locale: str,
    *,
    meetings_here: bool = True,
    archived: frozenset[str] = frozenset(),
) -> str:
    """A person's page: `homes` are the groups' pages, `sessions` each session attended with its
    page and how its note writes them, `forge(path, line)` a file's line on the forge; where the
    community keeps its meetings elsewhere (not `meetings_here`), it says so; a group of `archived`
    (ids) is marked so."""
    return render_template(
        "person.html",
        locale,
        for_markdown=False,
        person=person,
        homes=homes,
        sessions=sessions,
        forge=forge,
        meetings_here=meetings_here,
        archived=archived,
    )


def render_sig_nav(
    sig: Group, urls: dict[str, str], current: str, locale: str, *, faulted: bool = False
) -> str:
    """The way back to the directory and the SIG's own pages; `current` is "home", "members" or
    "archive"; a `faulted` group's pages say that some of its files could not be shown."""
    return render_template(
        "sig_nav.html", locale, for_markdown=False, sig=sig, urls=urls, current=current, faulted=faulted
    )


def chart_text(sig: Group, locale: str) -> str:
    """The chart's text alternative: every year and its count."""
    _ = translator(locale)
    years = "; ".join(f"{year}: {count}" for year, count in sig.meetings_per_year().items())
    return _("Meetings per year: {years}", years=years)


def render_sig_card(
    sig: Group,
    urls: dict[str, str],
    today: date,
    readme_note: str,
    shallow: bool,
    locale: str,
    faults: tuple[FaultView, ...] = (),
    forge: str = "",
    contacts: tuple[ContactView, ...] = (),
    *,
    meetings_here: bool = True,
    archived: bool = False,
) -> str:
    """The facts of a group's home page: what of its files could not be shown (`faults`), its
    maintainers, maturity, activity (the last change as a `shallow` checkout knows it), its
    `contacts` (or that its files give none), its chart, feeds and folder (on the `forge` its
    community's layout names). An `archived` group's says so; where the community keeps its
    meetings elsewhere (not `meetings_here`), it says that instead of a count."""
    text = chart_text(sig, locale)
    return render_template(
        "sig_card.html",
        locale,
        for_markdown=False,
        sig=sig,
        urls=urls,
        forge=forge,
        last=sig.last_meeting(today),
        next=sig.next_meeting(today),
        chart=Markup(meetings_chart(sig.meetings_per_year(), text)),  # numbers and escaped text only
        readme_note=readme_note,
        shallow=shallow,
        contacts=contacts,
        meetings_here=meetings_here,
        archived=archived,
        faults=faults[:SHOWN_ON_A_GROUP_PAGE],
        more_faults=len(faults) - SHOWN_ON_A_GROUP_PAGE,
        unread_people=sorted(
            {
                f.name
                for f in faults
                if f.topic == FILE_LEFT_OUT
                and f.name in PEOPLE_FILES
                and "/" not in f.file[len(sig.path) + 1 :]
            }
        ),
    )
