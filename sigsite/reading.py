"""Reading the SIG's files safely: no symbolic links, UTF-8 (a BOM allowed), any line ending."""

from __future__ import annotations

import errno
import re
from pathlib import Path
from stat import S_ISDIR, S_ISLNK, S_ISREG

from sigsite.problems import CHARACTERS_LEFT_OUT, FILE_LEFT_OUT, Problems

BOM = "\ufeff"
# C0 controls but tab and line ends, DEL, and the two non-characters XML refuses.
# C0 and C1 controls (U+0085 is a line break to YAML), non-characters, and the bidirectional
# embeddings, overrides and isolates, which reorder what a page shows (`Eve\u202egnp.exe`).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
MAX_TEXT_BYTES = 4 * 1024 * 1024  # a Markdown or YAML file; the largest real one (images embedded) is 0.3 MB
MIN_OTHER_ENCODING = 4  # bytes that are not UTF-8: fewer is a slip, not another encoding
# Of all its bytes: a Chinese text saved as GBK has 45-60 % that are not UTF-8, an English one a few.
OTHER_ENCODING_SHARE = 0.25
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ODD_IN_NAME = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def first_control_character(text: str) -> str | None:
    """The first character of `text` that no page, feed or calendar may carry, if any."""
    match = _CONTROL.search(text)
    return match.group() if match else None


def without_control_characters(text: str) -> str:
    """`text` without the characters no page, feed or calendar may carry."""
    return _CONTROL.sub("", text)


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
        topic=FILE_LEFT_OUT,
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
    _symlink_refused(display, problems)
    return False


def _symlink_refused(display: str, problems: Problems) -> None:
    problems.error(
        display,
        None,
        "is a symbolic link; the site never follows links, which could publish files from "
        "outside the SIG's folder",
        "commit the file itself instead of a link to it",
        topic=FILE_LEFT_OUT,
    )


def refuse_folder(path: Path, display: str, problems: Problems) -> bool:
    """True unless `path` is a folder where the reader expects a file (`sig-info.yaml/`): an error."""
    if not path.is_dir() or path.is_symlink():
        return True
    _folder_refused(display, problems)
    return False


def _folder_refused(display: str, problems: Problems) -> None:
    problems.error(
        display,
        None,
        "is a folder where a file belongs, so it is left out",
        "commit the file itself under this name, and move the folder",
        topic=FILE_LEFT_OUT,
    )


def regular_file_bytes(path: Path) -> bytes:
    """The bytes of `path`; OSError when it is not a regular file (a FIFO would block the read for
    ever, a device never end it), as when it cannot be read."""
    if not S_ISREG(path.stat().st_mode):
        raise OSError(errno.EINVAL, "it is neither a file nor a folder (a FIFO, a socket or a device)")
    return path.read_bytes()


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """The file's text with `\\n` line endings; None (and an error) when there is none to show.

    What no page may carry is taken out where it stands and reported as an error, so that `sigsite
    check` and a SIG's own build refuse the file while the hub shows the rest of it: bytes that are
    not UTF-8 become U+FFFD (one error for the file), control characters are dropped (one error,
    at the first). A link, a folder, a FIFO or device, an unreadable file, one over MAX_TEXT_BYTES
    or one mostly not UTF-8 (another encoding) gives None.
    """
    try:
        info = path.lstat()  # one look at what the name is: a link is never followed
        if S_ISLNK(info.st_mode):
            _symlink_refused(display, problems)
            return None
        if S_ISDIR(info.st_mode):
            _folder_refused(display, problems)
            return None
        if not S_ISREG(info.st_mode):  # a FIFO would block the read for ever; git commits none
            problems.error(
                display,
                None,
                "is neither a file nor a folder (a FIFO, a socket or a device), so it is left out",
                "commit a file under this name",
                topic=FILE_LEFT_OUT,
            )
            return None
        size = info.st_size
        if size > MAX_TEXT_BYTES:
            problems.error(
                display,
                None,
                f"the file is {size:,} bytes, over the {MAX_TEXT_BYTES:,} bytes a text may have, "
                "so it is left out",
                "split it into several files, or move embedded images into files of their own",
                topic=FILE_LEFT_OUT,
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(
            display,
            None,
            f"cannot read the file: {exc.strerror}",
            "commit a readable file",
            topic=FILE_LEFT_OUT,
        )
        return None
    text = _decoded(raw, display, problems)
    if text is None:
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
    return _without_controls(text, display, problems)


def _decoded(raw: bytes, display: str, problems: Problems) -> str | None:
    """`raw` as UTF-8, each byte that is not UTF-8 replaced by U+FFFD where it stands; None (an
    error) for a file written in another encoding, which replacing would turn into noise."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc
    escaped = raw.decode("utf-8", errors="surrogateescape")  # a lone surrogate per byte that is not
    bad = len(_ESCAPED_BYTE.findall(escaped))
    line = raw.count(b"\n", 0, first.start) + 1
    where = f"byte 0x{raw[first.start]:02x} at byte offset {first.start}"
    if bad >= MIN_OTHER_ENCODING and bad > len(raw) * OTHER_ENCODING_SHARE:
        problems.error(
            display,
            line,
            f"the file is not UTF-8: {bad:,} of its {len(raw):,} bytes are not ({where}); it is written "
            "in another encoding, so it is left out",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
            topic=FILE_LEFT_OUT,
        )
        return None
    more = f" (and {bad - 1:,} more)" if bad > 1 else ""
    problems.error(
        display,
        line,
        f"the file is not valid UTF-8: {where}{more}",
        "save the file as UTF-8 (most editors offer it under 'Save with encoding'); "
        "the hub shows such bytes as \ufffd",
        topic=CHARACTERS_LEFT_OUT,
    )
    return _ESCAPED_BYTE.sub("\ufffd", escaped)


def _without_controls(text: str, display: str, problems: Problems) -> str:
    """`text` without the characters no page, feed or calendar may carry; an error at the first."""
    control = _CONTROL.search(text)
    if control is None:
        return text
    line = text.count("\n", 0, control.start()) + 1
    column = control.start() - text.rfind("\n", 0, control.start())
    found = _CONTROL.findall(text)
    more = f" (and {len(found) - 1:,} more)" if len(found) > 1 else ""
    problems.error(
        display,
        line,
        f"the file holds the control character U+{ord(control.group()):04X}{more}",
        "remove it; it is invisible in most editors but breaks feeds and calendars "
        "(the hub shows the file without it)",
        column=column,
        topic=CHARACTERS_LEFT_OUT,
    )
    return without_control_characters(text)
