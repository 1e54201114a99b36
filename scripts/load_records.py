"""The client and the check of scripts/load-records.sh (run by it).

LOAD_CLIENTS threads (default 50) post LOAD_SAVES choices (default 10,000)
between them to the site's save view (LOAD_PATH: the example's shipped
`/cookies/save/`, asked for JSON, or the records test project's `/save/`;
DJANGO_SETTINGS_MODULE names the site's settings), each as a new
visitor (no cookie), over loopback; every response must be a 200 whose
Set-Cookie value decodes and carries a consent id. First, unless
LOAD_BASELINE=0, the same number of saves to the same view without the
consent id and the record, for comparison. Then, through Django's
ORM on the same database: exactly LOAD_SAVES records, LOAD_SAVES distinct
consent ids, and for every response the one record of its consent id,
holding the very cookie value that response set and the states that value
stores. Prints the figures; exits 1 on any failure."""

from __future__ import annotations

import collections
import http.client
import os
import random
import secrets
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bindings/python"))
sys.path.insert(0, str(ROOT / "examples/django_site"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.records_site.settings")
SAVE_PATH = os.environ.get("LOAD_PATH", "/save/")

import cookieprefs  # noqa: E402

PORT = int(os.environ["LOAD_PORT"])
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "50"))
SAVES = int(os.environ.get("LOAD_SAVES", "10000"))
CSRF = secrets.token_hex(16)  # a 32-character secret: cookie and header
CATEGORIES = ("statistics", "first_party", "third_party")


def body(rng: random.Random) -> bytes:
    kind = rng.random()
    fields: list[tuple[str, str]] = [("lang", rng.choice(("fr", "en", "fr-CA", "en-GB")))]
    if kind < 0.4:
        fields.append(("choice", "accept_all"))
    elif kind < 0.8:
        fields.append(("choice", "reject_all"))
    else:
        fields.append(("choice", "custom"))
        fields += [("category", c) for c in CATEGORIES if rng.random() < 0.5]
    if rng.random() < 0.25:
        fields.append(("source", "preferences_page"))
    return urllib.parse.urlencode(fields).encode()


def post(payload: bytes, path: str = SAVE_PATH) -> tuple[int, str | None, float]:
    """The status, the consent cookie's Set-Cookie header (of all the
    response's Set-Cookie headers) and the time taken."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        conn.request("POST", path, body=payload, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "Cookie": f"csrftoken={CSRF}",
            "X-CSRFToken": CSRF,
        })
        r = conn.getresponse()
        r.read()
        ours = [h for h in r.msg.get_all("Set-Cookie") or [] if h.startswith("cookies_preferences=")]
        return r.status, (ours[0] if ours else None), time.perf_counter() - start
    finally:
        conn.close()


def wait_for_server() -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            post(b"choice=nothing")  # a 400: nothing recorded
            return
        except OSError:
            if time.monotonic() > deadline:
                sys.exit("load-records: gunicorn did not start")
            time.sleep(0.2)


def run(path: str, with_id: bool) -> tuple[list[tuple[str, str]], collections.Counter[str]]:
    """SAVES posts to ``path`` from CLIENTS threads; prints the figures and
    returns (consent id, cookie value) per good response and the failures."""
    next_index = iter(range(SAVES))
    lock = threading.Lock()
    saved: list[tuple[str, str]] = []
    latencies: list[float] = []
    failures: collections.Counter[str] = collections.Counter()

    def client(n: int) -> None:
        rng = random.Random(n)
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            try:
                status, set_cookie, seconds = post(body(rng), path)
            except OSError as e:
                with lock:
                    failures[f"connection error: {type(e).__name__}"] += 1
                continue
            problem = None
            consent_id = None
            value = ""
            if status != 200:
                problem = f"status {status}"
            elif not set_cookie or not set_cookie.startswith("cookies_preferences="):
                problem = "no consent cookie"
            else:
                value = set_cookie.split(";", 1)[0].split("=", 1)[1]
                try:
                    consent_id = cookieprefs.decode(value).consent_id
                except cookieprefs.DecodeError:
                    problem = "undecodable cookie"
                else:
                    if with_id and consent_id is None:
                        problem = "cookie without a consent id"
            with lock:
                latencies.append(seconds)
                if problem:
                    failures[problem] += 1
                else:
                    saved.append((str(consent_id), value))

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    print(f"{path}: {len(latencies)} saves in {elapsed:.1f} s: {len(latencies) / elapsed:.0f} saves/s; "
          f"latency median {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms")
    for problem, n in failures.items():
        print(f"  FAILED responses: {problem}: {n}")
    return saved, failures


def main() -> int:
    wait_for_server()
    print(f"{CLIENTS} concurrent clients, {SAVES} saves per run, {os.environ.get('LOAD_WORKERS', '?')} gunicorn workers; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    baseline_failures: collections.Counter[str] = collections.Counter()
    if os.environ.get("LOAD_BASELINE", "1") != "0" and SAVE_PATH == "/save/":
        # The same view without the consent id and the record: what a save
        # costs before records.
        _, baseline_failures = run("/save-unrecorded/", with_id=False)
    saved, failures = run(SAVE_PATH, with_id=True)
    print(f"load average after: {os.getloadavg()[0]:.1f} (1 min; the machine is shared)")

    # The check, on the database itself.
    import django

    django.setup()
    from django.conf import settings

    from cookieprefs.django.records.models import ConsentRecord, PolicyVersion

    rows = {
        str(cid): (value, states)
        for cid, value, states in ConsentRecord.objects.values_list("consent_id", "cookie_value", "states")
    }
    total = ConsentRecord.objects.count()
    distinct = ConsentRecord.objects.values("consent_id").distinct().count()
    policy = cookieprefs.Policy.from_dict(settings.COOKIEPREFS)
    mismatched = 0
    for consent_id, value in saved:
        row = rows.get(consent_id)
        prefs = cookieprefs.decode(value)
        expected = {name: str(prefs.state(cid)) for cid, name, _ in policy.categories}
        if row is None or row[0] != value or row[1] != expected:
            mismatched += 1
    print(f"records: {total} (expected {SAVES}); distinct consent ids: {distinct}; "
          f"responses without their exact record: {mismatched}; policy versions: {PolicyVersion.objects.count()}")
    ok = (not failures and not baseline_failures and len(saved) == SAVES and total == SAVES
          and distinct == SAVES and mismatched == 0)
    print("load-records: ok" if ok else "load-records: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
