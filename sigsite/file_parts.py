"""The parts of a file published as it is, as file_text.py reads them: its texts and its bytes, each
named by where it was found, and the budget that bounds what one file may cost to read.

A part is either text that a viewer shows as text (a comment, a property, a member that is text),
read with every decoding emails.py knows, or bytes that are not all text (the file itself, a
profile, a stream), in which only an address written plainly counts (file_text.py says why).
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from dataclasses import dataclass
from io import BytesIO
from typing import Protocol

MAX_DECODED = 64 * 1024 * 1024  # bytes one file may decompress or decode into, all its layers together
MAX_PARTS = 20_000  # members, streams, chunks and segments looked into in one file
MAX_DEPTH = 4  # containers inside containers (a zip in a tar in a gzip)
_CHUNK = 1024 * 1024


class Readable(Protocol):
    """A stream of bytes: a member of an archive, a decompressing file."""

    def read(self, size: int = -1, /) -> bytes: ...


class CannotLookInto(Exception):
    """A file, or a part of it, that the reader cannot read to its end: it is not published, since
    what it holds cannot be known."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Text:
    """Text a viewer of the file shows as text; `lines` when its line breaks are the file's own (an
    address's line may then be told); `noisy` when it may be made of bytes that are no text (a
    PDF's strings and streams), where an address counts only when it looks like one
    (file_text.looks_real)."""

    text: str
    where: str = ""  # the part it was read from ("" for the file itself)
    lines: bool = False
    noisy: bool = False


@dataclass(frozen=True)
class Data:
    """Bytes that are not all text: only an address written plainly in them counts."""

    data: bytes
    where: str = ""


Part = Text | Data


class Budget:
    """What one file may still cost: bytes decoded (MAX_DECODED) and parts looked into (MAX_PARTS).
    Past either, the file cannot be looked into: a bomb costs its limit, never its size."""

    def __init__(self) -> None:
        self.decoded = 0
        self.parts = 0

    @property
    def left(self) -> int:
        """Bytes that may still be decoded."""
        return MAX_DECODED - self.decoded

    def spend(self, size: int) -> None:
        """Count `size` decoded bytes; past the limit, the file cannot be looked into."""
        self.decoded += size
        if self.decoded > MAX_DECODED:
            raise CannotLookInto(f"it holds more than {MAX_DECODED // (1024 * 1024)} MB once decompressed")

    def count_part(self) -> None:
        """Count one part looked into; past the limit, the file cannot be looked into."""
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise CannotLookInto(f"it holds more than {MAX_PARTS} parts")


def read_bounded(stream: Readable, budget: Budget) -> bytes:
    """What `stream` yields, read in chunks and counted against `budget`: never more than the
    budget's limit is held."""
    chunks: list[bytes] = []
    while True:
        chunk = stream.read(min(_CHUNK, budget.left + 1))
        if not chunk:
            return b"".join(chunks)
        budget.spend(len(chunk))
        chunks.append(chunk)


def inflate(data: bytes | memoryview, budget: Budget, wbits: int = zlib.MAX_WBITS) -> tuple[bytes, int]:
    """A zlib (or, with `wbits`, raw deflate) stream at the start of `data` decompressed, and how
    many bytes of `data` it took; a stream cut short gives what it holds. The input is fed a chunk
    at a time, so a stream at the start of a large file costs what it reads. Raises zlib.error."""
    inflater = zlib.decompressobj(wbits)
    view = memoryview(data)
    chunks: list[bytes] = []
    fed = 0
    pending: bytes | memoryview = b""
    while True:
        if not pending and fed < len(view):
            pending = view[fed : fed + _CHUNK]
            fed += len(pending)
        before = fed - len(pending)  # bytes of `data` before this call's input
        chunk = inflater.decompress(pending, min(_CHUNK, budget.left + 1))
        budget.spend(len(chunk))
        chunks.append(chunk)
        if inflater.eof:  # what follows its end is left, in `unused_data`
            return b"".join(chunks), before + len(pending) - len(inflater.unused_data)
        pending = inflater.unconsumed_tail
        if not chunk and not pending and fed >= len(view):  # all read, nothing more: cut short
            return b"".join(chunks), fed


def decompressed(data: bytes, kind: str, budget: Budget) -> bytes:
    """The whole of a gzip, bzip2 or xz file (every member of it) decompressed, within `budget`."""
    if kind == "gzip":
        return read_bounded(gzip.GzipFile(fileobj=BytesIO(data)), budget)
    if kind == "bzip2":
        return read_bounded(bz2.BZ2File(BytesIO(data)), budget)
    return read_bounded(lzma.LZMAFile(BytesIO(data)), budget)
