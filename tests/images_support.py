"""Images the tests make: a heavy photo-like JPEG, and a PNG that declares more pixels than its bytes
could ever hold (a decompression bomb's shape), both valid."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def noise_jpeg(size: tuple[int, int], **save: object) -> bytes:
    """A photo-like JPEG: noise compresses badly, so it is heavy (HEAVY_BYTES) at a modest size."""
    grey = Image.effect_noise(size, 90)
    image = Image.merge("RGB", (grey, grey.transpose(Image.Transpose.FLIP_LEFT_RIGHT), grey))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, **save)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def declared_png(width: int, height: int, *, padding: int = 0) -> bytes:
    """A valid 1-bit PNG of `width` x `height` white pixels, a few kilobytes however large it says
    it is (a decompression bomb's shape); `padding` bytes of a private chunk make it heavier."""
    rows = zlib.compressobj(9)
    row = b"\0" + b"\xff" * ((width + 7) // 8)
    compressed = b"".join(rows.compress(row) for _ in range(height)) + rows.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    extra = _chunk(b"pdDg", b"\0" * padding) if padding else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + extra
        + _chunk(b"IDAT", compressed)
        + _chunk(b"IEND", b"")
    )
