"""The scale benchmark's generator stays working; the archive stays short as meetings pile up."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

import pytest
from conftest import PROJECT, build, check_report

sys.path.insert(0, str(PROJECT / "benchmarks"))
import scale
import yaml
from openeuler import generate_openeuler

from sigsite.markup.document import render_markdown
from sigsite.render.blocks import ARCHIVE_RECENT
from sigsite.search_scope import UNSEARCHED_SECTIONS

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A generated SIG of 60 meetings (more than the archive lists) and 30 members, built."""
    root = tmp_path_factory.mktemp("synthetic")
    data = scale.generate(root / "data", meetings=ARCHIVE_RECENT + 10, people=30)
    project = scale.sigsite_project(root / "site", data)
    result = build(project)
    assert result.ok, result.result.stderr
    return data, project, result


def test_generated_data_is_valid(synthetic):
    data, _, _ = synthetic
    status, report = check_report(data)
    assert status == 0, report
    assert report["summary"]["errors"] == 0
    notes = sorted((data / "meetings").glob("*.md"))
    assert len(notes) == ARCHIVE_RECENT + 10
    assert sum("---" in n.read_text("utf-8")[:3] for n in notes) == 3  # 1 in 20 with front matter
    assert sum("年" in n.read_text("utf-8") for n in notes) == 12  # 1 in 5 in Chinese


def test_sequence_numbers_pass_999(tmp_path):
    data = scale.generate(tmp_path, meetings=1001, people=2)
    assert len(list((data / "meetings").glob("1000-*.md"))) == 1
    assert len(list((data / "meetings").glob("999-*.md"))) == 1


def test_every_generated_meeting_and_member_is_published(synthetic):
    _, _, result = synthetic
    meetings = json.loads((result.site / "meetings.json").read_text("utf-8"))["meetings"]
    assert len(meetings) == ARCHIVE_RECENT + 10
    for meeting in meetings:
        path = meeting["url"].split("/sigsite/", 1)[1]
        assert (result.site / path / "index.html").is_file(), path
    cards = result.article("members/index.html").select(".sig-person")
    assert len(cards) == 30


def test_archive_lists_the_recent_meetings_and_links_every_year(synthetic):
    _, _, result = synthetic
    archive = result.article("meetings/index.html")
    assert len(archive.select("a.sig-meeting__title")) == ARCHIVE_RECENT
    years = {a.get_text(): a["href"] for a in archive.select(".sig-years a")}
    assert set(years) == {"1990", "1991"}  # 60 weekly meetings from January 1990
    listed = 0
    for year, href in years.items():
        page = result.article(f"meetings/{href.rstrip('/')}/index.html")
        listed += len(page.select("a.sig-meeting__title"))
        assert (
            result.html(f"meetings/{href.rstrip('/')}/index.html").select_one("h1").get_text().endswith(year)
        )
    assert listed == ARCHIVE_RECENT + 10


def test_attendees_and_conference_links_stay_out_of_search(site_build):
    docs = json.loads((site_build.site / "search" / "search_index.full.json").read_text("utf-8"))["docs"]
    meeting = [d for d in docs if d["location"].startswith("meetings/001-20200604/")]
    text = " ".join(d["title"] + " " + d["text"] for d in meeting)
    assert "Random Normal operator" in text  # the agenda is searchable
    assert "Liu Zhidan (Huawei)" not in text and "welink-meeting" not in text
    assert "Asia/Shanghai" not in text  # the header repeats the title's date; the zone is not searched
    assert not any(d["location"].endswith("#attendees") for d in meeting)
    # Search reads less, the visitor reads everything: the page has the sections and its header.
    page = site_build.article("meetings/001-20200604/index.html")
    assert "Liu Zhidan (Huawei)" in page.get_text() and page.select_one("#user-content-conference-links")
    assert "Asia/Shanghai" in page.select_one(".sig-meeting-meta").get_text()
    assert page.select_one(".sig-meeting-nav a[rel=next]") is not None


def test_search_reads_every_section_but_attendees_and_conference_links():
    note = (
        "Intro\n\n## Agenda\n* Fuzzing\n\n## Attendees\n* Li Peng\n\n"
        "## 会议链接\nhttps://meeting.example.org/j/1\n\n## 会议纪要\n讨论\n\n### Follow-up\nSoon\n\n"
        "## Conference Links\n\n### Backup\nhttps://b.example.org\n"
    )
    rendered = render_markdown(note, lambda *_: None, unsearched=UNSEARCHED_SECTIONS)
    assert rendered.search_html.split("\n") == [
        "<p>Intro</p>",
        '<h2 id="user-content-agenda">Agenda</h2>',
        "<p>Fuzzing</p>",
        '<h2 id="user-content-会议纪要">会议纪要</h2>',
        "<p>讨论</p>",
        '<h3 id="user-content-follow-up">Follow-up</h3>',
        "<p>Soon</p>",
    ]
    assert "Li Peng" in rendered.html and "b.example.org" in rendered.html  # the page shows them


def test_year_pages_stay_out_of_search_and_the_meetings_stay_in(synthetic):
    _, _, result = synthetic
    docs = json.loads((result.site / "search" / "search_index.full.json").read_text("utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert not {"meetings/1990/", "meetings/1991/"} & locations  # lists of titles found elsewhere
    pages = {m.split("/")[-2] for m in locations if m.startswith("meetings/0")}
    english = [n for n in range(1, ARCHIVE_RECENT + 11) if n % 5]  # 1 in 5 notes is under /zh/
    assert len(pages) == len(english)


def test_the_roster_stays_out_of_search_and_the_members_page_stays_in(synthetic):
    _, _, result = synthetic
    docs = [  # each language root has its own index, its locations relative to that root
        {**d, "location": root + d["location"]}
        for root in ("", "zh/")
        for d in json.loads((result.site / root / "search" / "search_index.full.json").read_text("utf-8"))[
            "docs"
        ]
    ]
    members = [d for d in docs if d["location"].split("#")[0] in {"members/", "zh/members/"}]
    assert {d["location"].split("#")[0] for d in members} == {"members/", "zh/members/"}
    text = " ".join(d["title"] + " " + d["text"] for d in members)
    assert "sig_members.yaml" in text  # the page's own words are searchable
    assert "Member 0" not in text and "Interests" not in text  # the roster has its own search box
    for page in ("members/index.html", "zh/members/index.html"):
        roster = result.article(page)
        assert len(roster.select(".sig-person")) == 30
        assert roster.select_one(".sig-roster__find input[type=search]") is not None


def test_the_openeuler_community_is_shaped_as_asked_and_the_same_each_time(tmp_path):
    """S SIGs holding the repository files asked for, unevenly, each file where openEuler keeps it
    and listed by its SIG's sig-info.yaml; archived SIGs (one named as an active one), the template
    and the format's README; a personal address on every person's entry; the same bytes twice."""
    first = generate_openeuler(tmp_path / "one", sigs=12, repositories=240)
    second = generate_openeuler(tmp_path / "two", sigs=12, repositories=240)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    place = re.compile(r"sig/([^/]+)/(openeuler|src-openeuler)/([^/])/([^/]+)\.yaml")
    repositories = [m.groups() for f in files if (m := place.fullmatch(f))]
    assert len(repositories) == 240
    assert all(letter == name[0].lower() for _, _, letter, name in repositories)
    per_sig = Counter(sig for sig, *_ in repositories)
    assert len(per_sig) == 12 and max(per_sig.values()) >= 3 * sorted(per_sig.values())[6]
    for sig in per_sig:
        info = yaml.safe_load((first / "sig" / sig / "sig-info.yaml").read_text("utf-8"))
        listed = {r for group in info["repositories"] for r in group["repo"]}
        assert listed == {f"{org}/{name}" for s, org, _, name in repositories if s == sig}
        assert info["mailing_list"] == f"{sig.removeprefix('sig-').lower()}@openeuler.org"
        people = info["maintainers"] + [
            p
            for group in info["repositories"]
            for role in ("repo_admin", "committers")
            for p in group.get(role, [])
        ]
        assert people and all(p["email"] and "atomgit_id" in p for p in people)
        assert (first / "sig" / sig / "README.md").is_file()
    for path in (p for p in files if place.fullmatch(p)):
        entry = yaml.safe_load((first / path).read_text("utf-8"))
        assert (
            entry["name"] == path.rsplit("/", 1)[1].removesuffix(".yaml")
            and entry["branches"][0]["name"] == "master"
        )
        assert ("upstream" in entry) == ("/src-openeuler/" in path)
    archived = sorted(p.name for p in (first / "archived_sigs").iterdir())
    assert len(archived) == 2 and len(set(archived) & set(per_sig)) == 1  # one shares an active SIG's name
    assert all((first / "archived_sigs" / name / "sig-info.yaml").is_file() for name in archived)
    assert {"sig/README.md", "sig/sig-template/sig-info.yaml", "sig/sig-template/README.md"} <= set(files)
