"""The community's own lists of its SIGs (`sigs/sig_info.yaml`, one per language): each SIG's name,
link, introduction and maintainer as the community lists it. Only ever warnings: the community's
files are taken as they are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sigsite.given import given
from sigsite.layout import Layout
from sigsite.links import is_web_url
from sigsite.names import name_as_text
from sigsite.privacy import withhold_in_data
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.statements import Listing, listing_entry_statements
from sigsite.yaml_source import LocatedDict, LocatedList, items_of, load_yaml


@dataclass(frozen=True)
class Listed:
    """An entry of `sigs/sig_info.yaml`: a SIG as the community lists it."""

    name: str
    link: str | None
    introduction: str | None
    maintainer: str | None
    folder: str | None = None  # the group's folder its link points to, in the community repository


def _folder_of(link: str | None, groups_dir: str) -> str | None:
    """The folder in `groups_dir` (`sigs`) that a link points to, if it points into one."""
    if not link:
        return None
    try:
        parts = [unquote(p) for p in urlsplit(link).path.split("/")]
    except ValueError:  # a malformed IPv6 host, for one: no address of a folder
        return None
    if groups_dir in parts and parts.index(groups_dir) + 1 < len(parts):
        return parts[parts.index(groups_dir) + 1] or None
    return None


def read_listing(
    path: Path,
    display: str,
    layout: Layout,
    public: frozenset[str],
    problems: Problems,
    said: Listing | None = None,
) -> list[Listed]:
    """The entries of a community listing; what they say of each group's leaders added to `said`.
    One entry's fault stays with that entry: when the file does not parse as a whole, its entries
    are read one by one and those that parse are kept (each group then shows from its own files
    what its entry would have said)."""
    if not path.exists() and not path.is_symlink():
        return []
    text = read_text(path, display, problems)
    if text is None:
        return []
    data = load_yaml(text, display, problems)
    entries = data.get(layout.listing_key) if isinstance(data, LocatedDict) else None
    if data is None:
        entries = _one_by_one(text, display, problems)
    withhold_in_data(entries, public, display, problems)
    if said is not None:
        listing_entry_statements(entries, display, layout.listed_kind.folder, said)
    listed: list[Listed] = []
    linked: dict[str, int] = {}  # the group an entry links to -> the line of the first entry
    for raw in items_of(entries):
        written = given(raw.get("name")) if isinstance(raw, LocatedDict) else None
        name = name_as_text(written, display, raw.line_of("name"), problems) if written else None
        if not isinstance(raw, LocatedDict) or not name:
            continue
        given_link = given(raw.get("links"))
        link = given_link if given_link and is_web_url(given_link) else None
        entry = Listed(
            name=name,
            link=link,
            introduction=_text(raw.get("introduction")),
            maintainer=_text(raw.get("maintainer")),
            folder=_folder_of(link, layout.listed_kind.folder),
        )
        group = entry.folder or entry.link
        if group and group in linked:
            problems.warning(
                display,
                raw.line,
                f"this entry names the group that the entry on line {linked[group]} names; the hub "
                "shows what the last of them says",
                "keep one entry per group",
            )
        elif group:
            linked[group] = raw.line
        listed.append(entry)
    return listed


_ITEM = re.compile(r"([ \t]*)- ")  # a line that starts an item of a YAML list


def _one_by_one(text: str, display: str, problems: Problems) -> LocatedList:
    """The entries of a listing that does not parse as a whole, each parsed alone: the lines from one
    `- ` at the first item's indentation to the next. What does not parse is left out (the file's
    error already says where)."""
    lines = text.split("\n")
    items = [(number, match[1]) for number, line in enumerate(lines) if (match := _ITEM.match(line))]
    starts = [number for number, indent in items if indent == items[0][1]]
    entries = LocatedList()
    entries.line, entries.item_lines = 1, []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        quiet = Problems()  # the whole file's error is reported; an entry's own would repeat it
        chunk = load_yaml("\n".join(lines[start:end]), display, quiet, first_line=start + 1)
        if isinstance(chunk, list) and len(chunk) == 1 and isinstance(chunk[0], LocatedDict):
            entries.append(chunk[0])
            entries.item_lines.append(start + 1)
    problems.warning(
        display,
        None,
        f"the file does not parse as a whole: its entries were read one by one, {len(entries)} of "
        f"{len(starts)} of them",
        "fix the error above; the entries that did not parse are left out",
    )
    return entries


def _text(value: Any) -> str | None:
    return given(value) if isinstance(value, str) else None
