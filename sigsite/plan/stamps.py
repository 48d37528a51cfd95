"""Pages stamped on a shell: pages that differ only in their title, description, address and
content (a page per person: 2,700 of them on a community of openEuler's size) are rendered by the
theme once, as a shell page holding markers, and each is that finished HTML with its own values put
in, in one pass. MkDocs and Material spend about 3 ms a page (a Markdown converter, search's HTML
parser, the theme's templates); a stamped page costs the replacement alone, and comes out with the
bytes the theme would have given it.

The shell is an ordinary page of the build, so the theme, its plugins and ours shape it as they
shape every page; it is left out of search (its front matter) and out of the sitemap, and each
stamped page is listed in both instead (adapters/stamped_pages.py, which writes them). Markers are
upper case, which no page folder of ours is (accounts and names are folded to lower case), and
ASCII letters and hyphens, which no escaping or URL quoting changes. Values are put in in one pass
of one pattern: a value that spells a marker is never read again.

A page with headings (a group's README) has a table of contents: it is stamped on a shell of its
own kind whose table holds one marked heading. The theme's table of the page, printed by the theme's
own template (adapters/stamped_pages.py), takes the place of the shell's, and the page's first
heading the place of the marked one in the link that skips to the content. Search gets an entry for
each of its sections, as Material's search cuts a page at its headings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from html import escape, unescape

from sigsite.formatting import theme_text
from sigsite.languages import punctuation_of
from sigsite.markup.references import resolve_references
from sigsite.model import Heading, Rendered
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import LATE_SLOT, PlannedPage, SearchSection, Stamp
from sigsite.render.pages import titled_front_matter

SHELL_MARK = "SIGSITE-STAMP-"  # every marker, and the source path of every shell, holds it
TITLE = "SIGSITE-STAMP-TITLE"
DESCRIPTION = "SIGSITE-STAMP-DESCRIPTION"
CONTENT = "SIGSITE-STAMP-CONTENT"
_FOLDER = "SIGSITE-STAMP-FOLDER-{}"  # one a level of the page's own folders
_HEADED_FOLDER = "SIGSITE-STAMP-HEADED-{}"  # the same, on the shell of pages with a table of contents
# (no marker is the start of another: each is found whole)
TOC = "SIGSITE-STAMP-TOC"  # where the page's table of contents goes (adapters/stamped_pages.py)
SECTION = "SIGSITE-STAMP-SECTION"  # the id of the shell's one heading: where the page's first goes
SHELL_HEADING = Heading(2, SECTION, SECTION)
INDEX = "/index.md"
# What a stamped page's own folders may hold: what person_source and group ids make, unchanged by URL
# quoting. A page with other folders is left to MkDocs' pipeline.
_SAFE_FOLDERS = re.compile(r"[a-z0-9_.~-]+(?:/[a-z0-9_.~-]+)*")
_TAG = re.compile(r"<[^<>]*>")
# closing?, name (possessive: where no `>` follows, the name is not tried shorter), attributes
_ELEMENT_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*+)([^<>]*)>")
# A space a tag left where the languages set none: before a comma, after an opening bracket
# (`<a>Ada</a>, <a>Bo</a>`; languages.Language.no_space_before and no_space_after).
_BEFORE, _AFTER = (re.escape(punctuation_of(kind)) for kind in ("no_space_before", "no_space_after"))
_LOOSE_PUNCTUATION = re.compile(f" (?=[{_BEFORE}])|(?<=[{_AFTER}]) ")
_EXCLUDED = "data-search-exclude"  # an element search leaves out, with all it holds (Material's mark)
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def stamped(
    page: PlannedPage,
    head: str,
    tail: str,
    title: str,
    description: str,
    search_text: str | None = None,
) -> PlannedPage:
    """`page` (a generated page whose source path is `head`, its own folders, then `tail`; its
    Markdown its front matter alone: `titled_front_matter(title, description)`; its content `before`
    then `after`) made to be stamped on the shell of its kind (`head`, `tail`, the depth of its
    folders, whether it has a table of contents); `search_text` is what search finds it by (HTML),
    or None for what search reads of the page itself: its blocks and content, a section a heading.
    A page whose folders are none of ours, or whose content holds an `<h1>` (raw HTML), is left as it is."""
    folders = own_folders(page.src_uri, head, tail)
    if folders is None or (page.content is not None and "<h1" in page.content.html):
        return page  # a heading of the content's own is its page's title: the theme prints no other
    toc = page.content.headings if page.content is not None else ()
    level = _HEADED_FOLDER if toc else _FOLDER
    shell_folders = "/".join(level.format(depth) for depth in range(1, folders.count("/") + 2))
    if search_text is None:
        search_text, sections = search_sections(page, theme_text(title))
    else:
        sections = ()
    shown = theme_text(title)
    stamp = Stamp(
        shell=head + shell_folders + tail,
        values={TITLE: shown, DESCRIPTION: theme_text(description), shell_folders: folders},
        title=shown,
        search_text=search_text,
        markdown=page.markdown,  # kept: a page alone on its shell goes back to the pipeline
        toc=toc,
        sections=sections,
    )
    return replace(page, markdown="", stamp=stamp)


# A heading of what search reads of committed content (markup/document.py writes each on a line of
# its own, its id and its text escaped).
_SEARCHED_HEADING = re.compile(r'<h[1-6] id="([^"<>]*)">([^<>]*)</h[1-6]>')


def search_sections(page: PlannedPage, title: str) -> tuple[str, tuple[SearchSection, ...]]:
    """What search finds `page` by, as Material's search reads the page the pipeline renders: the
    text up to the content's first heading (its blocks before the content, then the content's), and a
    section for each heading of what search reads of the content, titled as the heading reads or
    else as the page (`title`, HTML); the blocks after the content end the last. Linear: one split."""
    searched = page.content.search_html if page.content is not None else ""
    parts = _SEARCHED_HEADING.split(searched)  # text, then id, title and text for each heading
    after = search_text(page.after)  # search reads the late slot empty
    sections = [
        SearchSection(unescape(parts[at]), search_text(parts[at + 1]) or title, search_text(parts[at + 2]))
        for at in range(1, len(parts), 3)
    ]
    lead = _joined(search_text(page.before), search_text(parts[0]))
    if not sections:
        return _joined(lead, after), ()
    sections[-1] = replace(sections[-1], text=_joined(sections[-1].text, after))
    return lead, tuple(sections)


def _joined(*texts: str) -> str:
    return " ".join(text for text in texts if text)


def own_folders(src_uri: str, head: str, tail: str) -> str | None:
    """The folders of a page between `head` and `tail` (`ada`, `tsc/~li-ming`, `kernel`); None for a
    page that has none, or others than ours."""
    if not src_uri.startswith(head) or not src_uri.endswith(tail) or len(src_uri) <= len(head) + len(tail):
        return None
    folders = src_uri[len(head) : len(src_uri) - len(tail)]
    return folders if _SAFE_FOLDERS.fullmatch(folders) else None


def search_text(html: str) -> str:
    """What search finds a page by, from its HTML: its text, tags read as spaces (a tag never joins
    two words into one), an element marked `data-search-exclude` (Material's mark) left out with
    all it holds; no space before a comma or after a bracket that a tag made (linear)."""
    if _EXCLUDED in html:
        html = _without_excluded(html)
    text = " ".join(unescape(_TAG.sub(" ", html)).split())
    return escape(_LOOSE_PUNCTUATION.sub("", text), quote=False)


def _without_excluded(html: str) -> str:
    """`html` without the elements marked `data-search-exclude`: from the marked tag to the end tag
    that closes it (tags of its name counted in between), each tag looked at once."""
    kept: list[str] = []
    position, skipping, depth = 0, "", 0
    for tag in _ELEMENT_TAG.finditer(html):
        closing, name, attributes = tag[1] == "/", tag[2].lower(), tag[3]
        if name in _VOID or attributes.endswith("/"):
            continue
        if not skipping:
            if not closing and _EXCLUDED in attributes and _marked(attributes):
                kept.append(html[position : tag.start()])
                skipping, depth = name, 1
        elif name == skipping:
            depth += -1 if closing else 1
            if depth == 0:
                skipping, position = "", tag.end()
    if not skipping:
        kept.append(html[position:])
    return " ".join(kept)


def _marked(attributes: str) -> bool:
    """Whether a tag's attributes name `data-search-exclude` (not merely hold it in a value)."""
    return any(name.lower() == _EXCLUDED for name in _ATTRIBUTE.findall(attributes))


def with_shells(pages: Iterable[PlannedPage], languages: BuildLanguages) -> list[PlannedPage]:
    """`pages` with the shell each stamped one needs, just before the first page stamped on it; the
    shell's switcher, tab and place in the build are its pages'. A page alone on its shell is
    rendered by MkDocs as it would be: a shell would cost as much."""
    listed = list(pages)
    sharing = Counter(page.stamp.shell for page in listed if page.stamp is not None)
    result: list[PlannedPage] = []
    made: set[str] = set()
    for page in listed:
        stamp = page.stamp
        if stamp is not None and sharing[stamp.shell] < 2:
            page, stamp = replace(page, markdown=stamp.markdown, stamp=None), None
        if stamp is not None and stamp.shell not in made:
            made.add(stamp.shell)
            source = stamp.shell.removeprefix(languages.prefix)
            result.append(
                PlannedPage(
                    languages.switcher(source),
                    src_uri=stamp.shell,
                    markdown=titled_front_matter(TITLE, DESCRIPTION, search={"exclude": True}),
                    content=Rendered(headings=(SHELL_HEADING,)) if stamp.toc else None,
                    after=CONTENT,
                    tab=page.tab,
                )
            )
        result.append(page)
    return result


class ShellChanged(Exception):
    """The theme's HTML of a shell lacks a marker, or holds its content twice: the theme changed how
    it prints a page's title, description, address or content."""


def content_of(page: PlannedPage) -> str:
    """The content a stamped page's shell holds a marker for: what generating.py's `on_page_content`
    and `on_page_context` make of a page whose Markdown is its front matter alone: `before`, its
    committed or generated `content` with its references resolved, `after`, and the late slot
    filled."""
    if page.content is not None:
        resolved = resolve_references(page.content.html, page.address or (lambda target: None))
        return page.before + resolved + page.after
    return (page.before + page.after).replace(LATE_SLOT, page.after_search or "", 1)


def fill(shell_html: str, stamp: Stamp, content: str, toc_html: str = "") -> str:
    """The page `stamp` stands for: the shell's HTML with its values, `content` and, for a page with
    headings, its table of contents `toc_html` (where the shell holds TOC) put in, in one pass."""
    values = {**stamp.values, CONTENT: content}
    if stamp.toc:
        values |= {TOC: toc_html, SECTION: stamp.toc[0].id}
    missing = [marker for marker in values if marker not in shell_html]
    if missing or shell_html.count(CONTENT) != 1:
        raise ShellChanged(f"{stamp.shell}: {', '.join(missing) or CONTENT + ' twice'}")
    pattern = re.compile("|".join(re.escape(marker) for marker in sorted(values, key=len, reverse=True)))
    return pattern.sub(lambda match: values[match[0]], shell_html)
