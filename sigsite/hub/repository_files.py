"""The repositories a group's folder describes one file each (openEuler's
`sig/Kernel/src-openeuler/k/kernel.yaml`): each file's owner folder and name make the repository's
name, and its `description` is all a page shows of it, so that is all that is parsed. A community
keeps thousands of these files: each is read once, its description line found in one pass, and
only that key's lines parsed as YAML.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from stat import S_ISDIR, S_ISLNK

import yaml

from sigsite.accounts import GITEE_HOST
from sigsite.formatting import shortened
from sigsite.given import given
from sigsite.model import Repository
from sigsite.privacy import PublishableNames, masked, withhold_in_text
from sigsite.problems import FILE_LEFT_OUT, Problem, Problems, Severity
from sigsite.reading import read_text
from sigsite.yaml_source import load_yaml

YAML_SUFFIXES = (".yaml", ".yml")
REPOSITORY_PART = re.compile(r"[\w.+-]+")  # a repository's name on the forge: `python-Keras_Preprocessing`
# The top-level `description:` key and the lines that continue its value (indented or blank).
_DESCRIPTION = re.compile(r"(?m)^description:[^\n]*\n?(?:(?:[ \t][^\n]*)?\n)*")
MAX_REPORTED_FILES = 10  # repository files of one group whose problems are reported one by one
# Their problems reported in all: a path shown masked (`u…@corp-mail.cn.yaml`) may stand for many files.
MAX_REPORTED_PROBLEMS = 4 * MAX_REPORTED_FILES
MAX_DESCRIPTION = 300  # characters of a description a page shows
# A description on one line whose YAML value is the text as written, read without a YAML parser (most
# of 12,000 files): a plain scalar of letters, digits, spaces and punctuation no YAML reads (no `:`,
# `#`, quote or indicator), starting with a letter; or double-quoted, with no escape, no control
# character and nothing YAML reads as a line break. A word YAML reads as a boolean or null is not text.
# Possessive: no backtracking, linear on any line.
_PLAIN_DESCRIPTION = re.compile(r"description:[ \t]++([A-Za-z][A-Za-z0-9 ,.;()/_+-]*+)[ \t]*+\n?")
_QUOTED_DESCRIPTION = re.compile(
    r'description:[ \t]++"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*+)"[ \t]*+\n?'
)
_NOT_TEXT = frozenset("y yes n no true false on off null".split())


@dataclass(frozen=True)
class RepositoryFile:
    """A repository as its file describes it."""

    name: str  # owner/name: `src-openeuler/kernel`
    url: str
    description: str
    file: str  # the file's path from the group's folder


def read_repository_files(
    folder: Path,
    display: str,
    owners: tuple[str, ...],
    public: frozenset[str],
    problems: Problems,
) -> tuple[RepositoryFile, ...]:
    """Every repository file below the group's folders named after an owner (`owners`, the
    layout's), ordered by name. A file that cannot be read or named (privacy.PublishableNames) is
    left out with its problem; the problems of the first MAX_REPORTED_FILES such files are
    reported, the others counted in one more."""
    found: list[RepositoryFile] = []
    own = Problems()
    names = PublishableNames(display, own)
    for owner in owners:
        for relative in _yaml_files(folder, owner, display, own):
            if not names.allow(relative):
                continue
            try:
                repository = _read(folder, relative, display, public, own)
            except OSError as exc:  # a path longer than the system opens
                _unreadable(f"{display}/{relative}", exc, own)
                continue
            if repository is not None:
                found.append(repository)
    _report_bounded(own, display, problems)
    return tuple(sorted(found, key=lambda r: r.name.casefold()))


def _yaml_files(folder: Path, owner: str, display: str, problems: Problems) -> list[str]:
    """The YAML files below `folder/owner`, folder-relative, in order; a link is never followed."""
    found: list[str] = []
    stack = [owner]
    while stack:
        relative = stack.pop()
        try:
            mode = (folder / relative).lstat().st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:  # a path longer than the system opens: nothing below it is read
            _unreadable(f"{display}/{relative}", exc, problems)
            continue
        if S_ISLNK(mode):
            problems.error(
                masked(f"{display}/{relative}"),
                None,
                "is a symbolic link, which the hub never follows: it is left out",
                "commit the file or folder itself instead of a link to it",
                topic=FILE_LEFT_OUT,
            )
            continue
        if not S_ISDIR(mode):
            if relative == owner:  # below it, only folders are stacked
                problems.warning(
                    f"{display}/{owner}",
                    None,
                    f"is a file where the folder of the {owner} repositories' files belongs: it is not read",
                    f"keep one file per repository in {owner}/<letter>/<repository>.yaml",
                )
            continue
        try:
            entries = sorted(os.scandir(folder / relative), key=lambda e: e.name)
        except OSError as exc:
            _unreadable(f"{display}/{relative}", exc, problems)
            continue
        below = []
        for entry in entries:
            inner = f"{relative}/{entry.name}"
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False) or entry.is_symlink():
                below.append(inner)
            elif entry.name.lower().endswith(YAML_SUFFIXES):
                found.append(inner)
        stack.extend(reversed(below))
    return found


def _unreadable(shown: str, exc: OSError, problems: Problems) -> None:
    """An error for a file or folder the system cannot open (`File name too long`): left out."""
    problems.error(
        masked(shown),
        None,
        f"cannot be read: {exc.strerror}, so it is left out",
        "move it to a shorter path: one folder per first letter, as openEuler keeps them",
        topic=FILE_LEFT_OUT,
    )


def _read(
    folder: Path, relative: str, display: str, public: frozenset[str], problems: Problems
) -> RepositoryFile | None:
    """The repository of one file, or None (with its problem) when its name is none."""
    shown = f"{display}/{relative}"
    path = PurePosixPath(relative)
    name = path.stem
    if not REPOSITORY_PART.fullmatch(name):
        problems.warning(
            shown,
            None,
            "the file's name is not a repository's, so it is not listed",
            "name the file after its repository: letters, digits, '.', '_', '+' and '-'",
        )
        return None
    text = read_text(folder / relative, shown, problems)
    if text is None:
        return None
    owner = path.parts[0]
    return RepositoryFile(
        name=f"{owner}/{name}",
        url=f"https://{GITEE_HOST}/{owner}/{name}",
        description=_description(text, shown, public, problems),
        file=relative,
    )


def _description(text: str, shown: str, public: frozenset[str], problems: Problems) -> str:
    """The file's `description`, one plain line; empty when it has none or it is no text. Its lines
    are read as every data file is (yaml_source.load_yaml): an alias, deep nesting or a tag is an
    error and no value, a control character an error and left out. Lines that are no YAML alone (a
    quoted value continued at the line's start) are a warning: the file may be valid as a whole."""
    match = _DESCRIPTION.search(text)
    if match is None:
        return ""
    simple = _PLAIN_DESCRIPTION.fullmatch(match[0]) or _QUOTED_DESCRIPTION.fullmatch(match[0])
    if simple is not None and simple[1].rstrip().lower() not in _NOT_TEXT:
        return _shown(simple[1], shown, public, problems)
    line = text[: match.start()].count("\n") + 1
    try:
        deque(yaml.parse(match[0], Loader=yaml.CSafeLoader), maxlen=0)  # events only: no value is built
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        problems.warning(
            shown,
            line + (where.line if where is not None else 0),
            "its description is not valid YAML, so the repository is listed without it",
            'quote the description: description: "..."',
        )
        return ""
    value = load_yaml(match[0], shown, problems, first_line=line)
    raw = value.get("description") if isinstance(value, dict) else None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        if raw is not None:
            problems.warning(
                shown,
                line,
                "its description is not text, so the repository is listed without it",
                'write it as one text: description: "..."',
            )
        return ""
    return _shown(raw, shown, public, problems)


def _shown(raw: str | int | float, shown: str, public: frozenset[str], problems: Problems) -> str:
    """A description as a page shows it: one line, addresses withheld, shortened."""
    plain = " ".join((given(raw) or "").split())
    return shortened(withhold_in_text(plain, public, shown, problems), MAX_DESCRIPTION)


def _report_bounded(found: Problems, display: str, problems: Problems) -> None:
    """The problems of the first MAX_REPORTED_FILES files (MAX_REPORTED_PROBLEMS at most), and the
    rest counted in one problem of their worst severity."""
    files: list[str] = []
    shown: list[Problem] = []
    rest: list[Problem] = []
    for problem in found.items:
        if problem.file not in files and len(files) < MAX_REPORTED_FILES:
            files.append(problem.file)
        (shown if problem.file in files and len(shown) < MAX_REPORTED_PROBLEMS else rest).append(problem)
    problems.items.extend(shown)
    if not rest:
        return
    report = problems.error if any(p.severity is Severity.ERROR for p in rest) else problems.warning
    report(
        display,
        None,
        f"{len(rest)} more problems of repository files like those above (a file at fault is left out "
        "or listed without its description)",
        "fix the files named above and check again: the next ones are then named",
    )


def with_repository_files(
    listed: tuple[Repository, ...], described: tuple[RepositoryFile, ...]
) -> tuple[Repository, ...]:
    """The repositories sig-info.yaml lists (with their committers and admins), each with the
    description of its file, and those only a file describes, by name."""
    by_name = {r.name.casefold(): r for r in described}
    merged = [
        replace(r, description=by_name[r.name.casefold()].description) if r.name.casefold() in by_name else r
        for r in listed
    ]
    listed_names = {r.name.casefold() for r in listed}
    merged += [
        Repository(name=r.name, url=r.url, description=r.description, listed=False)
        for r in described
        if r.name.casefold() not in listed_names
    ]
    return tuple(sorted(merged, key=_by_name))


def _by_name(repository: Repository) -> tuple[str, str]:
    """A repository's place in its group's list: by its name, then its owner, so that a project
    and its package (openeuler/kernel, src-openeuler/kernel) stand together."""
    owner, _, name = repository.name.rpartition("/")
    return name.casefold(), owner.casefold()
