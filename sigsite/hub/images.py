"""The images a group's Markdown shows from its own folder: their width and height, read from the
files' headers (imagesize), so a page keeps the place of each image while it loads; and, for a heavy
one, its smaller WebP copies (sigsite/responsive.py), published beside it as
`<name>.<width>w.webp`, which the page offers in its `srcset`.

What a header declares is checked before anything is decoded, and a problem with it is a warning
at the line that shows the image, the same in the build and in `sigsite check --community`; only
the build makes copies (`ImageSizeCache(copies=True)`), once for every language and, under `mkdocs
serve`, again only for an image that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import imagesize  # type: ignore[import-untyped]

from sigsite.hub.model import Community
from sigsite.markup.document import ShownImage
from sigsite.markup.references import SCHEME, Target, parse_reference
from sigsite.problems import Problems
from sigsite.responsive import Copies, limit_problem, make_copies, wants_copies
from sigsite.settings import MEETINGS_DIR

LIMIT_FIX = "commit a smaller image, or link to the file instead of showing it"


@dataclass(frozen=True)
class _Header:
    """What a file's header says: its declared width and height (None when it declares none), its
    size in bytes and its first bytes."""

    dimensions: tuple[int, int] | None
    size: int
    head: bytes


def _header(image: Path | BytesIO, size: int) -> _Header:
    try:
        width, height = imagesize.get(image)
        if isinstance(image, BytesIO):
            head = image.getvalue()[:8]
        else:
            with image.open("rb") as handle:
                head = handle.read(8)
    except (OSError, ValueError):
        return _Header(None, size, b"")
    return _Header((width, height) if width > 0 and height > 0 else None, size, head)


@dataclass
class _Entry:
    version: tuple[int, int]
    header: _Header
    copies: Copies | None = None  # made once, when asked for
    tried: bool = False


class ImageSizeCache:
    """Headers read and copies made in an earlier load, kept while the file's size and time are
    unchanged, as NoteCache keeps notes: a README may show one image many times (its header is read
    once), and `mkdocs serve` renders the community again after every save (an image written again
    is read again). With `copies` false (`sigsite check`), no copy is made."""

    def __init__(self, *, copies: bool = True) -> None:
        self.copies = copies
        self._entries: dict[Path, _Entry] = {}
        self._used: dict[Path, _Entry] = {}

    def entry(self, path: Path) -> _Entry | None:
        """What is known of the image at `path`, or None when there is no file to read."""
        try:
            stat = path.lstat()
        except OSError:
            return None
        version = (stat.st_size, stat.st_mtime_ns)
        entry = self._used.get(path) or self._entries.get(path)
        if entry is None or entry.version != version:
            entry = _Entry(version, _header(path, stat.st_size))
        self._used[path] = entry
        return entry

    def size_of(self, path: Path) -> tuple[int, int] | None:
        """The width and height of the image at `path`, or None when there is none to read."""
        entry = self.entry(path)
        return entry.header.dimensions if entry is not None else None

    def forget_unused(self) -> None:
        """Keep only the images of the last load: deleted and rewritten versions go."""
        self._entries, self._used = self._used, {}


class ImageSizes:
    """The images the hub publishes, by the reference a rendered image points at: their sizes,
    the problems their headers declare, and the copies made of them, by group."""

    def __init__(
        self, community: Community, root: Path, problems: Problems, cache: ImageSizeCache | None = None
    ) -> None:
        self._cache = cache or ImageSizeCache()
        self._problems = problems
        self._folders = {sig.id: root / sig.path for sig in community.folders}
        self._embedded = {sig.id: dict(sig.embedded_files) for sig in community.folders}
        self._embedded_entries: dict[tuple[str, str], _Entry] = {}
        self._published = {
            sig.id: {*sig.published_files, *(f"{MEETINGS_DIR}/{a.source}" for a in sig.attachments)}
            for sig in community.folders
        }
        # What a copy's path may not be: a file the group publishes, or a page's folder.
        self._taken = {
            sig.id: self._published[sig.id]
            | {f"{MEETINGS_DIR}/{m.slug}" for m in sig.meetings}
            | {f"documents/{d.slug}" for d in sig.documents}
            for sig in community.folders
        }
        self.copies: dict[str, dict[str, bytes]] = {}  # by group: each copy's folder-relative path

    def shown(self, address: str, display: str, line: int | None) -> ShownImage | None:
        """The image at `address` as the text `display` (from the community's root) shows it at
        `line`: its size and its copies, when it is a published file of a group; a header past the
        limits is a warning there."""
        found = self._entry(address)
        if found is None:
            return None
        group, relative, entry = found
        if entry.header.dimensions is None:
            return None
        width, height = entry.header.dimensions
        heavy = wants_copies(entry.header.size, entry.header.head)
        problem = limit_problem(width, height, entry.header.size, decoded=heavy)
        if problem is not None:
            self._problems.warning(display, line, problem, LIMIT_FIX)
            return ShownImage(width, height)
        copies = self._copies(group, relative, entry) if heavy and self._cache.copies else None
        if copies is None:
            return ShownImage(width, height)
        made = self.copies.setdefault(group, {})
        sources = []
        for copy in copies.copies:
            path = f"{relative}.{copy.width}w.webp"
            if path in self._taken[group]:
                continue  # a file or page of the group has the copy's name: it keeps it
            made[path] = copy.data
            sources.append((Target("file", group, path).reference(), copy.width))
        return ShownImage(copies.width, copies.height, tuple(sources))

    def _entry(self, address: str) -> tuple[str, str, _Entry] | None:
        """The group, folder-relative path and entry of the published image at `address`."""
        body = address.removeprefix(f"{SCHEME}:").split("#", 1)[0]
        target = parse_reference(body) if body != address else None
        if target is None or target.kind not in {"file", "attachment"}:
            return None
        relative = target.value if target.kind == "file" else f"{MEETINGS_DIR}/{target.value}"
        if relative not in self._published.get(target.group, set()):
            return None  # only what the hub publishes: checked, inert, no link on the way
        made = self._embedded[target.group].get(relative)
        if made is not None:
            key = (target.group, relative)
            if key not in self._embedded_entries:
                self._embedded_entries[key] = _Entry((len(made), 0), _header(BytesIO(made), len(made)))
            return target.group, relative, self._embedded_entries[key]
        entry = self._cache.entry(self._folders[target.group] / relative)
        return (target.group, relative, entry) if entry is not None else None

    def _copies(self, group: str, relative: str, entry: _Entry) -> Copies | None:
        """The copies of an image, made once (None when it gets none)."""
        if not entry.tried:
            made = self._embedded[group].get(relative)
            try:
                data = made if made is not None else (self._folders[group] / relative).read_bytes()
            except OSError:
                data = b""
            entry.copies, entry.tried = make_copies(data), True
        return entry.copies
