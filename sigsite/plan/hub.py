"""The hub's pages in the language being built: each group's home (its README, navigation and facts
card), members and archive, the directory on the hub's home page and everyone on its people page.
A group's meetings are its GroupMeetings's (section.py), as on a SIG's own site."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, partial
from html import escape
from pathlib import Path, PurePosixPath

from sigsite.addresses import (
    ARCHIVE_PAGE,
    CALENDAR_FILE,
    COMMUNITY_HEALTH_PAGE,
    FEED_FILE,
    HEALTH_PAGE,
    HOME_PAGE,
    MEMBERS_PAGE,
    PEOPLE_PAGE,
    REPOSITORIES_PAGE,
    GroupMap,
    PageContext,
    SiteMap,
    site_path,
)
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import GroupHealth
from sigsite.hub.contact_views import WITHHELD_LINK_TEXT, contact_views
from sigsite.hub.faults import fault_views
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson
from sigsite.hub.source import file_at_commit, folder_at_commit
from sigsite.markup.references import AddressOf, Target
from sigsite.markup.withheld import localized
from sigsite.model import Group, Rendered
from sigsite.plan.directory import directory, sessions_attended
from sigsite.plan.documents import document_pages, document_urls
from sigsite.plan.group_links import home_urls, navigation_urls
from sigsite.plan.health import community_health_page, group_health_page
from sigsite.plan.hub_group import PlannedGroup
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import LATE_SLOT, PlannedPage, planning
from sigsite.plan.people import person_pages, person_paths, person_urls
from sigsite.plan.section import GroupMeetings
from sigsite.plan.stamps import search_text, stamped, with_shells
from sigsite.problems import FILE_LEFT_OUT
from sigsite.render.blocks import render_archive, render_repositories, render_roster
from sigsite.render.hub_blocks import (
    PEOPLE_FILES,
    render_people_directory,
    render_sig_card,
    render_sig_nav,
)
from sigsite.render.pages import group_page_title, titled_front_matter
from sigsite.settings import MEETINGS_DIR
from sigsite.translations import README_ONLY_IN, translator

MEMBERS_INTRO = "The members of {name}, as {files} list them."
GROUP_PAGES = {
    "home": HOME_PAGE,
    "members": MEMBERS_PAGE,
    "repositories": REPOSITORIES_PAGE,
    "archive": ARCHIVE_PAGE,
    "health": HEALTH_PAGE,
}


def group_section(sig: Group, community_root: Path) -> GroupMeetings:
    """A group's meetings on the hub: below `sigs/<id>/`, with its own calendar and feed."""
    assert sig.folder is not None
    dated = sig.has_records  # no empty calendar, feed or archive
    return GroupMeetings(
        sig,
        community_root / sig.path / MEETINGS_DIR,
        f"{sig.path}/{MEETINGS_DIR}",
        prefix=sig.prefix,
        calendar_file=CALENDAR_FILE if dated else "",
        feed_file=FEED_FILE if dated else "",
        files=sig.published_files,  # a record's slides among them
        group_name=sig.name,
    )


def group_pages(sig: Group, health: GroupHealth | None = None) -> dict[str, str]:
    """The pages a group has (GROUP_PAGES): its home always; its members, archive and health only
    when its files give something to show there, never an empty page."""
    shown = {
        "home": True,
        "members": bool(sig.people),
        "repositories": bool(sig.repositories),
        "archive": sig.has_records,
        "health": health is not None and health.shown,
    }
    return {key: page for key, page in GROUP_PAGES.items() if shown[key]}


def hub_groups(
    community: Community,
    community_root: Path,
    languages: BuildLanguages,
    site_url: str,
    health: CommunityHealth | None = None,
) -> dict[str, PlannedGroup]:
    """Every group with a folder, by id, in the language being built."""
    groups = {}
    for sig in community.folders:
        section = group_section(sig, community_root)
        shown = group_pages(sig, health.of(sig) if health else None)
        urls = {key: languages.url(languages.current, sig.prefix + page) for key, page in shown.items()}
        groups[sig.id] = PlannedGroup(
            sig, section, section.context(languages, site_url), urls, document_urls(sig, languages)
        )
    return groups


@dataclass
class HubPlan:
    """The hub's pages of one language."""

    community: Community
    people: tuple[CommunityPerson, ...]
    health: CommunityHealth
    languages: BuildLanguages
    groups: dict[str, PlannedGroup]
    forge_url: str
    today: date
    person_pages: bool = True  # a page for each person (the hub plugin's `person_pages`)

    def __post_init__(self) -> None:
        self.forge_url = self.forge_url.rstrip("/") + "/"

    def pages(self) -> list[PlannedPage]:
        """Every page of this language: each group's, then the community's own; a withheld
        address's link in their content says so in this language."""
        _ = translator(self.languages.current)
        text = _(WITHHELD_LINK_TEXT, forge=self.community.layout.forge.name)
        return [
            replace(page, content=localized(page.content, text)) if page.content is not None else page
            for page in self._pages()
        ]

    def _pages(self) -> list[PlannedPage]:
        """Every page of this language: each group's (under the directory's tab), each person's
        (under the People tab), then the community's own."""
        pages: list[PlannedPage] = []
        for group in self.groups.values():
            with planning(f"the pages of {group.sig.path}"):
                addresses = partial(self._address, group=group.sig.id)
                navigation = partial(self._navigation, group)
                pages += group.section.pages(self.languages, group.context, addresses, navigation)
                pages.append(self._home(group))
                if "members" in group.urls:
                    pages.append(self._members(group))
                if "repositories" in group.urls:
                    pages.append(self._repositories(group))
                if "archive" in group.urls:
                    pages.append(self._archive(group))
                if "health" in group.urls:
                    pages.append(self._health(group))
                pages += document_pages(
                    group.sig,
                    self.languages,
                    self.languages.switcher(group.sig.prefix + HOME_PAGE),
                    addresses,
                    navigation,
                )
        directory = site_path(self.languages.url(self.languages.current, HOME_PAGE))
        everyone = site_path(self.languages.url(self.languages.current, PEOPLE_PAGE))
        pages = [replace(page, tab=directory) for page in pages]
        people = (
            person_pages(
                self.people,
                self.health.attended,
                self.groups,
                self.languages,
                self._at_snapshot,
                self.community.layout.meetings_in_repository,
                self._archived(),
            )
            if self.person_pages
            else []
        )
        people = [replace(page, tab=everyone) for page in people]
        return with_shells(pages + people + self.community_pages(), self.languages)

    def _archived(self) -> frozenset[str]:
        """The ids of the archived groups: the people pages mark a role there as one of a retired group."""
        return frozenset(
            key for key, group in self.groups.items() if self.community.layout.is_archived(group.sig.kind)
        )

    def _page(self, group: PlannedGroup, page: str) -> tuple[str, str, dict[str, str]]:
        """(source path, URL, switcher targets) of one of the group's pages."""
        source = group.sig.prefix + GROUP_PAGES[page]
        return self.languages.prefix + source, group.urls[page], self.languages.switcher(source)

    def _home(self, group: PlannedGroup) -> PlannedPage:
        locale, _, sig = self.languages.current, translator(self.languages.current), group.sig
        readme = sig.readme(locale)
        # Without a README, its description: sanitized inline HTML (markup/inline.py), in its language.
        about = sig.description(locale)
        body = "" if readme or about is None else f'<p lang="{about.language}">{about.html}</p>\n'
        note = _(README_ONLY_IN[readme.language]) if readme is not None and readme.language != locale else ""
        source, url, switcher = self._page(group, "home")
        urls = home_urls(
            group,
            self.languages.prefix,
            url,
            self.today,
            folder_at_commit(self.forge_url, self.community.history.commit, sig.path),
        )
        here = PageContext(page_url=url)
        leaders = sig.leadership.leaders if sig.leadership else ()
        urls |= {
            f"person:{key}": page
            for key, page in self._person_urls(here, (named.key for named in leaders)).items()
        }
        description = sig.intro(locale) or sig.name
        page = PlannedPage(
            switcher,
            src_uri=source,
            markdown=titled_front_matter(sig.name, description) + body,
            content=readme.rendered if readme else None,
            address=self._address(url, sig.id),
            before=render_sig_nav(sig, urls, "home", locale, faulted=self._faulted(sig))
            + render_sig_card(
                sig,
                urls,
                self.today,
                note,
                self.community.history.shallow,
                locale,
                fault_views(self.community.faults_of(sig), self._at_snapshot),
                self.community.layout.forge.name,
                contact_views(
                    sig,
                    locale,
                    self.community.layout.forge.name,
                    self._at_snapshot,
                    self.community.layout.meeting_url_label,
                ),
                meetings_here=self.community.layout.meetings_in_repository,
                archived=self.community.layout.is_archived(sig.kind),
            ),
        )
        if body:  # Markdown of its own: MkDocs renders the page
            return page
        return self._stamped(group, page, "home", sig.name, description=description)

    def _members(self, group: PlannedGroup) -> PlannedPage:
        locale, _, sig = self.languages.current, translator(self.languages.current), group.sig
        title = group_page_title(_("Members"), sig.name)
        source, url, switcher = self._page(group, "members")
        files = sorted({PurePosixPath(s.file).name for p in sig.people for s in p.sources})
        # The group's name and files are data: escaped. The roster fills the late slot once search
        # has read the page: a thousand people are not the page's text.
        intro = f"<p>{escape(_(MEMBERS_INTRO, name=sig.name, files=_(', ').join(files)))}</p>\n"
        page = PlannedPage(
            switcher,
            src_uri=source,
            markdown=titled_front_matter(title, title),
            before=self._navigation(group, url, "members"),
            after=intro + LATE_SLOT,
            after_search=render_roster(sig, locale),
        )
        return self._stamped(group, page, "members", title, search_text(intro))

    def _repositories(self, group: PlannedGroup) -> PlannedPage:
        locale, _, sig = self.languages.current, translator(self.languages.current), group.sig
        title = group_page_title(_("Repositories"), sig.name)
        source, url, switcher = self._page(group, "repositories")
        here = PageContext(page_url=url)
        pages = self._person_urls(here, (person.key for person in sig.people))
        # Put in after Markdown, search reading the names alone: a thousand repositories are a
        # megabyte of HTML a language, which Markdown and search would parse whole.
        listing = Rendered(
            html=render_repositories(sig, locale, pages, for_markdown=False),
            search_html=render_repositories(sig, locale, names_only=True, for_markdown=False),
        )
        page = PlannedPage(
            switcher,
            src_uri=source,
            markdown=titled_front_matter(title, title),
            content=listing,
            before=self._navigation(group, url, "repositories"),
        )
        return self._stamped(group, page, "repositories", title, search_text(listing.search_html))

    def _archive(self, group: PlannedGroup) -> PlannedPage:
        _, sig = translator(self.languages.current), group.sig
        title = group_page_title(_("Meetings"), sig.name)
        source, url, switcher = self._page(group, "archive")
        archive = render_archive(sig, replace(group.context, page_url=url), self.today)
        return PlannedPage(
            switcher,
            src_uri=source,
            markdown=titled_front_matter(title, title) + archive,
            before=self._navigation(group, url, "archive"),
        )

    def _health(self, group: PlannedGroup) -> PlannedPage:
        locale, page = self.languages.current, self._page(group, "health")
        navigation = self._navigation(group, page[1], "health")
        health = self.health.groups[group.sig.id]
        planned = group_health_page(
            group.sig,
            health,
            group.context.meeting_urls,
            page,
            navigation,
            locale,
            self._at_snapshot,
            meetings_here=self.community.layout.meetings_in_repository,
        )
        title = group_page_title(translator(locale)("Activity"), group.sig.name)
        return self._stamped(group, planned, "health", title, search_text(planned.after))

    def _stamped(
        self,
        group: PlannedGroup,
        page: PlannedPage,
        name: str,
        title: str,
        text: str | None = None,
        description: str | None = None,
    ) -> PlannedPage:
        """One of a group's pages (`name`, of GROUP_PAGES), stamped on the shell of its kind's pages of
        that name (plan/stamps.py): the group's folder is the part of its address that varies.
        Search finds it by `text`, or else by what it reads of the page (stamps.search_sections)."""
        parent = posixpath.dirname(group.sig.prefix.rstrip("/"))
        head = self.languages.prefix + (parent + "/" if parent else "")
        return stamped(page, head, "/" + GROUP_PAGES[name], title, description or title, text)

    def _navigation(self, group: PlannedGroup, page_url: str, current: str = "") -> str:
        """The group's navigation on its page at `page_url`, `current` one of GROUP_PAGES, or ""
        on a page that is none of them (a meeting's, a document's)."""
        return render_sig_nav(
            group.sig,
            navigation_urls(group, self.languages.prefix, page_url),
            current,
            self.languages.current,
            faulted=self._faulted(group.sig),
        )

    def community_pages(self) -> list[PlannedPage]:
        """The hub's own pages of docs/: the home page gets the community's introduction and the
        directory, the people page everyone."""
        locale = self.languages.current
        home = site_path(self.languages.url(locale, HOME_PAGE))
        intro = next(
            (r for r in self.community.introduction if r.language == locale),
            self.community.introduction[0] if self.community.introduction else None,
        )
        people = site_path(self.languages.url(locale, PEOPLE_PAGE))
        here = PageContext(page_url=people)
        homes = {group_id: here.to(group.urls["home"]) for group_id, group in self.groups.items()}
        return [
            PlannedPage(
                {},
                docs_url=home,
                content=intro.rendered if intro else None,
                address=self._address(home, ""),
                after=directory(self.community, self.groups, self.today, locale, home, self.forge_url),
            ),
            PlannedPage(
                {},
                docs_url=people,
                after=LATE_SLOT,
                after_search=render_people_directory(
                    self.people,
                    homes,
                    len({m.sig_id for person in self.people for m in person.memberships}),
                    sessions_attended(self.health, self.groups, here),
                    locale,
                    tuple(sig.name for sig in self.community.folders if self._people_unread(sig)),
                    here.to(site_path(self.languages.url(locale, COMMUNITY_HEALTH_PAGE))) + "#left-out",
                    self._person_urls(here),
                    self._archived(),
                ),
            ),
            community_health_page(
                self.community,
                self.health,
                self.languages,
                {key: group.urls["health"] for key, group in self.groups.items() if "health" in group.urls},
                self._at_snapshot,
            ),
        ]

    @cached_property
    def _person_paths(self) -> dict[str, str]:
        """Person key -> their page's site path in this language; none without person pages."""
        return person_paths(self.people, self.languages) if self.person_pages else {}

    def _person_urls(self, here: PageContext, keys: Iterable[str | None] | None = None) -> dict[str, str]:
        """Person key -> their page's address from `here`, for the people of `keys` (everyone when
        None) who have a page."""
        return person_urls(self._person_paths, here, keys)

    def _people_unread(self, sig: Group) -> bool:
        """True when a file of the group that lists people was left out."""
        return any(
            f.topic == FILE_LEFT_OUT and f.file in {f"{sig.path}/{name}" for name in PEOPLE_FILES}
            for f in self.community.faults_of(sig)
        )

    def _faulted(self, sig: Group) -> bool:
        """True when some of the group's files could not be shown as they are written."""
        return bool(self.community.faults_of(sig))

    def _at_snapshot(self, path: str, line: int | None) -> str:
        """A repository file's address on the forge at the commit the hub was built from, so a
        faulty line does not drift; at the branch when the commit is unknown."""
        return file_at_commit(self.forge_url, self.community.history.commit, path, line)

    def _address(self, page_url: str, group: str) -> AddressOf:
        """Where the references of committed content lead from a page; `group` is the one whose
        content it is ("" for the community's introduction)."""
        here = PageContext(page_url=page_url)

        def address(target: Target) -> str | None:
            url = self.site_map.url_of(target, group)
            return here.to(url) if url is not None else None

        return address

    @cached_property
    def site_map(self) -> SiteMap:
        """Every group's pages and files, and the hub's home, in this language (addresses.SiteMap)."""
        return SiteMap(
            {
                key: GroupMap(
                    pages=group.urls,
                    meetings=group.context.meeting_urls,
                    attachments=group.context.attachment_urls,
                    documents=group.document_urls,
                    file_url=partial(self._file_url, group.sig.prefix),
                    meeting_elsewhere=True,
                )
                for key, group in self.groups.items()
            },
            hub_url=self.languages.prefix,
        )

    def _file_url(self, prefix: str, path: str) -> str:
        """A file a group publishes as it is (its folder's `path`), once, in the default language's tree."""
        return self.languages.url(self.languages.default, prefix + path)
