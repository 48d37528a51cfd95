"""When each group's folder last changed, from the checkout's Git history, when it has one.

Only a checkout whose top is the community folder itself is read (a copy inside another
repository, such as the tests' fixture, has no history of its own). Git is run with arguments only
(paths after `--`), never through a shell, and its output is read as dates, so no folder name can
change what is run or what is shown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_GIT = ("git", "-c", "core.fsmonitor=false", "--no-optional-locks")
_TIMEOUT = 60  # seconds for one command; a checkout that slow is read without history


@dataclass(frozen=True)
class History:
    """What the checkout's history says: each folder's last change, and whether it is shallow."""

    available: bool = False
    shallow: bool = False
    last_change: dict[str, date] = field(default_factory=dict)  # repository path -> date


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(
            [*_GIT, "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def read_history(root: Path, paths: list[str]) -> History:
    """The last change of each of `paths` (relative to `root`); no history when `root` is not the
    top of a Git checkout or Git is missing."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != root.resolve():
        return History()
    shallow = _git(root, "rev-parse", "--is-shallow-repository") == "true"
    last_change = {}
    for path in paths:
        written = _git(root, "log", "-1", "--format=%cs", "--", path)
        try:
            last_change[path] = date.fromisoformat(written or "")
        except ValueError:
            continue  # never committed: nothing known
    return History(available=True, shallow=shallow, last_change=last_change)
