"""A working group's contact in a real browser, at desktop and phone widths, in both languages: the
card's contact and the README's withheld address lead to its line on the forge, in view, readable,
accessible, and the page never scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import assert_loads_cleanly, open_page, require_chromium
from hub_support import JUNE_2021, build_hub, make_community
from servers import free_port, static_host

pytestmark = pytest.mark.browser  # drives Chromium (README: the test tiers)

LINE = "https://gitee.com/mindspore/community/blob/master/working-groups/research/README.md#L17"
PAGES = {
    "en": ("working-groups/research/", "E-mail:", "e-mail on Gitee"),
    "zh": ("zh/working-groups/research/", "邮箱：", "邮箱见 Gitee"),
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Iterator[str]:
    require_chromium()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    community = make_community(tmp_path_factory.mktemp("community"))
    built = build_hub(
        community,
        tmp_path_factory.mktemp("hub") / "site",
        env={"SIGSITE_HUB_URL": base, "SOURCE_DATE_EPOCH": JUNE_2021},
    )
    assert built.ok, built.result.stderr
    with static_host(built.site, port) as url:
        yield url


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", PAGES)
def test_a_working_groups_contact_leads_to_the_line_of_its_address(hub, browser, language, viewport):
    path, label, text = PAGES[language]
    with open_page(browser, hub, path, viewport) as (page, _response, _visit):
        contact = page.locator("dd.sig-contacts li")
        assert contact.count() == 1
        assert contact.inner_text().replace(" ", "") == (label + text).replace(" ", "")
        link = contact.locator("a")
        assert link.get_attribute("href") == LINE and link.is_visible()
        box = link.bounding_box()
        width = page.evaluate("window.innerWidth")
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        in_readme = page.locator("article a.sig-withheld").filter(has_text=text)
        assert in_readme.count() == 2  # the card's and the README's own line
        assert {in_readme.nth(i).get_attribute("href") for i in range(2)} == {LINE}
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px screen"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("path", ["working-groups/research/", "zh/tsc/"])
def test_a_groups_contact_is_accessible(hub, browser, path, viewport):
    assert_loads_cleanly(browser, hub, path, viewport)
