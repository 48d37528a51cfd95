"""Committed files are untrusted: a hostile or odd file cannot run code, inject script or vanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build
from hostile import assert_harmless, assert_refused, project_with
from hostile_files import zipped

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

NOTE = "# Thursday June 04, 2020 at 15:00pm GMT+8\n\n## Agenda\n* Privacy\n\n## Notes\n{notes}\n"


def site_with(tmp_path: Path, files: dict[str, str | bytes]):
    return build(project_with(tmp_path, files))


def test_jinja_in_a_note_is_text_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    payloads = [
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}",
        "{{ lipsum.__globals__['os'].popen('touch " + str(marker) + "').read() }}",
        "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "{{ config.repo_url }} {{ 'evaluated' ~ 7 * 7 }}",
    ]
    note = "---\nrender_macros: true\n---\n" + NOTE.format(notes="\n".join(f"* `{p}`" for p in payloads))
    result = site_with(tmp_path, {"meetings/005-20201001.md": note})
    assert result.ok, result.result.stderr
    assert not marker.exists()
    text = result.article("meetings/005-20201001/index.html").get_text()
    for payload in payloads:
        assert payload in text
    assert "evaluated49" not in text  # a marker no temporary path can hold by chance


def test_raw_html_in_a_note_is_sanitized(tmp_path):
    notes = "\n".join(
        [
            "<script>alert('script')</script>",
            '<img src="https://example.org/a.png" alt="chart" onerror="alert(1)">',
            '<p onclick="alert(2)" style="color:red">styled</p>',
            '<iframe src="https://example.org"></iframe>',
            "",
            "| a | b |",
            "|---|---|",
            "| 1 | 2 |",
            "",
            "<details><summary>More</summary>hidden text</details>",
            "",
            "<div data-sigsite-late></div>",  # the late HTML's slot: no way around the sanitizer
        ]
    )
    result = site_with(tmp_path, {"meetings/005-20201001.md": NOTE.format(notes=notes)})
    assert result.ok, result.result.stderr
    article = result.article("meetings/005-20201001/index.html")
    html = str(article)
    assert "alert" not in html and "<iframe" not in html and "style=" not in html
    assert article.select_one("img") is None  # hosted elsewhere: a link, not a request
    assert article.select_one('a.sig-external-image[href="https://example.org/a.png"]').get_text() == "chart"
    assert article.select_one("table td").get_text() == "1"
    assert article.select_one("details summary").get_text() == "More"
    assert "styled" in article.get_text()
    assert article.select_one(".sig-roster") is None


def test_hostile_heading_cannot_reach_the_table_of_contents(tmp_path):
    notes = "## <img src=https://example.org/x.png onerror=alert(1)> Risky heading\n\ntext"
    result = site_with(tmp_path, {"meetings/005-20201001.md": NOTE.format(notes=notes)})
    assert result.ok, result.result.stderr
    page = (result.site / "meetings/005-20201001/index.html").read_text("utf-8")
    assert "onerror" not in page
    assert "Risky heading" in page


def test_yaml_values_are_escaped_everywhere(tmp_path):
    members = (
        "Maintainers:\n"
        "- name: <script>alert(1)</script>\n"
        '  gitee_home: https://example.org/evil"onmouseover="alert(2)\n'
        '  interest: "</p><img src=x onerror=alert(3)>"\n'
    )
    note = (
        '---\ntitle: "</title><script>alert(4)</script>"\nsummary: "<b onclick=alert(5)>bold</b>"\n---\n'
        + NOTE.format(notes="* ok")
    )
    result = site_with(tmp_path, {"sig_members.yaml": members, "meetings/005-20201001.md": note})
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
    card = result.article("members/index.html").select_one(".sig-person")
    assert card.select_one(".sig-person__name").get_text() == "<script>alert(1)</script>"
    assert card.select_one("a")["href"] == 'https://example.org/evil"onmouseover="alert(2)'
    page = result.html("meetings/005-20201001/index.html")
    assert page.select_one("h1").get_text(strip=True).startswith("</title><script>alert(4)</script>")
    assert page.title.get_text().startswith("</title><script>alert(4)</script>")  # inert text
    archive = result.article("meetings/index.html")
    assert "<b onclick=alert(5)>bold</b>" in archive.get_text()


def test_odd_but_valid_inputs_build(tmp_path):
    long_notes = "\n".join(
        f"* 第{i}项：差分隐私训练，联邦学习（讨论）。Item {i} of a long note." for i in range(20000)
    )
    files: dict[str, str | bytes] = {
        "meetings/005-20201001.md": NOTE.format(notes=long_notes),
        "meetings/006-20201008.md": ("\ufeff" + NOTE.format(notes="* BOM first")).encode("utf-8"),
        "meetings/007-20201015.md": NOTE.format(notes="* CRLF line").replace("\n", "\r\n").encode("utf-8"),
        "meetings/008-20201022.md": "# 2020年10月22日 星期四 15:00\n\n## 议程\n* 模型混淆，加密；讨论！\n",
        "meetings/2020-10-22 双周例会.pptx": zipped({"ppt/media/data.bin": bytes(range(256)) * 40}),
    }
    assert len(files["meetings/005-20201001.md"]) > 1_000_000
    result = site_with(tmp_path, files)
    assert result.ok, result.result.stderr
    assert "WARNING" not in result.result.stderr
    for slug in ("006-20201008", "007-20201015"):
        assert (result.site / "meetings" / slug / "index.html").is_file()
    assert (result.site / "zh" / "meetings" / "005-20201001" / "index.html").is_file()  # mostly Chinese
    assert "BOM first" in result.article("meetings/006-20201008/index.html").get_text()
    # A Chinese note is published once, in the Chinese tree.
    assert "模型混淆" in result.article("zh/meetings/008-20201022/index.html").get_text()
    assert not (result.site / "meetings" / "008-20201022").exists()
    archive = result.article("meetings/index.html")
    assert any("双周例会.pptx" in a.get_text() for a in archive.select(".sig-files a"))
    assert (result.site / "meetings" / "2020-10-22 双周例会.pptx").read_bytes() == files[
        "meetings/2020-10-22 双周例会.pptx"
    ]


BAD = {
    "yaml syntax": ({"sig_members.yaml": "Maintainers:\n- name: [A\n"}, "sig_members.yaml:"),
    "duplicate key": ({"sig_members.yaml": "Maintainers:\n- name: A\n  name: B\n"}, "sig_members.yaml:3:3"),
    "unknown role": ({"sig_members.yaml": "Maintainer:\n- name: A\n"}, "did you mean 'Maintainers'?"),
    "no name": ({"sig_members.yaml": "Maintainers:\n- gitee_home: https://gitee.com/a\n"}, "has no 'name'"),
    "javascript link": (
        {"meetings/005-20201001.md": NOTE.format(notes="[x](javascript:alert(1))")},
        "meetings/005-20201001.md:7:5",
    ),
    "no date": ({"meetings/notes.md": NOTE.format(notes="* x")}, "meetings/notes.md: error: cannot tell"),
    "not utf-8": ({"meetings/005-20201001.md": b"# T\n\xff\n"}, "byte 0xff at byte offset 4"),
    "front matter": ({"meetings/005-20201001.md": "---\ntitel: x\n---\n# T\n"}, "unknown key 'titel'"),
    "page in the way": (
        {"meetings/005-20201001.md": NOTE.format(notes="* x"), "docs/meetings/005-20201001.md": "# Mine\n"},
        "docs/meetings/005-20201001.md has the address of a file that sigsite generates",
    ),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_refused_with_a_clear_message(tmp_path, case):
    """What the loader refuses, `sigsite check` and the build refuse alike (test_security proves the
    build on one case of each kind); a docs page in the way is the build's alone to see."""
    files, expected = BAD[case]
    if case == "page in the way":
        result = site_with(tmp_path, files)
        assert not result.ok and expected in result.result.stderr
        assert "Traceback" not in result.result.stderr + result.result.stdout
    else:
        assert_refused(project_with(tmp_path, files), expected)
