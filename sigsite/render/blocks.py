"""The blocks the site's pages show: roster, people, repositories, next meeting, archive, year
list, and the frame around a meeting's note.

The fragments embedded in Markdown pages carry no indentation that Markdown could mistake for
code; the others are added to a page's HTML after Markdown has run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from sigsite.addresses import PageContext, safe_url, webcal
from sigsite.model import ROLES, Group, Meeting, Repository
from sigsite.render.environment import render_template
from sigsite.translations import DEFAULT_LOCALE, translator

ARCHIVE_RECENT = 50  # past meetings listed on the archive page itself


def render_roster(data: Group, locale: str = DEFAULT_LOCALE) -> str:
    """The members page: every person once, with all their roles, filterable by role and name."""
    counts = {role: len(data.people_with_role(role)) for role in ROLES}
    chips = role_chips(counts, locale)
    return render_template(
        "roster.html", locale, for_markdown=False, people=data.people, counts=counts, chips=chips
    )


def role_chips(
    counts: dict[str, int], locale: str, roles: tuple[str, ...] = ROLES
) -> list[tuple[str, str, int]]:
    """(filter key, label, count) of each role of `roles` someone holds, for the list's filter chips."""
    _ = translator(locale)
    return [(role.lower().replace(" ", "-"), _(role + "s"), counts[role]) for role in roles if counts[role]]


def render_people(data: Group, role: str, locale: str = DEFAULT_LOCALE) -> str:
    """A compact list of the people who hold one role, e.g. the maintainers on the home page."""
    return render_template("people_list.html", locale, people=data.people_with_role(role))


SHOWN_COMMITTERS = 12  # a repository's committers named in its row; more are behind a disclosure


def render_repositories(
    data: Group,
    locale: str = DEFAULT_LOCALE,
    pages: dict[str, str] | None = None,
    *,
    names_only: bool = False,
    for_markdown: bool = True,
) -> str:
    """The group's repositories, their admins and committers (linked to their `pages`, by person
    key), filterable by owner (`openeuler`, `src-openeuler`) and text.
    `names_only`: what search reads of them, their names (and how many there are).
    `for_markdown`: False for HTML put in after Markdown has run (render_template)."""
    people = {person.key: person for person in data.people}
    pages = pages or {}
    rendered: dict[tuple[str, ...], Markup] = {}

    def names(keys: tuple[str, ...]) -> Markup:
        """The people of `keys`, linked; once for each list (a thousand repositories share a few)."""
        if keys not in rendered:
            html = render_template(
                "repository_people.html", locale, for_markdown=False, keys=keys, people=people, pages=pages
            )
            rendered[keys] = Markup(html)  # the template's own output, autoescaped
        return rendered[keys]

    owners: dict[str, int] = {}
    for repository in data.repositories:
        if "/" in repository.name:
            owner = repository.name.partition("/")[0]
            owners[owner] = owners.get(owner, 0) + 1
    listed = sum(1 for r in data.repositories if r.listed)
    same_people = _same_people(data.repositories)
    referred = frozenset(index for index in same_people if index is not None)  # their rows' anchors
    rows = (
        ()
        if names_only
        else tuple(  # what each row shows, worked out here: a call from a template costs several
            _RepositoryRow(
                repository,
                anchor=index in referred,
                owner=repository.name.partition("/")[0] if "/" in repository.name else "",
                url=safe_url(repository.url),
                same=same_people[index],
                admins=names(repository.admins) if repository.admins else Markup(""),
                committers=names(repository.committers) if repository.committers else Markup(""),
            )
            for index, repository in enumerate(data.repositories)
        )
    )
    return render_template(
        "repositories.html",
        locale,
        for_markdown=for_markdown,
        names_only=names_only,
        repositories=data.repositories,
        rows=rows,
        listed=listed,
        only_described=len(data.repositories) - listed,
        owner_chips=[(owner, owner, count) for owner, count in sorted(owners.items())],
        shown_committers=SHOWN_COMMITTERS,
    )


@dataclass(frozen=True)
class _RepositoryRow:
    """One repository as its row shows it: `same`, the index of the row whose people it shares
    (blocks._same_people); `anchor`, whether another row refers to it; its people, linked."""

    repository: Repository
    anchor: bool
    owner: str
    url: str
    same: int | None
    admins: Markup
    committers: Markup


def _same_people(repositories: tuple[Repository, ...]) -> list[int | None]:
    """For each repository, the index of the first one looked after by the same admins and
    committers, when they are more than SHOWN_COMMITTERS and it is another: one sig-info entry
    lists many repositories with many people, and naming them all in every row would make a page
    of repositories times people (a few kilobytes of YAML, megabytes of page). The repositories
    of an entry share its people (members.read_sig_info): each list is compared once, not once
    per repository."""
    by_value: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    by_object: dict[tuple[int, int], int] = {}  # the lists' ids -> the first with equal lists
    same: list[int | None] = []
    for index, repository in enumerate(repositories):
        admins, committers = repository.admins, repository.committers
        if len(admins) + len(committers) <= SHOWN_COMMITTERS:
            same.append(None)
            continue
        shared = (id(admins), id(committers))  # alive as long as `repositories`: never reused
        if shared not in by_object:
            by_object[shared] = by_value.setdefault((admins, committers), index)
        earlier = by_object[shared]
        same.append(earlier if earlier != index else None)
    return same


def split_by_today(data: Group, today: date) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming meetings, soonest first; past meetings, newest first)."""
    dated = [(m, m.date) for m in data.meetings if m.date is not None]
    upcoming = [m for m, day in dated if day >= today]
    past = [m for m, day in reversed(dated) if day < today]
    return upcoming, past


def render_next_meeting(data: Group, links: PageContext, today: date) -> str:
    """The home page block: the next meeting, or a visitor-worded empty state."""
    upcoming, past = split_by_today(data, today)
    return render_template(
        "next_meeting.html",
        links.locale,
        upcoming=upcoming[:1],
        recent=past[:3],
        links=links,
        channels=data.facts.channels,
    )


def by_year(meetings: list[Meeting]) -> dict[int, list[Meeting]]:
    """Dated meetings grouped by year, in the order given."""
    years: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.date is not None:
            years.setdefault(meeting.date.year, []).append(meeting)
    return years


def render_archive(data: Group, links: PageContext, today: date) -> str:
    """Upcoming meetings, the most recent ones by year, an index of every year, and files.

    The archive stays one screenful however long the SIG has met: older meetings are on
    their year's page.
    """
    upcoming, past = split_by_today(data, today)
    all_years = by_year(list(reversed(data.meetings)))
    return render_template(
        "archive.html",
        links.locale,
        upcoming=upcoming,
        years=by_year(past[:ARCHIVE_RECENT]),
        older=len(past) > ARCHIVE_RECENT,
        year_counts={year: len(meetings) for year, meetings in all_years.items()},
        undated=[m for m in data.meetings if m.date is None],
        attachments=sorted(data.attachments, key=lambda a: (a.date or date.min, a.source), reverse=True),
        links=links,
        webcal_url=webcal(links.calendar_url),
        meeting_pad=data.meeting_pad,
        channels=data.facts.channels,
    )


def render_year(meetings: list[Meeting], year: int, links: PageContext) -> str:
    """The list on a year's page: that year's meetings (from `by_year`), newest first."""
    return render_template(
        "year.html", links.locale, for_markdown=False, year=year, meetings=meetings, links=links
    )


@dataclass(frozen=True)
class MeetingFrame:
    """What a meeting's page shows around its note: the date and links above, its neighbours below."""

    header: str
    footer: str

    def around(self, note_html: str) -> str:
        """The page's HTML: the note (sanitized by the caller, sigsite.sanitize) in its frame."""
        return f"{self.header}\n{note_html}\n{self.footer}"


def meeting_frame(
    meeting: Meeting, previous: Meeting | None, following: Meeting | None, links: PageContext
) -> MeetingFrame:
    """The frame of a meeting's page; it needs the page's address, not its note."""
    return MeetingFrame(
        header=render_template(
            "meeting_header.html", links.locale, for_markdown=False, meeting=meeting, links=links
        ),
        footer=render_template(
            "meeting_footer.html",
            links.locale,
            for_markdown=False,
            previous=previous,
            following=following,
            links=links,
        ),
    )
