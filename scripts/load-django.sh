#!/usr/bin/env bash
# Load run of the Django example site (not part of CI; see docs/SECURITY.md,
# "Load run"). Bounded: the client runs LOAD_SECONDS (default 20, at most 40)
# and the whole script is killed after 60 s.
#
# - gunicorn (pinned) is installed into the project's .venv, which
#   ./scripts/test-python.sh builds (run that first);
# - the example site runs with DEBUG=False, bound to 127.0.0.1 only, on a
#   free port, with 2 sync workers;
# - a small threaded Python client sends a mix of valid, garbage and 8 KB
#   cookies, Sec-GPC, and POSTs to the save view: valid choices and every
#   hostile body of the view's tests (bodies of 100,000 nested brackets,
#   out-of-range and boolean ids, ...);
# - it prints requests/s and the status counts per kind of request, and fails
#   on any 5xx, any connection error or any unexpected status.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LOAD_INNER:-}" ]; then
  LOAD_INNER=1 exec timeout --kill-after=5 60 "$0" "$@"
fi

GUNICORN_VERSION=27.0.1
py=.venv/bin/python
if ! "$py" -c "import cookieprefs" 2>/dev/null; then
  echo "load-django: run ./scripts/test-python.sh first (it builds .venv with cookieprefs)" >&2
  exit 2
fi
"$py" -m pip install --quiet --disable-pip-version-check "gunicorn==$GUNICORN_VERSION"

port=$("$py" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
log=$(mktemp)
# The example records every saved choice (cookieprefs.django.records): a
# database of its own for this run.
db=$(mktemp --suffix=.sqlite3)
export EXAMPLE_DATABASE=$db
(cd examples/django_site && "../../$py" manage.py migrate --verbosity 0)
DJANGO_DEBUG=0 "$py" -m gunicorn --chdir examples/django_site --bind "127.0.0.1:$port" --workers 2 \
  --log-level warning --error-logfile "$log" site_example.wsgi:application &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log" "$db"' EXIT INT TERM

status=0
LOAD_PORT=$port "$py" - <<'EOF' || status=$?
import collections, http.client, json, os, sys, threading, time

PORT = int(os.environ["LOAD_PORT"])
SECONDS = min(float(os.environ.get("LOAD_SECONDS", "20")), 40.0)
THREADS = 8

def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        r.read()
        return r.status, r
    finally:
        conn.close()

deadline = time.monotonic() + 10  # wait for gunicorn
while True:
    try:
        status, r = request("GET", "/")
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit("load-django: gunicorn did not start")
        time.sleep(0.1)
assert status == 200, status
# The CSRF token the banner's form carries, as cookie and header.
csrf = r.getheader("Set-Cookie").split("csrftoken=", 1)[1].split(";", 1)[0]

sys.path.insert(0, "examples/django_site")
import cookieprefs
from site_example import settings  # the site's policy, to make valid values

ev = cookieprefs.Policy.from_dict(settings.COOKIEPREFS).evaluate(None)
accept = ev.accept_all().encode()
refuse = ev.reject_all().encode()
big = "; ".join(f"c{i}=" + "x" * 90 for i in range(80))[:7900]  # an 8 KB Cookie: header

def post(body, content_type):
    return ("POST", "/cookies/save/", body,
            {"Content-Type": content_type, "Cookie": f"csrftoken={csrf}", "X-CSRFToken": csrf})

hostile = [
    b'{"choice":"custom","categories":[9223372036854775808]}',
    b'{"choice":"custom","categories":[-9223372036854775809]}',
    b'{"choice":"custom","categories":[1000000000000000000000000000000]}',
    b'{"choice":"custom","categories":[' + b"9" * 5000 + b"]}",
    b'{"choice":"custom","categories":[true]}',
    b'{"choice":"custom","categories":[1.0]}',
    b'{"choice":"custom","categories":[null]}',
    b'{"choice":"custom","categories":[{"a":1}]}',
    b'{"choice":"custom","categories":["\\ud800"]}',
    b'{"choice":"custom","categories":["<script>alert(1)</script>"]}',
    b'{"choice":["accept_all"]}',
    b"[" * 100_000,
    b'{"a":' * 100_000,
    b'{"choice":"custom","categories":' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"choice":"\xff\xfe"}',
    b"{",
]
# kind -> (request, expected statuses)
KINDS = {
    "GET valid cookie": (("GET", "/", None, {"Cookie": f"sessionid=x; cookies_preferences={accept}"}), {200}),
    "GET refused cookie": (("GET", "/", None, {"Cookie": f"cookies_preferences={refuse}"}), {200}),
    "GET garbage cookie": (("GET", "/", None, {"Cookie": 'cookies_preferences={"a":1}; x=\xff'}), {200}),
    "GET 8 KB cookie": (("GET", "/", None, {"Cookie": big + f"; cookies_preferences={accept}"}), {200}),
    "GET no cookie, GPC": (("GET", "/", None, {"Sec-GPC": "1"}), {200}),
    "GET preferences page": (("GET", "/cookies/preferences/", None, {"Cookie": f"cookies_preferences={accept}"}), {200}),
    "POST form choice": (post(b"choice=custom&category=statistics&next=/", "application/x-www-form-urlencoded"), {302}),
    "POST JSON choice": (post(json.dumps({"choice": "accept_all"}).encode(), "application/json"), {200}),
}
for i, body in enumerate(hostile):
    KINDS[f"POST hostile JSON #{i + 1:02}"] = (post(body, "application/json"), {400})
kinds = list(KINDS)

counts = collections.defaultdict(collections.Counter)
errors = collections.Counter()
lock = threading.Lock()
stop = time.monotonic() + SECONDS

def worker(n):
    i = n
    while time.monotonic() < stop:
        kind = kinds[i % len(kinds)]
        i += THREADS
        method, path, body, headers = KINDS[kind][0]
        try:
            status, _ = request(method, path, body, headers)
        except OSError as e:
            with lock:
                errors[f"{kind}: {type(e).__name__}"] += 1
            continue
        with lock:
            counts[kind][status] += 1

start = time.monotonic()
threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start

total = sum(sum(c.values()) for c in counts.values())
by_status = collections.Counter()
for c in counts.values():
    by_status.update(c)
print(f"{total} requests in {elapsed:.1f} s: {total / elapsed:.0f} requests/s ({THREADS} client threads, 2 gunicorn workers)")
print("status counts:", ", ".join(f"{s}: {n}" for s, n in sorted(by_status.items())))
bad = []
for kind in kinds:
    c = counts[kind]
    line = ", ".join(f"{s}: {n}" for s, n in sorted(c.items()))
    print(f"  {kind:28} {line}")
    if set(c) - KINDS[kind][1] or not c:
        bad.append(kind)
fivexx = sum(n for s, n in by_status.items() if s >= 500)
print(f"5xx: {fivexx}; connection errors: {sum(errors.values())}")
for e, n in errors.items():
    print(f"  {e}: {n}")
if fivexx or errors or bad:
    sys.exit(f"load-django: FAILED (unexpected statuses for: {', '.join(bad) or 'none'})")
print("load-django: ok")
EOF
if [ -s "$log" ]; then
  echo "== gunicorn error log"
  cat "$log"
fi
exit "$status"
