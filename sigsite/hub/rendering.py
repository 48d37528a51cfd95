"""Every Markdown file of the community the hub shows, rendered once the whole community is known:
READMEs and records, their links leading to what the hub publishes, or else to the forge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sigsite.hub.images import ImageSizes
from sigsite.hub.links import ReadmeLinks
from sigsite.hub.model import Community, HubSig
from sigsite.markup.document import render_markdown
from sigsite.model import Rendered
from sigsite.privacy import warn_withheld
from sigsite.problems import Problems

# A page's title is its h1 (a group's name, a record's title): what a file shows starts at h2.
TOP_LEVEL = 2


def rendered_community(
    community: Community, root: Path, forge_url: str, public: frozenset[str], problems: Problems
) -> Community:
    """The community with every README, record and document rendered (`Rendered`), headings in an outline
    below the page's title whatever level the file starts at."""
    links = ReadmeLinks(community, forge_url)
    sizes = ImageSizes(community, root)

    def render(text: str, path: str) -> Rendered:
        return render_markdown(
            text,
            links.resolver(path),
            top=TOP_LEVEL,
            public=public,
            withheld=lambda address: warn_withheld(address, path, None, problems),
            own=links.repository_path,
            image_size=sizes,
        )

    def group(sig: HubSig) -> HubSig:
        meetings = tuple(
            replace(m, rendered=render(m.body, f"{sig.path}/{m.path}")) if m.path and not m.is_external else m
            for m in sig.data.meetings
        )
        return replace(
            sig,
            readmes=tuple(replace(r, rendered=render(r.text, r.path)) for r in sig.readmes),
            data=replace(sig.data, meetings=meetings),
            documents=tuple(
                replace(d, rendered=render(d.text, f"{sig.path}/{d.path}")) for d in sig.documents
            ),
        )

    return replace(
        community,
        introduction=tuple(replace(r, rendered=render(r.text, r.path)) for r in community.introduction),
        sigs=tuple(group(s) for s in community.sigs),
    )
