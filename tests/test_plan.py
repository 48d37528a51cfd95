"""The site plan, in-process and without MkDocs: which pages and files each site publishes, where a
README's links lead, and what the outputs hold. The build tests prove MkDocs emits the same plan."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, validate_published
from hub_support import FIXTURE, make_community
from icalendar import Calendar

from sigsite.addresses import PageContext
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.loader import load_community
from sigsite.hub.rendering import rendered_community
from sigsite.load import LoadSettings, load
from sigsite.loader import Sources, load_sig
from sigsite.markup.references import resolve_references
from sigsite.plan.files import hub_files, sig_site_files
from sigsite.plan.hub import HubPlan, hub_groups
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import LATE_SLOT, PlannedFile, PlannedPage
from sigsite.plan.section import GroupMeetings
from sigsite.problems import Problems

LANGUAGES = ("en", "zh")
BASE = "https://example.org/hub/"
JUNE_2021 = date(2021, 6, 1)  # between the fixture's past meetings and its coming one
ATOM = "{http://www.w3.org/2005/Atom}"


def languages(current: str) -> BuildLanguages:
    """The languages as both sites' mkdocs.yml declare them: English at the root, Chinese in zh/."""
    return BuildLanguages(current, "en", LANGUAGES, {"en": "", "zh": "zh/"})


class HubPlanned:
    """The fixture community planned in both languages, as the hub's two builds plan it."""

    def __init__(self) -> None:
        loaded = load(FIXTURE, LoadSettings(), JUNE_2021)
        self.community, self.problems, self.health = loaded.community, loaded.problems, loaded.health
        people = loaded.people
        self.plans = {
            code: HubPlan(
                self.community,
                people,
                self.health,
                languages(code),
                hub_groups(self.community, FIXTURE, languages(code), "", self.health),
                "https://gitee.com/mindspore/community",
                JUNE_2021,
            )
            for code in LANGUAGES
        }
        self.pages = {code: plan.pages() for code, plan in self.plans.items()}
        self.files = hub_files(self.plans["en"], FIXTURE, BASE, "MindSpore SIGs")

    def page(self, language: str, src_uri: str) -> PlannedPage:
        return next(p for p in self.pages[language] if p.src_uri == src_uri)

    def file(self, path: str) -> PlannedFile:
        return next(f for f in self.files if f.path == path)


@pytest.fixture(scope="module")
def hub() -> HubPlanned:
    return HubPlanned()


def test_every_note_gets_one_page_in_its_own_language_and_every_group_its_pages_in_each(hub):
    notes = [
        (sig.id, m.slug, m.language)
        for sig in hub.community.folders
        for m in sig.meetings
        if not m.is_external
    ]
    assert Counter(group for group, _, _ in notes) == {"alpha": 3, "beta": 2, "tsc": 2}
    for group, slug, language in notes:
        prefix = ("" if language == "en" else f"{language}/") + hub.community.sig(group).prefix
        planned = [p for code in LANGUAGES for p in hub.pages[code] if p.src_uri.endswith(f"/{slug}.md")]
        assert [p.src_uri for p in planned] == [f"{prefix}meetings/{slug}.md"]
    for code in LANGUAGES:
        prefix = "" if code == "en" else f"{code}/"
        sources = Counter(p.src_uri or p.docs_url for p in hub.pages[code])
        assert max(sources.values()) == 1, sources
        for sig in hub.community.folders:  # a members page and an archive only with something to show
            assert f"{prefix}{sig.prefix}index.md" in sources
            assert (f"{prefix}{sig.prefix}members/index.md" in sources) == bool(sig.people)
            assert (f"{prefix}{sig.prefix}meetings/index.md" in sources) == bool(sig.meetings)
        assert {f"{prefix}working-groups/research/index.md", f"{prefix}tsc/index.md"} <= set(sources)
        assert f"{prefix}sigs/alpha/meetings/2021/index.md" in sources


def test_the_language_switcher_of_a_note_leads_to_the_other_languages_archive(hub):
    note = hub.page("zh", "zh/sigs/alpha/meetings/002-20210401.md")
    assert note.switcher == {"en": "sigs/alpha/meetings/", "zh": "zh/sigs/alpha/meetings/002-20210401/"}
    home = hub.page("en", "sigs/alpha/index.md")
    assert home.switcher == {"en": "sigs/alpha/", "zh": "zh/sigs/alpha/"}


def test_a_readmes_relative_links_lead_where_the_hub_publishes_their_targets(hub):
    home = hub.page("en", "sigs/alpha/index.md")
    assert home.content is not None and home.address is not None
    soup = BeautifulSoup(resolve_references(home.content.html, home.address), "lxml")
    links = {a.get_text(): a.get("href") for a in soup.select("a") if a.get_text() != "¶"}
    forge = "https://gitee.com/mindspore/community/blob/master/sigs/alpha/"
    assert links == {
        "first meeting": "meetings/001-20210304/",
        "second": "../../zh/sigs/alpha/meetings/002-20210401/",  # a Chinese note, which has no #notes
        "the list": "members/",
        "sig-info": "members/",
        "PDF": "docs/guide.pdf",
        "old plan": forge + "docs/missing.pdf",  # not in the checkout: where the forge would show it
        "template": forge + "docs/design-template.md",  # Markdown the hub does not publish
        "reviewer": "documents/sub-project-readme/",  # a sub-project's README: a document
        "Beta": "../beta/",
        "https://etherpad.example.org/p/alpha-minutes": "https://etherpad.example.org/p/alpha-minutes",
        "all SIGs": "../../",
        "up": "https://gitee.com/mindspore/community/blob/master/",  # outside sigs/: the repository
        "meetings": "meetings/",
        "guide": "docs/guide.pdf",
        "e-mail on Gitee": forge + "README_en.md#L22",  # a withheld address: its line, where it is
        "A lost diagram": forge + "docs/lost-diagram.png",  # an image the checkout lacks: the forge's
    }
    # The repository's own raw address of an image is the local file; a missing image, a link.
    assert [img.get("src") for img in soup.select("img")] == ["arch.png", "arch.png", "arch.png"]
    # Markdown images of the folder keep their place while they load: their size, from the file.
    assert [(img.get("width"), img.get("height")) for img in soup.select("img")][:2] == [("1", "1")] * 2
    first, second = soup.select("img")[:2]  # the first may be in view, the next loads when near
    assert first.get("loading") is None and second.get("loading") == "lazy"
    assert first.get("decoding") == second.get("decoding") == "async"
    published = {f.path for f in hub.files}
    assert {"sigs/alpha/arch.png", "sigs/alpha/docs/guide.pdf"} <= published


def test_the_hub_publishes_each_file_once_with_every_groups_outputs(hub):
    paths = Counter(f.path for f in hub.files)
    assert max(paths.values()) == 1, paths
    for name in ("meetings.ics", "feed.xml", "sigs.json", "people.json", "meetings.json"):
        assert name in paths
    for sig in hub.community.folders:  # no calendar or feed without an event
        outputs = {f"{sig.prefix}meetings.ics", f"{sig.prefix}feed.xml"}
        assert outputs <= set(paths) if sig.meetings else not outputs & set(paths)
    copied = [f for f in hub.files if f.source is not None]
    assert sorted(f.path for f in copied) == [
        "sigs/alpha/arch.png",
        "sigs/alpha/docs/guide.pdf",
        "sigs/alpha/meetings/slides-20210304.pdf",
        "sigs/beta/docs/images/badge.png",  # the images of a document, shown without descriptions
        "sigs/beta/docs/images/hall.png",
        "sigs/beta/docs/tech-sessions/20200416/photo.png",  # the image a session record shows
        "tsc/slides/2020/MindSpore-TSC-Meeting-Jun-18.pdf",  # the slides of the TSC's June notes
        "working-groups/research/target.PNG",  # the image of the working group's topic
    ]
    assert all(f.source.is_file() and not f.source.is_symlink() for f in copied)


def test_the_hubs_json_follows_the_schemas_it_publishes(hub, tmp_path):
    for planned in hub.files:
        if planned.path.startswith("schemas/"):
            (tmp_path / Path(planned.path).name).write_text(str(planned.content), "utf-8")
    for name, schema in (
        ("sigs.json", "api_sigs"),
        ("people.json", "api_people"),
        ("meetings.json", "api_hub_meetings"),
        ("health.json", "api_health"),
    ):
        validate_published(json.loads(hub.file(name).content), tmp_path, schema)
    health = json.loads(hub.file("health.json").content)["groups"]
    assert health["alpha"]["years"]["2021"] == {
        "sessions": 2,
        "counted_sessions": 2,
        "median_attendees": 5,
        "distinct_people": 5,  # "Alpha Ada" is Ada Alpha
        "distinct_organizations": 3,
        "at_least": True,
        "organizations": [
            {"name": "Example University", "sessions": 1},
            {"name": "Example University Lab", "sessions": 1},
            {"name": "Huawei", "sessions": 1},
        ],
    }
    assert health["alpha"]["cadence"]["next_expected"] == "2021-06-10"
    assert health["alpha"]["action_items"] == [
        {
            "date": "2021-03-04",
            "meeting": f"{BASE}sigs/alpha/meetings/001-20210304/",
            "text": "Ada: draft the attestation roadmap",
        }
    ]
    assert health["beta"]["total"]["median_attendees"] is None  # none countable: not a zero
    people = {p["gitee_id"]: p["attended"] for p in json.loads(hub.file("people.json").content)["people"]}
    assert people["ada"] == [  # the TSC's note names her as alpha's files do: the same name, one account
        {"sig": "tsc", "date": "2020-06-18", "url": f"{BASE}tsc/meetings/2020-06-18/"},
        {"sig": "alpha", "date": "2021-03-04", "url": f"{BASE}sigs/alpha/meetings/001-20210304/"},
        {"sig": "alpha", "date": "2021-04-01", "url": f"{BASE}zh/sigs/alpha/meetings/002-20210401/"},
    ]
    assert people["bob"] == []
    attendance = {
        (m["sig"], m["date"]): m["attendance"]
        for m in json.loads(hub.file("meetings.json").content)["meetings"]
    }
    assert attendance["alpha", "2021-03-04"] == {
        "recorded": True,
        "people": 4,
        "organizations": 3,
        "at_least": True,
    }
    assert attendance["tsc", "2020-05-21"] == {
        "recorded": False,
        "people": None,
        "organizations": None,
        "at_least": False,
    }
    alpha = next(s for s in sigs_listed(hub) if s["id"] == "alpha")
    assert (alpha["health"]["sessions"], alpha["health"]["findings"]) == (2, 6)
    sigs = json.loads(hub.file("sigs.json").content)
    assert [s["id"] for s in sigs["sigs"]] == [s.id for s in hub.community.sigs]
    meetings = json.loads(hub.file("meetings.json").content)
    assert Counter(m["sig"] for m in meetings["meetings"]) == {"alpha": 3, "beta": 3, "tsc": 2}
    sources = {(m["sig"], m["source"]) for m in meetings["meetings"] if m["sig"] != "alpha"}
    assert sources == {  # in the group's folder
        ("beta", "docs/tech-sessions/20200416/README_CN.md"),
        ("beta", "docs/tech-sessions/20201130/README_CN.md"),
        ("beta", "README.md"),  # the session its list links to
        ("tsc", "meeting-notes/2020/2020-05-21.md"),
        ("tsc", "meeting-notes/2020/2020-06-18.md"),
    }


def sigs_listed(hub: HubPlanned) -> list[dict]:
    return json.loads(hub.file("sigs.json").content)["sigs"]


def test_a_groups_health_page_and_the_communitys_show_the_counts(hub):
    page = hub.page("en", "sigs/alpha/health/index.md")
    html = BeautifulSoup(page.after, "lxml")
    rows = [
        [c.get_text(" ", strip=True) for c in r.select("th, td")]
        for r in html.select(".sig-health__years tr")
    ]
    assert rows[1] == ["2021", "2", "2", "at least 5", "at least 5", "3"]
    assert html.select_one("svg.sig-chart")["aria-label"] == (
        "Sessions and people per year: 2021: 2 sessions, 5 people named"
    )
    links = [a["href"] for a in html.select(".sig-health__actions a")]
    assert links == ["../meetings/001-20210304/"]
    assert "every two weeks, Thursday, 15:00, UTC+08:00" in html.get_text(" ")
    assert len(html.select(".sig-health__findings li")) == 6
    leaders = html.select(".sig-health__leaders tbody tr")  # a row per person, a column per place
    assert [r.th.get_text() for r in leaders] == ["Ada Alpha", "Bob Both", "No Account"]  # by their names
    assert leaders[0].select_one("a")["href"].endswith("sigs/alpha/OWNERS#L2")
    beta = BeautifulSoup(hub.page("en", "sigs/beta/health/index.md").after, "lxml").get_text(" ")
    assert "not recorded in a countable form" in beta and "Median attendees" in beta
    assert "sigs/delta/health/index.md" not in {p.src_uri for p in hub.pages["en"]}  # nothing to show
    zh = BeautifulSoup(hub.page("zh", "zh/sigs/alpha/health/index.md").after, "lxml").get_text(" ")
    assert "至少 5" in zh and "每两周" in zh
    community = BeautifulSoup(hub.pages["en"][-1].after, "lxml")
    groups = [r.select_one("th a").get_text() for r in community.select(".sig-health__groups tbody tr")]
    assert len(groups) == len([s for s in hub.community.folders if hub.health.of(s).shown])
    assert [li.get_text(" ", strip=True) for li in community.select(".sig-health__report li")] == [
        "MindSpore Alpha SIG : 6 findings"
    ]


@pytest.mark.parametrize(
    ("language", "src_uri"),
    [("en", "sigs/alpha/health/index.md"), ("zh", "zh/sigs/beta/health/index.md"), ("en", "health.md")],
)
def test_every_health_table_marks_its_name_column_and_its_numbers(hub, language, src_uri):
    """The stylesheet keeps the first column in view and right-aligns numbers by these classes."""
    page = hub.page(language, src_uri) if src_uri != "health.md" else hub.pages[language][-1]
    html = BeautifulSoup(page.after, "lxml")
    tables = html.select("table")
    assert tables and all("sig-table" in t["class"] for t in tables)
    for table in tables:
        region = table.parent
        assert "sig-health__scroll" in region["class"] and region.has_attr("data-search-exclude")
        if "sig-health__leaders" in table["class"]:  # marks linked to lines, no numbers (test_health)
            assert all("sig-table__name" in th["class"] for th in table.select("tbody th"))
            continue
        for row in table.select("tr"):
            first, *rest = row.find_all(["th", "td"], recursive=False)
            assert first.name == "th" and "sig-table__name" in first["class"]
            for cell in rest:  # a number, or words saying why there is none
                classes = cell.get("class", [])
                text = cell.get_text(strip=True)
                if "sig-table__num" in classes:
                    assert cell.name == "th" or text == "–" or any(ch.isdigit() for ch in text), text
                else:
                    assert classes == ["sig-table__note"] and not text[:1].isdigit(), text
        numeric = [th for th in table.select("thead th") if "sig-table__num" in th.get("class", [])]
        assert len(numeric) == len(table.select("thead th")) - 1


def test_a_feed_says_which_entries_lead_to_a_page_in_another_language(hub):
    """The feeds are in English: an entry whose note is Chinese links with hreflang and says 中文
    in its title; every entry link keeps rel and type (feedgen alone would drop them)."""
    for path in ("sigs/alpha/feed.xml", "feed.xml"):
        feed = ElementTree.fromstring(hub.file(path).content)
        links = {
            entry.find(f"{ATOM}link").get("href"): (
                entry.find(f"{ATOM}link").attrib,
                entry.findtext(f"{ATOM}title"),
            )
            for entry in feed.findall(f"{ATOM}entry")
        }
        chinese = {href: found for href, found in links.items() if "/zh/" in href}
        assert f"{BASE}zh/sigs/alpha/meetings/002-20210401/" in chinese
        for href, (attributes, title) in links.items():
            language = {"hreflang": "zh"} if href in chinese else {}
            assert attributes == {"href": href, "rel": "alternate", "type": "text/html", **language}
            assert title.endswith("[中文]") == (href in chinese), title


def test_each_groups_calendar_and_feed_hold_its_meetings_with_addresses_on_the_hub(hub):
    calendar = Calendar.from_ical(hub.file("sigs/alpha/meetings.ics").content)
    events = {str(e["UID"]): str(e["URL"]) for e in calendar.walk("VEVENT") if "STATUS" not in e}
    assert len(events) == 3 and all(uid.startswith("alpha.") for uid in events)
    # "biweekly on Thursday at 15:00 UTC+8", from its last session (2021-04-01): 07:00 UTC on June 10
    (expected,) = [e for e in calendar.walk("VEVENT") if "STATUS" in e]
    assert expected.decoded("DTSTART") == datetime(2021, 6, 10, 7, 0, tzinfo=UTC)
    assert str(expected["UID"]) == "alpha.expected-2021-06-10@example.org"
    assert f"{BASE}sigs/alpha/meetings/001-20210304/" in events.values()
    assert f"{BASE}zh/sigs/alpha/meetings/002-20210401/" in events.values()
    feed = ElementTree.fromstring(hub.file("sigs/alpha/feed.xml").content)
    assert len(feed.findall(f"{ATOM}entry")) == 3
    community = Calendar.from_ical(hub.file("meetings.ics").content)
    uids = {str(e["UID"]) for e in community.walk("VEVENT")}
    assert set(events) < uids and {uid.split(".")[0] for uid in uids} == {"alpha", "beta", "tsc"}
    tsc = Calendar.from_ical(hub.file("tsc/meetings.ics").content)
    held = [e for e in tsc.walk("VEVENT") if "STATUS" not in e]
    assert [str(e["URL"]) for e in held] == [
        f"{BASE}tsc/meetings/2020-05-21/",
        f"{BASE}tsc/meetings/2020-06-18/",
    ]
    # Its README's "3rd Thursday every month (UTC+8) from 4:00pm to 5:00pm": 08:00 UTC, tentative.
    (expected,) = [e for e in tsc.walk("VEVENT") if "STATUS" in e]
    assert str(expected["STATUS"]) == "TENTATIVE"
    assert expected.decoded("DTSTART") == datetime(2021, 6, 17, 8, 0, tzinfo=UTC)
    assert "not announced" in str(expected["SUMMARY"]) and "tsc/README.md:6" in str(expected["DESCRIPTION"])
    assert not [f for f in hub.files if f.path.startswith("sigs/delta/")]  # nothing dated: no calendar


def test_a_record_is_a_meeting_page_with_its_title_slides_and_images(hub):
    """The TSC's meeting-notes/YYYY/YYYY-MM-DD.md and a session folder's README_CN.md are pages of
    their group's archive, their first heading the title, their slides and images beside them."""
    june = hub.page("en", "tsc/meetings/2020-06-18.md")
    # The title names the group, and the date once.
    assert (
        'title: "Steering Committee Meeting 2020-06-18 · MindSpore Technical Steering Committee"'
        in june.markdown
    )
    assert june.content is not None and june.address is not None and june.frame is not None
    body = BeautifulSoup(resolve_references(june.content.html, june.address), "lxml")
    assert "Steering Committee Meeting" not in body.get_text()  # the title is not said twice
    assert [h.name for h in body.select("h2, h3")] == ["h2"] * 4  # "###" right below the title
    assert body.select_one("a[href$='README.md']") is None  # a link to the README leads to its page
    frame = june.frame.header
    assert "../../slides/2020/MindSpore-TSC-Meeting-Jun-18.pdf" in frame
    session = hub.page("zh", "zh/sigs/beta/meetings/2020-04-16.md")
    assert "第一期技术分享：易用性设计" in session.markdown
    assert session.content is not None and session.address is not None
    html = BeautifulSoup(resolve_references(session.content.html, session.address), "lxml")
    assert [img["src"] for img in html.select("img")] == [
        "../../../../../sigs/beta/docs/tech-sessions/20200416/photo.png"
    ]


def test_the_hubs_own_pages_get_the_directory_and_everyone(hub):
    home, people, health = hub.pages["en"][-3:]  # the community's own pages come last
    assert (home.docs_url, people.docs_url, health.docs_url) == ("", "people/", "health/")
    directory = BeautifulSoup(home.after, "lxml")
    names = [a.get_text(strip=True) for a in directory.select(".sig-card__name a")]
    assert sorted(names) == sorted(s.name for s in hub.community.sigs)
    gamma = next(a for a in directory.select(".sig-card__name a") if "Gamma" in a.get_text())
    assert gamma["href"] == "https://github.com/example/gamma/blob/master/README.md"
    assert people.after == LATE_SLOT and people.after_search
    listed = BeautifulSoup(people.after_search, "lxml").get_text()
    assert all(person.name in listed for person in hub.plans["en"].people)


def test_a_sig_site_is_one_group_planned_at_the_root():
    """This repository's own SIG: every note once, at the site's root, and its outputs beside it."""
    sources = Sources(root=PROJECT)
    data, problems = load_sig(sources)
    assert not problems.errors
    section = GroupMeetings(
        data, PROJECT / "meetings", "meetings", calendar_file="meetings.ics", feed_file="feed.xml"
    )
    notes = [m for m in data.meetings if not m.is_external]
    pages: list[PlannedPage] = []
    for code in LANGUAGES:
        build = languages(code)
        pages += section.pages(build, section.context(build, ""))
    meeting_pages = [p for p in pages if p.frame is not None]
    assert len(meeting_pages) == len(notes) > 0
    assert all(p.src_uri.removeprefix("zh/").startswith("meetings/") for p in meeting_pages)
    context: PageContext = section.context(languages("en"), "")
    files = {
        f.path: f
        for f in sig_site_files(section, context, "https://example.org/", "AI Security SIG", JUNE_2021)
    }
    assert {"meetings.ics", "feed.xml", "members.json", "meetings.json"} <= set(files)
    members = json.loads(files["members.json"].content)
    assert len(members["members"]) == len(data.people)
    assert len(json.loads(files["meetings.json"].content)["meetings"]) == len(data.meetings)


def test_every_other_markdown_document_gets_a_page_linked_from_its_group(hub):
    """The research working group's topic: a page of its own, in its language, below the group's
    documents/, listed on the group's page and where the README's link leads; templates are not."""
    research = hub.community.sig("research")
    assert [(d.path, d.slug, d.title) for d in research.documents] == [
        ("Topic1_Low-bit-Training.md", "topic1-low-bit-training", "Topic1: Low-bit Neural Networks Training")
    ]
    # A sub-project's README is a document; design-template.md is a template: neither page nor link.
    assert [d.path for d in hub.community.sig("alpha").documents] == ["sub project/README.md"]
    page = hub.page("en", "working-groups/research/documents/topic1-low-bit-training.md")
    assert '"title": "Topic1: Low-bit Neural Networks Training · Joint Research on Future AI Topics"' in (
        page.markdown.replace("title: ", '"title": ')
    )
    assert page.content is not None and "self-adaptively" in page.content.html.lower()
    # The image the topic embeds as a data: address is a file beside it, with its size.
    embedded = hub.file("working-groups/research/Topic1_Low-bit-Training.embedded-1.png")
    assert isinstance(embedded.content, bytes) and embedded.content.startswith(b"\x89PNG")
    assert page.address is not None
    shown = BeautifulSoup(resolve_references(page.content.html, page.address), "lxml")
    loop = shown.find("img", alt="training loop")
    assert loop["src"] == "../../Topic1_Low-bit-Training.embedded-1.png"
    assert (loop["width"], loop["height"]) == ("2", "3")
    assert page.switcher["zh"] == "zh/working-groups/research/"  # no Chinese version: the group's home
    assert not [p for p in hub.pages["zh"] if "documents/" in p.src_uri]
    home = hub.page("en", "working-groups/research/index.md")
    assert home.content is not None and home.address is not None
    readme = BeautifulSoup(resolve_references(home.content.html, home.address), "lxml")
    link = readme.find("a", string="Low-bit Neural Networks Training")
    assert link["href"] == "documents/topic1-low-bit-training/"
    # Typora's links to headings (`#Method:`), in the topic and from the README, lead to them.
    method = readme.find("a", string="its method")
    assert method["href"] == "documents/topic1-low-bit-training/#user-content-method"
    contents = {a.get_text(): a.get("href") for a in shown.select("p")[0].select("a")}
    assert contents == {"Target": "#user-content-target", "Method": "#user-content-method", "Results": None}
    assert {h["id"] for h in shown.select("h2")} >= {"user-content-target", "user-content-method"}
    card = BeautifulSoup(home.before, "lxml")
    assert [a["href"] for a in card.select(".sig-facts__documents a")] == [
        "documents/topic1-low-bit-training/"
    ]


def test_a_document_with_nothing_but_its_title_gets_no_empty_page(tmp_path):
    from sigsite.hub.documents import read_documents
    from sigsite.problems import Problems

    (tmp_path / "empty.md").write_text("# Only a title\n\n", "utf-8")
    (tmp_path / "guide.md").write_text("# Guide\n\nHow to join.\n", "utf-8")
    for topic in ("Topic10.md", "Topic2.md"):
        (tmp_path / topic).write_text(f"# {topic}\n\nA research topic.\n", "utf-8")
    problems = Problems()
    paths = ("Topic10.md", "Topic2.md", "empty.md", "guide.md")  # as the folder lists them
    documents = read_documents(tmp_path, paths, "sigs/x", frozenset(), problems, {})
    # Numbers in names count as numbers: Topic2 before Topic10.
    assert [d.path for d in documents] == ["guide.md", "Topic2.md", "Topic10.md"]
    assert [(p.file, p.line) for p in problems.warnings] == [("sigs/x/empty.md", 1)]


def test_a_dated_file_that_is_no_record_is_read_once_and_warned_about_once(tmp_path):
    """It is read to see whether its title reads as a record; as a document it keeps that text."""
    from sigsite.hub.documents import read_documents
    from sigsite.hub.records import group_files
    from sigsite.problems import Problems

    (tmp_path / "plan-2021-01-05.md").write_text("# Roadmap\n\nWrite to ann.person@example.org.\n", "utf-8")
    problems = Problems()
    found = group_files(tmp_path, "sigs/x", "Asia/Shanghai", frozenset(), problems)
    assert found.records == () and found.documents == ("plan-2021-01-05.md",)
    documents = read_documents(
        tmp_path, found.documents, "sigs/x", frozenset(), problems, {}, dict(found.texts)
    )
    assert [d.title for d in documents] == ["Roadmap"] and "ann.person" not in documents[0].text
    assert [(p.line, p.message[:27]) for p in problems.warnings] == [
        (3, "the personal e-mail address"),
        (None, "the path carries the date 2"),
    ]


def _png(path: Path, width: int, height: int) -> None:
    from PIL import Image

    Image.new("RGB", (width, height), "red").save(path, "PNG")


def test_an_image_written_again_at_the_same_path_is_read_again(tmp_path):
    """The sizes read are kept by whoever keeps the cache (the plugin, across `mkdocs serve`'s
    rebuilds), each checked against its file's size and time: never an edited image's old size."""
    cache = ImageSizeCache()
    image = tmp_path / "arch.png"
    _png(image, 2, 3)
    assert cache.size_of(image) == (2, 3)
    _png(image, 40, 50)
    assert cache.size_of(image) == (40, 50)
    image.unlink()
    assert cache.size_of(image) is None


def test_a_group_readme_shows_its_image_at_its_new_size_after_an_edit(tmp_path):
    """rendered_community with one cache over two loads, as the hub plugin renders on each save: the
    README's image takes the size of the file as it now is."""
    root = make_community(tmp_path / "community")
    community, _ = load_community(root)
    cache = ImageSizeCache()

    def sizes() -> set[tuple[str, str]]:
        rendered = rendered_community(community, root, "https://gitee.com/c/", frozenset(), Problems(), cache)
        readme = rendered.sig("alpha").readme("en")
        assert readme is not None
        images = BeautifulSoup(readme.rendered.html, "lxml").select("img[width]")
        return {(img["width"], img["height"]) for img in images}

    assert sizes() == {("1", "1")}
    _png(root / "sigs" / "alpha" / "arch.png", 6, 4)
    assert sizes() == {("6", "4")}
