"""The plugin's per-language record of generated pages: what each event left for the next."""

from __future__ import annotations

from mkdocs.structure.files import File

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.addresses import PageContext
from sigsite.plan.pages import PlannedPage
from sigsite.render.blocks import MeetingFrame


def _file(src_uri: str) -> File:
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=True)


def test_a_page_not_put_back_is_a_leftover():
    build = LanguageBuild("en", PageContext(page_url="", meeting_urls={"001": "meetings/001/"}))
    note = GeneratedPage(
        _file("meetings/001.md"), PlannedPage({"en": "meetings/001/"}, frame=MeetingFrame("<h>", "<f>"))
    )
    year = GeneratedPage(
        _file("meetings/2020/index.md"), PlannedPage({"en": "meetings/2020/"}, after="<ul></ul>")
    )
    build.add(note)
    build.add(year)
    assert build.page("meetings/001.md") is note and build.page("index.md") is None
    assert build.generated_files() == []  # files of docs/ in this test: nothing sigsite made
    note.held_html = note.plan.frame.around("<p>note</p>")
    assert build.leftovers() == ["meetings/001.md"]
    note.held_html = None  # what on_page_context does once search has read the note
    assert build.leftovers() == []


def test_addresses_are_relative_to_the_page():
    build = LanguageBuild("en", PageContext(page_url="", meeting_urls={"001": "meetings/001/"}))
    assert build.context_for("meetings/2020/").to("meetings/001/") == "../001/"
    assert build.site.page_url == ""  # the site's own record is never changed
