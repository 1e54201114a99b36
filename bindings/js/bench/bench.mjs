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

/**
 * The timings of one build. `policy`: the build's policy of revision 3 (the
 * full build reads the JSON form, the page build the compact form).
 */
function timings(cp, policy, extra) {
  const options = { today: "2026-11-24", gpc: false };
  const ev = policy.evaluate(HEADER, options);
  if (ev.needsBanner || !ev.allowed("statistics")) throw new Error("unexpected evaluation");
  return {
    "decode": time(() => cp.decode("BAADCdcJ1w5Q")),
    // Rounds of 2,000: each evaluation is a module object that only the
    // garbage collector frees (FinalizationRegistry), and hundreds of
    // thousands alive at once slow every call down (Node: 9 µs a call
    // in rounds of 2,000, 60-190 µs in rounds of 20,000).
    "Policy.evaluate (160-byte header)": time(() => policy.evaluate(HEADER, options), 2000),
    "Policy.evaluate + allowed('statistics')": time(() => policy.evaluate(HEADER, options).allowed("statistics"), 2000),
    "Evaluation.allowed('statistics')": time(() => ev.allowed("statistics")),
    "Evaluation.choose(['statistics'])": time(() => ev.choose(["statistics"]), 5000),
    ...extra,
  };
}

/**
 * One build's timings (docs/JS.md, "The two builds"), in ns per call.
 * `cp`: the initialised API of the build; `compact`: the compact form of
 * the policy of revision 3 (the page build reads it; the full build reads
 * the JSON form). Run each build in a fresh process or page: the objects
 * one leaves to the garbage collector slow the next down.
 */
export function run(cp, compact) {
  let full = true;
  try {
    cp.Policy.fromJson({ revision: 3 });
  } catch {
    full = false;
  }
  const policy = full ? cp.Policy.fromJson({ revision: 3 }) : cp.Policy.fromCompact(compact);
  return full
    ? timings(cp, policy, {
        "Policy.fromJson (3 categories)": time(() => cp.Policy.fromJson({ revision: 3 }), 2000),
      })
    : timings(cp, policy, {
        "Policy.fromCompact (3 categories)": time(() => cp.Policy.fromCompact(compact), 2000),
      });
}

/** Both builds' rows (`{name: ns}` each) as one table. */
export function format(full, page) {
  const rows = {};
  for (const [name, ns] of Object.entries(full)) rows[name] = { full: ns };
  for (const [name, ns] of Object.entries(page)) rows[name] = { ...rows[name], page: ns };
  const cell = (ns) => (ns === undefined ? "" : `${ns.toFixed(0)} ns`).padStart(10);
  return [`${"".padEnd(42)} ${"full".padStart(10)} ${"page".padStart(10)}`]
    .concat(Object.entries(rows).map(([name, r]) => `${name.padEnd(42)} ${cell(r.full)} ${cell(r.page)}`))
    .join("\n");
}
