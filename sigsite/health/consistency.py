"""Whether a group's files agree on who leads it and where its minutes are.

Who leads a group is written in up to five places: `OWNERS` (its approvers), `sig-info.yaml` (its
maintainers), `sig_members.yaml` (its Maintainers), its README (a maintainers section) and the
community's listing (`sigs/sig_info.yaml`, and the table of `sigs/README*.md`). A person is the
same in two places by Gitee account, or by a name that a place giving both ties to an account.
Where the places differ, each says so as a warning with its file and line; likewise when
`sig-info.yaml`'s meeting_url and the README give different addresses for the minutes (worded in
proportion to the files by disagreements.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sigsite.accounts import gitee_account
from sigsite.given import PLACEHOLDER, TEMPLATE_DEFAULT, given
from sigsite.health.disagreements import leaders_differ, notes_links_differ
from sigsite.health.sections import Part, sections_where
from sigsite.hub.model import HubSig
from sigsite.links import urls_in
from sigsite.privacy import withhold_in_data
from sigsite.problems import Problem, Problems
from sigsite.reading import read_text
from sigsite.settings import SIGS_DIR
from sigsite.yaml_source import LocatedDict, items_of, load_yaml

LEADERS = "leaders"
NOTES_LINK = "meeting notes link"
TOPICS = (LEADERS, NOTES_LINK, PLACEHOLDER, TEMPLATE_DEFAULT)  # what the consistency report lists
_LEADER_HEADING = re.compile(r"maintainer|负责人|维护者|chair|组长|leader|owner", re.IGNORECASE)
_NOTES_WORDS = re.compile(
    r"meeting (?:records?|notes|minutes)|minutes|会议纪要|会议记录|例会记录|纪要", re.IGNORECASE
)
_ROW_ACCOUNT = re.compile(r"https?://(?:www\.)?gitee\.com/([A-Za-z0-9][A-Za-z0-9_.-]{0,99})(?=[)\s/|>\]])")
# A list item that is a person, not a sentence: a few words, no colon (`Responsible for: ...`).
_LOOKS_LIKE_A_NAME = re.compile(r"[^:：,，。.;；]{1,40}(?:[(（][^()（）]{1,60}[)）])?")
_FOLDER_NAME = 255  # the longest name of a folder file systems allow


@dataclass(frozen=True)
class Leader:
    """A person a file names as leading the group."""

    account: str | None
    name: str | None


@dataclass(frozen=True)
class Statement:
    """What one file says: its leaders, or its address for the minutes, and where it says it."""

    file: str  # repository path
    line: int | None
    leaders: tuple[Leader, ...] = ()
    notes_link: str | None = None


def _yaml(path: Path, display: str, problems: Problems | None = None) -> Any:
    """The file's data with every e-mail address withheld (its names reach the report). Its own
    problems are reported by the reader that publishes it, or, for a file only this module reads
    (`OWNERS`), as warnings to `problems`."""
    if path.is_symlink():
        if problems is not None:
            problems.warning(display, None, "the file is a symbolic link, which the hub never follows")
        return None
    if path.is_dir():
        if problems is not None:
            problems.warning(display, None, "is a folder where a file belongs, so it is not read")
        return None
    if not path.is_file():
        return None
    found = Problems()
    text = read_text(path, display, found)
    data = load_yaml(text, display, found) if text is not None else None
    if problems is not None:
        for problem in found.items:
            problems.warning(problem.file, problem.line, problem.message, problem.fix, problem.column)
    withhold_in_data(data, frozenset(), display, Problems())
    return data


def _owners(folder: Path, display: str, problems: Problems) -> Statement | None:
    data = _yaml(folder / "OWNERS", f"{display}/OWNERS", problems)
    if not isinstance(data, LocatedDict) or "approvers" not in data:
        return None
    names = [given(a) for a in items_of(data.get("approvers"))]
    return Statement(
        f"{display}/OWNERS", data.line_of("approvers"), tuple(Leader(a, None) for a in names if a)
    )


def _sig_info(folder: Path, display: str) -> list[Statement]:
    data = _yaml(folder / "sig-info.yaml", f"{display}/sig-info.yaml")
    if not isinstance(data, LocatedDict):
        return []
    found = []
    if "maintainers" in data:
        leaders = [
            Leader(given(raw.get("gitee_id")), given(raw.get("name")))
            for raw in items_of(data.get("maintainers"))
            if isinstance(raw, LocatedDict)
        ]
        found.append(Statement(f"{display}/sig-info.yaml", data.line_of("maintainers"), tuple(leaders)))
    pad = data.get("meeting_url")
    if isinstance(pad, str) and given(pad):
        found.append(
            Statement(f"{display}/sig-info.yaml", data.line_of("meeting_url"), notes_link=pad.strip())
        )
    return found


def _members(folder: Path, display: str) -> Statement | None:
    data = _yaml(folder / "sig_members.yaml", f"{display}/sig_members.yaml")
    if not isinstance(data, LocatedDict) or "Maintainers" not in data:
        return None
    leaders = []
    for raw in items_of(data.get("Maintainers")):
        if isinstance(raw, LocatedDict):
            home = given(raw.get("gitee_home"))
            leaders.append(Leader(_account(home) if home else None, given(raw.get("name"))))
    return Statement(f"{display}/sig_members.yaml", data.line_of("Maintainers"), tuple(leaders))


def without_organisation(text: str) -> str:
    """A name without the organisation written after it in brackets: `Ada (Huawei)` -> `Ada`."""
    stripped = text.rstrip()
    opening = max(stripped.rfind("("), stripped.rfind("（"))
    if stripped[-1:] not in ")）" or opening < 0 or any(c in stripped[opening + 1 : -1] for c in "()（）"):
        return text
    return stripped[:opening].rstrip()


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


def _readme(sig: HubSig) -> list[Statement]:
    found = []
    for readme in sig.readmes:
        for part in _leader_sections(readme.text):
            leaders = [
                Leader(item.accounts[0] if len(item.accounts) == 1 else None, without_organisation(item.text))
                for item in part.items
                if item.accounts or _LOOKS_LIKE_A_NAME.fullmatch(item.text)
            ]
            if leaders:
                found.append(Statement(readme.path, part.line + 1, tuple(leaders)))
        for number, line in enumerate(readme.text.splitlines(), start=1):
            if _NOTES_WORDS.search(line):
                found += [Statement(readme.path, number, notes_link=url) for url in urls_in(line)]
    return found


Listing = dict[str, list[Statement]]  # a group's folder under sigs/ -> what the community's lists say


def read_listing_statements(root: Path) -> Listing:
    """What the community's own lists say of every group's leaders, read once per build, by the
    folder each statement names: an entry linking into `sigs/<folder>/`, a table row linking to
    `<folder>/...`."""
    found: Listing = {}
    data = _yaml(root / SIGS_DIR / "sig_info.yaml", f"{SIGS_DIR}/sig_info.yaml")
    entries = data.get("SIG list") if isinstance(data, LocatedDict) else None
    for raw in items_of(entries):
        if (
            isinstance(raw, LocatedDict)
            and isinstance(raw.get("links"), str)
            and given(raw.get("maintainer"))
        ):
            name = without_organisation(str(raw.get("maintainer")))
            said = Statement(f"{SIGS_DIR}/sig_info.yaml", raw.line_of("maintainer"), (Leader(None, name),))
            for folder in _segments_after(str(raw.get("links")), f"/{SIGS_DIR}/"):
                found.setdefault(folder, []).append(said)
    for readme in ("README.md", "README_en.md"):
        path = root / SIGS_DIR / readme
        text = read_text(path, readme, Problems()) if path.is_file() and not path.is_symlink() else None
        for number, line in enumerate((text or "").splitlines(), start=1):
            accounts = _ROW_ACCOUNT.findall(line) if line.lstrip().startswith("|") else []
            if accounts:
                said = Statement(f"{SIGS_DIR}/{readme}", number, tuple(Leader(a, None) for a in accounts))
                for folder in _segments_after(line, "]("):
                    found.setdefault(folder, []).append(said)
    return found


def _segments_after(text: str, marker: str) -> list[str]:
    """Each folder name that follows `marker` in `text` and ends at a `/`, once: the folders a
    link of `text` leads into (`…/sigs/dx/README.md` -> `dx` after `/sigs/`)."""
    segments: dict[str, None] = {}
    at = text.find(marker)
    while at >= 0:
        start = at + len(marker)
        end = text.find("/", start, start + _FOLDER_NAME + 1)  # no further: no name is longer
        if end >= 0:
            segments[text[start:end]] = None
        at = text.find(marker, at + 1)
    return list(segments)


def statements(root: Path, sig: HubSig, listing: Listing, problems: Problems) -> list[Statement]:
    """Everything the group's files and the community's lists say of its leaders and minutes; what
    keeps `OWNERS` from being read is a warning to `problems`."""
    if sig.folder is None:
        return []
    folder, display = root / sig.path, sig.path
    owners = _owners(folder, display, problems)
    found = [s for s in (owners, _members(folder, display)) if s is not None]
    found += _sig_info(folder, display) + _readme(sig)
    if sig.kind == "sig":
        found += listing.get(sig.folder, [])
    return found


def check_consistency(
    root: Path, sig: HubSig, listing: Listing, problems: Problems
) -> tuple[list[Problem], tuple[str, ...]]:
    """The group's disagreements, as warnings (also added to `problems`), and the files that name
    its leaders or its minutes (what was compared)."""
    said = statements(root, sig, listing, problems)
    found = Problems()
    leaders_differ(found, [s for s in said if s.leaders], LEADERS)
    notes_links_differ(found, [s for s in said if s.notes_link], NOTES_LINK)
    problems.items.extend(found.items)
    return found.items, tuple(sorted({s.file for s in said}))
