"""What the checkout's Git history says: the commit the hub is built from, and when each group's
folder last changed, read with dulwich.

dulwich reads the repository's objects in Python and runs no program: no pager, no `gpg.program`,
no `diff.external`, textconv, filter or fsmonitor hook that a checkout's `.git/config` may name
(git would run some of them; `safe.directory` exists to keep git from doing so). A folder's name
is compared with the names of tree entries, byte for byte, never read as a pattern, so a folder
named `*` is that folder only.

Before anything is read, the checkout's `.git` is checked (hub/gitfolder.py): its own folder,
regular files of bounded sizes, a configuration that includes no other file; the objects are read
within bounds (hub/gitobjects.py). What cannot be read, for whatever reason, is one warning about
`.git`: before the commit HEAD leads to and its tree are read, the history is unavailable; after,
it is partial (`shallow`), and what was read stands.

The commits are walked once, newest first, from HEAD. A commit changed a group's folder when the
folder's tree id differs from its parent's (from every parent's, for a merge). Only ids are
compared: the top trees' first (a commit that changed a file at the top changed no group), then
those of `sigs`, `working-groups` and `tsc`, then those of the groups' folders in a kind's folder
that changed, each found in the tree's bytes (hub/treebytes.py) and kept by tree id, a bounded
number. A commit that changes `bulk_groups` groups' folders or more is housekeeping (a README
sweep, a template change) and dates none of them. A commit whose committer date cannot be (a year
past 9999) or is after the build dates none either: a date that is false says nothing of when the
change was made, and taking the build's day instead would keep a group that a forged date names
active on every build. The walk stops once every folder is dated, unless the groups' roster files
are followed too (`rosters`: hub/role_history.py), which takes the whole history.

Only a checkout whose top is the community folder itself is read (a copy inside another
repository, such as the tests' fixture, has no history of its own); a shallow clone, grafts or an
object that is missing make the history partial (`shallow`), never wrong.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import cast

from dulwich.objects import Blob, Commit, ObjectID, ShaFile, Tree

from sigsite.build_date import build_time
from sigsite.hub import treebytes
from sigsite.hub.gitfolder import GIT_FOLDER, GitFolder, Refused, open_git_folder, quoted
from sigsite.hub.gitobjects import Objects
from sigsite.hub.role_history import RoleHistory, Rosters, Since, Unknown
from sigsite.layout import MINDSPORE, GroupKind
from sigsite.problems import Problems
from sigsite.settings import BULK_CHANGE_GROUPS

TOPS_KEPT = 16_384  # kinds' folders kept from the top trees read, by the tree's id (up to 3 each)
FOLDERS_KEPT = 50_000  # groups' folders kept from the kinds' folders read, by the folder's id
LATE = timedelta(days=1)  # how far after the build a commit may be dated: zones, clocks set apart
_READ_FIX = "check the repository with `git fsck`, or clone it again"


@dataclass(frozen=True)
class History:
    """What the checkout's history says: the commit it is at, each folder's last change, and
    whether it is partial."""

    available: bool = False
    shallow: bool = False  # only part of the history is held: a shallow clone, grafts, missing objects
    last_change: dict[str, date] = field(default_factory=dict)  # repository path -> date
    commit: str | None = None  # the full id of the commit the checkout is at (HEAD)
    committed: date | None = None  # that commit's committer date, in the committer's zone; None if false
    unreadable: bool = False  # a repository whose history could not be read (a warning says why)
    bulk_groups: int = BULK_CHANGE_GROUPS  # a commit changing this many groups' folders is housekeeping
    bulk_commits: int = 0  # how many commits the walk set aside as housekeeping
    roles: RoleHistory = field(default_factory=RoleHistory)  # since when each roster names each person

    @property
    def knows_commit(self) -> bool:
        """True when the commit the checkout is at, and its date, are known."""
        return self.commit is not None and self.committed is not None


class _Unreadable(Exception):
    """An object the walk needs could not be read: `sha` names it, `cause` is what was raised."""

    def __init__(self, sha: bytes, cause: Exception) -> None:
        super().__init__(sha, cause)
        self.sha = sha
        self.cause = cause


def read_history(
    root: Path,
    paths: list[str],
    *,
    kinds: tuple[GroupKind, ...] = MINDSPORE.kinds,
    bulk_groups: int = BULK_CHANGE_GROUPS,
    problems: Problems | None = None,
    now: datetime | None = None,
    rosters: bool = False,
) -> History:
    """The commit `root` is at and the last change of each of `paths` (group folders, relative to
    `root`); with `rosters`, since when each of their roster files names each person in each role
    (hub/role_history.py). No history when `root` is not the top of a Git checkout. What cannot be
    read is one warning of `problems` (about `.git`): the history is unavailable, or partial. A
    commit dated more than a day after `now` (the build's moment: SOURCE_DATE_EPOCH, else now)
    dates nothing."""
    problems = problems if problems is not None else Problems()
    if not os.path.lexists(root / GIT_FOLDER):
        return History(bulk_groups=bulk_groups)
    try:
        folder = open_git_folder(root)
    except Refused as exc:
        return _unavailable(exc.why, exc.fix, bulk_groups, problems)
    except Exception as exc:  # damage dulwich's parsers or the system report: no list of them is whole
        return _unavailable(f"reading it raised {_raised(exc)}", _READ_FIX, bulk_groups, problems)
    if folder.head is None:
        problems.warning(GIT_FOLDER, None, "the checkout's repository has no commit yet: it has no history")
        return History(bulk_groups=bulk_groups)
    try:
        with Objects(folder) as objects:
            walk = _Walk(objects, folder, kinds, bulk_groups, problems, (now or build_time()) + LATE)
            return walk.history(paths, rosters)
    except _Unreadable as exc:
        return _unavailable(_failure(exc), _fix(exc), bulk_groups, problems)


def _unavailable(why: str, fix: str, bulk_groups: int, problems: Problems) -> History:
    problems.warning(
        GIT_FOLDER,
        None,
        f"the checkout's Git history cannot be read ({why}): the hub says history is unavailable, and no "
        "group's last change is shown",
        fix,
    )
    return History(unreadable=True, bulk_groups=bulk_groups)


class _Walk:
    """One walk of the commits from HEAD, newest first, with what it has read of their trees."""

    def __init__(
        self,
        objects: Objects,
        folder: GitFolder,
        kinds: tuple[GroupKind, ...],
        bulk_groups: int,
        problems: Problems,
        latest: datetime,
    ) -> None:
        self.objects = objects
        self.folder = folder
        self.kind_list = kinds  # the layout's kinds of group, each a folder at the top
        self.kind_folders = frozenset(os.fsencode(kind.folder) for kind in kinds)
        self.format = folder.object_format
        self.oid_length = folder.object_format.oid_length
        self.bulk_groups = bulk_groups
        self.problems = problems
        self.latest = latest.timestamp()  # a commit dated after this is in the future
        self.partial = False  # an object could not be read: what lies behind it is unknown
        self.bulk_commits = 0
        self.undated = 0  # commits whose dates are false
        self.first_undated: bytes | None = None
        self.tops = _Kept(TOPS_KEPT)  # a top tree's id -> the ids of the kinds' folders in it
        self.kinds = _Kept(FOLDERS_KEPT)  # a kind's folder's id -> the ids of its groups' folders
        self.rosters: Rosters | None = None  # the groups' roster files, when they are followed

    def history(self, paths: list[str], rosters: bool = False) -> History:
        """The history from HEAD (with `rosters`, that of the folders' roster files too):
        _Unreadable when its commit or that commit's folders cannot be read."""
        head = cast(bytes, self.folder.head)
        snapshot = self.commit(head)
        # A folder of the checkout that HEAD does not hold (never committed) has no last change.
        wanted = {os.fsencode(path) for path in paths} & set(self.groups(snapshot.tree))
        if rosters and not self.folder.shallow:  # a shallow clone tells no role's since
            self.rosters = self.roster_files(os.fsencode(path) for path in paths)
        dated = self.last_changes(head, snapshot, wanted)
        committed = self.day(snapshot)
        self.say_undated(head, committed)
        return History(
            available=True,
            shallow=self.partial or self.folder.shallow,
            last_change={os.fsdecode(path): day for path, day in dated.items()},
            commit=head.decode("ascii"),
            committed=committed,
            bulk_groups=self.bulk_groups,
            bulk_commits=self.bulk_commits,
            roles=self.rosters.history(complete=not self.partial) if self.rosters else RoleHistory(),
        )

    def roster_files(self, folders: Iterable[bytes]) -> Rosters:
        """The roster files of the groups' `folders`, followed through the walk."""
        return Rosters(
            folders,
            self.group_folder,
            self.groups,
            lambda sha: self.read(sha, Tree),
            self.roster_version,
            self.oid_length,
            self.problems,
        )

    def roster_version(self, sha: bytes) -> bytes | None:
        """A version of a roster file; None, with one warning, when it cannot be read (a partial
        clone holds none): the roles' since is then unknown, and the rest of the history stands."""
        try:
            return self.read(sha, Blob)
        except _Unreadable as exc:
            self.problems.warning(
                GIT_FOLDER,
                None,
                f"{_failure(exc)}: since when each person holds a role is shown as unknown",
                _fix(exc),
            )
            return None

    def read(self, sha: bytes, kind: type[ShaFile]) -> bytes:
        """The contents of the object `sha`, which must be of `kind`; _Unreadable for whatever
        keeps it from being read (missing, damaged, beyond the bounds, of another kind)."""
        try:
            found, raw = self.objects.raw(sha)
            if found != kind.type_num:
                raise ValueError(f"it is no {kind.type_name.decode()}")
        except Exception as exc:  # damage dulwich or zlib report: no list of them is whole
            raise _Unreadable(sha, exc) from exc
        return raw

    def commit(self, sha: bytes) -> Commit:
        """The commit `sha`, parsed; _Unreadable when it cannot be read."""
        raw = self.read(sha, Commit)
        try:
            found = cast(
                Commit,
                ShaFile.from_raw_string(Commit.type_num, raw, ObjectID(sha), object_format=self.format),
            )
            if found.commit_time is None:  # no committer line: git fsck's missingCommitter
                raise ValueError("it names no committer")
        except Exception as exc:  # dulwich's parser
            raise _Unreadable(sha, exc) from exc
        return found

    def top(self, tree: bytes) -> dict[bytes, bytes]:
        """The kinds' folders (`sigs`, `tsc`) in the top tree `tree`, by name: their ids."""
        return self.tops.get(
            tree, lambda: treebytes.named(self.read(tree, Tree), self.kind_folders, self.oid_length)
        )

    def kind(self, folder: bytes | None) -> dict[bytes, bytes]:
        """The groups' folders in a kind's folder (`sigs`), by name: their ids; none for None."""
        if folder is None:
            return {}
        return self.kinds.get(folder, lambda: treebytes.folders(self.read(folder, Tree), self.oid_length))

    def groups(self, tree: bytes) -> dict[bytes, bytes]:
        """Every group's folder (`sigs/dx`, `tsc`, as bytes) in the commit whose top tree is `tree`:
        its id."""
        found: dict[bytes, bytes] = {}
        top = self.top(tree)
        for kind in self.kind_list:
            folder = top.get(os.fsencode(kind.folder))
            if kind.single and folder is not None:
                found[_path(kind, b"")] = folder
            elif not kind.single:
                found.update({_path(kind, name): sha for name, sha in self.kind(folder).items()})
        return found

    def group_folder(self, tree: bytes, path: bytes) -> bytes | None:
        """The id of a group's folder (`sigs/dx`, `tsc`, as bytes) in the commit whose top tree is
        `tree`; None when it has none."""
        kind, _, name = path.partition(b"/")
        found = self.top(tree).get(kind)
        return self.kind(found).get(name) if name and found is not None else found

    def differ(self, after: bytes, before: bytes) -> set[bytes]:
        """The groups' folders whose ids differ between two top trees (added, edited or removed); a
        kind's folder whose id is the same in both is not looked into."""
        if after == before:
            return set()
        top_after, top_before = self.top(after), self.top(before)
        differ = set()
        for kind in self.kind_list:
            name = os.fsencode(kind.folder)
            if top_after.get(name) == top_before.get(name):
                continue
            if kind.single:
                differ.add(_path(kind, b""))
                continue
            now, then = self.kind(top_after.get(name)), self.kind(top_before.get(name))
            differ |= {_path(kind, group) for group, _ in now.items() ^ then.items()}
        return differ

    def changed(self, commit: Commit, parents: list[Commit]) -> set[bytes]:
        """The groups' folders `commit` changed against every parent (all of them, for a root)."""
        if not parents:
            return set(self.groups(commit.tree))
        changed: set[bytes] | None = None
        for parent in parents:
            differ = self.differ(commit.tree, parent.tree)
            changed = differ if changed is None else changed & differ
        return changed or set()

    def parents(self, sha: bytes, commit: Commit) -> tuple[list[tuple[bytes, Commit]], bool]:
        """The parents the repository holds (grafts and the shallow file applied), and whether they
        are all of them: a commit whose parents were cut (a shallow clone's oldest) or cannot be
        read says nothing of what it changed."""
        found = []
        for parent in self.folder.grafts.get(sha, commit.parents):
            try:
                found.append((parent, self.commit(parent)))
            except _Unreadable as exc:
                self.unreadable(exc)
                return [], False
        return found, bool(found) or not commit.parents

    def unreadable(self, exc: _Unreadable) -> None:
        """Say once that the history lacks an object or cannot read it: the walk goes on without it."""
        if not self.partial:
            self.problems.warning(
                GIT_FOLDER,
                None,
                f"{_failure(exc)}: what the commits that need it changed is unknown, and the hub says "
                "the history is partial",
                _fix(exc),
            )
        self.partial = True

    def day(self, commit: Commit) -> date | None:
        """The day `commit` was committed, in its committer's zone; None when its date cannot be or
        is after the build."""
        return _committer_date(commit) if commit.commit_time <= self.latest else None

    @property
    def following_rosters(self) -> bool:
        """True while the roster files want the walk to go on: the history read so far is whole."""
        return self.rosters is not None and self.rosters.wanted and not self.partial

    def last_changes(self, head: bytes, first: Commit, wanted: set[bytes]) -> dict[bytes, date]:
        """The committer date of the newest commit that changed each of `wanted`, housekeeping and
        commits of false dates aside; each commit handed to the roster files while they want it."""
        dated: dict[bytes, date] = {}
        queue: list[tuple[int, bytes, Commit]] = [(-first.commit_time, head, first)]
        seen = {head}
        while queue and (len(dated) < len(wanted) or self.following_rosters):
            _, sha, commit = heapq.heappop(queue)
            parents, whole = self.parents(sha, commit)
            day = self.day(commit)
            if day is None:
                self.undated += 1
                self.first_undated = self.first_undated or sha
            if whole and (day is not None or self.following_rosters):
                try:
                    changed = self.changed(commit, [parent for _, parent in parents])
                except _Unreadable as exc:  # a tree of this commit or of a parent
                    self.unreadable(exc)
                    changed = set()
                housekeeping = len(changed) >= self.bulk_groups
                if day is not None and housekeeping:
                    self.bulk_commits += 1
                elif day is not None:
                    for path in changed & wanted:
                        dated.setdefault(path, day)
                if changed and self.rosters and self.following_rosters:
                    since: Since = (
                        Unknown.FALSE_DATE if day is None else Unknown.HOUSEKEEPING if housekeeping else day
                    )
                    trees = [parent.tree for _, parent in parents]
                    try:
                        self.rosters.commit(commit.tree, trees, changed, since)
                    except _Unreadable as exc:  # a tree of a group's folder
                        self.unreadable(exc)
            for parent_sha, parent in parents:
                if parent_sha not in seen:
                    seen.add(parent_sha)
                    heapq.heappush(queue, (-parent.commit_time, parent_sha, parent))
        return dated

    def say_undated(self, head: bytes, committed: date | None) -> None:
        """One warning for the commits whose dates are false, HEAD's among them."""
        count = self.undated or int(committed is None)  # HEAD is walked first, unless nothing is wanted
        if not count:
            return
        first = (self.first_undated or head).decode("ascii")
        snapshot = (
            " The commit the checkout is at is one of them: its date is shown as unknown."
            if committed is None
            else ""
        )
        self.problems.warning(
            GIT_FOLDER,
            None,
            f"{count:,} commit(s) have a committer date that cannot be (a year past 9999) or that is after "
            f"the build, the first {first}: they date no group's change.{snapshot}",
            "correct the clock of the machine that made them, or build on a later day",
        )


class _Kept:
    """Values last computed, by key, up to `limit` entries in all: the oldest are forgotten first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.values: dict[bytes, dict[bytes, bytes]] = {}
        self.size = 0

    def get(self, key: bytes, compute: Callable[[], dict[bytes, bytes]]) -> dict[bytes, bytes]:
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = compute()
            self.size += len(found) + 1
            while self.size > self.limit and len(self.values) > 1:
                self.size -= len(self.values.pop(next(iter(self.values)))) + 1
        return found


def _path(kind: GroupKind, name: bytes) -> bytes:
    """A group's folder in the repository, as bytes: `sigs/dx`, or `tsc` for the name ""."""
    folder = os.fsencode(kind.folder)
    return folder + b"/" + name if name else folder


def _committer_date(commit: Commit) -> date | None:
    """The day a commit was committed, in its committer's zone (in UTC when the zone cannot be);
    None when its time cannot be."""
    try:
        zone = timezone(timedelta(seconds=commit.commit_timezone))
    except (ValueError, OverflowError):
        zone = UTC
    try:
        return datetime.fromtimestamp(commit.commit_time, zone).date()
    except (ValueError, OverflowError, OSError):
        return None


def _failure(exc: _Unreadable) -> str:
    """What could not be read, and why."""
    shown = exc.sha.hex() if len(exc.sha) in (20, 32) else exc.sha.decode("ascii", "replace")
    if isinstance(exc.cause, KeyError):
        return f"the checkout's history lacks the object {shown}"
    why = exc.cause.why if isinstance(exc.cause, Refused) else _raised(exc.cause)
    return f"the checkout's history could not read the object {shown}: {why}"


def _fix(exc: _Unreadable) -> str:
    if isinstance(exc.cause, KeyError):
        return "fetch the whole history (git fetch --unshallow, or a clone without --depth or --filter)"
    return exc.cause.fix if isinstance(exc.cause, Refused) else _READ_FIX


def _raised(exc: Exception) -> str:
    """An exception as a warning names it: its type and its first words."""
    return f"{type(exc).__name__}: {quoted(exc)}" if str(exc) else type(exc).__name__
