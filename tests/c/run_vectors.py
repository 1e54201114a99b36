#!/usr/bin/env python3
"""Drives vector_runner (the C ABI) through every case of tests/vectors/.

Usage: run_vectors.py PATH/TO/vector_runner [RUNNER ARGS PREFIX...]
The runner may be wrapped, e.g. `valgrind ... ./vector_runner`.
Python standard library only: the C test suite must not need a virtualenv.
"""
import datetime
import json
import pathlib
import subprocess
import sys

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors"
EPOCH = datetime.date(2020, 1, 1)
METHODS = ["banner", "preferences_page", "browser_signal", "imported"]
STATES = ["not_asked", "denied", "granted"]
STANDARD = {"necessary": 0, "statistics": 1, "first_party": 2, "third_party": 3}
CONSENT_TYPES = [
    "ad_storage", "ad_user_data", "ad_personalization", "analytics_storage",
    "functionality_storage", "personalization_storage", "security_storage",
]


def hexed(text):
    """Hex of the UTF-8 bytes; `zz` (not hex: zero bytes, non-NULL) for an empty string."""
    data = text.encode("utf-8")
    return data.hex() if data else "zz"


def days(iso):
    return (datetime.date.fromisoformat(iso) - EPOCH).days


def category_id(name, policy=None):
    if policy is not None:
        for c in policy.get("categories") or []:
            if c["name"] == name:
                return c["id"]
    return STANDARD[name] if name in STANDARD else int(name)


def main():
    runner = sys.argv[1:]
    decode = json.loads((VECTORS / "decode.json").read_text())
    evaluate = json.loads((VECTORS / "evaluate.json").read_text())
    headers = json.loads((VECTORS / "cookie_header.json").read_text())
    policies = json.loads((VECTORS / "policy.json").read_text())
    duplicates = json.loads((VECTORS / "duplicates.json").read_text())
    declaration = json.loads((VECTORS / "declaration.json").read_text())
    choose = json.loads((VECTORS / "choose.json").read_text())

    lines, checks = [], []
    for case in decode["valid"]:
        lines.append(f"decode\t{hexed(case['value'])}")
        checks.append(("decode-valid", case))
    for case in decode["invalid"]:
        lines.append(f"decode\t{hexed(case['value'])}")
        checks.append(("decode-invalid", case))
    for case in evaluate["cases"]:
        policy = evaluate["policies"][case["policy"]]
        cookie_name = (policy.get("cookie") or {}).get("name", "cookies_preferences")
        lines.append(f"policy\t{hexed(json.dumps(policy))}\t{hexed(cookie_name)}")
        checks.append(("policy", case))
        value = "-" if case["value"] is None else hexed(case["value"])  # "-": no cookie
        names = ",".join(case["expected"]["categories"])
        lines.append(f"eval\t{value}\t{days(case['today'])}\t{int(case['gpc'])}\t{names.encode().hex() or '-'}")
        checks.append(("eval", case))
    for case in headers["cases"]:
        lines.append(f"header\t{hexed(case['header'])}\t{hexed(case['cookie_name'])}")
        checks.append(("header", case))
    dup_policy = duplicates["policy"]
    dup_name = (dup_policy.get("cookie") or {}).get("name", "cookies_preferences")
    lines.append(f"policy\t{hexed(json.dumps(dup_policy))}\t{hexed(dup_name)}")
    checks.append(("policy", {"name": "duplicates", "policy": "duplicates"}))
    for case in duplicates["cases"]:
        names = ",".join(n for n in case["expected"]["categories"] if n != "necessary")
        lines.append(f"evalh\t{hexed(case['header'])}\t{days(duplicates['today'])}\t{int(case['gpc'])}\t{names.encode().hex()}")
        checks.append(("evalh", case))
    # The declaration: classify, texts and enforce under each case's policy.
    def load_policy(name):
        policy = declaration["policies"][name]
        cookie_name = (policy.get("cookie") or {}).get("name", "cookies_preferences")
        lines.append(f"policy\t{hexed(json.dumps(policy))}\t{hexed(cookie_name)}")
        checks.append(("policy", {"name": name, "policy": name}))

    def hex_list(items):
        return ",".join(hexed(i) for i in items) or "-"

    for i, case in enumerate(declaration["classify"]):
        load_policy(case["policy"])
        lines.append(f"classify\t{hexed(case['name'])}")
        checks.append(("classify", dict(case, name=f"classify {i} {case['name']!r}", cookie=case["name"])))
    for i, case in enumerate(declaration["texts"]):
        load_policy(case["policy"])
        policy = declaration["policies"][case["policy"]]
        ids = ",".join(str(category_id(n, policy)) for n in case["labels"])
        lines.append(f"texts\t{hexed(case['language'])}\t{ids}")
        checks.append(("texts", dict(case, name=f"texts {i} {case['policy']} {case['language']!r}")))
    for case in declaration["enforce"]:
        load_policy(case["policy"])
        header = "-" if case["header"] is None else hexed(case["header"])
        lines.append(
            f"enforce\t{header}\t{days(case['today'])}\t{int(case['gpc'])}\t{hex_list(case['allowed'])}"
            f"\t{hex_list(c['line'] for c in case['set_cookie'])}"
        )
        checks.append(("enforce", case))

    # Answering the banner: what the C ABI can save. It has choose only, so
    # accept-all is choose(every offered id but the GPC-refused ones, as the
    # vector lists them) and reject-all choose(none); asked, GPC-refused and
    # accept/reject-asked have no C function yet.
    def load_choose_policy(name):
        lines.append(f"policy\t{hexed(json.dumps(choose['policies'][name]))}\t{hexed('cookies_preferences')}")
        checks.append(("policy", {"name": name, "policy": name}))

    for case in choose["cases"]:
        policy = choose["policies"][case["policy"]]
        load_choose_policy(case["policy"])
        value = "-" if case["value"] is None else hexed(case["value"])
        refused = {category_id(n, policy) for n in case["expected"]["gpc_refused"]}
        offered = [c["id"] for c in policy.get("categories") or [{"id": 1}, {"id": 2}, {"id": 3}]
                   if c["id"] not in refused]
        exp = case["expected"]
        for what, ids, want in [
            ("choose", [category_id(n, policy) for n in exp["choose"]["granted"]], exp["choose"]["saved"]),
            ("accept_all", offered, exp["accept_all"]),
            ("reject_all", [], exp["reject_all"]),
        ]:
            lines.append(f"choose\t{value}\t{days(case['today'])}\t{int(case['gpc'])}"
                         f"\t{METHODS.index(case['method'])}\t{','.join(map(str, ids)) or '-'}")
            checks.append(("choose", dict(case, name=f"{case['name']} {what}", want=["ok", want["value"]])))
    for case in choose["errors"]:
        policy = choose["policies"][case["policy"]]
        load_choose_policy(case["policy"])
        ids = ",".join(str(category_id(n, policy)) for n in case["granted"])
        lines.append(f"choose\t-\t{days(choose['today'])}\t0\t0\t{ids}")
        checks.append(("choose", dict(case, want=["error", case["error"]])))

    # Last: a loaded policy replaces the runner's current one.
    for group in ("valid", "invalid"):
        for case in policies[group]:
            lines.append(f"policy\t{hexed(case['json'])}")
            checks.append((f"policy-{group}", case))

    out = subprocess.run(runner, input="\n".join(lines) + "\n", capture_output=True, text=True, check=False)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        print(f"vector runner exited with {out.returncode}", file=sys.stderr)
        return 1
    results = out.stdout.splitlines()
    if len(results) != len(checks):
        print(f"expected {len(checks)} answers, got {len(results)}", file=sys.stderr)
        return 1

    passed, failed = 0, 0
    for (kind, case), answer in zip(checks, results):
        fields = answer.split("\t")
        problem = None
        if kind == "decode-valid":
            f = case["fields"]
            states = ["0"] * 63
            for name, state in f["categories"].items():
                states[category_id(name) - 1] = str(STATES.index(state))
            cid = f["consent_id"].replace("-", "") if f["consent_id"] else "-"
            want = ["ok", str(f["revision"]), str(days(f["created"])), str(days(f["updated"])),
                    str(METHODS.index(f["method"])), cid, "".join(states), case["value"]]
            if fields != want:
                problem = f"got {fields}, want {want}"
        elif kind == "decode-invalid":
            if fields != ["error", case["error"]]:
                problem = f"got {fields}, want error {case['error']}"
        elif kind == "policy":
            if fields != ["ok"]:
                problem = f"policy {case['policy']} not loaded: {fields}"
            else:
                continue  # not a case of its own
        elif kind == "eval":
            exp = case["expected"]
            policy = evaluate["policies"][case["policy"]]
            if len(fields) != 7 or fields[0] != "ok":
                problem = f"got {fields}"
            else:
                _, banner, reason, status, states, mode, by_name = fields
                want_by_name = ",".join(f"{n}={STATES.index(s)}" for n, s in exp["categories"].items())
                want_status = exp["error"] or "ok"
                if banner != str(int(exp["needs_banner"])):
                    problem = f"banner {banner}"
                elif reason != (exp["banner_reason"] or "none"):
                    problem = f"reason {reason}, want {exp['banner_reason']}"
                elif status != want_status:
                    problem = f"value status {status}, want {want_status}"
                else:
                    for name, state in exp["categories"].items():
                        got = states[category_id(name, policy)]
                        if got != str(STATES.index(state)):
                            problem = f"{name}: state {got}, want {state}"
                    want_mode = "".join("1" if exp["consent_mode"][t] == "granted" else "0" for t in CONSENT_TYPES)
                    if mode != want_mode:
                        problem = f"consent mode {mode}, want {want_mode}"
                    elif by_name != want_by_name:
                        problem = f"states by policy name {by_name}, want {want_by_name}"
        elif kind == "evalh":
            exp = case["expected"]
            want_states = ",".join(
                f"{n}={STATES.index(s)}" for n, s in exp["categories"].items() if n != "necessary"
            )
            want = ["ok", str(int(exp["needs_banner"])), exp["banner_reason"] or "none", exp["error"] or "ok",
                    exp["ignored_error"] or "ok", str(exp["copies"]), want_states]
            if fields != want:
                problem = f"got {fields}, want {want}"
        elif kind == "classify":
            policy = declaration["policies"][case["policy"]]
            if case["category"] is None:
                want = ["none"]
            else:
                want = ["ok", str(category_id(case["category"], policy)), case["declared_as"].encode().hex()]
            if fields != want:
                problem = f"got {fields}, want {want}"
        elif kind == "texts":
            policy = declaration["policies"][case["policy"]]
            texts = ",".join(
                f"{category_id(n, policy)}={t.encode().hex()}:{case['descriptions'][n].encode().hex()}"
                for n, t in case["labels"].items()
            )
            cookies = ",".join(
                ":".join(c[k].encode().hex() for k in ("name", "provider", "service", "purpose"))
                for c in case["cookies"]
            )
            want = ["ok", case["resolved"].encode().hex(), texts, str(len(case["cookies"])), cookies]
            if fields != want:
                problem = f"got {fields}, want {want}"
        elif kind == "enforce":
            want = [
                "ok",
                "".join(str(int(v)) for v in case["allowed"].values()),
                "".join(str(int(c["keep"])) for c in case["set_cookie"]),
                ",".join(d.encode().hex() for d in case["clear"]) or "-",
            ]
            if fields != want:
                problem = f"got {fields}, want {want}"
        elif kind == "choose":
            if fields != case["want"]:
                problem = f"got {fields}, want {case['want']}"
        elif kind == "policy-valid":
            if fields != ["ok"]:
                problem = f"got {fields}, want ok"
        elif kind == "policy-invalid":
            if fields != ["error", case["error"]]:
                problem = f"got {fields}, want error {case['error']}"
        elif kind == "header":
            want = "none" if case["value"] is None else f"found\t{case['value'].encode().hex()}"
            if case["value"] == "":
                want = "found\t"
            if answer != want:
                problem = f"got {answer!r}, want {want!r}"
        if problem:
            failed += 1
            print(f"FAIL {kind} {case['name']}: {problem}", file=sys.stderr)
        else:
            passed += 1
    print(f"vectors through the C ABI: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
