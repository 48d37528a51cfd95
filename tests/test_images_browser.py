"""Images in a real browser, at a desktop's and a phone's width: the browser takes the copy its
screen needs, every image has a text alternative, and the page whose images were committed without
one passes axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import VIEWPORTS, assert_loads_cleanly, open_page, require_chromium
from hub_support import JUNE_2021, build_hub, make_community
from images_support import noise_jpeg
from servers import free_port, static_host
from test_images import BETA, GALLERY

pytestmark = pytest.mark.browser  # drives Chromium (README: the test tiers)

PAGE = "sigs/beta/documents/docs-gallery/"
POSTER = "img[src$='poster.jpg']"


@pytest.fixture(scope="module")
def gallery(tmp_path_factory) -> Iterator[str]:
    """The fixture hub, with a heavy poster 1,800 px wide at the end of beta's gallery, served."""
    require_chromium()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    community = make_community(tmp_path_factory.mktemp("community"))
    (community / BETA / "docs/images/poster.jpg").write_bytes(noise_jpeg((1800, 2400)))
    with (community / GALLERY).open("a", encoding="utf-8") as text:
        text.write("\n## The poster of the second session\n\n![](images/poster.jpg)\n")
    built = build_hub(
        community,
        tmp_path_factory.mktemp("hub") / "site",
        env={"SIGSITE_HUB_URL": base, "SOURCE_DATE_EPOCH": JUNE_2021},
    )
    assert built.ok, built.result.stderr[-3000:]
    with static_host(built.site, port) as url:
        yield url


# A phone 390 px wide at twice its density needs 780 px: the 800 px copy. A desktop's column is
# 940 px at most (a hub page has no left sidebar): the 1,600 px copy at either density, as the 800 px
# one would be stretched.
@pytest.mark.parametrize(
    ("viewport", "density", "chosen"),
    [
        ("phone", 2, "poster.jpg.800w.webp"),
        ("desktop", 2, "poster.jpg.1600w.webp"),
        ("desktop", 1, "poster.jpg.1600w.webp"),
    ],
)
def test_the_browser_takes_the_copy_its_screen_needs(gallery, browser, viewport, density, chosen):
    options = {} if viewport == "phone" else {"device_scale_factor": density}
    with open_page(browser, gallery, PAGE, viewport, **options) as (page, _response, visit):
        poster = page.locator(POSTER)
        poster.scroll_into_view_if_needed()  # it loads lazily, below the first screen
        page.wait_for_function(f'document.querySelector("{POSTER}").complete')
        source = poster.evaluate("image => image.currentSrc")
        assert source.endswith(chosen), source
        link = poster.evaluate("image => image.closest('a') && image.closest('a').href")
        assert link == poster.evaluate("image => image.src") and link.endswith("poster.jpg")  # the original
        assert visit.failed == [] and visit.foreign == []
        # No image moved the page as it loaded: each holds its place from its width and height.
        boxes = page.evaluate(
            "[...document.images].map(i => [i.getAttribute('width'), i.getAttribute('height')])"
        )
        assert all(width and height for width, height in boxes)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_image_has_a_text_alternative_and_the_page_passes_axe(gallery, browser, viewport):
    with open_page(browser, gallery, PAGE, viewport) as (page, _response, _visit):
        alts = page.evaluate("[...document.images].map(i => i.getAttribute('alt'))")
        assert len(alts) == 4 and None not in alts
        assert alts == [
            "The hall before the first session",
            "The badge every speaker wore",
            "Badges",
            "The poster of the second session",
        ]
        missing = page.locator("article a[href$='flyer.png']")  # the flyer the checkout lacks, on the forge
        assert missing.inner_text() == "flyer.png"  # nothing describes it: its file's name
        assert missing.get_attribute("href").endswith("/sigs/beta/docs/images/flyer.png")
    assert_loads_cleanly(browser, gallery, PAGE, viewport, screenshot="hub-gallery")
