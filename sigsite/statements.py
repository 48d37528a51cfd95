"""What a group's files say of who leads it and where its minutes are, with the line that says it,
captured by each reader as it reads the file (health/consistency.py compares them and reads none).

Who leads a group is written in up to five places: `OWNERS` (its approvers), `sig-info.yaml` (its
maintainers), `sig_members.yaml` (its Maintainers), its README (a maintainers section) and the
community's listing (`sigs/sig_info.yaml`, and the table of `sigs/README*.md`). A README and
`sig-info.yaml`'s meeting_url also say where the minutes are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from sigsite.accounts import ACCOUNT, gitee_account
from sigsite.given import given
from sigsite.health.sections import Part, sections_where
from sigsite.languages import alternation, words_of
from sigsite.links import urls_in
from sigsite.yaml_source import LocatedDict, LocatedList, items_of

_LEADER_HEADING = re.compile(alternation(words_of("leader_headings")), re.IGNORECASE)
_CHAIR_WORDS = re.compile(alternation(words_of("chair_words")), re.IGNORECASE)
# A list item marked as its chair in bold after the name (`* Lei Chen (Huawei)  **Chair**`): the
# marks are found with str methods on each line, so a long line costs one pass.
_BOLD = "**"
_NOTES_WORDS = re.compile(alternation(words_of("minutes_words")), re.IGNORECASE)
_ROW_ACCOUNT = re.compile(r"https?://(?:www\.)?gitee\.com/([A-Za-z0-9][A-Za-z0-9_.-]{0,99})(?=[)\s/|>\]])")
# A list item that is a person, not a sentence: a few words, no colon (`Responsible for: ...`).
_LOOKS_LIKE_A_NAME = re.compile(r"[^:：,，。.;；]{1,40}(?:[(（][^()（）]{1,60}[)）])?")
_FOLDER_NAME = 255  # the longest name of a folder file systems allow


# The places that may name a group's leaders, most authoritative first (the order openEuler's
# sig/README.md states, and MindSpore's files, made by the same tool, follow).
OWNERS, SIG_INFO, MEMBERS, README, LISTING = "OWNERS", "sig-info", "members", "README", "listing"
PLACES = (OWNERS, SIG_INFO, MEMBERS, README, LISTING)
# What a place names: the group's maintainers, or its chairs and leads (who are among them).
MAINTAINERS, LEADS = "maintainers", "leads"


@dataclass(frozen=True)
class Leader:
    """A person a file names as leading the group."""

    account: str | None  # the person's Gitee account, when the file gives one
    name: str | None  # the person's name, when the file gives one
    line: int | None = None  # the line that names them, when known


@dataclass(frozen=True)
class Statement:
    """What one file says: its leaders, or its address for the minutes, and where it says it."""

    file: str  # repository path (folder-relative until the hub's loader names it from the root)
    line: int | None
    leaders: tuple[Leader, ...] = ()
    notes_link: str | None = None
    place: str = README  # one of PLACES
    role: str = MAINTAINERS  # what its leaders are: MAINTAINERS or LEADS

    @property
    def complete(self) -> bool:
        """True when it claims to list everyone of its role: the community's listing names a group's
        lead in a line, and is no complete list."""
        return self.place != LISTING


OWNERS_KEYS = ("approvers", "maintainers")  # the key of an OWNERS file's leaders, the first found


def owners_statement(data: Any, display: str) -> tuple[Statement | None, list[tuple[str, int]]]:
    """The approvers of an `OWNERS` file (MindSpore's `approvers`, openEuler's `maintainers`), and
    each that is no account's name, with its line: it names nobody (`..` or `a/b` would make a
    person's address lead elsewhere)."""
    key = next((k for k in OWNERS_KEYS if isinstance(data, LocatedDict) and k in data), None)
    if key is None:
        return None, []
    # An account is text (or a number); a list or mapping in its place names nobody.
    approvers = data.get(key)
    listed = approvers if isinstance(approvers, LocatedList) else None
    leaders, not_accounts = [], []
    for index, raw in enumerate(items_of(approvers)):
        line = listed.line_of(index) if listed is not None else data.line_of(key)
        name = None if isinstance(raw, list | dict) else given(raw)
        if name and ACCOUNT.fullmatch(name):
            leaders.append(Leader(name, None, line))
        elif name:
            not_accounts.append((name, line))
    return Statement(display, data.line_of(key), tuple(leaders), place=OWNERS), not_accounts


def sig_info_statements(data: Any, display: str) -> tuple[Statement, ...]:
    """The maintainers and the meeting_url of a `sig-info.yaml`."""
    if not isinstance(data, LocatedDict):
        return ()
    found = []
    if "maintainers" in data:
        leaders = [
            Leader(_valid(given(raw.get("gitee_id"))), given(raw.get("name")), raw.line)
            for raw in items_of(data.get("maintainers"))
            if isinstance(raw, LocatedDict)
        ]
        found.append(Statement(display, data.line_of("maintainers"), tuple(leaders), place=SIG_INFO))
    pad = data.get("meeting_url")
    if isinstance(pad, str) and given(pad):
        found.append(Statement(display, data.line_of("meeting_url"), notes_link=pad.strip(), place=SIG_INFO))
    return tuple(found)


def members_statement(data: Any, display: str) -> Statement | None:
    """The Maintainers of a `sig_members.yaml`."""
    if not isinstance(data, LocatedDict) or "Maintainers" not in data:
        return None
    leaders = []
    for raw in items_of(data.get("Maintainers")):
        if isinstance(raw, LocatedDict):
            home = given(raw.get("gitee_home"))
            leaders.append(Leader(_account(home) if home else None, given(raw.get("name")), raw.line))
    return Statement(display, data.line_of("Maintainers"), tuple(leaders), place=MEMBERS)


def without_organisation(text: str) -> str:
    """A name without the organisation written after it in brackets: `Ada (Huawei)` -> `Ada`."""
    stripped = text.rstrip()
    opening = max(stripped.rfind("("), stripped.rfind("（"))
    if stripped[-1:] not in ")）" or opening < 0 or any(c in stripped[opening + 1 : -1] for c in "()（）"):
        return text
    return stripped[:opening].rstrip()


def _valid(account: str | None) -> str | None:
    """`account` when it can be an account's name; None for anything else (the roster's reader,
    members.py, warns of it at the same line)."""
    return account if account and ACCOUNT.fullmatch(account) else None


def _account(url: str) -> str | None:
    try:
        return gitee_account(url)
    except ValueError:
        return None


def _leader_sections(text: str) -> list[Part]:
    """The sections of a README whose heading names its leaders; a README whose text never names
    them is not parsed."""
    if not _LEADER_HEADING.search(text):
        return []
    return sections_where(text, lambda key: bool(_LEADER_HEADING.search(key)))


def readme_statements(path: str, text: str) -> tuple[Statement, ...]:
    """A group's README: the items (or the one-line paragraphs) of its leaders' sections, the list
    items it marks as its chairs (`**Chair**`), and each address on a line that speaks of minutes."""
    found = []
    for part in _leader_sections(text):
        leaders = [
            Leader(
                item.account,
                without_organisation(item.name),
                item.line + 1,
            )
            for item in part.items
            if item.accounts or _LOOKS_LIKE_A_NAME.fullmatch(item.text)
        ]
        if not part.items:  # `## WG Leads` over a paragraph: `YUNG MANHONG (SUSTech)`
            leaders = [
                Leader(None, without_organisation(p), None)
                for p in part.prose
                if _LOOKS_LIKE_A_NAME.fullmatch(p)
            ]
        if leaders:
            role = LEADS if _CHAIR_WORDS.search(part.title) else MAINTAINERS
            found.append(Statement(path, part.line + 1, tuple(leaders), place=README, role=role))
    chairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _NOTES_WORDS.search(line):
            found += [Statement(path, number, notes_link=url, place=README) for url in urls_in(line)]
        if line.rstrip().endswith(_BOLD) and line.lstrip()[:2] in {"* ", "- ", "+ "}:
            chair = _marked_chair(line.strip()[2:])
            if chair:
                chairs.append(Leader(None, chair, number))
    if chairs:
        found.append(Statement(path, chairs[0].line, tuple(chairs), place=README, role=LEADS))
    return tuple(found)


def _marked_chair(item: str) -> str | None:
    """The name of a list item that ends in a bold chair word (`Lei Chen (Huawei) **Chair**`)."""
    opening = item.rfind(_BOLD, 0, len(item) - len(_BOLD))
    mark = item[opening + len(_BOLD) : -len(_BOLD)].strip() if opening > 0 else ""
    if not mark or not _CHAIR_WORDS.fullmatch(mark):
        return None
    name = without_organisation(item[:opening].strip())
    return name if _LOOKS_LIKE_A_NAME.fullmatch(name) else None


Listing = dict[str, list[Statement]]  # a listed group's folder name (`dx`) -> what the community's lists say


def listing_entry_statements(entries: Any, display: str, groups_dir: str, found: Listing) -> None:
    """What a listing's entries say of each group's leaders, added to `found` by the folder each
    entry's link leads into (`…/<groups_dir>/<folder>/…`)."""
    for raw in items_of(entries):
        links = raw.get("links") if isinstance(raw, LocatedDict) else None
        if isinstance(raw, LocatedDict) and isinstance(links, str) and given(raw.get("maintainer")):
            name = without_organisation(str(raw.get("maintainer")))
            line = raw.line_of("maintainer")
            said = Statement(display, line, (Leader(None, name, line),), place=LISTING, role=LEADS)
            for folder in _segments_after(links, f"/{groups_dir}/"):
                found.setdefault(folder, []).append(said)


def table_statements(path: str, text: str, found: Listing) -> None:
    """What the rows of the community README's table say of each group's leaders (the accounts a
    row links), added to `found` by the folder each row links to (`](<folder>/…`)."""
    for number, line in enumerate(text.splitlines(), start=1):
        accounts = _ROW_ACCOUNT.findall(line) if line.lstrip().startswith("|") else []
        if accounts:
            leaders = tuple(Leader(a, None, number) for a in accounts)
            said = Statement(path, number, leaders, place=LISTING, role=LEADS)
            for folder in _segments_after(line, "]("):
                found.setdefault(folder, []).append(said)


def _segments_after(text: str, marker: str) -> list[str]:
    """Each folder name that follows `marker` in `text` and ends at a `/`, once: the folders a
    link of `text` leads into (`…/sigs/dx/README.md` -> `dx` after `/sigs/`)."""
    segments: dict[str, None] = {}
    at = text.find(marker)
    while at >= 0:
        start = at + len(marker)
        end = text.find("/", start, start + _FOLDER_NAME + 1)  # no further: no name is longer
        if end >= 0:  # as the folder is named: `Vision%20(CV)%20Suite%20SIG` is `Vision (CV) Suite SIG`
            segments[unquote(text[start:end])] = None
        at = text.find(marker, at + 1)
    return list(segments)
