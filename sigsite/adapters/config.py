"""Settings of the `sigsite` MkDocs plugin (the `plugins: - sigsite:` block of mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from sigsite.addresses import ARCHIVE_PAGE
from sigsite.settings import DEFAULT_TIMEZONE, MEETINGS_DIR, MEMBERS_FILE, SIG_INFO_FILE


class SigsiteConfig(base.Config):
    """Where the SIG's files are and how to publish them; paths are relative to mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (no meeting pages, no data for the macros)."""

    members_file = c.Type(str, default=MEMBERS_FILE)
    """The MindSpore members file."""

    sig_info_file = c.Type(str, default=SIG_INFO_FILE)
    """The newer community description; read when present."""

    meetings_dir = c.Type(str, default=MEETINGS_DIR)
    """Folder of meeting notes (`NNN-YYYYMMDD.md`) and their slides."""

    archive_page = c.Type(str, default=ARCHIVE_PAGE)
    """The docs page that lists the meetings; meeting pages link back to it."""

    timezone = c.Type(str, default=DEFAULT_TIMEZONE)
    """Zone of meetings whose note names none (IANA name)."""

    public_emails = c.ListOfItems(c.Type(str), default=[])
    """Public addresses (a mailing list) that notes may show; every other address is withheld."""
