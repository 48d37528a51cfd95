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
from urllib.parse import quote, unquote, urlsplit

from sigsite.hub.model import Community
from sigsite.markup.anchors import pending_fragment
from sigsite.markup.document import Resolve
from sigsite.markup.references import Target
from sigsite.privacy import may_publish_name
from sigsite.settings import MEETINGS_DIR, MEMBERS_FILE, SIG_INFO_FILE

PAGE_KINDS = frozenset(
    {"hub", "home", "meeting", "document"}
)  # pages whose ids come from content: user-content-
# Link targets in Markdown and in raw HTML; each pattern is linear: a label or a blank run stays on
# its line (`[^\]]+` from every `[` of 100,000 lines of `[` would read on to the end each time).
_TARGETS = (
    re.compile(r"\]\([ \t]*(?:\n[ \t]*)?<?([^)\s>]+)"),  # [text](target), ![alt](target)
    re.compile(r"^ {0,3}\[[^\[\]\n]{1,999}\]:[ \t]*<?([^\s>]+)", re.MULTILINE),  # [ref]: target
    re.compile(r"\b(?:href|src)[ \t]*=[ \t]*[\"']?([^\"'\s>]+)", re.IGNORECASE),
)


_WEB_ADDRESS = re.compile(r"https?://[^\s()<>\"']+")
_ON_FORGE = re.compile(r"(?:raw|blob|tree)/[^/]+/(.+)")  # a branch's file: raw/master/sigs/x.png


def repository_path(url: str, forge_url: str) -> str | None:
    """The path in the repository shown at `forge_url` that an absolute address of it names
    (`…/community/raw/master/sigs/mindflow/images/a.png` -> `sigs/mindflow/images/a.png`), or None."""
    root = forge_url.split("/blob/", 1)[0].rstrip("/") + "/"
    if not url.startswith(root):
        return None
    try:
        match = _ON_FORGE.fullmatch(urlsplit(url).path.removeprefix(urlsplit(root).path))
    except ValueError:  # a malformed IPv6 host (`https://x:[e-mail hidden]/`, once withheld): none
        return None
    return unquote(match[1]) if match else None


def forge_targets(markdown: str, forge_url: str) -> Iterator[str]:
    """The repository paths that a text's absolute addresses of its own repository name."""
    for match in _WEB_ADDRESS.finditer(markdown):
        path = repository_path(match[0], forge_url)
        if path is not None:
            yield path


def relative_targets(markdown: str) -> Iterator[str]:
    """The relative paths a README links to (no scheme, no fragment-only links), unquoted."""
    for pattern in _TARGETS:
        for match in pattern.finditer(markdown):
            try:
                parts = urlsplit(match[1])
            except ValueError:  # a malformed IPv6 host (a password's address, once withheld): no file
                continue
            if not parts.scheme and not parts.netloc and parts.path and not parts.path.startswith("/"):
                yield unquote(parts.path)


class ReadmeLinks:
    """Resolves the relative links of the community's READMEs against what the hub publishes."""

    def __init__(self, community: Community, forge_url: str) -> None:
        self.forge_url = forge_url if forge_url.endswith("/") else forge_url + "/"
        self._targets: dict[str, Target] = {}
        self._web: dict[str, str] = {}  # notes of external sessions: their address
        self._withheld: set[str] = set()  # files left out for what they hold: linked as their folder
        self._add(community.layout.listed_kind.folder, Target("hub"))
        for readme in community.introduction:
            self._add(readme.path, Target("hub"))
        for sig in community.folders:
            folder = sig.path
            self._add(folder, Target("home", sig.id))
            for readme in sig.readmes:
                self._add(readme.path, Target("home", sig.id))
            if sig.lists_people:  # else the files are shown on the forge
                for name in (MEMBERS_FILE, SIG_INFO_FILE):
                    self._add(f"{folder}/{name}", Target("members", sig.id))
            if sig.has_records:
                self._add(f"{folder}/{MEETINGS_DIR}", Target("archive", sig.id))
            for meeting in sig.meetings:
                if not meeting.is_external:  # a note of meetings/, or a record found elsewhere
                    self._add(f"{folder}/{meeting.source_path}", Target("meeting", sig.id, meeting.slug))
                elif not meeting.path:  # a note of meetings/ that stands for a session elsewhere
                    self._web[f"{folder}/{meeting.source_path}"] = str(meeting.external_url)
            for attachment in sig.attachments:
                self._add(
                    f"{folder}/{MEETINGS_DIR}/{attachment.source}",
                    Target("attachment", sig.id, attachment.source),
                )
            for document in sig.documents:
                self._add(f"{folder}/{document.path}", Target("document", sig.id, document.slug))
            for path in sig.published_files:
                self._add(f"{folder}/{path}", Target("file", sig.id, path))
            self._withheld.update(f"{folder}/{path}" for path in sig.withheld_files)
            self._withheld.update(f"{folder}/{MEETINGS_DIR}/{name}" for name in sig.withheld_attachments)

    def _add(self, repository_path: str, target: Target) -> None:
        self._targets[repository_path] = target

    def on_forge(self, path: str, fragment: str = "") -> str:
        """The address of `path` (repository-relative) on the forge; of the nearest folder above it
        whose names may be published when a name on the way may not (an e-mail address in a link
        is published like one in the text)."""
        parts = path.split("/")
        kept = next((index for index, part in enumerate(parts) if not may_publish_name(part)), len(parts))
        if kept < len(parts):
            return self.forge_url + quote("/".join(parts[:kept]))
        return self.forge_url + quote(path) + (f"#{fragment}" if fragment else "")

    def repository_path(self, url: str) -> str | None:
        """The path in this repository that an absolute address of it on the forge names."""
        return repository_path(url, self.forge_url)

    def resolver(self, readme_path: str) -> Resolve:
        """Resolves the links of the README at `readme_path` (repository-relative)."""
        return lambda path, fragment, _line: self.resolve(readme_path, path, fragment)

    def resolve(self, readme_path: str, path: str, fragment: str = "") -> Target | str:
        """The page or file of the hub that `path` (relative to the README, unquoted) leads to, or
        its address on the forge: no link is left to break."""
        base = "" if path.startswith("/") else posixpath.dirname(readme_path)
        joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if joined == ".." or joined.startswith("../"):  # above the repository: its home on the forge
            return self.forge_url
        key = joined.rstrip("/")
        if key in self._web:
            return self._web[key]
        found = self._targets.get(key)
        if found is None and key in self._withheld:  # the forge shows what it holds: lead to its folder
            return self.on_forge(posixpath.dirname(key))
        if found is None:
            return self.on_forge(joined, fragment)
        if found.kind in PAGE_KINDS and fragment:  # settled once every file is rendered (rendering.py)
            return Target(found.kind, found.group, found.value, pending_fragment(fragment))
        return found
