"""The Content-Security-Policy of every page: the last wall if markup ever gets past the sanitizer.

Scripts may come from the site itself and, inline, only as the theme writes them: Material keeps
each of its inline scripts in a template of `partials/javascripts/`; they are rendered with the
page's context and hashed at build time, so a theme upgrade brings its new hashes along. A page's
own content adds no hash. `blocked_scripts` reads every built page and reports an inline script the
policy does not allow, so a theme change that moves a script elsewhere fails `--strict` loudly.

`mkdocs serve` injects an inline live-reload script that changes with every request: while
serving, inline scripts are allowed (the preview only; a build never allows them).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment

THEME_SCRIPTS = "partials/javascripts/"
# A script element as an HTML parser reads it, in any letter case: the start tag (quoted values
# may hold `>`), then everything up to the first `</script`, whatever it holds.
_SCRIPT_START = re.compile(r"""<script(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script(?=[\s/>])", re.IGNORECASE)
_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)"')
_DATA_TYPES = ("application/json", "application/ld+json")  # data, never run: not script-src's concern

# Everything from the site itself; images also as data: URIs (Material's icons); nothing else.
_FIXED = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # the theme and our templates set style attributes
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(html: str) -> Iterable[str]:
    """The code of every inline script in `html` that a browser would run."""
    position = 0
    while start := _SCRIPT_START.search(html, position):
        end = _SCRIPT_END.search(html, start.end())
        position = end.end() if end else len(html)
        attributes = start[1]
        kind = _TYPE.search(attributes)
        if _SOURCE.search(attributes) or (kind and kind[1].lower() in _DATA_TYPES):
            continue
        yield html[start.end() : end.start() if end else len(html)]


def _theme_scripts(env: Environment) -> list[str]:
    """The templates of `partials/javascripts/` in the theme's folders (overrides included).

    Looked up in those folders alone: listing every template walks thousands of icons per build.
    """
    folders = getattr(env.loader, "searchpath", None)
    if folders is None:  # not a folder loader: ask it for everything
        return sorted(env.list_templates(filter_func=lambda name: name.startswith(THEME_SCRIPTS)))
    return sorted(
        {
            THEME_SCRIPTS + path.name
            for folder in folders
            for path in Path(folder, THEME_SCRIPTS).glob("*.html")
        }
    )


class ContentSecurityPolicy:
    """The policy for each page of one build, from the theme's own inline scripts."""

    def __init__(self, env: Environment, *, serving: bool) -> None:
        self._serving = serving
        self._templates = [env.get_template(name) for name in _theme_scripts(env)]
        self._policies: dict[tuple[str, str], str] = {}

    def for_context(self, context: dict[str, Any]) -> str:
        """The policy of a page rendered with this template context."""
        config = context.get("config")
        features = tuple(config.theme.get("features") or []) if config is not None else ()
        base_url = str(context.get("base_url", ""))
        key = (base_url, ",".join(features))
        if key not in self._policies:
            self._policies[key] = self._policy({**context, "features": list(features)})
        return self._policies[key]

    def _policy(self, context: dict[str, Any]) -> str:
        if self._serving:
            scripts = "script-src 'self' 'unsafe-inline'"
        else:
            hashes = sorted(
                {
                    _digest(code)
                    for template in self._templates
                    for code in inline_scripts(template.render(context))
                }
            )
            scripts = " ".join(["script-src 'self'", *hashes])
        return "; ".join([_FIXED[0], scripts, *_FIXED[1:]])

    def blocked_scripts(self, html: str) -> list[str]:
        """The inline scripts of a built page that its own policy blocks (the start of each).

        A page without a policy has every inline script reported: it must carry one.
        """
        if self._serving:
            return []
        meta = _POLICY_META.search(html)
        policy = meta["policy"] if meta else ""
        return [code[:60] for code in inline_scripts(html) if _digest(code) not in policy]
