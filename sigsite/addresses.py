"""Every address the sites publish, defined once: where each page and file lives, the URL it gets,
and how a page links to another, for a SIG's own site and for the hub alike.

Source paths (`meetings/005-20240105.md`) name pages as MkDocs does; `page_url` is MkDocs'
directory-URL rule for them (pinned against MkDocs' own `File` by a test). A SIG's pages sit at
the root of its own site, and below `sigs/<id>/` on the hub (`group_prefix`). `PageContext` turns
the site-relative URLs of a build into links relative to one page; `SiteAddresses` holds the
absolute ones that feeds and calendars need. Addresses from data pass `safe_url` first.
"""

from __future__ import annotations

import posixpath
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote

from sigsite.links import is_web_url
from sigsite.markup.references import Target
from sigsite.model import Meeting
from sigsite.translations import DEFAULT_LOCALE

MEETINGS_FOLDER = "meetings"
DOCUMENTS_FOLDER = "documents"  # a hub group's other Markdown documents
MAX_SEGMENT = 64  # an address segment is a folder name: its length is limited
_NOT_WORDS = re.compile(r"[^a-z0-9]+")
SCHEMAS_FOLDER = "schemas"
HOME_PAGE = "index.md"
MEMBERS_PAGE = "members/index.md"
REPOSITORIES_PAGE = "repositories/index.md"  # a hub group's, when its files name repositories
ARCHIVE_PAGE = f"{MEETINGS_FOLDER}/index.md"
PEOPLE_PAGE = "people.md"  # the hub's
COMMUNITY_HEALTH_PAGE = "health.md"  # the hub's: every group's health and the consistency report
HEALTH_PAGE = "health/index.md"  # a group's on the hub
CALENDAR_FILE = "meetings.ics"  # a site's, and each group's on the hub
FEED_FILE = "feed.xml"  # likewise
MEMBERS_JSON = "members.json"
MEETINGS_JSON = "meetings.json"
SIGS_JSON = "sigs.json"
PEOPLE_JSON = "people.json"
HEALTH_JSON = "health.json"  # the hub's: every group's health
ASSETS_FOLDER = "assets"  # our stylesheet and script, shipped in the package
# The JSON Schemas a site publishes in schemas/, by name (the files shipped in sigsite/schemas/).
SCHEMA_FILES = {
    "sig_members": "sig_members.schema.json",
    "sig_info": "sig_info.schema.json",
    "meeting": "meeting.schema.json",
    "api_members": "api_members.schema.json",
    "api_meetings": "api_meetings.schema.json",
}
HUB_SCHEMA_FILES = {  # the hub's own outputs, published with the hub
    "api_sigs": "api_sigs.schema.json",
    "api_people": "api_people.schema.json",
    "api_hub_meetings": "api_hub_meetings.schema.json",
    "api_health": "api_health.schema.json",
}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # MkDocs' documentation pages


def site_path(url: str) -> str:
    """A page's URL as links are worked out from it: "" for the site's root page (MkDocs' `./`)."""
    return "" if url == "./" else url


def group_prefix(folder: str, group_id: str | None = None) -> str:
    """The folder of a group's pages: the root of a SIG's own site (""); on the hub, the folder of
    its kind and its id (`sigs/<id>/`, `working-groups/<id>/`), or the kind's folder alone when the
    kind has one group (`tsc/`)."""
    if not folder:
        return ""
    return f"{folder}/{group_id}/" if group_id else f"{folder}/"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page or file `src_uri`: `meetings/001.md` -> `meetings/001/`,
    `index.md` -> `./`, `a b.pdf` -> `a%20b.pdf` (with `directory_urls`, `meetings/001.html`)."""
    folder, name = posixpath.split(src_uri)
    stem, suffix = posixpath.splitext(name)
    if suffix in MARKDOWN_SUFFIXES:
        index = stem in {"index", "README"}
        built = f"{'index' if index else stem}.html"
        if directory_urls and not index:
            built = f"{stem}/index.html"
        url = posixpath.join(folder, built)
        if directory_urls and posixpath.basename(url) == "index.html":
            url = (posixpath.dirname(url) or ".") + "/"
    else:
        url = src_uri
    return quote(url)


def address_segment(name: str, fallback: str) -> str:
    """A name as an address segment: `Computer Vision (CV) Suite SIG` ->
    `computer-vision-cv-suite-sig`; `{fallback}-<hash>` for a name without a Latin letter or
    digit, and a hash after the first letters of a long one."""
    slug = _NOT_WORDS.sub("-", name.lower()).strip("-")
    digest = f"{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}"
    if len(slug) > MAX_SEGMENT:
        return slug[: MAX_SEGMENT - len(digest) - 1].rstrip("-") + "-" + digest
    return slug or f"{fallback}-{digest}"


class UniqueSegments:
    """Address segments made unique in the order they come: `x`, then `x-2`, `x-3`, ... Each name
    keeps its next number, so a thousand of one name cost a thousand steps, not half a million."""

    def __init__(self, taken: frozenset[str] = frozenset()) -> None:
        self._taken: set[str] = set(taken)  # segments that are not to be made again
        self._next: dict[str, int] = {}

    def unique(self, candidate: str) -> str:
        """`candidate`, or the first of `candidate-2`, `candidate-3`, ... not taken yet; now taken."""
        chosen, number = candidate, self._next.get(candidate, 2)
        while chosen in self._taken:
            chosen, number = f"{candidate}-{number}", number + 1
        self._next[candidate] = number
        self._taken.add(chosen)
        return chosen


def document_page(slug: str) -> str:
    """The source path of a group's document page on the hub."""
    return f"{DOCUMENTS_FOLDER}/{slug}.md"


def meeting_page(slug: str) -> str:
    """The source path of a meeting's page."""
    return f"{MEETINGS_FOLDER}/{slug}.md"


def year_page(year: int) -> str:
    """The source path of the page that lists a year's meetings."""
    return f"{MEETINGS_FOLDER}/{year}/index.md"


def attachment_file(name: str) -> str:
    """Where a file of the meetings folder (slides, PDFs) is published."""
    return f"{MEETINGS_FOLDER}/{name}"


def asset_file(kind: str, name: str) -> str:
    """Where our stylesheet or script is published: once, at the site's root."""
    return f"{ASSETS_FOLDER}/{kind}/{name}"


def schema_file(name: str) -> str:
    """Where a JSON Schema of the data files is published."""
    return f"{SCHEMAS_FOLDER}/{name}"


def safe_url(url: str | None) -> str:
    """The URL when it is an http or https address, else an empty string (the template drops the link)."""
    return url if url and is_web_url(url) else ""


def webcal(url: str) -> str:
    """The `webcal:` form of a calendar's web address, which calendar apps subscribe to."""
    scheme, _, rest = url.partition("://")
    return f"webcal://{rest}" if scheme in {"http", "https"} and rest else ""


@dataclass(frozen=True)
class PageContext:
    """The page being rendered: its language, and the site's addresses made relative to it."""

    page_url: str  # site-relative URL of the current page, e.g. "meetings/"
    locale: str = DEFAULT_LOCALE
    meeting_urls: dict[str, str] = field(default_factory=dict)  # slug -> site-relative URL
    attachment_urls: dict[str, str] = field(default_factory=dict)  # file name -> URL
    archive_url: str = f"{MEETINGS_FOLDER}/"
    year_urls: dict[int, str] = field(default_factory=dict)  # year -> site-relative URL, this language
    calendar_url: str = ""  # absolute
    feed_url: str = ""  # absolute

    @cached_property
    def _folders(self) -> list[str]:
        """The folders of the current page's URL, from the root."""
        return [part for part in self.page_url.split("/")[:-1] if part]

    def to(self, url: str) -> str:
        """`url` (site-relative) as seen from the current page.

        A relative address whose first segment holds a colon would read as a scheme
        (`javascript:x`); it is written `./javascript:x`, which stays on the site.
        """
        target = [part for part in url.split("/") if part]
        folders = self._folders
        shared = 0
        while shared < min(len(folders), len(target)) and folders[shared] == target[shared]:
            shared += 1
        relative = "/".join([".."] * (len(folders) - shared) + target[shared:]) or "."
        if (url.endswith("/") or not target) and not relative.endswith("/"):
            relative += "/"
        if relative in {".", "./"}:
            return "./"
        return "./" + relative if ":" in relative.split("/", 1)[0] else relative

    def meeting(self, meeting: Meeting) -> str:
        """Where a meeting is read: its own page, or the external address (web addresses only)."""
        if meeting.external_url is not None:
            return safe_url(meeting.external_url)
        return self.to(self.meeting_urls.get(meeting.slug, f"{MEETINGS_FOLDER}/{meeting.slug}/"))

    def attachment(self, name: str) -> str:
        """The published address of a file of the meetings folder; empty when the site does not publish it."""
        url = self.attachment_urls.get(name)
        return self.to(url) if url else ""

    @cached_property
    def site_map(self) -> SiteMap:
        """The SIG's own site as a map of its one group (""): its notes, files and archive."""
        group = GroupMap(
            pages={"archive": self.archive_url}, meetings=self.meeting_urls, attachments=self.attachment_urls
        )
        return SiteMap({"": group})

    def address_of(self, target: Target) -> str | None:
        """Where a note's link leads from this page (another note, a file beside it, the archive);
        None for what this SIG does not publish."""
        url = self.site_map.url_of(target)
        return self.to(url) if url else None


@dataclass(frozen=True)
class GroupMap:
    """Where a group's pages and files are, as URLs from the site's root in the language built."""

    pages: Mapping[str, str] = field(default_factory=dict)  # home, members, archive, ...: by kind
    meetings: Mapping[str, str] = field(default_factory=dict)  # a note's or record's slug -> its page
    attachments: Mapping[str, str] = field(default_factory=dict)  # a file of meetings/ -> its URL
    documents: Mapping[str, str] = field(default_factory=dict)  # a document's slug -> its page
    file_url: Callable[[str], str] | None = None  # a file of its folder published as it is (the hub)
    meeting_elsewhere: bool = False  # a meeting it does not show leads to its archive, else home


@dataclass(frozen=True)
class SiteMap:
    """The one resolver from what a link of committed content names (a Target) to its URL from
    the site's root, on both sites: a SIG's site is the map of its one group (""), the hub's holds
    every group by id and its own home."""

    groups: Mapping[str, GroupMap]
    hub_url: str | None = None  # the hub's home in the language built; None on a SIG's site

    def url_of(self, target: Target, group: str = "") -> str | None:
        """The URL of `target` (of its own group, else of `group`'s); None for what the site does
        not publish."""
        if target.kind == "hub":
            return self.hub_url
        known = self.groups.get(target.group or group)
        if known is None:
            return None
        if target.kind in known.pages:
            return known.pages[target.kind]
        if target.kind == "meeting":
            found = known.meetings.get(target.value)
            if found is None and known.meeting_elsewhere:
                return known.pages.get("archive", known.pages.get("home"))
            return found
        if target.kind == "document":
            return known.documents.get(target.value)
        if target.kind == "attachment":
            return known.attachments.get(target.value) or None
        if target.kind == "file" and known.file_url is not None:
            return known.file_url(target.value)
        return None


@dataclass(frozen=True)
class SiteAddresses:
    """Absolute addresses the outputs link to."""

    site_url: str  # ends with "/"
    site_name: str
    meeting_urls: dict[str, str] = field(default_factory=dict)  # slug -> absolute URL
    attachment_urls: dict[str, str] = field(default_factory=dict)  # file name -> absolute URL
    event_prefix: str = ""  # keeps identifiers apart when several SIGs share a host (the hub)

    def of(self, meeting: Meeting) -> str:
        """Where a meeting is read: its page, or its external address."""
        return meeting.external_url or self.meeting_urls.get(meeting.slug, self.site_url)

    @property
    def host(self) -> str:
        """The site's host name, for identifiers."""
        return self.site_url.split("//", 1)[-1].split("/", 1)[0] or "localhost"
