"""The openEuler hub in a real browser (issue 32): a group's Repositories page, from the fixture of
its shape with one repository whose committers are too many to name in its row."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from browser_support import VIEWPORTS, open_page, require_chromium
from conftest import Build
from hub_support import build_hub
from servers import free_port, static_host
from test_openeuler import FIXTURE

from sigsite.render.blocks import SHOWN_COMMITTERS

pytestmark = pytest.mark.browser  # drives Chromium (README: the test tiers)

MANY = SHOWN_COMMITTERS + 1


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Build]]:
    require_chromium()
    root = tmp_path_factory.mktemp("openeuler")
    shutil.copytree(FIXTURE, root / "community")
    committers = "".join(f"  - gitee_id: writer{n}\n    name: Writer {n}\n" for n in range(MANY))
    with (root / "community" / "sig" / "Gamma" / "sig-info.yaml").open("a", encoding="utf-8") as info:
        info.write(f"repositories:\n- repo:\n  - openeuler/gamma-docs\n  committers:\n{committers}")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    result = build_hub(root / "community", root / "site", env={"SIGSITE_HUB_URL": base})
    assert result.ok, result.result.stderr
    with static_host(result.site, port) as url:
        yield url, result


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_repositorys_many_committers_open_from_its_own_line_of_the_row(hub, browser, viewport):
    """Not Material's admonition: no margin into the next column, no coloured band; a chevron."""
    base, _ = hub
    with open_page(browser, base, "sig/gamma/repositories/", viewport) as (page, _, _):
        row = page.locator("li.sig-repo", has_text="openeuler/gamma-docs")
        summary = row.locator("details.sig-repo__people > summary")
        assert summary.inner_text().strip() == f"Committers: {MANY} people"
        shown = summary.evaluate(
            """s => [s.getBoundingClientRect().left - s.closest('li').getBoundingClientRect().left,
                     s.getBoundingClientRect().right - s.closest('li').getBoundingClientRect().right,
                     getComputedStyle(s).backgroundColor, getComputedStyle(s, '::after').display]"""
        )
        assert shown == [0, 0, "rgba(0, 0, 0, 0)", "inline-block"]
        assert not row.get_by_text("Writer 0").is_visible()
        summary.focus()
        page.keyboard.press("Enter")
        assert row.get_by_role("link", name="Writer 0").is_visible()
