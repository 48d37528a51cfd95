"""Every check of `sigsite check`, each on a small fixture, with the exact file, line and message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sigsite.loader import Sources, load_sig
from sigsite.problems import Problem, Severity

MEMBERS = "Maintainers:\n- name: Ze Wang\n  gitee_home: https://gitee.com/randywangze\n"
NOTE = "# Thursday June 04, 2020 at 15:00pm GMT+8\n\n## Agenda\n* Privacy\n\n## Notes\n* Agreed.\n"


def sig_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    """A SIG folder with a valid members file and note, overridden by `files`."""
    contents: dict[str, str | bytes] = {"sig_members.yaml": MEMBERS, "meetings/001-20200604.md": NOTE}
    contents.update(files)
    for name, content in contents.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return root


def problems_of(root: Path, files: dict[str, str | bytes]) -> list[Problem]:
    _, problems = load_sig(Sources(sig_folder(root, files)))
    return problems.sorted()


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_valid_folder_has_no_problem(tmp_path):
    assert problems_of(tmp_path, {}) == []


# --- errors -------------------------------------------------------------------------------------


def test_yaml_syntax_error(tmp_path):
    problem = only(problems_of(tmp_path, {"sig_members.yaml": "Maintainers:\n- name: A\n  gitee_home: [x\n"}))
    assert problem.severity is Severity.ERROR
    assert (problem.file, problem.line) == ("sig_members.yaml", 4)
    assert problem.message.startswith("YAML syntax error:")


def test_duplicate_key(tmp_path):
    members = "Maintainers:\n- name: A\n  name: B\n  gitee_home: https://gitee.com/a\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert problem.format() == (
        "sig_members.yaml:3:3: error: duplicate key 'name' (first on line 2); YAML keeps only the last "
        "one, so the first is lost (merge the two entries into one)"
    )


def test_duplicate_role_list(tmp_path):
    members = MEMBERS + "Maintainers:\n- name: Mr. Jin\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert (problem.line, problem.severity) == (4, Severity.ERROR)
    assert "duplicate key 'Maintainers' (first on line 1)" in problem.message


def test_unknown_role_suggests_the_right_one(tmp_path):
    problem = only(problems_of(tmp_path, {"sig_members.yaml": "Maintainer:\n- name: A\n"}))
    assert problem.format() == (
        "sig_members.yaml:1: error: unknown key 'Maintainer' in the file (did you mean 'Maintainers'?)"
    )


def test_unknown_entry_key_suggests_the_right_one(tmp_path):
    members = "Committers:\n- name: A\n  gitee_hme: https://gitee.com/a\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert problem.format() == (
        "sig_members.yaml:3: error: unknown key 'gitee_hme' in 'Committers' > entry 1 "
        "(did you mean 'gitee_home'?)"
    )


def test_entry_without_a_name(tmp_path):
    members = MEMBERS + "Committers:\n- gitee_home: https://gitee.com/a\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert problem.format() == "sig_members.yaml:5: error: 'Committers' > entry 1 has no 'name' (add 'name:')"


def test_members_link_with_a_forbidden_scheme(tmp_path):
    members = "Maintainers:\n- name: A\n  gitee_home: javascript:alert(1)\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert (problem.file, problem.line, problem.severity) == ("sig_members.yaml", 3, Severity.ERROR)
    assert (
        problem.message
        == "'Maintainers' > entry 1 > 'gitee_home' is not a web address: 'javascript:alert(1)'"
    )


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("* [slides](javascript:alert(1))", 12),
        ("* ![x](data:text/html;base64,PHNjcmlwdD4=)", 8),
        ('<a href="javascript:alert(1)">x</a>', 10),
        ("<vbscript:msgbox>", 2),
    ],
)
def test_note_link_with_a_forbidden_scheme(tmp_path, line, column):
    note = NOTE.replace("* Agreed.", line)
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": note}))
    assert (problem.file, problem.line, problem.column) == ("meetings/001-20200604.md", 7, column)
    assert problem.severity is Severity.ERROR
    assert "scheme, which is not allowed" in problem.message


def test_note_links_in_code_blocks_are_not_links(tmp_path):
    note = NOTE + "\n```\n[x](javascript:void)\n```\n"
    assert problems_of(tmp_path, {"meetings/001-20200604.md": note}) == []


def test_file_name_without_a_date(tmp_path):
    problem = only(problems_of(tmp_path, {"meetings/notes.md": NOTE}))
    assert problem.format() == (
        "meetings/notes.md: error: cannot tell the meeting's date (name the file NNN-YYYYMMDD.md "
        "(e.g. 005-20221006.md) or add 'date: YYYY-MM-DD' to its front matter)"
    )


def test_date_in_front_matter_rescues_a_free_file_name(tmp_path):
    note = "---\ndate: 2020-06-05\ntitle: Extra session\n---\n" + NOTE
    assert problems_of(tmp_path, {"meetings/extra-session.md": note}) == []


def test_impossible_calendar_date(tmp_path):
    problems = problems_of(tmp_path, {"meetings/002-20210230.md": NOTE})
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert only(errors).format() == (
        "meetings/002-20210230.md: error: '20210230' in the file name is not a real date "
        "(name the file NNN-YYYYMMDD.md with the meeting's date)"
    )


def test_not_utf8_names_the_byte_offset(tmp_path):
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": b"# Title\n\n## Agenda\n* caf\xe9\n"}))
    assert problem.format() == (
        "meetings/001-20200604.md:4: error: the file is not valid UTF-8: byte 0xe9 at byte offset 24 "
        "(save the file as UTF-8 (most editors offer it under 'Save with encoding'); "
        "the hub shows such bytes as \ufffd)"
    )


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("title: A\n", 1, "the front matter that starts on line 1 is never closed"),
        ("---\ntitle: [A\n---\n", 3, "YAML syntax error: did not find expected ',' or ']'"),
        ("---\n- a list\n---\n", 2, "the front matter must be 'key: value' lines"),
        ("---\ntitel: A\n---\n", 2, "unknown key 'titel' in the file"),
        ('---\ntime: "25:00"\n---\n', 2, "time '25:00' is not HH:MM"),
        ("---\ntimezone: Mars/Olympus\n---\n", 2, "unknown time zone 'Mars/Olympus'"),
        ("---\nduration: long\n---\n", 2, "'duration' must be a whole number"),
        ("---\nvideo: ftp://x/y\n---\n", 2, "'video' is not a web address: 'ftp://x/y'"),
    ],
)
def test_invalid_front_matter(tmp_path, front, line, message):
    if not front.startswith("---"):
        front = "---\n" + front
    problems = problems_of(tmp_path, {"meetings/001-20200604.md": front + NOTE})
    errors = [p for p in problems if p.severity is Severity.ERROR]
    problem = errors[0]
    assert (problem.file, problem.line) == ("meetings/001-20200604.md", line)
    assert problem.message.startswith(message), problem.message


# --- warnings -----------------------------------------------------------------------------------


def test_duplicate_sequence_numbers(tmp_path):
    problems = problems_of(tmp_path, {"meetings/001-20200605.md": NOTE.replace("June 04", "June 05")})
    problems = [p for p in problems if "sequence" in p.message]
    assert [p.format() for p in problems] == [
        f"meetings/{name}: warning: sequence number 001 is used by 2 files "
        "(give each meeting the next free number)"
        for name in ("001-20200604.md", "001-20200605.md")
    ]


def test_heading_date_disagrees_with_the_file_name(tmp_path):
    note = NOTE.replace("Thursday June 04", "Friday May 15")
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": note}))
    assert problem.format() == (
        "meetings/001-20200604.md:1: warning: the heading says 2020-05-15 but the file name says "
        "2020-06-04; the file name wins (correct the heading or rename the file)"
    )


def test_heading_weekday_disagrees_with_the_date(tmp_path):
    note = NOTE.replace("Thursday", "Wednesday")
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": note}))
    assert problem.format() == (
        "meetings/001-20200604.md:1: warning: the heading's weekday is not that of 2020-06-04, "
        "a Thursday (write Thursday)"
    )


def test_same_account_with_two_names(tmp_path):
    members = MEMBERS + "Committers:\n- name: Wang Ze\n  gitee_home: https://gitee.com/RandyWangZe\n"
    problem = only(problems_of(tmp_path, {"sig_members.yaml": members}))
    assert problem.format() == (
        "sig_members.yaml:5: warning: Gitee account 'RandyWangZe' is named 'Wang Ze' here but 'Ze Wang' "
        "in sig_members.yaml:2 (use the same name everywhere; the site shows the first)"
    )


def test_empty_section(tmp_path):
    note = NOTE + "\n## Action items\n\n"
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": note}))
    assert problem.format() == (
        "meetings/001-20200604.md:9: warning: section 'Action items' is empty "
        "(write its content or 'None', or remove the heading)"
    )


@pytest.mark.parametrize("placeholder", ["* TODO", "  *Post link after meeting*."])
def test_placeholder_left_from_the_template(tmp_path, placeholder):
    note = NOTE.replace("* Agreed.", placeholder)
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": note}))
    assert (problem.line, problem.severity) == (7, Severity.WARNING)
    assert problem.message == f"placeholder text '{placeholder.strip()}' left from the template"


def test_crlf_line_endings(tmp_path):
    problem = only(problems_of(tmp_path, {"meetings/001-20200604.md": NOTE.replace("\n", "\r\n").encode()}))
    assert problem.format() == (
        "meetings/001-20200604.md:1: warning: the file has Windows (CRLF) line endings "
        "(save it with Unix (LF) line endings; it is published either way)"
    )


def test_render_macros_in_a_note_is_ignored_with_a_warning(tmp_path):
    problem = only(
        problems_of(tmp_path, {"meetings/001-20200604.md": "---\nrender_macros: true\n---\n" + NOTE})
    )
    assert (problem.line, problem.severity) == (2, Severity.WARNING)
    assert problem.message.startswith("'render_macros' is ignored")


# --- the command ----------------------------------------------------------------------------------


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", *args], capture_output=True, text=True, check=False
    )


def test_command_lists_every_problem_and_fails_on_errors(tmp_path):
    sig_folder(
        tmp_path,
        {
            "sig_members.yaml": "Maintainer:\n- name: A\n",
            "meetings/001-20200604.md": NOTE.replace("* Agreed.", "* TODO"),
            "meetings/notes.md": NOTE,
        },
    )
    result = run_check(str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "meetings/001-20200604.md:7: warning: placeholder text '* TODO' left from the template "
        "(replace it with the real content or remove it)",
        "meetings/notes.md: error: cannot tell the meeting's date (name the file NNN-YYYYMMDD.md "
        "(e.g. 005-20221006.md) or add 'date: YYYY-MM-DD' to its front matter)",
        "sig_members.yaml:1: error: unknown key 'Maintainer' in the file (did you mean 'Maintainers'?)",
        f"checked 3 file(s) in {tmp_path}: 2 error(s), 1 warning(s)",
    ]
    assert "Traceback" not in result.stderr


def test_command_json_format(tmp_path):
    sig_folder(tmp_path, {"meetings/001-20200604.md": NOTE.replace("* Agreed.", "* TODO")})
    result = run_check(str(tmp_path), "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["summary"] == {"root": str(tmp_path), "files": 2, "errors": 0, "warnings": 1}
    assert report["problems"][0] == {
        "file": "meetings/001-20200604.md",
        "line": 7,
        "column": None,
        "severity": "warning",
        "message": "placeholder text '* TODO' left from the template",
        "fix": "replace it with the real content or remove it",
        "topic": "placeholder",  # what the hub's consistency report lists it under
    }


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("sig_members.yaml", "Maintainers: 5\n", 1, "'Maintainers' must be a list or empty"),
        (
            "sig_members.yaml",
            "Maintainers:\n- name: A\n- 5\n",
            3,
            "'Maintainers' > entry 2 must be a mapping",
        ),
        ("sig_members.yaml", "- name: A\n", 1, "the file must be a mapping of role names"),
        ("sig-info.yaml", "repositories: 3\n", 1, "'repositories' must be a list or empty"),
        (
            "sig-info.yaml",
            "repositories:\n- repo: 5\n  committers: 7\n",
            2,
            "'repositories' > entry 1 > 'repo'",
        ),
        ("sig-info.yaml", "mentors:\n- name: A\n", 2, "'mentors' > entry 1 has no 'gitee_id'"),
        (
            "sig-info.yaml",
            "meeting_url: javascript:alert(1)\n",
            1,
            "meeting_url 'javascript:alert(1)' is not",
        ),
    ],
)
def test_wrong_shapes_are_reported_not_raised(tmp_path, name, content, line, message):
    errors = [p for p in problems_of(tmp_path, {name: content}) if p.severity is Severity.ERROR]
    assert errors, "expected an error"
    assert (errors[0].file, errors[0].line) == (name, line)
    assert errors[0].message.startswith(message), errors[0].message


def test_a_report_lists_twenty_problems_of_a_file_and_counts_the_rest(tmp_path):
    members = "Maintainers: []\n" + "".join(f"k{i}: 1\n" for i in range(10_000))
    report = problems_of(tmp_path, {"sig_members.yaml": members})
    of_the_file = [p for p in report if p.file == "sig_members.yaml"]
    assert len(of_the_file) == 21
    assert of_the_file[-1].severity is Severity.ERROR
    assert of_the_file[-1].message == "and 9,980 more problem(s) of this file (9,980 error(s))"
