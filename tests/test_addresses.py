"""The address scheme: every published path is named in addresses.py, and its URLs are MkDocs' own."""

from __future__ import annotations

import itertools

import pytest
from mkdocs.structure.files import File

from sigsite.addresses import (
    ARCHIVE_PAGE,
    HOME_PAGE,
    MEMBERS_PAGE,
    PEOPLE_PAGE,
    attachment_file,
    group_prefix,
    meeting_page,
    page_url,
    site_path,
    year_page,
)
from sigsite.plan.languages import BuildLanguages

SOURCES = [
    HOME_PAGE,
    PEOPLE_PAGE,
    ARCHIVE_PAGE,
    MEMBERS_PAGE,
    meeting_page("001-20200604"),
    year_page(2020),
    attachment_file("2020-10-22 双周例会.pptx"),
    attachment_file("slides #1?.pdf"),
    group_prefix("sigs", "dx") + MEMBERS_PAGE,
    group_prefix("sigs", "computer-vision-cv-suite-sig") + meeting_page("001-20210101"),
    "zh/" + group_prefix("sigs", "dx") + year_page(2021),
    group_prefix("tsc") + HOME_PAGE,
    group_prefix("working-groups", "research") + meeting_page("2020-06-18"),
    "README.md",
    "sub/README.md",
    "feed.xml",
    "a/readme.md",
    "a/b.MD",
    "notes.markdown",
]


@pytest.mark.parametrize(("source", "directory_urls"), list(itertools.product(SOURCES, (True, False))))
def test_the_scheme_gives_the_urls_mkdocs_gives(source, directory_urls):
    expected = File(source, src_dir=None, dest_dir="", use_directory_urls=directory_urls).url
    assert page_url(source, directory_urls) == expected


def test_a_language_tree_and_the_site_root():
    languages = BuildLanguages("zh", "en", ("en", "zh"), {"en": "", "zh": "zh/"})
    assert languages.url("en", HOME_PAGE) == "./" and site_path(languages.url("en", HOME_PAGE)) == ""
    assert languages.switcher(group_prefix("sigs", "dx") + HOME_PAGE) == {
        "en": "sigs/dx/",
        "zh": "zh/sigs/dx/",
    }
    assert languages.prefix == "zh/" and not languages.is_default_build
    assert languages.home_of("fr") == "en"


def test_one_resolver_serves_both_sites():
    """A SIG's site is the map of its one group; the hub's holds every group and its own home."""
    from sigsite.addresses import GroupMap, PageContext, SiteMap
    from sigsite.markup.references import Target

    page = PageContext(
        page_url="meetings/001-20210304/",
        meeting_urls={"001-20210304": "meetings/001-20210304/"},
        attachment_urls={"slides.pdf": "meetings/slides.pdf"},
    )
    assert page.address_of(Target("meeting", value="001-20210304")) == "./"
    assert page.address_of(Target("attachment", value="slides.pdf")) == "../slides.pdf"
    assert page.address_of(Target("archive")) == "../"
    assert page.address_of(Target("meeting", value="009-20991231")) is None  # not shown: no link
    assert page.address_of(Target("home", group="dx")) is None  # no other group on a SIG's site
    hub = SiteMap(
        {"dx": GroupMap(pages={"home": "sigs/dx/", "archive": "sigs/dx/meetings/"}, meeting_elsewhere=True)},
        hub_url="",
    )
    assert hub.url_of(Target("meeting", value="009-20991231"), "dx") == "sigs/dx/meetings/"  # its archive
    assert hub.url_of(Target("home", group="dx")) == "sigs/dx/"
    assert hub.url_of(Target("hub")) == "" and hub.url_of(Target("document", value="x"), "dx") is None
