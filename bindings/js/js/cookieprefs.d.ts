// Types of cookieprefs.js: the cookieprefs core in the browser (docs/JS.md).

/** Every error kind of the core (docs/FORMAT.md §5). */
export type ErrorKind =
  | "empty"
  | "too_long"
  | "invalid_character"
  | "unsupported_version"
  | "truncated"
  | "trailing_data"
  | "reserved_bits"
  | "non_zero_padding"
  | "invalid_state"
  | "non_minimal_slots"
  | "dates_out_of_order"
  | "date_in_future"
  | "buffer_too_small"
  | "invalid_category"
  | "unknown_category"
  | "necessary_not_stored"
  | "revision_out_of_range"
  | "date_out_of_range"
  | "invalid_date"
  | "invalid_consent_id"
  | "unknown_name"
  | "invalid_policy"
  | "category_not_offered"
  | "invalid_json"
  | "revision_in_future";

export type StateName = "not_asked" | "denied" | "granted";
export type MethodName = "banner" | "preferences_page" | "browser_signal" | "imported";
export type BannerReason = "no_choice" | "invalid_value" | "expired" | "policy_updated" | "new_category";
export type ConsentType =
  | "ad_storage"
  | "ad_user_data"
  | "ad_personalization"
  | "analytics_storage"
  | "functionality_storage"
  | "personalization_storage"
  | "security_storage";
/** A category: a name (site, standard) or an integer id 0-63. */
export type CategoryRef = string | number;
/** A day: `YYYY-MM-DD` (UTC) or a `Date` (its UTC day). */
export type Day = string | Date;

export let VERSION: string;
export let FORMAT_VERSION: number;
export let MAX_ENCODED_LEN: number;
export let MAX_REVISION: number;
export let MAX_CATEGORY_ID: number;
export let DEFAULT_COOKIE_NAME: string;
export let ERROR_KINDS: readonly ErrorKind[];
export let VALUE_ERROR_KINDS: readonly ErrorKind[];

export const Method: Readonly<{
  BANNER: "banner";
  PREFERENCES_PAGE: "preferences_page";
  BROWSER_SIGNAL: "browser_signal";
  IMPORTED: "imported";
}>;
export const State: Readonly<{ NOT_ASKED: "not_asked"; DENIED: "denied"; GRANTED: "granted" }>;

/** What `init` loads the module from. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module, once (default: the `.wasm` file beside the module). */
export function init(source?: WasmSource | Promise<Response>): Promise<void>;
/** Loads the module synchronously from its bytes or a compiled module. */
export function initSync(source: BufferSource | WebAssembly.Module): void;

/** Every error of the library; `kind` is the core's error kind. */
export class CookieprefsError extends Error {
  constructor(kind: ErrorKind, message: string);
  readonly kind: ErrorKind;
}
/** A cookie value that is not a valid, canonical value (`VALUE_ERROR_KINDS`). */
export class DecodeError extends CookieprefsError {}

/** The fields of a new value. */
export interface PreferencesFields {
  categories?: Record<string, StateName>;
  revision?: number;
  created?: Day;
  updated?: Day;
  method?: MethodName;
  consentId?: string | null;
}

/** The JSON form of a value (docs/FORMAT.md §7). */
export interface PreferencesJson {
  version: number;
  revision: number;
  created: string;
  updated: string;
  method: MethodName;
  consent_id: string | null;
  categories: Record<string, "granted" | "denied">;
}

/** One cookie value. Immutable. */
export class Preferences {
  constructor(fields?: PreferencesFields);
  readonly value: string;
  readonly version: number;
  readonly revision: number;
  readonly created: string;
  readonly updated: string;
  readonly method: MethodName;
  readonly consentId: string | null;
  /** The decided categories: standard name or decimal id → state. */
  readonly categories: Readonly<Record<string, "granted" | "denied">>;
  state(category: CategoryRef): StateName;
  encode(): string;
  toString(): string;
  toJSON(): PreferencesJson;
}

export function decode(value: string): Preferences;
export function encode(prefs: Preferences | PreferencesFields): string;
export function cookieValue(header: string, name: string): string | null;

export interface EvaluateOptions {
  /** The Global Privacy Control signal: `navigator.globalPrivacyControl === true`. */
  gpc?: boolean;
  /** Default: today (UTC). */
  today?: Day;
}

export interface PolicyCategory {
  id: number;
  name: string;
  sinceRevision: number;
}

/** A site's consent policy. Immutable. */
export class Policy {
  /** The default policy, or one from the policy JSON form (text or object); full build. */
  constructor(options?: string | object);
  /** Every rule checked; full build. */
  static fromJson(json: string | object): Policy;
  /** From the compact form (docs/FORMAT.md §14) a server wrote from a checked policy; both builds. */
  static fromCompact(compact: string): Policy;
  /** The compact form, for the page build; full build. */
  toCompact(): string;
  /** Full build. */
  toJson(): string;
  /** The normalised JSON form (docs/FORMAT.md §7). */
  toJSON(): Record<string, unknown>;
  readonly revision: number;
  readonly cookieName: string;
  readonly categories: PolicyCategory[];
  readonly languages: string[];
  category(reference: CategoryRef): number | null;
  /** `cookie`: `document.cookie` (the default in a browser) or a `Cookie:` header; null: none. */
  evaluate(cookie?: string | null, options?: EvaluateOptions): Evaluation;
  evaluateValue(value: string | null | undefined, options?: EvaluateOptions): Evaluation;
  setCookieHeader(prefs: Preferences | PreferencesFields, options?: { today?: Day }): string;
  deleteCookieHeader(): string;
  texts(language?: string): Texts;
  classify(name: string): { name: string; category: string } | null;
}

export interface CategoryText {
  id: number;
  name: string;
  label: string;
  description: string;
}

export interface CookieText {
  name: string;
  category: string;
  provider: string;
  service: string;
  purpose: string;
  retention: number | "session" | null;
  domain: string | null;
  path: string;
}

/** A policy's texts in one of its languages. */
export class Texts {
  private constructor();
  readonly language: string;
  /** `necessary`, then the offered categories. */
  readonly categories: CategoryText[];
  /** The declared cookies, the consent cookie included. */
  readonly cookies: CookieText[];
  label(category: CategoryRef): string | undefined;
  description(category: CategoryRef): string | undefined;
}

/** A saved answer. */
export interface Choice {
  readonly value: string;
  /** The `Set-Cookie` header value the server writes: `document.cookie = choice.cookie`. */
  readonly cookie: string;
  readonly preferences: Preferences;
}

/** A policy applied to the visitor's cookie. Immutable. */
export class Evaluation {
  private constructor();
  readonly policy: Policy;
  readonly needsBanner: boolean;
  readonly bannerReason: BannerReason | null;
  readonly error: CookieprefsError | null;
  readonly ignoredError: CookieprefsError | null;
  readonly copies: number;
  readonly gpcApplied: boolean;
  /** The offered categories the banner asks about (no answer that counts, GPC left out). */
  readonly asked: readonly string[];
  /** The asked categories the GPC signal refused: only choosing them grants them. */
  readonly gpcRefused: readonly string[];
  readonly today: string;
  readonly categories: Readonly<Record<string, StateName>>;
  readonly stored: Preferences | null;
  state(category: CategoryRef): StateName;
  allowed(category: CategoryRef): boolean;
  consentMode(): Record<ConsentType, "granted" | "denied">;
  choose(granted?: CategoryRef[], method?: MethodName): Choice;
  acceptAll(method?: MethodName): Choice;
  rejectAll(method?: MethodName): Choice;
  /** The banner's "Accept": the asked categories granted (but the GPC-refused ones), standing answers kept. */
  acceptAsked(method?: MethodName): Choice;
  /** The banner's "Reject": the asked categories refused, standing answers kept. */
  rejectAsked(method?: MethodName): Choice;
  setCookieHeader(): string | null;
  setCookieHeaderFor(prefs: Preferences | PreferencesFields): string;
  cookieAllowed(name: string): boolean;
  setCookieAllowed(line: string): boolean;
  /** The assignments that delete the cookies this evaluation does not allow (default: of `document.cookie`). */
  cookiesToClear(cookie?: string): string[];
}
