"""Servers the tests and benchmarks start: a free port, a static host, `mkdocs serve`, and waiting
for a page to show a text. One copy, imported by tests/ and benchmarks/ alike."""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 30) -> str:
    """The page's text; empty while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 60, interval: float = 0.05) -> float:
    """Seconds until the page at `url` holds `text`; TimeoutError after `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in fetch(url):
            return time.monotonic() - started
        time.sleep(interval)
    raise TimeoutError(f"{url} never showed {text!r} in {timeout:.0f} s")


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with the site's own 404 page, as a static host serves them."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def static_host(site: Path, port: int) -> Iterator[str]:
    """Serve the built `site` at http://127.0.0.1:port/ for the duration of the block."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def mkdocs_serve(config_file: Path, port: int, env: dict[str, str] | None = None) -> Iterator[str]:
    """`mkdocs serve -f config_file` at http://127.0.0.1:port/ (the site's and the hub's address set
    to it), stopped with Ctrl+C (SIGINT) as a maintainer stops it, so MkDocs removes its temporary site."""
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **QUIET_MKDOCS, "SIGSITE_SITE_URL": base, "SIGSITE_HUB_URL": base, **(env or {})},
    )
    try:
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
