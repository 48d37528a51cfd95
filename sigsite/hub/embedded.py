"""Images a group's Markdown embeds as `data:` addresses, as Gitee shows them: each decoded into a
file beside the text (`issue-workflow.embedded-1.png`), published like a file the text links to.

Only the inert raster types are taken (PNG, JPEG, GIF, WebP), and only what Pillow decodes as the
type the address declares. What is published is the image's pixels alone, encoded again
(sigsite/pixels.py): its text chunks, comments, EXIF, XMP and colour profile could hold an address
that withholding, which reads the text before anything is decoded, never saw. The text then links
to the file by a relative address, on the same line, so its lines keep their numbers. Every other
embedded image loses its bytes (`data:image/svg+xml;base64,`): the sanitizer drops what is left,
its alt text is shown, and an image that could not be taken is an error at its line.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote

from sigsite.pixels import EncodedImage, ImageRefused, reencode
from sigsite.problems import Problems

# The type a `data:` address declares -> the format Pillow must find in its bytes.
EMBEDDED_TYPES = {"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}
_DATA_IMAGE = re.compile(
    r"data:image/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]*?)(?=[)\"'\s>]|$)", re.IGNORECASE
)


def extract_embedded(
    text: str,
    relative: str,
    display: str,
    problems: Problems,
    taken: Callable[[str], bool] = lambda _path: False,
) -> tuple[str, dict[str, bytes]]:
    """The text with its embedded images replaced by relative links to files, and those files by
    their folder-relative paths (beside `relative`, the text's own path), each at a path no file of
    the folder nor another text's image has (`taken`); what cannot be taken is reported at its
    line of `display`."""
    if "data:image/" not in text.lower():
        return text, {}
    directory, stem = posixpath.split(posixpath.splitext(relative)[0])
    files: dict[str, bytes] = {}
    counted = (0, 1)  # (position, its line): lines are counted once, left to right

    def line_of(position: int) -> int:
        nonlocal counted
        counted = (position, counted[1] + text.count("\n", counted[0], position))
        return counted[1]

    def to_file(match: re.Match[str]) -> str:
        declared = match[1].lower()
        withheld = f"data:image/{match[1]};base64,"  # the bytes are published as pixels or not at all
        expected = EMBEDDED_TYPES.get(declared)
        if expected is None:
            return withheld
        try:
            data = base64.b64decode("".join(match[2].split()), validate=True)
            image: EncodedImage = reencode(data, expected)
        except (binascii.Error, ValueError, ImageRefused) as exc:
            problems.error(
                display,
                line_of(match.start()),
                f"the image embedded as data:image/{declared} is not published: {_reason(exc)}",
                "commit the image as a file beside the text and link to it",
            )
            return withheld
        if image.frames > 1:
            problems.warning(
                display,
                line_of(match.start()),
                f"the image embedded as data:image/{declared} is animated; only its first frame is published",
                "commit the animation as a file and link to it",
            )
        number = len(files) + 1
        name = f"{stem}.embedded-{number}.{image.extension}"
        while taken(posixpath.join(directory, name)) or posixpath.join(directory, name) in files:
            number += 1  # a committed file, or `a.markdown`'s image beside `a.md`'s, has this name
            name = f"{stem}.embedded-{number}.{image.extension}"
        files[posixpath.join(directory, name)] = image.data
        return "./" + quote(name)

    return _DATA_IMAGE.sub(to_file, text), files


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, ImageRefused) else "its base64 text cannot be decoded"
