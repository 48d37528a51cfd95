"""Every Markdown file of the community the hub shows, rendered once the whole community is known:
READMEs and records, their links leading to what the hub publishes, or else to the forge; then
each link to another file's heading settled against the headings of the page that shows it."""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, unquote

from sigsite.hub.documents import title_and_body
from sigsite.hub.images import ImageSizeCache, ImageSizes
from sigsite.hub.links import ReadmeLinks
from sigsite.hub.model import Community
from sigsite.hub.source import file_at_commit
from sigsite.markup.anchors import Anchors, Outbound, UnknownFragments
from sigsite.markup.document import render_markdown
from sigsite.markup.outbound import settle_links
from sigsite.markup.withheld import settled
from sigsite.model import Group, Meeting, Rendered
from sigsite.privacy import warn_withheld
from sigsite.problems import Problems

# A page's title is its h1 (a group's name, a record's title): what a file shows starts at h2.
TOP_LEVEL = 2


def rendered_community(
    community: Community,
    root: Path,
    forge_url: str,
    public: frozenset[str],
    problems: Problems,
    image_sizes: ImageSizeCache | None = None,
) -> Community:
    """The community with every README, record and document rendered (`Rendered`), headings in an outline
    below the page's title whatever level the file starts at. With `image_sizes` from an earlier
    load, only the images that changed are read again."""
    links = ReadmeLinks(community, forge_url)
    image_sizes = image_sizes or ImageSizeCache()
    images = ImageSizes(community, root, problems, image_sizes)
    on_forge = _ForgeImages(links.forge_url, forge_url, community.history.commit, root)
    unknown: dict[str, UnknownFragments] = {}  # by file: what names no heading, reported up to a bound

    def report(path: str) -> UnknownFragments:
        return unknown.setdefault(path, UnknownFragments(path, problems))

    def render(text: str, path: str, *, whole: bool = True, title: str = "") -> Rendered:
        def unknown_fragment(fragment: str, line: int | None) -> str | None:
            if not whole:  # the rest of the file may hold the heading: the forge shows it
                return links.forge_url + quote(path) + "#" + quote(fragment, safe="")
            report(path).report(fragment, line)
            return None  # its text alone: there is no heading the author meant on the page

        return render_markdown(
            text,
            links.resolver(path),
            top=TOP_LEVEL,
            public=public,
            withheld=lambda address: warn_withheld(address, path, None, problems),
            own=links.repository_path,
            shown_image=lambda address, line: images.shown(address, path, line),
            missing_image=on_forge,
            title=title,
            unknown_fragment=unknown_fragment,
            withheld_links=True,
        )

    def group(sig: Group) -> Group:
        return _each_text(
            sig,
            lambda text, _, path, title: render(text, path, title=title),
            lambda m: bool(m.path) and not m.is_external,
            lambda text: without_title(text, sig.name),
        )

    rendered = replace(
        community,
        introduction=tuple(
            replace(r, rendered=render(r.text, r.path, whole=False)) for r in community.introduction
        ),
        sigs=tuple(group(s) for s in community.sigs),
    )
    image_sizes.forget_unused()
    copies = {group: tuple(sorted(made.items())) for group, made in images.copies.items()}
    rendered = replace(
        rendered,
        sigs=tuple(replace(s, image_copies=copies[s.id]) if s.id in copies else s for s in rendered.sigs),
    )
    return _withheld_settled(_settled(rendered, report), forge_url)


class _ForgeImages:
    """Where an image whose file the checkout lacks is shown: the file on the forge at the commit
    the hub was built from (at the branch when it is unknown), not a bare description. A folder
    the forge shows instead (of a file left out for what it holds) stays that folder."""

    def __init__(self, branch_url: str, forge_url: str, commit: str | None, root: Path) -> None:
        self._branch_url, self._forge_url, self._commit, self._root = branch_url, forge_url, commit, root

    def __call__(self, url: str) -> str:
        rest = url.removeprefix(self._branch_url)
        if rest == url or "#" in rest:
            return url
        path = unquote(rest)
        try:
            is_folder = stat.S_ISDIR((self._root / path).lstat().st_mode)
        except (OSError, ValueError):
            is_folder = False
        return url if is_folder else file_at_commit(self._forge_url, self._commit, path)


def _settled(community: Community, report: Callable[[str], UnknownFragments]) -> Community:
    """The community with each file's links to another file's heading settled (markup/outbound.py)."""
    shown = _shown_anchors(community)

    def settle(rendered: Rendered, path: str) -> Rendered:
        def fragment_of(link: Outbound) -> str:
            target = link.target
            pages = shown.get((target.kind, target.group, target.value))
            if not pages:  # the hub's home shows the community README's introduction alone
                return ""
            found = {anchors.find(link.fragment) for anchors in pages}
            if found == {None}:
                report(path).report(link.fragment, link.line, link.path)
            # Several READMEs: each language's home page shows its own, so the heading must be in each.
            same = found.pop() if len(found) == 1 else None
            return "#" + same if same is not None else ""

        return settle_links(rendered, fragment_of)

    def group(sig: Group) -> Group:
        return _each_text(sig, lambda _, rendered, path, __: settle(rendered, path), lambda m: bool(m.path))

    return replace(
        community,
        introduction=tuple(replace(r, rendered=settle(r.rendered, r.path)) for r in community.introduction),
        sigs=tuple(group(s) for s in community.sigs),
    )


def _withheld_settled(community: Community, forge_url: str) -> Community:
    """The community with each link to a withheld address (markup/withheld.py) leading to its line
    of its file on the forge, at the commit the hub shows (its branch, without history): its
    READMEs, records, documents and notes, whose loader links them (hub.loader's Sources)."""
    commit = community.history.commit if community.history.available else None

    def settle(rendered: Rendered, path: str) -> Rendered:
        return settled(rendered, lambda line: file_at_commit(forge_url, commit, path, line))

    def group(sig: Group) -> Group:
        return _each_text(
            sig, lambda _, rendered, path, __: settle(rendered, path), lambda m: not m.is_external
        )

    return replace(
        community,
        introduction=tuple(replace(r, rendered=settle(r.rendered, r.path)) for r in community.introduction),
        sigs=tuple(group(s) for s in community.sigs),
    )


def _shown_anchors(community: Community) -> dict[tuple[str, str, str], list[Anchors]]:
    """What each page showing a file (by its target: kind, group, value) lets a fragment name: a
    group's home shows one of its READMEs per language, a meeting's or a document's page its file."""
    shown: dict[tuple[str, str, str], list[Anchors]] = {}
    for sig in community.folders:
        shown[("home", sig.id, "")] = [r.rendered.anchors for r in sig.readmes]
        for meeting in sig.meetings:
            if not meeting.is_external:
                shown[("meeting", sig.id, meeting.slug)] = [meeting.rendered.anchors]
        for document in sig.documents:
            shown[("document", sig.id, document.slug)] = [document.rendered.anchors]
    return shown


def without_title(text: str, title: str) -> str:
    """A README as its group's home page shows it: without a first heading that says just the page's
    title (the group's name, the page's h1), its line left blank so that lines keep their numbers."""
    heading, body = title_and_body(text)
    return body if heading and _words(heading) == _words(title) else text


def _words(text: str) -> str:
    """A title as two titles compare: its words, in any case."""
    return " ".join(text.split()).casefold()


def _each_text(
    sig: Group,
    again: Callable[[str, Rendered, str, str], Rendered],
    kept: Callable[[Meeting], bool],
    readme_text: Callable[[str], str] = lambda text: text,
) -> Group:
    """The group with each text's rendering made `again(markdown, rendered, path, title)` (the path
    from the community's root; the title of the page that shows it): its READMEs (as `readme_text`
    gives them), the records and notes `kept` keeps, its documents."""
    meetings = tuple(
        replace(m, rendered=again(m.body, m.rendered, f"{sig.path}/{m.source_path}", m.title))
        if kept(m)
        else m
        for m in sig.meetings
    )
    return replace(
        sig,
        readmes=tuple(
            replace(r, rendered=again(readme_text(r.text), r.rendered, r.path, sig.name)) for r in sig.readmes
        ),
        meetings=meetings,
        documents=tuple(
            replace(d, rendered=again(d.text, d.rendered, f"{sig.path}/{d.path}", d.title))
            for d in sig.documents
        ),
    )
