"""The publishing side: workflow files validated offline, and ProperDocs building the same site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, build, make_project

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(path).exists():
        pytest.skip(f"{name} is installed with the test extra")
    return path


def test_there_are_ci_and_publish_workflows():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "pages.yml"}
    pages = (PROJECT / ".github/workflows/pages.yml").read_text("utf-8")
    for needed in (
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "schedule:",
        "concurrency:",
        "SIGSITE_SITE_URL",
        "cache: pip",
        "sigsite check",
        "mkdocs build --strict",
    ):
        assert needed in pages


def test_workflows_follow_the_github_schema():
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_more():
    result = subprocess.run(
        [
            tool("zizmor"),
            "--offline",
            "--min-severity",
            "medium",
            "--no-progress",
            str(PROJECT / ".github" / "workflows"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_by_commit():
    for workflow in WORKFLOWS:
        for line in workflow.read_text("utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].split("#")[0].strip()
                assert len(ref.rsplit("@", 1)[1]) == 40, f"{workflow.name}: {line.strip()}"


def test_properdocs_builds_the_same_pages(tmp_path):
    properdocs = tool("properdocs")
    project = make_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": "1600000000"}
    mkdocs_site = build(project, env=env)
    assert mkdocs_site.ok, mkdocs_site.result.stderr
    other = tmp_path / "properdocs-site"
    result = subprocess.run(
        [properdocs, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(other)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    ours = sorted(p.relative_to(mkdocs_site.site) for p in mkdocs_site.site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    assert ours == theirs
    for relative in ours:
        a, b = (mkdocs_site.site / relative).read_bytes(), (other / relative).read_bytes()
        if relative.suffix == ".html":
            a, b = (strip_generator(x) for x in (a, b))
        assert a == b, relative


def strip_generator(html: bytes) -> bytes:
    return b"\n".join(line for line in html.split(b"\n") if b'name="generator"' not in line)


def test_dependabot_keeps_the_pins_fresh():
    config = PROJECT / ".github" / "dependabot.yml"
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in yaml.safe_load(config.read_text("utf-8"))["updates"]}
    assert ecosystems == {"github-actions", "pip"}


def test_pre_commit_hook_runs_sigsite_check_on_the_sigs_files(tmp_path):
    (hook,) = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {hook["id"], hook["language"], hook["pass_filenames"]} == {"sigsite-check", "python", False}
    watched = re.compile(hook["files"])
    assert all(
        watched.search(p) for p in ("sig_members.yaml", "sigs/dx/sig-info.yaml", "meetings/001-20200604.md")
    )
    assert not watched.search("docs/index.md")
    command = [sys.executable, "-m", "sigsite.cli", *hook["entry"].split()[1:]]
    assert subprocess.run(command, cwd=PROJECT, capture_output=True, check=False).returncode == 0
    (tmp_path / "sig_members.yaml").write_text("Maintainer:\n- name: A\n", "utf-8")
    assert subprocess.run(command, cwd=tmp_path, capture_output=True, check=False).returncode == 1


def test_ci_annotates_pull_requests_and_drives_the_runners_chrome():
    ci = (PROJECT / ".github/workflows/ci.yml").read_text("utf-8")
    assert "sigsite check --format github" in ci
    assert "SIGSITE_BROWSER: /usr/bin/google-chrome" in ci
    assert "install -y chromium" not in ci  # the snap wrapper on ubuntu-24.04


def test_the_deploy_installs_hash_pinned_versions():
    pages = (PROJECT / ".github/workflows/pages.yml").read_text("utf-8")
    assert "pip install --require-hashes --no-deps -r requirements/deploy.txt" in pages
    lock = (PROJECT / "requirements" / "deploy.txt").read_text("utf-8")
    pinned = {line.split("==")[0] for line in lock.splitlines() if "==" in line and not line.startswith(" ")}
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    assert wanted <= pinned
    assert "setuptools" in pinned  # the build backend, for pip install --no-build-isolation
    entries = re.split(r"\n(?=\S)", lock.split("\n\n", 1)[1])
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)
