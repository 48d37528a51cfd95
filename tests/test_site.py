"""The real site, built with --strict into a temporary folder and read with an HTML parser."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT, build, emails_in, emails_published, make_project
from hub_support import dead_anchors

from sigsite.loader import Sources, load_sig

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

PAGES = {
    "index.html": [
        "AI Security SIG",
        "Adversarial samples",
        "Differential privacy training",
        "Model encryption",
        "MindArmour",
        "Ze Wang",
        "Next meeting",
    ],
    "goals/index.html": ["Goals of 2022", "5 more features", "5 more Contributors or Committers"],
    "activities/index.html": [
        "Online technology sharing",
        "Technical research",
        "Coding projects",
        "Weekly meeting",
        "Promotions",
        "Once every half year",
    ],
    "members/index.html": ["Members", "Ze Wang", "Mr. Jin", "emmmmtang"],
    "join/index.html": ["Contributors", "Committers", "Maintainers", "How to apply"],
    "meetings/index.html": ["Meetings", "2020", "Meeting video", "Meeting forecast for March 15, 2022"],
    "404.html": ["Page not found"],
}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_with_its_key_text(site_build, page):
    text = site_build.html(page).get_text(" ", strip=True)
    for expected in PAGES[page]:
        assert expected in text, f"{page} lacks {expected!r}"


def test_build_is_warning_free(site_build):
    assert "WARNING" not in site_build.result.stderr
    assert "Traceback" not in site_build.result.stderr
    assert "prefix dict" not in site_build.result.stderr  # jieba's start-up chatter is for -v only


def test_a_normal_build_prints_only_mkdocs_lines_and_ours(site_build):
    """Other plugins' progress messages are for -v; a maintainer sees what matters and the summary."""
    lines = [re.sub(r"\s+", " ", line) for line in site_build.result.stderr.splitlines() if line.strip()]
    assert [re.sub(r"(directory:|in) \S+( seconds)?$", r"\1 …", line) for line in lines] == [
        "INFO - Cleaning site directory",
        "INFO - Building documentation to directory: …",
        "INFO - Documentation built in …",
    ]


def test_verbose_build_shows_the_other_plugins_messages(tmp_path):
    result = build(make_project(tmp_path / "project"), "-v")
    assert result.ok
    assert "[macros]" in result.result.stderr and "mkdocs_static_i18n" in result.result.stderr


def test_archive_links_every_meeting_and_every_page_exists(site_build):
    data, _ = load_sig(Sources(PROJECT))
    archive = site_build.article("meetings/index.html")
    hrefs = [a["href"] for a in archive.select("a.sig-meeting__title")]
    notes = [m for m in data.meetings if not m.is_external]
    assert len(hrefs) == len(data.meetings) == len(notes) + 2
    for meeting in notes:
        assert f"{meeting.slug}/" in hrefs
        page = site_build.html(f"meetings/{meeting.slug}/index.html")
        assert page.select_one(".sig-meeting-meta time")["datetime"] == meeting.start.isoformat()
    externals = [h for h in hrefs if h.startswith("https://")]
    assert sorted(externals) == sorted(m.external_url for m in data.meetings if m.is_external)


def test_no_fragment_of_the_site_names_an_element_its_page_lacks(site_build):
    assert dead_anchors(site_build.site, "/sigsite/") == []


def test_archive_is_newest_first_and_grouped_by_year(site_build):
    archive = site_build.article("meetings/index.html")
    years = [h.get_text(strip=True).rstrip("¶") for h in archive.select("h2")]
    assert years[:2] == ["2022", "2020"]
    dates = [t["datetime"][:10] for t in archive.select(".sig-meeting__when time")]
    assert dates == sorted(dates, reverse=True)


def test_meeting_page_has_header_neighbours_and_no_nav_entry(site_build):
    page = site_build.html("meetings/002-20200703/index.html")
    assert page.select_one("h1").get_text(strip=True) == "Meeting 002 · Friday, July 3, 2020"
    meta = page.select_one(".sig-meeting-meta").get_text(" ", strip=True)
    assert "10:30 GMT+8" in meta and "Asia/Shanghai" in meta
    assert page.select_one("a[rel=prev]")["href"] == "../001-20200604/"
    assert page.select_one("a[rel=next]")["href"] == "../003-20200808/"
    assert page.select_one(".sig-meeting-nav__all")["href"] == "../"
    nav_links = {a["href"] for a in site_build.html("index.html").select(".md-nav a")}
    assert not any(re.search(r"\d{3}-\d{8}", href) for href in nav_links)
    first = site_build.html("meetings/001-20200604/index.html")
    assert first.select_one("a[rel=prev]") is None


def test_roster_lists_every_person_once_with_all_roles(site_build):
    data, _ = load_sig(Sources(PROJECT))
    cards = site_build.article("members/index.html").select(".sig-person")
    assert len(cards) == len(data.people)
    names = [c.select_one(".sig-person__name").get_text(strip=True) for c in cards]
    assert sorted(names) == sorted(p.name for p in data.people)
    for card, person in zip(cards, data.people, strict=True):
        assert [r.get_text() for r in card.select(".sig-role")] == list(person.roles)
        assert card.select_one("a")["href"] == person.gitee_home


def test_home_lists_the_maintainers_and_recent_events(site_build):
    home = site_build.article("index.html")
    assert [a.get_text() for a in home.select(".sig-people a")] == ["emmmmtang", "Mr. Jin", "Ze Wang"]
    assert "No meeting is scheduled right now" in home.select_one(".sig-next").get_text()
    recent = [a.get_text() for a in home.select(".sig-next a.sig-meeting__title")]
    assert recent == ["Meeting forecast for March 15, 2022", "Meeting 004", "Meeting 003"]


def test_home_shows_no_empty_list_of_repositories(site_build):
    """This SIG's files list no repositories (no sig-info.yaml): its home page names them in its
    own words, and shows no "0 repositories" list and find box under them."""
    for page in ("index.html", "zh/index.html"):
        home = site_build.html(page)
        assert home.select(".sig-repos, #sig-repositories-find") == [], page
        assert "0 repositories" not in home.get_text() and "共 0 个" not in home.get_text()


def test_join_page_shows_the_snippet_and_links_to_edit_the_members_file(site_build):
    join = site_build.article("join/index.html")
    snippet = join.select_one("pre code").get_text()
    assert "- name: Your Name\n  gitee_home: https://gitee.com/your-gitee-account\n" in snippet
    edit = [a["href"] for a in join.select("a") if "sig_members.yaml" in a.get_text()]
    assert edit and edit[0].endswith("/edit/main/sig_members.yaml")


def test_material_features(site_build):
    home = site_build.html("index.html")
    assert home.select_one("link[rel=canonical]")["href"].startswith("https://")
    assert home.select_one("form[name=search]") is not None
    assert home.select("input[data-md-color-media]"), "light/dark toggle"
    assert home.select_one(".md-tabs") is not None
    assert home.select_one("a.md-content__button[href*='/edit/main/docs/index.md']") is not None
    assert home.select(".md-social a")
    assert not home.select('link[href*="fonts.googleapis.com"]')
    assert (site_build.site / "sitemap.xml").read_text().count("<loc>") >= len(PAGES) - 1


def test_no_email_address_from_the_data_is_published(site_build):
    emails = emails_in(PROJECT / "sig_members.yaml", PROJECT / "sig-info.yaml")
    assert emails_published(site_build.site, emails) == []
