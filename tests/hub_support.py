"""A small community repository with every variant the hub must take, building the hub, and a link
check over a whole built site."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import PROJECT, Build

HUB_CONFIG = PROJECT / "hub" / "mkdocs.yml"
JUNE_2021 = "1622505600"  # SOURCE_DATE_EPOCH of the fixture's builds: between its past and coming meetings
COMMUNITY = PROJECT.parent / "shared" / "community"

FIXTURE = PROJECT / "tests" / "fixtures" / "community"


def make_community(root: Path) -> Path:
    """A checkout with sigs/ (tests/fixtures/community): alpha (everything), beta (README only, CRLF),
    delta (members only), `Vision (CV) Suite SIG` (two READMEs, spaces and parentheses), and Gamma
    hosted elsewhere; copied, so a test may change it."""
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root


def build_hub(
    community: Path | None, site: Path, *, env: dict[str, str] | None = None, config: Path = HUB_CONFIG
) -> Build:
    """`mkdocs build --strict -f hub/mkdocs.yml` (or another `config`) for a community checkout, as
    the README says (`env` adds to the environment, e.g. `SOURCE_DATE_EPOCH=JUNE_2021` for the
    fixture); with no community, SIGSITE_COMMUNITY is left unset."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != "SIGSITE_COMMUNITY"},
            **({"SIGSITE_COMMUNITY": str(community)} if community else {}),
            **(env or {}),
        },
        check=False,
    )
    return Build(site=site, result=result)


def hub_config_with(root: Path, settings: str) -> Path:
    """hub/mkdocs.yml (and the theme overrides it needs) copied under `root`, with `settings` added
    to the sigsite-hub plugin's."""
    shutil.copytree(PROJECT / "hub", root / "hub")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    config = root / "hub" / "mkdocs.yml"
    text = config.read_text("utf-8")
    plugin = "  - sigsite-hub:\n"
    assert text.count(plugin) == 1
    config.write_text(text.replace(plugin, plugin + settings), "utf-8")
    return config


def check_community(
    community: Path, *, timeout: float = 120, cwd: Path = PROJECT
) -> subprocess.CompletedProcess[str]:
    """`sigsite check --community` on `community`, run in `cwd` (whose nearest hub/mkdocs.yml gives
    the settings), in a process of its own given `timeout` seconds: a read that never ends fails."""
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def broken_links(site: Path, site_path: str) -> list[str]:
    """`page: address` for every link, image, stylesheet or script on the site that leads nowhere;
    `site_path` is the path of the site's address (`/sigsite/hub/`), which absolute links start with."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        folder = posixpath.dirname(page.relative_to(site).as_posix())
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        for tag, attribute in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                if parts.path.startswith("/"):
                    assert parts.path.startswith(site_path), f"{page}: {value} is outside the site"
                    target = unquote(parts.path[len(site_path) :]) or "."
                else:
                    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
                path = site / target
                if not (path.is_file() or (path / "index.html").is_file()):
                    broken.append(f"{page.relative_to(site)}: {value}")
    return broken


def dead_anchors(site: Path, site_path: str) -> list[str]:
    """`page: address` for every link to a page of the site (the page itself for `#x`) whose
    fragment names no element there: no id, no `<a name>`. `#` alone is the page's top."""
    from lxml import html as lxml_html

    names: dict[Path, set[str]] = {}

    def names_in(page: Path) -> set[str]:
        if page not in names:
            tree = lxml_html.fromstring(page.read_bytes())
            names[page] = {str(v) for v in tree.xpath("//@id | //a/@name")}
        return names[page]

    dead = []
    for page in sorted(site.rglob("*.html")):
        folder = posixpath.dirname(page.relative_to(site).as_posix())
        for value in lxml_html.fromstring(page.read_bytes()).xpath("//a/@href"):
            parts = urlsplit(str(value))
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):
                target = site / (unquote(parts.path[len(site_path) :]) or ".")
            else:
                target = site / posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if target.is_dir():
                target = target / "index.html"
            if (
                target.suffix == ".html"
                and target.is_file()
                and unquote(parts.fragment) not in names_in(target)
            ):
                dead.append(f"{page.relative_to(site)}: {value}")
    return dead


def empty_pages(site: Path) -> list[str]:
    """Pages whose article shows nothing beyond their title and the group's navigation."""
    from bs4 import BeautifulSoup

    empty = []
    for page in sorted(site.rglob("index.html")):
        article = BeautifulSoup(page.read_text("utf-8"), "lxml").select_one("article")
        if article is None:
            continue
        for part in article.select("h1, .headerlink, nav.sig-section-nav"):
            part.decompose()
        if not article.get_text(" ", strip=True) and article.select_one("img") is None:
            empty.append(page.relative_to(site).as_posix())
    return empty
