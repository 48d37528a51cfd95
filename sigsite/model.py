"""A group as data (a SIG, a working group, the TSC): immutable records built by the loaders and
read by every renderer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from sigsite.languages import DEFAULT, named_by_every_language
from sigsite.markup.anchors import Anchors, Outbound
from sigsite.statements import Statement

# Roles in order of responsibility; the keys are the list names of sig_members.yaml.
ROLE_KEYS: dict[str, str] = {
    "Maintainers": "Maintainer",
    "Committers": "Committer",
    "Reviewers": "Reviewer",
    "Contributors": "Contributor",
    "Members": "Member",
}
# Every role, most responsible first; mentors come only from sig-info.yaml.
ROLES: tuple[str, ...] = (
    "Maintainer",
    "Mentor",
    "Admin",
    "Security contact",
    "Committer",
    "Reviewer",
    "Contributor",
    "Member",
)

# The sections of the SIG's note template, under each name the notes use in any language.
SECTION_NAMES: dict[str, str] = {
    name: key for key, names in named_by_every_language("note_sections").items() for name in names
}


def section_key(heading: str) -> str:
    """`agenda` for `Agenda` and its name in every language; other headings in lower case."""
    text = heading.strip().lower()
    return SECTION_NAMES.get(text, text)


@dataclass(frozen=True)
class Source:
    """An entry of a file that names a person: where, in which role, and how it writes them."""

    file: str  # folder-relative until the hub's loader names it from the root
    line: int
    role: str
    name: str
    binds: bool  # the entry gives the person's account and their name together


@dataclass(frozen=True)
class Person:
    """A member of the group, once, with every role they hold."""

    key: str  # identity: the Gitee account in lower case, else the name
    name: str
    roles: tuple[str, ...]
    gitee_id: str | None = None
    gitee_home: str | None = None  # e-mail addresses are never loaded: nothing can publish them
    interests: str | None = None
    organization: str | None = None
    other_accounts: tuple[str, ...] = ()  # the same person's accounts on another forge (AtomGit)
    sources: tuple[Source, ...] = ()  # every entry that names them

    @property
    def initials(self) -> str:
        """Up to two letters for the generated avatar."""
        words = [w for w in self.name.replace(".", " ").split() if w[:1].isalnum()]
        if len(words) >= 2 and words[0].lower() not in {"mr", "mrs", "ms", "miss", "dr", "prof"}:
            return (words[0][0] + words[1][0]).upper()
        last = words[-1] if words else self.name
        return last[:2].upper() if last.isascii() else last[:1]


@dataclass(frozen=True)
class Repository:
    """A code repository the group looks after."""

    name: str
    url: str  # empty when the name is not a repository's
    committers: tuple[str, ...] = ()  # person keys
    admins: tuple[str, ...] = ()  # person keys: its `repo_admin`s
    description: str = ""  # as the repository's own file gives it (hub/repository_files.py)
    listed: bool = True  # False for one only a file of its own describes, not sig-info.yaml


@dataclass(frozen=True)
class NoteSection:
    """One `## Heading` of a meeting note and the Markdown below it."""

    title: str
    body: str

    @property
    def key(self) -> str:
        """The section's name in the template (`agenda` for its name in any language), for looking
        sections up."""
        return section_key(self.title)


@dataclass(frozen=True)
class Heading:
    """A heading of committed Markdown as rendered, with the headings below it."""

    level: int
    id: str  # in the content's namespace: user-content-...
    text: str  # plain text
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class Rendered:
    """What a committed Markdown file (a note, a README) puts on a page, rendered by sigsite.markup."""

    html: str = ""  # sanitized; links to the site's own pages are references (markup/references.py)
    search_html: str = ""  # its headings and the text of each block, for the search index
    headings: tuple[Heading, ...] = ()  # nested: the page's table of contents
    anchors: Anchors = field(default_factory=Anchors)  # what a link's fragment can name in it
    outbound: tuple[Outbound, ...] = ()  # its links to other files' headings, until settled


@dataclass(frozen=True)
class Meeting:
    """One meeting of the group: a note in `meetings/`, a record found elsewhere in its folder, or an
    external session."""

    source: str  # file name inside meetings/
    slug: str  # address of its page: meetings/<slug>/
    title: str
    date: date | None
    start: datetime | None  # aware, in `timezone`; None when the note gives no time
    timezone: str
    duration_minutes: int = 60
    sequence: int | None = None
    body: str = ""  # the note's Markdown without front matter and H1
    rendered: Rendered = field(default_factory=Rendered)  # the body, as its page shows it
    sections: tuple[NoteSection, ...] = ()
    language: str = DEFAULT
    video: str | None = None
    slides: str | None = None
    external_url: str | None = None
    conference_links: tuple[str, ...] = ()
    # From front matter; else, without an agenda (whose first items the archive shows), its topic
    # line or first sentence of its own (summaries.py).
    summary: str = ""
    path: str = ""  # a record found outside meetings/: its path in its group's folder (the hub's)
    # Where its start was taken from when it states none: its README's `path:line` (meeting_times.py)
    time_from: str = ""

    @property
    def source_path(self) -> str:
        """Its file's path in its group's folder: `meetings/001-20200604.md`, `docs/x/README.md`."""
        return self.path or f"meetings/{self.source}"

    def section(self, key: str) -> NoteSection | None:
        """The section whose heading is `key` (case-insensitive), if any."""
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def is_external(self) -> bool:
        """True for sessions that live elsewhere (a recording, an announcement)."""
        return self.external_url is not None

    @cached_property  # read by the page, its year, the archive, the feeds and the JSON
    def agenda_items(self) -> tuple[str, ...]:
        """The top-level list items of the agenda, as plain text."""
        agenda = self.section("agenda")
        return list_items(agenda.body) if agenda else ()


@dataclass(frozen=True)
class Attachment:
    """A file in `meetings/` that is not a note (slides, PDFs): published as it is."""

    source: str
    size: int
    date: date | None = None


@dataclass(frozen=True)
class SigFacts:
    """What the group's files say of the group itself (`sig-info.yaml`, its README's channels);
    None where they say nothing (or `NA`)."""

    name: str | None = None  # as plain text (names.py)
    names: dict[str, str] = field(default_factory=dict)  # language code -> name_<language> (name_en)
    description: str | None = None  # as written (inline Markdown), often Chinese
    descriptions: dict[str, str] = field(default_factory=dict)  # language code -> description_en, ...
    created_on: date | None = None
    mature_level: str | None = None  # startup, incubation, mature, ...
    mailing_list: str | None = None  # an address to write to, or the list's web page
    channels: tuple[str, ...] = ()  # keys of CHANNELS the group's own text names


@dataclass(frozen=True)
class Description:
    """What a group is about, in one language, as one of its files says it."""

    language: str  # a code of languages.py: the one its field names (description_en), else its text's
    text: str  # as written: inline Markdown (sig-info.yaml, the listing) or plain (a README's paragraph)
    html: str  # as a page shows it: rendered and sanitized (markup/inline.py), or the plain text escaped
    plain: str  # the text the HTML shows, on one line (a page's description, search, JSON)


@dataclass(frozen=True)
class Contact:
    """A way to reach a group that one of its files gives, and the line that gives it: a mailing
    list, an e-mail address, a channel (WeChat, Slack...), the maintainers' addresses, a meeting pad.
    A personal address is never held here: it is `withheld`, and the hub links to its line on the
    forge, where its author put it."""

    kind: str  # a key of contacts.CONTACT_KINDS, or of channels.CHANNELS
    file: str  # the file that gives it (folder-relative until the hub's loader names it from the root)
    line: int | None
    address: str | None = None  # shown and linked: a public e-mail address, or a web address
    withheld: bool = False  # an address is there, personal: the file's line is the way to it


ACTIVE_DAYS = 365  # what counts as recent: the 12 months before the build


@dataclass(frozen=True)
class Readme:
    """A README of a group's folder: its language, its path in the repository, its Markdown."""

    language: str  # a code of languages.py
    path: str  # repository-relative, e.g. "sigs/security/README_en.md"
    text: str  # personal e-mail addresses already withheld
    rendered: Rendered = field(default_factory=Rendered)  # as the hub shows it (hub.loader)


@dataclass(frozen=True)
class Document:
    """A Markdown file of a group that is neither its README, a record nor a template: a guide, a
    governance text, a research topic. It gets a page of its own, linked from the group's."""

    path: str  # folder-relative, e.g. "docs/SIG Governance.md"
    slug: str  # its page's segment below the group's documents/
    title: str  # its first heading, else its file name
    language: str
    text: str  # personal e-mail addresses already withheld; its title line left blank
    rendered: Rendered = field(default_factory=Rendered)  # as the hub shows it (hub.rendering)


@dataclass(frozen=True)
class Named:
    """A person as one place names them as leading a group."""

    name: str  # as written there (`@account` where it gives an account alone)
    key: str | None  # the person (identity/resolve.py)
    file: str
    line: int | None
    lead: bool = False  # named as a chair or lead, not as a maintainer


@dataclass(frozen=True)
class Leadership:
    """Who leads a group (identity/leaders.py): the people its most authoritative place names, in
    the role that place names them, and who else its other places name as leading it."""

    role: str  # statements.MAINTAINERS or statements.LEADS
    leaders: tuple[Named, ...]
    also: tuple[Named, ...] = ()

    @property
    def source(self) -> str:
        """The file that names the leaders."""
        return self.leaders[0].file if self.leaders else ""


@dataclass(frozen=True)
class Group:
    """One group of any kind, on either site: what its files say (its people, repositories,
    meetings, facts, READMEs, documents), and where it is. A SIG's own site is the community of its
    one group, at the root; on the hub, a folder of the community repository, or an entry of its
    listing hosted elsewhere."""

    id: str = ""  # its id on the hub (sigs.json, the calendars); unique among the community's groups
    folder: str | None = "."  # the folder's name (under sigs/ for a SIG); None when hosted elsewhere
    name: str = ""
    introduction: dict[str, str] = field(default_factory=dict)  # locale -> one line (the other's else)
    # Every description its files give, in order of precedence: its own sig-info.yaml (a field of
    # the language, then the one whose text is in it), the community's listing, its README's first
    # paragraph. The first in a language is its introduction there (the plain text of `introduction`).
    descriptions: tuple[Description, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # locale -> its own files' name in it (name_en)
    maintainers: tuple[str, ...] = ()  # names, most responsible first: its leaders' (`leadership`)
    leadership: Leadership | None = None  # None until identities are resolved, or when no file names any
    people: tuple[Person, ...] = ()
    repositories: tuple[Repository, ...] = ()
    meetings: tuple[Meeting, ...] = ()  # oldest first
    attachments: tuple[Attachment, ...] = ()
    withheld_attachments: tuple[str, ...] = ()  # files of meetings/ left out for what they hold
    meeting_pad: str | None = None  # the meeting_url of sig-info.yaml: the SIG's shared meeting pad
    facts: SigFacts = field(default_factory=SigFacts)
    readmes: tuple[Readme, ...] = ()
    published_files: tuple[str, ...] = ()  # folder-relative paths of inert files its texts use
    external_url: str | None = None  # where a SIG hosted elsewhere lives
    kind: str = ""  # the key of its kind in the community's layout (layout.py): "sig", "wg", "tsc"
    path: str = ""  # its folder in the repository (`sigs/dx`, `tsc`); "" when it is hosted elsewhere
    prefix: str = ""  # the folder of its pages on the hub: `sigs/dx/`, `working-groups/quantum/`, `tsc/`
    last_change: date | None = None  # its folder's last change but housekeeping (history.py), when known
    documents: tuple[Document, ...] = ()  # by path, numbers in it as numbers (Topic2 before Topic10)
    embedded_files: tuple[tuple[str, bytes], ...] = ()  # images its texts embed, published as files
    image_copies: tuple[tuple[str, bytes], ...] = ()  # smaller copies of its heavy images (responsive.py)
    withheld_files: tuple[str, ...] = ()  # folder-relative paths of files its texts use, left out
    # for what they hold (an address, or what cannot be looked into): links lead to their folder
    # What its own files and the community's lists say of its leaders and minutes, line by line
    # (consistency.py compares them).
    statements: tuple[Statement, ...] = ()
    contacts: tuple[Contact, ...] = ()  # the ways to reach it its files give, file by file (contacts.py)

    def people_with_role(self, role: str) -> tuple[Person, ...]:
        """The people who hold `role`."""
        return tuple(p for p in self.people if role in p.roles)

    @property
    def is_external(self) -> bool:
        """True for a SIG listed by the community but kept in another repository."""
        return self.folder is None

    @property
    def lists_people(self) -> bool:
        """True when its files list people or repositories: then it has a members page."""
        return bool(self.people or self.repositories)

    @property
    def has_records(self) -> bool:
        """True when it has meetings or sessions: then it has an archive, a calendar and a feed."""
        return bool(self.meetings)

    def readme(self, locale: str) -> Readme | None:
        """The README in `locale`, else the first in another language, else None."""
        exact = [r for r in self.readmes if r.language == locale]
        candidates = exact or list(self.readmes)
        return candidates[0] if candidates else None

    def intro(self, locale: str) -> str:
        """The one-line introduction in `locale`, else the first in another language."""
        return self.introduction.get(locale) or next(iter(self.introduction.values()), "")

    def description(self, locale: str) -> Description | None:
        """The description shown in `locale`: the first in it, else the first in another language
        (whose `language` then says so)."""
        shown = locale if locale in self.introduction else next(iter(self.introduction), None)
        return next((d for d in self.descriptions if d.language == shown), None)

    def name_in(self, locale: str) -> str:
        """Its name in `locale` where its own files give one (`name_en`), else its name."""
        return self.names.get(locale) or self.name

    @property
    def dated_meetings(self) -> tuple[Meeting, ...]:
        """Meetings with a date, oldest first."""
        return tuple(m for m in self.meetings if m.date is not None)

    def last_meeting(self, today: date) -> Meeting | None:
        """The latest meeting before `today`."""
        past = [m for m in self.dated_meetings if m.date is not None and m.date < today]
        return past[-1] if past else None

    def next_meeting(self, today: date) -> Meeting | None:
        """The first meeting on or after `today`."""
        return next((m for m in self.dated_meetings if m.date is not None and m.date >= today), None)

    def is_active(self, today: date) -> bool:
        """True when something is dated in the 12 months before `today` (a meeting or session, a
        change to its folder) or a meeting is coming."""
        if self.next_meeting(today) is not None:
            return True
        last = self.last_meeting(today)
        dates = [d for d in (last.date if last else None, self.last_change) if d is not None]
        return any((today - d).days <= ACTIVE_DAYS for d in dates)

    def recorded_recently(self, today: date) -> bool:
        """True when a meeting or session before `today` is recorded in the 12 months before it; a
        change to its files alone never makes it so."""
        last = self.last_meeting(today)
        return last is not None and last.date is not None and (today - last.date).days <= ACTIVE_DAYS

    def meetings_per_year(self) -> dict[int, int]:
        """Year -> number of meetings, every year from the first to the last meeting."""
        years = Counter(m.date.year for m in self.dated_meetings if m.date is not None)
        if not years:
            return {}
        return {year: years[year] for year in range(min(years), max(years) + 1)}


def list_items(markdown: str) -> tuple[str, ...]:
    """The text of the top-level list items of a Markdown fragment."""
    items = []
    for line in markdown.splitlines():
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if indent < 2 and stripped[:2] in {"- ", "* ", "+ "}:
            text = stripped[2:].strip()
            if text:
                items.append(text)
    return tuple(items)
