"""What a note is checked for besides its fields: sections, heading, link schemes.

Each check reports to `Problems` with the note's line; none changes the meeting it describes.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from sigsite.given import PLACEHOLDER
from sigsite.headings import HeadingTime
from sigsite.links import SAFE_SCHEMES, WEB_SCHEMES
from sigsite.notes.parts import FENCE, NoteParts
from sigsite.problems import Problems

PLACEHOLDERS = frozenset({"todo", "tbd", "post link after meeting"})
_SCHEME = r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):"
# Each pattern is linear: no two quantifiers next to each other can match the same characters, and
# none reads past where the next match could start (an autolink's `<`).
_LINK_TARGETS = (
    re.compile(r"\]\(\s*(?:<\s*)?" + _SCHEME),  # [text](target) and ![alt](target)
    re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?" + _SCHEME),  # [ref]: target
    re.compile(r"<" + _SCHEME + r"[^<>\s]*>"),  # <scheme:autolink>, which holds no `<`
    re.compile(r"\b(?:href|src|action|formaction)\s*=\s*(?:[\"']\s*)?" + _SCHEME, re.IGNORECASE),
)


def check_sections(note: NoteParts, display: str, problems: Problems) -> None:
    """Warn about empty sections and placeholders left from the template."""
    for section, line in note.sections:
        body = section.body.strip()
        if not body:
            problems.warning(
                display,
                line,
                f"section '{section.title}' is empty",
                "write its content or 'None', or remove the heading",
            )
            continue
        for offset, text in enumerate(section.body.split("\n"), start=1):
            bare = text.strip().strip("-*+>_. ").lower()
            if bare in PLACEHOLDERS:
                problems.warning(
                    display,
                    line + offset,
                    f"placeholder text '{text.strip()}' left from the template",
                    "replace it with the real content or remove it",
                    topic=PLACEHOLDER,
                )


def check_heading(
    note: NoteParts, parsed: HeadingTime, file_date: date | None, display: str, problems: Problems
) -> None:
    """Warn when the H1's date or weekday disagrees with the file name's date."""
    if file_date is None or note.heading_line is None:
        return
    if parsed.date and parsed.date != file_date:
        problems.warning(
            display,
            note.heading_line,
            f"the heading says {parsed.date.isoformat()} but the file name says "
            f"{file_date.isoformat()}; the file name wins",
            "correct the heading or rename the file",
        )
    elif parsed.weekday is not None and parsed.weekday != file_date.weekday():
        problems.warning(
            display,
            note.heading_line,
            f"the heading's weekday is not that of {file_date.isoformat()}, a {file_date.strftime('%A')}",
            f"write {file_date.strftime('%A')}",
        )


def report_unread_heading(note: NoteParts, display: str, problems: Problems) -> None:
    """A heading that looks like a date and time but is not read: the meeting would lose its time."""
    if note.heading_line is None or not any(char.isdigit() for char in note.heading):
        return
    shown = note.heading if len(note.heading) <= 60 else note.heading[:59] + "…"
    problems.warning(
        display,
        note.heading_line,
        f"the heading '{shown}' is not a date and time sigsite can read, so the meeting is shown "
        "without a time",
        "write it as 'Thursday December 3, 2026 at 10:00 GMT+8' or '2026年12月3日 星期四 10:00 GMT+8', "
        'or add time: "10:00" to the front matter',
    )


_ADDRESS_END = re.compile(r"""[\s)"'>]""")


def _readable(line: str, start: int) -> bool:
    """True when the web address that starts at `start` can be parsed (its end: space, `)`, quote, `>`)."""
    end = _ADDRESS_END.search(line, start)
    try:
        urlsplit(line[start : end.start() if end else len(line)])
    except ValueError:
        return False
    return True


def check_link_schemes(text: str, display: str, problems: Problems) -> None:
    """Report links whose scheme is not http, https or mailto (e.g. `javascript:`)."""
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or ":" not in line:  # every pattern ends with the scheme's colon
            continue
        for pattern in _LINK_TARGETS:
            for match in pattern.finditer(line):
                scheme = match["scheme"].lower()
                if scheme in WEB_SCHEMES and not _readable(line, match.start("scheme")):
                    problems.error(
                        display,
                        number,
                        "a link's address cannot be read (an unclosed '[' in its host, or a bad port)",
                        "check the address; write '[' in a path as %5B",
                        column=match.start("scheme") + 1,
                    )
                elif scheme == "data" and line.startswith("image/", match.end("scheme") + 1):
                    problems.warning(  # inert once sanitized: the image is dropped, its text stays
                        display,
                        number,
                        "an image is embedded as a 'data:' address, which the site does not show; "
                        "its alt text is shown instead",
                        "commit the image as a file beside the text and link to it",
                        column=match.start("scheme") + 1,
                    )
                elif scheme not in SAFE_SCHEMES:
                    problems.error(
                        display,
                        number,
                        f"a link uses the '{scheme}:' scheme, which is not allowed",
                        "link only to http, https or mailto addresses",
                        column=match.start("scheme") + 1,
                    )
