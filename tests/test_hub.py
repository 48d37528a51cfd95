"""The community hub built with --strict from a fixture community with every variant, and from the
real snapshot in ../shared/community: directory, SIG sections, README links, people, calendars,
feeds, JSON, a link check over the whole hub, and `sigsite check --community`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import EMAIL, PROJECT, validate_published
from costs import cost
from hub_support import (
    COMMUNITY,
    HUB_CONFIG,
    JUNE_2021,
    broken_links,
    build_hub,
    dead_anchors,
    empty_pages,
    hub_config_with,
    make_community,
)
from icalendar import Calendar

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

SITE_PATH = "/sigsite/hub/"
ATOM = "{http://www.w3.org/2005/Atom}"
FOLDERS = {"alpha", "beta", "delta", "Vision (CV) Suite SIG", "research", "tsc"}


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    community = make_community(tmp_path_factory.mktemp("community"))
    result = build_hub(
        community, tmp_path_factory.mktemp("hub") / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021}
    )
    assert result.ok, result.result.stderr
    return result


def _json(hub, name: str) -> dict:
    return json.loads((hub.site / name).read_text("utf-8"))


def test_the_directory_lists_every_sig_with_its_facts(hub):
    home = hub.article("index.html")
    cards = {
        card.select_one(".sig-card__name a").get_text(strip=True): card for card in home.select(".sig-card")
    }
    assert list(cards) == [  # by the name shown without the community's own, whatever the kind
        "MindSpore Alpha SIG",
        "Beta SIG",
        "delta",
        "MindSpore Gamma SIG",
        "Joint Research on Future AI Topics",
        "MindSpore Technical Steering Committee",
        "MindSpore Vision SIG",
    ]
    kinds = {name: card["data-kind"] for name, card in cards.items()}
    assert kinds["Joint Research on Future AI Topics"] == "wg"
    assert kinds["MindSpore Technical Steering Committee"] == "tsc"
    assert cards["MindSpore Technical Steering Committee"].select_one("a")["href"] == "tsc/"
    # The filter's words besides what the card says: the id, the folder, the names and the
    # descriptions in the page's language, the leaders, the kind.
    assert cards["MindSpore Vision SIG"]["data-search"] == (
        "vision-cv-suite-sig sigs/Vision (CV) Suite SIG MindSpore Vision SIG Computer vision kits. "
        "Vic Vision SIG"
    )
    alpha = cards["MindSpore Alpha SIG"]
    assert alpha["data-roles"] == "active"  # a meeting is coming
    assert alpha.select_one("a")["href"] == "sigs/alpha/"
    text = alpha.get_text(" ", strip=True)
    # Its own sig-info.yaml's description_en before the listing's line, which the filter still finds.
    assert "The Alpha SIG works on trusted computing." in text
    assert "This SIG is responsible for trusted computing." in alpha["data-search"]
    # its leaders, as OWNERS names them (No Account, whom sig-info.yaml alone names, is "also named")
    assert "Maintainers: Ada Alpha, Bob Both" in text and "5 members" in text and "3 meetings" in text
    assert "Maturity: startup" in text and "Since Monday, March 1, 2021" in text
    assert alpha.select_one("time[data-sig-local]")["datetime"] == "2021-12-02T10:00:00+08:00"
    gamma = cards["MindSpore Gamma SIG"]
    assert gamma["data-roles"] == "external"
    assert gamma.select_one("a")["href"] == "https://github.com/example/gamma/blob/master/README.md"
    assert (
        cards["delta"]["data-roles"] == "quiet"
        and "Nothing recorded in 12 months" in cards["delta"].get_text()
    )
    assert "1 member" in cards["delta"].get_text() and "meeting" not in cards["delta"].get_text()
    beta = cards["Beta SIG"].get_text()  # no file lists its people: no count, rather than "0 members"
    assert "members" not in beta and not re.search(r"\b0\b", beta)
    assert "3 meetings" in beta and "Last recorded session: Monday, March 15, 2021" in beta
    # The community's introduction, without its title or its hand-kept table of SIGs.
    assert "open groups of experts and students" in home.get_text()
    assert "Current SIGs" not in home.get_text()
    chips = [b.get_text(" ", strip=True) for b in home.select(".sig-chip")]
    assert chips == [
        *["All kinds 7", "SIG 5", "Working group 1", "Technical Steering Committee 1"],
        *["Any activity 7", "Active 3", "Nothing recorded in 12 months 3", "Hosted elsewhere 1"],
        *["By name", "By latest activity"],
    ]


def test_a_sig_page_shows_its_readme_under_its_name_with_facts_and_chart(hub):
    page = hub.html("sigs/alpha/index.html")
    assert page.title.get_text().startswith("MindSpore Alpha SIG")
    article = page.select_one("article")
    assert [h.get_text(strip=True) for h in article.select("h1")] == ["MindSpore Alpha SIG"]
    assert article.select_one("h2").get_text(strip=True).startswith("Alpha SIG")  # the README's own title
    assert "attestation, enclaves and secure model serving" in article.get_text()
    chart = article.select_one("svg.sig-chart")
    assert chart["role"] == "img" and chart["aria-label"] == "Meetings per year: 2021: 3"
    assert [t.get_text() for t in chart.select("text")] == ["3", "2021"]
    assert not article.select("svg script, svg foreignObject")
    assert "ada.private@example.org" not in page.decode()


def test_every_relative_link_of_a_readme_is_resolved(hub):
    article = hub.article("sigs/alpha/index.html")
    links = {a.get_text(strip=True): a["href"] for a in article.select("a[href]")}
    forge = "https://gitee.com/mindspore/community/blob/master/"
    assert links["first meeting"] == "meetings/001-20210304/"
    assert links["second"] == "../../zh/sigs/alpha/meetings/002-20210401/"  # a Chinese note: no #notes
    assert links["the list"] == links["sig-info"] == "members/"
    assert links["PDF"] == links["guide"] == "docs/guide.pdf"
    assert links["old plan"] == forge + "sigs/alpha/docs/missing.pdf"  # not in this checkout
    assert links["template"] == forge + "sigs/alpha/docs/design-template.md"  # not published
    assert links["reviewer"] == "documents/sub-project-readme/"  # a sub-project's README: its page
    document = hub.html("sigs/alpha/documents/sub-project-readme/index.html")
    assert document.select_one("article h1").get_text(strip=True).endswith("MindSpore Alpha SIG")
    assert links["Beta"] == "../beta/"
    assert links["all SIGs"] == "../../"
    assert links["up"] == forge  # above the repository
    assert links["meetings"] == "meetings/"
    assert {img["src"] for img in article.select("img")} == {"arch.png"}
    assert (hub.site / "sigs/alpha/arch.png").is_file() and (hub.site / "sigs/alpha/docs/guide.pdf").is_file()
    assert not (hub.site / "sigs/alpha/docs/design-template.md").exists()


def test_no_link_anywhere_on_the_hub_is_broken_and_no_page_is_empty(hub):
    assert broken_links(hub.site, SITE_PATH) == []
    assert dead_anchors(hub.site, SITE_PATH) == []  # every fragment names an element of its page
    assert empty_pages(hub.site) == []
    # Every group, record and document has its page, in the language of its text.
    pages = {p.parent.relative_to(hub.site).as_posix() for p in hub.site.rglob("index.html")}
    assert {
        "tsc",
        "tsc/meetings",
        "tsc/meetings/2020-05-21",
        "tsc/meetings/2020-06-18",
        "working-groups/research",
        "working-groups/research/documents/topic1-low-bit-training",
        "zh/sigs/beta/meetings/2020-04-16",
        "zh/sigs/beta/meetings/2020-11-30",
        "sigs/alpha/documents/sub-project-readme",
    } <= pages


def test_links_written_as_typora_writes_them_lead_to_their_headings(hub):
    """The research topic's contents (`#Target:`, `<#Method:>`) and the README's link to one of its
    headings lead to them; `#Results and plans` names none: its text alone, no dead anchor."""
    topic = hub.article("working-groups/research/documents/topic1-low-bit-training/index.html")
    links = {a.get_text(): a.get("href") for a in topic.select("p a")}
    assert links == {"Target": "#user-content-target", "Method": "#user-content-method", "Results": None}
    assert {
        h.get_text(strip=True).rstrip("¶")
        for h in topic.select("[id=user-content-target], [id=user-content-method]")
    } == {"Target:", "Method:"}
    readme = hub.article("working-groups/research/index.html")
    method = readme.find("a", string="its method")
    assert method["href"] == "documents/topic1-low-bit-training/#user-content-method"


def test_readmes_in_each_language_and_a_note_when_only_one_exists(hub):
    english, chinese = hub.article("sigs/alpha/index.html"), hub.article("zh/sigs/alpha/index.html")
    assert "远程证明" in chinese.get_text() and "远程证明" not in english.get_text()
    beta_en = hub.article("sigs/beta/index.html")
    assert "This group's README is written in Chinese only." in beta_en.get_text()
    assert "数据合规" in beta_en.get_text()
    assert "仅有" not in hub.article("zh/sigs/beta/index.html").get_text()
    vision = hub.article("zh/sigs/vision-cv-suite-sig/index.html")
    assert "计算机视觉套件" in vision.get_text()


def test_every_meeting_and_file_of_every_sig_is_published(hub):
    for note in ("001-20210304", "003-20211202"):
        assert (hub.site / f"sigs/alpha/meetings/{note}/index.html").is_file()
    assert (hub.site / "zh/sigs/alpha/meetings/002-20210401/index.html").is_file()
    assert (hub.site / "sigs/alpha/meetings/slides-20210304.pdf").is_file()
    assert not list(hub.site.rglob("meeting-template*"))
    page = hub.article("sigs/alpha/meetings/001-20210304/index.html")
    assert "Attestation roadmap" in page.get_text()
    assert page.select_one(".sig-meeting-meta time")["datetime"] == "2021-03-04T15:00:00+08:00"
    assert page.select_one(".sig-meeting-nav__all")["href"] == "../"
    # The page names its group: in its title, and in the group's navigation above the note.
    whole = hub.html("sigs/alpha/meetings/001-20210304/index.html")
    assert whole.title.get_text().startswith("Meeting 001 · Thursday, March 4, 2021 · MindSpore Alpha SIG")
    nav = page.select_one(".sig-section-nav")
    assert nav["aria-label"] == "Pages of MindSpore Alpha SIG"
    assert nav.select_one("a")["href"] == "../../../../"
    archive = hub.article("sigs/alpha/meetings/index.html")
    assert len(archive.select(".sig-meeting")) == 3
    nav = archive.select_one(".sig-section-nav")
    assert nav.select_one("[aria-current=page]").get_text() == "Meetings"


def test_each_sig_has_its_roster(hub):
    roster = hub.article("sigs/alpha/members/index.html")
    names = [p.get_text(strip=True) for p in roster.select(".sig-person__name")]
    assert sorted(names) == sorted(["Ada Alpha", "Bob Both", "Cai Contributor", "No Account", "Prof. Mentor"])
    repositories = hub.article("sigs/alpha/repositories/index.html")
    assert [
        r.select_one(".sig-repo__name").get_text(strip=True) for r in repositories.select("li.sig-repo")
    ] == ["mindspore/alpha"]
    assert "Bob Both" in repositories.select_one("li.sig-repo").get_text()  # its committer


def test_the_people_page_lists_everyone_once_across_sigs(hub):
    people = hub.article("people/index.html")
    persons = {
        p.select_one(".sig-person__name").get_text(strip=True): p for p in people.select(".sig-person")
    }
    # everyone the files name as taking part: rosters, leads of READMEs, attendees of notes
    assert sorted(persons) == [
        "Ada Alpha", "Bea Beta", "Bob Both", "Cai Contributor", "Dan Dev", "Eve Eng", "No Account",
        "Prof. Mentor", "Ray Search", "Tom Steer", "Vic Vision", "zhoufeng",
    ]  # fmt: skip
    assert len(persons) == len(people.select(".sig-person"))
    # Counted over the groups whose files name them (alpha, beta, delta, research, the TSC, vision).
    assert people.select_one(".sig-roster__summary").get_text() == "12 people in 6 groups."
    bob = persons["Bob Both"].get_text(" ", strip=True)
    assert "MindSpore Alpha SIG : Maintainer, Committer" in bob and "delta : Maintainer" in bob
    links = [a["href"] for a in persons["Bob Both"].select(".sig-person__sigs a")]
    assert links == ["../sigs/alpha/", "../sigs/delta/"]
    # a page for a person with an account or a role; one the notes alone name has none
    assert persons["Ada Alpha"].select_one(".sig-person__name a")["href"] == "ada/"
    assert persons["Ray Search"].select_one(".sig-person__name a")["href"] == "research/~ray-search/"
    assert persons["Dan Dev"].select_one(".sig-person__name a") is None
    dan = persons["Dan Dev"].get_text(" ", strip=True)
    assert "Recorded as attending 2 sessions" in dan
    listed = {p["key"]: p for p in _json(hub, "people.json")["people"]}
    assert listed["ada"]["page"].endswith("/sigsite/hub/people/ada/")
    assert listed["name:alpha:dan dev"]["page"] is None


@pytest.mark.parametrize("language", ["", "zh/"])
def test_a_persons_page_gives_accounts_spellings_roles_with_their_lines_and_sessions_by_year(hub, language):
    page = hub.article(f"{language}people/ada/index.html")
    assert page.h1.get_text(strip=True).startswith("Ada Alpha")
    text = page.get_text(" ", strip=True)
    said = [a["href"] for a in page.select(".sig-person-page__said a")]
    assert "https://gitee.com/mindspore/community/blob/master/sigs/alpha/sig_members.yaml#L2" in said
    assert "https://gitee.com/mindspore/community/blob/master/tsc/README.md#L11" in said  # **Chair**
    lines = {
        li.code.get_text(): li.get_text(" ", strip=True) for li in page.select(".sig-person-page__said li")
    }
    unknown = "起始时间不明（没有完整的 Git 历史）" if language else "since: unknown (no full history)"
    assert lines["sigs/alpha/sig_members.yaml:2"].endswith(unknown)  # the fixture's copy has no history
    assert unknown not in lines["tsc/README.md:11"]  # a README is no roster: no since
    years = [h.get_text(strip=True) for h in page.select("h3")]
    assert years == ["2021", "2020"]
    if language:
        assert "小组与角色" in text and "参加的会议" in text and "写法" in text
    else:
        assert "Written as: Ada Alpha, Alpha Ada" in text
        assert "as Alpha Ada, matched by name order in sigs/alpha/sig_members.yaml:2" in text
    assert len(page.select(".sig-person-page__sessions li")) == 3


def _without_person_pages(community, root):
    """The hub of `community`, built with `person_pages: false` into `root / "site"`."""
    config = hub_config_with(root, "      person_pages: false\n")
    built = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021}, config=config)
    assert built.ok, built.result.stderr
    for language in ("", "zh/"):
        pages = sorted(
            p.relative_to(built.site).as_posix() for p in built.site.glob(f"{language}people/**/*.html")
        )
        assert pages == [f"{language}people/index.html"]
    assert broken_links(built.site, SITE_PATH) == []  # a link to a person's page would lead nowhere
    assert {p["page"] for p in _json(built, "people.json")["people"]} == {None}
    return built


def test_without_person_pages_the_hub_links_to_no_persons_page(hub, tmp_path):
    """`person_pages: false` builds no page below people/ but the people page: everyone is listed
    as with them, a name links to the person's Gitee home (or to nothing), no link of the hub leads
    nowhere, and people.json gives no page."""
    built = _without_person_pages(make_community(tmp_path / "community"), tmp_path)
    people = built.article("people/index.html")
    with_pages = hub.article("people/index.html")
    assert [p.get_text(" ", strip=True) for p in people.select(".sig-person")] == [
        p.get_text(" ", strip=True) for p in with_pages.select(".sig-person")
    ]
    names = {p.get_text(strip=True): p.select_one("a") for p in people.select(".sig-person__name")}
    assert names["Ada Alpha"]["href"] == "https://gitee.com/ada"
    assert names["Ray Search"] is None  # no account, and no page of their own
    alpha = built.article("sigs/alpha/index.html").select_one(".sig-facts")
    assert "Ada Alpha" in alpha.get_text() and not alpha.select('a[href*="people/"]')


def test_without_person_pages_an_openeuler_hubs_repositories_name_their_people_unlinked(tmp_path):
    """openEuler's Repositories pages link admins and committers to their pages: without person
    pages they name them as text."""
    shutil.copytree(PROJECT / "tests" / "fixtures" / "openeuler", tmp_path / "community")
    built = _without_person_pages(tmp_path / "community", tmp_path)
    people = built.article("sig/alpha/repositories/index.html").select(".sig-repo__people")
    assert people and all(not p.select("a") and p.get_text(strip=True) for p in people)


def test_a_group_card_names_its_leaders_from_the_most_authoritative_file(hub):
    alpha = hub.article("sigs/alpha/index.html").select_one(".sig-facts").get_text(" ", strip=True)
    assert "Maintainers Ada Alpha , Bob Both (as sigs/alpha/OWNERS names them)" in alpha
    assert "No Account ( sigs/alpha/sig-info.yaml )" in alpha  # also named, never a leader
    beta = hub.article("sigs/beta/index.html").select_one(".sig-facts").get_text(" ", strip=True)
    assert "Leads Bea Beta (as sigs/beta/README.md names them)" in beta and "待安排" not in beta
    vision = hub.article("sigs/vision-cv-suite-sig/index.html").select_one(".sig-facts")
    assert "Leads Vic Vision (as sigs/sig_info.yaml names them)" in vision.get_text(" ", strip=True)
    assert "sig_members.yaml in" not in vision.get_text()  # words for a visitor, not a maintainer


def test_calendars_and_feeds_for_the_community_and_each_sig(hub):
    community = Calendar.from_ical((hub.site / "meetings.ics").read_bytes())
    events = [e for e in community.walk("VEVENT") if "STATUS" not in e]
    assert len(events) == len({str(e["UID"]) for e in events}) == 8
    assert Counter(str(e["UID"]).split(".")[0] for e in events) == {"alpha": 3, "beta": 3, "tsc": 2}
    # The sessions alpha's and the TSC's stated schedules make expected: tentative, not announced.
    expected = sorted(str(e["UID"]) for e in community.walk("VEVENT") if "STATUS" in e)
    assert expected == [
        "alpha.expected-2021-06-10@mindspore-ai-security-sig.github.io",
        "tsc.expected-2021-06-17@mindspore-ai-security-sig.github.io",
    ]
    alpha = Calendar.from_ical((hub.site / "sigs/alpha/meetings.ics").read_bytes())
    assert len(list(alpha.walk("VEVENT"))) == 4
    assert str(alpha["X-WR-CALNAME"]) == "MindSpore Alpha SIG"
    feed = ElementTree.fromstring((hub.site / "feed.xml").read_bytes())
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles[0].startswith("MindSpore Alpha SIG: ")
    # Nothing dated: no calendar or feed, and no link to one.
    assert (
        not (hub.site / "sigs/delta/meetings.ics").exists()
        and not (hub.site / "sigs/delta/feed.xml").exists()
    )
    assert "meetings.ics" not in hub.html("sigs/delta/index.html").select_one(".sig-facts").decode()


def test_a_sessions_own_summary_and_time_on_its_pages_and_in_its_calendar(hub):
    """Issue 31: beta's sessions each show their own summary (the topic line; else the first
    sentence that is neither a date nor the thanks both say); the TSC's 2020-06-18 note states its
    own time, 2020-05-21 takes the README's (the 3rd Thursday, 4pm to 5pm UTC+8), marked as such
    on its page, in the archive in both languages and in the calendar."""
    for archive in ("sigs/beta/meetings/index.html", "zh/sigs/beta/meetings/index.html"):
        shown = [p.get_text(strip=True) for p in hub.article(archive).select(".sig-meeting__summary")]
        assert shown == ["本期分享介绍调试工具的新功能。", "主题是《易用性设计》"], archive
    may = hub.article("tsc/meetings/2020-05-21/index.html").select_one(".sig-meeting-meta")
    assert may.select_one("time")["datetime"] == "2020-05-21T16:00:00+08:00"
    mark = may.select_one(".sig-time-from")
    assert mark.get_text(strip=True) == "time from the README" and mark["title"] == "tsc/README.md:6"
    june = hub.article("tsc/meetings/2020-06-18/index.html").select_one(".sig-meeting-meta")
    assert june.select_one("time")["datetime"] == "2020-06-18T16:00:00+08:00"
    assert "90 minutes" in june.get_text(" ") and june.select_one(".sig-time-from") is None
    zh = hub.article("zh/tsc/meetings/index.html")
    assert [m.get_text(strip=True) for m in zh.select(".sig-time-from")] == ["时间取自 README"]
    calendar = Calendar.from_ical((hub.site / "tsc/meetings.ics").read_bytes())
    held = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT") if "STATUS" not in e}
    may_event, june_event = held["tsc.2020-05-21"], held["tsc.2020-06-18"]
    assert (may_event.decoded("DTSTART").isoformat(), may_event.decoded("DTEND").isoformat()) == (
        "2020-05-21T16:00:00+08:00",
        "2020-05-21T17:00:00+08:00",
    )
    assert "Time from the README (tsc/README.md:6)" in str(may_event["DESCRIPTION"])
    assert june_event.decoded("DTEND").isoformat() == "2020-06-18T17:30:00+08:00"
    assert "README" not in str(june_event["DESCRIPTION"])
    meetings = {m["id"]: m for m in _json(hub, "meetings.json")["meetings"] if m["sig"] == "tsc"}
    assert (meetings["2020-05-21"]["time_from"], meetings["2020-06-18"]["time_from"]) == (
        "tsc/README.md:6",
        None,
    )


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("sigs.json", "api_sigs"),
        ("people.json", "api_people"),
        ("meetings.json", "api_hub_meetings"),
        ("health.json", "api_health"),
    ],
)
def test_json_follows_its_published_schema(hub, name, schema):
    validate_published(_json(hub, name), hub.site / "schemas", schema)


def test_without_git_history_every_page_says_so_and_gives_the_build_date(hub):
    said = "From a checkout of mindspore/community without Git history, built June 1, 2021."
    for page in ("index.html", "sigs/alpha/index.html", "people/index.html"):
        assert " ".join(hub.html(page).select_one("footer .sig-source").get_text().split()) == said
    assert "构建于 2021年6月1日" in hub.html("zh/index.html").select_one("footer .sig-source").get_text()
    unknown = {"repository": "mindspore/community", "commit": None, "date": None, "url": None}
    for name in ("sigs.json", "people.json", "meetings.json", "health.json"):
        assert _json(hub, name)["source"] == {**unknown, "built": "2021-06-01"}


def test_sigs_json_has_every_sig_with_the_fields_of_the_directory(hub):
    sigs = {s["id"]: s for s in _json(hub, "sigs.json")["sigs"]}
    assert set(sigs) == {
        "alpha",
        "beta",
        "delta",
        "vision-cv-suite-sig",
        "mindspore-gamma-sig",
        "research",
        "tsc",
    }
    assert {s["folder"] for s in sigs.values()} == {*FOLDERS, None}
    assert {s["id"]: (s["kind"], s["path"]) for s in sigs.values() if s["kind"] != "sig"} == {
        "research": ("wg", "working-groups/research"),
        "tsc": ("tsc", "tsc"),
    }
    # No file lists the people of Beta or the TSC: unknown, not zero.
    assert (
        sigs["beta"]["members"] is None and sigs["tsc"]["members"] is None and sigs["delta"]["members"] == 1
    )
    alpha = sigs["alpha"]
    assert alpha["url"] == "https://mindspore-ai-security-sig.github.io/sigsite/hub/sigs/alpha/"
    assert alpha["members"] == 5 and alpha["meetings"] == 3 and alpha["mature_level"] == "startup"
    # Its own sig-info.yaml's descriptions come before the community's listing, each in its language.
    assert (
        alpha["created_on"] == "2021-03-01"
        and alpha["introductions"]["zh"] == "Alpha SIG 研究可信计算与隐私保护。"
    )
    assert alpha["introductions"]["en"] == "The Alpha SIG works on trusted computing."
    # Version 1's fields stay for this version.
    assert (alpha["introduction"], alpha["introduction_zh"]) == tuple(alpha["introductions"].values())
    assert alpha["last_meeting"]["date"] == "2021-04-01" and alpha["next_meeting"]["date"] == "2021-12-02"
    assert alpha["meetings_per_year"] == {"2021": 3}
    assert sigs["mindspore-gamma-sig"]["external"] is True
    assert sigs["beta"]["last_meeting"]["date"] == "2021-03-15" and sigs["beta"]["meetings"] == 3
    assert sigs["tsc"]["meetings_per_year"] == {"2020": 2}
    meetings = _json(hub, "meetings.json")["meetings"]
    assert Counter(m["sig"] for m in meetings) == {"alpha": 3, "beta": 3, "tsc": 2}


def test_no_personal_email_reaches_the_hub(hub):
    found = []
    for path in hub.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".ics"}:
            found += [f"{path.name}: {m!r}" for m in EMAIL.findall(path.read_bytes()) if b"example.org" in m]
    assert found == []


def test_without_the_community_variable_the_build_says_what_to_set(tmp_path):
    result = build_hub(None, tmp_path / "s")
    assert not result.ok
    assert "set SIGSITE_COMMUNITY to the checkout of the community repository" in result.result.stderr
    assert "Traceback" not in result.result.stderr


def test_a_hostile_readme_is_refused_or_made_harmless(tmp_path):
    from hostile import assert_harmless

    community = make_community(tmp_path / "community")
    readme = community / "sigs/beta/README.md"
    readme.write_text(
        "# Beta\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        '## Title {: #__config }\n\n<a href="../alpha/README.md" onclick="alert(3)">alpha</a>\n',
        "utf-8",
    )
    result = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
    article = result.article("sigs/beta/index.html")
    assert article.select_one("a[href='../alpha/']") is not None  # raw HTML links are resolved too
    readme.write_text("# Beta\n\n[click](javascript:alert(1))\n", "utf-8")
    around = build_hub(community, tmp_path / "site2")  # the hub publishes around it; check refuses it
    expected = "sigs/beta/README.md:3:9: error: a link uses the 'javascript:' scheme"
    assert around.ok and expected in around.result.stderr
    assert_harmless(around.site)
    assert around.article("sigs/beta/index.html").find("a", string="click") is None
    checked = _check_community(community)
    assert checked.returncode == 1 and expected in checked.stdout


def test_check_community_groups_problems_by_folder(tmp_path):
    community = make_community(tmp_path / "community")
    (community / "sigs/beta/meetings").mkdir()
    (community / "sigs/beta/meetings/001-20211340.md").write_text("# Meeting\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "sigs/beta: 1 error(s), 2 warning(s)" in lines
    index = lines.index("sigs/beta: 1 error(s), 2 warning(s)")
    assert lines[index + 1].startswith("  sigs/beta/")
    assert any(
        "sigs/beta/meetings/001-20211340.md: error: '20211340' in the file name is not a real date" in line
        for line in lines
    )
    # alpha's files disagree on two of its leaders (bob, No Account: one finding each) and its minutes
    # (2 places), and its README links to a heading its note lacks: warnings of its folder, with lines
    assert "sigs/alpha: 0 error(s), 8 warning(s)" in lines
    assert any(
        line.startswith("  sigs/alpha/OWNERS:3: warning: @bob is named as a maintainer") for line in lines
    )
    # Rendered as the build renders: a fragment that names no heading is found by the check too.
    assert any(
        line.startswith("  sigs/alpha/README_en.md:9: warning: the link to 'meetings/002-20210401.md#notes'")
        for line in lines
    )
    assert "working-groups/research: 0 error(s), 2 warning(s)" in lines  # its link, its withheld address
    assert any(
        line.startswith(
            "  working-groups/research/Topic1_Low-bit-Training.md:3: warning: the link to '#Results"
        )
        for line in lines
    )
    assert lines[-1].startswith("checked 6 group folder(s) in ") and lines[-1].endswith(
        ": 1 error(s), 12 warning(s)"
    )


# The real snapshot of the community repository ---------------------------------------------------

requires_community = pytest.mark.skipif(not COMMUNITY.is_dir(), reason="../shared/community is absent")


@pytest.fixture(scope="module")
def community_hub(tmp_path_factory):
    result = build_hub(COMMUNITY, tmp_path_factory.mktemp("community-hub") / "site")
    assert result.ok, result.result.stderr
    return result


@requires_community
def test_the_real_community_builds_with_every_group_note_record_and_person(community_hub):
    sigs = json.loads((community_hub.site / "sigs.json").read_text("utf-8"))["sigs"]
    groups = {s["path"]: s for s in sigs if s["path"]}
    folders = [
        *(
            f"{kind}/{p.name}"
            for kind in ("sigs", "working-groups")
            for p in (COMMUNITY / kind).iterdir()
            if p.is_dir()
        ),
        "tsc",
    ]
    assert sorted(groups) == sorted(folders)
    pages = {
        p.parent.relative_to(community_hub.site).as_posix().removeprefix("zh/")
        for p in community_hub.site.rglob("meetings/*/index.html")
    }
    for folder in folders:
        group = groups[folder]
        prefix = "tsc" if folder == "tsc" else f"{folder.split('/')[0]}/{group['id']}"
        assert (community_hub.site / prefix / "index.html").is_file(), folder
        for note in sorted((COMMUNITY / folder).glob("meetings/[0-9]*.md")):
            assert f"{prefix}/meetings/{note.stem}" in pages, note
    # Records kept elsewhere: the usability SIG's sessions, the TSC's notes, a security record.
    sessions = sorted((COMMUNITY / "sigs/usability/docs/tech-sessions").iterdir())
    assert len(sessions) == 17
    for session in sessions:
        day = f"{session.name[:4]}-{session.name[4:6]}-{session.name[6:]}"
        assert f"sigs/usability/meetings/{day}" in pages, session
    for note in sorted((COMMUNITY / "tsc/meeting-notes").rglob("*.md")):
        assert f"tsc/meetings/{note.stem}" in pages, note
    assert "sigs/security/meetings/2021-08-31" in pages
    by_id = {s["id"]: s for s in sigs}
    assert by_id["usability"]["last_meeting"]["date"] == "2024-11-30"
    assert by_id["security"]["meetings"] == 4 + 1 + 1  # notes, the record, the README's 2022-3-15 session
    # Every other Markdown file is a record or a document with its page: none is left unread.
    documents = {p.parent.as_posix() for p in community_hub.site.rglob("documents/*/index.html")}
    records = sum(g["meetings"] for g in sigs) - sum(
        len(list((COMMUNITY / f).glob("meetings/[0-9]*.md"))) for f in folders
    )
    markdown = [
        path
        for folder in folders
        for path in (COMMUNITY / folder).rglob("*.md")
        if path.parent != COMMUNITY / folder or not path.name.lower().startswith("readme")
        if "meetings" not in path.relative_to(COMMUNITY / folder).parts[:1]
        and "template" not in path.name.lower()
    ]
    assert len(documents) == 22 and len(markdown) <= len(documents) + records
    # What the files say, and only that: usability's public list, no template date, no WeChat claim
    # for a group that names no WeChat group.
    assert by_id["usability"]["mailing_list"] == "dev@mindspore.cn"
    assert by_id["security"]["created_on"] is None  # 2019-12-31, the template tool's date
    assert "wechat" not in by_id["tsc"]["channels"]
    tsc = (community_hub.site / "tsc/meetings/index.html").read_text("utf-8")
    assert "WeChat" not in tsc
    assert broken_links(community_hub.site, SITE_PATH) == []
    assert dead_anchors(community_hub.site, SITE_PATH) == []
    assert empty_pages(community_hub.site) == []


@requires_community
def test_the_datacompliance_guides_tables_of_contents_lead_to_their_headings(community_hub):
    """The twelve links of the dataset reviewer's guides, written by Typora (`#1.%20The%20logic…`)."""
    guides = "sigs/datacompliance/documents/dataset-review-process-user-guide-for-dataset-reviewer"
    for page in (f"{guides}-en/index.html", f"zh/{guides}-cn/index.html"):
        article = community_hub.article(page)
        contents = [a for a in article.select("li a") if a.get("href", "").startswith("#")]
        assert len(contents) == 6, page
        for number, link in enumerate(contents, start=1):
            heading = article.find(id=link["href"][1:])
            assert heading is not None and heading.name == "h2", link
            assert heading.get_text(strip=True).startswith(f"{number}."), link


@requires_community
def test_the_real_community_publishes_no_personal_address(community_hub):
    from conftest import emails_in, emails_published

    sources = [p for p in (COMMUNITY / "sigs").rglob("*") if p.suffix in {".md", ".yaml"}]
    addresses = {e for e in emails_in(*sources) if b"dev@mindspore.cn" not in e}
    assert addresses, "the snapshot has personal addresses to withhold"
    assert emails_published(community_hub.site, addresses) == []


def test_the_hub_rebuilds_byte_identical(hub, tmp_path):
    import filecmp

    community = make_community(tmp_path / "community")
    again = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert again.ok, again.result.stderr
    different = []
    for path in hub.site.rglob("*"):
        if path.is_file() and path.suffix != ".gz":  # gzip stamps the time into its header
            twin = again.site / path.relative_to(hub.site)
            if not twin.is_file() or not filecmp.cmp(path, twin, shallow=False):
                different.append(str(path.relative_to(hub.site)))
    assert different == []


def test_names_and_introductions_from_the_community_cannot_break_out_of_the_head(tmp_path):
    """Material prints a page's title and description unescaped, and its search results as HTML:
    a name is escaped once, so it stays inert and shows as written in every spot."""
    from hostile import assert_harmless

    community = make_community(tmp_path / "community")
    listing = community / "sigs/sig_info.yaml"
    listing.write_text(
        listing.read_text("utf-8")
        .replace("name: MindSpore Alpha SIG", "name: 'Alpha</title><script>alert(7)</script> SIG'")
        .replace(
            "introduction: This SIG is responsible for trusted computing.",
            "introduction: '\"><script>alert(6)</script>'",
        ),
        "utf-8",
    )
    info = community / "sigs/alpha/sig-info.yaml"  # its own description comes first
    info.write_text(
        info.read_text("utf-8").replace("description_en: The Alpha SIG works on trusted computing.\n", ""),
        "utf-8",
    )
    beta = community / "sigs/beta/README.md"
    beta.write_bytes(beta.read_bytes().replace(b"# Beta SIG", b"# MindSpore Flow&Earth {{ 7*7 }} SIG", 1))
    result = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
    flow = result.html("sigs/beta/index.html")  # an ampersand and braces, as written, not rendered
    assert flow.title.get_text().startswith("MindSpore Flow&Earth {{ 7*7 }} SIG - ")
    assert flow.select_one("article h1").get_text(strip=True) == "MindSpore Flow&Earth {{ 7*7 }} SIG"
    page = result.html("sigs/alpha/index.html")
    assert "<script>alert" not in page.decode()
    written = "Alpha</title><script>alert(7)</script> SIG"
    assert page.title.get_text().startswith(written + " - ")  # the <title>, as written
    assert page.select_one("article h1").get_text(strip=True) == written
    topic = page.select_one(".md-header__topic[data-md-component=header-topic]")
    assert topic.get_text(strip=True) == written
    description = page.select_one("meta[name=description]")["content"]
    # The text the introduction shows (rendered as the forge renders inline text, its script left
    # out), escaped as an attribute's value.
    assert description == '">'
    card_intro = (
        result.article("index.html").select_one("#sig-alpha").find_next("p", class_="sig-card__intro")
    )
    assert card_intro.decode_contents() == '"&gt;'
    index = json.loads((result.site / "search/search_index.full.json").read_text("utf-8"))
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("sigs/alpha/")}
    # Material puts a result's title in as HTML: the index holds it escaped.
    assert "Alpha&lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt; SIG" in titles
    assert not any("<script" in title for title in titles)
    card = result.article("index.html").select_one("#sig-alpha")
    assert (
        card.get_text(strip=True) == "Alpha</title><script>alert(7)</script> SIG"
    )  # escaped, shown as written


def test_reading_a_huge_odd_readme_costs_its_size_not_its_square(tmp_path):

    from sigsite.hub.loader import load_community

    community = make_community(tmp_path / "community")
    (community / "sigs/beta/README.md").write_text(
        "# Beta SIG\n\nBeta studies " + "< " * 120_000 + "\n\nand " + "[a]( " * 30_000 + "\n", "utf-8"
    )
    seconds, (loaded, _) = cost(lambda: load_community(community), 5)
    assert seconds < 5
    assert loaded.sig("beta").folder == "beta"  # kept, whatever its README's fate


@pytest.mark.parametrize("newcomer", ["ALPHA!", "_alpha", "Alpha"])
def test_the_folder_named_as_its_id_keeps_it_whatever_comes_first(tmp_path, newcomer):
    from sigsite.hub.loader import load_community

    community = make_community(tmp_path / "community")
    (community / "sigs" / newcomer).mkdir()
    (community / "sigs" / newcomer / "README.md").write_text("# Loud Alpha SIG\n\nAnother one.\n", "utf-8")
    loaded, problems = load_community(community)
    assert {sig.folder: sig.id for sig in loaded.folders}["alpha"] == "alpha"
    assert newcomer not in {sig.folder for sig in loaded.folders}
    (error,) = [p for p in problems.errors if p.file == f"sigs/{newcomer}"]
    assert "'alpha' is also the id of sigs/alpha; sigs/alpha keeps it" in error.message
    assert [p.file for p in loaded.faults_elsewhere] == [f"sigs/{newcomer}"]


def test_groups_of_other_kinds_keep_their_addresses_and_get_ids_of_their_own(tmp_path):
    from sigsite.hub.loader import load_community

    community = make_community(tmp_path / "community")
    for folder in ("sigs/tsc", "working-groups/alpha"):
        (community / folder).mkdir()
        (community / folder / "README.md").write_text("# A group\n\nOf its own kind.\n", "utf-8")
    loaded, problems = load_community(community)
    shown = {sig.path: (sig.id, sig.prefix) for sig in loaded.folders}
    assert shown["tsc"] == ("tsc", "tsc/") and shown["sigs/tsc"] == ("sig-tsc", "sigs/tsc/")
    assert shown["sigs/alpha"] == ("alpha", "sigs/alpha/")
    assert shown["working-groups/alpha"] == ("wg-alpha", "working-groups/alpha/")
    assert not problems.errors
    assert {
        p.file for p in problems.warnings if "is also the id of a group of another kind" in p.message
    } == {
        "sigs/tsc",
        "working-groups/alpha",
    }


def test_an_entry_of_the_listing_never_takes_a_folders_id(tmp_path):
    from sigsite.hub.loader import load_community

    community = make_community(tmp_path / "community")
    listing = community / "sigs/sig_info.yaml"
    listing.write_text(
        listing.read_text("utf-8")
        + "  - name: Vision (CV) Suite SIG\n    links: https://github.com/example/vision\n",
        "utf-8",
    )
    loaded, problems = load_community(community)
    assert "Vision (CV) Suite SIG" in {sig.folder for sig in loaded.folders}
    (error,) = problems.errors
    assert error.file == "sigs/sig_info.yaml (Vision (CV) Suite SIG)" and "a folder keeps it" in error.message


def test_one_entry_of_the_listing_that_does_not_parse_leaves_the_others_read(tmp_path):
    from sigsite.hub.loader import load_community

    clean, _ = load_community(make_community(tmp_path / "clean"))
    community = make_community(tmp_path / "community")
    listing = community / "sigs/sig_info.yaml"
    listing.write_text(
        listing.read_text("utf-8")
        + "  - name: Beta\n    links: https://gitee.com/mindspore/community/tree/master/sigs/beta\n"
        + '    introduction: "unclosed\n',
        "utf-8",
    )
    loaded, problems = load_community(community)
    named = {sig.id: (sig.name, sig.introduction) for sig in loaded.sigs}
    before = {sig.id: (sig.name, sig.introduction) for sig in clean.sigs}
    assert named == before  # beta's entry never parsed; every other entry is read as before
    assert any(p.file == "sigs/sig_info.yaml" and "YAML syntax error" in p.message for p in problems.errors)
    assert any("read one by one" in p.message for p in problems.warnings)


def test_when_no_folder_is_named_as_the_id_every_claimant_is_left_out(tmp_path):
    from sigsite.hub.loader import load_community

    community = make_community(tmp_path / "community")
    for name in ("Zeta", "_zeta"):
        (community / "sigs" / name).mkdir()
        (community / "sigs" / name / "README.md").write_text("# Zeta SIG\n\nWho is it?\n", "utf-8")
    loaded, problems = load_community(community)
    assert not {"Zeta", "_zeta"} & {sig.folder for sig in loaded.folders}
    assert sorted(p.file for p in problems.errors) == ["sigs/Zeta", "sigs/_zeta"]
    assert all("every group that claims it is left out" in p.message for p in problems.errors)


def test_one_sigs_files_cannot_rewrite_another_sigs_people(tmp_path):
    """A folder that sorts first names another SIG's maintainer, with its own organization and an
    account address that resolves elsewhere: each SIG's words stay with that SIG."""
    community = make_community(tmp_path / "community")
    (community / "sigs/aaa").mkdir()
    (community / "sigs/aaa/sig_members.yaml").write_text(
        "Maintainers:\n- name: Bob Impostor\n  gitee_home: https://gitee.com/bob\n  organization: Evil Corp\n"
        "- name: Ada Elsewhere\n  gitee_home: https://gitee.com/ada/../mallory\n"
        "- name: Cai Elsewhere\n  gitee_home: https://gitee.com/cai/repos\n",
        "utf-8",
    )
    built = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr
    people = {p["name"]: p for p in json.loads((built.site / "people.json").read_text("utf-8"))["people"]}
    bob = next(p for p in people.values() if p["gitee_id"] == "bob")
    assert bob["gitee_home"] == "https://gitee.com/bob" and bob["organization"] is None
    assert {(s["id"], s["named"], s["organization"]) for s in bob["sigs"]} == {
        ("aaa", "Bob Impostor", "Evil Corp"),
        ("delta", "Bob Both", "Example University"),
        ("alpha", "Bob Both", "Example University"),
    }
    ada = next(p for p in people.values() if p["gitee_id"] == "ada")
    assert ada["name"] == "Ada Alpha" and ada["organization"] == "Huawei"
    assert [s["id"] for s in ada["sigs"]] == ["alpha", "tsc"]  # aaa's 'Ada Elsewhere' names no account
    assert people["Ada Elsewhere"]["gitee_home"] is None and people["Cai Elsewhere"]["gitee_home"] is None
    log = built.result.stderr
    assert "sigs/aaa/sig_members.yaml:6: warning: gitee_home 'https://gitee.com/ada/../mallory' is not" in log
    assert "sigs/aaa/sig_members.yaml:8: warning: gitee_home 'https://gitee.com/cai/repos' is not" in log
    assert bob["spellings"] == ["Bob Both", "Bob Impostor"]  # each spelling, none overwriting another
    page = BeautifulSoup((built.site / "people/index.html").read_text("utf-8"), "lxml")
    entry = next(li for li in page.select(".sig-person") if "Evil Corp" in li.get_text())
    assert "Evil Corp" in entry.select_one(".sig-person__sigs").get_text()  # with aaa, not as Bob's own
    assert not entry.select_one("p.sig-person__detail")


def _check_community(community) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "shown"), [(b"bad\x01name", "bad\\x01name"), (b"bad\xffname", "bad\\udcffname")]
)
def test_a_sig_folder_whose_name_is_not_printable_is_a_problem_of_its_own(tmp_path, name, shown):
    community = make_community(tmp_path / "community")
    folder = os.fsencode(community / "sigs") + b"/" + name
    os.mkdir(folder)
    with open(folder + b"/README.md", "w") as readme:
        readme.write("# A SIG\n")
    built, checked = build_hub(community, tmp_path / "site"), _check_community(community)
    expected = f"sigs/{shown}: error: the name holds a control character or bytes that are not UTF-8"
    assert (built.result.returncode, checked.returncode) == (0, 1)
    for output in (built.result.stderr, checked.stdout):
        assert expected in output and "Traceback" not in output


def test_folders_nested_far_and_names_too_long_for_an_address_build(tmp_path):
    # Outside pytest's own temporary folders: its clean-up recurses, and would fail on them forever.
    community = make_community(Path(tempfile.mkdtemp(prefix="sigsite-deep-")) / "community")
    deep = os.open(community / "sigs/alpha", os.O_RDONLY)
    for _ in range(1100):  # deeper than Python's recursion allows
        os.mkdir("d", dir_fd=deep)
        below = os.open("d", os.O_RDONLY, dir_fd=deep)
        os.close(deep)
        deep = below
    os.close(deep)
    for name in ("Y" * 250, "y" * 250):  # one address each, and short enough for a folder name
        (community / "sigs" / name).mkdir()
        (community / "sigs" / name / "README.md").write_text(
            "# Long SIG\n\nA SIG with a long name.\n", "utf-8"
        )
    try:
        built = build_hub(community, tmp_path / "site")
        assert built.ok, built.result.stderr[-2000:]
        ids = [sig["id"] for sig in json.loads((built.site / "sigs.json").read_text("utf-8"))["sigs"]]
        long_ids = [sig_id for sig_id in ids if sig_id.startswith("yyyy")]
        assert len(set(long_ids)) == 2 and all(len(sig_id) <= 64 for sig_id in long_ids)
        assert _check_community(community).returncode == 0
    finally:
        _remove_chain(community / "sigs/alpha")
        shutil.rmtree(community.parent)


def _remove_chain(folder):
    """Remove the chain folder/d/d/... from the top, a level at a time, with short paths only."""
    top, spare = folder / "d", folder / "d-below"
    while top.is_dir():
        if (top / "d").is_dir():
            os.rename(top / "d", spare)
        os.rmdir(top)
        if spare.is_dir():
            os.rename(spare, top)


def test_the_community_variable_is_read_from_the_folder_the_command_runs_in(tmp_path):
    make_community(tmp_path / "community")
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(HUB_CONFIG), "-d", str(site)]
    environment = {**os.environ, "SIGSITE_COMMUNITY": "community", "SOURCE_DATE_EPOCH": JUNE_2021}
    built = subprocess.run(
        command, cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    assert (site / "sigs" / "alpha" / "index.html").is_file()
    missing = subprocess.run(
        command,
        cwd=tmp_path,
        env={**environment, "SIGSITE_COMMUNITY": "elsewhere"},
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert (
        f"SIGSITE_COMMUNITY names elsewhere, but there is no folder {tmp_path / 'elsewhere'}"
        in missing.stderr
    )


def test_a_groups_own_english_description_and_plain_name_reach_the_directory_and_its_page(tmp_path):
    """Issue 31: description_en before the listing's line, rendered as the forge renders inline
    text (bold, no warning); a name's Markdown marks and trailing / left out, warned at their line;
    a fallback in the other language marked as such with its language."""
    community = make_community(tmp_path / "community")
    info = community / "sigs/alpha/sig-info.yaml"
    info.write_text(
        info.read_text("utf-8").replace(
            "description_en: The Alpha SIG works on trusted computing.",
            "description_en: '**ops** - operators of [computation](docs/guide.md)'",
        ),
        "utf-8",
    )
    listing = community / "sigs/sig_info.yaml"
    listing.write_text(
        listing.read_text("utf-8").replace(
            "- name: MindSpore Vision SIG", "- name: '**MindSpore Vision SIG**/'"
        ),
        "utf-8",
    )
    result = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert result.ok, result.result.stderr
    log = result.result.stderr
    assert "sigs/sig_info.yaml:12: warning: the name '**MindSpore Vision SIG**/' holds Markdown marks" in log
    alpha_said = [line for line in log.splitlines() if "sigs/alpha/sig-info.yaml" in line]
    assert not [line for line in alpha_said if "Markdown" in line or "description" in line]  # as written
    home = result.article("index.html")
    alpha = home.select_one("#sig-alpha").parent
    assert (
        alpha.select_one(".sig-card__intro").decode_contents()
        == "<strong>ops</strong> - operators of computation"
    )
    assert home.select_one("#sig-vision-cv-suite-sig").get_text(strip=True) == "MindSpore Vision SIG"
    vision = result.html("sigs/vision-cv-suite-sig/index.html")
    assert vision.select_one("article h1").get_text(strip=True) == "MindSpore Vision SIG"
    # Beta's only text is its Chinese README: the English card shows its first paragraph, marked.
    beta = home.select_one("#sig-beta").parent.select_one(".sig-card__intro")
    assert beta.select_one("span[lang=zh]").get_text().startswith("Beta SIG 研究数据合规")
    assert beta.select_one(".sig-badge--language[lang=zh]").get_text() == "中文"
    chinese = result.article("zh/index.html").select_one("#sig-beta").parent.select_one(".sig-card__intro")
    assert chinese.select_one(".sig-badge--language") is None
    sigs = {s["id"]: s for s in _json(result, "sigs.json")["sigs"]}
    assert sigs["alpha"]["introductions"]["en"] == "ops - operators of computation"
