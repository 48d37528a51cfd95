"""The checkout's Git history, read with dulwich: the commit the hub is built from, each group's last
change with housekeeping set aside, a folder named like a pattern, a hostile `.git/config`, shallow,
partial, damaged and empty repositories, the cost of a long history, and the hub that says which
commit its data is from."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, validate_published
from hub_support import FIXTURE, JUNE_2021, build_hub

from sigsite.addresses import SiteAddresses
from sigsite.health.community import CommunityHealth
from sigsite.health.summary import group_health
from sigsite.hub.history import History, read_history
from sigsite.hub.loader import load_community
from sigsite.hub.source import commit_url, file_at_commit, repository_name, source_of
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
    assert group_health(alpha, date(2022, 6, 1), Problems()).expected is not None  # a session in 12 months
    later = date(2023, 6, 1)
    changed = replace(alpha, last_change=date(2023, 5, 1))  # its files changed last month, no session since
    assert changed.is_active(later) and group_health(changed, later, Problems()).expected is None


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
    whose HEAD carries a signature that `log.showSignature` has git verify with `gpg.program`."""
    script = root.parent / "run.sh"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\ncat >/dev/null\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    included = root.parent / "included.config"
    included.write_text(f"[core]\n\tpager = {script}\n[diff]\n\texternal = {script}\n", "utf-8")
    hooks = root.parent / "hooks"
    hooks.mkdir()
    for hook in ("post-checkout", "pre-commit", "reference-transaction", "fsmonitor-watchman"):
        shutil.copy(script, hooks / hook)
    with (root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(
            f"[include]\n\tpath = {included}\n"
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
    assert "shallow" in render_directory([], history, "en")


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


@pytest.mark.parametrize(
    "damage", [_garbage_git_file, _unknown_extension, _head_is_no_commit, _head_commit_missing, _no_objects]
)
def test_an_unreadable_repository_is_history_unavailable_with_a_warning(checkout, tmp_path, damage):
    root = tmp_path / "community"
    shutil.copytree(checkout, root)
    damage(root)
    community, problems = load_community(root)
    history = community.history
    assert not history.available and history.unreadable and history.commit is None
    assert all(s.last_change is None for s in community.sigs)
    (warning,) = [p for p in problems.items if p.file == ".git"]
    assert warning.severity.value == "warning" and "cannot be read" in warning.message
    assert "could not be read" in render_directory([], history, "en")
    assert "无法读取" in render_directory([], history, "zh")
    source = source_of(history, FORGE, date(2021, 6, 1))
    assert str(render_source(source, "en")) == (
        "From a checkout of mindspore/community whose Git history could not be read, built June 1, 2021."
    )


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
    assert "no Git history" in render_directory([], community.history, "en")


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
    directory = render_directory([], history, "en", source)
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
        return subprocess.run(
            [sys.executable, "-m", "sigsite.cli", "check", "--community", str(checkout)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

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


def _groups_by_git(folder: Path, bulk: int) -> dict[str, date]:
    """Each group's last change as `git log` lists the commits' files, newest first."""
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
        if len(groups) < bulk:
            for group in groups:
                dated.setdefault(group, date.fromisoformat(day))
    return dated


def test_a_long_history_is_read_once_in_little_time(tmp_path):
    """3,000 commits over 47 groups, merges and README sweeps among them, one group changed only
    at the start: the walk reads them all, and agrees with git."""
    groups = generated.group_paths(47)
    generated.make_repository(tmp_path / "community", groups, 3000, 2000)
    started = time.perf_counter()
    history = read_history(tmp_path / "community", groups)
    seconds = time.perf_counter() - started
    assert history.last_change == _groups_by_git(tmp_path / "community", 5)
    # Five README sweeps set aside; the walk stops once the last group is dated, before the import.
    assert len(history.last_change) == 47 and history.bulk_commits == 5
    assert seconds < 15, f"{seconds:.1f} s for 3,000 commits"


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
