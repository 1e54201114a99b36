"""Browser tests of client mode: the Django site of client_site/ (per-site
cache on, COOKIEPREFS_CLIENT_MODE on) served from this process on
127.0.0.1, driven in Debian's headless Chromium by Playwright for Python,
with axe-core (bindings/js/node_modules, npm ci) injected for the
accessibility check. The same set-up as the Django browser suite.

Environment: CHROMIUM (default /usr/bin/chromium)."""

from __future__ import annotations

import datetime
import os
import pathlib
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

HERE = pathlib.Path(__file__).resolve().parent
AXE = HERE.parents[1] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

sys.path.insert(0, str(HERE))
os.environ["DJANGO_SETTINGS_MODULE"] = "client_site.settings"

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

import cookieprefs  # noqa: E402
from cookieprefs.django import client, conf  # noqa: E402,F401 (client: registers its system check)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        pass


class Site:
    """The client-mode site on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        call_command("check", fail_level="ERROR")  # the module is built (cookieprefs.E101)
        self.server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        self.server.set_app(WSGIHandler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.stop()


def cookie_value(choice: str) -> str:
    """The value the site's policy gives "accept all" or "reject all" today."""
    ev = conf.get_policy().evaluate(None, today=datetime.datetime.now(datetime.timezone.utc).date())
    prefs = ev.accept_all() if choice == "accept_all" else ev.reject_all()
    return prefs.encode()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    options: dict[str, Any] = {"viewport": {"width": 1024, "height": 768}, "locale": "en-GB"}
    marker = request.node.get_closest_marker("context")
    if marker is not None:
        options.update(marker.kwargs)
    ctx = browser.new_context(**options)
    ctx.set_default_timeout(5000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    p.js_errors = errors  # type: ignore[attr-defined]
    yield p
    assert errors == [], errors


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "context(**options): options of the test's browser context")


__all__ = ["AXE", "WCAG_21_AA", "cookie_value", "cookieprefs"]
