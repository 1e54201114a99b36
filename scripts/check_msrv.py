#!/usr/bin/env python3
"""Reads `cargo metadata` (stdin) and checks that every package the named
crates need to build (normal and build dependencies, transitively, at the
versions in Cargo.lock) declares a rust-version no newer than the named
crates' own. A dependency without rust-version is listed, not failed.

    cargo metadata --format-version 1 --locked | check_msrv.py CRATE...
"""
import json
import sys


def key(v):
    return tuple(int(x) for x in v.split("."))


def main(names):
    meta = json.load(sys.stdin)
    pkgs = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    bad = 0
    for name in names:
        root = next(p for p in meta["packages"] if p["name"] == name and p["source"] is None)
        msrv = root["rust_version"]
        seen, todo = set(), [root["id"]]
        while todo:
            i = todo.pop()
            if i in seen:
                continue
            seen.add(i)
            for d in nodes[i]["deps"]:
                if any(k["kind"] in (None, "build") for k in d["dep_kinds"]):
                    todo.append(d["pkg"])
        seen.discard(root["id"])
        need = max((key(pkgs[i]["rust_version"]), pkgs[i]["name"]) for i in seen if pkgs[i]["rust_version"])
        unknown = sorted(pkgs[i]["name"] for i in seen if not pkgs[i]["rust_version"])
        ok = need[0] <= key(msrv)
        bad += not ok
        print(f"   {name}: rust-version {msrv}; its {len(seen)} locked dependencies need at most "
              f"{'.'.join(map(str, need[0]))} ({need[1]}){'' if ok else '  <-- TOO NEW'}"
              + (f"; without rust-version: {', '.join(unknown)}" if unknown else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
