"""The community's own lists of its SIGs (`sigs/sig_info.yaml`, one per language): each SIG's name,
link, introduction and maintainer as the community lists it. Only ever warnings: the community's
files are taken as they are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sigsite.given import given
from sigsite.links import is_web_url
from sigsite.privacy import withhold_in_data
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.settings import SIGS_DIR
from sigsite.yaml_source import LocatedDict, items_of, load_yaml


@dataclass(frozen=True)
class Listed:
    """An entry of `sigs/sig_info.yaml`: a SIG as the community lists it."""

    name: str
    link: str | None
    introduction: str | None
    maintainer: str | None

    @property
    def folder(self) -> str | None:
        """The folder under sigs/ that the link points to, if it points into the community repository."""
        if not self.link:
            return None
        parts = [unquote(p) for p in urlsplit(self.link).path.split("/")]
        if SIGS_DIR in parts and parts.index(SIGS_DIR) + 1 < len(parts):
            return parts[parts.index(SIGS_DIR) + 1] or None
        return None


def read_listing(path: Path, display: str, public: frozenset[str], problems: Problems) -> list[Listed]:
    """The entries of a community listing; an unreadable one is an error and lists nothing (the
    hub then shows each group from its own files)."""
    if not path.exists() and not path.is_symlink():
        return []
    text = read_text(path, display, problems)
    data = load_yaml(text, display, problems) if text is not None else None
    withhold_in_data(data, public, display, problems)
    entries = data.get("SIG list") if isinstance(data, LocatedDict) else None
    listed = []
    for raw in items_of(entries):
        if not isinstance(raw, LocatedDict) or not given(raw.get("name")):
            continue
        link = given(raw.get("links"))
        listed.append(
            Listed(
                name=str(given(raw.get("name"))),
                link=link if link and is_web_url(link) else None,
                introduction=_text(raw.get("introduction")),
                maintainer=_text(raw.get("maintainer")),
            )
        )
    return listed


def _text(value: Any) -> str | None:
    return given(value) if isinstance(value, str) else None
