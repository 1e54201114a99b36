// The page build (cookieprefs-page.js on cookieprefs_page_bg.wasm): every
// shared vector it can run, each policy checked by the full build and
// handed over in its compact form (docs/FORMAT.md §14), as a server hands
// it to a page; and what it leaves out says so.
import assert from "node:assert/strict";
import { test } from "node:test";

import full, { page } from "./load.mjs";
import { suite } from "./vector-suite.mjs";

const compact = (json) => full.Policy.fromJson(json).toCompact();

suite("page", page, (json) => page.Policy.fromCompact(compact(json)), false);

test("the compact form is the full build's, read back unchanged", () => {
  const json = { revision: 3, cookies: [{ name: "_pk_id.*", category: "statistics" }] };
  const text = compact(json);
  assert.match(text, /^cookieprefs-policy\/1 3 183 183 8 /);
  assert.equal(full.Policy.fromCompact(text).toCompact(), text);
});

test("a form that is not one is an invalid_policy error", () => {
  for (const bad of ["", "cookieprefs-policy/2", compact({}) + " 1", compact({}).replace(" 183 ", " 396 ")]) {
    assert.throws(
      () => page.Policy.fromCompact(bad),
      (e) => e instanceof page.CookieprefsError && e.kind === "invalid_policy" && /compact form/.test(e.message),
    );
  }
  assert.throws(() => page.Policy.fromCompact(3), TypeError);
});

test("what the page build leaves out says so", () => {
  const policy = page.Policy.fromCompact(compact({}));
  const ev = policy.evaluate("", { today: "2026-11-24" });
  for (const [what, call] of [
    ["Policy.fromJson", () => page.Policy.fromJson({})],
    ["new Policy()", () => new page.Policy()],
    ["toJson", () => policy.toJson()],
    ["toCompact", () => policy.toCompact()],
    ["texts", () => policy.texts("fr")],
    ["classify", () => policy.classify("_ga")],
    ["Policy.setCookieHeader", () => policy.setCookieHeader(ev.rejectAll().preferences)],
    ["new Preferences", () => new page.Preferences({})],
    ["Evaluation.setCookieHeader", () => ev.setCookieHeader()],
    ["setCookieAllowed", () => ev.setCookieAllowed("_ga=1")],
  ]) {
    assert.throws(call, (e) => e.message.includes(`${what} is not in the page build`), what);
  }
});

test("a choice made in the page build is the one the full build makes", () => {
  const json = { revision: 2 };
  const a = page.Policy.fromCompact(compact(json)).evaluate("", { today: "2026-11-24", gpc: true });
  const b = full.Policy.fromJson(json).evaluate("", { today: "2026-11-24", gpc: true });
  for (const how of ["acceptAll", "rejectAll", "acceptAsked", "rejectAsked"]) {
    assert.deepEqual(a[how]().cookie, b[how]().cookie, how);
  }
  assert.equal(a.choose(["statistics"]).value, b.choose(["statistics"]).value);
  assert.deepEqual(a.consentMode(), b.consentMode());
});
