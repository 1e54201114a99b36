"""What cookieprefs costs a Django worker per request: the example portal's
home page (examples/django_site) rendered through Django's WSGI handler,
without cookieprefs and with it (valid cookie, banner hidden; no cookie,
banner shown), in pyperf runs of the worker thread's CPU time
(scripts/bench-django.sh).

"Without cookieprefs" is the same site and template with the cookieprefs
middleware and context processor removed and the ``cookieprefs`` template
library replaced by bench_noop_tags: no banner, no Consent Mode, and the
gated scripts and embed rendered for everyone, as on a site that asks
nobody. Run with DEBUG off (the shipped templates' renderings are cached
then, as Django caches its templates)."""

from __future__ import annotations

import io
import os
import pathlib
import sys
import time

import pyperf

SITE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "django_site"
sys.path.insert(0, str(SITE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_example.settings")
os.environ["DJANGO_DEBUG"] = "0"
# "--without": the baseline; pyperf passes the flag on to its workers.
VARIANT = "without" if "--without" in sys.argv else "with"

import django  # noqa: E402
from django.conf import settings  # noqa: E402

if VARIANT == "without":
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("cookieprefs.")]
    options = settings.TEMPLATES[0]["OPTIONS"]
    options["context_processors"] = [p for p in options["context_processors"] if not p.startswith("cookieprefs.")]
    options["libraries"] = {"cookieprefs": "bench_noop_tags"}
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

import cookieprefs  # noqa: E402
from cookieprefs.django import conf  # noqa: E402

HANDLER = WSGIHandler()
POLICY = conf.get_policy()
# A returning visitor: statistics granted, the rest refused, today; plus the
# cookies a Django portal sends on every request.
VALID = POLICY.evaluate(None).choose(["statistics"]).encode()
ALL = POLICY.evaluate(None).accept_all().encode()
CSRF = "csrftoken=" + "a" * 32
HEADERS = {
    # banner hidden: statistics granted, the rest refused (the video shows its placeholder)
    "hidden": f"{CSRF}; django_language=fr; cookies_preferences={VALID}",
    # banner hidden: everything granted (every gated block renders as on the baseline)
    "hidden-all": f"{CSRF}; django_language=fr; cookies_preferences={ALL}",
    # banner shown: no choice yet
    "shown": f"{CSRF}; django_language=fr",
}


def environ(cookie: str) -> dict[str, object]:
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/", "SCRIPT_NAME": "", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000", "HTTP_COOKIE": cookie, "HTTP_ACCEPT_LANGUAGE": "fr",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
        "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False, "wsgi.version": (1, 0),
    }


def request(cookie: str) -> bytes:
    status: list[str] = []
    body = b"".join(HANDLER(environ(cookie), lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), status
    return body


def check() -> None:
    hidden, shown = request(HEADERS["hidden"]), request(HEADERS["shown"])
    if VARIANT == "with":
        assert b"cookieprefs-banner" not in hidden and b"statistics-script" in hidden
        assert b"cookieprefs-banner" in shown
    else:
        assert b"cookieprefs-banner" not in shown and b"statistics-script" in shown


def main() -> None:
    def pass_on(cmd: list[str], args: object) -> None:
        if VARIANT == "without":
            cmd.append("--without")

    runner = pyperf.Runner(add_cmdline_args=pass_on)
    runner.argparser.add_argument("--without", action="store_true", help="the site without cookieprefs")
    check()
    for state, cookie in HEADERS.items():
        runner.bench_time_func(f"home page, {state}: {VARIANT} cookieprefs", cpu_time, cookie)


def cpu_time(loops: int, cookie: str) -> float:
    """The worker thread's CPU time for ``loops`` requests: what a request
    costs the worker, and far less sensitive than wall time to the other
    processes of a shared machine."""
    start = time.thread_time()
    for _ in range(loops):
        request(cookie)
    return time.thread_time() - start


def count(n: int) -> None:
    """``--requests N hidden|hidden-all|shown``: N requests and nothing else, for an
    instruction count under callgrind (scripts/bench-django.sh runs two
    counts and takes the difference, so that start-up cancels out)."""
    check()
    cookie = HEADERS[sys.argv[sys.argv.index("--requests") + 2]]
    for _ in range(n):
        request(cookie)


if __name__ == "__main__":
    _ = cookieprefs.__version__
    if "--requests" in sys.argv:
        count(int(sys.argv[sys.argv.index("--requests") + 1]))
    else:
        main()
