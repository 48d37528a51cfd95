"""Where a SIG's files are, found from any folder the way git finds its repository."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sigsite.layout import detect_layout
from sigsite.loader import Sources
from sigsite.settings import (
    HUB_CONFIG_FILE,
    HUB_PLUGIN_NAME,
    HUB_SETTING_NAMES,
    MEETINGS_DIR,
    MEMBERS_FILE,
    MKDOCS_FILE,
    SIG_INFO_FILE,
    plugin_settings,
)


class ProjectNotFound(Exception):
    """No SIG files where the command looked; the message says what was expected."""


@dataclass(frozen=True)
class Project:
    """A SIG's files and, when there is one, the mkdocs.yml whose settings they are read with."""

    sources: Sources
    config_file: Path | None


def _holds_sig_files(folder: Path) -> bool:
    return (
        (folder / MEMBERS_FILE).is_file()
        or (folder / SIG_INFO_FILE).is_file()
        or (folder / MEETINGS_DIR).is_dir()
    )


def _with_settings(config_file: Path) -> Project:
    try:
        settings = plugin_settings(config_file)
    except ValueError as exc:
        raise ProjectNotFound(str(exc)) from exc
    values: dict[str, Any] = {
        key: str(value)
        for key, value in settings.items()
        if key not in {"public_emails", "channels"} and value
    }
    channels = settings.get("channels")
    return Project(
        Sources(
            root=config_file.parent,
            public_emails=public_addresses(settings),
            channels=tuple(str(c) for c in channels) if isinstance(channels, list) else (),
            **values,
        ),
        config_file,
    )


def public_addresses(settings: dict[str, Any]) -> frozenset[str]:
    """The `public_emails` of a plugin's settings, in lower case."""
    emails = settings.get("public_emails") or []
    return frozenset(str(address).lower() for address in emails) if isinstance(emails, list) else frozenset()


def relative_path(path: Path) -> str:
    """A file as a maintainer would type it: relative to the current folder when on its drive, as
    `sigsite check --community` and the hub's build both name the hub's people file."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


def hub_settings(start: Path, config_file: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The `sigsite-hub` settings `sigsite check --community` applies, and the file they come from:
    `config_file`, else the nearest hub/mkdocs.yml at or above `start`; ({}, None) without one."""
    if config_file is None:
        folder = start.resolve()
        config_file = next(
            (c / HUB_CONFIG_FILE for c in (folder, *folder.parents) if (c / HUB_CONFIG_FILE).is_file()), None
        )
    if config_file is None:
        return {}, None
    try:
        return plugin_settings(config_file, HUB_PLUGIN_NAME, HUB_SETTING_NAMES), config_file
    except ValueError as exc:
        raise ProjectNotFound(str(exc)) from exc


def find_project(path: Path) -> Project:
    """The project of `path`: the nearest folder at or above it with a mkdocs.yml, read with its
    `sigsite:` settings; else `path` itself when it holds a SIG's files (a community SIG folder).
    """
    if not path.exists():
        raise ProjectNotFound(f"{path} does not exist")
    if not path.is_dir():
        raise ProjectNotFound(
            f"{path} is a file; give the SIG's folder (the one with {MEMBERS_FILE} and {MEETINGS_DIR}/), "
            "or run the command inside it"
        )
    folder = path.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / MKDOCS_FILE).is_file():
            return _with_settings(candidate / MKDOCS_FILE)
    if _holds_sig_files(folder):
        return Project(Sources(root=folder), None)
    layout = detect_layout(folder)
    if layout is not None:
        raise ProjectNotFound(
            f"{path} holds {layout.listed_kind.folder}/: it is a community checkout; check every group "
            f"folder of it with `sigsite check --community {path}`"
        )
    raise ProjectNotFound(
        f"no SIG files in {path}: expected {MEMBERS_FILE}, {SIG_INFO_FILE} or a {MEETINGS_DIR}/ folder, "
        f"or a {MKDOCS_FILE} in it or a folder above it"
    )
