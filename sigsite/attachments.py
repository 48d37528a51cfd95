"""The files of a meetings folder that are not notes: slides and documents, published as they are
when a browser only shows them, never when it could run what they hold."""

from __future__ import annotations

import mimetypes
import re
from datetime import date
from pathlib import Path

from sigsite.model import Attachment
from sigsite.problems import FILE_LEFT_OUT, Problems

# Files that browsers show but never run: documents, slides, sheets, images but SVG, media, archives.
ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .ppt .pptx .pps .ppsx .odp .key .doc .docx .odt .rtf .txt .xls .xlsx .ods .csv "
    ".png .jpg .jpeg .gif .webp .avif .bmp .mp4 .webm .mov .m4v .mp3 .m4a .ogg .wav "
    ".zip .7z .tar .gz .tgz .bz2 .xz .rar".split()
)
# What a server may hand out from inside a compressed file, and a browser would run.
ACTIVE_TYPES = frozenset(
    "text/html application/xhtml+xml image/svg+xml text/xml application/xml text/xsl text/javascript "
    "application/javascript application/x-javascript text/css application/x-shockwave-flash application/wasm "
    "text/vtt application/json".split()
)
# Attachments that are text, published as they are: the site cannot withhold an address from a
# copy, so one that holds an address is left out (privacy.refuse_address_in_file).
TEXT_SUFFIXES = frozenset({".txt", ".csv", ".rtf"})
# ... and, compressed, what a server would hand out as that text, where no check could read it.
TEXT_TYPES = frozenset({"text/plain", "text/csv", "application/rtf", "text/rtf"})
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def attachment(path: Path) -> Attachment:
    match = _DATE_IN_NAME.search(path.name)
    day = None
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            day = None
    return Attachment(source=path.name, size=path.stat().st_size, date=day)


def is_inert(name: str) -> bool:
    """True for a file a browser shows but never runs: an inert type; compressed, only when what
    it holds is named as an inert type itself (`x.tar.gz`, `slides.pdf.gz`, never `x.gz` or
    `contacts.vcf.gz`), and is no page, script or text (a server serves `deck.html.xz` as the
    HTML inside: `mkdocs serve` does; the text inside `notes.txt.gz` would be shown as text)."""
    path = Path(name)
    if path.suffix.lower() not in ATTACHMENT_SUFFIXES:
        return False
    inner, encoding = mimetypes.guess_type(name, strict=False)
    if encoding is None:
        return True
    held = f"{path.stem}.tar" if path.suffix.lower() == ".tgz" else path.stem
    return is_inert(held) and inner not in ACTIVE_TYPES and inner not in TEXT_TYPES


def publishable(path: Path, display: str, problems: Problems) -> bool:
    """True for a file type that browsers never run; an error naming the file otherwise."""
    if is_inert(path.name):
        return True
    if path.suffix.lower() in ATTACHMENT_SUFFIXES:
        inner, _ = mimetypes.guess_type(path.name, strict=False)
        if inner in ACTIVE_TYPES or inner in TEXT_TYPES:
            problems.error(
                display,
                None,
                "a compressed page, image, script or text is not published: a server hands out what it holds",
                "publish the file uncompressed (a page as PDF), or link to where it is hosted",
                topic=FILE_LEFT_OUT,
            )
        else:
            problems.error(
                display,
                None,
                "a compressed file is published only when its name says it holds a type the site "
                "publishes (x.tar.gz, slides.pdf.gz)",
                "name the file by what it holds, or link to where it is hosted",
                topic=FILE_LEFT_OUT,
            )
        return False
    kind = path.suffix.lower() or "files without an extension"
    problems.error(
        display,
        None,
        f"{kind} files are not published: a browser could run what they hold on the site's address",
        "export slides or pages to PDF, or link to where the file is hosted; the site publishes "
        + ", ".join(sorted(ATTACHMENT_SUFFIXES)),
        topic=FILE_LEFT_OUT,
    )
    return False
