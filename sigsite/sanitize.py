"""Clean the HTML of committed content (a meeting note): it is untrusted and may hold raw HTML.

What a note may put on a page, after Markdown has run:
- the tags and attributes of nh3's defaults plus what the renderer emits; no scripts, styles,
  event handlers or forms; links to http, https and mailto only, and the renderer's references
  to the site's own pages (markup/references.py); a task list's boxes, always disabled;
- ids in a namespace of their own (`user-content-`, GitHub's way), so a note can never take one
  of the theme's (`__config`, `__search`, ...); in-page links (`#x`) follow the renaming;
- classes from a short list of what Markdown's extensions write, so a note cannot dress itself
  as the theme's or the site's own blocks;
- no request to another site: an image hosted elsewhere becomes a link to it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

import nh3

from sigsite.links import SAFE_SCHEMES, is_web_url
from sigsite.markup.references import SCHEME as REFERENCE_SCHEME

ID_PREFIX = "user-content-"
# Classes the renderer writes (fenced code's language, task lists, permanent links).
_CLASSES = frozenset("headerlink contains-task-list task-list-item task-list-item-checkbox".split())
_CLASS_PATTERNS = re.compile(r"language-[\w+#-]{1,40}")
_ADDRESSES = frozenset({"href", "src", "cite"})
_UNSAFE_ID_CHARACTERS = re.compile(r"[^\w.:-]")
_IMAGE = re.compile(r'<img((?:\s+[a-zA-Z-]+="[^"]*")*)\s*/?>')
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')

_KEPT_SCHEMES = frozenset({*SAFE_SCHEMES, REFERENCE_SCHEME})
_CHECKBOX = re.compile(r"<input\b[^>]*>")
_TAGS = nh3.ALLOWED_TAGS | {"input"}
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir"},
    "time": {"datetime"},
    "details": {"open"},
    "input": {"checked"},
    # How a browser loads an image (the renderer's hints: lazily below the first, decoded aside).
    "img": {*nh3.ALLOWED_ATTRIBUTES.get("img", ()), "loading", "decoding"},
}


def content_id(value: str) -> str:
    """An id from committed content, in its own namespace and safe anywhere unescaped."""
    return ID_PREFIX + _UNSAFE_ID_CHARACTERS.sub("-", value.removeprefix(ID_PREFIX))


def _unambiguous(address: str) -> str | None:
    """A relative address whose first segment holds a colon, made plainly relative (`./a:b`);
    None for one no reader can parse (a malformed IPv6 host).

    nh3 keeps only the allowed schemes; what it kept without one is relative, but a reader that
    strips spaces or tabs (`java script:`) differently must not see a scheme in it either.
    """
    stripped = address.strip()
    try:
        scheme = urlsplit(stripped).scheme.lower()
    except ValueError:
        return None
    if scheme in _KEPT_SCHEMES:
        return address
    first_segment = re.split(r"[/?#]", stripped, maxsplit=1)[0]
    return "./" + stripped if ":" in first_segment else address


def _allowed_classes(value: str) -> str | None:
    kept = [name for name in value.split() if name in _CLASSES or _CLASS_PATTERNS.fullmatch(name)]
    return " ".join(kept) or None


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3's hook for every kept attribute: rename ids and in-page links, thin out classes."""
    if attribute == "id":
        return content_id(value)
    if attribute == "href" and value.startswith("#"):
        return "#" + content_id(unquote(value[1:])) if len(value) > 1 else None
    if attribute in _ADDRESSES:
        return _unambiguous(value)
    if attribute == "headers":  # table cells name header cells by id
        return " ".join(content_id(name) for name in value.split()) or None
    if attribute == "class":
        return _allowed_classes(value)
    return value


# Built once: nh3 converts the allowed tags and attributes for every clean() call otherwise.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=set(_KEPT_SCHEMES),
    link_rel=None,  # `target` is never kept, so links need no rel="noopener"
    strip_comments=True,
)
_TEXT_ONLY = nh3.Cleaner(tags=set(), attributes={}, strip_comments=True)


def _external_image_as_link(match: re.Match[str]) -> str:
    attributes = {name.lower(): html.unescape(value) for name, value in _ATTRIBUTE.findall(match.group(1))}
    source = attributes.get("src", "")
    if not is_web_url(source):
        return match.group()  # an image of the site itself
    label = attributes.get("alt") or source
    return f'<a class="sig-external-image" href="{html.escape(source)}">{html.escape(label)}</a>'


def _disabled_checkbox(match: re.Match[str]) -> str:
    checked = " checked" if " checked" in match.group() else ""
    return f'<input class="task-list-item-checkbox" type="checkbox" disabled{checked}>'


def sanitize_html(markup: str) -> str:
    """The HTML with only what a note may contribute (see the module's docstring)."""
    clean = _CLEANER.clean(markup)
    if "<img" in clean:
        clean = _IMAGE.sub(_external_image_as_link, clean)
    return _CHECKBOX.sub(_disabled_checkbox, clean) if "<input" in clean else clean


def text_only(markup: str) -> str:
    """The text of an HTML fragment, escaped (what search reads of a block of raw HTML)."""
    return _TEXT_ONLY.clean(markup)


# Committed inline text (a group's description): phrasing elements only, so it stays inside the
# paragraph that holds it, and links only to the web (it has no file beside it to lead to).
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo br cite code del dfn em i ins kbd mark q s samp small span strike strong sub "
    "sup u var wbr".split()
)


def _filter_inline_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3's hook for inline text: no ids (nothing links to them), web addresses only."""
    if attribute == "id":
        return None
    if attribute in _ADDRESSES:
        return value if is_web_url(value) or value.lower().startswith("mailto:") else None
    return _filter_attribute(element, attribute, value)


_INLINE_CLEANER = nh3.Cleaner(
    tags=set(_INLINE_TAGS & _TAGS),
    attributes={tag: names for tag, names in _ATTRIBUTES.items() if tag == "*" or tag in _INLINE_TAGS},
    attribute_filter=_filter_inline_attribute,
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitize_inline(markup: str) -> str:
    """Inline HTML with what committed inline text may contribute: what sanitize_html keeps, less
    every element that is not phrasing content (blocks, headings, images, tables, forms), ids and
    addresses that are not on the web."""
    return _INLINE_CLEANER.clean(markup)
