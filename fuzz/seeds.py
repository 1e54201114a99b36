#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the shared vectors.

    python3 fuzz/seeds.py [OUT_DIR]      (default: fuzz/corpus)

Reads tests/vectors/{decode,evaluate,cookie_header}.json and writes one file
per case into OUT_DIR/<target>/, named seed-<case>. Idempotent: it rewrites
its own seed-* files and leaves what the fuzzer added alone. The corpora are
not committed (fuzz/corpus is gitignored); run this on a fresh clone, or let
scripts/fuzz.sh and scripts/fuzz-smoke.sh run it.

The byte layouts below must match the readers of the checks in
crates/cookieprefs-testkit/src/fuzz/ (one module per target).
"""

import json
import os
import re
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VECTORS = os.path.join(ROOT, "tests", "vectors")


def load(name):
    with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
        return json.load(f)


def safe(name):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:80]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fuzz", "corpus")
    decode = load("decode.json")
    evaluate = load("evaluate.json")
    headers = load("cookie_header.json")

    seeds = {t: {} for t in ("decode", "roundtrip", "differential", "evaluate", "cookie_header", "json", "ffi")}

    values = [(c["name"], c["value"].encode()) for c in decode["valid"] + decode["invalid"]]
    for name, v in values:
        for t in ("decode", "roundtrip", "differential"):
            seeds[t][name] = v

    # evaluate: mode byte (odd = preset policy i >> 1), today (u16 LE),
    # gpc (low bit), value mode (2 = raw rest), then the value.
    for i, (name, v) in enumerate(values):
        for preset in range(6):
            for gpc in (0, 1):
                seeds["evaluate"][f"{name}-p{preset}-g{gpc}"] = (
                    bytes([2 * preset + 1]) + struct.pack("<H", 2519) + bytes([gpc, 2]) + v
                )
    seeds["evaluate"]["no-cookie"] = bytes([1]) + struct.pack("<H", 2519) + bytes([1, 0])

    # cookie_header: selector byte (0 = cookies_preferences, 3 + 4 * len =
    # the next len bytes name the cookie), then the header.
    for c in headers["cases"]:
        cname = c["cookie_name"].encode()
        if cname == b"cookies_preferences":
            prefix = bytes([0])
        elif len(cname) < 64:
            prefix = bytes([3 + 4 * len(cname)]) + cname
        else:
            continue
        seeds["cookie_header"][c["name"]] = prefix + c["header"].encode()

    # json: the policy documents and the JSON form of every valid value.
    for name, doc in evaluate["policies"].items():
        seeds["json"][f"policy-{name}"] = json.dumps(doc).encode()
    for c in decode["valid"]:
        seeds["json"][f"prefs-{c['name']}"] = json.dumps(c["fields"]).encode()

    # ffi: a sequence of calls (see crates/cookieprefs-testkit/src/fuzz/ffi/). Bytes of length L < 60
    # are announced by the selector 4 * L + 1.
    def blob(b):
        return bytes([4 * len(b) + 1]) + b

    day = struct.pack("<H", 2519)
    for name, v in values:
        if len(v) >= 60:
            continue
        seq = (
            bytes([0]) + blob(v)  # preferences_decode
            + bytes([7, 1])  # policy_default
            + bytes([10, 0]) + blob(v) + day + bytes([1])  # evaluate_value, GPC
            + bytes([11, 0, 2])  # banner_reason
            + bytes([13, 0]) + blob(bytes([1])) + bytes([0, 0])  # choose statistics
            + bytes([15, 3, 0])  # evaluation_set_cookie_header, 256-byte buffer
            + bytes([6, 0, 3])  # preferences_encode, 256-byte buffer
            + bytes([1]) + blob(v) + bytes([3])  # value_category_state
        )
        seeds["ffi"][name] = seq
    for c in headers["cases"]:
        h = c["header"].encode()
        if len(h) < 60:
            seeds["ffi"]["header-" + c["name"]] = bytes([7, 1, 9, 0]) + blob(h) + day + bytes([0, 11, 0, 0, 2]) + blob(h) + bytes([0])

    total = 0
    for target, files in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(d, "seed-" + safe(name)), "wb") as f:
                f.write(data)
        total += len(files)
    print(f"seeds: wrote {total} files under {os.path.relpath(out, ROOT)}/")


if __name__ == "__main__":
    main()
