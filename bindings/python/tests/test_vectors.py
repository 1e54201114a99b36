"""Every shared vector of tests/vectors/, through the Python binding."""

from __future__ import annotations

import datetime
import json
import pathlib
import uuid

import pytest

import cookieprefs

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"
DECODE = json.loads((VECTORS / "decode.json").read_text())
EVALUATE = json.loads((VECTORS / "evaluate.json").read_text())
HEADERS = json.loads((VECTORS / "cookie_header.json").read_text())
POLICIES = json.loads((VECTORS / "policy.json").read_text())
DUPLICATES = json.loads((VECTORS / "duplicates.json").read_text())
DECLARATION = json.loads((VECTORS / "declaration.json").read_text())
CHOOSE = json.loads((VECTORS / "choose.json").read_text())
COMPACT = json.loads((VECTORS / "compact.json").read_text())


def ids(cases):
    return [c["name"] for c in cases]


@pytest.mark.parametrize("case", DECODE["valid"], ids=ids(DECODE["valid"]))
def test_valid(case):
    prefs = cookieprefs.decode(case["value"])
    assert prefs.to_dict() == case["fields"]
    assert cookieprefs.decode(case["value"].encode()) == prefs
    f = case["fields"]
    built = cookieprefs.Preferences(
        categories={k if not k.isdigit() else int(k): v for k, v in f["categories"].items()},
        revision=f["revision"],
        created=datetime.date.fromisoformat(f["created"]),
        updated=datetime.date.fromisoformat(f["updated"]),
        method=getattr(cookieprefs.Method, f["method"].upper()),
        consent_id=uuid.UUID(f["consent_id"]) if f["consent_id"] else None,
    )
    assert built == prefs
    assert cookieprefs.encode(built) == case["value"]


@pytest.mark.parametrize("case", DECODE["invalid"], ids=ids(DECODE["invalid"]))
def test_invalid(case):
    with pytest.raises(cookieprefs.DecodeError) as info:
        cookieprefs.decode(case["value"])
    assert info.value.kind == case["error"]
    assert type(info.value) is cookieprefs.ERROR_CLASSES[case["error"]]


@pytest.mark.parametrize("case", EVALUATE["cases"], ids=ids(EVALUATE["cases"]))
def test_evaluate(case):
    policy = cookieprefs.Policy.from_dict(EVALUATE["policies"][case["policy"]])
    ev = policy.evaluate(case["value"], today=datetime.date.fromisoformat(case["today"]), gpc=case["gpc"])
    exp = case["expected"]
    assert ev.needs_banner is exp["needs_banner"]
    assert ev.banner_reason == exp["banner_reason"]
    assert (ev.error.kind if ev.error else None) == exp["error"]
    assert {name: str(ev.state(name)) for name in exp["categories"]} == exp["categories"]
    assert {name: str(state) for name, state in ev.categories.items()} == exp["categories"]
    assert ev.consent_mode() == exp["consent_mode"]


@pytest.mark.parametrize("case", HEADERS["cases"], ids=ids(HEADERS["cases"]))
def test_cookie_header(case):
    assert cookieprefs.cookie_value(case["header"], case["cookie_name"]) == case["value"]
    assert cookieprefs.cookie_value(case["header"].encode(), case["cookie_name"]) == case["value"]


@pytest.mark.parametrize("case", POLICIES["valid"], ids=ids(POLICIES["valid"]))
def test_valid_policy(case):
    policy = cookieprefs.Policy.from_json(case["json"])
    assert json.loads(policy.to_json()) == case["normalized"]
    assert cookieprefs.Policy.from_dict(case["normalized"]).to_json() == policy.to_json()


@pytest.mark.parametrize("case", POLICIES["invalid"], ids=ids(POLICIES["invalid"]))
def test_invalid_policy(case):
    with pytest.raises(cookieprefs.Error) as info:
        cookieprefs.Policy.from_json(case["json"])
    assert info.value.kind == case["error"]
    assert type(info.value) is cookieprefs.ERROR_CLASSES[case["error"]]


@pytest.mark.parametrize("case", DUPLICATES["cases"], ids=ids(DUPLICATES["cases"]))
def test_duplicate_copies(case):
    policy = cookieprefs.Policy.from_dict(DUPLICATES["policy"])
    today = datetime.date.fromisoformat(DUPLICATES["today"])
    exp = case["expected"]
    for header in (case["header"], case["header"].encode()):
        ev = policy.evaluate_header(header, today=today, gpc=case["gpc"])
        assert ev.copies == exp["copies"]
        assert ev.needs_banner is exp["needs_banner"]
        assert ev.banner_reason == exp["banner_reason"]
        assert (ev.error.kind if ev.error else None) == exp["error"]
        assert (ev.ignored_error.kind if ev.ignored_error else None) == exp["ignored_error"]
        assert {name: str(state) for name, state in ev.categories.items()} == exp["categories"]


def declaration_policy(name):
    return cookieprefs.Policy.from_dict(DECLARATION["policies"][name])


@pytest.mark.parametrize(
    "case", DECLARATION["classify"], ids=[f"{c['policy']}: {c['name']!r}" for c in DECLARATION["classify"]]
)
def test_declaration_classify(case):
    policy = declaration_policy(case["policy"])
    for name in (case["name"], case["name"].encode()):
        assert policy.classify(name) == case["category"]
        declared = policy.declaration(name)
        assert (declared.name if declared else None) == case["declared_as"]
        assert (declared.category if declared else None) == case["category"]


@pytest.mark.parametrize(
    "case", DECLARATION["texts"], ids=[f"{c['policy']}: {c['language']!r}" for c in DECLARATION["texts"]]
)
def test_declaration_texts(case):
    policy = declaration_policy(case["policy"])
    lang = case["language"]
    assert policy.language_for(lang) == case["resolved"]
    for category, label in case["labels"].items():
        assert policy.label(category, lang) == label
        assert policy.description(category, lang) == case["descriptions"][category]
    got = [{"name": c.name, "provider": c.provider, "service": c.service, "purpose": c.purpose}
           for c in policy.cookies(lang)]
    assert got == case["cookies"]


@pytest.mark.parametrize("case", DECLARATION["enforce"], ids=ids(DECLARATION["enforce"]))
def test_declaration_enforce(case):
    policy = declaration_policy(case["policy"])
    today = datetime.date.fromisoformat(case["today"])
    header = case["header"]
    for as_bytes in (False, True):
        enc = (lambda s: s.encode()) if as_bytes else (lambda s: s)
        ev = policy.evaluate_header(None if header is None else enc(header), today=today, gpc=case["gpc"])
        assert {name: ev.cookie_allowed(enc(name)) for name in case["allowed"]} == case["allowed"]
        assert [{"line": sc["line"], "keep": ev.set_cookie_allowed(enc(sc["line"]))} for sc in case["set_cookie"]] == [
            {"line": sc["line"], "keep": sc["keep"]} for sc in case["set_cookie"]
        ]
        assert ev.cookies_to_clear(enc(header or "")) == case["clear"]


def choose_policy(name):
    return cookieprefs.Policy.from_dict(CHOOSE["policies"][name])


@pytest.mark.parametrize("case", CHOOSE["cases"], ids=ids(CHOOSE["cases"]))
def test_choose(case):
    policy = choose_policy(case["policy"])
    ev = policy.evaluate(case["value"], today=datetime.date.fromisoformat(case["today"]), gpc=case["gpc"])
    method = getattr(cookieprefs.Method, case["method"].upper())
    exp = case["expected"]
    assert ev.needs_banner is exp["needs_banner"]
    assert ev.asked == exp["asked"]
    assert ev.gpc_refused == exp["gpc_refused"]
    saves = {
        "choose": (ev.choose(exp["choose"]["granted"], method), exp["choose"]["saved"]),
        "accept_all": (ev.accept_all(method), exp["accept_all"]),
        "reject_all": (ev.reject_all(method), exp["reject_all"]),
        "accept_asked": (ev.accept_asked(method=method), exp["accept_asked"]),
        "reject_asked": (ev.reject_asked(method=method), exp["reject_asked"]),
    }
    for what, (prefs, want) in saves.items():
        form = prefs.to_dict()
        assert (what, prefs.encode(), form["categories"]) == (what, want["value"], want["categories"])
        assert (form["created"], form["updated"], form["revision"], form["method"]) == (
            exp["created"], case["today"], policy.revision, case["method"])


@pytest.mark.parametrize("case", CHOOSE["errors"], ids=ids(CHOOSE["errors"]))
def test_choose_refused(case):
    ev = choose_policy(case["policy"]).evaluate(None, today=datetime.date.fromisoformat(CHOOSE["today"]))
    with pytest.raises(cookieprefs.Error) as info:
        ev.choose(case["granted"])
    assert info.value.kind == case["error"]
    assert type(info.value) is cookieprefs.ERROR_CLASSES[case["error"]]


@pytest.mark.parametrize("case", COMPACT["valid"], ids=ids(COMPACT["valid"]))
def test_compact_valid(case):
    policy = cookieprefs.Policy.from_dict(case["policy"])
    assert policy.to_compact() == case["compact"]
    assert cookieprefs.Policy.from_compact(case["compact"]).to_compact() == case["compact"]


@pytest.mark.parametrize("case", COMPACT["invalid"], ids=ids(COMPACT["invalid"]))
def test_compact_invalid(case):
    with pytest.raises(cookieprefs.Error) as info:
        cookieprefs.Policy.from_compact(case["compact"])
    assert info.value.kind == case["error"]
    assert f"compact form, field {case['field']}: " in str(info.value)
