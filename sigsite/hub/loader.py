"""A community checkout (the folder that holds `sigs/`) -> Community, and its problems by folder.

Each SIG folder is read as the single-SIG site reads one (`load_sig`), so both refuse the same
things; the hub adds the folder's READMEs, its facts from `sigs/sig_info.yaml`, and the SIGs that
list is the only trace of. The community's files are taken as they are: what is odd is a warning.
"""

from __future__ import annotations

import posixpath
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sigsite.cost_limits import check_cost
from sigsite.formatting import SUMMARY_LENGTH
from sigsite.hub.links import FORGE_URL, ReadmeLinks, relative_targets
from sigsite.hub.model import Community, HubSig, Readme
from sigsite.links import is_web_url
from sigsite.loader import Sources, load_sig
from sigsite.markup.document import render_markdown
from sigsite.meetings import NoteCache, is_inert
from sigsite.members import given
from sigsite.model import SigData
from sigsite.notes.checks import check_link_schemes
from sigsite.notes.parts import detect_language
from sigsite.privacy import refuse_address_in_name, warn_withheld, withhold_in_data, withhold_in_text
from sigsite.problems import Problem, Problems
from sigsite.reading import read_text, refuse_odd_name, symlink_on_the_way
from sigsite.settings import DEFAULT_TIMEZONE, MEETINGS_DIR, SIGS_DIR
from sigsite.yaml_source import LocatedDict, items_of, load_yaml

LISTINGS = {"en": "sig_info.yaml", "zh": "sig_info_chinese.yaml"}
COMMUNITY_READMES = {"en": ("README_en.md", "README.en.md"), "zh": ("README.md",)}
SIG_READMES = {"en": ("README_en.md", "README.en.md"), "zh": ("README.md",)}
_NOT_WORDS = re.compile(r"[^a-z0-9]+")
MAX_ID = 64
# Links (their text kept), emphasis and tags, out of a one-line introduction. Linear: no scan
# passes the next bracket or angle bracket, so a run of `[` or `<` costs its length, not its square.
_MARKUP = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*\)|[*_`>#|]+|<[^<>]*>")


@dataclass(frozen=True)
class Listed:
    """An entry of `sigs/sig_info.yaml`: a SIG as the community lists it."""

    name: str
    link: str | None
    introduction: str | None
    maintainer: str | None

    @property
    def folder(self) -> str | None:
        """The folder under sigs/ that the link points to, if it points into the community repository."""
        if not self.link:
            return None
        parts = [unquote(p) for p in urlsplit(self.link).path.split("/")]
        if SIGS_DIR in parts and parts.index(SIGS_DIR) + 1 < len(parts):
            return parts[parts.index(SIGS_DIR) + 1] or None
        return None


def sig_id(name: str) -> str:
    """The address segment of a folder or name: `Computer Vision (CV) Suite SIG` ->
    `computer-vision-cv-suite-sig`; a hash for a name without a Latin letter or digit, and after
    the first letters of a long one (an address segment is a folder name: its length is limited)."""
    slug = _NOT_WORDS.sub("-", name.lower()).strip("-")
    digest = f"{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}"
    if len(slug) > MAX_ID:
        return slug[: MAX_ID - len(digest) - 1].rstrip("-") + "-" + digest
    return slug or f"sig-{digest}"


def load_community(
    root: Path,
    *,
    timezone: str = DEFAULT_TIMEZONE,
    public_emails: frozenset[str] = frozenset(),
    caches: dict[str, NoteCache] | None = None,
    forge_url: str = FORGE_URL,
    render: bool = True,
) -> tuple[Community, Problems]:
    """Read every SIG folder of `root/sigs`; bad input becomes problems of its file, never an exception.

    Without `render` (`sigsite check --community`), the READMEs are not rendered: their links
    never fail (what the hub does not publish leads to the forge).
    """
    problems = Problems()
    sigs_dir = root / SIGS_DIR
    if not sigs_dir.is_dir() or sigs_dir.is_symlink():
        problems.error(
            SIGS_DIR,
            None,
            f"{root} holds no sigs/ folder",
            "point SIGSITE_COMMUNITY (or --community) at the checkout of the community repository",
        )
        return Community(), problems
    listed = {
        locale: _listing(sigs_dir / name, f"{SIGS_DIR}/{name}", public_emails, problems)
        for locale, name in LISTINGS.items()
    }
    by_folder = {locale: {e.folder: e for e in entries if e.folder} for locale, entries in listed.items()}
    taken: set[str] = set()
    sigs = []
    for folder in sorted(p for p in sigs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        display = f"{SIGS_DIR}/{folder.name}"
        if folder.is_symlink():
            problems.error(display, None, "the SIG folder is a symbolic link, which the hub never follows")
            continue
        if not (
            refuse_odd_name(folder.name, display, problems)
            and refuse_address_in_name(folder.name, display, problems)
        ):
            continue
        sig = _load_folder(
            folder,
            _unique(sig_id(folder.name), taken, display, problems),
            {locale: entries.get(folder.name) for locale, entries in by_folder.items()},
            timezone,
            public_emails,
            (caches or {}).setdefault(folder.name, NoteCache()) if caches is not None else None,
            render,
            problems,
        )
        sigs.append(sig)
    folders = {s.folder for s in sigs}
    zh_names = {e.link: e for e in listed["zh"]}
    for entry in listed["en"]:
        if entry.folder in folders:
            continue
        chinese = zh_names.get(entry.link)
        sigs.append(
            HubSig(
                id=_unique(sig_id(entry.name), taken, f"{SIGS_DIR}/{LISTINGS['en']}", problems),
                folder=None,
                name=entry.name,
                introduction=_introductions(entry.introduction, chinese.introduction if chinese else None),
                maintainers=(entry.maintainer,) if entry.maintainer else (),
                external_url=entry.link if entry.link and is_web_url(entry.link) else None,
            )
        )
    community = Community(
        introduction=_community_readmes(sigs_dir, public_emails, problems), sigs=tuple(sigs)
    )
    return (_rendered(community, forge_url, public_emails, problems) if render else community), problems


def _rendered(community: Community, forge_url: str, public: frozenset[str], problems: Problems) -> Community:
    """Every README rendered once, its links leading to what the hub publishes or to the forge.

    A SIG's README goes below the SIG's name, which is its page's title: its headings move down
    a level. The community's introduction is part of the hub's home page and keeps its levels.
    """
    links = ReadmeLinks(community, forge_url)

    def rendered(readme: Readme, shift: int) -> Readme:
        html = render_markdown(
            readme.text,
            links.resolver(readme.path),
            shift=shift,
            public=public,
            withheld=lambda address: warn_withheld(address, readme.path, None, problems),
        )
        return replace(readme, rendered=html)

    return Community(
        introduction=tuple(rendered(r, 0) for r in community.introduction),
        sigs=tuple(replace(s, readmes=tuple(rendered(r, 1) for r in s.readmes)) for s in community.sigs),
    )


def _unique(candidate: str, taken: set[str], display: str, problems: Problems) -> str:
    chosen, number = candidate, 2
    while chosen in taken:
        chosen, number = f"{candidate}-{number}", number + 1
    if chosen != candidate:
        problems.warning(
            display, None, f"another SIG has the address sigs/{candidate}/; this one is at sigs/{chosen}/"
        )
    taken.add(chosen)
    return chosen


def _listing(path: Path, display: str, public: frozenset[str], problems: Problems) -> list[Listed]:
    """The entries of a community listing; an unreadable one is a warning and lists nothing."""
    if not path.is_file():
        return []
    text = read_text(path, display, problems)
    found = Problems()
    data = load_yaml(text, display, found) if text is not None else None
    withhold_in_data(data, public, display, found)
    for problem in found.items:  # the community's own file: never a reason to stop the hub
        problems.warning(problem.file, problem.line, problem.message, problem.fix)
    entries = data.get("SIG list") if isinstance(data, LocatedDict) else None
    listed = []
    for raw in items_of(entries):
        if not isinstance(raw, LocatedDict) or not given(raw.get("name")):
            continue
        link = given(raw.get("links"))
        listed.append(
            Listed(
                name=str(given(raw.get("name"))),
                link=link if link and is_web_url(link) else None,
                introduction=_text(raw.get("introduction")),
                maintainer=_text(raw.get("maintainer")),
            )
        )
    return listed


def _text(value: Any) -> str | None:
    return given(value) if isinstance(value, str) else None


def _load_folder(
    folder: Path,
    sig_id_: str,
    listed: dict[str, Listed | None],
    timezone: str,
    public_emails: frozenset[str],
    cache: NoteCache | None,
    render: bool,
    problems: Problems,
) -> HubSig:
    display = f"{SIGS_DIR}/{folder.name}"
    sources = Sources(root=folder, timezone=timezone, public_emails=public_emails)
    has_data = any(
        sources.path(p).exists() for p in (sources.members_file, sources.sig_info_file, MEETINGS_DIR)
    )
    data, found = load_sig(sources, cache, render=render) if has_data else (SigData(), Problems())
    problems.items.extend(_in_folder(found.items, display))
    readmes = _readmes(folder, display, SIG_READMES, public_emails, problems)
    english, chinese = listed.get("en"), listed.get("zh")
    name = (english and english.name) or data.facts.name or _heading(readmes) or folder.name
    maintainers = tuple(p.name for p in data.people_with_role("Maintainer"))
    if not maintainers and english and english.maintainer:
        maintainers = (english.maintainer,)
    facts = data.facts
    described = [d for d in (facts.description_en, facts.description) if d]
    return HubSig(
        id=sig_id_,
        folder=folder.name,
        name=name,
        introduction=_introductions(
            (english and english.introduction)
            or next((d for d in described if detect_language(d) == "en"), None)
            or _first_paragraph(readmes, "en"),
            (chinese and chinese.introduction)
            or next((d for d in described if detect_language(d) == "zh"), None)
            or _first_paragraph(readmes, "zh"),
        ),
        maintainers=maintainers,
        data=data,
        readmes=readmes,
        published_files=_published_files(folder, readmes, problems),
    )


def _in_folder(items: list[Problem], display: str) -> list[Problem]:
    """The problems of a SIG folder, named from the community's root."""
    return [Problem(f"{display}/{p.file}", p.line, p.column, p.severity, p.message, p.fix) for p in items]


def _readmes(
    folder: Path,
    display: str,
    names: dict[str, tuple[str, ...]],
    public_emails: frozenset[str],
    problems: Problems,
) -> tuple[Readme, ...]:
    """The folder's README in each language, e-mail addresses withheld, costly or unsafe ones refused."""
    readmes = []
    for language, candidates in names.items():
        name = next((n for n in candidates if (folder / n).is_file() or (folder / n).is_symlink()), None)
        if name is None:
            continue
        file_display = f"{display}/{name}"
        text = read_text(folder / name, file_display, problems)
        if text is None:
            continue
        text = withhold_in_text(text, public_emails, file_display, problems)
        check_link_schemes(text, file_display, problems)
        if check_cost(text, file_display, problems):
            readmes.append(Readme(language=language, path=file_display, text=text))
    if len(readmes) == 1:  # README.md is often the only one, in either language: say which
        only = readmes[0]
        return (Readme(detect_language(only.text), only.path, only.text),)
    return tuple(readmes)


def _community_readmes(
    sigs_dir: Path, public_emails: frozenset[str], problems: Problems
) -> tuple[Readme, ...]:
    """The community's README(s) cut to their introduction: after the title, before the first `##`."""
    readmes = _readmes(sigs_dir, SIGS_DIR, COMMUNITY_READMES, public_emails, problems)
    introductions = []
    for readme in readmes:
        first_section = re.split(r"(?m)^##\s", readme.text, maxsplit=1)[0]
        untitled = re.sub(r"(?m)\A\s*#\s[^\n]*\n", "", first_section)
        introductions.append(Readme(readme.language, readme.path, untitled.strip() + "\n"))
    return tuple(introductions)


def _heading(readmes: tuple[Readme, ...]) -> str | None:
    """The README's H1 when it names a SIG (`# MindSpore Data SIG`), not a section (`# Summary`)."""
    for readme in readmes:
        for line in readme.text.splitlines():
            if line.startswith("# "):
                title = _plain(line[2:])
                return title if "sig" in title.lower() else None
    return None


def _first_paragraph(readmes: tuple[Readme, ...], language: str) -> str | None:
    """The first paragraph of prose of the README in `language`, as one plain line."""
    readme = next((r for r in readmes if r.language == language), None)
    if readme is None:
        return None
    for block in re.split(r"\n\s*\n", readme.text):
        stripped = block.strip()
        if not stripped or stripped[0] in "#|-*+>!<`[" or stripped[0].isdigit():
            continue
        text = _plain(" ".join(stripped.split()))
        if len(text) >= 20:
            return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"
    return None


def _plain(markdown: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or "", markdown).strip()


def _introductions(english: str | None, chinese: str | None) -> dict[str, str]:
    return {locale: text for locale, text in (("en", english), ("zh", chinese)) if text}


def _published_files(folder: Path, readmes: tuple[Readme, ...], problems: Problems) -> tuple[str, ...]:
    """Files of the folder its READMEs link to that the hub publishes: inert types, no links, not notes."""
    found: set[str] = set()
    for readme in readmes:
        for target in relative_targets(readme.text):
            relative = posixpath.normpath(target)
            if (
                relative.startswith("../")
                or relative in {".", ".."}
                or relative.startswith(f"{MEETINGS_DIR}/")
            ):
                continue
            path = folder / relative
            if is_inert(path.name) and symlink_on_the_way(folder, relative) is None and path.is_file():
                found.add(relative)
    return tuple(sorted(found))
