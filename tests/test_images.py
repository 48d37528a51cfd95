"""Images of committed Markdown: every one has a text alternative that is never its file's name, one
whose file the checkout lacks links to the forge, and a heavy one gets smaller WebP copies, made
deterministically from its pixels alone, after its header was checked against the pixel limits."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build
from hub_support import JUNE_2021, build_hub, make_community
from images_support import declared_png, noise_jpeg
from PIL import Image

from sigsite.file_text import addresses_in_file
from sigsite.hub.images import ImageSizeCache
from sigsite.load import LoadSettings, load
from sigsite.markup.alt import chosen_alt, is_no_description
from sigsite.markup.document import ShownImage, render_markdown
from sigsite.markup.references import Target, resolve_references
from sigsite.plan.files import hub_files
from sigsite.plan.hub import HubPlan, hub_groups
from sigsite.plan.languages import BuildLanguages
from sigsite.privacy_wall import leaks_in_site
from sigsite.responsive import HEAVY_BYTES, PIXELS_PER_BYTE, copy_widths, limit_problem, make_copies
from sigsite.sanitize import sanitize_html

FORGE = "https://gitee.com/mindspore/community/blob/master/"
PLANTED = "wang.wu@corp-mail.cn"
BETA = "sigs/beta"
GALLERY = f"{BETA}/docs/gallery.md"
TODAY = JUNE_2021
DAY = date(2021, 6, 1)  # the fixture's day, as JUNE_2021 says


def render(text: str, *, present: frozenset[str] = frozenset(), sizes: dict[str, ShownImage] | None = None):
    """`text` rendered as a group's file: links to `present` files are references of group `g`,
    others lead to the forge; the images of `sizes` (by file) are shown with them."""

    def resolve(path: str, fragment: str, line: int | None) -> Target | str:
        return Target("file", "g", path) if path in present else FORGE + path

    shown = {Target("file", "g", path).reference(): image for path, image in (sizes or {}).items()}
    return render_markdown(
        text,
        resolve,
        shown_image=lambda address, line: shown.get(address),
        missing_image=lambda url: url.replace("/master/", "/0123abc/"),
        title="Page title",
    )


def images_of(html: str) -> list[dict[str, str]]:
    return [dict(img.attrs) for img in BeautifulSoup(html, "lxml").select("img")]


# The text alternative ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "source", "expected"),
    [
        ("The architecture of the pipeline", "arch.png", "The architecture of the pipeline"),
        ("img", "images/1.png", "Heading"),  # an editor's default
        ("输入图片说明", "light_weight_PR.png", "Heading"),  # Gitee's
        ("image-20230101123456789", "image-20230101123456789.png", "Heading"),  # Typora's
        ("target", "./target.png", "Heading"),  # the file's own name, without its extension
        ("memory_opt.png", "memory_opt.png", "Heading"),  # with it
        ("image-dataset_reviewer_entrance", "imgs/dataset_reviewer_entrance.png", "Heading"),
        ("Memory Opt", "memory_opt.png", "Heading"),  # any case, any separators
        ("", "%E5%BC%A0%E4%BC%9F%E4%BC%9F.jpeg", "Heading"),
    ],
)
def test_the_alternative_is_the_authors_description_never_a_default_or_the_file_name(
    author, source, expected
):
    assert chosen_alt(author, source, heading="Heading") == expected


def test_without_a_description_the_caption_then_the_heading_then_nothing():
    assert (
        chosen_alt("img", "1.png", title="The hall", caption="Figure 1: the hall", heading="H") == "The hall"
    )
    assert chosen_alt("img", "1.png", caption="Figure 1: the hall", heading="H") == "Figure 1: the hall"
    assert chosen_alt("img", "1.png", heading="H") == "H"
    assert chosen_alt("img", "1.png") == ""  # decoration: a screen reader skips it
    assert chosen_alt("", "hall.png", heading="hall") == ""  # a heading that is the file's name too
    assert is_no_description("  ", "x.png") and not is_no_description("A hall", "x.png")


def test_every_image_of_a_text_gets_an_alternative_and_none_is_its_file_name():
    text = (
        "![](intro.png)\n\n"  # before any heading: under the page's title
        "## System design\n\n"
        "![architecture](architecture.png)\n\n"  # the file's name: the heading instead
        '![img](hall.png "The hall before the session")\n\n'  # an editor's default: its title
        "![](chart.png)\n图 2：历年参会人数\n\n"  # the line under it labels the figure
        "![](plan.png)\n\nFigure 3: the plan for 2024\n\n"  # so does the next paragraph
        "![A diagram of the data flow](flow.png)\n\n"
        '<p><img src="raw.png"> and <img src="raw.png" alt=""> and <img alt="raw" src="raw.png"></p>\n'
    )
    present = frozenset(
        {"intro.png", "architecture.png", "hall.png", "chart.png", "plan.png", "flow.png", "raw.png"}
    )
    rendered = render(text, present=present)
    alts = [image.get("alt") for image in images_of(rendered.html)]
    assert alts == [
        "Page title",
        "System design",
        "The hall before the session",
        "图 2：历年参会人数",
        "Figure 3: the plan for 2024",
        "A diagram of the data flow",
        "System design",  # raw HTML without alt: the heading
        "",  # an author's alt="" says decoration: kept
        "System design",  # the file's name: the heading, written first (a browser reads the first)
    ]
    # Search reads the authors' words, not what was chosen for them.
    assert "A diagram of the data flow" in rendered.search_html and "Page title" not in rendered.search_html


def test_a_missing_image_links_to_its_file_on_the_forge_named_by_what_it_shows_or_its_file():
    rendered = render(
        "## Flyers\n\n![](flyer.png) [![](badge.png)](https://example.org/)\n\n"
        '<img src="poster.png">\n\n![img](plan.png "The plan for 2024")\n\n'
        "![A map](https://elsewhere.example/map.png)\n"
    )
    soup = BeautifulSoup(rendered.html, "lxml")
    links = [(a.get("href"), a.get_text()) for a in soup.select("a") if a.get_text() != "¶"]
    assert links == [
        (FORGE.replace("/master/", "/0123abc/") + "flyer.png", "flyer.png"),  # at the snapshot's commit
        ("https://example.org/", "badge.png"),  # inside a link already: its name as the link's text
        (FORGE.replace("/master/", "/0123abc/") + "poster.png", "poster.png"),  # raw HTML too
        (FORGE.replace("/master/", "/0123abc/") + "plan.png", "The plan for 2024"),  # named by its title
        ("https://elsewhere.example/map.png", "A map"),  # on another site: a link too
    ]
    assert soup.select("img") == []  # no request to another site, no bare "img"


def test_a_heavy_image_gets_srcset_width_height_and_a_link_to_its_original():
    copies = (("sigsite:file/g/poster.jpg.800w.webp", 800), ("sigsite:file/g/poster.jpg.1600w.webp", 1600))
    sizes = {"poster.jpg": ShownImage(2400, 3600, copies), "small.png": ShownImage(40, 30)}
    text = "# Poster\n\n![](small.png)\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n![The poster](poster.jpg)\n"
    rendered = render(text, present=frozenset(sizes), sizes=sizes)
    soup = BeautifulSoup(rendered.html, "lxml")
    small, poster = soup.select("img")
    assert (small.get("width"), small.get("height"), small.get("loading")) == ("40", "30", None)
    assert "srcset" not in small.attrs and small.parent.name == "p"  # no copies: shown as it is
    assert (poster.get("width"), poster.get("height")) == ("2400", "3600")
    assert poster.get("loading") == "lazy" and poster.get("decoding") == "async"  # below the first screen
    assert poster.get("srcset") == ", ".join(f"{reference} {width}w" for reference, width in copies)
    assert poster.get("sizes") == "(min-width: 60em) 940px, 100vw"
    assert poster.parent.name == "a" and poster.parent.get("href") == poster.get("src")  # the original
    page = BeautifulSoup(
        resolve_references(rendered.html, lambda t: None if "1600" in t.value else t.value), "lxml"
    )
    assert page.select("img")[1].get("srcset") == "poster.jpg.800w.webp 800w"  # what is not published goes


def test_no_srcset_or_sizes_a_text_writes_reaches_the_page():
    cleaned = sanitize_html(
        '<img src="a.png" srcset="https://elsewhere.example/x.png 2x" sizes="100vw" alt="a">'
    )
    assert "srcset" not in cleaned and "sizes" not in cleaned and "elsewhere" not in cleaned


# Copies ------------------------------------------------------------------------------------------


def test_copies_are_at_fixed_widths_and_never_wider_than_the_image():
    assert copy_widths(3000) == (800, 1600)
    assert copy_widths(939) == (800, 939)
    assert copy_widths(600) == (600,)
    made = make_copies(noise_jpeg((600, 900)))
    assert made is not None and [(c.width, c.height) for c in made.copies] == [(600, 900)]


def test_copies_are_byte_identical_from_one_build_to_the_next_and_smaller():
    poster = noise_jpeg((1800, 1200))
    first, second = make_copies(poster), make_copies(poster)
    assert first is not None and second is not None
    assert [(c.width, c.height, c.data) for c in first.copies] == [
        (c.width, c.height, c.data) for c in second.copies
    ]
    assert [(c.width, c.height) for c in first.copies] == [(800, 533), (1600, 1067)]
    for copy in first.copies:
        decoded = Image.open(io.BytesIO(copy.data))
        assert decoded.format == "WEBP" and decoded.size == (copy.width, copy.height)
    assert len(first.copies[0].data) < len(poster) / 4


def test_a_copy_is_upright_in_srgb_and_holds_nothing_but_pixels():
    exif = Image.Exif()
    exif[0x013B] = PLANTED  # Artist
    exif[0x0112] = 6  # turned a quarter: what is 1200 wide in the file is 1200 tall on screen
    poster = noise_jpeg(
        (1200, 900),
        exif=exif,
        comment=PLANTED.encode(),
        icc_profile=_srgb_profile(),
        xmp=f"<x:xmpmeta><dc:creator>{PLANTED}</dc:creator></x:xmpmeta>".encode(),
    )
    made = make_copies(poster)
    assert made is not None and (made.width, made.height) == (900, 1200)
    assert [(c.width, c.height) for c in made.copies] == [(800, 1067), (900, 1200)]
    for copy in made.copies:
        decoded = Image.open(io.BytesIO(copy.data))
        assert not decoded.getexif() and not {"exif", "icc_profile", "xmp", "comment"} & set(decoded.info)
        assert PLANTED.encode() not in copy.data
        assert list(addresses_in_file(copy.data, "poster.jpg.800w.webp")) == []  # the last wall's reader


def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize(
    "content",
    [
        noise_jpeg((1200, 900))[:60_000] + b"\0" * 60_000,  # cut short: it does not decode
        b"GIF89a" + b"\0" * 200_000,  # not a PNG or JPEG
        b"\x89PNG\r\n\x1a\n" + b"\0" * 200_000,  # a PNG's signature and nothing after it
    ],
)
def test_an_image_that_cannot_be_decoded_gets_no_copies(content):
    assert make_copies(content) is None


# The pixel limits, before anything is decoded ---------------------------------------------------


def test_a_png_declaring_twenty_thousand_pixels_square_is_refused_from_its_header():
    bomb = declared_png(20_000, 20_000)
    assert len(bomb) < 80_000  # 400 megapixels in 76 KB
    problem = limit_problem(20_000, 20_000, len(bomb), decoded=False)
    assert problem is not None and "20000 × 20000 pixels, more than 50 megapixels" in problem
    assert make_copies(bomb) is None  # never decoded, even when asked


def test_a_heavy_image_declaring_more_pixels_than_its_bytes_hold_is_not_decoded():
    heavy = declared_png(7000, 7000, padding=HEAVY_BYTES)
    assert len(heavy) > HEAVY_BYTES and PIXELS_PER_BYTE * len(heavy) < 7000 * 7000
    problem = limit_problem(7000, 7000, len(heavy))
    assert problem is not None and f"more than {PIXELS_PER_BYTE} pixels a byte" in problem
    assert limit_problem(7000, 7000, len(heavy), decoded=False) is None  # shown as it is: no warning
    assert make_copies(heavy) is None


def _gallery_community(tmp_path: Path, extra: dict[str, bytes | str]) -> Path:
    root = make_community(tmp_path / "community")
    for relative, content in extra.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def _hub_files(root: Path, loaded) -> dict[str, bytes | str | Path | None]:
    languages = BuildLanguages("en", "en", ("en", "zh"), {"en": "", "zh": "zh/"})
    groups = hub_groups(loaded.community, root, languages, "", loaded.health)
    plan = HubPlan(loaded.community, loaded.people, loaded.health, languages, groups, FORGE, DAY)
    return {
        f.path: f.content if f.content is not None else f.source
        for f in hub_files(plan, root, "https://example.org/", "Hub")
    }


def test_the_hub_warns_at_the_line_that_shows_a_bomb_and_publishes_it_as_it_is(tmp_path):
    root = _gallery_community(
        tmp_path,
        {
            f"{BETA}/docs/images/bomb.png": declared_png(20_000, 20_000),
            GALLERY: (make_community(tmp_path / "copy") / GALLERY).read_text("utf-8")
            + "\n![A map](images/bomb.png)\n",
        },
    )
    loaded = load(root, LoadSettings(), DAY)
    warnings = [p for p in loaded.problems.warnings if "megapixels" in p.message]
    assert [(p.file, p.line) for p in warnings] == [(GALLERY, 19)]
    assert "20000 × 20000 pixels" in warnings[0].message and "published as it is" in warnings[0].message
    files = _hub_files(root, loaded)
    assert files[f"{BETA}/docs/images/bomb.png"] == root / BETA / "docs/images/bomb.png"
    assert not any(path.endswith(".webp") for path in files)
    page = resolve_references(loaded.community.sig("beta").documents[0].rendered.html, lambda t: t.value)
    (bomb,) = [img for img in images_of(page) if img["src"].endswith("bomb.png")]
    assert (bomb["width"], bomb["height"], bomb["alt"]) == (
        "20000",
        "20000",
        "A map",
    ) and "srcset" not in bomb


def test_copies_are_published_beside_the_image_and_check_makes_none_but_says_the_same(tmp_path):
    poster = noise_jpeg((1800, 1200))
    root = _gallery_community(
        tmp_path,
        {
            f"{BETA}/docs/images/poster.jpg": poster,
            f"{BETA}/docs/images/poster.jpg.1600w.webp": b"RIFF\0\0\0\0WEBP",  # a file of that name, linked
            GALLERY: "# Gallery\n\n## The poster\n\n![](images/poster.jpg)\n\n"
            "[x](images/poster.jpg.1600w.webp)\n",
        },
    )
    built = load(root, LoadSettings(), DAY)
    checked = load(root, LoadSettings(), DAY, image_sizes=ImageSizeCache(copies=False))
    assert [p.format() for p in built.problems.items] == [p.format() for p in checked.problems.items]
    assert checked.community.sig("beta").image_copies == ()
    beta = built.community.sig("beta")
    assert [path for path, _ in beta.image_copies] == [
        "docs/images/poster.jpg.800w.webp"
    ]  # the other is taken
    files = _hub_files(root, built)
    assert (
        files[f"{BETA}/docs/images/poster.jpg.800w.webp"]
        == dict(beta.image_copies)["docs/images/poster.jpg.800w.webp"]
    )
    assert (
        files[f"{BETA}/docs/images/poster.jpg.1600w.webp"]
        == root / BETA / "docs/images/poster.jpg.1600w.webp"
    )
    page = resolve_references(beta.documents[0].rendered.html, lambda t: t.value)
    (shown,) = images_of(page)
    assert shown["srcset"] == "docs/images/poster.jpg.800w.webp 800w" and shown["alt"] == "The poster"


# A real build ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_gallery(tmp_path_factory) -> tuple[Build, Build]:
    """The fixture with a heavy poster in beta's gallery, built twice."""
    root = make_community(tmp_path_factory.mktemp("community"))
    (root / BETA / "docs/images/poster.jpg").write_bytes(noise_jpeg((1800, 2400)))
    with (root / GALLERY).open("a", encoding="utf-8") as gallery:
        gallery.write("\n## The poster of the second session\n\n![](images/poster.jpg)\n")
    builds = tuple(
        build_hub(root, tmp_path_factory.mktemp(f"hub{run}") / "site", env={"SOURCE_DATE_EPOCH": TODAY})
        for run in range(2)
    )
    for build in builds:
        assert build.ok, build.result.stderr[-3000:]
    return builds[0], builds[1]


@pytest.mark.build
def test_the_built_gallery_offers_copies_sizes_the_original_and_the_forge(built_gallery):
    build, again = built_gallery
    page = "sigs/beta/documents/docs-gallery/index.html"
    article = build.article(page)
    images = {img["src"].rsplit("/", 1)[1]: img for img in article.select("img")}
    for img in article.select("img"):  # each described, none by its file's name
        assert img["alt"] and img["alt"].lower() not in img["src"].lower(), img
    poster = images["poster.jpg"]
    assert poster["alt"] == "The poster of the second session"
    assert (poster["width"], poster["height"], poster["loading"]) == ("1800", "2400", "lazy")
    assert poster.parent.name == "a" and poster.parent["href"] == poster["src"]  # the original linked
    folder = (build.site / page).parent
    candidates = [candidate.split() for candidate in poster["srcset"].split(", ")]
    assert [descriptor for _, descriptor in candidates] == ["800w", "1600w"]
    for address, descriptor in candidates:
        copy = (folder / address).resolve()
        assert copy.is_file() and Image.open(copy).size[0] == int(descriptor.removesuffix("w"))
        assert copy.read_bytes() == (again.site / copy.relative_to(build.site)).read_bytes()  # deterministic
    assert images["hall.png"]["alt"] == "The hall before the first session"
    assert images["hall.png"]["width"] == "640" and "srcset" not in images["hall.png"].attrs  # light
    flyer = article.find("a", string="flyer.png", href=lambda href: href and href.endswith("flyer.png"))
    assert flyer is not None and flyer["href"] == FORGE + "sigs/beta/docs/images/flyer.png"


@pytest.mark.build
def test_the_last_wall_reads_every_copy(built_gallery, tmp_path):
    """The build passed the wall with its copies; one with an address written into it would not."""
    build, _ = built_gallery
    images = tmp_path / "images"
    shutil.copytree(build.site / BETA / "docs/images", images)
    assert sorted(path.name for path in images.glob("*.webp")) == [
        "poster.jpg.1600w.webp",
        "poster.jpg.800w.webp",
    ]
    assert leaks_in_site(images, frozenset(), "127.0.0.1") == []
    copy = images / "poster.jpg.800w.webp"
    copy.write_bytes(copy.read_bytes() + f" {PLANTED} ".encode())
    assert [leak.path for leak in leaks_in_site(images, frozenset(), "127.0.0.1")] == ["poster.jpg.800w.webp"]
