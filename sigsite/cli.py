"""The `sigsite` command: `check` validates a SIG folder; `new-meeting` starts a note."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time
from importlib.metadata import version
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

from sigsite.build_date import build_date
from sigsite.hub.loader import load_community
from sigsite.hub.people import community_people
from sigsite.loader import load_sig
from sigsite.meetings import parse_meeting
from sigsite.new_meeting import local_time_shown, note_name, note_text, notes_of, write_note
from sigsite.notes.fields import EARLIEST, LATEST, zone_named
from sigsite.problems import Problem, Problems, Severity
from sigsite.project import Project, ProjectNotFound, find_project, hub_settings, public_addresses
from sigsite.settings import DEFAULT_TIMEZONE


def _project(path: str, command: str) -> Project | None:
    try:
        return find_project(Path(path))
    except ProjectNotFound as exc:
        _refuse(command, str(exc), 1)
        return None


def _refuse(command: str, message: str, status: int) -> int:
    """Say on standard error why `command` did nothing; the exit status to return."""
    print(f"sigsite {command}: {message}", file=sys.stderr)
    return status


def _github_escape(text: str, *, in_property: bool = False) -> str:
    """GitHub's workflow-command escaping; properties also escape ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def _github_annotation(problem: Problem) -> str:
    """`::error file=...,line=...,col=...::message (fix)`: shown on the changed line of a pull request."""
    properties = [f"file={_github_escape(problem.file, in_property=True)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append("title=sigsite check")
    message = f"{problem.message} ({problem.fix})" if problem.fix else problem.message
    return f"::{problem.severity.value} {','.join(properties)}::{_github_escape(message)}"


def _check(args: argparse.Namespace) -> int:
    if args.community is not None:
        return _check_community(Path(args.community), args.format, args.config)
    projects: list[Project] = []
    for path in args.paths or ["."]:
        project = _project(path, "check")
        if project is None:
            return 1
        if all(p.sources.root != project.sources.root for p in projects):
            projects.append(project)
    several = len(projects) > 1
    report: list[Problem] = []
    files = 0
    for project in projects:
        sources = project.sources
        _, problems = load_sig(sources, render=False)
        files += len(sources.data_files())
        # With several projects, each file is named from the folder the command runs in.
        where = _shown(sources.root) if several else ""
        report += [_moved(p, where) for p in problems.sorted()]
    errors = sum(p.severity is Severity.ERROR for p in report)
    warnings = len(report) - errors
    roots = ", ".join(str(p.sources.root) for p in projects)
    if args.format == "json":
        summary = {"root": roots, "files": files, "errors": errors, "warnings": warnings}
        json.dump({"problems": [p.as_dict() for p in report], "summary": summary}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 1 if errors else 0
    for problem in report:
        print(_github_annotation(problem) if args.format == "github" else problem.format())
    config = projects[0].config_file
    settings = f" with the settings of {config.name}" if config and not several else ""
    print(f"checked {files} file(s) in {roots}{settings}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _shown(root: Path) -> str:
    """A project's folder as the user would type it: relative to the current folder when below it."""
    try:
        return os.path.relpath(root) + "/"
    except ValueError:  # another drive
        return str(root) + "/"


def _moved(problem: Problem, folder: str) -> Problem:
    return replace(problem, file=folder + problem.file) if folder else problem


def _check_community(root: Path, output: str, config: str | None) -> int:
    """Every SIG folder of a community checkout, as the hub reads them, with the hub's settings
    (timezone, public addresses); problems grouped by folder."""
    try:
        settings, config_file = hub_settings(Path.cwd(), Path(config) if config else None)
    except ProjectNotFound as exc:
        return _refuse("check", str(exc), 1)
    community, problems = load_community(
        root,
        timezone=str(settings.get("timezone") or DEFAULT_TIMEZONE),
        public_emails=public_addresses(settings),
        render=False,
    )
    community_people(community, problems)  # what the SIGs' files say of one person, compared
    report = problems.sorted()
    errors, warnings = len(problems.errors), len(problems.warnings)
    folders = len(community.folders)
    if output == "json":
        summary = {"root": str(root), "folders": folders, "errors": errors, "warnings": warnings}
        json.dump({"problems": [p.as_dict() for p in report], "summary": summary}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 1 if errors else 0
    for folder, group in groupby(report, key=_group_of):
        found = list(group)
        if output == "github":
            print("\n".join(_github_annotation(p) for p in found))
            continue
        counted = sum(p.severity is Severity.ERROR for p in found)
        print(f"{folder}: {counted} error(s), {len(found) - counted} warning(s)")
        print("\n".join("  " + p.format() for p in found))
    read = f" with the settings of {_shown(config_file).rstrip('/')}" if config_file else ""
    print(f"checked {folders} SIG folder(s) in {root}{read}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _group_of(problem: Problem) -> str:
    """The SIG folder a problem belongs to (`sigs/dx`), or the community's own file it is about."""
    parts = problem.file.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else problem.file


_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>[ap])?\.?(?:m\.?)?", re.IGNORECASE
)


def parse_clock(text: str) -> time:
    """`15:00`, `15.00`, `3pm`, `3:30 pm`, `9am`; ValueError for anything else."""
    match = _CLOCK.fullmatch(text.strip())
    if not match or (match["minute"] is None and match["meridiem"] is None):
        raise ValueError(text)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["meridiem"]:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if match["meridiem"].lower() == "p" else 0)
    return time(hour, minute)  # ValueError past 23:59


def parse_day(text: str) -> date:
    """`2026-12-17`, `20261217`, also in full-width digits (`２０２６-１２-１７`); ValueError else."""
    return date.fromisoformat(unicodedata.normalize("NFKC", text).strip())


def _new_meeting(args: argparse.Namespace) -> int:
    project = _project(args.path, "new-meeting")
    if project is None:
        return 1
    sources = project.sources
    default_zone = ZoneInfo(sources.timezone)
    try:
        day = parse_day(args.date)
    except ValueError:
        return _refuse("new-meeting", f"--date '{args.date}' is not a date: write it as 2026-12-03", 2)
    if not EARLIEST <= day <= LATEST:
        message = f"--date {day.isoformat()} is not between {EARLIEST.year} and {LATEST.year}; check the year"
        return _refuse("new-meeting", message, 2)
    try:
        clock = parse_clock(unicodedata.normalize("NFKC", args.time)) if args.time else None
    except ValueError:
        return _refuse("new-meeting", f"--time '{args.time}' is not a time: write 15:00, 3pm or 3:30pm", 2)
    zone = zone_named(args.timezone) if args.timezone else default_zone
    if zone is None:
        message = f"unknown time zone '{args.timezone}' (use an IANA name such as Asia/Shanghai)"
        return _refuse("new-meeting", message, 2)
    folder = sources.path(sources.meetings_dir)
    same_day = notes_of(folder, day)
    if same_day and not args.force:
        names = ", ".join(f"{sources.meetings_dir}/{p.name}" for p in same_day)
        message = f"{names} is already the note of {day.isoformat()}; "
        message += "add --force to write a second note for that day"
        return _refuse("new-meeting", message, 1)
    name = note_name(folder, day) if folder.is_dir() else note_name(Path(), day)
    text = note_text(day, clock, zone, default_zone, args.title)
    problems = _checked_note(name, text, f"{sources.meetings_dir}/{name}", default_zone)
    shown = local_time_shown(day, clock, zone) if clock else None
    if shown is not None and clock is not None:
        print(
            f"sigsite new-meeting: warning: {clock:%H:%M} does not exist on {day.isoformat()} in {zone.key} "
            f"(the clocks move forward over it); calendars will show {shown:%H:%M}",
            file=sys.stderr,
        )
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    if problems.errors:
        return _refuse("new-meeting", "nothing written", 1)
    path = folder / name
    try:
        write_note(path, text)
    except FileExistsError as exc:
        return _refuse("new-meeting", f"{exc.filename} exists; not overwriting it", 1)
    print(f"wrote {path}: fill in the agenda and commit it")
    return 0


def _checked_note(name: str, text: str, display: str, zone: ZoneInfo) -> Problems:
    """What `sigsite check` would say of the note, read before anything is written."""
    problems = Problems()
    with tempfile.TemporaryDirectory(prefix="sigsite-new-meeting-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        parse_meeting(path, display, zone, problems, build_date(zone))
    return problems


def build_parser() -> argparse.ArgumentParser:
    """The command line of `sigsite`."""
    parser = argparse.ArgumentParser(prog="sigsite", description="Tools for a MindSpore SIG's site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('sigsite')}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="validate sig_members.yaml, sig-info.yaml and meetings/",
        description="Print every problem as file:line:column: severity: message (fix). "
        "Exit status 1 when there is an error.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="folders of projects (default: the current one); a project is the nearest folder at or "
        "above one with a mkdocs.yml, whose sigsite settings are used, else the folder itself",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (file:line:column: ...), json, or github (workflow annotations on pull requests)",
    )
    check.add_argument(
        "--community",
        metavar="PATH",
        help="check every SIG folder of a community checkout (the folder that holds sigs/), as the "
        "hub reads them; problems are grouped by folder",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="with --community: the hub's mkdocs.yml whose sigsite-hub settings apply (default: the "
        "nearest hub/mkdocs.yml at or above the current folder)",
    )
    check.set_defaults(run=_check)
    new = commands.add_parser(
        "new-meeting",
        help="write meetings/NNN-YYYYMMDD.md for a coming meeting",
        description="Write the note of a meeting with the next free sequence number and the SIG's "
        "sections. Never overwrites a file.",
    )
    new.add_argument("--date", required=True, help="the meeting's date, YYYY-MM-DD")
    new.add_argument("--time", help="start time: 15:00, 3pm or 3:30pm")
    new.add_argument("--timezone", help="IANA time zone (default: the site's, Asia/Shanghai)")
    new.add_argument("--title", help="a title for the archive (default: 'Meeting NNN')")
    new.add_argument("--path", default=".", help="a folder of the project (default: the current one)")
    new.add_argument("--force", action="store_true", help="write a note even if that day has one")
    new.set_defaults(run=_new_meeting)
    return parser


# The options that take a value: argparse reads `--time -1:00` as two options and answers only
# "expected one argument"; joined as `--time=-1:00`, the command says what it expected instead.
VALUE_OPTIONS = frozenset(
    {"--format", "--community", "--config", "--date", "--time", "--timezone", "--title", "--path"}
)


def _values_joined(argv: Sequence[str]) -> list[str]:
    joined: list[str] = []
    for item in argv:
        if joined and joined[-1] in VALUE_OPTIONS and item.startswith("-") and not item.startswith("--"):
            joined[-1] = f"{joined[-1]}={item}"
        else:
            joined.append(item)
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(_values_joined(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `sigsite check | head`: the reader stopped reading
        # As the Python documentation advises: no second error while flushing at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
