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
