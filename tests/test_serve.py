"""`mkdocs serve` rebuilds when a meeting note or the members file changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import make_project

TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def serve_folders() -> set[Path]:
    """The temporary folders `mkdocs serve` builds into."""
    return set(Path(tempfile.gettempdir()).glob("mkdocs_*"))


@pytest.fixture
def server(tmp_path):
    before = serve_folders()
    project = make_project(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(project / "mkdocs.yml"),
            "-a",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SIGSITE_SITE_URL": f"http://127.0.0.1:{port}/"},
    )
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
        process.wait(timeout=10)
    assert serve_folders() <= before, "mkdocs serve left its temporary site behind"


def test_new_meeting_and_new_member_rebuild_the_site(server):
    project, base = server
    assert wait_for(base + "meetings/", "Meeting 004"), "the site was never served"
    (project / "meetings" / "005-20201009.md").write_text(
        "# Friday October 9, 2020 at 15:00 GMT+8\n\n## Agenda\n* Federated learning roadmap\n", "utf-8"
    )
    assert wait_for(base + "meetings/", "Federated learning roadmap")
    assert wait_for(base + "meetings/005-20201009/", "Federated learning roadmap")
    members = project / "sig_members.yaml"
    members.write_text(
        members.read_text("utf-8")
        + "\nContributors:\n- name: Rice Zhang\n  gitee_home: https://gitee.com/hu2175\n",
        "utf-8",
    )
    assert wait_for(base + "members/", "Rice Zhang")


def test_live_reload_runs_under_the_content_security_policy(server):
    """`mkdocs serve` injects an inline script; the preview's policy lets it reload the page."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    project, base = server
    assert wait_for(base + "meetings/", "Meeting 004"), "the site was never served"
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
