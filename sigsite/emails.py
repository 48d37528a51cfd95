"""Personal e-mail addresses in committed text: found in linear time and withheld from the site.

A regular expression such as `[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+` is quadratic on a long run of word
characters without an `@`; this scanner starts only at an `@` and looks at most an address's
length to either side.
"""

from __future__ import annotations

from dataclasses import dataclass

REDACTED = "[e-mail hidden]"
MAX_LOCAL = 64  # RFC 5321 limits
MAX_DOMAIN = 255
_LOCAL_EXTRA = frozenset(".+-_%")
_DOMAIN_EXTRA = frozenset(".-")


@dataclass(frozen=True)
class Address:
    """One address found in a text, with where it starts and ends (a `mailto:` before it included)."""

    start: int
    end: int
    address: str

    @property
    def masked(self) -> str:
        """`j…@example.org`: enough to find it in the file, not enough to publish it."""
        local, _, domain = self.address.partition("@")
        return f"{local[:1]}…@{domain}"


def _is_local(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _LOCAL_EXTRA)


def _is_domain(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _DOMAIN_EXTRA)


def find_addresses(text: str) -> list[Address]:
    """Every e-mail address in `text`, left to right; linear in the length of the text."""
    found: list[Address] = []
    scanned_to = 0  # no address starts before the end of the previous one
    at = text.find("@")
    while at != -1:
        start = at
        while start > max(scanned_to, at - MAX_LOCAL) and _is_local(text[start - 1]):
            start -= 1
        end = at + 1
        while end < len(text) and end - at <= MAX_DOMAIN and _is_domain(text[end]):
            end += 1
        local, domain = text[start:at].strip("."), text[at + 1 : end].rstrip(".-")
        labels = domain.split(".")
        if local and len(labels) >= 2 and all(labels) and labels[-1].isalpha():
            start = at - len(text[start:at].lstrip("."))
            end = at + 1 + len(domain)
            if text[max(0, start - 7) : start].lower() == "mailto:":
                start -= 7
            found.append(Address(start, end, f"{text[start:at].removeprefix('mailto:')}@{domain}"))
            scanned_to = end
        at = text.find("@", max(at + 1, scanned_to))
    return found


def redact(text: str, public: frozenset[str] = frozenset()) -> tuple[str, list[Address]]:
    """`text` with every address not in `public` replaced; and the addresses replaced."""
    hidden = [a for a in find_addresses(text) if a.address.lower() not in public]
    if not hidden:
        return text, []
    parts: list[str] = []
    position = 0
    for address in hidden:
        parts.append(text[position : address.start])
        parts.append(REDACTED)
        position = address.end
    parts.append(text[position:])
    return "".join(parts), hidden
