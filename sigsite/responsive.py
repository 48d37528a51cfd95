"""Smaller copies of a heavy image, so a phone does not download a 2 MB poster to show it 390 px wide.

A heavy image (a PNG or JPEG of more than HEAVY_BYTES) gets WebP copies at the fixed COPY_WIDTHS
(800 and 1600 px), never wider than the image itself (an image 939 px wide gets 800 and 939): a page
lists them in `srcset` and the browser takes the one its screen needs. The copies are made by
Pillow from the pixels alone, turned upright and into sRGB, with no metadata (no EXIF, XMP or
profile), at a fixed quality and method: the same image gives byte-identical copies in every build.

What is decoded is bounded before a byte is decoded, from the size the file's header declares
(`limit_problem`): at most MAX_PIXELS, and at most PIXELS_PER_BYTE for each byte of the file (a
30 KB PNG can declare 20,000 x 20,000 pixels; a real image holds a few pixels a byte). An image past
either limit gets no copies and is published as it is, with a warning; so the time copies take grows
with the bytes committed, never with what a header claims. An image that will not decode, is
animated or is of another kind (GIF, WebP) is published as it is, without copies.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageCms, ImageOps

from sigsite.file_parts import CannotLookInto
from sigsite.file_text import addresses_in_file
from sigsite.pixels import MAX_PIXELS

COPY_WIDTHS = (800, 1600)  # px: a phone's screen (390 css px at 2x) and a wide one's
HEAVY_BYTES = 100 * 1024  # lighter images are published as they are
PIXELS_PER_BYTE = 64  # a photo holds 3 to 5 pixels a byte, a flat diagram 10 to 30
WEBP_QUALITY = 80
WEBP_METHOD = 4  # libwebp's default trade between time and size
MAX_WEBP_SIDE = 16383  # the most pixels a WebP holds in a row or a column
ENCODE_ATTEMPTS = 4  # a copy whose bytes read as an e-mail address by chance is encoded again
_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_COLOUR_MODES = {
    "1": "L",
    "L": "L",
    "P": "RGB",
    "RGB": "RGB",
    "CMYK": "RGB",
    "YCbCr": "RGB",
    "LA": "RGBA",
    "RGBA": "RGBA",
}


@dataclass(frozen=True)
class Copy:
    """A WebP copy of an image: its width and height in pixels, and its bytes."""

    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Copies:
    """An image's width and height as a browser shows it (turned upright), and its copies,
    narrowest first (none when it gets none)."""

    width: int
    height: int
    copies: tuple[Copy, ...] = ()


def kind_of(head: bytes) -> str | None:
    """Pillow's name of the format a file's first bytes show (PNG, JPEG), None for any other."""
    return next((kind for start, kind in _KINDS.items() if head.startswith(start)), None)


def wants_copies(size: int, head: bytes) -> bool:
    """True for an image that gets copies: a PNG or JPEG of more than HEAVY_BYTES."""
    return size > HEAVY_BYTES and kind_of(head) is not None


def limit_problem(width: int, height: int, size: int, *, decoded: bool = True) -> str | None:
    """What is wrong with an image that declares `width` x `height` pixels in `size` bytes: more
    than MAX_PIXELS (a browser showing it decodes them all), or, when it is to be `decoded` for
    its copies, more than PIXELS_PER_BYTE; None when nothing is."""
    pixels = width * height
    if pixels > MAX_PIXELS:
        return (
            f"the image declares {width} × {height} pixels, more than {MAX_PIXELS // 1_000_000} "
            "megapixels: it is published as it is, without smaller copies (a browser decodes all of them)"
        )
    if decoded and pixels > PIXELS_PER_BYTE * size:
        return (
            f"the image declares {width} × {height} pixels in {size:,} bytes, more than "
            f"{PIXELS_PER_BYTE} pixels a byte: it is not decoded, and is published as it is without "
            "smaller copies"
        )
    return None


def copy_widths(width: int) -> tuple[int, ...]:
    """The widths of the copies of an image `width` px wide: COPY_WIDTHS, none wider than it."""
    return tuple(sorted({min(copy, width) for copy in COPY_WIDTHS}))


def make_copies(data: bytes) -> Copies | None:
    """The WebP copies of a PNG or JPEG (`data`); None when it is not one, is animated, cannot be
    decoded, or declares more than limit_problem allows (the caller checked the header already;
    Pillow's reading of it is checked again)."""
    kind = kind_of(data[:8])
    if kind is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                if limit_problem(width, height, len(data)) or getattr(image, "is_animated", False):
                    return None
                if image.mode not in _COLOUR_MODES:
                    return None  # 16-bit and other modes: published as they are
                upright = _upright_size(image)
                widths = copy_widths(upright[0])
                if kind == "JPEG":  # decode at 1/2, 1/4 or 1/8 of the size where the copies allow
                    image.draft("RGB", _stored(upright, image.size, _scaled(upright, widths[-1])))
                image.load()
                pixels = _srgb(_upright(image))
        except Exception:  # a decoder meeting bytes made to break it fails in many ways
            return None
    copies = []
    for copy_width in widths:
        copy_size = _scaled(pixels.size, copy_width)
        if max(copy_size) > MAX_WEBP_SIDE:
            continue
        scaled = (
            pixels
            if copy_size == pixels.size
            else pixels.resize(copy_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        )
        encoded = _encoded(scaled)
        if encoded is not None:
            copies.append(Copy(copy_size[0], copy_size[1], encoded))
    return Copies(upright[0], upright[1], tuple(copies))


def _scaled(size: tuple[int, int], width: int) -> tuple[int, int]:
    """`size` scaled to `width`, its height rounded, at least 1."""
    return width, max(1, round(size[1] * width / size[0]))


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """The image's size once turned as its EXIF orientation says."""
    try:
        orientation = image.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF turns nothing (pixels.py does the same)
        orientation = 1
    width, height = image.size
    return (height, width) if orientation in {5, 6, 7, 8} else (width, height)


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says; as it is when its EXIF cannot be read."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # cameras write broken EXIF (pixels.py does the same)
        return image


def _stored(upright: tuple[int, int], stored: tuple[int, int], wanted: tuple[int, int]) -> tuple[int, int]:
    """`wanted` (an upright size) in the orientation the file stores its pixels in."""
    return wanted if upright == stored else (wanted[1], wanted[0])


def _srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB, in the mode a WebP holds (L, RGB or RGBA), without anything else."""
    mode = _COLOUR_MODES[image.mode]
    if mode == "RGB" and image.mode == "P" and ("transparency" in image.info or "A" in image.getbands()):
        mode = "RGBA"
    profile = image.info.get("icc_profile")
    if profile and image.mode in {"RGB", "RGBA", "CMYK"}:
        image = _in_srgb(image, profile, mode)
    converted = image if image.mode == mode else image.convert(mode)
    clean = Image.new(mode, converted.size)
    clean.paste(converted)
    return clean


def _in_srgb(image: Image.Image, profile: bytes, mode: str) -> Image.Image:
    """The image's pixels turned from its colour `profile` into sRGB; as they are when lcms cannot
    read the profile."""
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(profile))
        return (
            ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode) or image
        )
    except Exception:  # a profile made to break lcms fails in many ways
        return image


def _encoded(image: Image.Image) -> bytes | None:
    """The image as a WebP whose bytes hold nothing that reads as an e-mail address (the last
    wall would stop the build on it): at WEBP_QUALITY, else a step lower, a few times; None when
    every attempt reads as one."""
    for attempt in range(ENCODE_ATTEMPTS):
        encoded = BytesIO()
        image.save(encoded, "WEBP", quality=WEBP_QUALITY - attempt, method=WEBP_METHOD)
        data = encoded.getvalue()
        try:
            if next(addresses_in_file(data, "copy.webp"), None) is None:
                return data
        except CannotLookInto:
            continue
    return None
