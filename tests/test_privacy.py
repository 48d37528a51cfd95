"""No personal e-mail address reaches any output, found after every decoding an output applies.

One community holds an address behind each decoding route and in each field the hub reads; it is
built once and checked once. Every built file is then read the way a browser or mail client would
read it (entities, percent-encoding, full-width forms decoded), and each route must have been
withheld with a warning that names its file, in the build's log and in `sigsite check`, masked.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from hostile import assert_refused, project_with
from hub_support import JUNE_2021, build_hub, make_community

from sigsite.markup.document import render_markdown

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

NOTE = "# Thursday March 4, 2021 at 15:00 GMT+8\n\n## Agenda\n* Review\n\n## Notes\n{}\n"
# Route -> (file, what it writes there). Each address is its own, so each warning can be traced.
ROUTES = {
    "yaml escape": ("sigs/delta/sig_members.yaml", '- name: "Eve \\x28ann1\\x40example.org\\x29"\n'),
    "numeric entity": ("sigs/alpha/meetings/004-20210506.md", "ann2&#64;example.org"),
    "named entities": ("sigs/beta/README.md", "Mail ann3&commat;example&period;org.\n"),
    "percent-encoded mailto": ("sigs/alpha/meetings/004-20210506.md", "[mail](mailto:ann4%40example.org)"),
    "link title": ("sigs/alpha/meetings/004-20210506.md", '[site](https://example.org "ann5@example.org")'),
    "alt text": ("sigs/beta/README.md", "![ann6@example.org](https://example.org/a.png)\n"),
    "user part of a web address": (
        "sigs/alpha/meetings/004-20210506.md",
        "[code](https://ann7%40example.org@gitee.com/mindspore/alpha)",
    ),
    "full-width forms": ("sigs/alpha/meetings/004-20210506.md", "ann8＠example。org"),
    "punycode top-level domain": ("sigs/alpha/meetings/004-20210506.md", "ann9@example.xn--fiqs8s"),
    "emphasis inside": ("sigs/alpha/meetings/004-20210506.md", "ann10@*example*.org"),
    "markup inside": ("sigs/alpha/meetings/004-20210506.md", "ann11@<b>example</b>.org"),
    "account id": ("sigs/delta/sig-info.yaml", "maintainers:\n- gitee_id: ann12@example.org\n  name: Zed\n"),
    "account address": (
        "sigs/delta/sig_members.yaml",
        "- name: Yan\n  gitee_home: https://gitee.com/ann13%40example.org\n",
    ),
    "community listing": (
        "sigs/sig_info.yaml",
        "  - name: Omega SIG\n    introduction: mail ann14@example.org\n    maintainer: ann15@example.org\n",
    ),
    "front matter": (
        "sigs/alpha/meetings/005-20210603.md",
        '---\ntitle: "Call ann16\\x40example.org"\n---\n',
    ),
}
ADDRESSES = [f"ann{n}@example.org" for n in range(1, 17) if n != 9] + ["ann9@example.xn--fiqs8s"]


def _write_routes(community: Path) -> None:
    notes: dict[str, list[str]] = {}
    for file, text in ROUTES.values():
        notes.setdefault(file, []).append(text)
    for file, texts in notes.items():
        path = community / file
        if file.endswith("sig_members.yaml"):
            path.write_text(path.read_text("utf-8") + "Members:\n" + "".join(texts), "utf-8")
        elif file.endswith("sig_info.yaml"):
            path.write_text(path.read_text("utf-8") + "".join(texts), "utf-8")
        elif file.endswith("sig-info.yaml"):
            path.write_text("name: delta\n" + "".join(texts), "utf-8")
        elif file.endswith("005-20210603.md"):
            path.write_text("".join(texts) + NOTE.format("* x"), "utf-8")
        elif file.endswith("README.md"):
            path.write_text(path.read_text("utf-8") + "\n" + "\n".join(texts), "utf-8")
        else:
            path.write_text(NOTE.format("\n\n".join(texts)), "utf-8")


@pytest.fixture(scope="module")
def withheld(tmp_path_factory):
    """The community built and checked: (the build, the check's problems as file -> messages)."""
    root = tmp_path_factory.mktemp("privacy")
    community = make_community(root / "community")
    _write_routes(community)
    built = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr[-3000:]
    checked = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return built, json.loads(checked.stdout)["problems"]


def _as_read(content: bytes) -> str:
    """A file as a browser or mail client reads it: entities and percent-encoding decoded, full
    width folded; the ideographic full stop read as a dot."""
    text = content.decode("utf-8", errors="replace")
    text = unquote(html.unescape(html.unescape(text)))
    return unicodedata.normalize("NFKC", text).replace("。", ".").lower()


def test_no_output_holds_an_address_once_decoded(withheld):
    built, _ = withheld
    for path in built.site.rglob("*"):
        if path.is_file():
            read = _as_read(path.read_bytes())
            found = [address for address in ADDRESSES if address in read]
            assert not found, f"{path.relative_to(built.site)}: {found}"
    assert not [address for address in ADDRESSES if address in built.result.stderr]  # logs are public


@pytest.mark.parametrize("route", ROUTES)
def test_each_route_is_withheld_with_a_warning_in_the_build_and_in_check(withheld, route):
    built, problems = withheld
    file = ROUTES[route][0]
    assert any(
        line.startswith(f"INFO    -  data warning: {file}") and "a…@example" in line and "withheld" in line
        for line in built.result.stderr.splitlines()
    ), route
    assert any(p["file"] == file and "a…@example" in p["message"] for p in problems), route


def test_an_honest_user_name_is_dropped_from_a_link_without_a_warning():
    rendered = render_markdown("[repo](https://git@gitee.com/mindspore/alpha)", lambda *_: None)
    assert 'href="https://gitee.com/mindspore/alpha"' in rendered.html


def test_an_address_made_by_markup_is_withheld_from_the_page_search_and_contents():
    found = []
    rendered = render_markdown(
        "## ann@_example_.org\n\nann@_example_.org", lambda *_: None, withheld=found.append
    )
    assert "ann@" not in rendered.html and "ann@" not in rendered.search_html
    assert rendered.headings[0].text == "[e-mail hidden]"
    assert [a.masked for a in found] == ["a…@example.org", "a…@example.org"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"meetings/ann@example.org slides.pdf": b"%PDF-1.4\n"},
            "meetings/ann@example.org slides.pdf: error: the name",
        ),
        (
            {"meetings/ann&#64;example.org.pdf": b"%PDF-1.4\n"},
            "meetings/ann&#64;example.org.pdf: error: the name",
        ),
    ],
)
def test_a_file_name_holding_an_address_is_refused(tmp_path, files, expected):
    assert_refused(project_with(tmp_path, files), expected)


def test_a_sig_folder_named_with_an_address_is_refused(tmp_path):
    community = make_community(tmp_path / "community")
    folder = community / "sigs" / "ann＠example。org"
    folder.mkdir()
    (folder / "README.md").write_text("# A SIG\n", "utf-8")
    built = build_hub(community, tmp_path / "site")
    assert (
        not built.ok
        and "sigs/ann＠example。org: error: the name holds an e-mail address" in built.result.stderr
    )
    checked = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1 and "sigs/ann＠example。org: error: the name holds" in checked.stdout
