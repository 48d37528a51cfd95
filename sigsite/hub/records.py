"""The dated records a group keeps outside `meetings/`, and the rest of its Markdown documents.

A Markdown file whose path carries a date (`docs/tech-sessions/20241130/README_CN.md`,
`meeting-notes/2020/2020-06-18.md`, `docs/2021_0831_SIG_meeting_record.md`) and which reads as a
meeting or session record (a word of RECORD_WORDS in its path or its first heading) is a record:
a meeting with a page, in the group's archive, calendar, feed and JSON. A file of the folder whose
name gives the same date (`slides/2020/MindSpore-TSC-Meeting-Jun-18.pdf`) is its slides. A dated
file that does not read as a record is said to be a document, with a warning; every other Markdown
file but the README and templates is a document. Dates in a README's lists that link to the web
(`* [2022-3-15 meeting forecast](https://…)`) are sessions held elsewhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath

from sigsite.addresses import UniqueSegments
from sigsite.hub.documents import read_committed, title_and_body
from sigsite.languages import alternation, detect_language, keyword, language_of_name, words_of
from sigsite.layout import MINDSPORE
from sigsite.model import Meeting, Readme
from sigsite.privacy import PublishableNames, masked, refuse_address_in_file
from sigsite.problems import FILE_LEFT_OUT, Problems, printable
from sigsite.settings import MEETINGS_DIR

RECORD_WORDS = re.compile(alternation(words_of("record_words")), re.IGNORECASE)
# A template by its name: `meeting-template.md`, `sig-template`, and the word of a language written
# without spaces anywhere in the name; not `TemplateMatching.md`.
TEMPLATE = re.compile(
    "|".join(
        rf"(?:^|[-_. ]){re.escape(word)}(?:$|[-_. ])" if word.isascii() else re.escape(word)
        for word in words_of("template_words")
    ),
    re.IGNORECASE,
)
MARKDOWN = frozenset({".md", ".markdown"})
SLIDES = frozenset({".pdf", ".ppt", ".pptx", ".odp", ".key"})  # a record's slides; images are its own
_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_WRITTEN_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:[-./]|\s*年\s*)(\d{1,2})(?:[-./]|\s*月\s*)(\d{1,2})(?!\d)"
)
_MONTH_DAY = re.compile(
    r"(?<![A-Za-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_ ]?(\d{1,2})(?!\d)",
    re.IGNORECASE,
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A list item linking to the web, on one line (`^\s*` would run on over blank lines from every one).
_WEB_ITEM = re.compile(
    r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\[\]\n]+)\]\((https?://[^()\s]+)\)", re.MULTILINE
)


def _valid(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_in(text: str) -> date | None:
    """The first real date written in `text`: `20241130`, `2020-06-18`, `2021_0831`, `2022-3-15`."""
    for pattern in (_DATE, _WRITTEN_DATE):
        for match in pattern.finditer(text):
            found = _valid(*match.groups())
            if found is not None:
                return found
    return None


def path_date(relative: str) -> date | None:
    """The date a path carries: in its file name, else in the nearest folder's name."""
    path = PurePosixPath(relative)
    for part in (path.stem, *reversed(path.parent.parts)):
        found = date_in(part)
        if found is not None:
            return found
    return None


def file_date(relative: str) -> date | None:
    """The date of a file beside the records: as a path carries one, or a month and day in its name
    with the year in its path (`slides/2020/MindSpore-TSC-Meeting-Jun-18.pdf`)."""
    found = path_date(relative)
    if found is not None:
        return found
    month_day, year = _MONTH_DAY.search(PurePosixPath(relative).stem), _YEAR.search(relative)
    if month_day is None or year is None:
        return None
    return _valid(year[1], str(_MONTHS.index(keyword(month_day[1][:3])) + 1), month_day[2])


@dataclass(frozen=True)
class GroupFiles:
    """What a group's folder holds besides its notes, members and README."""

    records: tuple[Meeting, ...] = ()
    documents: tuple[str, ...] = ()  # folder-relative paths of its other Markdown files
    files: tuple[str, ...] = ()  # inert files that go with the records: their slides
    embedded: tuple[tuple[str, bytes], ...] = ()  # images the records embed, as files (embedded.py)
    texts: tuple[tuple[str, str], ...] = ()  # documents already read (dated, but no record): path, text
    withheld: tuple[str, ...] = ()  # slides left out for what they hold (privacy.refuse_address_in_file)


def _walk(folder: Path, display: str, problems: Problems, skipped: frozenset[str]) -> list[str]:
    """Every file below `folder` as a folder-relative path, in order; no hidden file, nothing in
    `meetings/` (the notes' folder has its own reader) or in the `skipped` folders (read by theirs);
    a symbolic link is never followed, and is an error of its path (`display` names the folder)."""
    found, stack = [], [""]
    while stack:
        relative = stack.pop()
        try:
            entries = sorted(os.scandir(folder / relative), key=lambda e: e.name)
        except OSError:
            continue
        below = []
        for entry in entries:
            path = f"{relative}/{entry.name}" if relative else entry.name
            if entry.name.startswith(".") or path == MEETINGS_DIR or path in skipped:
                continue
            if entry.is_symlink():
                problems.error(
                    masked(f"{display}/{path}"),
                    None,
                    "is a symbolic link, which the hub never follows: it is left out",
                    "commit the file or folder itself instead of a link to it",
                    topic=FILE_LEFT_OUT,
                )
                continue
            if entry.is_dir(follow_symlinks=False):
                below.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(path)
        stack.extend(reversed(below))
    return found


def group_files(
    folder: Path,
    display: str,
    timezone: str,
    public: frozenset[str],
    problems: Problems,
    names: PublishableNames | None = None,
    taken: frozenset[str] = frozenset(),
    readmes: frozenset[str] = MINDSPORE.readme_names,
    skipped: frozenset[str] = frozenset(),
) -> GroupFiles:
    """The records, documents and record files of a group's folder; problems named from `display`.
    A file whose name, or a folder's on the way, may not be published (`names`) is left out; a
    record's address is never one of `taken`, the addresses of the group's notes; `readmes` are
    the names a README has (read by readmes.py); the `skipped` folders have readers of their own
    (the layout's repository folders)."""
    names = names or PublishableNames(display, problems)
    paths = _walk(folder, display, problems, skipped)
    embedded: dict[str, bytes] = {}
    records: list[Meeting] = []
    documents: list[str] = []
    texts: dict[str, str] = {}  # each file is read once: a dated file that is no record keeps its text
    for relative in paths:
        name = PurePosixPath(relative).name
        if (
            PurePosixPath(relative).suffix.lower() not in MARKDOWN
            or relative in readmes
            or TEMPLATE.search(name)
            or not names.allow(relative)
        ):
            continue
        when = path_date(relative)
        if when is None:
            documents.append(relative)
            continue
        text = read_committed(folder, relative, f"{display}/{relative}", public, problems, embedded)
        if text is None:
            continue
        record = _record(relative, text, when, timezone)
        if RECORD_WORDS.search(relative) or RECORD_WORDS.search(record.title):
            records.append(record)
        else:
            problems.warning(
                f"{display}/{relative}",
                None,
                printable(
                    f"the path carries the date {when.isoformat()}, but neither it nor the title reads as "
                    "a meeting or session record; it is published as a document"
                ),
                "name the file or its folder with 'meeting', 'session' or 'minutes' if it records one",
            )
            documents.append(relative)
            texts[relative] = text
    records = _with_slugs(records, taken)
    slides: list[str] = []
    withheld: list[str] = []
    by_date = {r.date: index for index, r in enumerate(records)}
    for relative in paths:
        when = file_date(relative) if PurePosixPath(relative).suffix.lower() in SLIDES else None
        if when in by_date and PurePosixPath(relative).suffix.lower() not in MARKDOWN:
            index = by_date[when]
            if records[index].slides is not None or not names.allow(relative):
                continue
            if refuse_address_in_file(folder / relative, f"{display}/{relative}", public, problems):
                records[index] = replace(records[index], slides=relative)
                slides.append(relative)
            else:
                withheld.append(relative)
    return GroupFiles(
        tuple(records),
        tuple(documents),
        tuple(slides),
        tuple(sorted(embedded.items())),
        tuple(texts.items()),
        tuple(withheld),
    )


def _record(relative: str, text: str, when: date, timezone: str) -> Meeting:
    """The record a dated file's text (as read_committed gives it) makes."""
    title, body = title_and_body(text)
    path = PurePosixPath(relative)
    return Meeting(
        source=path.name,
        slug="",
        title=title or path.stem,
        date=when,
        start=None,
        timezone=timezone,
        body=body,
        language=language_of_name(path.stem) or detect_language(text),
        path=relative,
    )


def _with_slugs(records: list[Meeting], taken: frozenset[str]) -> list[Meeting]:
    """Each record's address, from its date (`2024-11-30`, then `2024-11-30-2`), oldest first; the
    `taken` ones are the group's notes'."""
    slugs = UniqueSegments(taken)
    ordered = sorted(records, key=lambda r: (r.date or date.min, r.path))
    return [replace(record, slug=slugs.unique((record.date or date.min).isoformat())) for record in ordered]


def readme_sessions(readmes: tuple[Readme, ...], known: set[str], timezone: str) -> tuple[Meeting, ...]:
    """Sessions a README lists with a date and a web address; `known` addresses are left out (a
    note already stands for them), and the same address in two READMEs counts once."""
    sessions: list[Meeting] = []
    seen = set(known)
    for readme in readmes:
        for match in _WEB_ITEM.finditer(readme.text):
            text, url = match[1], match[2]
            when = date_in(text)
            if when is None or url in seen:
                continue
            seen.add(url)
            sessions.append(
                Meeting(
                    source=PurePosixPath(readme.path).name,
                    slug=f"{when.isoformat()}-web-{len(sessions) + 1}",
                    title=text.strip(),
                    date=when,
                    start=None,
                    timezone=timezone,
                    language=readme.language,
                    external_url=url,
                    path=PurePosixPath(readme.path).name,
                )
            )
    return tuple(sessions)
