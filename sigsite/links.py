"""Which links may be published: http, https and mailto only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_PATTERN = re.compile(r"https?://[^\s<>()\[\]\"'`，。；、）]+")
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def is_safe_url(url: str) -> bool:
    """True when `url` is absolute and uses an allowed scheme (and has a host, for the web)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


def urls_in(text: str) -> list[str]:
    """The web addresses written in a piece of text, trailing punctuation trimmed."""
    return [match.rstrip(".,;:!?*_") for match in URL_PATTERN.findall(text)]
