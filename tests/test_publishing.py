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
    """The tool installed beside the interpreter running the tests (a venv's own), before PATH's:
    a tool found elsewhere on PATH may import another checkout's sigsite."""
    beside = Path(sys.executable).parent / name
    path = str(beside) if beside.exists() else shutil.which(name) or str(beside)
    if not Path(path).exists():
        pytest.skip(f"{name} is installed with the test extra")
    return path


def test_there_are_ci_publish_and_release_workflows():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "pages.yml", "release.yml"}
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
        "actions/workflows/pages.yml/enable",  # a quiet repository keeps its daily schedule
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


@pytest.mark.build
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


def test_pre_commit_hooks_run_sigsite_check_on_the_sigs_files(tmp_path):
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    assert set(hooks) == {"sigsite-check", "sigsite-check-community"}
    assert all(hook["language"] == "python" and hook["pass_filenames"] is False for hook in hooks.values())
    one, community = (
        re.compile(hooks[name]["files"]) for name in ("sigsite-check", "sigsite-check-community")
    )
    assert all(
        one.search(p) for p in ("sig_members.yaml", "sigs/dx/sig-info.yaml", "meetings/001-20200604.md")
    )
    assert not one.search("docs/index.md")
    assert all(
        community.search(p) for p in ("sigs/dx/README.md", "sigs/sig_info.yaml", "sigs/dx/meetings/a.md")
    )
    command = [sys.executable, "-m", "sigsite.cli", *hooks["sigsite-check"]["entry"].split()[1:]]
    assert subprocess.run(command, cwd=PROJECT, capture_output=True, check=False).returncode == 0
    (tmp_path / "sig_members.yaml").write_text("Maintainer:\n- name: A\n", "utf-8")
    assert subprocess.run(command, cwd=tmp_path, capture_output=True, check=False).returncode == 1


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.build
def test_the_community_hook_checks_a_staged_readme_with_pre_commit_try_repo(tmp_path):
    """pre-commit installs sigsite from this checkout, as a community repository's config would."""
    pre_commit = tool("pre-commit")
    repository = tmp_path / "community"
    (repository / "sigs" / "dx" / "meetings").mkdir(parents=True)
    (repository / "sigs" / "dx" / "README.md").write_text("# DX SIG\n\nDeveloper experience.\n", "utf-8")
    _git(repository, "init", "-q")
    _git(repository, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull}
    command = [pre_commit, "try-repo", str(PROJECT), "sigsite-check-community", "--verbose"]
    clean = subprocess.run(
        command, cwd=repository, env=environment, capture_output=True, text=True, check=False
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (repository / "sigs" / "dx" / "README.md").write_text("# DX SIG\n\n[x](javascript:alert(1))\n", "utf-8")
    _git(repository, "add", ".")
    refused = subprocess.run(
        command, cwd=repository, env=environment, capture_output=True, text=True, check=False
    )
    assert refused.returncode == 1
    assert "sigs/dx/README.md:3:5: error: a link uses the 'javascript:' scheme" in refused.stdout


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


def _readme_snippets(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", (PROJECT / "README.md").read_text("utf-8"), re.S)


def test_every_workflow_in_the_readme_is_pinned_and_passes_zizmor_and_the_schema(tmp_path):
    workflows = [snippet for snippet in _readme_snippets("yaml") if "\njobs:" in snippet]
    assert workflows, "the README shows how to publish the hub"
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    for index, snippet in enumerate(workflows):
        (folder / f"readme-{index}.yml").write_text(snippet, "utf-8")
        for line in snippet.splitlines():
            if "uses:" in line:
                reference, _, comment = line.split("uses:", 1)[1].partition("#")
                assert len(reference.strip().rsplit("@", 1)[1]) == 40 and comment.strip().startswith("v"), (
                    line
                )
    schema = [
        tool("check-jsonschema"),
        "--builtin-schema",
        "vendor.github-workflows",
        *map(str, folder.iterdir()),
    ]
    checked = subprocess.run(schema, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    audit = [tool("zizmor"), "--offline", "--min-severity", "low", "--no-progress", str(folder)]
    audited = subprocess.run(audit, capture_output=True, text=True, check=False)
    assert audited.returncode == 0 and "No findings" in audited.stdout + audited.stderr, audited.stdout


def test_the_version_is_the_changelogs_newest_and_the_readme_pins_it():
    version = tomllib.loads((PROJECT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    changelog = (PROJECT / "CHANGELOG.md").read_text("utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released and released[0] == version
    assert "## [Unreleased]" in changelog
    hooks = [snippet for snippet in _readme_snippets("yaml") if "sigsite-check" in snippet]
    assert hooks and all(f"rev: v{version}" in snippet for snippet in hooks)
    assert "rev: main" not in (PROJECT / "README.md").read_text("utf-8")


@pytest.mark.build
def test_a_site_builds_from_the_installed_wheel_alone(tmp_path):
    """The wheel holds the templates, schemas and assets: a site builds with it, away from this checkout."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(PROJECT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("sigsite-*.whl")
    installed = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(installed),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    project = make_project(tmp_path / "project")
    code = (
        f"import sys; sys.path.insert(0, {str(installed)!r}); import sigsite; "
        f"assert sigsite.__file__.startswith({str(installed)!r}), sigsite.__file__; "
        "from mkdocs.__main__ import cli; cli()"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "build",
            "--strict",
            "-q",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONSAFEPATH": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "meetings" / "001-20200604" / "index.html").is_file()
    assert (tmp_path / "site" / "schemas" / "sig_members.schema.json").is_file()
    assert (tmp_path / "site" / "assets" / "stylesheets" / "sigsite.css").is_file()


def test_ci_runs_the_readmes_commands_as_written():
    """The two commands of the quick start: one serves the site, one runs the tests; CI runs the second."""
    readme = (PROJECT / "README.md").read_text("utf-8")
    serve, tests = re.findall(r"```sh\n(python3 -m venv \.venv && [^\n]*)\n```", readme)[:2]
    assert serve.endswith(".venv/bin/mkdocs serve") and tests.endswith(".venv/bin/pytest")
    assert tests in (PROJECT / ".ci" / "run").read_text("utf-8").splitlines()
