"""How long reading a community's Git history takes (sigsite/hub/history.py), on generated repositories.

    python benchmarks/history.py                          # MindSpore's size and openEuler's
    python benchmarks/history.py --sizes 47x5000 120x40000 --files 12000
    python benchmarks/history.py --sizes 47x2000 --wide 20000      # 20,000 files at the top
    python benchmarks/history.py --sizes 50x2000 --rosters         # and since when each role is held
    python benchmarks/history.py --sizes 47x5000 --make /tmp/repo  # write it, then measure one read:
    /usr/bin/time -v python benchmarks/history.py --sizes 47x5000 --read /tmp/repo

Each size GxN writes a repository with `git fast-import`: G group folders (most under sigs/, two
under working-groups/, and tsc/) holding --files files in all, and N commits: most edit one file of
one group, one in 40 edits two groups, one in 500 is a bulk edit of every group's README, and one
in 25 is a merge of a short branch. Every commit is three hours apart, so the dates are known; the second
commit edits a group that nothing touches after it, so the walk reads every commit. It prints
the time `read_history` takes (the least of --runs, wall and CPU: on a shared machine the CPU time
is the steadier) and how many groups it dated. With --wide W the top of the repository also holds W
files and most commits change one of them (a wide top tree that each commit rewrites). With
--rosters each group's folder also holds a sig_members.yaml naming its lead, and one commit in 10
adds a member to the roster of the group it changes: the roles' history is read too (the whole
history, hub/role_history.py), and it prints how many roles it dated. Run by hand; the test suite
runs smaller ones (tests/test_history.py, tests/test_role_history.py).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from sigsite.hub.history import History, read_history

START = 1_000_000_000  # the first commit's time (September 2001); each next one STEP later
STEP = 3 * 3600  # 40,000 commits end in 2014: a commit dated after the build dates nothing


def group_paths(groups: int) -> list[str]:
    """The groups' folders: two working groups, the TSC and the rest SIGs."""
    return [
        "tsc",
        "working-groups/wg0",
        "working-groups/wg1",
        *(f"sigs/sig{i:03d}" for i in range(max(groups - 3, 1))),
    ]


def roster_member(number: int) -> str:
    """The entry of sig_members.yaml that commit `number` adds (`--rosters`)."""
    return f"- name: Member {number}\n  gitee_home: https://gitee.com/m{number}\n"


def adds_member(number: int) -> bool:
    """True when commit `number` adds a member to the roster of the group it changes (`--rosters`):
    one in 10, never a merge's branch, a README sweep or a change of two groups."""
    return number % 10 == 3


def stream(
    groups: list[str], commits: int, files: int, seed: int = 7, *, rosters: bool = False
) -> Iterator[bytes]:
    """The fast-import commands of a repository: the first commit adds every file, each next one
    changes one group (or two, or all of them) and a few are merges of a one-commit branch. With
    `rosters`, each group holds a sig_members.yaml and one commit in 10 adds a member to it."""
    rand = random.Random(seed)
    roster = {
        group: f"Maintainers:\n- name: Lead {group}\n  gitee_home: https://gitee.com/lead{index}\n"
        for index, group in enumerate(groups)
    }
    per_group = max(files // len(groups), 2)
    mark = 0

    def blob(text: str) -> tuple[int, bytes]:
        nonlocal mark
        mark += 1
        data = text.encode()
        return mark, b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data)

    def commit(ref: str, when: int, changes: list[tuple[str, int]], parents: list[int]) -> tuple[int, bytes]:
        nonlocal mark
        mark += 1
        message = b"change"
        head = b"commit %s\nmark :%d\n" % (ref.encode(), mark)
        head += b"author t <t@t> %d +0800\ncommitter t <t@t> %d +0800\n" % (when, when)
        head += b"data %d\n%s\n" % (len(message), message)
        if parents:
            head += b"from :%d\n" % parents[0]
        for parent in parents[1:]:
            head += b"merge :%d\n" % parent
        body = b"".join(b"M 100644 :%d %s\n" % (m, path.encode()) for path, m in changes)
        return mark, head + body + b"\n"

    changes = []
    for group in groups:
        for number in range(per_group):
            name = "README.md" if number == 0 else f"meetings/{number:04d}-note.md"
            m, data = blob(f"{group} {number}")
            yield data
            changes.append((f"{group}/{name}", m))
        if rosters:
            m, data = blob(roster[group])
            yield data
            changes.append((f"{group}/sig_members.yaml", m))
    tip, data = commit("refs/heads/master", START, changes, [])
    yield data
    for number in range(1, commits):
        when = START + number * STEP
        if number == 1:
            touched = [groups[-1]]  # changed once, at the start: the walk must reach the root
        elif number % 500 == 0:
            touched = groups  # a README sweep
        else:
            touched = rand.sample(groups[:-1], 2 if number % 40 == 0 else 1)
        edits = []
        for group in touched:
            name = "README.md" if len(touched) > 2 else f"meetings/{rand.randrange(1, per_group):04d}-note.md"
            m, data = blob(f"{group} {number}")
            yield data
            edits.append((f"{group}/{name}", m))
        if rosters and adds_member(number):
            roster[touched[0]] += roster_member(number)
            m, data = blob(roster[touched[0]])
            yield data
            edits.append((f"{touched[0]}/sig_members.yaml", m))
        if number % 25 == 0:  # a branch of one commit, merged
            side, data = commit("refs/heads/side", when - STEP // 2, edits, [tip])
            yield data
            tip, data = commit("refs/heads/master", when, [], [tip, side])
        else:
            tip, data = commit("refs/heads/master", when, edits, [tip])
        yield data


def wide_stream(groups: list[str], commits: int, root_files: int) -> Iterator[bytes]:
    """The fast-import commands of a repository whose top holds `root_files` files beside the groups'
    folders: the first commit adds them all, the second changes the last group (so the walk reads
    every commit), and each next one changes one file at the top, or one group's README every 50th."""
    rand = random.Random(11)
    mark = 0
    tip = 0

    def blob(text: str) -> bytes:
        nonlocal mark
        mark += 1
        return b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(text), text.encode())

    def commit(when: int, changes: list[str]) -> bytes:
        nonlocal mark, tip
        first = mark - len(changes) + 1
        mark += 1
        head = b"commit refs/heads/master\nmark :%d\n" % mark
        head += b"author t <t@t> %d +0800\ncommitter t <t@t> %d +0800\ndata 6\nchange\n" % (when, when)
        head += b"from :%d\n" % tip if tip else b""
        tip = mark
        body = b"".join(b"M 100644 :%d %s\n" % (first + i, path.encode()) for i, path in enumerate(changes))
        return head + body + b"\n"

    tops = [f"file{number:06d}.md" for number in range(root_files)]
    first_files = tops + [f"{group}/README.md" for group in groups]
    for path in first_files:
        yield blob(f"{path} 0")
    yield commit(START, first_files)
    for number in range(1, commits):
        if number == 1:
            changed = f"{groups[-1]}/README.md"
        elif number % 50 == 0:
            changed = f"{rand.choice(groups[:-1])}/README.md"
        else:
            changed = rand.choice(tops)
        yield blob(f"{changed} {number}")
        yield commit(START + number * STEP, [changed])


def make_repository(
    folder: Path, groups: list[str], commits: int, files: int, *, root_files: int = 0, rosters: bool = False
) -> None:
    """A repository at `folder` whose history is `stream` (or `wide_stream`, with `root_files` at its
    top; with `rosters`, roster files too); no files are checked out (only the history is read)."""
    subprocess.run(["git", "init", "-q", "-b", "master", str(folder)], check=True)
    commands = (
        wide_stream(groups, commits, root_files)
        if root_files
        else stream(groups, commits, files, rosters=rosters)
    )
    with subprocess.Popen(
        ["git", "-C", str(folder), "fast-import", "--quiet"], stdin=subprocess.PIPE
    ) as importer:
        assert importer.stdin is not None
        for chunk in commands:
            importer.stdin.write(chunk)
        importer.stdin.close()
        if importer.wait() != 0:
            raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", str(folder), "gc", "-q"], check=True)  # packed, as a clone is


def _dated_roles(history: History) -> str:
    """How many of the rosters' entries (an account or a name, in a role) the history dates."""
    since = [day for first in history.roles.first.values() for day in first.values()]
    return f"{sum(isinstance(day, date) for day in since):,} of {len(since):,}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["47x5000", "120x40000"], help="GxN: groups x commits")
    parser.add_argument("--files", type=int, default=12_000, help="files in all the groups' folders")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wide", type=int, default=0, help="files at the top, beside 47 groups")
    parser.add_argument("--rosters", action="store_true", help="roster files, and the roles' history read")
    parser.add_argument("--make", type=Path, help="only write the repository of the first size here")
    parser.add_argument("--read", type=Path, help="only read this repository's history once")
    args = parser.parse_args()
    if args.make or args.read:
        size = args.sizes[0]
        groups = group_paths(int(size.split("x")[0]))
        if args.make:
            make_repository(
                args.make,
                groups,
                int(size.split("x")[1]),
                args.files,
                root_files=args.wide,
                rosters=args.rosters,
            )
        else:
            history = read_history(args.read, groups, rosters=args.rosters)
            print(f"{len(history.last_change)} groups dated, {history.bulk_commits} housekeeping commits")
        return
    for size in args.sizes:
        groups_count, commits = (int(n) for n in size.split("x"))
        groups = group_paths(groups_count)
        with tempfile.TemporaryDirectory() as workdir:
            folder = Path(workdir) / "community"
            started = time.perf_counter()
            make_repository(folder, groups, commits, args.files, root_files=args.wide, rosters=args.rosters)
            made = time.perf_counter() - started
            best, cpu, history = float("inf"), float("inf"), None
            for _ in range(args.runs):
                started, started_cpu = time.perf_counter(), time.process_time()
                history = read_history(folder, groups, rosters=args.rosters)
                best = min(best, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - started_cpu)
            assert history is not None
            print(
                f"{len(groups)} groups, {commits} commits, {args.files} files (made in {made:.1f} s): "
                f"read in {best:.2f} s ({cpu:.2f} s of CPU); {len(history.last_change)} groups dated, "
                f"{history.bulk_commits} housekeeping commits set aside"
                + (f"; {_dated_roles(history)} of the rosters' entries dated" if args.rosters else "")
            )


if __name__ == "__main__":
    main()
