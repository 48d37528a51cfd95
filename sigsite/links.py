"""Which addresses may be published: the web (http, https) from data; mailto too in notes."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
SAFE_SCHEMES = WEB_SCHEMES | {"mailto"}  # links written in a note's text
_CONTROL = re.compile("[\x00-\x1f\x7f]")
URL_PATTERN = re.compile(r"https?://[^\s<>()\[\]\"'`，。；、）]+")


@lru_cache(maxsize=32_768)
def is_web_url(url: str) -> bool:
    """True when `url` is an absolute http or https address with a host, on one line, readable.
    Remembered: the hub shows each of thousands of repositories' addresses in both languages."""
    if _CONTROL.search(url.strip()):  # a line break in an address breaks calendars, feeds and logs
        return False
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed IPv6 host or port
        return False


def host_of(url: str) -> str:
    """The lower-case host name of an address, or an empty string."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:  # e.g. a malformed port or IPv6 literal
        return ""


def urls_in(text: str) -> list[str]:
    """The web addresses written in a piece of text, trailing punctuation trimmed."""
    return [match.rstrip(".,;:!?*_") for match in URL_PATTERN.findall(text)]
