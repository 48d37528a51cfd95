"""What the site offers beyond its pages: next meeting, calendar, feed, JSON, reproducible builds."""

from __future__ import annotations

import filecmp
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import BEFORE_FIRST_MEETING, build, make_project, validate_published
from icalendar import Calendar

from sigsite.addresses import SiteAddresses
from sigsite.loader import Sources, load_sig
from sigsite.model import Group
from sigsite.outputs.atom import feed_of
from sigsite.outputs.calendar import PAST_EVENTS, calendar_of

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def early_build(tmp_path_factory):
    """The site as it was on 2020-06-01, before the first meeting of the seed."""
    project = make_project(tmp_path_factory.mktemp("early"))
    result = build(project, env={"SOURCE_DATE_EPOCH": BEFORE_FIRST_MEETING})
    assert result.ok, result.result.stderr
    return result


def test_next_meeting_is_the_first_seed_meeting(early_build):
    block = early_build.article("index.html").select_one(".sig-next")
    upcoming = block.select("ul.sig-meetings")[0]
    assert upcoming.select_one("a.sig-meeting__title").get_text() == "Meeting 001"
    assert upcoming.select_one("time")["datetime"] == "2020-06-04T15:00:00+08:00"
    assert "No meeting is scheduled" not in block.get_text()
    archive = early_build.article("meetings/index.html")
    assert archive.select_one("h2").get_text(strip=True).rstrip("¶") == "Upcoming"
    soonest = archive.select("ul.sig-meetings")[0].select("a.sig-meeting__title")
    assert [a.get_text() for a in soonest][:2] == ["Meeting 001", "Meeting 002"]


def test_calendar_parses_back_with_the_right_instants(early_build):
    calendar = Calendar.from_ical((early_build.site / "meetings.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    data, _ = load_sig(Sources(early_build.site.parent))
    assert len(events) == len([m for m in data.meetings if m.date])
    first = events["001-20200604"]
    assert first.start.astimezone(UTC) == datetime(2020, 6, 4, 7, 0, tzinfo=UTC)
    assert str(first.start.tzinfo) == "Asia/Shanghai"
    assert first.end - first.start == timedelta(minutes=60)
    assert str(first["URL"]).endswith("/meetings/001-20200604/")
    assert str(first["LOCATION"]) == "https://welink-meeting.zoom.us/j/702349009"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert events["004-20200904"].start.astimezone(UTC).hour == 6  # 14:15 GMT+8
    forecast = next(e for e in events.values() if "weixin" in str(e["URL"]))
    assert forecast.start == datetime(2022, 3, 15).date()  # an external session: all day


def test_calendar_keeps_every_upcoming_meeting_and_the_latest_past_ones(tmp_path):
    """The archive grows without end; the calendar apps download stays bounded."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import scale

    folder = scale.generate(tmp_path, meetings=PAST_EVENTS + 40, people=2)  # weekly from 1990-01-04
    data, _ = load_sig(Sources(root=folder))
    site = SiteAddresses(site_url="https://sig.example.org/", site_name="SIG")
    today = date(1990, 1, 4) + timedelta(weeks=PAST_EVENTS + 20)  # 20 meetings still to come

    calendar = Calendar.from_ical(calendar_of([(data, site)], site, today))
    numbers = sorted(int(str(e["UID"]).split("-")[0]) for e in calendar.walk("VEVENT"))
    assert numbers == list(range(21, PAST_EVENTS + 41))  # 20 upcoming (incl. today's) + 100 past


def test_a_calendar_and_a_feed_with_nothing_dated_are_still_valid_and_dated_by_the_build():
    """RFC 5545 wants a component and RFC 7986 REFRESH-INTERVAL's VALUE=DURATION; an empty Atom
    feed was updated on the build's day, not in 1970."""
    site = SiteAddresses(site_url="https://sig.example.org/", site_name="SIG")
    today = date(2026, 12, 3)
    text = calendar_of([(Group(), site)], site, today).decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in text
    components = [c.name for c in Calendar.from_ical(text).subcomponents]
    assert components == ["VTIMEZONE"]
    feed = ElementTree.fromstring(feed_of([(Group(), site)], site, site.site_url, today))
    assert feed.findtext("{http://www.w3.org/2005/Atom}updated") == "2026-12-03T00:00:00+00:00"


def test_archive_offers_subscription(early_build):
    links = {
        a.get_text(): a["href"] for a in early_build.article("meetings/index.html").select(".sig-subscribe a")
    }
    assert links["subscribe in your calendar app"].startswith("webcal://")
    assert links["subscribe in your calendar app"].endswith("/meetings.ics")
    assert links["meetings.ics"].startswith("https://")


def test_atom_feed_newest_first_and_linked_from_every_page(early_build):
    feed = ElementTree.parse(early_build.site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[-1].endswith("/meetings/001-20200604/")
    assert any("[external]" in e.find(f"{ATOM}title").text for e in entries)
    for page in early_build.site.rglob("*.html"):
        head = early_build.html(str(page.relative_to(early_build.site))).head
        assert head.select_one('link[rel=alternate][type="application/atom+xml"]') is not None, page


def test_json_api_follows_its_schemas(early_build):
    members = json.loads((early_build.site / "members.json").read_text("utf-8"))
    meetings = json.loads((early_build.site / "meetings.json").read_text("utf-8"))
    validate_published(members, early_build.site / "schemas", "api_members")
    validate_published(meetings, early_build.site / "schemas", "api_meetings")
    assert {m["name"] for m in members["members"]} == {"Ze Wang", "Mr. Jin", "emmmmtang"}
    first = next(m for m in meetings["meetings"] if m["id"] == "001-20200604")
    assert first["start_utc"] == "2020-06-04T07:00:00Z" and first["timezone"] == "Asia/Shanghai"
    assert (early_build.site / "schemas" / "api_meetings.schema.json").is_file()


def test_rebuild_is_byte_identical(tmp_path):
    project = make_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": BEFORE_FIRST_MEETING}
    first = build(project, env=env)
    assert first.ok, first.result.stderr
    kept = tmp_path / "first"
    first.site.rename(kept)
    second = build(project, env={**env, "PYTHONHASHSEED": "12345"})
    assert second.ok, second.result.stderr
    files = sorted(str(p.relative_to(kept)) for p in kept.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(second.site)) for p in second.site.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(kept, second.site, files, shallow=False)
    assert mismatch == [] and errors == []


def test_recording_link_from_the_note_is_shown(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "meetings" / "005-20201009.md").write_text(
        "# Friday October 9, 2020 at 15:00 GMT+8\n\n## Agenda\n* Review\n\n## Notes\n"
        "* Video: https://www.bilibili.com/video/BV1rK4y1T7yg\n",
        "utf-8",
    )
    result = build(project)
    assert result.ok, result.result.stderr
    header = result.html("meetings/005-20201009/index.html").select_one(".sig-meeting-meta")
    assert "Recording" in header.get_text()
    assert header.select_one("a")["href"] == "https://www.bilibili.com/video/BV1rK4y1T7yg"
