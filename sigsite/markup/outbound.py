"""Links to a heading of another file, settled once every file is rendered.

A file is rendered on its own (and a meeting note is cached while it is unchanged), so a link to
another file's heading cannot be resolved while its file is rendered: the reference keeps the
fragment as written and the file keeps the link among its `outbound` ones (anchors.py). Once
every file of the site or folder is rendered, the loader that rendered them settles each file's
links against the headings of the file each leads to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sigsite.markup.anchors import Outbound
from sigsite.markup.references import Target, replace_fragments
from sigsite.model import Rendered


def settle_links(rendered: Rendered, fragment_of: Callable[[Outbound], str]) -> Rendered:
    """`rendered` with the fragment of each link to another file's heading settled: `fragment_of`
    gives the final one (`#user-content-…`), or "" to lead to the top of the page (and reports
    why). It is asked once per link, so that each report has its line."""
    if not rendered.outbound:
        return rendered
    settled: dict[Target, str] = {}
    for link in rendered.outbound:
        settled[link.target] = fragment_of(link)
    html = replace_fragments(rendered.html, lambda target: settled.get(target, ""))
    return replace(rendered, html=html, outbound=())
