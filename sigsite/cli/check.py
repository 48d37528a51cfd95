"""`sigsite check`: every problem of one or more SIG folders, or of a community checkout."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sigsite.build_date import build_date
from sigsite.cli.common import print_json, project_of, refuse, say, shown
from sigsite.hub.history import History
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.source import SHORT_COMMIT
from sigsite.identity.report import people_report
from sigsite.layout import LAYOUT_VARIABLE, MINDSPORE, Layout, UnknownLayout, detect_layout, layout_named
from sigsite.load import LoadSettings, load, load_group
from sigsite.problems import Problem, Severity, printable
from sigsite.project import Project, ProjectNotFound, hub_settings, public_addresses, relative_path
from sigsite.settings import DEFAULT_TIMEZONE, PEOPLE_FILE, bulk_change_groups


def github_escape(text: str, *, in_property: bool = False) -> str:
    """GitHub's workflow-command escaping; properties also escape ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def github_annotation(problem: Problem) -> str:
    """`::error file=...,line=...,col=...::message (fix)`: shown on the changed line of a pull request."""
    properties = [f"file={github_escape(problem.file, in_property=True)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append("title=sigsite check")
    message = f"{problem.message} ({problem.fix})" if problem.fix else problem.message
    return f"::{problem.severity.value} {','.join(properties)}::{github_escape(message)}"


def run_check(args: argparse.Namespace) -> int:
    """`sigsite check [PATH ...]` and `sigsite check --community PATH`."""
    if args.community is not None:
        return check_community(Path(args.community), args.format, args.config, people=args.people)
    if args.people:
        return refuse("check", "--people lists the people of a community: give --community PATH too", 2)
    projects: list[Project] = []
    for path in args.paths or ["."]:
        project = project_of(path, "check")
        if project is None:
            return 1
        if all(p.sources.root != project.sources.root for p in projects):
            projects.append(project)
    several = len(projects) > 1
    report: list[Problem] = []
    files = 0
    for project in projects:
        sources = project.sources
        problems = load_group(sources).problems  # rendered as the build renders it: links checked
        files += len(sources.data_files())
        # With several projects, each file is named from the folder the command runs in.
        where = shown(sources.root) if several else ""
        report += [_moved(p, where) for p in problems.sorted()]
    errors = sum(p.severity is Severity.ERROR for p in report)
    warnings = len(report) - errors
    roots = ", ".join(str(p.sources.root) for p in projects)
    if args.format == "json":
        summary = {"root": roots, "files": files, "errors": errors, "warnings": warnings}
        print_json(report, summary)
        return 1 if errors else 0
    for problem in report:
        say(github_annotation(problem) if args.format == "github" else problem.format())
    config = projects[0].config_file
    settings = f" with the settings of {config.name}" if config and not several else ""
    say(f"checked {files} file(s) in {roots}{settings}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _moved(problem: Problem, folder: str) -> Problem:
    return replace(problem, file=folder + problem.file) if folder else problem


def check_community(root: Path, output: str, config: str | None, *, people: bool = False) -> int:
    """Every SIG folder of a community checkout, as the hub reads them, with the hub's settings
    (timezone, public addresses, bulk_change_groups, the people file); problems grouped by folder;
    with `people`, every merge and candidate of identity resolution too."""
    try:
        settings, config_file = hub_settings(Path.cwd(), Path(config) if config else None)
    except ProjectNotFound as exc:
        return refuse("check", str(exc), 1)
    where = shown(config_file).rstrip("/") if config_file else "the settings"
    try:
        bulk = bulk_change_groups(settings.get("bulk_change_groups"))
        _refuse_odd_types(settings)
    except ValueError as exc:  # the hub refuses it too
        return refuse("check", f"{exc} (in {where})", 1)
    try:
        layout = _layout(root, settings)
    except UnknownLayout as exc:  # named where the build names it
        return refuse("check", f"{exc} (in {where if settings.get('layout') else LAYOUT_VARIABLE})", 1)
    named = settings.get("people_file") or PEOPLE_FILE
    people_file = (config_file.parent if config_file else Path.cwd()) / str(named)
    loaded = load(
        root,
        LoadSettings(
            timezone=str(settings.get("timezone") or DEFAULT_TIMEZONE),
            public_emails=public_addresses(settings)
            if settings.get("public_emails") is not None  # an empty list too wins over the layout's
            else frozenset(layout.public_emails),
            forge_url=str(settings.get("forge_url") or ""),
            bulk_change_groups=bulk,
            people_file=people_file,
            people_file_display=relative_path(people_file),
        ),
        build_date(ZoneInfo("UTC")),  # no warning depends on the day, so any zone's date will do
        layout=layout,
        image_sizes=ImageSizeCache(copies=False),  # images' headers are checked; no copy is made
    )  # rendered as the hub renders it: what rendering finds (links, fragments) is reported too
    community, problems = loaded.community, loaded.problems
    report = problems.sorted()
    errors, warnings = len(problems.errors), len(problems.warnings)
    folders = len(community.folders)
    if output == "json":
        summary: dict[str, Any] = {
            "root": str(root),
            "folders": folders,
            "errors": errors,
            "warnings": warnings,
        }
        if people:
            summary["people"] = people_report(loaded.identities, {p.key: p for p in loaded.people})
        print_json(report, summary)
        return 1 if errors else 0
    for folder, group in groupby(report, key=lambda problem: _group_of(problem, layout)):
        found = list(group)
        if output == "github":
            for problem in found:
                say(github_annotation(problem))
            continue
        counted = sum(p.severity is Severity.ERROR for p in found)
        say(f"{folder}: {counted} error(s), {len(found) - counted} warning(s)")
        for problem in found:
            say("  " + problem.format())
    if people:
        for line in people_report(loaded.identities, {p.key: p for p in loaded.people}):
            say(printable(line))
    if community.history.available:
        say(_history_line(community.history))
    read = f" with the settings of {shown(config_file).rstrip('/')}" if config_file else ""
    say(f"checked {folders} group folder(s) in {root}{read}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _history_line(history: History) -> str:
    """What the checkout's history gave: the commit it is at, and the commits set aside."""
    day = history.committed or "an unknown date"
    at = f"{history.commit[:SHORT_COMMIT]} of {day}" if history.commit else "an unknown commit"
    shallow = ", shallow" if history.shallow else ""
    return (
        f"history: at {at}{shallow}; {history.bulk_commits} commit(s) changed {history.bulk_groups} or "
        "more groups' folders at once and date no group's change (bulk_change_groups)"
    )


def _refuse_odd_types(settings: dict[str, Any]) -> None:
    """ValueError for a `layout` that is not text, or a `public_emails` that is not a list of text
    (null too), as MkDocs refuses them in the hub's settings; the value is not repeated (it may
    hold an address)."""
    named, emails = settings.get("layout"), settings.get("public_emails")
    if named is not None and not isinstance(named, str):
        raise ValueError("layout must be text: a layout's name, such as 'mindspore'")
    if "public_emails" in settings and not (
        isinstance(emails, list) and all(isinstance(e, str) for e in emails)
    ):
        raise ValueError("public_emails must be a list of addresses, each written as text")


def _layout(root: Path, settings: dict[str, Any]) -> Layout:
    """The layout the hub's settings or SIGSITE_LAYOUT name, else the one the checkout fits (the
    hub's choice); MindSpore's when none fits, whose loader then says what is missing."""
    named = str(settings.get("layout") or os.environ.get(LAYOUT_VARIABLE, ""))
    return layout_named(named) if named else detect_layout(root) or MINDSPORE


def _group_of(problem: Problem, layout: Layout) -> str:
    """The group's folder a problem belongs to (`sigs/dx`, `tsc`), or the community's own file it
    is about (`sigs/sig_info.yaml`)."""
    parts = problem.file.split("/")
    if parts[0] in layout.single_group_folders:
        return parts[0]
    return "/".join(parts[:2]) if len(parts) > 2 else problem.file
