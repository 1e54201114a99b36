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
  /** The policy's compact form (docs/FORMAT.md §14), written by the server (`Policy.to_compact`). */
  policy: string;
  /** The categories' texts in the page's language, as `Policy.texts` gives them. */
  texts: { language: string; categories: Array<{ id: number; name: string; label: string; description: string }> };
  /** The language of the page; default the texts' language, then `<html lang>`. */
  language?: string;
  strings?: Partial<Strings>;
  /** A link to the cookie policy page, in the dialog. */
  policy_url?: string;
  /** Where to load the page build's module from (default: `cookieprefs_page_bg.wasm` beside page.js). */
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
