"""`sigsite new-meeting`: the note it writes, with the next free number, and what it refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BEFORE_FIRST_MEETING, build, make_project


def new_meeting(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "new-meeting", "--path", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_meeting_writes_a_valid_note_with_the_next_number(tmp_path):
    project = make_project(tmp_path / "project")
    result = new_meeting(project, "--date", "2030-01-10", "--time", "15:00")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    path = project / "meetings" / "005-20300110.md"
    assert path.read_text("utf-8").splitlines()[:3] == [
        "# Thursday January 10, 2030 at 15:00 GMT+8",
        "",
        "## Agenda",
    ]
    result = new_meeting(
        project,
        "--date",
        "2030-03-31",
        "--time",
        "16:00",
        "--timezone",
        "Europe/Berlin",
        "--title",
        "Privacy review: <part 2>",
    )
    assert result.returncode == 0, result.stderr
    second = project / "meetings" / "006-20300331.md"
    assert "timezone: Europe/Berlin" in second.read_text("utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0 and check.stdout.endswith("0 error(s), 0 warning(s)\n"), check.stdout
    site = build(project, env={"SOURCE_DATE_EPOCH": BEFORE_FIRST_MEETING})
    assert site.ok, site.result.stderr
    page = site.html("meetings/006-20300331/index.html")
    assert page.select_one(".sig-meeting-meta time")["datetime"] == "2030-03-31T16:00:00+02:00"  # summer time
    assert "Privacy review: ‹part 2›" in page.select_one("h1").get_text()


def test_new_meeting_refuses_bad_input(tmp_path):
    project = make_project(tmp_path / "project")
    notes = sorted((project / "meetings").iterdir())
    assert new_meeting(project, "--date", "2030-02-30").returncode == 2
    assert new_meeting(project, "--date", "2030-02-03", "--timezone", "Mars/Base").returncode == 2
    assert sorted((project / "meetings").iterdir()) == notes
    assert new_meeting(tmp_path / "nowhere", "--date", "2030-02-03").returncode == 1
