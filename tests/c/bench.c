/* Benchmarks of the C ABI's hot paths, the same operations and inputs as the
 * Rust criterion benchmarks (crates/cookieprefs/benches/codec.rs), so the
 * cost of crossing the ABI (handle allocation, NULL checks, catch_unwind) can
 * be read off the difference. Run through scripts/bench-c.sh, never as a test.
 *
 * Each operation is timed in ROUNDS rounds of a calibrated number of calls
 * (about 20 ms per round); the median time per call is printed as
 *   <name>\t<median ns>\t<min ns>\t<max ns>
 */
#define _POSIX_C_SOURCE 199309L
#include "cookieprefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROUNDS 31

static const char VALUE[] = "BAADCdcJ1w5Q";
static const char HEADER[] =
    "sessionid=3k2j4h5k2j3h4k5j; csrftoken=Zm9vYmFyYmF6cXV4; "
    "cc_cookie={\"categories\":[\"necessary\"],\"revision\":0}; cookies_preferences=BAADCdcJ1w5Q; "
    "_ga=GA1.1.123.456";

static cookieprefs_preferences *prefs;
static cookieprefs_policy *policy;
static uint16_t today;
static volatile unsigned sink;

static void die(const char *what, cookieprefs_status s) {
    fprintf(stderr, "bench: %s: %s\n", what, cookieprefs_status_str(s));
    exit(1);
}

/* decode into a handle, read one category, free the handle */
static void op_decode_state(void) {
    cookieprefs_preferences *p = NULL;
    cookieprefs_state st = COOKIEPREFS_STATE_NOT_ASKED;
    if (cookieprefs_preferences_decode((const uint8_t *)VALUE, sizeof VALUE - 1, &p) == COOKIEPREFS_STATUS_OK) {
        sink += (unsigned)cookieprefs_preferences_state(p, 1, &st);
        cookieprefs_preferences_free(p);
    }
    sink += (unsigned)st;
}

/* decode into a handle and free it */
static void op_decode(void) {
    cookieprefs_preferences *p = NULL;
    sink += (unsigned)cookieprefs_preferences_decode((const uint8_t *)VALUE, sizeof VALUE - 1, &p);
    cookieprefs_preferences_free(p);
}

/* the allocation-free fast path */
static void op_value_state(void) {
    cookieprefs_state st = COOKIEPREFS_STATE_NOT_ASKED;
    sink += (unsigned)cookieprefs_value_category_state((const uint8_t *)VALUE, sizeof VALUE - 1, 1, &st);
    sink += (unsigned)st;
}

/* the fast path from a whole 160-byte Cookie: header */
static void op_header_state(void) {
    cookieprefs_state st = COOKIEPREFS_STATE_NOT_ASKED;
    sink += (unsigned)cookieprefs_header_category_state((const uint8_t *)HEADER, sizeof HEADER - 1,
                                                        "cookies_preferences", 1, &st);
    sink += (unsigned)st;
}

/* encode into a caller buffer */
static void op_encode(void) {
    uint8_t buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];
    size_t n = 0;
    sink += (unsigned)cookieprefs_preferences_encode(prefs, buf, sizeof buf, &n);
    sink += (unsigned)n + buf[0];
}

/* Cookie: header lookup */
static void op_cookie_find(void) {
    size_t off = 0, len = 0;
    sink += (unsigned)cookieprefs_cookie_find((const uint8_t *)HEADER, sizeof HEADER - 1, "cookies_preferences",
                                              &off, &len);
    sink += (unsigned)(off + len);
}

/* evaluate a value under a policy, ask for the banner, free the evaluation */
static void op_evaluate(void) {
    cookieprefs_evaluation *ev = NULL;
    bool banner = false;
    if (cookieprefs_policy_evaluate_value(policy, (const uint8_t *)VALUE, sizeof VALUE - 1, today, 0, &ev) ==
        COOKIEPREFS_STATUS_OK) {
        sink += (unsigned)cookieprefs_evaluation_needs_banner(ev, &banner);
        cookieprefs_evaluation_free(ev);
    }
    sink += banner;
}

/* the same from the whole header */
static void op_evaluate_header(void) {
    cookieprefs_evaluation *ev = NULL;
    bool banner = false;
    if (cookieprefs_policy_evaluate_header(policy, (const uint8_t *)HEADER, sizeof HEADER - 1, today, 0, &ev) ==
        COOKIEPREFS_STATUS_OK) {
        sink += (unsigned)cookieprefs_evaluation_needs_banner(ev, &banner);
        cookieprefs_evaluation_free(ev);
    }
    sink += banner;
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void bench(const char *name, void (*op)(void)) {
    double t[ROUNDS];
    long iters = 1000, i;
    int r;
    /* Calibrate: grow until one round takes at least 20 ms. */
    for (;;) {
        double start = now_ns();
        for (i = 0; i < iters; i++) op();
        if (now_ns() - start >= 20e6) break;
        iters *= 2;
    }
    for (r = 0; r < ROUNDS; r++) {
        double start = now_ns();
        for (i = 0; i < iters; i++) op();
        t[r] = (now_ns() - start) / (double)iters;
    }
    qsort(t, ROUNDS, sizeof t[0], cmp_double);
    printf("%s\t%.1f\t%.1f\t%.1f\n", name, t[ROUNDS / 2], t[0], t[ROUNDS - 1]);
    fflush(stdout);
}

int main(void) {
    cookieprefs_status s;
    static const char json[] = "{\"revision\": 3}";
    if ((s = cookieprefs_date_from_ymd(2026, 11, 24, &today)) != COOKIEPREFS_STATUS_OK) die("date", s);
    if ((s = cookieprefs_preferences_decode((const uint8_t *)VALUE, sizeof VALUE - 1, &prefs)) !=
        COOKIEPREFS_STATUS_OK)
        die("decode", s);
    if ((s = cookieprefs_policy_from_json((const uint8_t *)json, sizeof json - 1, &policy)) != COOKIEPREFS_STATUS_OK)
        die("policy", s);

    printf("operation\tmedian_ns\tmin_ns\tmax_ns\n");
    bench("decode (handle + free)", op_decode);
    bench("decode + state via handle", op_decode_state);
    bench("value_category_state (fast path)", op_value_state);
    bench("header_category_state (160-byte header)", op_header_state);
    bench("encode into caller buffer", op_encode);
    bench("cookie_find (160-byte header)", op_cookie_find);
    bench("policy_evaluate_value + needs_banner + free", op_evaluate);
    bench("policy_evaluate_header + needs_banner + free", op_evaluate_header);

    cookieprefs_preferences_free(prefs);
    cookieprefs_policy_free(policy);
    return sink == 0xdeadbeef; /* never: keeps the results alive */
}
