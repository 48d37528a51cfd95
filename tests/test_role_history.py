"""Since when each person holds each role, from the history of the groups' roster files
(sigsite/hub/role_history.py, read in hub/history.py's one walk): the first commit whose version of
the file names them in that role; housekeeping and false dates date nobody, and nothing is
guessed where the history is shallow or lacks a version; what a version names, read line by line;
the cost of a long history; and the person page that shows it, in both languages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import PROJECT, validate_published
from costs import seconds_of
from hub_support import FIXTURE, JUNE_2021, build_hub

from sigsite.hub import role_history
from sigsite.hub.history import read_history
from sigsite.hub.role_history import ROSTER_FILES, RoleHistory, Unknown, roster_names
from sigsite.load import LoadSettings, load
from sigsite.problems import Problems

sys.path.insert(0, str(PROJECT / "benchmarks"))
import history as generated
from test_history import git as history_git

GROUPS = ["sigs/a", "sigs/b", "sigs/c"]
BULK = 3  # in these repositories a commit that changes three groups' folders is housekeeping


def git(folder: Path, *arguments: str, when: str = "2019-01-01T12:00:00+08:00") -> str:
    """test_history's git, dated by default at these repositories' start."""
    return history_git(folder, *arguments, when=when)


def commit(root: Path, files: dict[str, str | None], when: str) -> None:
    """A commit that writes (or, for None, deletes) each of `files`."""
    for path, text in files.items():
        if text is None:
            (root / path).unlink()
        else:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", f"change of {when[:10]}", when=when)


def members(maintainers: list[str], contributors: list[str] = (), note: str = "") -> str:
    """A sig_members.yaml: each person `Name` with the account `name` (lower case, first word)."""

    def entries(names: list[str]) -> str:
        return "".join(
            f"- name: {name}\n  gitee_home: https://gitee.com/{name.split()[0].lower()}\n{note}"
            for name in names
        )

    return f"Maintainers:\n{entries(maintainers)}Contributors:\n{entries(list(contributors))}"


def noon(day: str) -> str:
    return f"{day}T12:00:00+08:00"


def roster_repository(root: Path) -> Path:
    """sigs/a's members file through nine commits, sigs/b's sig-info.yaml and OWNERS, then sigs/a
    renamed sigs/alpha. A commit changing three groups is housekeeping (BULK)."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "master")
    a = "sigs/a/sig_members.yaml"
    commit(root, {a: members(["Ada Alpha"]), "sigs/b/README.md": "# b\n"}, noon("2019-01-01"))
    commit(root, {a: members(["Ada Alpha"], ["Bea Beta"])}, noon("2020-02-02"))
    # An edit that names nobody new dates nobody.
    commit(root, {a: members(["Ada Alpha"], ["Bea Beta"], "  interest: trust\n")}, noon("2020-03-03"))
    commit(  # housekeeping: it changes a, b and c
        root,
        {
            a: members(["Ada Alpha"], ["Bea Beta", "Cid Chen"]),
            "sigs/b/README.md": "# b\n\nswept\n",
            "sigs/c/README.md": "# c\n",
        },
        noon("2020-05-05"),
    )
    commit(root, {a: members(["Ada Alpha", "Bea Beta"], ["Cid Chen", "Dee Dong"])}, noon("2020-06-06"))
    commit(root, {a: members(["Bea Beta"], ["Cid Chen", "Dee Dong"])}, noon("2020-07-07"))  # Ada leaves
    commit(root, {a: members(["Ada Alpha", "Bea Beta"], ["Cid Chen", "Dee Dong"])}, noon("2020-08-08"))
    info = (
        "name: b\nmaintainers:  # the leads\n- gitee_id: 'Eve'\n  name: Eve Eng\nrepositories:\n- repo:\n"
        "  - o/b\n  maintainers:\n  - gitee_id: gus\n  committers:\n  - gitee_id: fay\n    name: Fay Fu\n"
    )
    commit(root, {"sigs/b/sig-info.yaml": info, "sigs/b/OWNERS": "approvers:\n- eve\n"}, noon("2021-01-01"))
    git(root, "mv", "sigs/a", "sigs/alpha")
    git(root, "commit", "-qm", "a is alpha", when=noon("2021-02-02"))
    return root


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    return roster_repository(tmp_path_factory.mktemp("roles") / "community")


def roles_of(root: Path, **options) -> RoleHistory:
    groups = ["sigs/alpha", "sigs/b", "sigs/c"]
    return read_history(root, groups, rosters=True, **{"bulk_groups": BULK, **options}).roles


ALPHA = "sigs/alpha/sig_members.yaml"


def test_each_role_is_dated_by_the_first_commit_whose_version_names_them_so(repository):
    roles = roles_of(repository)
    assert roles.complete
    # Present since the first commit; left and came back: the first commit still.
    assert roles.since(ALPHA, "Maintainer", "ada", "Ada Alpha") == date(2019, 1, 1)
    # A contributor since February, a maintainer since June: each role its own.
    assert roles.since(ALPHA, "Contributor", "bea", None) == date(2020, 2, 2)
    assert roles.since(ALPHA, "Maintainer", "BEA", None) == date(2020, 6, 6)  # accounts without case
    assert roles.since(ALPHA, "Contributor", "dee", None) == date(2020, 6, 6)
    # By a name alone, as names.plain makes it.
    assert roles.since(ALPHA, "Maintainer", None, "Dr. ADA  alpha") == date(2019, 1, 1)
    b = "sigs/b/sig-info.yaml"
    assert roles.since(b, "Maintainer", "eve", "Eve Eng") == date(2021, 1, 1)
    assert roles.since(b, "Committer", "fay", None) == date(2021, 1, 1)
    assert roles.since(b, "Maintainer", "gus", None) is Unknown.NOT_FOUND  # a repository's: no role
    assert roles.since("sigs/b/OWNERS", "Maintainer", "eve", None) == date(2021, 1, 1)
    assert roles.since("sigs/b/README.md", "Lead", "eve", None) is None  # no roster file: no since


def test_a_folder_renamed_keeps_the_dates_of_its_older_versions(repository):
    """sigs/a became sigs/alpha on 2 February 2021: the rename names everyone, and dates nobody."""
    roles = roles_of(repository)
    assert set(roles.first) == {ALPHA, "sigs/b/sig-info.yaml", "sigs/b/OWNERS"}
    assert all(day != date(2021, 2, 2) for day in roles.first[ALPHA].values())


def test_housekeeping_that_first_names_someone_leaves_their_since_unknown(repository):
    """Cid came in with the sweep of 5 May 2020; the commit of 6 June that kept him is no "since"."""
    roles = roles_of(repository)
    assert roles.since(ALPHA, "Contributor", "cid", "Cid Chen") is Unknown.HOUSEKEEPING
    looser = roles_of(repository, bulk_groups=4)  # the sweep is no housekeeping at 4
    assert looser.since(ALPHA, "Contributor", "cid", None) == date(2020, 5, 5)


def test_a_commit_dated_after_the_build_dates_nobody(repository):
    """Built as of 1 June 2020, the commits from 6 June on are in the future."""
    problems = Problems()
    roles = roles_of(repository, now=datetime(2020, 6, 1, tzinfo=UTC), problems=problems)
    assert roles.complete
    assert roles.since(ALPHA, "Maintainer", "bea", None) is Unknown.FALSE_DATE
    assert roles.since(ALPHA, "Contributor", "dee", None) is Unknown.FALSE_DATE
    assert roles.since(ALPHA, "Maintainer", "ada", None) == date(2019, 1, 1)  # the rest stands
    assert roles.since(ALPHA, "Contributor", "bea", None) == date(2020, 2, 2)
    (warning,) = problems.items
    assert "5 commit(s) have a committer date" in warning.message


def test_a_shallow_clone_says_every_roles_since_is_unknown(repository, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{repository}", str(shallow)],
        check=True,
        capture_output=True,
    )
    history = read_history(shallow, ["sigs/alpha", "sigs/b"], bulk_groups=BULK, rosters=True)
    assert history.shallow and not history.roles.complete and history.roles.first == {}
    assert history.roles.since(ALPHA, "Maintainer", "ada", None) is Unknown.NO_HISTORY
    assert history.last_change["sigs/alpha"] == date(2021, 2, 2)  # what it holds still dates groups
    plain = tmp_path / "plain"  # no history at all
    shutil.copytree(repository, plain, ignore=shutil.ignore_patterns(".git"))
    assert roles_of(plain).since(ALPHA, "Maintainer", "ada", None) is Unknown.NO_HISTORY


def test_a_version_that_cannot_be_read_leaves_the_roles_unknown_and_the_rest_standing(repository, tmp_path):
    """A partial clone (--filter=blob:none) lacks old versions: one warning, and no since."""
    root = tmp_path / "community"
    shutil.copytree(repository, root)
    first = git(root, "rev-parse", "HEAD~8:sigs/a/sig_members.yaml")
    (root / ".git" / "objects" / first[:2] / first[2:]).unlink()
    problems = Problems()
    history = read_history(root, ["sigs/alpha", "sigs/b"], bulk_groups=BULK, rosters=True, problems=problems)
    assert not history.roles.complete and not history.shallow
    assert history.last_change == {"sigs/alpha": date(2021, 2, 2), "sigs/b": date(2021, 1, 1)}
    (warning,) = problems.items
    assert warning.file == ".git" and first in warning.message and "holds a role" in warning.message
    assert "--filter" in warning.fix


def test_the_versions_read_are_bounded_in_size_one_by_one_and_in_all(repository, monkeypatch):
    monkeypatch.setattr(role_history, "MAX_TEXT_BYTES", 60)  # each version of a's roster is larger
    roles = roles_of(repository)
    assert roles.complete and roles.since(ALPHA, "Maintainer", "ada", None) is Unknown.NOT_FOUND
    assert roles.since("sigs/b/OWNERS", "Maintainer", "eve", None) == date(2021, 1, 1)  # 17 bytes
    monkeypatch.setattr(role_history, "ROSTER_BUDGET", 1000)
    problems = Problems()
    roles = roles_of(repository, problems=problems)
    assert not roles.complete and roles.since(ALPHA, "Maintainer", "ada", None) is Unknown.NO_HISTORY
    (warning,) = problems.items
    assert warning.file == ".git" and "more than the 1,000 bytes the hub reads" in warning.message


def test_a_member_added_on_a_branch_is_dated_by_the_branch_not_the_merge(tmp_path):
    root = tmp_path / "community"
    root.mkdir()
    git(root, "init", "-q", "-b", "master")
    roster = "sigs/a/sig_members.yaml"
    commit(root, {roster: members(["Ada Alpha"]), "sigs/b/README.md": "# b\n"}, noon("2020-01-01"))
    git(root, "checkout", "-qb", "side")
    commit(root, {roster: members(["Ada Alpha"], ["Gus Gao"])}, noon("2020-02-01"))
    git(root, "checkout", "-q", "master")
    commit(root, {"sigs/b/README.md": "# b\n\nmore\n"}, noon("2020-03-01"))
    git(root, "merge", "-q", "--no-ff", "-m", "merge", "side", when=noon("2020-04-01"))
    roles = read_history(root, ["sigs/a", "sigs/b"], rosters=True).roles
    assert roles.since(roster, "Contributor", "gus", None) == date(2020, 2, 1)
    assert roles.since(roster, "Maintainer", "ada", None) == date(2020, 1, 1)


def test_the_load_gives_each_roster_line_its_since(repository):
    loaded = load(repository, LoadSettings(bulk_change_groups=BULK), date(2021, 6, 1))
    said = {(p.key, s.file, s.role): s.since for p in loaded.people for m in p.memberships for s in m.said}
    assert said[("bea", ALPHA, "Maintainer")] == date(2020, 6, 6)
    assert said[("cid", ALPHA, "Contributor")] is Unknown.HOUSEKEEPING
    assert said[("eve", "sigs/b/OWNERS", "Maintainer")] == date(2021, 1, 1)


def test_what_a_version_names_is_read_as_the_files_readers_read_it():
    for name in ROSTER_FILES:
        for folder in ("alpha", "delta"):
            if (FIXTURE / "sigs" / folder / name).exists():
                assert roster_names((FIXTURE / "sigs" / folder / name).read_text("utf-8"), name)
    info = (
        "name: x  # the SIG\n"
        "description: |\n  maintainers:\n  - gitee_id: notes\n"  # text, not a list
        "committers:\n- gitee_id: top\n"  # the SIG's own committers (openEuler's format)
        "maintainers: # the leads\n"
        '- gitee_id: "Ann"  # quoted, commented\n'
        "  name: 'Ann An #1'\n"
        "  interest: |\n    name: Not A Person\n"
        "  email: ann@example.org\n"
        "- gitee_id: not an account\n"
        "mentors: [{gitee_id: flow}]\n"  # flow lists name nobody
        "repositories:\n- repo: [o/x]\n  repo_admin:\n  - gitee_id: admin\n"
        "  contributors:\n  - gitee_id: cy\n"
    )
    assert roster_names(info, "sig-info.yaml") == {
        ("Maintainer", "@ann"),
        ("Maintainer", "ann an 1"),
        ("Maintainer", "not an account"),  # sig-info lists the person by name
        ("Admin", "@admin"),  # a repository's admin (openEuler's repo_admin)
        ("Committer", "@top"),
        ("Contributor", "@cy"),
    }
    listed = (
        "Description: x\nMaintainers:\n- name: Bo\n  gitee_home: https://gitee.com/bo/x\n"  # no one account
        "Members:\n- name: Cy\n"
    )
    assert roster_names(listed, "sig_members.yaml") == {("Maintainer", "bo"), ("Member", "cy")}
    owners = "approvers:\n  - ann\n  - 'Bo'\nreviewers:\n  - cy\n"
    assert roster_names(owners, "OWNERS") == {("Maintainer", "@ann"), ("Maintainer", "@bo")}
    assert roster_names("Maintainers:\n- name: Bo\n", "README.md") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Maintainers:\n- name: " + " " * 2_000_000 + "x\n",
        "Maintainers:\n- name: a" + " " * 2_000_000 + "#\n",
        "Maintainers:\n" + "- " * 1_000_000 + "\n",
        "Maintainers:\n" + "- name: a\n" * 200_000,
        "approvers:\n" + " " * 2_000_000 + ":\n",
    ],
)
def test_a_version_is_read_in_time_linear_in_its_size(text):
    assert seconds_of(lambda: (roster_names(text, "sig_members.yaml"), roster_names(text, "OWNERS")), 2) < 2


def test_a_long_history_of_rosters_is_read_once_in_little_time_and_memory(tmp_path):
    """2,000 commits over 50 groups, each holding a sig_members.yaml, one commit in 10 adding a
    member: the whole history is walked once, each roster version read once; every member is dated
    by the commit that added them, and the leads, whom the first commit (of every group: housekeeping)
    named, are unknown."""
    groups = generated.group_paths(50)
    folder = tmp_path / "community"
    generated.make_repository(folder, groups, 2000, 2000, rosters=True)
    tracemalloc.start()
    started = time.process_time()
    history = read_history(folder, groups, rosters=True)
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    zone = timezone(timedelta(hours=8))
    dated = {
        f"m{number}": datetime.fromtimestamp(generated.START + number * generated.STEP, zone).date()
        for number in range(2000)
        if generated.adds_member(number)
    }
    found = {
        key[1].removeprefix("@"): day
        for first in history.roles.first.values()
        for key, day in first.items()
        if key[1].startswith("@m")
    }
    assert found == dated and len(found) == 200
    leads = [
        day for first in history.roles.first.values() for (_, key), day in first.items() if "lead" in key
    ]
    assert len(leads) == 100 and set(leads) == {Unknown.HOUSEKEEPING}  # an account and a name each
    assert len(history.last_change) == 50
    assert seconds < 8, f"{seconds:.1f} s for 2,000 commits of 50 rosters"  # 0.4 s here, 1.8 s traced
    assert peak < 40 << 20, f"{peak / (1 << 20):.0f} MiB at the peak"  # 15 MiB here


def git_fixture(root: Path) -> Path:
    """The fixture community as a repository: every group but delta imported on 1 March 2019 (five
    groups' folders: housekeeping), then delta's members file on 15 June 2020."""
    shutil.copytree(FIXTURE, root)
    delta = (root / "sigs/delta/sig_members.yaml").read_text("utf-8")
    shutil.rmtree(root / "sigs/delta")
    git(root, "init", "-q", "-b", "master")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "import", when=noon("2019-03-01"))
    commit(root, {"sigs/delta/sig_members.yaml": delta}, noon("2020-06-15"))
    return root


@pytest.mark.build
def test_a_persons_page_says_since_when_each_roster_names_them(tmp_path):
    built = build_hub(
        git_fixture(tmp_path / "community"), tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021}
    )
    assert built.ok, built.result.stderr
    said = {
        "en": (
            "since June 15, 2020",
            "since: unknown (first named by a commit that changed many groups at once)",
        ),
        "zh": ("自 2020年6月15日 起", "起始时间不明（首次列出于一次同时修改多个小组的提交）"),
    }
    for language, prefix in (("en", ""), ("zh", "zh/")):
        page = built.article(f"{prefix}people/bob/index.html")
        lines = {
            li.select_one("code").get_text(): " ".join(li.get_text(" ", strip=True).split())
            for li in page.select(".sig-person-page__said li")
        }
        dated, unknown = said[language]
        assert lines["sigs/delta/sig_members.yaml:2"].endswith(dated)
        assert lines["sigs/alpha/OWNERS:3"].endswith(unknown)  # imported with every group
        assert lines["sigs/alpha/sig-info.yaml:31"].endswith(unknown)
    document = json.loads((built.site / "people.json").read_text("utf-8"))
    validate_published(document, built.site / "schemas", "api_people")
    bob = next(p for p in document["people"] if p["key"] == "bob")
    since = {s["file"]: s["since"] for sig in bob["sigs"] for s in sig["said"]}
    assert since == {
        "sigs/alpha/sig-info.yaml": None,
        "sigs/alpha/OWNERS": None,
        "sigs/delta/sig_members.yaml": "2020-06-15",
    }
