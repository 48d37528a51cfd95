"""The openEuler hub, built (issue 32): from the fixture of its shape and from ../shared/openeuler with
the default hub configuration, read with a parser."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EMAIL, Build, validate_published
from hub_support import broken_links, build_hub
from test_openeuler import FIXTURE, SAMPLE, requires_sample

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("openeuler")
    shutil.copytree(FIXTURE, root / "community")
    return build_hub(root / "community", root / "site", env={"SOURCE_DATE_EPOCH": "1796515200"})


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text("utf-8"), "lxml")


def _personal_addresses(root: Path) -> set[bytes]:
    """Every `email` of every sig-info.yaml below `root`: what no output may hold."""
    found: set[bytes] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "email" and isinstance(inner, str) and "@" in inner:
                    found.add(inner.strip().lower().encode())
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for info in root.rglob("sig-info.yaml"):
        walk(yaml.safe_load(info.read_text("utf-8")))
    return found


def _leaks(site: Path, personal: set[bytes]) -> list[str]:
    leaks = []
    for path in site.rglob("*"):
        if path.is_file():
            held = {m.lower() for m in EMAIL.findall(path.read_bytes())}
            leaks += [f"{path.relative_to(site)}: {a!r}" for a in held & personal]
        leaks += [f"name {path.relative_to(site)}" for a in personal if a.decode() in path.name.lower()]
    return leaks


def test_the_fixture_builds_strict_with_its_name_and_forge_from_the_layout(hub):
    assert hub.result.returncode == 0, hub.result.stderr[-3000:]
    home = _page(hub.site, "index.html")
    assert home.title is not None and "openEuler SIGs" in home.title.text
    assert home.select_one('a[href="https://gitee.com/openeuler/community/tree/master/sig"]') is not None
    assert not broken_links(hub.site, "/sigsite/hub/")


def test_the_directory_lists_every_sig_and_the_archived_ones_last_as_archived(hub):
    home = _page(hub.site, "index.html")
    cards = home.select(".sig-directory__list > li.sig-card")
    names = [c.select_one(".sig-card__name").get_text(strip=True) for c in cards]
    assert names == ["Alpha", "Beta", "Gamma", "Alpha", "sig-Old"]
    archived = [c for c in cards if c["data-kind"] == "archived"]
    assert len(archived) == 2
    assert all(c.select_one(".sig-card__kind").get_text(strip=True) == "Archived SIG" for c in archived)
    summary = home.select_one(".sig-roster__summary").get_text(" ", strip=True)
    assert "3 groups." in summary and "2 more are archived" in summary
    assert "keeps its meetings in a system of its own" in summary
    assert "recorded a meeting" not in summary and "0 recorded" not in summary
    assert "3 repositories" in cards[0].get_text(" ")
    assert home.select_one('[aria-label="Show groups by activity"]') is None  # nothing to tell apart


def test_a_sig_page_shows_its_minutes_repositories_and_that_meetings_are_kept_elsewhere(hub):
    about = _page(hub.site, "sig/alpha/index.html")
    facts = {
        dt.get_text(strip=True): dd
        for dt, dd in zip(
            about.select(".sig-facts__list dt"), about.select(".sig-facts__list dd"), strict=True
        )
    }
    assert "Not in this repository" in facts["Meetings"].get_text()
    assert facts["Repositories"].a is not None and facts["Repositories"].a.get_text() == "3"
    contact = facts["Contact"].get_text(" ", strip=True)
    assert "Minutes:" in contact and "alpha@openeuler.org" in contact
    assert facts["Maintainers"].get_text(" ").count("OWNERS") == 1  # OWNERS first
    repositories = _page(hub.site, "sig/alpha/repositories/index.html")
    rows = repositories.select("li.sig-repo")
    assert [r.select_one(".sig-repo__name").get_text(strip=True) for r in rows] == [
        "openeuler/alpha-tool",
        "src-openeuler/alpha-tool",
        "src-openeuler/python-alpha",
    ]
    assert [r["data-owner"] for r in rows] == ["openeuler", "src-openeuler", "src-openeuler"]
    assert rows[0].select_one(".sig-repo__name a")["href"] == "https://gitee.com/openeuler/alpha-tool"
    assert "Admins: Chen Yu" in rows[0].get_text(" ", strip=True).replace(" :", ":")
    assert repositories.select_one("input#sig-repositories-find") is not None
    zh = _page(hub.site, "zh/sig/alpha/index.html")
    assert "会议纪要" in zh.select_one(".sig-facts__list").get_text()


def test_an_archived_sig_says_so_and_stays_out_of_the_health_counts(hub):
    old = _page(hub.site, "archived_sigs/sig-old/index.html")
    assert "This group is archived" in old.select_one(".sig-facts").get_text()
    health = _page(hub.site, "health/index.html")
    rows = [r.th.get_text(strip=True) for r in health.select(".sig-health__groups tbody tr")]
    assert rows == ["Alpha", "Beta"]  # Gamma's files give nothing to count; the archived are left out
    sigs = json.loads((hub.site / "sigs.json").read_text("utf-8"))
    records = {s["id"]: s for s in sigs["sigs"]}
    assert records["archived-sig-old"]["archived"] and not records["alpha"]["archived"]
    assert records["alpha"]["meetings"] is None and records["alpha"]["repositories"] == 3
    assert json.loads((hub.site / "health.json").read_text("utf-8"))["meetings_in_repository"] is False
    activity = _page(hub.site, "sig/beta/health/index.html").get_text(" ")
    assert "the group's files record no session" in activity


def test_every_person_is_one_person_with_a_page(hub):
    people = json.loads((hub.site / "people.json").read_text("utf-8"))
    by_account = {p.get("gitee_id", "").lower(): p for p in people["people"] if p.get("gitee_id")}
    assert {"ann-gitee", "bo_wang", "cy-admin", "dee", "eve-owner", "gina", "frank"} <= set(by_account)
    page = _page(hub.site, "people/ann-gitee/index.html").get_text(" ", strip=True)
    assert "AtomGit : @ann1" in page.replace("AtomGit:", "AtomGit :") and "Beta" in page and "sig-Old" in page
    assert "keeps its meetings in a system of its own" in page


@pytest.mark.parametrize(
    ("path", "archived"),
    [
        ("people/index.html", "(archived)"),
        ("people/ann-gitee/index.html", "(archived)"),
        ("zh/people/index.html", "（已归档）"),
        ("zh/people/ann-gitee/index.html", "（已归档）"),
    ],
)
def test_a_role_in_an_archived_sig_is_marked_as_one_of_a_retired_group(hub, path, archived):
    """Ann Lee maintains Alpha and maintained the archived sig-Old: only sig-Old's line says so."""
    page = _page(hub.site, path)
    cards = [c for c in page.select(".sig-person") if "Ann Lee" in c.get_text()] or [page]
    groups = cards[0].select(".sig-person__sigs > li, .sig-person-page__groups > li")
    lines = {li.a.get_text(strip=True): li.get_text(" ", strip=True) for li in groups if li.a is not None}
    assert lines["sig-Old"].startswith(f"sig-Old {archived}"), lines
    assert archived not in lines["Alpha"] and archived not in lines["Beta"], lines


def test_the_findings_of_a_chinese_activity_page_say_they_are_in_english(hub):
    """They are sigsite check's own messages: marked, not passed off as the page's language."""
    for path, note in (("sig/alpha/health/index.html", False), ("zh/sig/alpha/health/index.html", True)):
        findings = _page(hub.site, path).select_one("ul.sig-health__findings")
        assert findings is not None and findings.get("lang") == "en", path
        assert "eve-owner" in findings.get_text(), path  # OWNERS' maintainer no other file names
        before = findings.find_previous_sibling("p")
        assert before is not None and ("英文" in before.get_text()) is note, path


def test_the_people_page_says_which_files_it_lists_people_from_in_both_languages(hub):
    """openEuler's maintainers are in OWNERS too, and a README's leads are people of the page."""
    for path, heading in (("people/index.html", "People"), ("zh/people/index.html", "人员")):
        page = _page(hub.site, path)
        h1 = page.select_one("article h1")
        assert h1 is not None and h1.get_text(strip=True).rstrip("¶") == heading, path
        intro = page.select_one("article h1 + p")
        assert intro is not None and "OWNERS" in intro.get_text() and "README" in intro.get_text(), path
        assert "not counted" not in intro.get_text() and "不计入" not in intro.get_text(), path


def test_search_finds_a_repository_by_its_name_alone_and_a_person_by_their_account(hub):
    """The index's words as Material's tokenizer makes them: split at the configured separator."""
    index = json.loads((hub.site / "search/search_index.full.json").read_text("utf-8"))
    separator = re.compile(index["config"]["separator"])

    def words(location: str) -> set[str]:
        doc = next(d for d in index["docs"] if d["location"] == location)
        return {w for w in separator.split(re.sub(r"<[^>]*>", " ", doc["title"] + " " + doc["text"])) if w}

    repositories = words("sig/alpha/repositories/")
    assert {"python", "alpha", "tool"} <= repositories  # src-openeuler/python-alpha, openeuler/alpha-tool
    assert not any("/" in w for w in repositories)
    person = words("people/ann-gitee/")
    assert {"ann", "ann1"} <= person and not any(w.startswith("@") for w in person)  # @ann-gitee, @ann1


def test_no_personal_address_of_any_sig_info_reaches_any_output(hub):
    personal = _personal_addresses(FIXTURE)
    assert len(personal) >= 6
    assert _leaks(hub.site, personal) == []
    assert b"alpha@openeuler.org" in (hub.site / "sig" / "alpha" / "index.html").read_bytes()


@requires_sample
def test_the_sample_builds_with_the_default_configuration(tmp_path):
    root = tmp_path / "openeuler"
    shutil.copytree(SAMPLE, root, symlinks=True)
    built = build_hub(root, tmp_path / "site")
    assert built.result.returncode == 0, built.result.stderr[-3000:]
    site = built.site
    for page in (
        "index.html",
        "sig/kernel/index.html",
        "sig/kernel/repositories/index.html",
        "archived_sigs/sig-backup/index.html",
        "people/xiexiuqi/index.html",
        "zh/sig/tc/index.html",
    ):
        assert (site / page).is_file(), page
    kernel = _page(site, "sig/kernel/repositories/index.html")
    assert len(kernel.select("li.sig-repo")) >= 19
    assert _leaks(site, _personal_addresses(SAMPLE)) == []
    assert not re.search(r"recorded a meeting", _page(site, "index.html").get_text())
    assert "成坚" in _page(site, "people/index.html").get_text()  # a lead only Kernel's README names
    kernel_about = _page(site, "sig/kernel/index.html").select_one("article")
    assert kernel_about is not None and "](" not in kernel_about.get_text()  # kernel-discuss's links
    assert "仅有英文版" not in _page(site, "zh/sig/a-tune/index.html").get_text()  # its README is Chinese


@pytest.mark.parametrize(
    ("name", "schema"),
    [("sigs.json", "api_sigs"), ("people.json", "api_people"), ("health.json", "api_health")],
)
def test_json_follows_its_published_schema(hub, name, schema):
    validate_published(json.loads((hub.site / name).read_text("utf-8")), hub.site / "schemas", schema)
