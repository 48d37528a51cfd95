"""One committed Markdown file rendered: sanitized HTML, the text search reads, and its headings.

Everything it puts on a page passes through here: links are checked and, where they lead to the
site, written as references (references.py); headings get the forge's ids in the content's
namespace and a permanent link; the HTML is cleaned by sanitize.py. What search reads is built
from the same tokens as plain headings and paragraphs: Material's indexer rescans a section from
its start at every closing tag of another kind, so markup-rich text would cost its square there.
"""

from __future__ import annotations

import gc
import html
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown_it.token import Token

from sigsite.emails import REDACTED, FoundAddress, redact
from sigsite.links import WEB_SCHEMES
from sigsite.markup.anchors import FileLinks, Unknown, anchors_of
from sigsite.markup.commonmark import heading_text, inline_text, parser
from sigsite.markup.references import Target
from sigsite.markup.withheld import cleared, link_withheld, mark_slot
from sigsite.model import Heading, Rendered, section_key
from sigsite.sanitize import content_id, sanitize_html, text_only

# A relative link as written (path unquoted, fragment as written) and the line it is on, to what
# it leads: a target on the site, a web address, or None when it leads nowhere the site knows.
Resolve = Callable[[str, str, int | None], Target | str | None]
_RAW_ADDRESS = re.compile(r"""(\b(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">¶</a>'


def render_markdown(
    text: str,
    resolve: Resolve,
    *,
    first_line: int = 1,
    top: int | None = None,
    unsearched: frozenset[str] = frozenset(),
    public: frozenset[str] = frozenset(),
    withheld: Callable[[FoundAddress], None] = lambda address: None,
    own: Callable[[str], str | None] = lambda url: None,
    image_size: Callable[[str], tuple[int, int] | None] = lambda address: None,
    unknown_fragment: Unknown = lambda fragment, line: None,
    withheld_links: bool = False,
) -> Rendered:
    """Render `text`, whose first line is line `first_line` of its file (for `resolve`).

    With `top`, the text's headings form an outline below the page's own: its first heading is at
    level `top`, and no heading is more than one level below the one it follows; sections whose
    heading's key (model.section_key) is in `unsearched` are left out of what search reads. The
    text's own addresses were withheld before; an address that only markup makes (`a@<b>x</b>.org`)
    is withheld from the result and given to `withheld`, unless it is `public`. `own` gives the
    repository path of an absolute address of the file's own repository (a Gitee `raw/master/…`
    image), which then leads where a relative link to that path would. `image_size` gives the
    width and height of the image at an address (a reference), so the page keeps its place.

    An in-page link leads to the heading its fragment names (anchors.py), else where
    `unknown_fragment` says. A link to a heading of another file keeps its fragment as written,
    among the result's `outbound` links, until it is settled (outbound.py). With `withheld_links`,
    each placeholder of a withheld address links to its line (`#L<line>`), until the file's address
    on the forge settles it (withheld.py).
    """
    md = parser()
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the parser reads it: lines agree
    if withheld_links:
        text = cleared(text)
    env: dict[str, object] = {}
    with _without_cycle_collection():
        tokens = md.parse(text, env)
        links = FileLinks(anchors_of(tokens), resolve, unknown_fragment)
        _resolve_links(
            tokens, lambda target, line: _address(target, line, links, own), first_line, image_size
        )
        headings = _headings(tokens, top)
        _add_permalinks(tokens)
        search = _search_html(tokens, unsearched)
        lines = _mark_withheld(tokens, first_line) if withheld_links else []
        body = sanitize_html(md.renderer.render(tokens, md.options, env))
    body, hidden = redact(body, public, markdown=False)
    if hidden:  # the address may have spanned tags: clean the result again
        body = sanitize_html(body)
        search = sanitize_html(redact(search, public, markdown=False)[0])
        headings = [replace(h, text=redact(h.text, public, markdown=False)[0]) for h in headings]
    for address in hidden:
        withheld(address)
    if lines:
        body = link_withheld(body, lines)
    return Rendered(body, search, _nest(headings), links.anchors, tuple(links.outbound))


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The parser makes a token per piece of markup, and none of them in a cycle: the collector's
    passes over a build's whole heap while a large file is parsed would cost its size again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _address(
    written: str, line: int | None, links: FileLinks, own: Callable[[str], str | None]
) -> str | None:
    """The address a link of the file gets, or None when it gets none (unsafe, or leading nowhere)."""
    written = written.strip()
    if not written or written.startswith("#"):
        return links.in_page(written, line) if written else written
    try:
        parts = urlsplit(written)
    except ValueError:  # a malformed IPv6 host, for one
        return None
    scheme = parts.scheme.lower()
    if scheme in WEB_SCHEMES:
        if not parts.hostname:
            return None
        path = own(written)
        found = links.resolve("/" + path, unquote(parts.fragment), line) if path else None
        if isinstance(found, Target):  # a file of its own repository that the site publishes
            return found.reference()
        netloc = parts.netloc.rpartition("@")[2]  # a user name is never published (nor an address in it)
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    if scheme == "mailto":
        return written
    if scheme or parts.netloc:
        return None
    resolved = links.resolve(unquote(parts.path), unquote(parts.fragment), line)
    return resolved.reference() if isinstance(resolved, Target) else resolved


def _missing(written: str, url: str) -> bool:
    """True when a relative address (`written`) was resolved to one on the web: its file is not
    in the checkout, and the image would be a link to the forge."""
    try:
        parts = urlsplit(written)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and urlsplit(url).scheme in WEB_SCHEMES


def _line_breaks(token: Token) -> int:
    """How many line breaks of the text an inline token holds (an image's description included);
    a break inside a code span or a link's title is not counted."""
    if token.type in {"softbreak", "hardbreak"}:
        return 1
    if token.type == "html_inline":
        return token.content.count("\n")
    return sum(_line_breaks(child) for child in token.children or [])


def _raw_links(markup: str, line: int | None, address: Callable[[str, int | None], str | None]) -> str:
    """Raw HTML, whose first line is `line`, with the address of each `href` and `src` resolved."""
    if "=" not in markup:
        return markup
    counted, current = 0, line  # where the lines were last counted, and the line there

    def replace(match: re.Match[str]) -> str:
        nonlocal counted, current
        if current is not None:
            current += markup.count("\n", counted, match.start())
        counted = match.start()
        written = html.unescape(next(v for v in match.groups()[1:] if v is not None))
        url = address(written, current)
        return "" if url is None else f'{match[1]}"{html.escape(url, quote=True)}"'

    return _RAW_ADDRESS.sub(replace, markup)


class _BlockLines:
    """Where in a block of text (its inline source) its links are written, found in one pass: a
    cursor moves forward through the source, each link's address is looked for in a bounded window
    from it, and the lines it passes are counted once. The line breaks counted from the tokens miss
    those a code span turns into spaces; this finds them, and costs the block's length."""

    WINDOW = 4096  # characters from the cursor a link's address may be written within

    def __init__(self, source: str, first_line: int) -> None:
        self._source, self._cursor, self._line = source, 0, first_line

    def _move_to(self, position: int) -> None:
        self._line += self._source.count("\n", self._cursor, position)
        self._cursor = position

    def line_of(self, target: str, counted: int, *, past: bool = False) -> int:
        """The line of `target`, written at or after the cursor; `counted` (the line the tokens'
        breaks give, never past the truth) when it is not found there. With `past`, the cursor
        moves past what was found, so that the next search finds the next one."""
        while self._line < counted:  # at least as far as the tokens' count: skip to that line
            end = self._source.find("\n", self._cursor)
            if end < 0:
                break
            self._move_to(end + 1)
        found = (
            self._source.find(target, self._cursor, self._cursor + len(target) + self.WINDOW)
            if target
            else -1
        )
        if found >= 0:
            self._move_to(found)
        line = max(self._line, counted)
        if found >= 0 and past:
            self._move_to(found + len(target))
        return line


def _resolve_links(
    tokens: list[Token],
    address: Callable[[str, int | None], str | None],
    first_line: int,
    image_size: Callable[[str], tuple[int, int] | None],
) -> None:
    """Give every link and image of the tokens its final address (or none); raw HTML included.
    Each is resolved with its line, counted as the tokens go: linear in the text."""
    images = 0
    for block in tokens:
        line = None if block.map is None else block.map[0] + first_line
        lines = _BlockLines(block.content, line) if line is not None and block.children else None
        if block.type == "html_block":
            block.content = _raw_links(block.content, line, address)
        for child in block.children or []:
            if child.type == "html_inline":
                child.content = _raw_links(child.content, line, address)
            elif child.type in {"link_open", "image"}:
                attribute = "href" if child.type == "link_open" else "src"
                written = str(child.attrs.get(attribute, ""))  # percent-encoded by the parser
                if line is not None and lines is not None:
                    line = lines.line_of(unquote(written), line)
                url = address(written, line)
                if child.type == "image" and url is not None and _missing(written, url):
                    url = None  # a file the checkout lacks: its description, not a long address
                if url is not None:
                    child.attrSet(attribute, url)
                    size = image_size(url) if child.type == "image" else None
                    if size is not None:  # the page keeps its place while the image loads
                        child.attrSet("width", str(size[0]))
                        child.attrSet("height", str(size[1]))
                        images += 1
                        if images > 1:  # the first may be in view; the others load when near
                            child.attrSet("loading", "lazy")
                        child.attrSet("decoding", "async")  # a large image is decoded off the page's way
                elif child.type == "image":  # no address: its description instead
                    child.type, child.content = "text", child.content
                else:
                    child.attrs.pop(attribute, None)
            if line is not None:
                line += _line_breaks(child)


def _mark_withheld(tokens: list[Token], first_line: int) -> list[int | None]:
    """Each placeholder of a withheld address in the text of the tokens (not in code, raw HTML or
    an image's description) made a slot (withheld.py); the line of each, by its number."""
    lines: list[int | None] = []
    for block in tokens:
        if not block.children:
            continue
        line = None if block.map is None else block.map[0] + first_line
        finder = _BlockLines(block.content, line) if line is not None else None
        for child in block.children:
            if child.type == "text" and REDACTED in child.content:
                first = len(lines)
                for _ in range(child.content.count(REDACTED)):
                    if finder is not None and line is not None:
                        line = finder.line_of(REDACTED, line, past=True)
                    lines.append(line)
                child.content = mark_slot(child.content, first)
            if line is not None:
                line += _line_breaks(child)
    return lines


def _headings(tokens: list[Token], top: int | None) -> list[Heading]:
    """Put the headings in an outline that starts at level `top` (if given); the headings in order."""
    found = []
    outline: list[tuple[int, int]] = []  # (written level, shown level) of the open sections
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        written = int(token.tag[1])
        if top is not None:
            while outline and outline[-1][0] >= written:
                outline.pop()
            shown = min(6, outline[-1][1] + 1 if outline else top)
            outline.append((written, shown))
            token.tag = f"h{shown}"
            tokens[index + 2].tag = token.tag  # heading_open, inline, heading_close
        found.append(
            Heading(int(token.tag[1]), content_id(str(token.attrs["id"])), heading_text(tokens[index + 1]))
        )
    return found


def _add_permalinks(tokens: list[Token]) -> None:
    """A `¶` link at the end of every heading, as on the site's own pages."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            link = Token(
                "html_inline", "", 0, content=PERMALINK.format(id=html.escape(str(token.attrs["id"])))
            )
            inline.children = [*(inline.children or []), link]


def _nest(flat: list[Heading]) -> tuple[Heading, ...]:
    """The flat headings as a tree: each heading holds the deeper ones that follow it."""

    def take(start: int, level: int) -> tuple[list[Heading], int]:
        nodes: list[Heading] = []
        index = start
        while index < len(flat) and flat[index].level > level:
            heading = flat[index]
            children, index = take(index + 1, heading.level)
            nodes.append(Heading(heading.level, heading.id, heading.text, tuple(children)))
        return nodes, index

    roots, _ = take(0, 0)
    return tuple(roots)


def _block_text(tokens: list[Token], index: int) -> str | None:
    """The text a block token contributes to search; None for tokens that hold none."""
    token = tokens[index]
    if token.type == "inline" and tokens[index - 1].type != "heading_open":
        return inline_text(token, with_images=True)
    if token.type in {"fence", "code_block"}:
        return token.content
    if token.type == "html_block":
        return html.unescape(text_only(token.content))
    return None


def _search_blocks(tokens: list[Token], unsearched: frozenset[str]) -> Iterator[str]:
    skipped_level: int | None = None  # inside a section search leaves out, below a heading of this level
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            level, title = int(token.tag[1]), heading_text(tokens[index + 1])
            if skipped_level is not None and level <= skipped_level:
                skipped_level = None
            if skipped_level is None and section_key(title) in unsearched:
                skipped_level = level
            if skipped_level is None:
                ident = html.escape(content_id(str(token.attrs["id"])))
                yield f'<h{level} id="{ident}">{html.escape(title)}</h{level}>'
            continue
        text = _block_text(tokens, index) if skipped_level is None else None
        if text and text.strip():
            yield f"<p>{html.escape(text.strip())}</p>"


def _search_html(tokens: list[Token], unsearched: frozenset[str]) -> str:
    return "\n".join(_search_blocks(tokens, unsearched))
