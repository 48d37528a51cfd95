"""Settings of the `sigsite` MkDocs plugin (the `plugins: - sigsite:` block of mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SigsiteConfig(base.Config):
    """Where the SIG's files are and how to publish them; paths are relative to mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (no meeting pages, no data for the macros)."""

    members_file = c.Type(str, default="sig_members.yaml")
    """The MindSpore members file."""

    sig_info_file = c.Type(str, default="sig-info.yaml")
    """The newer community description; read when present."""

    meetings_dir = c.Type(str, default="meetings")
    """Folder of meeting notes (`NNN-YYYYMMDD.md`) and their slides."""

    archive_page = c.Type(str, default="meetings/index.md")
    """The docs page that lists the meetings; meeting pages link back to it."""

    timezone = c.Type(str, default="Asia/Shanghai")
    """Zone of meetings whose note names none (IANA name)."""

    public_emails = c.ListOfItems(c.Type(str), default=[])
    """Public addresses (a mailing list) that notes may show; every other address is withheld."""
