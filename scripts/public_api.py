#!/usr/bin/env python3
"""Reduces rustdoc's JSON of the core crate to its public API, one line per
item: kind, path and signature (functions and methods with their argument
and return types, struct fields, enum variants, constants with their values,
trait impls including the auto traits). scripts/public-api.sh runs it and
compares the result with crates/cookieprefs/public-api.txt.

    public_api.py RUSTDOC_JSON > public-api.txt
"""
import json
import sys


# Auto traits and markers that only nightly toolchains show; their presence
# depends on the toolchain, not on this crate.
UNSTABLE_AUTO_TRAITS = {"Freeze", "UnsafeUnpin", "StructuralPartialEq"}


def main(path):
    doc = json.load(open(path))
    index, paths = doc["index"], doc["paths"]
    out = set()

    public = {}  # id -> the shortest public path, from a first walk

    def name_of(id_, fallback):
        if str(id_) in public:
            return public[str(id_)]
        p = paths.get(str(id_))
        if p is None:
            return fallback
        if p["crate_id"] != 0:
            # std's and serde's module layout is theirs, and moves between
            # toolchains: their items go by name.
            return p["path"][-1]
        return "::".join(p["path"])

    def args(a):
        if not a:
            return ""
        if "angle_bracketed" in a:
            ab = a["angle_bracketed"]
            parts = []
            for x in ab["args"]:
                if "type" in x:
                    parts.append(ty(x["type"]))
                elif "lifetime" in x:
                    parts.append(x["lifetime"])
                elif "const" in x:
                    parts.append(x["const"].get("expr", "?"))
                else:
                    parts.append("_")
            for c in ab.get("constraints", []):
                b = c.get("binding", {})
                if "equality" in b:
                    parts.append(f"{c['name']} = {ty(b['equality'].get('type', {}))}")
                else:
                    parts.append(c["name"])
            return "<" + ", ".join(parts) + ">" if parts else ""
        if "parenthesized" in a:
            p = a["parenthesized"]
            r = f"({', '.join(ty(t) for t in p['inputs'])})"
            return r + (f" -> {ty(p['output'])}" if p.get("output") else "")
        return ""

    def path_(p):
        return name_of(p["id"], p["path"]) + args(p.get("args"))

    def bound(b):
        if "trait_bound" in b:
            return path_(b["trait_bound"]["trait"])
        if "outlives" in b:
            return b["outlives"]
        return json.dumps(b, sort_keys=True)

    def ty(t):
        if t is None:
            return "()"
        (k, v), = t.items()
        if k == "resolved_path":
            return path_(v)
        if k == "primitive" or k == "generic":
            return v
        if k == "borrowed_ref":
            lt = f"{v['lifetime']} " if v.get("lifetime") else ""
            return f"&{lt}{'mut ' if v['is_mutable'] else ''}{ty(v['type'])}"
        if k == "raw_pointer":
            return f"*{'mut' if v['is_mutable'] else 'const'} {ty(v['type'])}"
        if k == "slice":
            return f"[{ty(v)}]"
        if k == "array":
            return f"[{ty(v['type'])}; {v['len']}]"
        if k == "tuple":
            return "(" + ", ".join(ty(x) for x in v) + ")"
        if k == "impl_trait":
            return "impl " + " + ".join(bound(b) for b in v)
        if k == "dyn_trait":
            return "dyn " + " + ".join(path_(x["trait"]) for x in v["traits"])
        if k == "qualified_path":
            tr = f" as {path_(v['trait'])}" if v.get("trait") else ""
            return f"<{ty(v['self_type'])}{tr}>::{v['name']}"
        return json.dumps(t, sort_keys=True)

    def generics(g):
        ps = []
        for p in g["params"]:
            k = p["kind"]
            if "lifetime" in k:
                ps.append(p["name"])
            elif "type" in k:
                if k["type"].get("is_synthetic"):
                    continue
                bs = k["type"]["bounds"]
                ps.append(p["name"] + (": " + " + ".join(bound(b) for b in bs) if bs else ""))
            elif "const" in k:
                ps.append(f"const {p['name']}: {ty(k['const']['type'])}")
        wh = []
        for w in g.get("where_predicates", []):
            if "bound_predicate" in w:
                bp = w["bound_predicate"]
                wh.append(f"{ty(bp['type'])}: " + " + ".join(bound(b) for b in bp["bounds"]))
        return ("<" + ", ".join(ps) + ">" if ps else ""), (" where " + ", ".join(wh) if wh else "")

    def fn_sig(name, f):
        h = f["header"]
        quals = "".join(q for q, on in (("const ", h["is_const"]), ("unsafe ", h["is_unsafe"]), ("async ", h["is_async"])) if on)
        g, wh = generics(f["generics"])
        ins = []
        for n, t in f["sig"]["inputs"]:
            ins.append("self" if n == "self" and t == {"generic": "Self"} else
                       ("&self" if n == "self" and ty(t) == "&Self" else
                        ("&mut self" if n == "self" and ty(t) == "&mut Self" else f"{n}: {ty(t)}")))
        o = f["sig"]["output"]
        ret = f" -> {ty(o)}" if o is not None else ""
        return f"{quals}fn {name}{g}({', '.join(ins)}){ret}{wh}"

    def attrs(item):
        a = []
        for x in item.get("attrs", []):
            if x == "non_exhaustive" or (isinstance(x, dict) and "non_exhaustive" in x):
                a.append("#[non_exhaustive] ")
            elif isinstance(x, dict) and "must_use" in x:
                a.append("#[must_use] ")
        return "".join(a)

    def impls(owner, ids):
        for i in ids:
            it = index[str(i)]
            im = it["inner"]["impl"]
            if im["blanket_impl"] is not None:
                continue
            g, wh = generics(im["generics"])
            if im["trait"] is not None:
                if im["trait"]["path"].split("::")[-1] in UNSTABLE_AUTO_TRAITS:
                    continue
                neg = "!" if im["is_negative"] else ""
                out.add(f"impl{g} {neg}{path_(im['trait'])} for {ty(im['for'])}{wh}")
                continue
            for m in im["items"]:
                mi = index[str(m)]
                if mi["visibility"] != "public":
                    continue
                (k, v), = mi["inner"].items()
                dep = " #[deprecated]" if mi.get("deprecation") else ""
                if k == "function":
                    out.add(f"{attrs(mi)}{owner}::{fn_sig(mi['name'], v)}{dep}".replace(f"{owner}::", f"impl {owner}: ", 1))
                elif k == "assoc_const":
                    out.add(f"impl {owner}: const {mi['name']}: {ty(v['type'])} = {v.get('value')}{dep}")
                else:
                    out.add(f"impl {owner}: {k} {mi['name']}")

    seen = set()

    def walk(item_id, prefix, name=None):
        item = index.get(str(item_id))
        if item is None or (item_id, prefix, name) in seen:
            return
        seen.add((item_id, prefix, name))
        (k, v), = item["inner"].items()
        name = name or item["name"]
        full = f"{prefix}::{name}" if prefix else name
        if k == "use":
            full = prefix
        if k != "use":
            old = public.get(str(item_id))
            if old is None or len(old) > len(full):
                public[str(item_id)] = full
        dep = " #[deprecated]" if item.get("deprecation") else ""
        if k == "module":
            if prefix:
                out.add(f"mod {full}")
            for c in v["items"]:
                walk(c, full if prefix else name)
        elif k == "use":
            if v.get("id") is not None and str(v["id"]) in index:
                target = index[str(v["id"])]
                if v["is_glob"]:
                    if "module" in target["inner"]:
                        for c in target["inner"]["module"]["items"]:
                            walk(c, prefix)
                else:
                    walk(v["id"], prefix, v["name"])
            else:
                out.add(f"pub use {v['source']} as {full}")
        elif k == "function":
            out.add(f"{attrs(item)}pub {fn_sig(full, v)}{dep}")
        elif k == "constant":
            out.add(f"pub const {full}: {ty(v['type'])} = {v['const'].get('value') or v['const'].get('expr')}{dep}")
        elif k == "type_alias":
            g, _ = generics(v["generics"])
            out.add(f"pub type {full}{g} = {ty(v['type'])}{dep}")
        elif k == "struct":
            g, wh = generics(v["generics"])
            kind = v["kind"]
            if kind == "unit":
                fields = ";"
            elif "tuple" in kind:
                fs = [ty(index[str(f)]["inner"]["struct_field"]) if f is not None else "_" for f in kind["tuple"]]
                fields = "(" + ", ".join(fs) + ")"
            else:
                fs = [f"{index[str(f)]['name']}: {ty(index[str(f)]['inner']['struct_field'])}" for f in kind["plain"]["fields"]]
                if kind["plain"]["has_stripped_fields"]:
                    fs.append("..")
                fields = " { " + ", ".join(fs) + " }"
            out.add(f"{attrs(item)}pub struct {full}{g}{fields}{wh}{dep}")
            impls(full, v["impls"])
        elif k == "enum":
            g, wh = generics(v["generics"])
            out.add(f"{attrs(item)}pub enum {full}{g}{wh}{dep}")
            for var in v["variants"]:
                vi = index[str(var)]
                vk = vi["inner"]["variant"]["kind"]
                if vk == "plain":
                    body = ""
                elif "tuple" in vk:
                    body = "(" + ", ".join(ty(index[str(f)]["inner"]["struct_field"]) if f is not None else "_" for f in vk["tuple"]) + ")"
                else:
                    body = " { " + ", ".join(f"{index[str(f)]['name']}: {ty(index[str(f)]['inner']['struct_field'])}" for f in vk["struct"]["fields"]) + " }"
                disc = vi["inner"]["variant"].get("discriminant")
                d = f" = {disc['value']}" if disc else ""
                out.add(f"{attrs(vi)}pub variant {full}::{vi['name']}{body}{d}")
            impls(full, v["impls"])
        elif k == "trait":
            out.add(f"pub trait {full}")
        elif k == "macro":
            out.add(f"pub macro {full}!")
        else:
            out.add(f"pub {k} {full}")

    walk(doc["root"], "")  # learns the public paths
    out.clear()
    seen.clear()
    walk(doc["root"], "")
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
