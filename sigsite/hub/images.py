"""The width and height of the images a group's Markdown shows from its own folder, read from the
files' headers (imagesize), so a page keeps the place of each image while it loads."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import imagesize  # type: ignore[import-untyped]

from sigsite.hub.model import Community
from sigsite.markup.references import SCHEME, parse_reference
from sigsite.settings import MEETINGS_DIR


def _size(image: Path | BytesIO) -> tuple[int, int] | None:
    try:
        width, height = imagesize.get(image)
    except (OSError, ValueError):
        return None
    return (width, height) if width > 0 and height > 0 else None


class ImageSizeCache:
    """Sizes read in an earlier load, kept while the file's size and time are unchanged, as NoteCache
    keeps notes: a README may show one image many times (its header is read once), and `mkdocs serve`
    renders the community again after every save (an image written again is read again)."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], tuple[int, int] | None]] = {}
        self._used: dict[Path, tuple[tuple[int, int], tuple[int, int] | None]] = {}

    def size_of(self, path: Path) -> tuple[int, int] | None:
        """The width and height of the image at `path`, or None when there is none to read."""
        try:
            stat = path.lstat()
        except OSError:
            return None
        version = (stat.st_size, stat.st_mtime_ns)
        entry = self._used.get(path) or self._entries.get(path)
        if entry is None or entry[0] != version:
            entry = (version, _size(path))
        self._used[path] = entry
        return entry[1]

    def forget_unused(self) -> None:
        """Keep only the images of the last load: deleted and rewritten versions go."""
        self._entries, self._used = self._used, {}


class ImageSizes:
    """Sizes of the files the hub publishes, by the reference a rendered image points at."""

    def __init__(self, community: Community, root: Path, cache: ImageSizeCache | None = None) -> None:
        self._cache = cache or ImageSizeCache()
        self._folders = {sig.id: root / sig.path for sig in community.folders}
        self._embedded = {sig.id: dict(sig.embedded_files) for sig in community.folders}
        self._published = {
            sig.id: {*sig.published_files, *(f"{MEETINGS_DIR}/{a.source}" for a in sig.attachments)}
            for sig in community.folders
        }

    def __call__(self, address: str) -> tuple[int, int] | None:
        """The size of the image at `address` when it is a published file of a group, else None."""
        body = address.removeprefix(f"{SCHEME}:").split("#", 1)[0]
        target = parse_reference(body) if body != address else None
        if target is None or target.kind not in {"file", "attachment"}:
            return None
        relative = target.value if target.kind == "file" else f"{MEETINGS_DIR}/{target.value}"
        if relative not in self._published.get(target.group, set()):
            return None  # only what the hub publishes: checked, inert, no link on the way
        made = self._embedded[target.group].get(relative)
        if made is not None:
            return _size(BytesIO(made))
        return self._cache.size_of(self._folders[target.group] / relative)
