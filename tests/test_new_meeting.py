"""`sigsite new-meeting`: the note it writes, with the next free number, and what it refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BEFORE_FIRST_MEETING, build, make_project


def new_meeting(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "new-meeting", "--path", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.build
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
    assert "Privacy review: <part 2>" in page.select_one("h1").get_text()  # as written, escaped


def test_new_meeting_refuses_bad_input(tmp_path):
    project = make_project(tmp_path / "project")
    notes = sorted((project / "meetings").iterdir())
    assert new_meeting(project, "--date", "2030-02-30").returncode == 2
    assert new_meeting(project, "--date", "2030-02-03", "--timezone", "Mars/Base").returncode == 2
    assert sorted((project / "meetings").iterdir()) == notes
    assert new_meeting(tmp_path / "nowhere", "--date", "2030-02-03").returncode == 1


def test_nothing_is_written_for_a_note_the_check_would_refuse(tmp_path):
    project = make_project(tmp_path / "project")
    notes = sorted((project / "meetings").iterdir())
    for date in ("1969-12-31", "2201-01-01"):
        result = new_meeting(project, "--date", date)
        assert result.returncode == 2 and "is not between 1970 and 2200; check the year" in result.stderr
        assert "Traceback" not in result.stderr
    result = new_meeting(project, "--date", "2026-12-19", "--time", "-1:00")
    assert result.returncode == 2
    assert "--time '-1:00' is not a time: write 15:00, 3pm or 3:30pm" in result.stderr
    assert sorted((project / "meetings").iterdir()) == notes


def test_full_width_digits_and_a_date_without_dashes_are_read(tmp_path):
    project = make_project(tmp_path / "project")
    assert new_meeting(project, "--date", "20301217", "--time", "3pm").returncode == 0
    assert new_meeting(project, "--date", "２０３０-１２-１８", "--time", "１５：００").returncode == 0
    written = sorted(p.name for p in (project / "meetings").glob("*-2030121*.md"))
    assert written == ["005-20301217.md", "006-20301218.md"]
    assert "at 15:00 GMT+8" in (project / "meetings" / "006-20301218.md").read_text("utf-8")


def test_a_time_the_clocks_skip_is_a_warning(tmp_path):
    project = make_project(tmp_path / "project")
    result = new_meeting(project, "--date", "2030-03-31", "--time", "02:30", "--timezone", "Europe/Berlin")
    assert result.returncode == 0
    assert "warning: 02:30 does not exist on 2030-03-31 in Europe/Berlin" in result.stderr
    assert "calendars will show 03:30" in result.stderr
