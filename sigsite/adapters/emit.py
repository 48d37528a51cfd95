"""The one place that makes MkDocs files: the generated pages and published files of a build, our
stylesheet and script, and the refusal of two files at one address.

MkDocs' `Files.append` silently replaces a file of the same source path, and two sources may be
published at one address; both stop the build here, naming both files.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.addresses import ASSETS_FOLDER, asset_file, site_path
from sigsite.plan.pages import PlannedFile, PlannedPage
from sigsite.problems import printable

# Our stylesheet and script, and the search worker that runs Material's (theme_hooks.search_worker),
# beside Material's own workers, whose languages it loads from `../lunr`.
ASSET_KINDS = ("stylesheets", "javascripts", "javascripts/workers")


def add_site_assets(files: Files, config: MkDocsConfig) -> None:
    """Our stylesheet and scripts (`extra_css`, `extra_javascript` in mkdocs.yml; the search worker),
    from the package: one copy at the site's root, which every language's pages link to."""
    folder = resources.files("sigsite") / ASSETS_FOLDER
    for kind in ASSET_KINDS:
        for item in sorted(folder.joinpath(kind).iterdir(), key=lambda entry: entry.name):
            if not item.is_file():
                continue  # the next kind's folder
            src_uri = asset_file(kind, item.name)
            if src_uri not in files.src_uris:
                add_file(files, File.generated(config, src_uri, content=item.read_bytes()))


def add_file(files: Files, file: File) -> None:
    """Add a generated file; MkDocs would silently replace a docs page of the same name, and write
    one whose path climbs (`people/../index.md`) over another page or out of the site."""
    refuse_unsafe_path(file)
    if file.src_uri in files.src_uris:
        raise PluginError(
            f"sigsite: docs/{file.src_uri} has the address of a file that sigsite generates "
            f"({file.dest_uri}); rename or remove the file in docs/"
        )
    files.append(file)


def refuse_unsafe_path(file: File) -> None:
    """Stop the build for a generated file whose path climbs (`people/../index.md`) over another
    page or out of the site."""
    if any(part in {"", ".", ".."} for part in file.src_uri.split("/")) or "\\" in file.src_uri:
        raise PluginError(
            printable(f"sigsite: {file.src_uri} is no path inside the site; no file is written there")
        )


def refuse_shared_addresses(files: Files, written_apart: list[File]) -> None:
    """Stop the build when two files would be published at one address (one would silently win),
    or a file where another needs a folder (`x.pdf` and `x.pdf/index.html`); `written_apart` are
    pages we write outside MkDocs' files (stamped pages)."""
    everything = [*files, *written_apart]
    first: dict[str, File] = {}
    folders = {
        folder: file for file in everything for folder in _folders_of(file.dest_uri)
    }  # the folders the files need, and one file that needs each
    for file in everything:
        if file.dest_uri in folders:
            other = folders[file.dest_uri]
            raise PluginError(
                printable(
                    f"sigsite: {file.src_uri} would be published as {file.dest_uri}, which "
                    f"{other.src_uri} needs as a folder; rename one"
                )
            )
        other = first.setdefault(file.dest_uri, file)
        if other is file:
            continue
        ours = [f for f in (other, file) if f.generated_by]
        theirs = [f for f in (other, file) if not f.generated_by]
        if len(ours) == 1:
            raise PluginError(
                f"sigsite: docs/{theirs[0].src_uri} has the address of a file that sigsite generates "
                f"({file.dest_uri}); rename or remove the file in docs/"
            )
        names = " and ".join(f"{f.src_uri} ({f.generated_by or 'docs/'})" for f in (other, file))
        raise PluginError(
            printable(f"sigsite: {names} would both be published as {file.dest_uri}; rename one")
        )


def _folders_of(dest_uri: str) -> Iterator[str]:
    """`a`, `a/b` for `a/b/c.html`."""
    parts = dest_uri.split("/")[:-1]
    for end in range(1, len(parts) + 1):
        yield "/".join(parts[:end])


def emit_pages(files: Files, config: MkDocsConfig, build: LanguageBuild, planned: list[PlannedPage]) -> None:
    """This language's planned pages: a generated file for each page we make, and the docs/ page
    (found by its URL) for each the plan adds to; each recorded in `build` for the later events."""
    docs = (
        {site_path(f.url): f for f in files.documentation_pages()} if any(p.docs_url for p in planned) else {}
    )
    for page in planned:
        if page.docs_url is not None:
            file = docs.get(page.docs_url)
            if file is None:
                continue  # the site has no such page of its own
        elif page.stamp is not None:  # written from its shell's HTML (stamped_pages.py), never by MkDocs
            file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            refuse_unsafe_path(file)
            Page(None, file, config)  # its address, for the sitemap
        else:
            file = File.generated(
                config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV
            )
            add_file(files, file)
        build.add(GeneratedPage(file, page))


def emit_files(files: Files, config: MkDocsConfig, planned: list[PlannedFile]) -> None:
    """Files published once per site: made from data, or copied from the repository."""
    for planned_file in planned:
        if planned_file.content is not None:
            file = File.generated(config, planned_file.path, content=planned_file.content)
        else:
            file = File.generated(config, planned_file.path, abs_src_path=str(planned_file.source))
        add_file(files, file)
