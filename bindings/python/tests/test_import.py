"""Importing other consent tools' cookies (docs/FORMAT.md §13): every case of
tests/vectors/import.json through the binding, and the Python API around it."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

import cookieprefs

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"
IMPORT = json.loads((VECTORS / "import.json").read_text())
TODAY = datetime.date.fromisoformat(IMPORT["today"])


def run(case):
    policy = cookieprefs.Policy.from_dict(IMPORT["policies"][case["policy"]])
    if case["source"] is not None:
        return cookieprefs.import_cookie(
            case["source"], case["value"], policy, TODAY, companion=case["companion"], drop_id=case["drop_id"]
        )
    return cookieprefs.import_header(case["header"], policy, TODAY, drop_id=case["drop_id"])


@pytest.mark.parametrize("case", IMPORT["cases"], ids=[c["name"] for c in IMPORT["cases"]])
def test_import_vector(case):
    got = run(case)
    exp = case["expected"]
    if "skip" in exp:
        assert isinstance(got, cookieprefs.ImportSkip)
        assert not got
        assert got.kind == exp["skip"]
        assert got.message
        return
    assert isinstance(got, cookieprefs.Imported)
    assert got
    assert got.preferences.encode() == exp["value"]
    assert got.preferences.to_dict() == exp["preferences"]
    assert got.preferences.method == cookieprefs.Method.IMPORTED
    assert got.source == exp["source"]
    assert got.unmapped == exp["unmapped"]
    assert got.deletion_headers == exp["deletion_headers"]


def test_every_source_and_every_skip_reason_has_a_vector():
    sources = {c["source"] for c in IMPORT["cases"]} - {None}
    assert sources == set(cookieprefs.IMPORT_SOURCES)
    skips = {c["expected"]["skip"] for c in IMPORT["cases"] if "skip" in c["expected"]}
    assert skips == set(cookieprefs.IMPORT_SKIP_KINDS)


def test_bytes_and_str_give_the_same_import():
    policy = cookieprefs.Policy(revision=3)
    value = "!gtag=true!youtube=false!myshop=true"
    a = cookieprefs.import_cookie("tarteaucitron", value, policy, TODAY)
    b = cookieprefs.import_cookie("tarteaucitron", value.encode(), policy, TODAY)
    assert a.preferences == b.preferences
    assert a.preferences.encode() == "BYADCdcJ1w4Q"
    assert a.unmapped == ["myshop"]
    assert a.source_cookies == [("tarteaucitron", None, "/")]


def test_header_none_and_hostile_bytes():
    policy = cookieprefs.Policy()
    assert cookieprefs.import_header(None, policy, TODAY).kind == "not_found"
    skip = cookieprefs.import_header(b"cc_cookie=\xff\xfe{; klaro=%7B", policy, TODAY)
    assert skip.kind == "malformed"
    # A str with lone surrogates (surrogateescape) never raises.
    assert not cookieprefs.import_header("klaro=\udcff", policy, TODAY)


def test_unknown_source_is_an_error():
    with pytest.raises(cookieprefs.UnknownNameError):
        cookieprefs.import_cookie("matomo", "x", cookieprefs.Policy(), TODAY)
    with pytest.raises(TypeError):
        cookieprefs.import_cookie("klaro", 1, cookieprefs.Policy(), TODAY)


def test_nothing_mapped_lists_the_items():
    skip = cookieprefs.import_cookie("klaro", '{"my-widget":true}', cookieprefs.Policy(), TODAY)
    assert skip.kind == "nothing_mapped"
    assert skip.unmapped == ["my-widget"]
    assert "my-widget" in repr(skip)


def test_policy_import_settings_round_trip():
    policy = cookieprefs.Policy.from_dict(IMPORT["policies"]["site"])
    again = cookieprefs.Policy.from_json(policy.to_json())
    assert again.to_json() == policy.to_json()
    assert json.loads(policy.to_json())["import"]["services"] == {"vimeo": None, "youtube": "youtube"}
    with pytest.raises(cookieprefs.CategoryNotOfferedError):
        cookieprefs.Policy(categories=[{"id": 1, "name": "statistics"}], **{"import": {"onetrust": {"C0004": "third_party"}}})
