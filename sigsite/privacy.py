"""Personal e-mail addresses withheld from everything the site publishes, each with a warning.

emails.py finds an address after every decoding an output applies; here it meets each kind of
input: the text of a note or README, the values of a YAML file once YAML has decoded them (a
`"\\x40"` escape is an `@` by then), and the names of the files and folders the site lists.
"""

from __future__ import annotations

from typing import Any

from sigsite.emails import Address, find_addresses, redact
from sigsite.problems import Problems
from sigsite.yaml_source import LocatedDict, LocatedList

FIX = (
    "remove it from the file; a mailing list's address can be listed under 'public_emails' of the "
    "sigsite plugin in mkdocs.yml (sigsite-hub in hub/mkdocs.yml)"
)
NEVER_PUBLISHED = frozenset({"email"})  # keys of the members files whose values the site never reads


def warn_withheld(address: Address, display: str, line: int | None, problems: Problems) -> None:
    """Report one withheld address, masked: logs are public too."""
    problems.warning(
        display, line, f"the personal e-mail address {address.masked} is withheld from the site", FIX
    )


def withhold_in_text(text: str, public: frozenset[str], display: str, problems: Problems) -> str:
    """A file's text (Markdown) with personal addresses withheld, each reported with its line."""
    redacted, hidden = redact(text, public)
    line, position = 1, 0
    for address in hidden:  # in order of position: count only the lines in between
        line += text.count("\n", position, address.start)
        position = address.start
        warn_withheld(address, display, line, problems)
    return redacted


def withhold_in_data(data: Any, public: frozenset[str], display: str, problems: Problems) -> None:
    """Withhold personal addresses in every text value of loaded YAML, in place (`email:` aside)."""
    pending = [data]
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
                for address in hidden:
                    warn_withheld(address, display, line, problems)
            else:
                pending.append(value)


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
