"""`sigsite new-meeting`: the note of a coming meeting, checked before anything is written."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sigsite.build_date import build_date
from sigsite.cli.common import project_of, refuse, say
from sigsite.new_meeting import local_time_shown, note_name, note_text, notes_of, write_note
from sigsite.notes.fields import EARLIEST, LATEST, zone_named
from sigsite.notes.note import parse_meeting
from sigsite.problems import Problems

_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>[ap])?\.?(?:m\.?)?", re.IGNORECASE
)


def parse_clock(text: str) -> time:
    """`15:00`, `15.00`, `3pm`, `3:30 pm`, `9am`; ValueError for anything else."""
    match = _CLOCK.fullmatch(text.strip())
    if not match or (match["minute"] is None and match["meridiem"] is None):
        raise ValueError(text)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["meridiem"]:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if match["meridiem"].lower() == "p" else 0)
    return time(hour, minute)  # ValueError past 23:59


def parse_day(text: str) -> date:
    """`2026-12-17`, `20261217`, also in full-width digits (`２０２６-１２-１７`); ValueError else."""
    return date.fromisoformat(unicodedata.normalize("NFKC", text).strip())


def run_new_meeting(args: argparse.Namespace) -> int:
    """`sigsite new-meeting --date ... [--time ...]`."""
    project = project_of(args.path, "new-meeting")
    if project is None:
        return 1
    sources = project.sources
    default_zone = ZoneInfo(sources.timezone)
    try:
        day = parse_day(args.date)
    except ValueError:
        return refuse("new-meeting", f"--date '{args.date}' is not a date: write it as 2026-12-03", 2)
    if not EARLIEST <= day <= LATEST:
        message = f"--date {day.isoformat()} is not between {EARLIEST.year} and {LATEST.year}; check the year"
        return refuse("new-meeting", message, 2)
    try:
        clock = parse_clock(unicodedata.normalize("NFKC", args.time)) if args.time else None
    except ValueError:
        return refuse("new-meeting", f"--time '{args.time}' is not a time: write 15:00, 3pm or 3:30pm", 2)
    zone = zone_named(args.timezone) if args.timezone else default_zone
    if zone is None:
        message = f"unknown time zone '{args.timezone}' (use an IANA name such as Asia/Shanghai)"
        return refuse("new-meeting", message, 2)
    folder = sources.path(sources.meetings_dir)
    same_day = notes_of(folder, day)
    if same_day and not args.force:
        names = ", ".join(f"{sources.meetings_dir}/{p.name}" for p in same_day)
        message = f"{names} is already the note of {day.isoformat()}; "
        message += "add --force to write a second note for that day"
        return refuse("new-meeting", message, 1)
    name = note_name(folder, day) if folder.is_dir() else note_name(Path(), day)
    text = note_text(day, clock, zone, default_zone, args.title)
    problems = checked_note(name, text, f"{sources.meetings_dir}/{name}", default_zone)
    shown = local_time_shown(day, clock, zone) if clock else None
    if shown is not None and clock is not None:
        say(
            f"sigsite new-meeting: warning: {clock:%H:%M} does not exist on {day.isoformat()} in {zone.key} "
            f"(the clocks move forward over it); calendars will show {shown:%H:%M}",
            file=sys.stderr,
        )
    for problem in problems.sorted():
        say(problem.format(), file=sys.stderr)
    if problems.errors:
        return refuse("new-meeting", "nothing written", 1)
    path = folder / name
    try:
        write_note(path, text)
    except FileExistsError as exc:
        return refuse("new-meeting", f"{exc.filename} exists; not overwriting it", 1)
    say(f"wrote {path}: fill in the agenda and commit it")
    return 0


def checked_note(name: str, text: str, display: str, zone: ZoneInfo) -> Problems:
    """What `sigsite check` would say of the note, read before anything is written."""
    problems = Problems()
    with tempfile.TemporaryDirectory(prefix="sigsite-new-meeting-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        parse_meeting(path, display, zone, problems, build_date(zone))
    return problems
