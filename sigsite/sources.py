"""Reading the SIG's text files: UTF-8 (a BOM allowed), any line ending."""

from __future__ import annotations

from pathlib import Path

from sigsite.problems import Problems

BOM = "\ufeff"


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """The file's text with `\\n` line endings, or None (and an error) when it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(display, None, f"cannot read the file: {exc.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.error(
            display,
            line,
            f"the file is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        )
        return None
    text = text.removeprefix(BOM)
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.warning(
            display,
            line,
            "the file has Windows (CRLF) line endings",
            "save it with Unix (LF) line endings; it is published either way",
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
