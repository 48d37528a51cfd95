"""A link to a page in another language says so (render/language_marks.py): `hreflang` and the
language's own name beside it; links to files, other sites, this page and the same language are
left as they are. Core tests, on the HTML a page is finished with."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from costs import seconds_of

from sigsite.plan.languages import BuildLanguages
from sigsite.render.language_marks import mark_other_languages

ENGLISH = BuildLanguages("en", "en", ("en", "zh"), {"en": "", "zh": "zh/"})
CHINESE = BuildLanguages("zh", "en", ("en", "zh"), {"en": "", "zh": "zh/"})


def marks(html: str, page_url: str, languages: BuildLanguages) -> list[tuple[str, str | None, str | None]]:
    """(href, hreflang, the mark's text) of each link of the marked HTML."""
    soup = BeautifulSoup(mark_other_languages(html, page_url, languages), "html.parser")
    found = []
    for link in soup.select("a"):
        mark = link.next_sibling.next_sibling if link.next_sibling == " " else None
        is_mark = mark is not None and mark.name == "span" and mark.get("class") == ["sig-lang"]
        found.append((link["href"], link.get("hreflang"), mark.get_text() if is_mark else None))
    return found


def test_an_english_page_marks_its_links_into_the_chinese_tree():
    html = (
        '<p><a href="../../zh/sigs/usability/meetings/2024-11-30/">Saturday</a> · '
        '<a href="meetings/">Meetings</a> · <a href="../../zh/">中文首页</a></p>'
    )
    assert marks(html, "sigs/usability/", ENGLISH) == [
        ("../../zh/sigs/usability/meetings/2024-11-30/", "zh", "中文"),
        ("meetings/", None, None),
        ("../../zh/", "zh", "中文"),
    ]
    marked = mark_other_languages(html, "sigs/usability/", ENGLISH)
    assert '<span class="sig-lang" lang="zh">中文</span>' in marked


def test_a_chinese_page_marks_its_links_out_of_its_tree():
    html = '<td><a class="x" href="../../../../sigs/dx/meetings/013-20211207/">2021年12月7日</a></td>'
    assert marks(html, "zh/sigs/dx/health/", CHINESE) == [
        ("../../../../sigs/dx/meetings/013-20211207/", "en", "English")
    ]
    homes = (
        '<a href="../meetings/2021/">2021</a> <a href="../../../">首页</a> <a href="../../../../">home</a>'
    )
    assert marks(homes, "zh/sigs/dx/health/", CHINESE) == [
        ("../meetings/2021/", None, None),
        ("../../../", None, None),  # the Chinese home
        ("../../../../", "en", "English"),  # the English one
    ]


@pytest.mark.parametrize(
    "href",
    [
        "../../zh/sigs/x/slides.pdf",  # a file, published once for every language
        "../../zh/feed.xml",
        "https://gitee.com/mindspore/community/zh/",  # another site
        "#user-content-notes",  # this page
        "/sigsite/hub/zh/",  # from the host's root: the 404 page's, which names its languages
        "../../../../../zh/",  # above the site's root
        "mailto:someone",
        "",
    ],
)
def test_files_other_sites_and_this_page_are_left_as_they_are(href):
    html = f'<p><a href="{href}">x</a></p>'
    assert mark_other_languages(html, "sigs/alpha/", ENGLISH) == html


def test_a_link_that_knows_its_language_keeps_it_and_gets_the_mark():
    """The archive writes `hreflang` from a note's own language, which decides over its address."""
    html = '<a class="sig-meeting__title" href="005-20201009/" hreflang="zh">路线图</a>'
    assert marks(html, "meetings/", ENGLISH) == [("005-20201009/", "zh", "中文")]
    assert marks(html, "zh/meetings/", CHINESE) == [("005-20201009/", "zh", None)]  # its own language
    assert mark_other_languages(html, "meetings/", ENGLISH).count("hreflang") == 1


def test_the_rest_of_the_page_is_unchanged_and_a_page_without_links_is_returned_as_it_is():
    html = (
        '<h2 id="a">Title<a class="headerlink" href="#a">¶</a></h2>'
        '<p>before <a href="../zh/sigs/x/documents/guide/" title="a &gt; b">guide</a> after</p>'
        "<abbr>no link</abbr>"
    )
    marked = mark_other_languages(html, "sigs/", ENGLISH)
    assert (
        marked.replace(' hreflang="zh"', "").replace(' <span class="sig-lang" lang="zh">中文</span>', "")
        == html
    )
    plain = "<p>No link here, nor &lt;a href&gt;.</p>"
    assert mark_other_languages(plain, "sigs/", ENGLISH) is plain


def test_pages_without_directory_urls_are_pages_too():
    languages = BuildLanguages("en", "en", ("en", "zh"), {"en": "", "zh": "zh/"}, directory_urls=False)
    html = '<a href="../zh/meetings/005-20201009.html">x</a> <a href="002-20200703.html">y</a>'
    assert marks(html, "meetings/index.html", languages) == [
        ("../zh/meetings/005-20201009.html", "zh", "中文"),
        ("002-20200703.html", None, None),
    ]


def test_marking_costs_the_length_of_the_page():
    """One pass: twenty times the links cost about twenty times the time, never its square."""

    def seconds(links: int) -> float:
        html = '<li><a href="../zh/m/1/">x</a></li><li><a href="m/2/">y</a></li><a ' * links
        return seconds_of(lambda: mark_other_languages(html, "sigs/", ENGLISH))

    small, large = seconds(2_000), seconds(40_000)
    assert large < 60 * small + 0.05, (small, large)
