"""Personal e-mail addresses withheld from everything the site publishes, each with a warning.

emails.py finds an address after every decoding an output applies; here it meets each kind of
input: the text of a note or README, the values of a YAML file once YAML has decoded them (a
`"\\x40"` escape is an `@` by then), the names of the files and folders the site publishes or
lists, and the files it publishes as they are (file_text.py reads all they hold). A path is
shown masked in every message: logs are public too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sigsite.emails import FoundAddress, find_addresses, masked_in, redact
from sigsite.file_parts import CannotLookInto
from sigsite.file_text import addresses_in_file
from sigsite.problems import FILE_LEFT_OUT, Problems
from sigsite.reading import is_odd_name, refuse_odd_name, regular_file_bytes
from sigsite.yaml_source import LocatedDict, LocatedList

PUBLIC_LISTS = (
    "a mailing list's address can be listed under 'public_emails' of the sigsite plugin in mkdocs.yml "
    "(sigsite-hub in hub/mkdocs.yml)"
)
FIX = f"remove it from the file; {PUBLIC_LISTS}"
MAX_REPORTED = 10  # withheld addresses of one file reported one by one; the rest are counted
NEVER_PUBLISHED = frozenset({"email"})  # keys of the members files whose values the site never reads
MAX_WHERE = 120  # characters of a part's name (a member's path) an error shows


def warn_withheld(address: FoundAddress, display: str, line: int | None, problems: Problems) -> None:
    """Report one withheld address, masked: logs are public too."""
    problems.warning(
        display, line, f"the personal e-mail address {address.masked} is withheld from the site", FIX
    )


def withhold_in_text(text: str, public: frozenset[str], display: str, problems: Problems) -> str:
    """A file's text (Markdown) with personal addresses withheld, each reported with its line (the
    first MAX_REPORTED of the file; one warning counts the rest)."""
    redacted, hidden = redact(text, public)
    line, position, found = 1, 0, []
    for address in hidden:  # in order of position: count only the lines in between
        line += text.count("\n", position, address.start)
        position = address.start
        found.append((address, line))
    _report(found, display, problems)
    return redacted


def withhold_in_data(data: Any, public: frozenset[str], display: str, problems: Problems) -> None:
    """Withhold personal addresses in every text value of loaded YAML, in place (`email:` aside);
    each is reported with its line (the first MAX_REPORTED of the file; one warning counts the rest)."""
    pending, found = [data], []
    while pending:
        container = pending.pop()
        if isinstance(container, LocatedDict):
            entries = [(key, value, container.line_of(key)) for key, value in container.items()]
        elif isinstance(container, LocatedList):
            entries = [(index, value, container.line_of(index)) for index, value in enumerate(container)]
        else:
            continue
        for key, value, line in entries:
            if key in NEVER_PUBLISHED:
                continue
            if isinstance(value, str):
                redacted, hidden = redact(value, public, markdown=False)
                container[key] = redacted
                found += [(address, line) for address in hidden]
            else:
                pending.append(value)
    _report(found, display, problems)


def _report(found: Sequence[tuple[FoundAddress, int | None]], display: str, problems: Problems) -> None:
    """A warning for each of a file's first MAX_REPORTED withheld addresses, and one that counts the
    rest: a file of many addresses makes a report of a few lines, not one per address."""
    for address, line in found[:MAX_REPORTED]:
        warn_withheld(address, display, line, problems)
    rest = found[MAX_REPORTED:]
    if rest:
        problems.warning(
            display,
            rest[0][1],
            f"{len(rest)} more personal e-mail addresses are withheld from the site, from this line on",
            FIX,
        )


def masked(text: str) -> str:
    """`text` with every address it reads as masked (`docs/j…@example.org.md`): a path as a message
    may show it."""
    return masked_in(text)


def refuse_address_in_name(name: str, display: str, problems: Problems) -> bool:
    """True when a file or folder name holds no address; else an error (its path masked): its
    address on the site would publish it."""
    if not find_addresses(name, markdown=False):
        return True
    problems.error(
        masked(display),
        None,
        "the name holds an e-mail address, which its address on the site would publish",
        "rename it without the address",
        topic=FILE_LEFT_OUT,
    )
    return False


def may_publish_name(name: str) -> bool:
    """True for a file or folder name that holds no control character, bytes that are not UTF-8 or
    e-mail address: what `refuse_unpublishable_name` lets through, without a message."""
    return not is_odd_name(name) and not find_addresses(name, markdown=False)


def refuse_unpublishable_name(name: str, display: str, problems: Problems) -> bool:
    """True for a file or folder name the site can publish: no control character, bytes that are
    not UTF-8 or e-mail address (reading.refuse_odd_name, refuse_address_in_name); else an error
    naming `display`, masked."""
    return refuse_odd_name(name, masked(display), problems) and refuse_address_in_name(
        name, display, problems
    )


class PublishableNames:
    """The names on the way to each file of a folder that the site would publish: every folder and
    the file itself pass `refuse_unpublishable_name`. Each refused name is reported once, with its
    path from `display_folder`, however many files lie below it."""

    def __init__(self, display_folder: str, problems: Problems) -> None:
        self._display_folder = display_folder
        self._problems = problems
        self._verdicts: dict[str, bool] = {}  # folder-relative path -> its name may be published

    def allow(self, relative: str) -> bool:
        """True when every name of `relative` (folder-relative, `/`-separated) may be published."""
        path = ""
        for name in relative.split("/"):
            path = f"{path}/{name}" if path else name
            verdict = self._verdicts.get(path)
            if verdict is None:
                display = f"{self._display_folder}/{path}"
                verdict = self._verdicts[path] = refuse_unpublishable_name(name, display, self._problems)
            if not verdict:
                return False
        return True


def refuse_address_in_file(path: Path, display: str, public: frozenset[str], problems: Problems) -> bool:
    """True unless `path`, a file published as it is, holds a personal address anywhere its
    viewers or unpackers would find one (file_text.py: its text, properties, comments, members,
    streams), or cannot be looked into: the site cannot withhold an address from a copy, so the
    file is left out, with an error (at the address's line when its text has the file's lines)."""
    try:
        content = regular_file_bytes(path)
    except OSError as exc:
        problems.error(masked(display), None, f"cannot read the file: {exc.strerror}", topic=FILE_LEFT_OUT)
        return False
    try:
        found = next(
            (f for f in addresses_in_file(content, path.name) if f.address.address.lower() not in public),
            None,
        )
    except CannotLookInto as exc:
        problems.error(
            masked(display),
            None,
            f"cannot be looked into for e-mail addresses: {exc.reason}; a file is published as it is, "
            "so it is left out",
            "publish it in a format the hub reads (PDF, PNG, JPEG, .pptx, .docx, .xlsx, .zip, .tar.gz), "
            "or link to where it is hosted",
            topic=FILE_LEFT_OUT,
        )
        return False
    if found is None:
        return True
    inside = f" (in {found.where[:MAX_WHERE]})" if found.where else ""
    problems.error(
        masked(display),
        found.line,
        f"holds the personal e-mail address {found.address.masked}{inside}, and a file is published as it is",
        f"remove the address from the file: from its text and its properties (author, comments, "
        f"metadata); {PUBLIC_LISTS}",
        topic=FILE_LEFT_OUT,
    )
    return False
