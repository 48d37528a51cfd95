"""What the commands share: finding the project, refusing with a reason, showing a folder and a report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from sigsite.problems import Problem
from sigsite.project import Project, ProjectNotFound, find_project


def project_of(path: str, command: str) -> Project | None:
    """The project of `path`; None (and the reason on standard error) when there is none."""
    try:
        return find_project(Path(path))
    except ProjectNotFound as exc:
        refuse(command, str(exc), 1)
        return None


def refuse(command: str, message: str, status: int) -> int:
    """Say on standard error why `command` did nothing; the exit status to return."""
    print(f"sigsite {command}: {message}", file=sys.stderr)
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
