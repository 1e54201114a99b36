// Every shared vector of tests/vectors/ against one build of the module, as
// the Rust, C and Python runners do (tests/vectors/README.md).
// vectors.test.mjs runs it on the full build; page-build.test.mjs on the
// page build, each policy read from its compact form. `policyOf(json)`
// gives the build's `Policy` for a policy JSON form; `full`: the build has
// the policy checks, texts, the response filter and `new Preferences`.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { vectors } from "./load.mjs";

/** The standard categories a policy offers when it names none. */
const STANDARD = [{ name: "statistics" }, { name: "first_party" }, { name: "third_party" }];

export function suite(label, cp, policyOf, full) {
  const { CookieprefsError, DecodeError, Policy, Preferences, cookieValue, decode, encode } = cp;

  function kindOf(fn) {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof CookieprefsError, `not a CookieprefsError: ${e}`);
      return e.kind;
    }
    assert.fail("no error");
  }

  describe(`${label}: decode.json`, () => {
    const doc = vectors("decode.json");
    for (const c of doc.valid) {
      test(`valid: ${c.name}`, () => {
        const prefs = decode(c.value);
        assert.deepEqual(prefs.toJSON(), c.fields);
        assert.equal(prefs.encode(), c.value);
        if (!full) return;
        const f = c.fields;
        const built = new Preferences({
          categories: f.categories,
          revision: f.revision,
          created: f.created,
          updated: f.updated,
          method: f.method,
          consentId: f.consent_id,
        });
        assert.equal(encode(built), c.value);
        assert.deepEqual(built.toJSON(), c.fields);
      });
    }
    for (const c of doc.invalid) {
      test(`invalid: ${c.name}`, () => {
        assert.throws(() => decode(c.value), (e) => e instanceof DecodeError && e.kind === c.error);
      });
    }
  });

  describe(`${label}: evaluate.json`, () => {
    const doc = vectors("evaluate.json");
    for (const c of doc.cases) {
      test(c.name, () => {
        const policy = policyOf(doc.policies[c.policy]);
        const ev = policy.evaluateValue(c.value, { today: c.today, gpc: c.gpc });
        const exp = c.expected;
        assert.equal(ev.needsBanner, exp.needs_banner);
        assert.equal(ev.bannerReason, exp.banner_reason);
        assert.equal(ev.error?.kind ?? null, exp.error);
        for (const [name, state] of Object.entries(exp.categories)) assert.equal(ev.state(name), state, name);
        assert.deepEqual({ ...ev.categories }, exp.categories);
        assert.deepEqual(ev.consentMode(), exp.consent_mode);
      });
    }
  });

  describe(`${label}: cookie_header.json`, () => {
    for (const c of vectors("cookie_header.json").cases) {
      test(c.name, () => {
        assert.equal(cookieValue(c.header, c.cookie_name), c.value);
      });
    }
  });

  describe(`${label}: policy.json`, () => {
    const doc = vectors("policy.json");
    for (const c of doc.valid) {
      test(`valid: ${c.name}`, () => {
        if (full) {
          const policy = Policy.fromJson(c.json);
          assert.deepEqual(JSON.parse(policy.toJson()), c.normalized);
          assert.equal(Policy.fromJson(c.normalized).toJson(), policy.toJson());
        }
        // Every valid policy, through this build's policyOf (the compact
        // form in the page build), offers what its normalised form says.
        const ev = policyOf(c.json).evaluate("", { today: "2026-11-24" });
        assert.deepEqual(Object.keys(ev.categories), ["necessary", ...c.normalized.categories.map((k) => k.name)]);
      });
    }
    if (!full) return;
    for (const c of doc.invalid) {
      test(`invalid: ${c.name}`, () => {
        assert.equal(kindOf(() => Policy.fromJson(c.json)), c.error);
      });
    }
  });

  describe(`${label}: compact.json`, () => {
    const doc = vectors("compact.json");
    for (const c of doc.valid) {
      test(`valid: ${c.name}`, () => {
        if (full) assert.equal(Policy.fromJson(c.policy).toCompact(), c.compact);
        const ev = Policy.fromCompact(c.compact).evaluate("", { today: "2026-11-24" });
        assert.deepEqual(Object.keys(ev.categories), ["necessary", ...(c.policy.categories ?? STANDARD).map((k) => k.name)]);
        if (full) assert.equal(Policy.fromCompact(c.compact).toCompact(), c.compact);
      });
    }
    for (const c of doc.invalid) {
      test(`invalid: ${c.name}`, () => {
        assert.throws(
          () => Policy.fromCompact(c.compact),
          (e) => e.kind === c.error && e.message.includes(`compact form, field ${c.field}: `),
        );
      });
    }
  });

  describe(`${label}: duplicates.json`, () => {
    const doc = vectors("duplicates.json");
    const policy = policyOf(doc.policy);
    for (const c of doc.cases) {
      test(c.name, () => {
        const ev = policy.evaluate(c.header, { today: doc.today, gpc: c.gpc });
        const exp = c.expected;
        assert.equal(ev.copies, exp.copies);
        assert.equal(ev.needsBanner, exp.needs_banner);
        assert.equal(ev.bannerReason, exp.banner_reason);
        assert.equal(ev.error?.kind ?? null, exp.error);
        assert.equal(ev.ignoredError?.kind ?? null, exp.ignored_error);
        assert.deepEqual({ ...ev.categories }, exp.categories);
      });
    }
  });

  describe(`${label}: declaration.json`, () => {
    const doc = vectors("declaration.json");
    const policy = (name) => policyOf(doc.policies[name]);
    if (full) {
      for (const c of doc.classify) {
        test(`classify: ${c.policy}: ${c.name}`, () => {
          const got = policy(c.policy).classify(c.name);
          assert.equal(got?.category ?? null, c.category);
          assert.equal(got?.name ?? null, c.declared_as);
        });
      }
      for (const c of doc.texts) {
        test(`texts: ${c.policy}: ${c.language}`, () => {
          const t = policy(c.policy).texts(c.language);
          assert.equal(t.language, c.resolved);
          for (const [name, label] of Object.entries(c.labels)) {
            assert.equal(t.label(name), label, name);
            assert.equal(t.description(name), c.descriptions[name], name);
          }
          assert.deepEqual(
            t.cookies.map((k) => ({ name: k.name, provider: k.provider, service: k.service, purpose: k.purpose })),
            c.cookies,
          );
        });
      }
    }
    for (const c of doc.enforce) {
      test(`enforce: ${c.name}`, () => {
        const ev = policy(c.policy).evaluate(c.header, { today: c.today, gpc: c.gpc });
        for (const [name, allowed] of Object.entries(c.allowed)) assert.equal(ev.cookieAllowed(name), allowed, name);
        if (full) for (const sc of c.set_cookie) assert.equal(ev.setCookieAllowed(sc.line), sc.keep, sc.line);
        assert.deepEqual(ev.cookiesToClear(c.header ?? ""), c.clear);
      });
    }
  });

  describe(`${label}: choose.json`, () => {
    const doc = vectors("choose.json");
    const policy = (name) => policyOf(doc.policies[name]);
    for (const c of doc.cases) {
      test(c.name, () => {
        const options = { today: c.today, gpc: c.gpc };
        const p = policy(c.policy);
        const ev = c.value === null ? p.evaluate("", options) : p.evaluateValue(c.value, options);
        const exp = c.expected;
        assert.equal(ev.needsBanner, exp.needs_banner);
        assert.deepEqual([...ev.asked], exp.asked);
        assert.deepEqual([...ev.gpcRefused], exp.gpc_refused);
        // A value is canonical: the same text is the same states, dates, revision and method.
        const saves = {
          choose: [ev.choose(exp.choose.granted, c.method), exp.choose.saved],
          accept_all: [ev.acceptAll(c.method), exp.accept_all],
          reject_all: [ev.rejectAll(c.method), exp.reject_all],
          accept_asked: [ev.acceptAsked(c.method), exp.accept_asked],
          reject_asked: [ev.rejectAsked(c.method), exp.reject_asked],
        };
        for (const [what, [got, want]] of Object.entries(saves)) assert.equal(got.value, want.value, what);
      });
    }
    for (const c of doc.errors) {
      test(`refused: ${c.name}`, () => {
        const ev = policy(c.policy).evaluate("", { today: doc.today });
        assert.equal(kindOf(() => ev.choose(c.granted)), c.error);
      });
    }
  });
}
