"""The community as data: every SIG folder of `sigs/`, the SIGs listed but hosted elsewhere, and the
community's own introduction. Frozen records, built by `hub.loader`, read by every renderer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sigsite.hub.history import History
from sigsite.layout import MINDSPORE, Layout
from sigsite.model import Meeting, Rendered, SigData
from sigsite.problems import Problem
from sigsite.statements import Statement

ACTIVE_DAYS = 365  # what counts as recent: the 12 months before the build


@dataclass(frozen=True)
class Readme:
    """A README of a SIG folder: its language, its path in the repository, its Markdown."""

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
class Group:
    """One SIG of the hub: a folder of `sigs/`, or an entry of `sig_info.yaml` hosted elsewhere."""

    id: str  # the segment of its address, /sigs/<id>/; unique among all the community's groups
    folder: str | None  # the folder's name (under sigs/ for a SIG); None when it is hosted elsewhere
    name: str
    introduction: dict[str, str]  # locale -> one line; missing locales fall back to the other
    maintainers: tuple[str, ...]  # names, most responsible first
    data: SigData = field(default_factory=SigData)
    readmes: tuple[Readme, ...] = ()
    published_files: tuple[str, ...] = ()  # folder-relative paths of inert files its texts use
    external_url: str | None = None  # where a SIG hosted elsewhere lives
    kind: str = ""  # the key of its kind in the community's layout (layout.py): "sig", "wg", "tsc"
    path: str = ""  # its folder in the repository (`sigs/dx`, `tsc`); "" when it is hosted elsewhere
    prefix: str = ""  # the folder of its pages on the hub: `sigs/dx/`, `working-groups/quantum/`, `tsc/`
    last_change: date | None = None  # its folder's last change but housekeeping (history.py), when known
    documents: tuple[Document, ...] = ()  # by path, numbers in it as numbers (Topic2 before Topic10)
    embedded_files: tuple[tuple[str, bytes], ...] = ()  # images its texts embed, published as files
    withheld_files: tuple[str, ...] = ()  # folder-relative paths of files its texts use, left out
    # for what they hold (an address, or what cannot be looked into): links lead to their folder
    # What its own files and the community's lists say of its leaders and minutes, line by line.
    statements: tuple[Statement, ...] = ()

    @property
    def is_external(self) -> bool:
        """True for a SIG listed by the community but kept in another repository."""
        return self.folder is None

    @property
    def lists_people(self) -> bool:
        """True when its files list people or repositories: then it has a members page."""
        return bool(self.data.people or self.data.repositories)

    @property
    def has_records(self) -> bool:
        """True when it has meetings or sessions: then it has an archive, a calendar and a feed."""
        return bool(self.data.meetings)

    def readme(self, locale: str) -> Readme | None:
        """The README in `locale`, else the one in the other language, else None."""
        exact = [r for r in self.readmes if r.language == locale]
        candidates = exact or list(self.readmes)
        return candidates[0] if candidates else None

    def intro(self, locale: str) -> str:
        """The one-line introduction in `locale`, else in the other language."""
        return self.introduction.get(locale) or next(iter(self.introduction.values()), "")

    @property
    def dated_meetings(self) -> tuple[Meeting, ...]:
        """Meetings with a date, oldest first."""
        return tuple(m for m in self.data.meetings if m.date is not None)

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


@dataclass(frozen=True)
class Community:
    """Everything the hub shows."""

    introduction: tuple[Readme, ...] = ()  # the community's README(s), first section only
    sigs: tuple[Group, ...] = ()  # folders first, by name; then SIGs hosted elsewhere
    history: History = field(default_factory=History)  # what the checkout's Git history says
    layout: Layout = MINDSPORE  # how its repository keeps its groups
    # Errors of the files the hub shows around (a dropped byte, a file or folder left out), by file:
    # `sigsite check --community` fails on each; the hub names them on the group's page and /health/.
    faults: tuple[Problem, ...] = ()

    @cached_property
    def _faults_by_folder(self) -> dict[str, tuple[Problem, ...]]:
        """The faults by each folder a group's folder may be (`tsc`, `sigs/dx`): looked up, not searched."""
        found: dict[str, list[Problem]] = {}
        for fault in self.faults:
            for folder in dict.fromkeys(_folders_of(fault.file)):
                found.setdefault(folder, []).append(fault)
        return {folder: tuple(faults) for folder, faults in found.items()}

    def faults_of(self, sig: Group) -> tuple[Problem, ...]:
        """The faults in a group's own folder."""
        return self._faults_by_folder.get(sig.path, ()) if sig.folder is not None else ()

    @property
    def faults_elsewhere(self) -> tuple[Problem, ...]:
        """The faults of no group shown: the community's own files, and folders left out whole."""
        shown = {s.path for s in self.folders}
        return tuple(p for p in self.faults if not shown.intersection(_folders_of(p.file)))

    def sig(self, sig_id: str) -> Group:
        """The SIG of an id."""
        return next(s for s in self.sigs if s.id == sig_id)

    @property
    def folders(self) -> tuple[Group, ...]:
        """The SIGs that have a folder in this repository (and so pages on the hub)."""
        return tuple(s for s in self.sigs if not s.is_external)


def _folders_of(file: str) -> tuple[str, str]:
    """The two folders a group's folder may be of a file in it: `tsc`, `sigs/dx` of `sigs/dx/a.md`."""
    parts = file.split("/")
    return parts[0], "/".join(parts[:2])
