"""A group's other Markdown documents (guides, governance, research topics): read like its
records, each with a title and an address of its own below the group's `documents/`."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from sigsite.addresses import UniqueSegments, address_segment
from sigsite.cost_limits import check_cost
from sigsite.hub.embedded import extract_embedded
from sigsite.hub.readmes import plain_title
from sigsite.languages import detect_language, language_of_name
from sigsite.model import Document
from sigsite.notes.checks import check_link_schemes
from sigsite.privacy import withhold_in_text
from sigsite.problems import Problems
from sigsite.reading import read_text

_DIGITS = re.compile(r"(\d+)")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t](.*))?")  # an ATX heading; its closing marks cut below
_CLOSING = re.compile(r"(?:^|[ \t])#+$")  # `## Title ##`: the closing sequence (after the line is stripped)


def read_committed(
    folder: Path,
    relative: str,
    display: str,
    public: frozenset[str],
    problems: Problems,
    embedded: dict[str, bytes],
) -> str | None:
    """A committed Markdown file's text, personal addresses withheld, its embedded images made
    files (added to `embedded`), its link schemes checked; None when it cannot be read or would
    cost more than its size allows."""
    text = read_text(folder / relative, display, problems)
    if text is None:
        return None
    text = withhold_in_text(text, public, display, problems)
    text, files = extract_embedded(
        text,
        relative,
        display,
        problems,
        lambda path: path in embedded or (folder / path).exists() or (folder / path).is_symlink(),
    )
    embedded.update(files)
    check_link_schemes(text, display, problems)
    return text if check_cost(text, display, problems) else None


def title_and_body(text: str) -> tuple[str, str]:
    """The first heading, when it opens the file, and the text with its line left blank (so that
    lines keep their numbers)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _HEADING.fullmatch(line)
        if match is None:
            return "", text
        lines[index] = ""
        return plain_title(_without_closing(match[1] or "")), "\n".join(lines)
    return "", text


def _without_closing(title: str) -> str:
    """A heading's text without its closing `#`s and the blanks around it, as CommonMark reads it."""
    stripped = title.strip(" \t")
    closing = _CLOSING.search(stripped)
    return stripped[: closing.start()].rstrip(" \t") if closing else stripped


def read_documents(
    folder: Path,
    paths: tuple[str, ...],
    display: str,
    public: frozenset[str],
    problems: Problems,
    embedded: dict[str, bytes],
    texts: dict[str, str] | None = None,
) -> tuple[Document, ...]:
    """The documents at `paths` (folder-relative), each with a unique address segment; the images
    they embed are added to `embedded`. A file among `texts` was read already (a dated file that
    is no record): its text is taken as it is, so its warnings are not given twice."""
    documents, slugs = [], UniqueSegments()
    for relative in paths:
        text = (texts or {}).get(relative)
        if text is None:
            text = read_committed(folder, relative, f"{display}/{relative}", public, problems, embedded)
        if text is None:
            continue
        path = PurePosixPath(relative)
        slug = slugs.unique(address_segment(str(path.with_suffix("")), "document"))
        title, body = title_and_body(text)
        if not body.strip():
            problems.warning(
                f"{display}/{relative}",
                1,
                "the file holds nothing but its title, so it gets no page (links to it lead to the forge)",
                "write its text, or remove the file",
            )
            continue
        documents.append(
            Document(
                path=relative,
                slug=slug,
                title=title or path.stem,
                language=language_of_name(path.stem) or detect_language(text),
                text=body,
            )
        )
    return tuple(sorted(documents, key=lambda d: _natural(d.path)))


def _natural(path: str) -> tuple[tuple[int, int | str], ...]:
    """A path's order as people count: `Topic2` before `Topic10`."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(path))
