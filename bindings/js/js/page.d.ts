// Types of page.js: cookieprefs applied on a page (docs/JS.md).
import type { Choice, Evaluation, Policy, WasmSource } from "./cookieprefs.js";

/** The dialog's texts (English by default). */
export interface Strings {
  title: string;
  intro: string;
  accept_all: string;
  reject_all: string;
  save: string;
  close: string;
  categories: string;
  always_on: string;
  gpc: string;
  saved: string;
  policy: string;
}

export interface Config {
  /** The policy JSON form (object or text); default: the default policy. */
  policy?: string | object;
  /** The language of the texts; default `<html lang>`, then the policy's first. */
  language?: string;
  strings?: Partial<Strings>;
  /** A link to the cookie policy page, in the dialog. */
  policy_url?: string;
  /** Where to load the module from (default: beside cookieprefs.js). */
  wasm?: WasmSource;
  /** Default: `navigator.globalPrivacyControl === true`. */
  gpc?: boolean;
}

/** The `detail` of the `cookieprefs:change` event. */
export interface ChangeDetail {
  /** `load` (the page's first evaluation) or `choice` (the visitor saved one). */
  source: "load" | "choice";
  evaluation: Evaluation;
  /** Category name → allowed. */
  allowed: Record<string, boolean>;
  consentMode: ReturnType<Evaluation["consentMode"]>;
  /** The categories this choice withdrew (granted before, not now). */
  withdrawn: string[];
}

export class Client {
  constructor(policy: Policy, config?: Config);
  readonly policy: Policy;
  readonly evaluation: Evaluation;
  start(): this;
  save(choice: Choice): void;
  open(options?: { modal?: boolean; opener?: HTMLElement | null }): void;
  close(): void;
}

export function start(config?: Config): Promise<Client>;
/** The client started from `#cookieprefs-client-config`, or null when the page has none. */
export const ready: Promise<Client | null> | null;

declare global {
  interface DocumentEventMap {
    "cookieprefs:change": CustomEvent<ChangeDetail>;
  }
  interface Navigator {
    readonly globalPrivacyControl?: boolean;
  }
  interface Window {
    cookieprefs?: Client;
  }
}
