"""The hub's pages in the language being built: each SIG's home (README, navigation, facts card),
members and archive, the directory on the hub's home page and everyone on its people page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.adapters.emit import add_file
from sigsite.adapters.theme_hooks import Languages
from sigsite.addresses import PageContext, webcal
from sigsite.formatting import plain_text
from sigsite.hub.model import Community, HubSig
from sigsite.hub.people import CommunityPerson
from sigsite.markup.references import Address, Target
from sigsite.render.blocks import ROSTER_SLOT, render_archive, render_repositories, render_roster
from sigsite.render.hub_blocks import (
    DirectoryEntry,
    render_directory,
    render_people_directory,
    render_sig_card,
    render_sig_nav,
)
from sigsite.render.pages import front_matter
from sigsite.settings import MEETINGS_DIR, SIGS_DIR
from sigsite.translations import README_ONLY_IN, translator

HOME_URL, PEOPLE_URL = "", "people/"  # the hub's own pages, from docs/ (below a language's prefix)
ROOT = "./"  # how MkDocs writes the address of the site's root page
MEMBERS_INTRO = "The members of {name}, from its sig_members.yaml and sig-info.yaml."
SIG_PAGES = {"home": "index.md", "members": "members/index.md", "archive": f"{MEETINGS_DIR}/index.md"}


def site_path(url: str) -> str:
    """A page's URL as the site-relative path the hub compares: "" for the root page."""
    return "" if url == ROOT else url


def _page_front_matter(title: str, description: str) -> str:
    """Front matter of a generated page whose title comes from the community's files: themes print
    titles and descriptions unescaped, so they carry no markup characters."""
    return front_matter({"title": plain_text(title), "description": plain_text(description)})


@dataclass
class HubPages:
    """Builds the hub's pages of one language into `build`: each SIG's pages, the directory on the
    home page and everyone on the people page."""

    community: Community
    people: tuple[CommunityPerson, ...]
    config: MkDocsConfig
    languages: Languages
    build: LanguageBuild
    contexts: dict[str, PageContext]  # by SIG id: its meetings' addresses in this language
    forge_url: str
    today: date
    sig_urls: dict[str, dict[str, str]] = field(default_factory=dict)  # SIG id -> page -> URL

    def __post_init__(self) -> None:
        self.forge_url = self.forge_url.rstrip("/") + "/"
        self.sig_urls = {
            sig.id: {
                key: self.languages.url(self.config, self.languages.current, f"{SIGS_DIR}/{sig.id}/{page}")
                for key, page in SIG_PAGES.items()
            }
            for sig in self.community.folders
        }

    def _generated(self, files: Files, src_uri: str, markdown: str) -> File:
        prefix = self.languages.prefixes.get(self.languages.current, "")
        page = File.generated(
            self.config, prefix + src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV
        )
        add_file(files, page)
        return page

    def _switcher(self, src_uri: str) -> dict[str, str]:
        return {locale: self.languages.url(self.config, locale, src_uri) for locale in self.languages.built}

    def add_sig_pages(self, sig: HubSig, files: Files) -> None:
        """The SIG's home (its README and facts), its members and its meeting archive."""
        locale, _ = self.languages.current, translator(self.languages.current)
        base = f"{SIGS_DIR}/{sig.id}/"
        readme = sig.readme(locale)
        # Without a README, its one line of introduction: data, so escaped.
        body = "" if readme else f"<p>{escape(sig.intro(locale))}</p>\n" if sig.intro(locale) else ""
        home = self._generated(
            files,
            base + SIG_PAGES["home"],
            _page_front_matter(sig.name, sig.intro(locale) or sig.name) + body,
        )
        note = ""
        if readme is not None and readme.language != locale:
            note = _(README_ONLY_IN[readme.language])
        urls = self._relative_sig_urls(sig, home.url)
        card = render_sig_card(sig, urls, self.today, note, locale)
        nav = render_sig_nav(sig, urls, "home", locale)
        self.build.add(
            GeneratedPage(
                home,
                self._switcher(base + SIG_PAGES["home"]),
                content=readme.rendered if readme else None,
                address=self._address(home.url, sig.id),
                before=nav + card,
            )
        )

        title = _("Members of {name}", name=sig.name)
        members_md = (
            _page_front_matter(title, title)
            + f"# {_('Members')}\n\n"
            # The SIG's name is data: escaped, in HTML that Markdown passes through as it is.
            + f"<p>{escape(_(MEMBERS_INTRO, name=sig.name))}</p>"
            + f"\n\n{ROSTER_SLOT}\n\n"
            + render_repositories(sig.data, locale)
        )
        members = self._generated(files, base + SIG_PAGES["members"], members_md)
        self.build.add(
            GeneratedPage(
                members,
                self._switcher(base + SIG_PAGES["members"]),
                before=render_sig_nav(sig, self._relative_sig_urls(sig, members.url), "members", locale),
                after_search=render_roster(sig.data, locale),
            )
        )

        archive_url = self.sig_urls[sig.id]["archive"]
        title = _("Meetings of {name}", name=sig.name)
        archive_md = (
            _page_front_matter(title, title)
            + f"# {_('Meetings')}\n\n"
            + render_archive(sig.data, self.build.context_for(archive_url, self.contexts[sig.id]), self.today)
        )
        archive = self._generated(files, base + SIG_PAGES["archive"], archive_md)
        self.build.add(
            GeneratedPage(
                archive,
                self._switcher(base + SIG_PAGES["archive"]),
                before=render_sig_nav(sig, self._relative_sig_urls(sig, archive.url), "archive", locale),
            )
        )

    def _relative_sig_urls(self, sig: HubSig, page_url: str) -> dict[str, str]:
        """The addresses a SIG's page links to, relative to that page (feeds absolute)."""
        here = PageContext(page_url=page_url)
        context = self.contexts[sig.id]
        today = self.today
        last, following = sig.last_meeting(today), sig.next_meeting(today)
        urls = {key: here.to(url) for key, url in self.sig_urls[sig.id].items()}
        return {
            **urls,
            "hub": here.to(self.languages.prefixes.get(self.languages.current, "")),
            "last": here.to(context.meeting_urls.get(last.slug, "")) if last and not last.is_external else "",
            "next": here.to(context.meeting_urls.get(following.slug, ""))
            if following and not following.is_external
            else "",
            "calendar": context.calendar_url,
            "webcal": webcal(context.calendar_url),
            "feed": context.feed_url,
            "forge": self.forge_url + quote(f"{SIGS_DIR}/{sig.folder}"),
        }

    def fill_hub_pages(self, files: Files) -> None:
        """The home page gets the community's introduction and the directory; people/ everyone."""
        prefix = self.languages.prefixes.get(self.languages.current, "")
        locale = self.languages.current
        for file in files.documentation_pages():
            url = site_path(file.url)
            if url == prefix + HOME_URL:
                intro = next(
                    (r for r in self.community.introduction if r.language == locale),
                    self.community.introduction[0] if self.community.introduction else None,
                )
                page = GeneratedPage(
                    file,
                    {},
                    content=intro.rendered if intro else None,
                    address=self._address(url, ""),
                    after=self._directory(url),
                )
                self.build.add(page)
            elif url == prefix + PEOPLE_URL:
                here = PageContext(page_url=url)
                sig_urls = {sig_id: here.to(urls["home"]) for sig_id, urls in self.sig_urls.items()}
                people = render_people_directory(self.people, sig_urls, len(self.community.folders), locale)
                self.build.add(GeneratedPage(file, {}, after=ROSTER_SLOT, after_search=people))

    def _directory(self, page_url: str) -> str:
        here = PageContext(page_url=page_url)
        today = self.today
        entries = []
        for sig in self.community.sigs:
            if sig.is_external:
                entries.append(DirectoryEntry(sig, sig.external_url or "", "external"))
                continue
            context = self.contexts[sig.id]
            last, following = sig.last_meeting(today), sig.next_meeting(today)
            entries.append(
                DirectoryEntry(
                    sig,
                    here.to(self.sig_urls[sig.id]["home"]),
                    "active" if sig.is_active(today) else "quiet",
                    last=last,
                    last_url=here.to(context.meeting_urls.get(last.slug, context.archive_url))
                    if last
                    else "",
                    next=following,
                    next_url=here.to(context.meeting_urls.get(following.slug, context.archive_url))
                    if following
                    else "",
                )
            )
        return render_directory(entries, self.languages.current)

    def _address(self, page_url: str, group: str) -> Address:
        """Where the references of committed content lead from a page; `group` is the SIG whose
        content it is ("" for the community's introduction)."""
        here = PageContext(page_url=page_url)

        def address(target: Target) -> str | None:
            url = self._site_url_of(target, target.group or group)
            return here.to(url) if url is not None else None

        return address

    def _site_url_of(self, target: Target, group: str) -> str | None:
        """A target's URL from the site's root, in this language; None for what the hub does not publish."""
        if target.kind == "hub":
            return self.languages.prefixes.get(self.languages.current, "") + HOME_URL
        urls = self.sig_urls.get(group)
        if urls is None:
            return None
        context = self.contexts[group]
        if target.kind in urls:  # home, members, archive
            return urls[target.kind]
        if target.kind == "meeting":
            return context.meeting_urls.get(target.value, urls["archive"])
        if target.kind == "attachment":
            return context.attachment_urls.get(target.value)
        if target.kind == "file":
            return self.languages.url(
                self.config, self.languages.default, f"{SIGS_DIR}/{group}/{target.value}"
            )
        return None
