"""Reading the SIG's files safely: no symbolic links, UTF-8 (a BOM allowed), any line ending."""

from __future__ import annotations

import re
from pathlib import Path

from sigsite.problems import Problems

BOM = "\ufeff"
# C0 controls but tab and line ends, DEL, and the two non-characters XML refuses.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ODD_IN_NAME = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def first_control_character(text: str) -> str | None:
    """The first character of `text` that no page, feed or calendar may carry, if any."""
    match = _CONTROL.search(text)
    return match.group() if match else None


def is_odd_name(name: str) -> bool:
    """True when a file or folder name holds a control character, or bytes that are not UTF-8 (read
    as lone surrogates), which no address or log may carry."""
    return _ODD_IN_NAME.search(name) is not None


def refuse_odd_name(name: str, display: str, problems: Problems) -> bool:
    """True for a file or folder name the site can publish; else an error (is_odd_name)."""
    if not is_odd_name(name):
        return True
    problems.error(
        display,
        None,
        "the name holds a control character or bytes that are not UTF-8",
        "rename it with printable characters only",
    )
    return False


def symlink_on_the_way(root: Path, relative: str) -> Path | None:
    """The first symbolic link among `root/relative` and the folders between, if any."""
    path = root
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return path
    return None


def refuse_symlink(path: Path, display: str, problems: Problems) -> bool:
    """Report `path` when it is a symbolic link: the site never follows one. True when it is not."""
    if not path.is_symlink():
        return True
    problems.error(
        display,
        None,
        "is a symbolic link; the site never follows links, which could publish files from "
        "outside the SIG's folder",
        "commit the file itself instead of a link to it",
    )
    return False


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """The file's text with `\\n` line endings, or None (and an error) when it cannot be published."""
    if not refuse_symlink(path, display, problems):
        return None
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
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        problems.error(
            display,
            line,
            f"the file holds the control character U+{ord(control.group()):04X}",
            "remove it; it is invisible in most editors but breaks feeds and calendars",
            column=column,
        )
        return None
    return text
