// The browser module's timings, the same in Node and in Chromium (both V8):
// medians of rounds of calls on the Rust benchmark's realistic 160-byte
// Cookie: header (crates/cookieprefs/benches/codec.rs). docs/PERFORMANCE.md.
export const HEADER =
  "sessionid=x8kq2m4n7p1r5t; csrftoken=Zm9vYmFyYmF6cXV4; django_language=fr; _ga=GA1.1.1234.17324; _pk_id.1.1fff=0123456789a.1732; cookies_preferences=BAADCdcJ1w5Q";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** ns per call: the median of 31 rounds of `n` calls. */
function time(f, n = 20000) {
  for (let i = 0; i < n; i++) f(); // warm-up
  const rounds = [];
  for (let r = 0; r < 31; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    rounds.push(((performance.now() - t0) * 1e6) / n);
  }
  return median(rounds);
}

export function run(cp) {
  const policy = new cp.Policy({ revision: 3 });
  const options = { today: "2026-11-24", gpc: false };
  const ev = policy.evaluate(HEADER, options);
  if (ev.needsBanner || !ev.allowed("statistics")) throw new Error("unexpected evaluation");
  return {
    "decode": time(() => cp.decode("BAADCdcJ1w5Q")),
    "Policy.evaluate (160-byte header)": time(() => policy.evaluate(HEADER, options)),
    "Policy.evaluate + allowed('statistics')": time(() => policy.evaluate(HEADER, options).allowed("statistics")),
    "Evaluation.allowed('statistics')": time(() => ev.allowed("statistics")),
    "Evaluation.choose(['statistics'])": time(() => ev.choose(["statistics"]), 5000),
    "Policy.fromJson (3 categories)": time(() => cp.Policy.fromJson({ revision: 3 }), 2000),
  };
}
