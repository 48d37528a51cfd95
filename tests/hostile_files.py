"""Files of each kind the site publishes as they are, made in the test (Pillow, zipfile, tarfile,
zlib, a PDF by hand), that hide an address where their viewers or unpackers would find it."""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib


def png(**chunks: bytes) -> bytes:
    """A 2 × 2 PNG with extra chunks (`tEXt=b"..."`) before its pixels."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    data = buffer.getvalue()
    extra = b"".join(
        len(body).to_bytes(4, "big")
        + kind.encode()
        + body
        + zlib.crc32(kind.encode() + body).to_bytes(4, "big")
        for kind, body in chunks.items()
    )
    return data[:33] + extra + data[33:]  # after IHDR


def pdf(*objects: bytes, trailer: bytes = b"") -> bytes:
    """A minimal PDF, written by hand, with `objects` after its catalog."""
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    body += b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    for number, text in enumerate(objects, start=3):
        body += f"{number} 0 obj".encode() + text + b"\nendobj\n"
    return body + b"trailer<</Root 1 0 R" + trailer + b">>\n%%EOF\n"


def gif(comment: bytes) -> bytes:
    """A 1 × 1 GIF whose comment is split in sub-blocks of 8 bytes."""
    blocks = b"".join(
        bytes([len(comment[i : i + 8])]) + comment[i : i + 8] for i in range(0, len(comment), 8)
    )
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x21\xfe" + blocks + b"\x00\x3b"


def flate_stream(data: bytes, filters: bytes = b"/FlateDecode") -> bytes:
    """A PDF stream object's dictionary and data, compressed."""
    compressed = zlib.compress(data)
    return b"<</Length %d/Filter %s>>stream\n" % (len(compressed), filters) + compressed + b"\nendstream"


def zipped(members: dict[str, bytes]) -> bytes:
    """A ZIP archive (an Office or OpenDocument file, by its members)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def tarred(members: dict[str, bytes], **owner: str) -> bytes:
    """An uncompressed tar archive; `owner` sets each member's fields (`uname=`)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for key, value in owner.items():
                setattr(info, key, value)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def jpeg(comment: bytes = b"", app: bytes = b"") -> bytes:
    """A 2 × 2 JPEG with a comment, and `app` segments after its start."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "blue").save(buffer, "JPEG", **({"comment": comment} if comment else {}))
    data = buffer.getvalue()
    return data[:2] + app + data[2:]


def segment(marker: int, body: bytes) -> bytes:
    """A JPEG segment."""
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body
