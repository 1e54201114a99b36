/* Times the C ABI's hot paths (scripts/bench-c.sh): the median over 31
 * samples of the mean time per call over 200k calls each. */
#define _POSIX_C_SOURCE 199309L
#include "cookieprefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAMPLES 31
#define CALLS 200000

static const uint8_t VALUE[] = "BAADCdcJ1w5Q";
static volatile unsigned sink;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void decode_state(void) {
    cookieprefs_preferences *p;
    cookieprefs_state st;
    if (cookieprefs_preferences_decode(VALUE, 12, &p) == COOKIEPREFS_STATUS_OK) {
        cookieprefs_preferences_state(p, 1, &st);
        sink += (unsigned)st;
        cookieprefs_preferences_free(p);
    }
}

static void fast_path(void) {
    cookieprefs_state st;
    if (cookieprefs_value_category_state(VALUE, 12, 1, &st) == COOKIEPREFS_STATUS_OK) sink += (unsigned)st;
}

static cookieprefs_preferences *prefs;
static void encode(void) {
    uint8_t buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];
    size_t n;
    if (cookieprefs_preferences_encode(prefs, buf, sizeof buf, &n) == COOKIEPREFS_STATUS_OK) sink += (unsigned)n;
}

static void run(const char *name, void (*f)(void)) {
    double s[SAMPLES];
    int i, j;
    for (j = 0; j < CALLS; j++) f(); /* warm up */
    for (i = 0; i < SAMPLES; i++) {
        double t0 = now_ns();
        for (j = 0; j < CALLS; j++) f();
        s[i] = (now_ns() - t0) / CALLS;
    }
    qsort(s, SAMPLES, sizeof s[0], cmp);
    printf("%-44s %7.1f ns\n", name, s[SAMPLES / 2]);
}

int main(void) {
    if (cookieprefs_preferences_decode(VALUE, 12, &prefs) != COOKIEPREFS_STATUS_OK) return 1;
    run("C: decode + state + free (handle)", decode_state);
    run("C: value_category_state (fast path)", fast_path);
    run("C: encode into a caller buffer", encode);
    cookieprefs_preferences_free(prefs);
    return 0;
}
