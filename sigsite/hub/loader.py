"""A community checkout (the folder that holds `sigs/`) -> Community, and its problems by folder.

Each SIG folder is read as the single-SIG site reads one (`load_sig`), so both refuse the same
things; the hub adds the folder's READMEs (readmes.py), its facts from the community's listings
(listing.py), and the SIGs a listing is the only trace of. The community's files are taken as they
are: what is odd is a warning.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from sigsite.addresses import UniqueSegments, address_segment, group_prefix
from sigsite.attachments import ATTACHMENT_SUFFIXES, publishable
from sigsite.channels import channels_named
from sigsite.contacts import public_addresses, readme_contacts
from sigsite.formatting import shortened
from sigsite.hub.descriptions import group_descriptions, introductions
from sigsite.hub.documents import read_documents
from sigsite.hub.faults import published
from sigsite.hub.history import read_history
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.links import forge_targets, relative_targets
from sigsite.hub.listing import Listed, read_listing
from sigsite.hub.meeting_times import readme_schedule, with_readme_times, with_stated_time
from sigsite.hub.model import Community
from sigsite.hub.owners import read_owners
from sigsite.hub.readmes import (
    community_readmes,
    heading_name,
    read_readmes,
)
from sigsite.hub.records import group_files, readme_sessions
from sigsite.hub.rendering import rendered_community
from sigsite.hub.repository_files import read_repository_files, with_repository_files
from sigsite.languages import CODES, DEFAULT
from sigsite.layout import MINDSPORE, GroupKind, Layout
from sigsite.loader import Sources, load_sig
from sigsite.meetings import NoteCache, meeting_order
from sigsite.model import Group, SigFacts
from sigsite.privacy import PublishableNames, masked, refuse_address_in_file, refuse_unpublishable_name
from sigsite.problems import FILE_LEFT_OUT, Problem, Problems, Severity
from sigsite.reading import symlink_on_the_way
from sigsite.settings import BULK_CHANGE_GROUPS, DEFAULT_TIMEZONE, MEETINGS_DIR, SIG_INFO_FILE
from sigsite.statements import Listing, readme_statements
from sigsite.summaries import with_summaries


def sig_id(name: str) -> str:
    """The address segment of a group's folder or name (addresses.address_segment)."""
    return address_segment(name, "sig")


def load_community(
    root: Path,
    *,
    timezone: str = DEFAULT_TIMEZONE,
    public_emails: frozenset[str] = frozenset(),
    caches: dict[str, NoteCache] | None = None,
    forge_url: str | None = None,
    bulk_change_groups: int = BULK_CHANGE_GROUPS,
    layout: Layout = MINDSPORE,
    image_sizes: ImageSizeCache | None = None,
) -> tuple[Community, Problems]:
    """Read every group folder of `root`; bad input becomes problems of its file, never an exception.

    What a group's files hold that the hub cannot show is left out where it stands and reported as
    an error (`Community.faults`): `sigsite check --community` fails on it, the hub shows the rest.
    A commit that changes `bulk_change_groups` groups' folders or more dates none of them, nor the
    roles its roster files' versions name (hub/history.py, hub/role_history.py). The layout says
    where the groups are; `forge_url` defaults to its forge's. With `caches` and `image_sizes` from
    an earlier load (`mkdocs serve`), only the notes and images that changed are read again.
    """
    problems = Problems()
    forge_url = forge_url or layout.forge.source
    listed_kind = layout.listed_kind
    sigs_dir = root / listed_kind.folder
    if not sigs_dir.is_dir() or sigs_dir.is_symlink():
        problems.error(
            listed_kind.folder,
            None,
            f"{root} holds no {listed_kind.folder}/ folder",
            "point SIGSITE_COMMUNITY (or --community) at the checkout of the community repository",
            topic=FILE_LEFT_OUT,
        )
        return Community(), problems
    listing_said: Listing = {}  # what the community's lists say of each SIG's leaders, by folder
    listed = {
        code: read_listing(
            sigs_dir / name,
            f"{listed_kind.folder}/{name}",
            layout,
            public_emails,
            problems,
            listing_said if code == DEFAULT else None,
        )
        for code, name in layout.listings.items()
        if code in CODES
    }
    introduction = community_readmes(sigs_dir, layout, public_emails, problems, listing_said)
    by_folder = {locale: {e.folder: e for e in entries if e.folder} for locale, entries in listed.items()}
    folders = list(_group_folders(root, layout, problems))
    sig_folders = {folder.name for kind, folder in folders if kind is listed_kind}
    elsewhere = [e for e in listed.get(DEFAULT, []) if e.folder not in sig_folders]
    listing = f"{listed_kind.folder}/{layout.listings.get(DEFAULT, '')}"
    ids = assign_ids(
        [
            IdClaim(kind.path(folder.name), folder.name, kind.id_prefix + sig_id(folder.name), kind)
            for kind, folder in folders
        ]
        + [
            IdClaim(f"{listing} ({entry.name})", None, sig_id(entry.name), listed_kind) for entry in elsewhere
        ],
        layout,
        problems,
    )
    sigs = []
    for index, (kind, folder) in enumerate(folders):
        if index not in ids:
            continue
        display = kind.path(folder.name)
        try:
            sig = _load_folder(
                folder,
                kind,
                layout,
                ids[index],
                {locale: entries.get(folder.name) for locale, entries in by_folder.items()}
                if kind is listed_kind
                else {},
                timezone,
                public_emails,
                (caches or {}).setdefault(display, NoteCache()) if caches is not None else None,
                forge_url,
                problems,
            )
        except Exception as exc:  # a bug of ours met by this group's files: the other groups go on
            sig = _unread_folder(folder, kind, ids[index], display, exc, problems)
        if kind is listed_kind:
            sig = replace(sig, statements=(*sig.statements, *listing_said.get(folder.name, ())))
        own_segment = sig_id(folder.name)  # the address keeps the folder's own, whatever its id
        sigs.append(replace(sig, prefix=group_prefix(kind.folder, None if kind.single else own_segment)))
    by_link = {code: {e.link: e for e in entries} for code, entries in listed.items()}
    for index, entry in enumerate(elsewhere, start=len(folders)):
        if index not in ids:
            continue
        descriptions = group_descriptions(
            SigFacts(),
            [(_listing_file(layout, code), links.get(entry.link)) for code, links in by_link.items()],
            public=public_emails,
            problems=problems,
        )
        sigs.append(
            Group(
                id=ids[index],
                folder=None,
                name=shortened(entry.name),
                introduction=introductions(descriptions),
                descriptions=descriptions,
                maintainers=(entry.maintainer,) if entry.maintainer else (),
                external_url=entry.link,
                kind=listed_kind.key,
                prefix=group_prefix(listed_kind.folder, ids[index]),
            )
        )
    history = read_history(
        root,
        [s.path for s in sigs if not s.is_external],
        kinds=layout.kinds,
        bulk_groups=bulk_change_groups,
        problems=problems,
        rosters=True,
    )
    sigs = [replace(s, last_change=history.last_change.get(s.path)) for s in sigs]
    # With the addresses the groups' own fields declare public (layout.public_fields).
    public_emails = public_emails.union(*(public_addresses(s.contacts) for s in sigs))
    community = Community(
        introduction=introduction,
        sigs=tuple(sigs),
        history=history,
        layout=layout,
        public_emails=public_emails,
    )
    community = rendered_community(community, root, forge_url, public_emails, problems, image_sizes)
    faults = tuple(published(p, public_emails) for p in problems.sorted() if p.severity is Severity.ERROR)
    return replace(community, faults=faults), problems


def _listing_file(layout: Layout, code: str) -> str:
    """The path of the community's listing in a language (`sigs/sig_info.yaml`)."""
    return f"{layout.listed_kind.folder}/{layout.listings.get(code, '')}"


def _group_folders(root: Path, layout: Layout, problems: Problems) -> Iterator[tuple[GroupKind, Path]]:
    """Every group's folder, kind by kind (the layout's), each kind's by name; links and odd names
    refused."""
    for kind in layout.kinds:
        top = root / kind.folder
        if not top.exists() and not top.is_symlink():
            continue
        if top.is_symlink() or not top.is_dir():  # a link (even to a folder), a file, a FIFO
            what = "a symbolic link, which the hub never follows," if top.is_symlink() else "a file"
            problems.error(
                kind.folder,
                None,
                f"is {what} where the folder of a kind of group belongs, so it is left out",
                f"keep the {kind.folder}/ folder",
                topic=FILE_LEFT_OUT,
            )
            continue
        candidates = (
            [top]
            if kind.single
            else sorted(p for p in top.iterdir() if p.is_dir() or p.is_symlink())  # a link is refused below
        )
        for folder in candidates:
            display = kind.path(folder.name)
            if folder.name.startswith(".") or (
                kind is layout.listed_kind and folder.name in layout.not_groups
            ):
                continue
            if folder.is_symlink() or symlink_on_the_way(root, display) is not None:
                problems.error(
                    masked(display),
                    None,
                    "the group's folder is a symbolic link, which the hub never follows",
                    topic=FILE_LEFT_OUT,
                )
                continue
            if refuse_unpublishable_name(folder.name, display, problems):
                yield kind, folder


@dataclass(frozen=True)
class IdClaim:
    """A group's claim to an id: where it is (its folder, or its entry of the listing), the name of
    its folder (None for a group hosted elsewhere), the id that name makes, and its kind."""

    display: str
    folder: str | None
    id: str
    kind: GroupKind

    @property
    def exact(self) -> bool:
        """True when the folder's name is the id itself (`sigs/dx`), which no other name can take."""
        return self.folder is not None and self.kind.id_prefix + self.folder == self.id


def assign_ids(claims: list[IdClaim], layout: Layout, problems: Problems) -> dict[int, str]:
    """Each claim's id by its index, whatever order the claims come in.

    Two folders of one kind that make one id (their addresses would be one): the folder named
    exactly so keeps it; every other (all of them, when no single one is named so) is left out, with
    an error. A group of the listing never takes a folder's id: it is left out, with an error.
    Folders of different kinds have addresses of their own (`sigs/x/`, `working-groups/x/`), so
    both are shown: the kind declared first (a single-group kind before the others) keeps the id,
    and the other is known by `<kind>-<id>`, with a warning. An id that starts with a kind's
    `id_prefix` is that kind's before any other's: an active SIG's folder `sig/archived-x` never
    takes the id of the archived SIG `archived_sigs/x`.
    """
    # Kinds whose ids have a prefix of their own first (only their folders make such an id on
    # purpose), single-group kinds next (their folder is the kind's), then in the order declared.
    kind_order = {
        kind.key: (not kind.id_prefix, not kind.single, order) for order, kind in enumerate(layout.kinds)
    }

    by_id: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        by_id.setdefault(claim.id, []).append(index)
    kept: dict[int, str] = {}
    renamed: list[int] = []  # folders that keep their address under another kind's id
    for group_id, indexes in by_id.items():
        folders = [i for i in indexes if claims[i].folder is not None]
        for index in indexes:
            if claims[index].folder is None and (folders or len(indexes) > 1):
                _left_out(claims, index, [i for i in indexes if i != index], None, problems)
        by_kind: dict[str, list[int]] = {}
        for index in folders:
            by_kind.setdefault(claims[index].kind.key, []).append(index)
        winners = []
        for same in by_kind.values():
            exact = [i for i in same if claims[i].exact]
            keeper = same[0] if len(same) == 1 else exact[0] if len(exact) == 1 else None
            for index in same:
                if index != keeper:
                    _left_out(claims, index, [i for i in same if i != index], keeper, problems)
            if keeper is not None:
                winners.append(keeper)
        if not folders and len(indexes) == 1:
            winners = indexes
        winners.sort(key=lambda i: kind_order[claims[i].kind.key])
        if winners:
            kept[winners[0]] = group_id
            renamed += winners[1:]
    segments = UniqueSegments(frozenset(kept.values()))
    for index in sorted(renamed, key=lambda i: (kind_order[claims[i].kind.key], claims[i].display)):
        claim = claims[index]
        kept[index] = segments.unique(f"{claim.kind.key}-{claim.id}")
        problems.warning(
            claim.display,
            None,
            f"its id '{claim.id}' is also the id of a group of another kind; it keeps its address, and "
            f"its id is {kept[index]} (in sigs.json, people.json and the calendars)",
            "rename one of the folders so that the groups have ids of their own",
        )
    return kept


def _left_out(
    claims: list[IdClaim], index: int, others: list[int], keeper: int | None, problems: Problems
) -> None:
    """Report that the claim at `index` is left out: `keeper` keeps the id, or no claimant does."""
    claim = claims[index]
    named = ", ".join(claims[i].display for i in others)
    if keeper is not None:
        why = f"{claims[keeper].display} keeps it, being named exactly so, and this group is left out"
    elif claim.folder is None and any(claims[i].folder is not None for i in others):
        why = "a folder keeps it, and this entry of the listing is left out"
    else:
        why = "no single folder is named exactly so, and every group that claims it is left out"
    problems.error(
        claim.display,
        None,
        f"its address id '{claim.id}' is also the id of {named}; {why}",
        "rename the folders (or the listing's entry) so that no two make the same id (lower case, "
        "runs of other characters as '-')",
        topic=FILE_LEFT_OUT,
    )


def _load_folder(
    folder: Path,
    kind: GroupKind,
    layout: Layout,
    sig_id_: str,
    listed: dict[str, Listed | None],
    timezone: str,
    public_emails: frozenset[str],
    cache: NoteCache | None,
    forge_url: str,
    problems: Problems,
) -> Group:
    display = kind.path(folder.name)
    sources = Sources(
        root=folder,
        timezone=timezone,
        public_emails=public_emails,
        template=layout.template,
        withheld_links=True,  # to their line on the forge (hub/rendering.py)
        public_fields=tuple(layout.public_fields.items()),
    )
    has_data = any(
        sources.path(p).exists() for p in (sources.members_file, sources.sig_info_file, MEETINGS_DIR)
    )
    data, found = load_sig(sources, cache) if has_data else (Group(), Problems())
    problems.items.extend(_in_folder(found.items, display))
    public_emails |= public_addresses(data.contacts)  # the group's own, as a field declares them
    readmes = read_readmes(folder, display, layout, public_emails, problems)
    listed_first = listed.get(DEFAULT)
    name = shortened(  # shown on every page of the group
        (listed_first and listed_first.name)
        or data.facts.name
        or heading_name(readmes, names_a_sig=kind is layout.listed_kind)
        or folder.name
    )
    descriptions = group_descriptions(
        data.facts,
        [(_listing_file(layout, code), entry) for code, entry in listed.items()],
        readmes,
        own_file=f"{display}/{SIG_INFO_FILE}",
        public=public_emails,
        problems=problems,
    )
    names = PublishableNames(display, problems)  # every name on the way to a published file
    found_files = group_files(
        folder,
        display,
        timezone,
        public_emails,
        problems,
        names,
        frozenset(m.slug.lower() for m in data.meetings),
        layout.readme_names,
        skipped=frozenset(layout.repository_folders),
    )
    known = {m.external_url for m in data.meetings if m.external_url}
    sessions = readme_sessions(readmes, known, timezone)
    zone = ZoneInfo(timezone)
    records = [with_stated_time(r, zone, f"{display}/{r.path}", problems) for r in found_files.records]
    meetings = tuple(sorted((*data.meetings, *records, *sessions), key=meeting_order))
    data = replace(
        data,
        meetings=with_summaries(with_readme_times(meetings, readme_schedule(readmes), zone)),
        facts=replace(data.facts, channels=channels_named(r.text for r in readmes)),
    )
    embedded = dict(found_files.embedded)
    documents = read_documents(
        folder, found_files.documents, display, public_emails, problems, embedded, dict(found_files.texts)
    )
    linking = (
        [("", r.text) for r in readmes]
        + [  # what a README, a record or a document shows of the folder is published with it
            (posixpath.dirname(m.path), m.body) for m in found_files.records
        ]
        + [(posixpath.dirname(d.path), d.text) for d in documents]
    )
    linked, withheld = _linked_files(folder, display, linking, forge_url, names, public_emails, problems)
    owners = read_owners(folder, display, problems)
    described = read_repository_files(folder, display, layout.repository_folders, public_emails, problems)
    statements = (
        *([owners] if owners else []),
        *(replace(s, file=f"{display}/{s.file}") for s in data.statements),
        *(s for r in readmes for s in readme_statements(r.path, r.text)),
    )
    people = tuple(  # each entry named from the community's root, as the statements are
        replace(p, sources=tuple(replace(s, file=f"{display}/{s.file}") for s in p.sources))
        for p in data.people
    )
    return replace(
        data,
        id=sig_id_,
        folder=folder.name,
        name=name,
        names={code: shortened(text) for code, text in data.facts.names.items()},
        introduction=introductions(descriptions),
        descriptions=descriptions,
        readmes=readmes,
        published_files=tuple(
            sorted(
                {
                    *linked,
                    *found_files.files,
                    *embedded,
                }
            )
        ),
        kind=kind.key,
        path=display,
        documents=documents,
        embedded_files=tuple(sorted(embedded.items())),
        withheld_files=tuple(sorted({*withheld, *found_files.withheld})),
        statements=statements,
        people=people,
        repositories=with_repository_files(data.repositories, described),
        contacts=(
            *(replace(c, file=f"{display}/{c.file}") for c in data.contacts),
            *(c for r in readmes for c in readme_contacts(r.path, r.text, public_emails)),
        ),
    )


def _unread_folder(
    folder: Path, kind: GroupKind, sig_id_: str, display: str, exc: Exception, problems: Problems
) -> Group:
    """A group whose folder could not be read: its name and place alone, and an error of its folder
    (which its page shows), so that one group's files never stop the hub."""
    problems.error(
        display,
        None,
        f"the folder could not be read ({type(exc).__name__}: {exc}), so its group is shown without it",
        "simplify the file you changed last, and report it to sigsite's maintainers",
        topic=FILE_LEFT_OUT,
    )
    return Group(id=sig_id_, folder=folder.name, name=shortened(folder.name), kind=kind.key, path=display)


def _in_folder(items: list[Problem], display: str) -> list[Problem]:
    """The problems of a SIG folder, named from the community's root."""
    return [replace(p, file=f"{display}/{p.file}") for p in items]


def _linked_files(
    folder: Path,
    display: str,
    texts: list[tuple[str, str]],
    forge_url: str,
    names: PublishableNames,
    public: frozenset[str],
    problems: Problems,
) -> tuple[set[str], set[str]]:
    """Files of the folder that its Markdown (each text with its folder-relative directory) links to,
    relatively or by its address on the forge, and that the hub publishes: inert types, no links
    on the way, not in meetings/, names that may be published, no address in what they hold. And
    the files of a published type left out for what they are or hold (each an error)."""
    found: set[str] = set()
    withheld: set[str] = set()
    looked_at: set[str] = set()  # a file linked twice is checked (and reported) once
    for directory, text in texts:
        own = [
            posixpath.relpath(path, posixpath.join(display, directory or "."))
            for path in forge_targets(text, forge_url)
            if path.startswith(f"{display}/")
        ]
        for target in (*relative_targets(text), *own):
            relative = posixpath.normpath(posixpath.join(directory, target))
            if (
                relative.startswith("../")
                or relative in {".", ".."}
                or relative.startswith(f"{MEETINGS_DIR}/")
                or relative in looked_at
            ):
                continue
            looked_at.add(relative)
            path = folder / relative
            if (
                PurePosixPath(relative).suffix.lower() not in ATTACHMENT_SUFFIXES
                or symlink_on_the_way(folder, relative) is not None
                or not path.is_file()
                or not names.allow(relative)
            ):
                continue
            shown = f"{display}/{relative}"
            if publishable(path, shown, problems) and refuse_address_in_file(path, shown, public, problems):
                found.add(relative)
            else:
                withheld.add(relative)
    return found, withheld
