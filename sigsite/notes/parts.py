"""A note split into its parts (front matter, H1, body, `##` sections), with the line of each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sigsite.model import NoteSection
from sigsite.problems import Problems

FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class NoteParts:
    """A note split into its parts, with the line where each starts."""

    front_matter: str | None
    heading: str
    heading_line: int | None
    body: str
    body_line: int  # the line of the file where `body` starts
    sections: tuple[tuple[NoteSection, int], ...]


def _split_front_matter(text: str, display: str, problems: Problems) -> tuple[str | None, str, int]:
    """(front matter text or None, rest of the file, line where the rest starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    problems.error(
        display,
        1,
        "the front matter that starts on line 1 is never closed",
        "end it with a line holding only '---'",
    )
    return None, text, 1


def split_note(text: str, display: str, problems: Problems) -> NoteParts:
    """The note's parts; an unclosed front matter is an error and the whole text is the body."""
    front_matter, rest, first_line = _split_front_matter(text, display, problems)
    heading, heading_line = "", None
    body_lines: list[str] = []
    body_numbers: list[int] = []
    sections: list[tuple[NoteSection, int]] = []
    current: tuple[str, int] | None = None
    current_lines: list[str] = []
    in_fence = False

    def close_section() -> None:
        if current is not None:
            sections.append((NoteSection(current[0], "\n".join(current_lines).strip("\n")), current[1]))

    for offset, line in enumerate(rest.split("\n")):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and heading_line is None and line.startswith("# "):
            heading, heading_line = line[2:].strip(), number
            continue
        body_lines.append(line)
        body_numbers.append(number)
        if not in_fence and line.startswith("## "):
            close_section()
            current, current_lines = (line[3:].strip(), number), []
        elif current is not None:
            current_lines.append(line)
    close_section()
    leading_blanks = next((i for i, line in enumerate(body_lines) if line), len(body_lines))
    body_line = body_numbers[leading_blanks] if leading_blanks < len(body_numbers) else first_line
    body = "\n".join(body_lines).strip("\n") + "\n"
    return NoteParts(front_matter, heading, heading_line, body, body_line, tuple(sections))
