"""Images embedded as data: addresses become files beside their text, only when they are what they
say they are, and only as their pixels: nothing of the file they came from but the image."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image, PngImagePlugin

from sigsite.emails import find_addresses
from sigsite.hub.embedded import extract_embedded
from sigsite.pixels import MAX_PIXELS, ImageRefused, reencode
from sigsite.problems import Problems

PLANTED = "wang.wu@corp-mail.cn"


def data(kind: str, payload: bytes) -> str:
    return f"data:image/{kind};base64,{base64.b64encode(payload).decode()}"


def png(size: tuple[int, int] = (6, 4), mode: str = "RGB", **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "red" if mode in {"RGB", "RGBA"} else 1).save(buffer, "PNG", **save)
    return buffer.getvalue()


def png_with_text() -> bytes:
    """A PNG whose text chunks (plain, compressed, international) and colour profile hold the address."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", PLANTED)
    info.add_text("Comment", PLANTED, zip=True)  # zTXt: deflated, so no reader of bytes sees it
    info.add_itxt("Description", PLANTED, lang="en")
    return png(pnginfo=info, icc_profile=b"\0" * 128 + PLANTED.encode())


def chunks(content: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order."""
    types, position = [], 8
    while position < len(content):
        length = int.from_bytes(content[position : position + 4], "big")
        types.append(content[position + 4 : position + 8])
        position += 12 + length
    return types


def test_an_embedded_png_becomes_a_file_beside_its_text_on_the_same_line():
    image = png()
    text = f"# Flow\n\n![flow]({data('png', image)})\n\n[ref]:{data('png', image)}\nafter\n"
    problems = Problems()
    rewritten, files = extract_embedded(text, "docs/SIG Flow.md", "sigs/a/docs/SIG Flow.md", problems)
    assert sorted(files) == ["docs/SIG Flow.embedded-1.png", "docs/SIG Flow.embedded-2.png"]
    assert all(Image.open(io.BytesIO(f)).size == (6, 4) for f in files.values())
    assert rewritten.splitlines() == [
        "# Flow",
        "",
        "![flow](./SIG%20Flow.embedded-1.png)",
        "",
        "[ref]:./SIG%20Flow.embedded-2.png",
        "after",
    ]
    assert not problems.items


def test_a_png_is_published_as_its_pixels_alone():
    source = png_with_text()
    assert PLANTED.encode() in source  # the plain chunk; the deflated one hides from a byte scan
    published = reencode(source, "PNG")
    assert published.extension == "png"
    assert chunks(published.data) == [b"IHDR", b"IDAT", b"IEND"]  # no text, profile or time chunk
    decoded = Image.open(io.BytesIO(published.data))
    assert decoded.info == {} and decoded.tobytes() == Image.open(io.BytesIO(source)).tobytes()


def test_encoding_again_is_deterministic():
    assert reencode(png_with_text(), "PNG").data == reencode(png_with_text(), "PNG").data
    photo = _jpeg()
    assert reencode(photo, "JPEG").data == reencode(photo, "JPEG").data


def _jpeg(orientation: int = 6) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = PLANTED  # Artist
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), "blue").save(
        buffer,
        "JPEG",
        exif=exif,
        comment=PLANTED.encode(),
        icc_profile=b"\0" * 64 + PLANTED.encode(),
        xmp=f"<x:xmpmeta><dc:creator>{PLANTED}</dc:creator></x:xmpmeta>".encode(),
    )
    return buffer.getvalue()


def test_a_jpeg_stays_a_jpeg_upright_without_its_exif_comment_profile_or_xmp():
    source = _jpeg()
    assert source.count(PLANTED.encode()) == 4
    published = reencode(source, "JPEG")
    assert published.extension == "jpg" and PLANTED.encode() not in published.data
    decoded = Image.open(io.BytesIO(published.data))
    assert decoded.format == "JPEG" and decoded.size == (4, 8)  # turned as its EXIF orientation said
    assert not decoded.getexif() and not {"comment", "icc_profile", "xmp", "exif"} & set(decoded.info)


@pytest.mark.parametrize("kind", ["GIF", "WEBP"])
def test_a_gif_or_webp_becomes_a_png_of_its_first_frame_with_a_warning_when_animated(kind):
    frames = [Image.new("RGB", (4, 4), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    extra = {"comment": PLANTED.encode()} if kind == "GIF" else {"exif": b"Exif\0\0" + PLANTED.encode()}
    frames[0].save(buffer, kind, save_all=True, append_images=frames[1:], duration=100, **extra)
    assert PLANTED.encode() in buffer.getvalue()
    problems = Problems()
    text, files = extract_embedded(
        f"a\n![x]({data(kind.lower(), buffer.getvalue())})\n", "t.md", "sigs/a/t.md", problems
    )
    assert text == "a\n![x](./t.embedded-1.png)\n"
    published = files["t.embedded-1.png"]
    assert PLANTED.encode() not in published and Image.open(io.BytesIO(published)).format == "PNG"
    assert [(p.file, p.line, p.severity.value) for p in problems.items] == [("sigs/a/t.md", 2, "warning")]
    assert "only its first frame is published" in problems.items[0].message


def test_a_palette_image_keeps_its_transparency_as_an_alpha_channel():
    image = Image.new("P", (2, 1))
    image.putpalette([255, 0, 0, 0, 0, 255])
    image.putpixel((1, 0), 1)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=1)
    decoded = Image.open(io.BytesIO(reencode(buffer.getvalue(), "PNG").data))
    assert decoded.mode == "RGBA" and decoded.getpixel((0, 0)) == (255, 0, 0, 255)
    assert decoded.getpixel((1, 0))[3] == 0


def test_an_image_that_declares_too_many_pixels_is_never_decoded():
    # 8,000 x 7,000 = 56 megapixels in a few kilobytes: declared in the header, refused before decoding.
    bomb = png((8000, 7000), mode="1")
    assert len(bomb) < 100_000 and MAX_PIXELS < 8000 * 7000
    with pytest.raises(ImageRefused, match="declares 8000 × 7000 pixels, more than 50 megapixels"):
        reencode(bomb, "PNG")
    with pytest.raises(ImageRefused, match="more than 50 megapixels"):  # past Pillow's own limit
        reencode(png((20000, 20000), mode="1"), "PNG")


def test_what_cannot_be_published_as_pixels_is_an_error_at_its_line_and_loses_its_bytes():
    svg = data("svg+xml", f"<svg onload=alert(1)>{PLANTED}</svg>".encode())  # not an inert raster type
    liar = data("png", b"<html><script>alert(2)</script>")  # not a PNG's bytes
    broken = "data:image/png;base64,@@@"
    bomb = data("png", png((8000, 7000), mode="1"))
    text = f"![a]({svg})\n![b]({liar})\n\n![c]({broken}) ![d]({bomb})"
    problems = Problems()
    rewritten, files = extract_embedded(text, "x.md", "sigs/a/x.md", problems)
    assert files == {}
    assert rewritten == (
        "![a](data:image/svg+xml;base64,)\n![b](data:image/png;base64,)\n\n"
        "![c](data:image/png;base64,@@@) ![d](data:image/png;base64,)"
    )
    assert [(p.line, p.severity.value) for p in problems.items] == [(2, "error"), (4, "error")]
    assert "its bytes are not a PNG image" in problems.items[0].message
    assert "8000 × 7000 pixels" in problems.items[1].message
    assert all(p.file == "sigs/a/x.md" for p in problems.items)


def test_an_address_in_a_text_chunk_is_not_published_through_the_text_either():
    text = f"![x]({data('png', png_with_text())})"
    rewritten, files = extract_embedded(text, "x.md", "x.md", Problems())
    published = b"".join(files.values()) + rewritten.encode()
    assert not find_addresses(published.decode("latin-1"), markdown=False)
    for content in files.values():
        assert not Image.open(io.BytesIO(content)).info
