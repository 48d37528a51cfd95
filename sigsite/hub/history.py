"""What the checkout's Git history says: the commit the hub is built from, and when each group's
folder last changed, read with dulwich.

dulwich reads the repository's objects in Python and runs no program: no pager, no `gpg.program`,
no `diff.external`, textconv, filter or fsmonitor hook that a checkout's `.git/config` may name
(git would run some of them; `safe.directory` exists to keep git from doing so). A folder's name
is compared with the names of tree entries, byte for byte, never read as a pattern, so a folder
named `*` is that folder only.

The commits are walked once, newest first, from HEAD. A commit changed a group's folder when the
folder's tree id differs from its parent's (from every parent's, for a merge); only the ids of
`sigs/<group>`, `working-groups/<group>` and `tsc` are compared, never the files below them. A
commit that changes `bulk_groups` groups' folders or more is housekeeping (a README sweep, a
template change) and dates none of them. The walk stops once every folder is dated.

Only a checkout whose top is the community folder itself is read (a copy inside another
repository, such as the tests' fixture, has no history of its own). What cannot be read is a
warning and the history is said to be unavailable; a shallow clone, grafts or missing objects make
it partial (`shallow`), never wrong.
"""

from __future__ import annotations

import heapq
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import cast

from dulwich.errors import (
    ChecksumMismatch,
    FileFormatException,
    NotGitRepository,
    ObjectMissing,
    WrongObjectException,
)
from dulwich.objects import Commit, ObjectID, RawObjectID, Tree, parse_tree
from dulwich.refs import HEADREF
from dulwich.repo import Repo, UnsupportedExtension, UnsupportedVersion

from sigsite.hub.kinds import KINDS, GroupKind
from sigsite.problems import Problems
from sigsite.settings import BULK_CHANGE_GROUPS

GIT_FOLDER = ".git"  # how a warning about the repository names it, from the community's root
# What reading a damaged or unusual repository may raise: the history is then unavailable.
_UNREADABLE = (
    OSError,
    ValueError,
    KeyError,
    zlib.error,
    ChecksumMismatch,
    FileFormatException,
    NotGitRepository,
    ObjectMissing,
    WrongObjectException,
    UnsupportedExtension,
    UnsupportedVersion,
)
_COMMIT_ID = re.compile(rb"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256, as refs hold them
_TREES_KEPT = 4096  # trees parsed and kept while walking: the top and the kinds' folders of recent commits
_TYPE = 0o170000  # the bits of a tree entry's mode that say what it is (stat.S_IFMT)

Id = (
    ObjectID | RawObjectID
)  # an object's id: in hex (a commit's tree, its parents) or in bytes (a tree's entries)
Listing = frozenset[tuple[bytes, int, RawObjectID]]  # a tree's entries: (name, mode, id)


@dataclass(frozen=True)
class History:
    """What the checkout's history says: the commit it is at, each folder's last change, and
    whether it is partial."""

    available: bool = False
    shallow: bool = False  # only part of the history is held: a shallow clone, grafts, missing objects
    last_change: dict[str, date] = field(default_factory=dict)  # repository path -> date
    commit: str | None = None  # the full id of the commit the checkout is at (HEAD)
    committed: date | None = None  # that commit's committer date, in the committer's zone
    unreadable: bool = False  # a repository whose history could not be read (a warning says why)
    bulk_groups: int = BULK_CHANGE_GROUPS  # a commit changing this many groups' folders is housekeeping
    bulk_commits: int = 0  # how many commits the walk set aside as housekeeping

    @property
    def knows_commit(self) -> bool:
        """True when the commit the checkout is at, and its date, are known."""
        return self.commit is not None and self.committed is not None


def read_history(
    root: Path,
    paths: list[str],
    *,
    bulk_groups: int = BULK_CHANGE_GROUPS,
    problems: Problems | None = None,
) -> History:
    """The commit `root` is at and the last change of each of `paths` (group folders, relative to
    `root`); no history when `root` is not the top of a Git checkout. What cannot be read is a
    warning of `problems` (about `.git`), and the history is unavailable."""
    problems = problems if problems is not None else Problems()
    if not os.path.lexists(root / GIT_FOLDER):
        return History(bulk_groups=bulk_groups)
    try:
        # bare=False: only root/.git is a repository, never folders a commit could add (objects/, refs/).
        with Repo(str(root), bare=False) as repo:
            return _read(repo, paths, bulk_groups, problems)
    except _UNREADABLE as exc:
        problems.warning(
            GIT_FOLDER,
            None,
            f"the checkout's Git history cannot be read ({type(exc).__name__}: {exc}): the hub says "
            "history is unavailable, and no group's last change is shown",
            "check the repository with `git fsck`, or clone it again",
        )
        return History(unreadable=True, bulk_groups=bulk_groups)


def _read(repo: Repo, paths: list[str], bulk_groups: int, problems: Problems) -> History:
    try:
        head = repo.refs[HEADREF]
    except KeyError:  # no commit yet
        problems.warning(GIT_FOLDER, None, "the checkout's repository has no commit yet: it has no history")
        return History(bulk_groups=bulk_groups)
    if not _COMMIT_ID.fullmatch(head):
        raise ValueError(f"HEAD is not a commit id: {head!r}")
    walk = _Walk(repo, bulk_groups, problems)
    snapshot = walk.commit(head)
    # A folder of the checkout that HEAD does not hold (never committed) has no last change.
    wanted = {os.fsencode(path) for path in paths} & walk.folders(snapshot.tree)
    last_change = {os.fsdecode(path): day for path, day in walk.last_changes(head, snapshot, wanted).items()}
    grafts = repo.get_named_file(os.path.join("info", "grafts"), basedir=repo.commondir())
    if grafts is not None:
        grafts.close()
    return History(
        available=True,
        shallow=walk.partial or bool(repo.get_shallow()) or grafts is not None,
        last_change=last_change,
        commit=head.decode("ascii"),
        committed=_committer_date(snapshot),
        bulk_groups=bulk_groups,
        bulk_commits=walk.bulk_commits,
    )


class _Walk:
    """One walk of the commits from HEAD, newest first, with the trees it has read."""

    def __init__(self, repo: Repo, bulk_groups: int, problems: Problems) -> None:
        self.repo = repo
        self.bulk_groups = bulk_groups
        self.problems = problems
        self.partial = False  # an object was missing: what lies behind it is unknown
        self.bulk_commits = 0
        self.oid_length = repo.object_format.oid_length
        # The trees read, by id: a top tree's entries by name; a kind's folder's entries as a set.
        self.entries: Callable[[Id], dict[bytes, tuple[int, RawObjectID]]] = lru_cache(_TREES_KEPT)(
            lambda sha: {name: (mode, child) for name, mode, child in self._tree(sha)}
        )
        self.listing: Callable[[Id], Listing] = lru_cache(_TREES_KEPT)(lambda sha: frozenset(self._tree(sha)))

    def commit(self, sha: Id) -> Commit:
        """The commit `sha`; KeyError when it is missing, WrongObjectException when it is no commit."""
        found = self.repo.object_store[sha]
        if not isinstance(found, Commit):
            raise WrongObjectException(sha, Commit.type_num)
        return found

    def _tree(self, sha: Id) -> Iterator[tuple[bytes, int, RawObjectID]]:
        """A tree's entries (name, mode, id) as it stores them, without making an object of each."""
        kind, raw = self.repo.object_store.get_raw(sha)
        if kind != Tree.type_num:
            raise WrongObjectException(sha, Tree.type_num)
        return cast("Iterator[tuple[bytes, int, RawObjectID]]", parse_tree(raw, self.oid_length))

    def _kind(self, kind: GroupKind, entry: tuple[int, RawObjectID] | None) -> Listing:
        """The entries of one kind's folder in a commit, given the kind's entry in the commit's top
        tree: the groups' folders (and any file beside them); for a kind that is one group, that
        group's folder, named ""."""
        if entry is None:
            return frozenset()
        if kind.single:
            return frozenset({(b"", *entry)})
        return self.listing(entry[1]) if entry[0] & _TYPE == stat.S_IFDIR else frozenset()

    def folders(self, tree: Id) -> set[bytes]:
        """Every group's folder (`sigs/dx`, `tsc`, as bytes) in the commit whose top tree is `tree`."""
        top = self.entries(tree)
        return {
            _path(kind, name)
            for kind in KINDS
            for name, mode, _ in self._kind(kind, top.get(os.fsencode(kind.folder)))
            if mode & _TYPE == stat.S_IFDIR
        }

    def changed(self, commit: Commit, parents: list[Commit]) -> set[bytes]:
        """The groups' folders `commit` changed (added, edited or removed) against every parent; a
        kind's folder whose id is the parent's is not looked into."""
        if not parents:
            return self.folders(commit.tree)
        changed: set[bytes] | None = None
        after = self.entries(commit.tree)
        for parent in parents:
            before, differ = self.entries(parent.tree), set()
            for kind in KINDS:
                name = os.fsencode(kind.folder)
                if after.get(name) != before.get(name):
                    entries = self._kind(kind, after.get(name)) ^ self._kind(kind, before.get(name))
                    differ |= {_path(kind, n) for n, mode, _ in entries if mode & _TYPE == stat.S_IFDIR}
            changed = differ if changed is None else changed & differ
        return changed or set()

    def parents(self, commit: Commit) -> tuple[list[Commit], bool]:
        """The parents the repository holds (grafts and the shallow file applied), and whether they
        are all of them: a commit whose parents were cut (a shallow clone's oldest) or are missing
        says nothing of what it changed."""
        found = []
        for parent in self.repo.get_parents(commit.id, commit):
            try:
                found.append(self.commit(parent))
            except KeyError:
                self.missing(parent)
                return [], False
        return found, bool(found) or not commit.parents

    def missing(self, sha: bytes) -> None:
        """Say once that the history lacks an object: the walk goes on without it."""
        if not self.partial:
            shown = sha.hex() if len(sha) == self.oid_length else sha.decode("ascii", "replace")
            self.problems.warning(
                GIT_FOLDER,
                None,
                f"the checkout's history lacks the object {shown}: what the commits that need it "
                "changed is unknown",
                "fetch the whole history (git fetch --unshallow, or a clone without --depth or --filter)",
            )
        self.partial = True

    def last_changes(self, head: ObjectID, first: Commit, wanted: set[bytes]) -> dict[bytes, date]:
        """The committer date of the newest commit that changed each of `wanted`, housekeeping aside."""
        dated: dict[bytes, date] = {}
        queue: list[tuple[int, bytes, Commit]] = [(-first.commit_time, head, first)]
        seen = {head}
        while queue and len(dated) < len(wanted):
            commit = heapq.heappop(queue)[2]
            parents, whole = self.parents(commit)
            try:
                changed = self.changed(commit, parents) if whole else set()
            except KeyError as exc:  # a tree of this commit or of a parent is missing
                self.missing(exc.args[0] if exc.args and isinstance(exc.args[0], bytes) else b"?")
                changed = set()
            if len(changed) >= self.bulk_groups:
                self.bulk_commits += 1
            elif day := _committer_date(commit):
                for path in changed & wanted:
                    dated.setdefault(path, day)
            for parent in parents:
                if parent.id not in seen:
                    seen.add(parent.id)
                    heapq.heappush(queue, (-parent.commit_time, parent.id, parent))
        return dated


def _path(kind: GroupKind, name: bytes) -> bytes:
    """A group's folder in the repository, as bytes: `sigs/dx`, or `tsc` for the name ""."""
    folder = os.fsencode(kind.folder)
    return folder + b"/" + name if name else folder


def _committer_date(commit: Commit) -> date | None:
    """The day a commit was committed, in its committer's zone; None when its header is impossible."""
    try:
        zone = timezone(timedelta(seconds=commit.commit_timezone))
    except (ValueError, OverflowError):
        zone = UTC
    try:
        return datetime.fromtimestamp(commit.commit_time, zone).date()
    except (ValueError, OverflowError, OSError):
        return None
