"""Serve a built site on 127.0.0.1 as a static host does: gzip for text, the site's 404 page.

python benchmarks/serve.py SITE_DIR PORT
"""

from __future__ import annotations

import gzip
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


class StaticHostHandler(SimpleHTTPRequestHandler):
    """GET with gzip (GitHub Pages compresses text too) and a 404 page."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSIBLE)
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


if __name__ == "__main__":
    site, port = sys.argv[1], int(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", port), partial(StaticHostHandler, directory=site)).serve_forever()
