"""Settings of the plugins: `sigsite` (a SIG's site) and `sigsite-hub` (the community hub)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from sigsite.addresses import ARCHIVE_PAGE
from sigsite.channels import CHANNELS
from sigsite.settings import (
    BULK_CHANGE_GROUPS,
    DEFAULT_TIMEZONE,
    MEETINGS_DIR,
    MEMBERS_FILE,
    PEOPLE_FILE,
    SIG_INFO_FILE,
)

COMMUNITY_VARIABLE = "SIGSITE_COMMUNITY"


class CommonConfig(base.Config):
    """Settings both plugins have."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (no generated pages, no data for the macros)."""

    timezone = c.Type(str, default=DEFAULT_TIMEZONE)
    """Zone of meetings whose note names none (IANA name)."""

    public_emails = c.ListOfItems(c.Type(str), default=[])
    """Public addresses (a mailing list) that notes may show; every other address is withheld."""


class SigsiteConfig(CommonConfig):
    """Where the SIG's files are and how to publish them; paths are relative to mkdocs.yml."""

    members_file = c.Type(str, default=MEMBERS_FILE)
    """The MindSpore members file."""

    sig_info_file = c.Type(str, default=SIG_INFO_FILE)
    """The newer community description; read when present."""

    meetings_dir = c.Type(str, default=MEETINGS_DIR)
    """Folder of meeting notes (`NNN-YYYYMMDD.md`) and their slides."""

    channels = c.ListOfItems(c.Choice(tuple(CHANNELS)), default=[])
    """Where the SIG announces its meetings (`wechat`, ...): the archive says so only when set."""

    archive_page = c.Type(str, default=ARCHIVE_PAGE)
    """The docs page that lists the meetings; meeting pages link back to it."""


class HubConfig(CommonConfig):
    """Which community checkout the hub shows, and where its files live on the forge."""

    community = c.Optional(c.Type(str))
    """The folder that holds `sigs/`; by default the SIGSITE_COMMUNITY environment variable."""

    forge_url = c.Type(str, default="")
    """Where a file of the community repository is shown: the prefix of its path; by default its
    layout's forge (sigsite/layout.py)."""

    layout = c.Optional(c.Type(str))
    """The community's layout (a key of sigsite/layout.py's LAYOUTS); by default SIGSITE_LAYOUT,
    else the one the checkout's folders fit."""

    people_file = c.Type(str, default=PEOPLE_FILE)
    """The hub maintainers' decisions on who is whom (same, different, hidden), relative to
    hub/mkdocs.yml; without the file, no decision is made (README: "Who is whom")."""

    person_pages = c.Type(bool, default=True)
    """A page for each person (below `people/`); off, the people page lists everyone without
    links to pages of their own, and the build skips thousands of pages on a large community."""

    bulk_change_groups = c.Type(int, default=BULK_CHANGE_GROUPS)
    """A commit that changes this many groups' folders or more is housekeeping (a README sweep, a
    template change): it is no group's last change or activity. 2 or more."""
