"""The browser tests find a browser Playwright can drive: Debian's, the runner's Chrome, or a set one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from browser_support import BROWSERS, _is_snap_wrapper, find_browser
from conftest import PROJECT


def test_a_snap_wrapper_is_recognized(tmp_path):
    wrapper = tmp_path / "chromium"
    wrapper.write_text('#!/bin/sh\nexec /snap/bin/chromium "$@"\n', "utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    assert _is_snap_wrapper(wrapper)
    binary = tmp_path / "chrome"
    binary.write_bytes(b"\x7fELF" + bytes(64))
    assert not _is_snap_wrapper(binary)


def test_the_environment_variable_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SIGSITE_BROWSER", str(tmp_path / "my-chrome"))
    assert find_browser() == tmp_path / "my-chrome"


def test_debians_chromium_comes_first_and_chrome_is_a_fallback(monkeypatch):
    monkeypatch.delenv("SIGSITE_BROWSER", raising=False)
    assert [str(p) for p in BROWSERS[:2]] == ["/usr/bin/chromium", "/usr/bin/google-chrome"]
    found = find_browser()
    assert found is None or found in BROWSERS


def test_a_configured_browser_that_is_missing_fails_in_ci(tmp_path):
    env = {**os.environ, "CI": "true", "SIGSITE_BROWSER": str(tmp_path / "nothing")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_browser.py::test_search_finds_pages",
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"no browser at SIGSITE_BROWSER={tmp_path / 'nothing'}" in result.stdout
