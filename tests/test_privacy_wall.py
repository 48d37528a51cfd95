"""The last wall (sigsite/privacy_wall.py) and the refusal of names, on their own: a built site is
read file by file, name by name, as its readers would read it; an address there is found however an
output encodes it, and the theme's own files, public lists and the site's own identifiers pass."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from costs import cost

from sigsite.hub.links import ReadmeLinks
from sigsite.hub.model import Community
from sigsite.privacy import PublishableNames, masked, may_publish_name
from sigsite.privacy_wall import describe, leaks_in_site
from sigsite.problems import Problems

HOST = "sigs.example.cn"
LEAK = "wang.wu@corp-mail.cn"


def site_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    site = tmp_path / "site"
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return site


def found(tmp_path: Path, files: dict[str, bytes | str], **options: object) -> list[str]:
    site = site_with(tmp_path, files)
    return [str(leak) for leak in leaks_in_site(site, frozenset({"dev@mindspore.cn"}), HOST, **options)]


HIDDEN = {
    "a page": ("index.html", f"<p>Mail {LEAK}</p>"),
    "an entity": ("index.html", "<p>wang.wu&#64;corp-mail.cn</p>"),
    "markup between": ("index.html", "<p>wang.wu@<b>corp-mail</b>.cn</p>"),
    "percent-encoding": ("index.html", '<a href="mailto:wang.wu%40corp-mail.cn">x</a>'),
    "full-width forms": ("index.html", "wang.wu＠corp-mail。cn"),
    "a JSON escape": ("search/search_index.json", json.dumps({"text": LEAK})),  # \u0040 below
    "a JSON escape written by hand": ("meetings.json", '{"t": "wang.wu\\u0040corp-mail.cn"}'),
    "a script's escape": ("assets/x.js", 'let a = "wang.wu\\x40corp-mail.cn";'),
    "a folded calendar line": ("meetings.ics", "DESCRIPTION:wang.wu@corp-\r\n mail.cn\r\n"),
    "a feed's entities, twice": ("feed.xml", "<content type='html'>wang.wu&amp;#64;corp-mail.cn</content>"),
    "a compressed sitemap": ("sitemap.xml.gz", gzip.compress(f"<loc>{LEAK}</loc>".encode(), mtime=0)),
    "a text attachment": ("sigs/a/docs/list.csv", f"name,mail\nWang,{LEAK}\n"),
    "a file without a suffix": ("CNAME", LEAK),
}


@pytest.mark.parametrize("route", HIDDEN)
def test_an_address_is_found_however_an_output_encodes_it(tmp_path, route):
    name, content = HIDDEN[route]
    if route == "a JSON escape":
        content = content.replace("@", "\\u0040")
    assert found(tmp_path, {name: content}) == [f"{name}: holds the e-mail address w…@corp-mail.cn"]


def test_an_address_in_a_path_is_found_and_the_path_shown_masked(tmp_path):
    files = {"docs/wang.wu@corp-mail.cn/a.pdf": b"%PDF", "img/li%40corp-mail.cn.png": b"\x89PNG"}
    assert found(tmp_path, files) == [
        "docs/w…@corp-mail.cn/a.pdf: its path holds the e-mail address w…@corp-mail.cn",
        "img/l…@corp-mail.cn.png: its path holds the e-mail address l…@corp-mail.cn.png",
    ]


def test_public_lists_own_identifiers_and_example_domains_pass(tmp_path):
    files = {
        "index.html": "Lists: dev@mindspore.cn DEV@MindSpore.cn; docs: you@example.org, a@b.example",
        "meetings.ics": f"UID:tsc.2020-06-18@{HOST}\r\n",
    }
    assert found(tmp_path, files) == []


def test_files_published_as_they_are_are_read_as_the_reader_that_published_them_reads_them(tmp_path):
    """Through file_text.py: the bytes of images and slides read as addresses by chance (`K@aJ.x`
    in a PDF, `N@zK.a` in a PNG of the real community) and are no address; what their text,
    members and compressed parts hold is found; what cannot be looked into is named."""
    noise = b"\x00\x13K@aJ.xy\x00N@zK.a\x00"
    files = {"a.pdf": noise, "b.png": noise, "c.pptx": noise, "d.pdf.gz": gzip.compress(noise, mtime=0)}
    assert found(tmp_path / "noise", files) == []
    member = io.BytesIO()
    with zipfile.ZipFile(member, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/core.xml", f"<dc:creator>{LEAK}</dc:creator>")
    hidden = {
        "a.pdf": noise + f"/Author ({LEAK})".encode(),
        "c.pptx": member.getvalue(),
        "d.pdf.gz": gzip.compress(noise + f" {LEAK} ".encode(), mtime=0),
        "e.7z": b"7z\xbc\xaf\x27\x1c\x00\x04",
    }
    assert found(tmp_path / "hidden", hidden) == [
        "a.pdf: holds the e-mail address w…@corp-mail.cn",
        "c.pptx: holds the e-mail address w…@corp-mail.cn",
        "d.pdf.gz: holds the e-mail address w…@corp-mail.cn",
        "e.7z: cannot be looked into: a 7z archive cannot be looked into",
    ]


def test_the_themes_own_files_pass_only_when_they_are_its_files(tmp_path):
    theme = tmp_path / "theme"
    credit = "/* (c) Martin Donath <martin.donath@squidfunk.com> */"
    (theme / "assets/javascripts").mkdir(parents=True)
    (theme / "assets/javascripts/bundle.js").write_text(credit, "utf-8")
    same = {"assets/javascripts/bundle.js": credit}
    assert found(tmp_path / "same", same, theme_dirs=[theme]) == []
    changed = {"assets/javascripts/bundle.js": credit + f"\n// {LEAK}"}
    assert len(found(tmp_path / "changed", changed, theme_dirs=[theme])) == 2
    elsewhere = {"assets/javascripts/other.js": credit}
    assert found(tmp_path / "elsewhere", elsewhere, theme_dirs=[theme]) == [
        "assets/javascripts/other.js: holds the e-mail address m…@squidfunk.com"
    ]


def test_a_failure_names_every_file_and_counts_past_ten(tmp_path):
    site = site_with(tmp_path, {f"p{n:02}.html": LEAK for n in range(12)})
    leaks = leaks_in_site(site, frozenset(), HOST)
    assert len(leaks) == 12
    text = describe(leaks)
    assert text.splitlines()[0] == "p00.html: holds the e-mail address w…@corp-mail.cn"
    assert text.endswith("... and 2 more") and LEAK not in text


def test_a_compressed_text_too_large_to_read_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("sigsite.privacy_wall.MAX_DECOMPRESSED", 100)
    assert found(tmp_path, {"sitemap.xml.gz": gzip.compress(b"x" * 1000, mtime=0)}) == [
        "sitemap.xml.gz: holds more than 100 bytes of text, too many to read"
    ]


# The refusal of names --------------------------------------------------------------------------


def test_a_path_is_masked_where_it_holds_an_address():
    assert masked("sigs/a/docs/wang.wu@corp-mail.cn/x.md") == "sigs/a/docs/w…@corp-mail.cn/x.md"
    assert masked("sigs/a/docs/plain.md") == "sigs/a/docs/plain.md"
    assert masked(masked("a/li&#64;corp-mail.cn.pdf")) == "a/l…@corp-mail.cn.pdf"


def test_every_name_on_the_way_is_checked_and_a_refused_folder_reported_once():
    problems = Problems()
    names = PublishableNames("sigs/a", problems)
    assert names.allow("docs/guide.md")
    assert not names.allow("docs/jane@corp-mail.cn/a.md")
    assert not names.allow("docs/jane@corp-mail.cn/b.png")
    assert not names.allow("docs/tab\there.md")
    assert [p.format() for p in problems.items] == [
        "sigs/a/docs/j…@corp-mail.cn: error: the name holds an e-mail address, which its address on "
        "the site would publish (rename it without the address)",
        "sigs/a/docs/tab\\there.md: error: the name holds a control character or bytes that are not "
        "UTF-8 (rename it with printable characters only)",
    ]
    assert (
        not may_publish_name("x＠corp-mail。cn")
        and not may_publish_name("a\udcff")
        and may_publish_name("a b")
    )


def test_a_link_to_a_name_that_may_not_be_published_leads_to_the_folder_above_it():
    links = ReadmeLinks(Community(), "https://gitee.com/o/c/blob/master/")
    assert links.resolve("sigs/a/README.md", "docs/jane@corp-mail.cn/a.md") == (
        "https://gitee.com/o/c/blob/master/sigs/a/docs"
    )
    assert (
        links.resolve("sigs/a/README.md", "docs/x\x01.md") == "https://gitee.com/o/c/blob/master/sigs/a/docs"
    )
    assert links.resolve("sigs/a/README.md", "docs/plan b.md", "top") == (
        "https://gitee.com/o/c/blob/master/sigs/a/docs/plan%20b.md#top"
    )


# Problems: whatever a message quotes, the log shows it masked ------------------------------------


def test_a_problem_masks_every_address_in_its_file_message_and_fix():
    problems = Problems()
    problems.error(
        "sigs/a/docs/wang.wu@corp-mail.cn/x.md",
        3,
        "unknown key 'li.lei&#64;corp-mail.cn'",
        "did you mean 'zhao＠corp-mail。cn'?",
    )
    problems.warning("x.yaml", 1, "invalid literal for int() with base 10: b'a.b@corp-mail.cn'\nnext")
    assert [p.format() for p in problems.items] == [
        "sigs/a/docs/w…@corp-mail.cn/x.md:3: error: unknown key 'l…@corp-mail.cn' "
        "(did you mean 'z…@corp-mail.cn'?)",
        "x.yaml:1: warning: invalid literal for int() with base 10: b'a…@corp-mail.cn'\\nnext",
    ]


def test_masking_a_warning_for_every_line_costs_in_proportion():
    """A warning quoting each line of a 200 KB file, lines that take every decoding's slow path
    (entities, percent-encoding, full-width forms, an address): four times the lines, about four
    times the time."""
    line = "a&amp;b %41 ＡＢ wang.wu@corp-mail.cn and more words of the line"

    def masked_lines(size: int) -> float:
        def warned() -> Problems:
            problems = Problems()
            for number in range(size // len(line)):
                problems.warning("x.md", number, f"quotes '{line}'")
            return problems

        seconds, problems = cost(warned)
        assert "wang.wu" not in problems.items[-1].message
        return seconds

    small, large = masked_lines(50_000), masked_lines(200_000)
    assert large < 8 * small + 0.2 and large < 2.0, (small, large)


@pytest.mark.parametrize(
    "text",
    [
        "w…@corp-mail.cn",  # as a message masks an address
        "w...@corp-mail.cn",  # and as a reader reads it back
    ],
)
def test_a_masked_address_passes_the_wall(tmp_path, text):
    assert found(tmp_path, {"health.html": f"<p>withheld: {text}</p>"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "w…@wang.wu@corp-mail.cn",  # a mask written on: wang.wu@corp-mail.cn is a reader's to copy
        "w...@wang.wu@corp-mail.cn",
        "dev@mindspore.cn@corp-mail.cn",  # a public list written on: mindspore.cn@corp-mail.cn
    ],
)
def test_a_masked_or_public_address_written_on_with_another_domain_is_a_leak(tmp_path, text):
    assert len(found(tmp_path, {"index.html": f"<p>{text}</p>"})) == 1
