"""A page per person with an account or a role (below `people/`), as rust-lang.org's governance
pages have one: their accounts and the spellings the files use, each group and role with the file
and line that say so (and, for a mention without their account, why it is them), and the sessions
they attended by year. A person's address is made from their account alone, so it never moves
when another file changes; one the files name without an account, from their group and name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from sigsite.addresses import PageContext, site_path
from sigsite.health.participation import Attended
from sigsite.hub.people import PEOPLE_FOLDER, CommunityPerson, page_sources
from sigsite.identity.resolve import ATTENDEE
from sigsite.plan.hub_group import PlannedGroup
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedPage
from sigsite.plan.stamps import INDEX, stamped
from sigsite.render.hub_blocks import render_person
from sigsite.render.pages import titled_front_matter
from sigsite.translations import Translate, translator


def person_pages(
    people: tuple[CommunityPerson, ...],
    attended: dict[str, tuple[Attended, ...]],
    groups: dict[str, PlannedGroup],
    languages: BuildLanguages,
    forge: Callable[[str, int | None], str],
    meetings_here: bool = True,
    archived: frozenset[str] = frozenset(),
) -> list[PlannedPage]:
    """Every person's page in the language being built; `forge(path, line)` links a file's line.
    Where the community keeps its meetings elsewhere (not `meetings_here`), a page says so instead
    of saying that no note records them; a group of `archived` (ids) is marked so. The pages are
    stamped on a shell (plan/stamps.py): thousands of them would cost most of a build through
    MkDocs' page pipeline."""
    locale = languages.current
    _ = translator(locale)
    pages = []
    sources = page_sources(people)
    for person in people:
        source = sources.get(person.key)
        if source is None:
            continue
        url = site_path(languages.url(locale, source))
        here = PageContext(page_url=url)
        homes = {
            m.sig_id: here.to(groups[m.sig_id].urls["home"]) for m in person.memberships if m.sig_id in groups
        }
        as_attendee = {s.file: s for m in person.memberships for s in m.said if s.role == ATTENDEE}
        sessions = [
            (
                a,
                here.to(groups[a.sig_id].context.meeting_urls.get(a.meeting.slug, "")),
                as_attendee.get(f"{groups[a.sig_id].sig.path}/{a.meeting.source_path}"),
            )
            for a in attended.get(person.key, ())
            if a.sig_id in groups
        ]
        description = _(
            "{name}: groups, roles and sessions recorded in the community's files", name=person.name
        )
        page = PlannedPage(
            languages.switcher(source),
            src_uri=languages.prefix + source,
            markdown=titled_front_matter(person.name, description),
            after=render_person(
                person, homes, sessions, forge, locale, meetings_here=meetings_here, archived=archived
            ),
        )
        head = f"{languages.prefix}{PEOPLE_FOLDER}/"
        pages.append(stamped(page, head, INDEX, person.name, description, person_search_text(person, _)))
    return pages


def person_search_text(person: CommunityPerson, _: Translate) -> str:
    """What search finds a person's page by (HTML): their accounts, spellings, organization, and
    each group with their roles in it."""
    facts = [f"Gitee{_(': ')}@{person.gitee_id}"] if person.gitee_id else []
    facts += [f"AtomGit{_(': ')}@{account}" for account in person.other_accounts]
    if len(person.spellings) > 1:
        facts.append(_("Written as") + _(": ") + _(", ").join(person.spellings))
    if person.organization:
        facts.append(_("Organization") + _(": ") + person.organization)
    facts += [m.sig_name + _(": ") + _(", ").join(_(role) for role in m.roles) for m in person.memberships]
    return escape(" · ".join(facts))


def person_paths(people: tuple[CommunityPerson, ...], languages: BuildLanguages) -> dict[str, str]:
    """Person key -> their page's site path in the language being built, for each person with a
    page: worked out once a language, for every page that links to people."""
    return {
        key: site_path(languages.url(languages.current, source))
        for key, source in page_sources(people).items()
    }


def person_urls(
    paths: dict[str, str], here: PageContext, keys: Iterable[str | None] | None = None
) -> dict[str, str]:
    """Person key -> their page's address from `here` (`paths`: person_paths), for each person of
    `keys` (everyone when None) with a page."""
    chosen = paths if keys is None else {key: paths[key] for key in keys if key in paths}
    return {key: here.to(path) for key, path in chosen.items()}
