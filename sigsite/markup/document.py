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
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import takewhile
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown_it.token import Token

from sigsite.emails import REDACTED, FoundAddress, redact
from sigsite.languages import LANGUAGES
from sigsite.links import WEB_SCHEMES, is_web_url
from sigsite.markup.alt import MAX_CAPTION, chosen_alt, figure_caption, file_name, is_no_description
from sigsite.markup.anchors import FileLinks, Unknown, anchors_of
from sigsite.markup.commonmark import heading_text, inline_text, parser
from sigsite.markup.references import SCHEME, Target
from sigsite.markup.withheld import cleared, link_withheld, mark_slot
from sigsite.model import Heading, Rendered, section_key
from sigsite.sanitize import content_id, sanitize_html, text_only

# A relative link as written (path unquoted, fragment as written) and the line it is on, to what
# it leads: a target on the site, a web address, or None when it leads nowhere the site knows.
Resolve = Callable[[str, str, int | None], Target | str | None]
_RAW_ADDRESS = re.compile(r"""(\b(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">¶</a>'
# What a page shows an image at, for `sizes`: the theme's content column is at most about 940 px
# wide on a screen of 60em (960 px) or more (Material's grid less its table of contents: the hub's
# group pages and the site's pages without navigation have no left sidebar), about the whole screen
# on a smaller one. The browser takes the narrowest copy that fills that at its density: a copy
# narrower than the column would be shown stretched, blurred.
SIZES = "(min-width: 60em) 940px, 100vw"
EAGER_BLOCKS = 3  # an image after more blocks of text than this is below the first screen: lazy
MAX_OUTLINE = 300  # headings of a text in its page's table of contents and search's sections
MAX_SEARCH_TEXT = 200_000  # characters of a text search reads: the first of a 4 MB document
RUN_WITHOUT_SPACES = 100  # characters of a script without spaces (Chinese) search reads as one run at most
# Such runs of every language's own script (languages.py), each closed after RUN_WITHOUT_SPACES.
_LONG_RUNS = tuple(
    re.compile(f"{language.script.pattern}{{{RUN_WITHOUT_SPACES}}}(?={language.script.pattern})")
    for language in LANGUAGES.values()
    if language.script is not None
)
_BREAKS = frozenset({"softbreak", "hardbreak"})
_RAW_IMAGE = re.compile(r"<img\b([^<>]*)>", re.IGNORECASE)
_RAW_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_SANITIZED_IMAGE = re.compile(r"<img\b[^>]*>")
_SANITIZED_SOURCE = re.compile(r'\ssrc="([^"]*)"')
# A link's address that held a withheld address (`[list](mailto:[e-mail hidden])`) has a space
# and brackets now, so CommonMark would not read a link there and its brackets would show. In
# angle brackets, where they may stand, it is a link again, which `_unlink_withheld` undoes. The
# characters around the placeholder exclude its first one: one way to match, so linear.
_WITHHELD_ADDRESS = re.compile(r"\]\(((?:[^\s()<>\[\]]*" + re.escape(REDACTED) + r")+[^\s()<>\[\]]*)\)")


@dataclass(frozen=True)
class ShownImage:
    """An image the site publishes, as a page shows it: its width and height in pixels (upright),
    and its smaller copies, each a reference with its width, narrowest first."""

    width: int
    height: int
    copies: tuple[tuple[str, int], ...] = ()


# An image's address (a reference to what the site publishes) and its line -> what is shown of it.
ShowImage = Callable[[str, int | None], ShownImage | None]


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
    shown_image: ShowImage = lambda address, line: None,
    missing_image: Callable[[str], str] = lambda url: url,
    unknown_fragment: Unknown = lambda fragment, line: None,
    withheld_links: bool = False,
    title: str = "",
) -> Rendered:
    """Render `text`, whose first line is line `first_line` of its file (for `resolve`).

    With `top`, the text's headings form an outline below the page's own: its first heading is at
    level `top`, and no heading is more than one level below the one it follows; sections whose
    heading's key (model.section_key) is in `unsearched` are left out of what search reads. The
    text's own addresses were withheld before; an address that only markup makes (`a@<b>x</b>.org`)
    is withheld from the result and given to `withheld`, unless it is `public`. `own` gives the
    repository path of an absolute address of the file's own repository (a Gitee `raw/master/…`
    image), which then leads where a relative link to that path would.

    Every image gets a text alternative (markup/alt.py). `shown_image` gives the width and height
    of the image at an address (a reference), so the page keeps its place, and its smaller copies,
    which the page offers in `srcset`, the image linked to its original. An image whose file the
    site does not have becomes a link to where `missing_image` says it is (the forge), and one on
    another site a link to it, named by its description or caption, else by its file's name (the
    heading above it would name no file). `title` is the heading of the page that shows the text, which
    the text's images sit under until its own first heading.

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
    if REDACTED in text:
        text = _WITHHELD_ADDRESS.sub(r"](<\1>)", text)
    env: dict[str, object] = {}
    with _without_cycle_collection():
        tokens = md.parse(text, env)
        _unlink_withheld(tokens)
        links = FileLinks(anchors_of(tokens), resolve, unknown_fragment)
        shown = _resolve_links(
            tokens,
            lambda target, line: _address(target, line, links, own),
            first_line,
            shown_image,
            missing_image,
            title,
        )
        headings = _headings(tokens, top)
        _add_permalinks(tokens)
        search = _search_html(tokens, unsearched)
        lines = _mark_withheld(tokens, first_line) if withheld_links else []
        body = sanitize_html(md.renderer.render(tokens, md.options, env))
    body, hidden = redact(body, public, markdown=False)
    if hidden:  # the address may have spanned tags: clean the result again
        body = sanitize_html(body)
    # What search reads joins text the page keeps apart (`alice<br>@qq.com`, a ruby's annotation):
    # an address it makes is withheld there too, though the page holds none.
    search, in_search = redact(search, public, markdown=False)
    if in_search:
        search = sanitize_html(search)
    headings = [replace(h, text=redact(h.text, public, markdown=False)[0]) for h in headings[:MAX_OUTLINE]]
    for address in hidden:
        withheld(address)
    if lines:
        body = link_withheld(body, lines)
    body = _with_copies(body, shown)  # after the sanitizer, which keeps no `srcset` a text writes
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


def _raw_links(
    markup: str,
    line: int | None,
    address: Callable[[str, int | None], str | None],
    missing_image: Callable[[str], str],
) -> str:
    """Raw HTML, whose first line is `line`, with the address of each `href` and `src` resolved
    (a `src` whose file the site lacks as `missing_image` says)."""
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
        if url is not None and match[1].lstrip().lower().startswith("src") and _missing(written, url):
            url = missing_image(url)
        return "" if url is None else f'{match[1]}"{html.escape(url, quote=True)}"'

    return _RAW_ADDRESS.sub(replace, markup)


def _with_copies(markup: str, shown: dict[str, ShownImage]) -> str:
    """Sanitized HTML with `srcset` and `sizes` on each image of `shown` (by its address) that has
    copies: the sanitizer keeps no `srcset`, so none that a text wrote reaches the page."""
    if not shown:
        return markup

    def add(match: re.Match[str]) -> str:
        source = _SANITIZED_SOURCE.search(match[0])
        image = shown.get(html.unescape(source[1])) if source else None
        if image is None or not image.copies:
            return match[0]
        srcset = ", ".join(f"{reference} {width}w" for reference, width in image.copies)
        return f'{match[0][:-1].rstrip("/ ")} srcset="{html.escape(srcset, quote=True)}" sizes="{SIZES}">'

    return _SANITIZED_IMAGE.sub(add, markup)


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
    shown_image: ShowImage,
    missing_image: Callable[[str], str],
    title: str,
) -> dict[str, ShownImage]:
    """Give every link and image of the tokens its final address (or none), raw HTML included,
    and every image its text alternative. Each is resolved with its line, counted as the tokens
    go: linear in the text. The images shown with copies, by address."""
    images = ImageTokens(shown_image, missing_image)
    heading = title  # the text of the heading the tokens are under: the page's, until the text's own
    for index, block in enumerate(tokens):
        if block.type == "heading_open":
            heading = heading_text(tokens[index + 1])
        line = None if block.map is None else block.map[0] + first_line
        lines = _BlockLines(block.content, line) if line is not None and block.children else None
        if block.type == "html_block":
            block.content = images.raw(_raw_links(block.content, line, address, missing_image), line, heading)
        if not block.children:
            continue
        kept: list[Token] = []
        depth = 0  # links open around the token
        for position, child in enumerate(block.children):
            made = [child]
            if child.type == "html_inline":
                child.content = images.raw(
                    _raw_links(child.content, line, address, missing_image), line, heading
                )
            elif child.type in {"link_open", "image"}:
                attribute = "href" if child.type == "link_open" else "src"
                written = str(child.attrs.get(attribute, ""))  # percent-encoded by the parser
                if line is not None and lines is not None:
                    line = lines.line_of(unquote(written), line)
                url = address(written, line)
                if child.type == "image":
                    caption = _Caption(tokens, index, position)
                    made = images.shown(child, written, url, line, heading, caption, inside_link=depth > 0)
                elif url is not None:
                    child.attrSet(attribute, url)
                else:
                    child.attrs.pop(attribute, None)
            depth += 1 if child.type == "link_open" else -1 if child.type == "link_close" else 0
            kept += made
            if line is not None:
                line += _line_breaks(child)
        block.children = kept
        images.blocks += 1
    return images.with_copies


class _Caption:
    """The line that may caption an image (markup/alt.FIGURE_LABEL), found only when asked: the
    next line of its paragraph when the image ends its line, else the next paragraph when the
    image is alone in its own. Each line is read for one image at most: linear."""

    def __init__(self, tokens: list[Token], index: int, position: int) -> None:
        self._tokens, self._index, self._position = tokens, index, position

    def __call__(self) -> str:
        children = self._tokens[self._index].children or []
        after = children[self._position + 1 :]
        if after and after[0].type in _BREAKS:
            words = takewhile(lambda token: token.type not in _BREAKS, after[1 : 1 + MAX_CAPTION])
            return (
                figure_caption("".join(t.content for t in words if t.type in {"text", "code_inline"})) or ""
            )
        alone = len(children) <= 3 and all(
            c.type in _BREAKS or not c.content.strip() for i, c in enumerate(children) if i != self._position
        )
        following = self._tokens[self._index + 2 : self._index + 4]
        if not alone or len(following) < 2 or following[1].type != "inline":
            return ""
        if following[0].type != "paragraph_open" or len(following[1].content) > 2 * MAX_CAPTION:
            return ""
        return figure_caption(inline_text(following[1])) or ""


class ImageTokens:
    """What each image of a text becomes, in order: the image with its text alternative, size,
    loading hints and link to its original; or a link to where its file is when the site lacks
    it; or its description when its address is not one."""

    def __init__(self, shown_image: ShowImage, missing_image: Callable[[str], str]) -> None:
        self._shown_image, self._missing_image = shown_image, missing_image
        self.blocks = 0  # blocks of text before the current one
        self._sized = 0  # images shown with their size so far
        self.with_copies: dict[str, ShownImage] = {}

    def shown(
        self,
        image: Token,
        written: str,
        url: str | None,
        line: int | None,
        heading: str,
        caption: Callable[[], str],
        *,
        inside_link: bool,
    ) -> list[Token]:
        author = inline_text(image)
        title = str(image.attrs.get("title") or "")
        described = chosen_alt(author, written, title=title)  # the author's words: what search reads
        image.content = described
        if url is None:  # no address: its description instead
            return [Token("text", "", 0, content=described)] if described else []
        if is_web_url(url):  # the site lacks the file, or it is elsewhere: the sanitizer makes a link
            named = described or chosen_alt("", written, caption=caption()) or file_name(written)
            if inside_link:  # no link in a link: its name alone
                return [Token("text", "", 0, content=named)]
            image.attrSet("src", self._missing_image(url) if _missing(written, url) else url)
            image.children = [Token("text", "", 0, content=named)]
            return [image]
        alt = described or chosen_alt("", written, caption=caption(), heading=heading)
        image.attrSet("src", url)
        image.children = [Token("text", "", 0, content=alt)]  # what the renderer writes as `alt`
        shown = self._shown_image(url, line)
        if shown is None:
            return [image]
        image.attrSet("width", str(shown.width))
        image.attrSet("height", str(shown.height))
        for name, value in self._hints({}).items():
            image.attrSet(name, value)
        if not shown.copies:
            return [image]
        self.with_copies[url] = shown
        if inside_link or not alt:  # a link around a picture that says nothing would say nothing
            return [image]
        return [Token("link_open", "a", 1, attrs={"href": url}), image, _closing()]

    def raw(self, markup: str, line: int | None, heading: str) -> str:
        """Raw HTML (at `line`, its addresses resolved) with a text alternative (markup/alt.py)
        first in each `<img>` that has none or one that describes nothing: its title, else
        `heading`, else empty. A browser, and the sanitizer, keep the first of two attributes of
        one name: the author's `alt` after it is not read; an author's `alt=""` is kept (it says
        the image is decoration). An image of the site the author gave no size gets its own, and
        its copies."""
        if "<img" not in markup.lower():
            return markup

        def with_alt(match: re.Match[str]) -> str:
            attributes: dict[str, str] = {}
            for attribute in _RAW_ATTRIBUTE.finditer(match[1]):
                value = next((v for v in attribute.groups()[1:] if v is not None), "")
                attributes.setdefault(attribute[1].lower(), html.unescape(value))
            source, author = attributes.get("src", ""), attributes.get("alt")
            added = ""
            if author is None or (author != "" and is_no_description(author, source)):
                title = attributes.get("title", "")
                # One on the web becomes a link (sanitize.py), named by what it shows or its file.
                elsewhere = is_web_url(source)
                alt = chosen_alt("", source, title=title, heading="" if elsewhere else heading)
                added = f' alt="{html.escape(alt or (file_name(source) if elsewhere else ""), quote=True)}"'
            shown = self._shown_image(source, line) if source.startswith(f"{SCHEME}:") else None
            if shown is not None and not {"width", "height"} & attributes.keys():
                hints = {"width": str(shown.width), "height": str(shown.height), **self._hints(attributes)}
                added += "".join(f' {name}="{value}"' for name, value in hints.items())
                if shown.copies:
                    self.with_copies[source] = shown
            return f"<img{added}{match[0][4:]}"

        return _RAW_IMAGE.sub(with_alt, markup)

    def _hints(self, given: Mapping[str, str]) -> dict[str, str]:
        """How the next sized image loads, where its author (`given`) did not say: lazily when it
        is below the first screen (after the first image, or after EAGER_BLOCKS blocks of text),
        decoded off the page's way."""
        self._sized += 1
        lazy = self._sized > 1 or self.blocks > EAGER_BLOCKS
        hints = {"loading": "lazy"} if lazy else {}
        hints["decoding"] = "async"
        return {name: value for name, value in hints.items() if name not in given}


def _unlink_withheld(tokens: list[Token]) -> None:
    """Undo each link whose address held a withheld address: its text stays, followed by the
    placeholder (a link to its line, withheld.py) unless the text holds one already; an image
    whose address held one is the placeholder alone."""
    for block in tokens:
        if not block.children or REDACTED not in block.content:
            continue
        kept: list[Token] = []
        opened: list[int | None] = []  # for each open link: where its text starts in `kept` if undone
        for child in block.children:
            if child.type in {"link_open", "image"}:
                address = unquote(str(child.attrs.get("href" if child.type == "link_open" else "src", "")))
                undone = REDACTED in address
                if child.type == "image":
                    kept.append(_text(REDACTED) if undone else child)
                    continue
                opened.append(len(kept) if undone else None)
                if not undone:
                    kept.append(child)
                continue
            if child.type == "link_close" and opened:
                start = opened.pop()
                if start is None:
                    kept.append(child)
                elif not any(REDACTED in token.content for token in kept[start:] if token.type == "text"):
                    kept.append(_text(" " + REDACTED))
                continue
            kept.append(child)
        block.children = kept


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _closing() -> Token:
    return Token("link_close", "a", -1)


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
    """The blocks search reads: the first MAX_OUTLINE headings as its sections (Material's search
    looks each one up in the table of contents: sections times headings), the rest as text; at
    most MAX_SEARCH_TEXT characters of text (every visitor's first query loads the whole index); a
    run of Chinese cut every RUN_WITHOUT_SPACES characters (Material hands each run to jieba, whose cost grows
    with the square of a run)."""
    skipped_level: int | None = None  # inside a section search leaves out, below a heading of this level
    sections = length = 0
    for index, token in enumerate(tokens):
        if length > MAX_SEARCH_TEXT:
            return
        if token.type == "heading_open":
            level, title = int(token.tag[1]), heading_text(tokens[index + 1])
            if skipped_level is not None and level <= skipped_level:
                skipped_level = None
            if skipped_level is None and section_key(title) in unsearched:
                skipped_level = level
            if skipped_level is None and sections < MAX_OUTLINE:
                sections += 1
                ident = html.escape(content_id(str(token.attrs["id"])))
                yield f'<h{level} id="{ident}">{_searched(title)}</h{level}>'
            elif skipped_level is None and title.strip():
                length += len(title)
                yield f"<p>{_searched(title.strip())}</p>"
            continue
        text = _block_text(tokens, index) if skipped_level is None else None
        if text and text.strip():
            length += len(text)
            yield f"<p>{_searched(text.strip())}</p>"


def _searched(text: str) -> str:
    """Text as search reads it: escaped, a long run of Chinese cut (`_search_blocks`)."""
    escaped = html.escape(text)
    for pattern in _LONG_RUNS:
        escaped = pattern.sub("\\g<0>\u200b", escaped)
    return escaped


def _search_html(tokens: list[Token], unsearched: frozenset[str]) -> str:
    return "\n".join(_search_blocks(tokens, unsearched))
