"""The width and height of the images a group's Markdown shows from its own folder, read from the
files' headers (imagesize), so a page keeps the place of each image while it loads."""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

import imagesize  # type: ignore[import-untyped]

from sigsite.hub.model import Community
from sigsite.markup.references import SCHEME, parse_reference
from sigsite.settings import MEETINGS_DIR


@lru_cache(maxsize=4096)  # a README may show one image many times: its header is read once
def _size_of(path: Path) -> tuple[int, int] | None:
    return _size(path)


def _size(image: Path | BytesIO) -> tuple[int, int] | None:
    try:
        width, height = imagesize.get(image)
    except (OSError, ValueError):
        return None
    return (width, height) if width > 0 and height > 0 else None


class ImageSizes:
    """Sizes of the files the hub publishes, by the reference a rendered image points at."""

    def __init__(self, community: Community, root: Path) -> None:
        self._folders = {sig.id: root / sig.path for sig in community.folders}
        self._embedded = {sig.id: dict(sig.embedded_files) for sig in community.folders}
        self._published = {
            sig.id: {*sig.published_files, *(f"{MEETINGS_DIR}/{a.source}" for a in sig.data.attachments)}
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
        return _size(BytesIO(made)) if made is not None else _size_of(self._folders[target.group] / relative)
