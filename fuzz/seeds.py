#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the shared vectors.

    python3 fuzz/seeds.py [OUT_DIR]      (default: fuzz/corpus)

Reads tests/vectors/{decode,evaluate,cookie_header,import}.json and writes one file
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


# The operations of the ffi check, in the order of its OPS table.
FFI_OPS = """decode new prefs_free prefs_state prefs_revision prefs_created prefs_updated
prefs_method prefs_slot_count prefs_consent_id set_state set_revision set_dates set_method
set_consent_id encoded_len encode header_allowed header_needs_banner value_category_state
cookie_find header_category_state policy_default policy_from_json policy_free policy_revision
policy_category_id evaluate_header evaluate_value evaluation_free eval_state eval_allowed
eval_gpc_applied eval_needs_banner eval_banner_reason eval_value_status eval_value_error
eval_consent_mode eval_consent_mode_json eval_stored eval_choose eval_set_cookie_header
policy_set_cookie_header policy_delete_cookie_header error_message version status_str today
date_from_ymd date_to_ymd eval_copies eval_ignored_status policy_classify policy_cookie_count
policy_cookie_category policy_language policy_category_text policy_cookie_text policy_page
eval_cookie_allowed eval_set_cookie_allowed eval_next_cookie_to_clear""".split()


# The import sources in the order of ImportSource::ALL.
IMPORT_SOURCES = """vanilla-cookieconsent tarteaucitron klaro django-cookie-consent govuk govuk-design-system
cookiebot onetrust tcf gpp trustcommander""".split()


def call(op, *args):
    """One call of the ffi check: op, length, arguments (ints are bytes)."""
    a = b"".join(x if isinstance(x, bytes) else bytes([x]) for x in args)
    assert len(a) < 256
    return bytes([FFI_OPS.index(op), len(a)]) + a


def blob(b):
    """Bytes of length L < 60, announced by the selector 4 * L + 1."""
    assert len(b) < 60
    return bytes([4 * len(b) + 1]) + b


def ffi_every_function():
    """Every exported function once, on live handles where it takes one."""
    day = struct.pack("<H", 2519)
    value = b"BAADCdcJ1w5Q"
    hdr = b"a=b; cookies_preferences=" + value
    return b"".join([
        call("policy_default", 0),
        call("policy_from_json", 1, 0, 1, 0, 1),
        call("decode", blob(value), 0, 1),
        call("new", day, 0),
        call("prefs_state", 0, 1, 0),
        call("prefs_revision", 0, 0),
        call("prefs_created", 0, 0),
        call("prefs_updated", 0, 0),
        call("prefs_method", 0, 0),
        call("prefs_slot_count", 0, 0),
        call("prefs_consent_id", 0, 0, 0),
        call("set_state", 2, 2, 0, 0, 1),
        call("set_revision", 0, 3, 0, 0, 1),
        call("set_dates", struct.pack("<HH", 2500, 2519), 0, 1),
        call("set_method", 0, 1, 0, 1),
        call("set_consent_id", 0, bytes(range(16)), 0),
        call("encoded_len", 0, 0),
        call("encode", 0, 3),
        call("evaluate_header", 0, blob(hdr), 1, day, 2, 0xFB, 0xFF, 0xFF, 0xFF, 0),
        call("evaluate_value", 0, 1, blob(value), day, 1, 0),
        call("header_allowed", 0, blob(hdr), 1, day, 3, 7, 0, 0, 0, 1, 1, 0),
        call("header_needs_banner", 0, blob(hdr), 1, day, 0, 0, 0),
        call("value_category_state", 0, 0, 1, 0),
        call("cookie_find", blob(hdr), 1, 0, 0, 0, 0),
        call("header_category_state", blob(hdr), 1, 0, 0, 1, 0),
        call("policy_revision", 0, 0),
        call("policy_category_id", 0, 0, 1, 0, 0),
        call("eval_state", 0, 1, 0),
        call("eval_allowed", 0, 1, 0),
        call("eval_gpc_applied", 0, 0),
        call("eval_needs_banner", 0, 0),
        call("eval_banner_reason", 0, 0),
        call("eval_value_status", 0, 0),
        call("eval_value_error", 0, 0),
        call("eval_copies", 0, 0),
        call("eval_ignored_status", 0, 0),
        call("eval_consent_mode", 0, 1, 3, 0),
        call("eval_consent_mode_json", 0, 3),
        call("eval_stored", 0, 0),
        call("eval_choose", 0, blob(bytes([1, 3])), 1, 2, 0, 1),
        call("eval_set_cookie_header", 0, 3),
        call("policy_set_cookie_header", 0, 0, day, 3),
        call("policy_delete_cookie_header", 0, 3),
        call("error_message", 0, 0, 3),
        call("version"),
        call("status_str", 2, 25),
        call("today"),
        call("date_from_ymd", 1, struct.pack("<H", 76), 11, 24, 0),
        call("date_to_ymd", day, 0),
        # The declaration (preset 5, policy 2) and an evaluation under it
        # (evaluation 2): statistics refused at revision 1.
        call("policy_from_json", 1, 0, 5, 0, 1),
        call("evaluate_header", 2, blob(b"_pk_id.1.ab=1; cookies_preferences=BAABCdcJ1w1Q"), 1, day, 0, 0),
        call("policy_classify", 2, 1, 1, 0, 0),
        call("policy_cookie_count", 2, 0),
        call("policy_cookie_category", 2, 1, 2, 0),
        call("policy_language", 2, 1, 1, 0, 3),
        call("policy_category_text", 2, 1, 0, 0, 1, 1, 1, 0, 3),
        call("policy_cookie_text", 2, 1, 0, 0, 1, 1, 1, 3, 3),
        call("policy_page", 2, 1, 0, 0, 1, 0, 0),
        call("eval_cookie_allowed", 2, 1, 1, 0),
        call("eval_set_cookie_allowed", 2, 1, 1, 1, 1, 2, 0),
        call("eval_next_cookie_to_clear", 2, 1, 3, 1, 1, b"1", 0, 5, 0, 0, 1, 0, 0, 3, 10, 0),
        call("evaluation_free", 0),
        call("policy_free", 0),
        call("prefs_free", 0),
    ])


def ffi_huge_lengths():
    """Every (pointer, length) argument as a dangling pointer with a length
    above PTRDIFF_MAX (selector 14), the other arguments valid."""
    day = struct.pack("<H", 2519)
    huge = bytes([14]) + bytes(7)
    return b"".join([
        call("policy_default", 0),
        call("new", day, 0),
        call("evaluate_value", 0, 1, bytes([0])),
        call("decode", huge, 0, 1),
        call("value_category_state", 1, huge, 1, 0),
        call("cookie_find", huge, 1, 0, 0, 0, 0),
        call("header_category_state", huge, 1, 0, 0, 1, 0),
        call("policy_from_json", huge, 1, 0, 1),
        call("evaluate_header", 0, huge, 1, day, 1, 0),
        call("evaluate_value", 0, 1, huge, day, 1, 0),
        call("header_allowed", 0, huge, 1, day, 1, 1, 1, 0),
        call("header_needs_banner", 0, huge, 1, day, 1, 0, 0),
        call("eval_choose", 0, huge, 1, 0, 0, 1),
        call("policy_classify", 0, 0, huge, 0, 0),
        call("eval_cookie_allowed", 0, 0, huge, 0),
        call("eval_set_cookie_allowed", 0, 0, huge, 0),
        call("eval_next_cookie_to_clear", 0, 0, huge, 0, 3),
        call("error_message", 0, 0, 3),
    ])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fuzz", "corpus")
    decode = load("decode.json")
    evaluate = load("evaluate.json")
    headers = load("cookie_header.json")

    imports = load("import.json")

    seeds = {t: {} for t in ("decode", "roundtrip", "differential", "evaluate", "cookie_header", "json", "ffi", "import")}

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
    # ... and compact policy forms (docs/FORMAT.md §14), which the check reads too.
    seeds["json"]["compact-default"] = (
        b"cookieprefs-policy/1 0 183 183 8 3 3 3 1 2 2 0 cookies_preferences  / 1 0 2 en fr "
        b"3 1 statistics 0 2 first_party 0 3 third_party 0 1 cookies_preferences 0  / 1"
    )
    seeds["json"]["compact-declared"] = (
        b"cookieprefs-policy/1 4 183 30 65536 3 3 3 1 2 2 0 prefs .example.org / 3 1 1 fr "
        b"2 1 statistics 0 16 youtube 2 3 prefs 0 .example.org / 1 _pk_id.* 1  /stats 0 yt 16 .example.org / 0"
    )

    # import: selector (index in IMPORT_SOURCES, 11 = a whole header),
    # preset policy, today (u16 LE), flags (bit 1: companion after a 0x00),
    # then the value (crates/cookieprefs-testkit/src/fuzz/import.rs).
    for c in imports["cases"]:
        selector = IMPORT_SOURCES.index(c["source"]) if c["source"] else 11
        data = (c["value"] if c["source"] else c["header"]).encode()
        flags = 0
        if c["companion"] is not None:
            flags |= 2
            data += b"\0" + c["companion"].encode()
        for preset in range(4):
            seeds["import"][f"{c['name']}-p{preset}"] = bytes([selector, preset]) + struct.pack("<H", 2519) + bytes([flags]) + data

    # ffi: a sequence of calls, each `op, n, n argument bytes` (see
    # crates/cookieprefs-testkit/src/fuzz/ffi/mod.rs, whose OPS order FFI_OPS
    # follows).
    day = struct.pack("<H", 2519)
    for name, v in values:
        if len(v) >= 60:
            continue
        seeds["ffi"][name] = (
            call("decode", blob(v), 0, 1)
            + call("policy_default", 0)
            + call("evaluate_value", 0, 1, blob(v), day, 1, 0)
            + call("eval_banner_reason", 0, 0)
            + call("eval_value_error", 0, 0)
            + call("eval_choose", 0, blob(bytes([1])), 1, 0, 0, 1)
            + call("eval_set_cookie_header", 0, 3)
            + call("encode", 0, 3)
            + call("value_category_state", 1, blob(v), 3, 0)
        )
        if len(v) < 40:
            seeds["ffi"][name] += call(
                "header_allowed", 0, blob(b"cookies_preferences=" + v), 1, day, 3, 0, 0, 0x80, 0x80, 1, 1, 0
            )
    for c in headers["cases"]:
        h = c["header"].encode()
        if len(h) < 60:
            seeds["ffi"]["header-" + c["name"]] = (
                call("policy_default", 0)
                + call("evaluate_header", 0, blob(h), 1, day, 0, 0)
                + call("eval_needs_banner", 0, 0)
                + call("header_needs_banner", 0, blob(h), 1, day, 0, 0, 0)
                + call("header_category_state", blob(h), 1, 0, 0, 2, 0)
            )
    seeds["ffi"]["every-function"] = ffi_every_function()
    seeds["ffi"]["lengths-above-ptrdiff-max"] = ffi_huge_lengths()
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
