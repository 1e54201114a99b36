"""The Python API beyond the vectors: types, errors, properties."""

from __future__ import annotations

import datetime
import json
import pathlib
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cookieprefs
from cookieprefs import Category, Method, Policy, Preferences, State

DAY = datetime.date(2026, 11, 24)


def test_typical_value():
    prefs = Preferences(
        categories={Category.STATISTICS: State.GRANTED, "first_party": "denied", 3: State.DENIED},
        revision=3,
        updated=DAY,
    )
    assert prefs.encode() == "BAADCdcJ1w5Q" == str(prefs) == cookieprefs.encode(prefs)
    assert repr(prefs) == 'Preferences("BAADCdcJ1w5Q")'
    assert prefs.created == prefs.updated == DAY
    assert prefs.method == Method.BANNER
    assert prefs.consent_id is None
    assert prefs.version == cookieprefs.FORMAT_VERSION == 1
    assert prefs.categories == {"statistics": State.GRANTED, "first_party": State.DENIED, "third_party": State.DENIED}
    assert prefs.state("necessary") == State.GRANTED
    assert prefs.state(40) == State.NOT_ASKED
    assert str(State.GRANTED) == "granted" and str(Method.PREFERENCES_PAGE) == "preferences_page"
    assert hash(prefs) == hash(cookieprefs.decode("BAADCdcJ1w5Q"))
    assert prefs != "BAADCdcJ1w5Q"


def test_consent_id_and_site_categories():
    cid = uuid.UUID("67e55044-10b1-426f-9247-bb680e5fe0c8")
    prefs = Preferences(
        categories={1: "granted", 2: "granted", 3: "denied", 16: "granted"},
        revision=7,
        created=datetime.date(2026, 10, 25),
        updated=DAY,
        method=Method.PREFERENCES_PAGE,
        consent_id=cid,
    )
    assert prefs.encode() == "BoAHCbkJ10KQAAAJn5VBEELFCb5JHu2gOX-DI"
    assert cookieprefs.decode(prefs.encode()).consent_id == cid
    assert prefs.categories["16"] == State.GRANTED


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"revision": 4096}, cookieprefs.RevisionOutOfRangeError),
        ({"revision": -1}, cookieprefs.RevisionOutOfRangeError),
        ({"categories": {0: "granted"}}, cookieprefs.NecessaryNotStoredError),
        ({"categories": {64: "granted"}}, cookieprefs.InvalidCategoryError),
        ({"categories": {"youtube": "granted"}}, cookieprefs.UnknownCategoryError),
        ({"categories": {1: "maybe"}}, cookieprefs.UnknownNameError),
        ({"created": DAY, "updated": datetime.date(2026, 1, 1)}, cookieprefs.DatesOutOfOrderError),
        ({"updated": datetime.date(2019, 12, 31)}, cookieprefs.DateOutOfRangeError),
    ],
)
def test_builder_errors(kwargs, error):
    with pytest.raises(error) as info:
        Preferences(**kwargs)
    assert isinstance(info.value, cookieprefs.Error)
    assert isinstance(info.value, ValueError)
    assert str(info.value)


def test_type_errors():
    with pytest.raises(TypeError):
        cookieprefs.decode(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Preferences(updated="2026-11-24")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Preferences(consent_id="67e55044-10b1-426f-9247-bb680e5fe0c8")  # type: ignore[arg-type]


def test_every_error_kind_has_a_class():
    classes = cookieprefs.ERROR_CLASSES
    assert sorted(classes) == sorted(cookieprefs.ERROR_KINDS)
    assert set(cookieprefs.VALUE_ERROR_KINDS) < set(cookieprefs.ERROR_KINDS)
    for kind, cls in classes.items():
        assert cls.kind == kind
        assert cls.__module__ == "cookieprefs"
        assert getattr(cookieprefs, cls.__name__) is cls and cls.__name__ in cookieprefs.__all__
        assert issubclass(cls, cookieprefs.Error) and issubclass(cls, ValueError)
        assert issubclass(cls, cookieprefs.DecodeError) == (kind in cookieprefs.VALUE_ERROR_KINDS)
    assert issubclass(cookieprefs.DecodeError, cookieprefs.Error)
    assert cookieprefs.CategoryNotOfferedError.kind == "category_not_offered"
    assert cookieprefs.InvalidJsonError.kind == "invalid_json"


def test_names_and_constants_come_from_the_core():
    assert cookieprefs.DEFAULT_COOKIE_NAME == Policy().cookie_name
    assert cookieprefs.MAX_REVISION == 4095 and cookieprefs.MAX_ENCODED_LEN == 64
    assert cookieprefs.MAX_CATEGORY_ID == 63
    for name, cid in cookieprefs.STANDARD_CATEGORIES:
        member = getattr(Category, name.upper())
        assert member.id == cid == int(member) and str(member) == name
        assert Preferences(categories={name: "granted"} if cid else {}).state(member) == State.GRANTED
    assert Category.STATISTICS == 1
    assert sorted(cookieprefs._native.__all__) == sorted(set(cookieprefs.__all__) - {"cookie_value"})


def test_decode_error_messages_say_where():
    with pytest.raises(cookieprefs.InvalidCharacterError, match="offset 12"):
        cookieprefs.decode("BAADCdcJ1w5Q=")
    with pytest.raises(cookieprefs.TooLongError, match="65 characters"):
        cookieprefs.decode("B" * 65)
    with pytest.raises(cookieprefs.InvalidCharacterError):
        cookieprefs.decode(b"\xff\xfe")


def test_policy():
    assert Policy().revision == 0
    assert Policy().cookie_name == "cookies_preferences"
    policy = Policy(revision=4, categories=[{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube"}],
                    cookie={"name": "consent", "domain": "example.org"})
    assert policy.categories == [(1, "statistics", 0), (16, "youtube", 0)]
    assert policy.category("youtube") == 16
    assert policy.category("nope") is None
    assert Policy.from_json(policy.to_json()).to_json() == policy.to_json()
    prefs = Preferences(categories={"statistics": "granted", 16: "denied"}, revision=4, updated=DAY)
    assert policy.set_cookie_header(prefs, today=DAY) == (
        f"consent={prefs.encode()}; Max-Age=15811200; Domain=example.org; Path=/; SameSite=Lax; Secure"
    )
    assert policy.delete_cookie_header() == "consent=; Max-Age=0; Domain=example.org; Path=/; SameSite=Lax; Secure"
    with pytest.raises(cookieprefs.InvalidPolicyError, match="395"):
        Policy(revision=1, max_age_days={"granted": 400, "denied": 10})
    with pytest.raises(cookieprefs.InvalidJsonError, match="^line 1 column 2: expected a key \\(a string\\)$"):
        Policy.from_json("{nope")
    with pytest.raises(cookieprefs.RevisionOutOfRangeError):
        Policy(revision=9999)
    with pytest.raises(TypeError):
        Policy(revision=1, categories={1, 2})  # not JSON


def test_policy_errors_name_the_key_not_a_position():
    with pytest.raises(cookieprefs.InvalidJsonError) as info:
        Policy(revision=1, categories=[{"id": 1, "name": "statistics"}, {"id": 2, "name": 5}])
    assert str(info.value) == "$.categories[1].name: expected a string, found an integer"


def test_evaluation_and_choice():
    policy = Policy(revision=3)
    ev = policy.evaluate_header("a={\"x\":1}; cookies_preferences=BAADCdcJ1w5Q", today=DAY)
    assert not ev.needs_banner and ev.banner_reason is None and ev.error is None
    assert ev.today == DAY and ev.policy.to_json() == policy.to_json()
    assert ev.allowed("statistics") and ev.allowed(Category.STATISTICS) and not ev.allowed("third_party")
    assert ev.stored == cookieprefs.decode("BAADCdcJ1w5Q")
    assert ev.set_cookie_header() == "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
    assert repr(ev) == "Evaluation(needs_banner=False, banner_reason=None)"
    assert ev.consent_mode_json() == json.dumps(ev.consent_mode(), separators=(",", ":"))
    with pytest.deprecated_call():
        assert ev.reason is None

    junk = policy.evaluate("BAADCdcJ1w5Q=", today=DAY, gpc=True)
    assert junk.needs_banner and junk.banner_reason == "invalid_value"
    assert isinstance(junk.error, cookieprefs.InvalidCharacterError)
    assert junk.gpc_applied and junk.state("third_party") == State.DENIED
    assert junk.set_cookie_header() is None
    choice = junk.choose(["statistics"])
    assert choice.encode() == "BAADCdcJ1w5Q"
    with pytest.raises(cookieprefs.UnknownCategoryError):
        junk.choose(["youtube"])
    with pytest.raises(cookieprefs.NecessaryNotStoredError):
        junk.choose([0])
    with pytest.raises(cookieprefs.CategoryNotOfferedError):
        junk.choose([16])
    assert policy.evaluate(None, today=DAY).banner_reason == "no_choice"
    today = policy.evaluate(None)  # today's date, from the clock
    assert today.needs_banner


def test_accept_and_reject_all_come_from_the_core():
    policy = Policy(revision=2, categories=[{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube"}])
    ev = policy.evaluate(None, today=DAY)
    accepted = ev.accept_all()
    assert accepted.categories == {"statistics": State.GRANTED, "16": State.GRANTED}
    assert accepted == ev.choose(["statistics", "youtube"])
    rejected = ev.reject_all(Method.PREFERENCES_PAGE)
    assert rejected.categories == {"statistics": State.DENIED, "16": State.DENIED}
    assert rejected.method == Method.PREFERENCES_PAGE
    assert ev.set_cookie_header_for(accepted) == policy.set_cookie_header(accepted, today=DAY)
    with pytest.raises(cookieprefs.CategoryNotOfferedError, match="third_party"):
        ev.choose(["third_party"])  # a standard category this policy does not offer


def test_asked_and_the_banners_answers_come_from_the_core():
    # Revision 4 adds youtube (a GPC category); statistics granted and
    # third_party refused under revision 3 still stand.
    policy = Policy(revision=4, categories=[{"id": 1, "name": "statistics"}, {"id": 3, "name": "third_party"},
                                            {"id": 16, "name": "youtube", "since_revision": 4}],
                    gpc_categories=["third_party", "youtube"])
    stored = Preferences(categories={"statistics": "granted", "third_party": "denied"}, revision=3, updated=DAY)
    ev = policy.evaluate(stored.encode(), today=DAY)
    assert ev.asked == ["youtube"] and ev.gpc_refused == []
    assert ev.accept_asked().categories == {"statistics": State.GRANTED, "third_party": State.DENIED,
                                            "16": State.GRANTED}
    rejected = ev.reject_asked(method=Method.PREFERENCES_PAGE)
    assert rejected.categories == {"statistics": State.GRANTED, "third_party": State.DENIED, "16": State.DENIED}
    assert rejected.method == Method.PREFERENCES_PAGE
    # With the signal youtube is still asked, refused by GPC, and "Accept" keeps it refused.
    ev = policy.evaluate(stored.encode(), today=DAY, gpc=True)
    assert ev.asked == ["youtube"] and ev.gpc_refused == ["youtube"] and not ev.needs_banner
    assert ev.accept_asked() == ev.reject_asked()
    assert ev.accept_asked().state(16) == State.DENIED  # a Preferences knows ids, not site names
    # No cookie: everything asked; neither accept_all nor accept_asked grants what GPC refused.
    ev = policy.evaluate(None, today=DAY, gpc=True)
    assert ev.asked == ["statistics", "third_party", "youtube"]
    assert ev.gpc_refused == ["third_party", "youtube"]
    assert ev.accept_asked().categories == {"statistics": State.GRANTED, "third_party": State.DENIED,
                                            "16": State.DENIED}
    assert ev.accept_all() == ev.accept_asked()
    assert ev.choose(["statistics", "third_party", "youtube"]).state(16) == State.GRANTED  # only a choice grants it
    assert ev.reject_asked() == ev.reject_all()
    # Every answer stands: nothing asked.
    ev = policy.evaluate(ev.accept_all().encode(), today=DAY, gpc=True)
    assert ev.asked == [] and ev.gpc_refused == []


def test_find_cookie():
    assert cookieprefs.find_cookie("a=1; cookies_preferences=X", "cookies_preferences") == (25, 26)
    assert cookieprefs.find_cookie(b"a=1", "cookies_preferences") is None
    assert cookieprefs.cookie_value("cookies_preferences=\"BAAAAAAAAAA\"") == "BAAAAAAAAAA"


states = st.sampled_from(["granted", "denied", "not_asked"])
days = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2199, 6, 6))


@given(
    cats=st.dictionaries(st.integers(1, 63), states, max_size=63),
    revision=st.integers(0, 4095),
    d1=days,
    d2=days,
    method=st.sampled_from([Method.BANNER, Method.PREFERENCES_PAGE, Method.BROWSER_SIGNAL, Method.IMPORTED]),
    cid=st.none() | st.uuids(),
)
def test_round_trip(cats, revision, d1, d2, method, cid):
    prefs = Preferences(categories=cats, revision=revision, created=min(d1, d2), updated=max(d1, d2),
                        method=method, consent_id=cid)
    value = prefs.encode()
    assert cookieprefs.decode(value) == prefs
    assert cookieprefs.decode(value).encode() == value


@given(st.one_of(st.text(max_size=80), st.binary(max_size=80)))
def test_any_input_gives_a_value_or_a_decode_error(value):
    try:
        prefs = cookieprefs.decode(value)
    except cookieprefs.DecodeError:
        return
    assert prefs.encode() == (value if isinstance(value, str) else value.decode())


# Any code point, lone surrogates included (what surrogateescape makes of
# undecodable bytes: a CGI script's headers), weighted towards the characters
# that matter to the lookup.
any_char = st.one_of(
    st.characters(categories=["Cs", "Lu", "Ll", "Nd", "Po", "Zs", "So", "Co"]),
    st.sampled_from(list('=;" \t\udcff\udc80\ud800é€😀')),
)
header_parts = st.one_of(st.text(any_char, max_size=12), st.sampled_from(["cookies_preferences=", "; ", "BAADCdcJ1w5Q"]))
headers = st.lists(header_parts, max_size=10).map("".join)


def test_find_cookie_counts_in_the_callers_units():
    header = "tracker=café; cookies_preferences=BAADCdcJ1w5Q"
    start, end = cookieprefs.find_cookie(header, "cookies_preferences")
    assert header[start:end] == "BAADCdcJ1w5Q"  # code points for a str
    raw = header.encode()
    start, end = cookieprefs.find_cookie(raw, "cookies_preferences")
    assert raw[start:end] == b"BAADCdcJ1w5Q"  # bytes for bytes
    header = 'a="😀€"; cookies_preferences="é\udcff"'
    start, end = cookieprefs.find_cookie(header, "cookies_preferences")
    assert header[start:end] == "é\udcff"
    assert cookieprefs.cookie_value(header) == "é\udcff"


def test_strs_with_lone_surrogates_fail_closed():
    # A CGI script gets latin-1 header bytes as surrogates (surrogateescape).
    header = b"tracker=\xff\xfe; cookies_preferences=BAADCdcJ1w5Q".decode("utf-8", "surrogateescape")
    policy = Policy(revision=3)
    ev = policy.evaluate_header(header, today=DAY)
    assert ev.error is None and ev.allowed("statistics")  # our cookie is still read
    assert cookieprefs.cookie_value(header) == "BAADCdcJ1w5Q"
    for bad in ["\udcff", "BAADCdcJ1w5\udcff", "\ud800BAADCdcJ1w5Q"]:
        with pytest.raises(cookieprefs.DecodeError):
            cookieprefs.decode(bad)
        ev = policy.evaluate(bad, today=DAY)
        assert isinstance(ev.error, cookieprefs.DecodeError) and ev.needs_banner and not ev.allowed("statistics")
        ev = policy.evaluate_header("cookies_preferences=" + bad, today=DAY)
        assert isinstance(ev.error, cookieprefs.DecodeError) and ev.needs_banner
    # A category or state name with a surrogate is refused by the core, not a UnicodeEncodeError.
    ev = policy.evaluate(None, today=DAY)
    with pytest.raises(cookieprefs.UnknownCategoryError):
        ev.choose(["statistics\ud800"])
    with pytest.raises(cookieprefs.UnknownNameError):
        Preferences(categories={1: "granted\udcff"})
    assert policy.category("\udcff") is None


@given(headers)
def test_any_str_header_is_evaluated_without_raising(header):
    policy = Policy(revision=3)
    ev = policy.evaluate_header(header, today=DAY)
    assert ev.error is None or isinstance(ev.error, cookieprefs.DecodeError)
    if ev.error is not None:
        assert not ev.allowed("statistics")
    ev = policy.evaluate(header, today=DAY)
    assert ev.error is None or isinstance(ev.error, cookieprefs.DecodeError)
    try:
        cookieprefs.decode(header)
    except cookieprefs.DecodeError:
        pass


@given(headers)
def test_find_cookie_offsets_are_code_points_for_any_str(header):
    found = cookieprefs.find_cookie(header, "cookies_preferences")
    raw = header.encode("utf-8", "surrogatepass")
    found_in_bytes = cookieprefs.find_cookie(raw, "cookies_preferences")
    assert (found is None) == (found_in_bytes is None)
    if found is not None:
        start, end = found
        assert 0 <= start <= end <= len(header)
        assert header[start:end].encode("utf-8", "surrogatepass") == raw[found_in_bytes[0] : found_in_bytes[1]]
        assert cookieprefs.cookie_value(header) == header[start:end]


def test_bools_are_not_categories():
    ev = Policy(revision=3).evaluate(None, today=DAY)
    for bad in (True, False):
        with pytest.raises(TypeError, match="bool"):
            ev.choose([bad])
        with pytest.raises(TypeError, match="bool"):
            ev.state(bad)
        with pytest.raises(TypeError, match="bool"):
            Preferences(categories={bad: "granted"})


@pytest.mark.parametrize("n", [64, 255, 256, -1, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**30, -(10**30), 10**4000])
def test_ints_out_of_range_are_invalid_category_errors(n):
    ev = Policy(revision=3).evaluate(None, today=DAY)
    with pytest.raises(cookieprefs.InvalidCategoryError):
        ev.choose([n])
    with pytest.raises(cookieprefs.InvalidCategoryError):
        Preferences(categories={n: "granted"})
    with pytest.raises(cookieprefs.InvalidCategoryError):
        ev.allowed(n)


def test_policy_gpc_categories():
    assert Policy(revision=1, categories=[{"id": 1, "name": "statistics"}, {"id": 3, "name": "third_party"}],
                  gpc_categories=["third_party"]).gpc_categories == [3]
    assert Policy(revision=1, categories=[{"id": 1, "name": "statistics"}], gpc_categories=[]).gpc_categories == []


SUBINTERPRETER = r"""
import sys
try:
    import _interpreters as interpreters  # 3.13+
except ImportError:
    import _xxsubinterpreters as interpreters  # 3.11, 3.12
if sys.argv[1] == "main-first":
    import cookieprefs
code = '''
import sys
try:
    import cookieprefs
    cookieprefs.decode("BAADCdcJ1w5Q")
    sys.stderr.write("sub: imported\\n")
except ImportError as e:
    sys.stderr.write("sub: ImportError: %s\\n" % e)
'''
interpreters.run_string(interpreters.create(), code)
try:
    import cookieprefs
    print("main: imported")
except ImportError as e:
    print("main: ImportError: %s" % e)
"""


@pytest.mark.parametrize("first", ["main-first", "sub-first"])
def test_a_second_interpreter_is_refused_with_the_mod_wsgi_fix(first):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", SUBINTERPRETER, first], capture_output=True, text=True, check=False)
    if "ModuleNotFoundError" in out.stderr and "interpreters" in out.stderr:
        pytest.skip("no sub-interpreter module in this Python")
    lines = {line.split(":", 1)[0]: line for line in (out.stdout + out.stderr).splitlines() if ": " in line}
    loser = "sub" if first == "main-first" else "main"
    winner = "main" if loser == "sub" else "sub"
    assert lines[winner] == f"{winner}: imported", out
    assert "ImportError" in lines[loser] and "WSGIApplicationGroup %{GLOBAL}" in lines[loser], out


PORTAL = (pathlib.Path(__file__).resolve().parents[3] / "examples" / "policies" / "opendatasoft-portal.json").read_text()

DECLARED = {
    "revision": 1,
    "languages": ["fr", "en"],
    "categories": [
        {"id": 1, "name": "statistics", "label": {"fr": "Mesure d'audience"}},
        {"id": 16, "name": "youtube", "label": {"fr": "Vidéos YouTube"}, "description": {"fr": "Vidéos intégrées."}},
    ],
    "cookies": [
        {"name": "_pk_id.*", "category": "statistics", "provider": "Matomo", "retention": 393,
         "purpose": {"fr": "Distinguer les visiteurs", "en": "Tell visitors apart"}},
        {"name": "_pk_id.1*", "category": "youtube", "domain": ".example.org", "path": "/app"},
        {"name": "sessionid", "category": "necessary", "retention": 14},
        {"name": "__Host-sid", "category": "youtube", "retention": "session"},
    ],
    "undeclared": "block",
}


def test_languages_and_negotiation():
    policy = Policy.from_dict(DECLARED)
    assert policy.languages == ["fr", "en"] and policy.default_language == "fr"
    for requested, resolved in [("fr", "fr"), ("fr-CA", "fr"), ("fr_CA", "fr"), ("EN-gb", "en"), ("en_US", "en"),
                                ("de", "fr"), ("", "fr"), ("fr\udcff", "fr")]:
        assert policy.language_for(requested) == resolved, requested
    default = Policy()
    assert default.languages == ["en", "fr"] and default.default_language == "en"
    assert default.undeclared == "allow" and policy.undeclared == "block"


def test_labels_and_descriptions_fall_back_to_the_default_language():
    policy = Policy.from_dict(DECLARED)
    assert policy.label("statistics") == "Mesure d'audience" == policy.label(1, "fr_CA")
    assert policy.label(Category.STATISTICS, "en") == "Statistics cookies"  # the library's English text
    assert policy.label("youtube", "en") == "Vidéos YouTube"  # only the site's French: the default language
    assert policy.label(16, "de") == policy.label("youtube", None) == "Vidéos YouTube"
    assert policy.description("youtube", "en-GB") == "Vidéos intégrées."
    assert policy.label("necessary", "fr") == policy.label(0, "fr") != policy.label("necessary", "en")
    assert policy.description("statistics", "en") and policy.description("statistics") != policy.description(
        "statistics", "en"
    )
    bare = Policy(categories=[{"id": 20, "name": "maps"}])
    assert bare.label("maps", "fr") == "maps"  # no text anywhere: the category's name
    assert bare.description(20) == ""


def test_label_errors_are_the_core_category_errors():
    policy = Policy.from_dict(DECLARED)
    with pytest.raises(cookieprefs.UnknownCategoryError):
        policy.label("vimeo")
    with pytest.raises(cookieprefs.CategoryNotOfferedError, match="third_party"):
        policy.label(Category.THIRD_PARTY)
    with pytest.raises(cookieprefs.CategoryNotOfferedError):
        policy.description("first_party", "en")
    with pytest.raises(cookieprefs.InvalidCategoryError):
        policy.label(64)
    with pytest.raises(TypeError, match="bool"):
        policy.label(True)
    with pytest.raises(TypeError):
        policy.label("statistics", b"fr")  # type: ignore[arg-type]


def test_declared_cookies():
    policy = Policy.from_dict(DECLARED)
    fr = policy.cookies()
    # The library declares the consent cookie first when the site does not.
    assert [c.name for c in fr] == ["cookies_preferences", "_pk_id.*", "_pk_id.1*", "sessionid", "__Host-sid"]
    own, pk, pk1, sid, host = fr
    assert own.implicit and own.category == "necessary" and not own.is_pattern and own.retention == 183
    assert own.provider and own.purpose  # the library's own texts
    assert pk.is_pattern and pk.category == "statistics" and pk.provider == "Matomo"
    assert pk.purpose == "Distinguer les visiteurs" and policy.cookies("en")[1].purpose == "Tell visitors apart"
    assert policy.cookies("de")[1].purpose == "Distinguer les visiteurs"
    assert pk.retention == 393 and pk.retention_text == "393 jours"
    assert policy.cookies("en")[1].retention_text == "393 days"
    assert sid.retention == 14 and sid.retention_text == "14 jours" and sid.domain is None and sid.path == "/"
    assert host.retention == "session" and host.retention_text == "Durée de la session" and host.category == "youtube"
    assert pk1.retention is None and pk1.retention_text == "Non précisée"
    assert pk1.domain == ".example.org" and pk1.path == "/app" and not pk1.implicit
    assert pk1.service == "" and pk1.purpose == ""  # no text anywhere: empty
    assert repr(pk) == "DeclaredCookie(name='_pk_id.*', category='statistics', provider='Matomo', retention=393)"
    assert repr(host).endswith("retention='session')")
    assert pk == policy.cookies("fr")[1] and hash(pk) == hash(policy.cookies("fr")[1])
    assert pk != policy.cookies("en")[1]  # other texts
    with pytest.raises(AttributeError):
        pk.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        cookieprefs.DeclaredCookie()  # type: ignore[call-arg]
    declared_own = Policy.from_json(PORTAL).cookies()
    assert [c.implicit for c in declared_own] == [False] * len(declared_own)


def test_classify_by_longest_pattern_case_sensitive():
    policy = Policy.from_dict(DECLARED)
    assert policy.classify("_pk_id.2.ab") == "statistics"
    assert policy.classify("_pk_id.1.ab") == "youtube"  # the longer prefix wins
    assert policy.classify("_pk_id.") == "statistics"
    assert policy.classify("_pk_id") is None and policy.classify("_PK_ID.2") is None
    assert policy.classify("sessionid") == "necessary" and policy.classify("sessionid ") is None
    assert policy.classify("cookies_preferences") == "necessary"
    assert policy.classify("") is None
    assert policy.declaration("_pk_id.1.ab").name == "_pk_id.1*"
    assert policy.declaration("_pk_id.2.ab", "en").purpose == "Tell visitors apart"
    assert policy.declaration("tracker") is None
    with pytest.raises(TypeError):
        policy.classify(None)  # type: ignore[arg-type]


def test_names_as_bytes_and_non_utf8():
    policy = Policy.from_dict(DECLARED)
    assert policy.classify(b"_pk_id.2.ab") == "statistics"
    assert policy.classify(b"\xff_pk_id.2") is None and policy.classify(b"\xff") is None
    assert policy.classify(b"_pk_id.2.\xff") == "statistics"  # byte for byte, like the core
    assert policy.classify("_pk_id.2.\udcff") == "statistics"  # a surrogate-escaped str reads as its bytes
    ev = policy.evaluate_header(b"tracker=\xff; _pk_id.2.\xff=1; \xff=2; _pk_id.2.ab=3", today=DAY)
    assert not ev.cookie_allowed(b"_pk_id.2.\xff") and not ev.cookie_allowed(b"\xff")
    assert ev.cookie_allowed(b"sessionid")
    # Only names that are RFC 6265 tokens can be deleted; the others are skipped.
    assert ev.cookies_to_clear(b"tracker=\xff; _pk_id.2.\xff=1; \xff=2; _pk_id.2.ab=3") == [
        "tracker=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        "_pk_id.2.ab=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
    ]
    assert ev.cookies_to_clear("tracker=\udcff; \udcff=1") == [
        "tracker=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"
    ]
    assert not ev.set_cookie_allowed(b"_pk_id.2.\xff=1; Max-Age=60")
    assert ev.set_cookie_allowed(b"_pk_id.2.\xff=; Max-Age=0")
    with pytest.raises(TypeError):
        ev.cookie_allowed(1)  # type: ignore[arg-type]


def test_enforcement_follows_the_choice_and_undeclared_block():
    policy = Policy.from_dict(DECLARED)
    nothing = policy.evaluate(None, today=DAY)
    assert nothing.cookie_allowed("sessionid") and nothing.cookie_allowed("cookies_preferences")
    assert not nothing.cookie_allowed("_pk_id.2.ab") and not nothing.cookie_allowed("tracker")  # undeclared: block
    assert not nothing.set_cookie_allowed("tracker=1; Path=/")
    assert not nothing.set_cookie_allowed("Set-Cookie: _pk_id.2.ab=1; Max-Age=34214400")
    assert nothing.set_cookie_allowed("_pk_id.2.ab=; Max-Age=0")  # a deletion is always kept
    assert nothing.set_cookie_allowed("_pk_id.2.ab=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT")
    assert nothing.set_cookie_allowed("sessionid=abc; HttpOnly")
    granted = policy.evaluate(nothing.accept_all().encode(), today=DAY)
    assert granted.cookie_allowed("_pk_id.2.ab") and granted.cookie_allowed("__Host-sid")
    assert not granted.cookie_allowed("tracker")  # still undeclared
    assert granted.set_cookie_allowed("_pk_id.2.ab=1; Max-Age=34214400")
    only_stats = policy.evaluate(nothing.choose(["statistics"]).encode(), today=DAY)
    assert only_stats.cookie_allowed("_pk_id.2.ab") and not only_stats.cookie_allowed("_pk_id.1.ab")
    allow = Policy(revision=1).evaluate(None, today=DAY)
    assert allow.cookie_allowed("tracker") and allow.cookies_to_clear("tracker=1") == []


def test_deletions_carry_the_declared_domain_and_path():
    policy = Policy.from_dict(DECLARED)
    ev = policy.evaluate(None, today=DAY)
    header = "sessionid=s; _pk_id.1.ab=1; __Host-sid=2; tracker=3; _pk_id.1.ab=again; cookies_preferences=x"
    gone = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
    assert ev.cookies_to_clear(header) == [
        f"_pk_id.1.ab{gone}; Path=/app; Domain=.example.org",  # once, though sent twice
        f"__Host-sid{gone}; Path=/; Secure",  # __Host-: Path=/, no Domain, Secure
        f"tracker{gone}; Path=/",  # undeclared and blocked
    ]
    assert ev.cookies_to_clear(header.encode()) == ev.cookies_to_clear(header)
    assert ev.cookies_to_clear("") == []
    everything = policy.evaluate(ev.accept_all().encode(), today=DAY)
    assert everything.cookies_to_clear(header) == [f"tracker{gone}; Path=/"]


def test_cookie_policy_page():
    policy = Policy.from_json(PORTAL)
    assert policy.page_title() == "Charte cookies" == policy.page_title("fr_CA")
    assert policy.page_title("en") == "Cookie policy"
    md = policy.page(format="markdown")
    assert md.startswith("# Charte cookies\n")
    assert (
        "| Opendatasoft | Authentification (front et back office) | `sessionid` "
        "| Se souvenir de l'utilisateur d'une page à une autre. | 14 jours |"
    ) in md
    assert policy.page("en", "markdown").startswith("# Cookie policy\n")
    fragment = policy.page()
    assert fragment == policy.page("fr", "html") == policy.page(None, "HTML") and "<h1>" not in fragment
    assert "<code>_pk_id.*</code>" in fragment
    doc = policy.page("en-GB", format="html_document")
    assert doc.startswith('<!doctype html>\n<html lang="en">') and "<h1>Cookie policy</h1>" in doc
    with pytest.raises(cookieprefs.UnknownNameError, match='page format "pdf"') as info:
        policy.page(format="pdf")
    assert isinstance(info.value, ValueError)
    with pytest.raises(cookieprefs.UnknownNameError):
        policy.page(format="html\udcff")
    with pytest.raises(TypeError):
        policy.page(format=None)  # type: ignore[arg-type]


def test_the_declaration_round_trips_through_json():
    for policy in (Policy.from_json(PORTAL), Policy.from_dict(DECLARED), Policy()):
        again = Policy.from_json(policy.to_json())
        assert again.to_json() == policy.to_json()
        assert Policy.from_dict(json.loads(policy.to_json())).to_json() == policy.to_json()
        assert again.cookies("en") == policy.cookies("en") and again.languages == policy.languages
    normalized = json.loads(Policy.from_dict(DECLARED).to_json())
    assert normalized["languages"] == ["fr", "en"] and normalized["undeclared"] == "block"
    assert [c["name"] for c in normalized["cookies"]] == ["_pk_id.*", "_pk_id.1*", "sessionid", "__Host-sid"]


def test_declaration_errors_are_the_core_typed_errors():
    with pytest.raises(cookieprefs.InvalidPolicyError, match="language"):
        Policy(languages=["fr"], categories=[{"id": 1, "name": "statistics", "label": {"de": "Statistik"}}])
    with pytest.raises(cookieprefs.CategoryNotOfferedError):
        Policy(categories=[{"id": 1, "name": "statistics"}], cookies=[{"name": "ads", "category": "third_party"}])
    with pytest.raises(cookieprefs.InvalidPolicyError):
        Policy(cookies=[{"name": "cookies_preferences", "category": "statistics"}])
    with pytest.raises(cookieprefs.UnknownNameError):
        Policy(undeclared="deny")


@given(headers)
def test_any_header_gives_deletions_of_cookies_not_allowed(header):
    policy = Policy.from_dict(DECLARED)
    ev = policy.evaluate_header(header, today=DAY)
    raw = header.encode("utf-8", "surrogatepass")
    cleared = ev.cookies_to_clear(header)
    assert cleared == ev.cookies_to_clear(raw)
    for deletion in cleared:
        name = deletion.split("=", 1)[0]
        assert not ev.cookie_allowed(name) and not ev.set_cookie_allowed(name + "=1")
        assert ev.set_cookie_allowed(deletion)  # a deletion header is never dropped
    for pair in header.split(";"):
        name = pair.split("=", 1)[0].strip(" \t")
        assert policy.classify(name) == policy.classify(name.encode("utf-8", "surrogatepass"))


def test_compact_form_round_trips_what_a_page_needs():
    policy = Policy.from_dict(
        {
            "revision": 2,
            "categories": [{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube", "since_revision": 2}],
            "cookies": [{"name": "_pk_id.*", "category": "statistics", "domain": ".example.org"}],
        }
    )
    text = policy.to_compact()
    assert text.startswith("cookieprefs-policy/1 2 183 183 0 ")
    back = Policy.from_compact(text)
    assert back.to_compact() == text
    assert back.categories == policy.categories
    header = "cookies_preferences=BAACCdcJ10EAAAAI; _pk_id.1=x"  # youtube granted, statistics refused
    for p in (policy, back):
        ev = p.evaluate(header, today=DAY)
        assert ev.cookies_to_clear(header) == [
            "_pk_id.1=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org"
        ]
    # What the form leaves out: the site's texts (the library's stand in).
    assert back.label("statistics", "fr") == Policy().label("statistics", "fr")


def test_compact_form_errors_are_invalid_policy_errors():
    for bad in ("", "cookieprefs-policy/2", Policy().to_compact() + " 1"):
        with pytest.raises(cookieprefs.InvalidPolicyError, match="compact form, field"):
            Policy.from_compact(bad)
