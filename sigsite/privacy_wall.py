"""The last wall: every file of a built site, its path and its text, searched for an e-mail address
that is not public. Every reader withholds addresses as it reads (privacy.py), so one found here
is a bug of sigsite, never the data's: the build fails on it.

What is read, and decoded as its reader would before emails.py's own decodings (HTML entities,
percent-encoding, full-width forms, markup between the parts):

- every file's path from the site's root;
- every file published as it is (attachments.ATTACHMENT_SUFFIXES: documents, slides, sheets,
  images, media, archives, text files), through file_text.py, the very reader that decided to
  publish it: its text, properties, comments, members and streams, decompressed and decoded;
- the text of every other file but fonts and icons: pages, search indexes, feeds, calendars,
  JSON, scripts, stylesheets, sitemaps. JSON is decoded as JSON (`\\u0040`), scripts' string
  escapes as a script engine would, XML's entities once (a feed reader then renders the HTML
  inside, whose entities emails.py decodes), an iCalendar's folded lines joined, and a compressed
  text (`sitemap.xml.gz`) decompressed.

Allowed: the public addresses, identifiers at the site's own host (the calendar's event UIDs,
`tsc.2020-06-18@host`), and the domains reserved for examples (RFC 2606: `example.org`, `*.example`,
`*.test`, `*.invalid`, `*.localhost`), which can be nobody's address (this project's own pages show
`you@example.org` in a members file), and an address as a message masks it (`t…@openeuler.org`, as
the Health page quotes a finding: one letter of it). A file equal, byte for byte, to the theme's
own file at the same path is not data (Material's bundle and source maps credit their author's
address): it is not read, but any other file at such a path is.
"""

from __future__ import annotations

import bz2
import gzip
import html
import json
import lzma
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath

from sigsite.attachments import ATTACHMENT_SUFFIXES, is_inert
from sigsite.emails import FoundAddress, find_addresses, is_masked
from sigsite.file_parts import CannotLookInto
from sigsite.file_text import addresses_in_file
from sigsite.privacy import masked
from sigsite.problems import printable

UNREAD_SUFFIXES = frozenset(".ico .woff .woff2 .ttf .otf .eot".split())  # fonts and icons: the theme's
COMPRESSED = frozenset({".gz", ".bz2", ".xz"})
MAX_DECOMPRESSED = 256 * 1024 * 1024  # a sitemap of a million pages; more is refused, not read
_SCRIPT_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\}|x([0-9a-fA-F]{2}))")
_FOLDED_LINE = re.compile(r"\r?\n[ \t]")
EXAMPLE_DOMAINS = frozenset({"example.com", "example.net", "example.org"})
EXAMPLE_TOP_LEVELS = frozenset({"example", "test", "invalid", "localhost"})
MAX_SHOWN = 10  # leaks a failure lists; the rest are counted


class _TooLarge(Exception):
    """A compressed file holds more than MAX_DECOMPRESSED."""


@dataclass(frozen=True)
class Leak:
    """What keeps a built file from being published: an address in it or in its path (`path` from
    the site's root, shown masked), or text too large to be read."""

    path: str
    what: str

    def __str__(self) -> str:
        return printable(f"{masked(self.path)}: {self.what}")


def leaks_in_site(
    site: Path, public: frozenset[str], own_host: str, theme_dirs: Sequence[Path] = ()
) -> list[Leak]:
    """Every address in the files and paths below `site` that is neither public nor at `own_host`."""
    allowed = _Allowed(public, own_host.lower())
    leaks: list[Leak] = []
    for path, relative in _files(site):
        for address in allowed.filter(find_addresses(relative, markdown=False)):
            leaks.append(Leak(relative, f"its path holds the e-mail address {address.masked}"))
        if not _is_read(relative) or _is_theme_copy(path, relative, theme_dirs):
            continue
        if _is_published_as_is(relative):
            try:
                found = [f.address for f in addresses_in_file(path.read_bytes(), path.name)]
            except CannotLookInto as exc:
                leaks.append(Leak(relative, f"cannot be looked into: {exc.reason}"))
                continue
            leaks += _each_once(relative, allowed.filter(found))
            continue
        try:
            text = _as_read(path.read_bytes(), relative)
        except _TooLarge:
            leaks.append(
                Leak(relative, f"holds more than {MAX_DECOMPRESSED} bytes of text, too many to read")
            )
            continue
        leaks += _each_once(relative, allowed.filter(find_addresses(text, markdown=False)))
    return leaks


def _each_once(relative: str, found: list[FoundAddress]) -> list[Leak]:
    """A leak for each address of a file, each once."""
    return [
        Leak(relative, f"holds the e-mail address {shown}")
        for shown in dict.fromkeys(a.masked for a in found)
    ]


def describe(leaks: list[Leak]) -> str:
    """The leaks as a build failure says them: the first MAX_SHOWN, and how many more."""
    shown = [str(leak) for leak in leaks[:MAX_SHOWN]]
    if len(leaks) > MAX_SHOWN:
        shown.append(f"... and {len(leaks) - MAX_SHOWN} more")
    return "\n  ".join(shown)


@dataclass(frozen=True)
class _Allowed:
    public: frozenset[str]
    own_host: str

    def filter(self, found: list[FoundAddress]) -> list[FoundAddress]:
        """The addresses of `found` that may not be published: an address written on with another
        domain (`dev@mindspore.cn@corp-mail.cn`) is never the one it starts with."""
        return [
            a
            for a in found
            if a.personal and (a.written_on or not (self.allows(a.address.lower()) or is_masked(a)))
        ]

    def allows(self, address: str) -> bool:
        domain = address.rpartition("@")[2]
        return (
            address in self.public
            or domain == self.own_host
            or domain in EXAMPLE_DOMAINS
            or domain.rpartition(".")[2] in EXAMPLE_TOP_LEVELS
        )


def _files(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file below `site` with its path from there, in order; links are not followed."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(site).as_posix()


def _is_read(relative: str) -> bool:
    """True for a file whose contents are read: anything but a font or an icon."""
    return PurePosixPath(relative).suffix.lower() not in UNREAD_SUFFIXES


def _is_published_as_is(relative: str) -> bool:
    """True for a file of a type published as it is, which file_text.py reads (`x.tar.gz` too);
    a compressed page or text (`sitemap.xml.gz`) is read as the text it holds."""
    name = PurePosixPath(relative).name
    if PurePosixPath(name).suffix.lower() in COMPRESSED:
        return is_inert(name)
    return PurePosixPath(name).suffix.lower() in ATTACHMENT_SUFFIXES


def _is_theme_copy(path: Path, relative: str, theme_dirs: Sequence[Path]) -> bool:
    """True when the theme's own file at `relative` (the first of `theme_dirs` that has one, as
    MkDocs looks them up) is the same file, byte for byte."""
    for folder in theme_dirs:
        source = folder / relative
        if source.is_file():
            return source.stat().st_size == path.stat().st_size and source.read_bytes() == path.read_bytes()
    return False


def _as_read(content: bytes, relative: str) -> str:
    """The text of a file as its reader takes it, before emails.py's own decodings."""
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix in COMPRESSED:
        inner = _decompressed(content, suffix)
        if len(inner) > MAX_DECOMPRESSED:
            raise _TooLarge(relative)
        return _as_read(inner, relative[: -len(suffix)])
    text = content.decode("utf-8", errors="replace")
    if suffix in {".json", ".map", ".webmanifest"}:
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:  # not JSON after all: its escapes as a script's
            suffix = ".js"
    if suffix in {".js", ".mjs"}:
        return _SCRIPT_ESCAPE.sub(_unescaped, text)
    if suffix in {".xml", ".rss", ".atom"}:
        return html.unescape(text)
    if suffix == ".ics":
        return _FOLDED_LINE.sub("", text)
    return text


def _decompressed(content: bytes, suffix: str) -> bytes:
    """At most MAX_DECOMPRESSED + 1 bytes of what a compressed file holds: never a bomb's all."""
    raw = BytesIO(content)
    opened = gzip.GzipFile(fileobj=raw) if suffix == ".gz" else bz2.BZ2File(raw) if suffix == ".bz2" else None
    with opened or lzma.LZMAFile(raw) as stream:
        inner: bytes = stream.read(MAX_DECOMPRESSED + 1)
    return inner


def _unescaped(match: re.Match[str]) -> str:
    code = int(match[1] or match[2] or match[3], 16)
    return chr(code) if code <= 0x10FFFF else match[0]
