"""The checkout's Git history, read with dulwich: the commit the hub is built from, each group's last
change with housekeeping set aside, a folder named like a pattern, a hostile `.git/config`, shallow,
partial, damaged and empty repositories, the cost of a long history, and the hub that says which
commit its data is from."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, validate_published
from dulwich.pack import write_pack_index
from hub_support import FIXTURE, HUB_CONFIG, JUNE_2021, build_hub, check_community

from sigsite.addresses import SiteAddresses
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import Counting, GroupHealth, group_health, held_sessions
from sigsite.hub.history import History, read_history
from sigsite.hub.loader import load_community
from sigsite.hub.source import commit_url, file_at_commit, repository_name, source_of
from sigsite.layout import MINDSPORE
from sigsite.model import Group
from sigsite.outputs.hub_api import sigs_json
from sigsite.problems import Problems
from sigsite.render.hub_blocks import render_directory, render_source

sys.path.insert(0, str(PROJECT / "benchmarks"))
import history as generated

FORGE = "https://gitee.com/mindspore/community/blob/master/"
GROUPS = [
    "sigs/alpha",
    "sigs/beta",
    "sigs/delta",
    "sigs/Vision (CV) Suite SIG",
    "working-groups/research",
    "tsc",
]


def git(folder: Path, *arguments: str, when: str = "2021-05-20T12:00:00+08:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], check=True, capture_output=True, text=True, env=env
    )
    return done.stdout.strip()


def commit(root: Path, folders: list[str], message: str, when: str) -> None:
    """A commit that changes a file the hub does not read in each of `folders`."""
    for folder in folders:
        with (root / folder / "history.txt").open("a", encoding="utf-8") as file:
            file.write(f"{message}\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, when=when)


def git_community(root: Path) -> Path:
    """The fixture community as a repository of its own, a bulk commit among its dated commits:
    1 March 2019 imports every group (six: housekeeping), 10 January 2020 changes alpha, 15 June
    2020 beta and delta together, 1 March 2021 "fix README" changes five groups (housekeeping), and
    20 May 2021 the research working group."""
    shutil.copytree(FIXTURE, root)
    git(root, "init", "-q", "-b", "master")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "import", when="2019-03-01T12:00:00+08:00")
    commit(root, ["sigs/alpha"], "alpha's plan", "2020-01-10T12:00:00+08:00")
    commit(root, ["sigs/beta", "sigs/delta"], "a joint session", "2020-06-15T12:00:00+08:00")
    bulk = ["sigs/alpha", "sigs/beta", "sigs/delta", "sigs/Vision (CV) Suite SIG", "tsc"]
    commit(root, bulk, "fix README", "2021-03-01T12:00:00+08:00")
    commit(root, ["working-groups/research"], "topic 2", "2021-05-20T12:00:00+08:00")
    return root


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    return git_community(tmp_path_factory.mktemp("history") / "community")


def test_each_groups_last_change_is_its_newest_commit_but_housekeeping(checkout):
    problems = Problems()
    history = read_history(checkout, [*GROUPS, "sigs/missing"], problems=problems)
    assert history.available and not history.shallow and not history.unreadable and problems.items == []
    assert history.last_change == {
        "sigs/alpha": date(2020, 1, 10),  # not the "fix README" of March 2021
        "sigs/beta": date(2020, 6, 15),  # two groups at once is joint work, not housekeeping
        "sigs/delta": date(2020, 6, 15),
        "working-groups/research": date(2021, 5, 20),
    }  # Vision and the TSC changed only in bulk commits: no last change; sigs/missing never existed
    assert (history.bulk_groups, history.bulk_commits) == (5, 2)
    assert history.commit == git(checkout, "rev-parse", "HEAD") and history.committed == date(2021, 5, 20)
    assert history.knows_commit


def test_the_housekeeping_threshold_is_a_setting(checkout):
    loose = read_history(checkout, GROUPS, bulk_groups=7)  # no commit of six groups or fewer is housekeeping
    assert loose.last_change == {
        **{group: date(2021, 3, 1) for group in GROUPS if group != "working-groups/research"},
        "working-groups/research": date(2021, 5, 20),
    }
    strict = read_history(checkout, GROUPS, bulk_groups=2)
    assert strict.last_change == {
        "sigs/alpha": date(2020, 1, 10),
        "working-groups/research": date(2021, 5, 20),
    }
    assert strict.bulk_commits == 3


def test_housekeeping_is_no_activity_of_the_groups(checkout):
    community, _ = load_community(checkout, bulk_change_groups=5)
    june = date(2021, 6, 1)
    vision, tsc = community.sig("vision-cv-suite-sig"), community.sig("tsc")
    assert vision.last_change is None and not vision.is_active(june)  # only the bulk commit touched it
    assert tsc.last_change is None
    assert community.sig("delta").last_change == date(2020, 6, 15) and community.sig("delta").is_active(june)
    sigs = {
        s["id"]: s
        for s in json.loads(
            sigs_json(
                community,
                _sites(community),
                june,
                CommunityHealth(),
                source_of(community.history, FORGE, june),
            )
        )["sigs"]
    }
    assert sigs["research"]["last_change"] == "2021-05-20" and sigs["research"]["active"] is True
    assert (
        sigs["vision-cv-suite-sig"]["last_change"] is None and sigs["vision-cv-suite-sig"]["active"] is False
    )


def test_an_expected_session_comes_only_from_a_recorded_session_never_from_changes():
    """alpha's README states a biweekly schedule; its last recorded session is 2 December 2021."""
    community, _ = load_community(FIXTURE)
    alpha = community.sig("alpha")
    nobody = Counting(people_of=lambda session: set(), organisation_of=str)

    def health(group: Group, today: date) -> GroupHealth:
        return group_health(group, held_sessions(group, today), nobody, today, Problems())

    assert health(alpha, date(2022, 6, 1)).expected is not None  # a session in 12 months
    later = date(2023, 6, 1)
    changed = replace(alpha, last_change=date(2023, 5, 1))  # its files changed last month, no session since
    assert changed.is_active(later) and health(changed, later).expected is None


def test_a_merge_dates_the_commits_it_brings_not_itself(tmp_path):
    root = tmp_path / "community"
    for folder in ("sigs/a", "sigs/b"):
        (root / folder).mkdir(parents=True)
    git(root, "init", "-q", "-b", "master")
    commit(root, ["sigs/a", "sigs/b"], "start", "2020-01-01T12:00:00+00:00")
    git(root, "checkout", "-qb", "side")
    commit(root, ["sigs/a"], "on a branch", "2020-02-01T12:00:00+00:00")
    git(root, "checkout", "-q", "master")
    commit(root, ["sigs/b"], "on master", "2020-03-01T12:00:00+00:00")
    git(root, "merge", "-q", "--no-ff", "-m", "merge", "side", when="2020-04-01T12:00:00+00:00")
    history = read_history(root, ["sigs/a", "sigs/b"])
    assert history.last_change == {"sigs/a": date(2020, 2, 1), "sigs/b": date(2020, 3, 1)}
    assert history.committed == date(2020, 4, 1)


def test_a_folder_named_like_a_pattern_is_that_folder_only(tmp_path):
    """`sigs/*` is no glob: its last change is its own, and so is `sigs/[ab]`'s."""
    root = tmp_path / "community"
    for folder in ("*", "[ab]", "a", "b"):
        (root / "sigs" / folder).mkdir(parents=True)
        (root / "sigs" / folder / "README.md").write_text(f"# {folder}\n", "utf-8")
    git(root, "init", "-q", "-b", "master")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "four groups", when="2019-01-01T12:00:00+00:00")
    commit(root, ["sigs/a"], "a", "2021-05-01T12:00:00+00:00")
    commit(root, ["sigs/b"], "b", "2021-05-02T12:00:00+00:00")
    community, _ = load_community(root)
    by_folder = {s.folder: s for s in community.folders}
    assert set(by_folder) == {"*", "[ab]", "a", "b"}  # the hub takes these names
    assert by_folder["*"].last_change == date(2019, 1, 1) and by_folder["[ab]"].last_change == date(
        2019, 1, 1
    )
    assert not by_folder["*"].is_active(date(2021, 6, 1))
    assert by_folder["b"].last_change == date(2021, 5, 2) and by_folder["b"].is_active(date(2021, 6, 1))


def _hostile(root: Path, marker: Path) -> None:
    """A checkout whose own configuration names a program at every place git might run one, and
    whose HEAD carries a signature that `log.showSignature` has git verify with `gpg.program`. (A
    configuration that includes another file is not read at all: see the damages below.)"""
    script = root.parent / "run.sh"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\ncat >/dev/null\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    hooks = root.parent / "hooks"
    hooks.mkdir()
    for hook in ("post-checkout", "pre-commit", "reference-transaction", "fsmonitor-watchman"):
        shutil.copy(script, hooks / hook)
    with (root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(
            f"[core]\n\tpager = {script}\n\tfsmonitor = {script}\n\thooksPath = {hooks}\n"
            f"\teditor = {script}\n\taskPass = {script}\n\tsshCommand = {script}\n"
            f'[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {script}\n[gpg "ssh"]\n\tprogram = {script}\n'
            f'[diff]\n\texternal = {script}\n[diff "x"]\n\ttextconv = {script}\n'
            f'[filter "x"]\n\tclean = {script}\n\tsmudge = {script}\n\tprocess = {script}\n'
            f"[credential]\n\thelper = !{script}\n[pager]\n\tlog = {script}\n"
        )
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "attributes").write_text("* diff=x filter=x\n", "utf-8")
    head = git(root, "cat-file", "commit", "HEAD")
    headers, _, message = head.partition("\n\n")
    signature = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQ==\n -----END PGP SIGNATURE-----"
    signed = root.parent / "signed"
    signed.write_text(f"{headers}\n{signature}\n\n{message}\n", "utf-8")
    git(root, "update-ref", "HEAD", git(root, "hash-object", "-t", "commit", "-w", str(signed)))


def test_a_hostile_git_config_runs_no_program(checkout, tmp_path):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    marker = tmp_path / "ran"
    _hostile(root, marker)
    # What the hub ran before reading with dulwich runs the checkout's gpg.program: the trap is set.
    subprocess.run(
        ["git", "-c", "core.fsmonitor=false", "-C", str(root), "log", "-1", "--format=%cs", "--", "tsc"],
        check=True,
        capture_output=True,
    )
    assert marker.exists()
    marker.unlink()
    history = read_history(root, GROUPS)
    community, _ = load_community(root)
    assert not marker.exists()
    assert history.available and history.last_change["sigs/alpha"] == date(2020, 1, 10)
    assert community.sig("research").last_change == date(2021, 5, 20)


def test_a_shallow_clone_is_said_shallow_and_dates_only_what_it_holds(checkout, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{checkout}", str(shallow)],
        check=True,
        capture_output=True,
    )
    problems = Problems()
    history = read_history(shallow, GROUPS, problems=problems)
    assert history.available and history.shallow and problems.items == []
    # The clone's oldest commit ("fix README") lost its parent: what it changed is unknown.
    assert history.last_change == {"working-groups/research": date(2021, 5, 20)}
    assert history.commit == git(checkout, "rev-parse", "HEAD")
    assert "shallow" in render_directory([], history, MINDSPORE.kinds, "en")


def test_a_missing_object_makes_the_history_partial_with_a_warning(checkout, tmp_path):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    first = git(root, "rev-list", "--max-parents=0", "HEAD")
    (root / ".git" / "objects" / first[:2] / first[2:]).unlink()  # the import, loose in a fresh repository
    problems = Problems()
    only_research = read_history(root, ["working-groups/research"], problems=problems)
    assert only_research.last_change == {"working-groups/research": date(2021, 5, 20)}
    assert not only_research.shallow and problems.items == []  # dated by HEAD: the walk stopped there
    history = read_history(root, GROUPS, problems=problems)
    assert history.available and history.shallow
    # alpha's change of January 2020 has the missing import as its parent: what it changed is unknown.
    assert "sigs/alpha" not in history.last_change and history.last_change["sigs/beta"] == date(2020, 6, 15)
    (warning,) = problems.items
    assert warning.file == ".git" and first in warning.message and "git fetch --unshallow" in warning.fix


def _garbage_git_file(root: Path) -> None:
    shutil.rmtree(root / ".git")
    (root / ".git").write_text("not a repository\n", "utf-8")


def _unknown_extension(root: Path) -> None:
    with (root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write("[core]\n\trepositoryformatversion = 1\n[extensions]\n\tnoSuchExtension = true\n")


def _head_is_no_commit(root: Path) -> None:
    (root / ".git" / "HEAD").write_text("<b>not an id</b>\n", "utf-8")


def _head_commit_missing(root: Path) -> None:
    head = git(root, "rev-parse", "HEAD")
    (root / ".git" / "objects" / head[:2] / head[2:]).unlink()


def _no_objects(root: Path) -> None:
    shutil.rmtree(root / ".git" / "objects")


def _references_loop(root: Path) -> None:
    (root / ".git" / "HEAD").write_text("ref: refs/heads/a\n", "utf-8")
    (root / ".git" / "refs" / "heads" / "a").write_text("ref: refs/heads/b\n", "utf-8")
    (root / ".git" / "refs" / "heads" / "b").write_text("ref: refs/heads/a\n", "utf-8")


def _pack_index(root: Path) -> Path:
    git(root, "gc", "-q")
    (index,) = (root / ".git" / "objects" / "pack").glob("*.idx")
    index.chmod(index.stat().st_mode | stat.S_IWUSR)
    return index


def _index_cut_short(root: Path) -> None:
    with _pack_index(root).open("r+b") as index:
        index.truncate(100)


def _index_claims_every_object(root: Path) -> None:
    index = _pack_index(root)
    data = bytearray(index.read_bytes())
    data[8:1032] = b"\xff" * 1024  # the fan-out table: 4,294,967,295 objects
    index.write_bytes(bytes(data))


def _config_says_sha256(root: Path) -> None:
    (root / ".git" / "config").write_text(
        "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n", "utf-8"
    )


def _includes_dev_zero(root: Path) -> None:
    git(root, "config", "include.path", "/dev/zero")


def _includes_a_fifo(root: Path) -> None:
    os.mkfifo(root.parent / "fifo")
    git(root, "config", "includeIf.gitdir:/.path", str(root.parent / "fifo"))


def _config_is_dev_zero(root: Path) -> None:
    (root / ".git" / "config").unlink()
    (root / ".git" / "config").symlink_to("/dev/zero")


def _config_is_a_fifo(root: Path) -> None:
    (root / ".git" / "config").unlink()
    os.mkfifo(root / ".git" / "config")


def _head_is_a_fifo(root: Path) -> None:
    (root / ".git" / "HEAD").unlink()
    os.mkfifo(root / ".git" / "HEAD")


def _branch_is_a_fifo(root: Path) -> None:
    (root / ".git" / "refs" / "heads" / "master").unlink()
    os.mkfifo(root / ".git" / "refs" / "heads" / "master")


def _packed_refs_are_dev_zero(root: Path) -> None:
    (root / ".git" / "refs" / "heads" / "master").unlink()  # so the branch is looked for in packed-refs
    (root / ".git" / "packed-refs").symlink_to("/dev/zero")


def _commit_is_a_fifo(root: Path) -> None:
    head = git(root, "rev-parse", "HEAD")
    (root / ".git" / "objects" / head[:2] / head[2:]).unlink()
    os.mkfifo(root / ".git" / "objects" / head[:2] / head[2:])


def _pack_is_dev_zero(root: Path) -> None:
    pack = _pack_index(root).with_suffix(".pack")
    pack.unlink()
    pack.symlink_to("/dev/zero")


def _another_repository(root: Path) -> Path:
    """A repository of its own beside the checkout, with a commit of another date."""
    other = root.parent / "other"
    (other / "sigs" / "alpha").mkdir(parents=True)
    (other / "sigs" / "alpha" / "README.md").write_text("# other\n", "utf-8")
    git(other, "init", "-q", "-b", "master")
    git(other, "add", "-A")
    git(other, "commit", "-qm", "other", when="2024-01-01T12:00:00+00:00")
    return other / ".git"


def _git_file_names_another_repository(root: Path) -> None:
    other = _another_repository(root)
    shutil.rmtree(root / ".git")
    (root / ".git").write_text(f"gitdir: {other}\n", "utf-8")


def _git_links_to_another_repository(root: Path) -> None:
    other = _another_repository(root)
    shutil.rmtree(root / ".git")
    (root / ".git").symlink_to(other)


def _objects_borrowed(root: Path) -> None:
    (root / ".git" / "objects" / "info" / "alternates").write_text(
        f"{_another_repository(root) / 'objects'}\n", "utf-8"
    )


def _tree_inflates_past_the_bound(root: Path) -> None:
    """HEAD's tree, loose, replaced with 17 KB that inflate to 17 MiB."""
    _inflating(root, git(root, "rev-parse", "HEAD^{tree}"))


def _inflating(root: Path, tree: str) -> None:
    """The loose tree `tree` replaced with 17 KB that inflate to 17 MiB."""
    path = root / ".git" / "objects" / tree[:2] / tree[2:]
    path.chmod(path.stat().st_mode | stat.S_IWUSR)
    size = 17 << 20
    path.write_bytes(zlib.compress(b"tree %d\0" % size + bytes(size), 9))


def _entry(kind: int, size: int) -> bytes:
    """A pack entry's header: its type and the size it claims."""
    head, size = [(kind << 4) | (size & 15)], size >> 4
    while size:
        head[-1] |= 0x80
        head.append(size & 0x7F)
        size >>= 7
    return bytes(head)


def _pack_of(root: Path, *entries: bytes) -> None:
    """The repository's objects replaced with one pack of `entries` (headers and data as a pack
    holds them), HEAD's branch naming the last by the index (whose ids are made up)."""
    shutil.rmtree(root / ".git" / "objects")
    folder = root / ".git" / "objects" / "pack"
    folder.mkdir(parents=True)
    data = b"PACK" + struct.pack(">II", 2, len(entries))
    listed = []
    for number, entry in enumerate(entries, start=1):
        listed.append((bytes([number]) * 20, len(data), zlib.crc32(entry)))
        data += entry
    checksum = hashlib.sha1(data).digest()
    (folder / "pack-made.pack").write_bytes(data + checksum)
    with (folder / "pack-made.idx").open("wb") as index:
        write_pack_index(index, sorted(listed), checksum)
    (root / ".git" / "refs" / "heads" / "master").write_text(listed[-1][0].hex() + "\n", "utf-8")


def _pack_object_claims_a_gigabyte(root: Path) -> None:
    _pack_of(root, _entry(1, 1 << 30) + zlib.compress(b"tree "))


def _pack_delta_claims_a_terabyte(root: Path) -> None:
    base = _entry(3, 10) + zlib.compress(b"0123456789")
    delta = bytes([10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]) + b"\x80" * 64  # makes 2**40 bytes, 64 KiB a byte
    _pack_of(root, base, _entry(6, len(delta)) + bytes([len(base)]) + zlib.compress(delta))


def _pack_deltas_loop(root: Path) -> None:
    """Two deltas, each the other's base by its id."""
    delta = zlib.compress(bytes([10, 10, 10]) + b"0123456789")
    _pack_of(root, _entry(7, 13) + bytes([2]) * 20 + delta, _entry(7, 13) + bytes([1]) * 20 + delta)


def _pack_chain_past_the_budget(root: Path) -> None:
    """Five deltas, each claiming 15 MiB, on a base of 10 bytes: 75 MiB held at once."""
    entries = [_entry(3, 10) + zlib.compress(b"0123456789")]
    for _ in range(5):
        entries.append(_entry(6, 15 << 20) + bytes([len(entries[-1])]) + zlib.compress(bytes([10, 10, 10])))
    _pack_of(root, *entries)


DAMAGES = {  # each damage, and what the warning says of it
    _garbage_git_file: ".git is a file",
    _unknown_extension: "asks for the extension noSuchExtension = true",
    _head_is_no_commit: ".git/HEAD holds no commit id",
    _head_commit_missing: "lacks the object",
    _no_objects: "lacks the object",
    _references_loop: "HEAD leads through more than 5 references",
    _index_cut_short: "could not read the object",
    _index_claims_every_object: "could not read the object",
    _config_says_sha256: "no commit id of the repository's format (sha256)",
    _includes_dev_zero: "includes other files",
    _includes_a_fifo: "includes other files",
    _config_is_dev_zero: ".git/config is a symbolic link, not a file",
    _config_is_a_fifo: ".git/config is a FIFO, not a file",
    _head_is_a_fifo: ".git/HEAD is a FIFO, not a file",
    _branch_is_a_fifo: ".git/refs/heads/master is a FIFO, not a file",
    _packed_refs_are_dev_zero: ".git/packed-refs is a symbolic link, not a file",
    _commit_is_a_fifo: "is a FIFO, not a file",
    _pack_is_dev_zero: ".pack is a symbolic link, not a file",
    _git_file_names_another_repository: ".git is a file naming the folder of another repository",
    _git_links_to_another_repository: ".git is a symbolic link",
    _objects_borrowed: ".git/objects/info/alternates makes the repository read another repository's folder",
    _tree_inflates_past_the_bound: "larger than the 16,777,216 bytes",
    _pack_object_claims_a_gigabyte: "claims 1,073,741,824 bytes",
    _pack_delta_claims_a_terabyte: "claims 1,099,511,627,776 bytes",
    _pack_deltas_loop: "made of more than 4,095 deltas",
    _pack_chain_past_the_budget: "or of more than 67,108,864 bytes inflated",
}


@pytest.mark.parametrize("damage", list(DAMAGES), ids=[damage.__name__ for damage in DAMAGES])
def test_an_unreadable_repository_is_history_unavailable_with_a_warning(checkout, tmp_path, damage):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    damage(root)
    started = time.perf_counter()
    checked = check_community(root, timeout=30)  # a read that never ends fails the test
    assert time.perf_counter() - started < 15
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr  # the data is fine: warnings only
    (said,) = [line for line in checked.stdout.splitlines() if line.startswith("  .git: ")]
    assert (
        said.startswith("  .git: warning: the checkout's Git history cannot be read (")
        and DAMAGES[damage] in said
    )
    assert "history: at" not in checked.stdout
    community, problems = load_community(root)
    history = community.history
    assert not history.available and history.unreadable and history.commit is None
    assert all(s.last_change is None for s in community.sigs)
    (warning,) = [p for p in problems.items if p.file == ".git"]
    assert warning.severity.value == "warning" and "cannot be read" in warning.message
    assert DAMAGES[damage] in warning.message and len(warning.message) < 400
    assert "could not be read" in render_directory([], history, MINDSPORE.kinds, "en")
    assert "无法读取" in render_directory([], history, MINDSPORE.kinds, "zh")
    source = source_of(history, FORGE, date(2021, 6, 1))
    assert str(render_source(source, "en")) == (
        "From a checkout of mindspore/community whose Git history could not be read, built June 1, 2021."
    )


@pytest.mark.build
@pytest.mark.parametrize("damage", [_includes_a_fifo, _config_is_dev_zero, _index_claims_every_object])
def test_the_hub_of_a_damaged_repository_builds_and_says_its_history_could_not_be_read(
    checkout, tmp_path, damage
):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    damage(root)
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(HUB_CONFIG), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "SIGSITE_COMMUNITY": str(root), "SOURCE_DATE_EPOCH": JUNE_2021},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "data warning: .git: warning: the checkout's Git history cannot be read" in result.stderr
    footer = BeautifulSoup((site / "index.html").read_text("utf-8"), "lxml").select_one(".sig-source")
    assert _text(footer) == (
        "From a checkout of mindspore/community whose Git history could not be read, built June 1, 2021."
    )


def _older_commit_is_a_fifo(root: Path) -> str:
    older = git(root, "rev-parse", "HEAD~2")
    (root / ".git" / "objects" / older[:2] / older[2:]).unlink()
    os.mkfifo(root / ".git" / "objects" / older[:2] / older[2:])
    return older


def _older_commit_is_garbage(root: Path) -> str:
    older = git(root, "rev-parse", "HEAD~2")
    path = root / ".git" / "objects" / older[:2] / older[2:]
    path.chmod(path.stat().st_mode | stat.S_IWUSR)
    path.write_bytes(b"\x78\x9c not zlib at all")
    return older


def _older_tree_inflates_past_the_bound(root: Path) -> str:
    older = git(root, "rev-parse", "HEAD~2^{tree}")
    _inflating(root, older)
    return older


RESEARCH = {"working-groups/research": date(2021, 5, 20)}


@pytest.mark.parametrize(
    ("damage", "dated"),
    [
        (_older_commit_is_a_fifo, RESEARCH),
        (_older_commit_is_garbage, RESEARCH),
        (_older_tree_inflates_past_the_bound, {**RESEARCH, "sigs/alpha": date(2020, 1, 10)}),
    ],
)
def test_an_older_object_that_cannot_be_read_makes_the_history_partial_with_one_warning(
    checkout, tmp_path, damage, dated
):
    """HEAD~2 is "a joint session" of beta and delta (June 2020), HEAD~1 housekeeping: what HEAD~1
    and HEAD~2 changed is unknown; what the others changed stands (alpha's change is read when
    only HEAD~2's tree cannot be)."""
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    older = damage(root)
    checked = check_community(root, timeout=30)
    assert checked.returncode == 0 and checked.stderr == ""
    assert f"  .git: warning: the checkout's history could not read the object {older}" in checked.stdout
    problems = Problems()
    history = read_history(root, GROUPS, problems=problems)
    assert history.available and history.shallow and not history.unreadable
    assert history.last_change == dated and history.committed == date(2021, 5, 20)
    (warning,) = problems.items
    assert warning.file == ".git" and older in warning.message and "partial" in warning.message


def test_a_repository_without_commits_has_no_history(tmp_path):
    root = tmp_path / "community"
    (root / "sigs" / "a").mkdir(parents=True)
    git(root, "init", "-q")
    problems = Problems()
    history = read_history(root, ["sigs/a"], problems=problems)
    assert history == History() and [p.message for p in problems.items] == [
        "the checkout's repository has no commit yet: it has no history"
    ]


def test_a_copy_inside_another_repository_has_no_history_of_its_own():
    """The fixture lives in this project's repository: its commits are not the community's."""
    community, problems = load_community(FIXTURE)
    assert not community.history.available and not community.history.unreadable
    assert all(s.last_change is None for s in community.sigs)
    assert not [p for p in problems.items if p.file == ".git"]
    assert "no Git history" in render_directory([], community.history, MINDSPORE.kinds, "en")


def test_where_the_data_is_from_is_said_in_both_languages(checkout):
    history = read_history(checkout, GROUPS)
    source = source_of(history, FORGE, date(2021, 6, 1))
    commit_id = history.commit
    assert source.url == f"https://gitee.com/mindspore/community/commit/{commit_id}"
    link = f'<a href="{source.url}" title="{commit_id}">{commit_id[:7]}</a>'
    assert str(render_source(source, "en")) == f"From mindspore/community at {link}, May 20, 2021."
    assert (
        str(render_source(source, "zh")) == f"数据来自 mindspore/community 的提交 {link}（2021年5月20日）。"
    )
    unknown = source_of(History(), FORGE, date(2021, 6, 1))
    assert str(render_source(unknown, "en")) == (
        "From a checkout of mindspore/community without Git history, built June 1, 2021."
    )
    assert (
        str(render_source(unknown, "zh"))
        == "数据来自 mindspore/community 的一份没有 Git 历史的检出，构建于 2021年6月1日。"
    )
    directory = render_directory([], history, MINDSPORE.kinds, "en", source)
    assert "housekeeping" in directory and "5 or more groups" in directory and link in directory


def test_a_file_at_the_snapshots_commit_has_its_forge_address():
    commit_id = "35c0878" + "0" * 33
    assert repository_name(FORGE) == "mindspore/community"
    assert commit_url(FORGE, commit_id) == f"https://gitee.com/mindspore/community/commit/{commit_id}"
    assert file_at_commit(FORGE, commit_id, "sigs/Vision (CV) Suite SIG/sig-info.yaml", 12) == (
        f"https://gitee.com/mindspore/community/blob/{commit_id}/sigs/Vision%20%28CV%29%20Suite%20SIG/sig-info.yaml#L12"
    )
    assert file_at_commit(FORGE, None, "tsc/README.md") == FORGE + "tsc/README.md"  # unknown: the branch
    assert repository_name("https://gitlab.com/a/b/-/blob/main/") == "a/b"
    with pytest.raises(ValueError, match="not a full commit id"):
        file_at_commit(FORGE, "35c0878", "tsc/README.md")


def test_check_community_applies_the_housekeeping_setting(checkout, tmp_path):
    hub = tmp_path / "hub"
    hub.mkdir()
    config = hub / "mkdocs.yml"

    def check(value: str) -> subprocess.CompletedProcess[str]:
        config.write_text(
            f"site_name: Hub\nplugins:\n  - sigsite-hub:\n      bulk_change_groups: {value}\n", "utf-8"
        )
        return check_community(checkout, cwd=tmp_path)

    short = git(checkout, "rev-parse", "--short=7", "HEAD")
    lines = check("5").stdout.splitlines()
    assert lines[-2] == (
        f"history: at {short} of 2021-05-20; 2 commit(s) changed 5 or more groups' folders at once and "
        "date no group's change (bulk_change_groups)"
    )
    assert "0 commit(s) changed 7 or more" in check("7").stdout
    refused = check("1")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == (
        "sigsite check: bulk_change_groups must be a whole number of 2 or more, not 1 (in hub/mkdocs.yml)\n"
    )


def _groups_by_git(folder: Path, bulk: int, known: list[str] | None = None) -> dict[str, date]:
    """Each group's last change as `git log` lists the commits' files, newest first; only the
    `known` groups' folders count, when given (a file at the top is no group's)."""
    log = subprocess.run(
        ["git", "-C", str(folder), "log", "--format=%x00%cs", "--name-only"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    dated: dict[str, date] = {}
    for record in log.split("\0")[1:]:
        day, *files = record.split("\n")
        groups = {"/".join(f.split("/")[: 1 if f.startswith("tsc/") else 2]) for f in files if f}
        groups = {group for group in groups if known is None or group in known}
        if len(groups) < bulk:
            for group in groups:
                dated.setdefault(group, date.fromisoformat(day))
    return dated


def test_a_long_history_is_read_once_in_little_time(tmp_path):
    """3,000 commits over 47 groups, merges and README sweeps among them, one group changed only
    at the start: the walk reads them all, and agrees with git."""
    groups = generated.group_paths(47)
    generated.make_repository(tmp_path / "community", groups, 3000, 2000)
    started = time.process_time()
    history = read_history(tmp_path / "community", groups)
    seconds = time.process_time() - started
    assert history.last_change == _groups_by_git(tmp_path / "community", 5)
    # Five README sweeps set aside; the walk stops once the last group is dated, before the import.
    assert len(history.last_change) == 47 and history.bulk_commits == 5
    assert seconds < 15, f"{seconds:.1f} s for 3,000 commits"


def test_a_wide_top_tree_is_read_in_time_and_memory_that_follow_its_size(tmp_path):
    """5,000 files at the top beside 47 groups, and 500 commits that each change one of them (or a
    group's README, one in 50): each commit has a top tree of its own, found by its id and searched
    in its bytes for the kinds' folders, never parsed whole nor kept (reading every entry of each,
    and keeping 4,096 of them, took 694 MB at the peak, 2.6 GB for 2,000 commits)."""
    groups = generated.group_paths(47)
    folder = tmp_path / "community"
    generated.make_repository(folder, groups, 500, 0, root_files=5000)
    tracemalloc.start()
    started = time.process_time()
    history = read_history(folder, groups)
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert history.last_change == _groups_by_git(folder, 5, groups) and len(history.last_change) == 10
    assert seconds < 8, f"{seconds:.1f} s for 500 commits of a top tree of 5,000 files"  # 0.9 s here
    assert peak < 60 << 20, f"{peak / (1 << 20):.0f} MiB at the peak"  # 18 MiB here


def _commit_over(root: Path, committer: str) -> str:
    """A commit over HEAD, written as git would not (hash-object --literally), whose committer line
    is `committer` and which changes alpha's folder; HEAD moved to it."""
    parent = git(root, "rev-parse", "HEAD")
    (root / "sigs" / "alpha" / "history.txt").write_text("a change of a false date\n", "utf-8")
    git(root, "add", "-A")
    tree = git(root, "write-tree")
    text = root.parent / "commit.txt"
    text.write_text(
        f"tree {tree}\nparent {parent}\nauthor a <a@a.invalid> 1621483200 +0800\n"
        f"committer {committer}\n\na change of a false date\n",
        "utf-8",
    )
    made = git(root, "hash-object", "-t", "commit", "--literally", "-w", str(text))
    git(root, "update-ref", "HEAD", made)
    return made


@pytest.mark.parametrize(
    "committer",
    [
        "c <c@c.invalid> 99999999999999999999 +9999",  # no year of the calendar
        "c <c@c.invalid> 4102444800 +0000",  # 1 January 2100: after any build of these tests
    ],
)
def test_a_commit_of_a_false_date_dates_nothing_and_the_footer_says_its_date_is_not_known(
    checkout, tmp_path, committer
):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    made = _commit_over(root, committer)
    problems = Problems()
    history = read_history(root, GROUPS, problems=problems)
    assert history.available and history.commit == made and history.committed is None
    assert history.last_change["sigs/alpha"] == date(2020, 1, 10)  # not the false date's change
    (warning,) = problems.items
    assert warning.file == ".git" and "1 commit(s) have a committer date" in warning.message
    assert made in warning.message and "its date is shown as unknown" in warning.message
    source = source_of(history, FORGE, date(2021, 6, 1))
    link = f'<a href="https://gitee.com/mindspore/community/commit/{made}" title="{made}">{made[:7]}</a>'
    assert (
        str(render_source(source, "en"))
        == f"From mindspore/community at {link}, of a date that is not known."
    )
    assert str(render_source(source, "zh")) == f"数据来自 mindspore/community 的提交 {link}（日期不明）。"
    checked = check_community(root, timeout=30)
    assert checked.returncode == 0 and f"history: at {made[:7]} of an unknown date;" in checked.stdout


def test_commits_dated_after_the_build_date_nothing(checkout):
    """Built as of 5 March 2021, the research group's change of 20 May (HEAD) is in the future: it
    dates nothing, and the commit's date is not known; the README sweep of 1 March still counts."""
    problems = Problems()
    history = read_history(checkout, GROUPS, problems=problems, now=datetime(2021, 3, 5, tzinfo=UTC))
    assert history.committed is None and history.bulk_commits == 2
    assert history.last_change == {
        "sigs/alpha": date(2020, 1, 10),
        "sigs/beta": date(2020, 6, 15),
        "sigs/delta": date(2020, 6, 15),
    }
    (warning,) = problems.items
    assert "1 commit(s)" in warning.message and "after the build" in warning.message
    on_the_day = read_history(checkout, GROUPS, now=datetime(2021, 5, 19, 12, tzinfo=UTC))  # a day of slack
    assert on_the_day.committed == date(2021, 5, 20)


@pytest.mark.build
def test_the_hub_says_which_commit_its_data_is_from_on_every_page(checkout, tmp_path):
    built = build_hub(checkout, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr
    full = git(checkout, "rev-parse", "HEAD")
    url = f"https://gitee.com/mindspore/community/commit/{full}"
    said = {
        "en": f"From mindspore/community at {full[:7]}, May 20, 2021.",
        "zh": f"数据来自 mindspore/community 的提交 {full[:7]}（2021年5月20日）。",
    }
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        footer = soup.select_one("footer .md-copyright .sig-source")
        assert footer is not None, page
        assert _text(footer) == said[soup.html["lang"]], page  # the 404 page is the last language's
        assert footer.select_one("a")["href"] == url
    for home, language in (("index.html", "en"), ("zh/index.html", "zh")):
        article = built.article(home)
        assert _text(article.select_one(".sig-source")) == said[language]
    summary = built.article("index.html").select_one(".sig-roster__summary").get_text(" ", strip=True)
    assert "A commit that changed the folders of 5 or more groups at once is housekeeping" in summary
    for name, schema in (
        ("sigs.json", "api_sigs"),
        ("people.json", "api_people"),
        ("meetings.json", "api_hub_meetings"),
        ("health.json", "api_health"),
    ):
        document = json.loads((built.site / name).read_text("utf-8"))
        validate_published(document, built.site / "schemas", schema)
        assert document["source"] == {
            "repository": "mindspore/community",
            "commit": full,
            "date": "2021-05-20",
            "url": url,
            "built": "2021-06-01",
        }
    sigs = {s["id"]: s for s in json.loads((built.site / "sigs.json").read_text("utf-8"))["sigs"]}
    assert sigs["alpha"]["last_change"] == "2020-01-10" and sigs["tsc"]["last_change"] is None


def _text(element) -> str:
    return " ".join(element.get_text().split())


def _sites(community):
    return {
        s.id: SiteAddresses(site_url=f"https://example.org/{s.prefix}", site_name=s.name)
        for s in community.sigs
    }
