"""Shared fixtures: the project, the real corpus (when present), and real site builds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["DISABLE_MKDOCS_2_WARNING"] = "true"

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT.parent / "shared" / "corpus"
SITE_FILES = ("mkdocs.yml", "docs", "overrides")
# SOURCE_DATE_EPOCH of a build made before the seed's first meeting (2020-06-04)
BEFORE_FIRST_MEETING = str(int(datetime(2020, 6, 1, tzinfo=UTC).timestamp()))
EMAIL = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def corpus_sigs() -> list[Path]:
    """The SIG folders of the corpus; empty when the corpus is absent (a fresh clone)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.is_dir())


requires_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


@dataclass
class Build:
    """A finished `mkdocs build`: its output folder and what it printed."""

    site: Path
    result: subprocess.CompletedProcess[str]

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def html(self, relative: str) -> BeautifulSoup:
        """A built page, parsed."""
        return BeautifulSoup((self.site / relative).read_text("utf-8"), "lxml")

    def article(self, relative: str) -> BeautifulSoup:
        """The main content of a built page."""
        article = self.html(relative).select_one("article")
        assert article is not None, f"{relative} has no <article>"
        return article


def make_project(tmp: Path, *, sig: Path | None = None) -> Path:
    """A copy of the site's sources in `tmp`; with `sig`, that SIG's data files replace ours."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name)
        else:
            shutil.copy2(source, tmp / name)
    data_root = sig or PROJECT
    for name in ("sig_members.yaml", "sig-info.yaml"):
        if (data_root / name).is_file():
            shutil.copy2(data_root / name, tmp / name)
    if (data_root / "meetings").is_dir():
        shutil.copytree(data_root / "meetings", tmp / "meetings")
    else:
        (tmp / "meetings").mkdir()
    return tmp


def build(project: Path, *extra: str, env: dict[str, str] | None = None) -> Build:
    """Run the real `mkdocs build --strict` on a project folder."""
    site = project / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return Build(site=site, result=result)


def check_report(folder: Path) -> tuple[int, dict]:
    """`sigsite check FOLDER --format json`, run as a maintainer would: (exit status, report)."""
    result = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout)


def emails_in(*paths: Path) -> set[bytes]:
    """Every e-mail address written in the given files."""
    found: set[bytes] = set()
    for path in paths:
        if path.is_file():
            found.update(EMAIL.findall(path.read_bytes()))
    return found


def emails_published(site: Path, emails: set[bytes]) -> list[str]:
    """`file: address` for every given address found in any built file."""
    hits = []
    for path in site.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            hits.extend(f"{path.relative_to(site)}: {e.decode()}" for e in emails if e in content)
    return hits


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own site, built once for the session."""
    project = make_project(tmp_path_factory.mktemp("project"))
    result = build(project)
    assert result.ok, result.result.stderr
    return result


@pytest.fixture(scope="module")
def browser():
    """Chromium, driven by Playwright, for the browser tests of a module."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def validate_published(document: dict, schemas: Path, name: str) -> None:
    """Validate `document` against the schema `name` a site published in `schemas/`, as a consumer
    would: the schemas refer to each other by their file names (`api_meetings.schema.json#/$defs/...`)."""
    import jsonschema
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8"))))
        for path in schemas.glob("*.schema.json")
    )
    schema = json.loads((schemas / f"{name}.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)
