// cookieprefs on a page: the visitor's choice applied in the browser, so
// that the HTML can be the same for every visitor (and cached).
//
// - `<script type="text/plain" data-cookieprefs-category="statistics">` (inline
//   or with `src`) runs once its category is allowed; `<iframe
//   data-cookieprefs-category="third_party" data-src="…">` loads then;
//   elements with `data-cookieprefs-placeholder="third_party"` are shown
//   while it is not, and a `data-cookieprefs-allow="third_party"` button in
//   them grants it.
// - The banner (a dialog built from the policy's texts) opens when the core
//   says the visitor must be asked; any `[data-cookieprefs-open]` element
//   reopens it (without JavaScript it stays a link to the server's page).
// - Every evaluation sends Google Consent Mode `update` (the page sent
//   `default`), clears the cookies the choice does not allow (the core's
//   cookiesToClear) and dispatches `cookieprefs:change` on `document`.
//
// Started by `start(config)`, or by itself when the page holds
// `<script type="application/json" id="cookieprefs-client-config">`.
// Documentation: docs/JS.md.
import { Method, Policy, init } from "./cookieprefs.js";

const CATEGORY = "data-cookieprefs-category";

const ENGLISH = {
  title: "Cookies on this site",
  intro: "We use optional cookies only with your consent. Choose which ones you accept; you can change your choice at any time.",
  accept_all: "Accept all",
  reject_all: "Reject all",
  save: "Save my choices",
  close: "Close",
  categories: "Categories of cookies",
  always_on: "Always on",
  gpc: "Your browser's Global Privacy Control signal has refused some categories for you.",
  saved: "Your choice about cookies is saved.",
  policy: "Cookie policy",
};

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === true) e.setAttribute(k, "");
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** The visitor's choice on this page. */
export class Client {
  constructor(policy, config = {}) {
    this.policy = policy;
    this.config = config;
    this.strings = { ...ENGLISH, ...config.strings };
    this.language = config.texts?.language || config.language || document.documentElement.lang || "";
    this.gpc = config.gpc ?? (typeof navigator !== "undefined" && navigator.globalPrivacyControl === true);
    this.evaluation = null;
    this.dialog = null;
  }

  /** Evaluates `document.cookie` and applies the result; opens the banner if needed. */
  start() {
    this.#apply(this.#evaluate(), "load", null);
    document.addEventListener("click", (event) => this.#click(event));
    if (this.evaluation.needsBanner) this.open({ modal: false });
    return this;
  }

  #evaluate() {
    return this.policy.evaluate(document.cookie, { gpc: this.gpc });
  }

  #allowed(evaluation, category) {
    try {
      return evaluation.allowed(category);
    } catch (e) {
      console.error(`cookieprefs: ${CATEGORY}="${category}": ${e.message}`);
      return false;
    }
  }

  /** Saves a choice (from `Evaluation.choose`, `acceptAll` or `rejectAll`). */
  save(choice) {
    const before = this.evaluation;
    document.cookie = choice.cookie;
    let after = this.#evaluate();
    if (after.stored?.value !== choice.value && after.copies < 2) {
      // The browser refused the cookie (a `Secure` one on plain http, an
      // `HttpOnly` policy): the choice holds for this page only.
      console.error(`cookieprefs: the browser did not store the cookie "${choice.cookie}"`);
      after = this.policy.evaluateValue(choice.value, { gpc: this.gpc });
    }
    this.#apply(after, "choice", before);
    this.close();
    const status = this.dialog?.status;
    if (status) status.textContent = this.strings.saved;
  }

  #apply(evaluation, source, before) {
    this.evaluation = evaluation;
    // Enforcement: what the choice does not allow is cleared.
    for (const deletion of evaluation.cookiesToClear(document.cookie)) document.cookie = deletion;
    const allowed = {};
    for (const name of Object.keys(evaluation.categories)) allowed[name] = evaluation.allowed(name);
    for (const old of document.querySelectorAll(`script[type="text/plain"][${CATEGORY}]`)) {
      if (!this.#allowed(evaluation, old.getAttribute(CATEGORY))) continue;
      const script = document.createElement("script");
      for (const a of old.attributes) if (a.name !== "type") script.setAttribute(a.name, a.value);
      if (old.dataset.type) script.type = old.dataset.type;
      if (script.src) script.async = false; // keep the document's order
      else script.text = old.text;
      old.replaceWith(script);
    }
    for (const frame of document.querySelectorAll(`iframe[${CATEGORY}][data-src]`)) {
      if (!this.#allowed(evaluation, frame.getAttribute(CATEGORY))) continue;
      frame.src = frame.dataset.src;
      frame.removeAttribute("data-src");
    }
    for (const p of document.querySelectorAll("[data-cookieprefs-placeholder]")) {
      p.hidden = this.#allowed(evaluation, p.dataset.cookieprefsPlaceholder);
    }
    const consentMode = evaluation.consentMode();
    window.dataLayer = window.dataLayer || [];
    window.gtag =
      window.gtag ||
      function gtag() {
        window.dataLayer.push(arguments); // eslint-disable-line prefer-rest-params
      };
    window.gtag("consent", "update", consentMode);
    const withdrawn = before
      ? Object.keys(allowed).filter((name) => !allowed[name] && before.categories[name] === "granted")
      : [];
    document.dispatchEvent(
      new CustomEvent("cookieprefs:change", {
        detail: { source, evaluation, allowed, consentMode, withdrawn },
      }),
    );
  }

  #click(event) {
    const target = event.target instanceof Element ? event.target : null;
    const opener = target?.closest("[data-cookieprefs-open]");
    if (opener) {
      event.preventDefault();
      this.open({ modal: true, opener });
      return;
    }
    const allow = target?.closest("[data-cookieprefs-allow]");
    if (allow) {
      event.preventDefault();
      const granted = Object.keys(this.evaluation.categories).filter(
        (name) => name !== "necessary" && this.evaluation.categories[name] === "granted",
      );
      this.save(this.evaluation.choose([...granted, allow.dataset.cookieprefsAllow], Method.BANNER));
    }
  }

  #build() {
    const s = this.strings;
    // The server's texts (the page build has none: the compact form leaves
    // them out); the full build can read them from its policy.
    const texts = this.config.texts ?? this.policy.texts(this.language);
    const lang = texts.language;
    const boxes = [];
    const list = element("fieldset", { class: "cookieprefs-client-categories" }, element("legend", {}, s.categories));
    for (const c of texts.categories) {
      const id = `cookieprefs-client-category-${c.id}`;
      const necessary = c.name === "necessary";
      const box = element("input", {
        type: "checkbox",
        id,
        name: "category",
        value: c.name,
        "aria-describedby": `${id}-description`,
        checked: necessary,
        disabled: necessary,
      });
      if (!necessary) boxes.push(box);
      list.append(
        element(
          "div",
          { class: "cookieprefs-client-category" },
          box,
          element("label", { for: id }, c.label, necessary ? ` (${s.always_on})` : ""),
          element("p", { id: `${id}-description` }, c.description),
        ),
      );
    }
    const button = (action, label) =>
      element("button", { type: "button", class: "cookieprefs-client-button", "data-action": action }, label);
    const gpc = element("p", { class: "cookieprefs-client-gpc", hidden: true }, s.gpc);
    const policyLink = this.config.policy_url
      ? element("p", {}, element("a", { href: this.config.policy_url }, s.policy))
      : "";
    const dialog = element(
      "dialog",
      {
        class: "cookieprefs-client",
        lang,
        "aria-labelledby": "cookieprefs-client-title",
        "aria-describedby": "cookieprefs-client-intro",
      },
      // Opening focuses the title (not the first box, which would scroll
      // the title and the explanation out of a small screen).
      element("h2", { id: "cookieprefs-client-title", tabindex: "-1", autofocus: true }, s.title),
      element("p", { id: "cookieprefs-client-intro" }, s.intro),
      gpc,
      list,
      element(
        "div",
        { class: "cookieprefs-client-actions" },
        button("reject", s.reject_all),
        button("accept", s.accept_all),
        button("save", s.save),
        button("close", s.close),
      ),
      policyLink,
    );
    dialog.addEventListener("click", (event) => {
      const action = event.target instanceof Element && event.target.closest("[data-action]")?.dataset.action;
      const ev = this.evaluation;
      // As a banner, the buttons answer what it asks and keep standing
      // answers; reopened (modal), they answer every category. Neither
      // grants what GPC refused: only ticking it does.
      const modal = this.dialog?.modal;
      if (action === "accept") this.save(modal ? ev.acceptAll(this.#method()) : ev.acceptAsked(this.#method()));
      else if (action === "reject") this.save(modal ? ev.rejectAll(this.#method()) : ev.rejectAsked(this.#method()));
      else if (action === "save") this.save(ev.choose(boxes.filter((b) => b.checked).map((b) => b.value), this.#method()));
      else if (action === "close") this.close();
    });
    const status = element("div", { class: "cookieprefs-client-status", role: "status" });
    document.body.append(dialog, status);
    this.dialog = { element: dialog, boxes, gpc, status, modal: false };
    return this.dialog;
  }

  #method() {
    return this.dialog?.modal ? Method.PREFERENCES_PAGE : Method.BANNER;
  }

  /** Opens the dialog, its boxes ticked as the visitor's current grants; `modal` when reopened. */
  open({ modal = true, opener = null } = {}) {
    const d = this.dialog ?? this.#build();
    for (const box of d.boxes) box.checked = this.evaluation.categories[box.value] === "granted";
    d.gpc.hidden = !this.evaluation.gpcApplied;
    d.status.textContent = "";
    d.opener = opener;
    if (d.element.open) d.element.close();
    d.modal = modal;
    if (modal) d.element.showModal();
    else d.element.show();
  }

  /** Closes the dialog (focus goes back to the element that opened it). */
  close() {
    const d = this.dialog;
    if (!d?.element.open) return;
    d.element.close();
    d.opener?.focus();
  }
}

/**
 * Loads the module and starts. `config`: `policy` (the policy's compact
 * form, docs/FORMAT.md §14, written by the server), `texts` (the
 * categories' labels and descriptions: `{language, categories: [{id, name,
 * label, description}]}`, as `Policy.texts` gives them), `language`,
 * `strings` (the dialog's texts), `policy_url`, `wasm` (the module's URL),
 * `gpc` (default `navigator.globalPrivacyControl === true`).
 */
export async function start(config = {}) {
  await init(config.wasm);
  return new Client(Policy.fromCompact(config.policy), config).start();
}

const configElement = typeof document === "undefined" ? null : document.getElementById("cookieprefs-client-config");

/** The started client when the page holds its configuration, else null. */
export const ready = configElement
  ? start(JSON.parse(configElement.textContent)).then(
      (client) => (window.cookieprefs = client),
      (e) => {
        console.error("cookieprefs: could not start:", e);
        return null;
      },
    )
  : null;
