"""Serving a built site on 127.0.0.1 and driving Debian's Chromium with Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BROWSER_VARIABLE = "SIGSITE_BROWSER"
# Where a Chromium that Playwright can drive is found, in order: Debian's package (this machine and
# CI's), then Google Chrome as GitHub's ubuntu-24.04 runners ship it. Ubuntu's `apt-get install
# chromium` installs a wrapper that starts the snap, which Playwright cannot drive reliably
# (actions/runner-images #12096): it is never picked.
BROWSERS = (Path("/usr/bin/chromium"), Path("/usr/bin/google-chrome"), Path("/opt/google/chrome/chrome"))


def _is_snap_wrapper(path: Path) -> bool:
    resolved = path.resolve()
    if "/snap/" in str(resolved):
        return True
    with resolved.open("rb") as handle:
        start = handle.read(4096)
    return start.startswith(b"#!") and b"snap" in start


def find_browser() -> Path | None:
    """The browser the tests drive: $SIGSITE_BROWSER when set, else the first of BROWSERS found."""
    configured = os.environ.get(BROWSER_VARIABLE)
    if configured:
        return Path(configured)
    return next((path for path in BROWSERS if path.is_file() and not _is_snap_wrapper(path)), None)


CHROMIUM = find_browser() or BROWSERS[0]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> None:
    """Skip on a machine without a browser to drive; in CI its absence is a failure."""
    if CHROMIUM.is_file():
        return
    where = (
        f"{BROWSER_VARIABLE}={CHROMIUM}"
        if os.environ.get(BROWSER_VARIABLE)
        else ", ".join(map(str, BROWSERS))
    )
    if os.environ.get("CI"):
        pytest.fail(f"no browser at {where}: .ci/run installs Debian's chromium with apt-get")
    pytest.skip(f"no browser at {where} (apt-get install chromium, or set {BROWSER_VARIABLE})")
