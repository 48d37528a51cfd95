"""What a file published as it is holds: every text and every run of bytes where an e-mail address
could hide, found after the decodings its viewers and unpackers apply, and the addresses in them.

The readers that decide what is published (privacy.refuse_address_in_file) and the last wall
(privacy_wall.py) both read a file through `addresses_in_file`, so they agree: a file a reader
passed never trips the wall.

What is looked into (file_formats.py, pdf_parts.py): the file's own bytes; text files in their
encodings (BOM, UTF-16 by its look, UTF-8, GB18030) and RTF's escapes; PNG text chunks and colour
profiles, JPEG comments, XMP and profiles, GIF comments, WebP's XMP and WAV's INFO; a PDF's strings
and the streams it can decode; ZIP members (Office and OpenDocument files), tar members, and what
gzip, bzip2 and xz hold; each member read by its kind, so a PNG in a slide deck is read as a PNG.
What a file is, is told by its bytes, whatever its name says. Pixels and sound are not text and are
not decoded; other media (MP4, MP3) are read as their bytes.

Refused as files that cannot be looked into: archives and documents no reader here opens (7z, RAR,
the old binary Office formats, Keynote), encrypted ones, a part that fails to decode, and a file
that would decompress past file_parts.MAX_DECODED or hold more than MAX_PARTS parts: a bomb costs
that limit, never its size.

Bytes that are not all text (the file's own, a stream of a font) read as addresses by chance
(`K@aJ.x` in a PNG of the real community): in them, and in a PDF's text, only an address written
plainly counts (in one-byte characters or UTF-16), and only one that looks like an address people
use (`looks_real`). Every text a viewer shows as such (a comment, a property, an XML member) is read
with all of emails.py's decodings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from sigsite.emails import MAX_DOMAIN, MAX_LOCAL, FoundAddress, find_addresses, scan
from sigsite.file_formats import (
    PNG_SIGNATURE,
    gif_parts,
    jpeg_parts,
    looks_like_text,
    markup_text,
    png_parts,
    riff_parts,
    rtf_text,
    tar_parts,
    text_views,
    zip_parts,
)
from sigsite.file_parts import MAX_DEPTH, Budget, CannotLookInto, Data, Part, Text, decompressed
from sigsite.pdf_parts import pdf_parts

# Kinds no reader here opens, by name and by their first bytes.
UNREADABLE_SUFFIXES = {
    ".7z": "a 7z archive",
    ".rar": "a RAR archive",
    ".doc": "an old binary Word file",
    ".ppt": "an old binary PowerPoint file",
    ".pps": "an old binary PowerPoint file",
    ".xls": "an old binary Excel file",
    ".key": "a Keynote file",
}
_UNREADABLE_STARTS = (
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Office file"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard file"),
    (b"\x04\x22\x4d\x18", "an LZ4 file"),
    (b"MSCF", "a cabinet archive"),
)
TEXT_SUFFIXES = frozenset(
    ".txt .csv .tsv .rtf .xml .rels .json .html .htm .xhtml .svg .vml .rdf .md .yaml .yml .ics .vcf".split()
)
_MARKUP_SUFFIXES = frozenset(".xml .rels .html .htm .xhtml .svg .vml .rdf".split())
# First bytes of a compressed file -> its kind, and the suffixes that name it (`.tgz` holds a tar).
_COMPRESSED = (
    (b"\x1f\x8b", "gzip", {".gz": "", ".tgz": ".tar"}),
    (b"BZh", "bzip2", {".bz2": "", ".tbz2": ".tar", ".tbz": ".tar"}),
    (b"\xfd7zXZ\x00", "xz", {".xz": "", ".txz": ".tar"}),
)
_ZIP_END = b"PK\x05\x06"  # the end of a ZIP's directory, which may follow any other file
_ZIP_END_WINDOW = 65536 + 22


@dataclass(frozen=True)
class Found:
    """An address a file holds: where in it (a part's name, "" for the file's own bytes) and on
    which line, when its text's lines are the file's."""

    address: FoundAddress
    where: str
    line: int | None


def addresses_in_file(content: bytes, name: str) -> Iterator[Found]:
    """Every personal address `content` (a file named `name`) holds, in any of its parts, in the order
    they are read (one address may be found in several). Raises CannotLookInto for a file that
    cannot be read to its end."""
    for part in parts_of(content, name):
        if isinstance(part, Text):
            yield from _in_text(part)
        else:
            for address in plain_addresses(part.data):
                yield Found(address, part.where, None)


def parts_of(content: bytes, name: str) -> Iterator[Part]:
    """Every part of a file where an address could hide, each bounded (file_parts.Budget)."""
    return _parts(content, name, "", Budget(), 0)


def looks_real(address: str) -> bool:
    """True for an address as people write them: two characters or more before the `@`, in the
    domain's last label and in the one before it; no label that starts or ends with a hyphen (DNS
    allows none); the last label in one case (`cn`, `CN`). What bytes that are no text make by
    chance fails one of these (`K@aJ.x`, `7@x.oI`, `qX@9.d` in the real community's images and
    slides; `od@-r.eT`, `tj@ZU.vD` in random bytes): about one in 500 MB of random bytes passes."""
    local, _, domain = address.partition("@")
    labels = domain.split(".")
    return (
        len(local) >= 2
        and len(labels) >= 2
        and len(labels[-1]) >= 2
        and len(labels[-2]) >= 2
        and not any(label.startswith("-") or label.endswith("-") for label in labels)
        and (labels[-1].islower() or labels[-1].isupper())
    )


def _parts(content: bytes, name: str, where: str, budget: Budget, depth: int) -> Iterator[Part]:
    if depth > MAX_DEPTH:
        raise CannotLookInto(f"it holds archives inside archives more than {MAX_DEPTH} deep")
    suffix = PurePosixPath(name).suffix.lower()
    kind = UNREADABLE_SUFFIXES.get(suffix) or next(
        (kind for start, kind in _UNREADABLE_STARTS if content.startswith(start)), None
    )
    if kind is not None:
        raise CannotLookInto(f"{kind} cannot be looked into")

    def inner(data: bytes, member: str) -> Iterator[Part]:
        return _parts(data, member, f"{where}{member}: ", budget, depth + 1)

    label = where.removesuffix(": ")
    if suffix in TEXT_SUFFIXES or looks_like_text(content):
        texts = list(text_views(content, label, lines=depth == 0))
        yield from texts
        if suffix in _MARKUP_SUFFIXES or content[:64].lstrip()[:5] in {b"<?xml", b"<html", b"<!DOC"}:
            yield from (markup_text(text.text, label) for text in texts)
        if suffix == ".rtf" or content.startswith(b"{\\rtf"):
            yield rtf_text(content, label)
    if content.startswith(PNG_SIGNATURE):
        yield from png_parts(content, where, budget)
    elif content.startswith(b"\xff\xd8\xff"):
        yield from jpeg_parts(content, where, budget)
    elif content.startswith((b"GIF87a", b"GIF89a")):
        yield from gif_parts(content, where, budget)
    elif content.startswith(b"RIFF"):
        yield from riff_parts(content, where, budget)
    if content.find(b"%PDF-", 0, 1024) != -1:
        yield from pdf_parts(content, where, budget)
    for start, compression, suffixes in _COMPRESSED:
        if content.startswith(start):
            inner_name = name[: -len(suffix)] + suffixes[suffix] if suffix in suffixes else name
            yield from inner(_decompressed(content, compression, budget), inner_name)
    if (
        content.startswith(b"PK\x03\x04")
        or content.rfind(_ZIP_END, max(0, len(content) - _ZIP_END_WINDOW)) != -1
    ):
        yield from zip_parts(content, where, budget, inner)
    if suffix == ".tar" or content[257:262] == b"ustar":
        yield from tar_parts(content, where, budget, inner)
    yield Data(content, label)


def _decompressed(content: bytes, kind: str, budget: Budget) -> bytes:
    try:
        return decompressed(content, kind, budget)
    except CannotLookInto:
        raise
    except Exception as exc:  # zlib.error, lzma.LZMAError, OSError, EOFError: a file that is not whole
        raise CannotLookInto(f"its {kind} data cannot be decompressed ({type(exc).__name__})") from exc


def _in_text(part: Text) -> Iterator[Found]:
    """The personal addresses of a text part, each with its line when the part's lines are the file's."""
    line, position = 1, 0
    for address in find_addresses(part.text, markdown=False):
        if not address.personal or (part.noisy and not looks_real(address.address)):
            continue
        line += part.text.count("\n", position, address.start)
        position = address.start
        yield Found(address, part.where, line if part.lines else None)


_LOCAL = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_%")
_DOMAIN = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_DOMAIN_ONE = frozenset(bytes([byte]) for byte in _DOMAIN)


def plain_addresses(data: bytes) -> Iterator[FoundAddress]:
    """The addresses written plainly in bytes that need not be text: in one-byte characters (ASCII,
    Latin-1, UTF-8) or in UTF-16, either byte order; only those that `looks_real`. Linear: the
    stretches around each `@` that could hold an address are joined where they overlap, and each
    is decoded and scanned once."""
    regions: dict[tuple[str, int], list[int]] = {}  # (codec, parity of its start) -> [start, end]
    seen: set[int] = set()  # the `@` of each address given: UTF-16 read both ways finds it twice
    at = data.find(b"@")
    while at != -1:
        for key, start, end in _windows(data, at):
            region = regions.get(key)
            if region is not None and start <= region[1]:
                region[1] = end
                continue
            if region is not None:
                yield from _scanned(data, key[0], region[0], region[1], seen)
            regions[key] = [start, end]
        at = data.find(b"@", at + 1)
    for (codec, _), (start, end) in regions.items():
        yield from _scanned(data, codec, start, end, seen)


def _windows(data: bytes, at: int) -> Iterator[tuple[tuple[str, int], int, int]]:
    """Where an address around the `@` at `at` could stand: in one-byte characters when a local
    part's character precedes it and a domain's follows; in UTF-16 when each has its zero byte."""
    before, after = data[at - 1] if at else -1, data[at + 1] if at + 1 < len(data) else -1
    if before in _LOCAL and after in _DOMAIN:
        yield ("latin-1", 0), max(0, at - MAX_LOCAL), at + MAX_DOMAIN + 2
    elif before == after == 0 and at >= 2 and data[at - 2] in _LOCAL and data[at + 2 : at + 3] in _DOMAIN_ONE:
        for codec, parity in (("utf-16-le", at % 2), ("utf-16-be", (at - 1) % 2)):
            start = max(parity, at - 2 * MAX_LOCAL - (at - parity) % 2)
            yield (codec, parity), start, at + 2 * (MAX_DOMAIN + 2)


_AT_OFFSET = {"latin-1": (1, 0), "utf-16-le": (2, 0), "utf-16-be": (2, 1)}  # bytes a character, `@`'s byte


def _scanned(data: bytes, codec: str, start: int, end: int, seen: set[int]) -> Iterator[FoundAddress]:
    text = data[start:end].decode(codec, "replace")
    width, offset = _AT_OFFSET[codec]
    for begin, finish in scan(text, ascii_domains=True):  # letters of other scripts there are chance
        address = text[begin:finish]
        at = start + width * (begin + address.index("@")) + offset
        if at not in seen and looks_real(address):
            seen.add(at)
            yield FoundAddress(begin, finish, address)
