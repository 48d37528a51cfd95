"""The site's settings: one definition of each default, and the `sigsite:` block of mkdocs.yml.

The MkDocs plugin's config (`adapters/config.py`) and `sigsite check` both take their defaults
from here, and `sigsite check` reads the same block of mkdocs.yml, so the two agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MKDOCS_FILE = "mkdocs.yml"
PLUGIN_NAME = "sigsite"
MEMBERS_FILE = "sig_members.yaml"
SIG_INFO_FILE = "sig-info.yaml"
MEETINGS_DIR = "meetings"
DEFAULT_TIMEZONE = "Asia/Shanghai"
SETTING_NAMES = ("members_file", "sig_info_file", "meetings_dir", "timezone", "public_emails", "channels")
HUB_PLUGIN_NAME = "sigsite-hub"
HUB_CONFIG_FILE = "hub/mkdocs.yml"
# A commit that changes this many groups' folders or more is housekeeping, no group's activity:
# a group's own work changes its own folder, joint work of two to four groups (a shared session, a
# person joining several) changes theirs; a sweep over READMEs or the template changes dozens.
BULK_CHANGE_GROUPS = 5
# What `sigsite check --community` reads of the hub's mkdocs.yml.
HUB_SETTING_NAMES = ("timezone", "public_emails", "bulk_change_groups", "forge_url", "layout", "people_file")
PEOPLE_FILE = (
    "people.yaml"  # the hub's decisions on who is whom, beside its mkdocs.yml (identity/decisions.py)
)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without its tags (`!ENV`, `!!python/name`): only plain settings matter."""


_TolerantLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)


def plugin_settings(
    config_file: Path, plugin: str = PLUGIN_NAME, names: tuple[str, ...] = SETTING_NAMES
) -> dict[str, Any]:
    """The block of `plugin` in a mkdocs.yml's plugins, limited to `names`; {} when absent.

    Raises ValueError when the file is not YAML that MkDocs could read.
    """
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{config_file.name} cannot be read: {exc}") from exc
    plugins = config.get("plugins") if isinstance(config, dict) else None
    entries = plugins.items() if isinstance(plugins, dict) else (plugins or [])
    for entry in entries:
        name, settings = (entry, None) if isinstance(entry, str) else _single(entry)
        if name == plugin:
            settings = settings if isinstance(settings, dict) else {}
            return {key: value for key, value in settings.items() if key in names}
    return {}


def bulk_change_groups(value: object) -> int:
    """The `bulk_change_groups` setting of the hub: a whole number of 2 or more (None: the default);
    ValueError otherwise, saying what it must be."""
    if value is None:
        return BULK_CHANGE_GROUPS
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:
        raise ValueError(f"bulk_change_groups must be a whole number of 2 or more, not {value!r}")
    return value


def _single(entry: Any) -> tuple[Any, Any]:
    if isinstance(entry, tuple):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.items()))
    return None, None
