"""Write the note of a coming meeting in the SIG's own format, with the next free number."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from sigsite.formatting import zone_label
from sigsite.notes.fields import MEETING_FILE

SECTIONS = ("Agenda", "Conference links", "Attendees", "Notes", "Action items")


def next_sequence(folder: Path) -> int:
    """One more than the highest sequence number in use (1 for an empty folder)."""
    numbers = [int(m["sequence"]) for p in folder.glob("*.md") if (m := MEETING_FILE.match(p.name))]
    return max(numbers, default=0) + 1


def notes_of(folder: Path, day: date) -> list[Path]:
    """The notes already written for `day` (`NNN-YYYYMMDD.md`)."""
    stamp = day.strftime("%Y%m%d")
    return sorted(
        p for p in folder.glob(f"*-{stamp}.md") if (m := MEETING_FILE.match(p.name)) and m["date"] == stamp
    )


def heading(day: date, clock: time | None, zone: ZoneInfo) -> str:
    """`Thursday December 03, 2026 at 15:00 GMT+8`, the SIG's style."""
    text = f"{day.strftime('%A %B')} {day.day:02d}, {day.year}"
    if clock is not None:
        start = datetime.combine(day, clock, zone)
        text += f" at {clock.strftime('%H:%M')} {zone_label(start)}"
    return text


def note_text(
    day: date, clock: time | None, zone: ZoneInfo, default_zone: ZoneInfo, title: str | None
) -> str:
    """The Markdown of a new note: front matter only for what the heading cannot say."""
    front: dict[str, str] = {}
    if title:
        front["title"] = title
    if zone.key != default_zone.key:
        front["timezone"] = zone.key  # the heading's offset alone would lose daylight saving
    head = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" if front else ""
    body = "\n".join(f"## {section}\n" for section in SECTIONS)
    return f"{head}# {heading(day, clock, zone)}\n\n{body}"


def note_name(folder: Path, day: date) -> str:
    """`NNN-YYYYMMDD.md` with the next free sequence number."""
    return f"{next_sequence(folder):03d}-{day.strftime('%Y%m%d')}.md"


def write_note(path: Path, text: str) -> None:
    """Write a new note; raises FileExistsError rather than overwrite one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def local_time_shown(day: date, clock: time, zone: ZoneInfo) -> time | None:
    """The time calendars show when `clock` does not exist on `day` in `zone` (the clocks move
    forward over it); None when it exists."""
    local = datetime.combine(day, clock, zone)
    shown = local.astimezone(UTC).astimezone(zone)
    return shown.time() if shown.replace(tzinfo=None) != local.replace(tzinfo=None) else None
