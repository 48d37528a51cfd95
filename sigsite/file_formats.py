"""The readers of each kind of file file_text.py looks into: text in its encodings, RTF, PNG, JPEG,
GIF, RIFF (WebP, WAV, AVI), ZIP (and so Office and OpenDocument files) and tar. Each gives the
parts (file_parts.py) where an address could hide and a viewer, an unpacker or a reader of
properties would find it; a container hands each member to `inner`, which reads it by its kind.

Each reader walks its file once. A structure cut short is read as far as it goes (no viewer reads
more); a part that cannot be decoded (a compressed text chunk, a member, an archive) raises
CannotLookInto, so that the file is refused rather than published unread.
"""

from __future__ import annotations

import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from io import BytesIO

from sigsite.file_parts import (
    Budget,
    CannotLookInto,
    Data,
    Part,
    Text,
    inflate,
    read_bounded,
)

Inner = Callable[[bytes, str], Iterator[Part]]  # a member's bytes and its path -> its parts

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 4096  # bytes whose look tells an encoding
_TAG = re.compile(r"<[^<>]*>")  # linear: a tag never holds < or >, so no character is read twice


def utf16_by_look(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the start of `data` has no BOM but looks like UTF-16: zero
    bytes in one column of byte pairs (the high bytes of Latin text) and hardly any in the other."""
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def looks_like_text(data: bytes) -> bool:
    """True when `data` starts like text: a BOM, UTF-16 by its look, or UTF-8 without a zero byte."""
    sample = data[:_SAMPLE]
    if any(sample.startswith(bom) for bom, _ in _BOMS) or utf16_by_look(sample):
        return True
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3 and len(sample) == _SAMPLE  # a character cut at the end
    return True


def text_views(data: bytes, where: str, *, lines: bool = False) -> Iterator[Text]:
    """`data` as text, as an editor opens it: by its BOM, as UTF-16 when it looks so, else as UTF-8,
    and as GB18030 (what Chinese editors take) when it is not UTF-8. `lines` when they are the
    file's own lines (not a member's, nor a comment's)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            yield Text(data[len(bom) :].decode(codec, "replace"), where, lines=lines)
            return
    by_look = utf16_by_look(data)
    if by_look is not None:
        yield Text(data.decode(by_look, "replace"), where, lines=lines)
        return
    try:
        yield Text(data.decode("utf-8"), where, lines=lines)
    except UnicodeDecodeError:
        yield Text(data.decode("utf-8", "replace"), where, lines=lines)
        yield Text(data.decode("gb18030", "replace"), where, lines=lines)


def markup_text(text: str, where: str) -> Text:
    """XML or HTML with every tag dropped: the text its reader shows, pieces split by markup joined
    (a word processor's runs: `<w:t>ann</w:t>…<w:t>@example.org</w:t>`)."""
    return Text(_TAG.sub("", text), where)


# RTF: what a reader shows of `{\rtf1 … ann\'40example.org}`. Control words and braces are dropped,
# `\'xx` bytes decoded in the document's code page, `\uN` taken as the character with its fallback
# characters skipped.
_RTF_TOKEN = re.compile(rb"\\'([0-9a-fA-F]{2})|\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?|\\([^a-zA-Z])|([{}\r\n])")
_RTF_CODE_PAGE = re.compile(rb"\\ansicpg([0-9]{1,5})")
_RTF_SYMBOLS = {b"~": "\u00a0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}


def _rtf_codec(data: bytes) -> str:
    found = _RTF_CODE_PAGE.search(data[:_SAMPLE])
    codec = f"cp{int(found[1])}" if found else "cp1252"
    try:
        b"".decode(codec)
    except LookupError:
        return "cp1252"
    return codec


def rtf_text(data: bytes, where: str) -> Text:
    """The text an RTF document shows."""
    codec = _rtf_codec(data)
    out: list[str] = []
    pending = bytearray()  # `\'xx` bytes in a row: one character may take two (GBK)
    skip = 0  # fallback characters of a `\uN` still to skip
    fallback = 1  # `\ucN`: how many follow each `\uN`
    position = 0

    def flush() -> None:
        if pending:
            out.append(pending.decode(codec, "replace"))
            pending.clear()

    def text(piece: str) -> None:
        nonlocal skip
        if not piece:  # between two tokens: `\'xx` bytes in a row stay one character
            return
        flush()
        dropped = min(skip, len(piece))
        skip -= dropped
        out.append(piece[dropped:])

    for match in _RTF_TOKEN.finditer(data):
        text(data[position : match.start()].decode(codec, "replace"))
        position = match.end()
        if match[1] is not None:
            if skip:
                skip -= 1
            else:
                pending.append(int(match[1], 16))
        elif match[2] is not None:
            word, number = match[2], match[3]
            if word == b"u" and number is not None:
                text(chr(int(number) % 0x10000))
                skip = fallback
            elif word == b"uc" and number is not None:
                fallback = min(int(number), 8)
            elif word in {b"par", b"line", b"sect", b"page", b"row", b"cell", b"tab"}:
                text("\n")
        elif match[4] is not None:
            text(_RTF_SYMBOLS.get(match[4], ""))
    text(data[position:].decode(codec, "replace"))
    flush()
    return Text("".join(out), where)


# PNG: its text chunks (tEXt, zTXt, iTXt, the last two maybe compressed) and its colour profile.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_parts(content: bytes, where: str, budget: Budget) -> Iterator[Part]:
    """The text chunks of a PNG, decompressed, and its colour profile."""
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(content):
        length = int.from_bytes(content[position : position + 4], "big")
        kind = content[position + 4 : position + 8]
        data = content[position + 8 : position + 8 + length]
        position += 12 + length
        if kind in {b"tEXt", b"zTXt", b"iTXt", b"iCCP"}:
            budget.count_part()
            yield from _png_chunk(kind, data, f"{where}PNG {kind.decode()} chunk", budget)
        elif kind == b"IEND":
            return


def _png_chunk(kind: bytes, data: bytes, where: str, budget: Budget) -> Iterator[Part]:
    keyword, _, rest = data.partition(b"\x00")
    name = keyword.decode("latin-1")
    try:
        if kind == b"tEXt":
            yield Text(f"{name}\n{rest.decode('latin-1')}", where)
        elif kind == b"zTXt":
            yield Text(f"{name}\n{inflate(rest[1:], budget)[0].decode('latin-1')}", where)
        elif kind == b"iCCP":
            yield Text(name, where)
            yield Data(inflate(rest[1:], budget)[0], where)
        else:  # iTXt: flag, method, language \0 translated keyword \0 text (UTF-8)
            compressed = rest[:1] == b"\x01"
            language, _, rest = rest[2:].partition(b"\x00")
            translated, _, body = rest.partition(b"\x00")
            body = inflate(body, budget)[0] if compressed else body
            words = b"\n".join((language, translated, body)).decode("utf-8", "replace")
            yield Text(f"{name}\n{words}", where)
    except zlib.error as exc:
        raise CannotLookInto(f"its {where} cannot be decompressed") from exc


# JPEG: its comments, its XMP (extended XMP joined from its segments) and its colour profile (its
# chunks joined); EXIF and the rest are read as the file's bytes.
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
_EXTENDED_XMP = b"http://ns.adobe.com/xmp/extension/\x00"
_ICC = b"ICC_PROFILE\x00"


def jpeg_parts(content: bytes, where: str, budget: Budget) -> Iterator[Part]:
    """The comments, XMP and colour profile of a JPEG, each joined from its segments."""
    position = 2
    extended: dict[bytes, list[tuple[int, bytes]]] = {}
    profile: list[tuple[int, bytes]] = []
    while position + 4 <= len(content) and content[position] == 0xFF:
        marker = content[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in {0xD8, 0x01} or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        if marker in {0xD9, 0xDA}:  # the image's end, or its scan: no segments before the next image
            break
        length = int.from_bytes(content[position + 2 : position + 4], "big")
        data = content[position + 4 : position + 2 + length]
        position += 2 + max(length, 2)
        budget.count_part()
        if marker == 0xFE:
            yield from text_views(data, f"{where}JPEG comment")
        elif marker == 0xE1 and data.startswith(_XMP):
            yield from text_views(data[len(_XMP) :], f"{where}JPEG XMP")
        elif marker == 0xE1 and data.startswith(_EXTENDED_XMP):
            body = data[len(_EXTENDED_XMP) :]
            extended.setdefault(body[:32], []).append((int.from_bytes(body[36:40], "big"), body[40:]))
        elif marker == 0xE2 and data.startswith(_ICC):
            profile.append((data[len(_ICC)], data[len(_ICC) + 2 :]))
    for chunks in extended.values():
        joined = b"".join(chunk for _, chunk in sorted(chunks))
        budget.spend(len(joined))
        yield from text_views(joined, f"{where}JPEG extended XMP")
    if profile:
        joined = b"".join(chunk for _, chunk in sorted(profile))
        budget.spend(len(joined))
        yield Data(joined, f"{where}JPEG colour profile")


def gif_parts(content: bytes, where: str, budget: Budget) -> Iterator[Part]:
    """The comments, plain text and application data of a GIF, each joined from its sub-blocks."""
    if len(content) < 13:
        return
    position = 13 + (3 * (2 << (content[10] & 7)) if content[10] & 0x80 else 0)
    while position < len(content):
        block = content[position]
        if block == 0x21 and position + 1 < len(content):  # an extension: label, then sub-blocks
            label = content[position + 1]
            data, position = _sub_blocks(content, position + 2, keep=label in {0xFE, 0x01, 0xFF})
            if data:
                budget.count_part()
                budget.spend(len(data))
                if label == 0xFF:
                    yield Data(data, f"{where}GIF application data")
                else:
                    yield from text_views(data, f"{where}GIF comment")
        elif block == 0x2C and position + 10 <= len(content):  # an image: its pixels are not text
            flags = content[position + 9]
            position += 10 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0) + 1
            _, position = _sub_blocks(content, position, keep=False)
        else:
            return


def _sub_blocks(content: bytes, position: int, *, keep: bool) -> tuple[bytes, int]:
    """The data of a chain of GIF sub-blocks from `position` (when `keep`), and where it ends."""
    pieces: list[bytes] = []
    while position < len(content):
        size = content[position]
        if size == 0:
            return b"".join(pieces), position + 1
        if keep:
            pieces.append(content[position + 1 : position + 1 + size])
        position += 1 + size
    return b"".join(pieces), position


def riff_parts(content: bytes, where: str, budget: Budget) -> Iterator[Part]:
    """The XMP and text chunks (a `LIST` of `INFO`: artist, comment, title) of a RIFF file: WebP,
    WAV, AVI."""
    position = 12
    while position + 8 <= len(content):
        kind, size = (
            content[position : position + 4],
            int.from_bytes(content[position + 4 : position + 8], "little"),
        )
        data = content[position + 8 : position + 8 + size]
        position += 8 + size + size % 2
        if kind == b"XMP ":
            budget.count_part()
            yield from text_views(data, f"{where}RIFF XMP")
        elif kind == b"LIST" and data[:4] == b"INFO":
            budget.count_part()
            yield from text_views(_riff_info(data[4:]), f"{where}RIFF INFO")


def _riff_info(data: bytes) -> bytes:
    """The texts of a RIFF `INFO` list, one a line."""
    texts, position = [], 0
    while position + 8 <= len(data):
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        texts.append(data[position + 8 : position + 8 + size].rstrip(b"\x00"))
        position += 8 + size + size % 2
    return b"\n".join(texts)


def zip_parts(content: bytes, where: str, budget: Budget, inner: Inner) -> Iterator[Part]:
    """The comment, member names and members of a ZIP archive (and so of an Office or OpenDocument
    file), each member read by its kind."""
    try:
        archive = zipfile.ZipFile(BytesIO(content))
        yield Text(archive.comment.decode("utf-8", "replace"), f"{where}ZIP comment")
        for info in archive.infolist():
            budget.count_part()
            member = info.filename
            yield Text(f"{member}\n{info.comment.decode('utf-8', 'replace')}", f"{where}ZIP member name")
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise CannotLookInto(f"its member {member} is encrypted")
            with archive.open(info) as stream:
                data = read_bounded(stream, budget)
            yield from inner(data, member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise CannotLookInto(f"its ZIP archive cannot be read ({type(exc).__name__})") from exc
    except (ValueError, zlib.error) as exc:
        raise CannotLookInto("its ZIP archive cannot be read") from exc


def tar_parts(content: bytes, where: str, budget: Budget, inner: Inner) -> Iterator[Part]:
    """The names, owners, links and regular files of a tar archive, in memory: nothing is extracted,
    no link is followed."""
    try:
        with tarfile.open(fileobj=BytesIO(content), mode="r:") as archive:
            while (member := archive.next()) is not None:
                budget.count_part()
                headers = "\n".join(f"{k}={v}" for k, v in member.pax_headers.items())
                names = "\n".join((member.name, member.linkname, member.uname, member.gname, headers))
                yield Text(names, f"{where}tar member name")
                stream = archive.extractfile(member) if member.isreg() else None
                if stream is not None:
                    yield from inner(read_bounded(stream, budget), member.name)
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise CannotLookInto(f"its tar archive cannot be read ({type(exc).__name__})") from exc
