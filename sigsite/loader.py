"""Load a SIG folder (members, sig-info, meetings) into one Group and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from sigsite.build_date import build_date
from sigsite.layout import MINDSPORE, TemplateDefaults
from sigsite.meetings import NoteCache, load_meetings
from sigsite.members import PeopleBuilder, SigInfo, read_members_file, read_sig_info
from sigsite.model import Contact, Group
from sigsite.problems import Problems
from sigsite.reading import symlink_on_the_way
from sigsite.settings import DEFAULT_TIMEZONE, MEETINGS_DIR, MEMBERS_FILE, SIG_INFO_FILE
from sigsite.statements import Statement


@dataclass(frozen=True)
class Sources:
    """Where a SIG's files are; paths are relative to `root` unless absolute."""

    root: Path
    members_file: str = MEMBERS_FILE
    sig_info_file: str = SIG_INFO_FILE
    meetings_dir: str = MEETINGS_DIR
    timezone: str = DEFAULT_TIMEZONE
    public_emails: frozenset[str] = field(default_factory=frozenset)  # lower case; never withheld
    channels: tuple[str, ...] = ()  # keys of CHANNELS where the SIG announces its meetings
    template: TemplateDefaults = MINDSPORE.template  # what its community's template tool writes
    withheld_links: bool = False  # a note links each withheld address to its line (the hub's)
    # Keys of sig-info.yaml whose address, at one of these domains, is the group's own and public
    # (the layout's `public_fields`).
    public_fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def path(self, relative: str) -> Path:
        """The absolute path of one of the SIG's files."""
        return (self.root / relative).resolve()

    def data_files(self) -> list[Path]:
        """The SIG's files that exist: members files and everything in the meetings folder."""
        files = [self.path(p) for p in (self.members_file, self.sig_info_file) if self.path(p).is_file()]
        folder = self.path(self.meetings_dir)
        if folder.is_dir():
            files.extend(p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith("."))
        return files

    def watched(self) -> list[Path]:
        """The files and folders whose change must rebuild the site."""
        return [self.path(p) for p in (self.members_file, self.sig_info_file, self.meetings_dir)]


def _present(path: Path) -> bool:
    """True when something stands at `path`: a file, or a folder where the file belongs (which its
    reader reports)."""
    return path.exists() or path.is_symlink()


def _refuse_link_on_the_way(root: Path, relative: str, problems: Problems) -> bool:
    """True unless a symbolic link stands at `root/relative` or on the way: then an error, and that
    part of the SIG's files is left out (the others are read)."""
    link = symlink_on_the_way(root, relative)
    if link is None:
        return True
    problems.error(
        relative,
        None,
        f"{link.relative_to(root)} is a symbolic link; the site never follows links, "
        "which could publish files from outside the SIG's folder",
        "commit the files themselves",
    )
    return False


def load_sig(sources: Sources, cache: NoteCache | None = None) -> tuple[Group, Problems]:
    """Read everything once, notes rendered as the site shows them; bad input becomes problems,
    never exceptions. With a `cache` from an earlier load, only the notes that changed are read again.
    """
    problems = Problems()
    linked = {
        relative
        for relative in (sources.members_file, sources.sig_info_file, sources.meetings_dir)
        if not _refuse_link_on_the_way(sources.root, relative, problems)
    }
    builder = PeopleBuilder(problems)
    members_said: Statement | None = None
    contacts: list[Contact] = []  # the members file's
    members_path = sources.path(sources.members_file)
    info_path = sources.path(sources.sig_info_file)
    has_members = sources.members_file not in linked and _present(members_path)
    has_info = sources.sig_info_file not in linked and _present(info_path)
    if has_members:
        with problems.reading(sources.members_file):
            members_said = read_members_file(
                members_path, sources.members_file, builder, sources.public_emails, contacts
            )
    elif not has_info and not linked:
        problems.warning(
            sources.members_file,
            None,
            "no members file: the roster will be empty",
            f"create {sources.members_file} with a 'Maintainers:' list",
        )
    info = SigInfo()
    if has_info:
        with problems.reading(sources.sig_info_file):
            info = read_sig_info(
                info_path,
                sources.sig_info_file,
                builder,
                sources.public_emails,
                sources.template,
                dict(sources.public_fields),
            )
    zone = ZoneInfo(sources.timezone)
    withheld: list[str] = []
    meetings, attachments = load_meetings(
        sources.path(sources.meetings_dir) if sources.meetings_dir not in linked else None,
        sources.meetings_dir.rstrip("/"),
        zone,
        problems,
        build_date(zone),
        public_emails=sources.public_emails | info.public_emails,
        cache=cache,
        withheld=withheld,
        withheld_links=sources.withheld_links,
    )
    data = Group(
        people=builder.build(),
        repositories=info.repositories,
        meetings=meetings,
        attachments=attachments,
        withheld_attachments=tuple(withheld),
        meeting_pad=info.meeting_pad,
        facts=replace(info.facts, channels=sources.channels),
        statements=(*([members_said] if members_said else []), *info.statements),
        contacts=(*info.contacts, *contacts),
    )
    return data, problems
