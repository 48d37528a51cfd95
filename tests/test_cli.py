"""The `sigsite` command as a maintainer runs it: from any folder, with exact messages and exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest
from conftest import PROJECT, make_project
from hub_support import FIXTURE

from sigsite.cli.meeting import parse_clock

NOTE = "# Thursday June 04, 2020 at 15:00pm GMT+8\n\n## Agenda\n* Privacy\n\n## Notes\n* Agreed.\n"


def sigsite(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def test_check_from_the_root_and_from_docs_reads_the_same_project(project):
    from_root = sigsite("check", cwd=project)
    from_docs = sigsite("check", cwd=project / "docs")
    assert from_root.returncode == from_docs.returncode == 0
    assert from_root.stdout == from_docs.stdout
    files = len(list((project / "meetings").iterdir())) + 1
    assert from_root.stdout == (
        f"checked {files} file(s) in {project} with the settings of mkdocs.yml: 0 error(s), 0 warning(s)\n"
    )


def test_check_uses_the_settings_of_mkdocs_yml(project):
    (project / "notes").mkdir()
    (project / "meetings").rename(project / "notes" / "meetings")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      meetings_dir: meetings\n", "      meetings_dir: notes/meetings\n"
        ),
        "utf-8",
    )
    (project / "notes" / "meetings" / "009-20201001.md").write_text(
        "# T\n\n## Agenda\n[x](javascript:y)\n", "utf-8"
    )
    result = sigsite("check", cwd=project / "notes")
    assert result.returncode == 1
    assert "notes/meetings/009-20201001.md:4:5: error: a link uses the 'javascript:' scheme" in result.stdout


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (
            "empty",
            "sigsite check: no SIG files in empty: expected sig_members.yaml, sig-info.yaml or a meetings/ "
            "folder, or a mkdocs.yml in it or a folder above it\n",
        ),
        ("missing", "sigsite check: missing does not exist\n"),
        (
            "sig_members.yaml",
            "sigsite check: sig_members.yaml is a file; give the SIG's folder (the one with "
            "sig_members.yaml and meetings/), or run the command inside it\n",
        ),
    ],
)
def test_check_refuses_a_path_with_no_sig_files(tmp_path, argument, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "sig_members.yaml").write_text("Maintainers:\n- name: A\n", "utf-8")
    result = sigsite("check", argument, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)


def test_check_a_community_sig_folder_without_mkdocs_yml(tmp_path):
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "001-20200604.md").write_text(NOTE, "utf-8")
    result = sigsite("check", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.endswith(f"checked 1 file(s) in {tmp_path}: 0 error(s), 1 warning(s)\n")


def test_check_github_format_annotates_the_changed_lines(tmp_path):
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "009-20201001.md").write_text(
        "# Thursday October 1, 2020 at 15:00 GMT+8\n\n## Agenda\n* 100% done, see [x](data:text/html,1)\n",
        "utf-8",
    )
    result = sigsite("check", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=meetings/009-20201001.md,line=4,col=22,title=sigsite check::a link uses the 'data:' "
        "scheme, which is not allowed (link only to http, https or mailto addresses)",
        "::warning file=sig_members.yaml,title=sigsite check::no members file: the roster will be empty "
        "(create sig_members.yaml with a 'Maintainers:' list)",
        f"checked 1 file(s) in {tmp_path}: 1 error(s), 1 warning(s)",
    ]


def test_github_escaping():
    from sigsite.cli.check import github_annotation
    from sigsite.problems import Problem, Severity

    problem = Problem("a,b:c.md", 3, None, Severity.ERROR, "50% of\nit", "")
    assert github_annotation(problem) == "::error file=a%2Cb%3Ac.md,line=3,title=sigsite check::50%25 of%0Ait"


def test_version(tmp_path):
    result = sigsite("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("sigsite 0.")


def test_new_meeting_from_the_meetings_folder_writes_to_the_projects(project):
    result = sigsite("new-meeting", "--date", "2026-12-03", "--time", "3pm", cwd=project / "meetings")
    assert result.returncode == 0, result.stderr
    written = project / "meetings" / "005-20261203.md"
    assert result.stdout == f"wrote {written}: fill in the agenda and commit it\n"
    assert written.read_text("utf-8").startswith("# Thursday December 03, 2026 at 15:00 GMT+8\n")
    assert not (project / "meetings" / "meetings").exists()


def test_new_meeting_refuses_a_second_note_for_a_day_unless_forced(project):
    assert sigsite("new-meeting", "--date", "2026-12-03", cwd=project).returncode == 0
    again = sigsite("new-meeting", "--date", "2026-12-03", cwd=project / "docs")
    assert (again.returncode, again.stderr) == (
        1,
        "sigsite new-meeting: meetings/005-20261203.md is already the note of 2026-12-03; "
        "add --force to write a second note for that day\n",
    )
    forced = sigsite("new-meeting", "--date", "2026-12-03", "--force", cwd=project)
    assert forced.returncode == 0 and (project / "meetings" / "006-20261203.md").is_file()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--date", "2026-12-03", "--time", "25:00"],
            "--time '25:00' is not a time: write 15:00, 3pm or 3:30pm",
        ),
        (["--date", "2026-12-03", "--time", "3"], "--time '3' is not a time: write 15:00, 3pm or 3:30pm"),
        (["--date", "3 Dec"], "--date '3 Dec' is not a date: write it as 2026-12-03"),
        (["--date", "2026-12-03", "--timezone", "America"], "unknown time zone 'America'"),
    ],
)
def test_new_meeting_says_which_forms_it_accepts(project, arguments, message):
    result = sigsite("new-meeting", *arguments, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"sigsite new-meeting: {message}")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15:00", time(15)), ("3pm", time(15)), ("3:30 pm", time(15, 30)), ("9am", time(9)), ("12am", time(0))],
)
def test_clock_forms(text, expected):
    assert parse_clock(text) == expected


def test_a_heading_that_is_not_read_is_a_warning(project):
    (project / "meetings" / "009-20261203.md").write_text(
        "# 2026/12/03 10:00 UTC\n\n## Agenda\n* x\n", "utf-8"
    )
    result = sigsite("check", cwd=project)
    assert (
        "meetings/009-20261203.md:1: warning: the heading '2026/12/03 10:00 UTC' is not a date and time "
        "sigsite can read, so the meeting is shown without a time (write it as 'Thursday December 3, 2026 "
        "at 10:00 GMT+8' or '2026年12月3日 星期四 10:00 GMT+8', or add time: \"10:00\" to the front matter)"
    ) in result.stdout


def test_project_files_are_ignored_by_git():
    ignored = (PROJECT / ".gitignore").read_text("utf-8").split()
    assert {"/.venv/", "/site/", "/test-artifacts/"} <= set(ignored)


def test_check_takes_several_folders_and_names_each_file_from_here(tmp_path):
    first, second = make_project(tmp_path / "first"), make_project(tmp_path / "second")
    (second / "meetings" / "009-20201301.md").write_text(NOTE, "utf-8")
    result = sigsite("check", "first", "second", "first/docs", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "second/meetings/009-20201301.md: error: '20201301' in the file name is not a real date"
        in result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith(f"checked 15 file(s) in {first}, {second}: 1 error(s)")


def test_check_of_a_community_checkout_suggests_community(tmp_path):
    (tmp_path / "community" / "sigs" / "dx").mkdir(parents=True)
    result = sigsite("check", "community", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "sigsite check: community holds sigs/: it is a community checkout; check every group folder of it "
        "with `sigsite check --community community`\n"
    )


def test_check_community_names_the_communitys_own_files_apart_from_sig_folders(tmp_path):
    sigs = tmp_path / "sigs"
    (sigs / "dx" / "meetings").mkdir(parents=True)
    (sigs / "dx" / "meetings" / "001-20201301.md").write_text(NOTE, "utf-8")
    (sigs / "README.md").write_text("# SIGs\n\n[x](javascript:alert(1))\n", "utf-8")
    result = sigsite("check", "--community", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert "sigs/README.md: 1 error(s), 0 warning(s)" in lines
    assert "sigs/dx: 1 error(s), 1 warning(s)" in lines  # the warning: no members file
    assert lines[-1].startswith("checked 1 group folder(s)")


def test_check_community_applies_the_hubs_public_addresses(tmp_path):
    sigs = tmp_path / "community" / "sigs"
    (sigs / "dx" / "meetings").mkdir(parents=True)
    (sigs / "dx" / "README.md").write_text(
        "# DX SIG\n\nWrite to dev@mindspore.cn or ann@example.org.\n", "utf-8"
    )
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "mkdocs.yml").write_text(
        "site_name: Hub\nplugins:\n  - sigsite-hub:\n      public_emails: [dev@mindspore.cn]\n", "utf-8"
    )
    result = sigsite("check", "--community", "community", cwd=tmp_path)
    withheld = [line for line in result.stdout.splitlines() if "is withheld" in line]
    assert len(withheld) == 1 and "a…@example.org" in withheld[0]  # the list's address is public
    assert result.stdout.splitlines()[-1].endswith(
        "with the settings of hub/mkdocs.yml: 0 error(s), 2 warning(s)"
    )
    alone = sigsite("check", "--community", "community", "--config", "/dev/null/none.yml", cwd=tmp_path)
    assert alone.returncode == 1 and "cannot be read" in alone.stderr


# No value the command prints forges a log line --------------------------------------------------

FORGED = "x\n::error::forged"
LEGITIMATE = re.compile(r"::(error|warning) file=[^\n]*,title=sigsite check::")  # our own annotations


def _no_forged_line(result: subprocess.CompletedProcess[str]) -> None:
    """Every value shown on one line, escaped: GitHub obeys a line that starts with `::`."""
    output = result.stdout + result.stderr
    assert "x\\n::error::forged" in output, output[-2000:]
    for line in output.splitlines():
        assert not line.lstrip().startswith("::") or LEGITIMATE.match(line), line
    assert "Traceback" not in output


ARGUMENTS = {
    "check PATH": ["check", f"/{FORGED}"],
    "check --format github PATH": ["check", "--format", "github", f"/{FORGED}"],
    "check --community PATH": ["check", "--community", f"/{FORGED}"],
    "check --community PATH --format github": ["check", "--community", f"/{FORGED}", "--format", "github"],
    "check --community --config FILE": ["check", "--community", ".", "--config", f"/{FORGED}"],
    "check --format CHOICE": ["check", "--format", FORGED],  # argparse quotes the invalid choice
    "check --OPTION": ["check", f"--{FORGED}"],  # ... and the unrecognized argument
    "new-meeting --timezone ZONE": ["new-meeting", "--date", "2026-12-03", "--timezone", FORGED],
    "new-meeting --date DATE": ["new-meeting", "--date", FORGED],
    "new-meeting --time TIME": ["new-meeting", "--date", "2026-12-03", "--time", FORGED],
    "new-meeting --path PATH": ["new-meeting", "--date", "2026-12-03", "--path", FORGED],
}


@pytest.mark.parametrize("case", ARGUMENTS)
def test_an_argument_never_starts_a_line_of_its_own(project, case):
    result = sigsite(*ARGUMENTS[case], cwd=project)
    assert result.returncode != 0
    _no_forged_line(result)


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_a_folder_named_with_a_line_break_is_shown_on_one_line(tmp_path, output):
    sig = tmp_path / FORGED
    (sig / "meetings").mkdir(parents=True)
    (sig / "meetings" / "001-20200604.md").write_text(NOTE, "utf-8")
    result = sigsite("check", "--format", output, str(sig), cwd=tmp_path)
    assert result.returncode == 0
    if output == "json":
        assert json.loads(result.stdout)["summary"]["root"] == str(sig)  # JSON escapes it
    _no_forged_line(result)
    community = tmp_path / "community" / FORGED
    shutil.copytree(FIXTURE, community)
    checked = sigsite("check", "--community", str(community), "--format", output, cwd=tmp_path)
    assert checked.returncode == 0  # the fixture has warnings only
    if output == "json":
        assert json.loads(checked.stdout)["summary"]["root"] == str(community)
    _no_forged_line(checked)


def test_new_meeting_shows_the_path_it_wrote_on_one_line(tmp_path):
    sig = tmp_path / FORGED
    (sig / "meetings").mkdir(parents=True)
    result = sigsite("new-meeting", "--date", "2026-12-03", cwd=sig)
    assert result.returncode == 0 and (sig / "meetings" / "001-20261203.md").is_file()
    _no_forged_line(result)
