"""Personal e-mail addresses withheld from everything the site publishes, each with a warning.

emails.py finds an address after every decoding an output applies; here it meets each kind of
input: the text of a note or README, the values of a YAML file once YAML has decoded them (a
`"\\x40"` escape is an `@` by then), and the names of the files and folders the site lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sigsite.emails import Address, find_addresses, redact
from sigsite.problems import Problems
from sigsite.yaml_source import LocatedDict, LocatedList

FIX = (
    "remove it from the file; a mailing list's address can be listed under 'public_emails' of the "
    "sigsite plugin in mkdocs.yml (sigsite-hub in hub/mkdocs.yml)"
)
MAX_REPORTED = 10  # withheld addresses of one file reported one by one; the rest are counted
NEVER_PUBLISHED = frozenset({"email"})  # keys of the members files whose values the site never reads


def warn_withheld(address: Address, display: str, line: int | None, problems: Problems) -> None:
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


def _report(found: Sequence[tuple[Address, int | None]], display: str, problems: Problems) -> None:
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


def refuse_address_in_name(name: str, display: str, problems: Problems) -> bool:
    """True when a file or folder name holds no address; else an error: its address would publish it."""
    if not find_addresses(name, markdown=False):
        return True
    problems.error(
        display,
        None,
        "the name holds an e-mail address, which its address on the site would publish",
        "rename it without the address",
    )
    return False
