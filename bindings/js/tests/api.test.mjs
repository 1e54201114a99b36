// The JavaScript API around the module: errors, argument checks, the
// cookie strings of a choice, the declaration's texts (docs/JS.md).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import cp from "./load.mjs";

const { CookieprefsError, DecodeError, ERROR_KINDS, Method, Policy, Preferences, VALUE_ERROR_KINDS, decode, encode } =
  cp;
const TODAY = "2026-11-24";

test("errors carry the core's kind and message", () => {
  assert.throws(
    () => decode("BAADCdcJ1w5Q="),
    (e) =>
      e instanceof DecodeError &&
      e instanceof CookieprefsError &&
      e instanceof Error &&
      e.name === "DecodeError" &&
      e.kind === "invalid_character" &&
      e.message.startsWith("invalid character '=' (0x3d) at offset 12"),
  );
  assert.throws(
    () => Policy.fromJson("{"),
    (e) => e.constructor === CookieprefsError && e.name === "CookieprefsError" && e.kind === "invalid_json",
  );
  assert.ok(VALUE_ERROR_KINDS.every((k) => ERROR_KINDS.includes(k)));
});

test("the declared ErrorKind union is the core's list", () => {
  const dts = readFileSync(new URL("../js/cookieprefs.d.ts", import.meta.url), "utf8");
  const union = dts.match(/export type ErrorKind =([^;]*);/)[1];
  assert.deepEqual([...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]), [...ERROR_KINDS]);
});

test("a choice gives the value and the cookie the server writes", () => {
  const policy = new Policy({ revision: 3 });
  const ev = policy.evaluate(null, { today: TODAY });
  assert.equal(ev.needsBanner, true);
  assert.equal(ev.bannerReason, "no_choice");
  const choice = ev.choose(["statistics"]);
  assert.equal(choice.value, "BAADCdcJ1w5Q");
  assert.equal(choice.cookie, "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure");
  assert.equal(choice.preferences.state("statistics"), "granted");
  assert.equal(choice.preferences.method, "banner");
  assert.equal(ev.rejectAll(Method.PREFERENCES_PAGE).preferences.method, "preferences_page");
  assert.equal(ev.setCookieHeaderFor(choice.preferences), choice.cookie);
  const after = policy.evaluate(`sessionid=x; ${choice.cookie.split(";")[0]}`, { today: TODAY });
  assert.equal(after.needsBanner, false);
  assert.equal(after.allowed("statistics"), true);
  assert.equal(after.allowed(3), false);
  assert.equal(after.stored.value, "BAADCdcJ1w5Q");
  assert.equal(after.setCookieHeader(), choice.cookie);
});

test("category arguments: names, integer ids, the core's errors", () => {
  const ev = new Policy().evaluate(null, { today: TODAY, gpc: true });
  assert.equal(ev.gpcApplied, true);
  assert.equal(ev.state("third_party"), "denied");
  assert.equal(ev.state(3), "denied");
  assert.throws(() => ev.allowed(64), (e) => e.kind === "invalid_category");
  assert.throws(() => ev.allowed(-1), (e) => e.kind === "invalid_category");
  assert.throws(() => ev.allowed("youtube"), (e) => e.kind === "unknown_category");
  assert.throws(() => ev.allowed(true), TypeError);
  assert.throws(() => ev.allowed(1.5), TypeError);
  assert.throws(() => ev.choose(["necessary"]), (e) => e.kind === "necessary_not_stored");
  assert.throws(() => ev.choose([16]), (e) => e.kind === "category_not_offered");
  assert.throws(() => ev.acceptAll("email"), (e) => e.kind === "unknown_name");
  assert.throws(() => new Policy().evaluate(null, { today: "24/11/2026" }), (e) => e.kind === "invalid_date");
});

test("today: a Date's UTC day, and today by default", () => {
  const ev = new Policy().evaluate(null, { today: new Date(Date.UTC(2026, 10, 24, 23, 59)) });
  assert.equal(ev.today, "2026-11-24");
  assert.equal(new Policy().evaluate(null).today, new Date().toISOString().slice(0, 10));
});

test("Preferences from fields, and encode", () => {
  const p = new Preferences({
    categories: { statistics: "granted", first_party: "denied", 3: "denied" },
    revision: 3,
    updated: TODAY,
  });
  assert.ok(p instanceof Preferences);
  assert.equal(p.value, "BAADCdcJ1w5Q");
  assert.equal(p.created, TODAY);
  assert.equal(encode({ revision: 3, updated: TODAY, categories: { 1: "granted", 2: "denied", 3: "denied" } }), p.value);
  assert.throws(() => new Preferences({ revision: 5000 }), (e) => e.kind === "revision_out_of_range");
  assert.equal(String(decode("BAADCdcJ1w5Q")), "BAADCdcJ1w5Q");
  assert.deepEqual(JSON.parse(JSON.stringify(p)), p.toJSON());
});

test("the declaration: texts, classification, the cookies to clear", () => {
  const policy = Policy.fromJson({
    languages: ["fr", "en"],
    cookies: [{ name: "_pk_id.*", category: "statistics", domain: ".example.org" }],
  });
  const fr = policy.texts("fr-CA");
  assert.equal(fr.language, "fr");
  assert.equal(fr.label("statistics"), "Cookies statistiques");
  assert.equal(fr.label(0), fr.categories[0].label);
  assert.deepEqual(
    fr.cookies.map((c) => c.name),
    ["cookies_preferences", "_pk_id.*"],
  );
  assert.deepEqual(policy.classify("_pk_id.1.ab"), { name: "_pk_id.*", category: "statistics" });
  assert.equal(policy.classify("other"), null);
  const ev = policy.evaluate("cookies_preferences=BAAACdcJ1wI; _pk_id.1.ab=1", { today: TODAY });
  assert.equal(ev.cookieAllowed("_pk_id.1.ab"), false);
  assert.deepEqual(ev.cookiesToClear("cookies_preferences=BAAACdcJ1wI; _pk_id.1.ab=1"), [
    "_pk_id.1.ab=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org",
  ]);
  assert.equal(policy.languages[0], "fr");
  assert.equal(policy.cookieName, "cookies_preferences");
  assert.deepEqual(policy.categories[0], { id: 1, name: "statistics", sinceRevision: 0 });
});
