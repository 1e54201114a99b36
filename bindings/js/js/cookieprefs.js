// cookieprefs for the browser: the Rust core compiled to WebAssembly, with
// the API of the Python binding. Every rule, name and error message is the
// core's; this module only converts arguments and wraps the answers.
// Types: cookieprefs.d.ts. Documentation: docs/JS.md.
// The same file is bundled with the `page` build's glue into page.js
// (scripts/build-js.sh): that build has no policy checks, so the functions
// behind them are absent there (`full` says so).
import * as wasm from "./cookieprefs_wasm.js";

const { Failure, Policy: WasmPolicy, categoryId, constants, decodeJson } = wasm;
const wasmInit = wasm.default;

/** A function of the full build; in the page build, a clear error. */
function full(f, what) {
  if (typeof f === "function") return f;
  throw new Error(
    `cookieprefs: ${what} is not in the page build, which reads a policy from its compact form only ` +
      "(Policy.fromCompact; docs/JS.md, \"The page build\")",
  );
}

/** The library's version (the Rust crates'), once loaded. */
export let VERSION = "";
/** The format version written (and the newest read). */
export let FORMAT_VERSION = 0;
/** The longest input `decode` looks at. */
export let MAX_ENCODED_LEN = 0;
/** The highest policy revision. */
export let MAX_REVISION = 0;
/** The highest category id. */
export let MAX_CATEGORY_ID = 0;
/** `cookies_preferences`. */
export let DEFAULT_COOKIE_NAME = "";
/** Every error kind of the core. */
export let ERROR_KINDS = [];
/** The kinds about a cookie value: a `DecodeError`. */
export let VALUE_ERROR_KINDS = [];

/** How a choice was made. */
export const Method = Object.freeze({
  BANNER: "banner",
  PREFERENCES_PAGE: "preferences_page",
  BROWSER_SIGNAL: "browser_signal",
  IMPORTED: "imported",
});

/** A category's state. */
export const State = Object.freeze({ NOT_ASKED: "not_asked", DENIED: "denied", GRANTED: "granted" });

let loaded = false;

function ready() {
  const c = JSON.parse(constants());
  VERSION = c.version;
  FORMAT_VERSION = c.format_version;
  MAX_ENCODED_LEN = c.max_encoded_len;
  MAX_REVISION = c.max_revision;
  MAX_CATEGORY_ID = c.max_category_id;
  DEFAULT_COOKIE_NAME = c.default_cookie_name;
  ERROR_KINDS = Object.freeze(c.error_kinds);
  VALUE_ERROR_KINDS = Object.freeze(c.value_error_kinds);
  loaded = true;
}

/**
 * Loads the WebAssembly module, once. `source`: its URL, a `Response`, its
 * bytes or a compiled `WebAssembly.Module`; by default the
 * `cookieprefs_wasm_bg.wasm` beside this file.
 */
export async function init(source) {
  if (!loaded) {
    await wasmInit(source === undefined ? undefined : { module_or_path: source });
    ready();
  }
}

/** `init` from the module's bytes or a `WebAssembly.Module`, synchronously (Node). */
export function initSync(source) {
  if (!loaded) {
    wasm.initSync({ module: source });
    ready();
  }
}

/** Every error of the library: `kind` is the core's error kind. */
export class CookieprefsError extends Error {
  // Spelled out: the shipped file is minified (scripts/build-js.sh).
  static name = "CookieprefsError";

  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }

  get name() {
    return this.constructor.name;
  }
}

/** A cookie value that is not a valid, canonical value (the core's value errors). */
export class DecodeError extends CookieprefsError {
  static name = "DecodeError";
}

function error(kind, message) {
  return new (VALUE_ERROR_KINDS.includes(kind) ? DecodeError : CookieprefsError)(kind, message);
}

/** Calls into the module, turning the core's error into a `CookieprefsError`. */
function call(f) {
  if (!loaded) throw new Error("cookieprefs: call init() (or initSync()) first");
  try {
    return f();
  } catch (e) {
    if (e instanceof Failure) {
      const { kind, message } = e;
      e.free();
      throw error(kind, message);
    }
    throw e;
  }
}

function text(v, what) {
  if (typeof v !== "string") throw new TypeError(`${what} must be a string`);
  return v;
}

/** A category reference (a name, or an integer id) as the text the core reads. */
function ref(c) {
  if (typeof c === "string") return c;
  if (typeof c === "number" && Number.isInteger(c)) return String(call(() => categoryId(c)));
  throw new TypeError("a category is a name (string) or an integer id (0-63)");
}

/** `YYYY-MM-DD`: the UTC day of a `Date`, a string as given, today when absent. */
function day(today) {
  if (today == null) today = new Date();
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new TypeError("today is an invalid Date");
    return today.toISOString().slice(0, 10);
  }
  return text(today, "today");
}

function method(m) {
  return text(m ?? Method.BANNER, "method");
}

/** One cookie value. Immutable. */
export class Preferences {
  /**
   * Builds a value; every rule is the core's. `fields`: `categories`
   * (standard name or id → state), `revision` (0), `updated` (today, UTC),
   * `created` (`updated`), `method` (`banner`), `consentId` (none).
   */
  constructor(fields = {}) {
    const updated = day(fields.updated);
    const json = {
      version: 1,
      revision: fields.revision ?? 0,
      created: fields.created == null ? updated : day(fields.created),
      updated,
      method: method(fields.method),
      consent_id: fields.consentId ?? null,
      categories: fields.categories ?? {},
    };
    const value = call(() => full(wasm.encodeJson, "new Preferences")(JSON.stringify(json)));
    return fromJsonForm(call(() => decodeJson(value)), value);
  }

  /** The stored state of a category (a standard name or an id). */
  state(category) {
    const state = full(wasm.preferencesState, "Preferences.state");
    return call(() => state(this.value, ref(category)));
  }

  /** The encoded value. */
  encode() {
    return this.value;
  }

  toString() {
    return this.value;
  }

  /** The JSON form (docs/FORMAT.md §7). */
  toJSON() {
    return {
      version: this.version,
      revision: this.revision,
      created: this.created,
      updated: this.updated,
      method: this.method,
      consent_id: this.consentId,
      categories: { ...this.categories },
    };
  }
}

/** A `Preferences` from the core's JSON form (text or object). */
function fromJsonForm(json, value) {
  const j = typeof json === "string" ? JSON.parse(json) : json;
  const p = Object.create(Preferences.prototype);
  p.value = value ?? call(() => full(wasm.encodeJson, "new Preferences")(JSON.stringify(j)));
  p.version = j.version;
  p.revision = j.revision;
  p.created = j.created;
  p.updated = j.updated;
  p.method = j.method;
  p.consentId = j.consent_id;
  p.categories = Object.freeze(j.categories);
  return Object.freeze(p);
}

/** Decodes a value; throws a `DecodeError` if it is not a valid one. */
export function decode(value) {
  const v = text(value, "value");
  return fromJsonForm(call(() => decodeJson(v)), v);
}

/** Encodes a value (a `Preferences`, or the fields of one). */
export function encode(prefs) {
  return (prefs instanceof Preferences ? prefs : new Preferences(prefs)).value;
}

/** The value of the first cookie named `name` in a `Cookie:` header or `document.cookie`, or null. */
export function cookieValue(header, name) {
  const h = text(header, "header");
  const n = text(name, "name");
  return call(() => wasm.cookieValue(h, n)) ?? null;
}

function cookieHeader(header) {
  if (header === undefined && typeof document !== "undefined") return document.cookie;
  return header == null ? undefined : text(header, "header");
}

/** The constructor's first argument when it wraps the module's policy. */
const WRAP = Symbol("wrap");

/** A site's consent policy. Immutable; build it once. */
export class Policy {
  #raw;
  #json;

  /**
   * The default policy, or one from the keys of the policy JSON form (the
   * full build; a `WasmPolicy` is taken as is).
   */
  constructor(options) {
    if (options === WRAP) this.#raw = arguments[1];
    else if (options === undefined) {
      full(WasmPolicy.fromJson, "new Policy()");
      this.#raw = call(() => new WasmPolicy());
    } else this.#raw = Policy.#read(options);
  }

  static #read(json) {
    const t = typeof json === "string" ? json : JSON.stringify(json);
    return call(() => full(WasmPolicy.fromJson, "Policy.fromJson")(t));
  }

  /** A policy from its JSON form: the text, or the object; every rule is checked (full build). */
  static fromJson(json) {
    return new Policy(json);
  }

  /**
   * A policy from its compact form (docs/FORMAT.md §14), written by a
   * server from a policy it checked (`Policy.toCompact`, Python's
   * `Policy.to_compact`, `cookieprefs policy compact`). Both builds.
   */
  static fromCompact(compact) {
    const t = text(compact, "compact");
    return new Policy(WRAP, call(() => WasmPolicy.fromCompact(t)));
  }

  /** The compact form (docs/FORMAT.md §14), for the page build (full build). */
  toCompact() {
    return full(this.#raw.toCompact, "toCompact").call(this.#raw);
  }

  /** The normalised JSON form, every field spelled out (text; full build). */
  toJson() {
    return full(this.#raw.toJson, "toJson").call(this.#raw);
  }

  /** The normalised JSON form (object). */
  toJSON() {
    this.#json ??= JSON.parse(this.toJson());
    return this.#json;
  }

  get revision() {
    return this.toJSON().revision;
  }

  get cookieName() {
    return this.toJSON().cookie.name;
  }

  /** The offered categories: `{id, name, sinceRevision}` in id order. */
  get categories() {
    return this.toJSON().categories.map((c) => ({ id: c.id, name: c.name, sinceRevision: c.since_revision }));
  }

  /** The languages of the texts; the first is the default. */
  get languages() {
    return [...this.toJSON().languages];
  }

  /** The id of a category reference the policy resolves, or null. */
  category(reference) {
    const r = ref(reference);
    return call(() => this.#raw.category(r)) ?? null;
  }

  /**
   * Applies the policy to the cookie in `document.cookie` (or any `Cookie:`
   * header; null: no cookie). `options`: `gpc` (the Global Privacy Control
   * signal, default false), `today` (`YYYY-MM-DD` or a `Date`; default
   * today, UTC).
   */
  evaluate(cookie, options = {}) {
    const header = cookieHeader(cookie);
    const today = day(options.today);
    return new Evaluation(call(() => this.#raw.evaluate(header, today, options.gpc === true)), this);
  }

  /** `evaluate` on one cookie value (null: no cookie). */
  evaluateValue(value, options = {}) {
    const v = value == null ? undefined : text(value, "value");
    const today = day(options.today);
    return new Evaluation(call(() => this.#raw.evaluateValue(v, today, options.gpc === true)), this);
  }

  /** The `Set-Cookie` header value (also a `document.cookie` assignment) that stores `prefs`. */
  setCookieHeader(prefs, options = {}) {
    const v = encode(prefs);
    const today = day(options.today);
    const f = full(this.#raw.setCookieHeader, "Policy.setCookieHeader");
    return call(() => f.call(this.#raw, v, today));
  }

  /** The `Set-Cookie` header value that deletes the consent cookie. */
  deleteCookieHeader() {
    return this.#raw.deleteCookieHeader();
  }

  /** What a visitor reads, in the policy language that best answers `language`. */
  texts(language) {
    const l = text(language ?? this.languages[0], "language");
    const texts = full(this.#raw.texts, "texts");
    return new Texts(JSON.parse(call(() => texts.call(this.#raw, l))));
  }

  /** The declaration a cookie name falls under, `{name, category}`, or null (undeclared). */
  classify(name) {
    const n = text(name, "name");
    const classify = full(this.#raw.classify, "classify");
    const c = call(() => classify.call(this.#raw, n));
    return c === undefined ? null : JSON.parse(c);
  }
}

/** A policy's texts in one language (docs/FORMAT.md §12). */
export class Texts {
  constructor(json) {
    this.language = json.language;
    this.categories = json.categories;
    this.cookies = json.cookies;
    Object.freeze(this);
  }

  #find(category) {
    const id = typeof category === "number" ? category : null;
    return this.categories.find((c) => c.id === id || c.name === category || String(c.id) === category);
  }

  /** A category's label (the necessary one and those offered), or undefined. */
  label(category) {
    return this.#find(category)?.label;
  }

  /** A category's description, or undefined. */
  description(category) {
    return this.#find(category)?.description;
  }
}

function failure(e) {
  return e ? error(e.kind, e.message) : null;
}

/** The result of applying a policy to the visitor's cookie. Immutable. */
export class Evaluation {
  #raw;
  #consentMode;

  constructor(raw, policy) {
    this.#raw = raw;
    const all = JSON.parse(raw.json());
    const j = all.evaluation;
    /** The policy applied. */
    this.policy = policy;
    /** Whether the banner must be shown. */
    this.needsBanner = j.needs_banner;
    /** Why: `no_choice`, `invalid_value`, `expired`, `policy_updated`, `new_category`, or null. */
    this.bannerReason = j.banner_reason;
    /** The error of a rejected cookie value (fail closed), or null. */
    this.error = failure(j.error);
    /** The error of the first invalid copy ignored because a valid one was used, or null. */
    this.ignoredError = failure(j.ignored_error);
    /** How many copies of the cookie were read. */
    this.copies = j.copies;
    /** Whether GPC refused at least one category. */
    this.gpcApplied = j.gpc_applied;
    /** The day evaluated, `YYYY-MM-DD`. */
    this.today = j.today;
    /** Every category (necessary, then the offered ones, by site name) → its effective state. */
    this.categories = Object.freeze(j.categories);
    /** The stored value when the cookie held a valid one, or null. */
    this.stored = j.stored ? fromJsonForm(j.stored, all.stored_value) : null;
    this.#consentMode = j.consent_mode;
    /** The offered categories the banner asks about (no answer that counts, GPC left out). */
    this.asked = Object.freeze(all.asked);
    /** The asked categories the GPC signal refused: only choosing them grants them. */
    this.gpcRefused = Object.freeze(all.gpc_refused);
    Object.freeze(this);
  }

  #answer(how, refs, m) {
    const j = JSON.parse(call(() => this.#raw.answer(how, refs, m)));
    return Object.freeze({ value: j.value, cookie: j.cookie, preferences: fromJsonForm(j.preferences, j.value) });
  }

  /** The effective state of a category (a name, or an id). */
  state(category) {
    const r = ref(category);
    return call(() => this.#raw.state(r));
  }

  /** Whether cookies (and scripts) of a category may be set. */
  allowed(category) {
    const r = ref(category);
    return call(() => this.#raw.allowed(r));
  }

  /** The Google Consent Mode v2 state: `{ad_storage: "granted" | "denied", ...}`. */
  consentMode() {
    return { ...this.#consentMode };
  }

  /**
   * The visitor's new answer: `granted` categories granted, every other
   * offered category denied. A `Choice`: `{value, cookie, preferences}`,
   * where `cookie` is the `Set-Cookie` header value the server would write,
   * usable as is in `document.cookie = choice.cookie`.
   */
  choose(granted = [], how = Method.BANNER) {
    if (!Array.isArray(granted)) throw new TypeError("granted must be an array of categories");
    const refs = granted.map(ref);
    const m = method(how);
    return this.#answer("choose", refs, m);
  }

  /** "Accept all": every offered category granted but the GPC-refused ones. */
  acceptAll(how = Method.BANNER) {
    const m = method(how);
    return this.#answer("accept_all", [], m);
  }

  /** "Reject all": every offered category denied. */
  rejectAll(how = Method.BANNER) {
    const m = method(how);
    return this.#answer("reject_all", [], m);
  }

  /** The banner's "Accept": the asked categories granted (but the GPC-refused ones), standing answers kept. */
  acceptAsked(how = Method.BANNER) {
    const m = method(how);
    return this.#answer("accept_asked", [], m);
  }

  /** The banner's "Reject": the asked categories refused, standing answers kept. */
  rejectAsked(how = Method.BANNER) {
    const m = method(how);
    return this.#answer("reject_asked", [], m);
  }

  /** The header value that refreshes the stored value, or null. */
  setCookieHeader() {
    return full(this.#raw.setCookieHeader, "Evaluation.setCookieHeader").call(this.#raw) ?? null;
  }

  /** The header value that stores `prefs` under this evaluation's policy and day. */
  setCookieHeaderFor(prefs) {
    return this.policy.setCookieHeader(prefs, { today: this.today });
  }

  /** Whether a cookie of this name may be set (docs/FORMAT.md §12). */
  cookieAllowed(name) {
    const n = text(name, "name");
    return this.#raw.cookieAllowed(n);
  }

  /** Whether a response may keep this `Set-Cookie` header value. */
  setCookieAllowed(line) {
    const l = text(line, "line");
    return full(this.#raw.setCookieAllowed, "setCookieAllowed").call(this.#raw, l);
  }

  /**
   * The cookies of `document.cookie` (or a `Cookie:` header) this evaluation
   * does not allow, as the assignments that delete them:
   * `for (const c of ev.cookiesToClear()) document.cookie = c;`.
   */
  cookiesToClear(cookie) {
    const header = cookieHeader(cookie) ?? "";
    return JSON.parse(this.#raw.cookiesToClear(header));
  }
}
