"""`digest serve`: build into a preview folder, serve it, rebuild and reload on every change.

Security, since every web page the editor visits can reach a preview server:
it binds to 127.0.0.1 unless told otherwise; requests with a foreign Host
header get 403 (DNS rebinding); the live-reload WebSocket refuses foreign
Origins; no file outside the preview folder, and no hidden file, is ever
served. The live-reload script is added to responses only, never to files.
"""
from __future__ import annotations

import errno
import gc
import html
import json
import mimetypes
import os
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import ioloop, web

from digest.assemble import EMAIL_HTML, Site
from digest.build import build
from digest.config import SiteConfig, load_config
from digest.errors import DigestError, UsageError
from digest.preview.live import LiveSite
from digest.preview.watch import Rebuilder
from digest.render import Strings
from digest.state import say_waiting
from digest.themes import default_theme_dir, theme_dirs

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")


@dataclass(slots=True)
class Preview:
    """What the server and the rebuild thread share (guarded by `lock`)."""

    site: Path
    folder: Path
    base_path: str
    allowed_hosts: frozenset[str]
    errors: tuple[str, ...] = ()
    live: LiveSite | None = None   # the last good site, in memory, for fast edits
    email: str = ""                # the latest edition's email page, relative to the site root
    email_label: str = ""          # its link's words, in the site's language
    sockets: set[Any] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    loop: ioloop.IOLoop | None = None

    def notify(self, url_path: str) -> None:
        """Tell every connected browser to reload `url_path` (a URL path, never a file path)."""
        message = {"command": "reload", "path": url_path, "liveCSS": True, "liveImg": True}
        if self.loop:
            self.loop.add_callback(self._send, message)

    def _send(self, message: dict[str, Any]) -> None:
        for socket_ in list(self.sockets):
            try:
                socket_.write_message(message)
            except Exception:  # a browser gone mid-send: forget it
                self.sockets.discard(socket_)


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host headers the preview answers: the bound host and loopback names, with the port."""
    names = {host.lower(), *LOOPBACK}
    if ":" in host and not host.startswith("["):
        names.add(f"[{host.lower()}]")
    if host in ("0.0.0.0", "::"):
        names.add(socket.gethostname().lower())
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= names
    return frozenset(hosts)


class _Guarded:
    """Refuse requests addressed to another host name: a DNS-rebinding page cannot read the preview."""

    preview: Preview

    def prepare(self) -> None:
        if self.request.host.lower() not in self.preview.allowed_hosts:  # type: ignore[attr-defined]
            raise web.HTTPError(403)


class ReloadSocket(_Guarded, LiveReloadHandler):
    """livereload's protocol, but with this preview's browsers only and same-origin pages only."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def check_origin(self, origin: str) -> bool:
        return urlsplit(origin).netloc.lower() in self.preview.allowed_hosts

    def on_message(self, message: str | bytes) -> None:
        try:
            command = json.loads(message).get("command")
        except (ValueError, AttributeError):
            return
        if command == "hello":
            self.send_message({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"],
                               "serverName": "digest"})
        elif command == "info":
            self.preview.sockets.add(self)

    def on_close(self) -> None:
        self.preview.sockets.discard(self)


class ReloadScript(_Guarded, LiveReloadJSHandler):
    def initialize(self, preview: Preview) -> None:
        self.preview = preview


class PageHandler(_Guarded, web.RequestHandler):
    """Files of the preview folder; HTML gets the reload script and, after a failed build, the errors."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def head(self, _: str) -> None:
        self.get(_)

    def get(self, _: str) -> None:
        raw = self.request.path
        if any(bad in raw.lower() for bad in ("\\", "%5c", "%00", "%2f", "\0")):
            raise web.HTTPError(400)
        path = unquote(raw)
        if path == "/" and self.preview.base_path != "/":
            return self.redirect(self.preview.base_path)
        if not path.startswith(self.preview.base_path):
            return self._not_found()
        parts = [p for p in path[len(self.preview.base_path):].split("/") if p]
        if any(p.startswith(".") for p in parts):
            return self._not_found()  # .., ., dotfiles and hidden folders do not exist here
        root = self.preview.folder.resolve()
        target = root.joinpath(*parts)
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(raw + "/")
            target = target / "index.html"
        real = target.resolve()
        if not real.is_relative_to(root):
            raise web.HTTPError(403)  # a link pointing out of the folder
        if not real.is_file():
            return self._not_found()
        self._send_file(real)

    def _not_found(self) -> None:
        self.set_status(404)
        page = self.preview.folder / "404.html"
        if page.is_file():
            self._send_file(page.resolve())
        else:
            self._send_html(b"<!DOCTYPE html><html><head><title>Not found</title></head><body>"
                            b"<h1>Not found</h1></body></html>")

    def _send_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:  # replaced by a rebuild between the check and the read
            raise web.HTTPError(404) from None
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind == "text/html":
            return self._send_html(data)
        self.set_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith("xml") else ""))
        self.set_header("Cache-Control", "no-store")
        self.finish(data)

    def _send_html(self, data: bytes) -> None:
        port = self.request.host.rsplit(":", 1)[-1] if ":" in self.request.host else "80"
        script = f'<script src="/livereload.js?port={int(port) if port.isdigit() else 80}"></script>'.encode()
        data = data.replace(b"</head>", script + b"</head>", 1) if b"</head>" in data else script + data
        if self.preview.email and not self.request.path.endswith("/email.html"):
            data = _at_body_end(data, email_link(self.preview))
        errors = self.preview.errors
        if errors:
            data = _at_body_end(data, error_banner(errors))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(data)


def _at_body_end(data: bytes, html_: bytes) -> bytes:
    return data.replace(b"</body>", html_ + b"</body>", 1) if b"</body>" in data else data + html_


def email_link(preview: Preview) -> bytes:
    """The way to the latest edition's email, on every page of the preview (never in output/):
    the curator checks it before a newsletter service sends it."""
    href = html.escape(preview.base_path + preview.email)
    return (f'<a id="digest-email-preview" href="{href}" style="position:fixed;right:1rem;bottom:1rem;'
            "z-index:2147483646;padding:.5rem .9rem;border-radius:2rem;background:#1d3f8f;color:#fff;"
            'font:600 14px/1.3 system-ui,sans-serif;text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.35)">'
            f"{html.escape(preview.email_label)}</a>").encode()


def latest_email(site: Site | None) -> str:
    """The email page of the latest edition (as the editions feed lists them, newest first)."""
    for page in site.pages if site else ():
        if page.kind == "editions":
            editions = page.context["editions"]
            return editions[0]["day_url"] + EMAIL_HTML if editions else ""
    return ""


def error_banner(errors: tuple[str, ...]) -> bytes:
    """The failed build's errors over the last good page, escaped, until the next good build."""
    lines = "\n".join(html.escape(e) for e in errors)
    return (
        '<div id="digest-build-error" role="alert" style="position:fixed;inset:auto 0 0 0;z-index:2147483647;'
        "max-height:50vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#7f1d1d;color:#fff;"
        'font:14px/1.5 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.4)">'
        "<strong>digest: the build failed; this is the last good build.</strong>"
        f'<pre style="white-space:pre-wrap;margin:.5rem 0 0">{lines}</pre></div>'
    ).encode()


def make_app(preview: Preview) -> web.Application:
    args = {"preview": preview}
    return web.Application([
        (r"/livereload", ReloadSocket, args),
        (r"/livereload\.js", ReloadScript, args),
        (r"(.*)", PageHandler, args),
    ], debug=False, autoreload=False, compress_response=False)


def rebuild(preview: Preview, drafts: bool, changed: set[str]) -> set[str]:
    """Bring the preview up to date with `changed` files; keep the last good site on failure.

    An edit to articles' words re-renders just the pages that show them, and a
    stylesheet edit only copies files; anything else is a full (incremental) build.
    """
    started = time.perf_counter()
    written: set[str] = set()
    css_only = False
    try:
        config = load_config(preview.site)
        # after a failed build only a full build can tell whether the site builds again
        kind = _kind_of_change(config, changed) if preview.live and not preview.errors else "full"
        done = None
        if kind == "articles" and preview.live:
            done = preview.live.update_articles(sorted(Path(p) for p in changed))
        elif kind == "static" and preview.live:
            done = preview.live.update_static()
            css_only = all(p.endswith(".css") for p in changed)
        if done is None:
            preview.live = None  # the old site goes before the new one is made: one site in memory, not two
            report = build(config, drafts=drafts, output=preview.folder, always=True, on_wait=say_waiting)
            preview.live = LiveSite.of(report.site, preview.folder) if report.site else None
            preview.email = latest_email(report.site)
            preview.email_label = Strings.load(config).text("email_preview", config.language)
            written = {str(p) for p in report.ingest.written + report.ingest.removed + report.moved}
            for warning in report.warnings:
                print(warning.format(), file=sys.stderr)
            summary = report.summary()
            _give_back_memory()
        else:
            summary = f"{len(done)} files updated"
        errors: tuple[str, ...] = ()
        print(f"rebuilt in {time.perf_counter() - started:.3f} s: {summary}", flush=True)
    except DigestError as exc:
        errors = tuple(p.format() for p in exc.problems)
        print("\n".join(errors), file=sys.stderr, flush=True)
    except Exception as exc:  # a bug must not take the preview down; say it and keep serving
        errors = (f"internal error while building: {exc!r} (please report it)",)
        print(errors[0], file=sys.stderr, flush=True)
    with preview.lock:
        had_errors, preview.errors = preview.errors, errors
    styles = css_only and not errors and not had_errors
    preview.notify(preview.base_path + "static/style.css" if styles else preview.base_path)
    return written


def _give_back_memory() -> None:
    """Hand the memory the last site freed back to the system (glibc keeps it otherwise, and
    a day of full rebuilds would look like a leak); nothing elsewhere."""
    if sys.platform == "linux":
        import ctypes

        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass


def _kind_of_change(config: SiteConfig, changed: set[str]) -> str:
    """'articles' (only Markdown articles), 'static' (only theme static files) or 'full'."""
    if not changed:
        return "full"
    articles = str(config.articles_dir) + os.sep
    if all(p.startswith(articles) and p.endswith(".md") for p in changed):
        return "articles"
    statics = [str(d / "static") + os.sep for d in theme_dirs(config)]
    if all(any(p.startswith(s) for s in statics) and os.path.isfile(p) for p in changed):
        return "static"
    return "full"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while the first build makes the whole site (see cli.command)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def serve(site: Path, host: str, port: int, drafts: bool, open_browser: bool) -> int:
    """Run the preview until Ctrl-C."""
    config = load_config(site)
    preview = Preview(config.root, config.state_dir / "preview", urlsplit(config.base_url).path or "/",
                      allowed_hosts(host, port))
    if host not in LOOPBACK and host != "::1":
        print(f"warning: serving on {host}, reachable from other machines on the network", file=sys.stderr)
    with _collector_paused():  # no thread runs yet: the switch is this process's, and undone
        rebuild(preview, drafts, set())
    app = make_app(preview)
    try:
        server = app.listen(port, address=host)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} is in use (try --port {port + 1})") from None
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    loop = ioloop.IOLoop.current()
    preview.loop = loop
    roots = [config.root / "content", config.root / "themes", config.root / "site.yaml", default_theme_dir()]
    watcher = Rebuilder(roots, lambda changed: rebuild(preview, drafts, changed))
    thread = threading.Thread(target=watcher.run, name="digest-watch", daemon=True)
    try:
        watcher.start()
        thread.start()
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}{preview.base_path}"
        print(f"serving {url} (Ctrl-C to stop)", flush=True)
        if open_browser:
            webbrowser.open(url)
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop.set()
        server.stop()
        if thread.is_alive():
            thread.join(timeout=5)
    print("stopped")
    return 0
