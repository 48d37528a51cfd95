"""A committer as attacker: each class of attack on the landed site, tried through real builds.

Every hostile file either fails `sigsite check` and the build with the same file:line message,
or builds into pages that carry no script, no foreign id, no unsafe address and no e-mail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import EMAIL, build, make_project
from costs import seconds_of
from hostile import assert_build_refuses, assert_harmless, assert_refused, project_with

from sigsite.loader import Sources, load_sig

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

NOTE = "# Thursday October 1, 2020 at 15:00 GMT+8\n\n## Agenda\n* Privacy\n\n## Notes\n{notes}\n"
# 1. Attributes, ids and classes set by a note -------------------------------------------------


def test_a_note_cannot_set_the_themes_ids_or_script_through_attributes(tmp_path):
    notes = "\n".join(
        [
            '## Notes again {: #x"><script/@>alert(1)</script/@> }',
            "",
            "Rewritten configuration {: #__config }",
            "",
            '<div id="__config" class="md-header sig-roster">{"base": "https://evil.example"}</div>',
            "",
            '<span id="__search">search</span> [back up](#agenda)',
            "",
            "## <img src=https://example.org/x.png onerror=alert(2)> Risky {: .md-dialog #__drawer }",
        ]
    )
    project = project_with(tmp_path, {"meetings/005-20201001.md": NOTE.format(notes=notes)})
    result = build(project)
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
    page = result.html("meetings/005-20201001/index.html")
    article = page.select_one("article")
    # Every id of the note is in its own namespace; in-page links follow it.
    assert {e["id"] for e in article.select("h2[id]")} >= {"user-content-agenda", "user-content-notes"}
    assert "back up" in [a.get_text() for a in article.select('a[href="#user-content-agenda"]')]
    assert not article.select(".md-header, .md-dialog, .sig-roster")
    assert "Rewritten configuration {: #__config }" in article.get_text()  # the forge has no attr_list
    # The table of contents: text titles, namespaced ids, nothing else.
    toc = page.select(".md-nav--secondary a.md-nav__link")
    assert toc and all(a["href"].startswith("#user-content-") for a in toc)
    assert all(page.select_one(f"[id='{a['href'][1:]}']") is not None for a in toc)
    assert not page.select(".md-nav--secondary img, .md-nav--secondary script")


# 2. Addresses written from data are checked once resolved -------------------------------------


ADDRESS_CASES = {
    "slides made relative": (
        {
            "meetings/005-20240105.md": "---\nslides: 005-20240105/javascript:alert(1)\n---\n"
            + NOTE.format(notes="x")
        },
        "meetings/005-20240105.md:2: error: slides '005-20240105/javascript:alert(1)' is neither",
    ),
    "video": (
        {
            "meetings/005-20240105.md": '---\nvideo: "javascript:alert(1)//https://"\n---\n'
            + NOTE.format(notes="x")
        },
        "meetings/005-20240105.md:2: error: 'video' is not a web address",
    ),
    "external link": (
        {"meetings/2022-03-15-forecast.md": "---\ndate: 2022-03-15\nlink: https:x\n---\n"},
        "meetings/2022-03-15-forecast.md:3: error: link 'https:x' is not a web address",
    ),
    "gitee home": (
        {"sig_members.yaml": "Maintainers:\n- name: A\n  gitee_home: javascript:alert(1)\n"},
        "sig_members.yaml:3: error: 'Maintainers' > entry 1 > 'gitee_home' is not a web address",
    ),
    "meeting pad": (
        {"sig-info.yaml": "name: S\nmeeting_url: data:text/html,<script>alert(1)</script>\n"},
        "sig-info.yaml:2: error: meeting_url 'data:text/html,<script>alert(1)</script>' is not",
    ),
}


@pytest.mark.parametrize("case", ADDRESS_CASES)
def test_an_address_from_data_must_be_a_web_address_or_a_published_file(tmp_path, case):
    files, expected = ADDRESS_CASES[case]
    assert_refused(project_with(tmp_path, files), expected)


def test_addresses_made_from_file_names_stay_on_the_site(tmp_path):
    files = {
        "meetings/javascript:alert(1).pdf": b"%PDF-1.4\n",
        "meetings/005-20240105.md": "---\nslides: javascript:alert(1).pdf\n---\n" + NOTE.format(notes="x"),
        "sig-info.yaml": "name: S\nrepositories:\n- repo: ['javascript:alert(1)', mindspore/mindarmour]\n",
    }
    result = build(project_with(tmp_path, files))
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
    header = result.article("meetings/005-20240105/index.html").select_one(".sig-meeting-meta")
    slides = header.select_one("a")
    assert slides.get_text() == "javascript:alert(1).pdf" and urlsplit(slides["href"]).scheme == ""
    repositories = result.article("index.html").select(".sig-repos li")
    assert [li.select_one("a") is None for li in repositories] == [True, False]


# 3. Files: no symbolic links, only inert types --------------------------------------------------


@pytest.mark.parametrize(
    ("symlinks", "expected"),
    [
        ({"meetings/006-20201008.md": "/etc/passwd"}, "meetings/006-20201008.md: error: is a symbolic link"),
        ({"meetings/leak.pdf": "/proc/self/environ"}, "meetings/leak.pdf: error: is a symbolic link"),
        (
            {"sig_members.yaml": "/etc/hostname"},
            "sig_members.yaml: error: sig_members.yaml is a symbolic link",
        ),
        ({"meetings": "/etc"}, "meetings: error: meetings is a symbolic link"),
    ],
    ids=["note", "attachment", "members file", "meetings folder"],
)
def test_symbolic_links_are_never_followed(tmp_path, symlinks, expected):
    assert_refused(project_with(tmp_path, {}, symlinks=symlinks), expected)


@pytest.mark.parametrize("name", ["deck.html", "chart.svg", "x.js", "feed.xml", "page.xhtml", "run.sh"])
def test_only_inert_file_types_are_published(tmp_path, name):
    project = project_with(tmp_path, {f"meetings/{name}": "<script>alert(1)</script>"})
    suffix = Path(name).suffix
    assert_refused(project, f"meetings/{name}: error: {suffix} files are not published")
    assert "export slides or pages to PDF" in build(project).result.stderr


@pytest.mark.parametrize(
    "name", ["deck.html.xz", "x.js.gz", "chart.svg.gz", "page.xhtml.bz2", "notes.txt.gz", "list.csv.xz"]
)
def test_a_compressed_page_script_or_text_is_not_published(tmp_path, name):
    """`mkdocs serve` (and other servers) hand out `deck.html.xz` as the HTML inside it; the text
    inside `notes.txt.gz` could hold an address that no check reads."""
    project = project_with(tmp_path, {f"meetings/{name}": b"\xfd7zXZ\x00"})
    expected = f"meetings/{name}: error: a compressed page, image, script or text is not published"
    assert_refused(project, expected)


# 4. Cost bounded by size (what is refused; what is published in linear time: test_cost.py) ----

COSTLY = {
    "nested list markers": (
        "- " * 1500 + "x",
        "meetings/005-20201001.md:7: error: lists, quotes or indentation",
    ),
    "nested indentation": (
        "\n".join("    " * i + "- x" for i in range(400)),
        "meetings/005-20201001.md:23: error: lists, quotes or indentation are nested 33",
    ),
    "nested markdown blocks": (
        '<div markdown="1">\n' * 400 + "x\n" + "</div>\n" * 400,
        "meetings/005-20201001.md:71: error: HTML elements are nested 65 deep",
    ),
}  # Shapes the renderer reads in linear time are published: tests/test_cost.py


@pytest.mark.parametrize("case", COSTLY)
def test_inputs_that_would_cost_far_more_than_their_size_are_refused_quickly(tmp_path, case):
    notes, expected = COSTLY[case]
    project = project_with(tmp_path, {"meetings/005-20201001.md": NOTE.format(notes=notes)})
    started = time.monotonic()
    assert_refused(project, expected)
    assert time.monotonic() - started < 60  # two processes; unbounded, these take minutes or crash


def test_linear_lints_on_long_runs(tmp_path):
    """Inputs built to make a backtracking regular expression quadratic are read in linear time."""
    runs = [
        "\n".join(["href=" + " " * 60000 + ":"] * 5),
        "](" + " " * 200000,
        "a" * 300000 + "@",
        "<" + "a" * 300000,
        "[x]:" + " " * 200000 + "y",
        "# " + "Monday " * 40000,
        *(char * 100000 for char in "[]()<>!#*_-`~:=|{}@&\\ \t/."),
        *(pair * 50000 for pair in ("<a", "[x", "](", "a@", "- ", "> ", "{:", "&#", "h:")),
    ]
    for index, text in enumerate(runs):
        (tmp_path / "meetings").mkdir(exist_ok=True)
        (tmp_path / "meetings" / f"{index + 1:03d}-20201001.md").write_text(text, "utf-8")
    seconds = seconds_of(lambda: load_sig(Sources(tmp_path)), 20)
    assert seconds < 20, "a lint is not linear"  # about 8 s; quadratic: hours


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nMaintainers: [*c, *c, *c]\n",
            "sig_members.yaml:2:8: error: an alias (*name) repeats a value",
        ),
        ("Maintainers:\n- name: " + "[" * 100000 + "]" * 100000 + "\n", "sig_members.yaml:2:"),
        (
            "Maintainers:\n- &p {name: A}\nCommitters:\n- <<: *p\n",
            "sig_members.yaml:4:7: error: an alias (*name) repeats a value",
        ),
    ],
    ids=["alias bomb", "deep nesting", "merge key"],
)
def test_yaml_amplification_and_depth_are_refused(tmp_path, members, expected):
    assert_refused(project_with(tmp_path, {"sig_members.yaml": members}), expected)


def test_a_large_sig_info_of_aliases_does_not_render_megabytes(tmp_path):
    people = "\n".join(f"  - &p{i} {{gitee_id: user{i}, name: Person {i}}}" for i in range(50))
    aliases = ", ".join(f"*p{i}" for i in range(50))
    repositories = "\n".join(
        f"- repo: [r{i}]\n  committers: [{aliases}]\n  contributors: [{aliases}]" for i in range(100)
    )
    info = f"name: S\nmentors:\n{people}\nrepositories:\n{repositories}\n"
    assert_refused(project_with(tmp_path, {"sig-info.yaml": info}), "error: an alias (*name) repeats a value")


# 5. Every failure is a problem of its file, never a traceback ----------------------------------

BROKEN = {
    "zone folder": ("timezone: America", "meetings/005-20201001.md:2: error: unknown time zone 'America'"),
    "zone path": ("timezone: ../../etc/passwd", "meetings/005-20201001.md:2: error: unknown time zone"),
    "year 1": ("date: 0001-01-01", "meetings/005-20201001.md:2: error: date 0001-01-01 is not between 1970"),
    "year 9999": (
        "date: 9999-12-31\ntimezone: America/Los_Angeles",
        "meetings/005-20201001.md:2: error: date 9999-12-31 is not between 1970",
    ),
    "control in title": (
        'title: "A\\x01B"',
        "meetings/005-20201001.md:2:8: error: the value holds the control",
    ),
    "delete in summary": (
        'summary: "A\\x7fB"',
        "meetings/005-20201001.md:2:10: error: the value holds the control",
    ),
    "deep summary": (
        "summary: " + "{a: " * 900 + "1" + "}" * 900,
        "meetings/005-20201001.md:2:",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_odd_front_matter_is_a_problem_of_its_file(tmp_path, case):
    front, expected = BROKEN[case]
    note = f"---\n{front}\n---\n" + NOTE.format(notes="* x")
    assert_refused(project_with(tmp_path, {"meetings/005-20201001.md": note}), expected)


def test_an_unforeseen_failure_is_a_problem_of_its_file(tmp_path, monkeypatch):
    """Whatever odd input finds next, the file that caused it is named and nothing is raised."""

    def fail(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    project = make_project(tmp_path / "project")
    monkeypatch.setattr("sigsite.notes.note._parse_meeting", fail)
    monkeypatch.setattr("sigsite.loader.read_members_file", fail)
    _, problems = load_sig(Sources(project))
    failed = {p.file for p in problems.errors if "could not be read (RecursionError" in p.message}
    assert failed == {"sig_members.yaml"} | {
        f"meetings/{p.name}" for p in (project / "meetings").glob("*.md")
    }


def test_a_raw_control_character_is_a_problem_of_its_file(tmp_path):
    note = NOTE.format(notes="* bell \x07 here")
    assert_refused(
        project_with(tmp_path, {"meetings/005-20201001.md": note}),
        "meetings/005-20201001.md:7:8: error: the file holds the control character U+0007",
    )


# 6. No personal e-mail address in any output -------------------------------------------------


def test_personal_addresses_in_notes_are_withheld_everywhere(tmp_path):
    note = (
        "---\ntitle: Sync with jane.doe@example.org\nsummary: Ask bob@example.cn\n---\n"
        "# Thursday June 04, 2020 at 15:00pm GMT+8\n\n## Agenda\n* Review by carol@example.com\n\n"
        "## Conference links\n* https://meet.example.org/j/1?organizer=dave@example.org\n\n"
        "## Attendees\n* Eve <eve@example.net>\n\n## Notes\n* Write to [Frank](mailto:frank@example.org)\n"
        "* The list: security-sig@mindspore.cn\n"
    )
    project = project_with(tmp_path, {"meetings/005-20201001.md": note})
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text("utf-8").replace(
            "      timezone: Asia/Shanghai\n",
            "      timezone: Asia/Shanghai\n      public_emails: [security-sig@mindspore.cn]\n",
        ),
        "utf-8",
    )
    result = build(project)
    assert result.ok, result.result.stderr
    written = set(EMAIL.findall(note.encode())) - {b"security-sig@mindspore.cn"}
    assert len(written) == 6
    for path in result.site.rglob("*"):
        if path.is_file():
            leaked = written & set(EMAIL.findall(path.read_bytes()))
            assert not leaked, f"{path}: {leaked}"
    assert b"security-sig@mindspore.cn" in (result.site / "meetings/005-20201001/index.html").read_bytes()
    warnings = [line for line in result.result.stderr.splitlines() if "is withheld from the site" in line]
    assert len(warnings) == 6, warnings
    assert (
        "meetings/005-20201001.md:2: warning: the personal e-mail address j…@example.org"
        in result.result.stderr
    )


def test_addresses_in_shown_yaml_text_are_withheld(tmp_path):
    members = (
        "Maintainers:\n- name: Ann (ann@example.org)\n  interest: privacy; mail ann@example.org\n"
        "  email: ann@example.org\n"
    )
    result = build(project_with(tmp_path, {"sig_members.yaml": members}))
    assert result.ok, result.result.stderr
    for path in result.site.rglob("*"):
        assert not path.is_file() or b"ann@example.org" not in path.read_bytes(), path
    assert "sig_members.yaml:2: warning: the personal e-mail address a…@example.org is withheld" in (
        result.result.stderr
    )
    assert "ann@example.org" not in result.result.stderr  # build logs are public too


# 7. No request to a third party ---------------------------------------------------------------


def test_images_hosted_elsewhere_become_links(tmp_path):
    notes = '![pixel](https://tracker.example/p.gif)\n\n<img src="https://tracker.example/q.gif" alt="">\n'
    result = build(project_with(tmp_path, {"meetings/005-20201001.md": NOTE.format(notes=notes)}))
    assert result.ok, result.result.stderr
    for path in result.site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        for image in soup.select("img[src]"):
            assert not urlsplit(image["src"]).netloc, f"{path}: {image}"
    links = result.article("meetings/005-20201001/index.html").select("a.sig-external-image")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("https://tracker.example/p.gif", "pixel"),
        ("https://tracker.example/q.gif", "https://tracker.example/q.gif"),
    ]


# 8. One address, one source --------------------------------------------------------------------


def test_a_note_cannot_take_the_address_of_a_generated_page(tmp_path):
    note = "---\ndate: 2020-10-01\n---\n" + NOTE.format(notes="* x")
    assert_refused(
        project_with(tmp_path, {"meetings/2020.md": note}),
        "meetings/2020.md: error: the address meetings/2020/ belongs to the archive's own pages",
    )


def test_two_notes_cannot_share_an_address(tmp_path):
    note = NOTE.format(notes="* x")
    files = {
        "meetings/005-20201001.md": note,
        "meetings/005-20201001.markdown": "---\ndate: 2020-10-01\n---\n" + note,
    }
    assert_refused(
        project_with(tmp_path, files),
        "meetings/005-20201001.md: error: has the same address, meetings/005-20201001/, "
        "as meetings/005-20201001.markdown",
    )


def test_a_docs_page_cannot_take_the_address_of_a_year_page(tmp_path):
    result = build(project_with(tmp_path, {"docs/meetings/2020.md": "# Mine\n"}))
    assert not result.ok
    assert "docs/meetings/2020.md has the address of a file that sigsite generates" in result.result.stderr
    assert "Traceback" not in result.result.stderr


# 9. Look-alike forge hosts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "home",
    [
        "https://evilgitee.com/randywangze",
        "https://gitee.com.evil.example/randywangze",
        "https://gitee.com@evil.example/randywangze",
    ],
)
def test_a_look_alike_gitee_address_is_not_merged_with_a_member(tmp_path, home):
    members = (
        "Maintainers:\n- name: Ze Wang\n  gitee_home: https://gitee.com/randywangze\n"
        f"Contributors:\n- name: Impostor\n  gitee_home: {home}\n"
    )
    (tmp_path / "sig_members.yaml").write_text(members, "utf-8")
    data, problems = load_sig(Sources(tmp_path))
    assert sorted(p.name for p in data.people) == ["Impostor", "Ze Wang"]
    assert next(p for p in data.people if p.name == "Ze Wang").roles == ("Maintainer",)
    assert not [p for p in problems.warnings if "named" in p.message]


def test_the_real_gitee_hosts_are_one_identity(tmp_path):
    members = (
        "Maintainers:\n- name: Ze Wang\n  gitee_home: https://gitee.com/randywangze\n"
        "Contributors:\n- name: Ze Wang\n  gitee_home: https://WWW.Gitee.com/randywangze/\n"
    )
    (tmp_path / "sig_members.yaml").write_text(members, "utf-8")
    data, _ = load_sig(Sources(tmp_path))
    assert [(p.name, p.roles) for p in data.people] == [("Ze Wang", ("Maintainer", "Contributor"))]


# 10. What used to stop the build with a traceback is a problem of its file -----------------------

FORMER_TRACEBACKS = {
    "malformed IPv6 host in a note": (
        {"meetings/005-20201001.md": NOTE.format(notes="[x](http://[oops/)")},
        "meetings/005-20201001.md:7:5: error: a link's address cannot be read",
    ),
    "malformed IPv6 host in front matter": (
        {"meetings/005-20201001.md": "---\nvideo: http://[oops/\n---\n" + NOTE.format(notes="x")},
        "meetings/005-20201001.md:2: error: video 'http://[oops/' is not a web address",
    ),
    "malformed IPv6 host as an account": (
        {"sig_members.yaml": "Maintainers:\n- name: A\n  gitee_home: http://[oops/\n"},
        "sig_members.yaml:3: error: gitee_home 'http://[oops/' is not a web address that can be read",
    ),
    "line break in an external session's link": (
        {"meetings/2022-03-15-x.md": '---\ndate: 2022-03-15\nlink: "https://a.org/x\\r\\n::error::x"\n---\n'},
        "meetings/2022-03-15-x.md:3: error: link 'https://a.org/x\\r\\n::error::x' is not a web address",
    ),
    "a note named like a file beside it": (
        {
            "meetings/x.pdf.md": "---\ndate: 2020-06-04\n---\n" + NOTE.format(notes="x"),
            "meetings/x.pdf": b"%PDF",
        },
        "meetings/x.pdf.md: error: its page's address, meetings/x.pdf/, is the address of the file x.pdf",
    ),
    "a relative link to a missing file": (
        {"meetings/005-20201001.md": NOTE.format(notes="See [the slides](slides.pdf).")},
        "meetings/005-20201001.md:7: error: the link to 'slides.pdf' leads to no note or file",
    ),
    "a control character in a file name": (
        {"meetings/slides\x01.pdf": b"%PDF"},
        "meetings/slides\\x01.pdf: error: the name holds a control character",
    ),
}


@pytest.mark.parametrize("case", FORMER_TRACEBACKS)
def test_what_raised_a_traceback_is_a_problem_of_its_file(tmp_path, case):
    files, expected = FORMER_TRACEBACKS[case]
    assert_refused(project_with(tmp_path, files), expected)


def test_a_file_name_that_is_not_utf8_is_a_problem_of_its_file(tmp_path):
    project = project_with(tmp_path, {})
    with open(os.fsencode(project / "meetings") + b"/slides\xff.pdf", "wb") as file:
        file.write(b"%PDF")
    assert_refused(project, "meetings/slides\\udcff.pdf: error: the name holds a control character or bytes")


def test_no_value_can_start_a_log_line(tmp_path):
    """GitHub reads a line that starts with `::` as a workflow command, from any step's output."""
    info = 'name: S\nrepositories:\n- repo:\n  - "mindspore/x\\n::error file=a::forged\\n::add-mask::x"\n'
    project = project_with(tmp_path, {"sig-info.yaml": info})
    result = build(project)
    assert result.ok, result.result.stderr
    for output in (
        result.result.stderr,
        subprocess.run(
            [sys.executable, "-m", "sigsite.cli", "check", str(project)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout,
    ):
        assert "mindspore/x\\n::error file=a::forged" in output  # shown, escaped, on its own line
        assert not [line for line in output.splitlines() if line.lstrip().startswith("::")]
    github = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", str(project), "--format", "github"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert [line.split(" ", 1)[0] for line in github.splitlines() if line.startswith("::")] == ["::warning"]


def test_the_policy_check_finds_inline_scripts_by_parsing_in_any_letter_case():
    from sigsite.adapters.csp import inline_scripts

    page = (
        '<SCRIPT>a()</SCRIPT><script src="x.js"></script><script type="application/json">{}</script>'
        '<ScRiPt data-x="a>b">b()</sCrIpT ><script\ttype="module">c()</script>'
        "<scripts>no</scripts><script>d()"
    )
    assert list(inline_scripts(page)) == ["a()", "b()", "c()", "d()"]


# 11. The build refuses what `sigsite check` refuses: one case of each kind ---------------------

BUILD_REFUSES = {
    "an address": ADDRESS_CASES["gitee home"],
    "costly nesting": (
        {"meetings/005-20201001.md": NOTE.format(notes=COSTLY["nested list markers"][0])},
        COSTLY["nested list markers"][1],
    ),
    "odd front matter": (
        {"meetings/005-20201001.md": f"---\n{BROKEN['zone folder'][0]}\n---\n" + NOTE.format(notes="* x")},
        BROKEN["zone folder"][1],
    ),
    "a former traceback": FORMER_TRACEBACKS["malformed IPv6 host in a note"],
    "a file type": (
        {"meetings/deck.html": "<script>alert(1)</script>"},
        "meetings/deck.html: error: .html files",
    ),
}


@pytest.mark.parametrize("case", BUILD_REFUSES)
def test_the_build_refuses_what_check_refuses_with_the_same_message(tmp_path, case):
    files, expected = BUILD_REFUSES[case]
    assert_build_refuses(project_with(tmp_path, files), expected)


def test_the_build_never_follows_a_symbolic_link(tmp_path):
    project = project_with(tmp_path, {}, symlinks={"meetings/005-20201001.md": "/etc/hostname"})
    assert_build_refuses(project, "meetings/005-20201001.md: error: is a symbolic link")


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\x9b", "U+009B"), ("\\x85", "U+0085"), ("\\u202e", "U+202E"), ("\\u2066", "U+2066")],
)
def test_a_c1_or_bidirectional_control_in_a_yaml_value_is_reported_and_left_out(escape, code):
    """A C1 control (U+0085 is a line break to YAML: front matter made of the value breaks) or a
    bidirectional override (`Eve\\u202egnp.exe` shows reversed) is read as no other control is:
    an error at its line, the value read without it."""
    from sigsite.problems import Problems, Severity, printable
    from sigsite.yaml_source import load_yaml

    problems = Problems()
    value = load_yaml(f'name: "Al{escape}pha"\n', "sig-info.yaml", problems)
    assert value == {"name": "Alpha"}
    (problem,) = problems.items
    assert problem.severity is Severity.ERROR and f"the control character {code}" in problem.format()
    assert printable("Eve\u202egnp.exe\u2066") == "Eve\\u202egnp.exe\\u2066"
