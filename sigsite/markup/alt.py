"""The text alternative of an image of committed Markdown: what a reader hears, or reads where the
image cannot be shown.

The author's description comes first (`![a diagram of the pipeline](x.png)`, `<img alt="...">`),
unless it is no description at all: what an editor writes when its author wrote none (Gitee's
`输入图片说明`, Typora's `image-20230101123456789`, `img`), or the file's own name. Then the image's
caption: its title (`![](x.png "The hall before the session")`), or a line right after it that
labels a figure (`图 1：系统架构`, `Figure 2: attendance per year`). Then the heading the image sits
under: an image is about what its section is about. Else the image is taken as decoration, and its
alternative is empty (`alt=""`), which tells a screen reader to skip it. Never the file's name: it
names a file, not what the image shows. (Where the image is missing and a link to its file stands
in its place, the link is named by the file when nothing describes the image: it leads to a file.)
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from sigsite.languages import alternation, words_of

_SEPARATORS = re.compile(r"[\s_\-.]+")


def _squeezed(text: str) -> str:
    return _SEPARATORS.sub("", text).casefold()


EDITOR_DEFAULTS = frozenset(_squeezed(word) for word in words_of("image_placeholders"))
# An editor names a pasted image by its time (Typora's `image-20230101123456789`) and writes that.
_EDITOR_NAME = re.compile(
    rf"(?:{alternation(words_of('image_placeholders'))})[-_ ]?\d[\d_ -]*", re.IGNORECASE
)
# A line that labels a figure: `Figure 2: ...`, `Fig. 2 ...`, `图1：...`, `图 2-1 ...`, `Table 3 ...`.
FIGURE_LABEL = re.compile(
    rf"(?:{alternation(words_of('figure_labels'))})[ \t]*[0-9]+(?:[-.][0-9]+)?(?![0-9])", re.IGNORECASE
)
MAX_CAPTION = 200  # characters: a longer line after an image is a paragraph, not a caption


def file_name(source: str) -> str:
    """The file name an image's address ends with (`images/1.png` -> `1.png`), unquoted."""
    try:
        path = urlsplit(source).path
    except ValueError:
        path = source
    return posixpath.basename(unquote(path).rstrip("/"))


def is_no_description(alt: str, source: str) -> bool:
    """True when `alt` describes nothing: empty, an editor's default, or the name of the file at
    `source` (with or without its extension, Typora's `image-` before it, any case or separators)."""
    squeezed = _squeezed(alt)
    if not squeezed or squeezed in EDITOR_DEFAULTS or _EDITOR_NAME.fullmatch(alt.strip()):
        return True
    name = file_name(source)
    stem = posixpath.splitext(name)[0]
    return squeezed in {_squeezed(name), _squeezed(stem), _squeezed("image-" + stem)} if stem else False


def figure_caption(text: str) -> str | None:
    """`text` when it is a line that labels a figure (FIGURE_LABEL, at most MAX_CAPTION characters)."""
    line = text.strip()
    if not line or len(line) > MAX_CAPTION or "\n" in line or not FIGURE_LABEL.match(line):
        return None
    return line


def chosen_alt(author: str, source: str, *, title: str = "", caption: str = "", heading: str = "") -> str:
    """The text alternative of the image at `source`: the `author`'s description, else its
    `title` or `caption`, else the `heading` it sits under, else empty (decorative). Whitespace
    is collapsed; none of them is ever the file's name."""
    for candidate in (author, title, caption, heading):
        text = " ".join(candidate.split())
        if text and not is_no_description(text, source):
            return text
    return ""
