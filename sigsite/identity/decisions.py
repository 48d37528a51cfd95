"""The hub maintainers' decisions on who is whom, in one small file beside the hub's configuration
(its path is the hub setting `people_file`), as `.mailmap` is for Git:

```yaml
same:             # this name is this account's person (in one group's files, or everywhere)
  - {account: randywangze, name: Wang Ze, group: security}
different:        # this name is never this account's person
  - {account: baochong, name: Bao Chong, group: graphengine}
hidden:           # no page and no aggregation; the notes keep the name as written
  - {account: someone}
  - {name: Some Name}
organisations:
  same:           # one organisation, however written
    - [SJTU, Shanghai Jiaotong University OpenSource Team]
  different:      # never one organisation
    - [ICT, Imperial College Team]
```

Names compare as `names.plain` makes them; accounts without case. A mistake in the file is an
error at its line, and the entry is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sigsite.accounts import ACCOUNT
from sigsite.given import given
from sigsite.identity.names import plain
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.yaml_source import LocatedDict, LocatedList, load_yaml

ANYWHERE = ""  # a decision for every group's files
_FIX = "see the README's section 'Who is whom' for the people file's format"


@dataclass
class Decisions:
    """What the people file decides; empty without one."""

    path: str = ""
    same: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)  # (group, name) -> account
    different: set[tuple[str, str, str]] = field(default_factory=set)  # (group, name, account)
    hidden_accounts: set[str] = field(default_factory=set)
    hidden_names: set[str] = field(default_factory=set)
    organisations_same: dict[str, str] = field(default_factory=dict)  # name -> the first name of its set
    organisations_different: set[frozenset[str]] = field(default_factory=set)

    def confirmed(self, group: str, name: str) -> tuple[str, int] | None:
        """The account a plain name is decided to be, and the decision's line."""
        return self.same.get((group, name)) or self.same.get((ANYWHERE, name))

    def refused(self, group: str, name: str, account: str) -> bool:
        """True when a plain name is decided never to be this account's person."""
        return (group, name, account) in self.different or (ANYWHERE, name, account) in self.different

    def hides(self, key: str) -> bool:
        """True for a person the file hides by account (a key)."""
        return key in self.hidden_accounts

    def hides_name(self, name: str | None) -> bool:
        """True for a name the file hides: nobody, wherever written. It hides a person known by
        names alone, never the account-holder a group's entry binds it to (a group binding a hidden
        name to someone's account would hide them from every group)."""
        return name is not None and plain(name) in self.hidden_names


def read_decisions(path: Path | None, display: str, problems: Problems) -> Decisions:
    """The people file at `path`; an empty Decisions when there is none."""
    decisions = Decisions(path=display)
    if path is None or not (path.exists() or path.is_symlink()):
        return decisions  # no file: nothing decided; anything else in its place is read_text's error
    text = read_text(path, display, problems)
    data = load_yaml(text, display, problems) if text is not None else None
    if data is None:
        return decisions
    if not isinstance(data, LocatedDict):
        problems.error(display, 1, "the people file is not a mapping", _FIX)
        return decisions
    for key in data:
        if key not in {"same", "different", "hidden", "organisations"}:
            problems.error(display, data.line_of(key), f"'{key}' is no part of the people file", _FIX)
    for entry, line in _entries(data, "same", display, problems):
        account, name, group = _decision(entry, line, display, problems)
        if account and name and group is not None:
            decisions.same[(group, name)] = (account, line)
    for entry, line in _entries(data, "different", display, problems):
        account, name, group = _decision(entry, line, display, problems)
        if account and name and group is not None:
            decisions.different.add((group, name, account))
    for entry, line in _entries(data, "hidden", display, problems):
        account, name = (
            _text(entry, "account", line, display, problems),
            _text(entry, "name", line, display, problems),
        )
        if account is None or name is None:
            continue
        if not account and not name:
            problems.error(display, line, "a hidden person needs an account or a name", _FIX)
        if account and _is_account(account, line, display, problems):
            decisions.hidden_accounts.add(account.lower())
        if name:
            decisions.hidden_names.add(plain(name))
    _organisations(data.get("organisations"), decisions, display, problems)
    return decisions


def _entries(data: LocatedDict, key: str, display: str, problems: Problems) -> list[tuple[LocatedDict, int]]:
    """The mappings listed under `key`, each with its line; anything else is an error."""
    listed = data.get(key)
    if listed is None:
        return []
    if not isinstance(listed, LocatedList):
        problems.error(display, data.line_of(key), f"'{key}' is not a list", _FIX)
        return []
    found = []
    for index, entry in enumerate(listed):
        line = listed.line_of(index)
        if isinstance(entry, LocatedDict):
            found.append((entry, line))
        else:
            problems.error(display, line, f"an entry of '{key}' is not a mapping", _FIX)
    return found


def _text(entry: LocatedDict, key: str, line: int, display: str, problems: Problems) -> str | None:
    """The text an entry gives for `key` ('' for none); None, and an error, for a list or mapping."""
    value = entry.get(key)
    if isinstance(value, list | dict):
        problems.error(display, line, f"'{key}' is not text", _FIX)
        return None
    return given(value) or ""


def _is_account(account: str, line: int, display: str, problems: Problems) -> bool:
    """True for an account's name; else an error (it would make a person's address lead elsewhere)."""
    if ACCOUNT.fullmatch(account):
        return True
    problems.error(display, line, f"{account!r} is not a Gitee account's name", _FIX)
    return False


def _decision(
    entry: LocatedDict, line: int, display: str, problems: Problems
) -> tuple[str | None, str | None, str | None]:
    """The account (in lower case), plain name and group (ANYWHERE for every group's) of a
    decision; None for each when the entry is at fault."""
    account, name, group = (
        _text(entry, key, line, display, problems) for key in ("account", "name", "group")
    )
    if account is None or name is None or group is None:
        return None, None, None
    if not account or not name:
        problems.error(display, line, "a decision needs both an account and a name", _FIX)
        return None, None, None
    if not _is_account(account, line, display, problems):
        return None, None, None
    return account.lower(), plain(name), group


def _organisations(data: Any, decisions: Decisions, display: str, problems: Problems) -> None:
    if data is None:
        return
    if not isinstance(data, LocatedDict):
        problems.error(display, 1, "'organisations' is not a mapping", _FIX)
        return
    for key in ("same", "different"):
        listed = data.get(key)
        if not isinstance(listed, LocatedList):
            if listed is not None:
                problems.error(display, data.line_of(key), f"organisations' '{key}' is not a list", _FIX)
            continue
        for index, names in enumerate(listed):
            texts = isinstance(names, list) and not any(isinstance(n, list | dict) for n in names)
            written = [plain(str(n)) for n in names] if texts else []
            if len(written) < 2 or not all(written):
                problems.error(display, listed.line_of(index), "list two names or more", _FIX)
            elif key == "same":
                for name in written:
                    decisions.organisations_same.setdefault(name, written[0])
            else:
                decisions.organisations_different.add(frozenset(written))
