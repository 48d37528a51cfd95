"""Images embedded as data: addresses become files beside their text, only when they are what they
say they are."""

from __future__ import annotations

import base64

from sigsite.hub.embedded import extract_embedded

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def data(kind: str, payload: bytes) -> str:
    return f"data:image/{kind};base64,{base64.b64encode(payload).decode()}"


def test_an_embedded_png_becomes_a_file_beside_its_text_on_the_same_line():
    text = f"# Flow\n\n![flow]({data('png', PNG)})\n\n[ref]:{data('png', PNG)}\nafter\n"
    rewritten, files = extract_embedded(text, "docs/SIG Flow.md")
    assert files == {"docs/SIG Flow.embedded-1.png": PNG, "docs/SIG Flow.embedded-2.png": PNG}
    assert rewritten.splitlines() == [
        "# Flow",
        "",
        "![flow](./SIG%20Flow.embedded-1.png)",
        "",
        "[ref]:./SIG%20Flow.embedded-2.png",
        "after",
    ]


def test_what_is_not_the_image_it_claims_stays_a_data_address():
    svg = data("svg+xml", b"<svg onload=alert(1)>")  # not an inert raster type
    liar = data("png", b"<html><script>alert(2)</script>")  # not a PNG's bytes
    broken = "data:image/png;base64,@@@"
    text = f"![a]({svg}) ![b]({liar}) ![c]({broken})"
    assert extract_embedded(text, "x.md") == (text, {})
