"""A group's `OWNERS` file: the approvers of its folder, the first of the places that say who leads
it (statements.py). Only the consistency report uses it, so what keeps it from being read is a
warning, never an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sigsite.health.consistency import LEADERS
from sigsite.health.examples import some
from sigsite.privacy import withhold_in_data
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.statements import OWNERS_KEYS, Statement, owners_statement
from sigsite.yaml_source import LocatedDict, load_yaml

OWNERS_FILE = "OWNERS"


def read_owners(folder: Path, display: str, problems: Problems) -> Statement | None:
    """What the group's `OWNERS` says of its leaders (`display` names the group's folder); every
    problem of reading it a warning, every e-mail address withheld from the names it gives."""
    path, shown = folder / OWNERS_FILE, f"{display}/{OWNERS_FILE}"
    if path.is_symlink():
        problems.warning(shown, None, "the file is a symbolic link, which the hub never follows")
        return None
    if path.is_dir():
        problems.warning(shown, None, "is a folder where a file belongs, so it is not read")
        return None
    if not path.is_file():
        return None
    found = Problems()
    text = read_text(path, shown, found)
    data = load_yaml(text, shown, found) if text is not None else None
    for problem in found.items:
        problems.warning(problem.file, problem.line, problem.message, problem.fix, problem.column)
    withhold_in_data(data, frozenset(), shown, Problems())
    _unread_leaders(data, shown, problems)
    statement, not_accounts = owners_statement(data, shown)
    if not_accounts:  # one warning, a few examples: a list of a thousand costs one line
        problems.warning(
            shown,
            not_accounts[0][1],
            "approvers that are not Gitee accounts' names name nobody: "
            + some([repr(a) for a, _ in not_accounts]),
            "list each approver by their Gitee account alone, e.g. jxlang910",
            topic=LEADERS,  # in the group's consistency report
        )
    return statement


def _unread_leaders(data: Any, shown: str, problems: Problems) -> None:
    """A warning for leaders the file gives but owners_statement cannot read: under a second key
    (`approvers:` and `maintainers:`, only the first of OWNERS_KEYS is read), or written as one
    name or a mapping instead of a list (nobody)."""
    keys = [key for key in OWNERS_KEYS if key in data] if isinstance(data, LocatedDict) else []
    if not keys:
        return
    first, *others = keys
    for other in others:
        problems.warning(
            shown,
            data.line_of(other),
            f"{other} is not read: {first} names the group's leaders in this file",
            f"list every leader under {first}",
            topic=LEADERS,
        )
    if data.get(first) is not None and not isinstance(data.get(first), list):
        problems.warning(
            shown,
            data.line_of(first),
            f"{first} must be a list of accounts, so it names nobody",
            f"write one account a line under {first}: (- jxlang910)",
            topic=LEADERS,
        )
