"""No personal e-mail address reaches any output, found after every decoding an output applies.

One community holds an address behind each decoding route and in each field the hub reads; it is
built once and checked once. Every built file is then read the way a browser or mail client would
read it (entities, percent-encoding, full-width forms decoded), and each route must have been
withheld with a warning that names its file, in the build's log and in `sigsite check`, masked.
"""

from __future__ import annotations

import base64
import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import PROJECT, build, make_project
from hostile import assert_refused, project_with
from hostile_files import gif, jpeg, pdf, png, tarred, zipped
from hub_support import HUB_CONFIG, JUNE_2021, broken_links, build_hub, make_community

from sigsite.emails import find_addresses
from sigsite.markup.document import render_markdown
from sigsite.privacy_wall import leaks_in_site

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
            "meetings/a…@example.org slides.pdf: error: the name",  # logs are public: masked
        ),
        (
            {"meetings/ann&#64;example.org.pdf": b"%PDF-1.4\n"},
            "meetings/a…@example.org.pdf: error: the name",
        ),
    ],
)
def test_a_file_name_holding_an_address_is_refused_and_shown_masked(tmp_path, files, expected):
    assert_refused(project_with(tmp_path, files), expected)


def test_a_sig_folder_named_with_an_address_is_refused(tmp_path):
    community = make_community(tmp_path / "community")
    folder = community / "sigs" / "ann＠example。org"
    folder.mkdir()
    (folder / "README.md").write_text("# A SIG\n", "utf-8")
    built = build_hub(community, tmp_path / "site")  # published around: the folder is left out
    assert built.ok and "sigs/a…@example.org: error: the name holds an e-mail address" in built.result.stderr
    assert not [p for p in built.site.rglob("*") if "example" in p.name]
    checked = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1 and "sigs/a…@example.org: error: the name holds" in checked.stdout
    for output in (built.result.stderr, checked.stdout):
        assert "ann＠" not in output and "ann@" not in output


# Names, embedded images and text files on the hub: refused or cleaned, never published -----------

CORP = "corp-mail.cn"  # not a domain reserved for examples: the last wall would let those through
# Each file -> its content; every one must be left out (or cleaned) with the error below.
HOSTILE_FILES: dict[str, bytes] = {
    "sigs/alpha/docs/wang.wu@corp-mail.cn.md": b"# Guide of Wang\n\nSome text.\n",
    "sigs/alpha/docs/2021-05-06-meeting-li.lei@corp-mail.cn.md": b"# Meeting record\n\nWe met.\n",
    "sigs/alpha/docs/jane.doe@corp-mail.cn/guide.md": b"# Jane's guide\n\nText.\n",
    "sigs/alpha/docs/jane.doe@corp-mail.cn/photo.pdf": b"%PDF-1.4\n",
    "tsc/slides/2020/TSC-May-21-zhao.min@corp-mail.cn.pdf": b"%PDF-1.4\n",
    "sigs/alpha/meetings/sun.li@corp-mail.cn.pdf": b"%PDF-1.4\n",
    "sigs/alpha/meetings/contacts.txt": b"Call zhou.qi@corp-mail.cn\n",
    "sigs/alpha/docs/people.csv": b"name,mail\nQian,qian.yu@corp-mail.cn\n",
    "sigs/alpha/docs/odd\x01.png": b"\x89PNG\r\n\x1a\n",
}
HOSTILE_ERRORS = [
    "sigs/alpha/docs/w…@corp-mail.cn.md: error: the name holds an e-mail address",
    "sigs/alpha/docs/2…@corp-mail.cn.md: error: the name holds an e-mail address",
    "sigs/alpha/docs/j…@corp-mail.cn: error: the name holds an e-mail address",
    "tsc/slides/2020/T…@corp-mail.cn.pdf: error: the name holds an e-mail address",
    "sigs/alpha/meetings/s…@corp-mail.cn.pdf: error: the name holds an e-mail address",
    "sigs/alpha/meetings/contacts.txt:1: error: holds the personal e-mail address z…@corp-mail.cn",
    "sigs/alpha/docs/people.csv:2: error: holds the personal e-mail address q…@corp-mail.cn",
    "sigs/alpha/docs/odd\\x01.png: error: the name holds a control character",
    "sigs/alpha/docs/bomb.md:3: error: the image embedded as data:image/png is not published: "
    "it declares 8000 × 7000 pixels",
]
HIDDEN_IN_IMAGE = "he.yan@corp-mail.cn"


# Publishing around errors, as the hub is to (one group's fault stays with it): the errors are
# logged and the build goes on, so that what it left out can be looked for in what it published.
def _image(size: tuple[int, int], text: str = "") -> str:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", text)
    buffer = io.BytesIO()
    Image.new("1" if size[0] > 100 else "RGB", size).save(buffer, "PNG", pnginfo=info)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture(scope="module")
def hostile_hub(tmp_path_factory):
    """A community with every kind of hostile name, text file and embedded image: the hub's build,
    which publishes around each, and `sigsite check --community` (json and text), which fails."""
    root = tmp_path_factory.mktemp("hostile-names")
    community = make_community(root / "community")
    for name, content in HOSTILE_FILES.items():
        path = community / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    readme = community / "sigs/alpha/README_en.md"
    readme.write_text(
        readme.read_text("utf-8") + "\n[people](docs/people.csv) ![odd](docs/odd%01.png)\n", "utf-8"
    )
    (community / "sigs/alpha/docs/flow.md").write_text(
        f"# Flow\n\n![flow]({_image((6, 4), HIDDEN_IN_IMAGE)})\n", "utf-8"
    )
    (community / "sigs/alpha/docs/bomb.md").write_text(
        f"# Bomb\n\n![bomb]({_image((8000, 7000))})\n", "utf-8"
    )
    around = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    return around, root / "site", _checked(community, "text", "json")


def test_hostile_names_and_files_fail_check_and_are_named_by_the_build_with_their_paths_masked(hostile_hub):
    around, _, checks = hostile_hub
    assert checks["text"].returncode == checks["json"].returncode == 1
    reported = {_formatted(p) for p in json.loads(checks["json"].stdout)["problems"]}
    for expected in HOSTILE_ERRORS:
        assert expected in around.result.stderr, expected
        assert expected in checks["text"].stdout, expected
        assert any(line.startswith(expected) for line in reported), expected
    for output in (around.result.stderr, checks["text"].stdout, checks["json"].stdout):
        assert not [a for a in _planted() if a in output.lower()]  # logs are public: masked
        assert "Traceback" not in output


def test_what_is_refused_is_left_out_and_nothing_published_names_it(hostile_hub):
    around, site, _ = hostile_hub
    assert around.ok, around.result.stderr[-3000:]
    assert "data warning: sigs/alpha/docs/w…@corp-mail.cn.md: error" in around.result.stderr
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        assert CORP not in _as_read(name.encode()), name
        if path.is_file():
            assert CORP not in _as_read(path.read_bytes()), name
    assert not [a for a in _planted() if a in around.result.stderr.lower()]
    archive = (site / "meetings.json").read_text("utf-8")
    assert "2021-05-06" not in archive  # the record named with an address is no meeting
    documents = {p.parent.name for p in (site / "sigs/alpha/documents").glob("*/index.html")}
    assert "docs-flow" in documents and not [d for d in documents if "corp" in d or "jane" in d]
    assert not (site / "sigs/alpha/meetings/contacts.txt").exists()
    assert not (site / "sigs/alpha/docs/people.csv").exists()


def test_an_embedded_image_is_published_as_its_pixels_alone(hostile_hub):
    from PIL import Image

    _, site, _ = hostile_hub
    published = site / "sigs/alpha/docs/flow.embedded-1.png"
    image = Image.open(published)
    assert image.size == (6, 4) and image.info == {}
    assert HIDDEN_IN_IMAGE.encode() not in published.read_bytes()
    page = (site / "sigs/alpha/documents/docs-flow/index.html").read_text("utf-8")
    assert "flow.embedded-1.png" in page and "data:image" not in page
    assert not list(site.rglob("bomb.embedded-*"))  # a bomb is never decoded, nor published


def _planted() -> list[str]:
    """Every address the hostile files hold, in lower case."""
    texts = [*HOSTILE_FILES, *(c.decode("utf-8", "replace") for c in HOSTILE_FILES.values())]
    return sorted(
        {a.address.lower() for t in texts for a in find_addresses(t, markdown=False)} | {HIDDEN_IN_IMAGE}
    )


def _formatted(problem: dict) -> str:
    where = problem["file"] + (f":{problem['line']}" if problem["line"] else "")
    return f"{where}: {problem['severity']}: {problem['message']}"


# The last wall: an address that got past every reader fails the build --------------------------

# A bug, played by a hook: an address written into the home page after sigsite rendered it, and a
# file named with one. Both plugins run the wall once every language is built.
PLANTING_HOOK = """
from pathlib import Path

def on_post_page(output, page, config, **kwargs):
    if page.file.src_uri.startswith("index"):
        return output.replace("</article>", "<p>wang.wu&#64;corp-mail.cn</p></article>")
    return output

def on_post_build(config, **kwargs):
    (Path(config.site_dir) / "li.lei@corp-mail.cn.txt").write_text("x", "utf-8")
"""
WALL_FAILURE = "sigsite: the built site holds 3 e-mail address(es) that were not withheld"


def _with_hook(config: Path) -> None:
    (config.parent / "plant.py").write_text(PLANTING_HOOK, "utf-8")
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - plant.py\n", "utf-8")


def _assert_the_wall_stopped_it(output: str) -> None:
    assert WALL_FAILURE in output, output[-3000:]
    for expected in (
        "  index.html: holds the e-mail address w…@corp-mail.cn",
        "  zh/index.html: holds the e-mail address w…@corp-mail.cn",
        "  l…@corp-mail.cn.txt: its path holds the e-mail address l…@corp-mail.cn.txt",
    ):
        assert expected in output, expected
    assert "wang.wu" not in output and "li.lei" not in output  # masked: logs are public
    assert "Traceback" not in output


def test_the_wall_fails_the_hub_build_on_an_address_that_got_through(tmp_path):
    shutil.copytree(HUB_CONFIG.parent, tmp_path / "hub")
    shutil.copytree(HUB_CONFIG.parent.parent / "overrides", tmp_path / "overrides")
    _with_hook(tmp_path / "hub" / "mkdocs.yml")
    community = make_community(tmp_path / "community")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "hub" / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "SIGSITE_COMMUNITY": str(community), "SOURCE_DATE_EPOCH": JUNE_2021},
        check=False,
    )
    assert result.returncode == 1
    _assert_the_wall_stopped_it(result.stderr)


def test_the_wall_fails_a_sig_sites_build_on_an_address_that_got_through(tmp_path):
    project = make_project(tmp_path / "project")
    _with_hook(project / "mkdocs.yml")
    result = build(project)
    assert not result.ok
    _assert_the_wall_stopped_it(result.result.stderr)


def test_the_fixture_hub_with_every_route_and_the_projects_own_site_pass_the_wall(withheld, site_build):
    """The wall ran in both builds (they succeeded); read again here, they hold no address."""
    from material import templates

    built, _ = withheld
    for site, public in ((built.site, {"dev@mindspore.cn"}), (site_build.site, set())):
        assert site_build.ok and (site / "index.html").is_file()
        themes = [PROJECT / "overrides", Path(templates.__file__).parent]
        assert leaks_in_site(site, frozenset(public), "mindspore-ai-security-sig.github.io", themes) == []


# Files published as they are, YAML values of other types, and the log: one community holds them
# all, built once and checked once; each must be left out with an error both name alike ----------


# Each file -> its bytes (an address of its own, each in the place its kind hides one), the error
# the build's log and `sigsite check --community` give for it (masked), and the published copy it
# must not have. The README of beta and a note of alpha link to them; the TSC's record takes its
# slides by their date.
def _published_as_is() -> dict[str, tuple[bytes, str]]:
    def a(name: str) -> bytes:
        return f"{name}.leak@{CORP}".encode()

    held = "holds the personal e-mail address"
    return {
        "sigs/beta/files/pic.png": (
            png(tEXt=b"Author\x00" + a("png")),
            f"{held} p…@{CORP} (in PNG tEXt chunk)",
        ),
        "sigs/beta/files/pic.jpg": (jpeg(comment=a("jpg")), f"{held} j…@{CORP} (in JPEG comment)"),
        "sigs/beta/files/anim.gif": (gif(a("gif")), f"{held} g…@{CORP} (in GIF comment)"),
        "sigs/beta/files/bundle.tar": (
            tarred({"contact.txt": b"mail " + a("tar")}),
            f"{held} t…@{CORP} (in contact.txt)",
        ),
        "sigs/beta/files/bundle.tar.gz": (
            gzip.compress(tarred({"contact.txt": b"mail " + a("tgz")}), mtime=0),
            f"{held} t…@{CORP} (in bundle.tar: contact.txt)",
        ),
        "sigs/beta/files/deck.pdf": (
            pdf(b"<</Author(" + a("pdf") + b")>>"),
            f"{held} p…@{CORP} (in PDF strings)",
        ),
        "sigs/beta/files/escaped.rtf": (
            rb"{\rtf1\ansi mail rtf.leak\'40" + CORP.encode() + rb"\par}",
            f"{held} r…@{CORP}",
        ),
        "sigs/beta/files/utf16.txt": (("mail " + a("txt").decode()).encode("utf-16"), f"{held} t…@{CORP}"),
        "sigs/beta/files/utf16.csv": (
            ("name,mail\nCarol," + a("csv").decode()).encode("utf-16-le"),
            f"{held} c…@{CORP}",
        ),
        "sigs/beta/files/guide.docx": (
            zipped({"docProps/core.xml": b"<dc:creator>" + a("docx") + b"</dc:creator>"}),
            f"{held} d…@{CORP} (in docProps/core.xml)",
        ),
        "sigs/beta/files/talk.pptx": (
            zipped({"ppt/media/image1.png": png(tEXt=b"Author\x00" + a("pptx"))}),
            f"{held} p…@{CORP} (in ppt/media/image1.png: PNG tEXt chunk)",
        ),
        "sigs/beta/files/sheet.xlsx": (
            zipped({"xl/sharedStrings.xml": b"<si><t>" + a("xlsx") + b"</t></si>"}),
            f"{held} x…@{CORP} (in xl/sharedStrings.xml)",
        ),
        "sigs/beta/files/archive.7z": (
            b"7z\xbc\xaf\x27\x1c\x00\x04" + a("7z"),
            "cannot be looked into for e-mail addresses: a 7z archive",
        ),
        "sigs/beta/files/contacts.vcf.gz": (
            gzip.compress(b"BEGIN:VCARD\nEMAIL:" + a("vcf") + b"\nEND:VCARD\n", mtime=0),
            "a compressed file is published only when its name says it holds a type the site publishes",
        ),
        "sigs/alpha/meetings/m-deck.pdf": (pdf(b"<</Author(" + a("meeting") + b")>>"), f"{held} m…@{CORP}"),
        "tsc/slides/2020/MindSpore-TSC-Meeting-Jun-18.pdf": (
            pdf(b"<</Author(" + a("slides") + b")>>"),
            f"{held} s…@{CORP}",
        ),
    }


PUBLISHED_AS_IS = _published_as_is()
LINES = {"sigs/beta/files/utf16.txt": 1, "sigs/beta/files/utf16.csv": 2}  # text files: the address's line
# YAML values of other types (finding C) and values quoted into messages (finding D): file -> text.
OTHER_TYPES = {
    "sigs/alpha/OWNERS": "approvers:\n  - ada\n  - !!set {set1.leak@corp-mail.cn: null}\n",
    "sigs/sig_info.yaml": "  - name: !!set {set2.leak@corp-mail.cn: null}\n    links: https://github.com/x/y\n",
    "sigs/beta/sig-info.yaml": (
        "name: Beta\n"
        "description: !!binary c2V0My5sZWFrQGNvcnAtbWFpbC5jbg==\n"
        "maintainers:\n"
        "- gitee_id: b1\n  name: !!set {set4.leak@corp-mail.cn: null}\n"
        "- gitee_id: b2\n  name: !!omap [omap.leak@corp-mail.cn: 1]\n"
        "- gitee_id: b3\n  name: !!pairs [pairs.leak@corp-mail.cn: 1]\n"
        "- gitee_id: b4\n  name: !<tag.leak@corp-mail.cn> Tag\n"
        "- gitee_id: b5\n  name: !!int int.leak@corp-mail.cn\n"
        "dup.leak@corp-mail.cn: 1\n"
        "dup.leak@corp-mail.cn: 2\n"
    ),
    "sigs/delta/sig_members.yaml": "key.leak@corp-mail.cn: 1\n",  # appended: an unknown key
}
# (file:line:column, what is said): the value is left out, the rest of the file is read. OWNERS is
# read for the consistency report only, whose readers' findings are warnings.
TYPE_ERRORS = [
    ("sigs/alpha/OWNERS:3:5", "warning: a value of type !!set is left out"),
    ("sigs/sig_info.yaml:16:11", "error: a value of type !!set is left out"),
    ("sigs/beta/sig-info.yaml:2:14", "error: a value of type !!binary is left out"),
    ("sigs/beta/sig-info.yaml:5:9", "error: a value of type !!set is left out"),
    ("sigs/beta/sig-info.yaml:7:9", "error: a value of type !!omap is left out"),
    ("sigs/beta/sig-info.yaml:9:9", "error: a value of type !!pairs is left out"),
    ("sigs/beta/sig-info.yaml:11:9", "error: a value with a tag of its own is left out"),
    ("sigs/beta/sig-info.yaml:13:9", "error: a value tagged !!int that is not a whole number is left out"),
]
# Values a message quotes (finding D), each masked: in the log, check's output and the annotations.
QUOTED = [
    "unknown key 'k…@corp-mail.cn'",
    "duplicate key 'd…@corp-mail.cn'",
    "int() with base 10: b'a…@corp-mail.cn'",
]
MALFORMED_COMMIT = (
    "author a <a@a.invalid> 1 +0000\ncommitter Carol <x> alice.leak@corp-mail.cn +0000\n\nodd\n"
)


def _git_with_a_malformed_commit(community: Path) -> None:
    """The checkout as a Git repository whose last commit's date is an address: reading its history
    fails, and the exception's words quote it."""

    def git(*args: str, stdin: str | None = None) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid"}
        env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t.invalid"}
        done = subprocess.run(
            ["git", *args], cwd=community, input=stdin, capture_output=True, text=True, env=env, check=True
        )
        return done.stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "init")
    head = f"tree {git('rev-parse', 'HEAD^{tree}')}\nparent {git('rev-parse', 'HEAD')}\n" + MALFORMED_COMMIT
    git("update-ref", "HEAD", git("hash-object", "-t", "commit", "--literally", "-w", "--stdin", stdin=head))


@pytest.fixture(scope="module")
def left_out(tmp_path_factory):
    """The hub built around every file, YAML value and quoted value above, and `sigsite check
    --community` (text and JSON) on the same community."""
    root = tmp_path_factory.mktemp("left-out")
    community = make_community(root / "community")
    for name, (content, _) in PUBLISHED_AS_IS.items():
        (community / name).parent.mkdir(parents=True, exist_ok=True)
        (community / name).write_bytes(content)
    readme = community / "sigs/beta/README.md"
    links = " ".join(f"[{n}](files/{n})" for n in (Path(p).name for p in PUBLISHED_AS_IS if "/beta/" in p))
    readme.write_bytes(readme.read_bytes() + f"\n\n## Files\n\n{links}\n".encode())
    note = community / "sigs/alpha/meetings/001-20210304.md"
    note.write_text(note.read_text("utf-8") + "\n* the [deck](m-deck.pdf)\n", "utf-8")
    for name, text in OTHER_TYPES.items():
        path = community / name
        kept = path.read_text("utf-8") if path.exists() and not name.endswith("OWNERS") else ""
        path.write_text(kept + text, "utf-8")
    _git_with_a_malformed_commit(community)
    built = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    return built, _checked(community, "text", "json", "github")


def _planted_addresses() -> list[str]:
    texts = [*OTHER_TYPES.values(), MALFORMED_COMMIT, "set3.leak@corp-mail.cn"]  # the binary's
    found = {a.address.lower() for t in texts for a in find_addresses(t, markdown=False)}
    return sorted(
        found
        | {
            f"{n}.leak@{CORP}"
            for n in "png jpg gif tar tgz pdf rtf txt csv docx pptx xlsx 7z vcf meeting slides".split()
        }
    )


@pytest.mark.parametrize("file", PUBLISHED_AS_IS)
def test_a_file_holding_an_address_is_left_out_with_the_same_error_in_the_build_and_check(left_out, file):
    built, checks = left_out
    assert built.ok, built.result.stderr[-3000:]
    where = f"{file}:{LINES[file]}" if file in LINES else file
    expected = f"{where}: error: {PUBLISHED_AS_IS[file][1]}"
    assert f"data warning: {expected}" in built.result.stderr, expected
    assert checks["text"].returncode == 1 and expected in checks["text"].stdout, expected
    problem = next(p for p in json.loads(checks["json"].stdout)["problems"] if p["file"] == file)
    assert problem["topic"] == "file left out" and problem["severity"] == "error"
    assert not (built.site / file).exists() and not list(built.site.rglob(Path(file).name))


def test_no_output_log_or_annotation_holds_a_planted_address(left_out):
    built, checks = left_out
    planted = _planted_addresses()
    assert len(planted) == 28
    for path in built.site.rglob("*"):
        name = path.relative_to(built.site).as_posix()
        assert CORP not in _as_read(name.encode()), name
        if path.is_file():
            assert CORP not in _as_read(path.read_bytes()), name
    for output in (built.result.stderr, *(c.stdout for c in checks.values())):
        assert not [a for a in planted if a in output.lower()]
        assert "Traceback" not in output
    from material import templates

    themes = [PROJECT / "overrides", Path(templates.__file__).parent]
    public = frozenset({"dev@mindspore.cn"})
    assert leaks_in_site(built.site, public, "mindspore-ai-security-sig.github.io", themes) == []


def test_a_link_to_a_file_left_out_leads_to_its_folder_on_the_forge_and_nothing_breaks(left_out):
    built, _ = left_out
    page = (built.site / "sigs/beta/index.html").read_text("utf-8")
    folder = "https://gitee.com/mindspore/community/blob/master/sigs/beta/files"
    links = re.findall(r'href="([^"]*)"', page.split('id="user-content-files"', 1)[1].split("</p>", 1)[0])
    links = [link for link in links if not link.startswith("#")]  # the heading's own anchor
    assert len(links) == 14 and set(links) == {folder}, links
    assert broken_links(built.site, "/sigsite/hub/") == []
    record = next(built.site.glob("tsc/meetings/2020-06-18*/index.html")).read_text("utf-8")
    assert "MindSpore-TSC-Meeting-Jun-18.pdf" not in record  # its slides are left out, not linked
    note = (built.site / "sigs/alpha/meetings/001-20210304/index.html").read_text("utf-8")
    assert "m-deck.pdf" not in note and "the <a>deck</a>" in note  # the link is dropped, its words kept
    assert "the link to 'm-deck.pdf'" not in built.result.stderr  # the file's own error says why


@pytest.mark.parametrize(("where", "message"), TYPE_ERRORS)
def test_a_yaml_value_of_another_type_is_an_error_at_its_place_and_left_out(left_out, where, message):
    built, checks = left_out
    assert built.ok, built.result.stderr[-3000:]
    expected = f"{where}: {message}"
    assert f"data warning: {expected}" in built.result.stderr, expected
    assert expected in checks["text"].stdout, expected
    file, line, column = where.rsplit(":", 2)
    problem = next(
        p
        for p in json.loads(checks["json"].stdout)["problems"]
        if (p["file"], p["line"], p["column"]) == (file, int(line), int(column))
    )
    assert problem["topic"] == "" and message.split(": ", 1)[1] in problem["message"]  # a part left out


def test_the_rest_of_a_file_with_a_value_of_another_type_is_read(left_out):
    built, _ = left_out
    members = (built.site / "sigs/beta/members/index.html").read_text("utf-8")
    assert "b1" in members and "b5" in members  # each maintainer kept, its name left out
    sigs = json.loads((built.site / "sigs.json").read_text("utf-8"))
    assert "MindSpore Alpha SIG" in json.dumps(sigs)


@pytest.mark.parametrize("quoted", QUOTED)
def test_a_value_quoted_in_a_message_is_masked_in_the_log_check_and_annotations(left_out, quoted):
    built, checks = left_out
    messages = " ".join(p["message"] for p in json.loads(checks["json"].stdout)["problems"])
    for output in (built.result.stderr, checks["text"].stdout, checks["github"].stdout, messages):
        assert quoted in output, quoted


@pytest.mark.build
def test_a_public_mailing_list_before_another_fact_keeps_its_end_in_the_search_index(tmp_path):
    """MkDocs' search joins the text of adjacent tags: a public mailing list written last in a
    group's Contact, followed by its Documents, read `dev@mindspore.cnDocuments` there, an address
    the wall did not know, and one group's ordinary file failed the whole hub's build."""
    community = make_community(tmp_path / "community")
    info = community / "sigs" / "alpha" / "sig-info.yaml"
    text = info.read_text("utf-8")
    assert "mailing_list: TO_BE_CLARIFIED" in text and "channels" not in text
    info.write_text(text.replace("mailing_list: TO_BE_CLARIFIED", "mailing_list: dev@mindspore.cn"), "utf-8")
    built = build_hub(community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.result.returncode == 0, built.result.stderr
    index = (built.site / "search" / "search_index.full.json").read_text("utf-8")
    # A group's home page is stamped (plan/stamps.py): its entry reads each tag as a space.
    assert "Mailing list: dev@mindspore.cn E-mail: e-mail on Gitee" in index  # the next contact


def _checked(community: Path, *outputs: str) -> dict[str, subprocess.CompletedProcess[str]]:
    """`sigsite check --community` of `community`, in each of the `outputs` formats."""
    return {
        output: subprocess.run(
            [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community), "--format", output],
            capture_output=True,
            text=True,
            check=False,
        )
        for output in outputs
    }
