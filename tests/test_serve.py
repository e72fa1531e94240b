"""`digest serve`: rebuilds on edits, survives bad edits, and serves nothing it should not."""
from __future__ import annotations

import asyncio
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tornado import httpclient, httpserver, ioloop, netutil, websocket

from digest.preview.serve import Preview, allowed_hosts, make_app, rebuild
from digest.preview.watch import Rebuilder
from tests.conftest import raw_article, write_site


def make_site(root: Path) -> Path:
    return write_site(root, {"content/raw/a.txt": raw_article("First story"),
                             "content/raw/b.txt": raw_article("Second story", "2025-03-27",
                                                              posted="Posted March 27, 2025 9:00 am.")})


def preview_for(site: Path, port: int = 8000) -> Preview:
    from digest.config import load_config
    config = load_config(site)
    return Preview(config.root, config.state_dir / "preview", "/", allowed_hosts("127.0.0.1", port))


# --- edit and rebuild, without sockets -----------------------------------------------

@pytest.fixture
def watched(tmp_path):
    site = make_site(tmp_path / "site")
    preview = preview_for(site)
    rebuild(preview, False, set())
    watcher = Rebuilder([site / "content", site / "themes", site / "site.yaml"],
                        lambda changed: rebuild(preview, False, changed))
    (site / "themes").mkdir(exist_ok=True)
    watcher.start()
    return site, preview, watcher


def page(preview: Preview, rel: str) -> str:
    return (preview.folder / rel).read_text()


def save(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))  # a new mtime even within one tick


def test_markdown_edit_is_rebuilt(watched):
    site, preview, watcher = watched
    assert not watcher.poll_once()  # nothing changed, nothing built
    md = site / "content/articles/2025/03/28-first-story.md"
    save(md, md.read_text().replace("Officials said more was coming.", "Officials said the edit shows."))
    assert watcher.poll_once()
    assert "Officials said the edit shows." in page(preview, "2025/03/28/first-story/index.html")
    assert not watcher.poll_once()  # ingest's own writes do not trigger another build


def test_new_raw_file_becomes_a_page(watched):
    site, preview, watcher = watched
    save(site / "content/raw/c.txt", raw_article("Third story", "2025-03-29", posted="Posted March 29, 2025 8:00 am."))
    assert watcher.poll_once()
    assert "Third story" in page(preview, "index.html")
    assert (site / "content/articles/2025/03/29-third-story.md").is_file()
    assert not watcher.poll_once()


def test_template_edit_is_rebuilt(watched):
    site, preview, watcher = watched
    save(site / "themes/default/templates/404.html", "{% extends 'base.html' %}{% block main %}<h1>Gone fishing</h1>{% endblock %}")
    assert watcher.poll_once()
    assert "Gone fishing" in page(preview, "404.html")


def test_broken_edit_keeps_last_good_site_then_fix(watched):
    site, preview, watcher = watched
    good = page(preview, "2025/03/28/first-story/index.html")
    md = site / "content/articles/2025/03/28-first-story.md"
    original = md.read_text()
    save(md, original.replace("topic: general", "topic: nosuch").replace("topic: trade", "topic: nosuch"))
    assert watcher.poll_once()
    assert preview.errors and "unknown topic 'nosuch'" in preview.errors[0]
    assert page(preview, "2025/03/28/first-story/index.html") == good
    save(md, original)
    assert watcher.poll_once()
    assert preview.errors == ()


def test_changes_during_a_build_make_one_more_build(tmp_path):
    site = make_site(tmp_path / "site")
    builds = []

    def slow_build(changed):
        builds.append(sorted(Path(p).name for p in changed))
        if len(builds) == 1:  # the curator saves again while the first build runs
            save(site / "content/raw/c.txt", raw_article("Late"))
            save(site / "content/raw/d.txt", raw_article("Later"))
        return set()

    watcher = Rebuilder([site / "content"], slow_build)
    watcher.start()
    save(site / "content/raw/a.txt", raw_article("Edited"))
    assert watcher.poll_once() and watcher.poll_once() and not watcher.poll_once()
    assert builds == [["a.txt"], ["c.txt", "d.txt"]]


def test_preview_never_touches_output_and_files_have_no_reload_script(tmp_path):
    site = make_site(tmp_path / "site")
    md = site / "content/articles/2025/03/28-secret.md"
    preview = preview_for(site)
    rebuild(preview, True, set())
    md.write_text((site / "content/articles/2025/03/28-first-story.md").read_text()
                  .replace("slug: first-story", "slug: secret").replace("draft: false", "draft: true"))
    rebuild(preview, True, set())
    assert (preview.folder / "2025/03/28/secret/index.html").is_file()
    assert not (site / "output").exists()
    assert not any(b"livereload" in p.read_bytes() for p in preview.folder.rglob("*.html"))


# --- HTTP -----------------------------------------------------------------------------

@pytest.fixture
def server(tmp_path):
    """A preview server on a free port, in its own thread and event loop."""
    site = make_site(tmp_path / "site")
    (tmp_path / "sentinel.txt").write_text("SENTINEL-OUTSIDE")
    (site / "secret.txt").write_text("SENTINEL-SITE")
    sock = netutil.bind_sockets(0, "127.0.0.1")[0]
    port = sock.getsockname()[1]
    preview = preview_for(site, port)
    rebuild(preview, False, set())
    (preview.folder / ".hidden").write_text("SENTINEL-DOTFILE")
    (preview.folder / "out-link").symlink_to(tmp_path / "sentinel.txt")
    (preview.folder / "out-dir").symlink_to(tmp_path, target_is_directory=True)
    started = threading.Event()
    holder = {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        loop = ioloop.IOLoop.current()
        preview.loop = loop
        srv = httpserver.HTTPServer(make_app(preview))
        srv.add_sockets([sock])
        holder.update(loop=loop, srv=srv)
        started.set()
        loop.start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(5)
    yield port, preview, tmp_path
    holder["loop"].add_callback(holder["loop"].stop)
    thread.join(5)


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
    conn.endheaders()
    response = conn.getresponse()
    return response.status, response.read()


HOSTILE = [
    "/../sentinel.txt", "/../../sentinel.txt", "/..%2fsentinel.txt", "/%2e%2e/sentinel.txt",
    "/%2e%2e%2fsentinel.txt", "/%2E%2E/%2E%2E/sentinel.txt", "/..%5csentinel.txt", "/..\\sentinel.txt",
    "/%5c..%5csentinel.txt", "//etc/passwd", "/%2fetc%2fpasswd", "/etc/passwd", "/static/../../sentinel.txt",
    "/static/%2e%2e/%2e%2e/sentinel.txt", "/%00", "/index.html%00.txt", "/.hidden", "/%2ehidden",
    "/out-link", "/out-dir/sentinel.txt", "/out-dir/site/secret.txt", "/.digest/ingest.json",
    "/../site/secret.txt", "/../.digest/ingest.json", "/%252e%252e/sentinel.txt", "/....//sentinel.txt",
    "/static/.%2e/.%2e/sentinel.txt", "/C:%5cWindows", "/" + "a/" * 200 + "x",
]


@pytest.mark.parametrize("path", HOSTILE)
def test_hostile_paths_get_4xx_and_nothing_outside(server, path):
    port, _, _ = server
    status, body = get(port, path)
    assert 400 <= status < 500, (path, status)
    assert b"SENTINEL" not in body


def test_pages_are_served_with_the_reload_script_and_404(server):
    port, preview, _ = server
    status, body = get(port, "/")
    assert status == 200 and b'<script src="/livereload.js?port=' in body
    assert get(port, "/2025/03/28/first-story/")[0] == 200
    status, _ = get(port, "/2025/03/28/first-story")
    assert status == 302
    status, body = get(port, "/no/such/page/")
    assert status == 404 and b"Page not found" in body
    assert get(port, "/static/style.css")[0] == 200
    assert get(port, "/livereload.js")[0] == 200


def test_every_preview_page_links_the_latest_editions_email(server):
    port, preview, _ = server
    for path in ("/", "/2025/03/27/", "/2025/03/28/first-story/"):
        status, body = get(port, path)
        link = re.search(rb'<a id="digest-email-preview" href="([^"]+)"', body)
        assert status == 200 and link and link.group(1) == b"/2025/03/28/email.html", path
    status, body = get(port, "/2025/03/28/email.html")
    assert status == 200 and b"First story" in body and b"digest-email-preview" not in body
    assert b"digest-email-preview" not in (preview.folder / "index.html").read_bytes()  # the files stay clean


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1:{port}", True), ("localhost:{port}", True), ("[::1]:{port}", True),
    ("evil.example:{port}", False), ("evil.example", False), ("127.0.0.1:1", False),
    ("localhost.evil.example:{port}", False), ("", False),
])
def test_foreign_host_header_is_refused(server, host, allowed):
    port, _, _ = server
    status, _ = get(port, "/", host.format(port=port))
    assert (status == 200) == allowed and (allowed or status in (400, 403))


def test_websocket_refuses_foreign_origin(server):
    port, _, _ = server

    async def connect(origin):
        request = httpclient.HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers={"Origin": origin})
        try:
            conn = await websocket.websocket_connect(request)
        except httpclient.HTTPClientError as exc:
            return exc.code
        conn.close()
        return 101

    assert asyncio.run(connect(f"http://127.0.0.1:{port}")) == 101
    assert asyncio.run(connect("http://evil.example")) == 403
    assert asyncio.run(connect(f"http://evil.example:{port}")) == 403


def test_failed_build_shows_escaped_errors_over_last_good_page(server):
    port, preview, _ = server
    preview.errors = ("content/articles/x.md:3: unknown topic '<script>alert(1)</script>'",)
    status, body = get(port, "/")
    assert status == 200 and b'id="digest-build-error"' in body
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body and b"<script>alert(1)" not in body
    assert b"The Daily Digest" in body or b"Test Digest" in body


# --- the command ----------------------------------------------------------------------

def start_serve(site: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", str(port)], cwd=site,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_port_in_use_is_one_line(tmp_path):
    site = make_site(tmp_path / "site")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = start_serve(site, port)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.strip() == f"digest: port {port} is in use (try --port {port + 1})"


def test_ctrl_c_exits_cleanly(tmp_path):
    site = make_site(tmp_path / "site")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = start_serve(site, port)
    line = ""
    while "serving" not in line:
        line = proc.stdout.readline()
        assert line or proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err


def test_running_watcher_sees_edits_and_new_folders_at_once(tmp_path):
    site = make_site(tmp_path / "site")
    seen: list[set[str]] = []
    built = threading.Event()

    def record(changed):
        seen.append({Path(p).relative_to(site).as_posix() for p in changed})
        built.set()
        return set()

    watcher = Rebuilder([site / "content", site / "themes", site / "site.yaml"], record)
    watcher.start()
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert watcher.ready.wait(5)
        save(site / "content/raw/a.txt", raw_article("Edited"))
        assert built.wait(5) and seen[-1] == {"content/raw/a.txt"}
        built.clear()
        save(site / "themes/default/templates/404.html", "<h1>Lost</h1>")  # themes/ did not exist
        assert built.wait(5) and seen[-1] == {"themes/default/templates/404.html"}
        built.clear()
        save(site / "content/articles/2024/02/01-b.md", "---\ntitle: B\n---\n")  # two new folders deep
        assert built.wait(5) and seen[-1] == {"content/articles/2024/02/01-b.md"}
        built.clear()
        save(site / "content/articles/2024/02/01-b.md", "---\ntitle: B2\n---\n")  # and watched from then on
        assert built.wait(5) and seen[-1] == {"content/articles/2024/02/01-b.md"}
        built.clear()
        save(site / "content/raw/.a.txt.swp", "editor noise")
        assert not built.wait(0.6)
    finally:
        watcher.stop.set()
        thread.join(5)


def test_after_a_failed_build_every_change_gets_a_full_build(watched):
    site, preview, watcher = watched
    bad = site / "content/articles/2025/03/28-first-story.md"
    good = bad.read_text()
    save(bad, good.replace("topic:", "topic: nosuch\nold:"))
    assert watcher.poll_once() and preview.errors
    other = site / "content/articles/2025/03/27-second-story.md"
    save(other, other.read_text().replace("Officials said more was coming.", "A body edit elsewhere."))
    assert watcher.poll_once()
    assert preview.errors  # the site still does not build: the banner stays
    save(bad, good)
    assert watcher.poll_once() and preview.errors == ()
    assert "A body edit elsewhere." in page(preview, "2025/03/27/second-story/index.html")
