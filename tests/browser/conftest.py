"""The browser suite: the example site (examples/django_site) on a live
server on 127.0.0.1, driven in Debian's headless Chromium by Playwright for
Python, with axe-core injected for the accessibility checks.

Environment: CHROMIUM (default /usr/bin/chromium), BROWSER_SCREENSHOTS (the
folder for screenshots; default target/browser-screenshots at the repo root)."""

from __future__ import annotations

import json
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
SITE = REPO / "examples" / "django_site"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = pathlib.Path(os.environ.get("BROWSER_SCREENSHOTS", REPO / "target" / "browser-screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Site:
    """One example-site server: ``url`` on 127.0.0.1; its third-party embed
    is served from ``embed_origin`` (localhost: another origin and site)."""

    def __init__(self, policy_file: pathlib.Path | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.embed_origin = f"http://localhost:{self.port}"
        env = {**os.environ, "DJANGO_DEBUG": "1", "EXAMPLE_EMBED_ORIGIN": self.embed_origin, "PYTHONUNBUFFERED": "1"}
        if policy_file is not None:
            env["EXAMPLE_POLICY_FILE"] = str(policy_file)
        self.log = open(SCREENSHOTS / f"server-{self.port}.log", "w")  # noqa: SIM115 (closed in stop)
        # A database of its own for the consent records (a new file per server).
        env["EXAMPLE_DATABASE"] = str(SCREENSHOTS / f"records-{self.port}.sqlite3")
        subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=SITE, env=env,
                       stdout=self.log, stderr=subprocess.STDOUT, check=True)
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=SITE, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/cookies/policy/", timeout=2).read()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the example site did not start: see {self.log.name}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture(scope="session", autouse=True)
def screenshots() -> pathlib.Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS


@pytest.fixture(scope="session")
def site(screenshots: pathlib.Path) -> Iterator[Site]:
    s = Site()
    yield s
    s.stop()


def example_policy() -> dict[str, Any]:
    """The policy file the example site loads (see its settings)."""
    return json.loads((REPO / "examples" / "policies" / "opendatasoft-portal.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def revised_site(screenshots: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The example site after a policy revision that adds a category."""
    policy = example_policy()
    revision = policy.get("revision", 0) + 1
    policy["revision"] = revision
    policy["categories"] = [*policy.get("categories", [
        {"id": 1, "name": "statistics"}, {"id": 2, "name": "first_party"}, {"id": 3, "name": "third_party"}]),
        {"id": 16, "name": "maps", "since_revision": revision,
         "label": {"fr": "Cartes interactives", "en": "Interactive maps"},
         "description": {"fr": "Fonds de carte servis par un fournisseur de cartes, qui dépose ses propres cookies.",
                         "en": "Base maps served by a map provider, which sets its own cookies."}}]
    path = tmp_path_factory.mktemp("policy") / "revised.json"
    path.write_text(json.dumps(policy, ensure_ascii=False), encoding="utf-8")
    s = Site(path)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    options: dict[str, Any] = {"viewport": {"width": 1024, "height": 768}, "locale": "fr-FR"}
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
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.js_errors = errors  # type: ignore[attr-defined]
    yield p


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "context(**options): options of the test's browser context")
