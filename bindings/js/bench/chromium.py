"""The timings in headless Chromium: serves bindings/js on 127.0.0.1, opens
bench/bench.html, prints what it measured. Run with the venv of
scripts/test-js.sh (Playwright for Python, Debian's /usr/bin/chromium):

    .venv/bin/python bindings/js/bench/chromium.py
"""

import functools
import http.server
import pathlib
import threading

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(ROOT)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        results = {}
        for build in ("page", "full"):  # a fresh page each (bench.mjs says why)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/bench/bench.html?build={build}")
            page.wait_for_function("window.results !== undefined", timeout=300_000)
            results[build] = page.evaluate("window.results")
            page.close()
        print(f"Chromium {browser.version}")
        print(f"{'':42} {'full':>10} {'page':>10}")
        for name in dict.fromkeys([*results["full"], *results["page"]]):
            cells = [f"{results[b][name]:.0f} ns" if name in results[b] else "" for b in ("full", "page")]
            print(f"{name:42} {cells[0]:>10} {cells[1]:>10}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
