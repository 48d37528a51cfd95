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
from collections.abc import Iterable
from dataclasses import replace

from sigsite.formatting import theme_text
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedPage, Stamp
from sigsite.render.pages import titled_front_matter

TITLE = "SIGSITE-STAMP-TITLE"
DESCRIPTION = "SIGSITE-STAMP-DESCRIPTION"
CONTENT = "SIGSITE-STAMP-CONTENT"
_FOLDER = "SIGSITE-STAMP-FOLDER-{}"  # one a level of the page's own folders below the shared one
INDEX = "/index.md"
# What a stamped page's own folders may hold: what person_source makes, unchanged by URL quoting.
_SAFE_FOLDERS = re.compile(r"[a-z0-9_.~-]+(?:/[a-z0-9_.~-]+)*")


def stamped(page: PlannedPage, base: str, title: str, description: str, search_text: str) -> PlannedPage:
    """`page` (a generated page whose source is `<language><base>/<folders>/index.md`, titled
    `title` and described by `description` as written) made to be stamped on the shell of its
    depth below `base`; `search_text` is what search finds it by (HTML)."""
    folders = page_folders(page.src_uri, base)
    depth = folders.count("/") + 1
    shell_folders = "/".join(_FOLDER.format(level) for level in range(1, depth + 1))
    shell = page.src_uri[: len(page.src_uri) - len(folders) - len(INDEX)] + shell_folders + INDEX
    shown = theme_text(title)
    stamp = Stamp(
        shell=shell,
        values={TITLE: shown, DESCRIPTION: theme_text(description), shell_folders: folders},
        title=shown,
        search_text=search_text,
    )
    return replace(page, markdown="", stamp=stamp)


def page_folders(src_uri: str, base: str) -> str:
    """The folders of a stamped page below `base` (`ada`, `tsc/~li-ming`); ValueError for a page
    that has none or has others than person_source makes (a bug of ours, never the data's)."""
    before, found, rest = src_uri.partition(base.rstrip("/") + "/")
    folders = rest.removesuffix(INDEX)
    if not found or before.count("/") > 1 or folders == rest or not _SAFE_FOLDERS.fullmatch(folders):
        raise ValueError(f"{src_uri} is no page to stamp below {base}")
    return folders


def with_shells(pages: Iterable[PlannedPage], languages: BuildLanguages) -> list[PlannedPage]:
    """`pages` with the shell each stamped one needs, just before the first page stamped on it; the
    shell's switcher, tab and place in the build are its pages'."""
    result: list[PlannedPage] = []
    made: set[str] = set()
    for page in pages:
        if page.stamp is not None and page.stamp.shell not in made:
            made.add(page.stamp.shell)
            source = page.stamp.shell.removeprefix(languages.prefix)
            result.append(
                PlannedPage(
                    languages.switcher(source),
                    src_uri=page.stamp.shell,
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


def fill(shell_html: str, stamp: Stamp, content: str) -> str:
    """The page `stamp` stands for: the shell's HTML with its values and `content` put in, in one pass."""
    values = {**stamp.values, CONTENT: content}
    missing = [marker for marker in values if marker not in shell_html]
    if missing or shell_html.count(CONTENT) != 1:
        raise ShellChanged(f"{stamp.shell}: {', '.join(missing) or CONTENT + ' twice'}")
    pattern = re.compile("|".join(re.escape(marker) for marker in sorted(values, key=len, reverse=True)))
    return pattern.sub(lambda match: values[match[0]], shell_html)
