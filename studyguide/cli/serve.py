"""Serving the built book on this machine, compressed as GitHub Pages serves it.

``python -m studyguide serve`` is for reading the book locally; the page-weight
tool, the tests and the benchmarks use :func:`serve` so that what they measure is
what a reader of the published site downloads.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map", ".ipynb"}


class BookHandler(SimpleHTTPRequestHandler):
    """Static files, with text files gzipped for clients that accept it (as GitHub Pages does)."""

    def log_message(self, *args):  # quiet: tests and benchmarks print their own figures
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def server(folder: Path, port: int = 0) -> ThreadingHTTPServer:
    """A server for ``folder`` on 127.0.0.1 (``port`` 0: any free port)."""
    return ThreadingHTTPServer(("127.0.0.1", port), partial(BookHandler, directory=str(folder)))


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` in a background thread for the duration of the block; yield its base URL."""
    httpd = server(folder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def pages(html: Path) -> list[str]:
    """Every page of a built book, relative to its folder (not the theme's ``_static`` fragments)."""
    html = Path(html)
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.relative_to(html).parts)
