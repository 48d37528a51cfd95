"""Images a group's Markdown embeds as `data:` addresses, as Gitee shows them: each decoded into a
file beside the text (`issue-workflow.embedded-1.png`), published like a file the text links to.

Only the inert raster types are taken, and only when the decoded bytes begin as that type does; the
text then links to the file by a relative address, on the same line, so its lines keep their numbers.
Anything else stays a `data:` address, which the sanitizer drops (its alt text is shown).
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import re
from urllib.parse import quote

# type -> (extension, how its bytes begin)
EMBEDDED_TYPES = {
    "png": ("png", (b"\x89PNG\r\n\x1a\n",)),
    "jpeg": ("jpg", (b"\xff\xd8\xff",)),
    "jpg": ("jpg", (b"\xff\xd8\xff",)),
    "gif": ("gif", (b"GIF87a", b"GIF89a")),
    "webp": ("webp", (b"RIFF",)),
}
_DATA_IMAGE = re.compile(r"data:image/([a-z]+);base64,([A-Za-z0-9+/=\s]*?)(?=[)\"'\s>]|$)", re.IGNORECASE)


def extract_embedded(text: str, relative: str) -> tuple[str, dict[str, bytes]]:
    """The text with its embedded images replaced by relative links to files, and those files by
    their folder-relative paths (beside `relative`, the text's own path)."""
    directory, stem = posixpath.split(posixpath.splitext(relative)[0])
    files: dict[str, bytes] = {}

    def to_file(match: re.Match[str]) -> str:
        kind = EMBEDDED_TYPES.get(match[1].lower())
        try:
            data = base64.b64decode("".join(match[2].split()), validate=True)
        except (binascii.Error, ValueError):
            return match[0]
        if kind is None or not data.startswith(kind[1]):
            return match[0]
        name = f"{stem}.embedded-{len(files) + 1}.{kind[0]}"
        files[posixpath.join(directory, name)] = data
        return "./" + quote(name)

    return (_DATA_IMAGE.sub(to_file, text) if "data:image/" in text.lower() else text), files
