"""The mkdocs-macros module: macros that render the loaded SIG into the site's own pages.

Enabled in mkdocs.yml with `macros: modules: [sigsite.adapters.macros]`. The data is the
one the `sigsite` plugin loaded for this build; no macro reads a file.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from sigsite.adapters.plugin import SigsitePlugin
from sigsite.addresses import PageContext
from sigsite.plan.pages import LATE_SLOT
from sigsite.render.blocks import (
    render_archive,
    render_next_meeting,
    render_people,
    render_repositories,
)


def _plugin(env: Any) -> SigsitePlugin:
    plugin = env.conf.plugins.get("sigsite")
    if not isinstance(plugin, SigsitePlugin):
        raise PluginError("sigsite macros need the 'sigsite' plugin listed before 'macros' in mkdocs.yml")
    return plugin


def define_env(env: Any) -> None:
    """Register the macros (called by mkdocs-macros once per build)."""

    def page_context() -> PageContext:
        return _plugin(env).build.context_for(env.page.url)

    def locale() -> str:
        return _plugin(env).languages.current

    @env.macro
    def roster() -> str:
        """Every member once, with all their roles, filterable by role and name (filled in after Markdown)."""
        _plugin(env)  # a clear error when the plugin that fills the slot is missing
        return LATE_SLOT

    @env.macro
    def maintainers() -> str:
        """The maintainers, with their Gitee profiles."""
        return render_people(_plugin(env).group, "Maintainer", locale())

    @env.macro
    def repositories() -> str:
        """The repositories listed in sig-info.yaml, with their committers; nothing for a SIG whose
        files list none (its page names them in its own words)."""
        group = _plugin(env).group
        return render_repositories(group, locale()) if group.repositories else ""

    @env.macro
    def meeting_archive() -> str:
        """Upcoming and past meetings by year, external sessions and files."""
        plugin = _plugin(env)
        return render_archive(plugin.group, page_context(), plugin.today())

    @env.macro
    def next_meeting() -> str:
        """The next meeting and the most recent ones, for the home page."""
        plugin = _plugin(env)
        return render_next_meeting(plugin.group, page_context(), plugin.today())

    @env.macro
    def source_edit_url(path: str) -> str:
        """Where to edit a file of the repository (outside docs/) on the forge."""
        config = env.conf
        docs_edit = urljoin(config.repo_url or "", config.edit_uri or "")
        return urljoin(docs_edit, "../" + path) if docs_edit else ""
