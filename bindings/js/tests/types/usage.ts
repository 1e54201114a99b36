// A program written against the declarations (checked by tsc, never run):
// the documented API type-checks, and misuse does not.
import {
  CookieprefsError,
  DecodeError,
  Method,
  Policy,
  decode,
  init,
  type Choice,
  type ErrorKind,
  type Evaluation,
} from "../../dist/cookieprefs.js";
import { start, type ChangeDetail } from "../../dist/page.js";

export async function main(): Promise<void> {
  await init();
  const policy = Policy.fromJson({ revision: 3 });
  const ev: Evaluation = policy.evaluate(document.cookie, { gpc: navigator.globalPrivacyControl === true });
  const reason: string | null = ev.bannerReason;
  const allowed: boolean = ev.allowed("statistics") && ev.allowed(1);
  const choice: Choice = ev.choose(["statistics"], Method.BANNER);
  document.cookie = choice.cookie;
  for (const deletion of ev.cookiesToClear()) document.cookie = deletion;
  const label: string | undefined = policy.texts("fr").label("statistics");
  const state: "granted" | "denied" = ev.consentMode().analytics_storage;
  try {
    decode("BAADCdcJ1w5Q=");
  } catch (e) {
    if (e instanceof DecodeError) {
      const kind: ErrorKind = e.kind;
      console.log(kind, reason, allowed, label, state);
    } else if (e instanceof CookieprefsError) {
      throw e;
    }
  }
  document.addEventListener("cookieprefs:change", (e) => {
    const detail: ChangeDetail = e.detail;
    console.log(detail.source, detail.allowed.statistics);
  });
  const compact: string = policy.toCompact();
  const texts = policy.texts("fr");
  const client = await start({ policy: compact, texts: { language: texts.language, categories: texts.categories }, language: "fr" });
  client.open({ modal: true });
  // @ts-expect-error: a method is one of the four names
  ev.acceptAll("email");
  // @ts-expect-error: categories are names or ids
  ev.allowed(true);
}
