"""What the commands share: finding the project, refusing with a reason, showing a folder and a report.

Every line the commands print goes through `say` (or `refuse`): a value from an argument or a file
(a path, a zone, a file's name) is written on one line with its line breaks and controls escaped
(problems.printable), as the build writes it, so none can start a line of its own that GitHub
would obey as a workflow command (`::error::`, `::add-mask::`).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from sigsite.problems import Problem, printable
from sigsite.project import Project, ProjectNotFound, find_project


def say(line: str, file: TextIO | None = None) -> None:
    """Print one line, made printable: no value in it can start a line of its own."""
    print(printable(line), file=file or sys.stdout)


def project_of(path: str, command: str) -> Project | None:
    """The project of `path`; None (and the reason on standard error) when there is none."""
    try:
        return find_project(Path(path))
    except ProjectNotFound as exc:
        refuse(command, str(exc), 1)
        return None


def refuse(command: str, message: str, status: int) -> int:
    """Say on standard error why `command` did nothing; the exit status to return."""
    say(f"sigsite {command}: {message}", file=sys.stderr)
    return status


def shown(root: Path) -> str:
    """A folder as the user would type it: relative to the current folder when below it."""
    try:
        return os.path.relpath(root) + "/"
    except ValueError:  # another drive
        return str(root) + "/"


def print_json(report: list[Problem], summary: dict[str, Any]) -> None:
    """The report as `sigsite check --format json` prints it."""
    json.dump({"problems": [p.as_dict() for p in report], "summary": summary}, sys.stdout, indent=2)
    sys.stdout.write("\n")
