"""What a file published as it is holds (sigsite/file_text.py): an address is found after every
decoding its viewers and unpackers apply, in every kind of file the site publishes; what cannot be
looked into is refused; noise is no address; and a bomb costs its limit, never its size."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import random
import time
import tracemalloc
import zipfile
import zlib

import pytest
from costs import cost, seconds_of
from hostile_files import flate_stream, gif, jpeg, pdf, png, segment, tarred, zipped

from sigsite.file_parts import MAX_DECODED, CannotLookInto
from sigsite.file_text import addresses_in_file, looks_real, plain_addresses

LEAK = "carol.leak@corp-mail.cn"


def found(content: bytes, name: str) -> list[str]:
    """The addresses found, each once, in order."""
    return list(dict.fromkeys(f.address.address for f in addresses_in_file(content, name)))


def _deflate_past_endstream() -> bytes:
    """A zlib stream whose first block is stored, holding `endstream` plainly, and whose next one
    compresses the address: a reader that stops at `endstream` never sees it."""
    stored = zlib.compressobj(0, zlib.DEFLATED, -15)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    first, rest = b"x\nendstream\nendobj\n", b"(" + LEAK.encode() + b") Tj"
    body = stored.compress(first) + stored.flush(zlib.Z_SYNC_FLUSH) + packed.compress(rest) + packed.flush()
    return b"\x78\x01" + body + zlib.adler32(first + rest).to_bytes(4, "big")


def _size(size: int) -> bytes:
    return size.to_bytes(4, "little")


def _riff(form: bytes, kind: bytes, data: bytes) -> bytes:
    """A RIFF file of one chunk (and its pad byte)."""
    chunk = kind + _size(len(data)) + data + b"\x00" * (len(data) % 2)
    return b"RIFF" + _size(4 + len(chunk)) + form + chunk


def _bomb(kind: str, size: int) -> bytes:
    """`size` zero bytes zipped (twice, as two members) or gzipped, written a megabyte at a time."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in ("a.txt", "b.txt"):
                with archive.open(name, "w", force_zip64=True) as member:
                    for _ in range(size // len(chunk)):
                        member.write(chunk)
    else:
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as packed:
            for _ in range(size // len(chunk)):
                packed.write(chunk)
    return buffer.getvalue()


DOCX_CORE = (
    b'<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties><dc:creator>Carol '
    b"&lt;carol.leak&#64;corp-mail.cn&gt;</dc:creator></cp:coreProperties>"
)
SPLIT_RUNS = (
    b"<w:p><w:r><w:t>carol.leak</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>@corp-mail.cn</w:t></w:r></w:p>"
)

# Each kind of file -> (its name, its bytes): each holds LEAK behind the decoding it names.
HIDDEN = {
    "PNG tEXt chunk": ("a.png", lambda: png(tEXt=b"Author\x00" + LEAK.encode())),
    "PNG zTXt chunk (compressed)": (
        "a.png",
        lambda: png(zTXt=b"Author\x00\x00" + zlib.compress(LEAK.encode())),
    ),
    "PNG iTXt chunk (compressed UTF-8)": (
        "a.png",
        lambda: png(
            iTXt=b"Author\x00\x01\x00zh\x00\x00" + zlib.compress("carol.leak＠corp-mail。cn".encode())
        ),
    ),
    "PNG colour profile (compressed)": (
        "a.png",
        lambda: png(iCCP=b"icc\x00\x00" + zlib.compress(b"desc\x00\x00" + LEAK.encode("utf-16-be"))),
    ),
    "JPEG comment": ("a.jpg", lambda: jpeg(comment=LEAK.encode())),
    "JPEG XMP with an entity": (
        "a.jpeg",
        lambda: jpeg(
            app=segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x>carol.leak&#64;corp-mail.cn</x>")
        ),
    ),
    "JPEG EXIF in UTF-16 (XPAuthor)": (
        "a.jpg",
        lambda: jpeg(
            app=segment(0xE1, b"Exif\x00\x00II*\x00" + (" " + LEAK).encode("utf-16-le") + b"\x00\x00")
        ),
    ),
    "JPEG extended XMP split across segments": (
        "a.jpg",
        lambda: jpeg(
            app=segment(
                0xE1,
                b"http://ns.adobe.com/xmp/extension/\x00"
                + b"G" * 32
                + b"\x00\x00\x00\x17"
                + b"\x00\x00\x00\x00carol.le",
            )
            + segment(
                0xE1,
                b"http://ns.adobe.com/xmp/extension/\x00"
                + b"G" * 32
                + b"\x00\x00\x00\x17"
                + b"\x00\x00\x00\x08ak@corp-mail.cn",
            )
        ),
    ),
    "GIF comment split across sub-blocks": ("a.gif", lambda: gif(LEAK.encode())),
    "WebP XMP with an entity": (
        "a.webp",
        lambda: _riff(b"WEBP", b"XMP ", b"<dc:creator>carol.leak&#64;corp-mail.cn</dc:creator>"),
    ),
    "WAV INFO comment with a full-width at sign": (
        "a.wav",
        lambda: _riff(
            b"WAVE", b"LIST", b"INFO" + b"ICMT" + _size(27) + "carol.leak＠corp-mail.cn\x00".encode()
        ),
    ),
    "PDF Info string with an octal escape": (
        "a.pdf",
        lambda: pdf(b"<</Author(carol.leak\\100corp-mail.cn)>>"),
    ),
    "PDF Info string in UTF-16 (hex)": (
        "a.pdf",
        lambda: pdf(b"<</Author<FEFF" + LEAK.encode("utf-16-be").hex().encode() + b">>>"),
    ),
    "PDF page text split by kerning, compressed": (
        "a.pdf",
        lambda: pdf(flate_stream(b"BT /F1 12 Tf [(carol.le) -20 (ak@corp-mail.cn)] TJ ET")),
    ),
    "PDF stream of ASCII85 then Flate": (
        "a.pdf",
        lambda: pdf(
            b"<</Filter[/ASCII85Decode/FlateDecode]>>stream\n"
            + __import__("base64").a85encode(zlib.compress(b"(" + LEAK.encode() + b") Tj"))
            + b"~>\nendstream"
        ),
    ),
    "PDF stream whose data holds 'endstream' before its end": (
        "a.pdf",
        lambda: pdf(
            b"<</Length 20/Filter/FlateDecode>>stream\n" + _deflate_past_endstream() + b"\nendstream"
        ),
    ),
    "docx properties (zip member, XML entity)": ("a.docx", lambda: zipped({"docProps/core.xml": DOCX_CORE})),
    "docx text split in runs": ("a.docx", lambda: zipped({"word/document.xml": SPLIT_RUNS})),
    "pptx image holding a PNG text chunk": (
        "a.pptx",
        lambda: zipped({"ppt/media/image1.png": png(tEXt=b"Author\x00" + LEAK.encode())}),
    ),
    "xlsx shared strings": (
        "a.xlsx",
        lambda: zipped({"xl/sharedStrings.xml": b"<si><t>" + LEAK.encode() + b"</t></si>"}),
    ),
    "zip in a zip": ("a.zip", lambda: zipped({"inner.zip": zipped({"contact.txt": LEAK.encode()})})),
    "zip member name": ("a.zip", lambda: zipped({f"people/{LEAK}/a.txt": b"x"})),
    "tar member": ("a.tar", lambda: tarred({"contact.txt": f"contact {LEAK}\n".encode()})),
    "tar owner": ("a.tar", lambda: tarred({"a.txt": b"x"}, uname=LEAK)),
    "gzip of a tar": ("a.tar.gz", lambda: gzip.compress(tarred({"c.txt": LEAK.encode()}), mtime=0)),
    "bzip2 of a PDF": ("a.pdf.bz2", lambda: bz2.compress(pdf(b"<</Author(" + LEAK.encode() + b")>>"))),
    "xz of a tar": ("a.tar.xz", lambda: lzma.compress(tarred({"c.txt": LEAK.encode()}))),
    "RTF hexadecimal escape": ("a.rtf", lambda: rb"{\rtf1\ansi contact carol.leak\'40corp-mail.cn\par}"),
    "RTF Unicode escape and its fallback": ("a.rtf", lambda: rb"{\rtf1 carol.leak\u64 ?corp-mail.cn}"),
    "RTF in GBK with a full-width at sign": (
        "a.rtf",
        lambda: rb"{\rtf1\ansi\ansicpg936 carol.leak\'a3\'c0corp-mail.cn}",
    ),
    "UTF-16 text with a BOM": ("a.txt", lambda: ("contact: " + LEAK).encode("utf-16")),
    "UTF-16 text without a BOM": ("a.csv", lambda: ("name,mail\ncarol," + LEAK).encode("utf-16-le")),
    "GB18030 text with a full-width at sign": (
        "a.txt",
        lambda: "联系 carol.leak＠corp-mail.cn".encode("gb18030"),
    ),
    "a PNG named .pdf": ("a.pdf", lambda: png(zTXt=b"Author\x00\x00" + zlib.compress(LEAK.encode()))),
    "a zip appended to a JPEG": (
        "a.jpg",
        lambda: jpeg() + zipped({"c.txt": zlib.compress(b"x") + b"\n" + LEAK.encode()}),
    ),
}


@pytest.mark.parametrize("kind", HIDDEN)
def test_an_address_is_found_in_every_kind_of_file(kind):
    name, make = HIDDEN[kind]
    assert found(make(), name)[0] == LEAK, kind


def test_a_text_files_address_is_found_on_its_line_and_a_parts_is_named_by_it():
    text = next(iter(addresses_in_file(f"a\nb\nmail {LEAK}\n".encode(), "list.csv")))
    assert (text.line, text.where) == (3, "")
    member = next(iter(addresses_in_file(zipped({"docProps/core.xml": DOCX_CORE}), "a.docx")))
    assert (member.line, member.where) == (None, "docProps/core.xml")
    chunk = next(iter(addresses_in_file(png(tEXt=b"Author\x00" + LEAK.encode()), "a.png")))
    assert chunk.where == "PNG tEXt chunk"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 32, "a 7z archive cannot be looked into"),
        ("a.rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 32, "a RAR archive cannot be looked into"),
        ("a.pdf", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 32, "a RAR archive cannot be looked into"),
        ("a.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "an old binary PowerPoint file"),
        ("a.pdf", pdf(b"<</Filter/LZWDecode>>stream\nxyz\nendstream"), "filter LZWDecode cannot be read"),
        ("a.pdf", pdf(trailer=b"/Encrypt 9 0 R"), "the PDF is encrypted"),
        ("a.pdf", pdf(b"<</Filter/FlateDecode>>stream\nnot zlib\nendstream"), "cannot be decoded"),
        ("a.png", png(zTXt=b"Author\x00\x00not zlib"), "its PNG zTXt chunk cannot be decompressed"),
        ("a.zip", b"PK\x03\x04" + b"\x00" * 40, "its ZIP archive cannot be read"),
        ("a.tar.gz", gzip.compress(b"x" * 100, mtime=0)[:-12], "its gzip data cannot be decompressed"),
    ],
)
def test_what_cannot_be_looked_into_is_refused(name, content, reason):
    with pytest.raises(CannotLookInto) as refused:
        list(addresses_in_file(content, name))
    assert reason in refused.value.reason


def test_an_encrypted_zip_member_is_refused():
    data = bytearray(zipped({"secret.txt": b"x"}))
    data[6] |= 1  # the local header's flag: encrypted
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1  # and the directory's
    with pytest.raises(CannotLookInto, match="is encrypted"):
        list(addresses_in_file(bytes(data), "a.zip"))


def test_archives_nested_too_deep_are_refused():
    data = LEAK.encode()
    for level in range(7):
        data = zipped({f"level{level}.zip": data})
    with pytest.raises(CannotLookInto, match="inside archives more than"):
        list(addresses_in_file(data, "a.zip"))


def test_noise_is_no_address_and_a_plain_one_in_it_is():
    """Random bytes (compressed data, pixels) read as addresses by chance; what looks real does not
    come of it (500 MB measured: none)."""
    noise = random.Random(28).randbytes(8_000_000)
    assert list(plain_addresses(noise)) == []
    assert found(noise, "a.pdf") == found(noise, "a.png") == []
    assert [a.address for a in plain_addresses(noise[:1000] + f" {LEAK} ".encode() + noise[1000:2000])] == [
        LEAK
    ]
    assert [a.address for a in plain_addresses(b"\x01" + f" {LEAK} ".encode("utf-16-be"))] == [LEAK]
    assert not looks_real("K@aJ.x") and not looks_real("od@-r.eT") and not looks_real("tj@ZU.vD")
    assert looks_real(LEAK) and looks_real("Carol@Corp-Mail.CN") and looks_real("ab@cd.xn--fiqs8s")


def _cost(content: bytes, name: str) -> tuple[float, int, str]:
    """Seconds, peak bytes held and the outcome of reading `content`."""
    tracemalloc.start()
    start = time.process_time()
    try:
        outcome = str(found(content, name))
    except CannotLookInto as exc:
        outcome = exc.reason
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, outcome


def test_a_zip_bomb_costs_its_limit_not_its_size():
    bomb = _bomb("zip", 200 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    seconds, peak, outcome = _cost(bomb, "bomb.zip")
    assert outcome == f"it holds more than {MAX_DECODED // (1024 * 1024)} MB once decompressed"
    assert seconds < 10 and peak < 2 * MAX_DECODED, (seconds, peak)


def test_a_gzip_bomb_costs_its_limit_not_its_size():
    bomb = _bomb("gzip", 200 * 1024 * 1024)
    seconds, peak, outcome = _cost(bomb, "bomb.tar.gz")
    assert "once decompressed" in outcome
    assert seconds < 10 and peak < 2 * MAX_DECODED, (seconds, peak)


@pytest.mark.parametrize("name", ["zeros.txt", "zeros.pdf", "zeros.png", "zeros.zip"])
def test_a_50_mb_file_of_zeros_is_read_quickly(name):
    zeros = bytes(50 * 1024 * 1024)
    seconds, peak, outcome = _cost(zeros, name)
    assert outcome == "[]" and seconds < 10, (seconds, outcome)
    assert peak < 4 * len(zeros), peak  # a view or two of it, never one per part


def test_many_at_signs_cost_in_proportion():
    """Every `@` is looked at once within an address's length, whatever surrounds it."""
    timings = []
    for size in (250_000, 1_000_000):
        seconds, found = cost(lambda: list(plain_addresses(b"a@" * size)))  # noqa: B023 (run at once)
        assert found == []
        timings.append(seconds)
    assert timings[1] < 8 * timings[0] + 0.5, timings


def test_a_compressed_stream_ends_where_its_data_says():
    """A PDF's stream is read from its start to the end its compressed data gives (what follows is
    the PDF's own syntax again), however much it decompresses to."""
    from sigsite.file_parts import Budget, inflate

    for size in (10, 3 * 1024 * 1024):
        packed = zlib.compress(random.Random(size).randbytes(size) + bytes(size))
        data, used = inflate(packed + b"\nendstream\nendobj\n", Budget())
        assert (len(data), used) == (2 * size, len(packed))


def _run_length(data: bytes) -> bytes:
    """`data` RunLength-encoded in literal runs of two bytes (which split any word), and its end mark."""
    return (
        b"".join(bytes([len(data[i : i + 2]) - 1]) + data[i : i + 2] for i in range(0, len(data), 2))
        + b"\x80"
    )


def _run_length_page() -> bytes:
    return _run_length(b"BT (" + LEAK.encode() + b") Tj ET")


def _endstream_among_runs() -> bytes:
    """A literal run of the word `endstream` before the page: its /Length says where it ends."""
    data = b"\x08endstream" + _run_length_page()
    return b"<</Filter[/RunLengthDecode]/Length %d>>stream\n%s\nendstream" % (len(data), data)


@pytest.mark.parametrize(
    "stream",
    [
        lambda: b"<</Filter/RunLengthDecode>>stream\n%s\nendstream" % _run_length_page(),
        lambda: b"<</Filter/RL/Length 999>>stream\n%s\nendstream" % _run_length_page(),  # a wrong /Length
        _endstream_among_runs,
    ],
)
def test_a_page_written_with_run_length_is_read(stream):
    assert found(pdf(stream()), "a.pdf") == [LEAK]


def test_a_run_length_bomb_costs_its_limit():
    bomb = b"\x81x" * (MAX_DECODED // 128 + 10)  # each two bytes make 128
    with pytest.raises(CannotLookInto, match="once decompressed"):
        list(addresses_in_file(pdf(b"<</Filter/RL>>stream\n" + bomb + b"\nendstream"), "a.pdf"))

    def refused() -> None:
        with pytest.raises(CannotLookInto):
            list(addresses_in_file(pdf(b"<</Filter/RL>>stream\n" + bomb + b"\nendstream"), "a.pdf"))

    assert seconds_of(refused, 2.0) < 2.0
