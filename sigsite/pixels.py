"""An image's pixels encoded again by Pillow, with nothing else of the file it came from.

A raster file carries more than pixels: PNG text chunks, JPEG comments, EXIF, XMP and an ICC
profile (whose description is text) can hold anything, e-mail addresses included, which no
reader of the committed text sees. The image is decoded, turned upright by its EXIF orientation,
copied pixel by pixel into a new image that has no metadata at all, and written with fixed
settings, so the same bytes give the same file in every build:

- a PNG stays a PNG (lossless);
- a JPEG stays a JPEG, at quality 90 (the pixels of a JPEG are lossy already; a PNG of a photo
  would be several times larger);
- a GIF or a WebP becomes a PNG of its first frame: lossless for both, and one writer whose
  output depends on nothing but the pixels (Pillow's GIF writer builds palettes and its WebP
  writer depends on libwebp's version and mode).

An image that declares more than MAX_PIXELS is never decoded (a small file can declare a huge
canvas: a decompression bomb), and one that is not what it claims to be is refused.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps

MAX_PIXELS = 50_000_000  # 50 megapixels: far above a screenshot or a photo, far below a bomb
JPEG_QUALITY = 90
_PNG_MODES = frozenset({"1", "L", "LA", "RGB", "RGBA"})  # written as they are; others as RGB(A)
# Pillow's format -> what is written: (format, file extension)
_OUTPUT = {"PNG": ("PNG", "png"), "JPEG": ("JPEG", "jpg"), "GIF": ("PNG", "png"), "WEBP": ("PNG", "png")}


class ImageRefused(Exception):
    """The bytes are not an image that may be published; the message says why."""


@dataclass(frozen=True)
class EncodedImage:
    """Pixels encoded again: the file's bytes, its extension, and how many frames the source had."""

    data: bytes
    extension: str
    frames: int = 1


def reencode(data: bytes, expected: str) -> EncodedImage:
    """The pixels of `data`, which must be an image of Pillow's format `expected` (`PNG`, `JPEG`,
    `GIF`, `WEBP`), encoded again without metadata; ImageRefused when it cannot be."""
    output, extension = _OUTPUT[expected]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)  # Pillow's own, later, limit
        try:
            with Image.open(BytesIO(data), formats=[expected]) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused(_too_large(width, height))
                frames = getattr(image, "n_frames", 1)
                image.load()
                _upright(image)
                clean = _pixels_only(image, output)
        except ImageRefused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageRefused(f"it declares more than {MAX_PIXELS // 1_000_000} megapixels") from exc
        except Exception as exc:  # a decoder meeting bytes made to break it fails in many ways
            raise ImageRefused(f"its bytes are not a {expected} image that can be decoded") from exc
    encoded = BytesIO()
    if output == "JPEG":
        clean.save(encoded, "JPEG", quality=JPEG_QUALITY)
    else:
        clean.save(encoded, "PNG")
    return EncodedImage(encoded.getvalue(), extension, frames)


def _upright(image: Image.Image) -> None:
    """Turn `image` as its EXIF orientation says, in place: the orientation goes with the EXIF. An
    EXIF that cannot be read turns nothing (cameras write broken ones)."""
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # any failure of an EXIF parser means "no orientation"
        return


def _pixels_only(image: Image.Image, output: str) -> Image.Image:
    """A new image holding `image`'s pixels and nothing else, in a mode `output` can write."""
    if output == "JPEG":
        mode = "L" if image.mode in {"1", "L"} else "RGB"
    elif image.mode in _PNG_MODES:
        mode = image.mode
    else:  # palette, 16-bit, CMYK...: transparency kept as an alpha channel
        mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
    pixels = image if image.mode == mode else image.convert(mode)
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    return clean


def _too_large(width: int, height: int) -> str:
    return (
        f"it declares {width} × {height} pixels, more than {MAX_PIXELS // 1_000_000} megapixels, "
        "and is not decoded"
    )
