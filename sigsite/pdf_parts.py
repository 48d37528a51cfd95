"""What a PDF holds as text: its strings (`/Author (…)`, `<FEFF…>`, with their escapes decoded) and
its streams, decoded through their filters (Flate, ASCIIHex, ASCII85, RunLength), the strings in them
too.

A PDF is read without a parser, in one pass: each `stream` keyword is decoded from where its data
starts, and a Flate stream ends where its compressed data says, whatever `/Length` or `endstream`
claim. Streams of pixels (images, their codecs) are not decoded: a viewer shows them as pixels. An
encrypted PDF, or a stream of a filter not read here, cannot be looked into.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterator

from sigsite.file_parts import Budget, CannotLookInto, Data, Part, Text, inflate

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT_START = re.compile(rb"\bobj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,1000}\]|/[^\s/\[\]<>()]{1,64})")
_NAME = re.compile(rb"/([^\s/\[\]<>()]{1,64})")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_LENGTH = re.compile(rb"/Length\s+([0-9]{1,12})\b(?!\s+[0-9]+\s+R)")
_ENCRYPTED = re.compile(rb"/Encrypt\s*(?:[0-9]+\s+[0-9]+\s+R|<<)")
_DICTIONARY = 4096  # bytes before a stream keyword where its dictionary is looked for
# Filters only of images. RunLength is not one: a viewer decodes a page's text written with it too.
PIXEL_FILTERS = frozenset({b"DCTDecode", b"DCT", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode", b"CCF"})
_STRING_TOKEN = re.compile(rb"[()\\<]")
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]{0,65536})>")
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.DOTALL)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_CONTROLS = bytes([*range(0, 9), *range(14, 32)])
_MOSTLY_BINARY = 0.05  # share of control bytes past which decoded data is not text


def pdf_parts(content: bytes, where: str, budget: Budget) -> Iterator[Part]:
    """The strings of a PDF, and each stream it can decode with the strings in it."""
    if _ENCRYPTED.search(content):
        raise CannotLookInto("the PDF is encrypted")
    syntax: list[bytes] = []  # the PDF outside its streams' data: objects, dictionaries, strings
    position = 0
    for match in _STREAM.finditer(content):
        if match.start() < position:  # inside the data of a stream already read
            continue
        syntax.append(content[position : match.start()])
        budget.count_part()
        dictionary = _dictionary(content, match.start())
        decoded, position = _decoded_stream(content, match.end(), dictionary, budget)
        if decoded is not None and decoded:
            yield from _decoded_parts(decoded, f"{where}PDF stream")
    syntax.append(content[position:])
    yield Text("".join(_strings_of(b"".join(syntax))), f"{where}PDF strings", noisy=True)


def _dictionary(content: bytes, stream_start: int) -> bytes:
    """The bytes before a stream keyword back to its object's start (at most _DICTIONARY)."""
    window = content[max(0, stream_start - _DICTIONARY) : stream_start]
    starts = [m.end() for m in _OBJECT_START.finditer(window)]
    return window[starts[-1] :] if starts else window


def _decoded_stream(
    content: bytes, start: int, dictionary: bytes, budget: Budget
) -> tuple[bytes | None, int]:
    """A stream's data decoded through its filters (None when it holds pixels or nothing to
    decode), and where the data read ends."""
    found = _FILTER.search(dictionary)
    filters = [m[1] for m in _NAME.finditer(found[1])] if found else []
    if _IMAGE.search(dictionary) or any(f in PIXEL_FILTERS for f in filters):
        return None, _end_of_pixels(content, start, dictionary)
    if not filters:  # written as it is: its strings are read with the PDF's own
        return None, start
    data, end = _first_filter(content, start, filters[0], budget, dictionary)
    for name in filters[1:]:
        data, _ = _first_filter(data, 0, name, budget)
    return data, end


def _end_of_pixels(content: bytes, start: int, dictionary: bytes) -> int:
    """Where the data of a stream of pixels ends: at its `/Length` when it is written there, or at
    the first `endstream`, whichever comes first (its bytes are still read as the file's own; its
    strings, which it has none of, are not looked for)."""
    ends = [content.find(b"endstream", start)]
    length = _LENGTH.search(dictionary)
    if length:
        ends.append(start + int(length[1]))
    found = [end for end in ends if end >= start]
    return min(found) if found else start


def _first_filter(
    content: bytes, start: int, name: bytes, budget: Budget, dictionary: bytes = b""
) -> tuple[bytes, int]:
    """The data from `start` decoded by the filter `name`, and where its encoded data ends (for
    RunLength, whose data may hold any byte, where the stream's `dictionary` says it ends)."""
    try:
        if name in {b"FlateDecode", b"Fl"}:
            data, used = inflate(memoryview(content)[start:], budget)
            return data, start + used
        if name in {b"ASCIIHexDecode", b"AHx"}:
            end = content.find(b">", start)
            end = len(content) if end == -1 else end
            digits = re.sub(rb"\s", b"", content[start:end])
            data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        elif name in {b"RunLengthDecode", b"RL"}:
            end = _end_of_data(content, start, dictionary)
            return _run_length(content[start:end], budget), end  # counted as it is made
        elif name in {b"ASCII85Decode", b"A85"}:
            end = content.find(b"~>", start)
            end = len(content) if end == -1 else end
            data = base64.a85decode(re.sub(rb"\s", b"", content[start:end]))
        else:
            raise CannotLookInto(f"its stream of filter {name.decode('latin-1')} cannot be read")
    except (zlib.error, ValueError) as exc:
        raise CannotLookInto(f"a stream of filter {name.decode('latin-1')} cannot be decoded") from exc
    budget.spend(len(data))
    return data, end


def _end_of_data(content: bytes, start: int, dictionary: bytes) -> int:
    """Where a stream's data ends, as a viewer finds it: at its `/Length` when `endstream` follows
    there, else at the first `endstream`, else at the end of the file."""
    length = _LENGTH.search(dictionary)
    if length:
        end = start + int(length[1])
        if content[end : end + 32].lstrip(b"\r\n \t\f\x00").startswith(b"endstream"):
            return end
    found = content.find(b"endstream", start)
    return len(content) if found == -1 else found


def _run_length(data: bytes, budget: Budget) -> bytes:
    """RunLength `data` decoded to its end mark (128) or its end: a length byte below 128 copies
    that many bytes and one more, one above repeats the next byte 257 minus it times. Each run is
    counted against `budget` as it is made (a run of 2 bytes makes 128)."""
    runs: list[bytes] = []
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            run = data[at + 1 : at + 2 + length]
            at += 2 + length
        else:
            run = data[at + 1 : at + 2] * (257 - length)
            at += 2
        budget.spend(len(run))
        runs.append(run)
    return b"".join(runs)


def _decoded_parts(data: bytes, where: str) -> Iterator[Part]:
    """A decoded stream: text (a page's content, metadata, objects) with its strings, or bytes."""
    sample = data[:4096]
    if len(sample) - len(sample.translate(None, _CONTROLS)) > len(sample) * _MOSTLY_BINARY:
        yield Data(data, where)
        return
    yield Text("".join(_strings_of(data)), f"{where} strings", noisy=True)
    yield Text(data.decode("utf-8", "replace"), where, noisy=True)


def _strings_of(syntax: bytes) -> Iterator[str]:
    """The literal `(…)` and hexadecimal `<…>` strings of PDF syntax, decoded (escapes, and UTF-16
    or UTF-8 by their BOM), as a viewer shows them: joined, since a page writes a line in pieces."""
    depth, start, position = 0, 0, 0
    for match in _STRING_TOKEN.finditer(syntax):
        if match.start() < position:  # escaped, or inside a hex string
            continue
        token = match[0]
        position = match.end()
        if token == b"\\":
            position += 1  # the escaped byte is no delimiter
        elif token == b"(":
            if depth == 0:
                start = match.end()
            depth += 1
        elif token == b")" and depth:
            depth -= 1
            if depth == 0:
                yield _text_string(_unescaped(syntax[start : match.start()]))
        elif token == b"<" and depth == 0:
            hexadecimal = _HEX_STRING.match(syntax, match.start())
            if hexadecimal:
                position = hexadecimal.end()
                digits = re.sub(rb"\s", b"", hexadecimal[1])
                yield _text_string(binascii.unhexlify(digits + b"0" * (len(digits) % 2)))


def _unescaped(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        if match[1] is not None:
            return bytes([int(match[1], 8) & 0xFF])
        if match[2] is not None:
            return b""  # a line continued
        return _ESCAPED.get(match[3], match[3])

    return _ESCAPE.sub(one, literal)


def _text_string(data: bytes) -> str:
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    return data.decode("latin-1")
