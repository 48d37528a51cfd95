"""`mkdocs serve` rebuilds when a meeting note or the members file changes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import make_project
from servers import fetch, free_port, mkdocs_serve, wait_for

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

TIMEOUT = 60.0


def serve_folders() -> set[Path]:
    """The temporary folders `mkdocs serve` builds into."""
    return set(Path(tempfile.gettempdir()).glob("mkdocs_*"))


@pytest.fixture
def server(tmp_path):
    before = serve_folders()
    project = make_project(tmp_path)
    with mkdocs_serve(project / "mkdocs.yml", free_port()) as base:
        yield project, base
    assert serve_folders() <= before, "mkdocs serve left its temporary site behind"


def test_new_meeting_and_new_member_rebuild_the_site(server):
    project, base = server
    wait_for(base + "meetings/", "Meeting 004")
    (project / "meetings" / "005-20201009.md").write_text(
        "# Friday October 9, 2020 at 15:00 GMT+8\n\n## Agenda\n* Federated learning roadmap\n", "utf-8"
    )
    wait_for(base + "meetings/", "Federated learning roadmap")
    wait_for(base + "meetings/005-20201009/", "Federated learning roadmap")
    members = project / "sig_members.yaml"
    members.write_text(
        members.read_text("utf-8")
        + "\nContributors:\n- name: Rice Zhang\n  gitee_home: https://gitee.com/hu2175\n",
        "utf-8",
    )
    wait_for(base + "members/", "Rice Zhang")


def test_live_reload_runs_under_the_content_security_policy(server):
    """`mkdocs serve` injects an inline script; the preview's policy lets it reload the page."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    project, base = server
    wait_for(base + "meetings/", "Meeting 004")
    assert '<meta http-equiv="Content-Security-Policy"' in fetch(base + "meetings/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            blocked: list[str] = []
            page.on(
                "console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None
            )
            page.goto(base + "meetings/", wait_until="load")
            (project / "meetings" / "005-20201009.md").write_text(
                "# Friday October 9, 2020 at 15:00 GMT+8\n\n## Agenda\n* Reloaded by itself\n", "utf-8"
            )
            # No navigation from the test: the live-reload script reloads the page.
            page.get_by_text("Reloaded by itself").wait_for(timeout=TIMEOUT * 1000)
            assert blocked == []
        finally:
            browser.close()


def test_the_hub_rebuilds_when_a_sigs_note_changes(tmp_path):
    from hub_support import HUB_CONFIG, make_community

    community = make_community(tmp_path / "community")
    before = serve_folders()
    with mkdocs_serve(HUB_CONFIG, free_port(), {"SIGSITE_COMMUNITY": str(community)}) as base:
        wait_for(base + "sigs/alpha/meetings/", "Meeting 001", TIMEOUT)
        (community / "sigs/beta/meetings").mkdir()
        (community / "sigs/beta/meetings/001-20211007.md").write_text(
            "# Thursday October 7, 2021 at 15:00 GMT+8\n\n## Agenda\n* Dataset licence review\n", "utf-8"
        )
        wait_for(base + "sigs/beta/meetings/001-20211007/", "Dataset licence review", TIMEOUT)
    assert serve_folders() <= before
