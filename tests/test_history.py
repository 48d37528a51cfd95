"""Activity from the checkout's Git history: each group's last change, and a shallow checkout said so."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hub_support import FIXTURE

from sigsite.addresses import SiteAddresses
from sigsite.health.community import CommunityHealth
from sigsite.hub.history import read_history
from sigsite.hub.loader import load_community
from sigsite.outputs.hub_api import sigs_json
from sigsite.render.hub_blocks import render_directory

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *arguments: str, when: str = "2021-05-20T12:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """The fixture community as a repository of its own: everything committed in 2019, then a
    change to the research working group in May 2021."""
    root = tmp_path_factory.mktemp("history") / "community"
    shutil.copytree(FIXTURE, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "all", when="2019-03-01T12:00:00+00:00")
    (root / "working-groups/research/Topic2.md").write_text("# Topic 2\n", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "topic 2")
    return root


def test_each_groups_last_change_is_the_last_commit_that_touched_its_folder(checkout):
    history = read_history(checkout, ["working-groups/research", "sigs/delta", "sigs/missing"])
    assert history.available and not history.shallow
    assert history.last_change == {
        "working-groups/research": date(2021, 5, 20),
        "sigs/delta": date(2019, 3, 1),
    }


def test_a_change_counts_as_activity_and_the_directory_says_what_history_tells(checkout, tmp_path):
    community, _ = load_community(checkout)
    research = community.sig("research")
    assert research.last_change == date(2021, 5, 20) and research.is_active(date(2021, 6, 1))
    assert not community.sig("delta").is_active(date(2021, 6, 1))  # its last change is two years old
    sigs = {
        s["id"]: s
        for s in json.loads(sigs_json(community, _sites(community), date(2021, 6, 1), CommunityHealth()))[
            "sigs"
        ]
    }
    assert sigs["research"]["last_change"] == "2021-05-20" and sigs["research"]["active"] is True
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{checkout}", str(shallow)],
        check=True,
        capture_output=True,
    )
    community, _ = load_community(shallow)
    assert community.history.shallow
    assert community.sig("delta").last_change == date(2021, 5, 20)  # the only commit it holds
    assert "shallow" in render_directory([], community.history, "en")


def test_a_copy_inside_another_repository_has_no_history_of_its_own():
    """The fixture lives in this project's repository: its commits are not the community's."""
    community, _ = load_community(FIXTURE)
    assert not community.history.available and all(s.last_change is None for s in community.sigs)
    assert "no Git history" in render_directory([], community.history, "en")


def _sites(community):
    return {
        s.id: SiteAddresses(site_url=f"https://example.org/{s.prefix}", site_name=s.name)
        for s in community.sigs
    }
