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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from html import escape, unescape

from sigsite.formatting import theme_text
from sigsite.markup.references import resolve_references
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import LATE_SLOT, PlannedPage, Stamp
from sigsite.render.pages import titled_front_matter

SHELL_MARK = "SIGSITE-STAMP-"  # every marker, and the source path of every shell, holds it
TITLE = "SIGSITE-STAMP-TITLE"
DESCRIPTION = "SIGSITE-STAMP-DESCRIPTION"
CONTENT = "SIGSITE-STAMP-CONTENT"
_FOLDER = "SIGSITE-STAMP-FOLDER-{}"  # one a level of the page's own folders
INDEX = "/index.md"
# What a stamped page's own folders may hold: what person_source and group ids make, unchanged by URL
# quoting. A page with other folders is left to MkDocs' pipeline.
_SAFE_FOLDERS = re.compile(r"[a-z0-9_.~-]+(?:/[a-z0-9_.~-]+)*")
_TAG = re.compile(r"<[^<>]*>")


def stamped(
    page: PlannedPage, head: str, tail: str, title: str, description: str, search_text: str
) -> PlannedPage:
    """`page` (a generated page whose source path is `head`, its own folders, then `tail`; its
    Markdown its front matter alone: `titled_front_matter(title, description)`; its content `before`
    then `after`) made to be stamped on the shell of its kind (`head`, `tail`, the depth of its
    folders); `search_text` is what search finds it by (HTML). A page whose folders are none of ours,
    or with headings of its own (a table of contents the shell has not), is left as it is."""
    folders = own_folders(page.src_uri, head, tail)
    if folders is None or (page.content is not None and page.content.headings):
        return page
    shell_folders = "/".join(_FOLDER.format(level) for level in range(1, folders.count("/") + 2))
    shown = theme_text(title)
    stamp = Stamp(
        shell=head + shell_folders + tail,
        values={TITLE: shown, DESCRIPTION: theme_text(description), shell_folders: folders},
        title=shown,
        search_text=search_text,
        markdown=page.markdown,  # kept: a page alone on its shell goes back to the pipeline
    )
    return replace(page, markdown="", stamp=stamp)


def own_folders(src_uri: str, head: str, tail: str) -> str | None:
    """The folders of a page between `head` and `tail` (`ada`, `tsc/~li-ming`, `kernel`); None for a
    page that has none, or others than ours."""
    if not src_uri.startswith(head) or not src_uri.endswith(tail) or len(src_uri) <= len(head) + len(tail):
        return None
    folders = src_uri[len(head) : len(src_uri) - len(tail)]
    return folders if _SAFE_FOLDERS.fullmatch(folders) else None


def search_text(html: str) -> str:
    """What search finds a page by, from its HTML: its text, tags read as spaces (linear)."""
    return escape(" ".join(unescape(_TAG.sub(" ", html)).split()), quote=False)


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


def fill(shell_html: str, stamp: Stamp, content: str) -> str:
    """The page `stamp` stands for: the shell's HTML with its values and `content` put in, in one pass."""
    values = {**stamp.values, CONTENT: content}
    missing = [marker for marker in values if marker not in shell_html]
    if missing or shell_html.count(CONTENT) != 1:
        raise ShellChanged(f"{stamp.shell}: {', '.join(missing) or CONTENT + ' twice'}")
    pattern = re.compile("|".join(re.escape(marker) for marker in sorted(values, key=len, reverse=True)))
    return pattern.sub(lambda match: values[match[0]], shell_html)
