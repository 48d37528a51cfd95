"""The scale benchmark's generator stays working; the archive stays short as meetings pile up."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import PROJECT, build, check_report

sys.path.insert(0, str(PROJECT / "benchmarks"))
import scale

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
