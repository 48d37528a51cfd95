"""Driving Debian's Chromium with Playwright: finding it, the shared browser, and opening a page
while recording console errors, failed and off-site requests and policy violations."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
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


VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class Visit:
    """What the browser saw while loading one page."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


# Runs before the page's own scripts (through the browser's protocol, not subject to the policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@contextmanager
def open_page(browser, base: str, path: str, viewport: str, *, violations_expected=False, **context_options):
    """A page loaded in a fresh browser context: (page, response, what the browser saw).

    Unless `violations_expected`, the Content-Security-Policy blocked nothing on any page the
    block opened.
    """
    context = browser.new_context(**VIEWPORTS[viewport], **context_options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    visit = Visit()

    def on_console(message):
        # The 404 page's own status is expected; anything else logged as an error is not.
        if message.type == "error" and message.location.get("url") != base + path:
            visit.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} {r.failure}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "data:", "blob:")) else visit.foreign.append(r.url),
    )

    def on_response(response):
        if response.status >= 400 and response.url != base + path:
            visit.failed.append(f"{response.url} {response.status}")

    page.on("response", on_response)
    response = page.goto(base + path, wait_until="networkidle")
    try:
        yield page, response, visit
        if not violations_expected and context_options.get("java_script_enabled", True):
            assert page.evaluate("window.__cspViolations") == [], "the page's own scripts were blocked"
    finally:
        context.close()


SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"


def assert_loads_cleanly(
    browser, base: str, path: str, viewport: str, *, status: int = 200, screenshot: str = ""
):
    """The page answers `status`, logs no error, loads everything from the site itself and nothing
    from anywhere else, and axe finds no WCAG 2.1 AA violation; `screenshot` names a full-page shot
    in test-artifacts/screenshots/."""
    from axe_playwright_python.sync_playwright import Axe

    with open_page(browser, base, path, viewport) as (page, response, visit):
        assert response.status == status
        assert visit.console_errors == []
        assert visit.failed == []
        assert visit.foreign == [], "requests must not leave 127.0.0.1"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{screenshot}-{viewport}.png"), full_page=True)
