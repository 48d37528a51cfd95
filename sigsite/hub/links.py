"""Where a relative link of a README leads on the hub.

A README links to files of the repository as Gitee shows them: `./meetings/001-20200604.md`,
`./sig_members.yaml`, `docs/x.pdf`, `../dx/README.md`. On the hub each becomes the page that shows
it (a meeting's page, the roster, another SIG's home), the published copy of a file, or the file
on the forge when the hub does not publish it or the checkout lacks it. No link is left to break.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from sigsite.hub.model import Community
from sigsite.settings import MEETINGS_DIR, MEMBERS_FILE, SIG_INFO_FILE

FORGE_URL = "https://gitee.com/mindspore/community/blob/master/"
# Link targets in Markdown and in raw HTML; each pattern is linear.
_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](target), ![alt](target)
    re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE),  # [ref]: target
    re.compile(r"\b(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE),
)


def relative_targets(markdown: str) -> Iterator[str]:
    """The relative paths a README links to (no scheme, no fragment-only links), unquoted."""
    for pattern in _TARGETS:
        for match in pattern.finditer(markdown):
            parts = urlsplit(match[1])
            if not parts.scheme and not parts.netloc and parts.path and not parts.path.startswith("/"):
                yield unquote(parts.path)


@dataclass(frozen=True)
class HubLink:
    """What a README's link leads to on the hub."""

    kind: str  # "hub" (the home page), "home", "members", "archive", "meeting", "file", "web"
    sig_id: str | None = None
    value: str = ""  # a meeting's slug, a published file's site path, or a web address
    fragment: str = ""


class ReadmeLinks:
    """Resolves the relative links of the community's READMEs against what the hub publishes."""

    def __init__(self, community: Community, forge_url: str = FORGE_URL) -> None:
        self.forge_url = forge_url if forge_url.endswith("/") else forge_url + "/"
        self._targets: dict[str, HubLink] = {}
        self._add("sigs", HubLink("hub"))
        for readme in community.introduction:
            self._add(readme.path, HubLink("hub"))
        for sig in community.folders:
            folder = f"sigs/{sig.folder}"
            self._add(folder, HubLink("home", sig.id))
            for readme in sig.readmes:
                self._add(readme.path, HubLink("home", sig.id))
            for name in (MEMBERS_FILE, SIG_INFO_FILE):
                self._add(f"{folder}/{name}", HubLink("members", sig.id))
            self._add(f"{folder}/{MEETINGS_DIR}", HubLink("archive", sig.id))
            for meeting in sig.data.meetings:
                link = (
                    HubLink("web", value=meeting.external_url)
                    if meeting.external_url
                    else HubLink("meeting", sig.id, meeting.slug)
                )
                self._add(f"{folder}/{MEETINGS_DIR}/{meeting.source}", link)
            for attachment in sig.data.attachments:
                name = f"{MEETINGS_DIR}/{attachment.source}"
                self._add(f"{folder}/{name}", HubLink("file", sig.id, name))
            for path in sig.published_files:
                self._add(f"{folder}/{path}", HubLink("file", sig.id, path))

    def _add(self, repository_path: str, link: HubLink) -> None:
        self._targets[repository_path] = link

    def resolve(self, readme_path: str, target: str) -> HubLink | None:
        """The hub's link for `target`, written in the README at `readme_path` (repository-relative);
        None for what is not a relative link (web addresses, `#fragment`, `mailto:`)."""
        parts = urlsplit(target.strip())
        if parts.scheme or parts.netloc or not parts.path:
            return None
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        path = unquote(parts.path)
        base = "" if path.startswith("/") else posixpath.dirname(readme_path)
        joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if joined == ".." or joined.startswith("../"):  # above the repository: its home on the forge
            return HubLink("web", value=self.forge_url)
        found = self._targets.get(joined.rstrip("/"))
        if found is not None:
            return HubLink(found.kind, found.sig_id, found.value, fragment if found.kind != "file" else "")
        return HubLink("web", value=self.forge_url + quote(joined) + fragment)
