"""Since when each person holds each role, as the history of the groups' roster files says: the
first commit whose version of a group's `sig_members.yaml`, `sig-info.yaml` or `OWNERS` names them
in that role.

The one walk of hub/history.py hands each commit here with the groups' folders it changed (whose
ids differ from every parent's). In those folders only, the roster files' ids are compared with
the parents' (each folder's tree read once while kept, and searched in its bytes: hub/treebytes.py);
a file whose id differs from every parent's (or that a root commit holds) is a version of its own,
read (within the bounds of hub/gitobjects.py) and scanned line by line, linearly (`roster_names`).
Each person the version names in a role is dated by that commit, and the walk goes from the newest
commit to the oldest, so what stands at the end is the oldest such commit: "the first commit whose
members file names them", in `git log`'s order. A person named, left out and named again is dated
by the first time.

The first commit that names someone may say nothing true about when: housekeeping (a commit that
changes `bulk_groups` groups' folders or more: the import of every group, a migration of every
roster to a new format) or a commit whose date cannot be or is after the build. Its date is not
shown and no later one is taken instead (a later commit that kept them would be a false "since"):
the role's since is unknown, and says why. So is every role's where the history is shallow,
partial or cannot be read, where a roster's version cannot be read (a partial clone lacks them),
or where the versions are more than ROSTER_BUDGET bytes in all: never a guess.

A group's folder renamed in one commit (the folder is new, and one folder of the parent holding the
same roster file, or the only one holding it, is gone) is followed: the older versions under the
old name count for the new. A person is keyed by their account in lower case where the entry gives
one, else by their name as identity/names.py's `plain` makes it.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache

from sigsite.accounts import ACCOUNT, gitee_account
from sigsite.given import given
from sigsite.hub import treebytes
from sigsite.hub.gitfolder import GIT_FOLDER
from sigsite.hub.owners import OWNERS_FILE
from sigsite.identity.mentions import MAINTAINER
from sigsite.identity.names import MAX_NAME, plain
from sigsite.links import is_web_url
from sigsite.members import SIG_INFO_REPO_ROLES, SIG_INFO_ROLES
from sigsite.model import ROLE_KEYS
from sigsite.problems import Problems
from sigsite.reading import MAX_TEXT_BYTES
from sigsite.settings import MEMBERS_FILE, SIG_INFO_FILE
from sigsite.statements import OWNERS_KEYS

ROSTER_FILES = (MEMBERS_FILE, SIG_INFO_FILE, OWNERS_FILE)
# The roster versions one walk reads, in all. The real ones are a few kilobytes (openEuler's largest
# sig-info.yaml 17 KB): 256 MiB is tens of thousands of versions, read and scanned in seconds.
ROSTER_BUDGET = 256 << 20
ENTRIES_KEPT = 16_384  # groups' folders whose roster files are kept, by the folder's id (about 10 MB)


class Unknown(Enum):
    """Why a role's since is not known (a message id of translations.py)."""

    NO_HISTORY = "no full history"
    HOUSEKEEPING = "first named by a commit that changed many groups at once"
    FALSE_DATE = "first named by a commit of a false date"
    NOT_FOUND = "not found in the file's history"


Since = date | Unknown
Key = tuple[str, str]  # a role and a person: `@account` in lower case, or a name made plain


@dataclass(frozen=True)
class RoleHistory:
    """When each roster file (by its path from the community's root) first named each person in
    each role; `complete` when the whole history was read."""

    complete: bool = False
    first: Mapping[str, Mapping[Key, Since]] = field(default_factory=dict)

    def since(self, file: str, role: str, account: str | None, name: str | None) -> Since | None:
        """Since when `file` names the person of this account (else name) in `role`; None when
        `file` is no roster file."""
        if posixpath.basename(file) not in ROSTER_FILES:
            return None
        if not self.complete:
            return Unknown.NO_HISTORY
        key = _account_key(account) if account else _name_key((name or "")[: 2 * MAX_NAME])
        return self.first.get(file, {}).get((role, key), Unknown.NOT_FOUND) if key else Unknown.NOT_FOUND


class Rosters:
    """The roster files of the groups' folders followed through one walk, newest commit first.

    `folder_of(tree, path)` gives the id of a group's folder in a top tree (None where it has
    none), `groups_of(tree)` every group's folder of a top tree by path, `tree(id)` a tree's bytes
    (an exception of the walk when it cannot be read), `blob(id)` a file's bytes (None when it
    cannot be read: the walk has said why)."""

    def __init__(
        self,
        folders: Iterable[bytes],
        folder_of: Callable[[bytes, bytes], bytes | None],
        groups_of: Callable[[bytes], dict[bytes, bytes]],
        tree: Callable[[bytes], bytes],
        blob: Callable[[bytes], bytes | None],
        oid_length: int,
        problems: Problems,
    ) -> None:
        names = [os.fsencode(name) for name in ROSTER_FILES]
        # group's folder -> roster file's name -> the file (from the root) its versions tell of
        self.tracked: dict[bytes, dict[bytes, str]] = {
            folder: {name: os.fsdecode(folder + b"/" + name) for name in names} for folder in folders
        }
        self.names = frozenset(names)
        self.folder_of, self.groups_of, self.tree, self.blob = folder_of, groups_of, tree, blob
        self.oid_length = oid_length
        self.problems = problems
        self.entries: dict[bytes, dict[bytes, bytes]] = {}  # a folder's id -> its roster files' ids
        self.first: dict[str, dict[Key, Since]] = {}
        self.read = 0  # bytes of versions read
        self.stopped = False  # a version could not be read, or the budget is spent

    @property
    def wanted(self) -> bool:
        """True while the walk should go on for the roster files."""
        return bool(self.tracked) and not self.stopped

    def history(self, complete: bool) -> RoleHistory:
        """What the walk found; unknown throughout unless it was `complete` and never stopped."""
        if not complete or self.stopped:
            return RoleHistory()
        return RoleHistory(complete=True, first=self.first)

    def commit(self, tree: bytes, parents: list[bytes], changed: set[bytes], since: Since) -> None:
        """Date by `since` whom each roster file of the `changed` folders names, where its version
        is its own (differs from every parent's); the commit's top tree is `tree`, its parents'
        `parents`."""
        touched = sorted(changed.intersection(self.tracked))
        if not touched or not self.wanted:
            return
        for group in touched:
            folder = self.folder_of(tree, group)
            if folder is None:
                continue  # removed by this commit
            files = self.files(folder)
            before = [self.folder_of(parent, group) for parent in parents]
            earlier = [self.files(found) if found is not None else {} for found in before]
            for name, target in list(self.tracked[group].items()):
                blob = files.get(name)
                if blob is None or any(had.get(name) == blob for had in earlier):
                    continue
                if before == [None]:  # a folder new in a commit of one parent: renamed?
                    self.follow_rename(self.groups_of(tree), self.groups_of(parents[0]), name, blob, target)
                named = self.version(blob, name)
                if named is None:
                    return
                record = self.first.setdefault(target, {})
                for key in named:
                    record[key] = since

    def follow_rename(
        self, now: dict[bytes, bytes], before: dict[bytes, bytes], name: bytes, blob: bytes, target: str
    ) -> None:
        """A folder new in a commit that removed one holding the same roster file (or the only one
        holding a file of that name) was renamed: its older versions count for `target`."""
        held = {
            group: found
            for group, folder in before.items()
            if group not in now and (found := self.files(folder).get(name)) is not None
        }
        same = [group for group, found in held.items() if found == blob]
        old = same[0] if len(same) == 1 else next(iter(held)) if len(held) == 1 else None
        if old is not None:
            self.tracked.setdefault(old, {}).setdefault(name, target)

    def files(self, folder: bytes) -> dict[bytes, bytes]:
        """The roster files in a group's folder (by its id): their ids."""
        found = self.entries.get(folder)
        if found is None:
            if len(self.entries) >= ENTRIES_KEPT:
                self.entries.clear()
            found = self.entries[folder] = treebytes.files(self.tree(folder), self.names, self.oid_length)
        return found

    def version(self, blob: bytes, name: bytes) -> set[Key] | None:
        """Whom a roster file's version names, in which role; None (and the roles' history
        stopped) when it cannot be read or the budget is spent. A version larger than a text may
        be (MAX_TEXT_BYTES) names nobody."""
        raw = self.blob(blob)
        if raw is None:
            self.stopped = True
            return None
        self.read += len(raw)
        if self.read > ROSTER_BUDGET:
            self.stopped = True
            self.problems.warning(
                GIT_FOLDER,
                None,
                f"the versions of the groups' roster files in the history are more than the "
                f"{ROSTER_BUDGET:,} bytes the hub reads: since when each person holds a role is shown as "
                "unknown",
                "look for commits that rewrite roster files in bulk (git log --stat -- '*/sig-info.yaml')",
            )
            return None
        if len(raw) > MAX_TEXT_BYTES:
            return set()
        return roster_names(raw.decode("utf-8", "replace"), os.fsdecode(name))


_KEY_LINE = re.compile(r"( *)(?:- +)?([A-Za-z][\w-]*) *:(?:[ \t]+(.*))?")  # `  - gitee_id: ada`
_ITEM_LINE = re.compile(r" *- +(.*)")  # `  - ada`
# The keys of a person's entry that the file's reader takes: a name, and an account.
_PERSON_KEYS = {MEMBERS_FILE: ("name", "gitee_home"), SIG_INFO_FILE: ("name", "gitee_id")}


def roster_names(text: str, file: str) -> set[Key]:
    """Whom a version of a roster file (`file` is its name) names, in which role, as members.py
    and statements.py read the file: sig_members.yaml's role lists, sig-info.yaml's maintainers and
    mentors and its repositories' admins, committers and contributors, OWNERS' approvers (or
    maintainers). Read line by line, as the community's template writes them (block lists of
    mappings); a version written otherwise (flow lists) names nobody there."""
    found: set[Key] = set()
    person_keys = _PERSON_KEYS.get(file, ())
    role: str | None = None
    section = 0  # the column of the key that opened the role's list
    top: str | None = None  # the key at the first column the lines are under
    scalar = -1  # the column of a key whose block text (`|`, `>`) the lines are, else -1
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if indent == len(line) or line[indent] == "#" or (scalar >= 0 and indent > scalar):
            continue
        scalar = -1
        match = _KEY_LINE.fullmatch(line)
        if match is None:
            item = _ITEM_LINE.fullmatch(line)
            if item is not None and role is not None and file == OWNERS_FILE:
                _add(found, role, "gitee_id", _value(item[1]))
            continue
        column, key, value = match.start(2), match[2], _value(match[3] or "")
        if value[:1] in ("|", ">"):
            scalar = column
        if column == 0:
            top = key
        if role is not None and column <= section:
            role = None
        opened = None if value else _role(file, key, column, top)
        if opened is not None:
            role, section = opened, column
        elif role is not None and key in person_keys and value:
            _add(found, role, key, value)
    return found


def _role(file: str, key: str, column: int, top: str | None) -> str | None:
    """The role of the people listed under `key`, as the file's reader takes them."""
    if file == MEMBERS_FILE:
        return ROLE_KEYS.get(key) if column == 0 else None
    if file == SIG_INFO_FILE:
        if column == 0:
            return SIG_INFO_ROLES.get(key)
        return SIG_INFO_REPO_ROLES.get(key) if top == "repositories" else None
    return MAINTAINER if file == OWNERS_FILE and column == 0 and key in OWNERS_KEYS else None


def _add(found: set[Key], role: str, key: str, value: str) -> None:
    """The person a line gives: an account (sig-info's gitee_id, a members entry's gitee_home, an
    approver) or a name."""
    text = given(value)
    if text is None:
        return
    if key == "gitee_home":
        if account := _home_account(text):
            found.add((role, _account_key(account)))
    elif key == "gitee_id" and ACCOUNT.fullmatch(text):
        found.add((role, _account_key(text)))
    elif name := _name_key(text[: 2 * MAX_NAME]):  # as plain reads it; a gitee_id that is none: a name
        found.add((role, name))


def _value(text: str) -> str:
    """A line's value: within its quotes, else without a comment (` #` onwards)."""
    text = text.strip()
    if text[:1] in ("'", '"'):
        end = text.find(text[0], 1)
        return text[1:end] if end > 0 else text[1:]
    at = text.find("#")
    while at > 0 and text[at - 1] not in " \t":
        at = text.find("#", at + 1)
    return text[:at].rstrip() if at >= 0 else text


@lru_cache(maxsize=65_536)
def _home_account(home: str) -> str | None:
    """The account of a members entry's gitee_home, as members.py takes it; None for another."""
    try:
        return gitee_account(home) if len(home) <= 2 * MAX_NAME and is_web_url(home) else None
    except ValueError:
        return None


def _account_key(account: str) -> str:
    return "@" + account.lower()


@lru_cache(maxsize=65_536)
def _name_key(name: str) -> str:
    return plain(name)
