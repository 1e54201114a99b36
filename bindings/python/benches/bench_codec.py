"""Decode and encode of a typical consent cookie: cookieprefs against
django-cookie-consent's own codec and a hand-rolled base64 + struct codec of
the same fields, measured in one pyperf run (scripts/bench-python.sh)."""

from __future__ import annotations

import base64
import datetime
import struct

import django
import pyperf
from django.conf import settings

import cookieprefs

settings.configure(
    INSTALLED_APPS=["django.contrib.contenttypes", "cookie_consent"],
    DATABASES={},
    USE_TZ=True,
)
django.setup()
from cookie_consent.util import dict_to_cookie_str, parse_cookie_str  # noqa: E402

DAY = datetime.date(2026, 11, 24)

# cookieprefs: statistics granted, first/third party denied, revision 3.
VALUE = "BAADCdcJ1w5Q"
PREFS = cookieprefs.decode(VALUE)

# django-cookie-consent: group varname -> acceptance timestamp or "-1" (declined).
DCC_DICT = {
    "statistics": "2026-11-24T10:11:12.345678+00:00",
    "first_party": "-1",
    "third_party": "-1",
    "necessary": "2026-11-24T10:11:12.345678+00:00",
}
DCC_VALUE = dict_to_cookie_str(DCC_DICT)

# Hand-rolled: version, flags, revision, created, updated days, then one byte per state.
EPOCH = datetime.date(2020, 1, 1)
HEAD = struct.Struct(">BBHHH")
STATES = ("not_asked", "denied", "granted")


def hand_encode(d: dict) -> str:
    states = bytes(STATES.index(s) for s in d["categories"])
    raw = HEAD.pack(1, 0, d["revision"], (d["created"] - EPOCH).days, (d["updated"] - EPOCH).days) + states
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def hand_decode(s: str) -> dict:
    raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    version, flags, revision, created, updated = HEAD.unpack_from(raw)
    if version != 1 or flags:
        raise ValueError("bad value")
    return {
        "revision": revision,
        "created": EPOCH + datetime.timedelta(days=created),
        "updated": EPOCH + datetime.timedelta(days=updated),
        "categories": [STATES[b] for b in raw[HEAD.size :]],
    }


HAND_DICT = {"revision": 3, "created": DAY, "updated": DAY, "categories": ["granted", "denied", "denied"]}
HAND_VALUE = hand_encode(HAND_DICT)
assert hand_decode(HAND_VALUE) == HAND_DICT
assert cookieprefs.decode(VALUE).encode() == VALUE
assert parse_cookie_str(DCC_VALUE) == DCC_DICT

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["value sizes"] = f"cookieprefs {len(VALUE)} B, hand-rolled {len(HAND_VALUE)} B, django-cookie-consent {len(DCC_VALUE)} B"
    runner.bench_func("decode: cookieprefs", cookieprefs.decode, VALUE)
    runner.bench_func("decode: hand-rolled base64+struct", hand_decode, HAND_VALUE)
    runner.bench_func("decode: django-cookie-consent parse_cookie_str", parse_cookie_str, DCC_VALUE)
    runner.bench_func("encode: cookieprefs", PREFS.encode)
    runner.bench_func("encode: hand-rolled base64+struct", hand_encode, HAND_DICT)
    runner.bench_func("encode: django-cookie-consent dict_to_cookie_str", dict_to_cookie_str, DCC_DICT)
