/* Exercises every function of include/cookieprefs.h from C99, including
 * every status path and NULL handling. Exits non-zero on the first failure. */
#include "cookieprefs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                             \
        }                                                                        \
    } while (0)

#define OK(call) CHECK((call) == COOKIEPREFS_STATUS_OK)
#define IS(call, status) CHECK((call) == (status))

static const char TYPICAL[] = "BAADCdcJ1w5Q";
static const uint16_t DAY = 2519; /* 2026-11-24 */

static void test_version_and_status(void) {
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", COOKIEPREFS_VERSION_MAJOR, COOKIEPREFS_VERSION_MINOR,
             COOKIEPREFS_VERSION_PATCH);
    CHECK(strcmp(cookieprefs_version(), want) == 0);
    CHECK(COOKIEPREFS_FORMAT_VERSION == 1);
    CHECK(strcmp(cookieprefs_status_str(COOKIEPREFS_STATUS_OK), "ok") == 0);
    CHECK(strcmp(cookieprefs_status_str(COOKIEPREFS_STATUS_TRUNCATED), "truncated") == 0);
    CHECK(strcmp(cookieprefs_status_str(COOKIEPREFS_STATUS_NULL_ARGUMENT), "null_argument") == 0);
    CHECK(strcmp(cookieprefs_status_str(COOKIEPREFS_STATUS_PANIC), "panic") == 0);
    CHECK(strcmp(cookieprefs_status_str(-5), "unknown status") == 0);
    CHECK(strcmp(cookieprefs_status_str(26), "unknown status") == 0);
    CHECK(COOKIEPREFS_MAX_REVISION == 4095 && COOKIEPREFS_MAX_CATEGORY_ID == 63);
    {
        /* Every status has its stable code and its name. */
        static const struct {
            cookieprefs_status status;
            int code;
            const char *name;
        } all[] = {
            {COOKIEPREFS_STATUS_OK, 0, "ok"},
            {COOKIEPREFS_STATUS_EMPTY, 1, "empty"},
            {COOKIEPREFS_STATUS_TOO_LONG, 2, "too_long"},
            {COOKIEPREFS_STATUS_INVALID_CHARACTER, 3, "invalid_character"},
            {COOKIEPREFS_STATUS_UNSUPPORTED_VERSION, 4, "unsupported_version"},
            {COOKIEPREFS_STATUS_TRUNCATED, 5, "truncated"},
            {COOKIEPREFS_STATUS_TRAILING_DATA, 6, "trailing_data"},
            {COOKIEPREFS_STATUS_RESERVED_BITS, 7, "reserved_bits"},
            {COOKIEPREFS_STATUS_NON_ZERO_PADDING, 8, "non_zero_padding"},
            {COOKIEPREFS_STATUS_INVALID_STATE, 9, "invalid_state"},
            {COOKIEPREFS_STATUS_NON_MINIMAL_SLOTS, 10, "non_minimal_slots"},
            {COOKIEPREFS_STATUS_DATES_OUT_OF_ORDER, 11, "dates_out_of_order"},
            {COOKIEPREFS_STATUS_DATE_IN_FUTURE, 12, "date_in_future"},
            {COOKIEPREFS_STATUS_BUFFER_TOO_SMALL, 13, "buffer_too_small"},
            {COOKIEPREFS_STATUS_INVALID_CATEGORY, 14, "invalid_category"},
            {COOKIEPREFS_STATUS_UNKNOWN_CATEGORY, 15, "unknown_category"},
            {COOKIEPREFS_STATUS_NECESSARY_NOT_STORED, 16, "necessary_not_stored"},
            {COOKIEPREFS_STATUS_REVISION_OUT_OF_RANGE, 17, "revision_out_of_range"},
            {COOKIEPREFS_STATUS_DATE_OUT_OF_RANGE, 18, "date_out_of_range"},
            {COOKIEPREFS_STATUS_INVALID_DATE, 19, "invalid_date"},
            {COOKIEPREFS_STATUS_INVALID_CONSENT_ID, 20, "invalid_consent_id"},
            {COOKIEPREFS_STATUS_UNKNOWN_NAME, 21, "unknown_name"},
            {COOKIEPREFS_STATUS_INVALID_POLICY, 22, "invalid_policy"},
            {COOKIEPREFS_STATUS_CATEGORY_NOT_OFFERED, 23, "category_not_offered"},
            {COOKIEPREFS_STATUS_INVALID_JSON, 24, "invalid_json"},
            {COOKIEPREFS_STATUS_REVISION_IN_FUTURE, 25, "revision_in_future"},
            {COOKIEPREFS_STATUS_NULL_ARGUMENT, 100, "null_argument"},
            {COOKIEPREFS_STATUS_INVALID_UTF8, 101, "invalid_utf8"},
            {COOKIEPREFS_STATUS_NOT_FOUND, 102, "not_found"},
            {COOKIEPREFS_STATUS_PANIC, 103, "panic"},
            {COOKIEPREFS_STATUS_LENGTH_TOO_LARGE, 104, "length_too_large"},
            {COOKIEPREFS_STATUS_OTHER, 199, "other"},
        };
        size_t i;
        for (i = 0; i < sizeof all / sizeof all[0]; i++) {
            CHECK((int)all[i].status == all[i].code);
            CHECK(strcmp(cookieprefs_status_str(all[i].code), all[i].name) == 0);
        }
    }
}

static void test_decode_and_fields(void) {
    cookieprefs_preferences *p = NULL;
    cookieprefs_state st;
    uint16_t u16v;
    uint8_t slots, id[16];
    bool has = true;
    cookieprefs_method m;
    size_t len, n;
    char buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];

    OK(cookieprefs_preferences_decode((const uint8_t *)TYPICAL, strlen(TYPICAL), &p));
    CHECK(p != NULL);
    OK(cookieprefs_preferences_state(p, 1, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    OK(cookieprefs_preferences_state(p, 2, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    OK(cookieprefs_preferences_state(p, 3, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    OK(cookieprefs_preferences_state(p, 0, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    OK(cookieprefs_preferences_state(p, 63, &st));
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    IS(cookieprefs_preferences_state(p, 64, &st), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    OK(cookieprefs_preferences_revision(p, &u16v));
    CHECK(u16v == 3);
    OK(cookieprefs_preferences_created_days(p, &u16v));
    CHECK(u16v == DAY);
    OK(cookieprefs_preferences_updated_days(p, &u16v));
    CHECK(u16v == DAY);
    OK(cookieprefs_preferences_method(p, &m));
    CHECK(m == COOKIEPREFS_METHOD_BANNER);
    OK(cookieprefs_preferences_slot_count(p, &slots));
    CHECK(slots == 3);
    memset(id, 0xAB, sizeof id);
    OK(cookieprefs_preferences_consent_id(p, id, &has));
    CHECK(!has && id[0] == 0 && id[15] == 0); /* zeroed without an id */
    OK(cookieprefs_preferences_encoded_len(p, &len));
    CHECK(len == 12);

    /* Encode: short buffer untouched, capacity needed reported, then exact. */
    memset(buf, '#', sizeof buf);
    IS(cookieprefs_preferences_encode(p, (uint8_t *)buf, 12, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 13 && buf[0] == '\0' && buf[1] == '#'); /* an empty string, the size needed */
    OK(cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, &n));
    CHECK(n == 12 && strcmp(buf, TYPICAL) == 0);

    /* NULL everywhere. */
    IS(cookieprefs_preferences_state(NULL, 1, &st), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_state(p, 1, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_revision(NULL, &u16v), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_created_days(p, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_updated_days(NULL, &u16v), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_method(p, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_slot_count(NULL, &slots), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_consent_id(p, NULL, &has), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_encoded_len(p, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_preferences_encode(p, NULL, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_preferences_free(p);
    cookieprefs_preferences_free(NULL);
}

static void test_decode_errors(void) {
    struct {
        const char *value;
        cookieprefs_status want;
    } cases[] = {
        {"", COOKIEPREFS_STATUS_EMPTY},
        {"BAADCdcJ1w5Q=", COOKIEPREFS_STATUS_INVALID_CHARACTER},
        {"CAADCdcJ1w5Q", COOKIEPREFS_STATUS_UNSUPPORTED_VERSION},
        {"BAADCdcJ1w5", COOKIEPREFS_STATUS_TRUNCATED},
        {"BAADCdcJ1w5QA", COOKIEPREFS_STATUS_TRAILING_DATA},
        {"BEADCdcJ1wA", COOKIEPREFS_STATUS_RESERVED_BITS},
        {"BAADCdcJ1w5R", COOKIEPREFS_STATUS_NON_ZERO_PADDING},
        {"BAADCdcJ1wc", COOKIEPREFS_STATUS_INVALID_STATE},
        {"BAADCdcJ1wQ", COOKIEPREFS_STATUS_NON_MINIMAL_SLOTS},
        {"BAADCdcJ1gY", COOKIEPREFS_STATUS_DATES_OUT_OF_ORDER},
        {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", COOKIEPREFS_STATUS_TOO_LONG},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cookieprefs_preferences *p = (cookieprefs_preferences *)&cases[i];
        IS(cookieprefs_preferences_decode((const uint8_t *)cases[i].value, strlen(cases[i].value), &p),
           cases[i].want);
        CHECK(p == NULL); /* fail closed: NULL, never the old pointer */
    }
    {
        cookieprefs_preferences *p = NULL;
        IS(cookieprefs_preferences_decode(NULL, 3, &p), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        IS(cookieprefs_preferences_decode((const uint8_t *)TYPICAL, 12, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    }
}

static void test_builder(void) {
    cookieprefs_preferences *p = NULL;
    uint8_t id[16] = {0x67, 0xe5, 0x50, 0x44, 0x10, 0xb1, 0x42, 0x6f,
                      0x92, 0x47, 0xbb, 0x68, 0x0e, 0x5f, 0xe0, 0xc8};
    uint8_t got[16];
    bool has = false;
    char buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];
    size_t n;
    cookieprefs_method m;

    OK(cookieprefs_preferences_new(DAY, &p));
    OK(cookieprefs_preferences_set_state(p, 1, COOKIEPREFS_STATE_GRANTED));
    OK(cookieprefs_preferences_set_state(p, 2, COOKIEPREFS_STATE_DENIED));
    OK(cookieprefs_preferences_set_state(p, 3, COOKIEPREFS_STATE_DENIED));
    OK(cookieprefs_preferences_set_revision(p, 3));
    OK(cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, TYPICAL) == 0);

    IS(cookieprefs_preferences_set_state(p, 0, COOKIEPREFS_STATE_DENIED), COOKIEPREFS_STATUS_NECESSARY_NOT_STORED);
    IS(cookieprefs_preferences_set_state(p, 64, COOKIEPREFS_STATE_DENIED), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    IS(cookieprefs_preferences_set_state(p, 1, 7), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    IS(cookieprefs_preferences_set_revision(p, 4096), COOKIEPREFS_STATUS_REVISION_OUT_OF_RANGE);
    IS(cookieprefs_preferences_set_dates(p, DAY, DAY - 1), COOKIEPREFS_STATUS_DATES_OUT_OF_ORDER);
    IS(cookieprefs_preferences_set_method(p, 9), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    IS(cookieprefs_preferences_set_revision(NULL, 1), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    OK(cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, TYPICAL) == 0); /* refused changes changed nothing */

    OK(cookieprefs_preferences_set_dates(p, DAY - 30, DAY));
    OK(cookieprefs_preferences_set_method(p, COOKIEPREFS_METHOD_PREFERENCES_PAGE));
    OK(cookieprefs_preferences_set_state(p, 16, COOKIEPREFS_STATE_GRANTED));
    OK(cookieprefs_preferences_set_consent_id(p, id));
    OK(cookieprefs_preferences_consent_id(p, got, &has));
    CHECK(has && memcmp(got, id, 16) == 0);
    OK(cookieprefs_preferences_method(p, &m));
    CHECK(m == COOKIEPREFS_METHOD_PREFERENCES_PAGE);
    OK(cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, &n));
    CHECK(n == 37);
    OK(cookieprefs_preferences_set_consent_id(p, NULL));
    OK(cookieprefs_preferences_consent_id(p, got, &has));
    CHECK(!has);
    IS(cookieprefs_preferences_new(DAY, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_preferences_free(p);
}

static void test_fast_path_header_and_dates(void) {
    const char *header = "a={\"x\":1;\"y\":2}; cookies_preferences=BAADCdcJ1w5Q; b=\xff";
    cookieprefs_state st;
    size_t off = 0, len = 0;
    uint16_t d;

    OK(cookieprefs_value_category_state((const uint8_t *)TYPICAL, 12, 1, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    OK(cookieprefs_value_category_state((const uint8_t *)TYPICAL, 12, 3, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    IS(cookieprefs_value_category_state((const uint8_t *)TYPICAL, 5, 1, &st), COOKIEPREFS_STATUS_TRUNCATED);
    IS(cookieprefs_value_category_state((const uint8_t *)TYPICAL, 12, 64, &st), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    IS(cookieprefs_value_category_state(NULL, 12, 1, &st), COOKIEPREFS_STATUS_NULL_ARGUMENT);

    OK(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), "cookies_preferences", &off, &len));
    CHECK(len == 12 && memcmp(header + off, TYPICAL, 12) == 0);
    IS(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), "absent", &off, &len),
       COOKIEPREFS_STATUS_NOT_FOUND);
    IS(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), "\xff", &off, &len),
       COOKIEPREFS_STATUS_INVALID_UTF8);
    IS(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), NULL, &off, &len),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);

    OK(cookieprefs_date_from_ymd(2026, 11, 24, &d));
    CHECK(d == DAY);
    IS(cookieprefs_date_from_ymd(2026, 2, 29, &d), COOKIEPREFS_STATUS_INVALID_DATE);
    IS(cookieprefs_date_from_ymd(2200, 1, 1, &d), COOKIEPREFS_STATUS_DATE_OUT_OF_RANGE);
    IS(cookieprefs_date_from_ymd(2026, 1, 1, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(cookieprefs_today() >= DAY);
    {
        int32_t y = -1;
        uint32_t m = 0, dd = 0;
        OK(cookieprefs_date_to_ymd(DAY, &y, &m, &dd));
        CHECK(y == 2026 && m == 11 && dd == 24);
        OK(cookieprefs_date_to_ymd(UINT16_MAX, &y, &m, &dd));
        CHECK(y == 2199 && m == 6 && dd == 6);
        y = -1;
        IS(cookieprefs_date_to_ymd(DAY, &y, &m, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        IS(cookieprefs_date_to_ymd(DAY, NULL, &m, &dd), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        CHECK(y == 0); /* fail closed: the non-NULL out-params are 0 */
    }

    /* The header fast path: no handle, no allocation. */
    OK(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "cookies_preferences", 1, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    OK(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "cookies_preferences", 2, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "absent", 1, &st),
       COOKIEPREFS_STATUS_NOT_FOUND);
    IS(cookieprefs_header_category_state((const uint8_t *)"cookies_preferences=BAADCdcJ1wc", 31,
                                         "cookies_preferences", 1, &st),
       COOKIEPREFS_STATUS_INVALID_STATE);
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "cookies_preferences", 64, &st),
       COOKIEPREFS_STATUS_INVALID_CATEGORY);
    IS(cookieprefs_header_category_state(NULL, 0, "cookies_preferences", 1, &st), COOKIEPREFS_STATUS_NOT_FOUND);
    IS(cookieprefs_header_category_state(NULL, 4, "cookies_preferences", 1, &st), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), NULL, 1, &st),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "cookies_preferences", 1, NULL),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), "\xff", 1, &st),
       COOKIEPREFS_STATUS_INVALID_UTF8);
}

static void test_policy_and_evaluation(void) {
    static const char json[] = "{\"revision\": 3}";
    static const char header[] = "sessionid=x; cookies_preferences=BAADCdcJ1w5Q";
    static const char bad[] = "cookies_preferences=%7B%7D";
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_preferences *stored = NULL, *choice = NULL;
    cookieprefs_state st;
    cookieprefs_banner_reason reason;
    cookieprefs_status vs;
    bool b;
    char buf[256];
    size_t n;
    uint16_t rev;
    const uint8_t stats_only[] = {1};

    OK(cookieprefs_policy_from_json((const uint8_t *)json, strlen(json), &pol));
    OK(cookieprefs_policy_revision(pol, &rev));
    CHECK(rev == 3);

    OK(cookieprefs_policy_evaluate_header(pol, (const uint8_t *)header, strlen(header), DAY, 0, &ev));
    OK(cookieprefs_evaluation_needs_banner(ev, &b));
    CHECK(!b);
    OK(cookieprefs_evaluation_banner_reason(ev, &reason));
    CHECK(reason == COOKIEPREFS_BANNER_REASON_NONE);
    OK(cookieprefs_evaluation_value_status(ev, &vs));
    CHECK(vs == COOKIEPREFS_STATUS_OK);
    OK(cookieprefs_evaluation_state(ev, 1, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    OK(cookieprefs_evaluation_state(ev, 3, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    OK(cookieprefs_evaluation_consent_mode(ev, COOKIEPREFS_CONSENT_TYPE_ANALYTICS_STORAGE, &b));
    CHECK(b);
    OK(cookieprefs_evaluation_consent_mode(ev, COOKIEPREFS_CONSENT_TYPE_AD_STORAGE, &b));
    CHECK(!b);
    OK(cookieprefs_evaluation_consent_mode(ev, COOKIEPREFS_CONSENT_TYPE_SECURITY_STORAGE, &b));
    CHECK(b);
    IS(cookieprefs_evaluation_consent_mode(ev, 7, &b), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    OK(cookieprefs_evaluation_consent_mode_json(ev, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strstr(buf, "\"analytics_storage\":\"granted\"") != NULL);
    {
        size_t full = n;
        IS(cookieprefs_evaluation_consent_mode_json(ev, (uint8_t *)buf, 10, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
        CHECK(n == full + 1 && buf[0] == '\0');
    }
    OK(cookieprefs_evaluation_set_cookie_header(ev, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure") == 0);
    OK(cookieprefs_evaluation_stored(ev, &stored));
    OK(cookieprefs_preferences_revision(stored, &rev));
    CHECK(rev == 3);
    cookieprefs_preferences_free(stored);
    cookieprefs_evaluation_free(ev);

    /* A junk cookie and GPC: fail closed, third_party refused by GPC. */
    OK(cookieprefs_policy_evaluate_header(pol, (const uint8_t *)bad, strlen(bad), DAY, 1, &ev));
    OK(cookieprefs_evaluation_banner_reason(ev, &reason));
    CHECK(reason == COOKIEPREFS_BANNER_REASON_INVALID_VALUE);
    OK(cookieprefs_evaluation_value_status(ev, &vs));
    CHECK(vs == COOKIEPREFS_STATUS_INVALID_CHARACTER);
    OK(cookieprefs_evaluation_state(ev, 1, &st));
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    OK(cookieprefs_evaluation_state(ev, 3, &st));
    CHECK(st == COOKIEPREFS_STATE_DENIED);
    IS(cookieprefs_evaluation_stored(ev, &stored), COOKIEPREFS_STATUS_NOT_FOUND);
    IS(cookieprefs_evaluation_set_cookie_header(ev, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NOT_FOUND);

    /* The visitor accepts statistics only: the value to store, and its header. */
    OK(cookieprefs_evaluation_choose(ev, stats_only, 1, COOKIEPREFS_METHOD_BANNER, &choice));
    OK(cookieprefs_preferences_encode(choice, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, TYPICAL) == 0);
    IS(cookieprefs_policy_set_cookie_header(pol, choice, DAY, NULL, 0, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 81);
    OK(cookieprefs_policy_set_cookie_header(pol, choice, DAY, (uint8_t *)buf, n, &n));
    CHECK(n == 80);
    IS(cookieprefs_evaluation_choose(ev, (const uint8_t *)"\0", 1, 0, &stored), COOKIEPREFS_STATUS_NECESSARY_NOT_STORED);
    IS(cookieprefs_evaluation_choose(ev, NULL, 0, 5, &stored), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    IS(cookieprefs_evaluation_choose(ev, (const uint8_t *)"\x10", 1, 0, &stored), COOKIEPREFS_STATUS_CATEGORY_NOT_OFFERED);
    IS(cookieprefs_evaluation_choose(ev, NULL, 1, 0, &stored), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_preferences_free(choice);
    OK(cookieprefs_policy_delete_cookie_header(pol, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "cookies_preferences=; Max-Age=0; Path=/; SameSite=Lax; Secure") == 0);
    cookieprefs_evaluation_free(ev);

    /* No cookie at all. */
    OK(cookieprefs_policy_evaluate_value(pol, NULL, 0, DAY, 0, &ev));
    OK(cookieprefs_evaluation_banner_reason(ev, &reason));
    CHECK(reason == COOKIEPREFS_BANNER_REASON_NO_CHOICE);
    cookieprefs_evaluation_free(ev);
    OK(cookieprefs_policy_evaluate_value(pol, (const uint8_t *)TYPICAL, 12, DAY, 0, &ev));
    OK(cookieprefs_evaluation_needs_banner(ev, &b));
    CHECK(!b);
    cookieprefs_evaluation_free(ev);

    /* A date two days ahead of today is rejected (one day of skew is allowed). */
    OK(cookieprefs_policy_evaluate_value(pol, (const uint8_t *)TYPICAL, 12, DAY - 2, 0, &ev));
    OK(cookieprefs_evaluation_value_status(ev, &vs));
    CHECK(vs == COOKIEPREFS_STATUS_DATE_IN_FUTURE);
    OK(cookieprefs_evaluation_banner_reason(ev, &reason));
    CHECK(reason == COOKIEPREFS_BANNER_REASON_INVALID_VALUE);
    cookieprefs_evaluation_free(ev);

    /* Names, "may I load X?" and GPC. */
    {
        uint8_t id = 99;
        OK(cookieprefs_policy_category_id(pol, "statistics", &id));
        CHECK(id == 1);
        OK(cookieprefs_policy_category_id(pol, "necessary", &id));
        CHECK(id == 0);
        id = 99;
        IS(cookieprefs_policy_category_id(pol, "youtube", &id), COOKIEPREFS_STATUS_UNKNOWN_CATEGORY);
        CHECK(id == COOKIEPREFS_NO_CATEGORY); /* not a category: nothing is granted by it */
        IS(cookieprefs_policy_category_id(pol, "\xff", &id), COOKIEPREFS_STATUS_INVALID_UTF8);
        IS(cookieprefs_policy_category_id(pol, NULL, &id), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        IS(cookieprefs_policy_category_id(NULL, "statistics", &id), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        IS(cookieprefs_policy_category_id(pol, "statistics", NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);

        OK(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, 1, &ev));
        OK(cookieprefs_evaluation_gpc_applied(ev, &b));
        CHECK(b);
        OK(cookieprefs_evaluation_allowed(ev, 0, &b));
        CHECK(b);
        OK(cookieprefs_evaluation_allowed(ev, 3, &b));
        CHECK(!b);
        IS(cookieprefs_evaluation_allowed(ev, 64, &b), COOKIEPREFS_STATUS_INVALID_CATEGORY);
        IS(cookieprefs_evaluation_allowed(ev, 1, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        IS(cookieprefs_evaluation_gpc_applied(NULL, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        cookieprefs_evaluation_free(ev);

        OK(cookieprefs_policy_evaluate_header(pol, (const uint8_t *)header, strlen(header), DAY, 1, &ev));
        OK(cookieprefs_evaluation_gpc_applied(ev, &b));
        CHECK(!b); /* the stored choice wins */
        OK(cookieprefs_evaluation_allowed(ev, 1, &b));
        CHECK(b);
        cookieprefs_evaluation_free(ev);
    }

    IS(cookieprefs_policy_evaluate_header(NULL, NULL, 0, DAY, 0, &ev), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, 0, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_evaluation_needs_banner(NULL, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_policy_free(pol);

    /* Policy errors. */
    pol = NULL;
    IS(cookieprefs_policy_from_json((const uint8_t *)"{", 1, &pol), COOKIEPREFS_STATUS_INVALID_JSON);
    IS(cookieprefs_policy_from_json((const uint8_t *)"{\"revision\":5000}", 17, &pol),
       COOKIEPREFS_STATUS_REVISION_OUT_OF_RANGE);
    IS(cookieprefs_policy_from_json((const uint8_t *)"\xff", 1, &pol), COOKIEPREFS_STATUS_INVALID_UTF8);
    CHECK(pol == NULL);
    OK(cookieprefs_policy_default(&pol));
    cookieprefs_policy_free(pol);
    cookieprefs_policy_free(NULL);
    cookieprefs_evaluation_free(NULL);
}

/* The detail of a failure: cookieprefs_error, the _ex functions, cookieprefs_error_message. */
static const char *message(const cookieprefs_error *err) {
    static char buf[COOKIEPREFS_ERROR_MESSAGE_CAP];
    size_t n = 0;
    OK(cookieprefs_error_message(err, buf, sizeof buf, &n));
    CHECK(strlen(buf) == n);
    return buf;
}

static void test_error_detail(void) {
    cookieprefs_error err;
    cookieprefs_preferences *p = NULL;
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = NULL;
    const char *bad_value = "BAADCdcJ1w5Q=";
    const char *bad_policy = "{\"revision\": 1, \"categories\": [{\"id\": 16, \"name\": \"Bad\"}]}";
    char small[8];
    size_t n = 0;

    /* A decode error: kind, offset, the byte, and the Rust library's message. */
    memset(&err, 0x5a, sizeof err);
    IS(cookieprefs_preferences_decode_ex((const uint8_t *)bad_value, strlen(bad_value), &p, &err),
       COOKIEPREFS_STATUS_INVALID_CHARACTER);
    CHECK(p == NULL);
    CHECK(err.status == COOKIEPREFS_STATUS_INVALID_CHARACTER);
    CHECK(strcmp(cookieprefs_status_str(err.status), "invalid_character") == 0);
    CHECK(err.offset == 12 && err.a == 0x3d && err.b == 0 && err.c == 0);
    CHECK(strcmp(message(&err), "invalid character '=' (0x3d) at offset 12: only A-Z a-z 0-9 - _ are allowed; values have no = padding: remove it") == 0);
    CHECK(strcmp(err.message, message(&err)) == 0);

    /* A short buffer: BUFFER_TOO_SMALL, an empty string, the capacity needed. */
    memset(small, '#', sizeof small);
    IS(cookieprefs_error_message(&err, small, sizeof small, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == strlen(err.message) + 1);
    CHECK(small[0] == '\0' && small[7] == '#');
    IS(cookieprefs_error_message(NULL, small, sizeof small, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_error_message(&err, small, sizeof small, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);

    /* Success writes an empty detail; NULL for the detail is allowed. */
    OK(cookieprefs_preferences_decode_ex((const uint8_t *)TYPICAL, 12, &p, &err));
    CHECK(err.status == COOKIEPREFS_STATUS_OK && err.offset == -1 && err.message[0] == '\0');
    {
        /* A failure writes NULL to its out-parameter: never pass a live handle's address. */
        cookieprefs_preferences *q = p;
        IS(cookieprefs_preferences_decode_ex((const uint8_t *)bad_value, 13, &q, NULL),
           COOKIEPREFS_STATUS_INVALID_CHARACTER);
        CHECK(q == NULL);
    }

    /* A refused change. */
    IS(cookieprefs_preferences_set_revision_ex(p, 5000, &err), COOKIEPREFS_STATUS_REVISION_OUT_OF_RANGE);
    CHECK(err.a == 5000);
    CHECK(strcmp(message(&err), "revision 5000 out of range 0..=4095") == 0);
    IS(cookieprefs_preferences_set_dates_ex(p, DAY, DAY - 1, &err), COOKIEPREFS_STATUS_DATES_OUT_OF_ORDER);
    CHECK(err.a == DAY && err.b == DAY - 1);
    IS(cookieprefs_preferences_set_method_ex(p, 7, &err), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    CHECK(strcmp(message(&err), "unknown method \"7\"; expected banner, preferences_page, browser_signal or imported") == 0);
    IS(cookieprefs_preferences_set_state_ex(p, 0, COOKIEPREFS_STATE_DENIED, &err),
       COOKIEPREFS_STATUS_NECESSARY_NOT_STORED);
    OK(cookieprefs_preferences_set_state_ex(p, 5, COOKIEPREFS_STATE_GRANTED, &err));
    cookieprefs_preferences_free(p);

    /* A policy error names the rule. */
    IS(cookieprefs_policy_from_json_ex((const uint8_t *)bad_policy, strlen(bad_policy), &pol, &err),
       COOKIEPREFS_STATUS_INVALID_POLICY);
    CHECK(pol == NULL);
    CHECK(strcmp(message(&err), "invalid policy: categories: name \"Bad\" of category 16 must be 1-32 characters of a-z 0-9 _, starting with a letter") == 0);
    IS(cookieprefs_policy_from_json_ex((const uint8_t *)"\xff", 1, &pol, &err), COOKIEPREFS_STATUS_INVALID_UTF8);
    CHECK(err.status == COOKIEPREFS_STATUS_INVALID_UTF8 && strlen(message(&err)) > 0);

    /* A choice of a category the policy does not offer; the detail of a rejected cookie. */
    OK(cookieprefs_policy_from_json_ex((const uint8_t *)"{\"revision\": 3}", 15, &pol, &err));
    OK(cookieprefs_policy_evaluate_value(pol, (const uint8_t *)"BAADCdcJ1w5", 11, DAY, 0, &ev));
    IS(cookieprefs_evaluation_choose_ex(ev, (const uint8_t *)"\x10", 1, 0, &p, &err),
       COOKIEPREFS_STATUS_CATEGORY_NOT_OFFERED);
    CHECK(strcmp(cookieprefs_status_str(err.status), "category_not_offered") == 0);
    OK(cookieprefs_evaluation_value_error(ev, &err));
    CHECK(err.status == COOKIEPREFS_STATUS_TRUNCATED && err.a == 11 && err.b == 12);
    CHECK(strcmp(message(&err), "truncated value: 11 characters, 12 needed") == 0);
    IS(cookieprefs_evaluation_value_error(ev, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(pol);
}

/* Finding 5: a caller that ignores a status still fails closed. Each call
 * below fails; every out-parameter it was given then holds its fail-closed
 * value, whatever it held before (the sentinels say "granted"/garbage). */
static void test_fail_closed(void) {
    static const char header[] = "sessionid=x; cookies_preferences=BAADCdcJ1w5Q";
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = (cookieprefs_evaluation *)&pol; /* garbage */
    cookieprefs_preferences *p = (cookieprefs_preferences *)&pol;
    cookieprefs_state st;
    cookieprefs_banner_reason reason;
    cookieprefs_status vs;
    cookieprefs_method m;
    cookieprefs_error err;
    bool b;
    uint8_t id, u8v, cid[16];
    uint16_t u16v;
    size_t n, off, len;
    char buf[64];

    /* The README's case: the policy failed to load, the status was not
     * looked at. Evaluating with a NULL policy: NULL_ARGUMENT and ev NULL. */
    IS(cookieprefs_policy_from_json((const uint8_t *)"{", 1, &pol), COOKIEPREFS_STATUS_INVALID_JSON);
    CHECK(pol == NULL);
    IS(cookieprefs_policy_evaluate_header(pol, (const uint8_t *)header, strlen(header), DAY, 0, &ev),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(ev == NULL);
    /* ...and every read of that NULL evaluation grants nothing. */
    st = COOKIEPREFS_STATE_GRANTED;
    IS(cookieprefs_evaluation_state(ev, 1, &st), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    b = true;
    IS(cookieprefs_evaluation_allowed(ev, 1, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    b = true;
    IS(cookieprefs_evaluation_allowed(ev, 0, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b); /* even necessary: the call failed */
    b = true;
    IS(cookieprefs_evaluation_needs_banner(ev, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    b = true;
    IS(cookieprefs_evaluation_gpc_applied(ev, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    b = true;
    IS(cookieprefs_evaluation_consent_mode(ev, COOKIEPREFS_CONSENT_TYPE_AD_STORAGE, &b),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    reason = COOKIEPREFS_BANNER_REASON_EXPIRED;
    IS(cookieprefs_evaluation_banner_reason(ev, &reason), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(reason == COOKIEPREFS_BANNER_REASON_NONE);
    vs = COOKIEPREFS_STATUS_OK;
    IS(cookieprefs_evaluation_value_status(ev, &vs), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(vs == COOKIEPREFS_STATUS_NULL_ARGUMENT); /* never OK */
    memset(&err, 0, sizeof err);
    IS(cookieprefs_evaluation_value_error(ev, &err), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(err.status == COOKIEPREFS_STATUS_NULL_ARGUMENT);
    memset(buf, '#', sizeof buf);
    n = 99;
    IS(cookieprefs_evaluation_consent_mode_json(ev, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(buf[0] == '\0' && n == 0);
    memset(buf, '#', sizeof buf);
    n = 99;
    IS(cookieprefs_evaluation_set_cookie_header(ev, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(buf[0] == '\0' && n == 0);
    p = (cookieprefs_preferences *)&pol;
    IS(cookieprefs_evaluation_stored(ev, &p), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(p == NULL);
    p = (cookieprefs_preferences *)&pol;
    IS(cookieprefs_evaluation_choose(ev, NULL, 0, 0, &p), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(p == NULL);
    ev = (cookieprefs_evaluation *)&pol;
    IS(cookieprefs_policy_evaluate_value(NULL, NULL, 0, DAY, 0, &ev), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(ev == NULL);

    /* A name that fails to resolve leaves an id that is no category: the
     * next call fails too and grants nothing (0 would be necessary). */
    OK(cookieprefs_policy_default(&pol));
    id = 0;
    IS(cookieprefs_policy_category_id(pol, "youtube", &id), COOKIEPREFS_STATUS_UNKNOWN_CATEGORY);
    CHECK(id == COOKIEPREFS_NO_CATEGORY);
    id = 0;
    IS(cookieprefs_policy_category_id(NULL, "statistics", &id), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(id == COOKIEPREFS_NO_CATEGORY);
    OK(cookieprefs_policy_evaluate_header(pol, (const uint8_t *)header, strlen(header), DAY, 0, &ev));
    b = true;
    IS(cookieprefs_evaluation_allowed(ev, id, &b), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    CHECK(!b);
    b = true;
    IS(cookieprefs_policy_header_allowed(pol, (const uint8_t *)header, strlen(header), DAY, 0, id, &b),
       COOKIEPREFS_STATUS_INVALID_CATEGORY);
    CHECK(!b);
    /* Not-found: the stored value and the refresh header. */
    cookieprefs_evaluation_free(ev);
    OK(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, 0, &ev));
    p = (cookieprefs_preferences *)&pol;
    IS(cookieprefs_evaluation_stored(ev, &p), COOKIEPREFS_STATUS_NOT_FOUND);
    CHECK(p == NULL);
    cookieprefs_evaluation_free(ev);

    /* Preferences getters on a NULL handle. */
    u16v = 7;
    IS(cookieprefs_preferences_revision(NULL, &u16v), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(u16v == 0);
    u16v = 7;
    IS(cookieprefs_preferences_updated_days(NULL, &u16v), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(u16v == 0);
    u8v = 7;
    IS(cookieprefs_preferences_slot_count(NULL, &u8v), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(u8v == 0);
    m = COOKIEPREFS_METHOD_IMPORTED;
    IS(cookieprefs_preferences_method(NULL, &m), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(m == COOKIEPREFS_METHOD_BANNER);
    n = 7;
    IS(cookieprefs_preferences_encoded_len(NULL, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(n == 0);
    st = COOKIEPREFS_STATE_GRANTED;
    IS(cookieprefs_preferences_state(NULL, 1, &st), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    memset(cid, 0xAB, sizeof cid);
    b = true;
    IS(cookieprefs_preferences_consent_id(NULL, cid, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b && cid[0] == 0 && cid[15] == 0);
    memset(buf, '#', sizeof buf);
    n = 99;
    IS(cookieprefs_preferences_encode(NULL, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(buf[0] == '\0' && n == 0);
    p = (cookieprefs_preferences *)&pol;
    IS(cookieprefs_preferences_decode((const uint8_t *)"junk!", 5, &p), COOKIEPREFS_STATUS_INVALID_CHARACTER);
    CHECK(p == NULL);

    /* The stored-state fast paths and the header lookup. */
    st = COOKIEPREFS_STATE_GRANTED;
    IS(cookieprefs_value_category_state((const uint8_t *)"BAADCdcJ1w5", 11, 1, &st), COOKIEPREFS_STATUS_TRUNCATED);
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    st = COOKIEPREFS_STATE_GRANTED;
    IS(cookieprefs_header_category_state((const uint8_t *)header, strlen(header), NULL, 1, &st),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED); /* another argument was NULL */
    off = len = 99;
    IS(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), "absent", &off, &len),
       COOKIEPREFS_STATUS_NOT_FOUND);
    CHECK(off == 0 && len == 0);
    len = 99;
    IS(cookieprefs_cookie_find((const uint8_t *)header, strlen(header), "cookies_preferences", NULL, &len),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(len == 0); /* the non-NULL out-param, when another is NULL */

    /* Dates and the error message. */
    u16v = 7;
    IS(cookieprefs_date_from_ymd(2026, 2, 30, &u16v), COOKIEPREFS_STATUS_INVALID_DATE);
    CHECK(u16v == 0);
    {
        int32_t y = -1;
        uint32_t dd = 9;
        IS(cookieprefs_date_to_ymd(DAY, &y, NULL, &dd), COOKIEPREFS_STATUS_NULL_ARGUMENT);
        CHECK(y == 0 && dd == 0);
    }
    memset(buf, '#', sizeof buf);
    n = 99;
    IS(cookieprefs_error_message(NULL, buf, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(buf[0] == '\0' && n == 0);
    /* BUFFER_TOO_SMALL: an empty string, and the size needed (the one exception). */
    memset(buf, '#', sizeof buf);
    n = 0;
    IS(cookieprefs_policy_delete_cookie_header(pol, (uint8_t *)buf, 4, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(buf[0] == '\0' && buf[1] == '#' && n == 62);
    memset(buf, '#', sizeof buf);
    n = 0;
    IS(cookieprefs_policy_delete_cookie_header(pol, (uint8_t *)buf, 0, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(buf[0] == '#' && n == 62); /* capacity 0: nothing written to the buffer */
    cookieprefs_policy_free(pol);
}

/* Lengths no object can have: LENGTH_TOO_LARGE, nothing read (ASan and
 * valgrind would see a read of (size_t)-1 bytes). */
static void test_huge_lengths(void) {
    static const char header[] = "cookies_preferences=BAADCdcJ1w5Q";
    const uint8_t *h = (const uint8_t *)header;
    const size_t huge[] = {(size_t)-1, (size_t)PTRDIFF_MAX + 1};
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_preferences *p = NULL;
    cookieprefs_state st;
    size_t i, off, len;
    bool b;

    OK(cookieprefs_policy_default(&pol));
    CHECK(strcmp(cookieprefs_status_str(COOKIEPREFS_STATUS_LENGTH_TOO_LARGE), "length_too_large") == 0);
    for (i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        size_t n = huge[i];
        p = (cookieprefs_preferences *)&pol;
        IS(cookieprefs_preferences_decode(h, n, &p), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(p == NULL);
        st = COOKIEPREFS_STATE_GRANTED;
        IS(cookieprefs_value_category_state(h, n, 1, &st), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
        st = COOKIEPREFS_STATE_GRANTED;
        IS(cookieprefs_header_category_state(h, n, "cookies_preferences", 1, &st), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
        IS(cookieprefs_cookie_find(h, n, "cookies_preferences", &off, &len), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        ev = (cookieprefs_evaluation *)&pol;
        IS(cookieprefs_policy_evaluate_header(pol, h, n, DAY, 0, &ev), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(ev == NULL);
        IS(cookieprefs_policy_evaluate_value(pol, h, n, DAY, 0, &ev), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        b = true;
        IS(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 1, &b), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(!b);
        b = true;
        IS(cookieprefs_policy_header_needs_banner(pol, h, n, DAY, 0, &b), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
        CHECK(!b);
        {
            cookieprefs_policy *other = (cookieprefs_policy *)&pol;
            IS(cookieprefs_policy_from_json(h, n, &other), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
            CHECK(other == NULL);
        }
    }
    OK(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, 0, &ev));
    IS(cookieprefs_evaluation_choose(ev, h, (size_t)-1, 0, &p), COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
    CHECK(p == NULL);
    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(pol);
}

/* gpc is an int tested != 0: 0x100 (a bool mis-declared as a wider type)
 * is a GPC signal. */
static void test_gpc_is_nonzero(void) {
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_state st;
    bool b;
    const int signals[] = {1, 0x100, -1, 0x10000};
    size_t i;

    OK(cookieprefs_policy_default(&pol));
    for (i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        OK(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, signals[i], &ev));
        OK(cookieprefs_evaluation_gpc_applied(ev, &b));
        CHECK(b);
        OK(cookieprefs_evaluation_state(ev, 3 /* third_party */, &st));
        CHECK(st == COOKIEPREFS_STATE_DENIED);
        cookieprefs_evaluation_free(ev);
    }
    OK(cookieprefs_policy_evaluate_header(pol, NULL, 0, DAY, 0, &ev));
    OK(cookieprefs_evaluation_gpc_applied(ev, &b));
    CHECK(!b);
    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(pol);
}

/* Finding 6: the edge call applies every rule the stored-state fast path skips. */
static void test_edge_call(void) {
    static const char header[] = "sessionid=x; cookies_preferences=BAADCdcJ1w5Q";
    static const char reconsent[] =
        "{\"revision\": 4, \"categories\": [{\"id\": 1, \"name\": \"statistics\", \"since_revision\": 4}]}";
    const uint8_t *h = (const uint8_t *)header;
    const size_t n = strlen(header);
    cookieprefs_policy *pol = NULL, *pol4 = NULL;
    cookieprefs_state st;
    bool b;

    OK(cookieprefs_policy_from_json((const uint8_t *)"{\"revision\": 3}", 15, &pol));
    OK(cookieprefs_policy_from_json((const uint8_t *)reconsent, strlen(reconsent), &pol4));
    OK(cookieprefs_header_category_state(h, n, "cookies_preferences", 1, &st));
    CHECK(st == COOKIEPREFS_STATE_GRANTED); /* stored, rules not applied */

    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 1, &b));
    CHECK(b);
    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 3, &b));
    CHECK(!b); /* refused */
    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 0, &b));
    CHECK(b); /* necessary */
    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 16, &b));
    CHECK(!b); /* not offered */
    OK(cookieprefs_policy_header_needs_banner(pol, h, n, DAY, 0, &b));
    CHECK(!b);
    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY + 183, 0, 1, &b));
    CHECK(!b); /* expired */
    OK(cookieprefs_policy_header_needs_banner(pol, h, n, DAY + 183, 0, &b));
    CHECK(b);
    OK(cookieprefs_policy_header_allowed(pol, h, n, DAY - 2, 0, 1, &b));
    CHECK(!b); /* dated after today + 1 */
    OK(cookieprefs_policy_header_allowed(pol4, h, n, DAY, 0, 1, &b));
    CHECK(!b); /* given under an older revision */
    OK(cookieprefs_policy_header_allowed(pol, (const uint8_t *)"cookies_preferences=junk!", 25, DAY, 0, 1, &b));
    CHECK(!b); /* invalid value: not an error, nothing granted */
    OK(cookieprefs_policy_header_allowed(pol, NULL, 0, DAY, 0, 0, &b));
    CHECK(b); /* no header: necessary only */
    OK(cookieprefs_policy_header_needs_banner(pol, NULL, 0, DAY, 1, &b));
    CHECK(b);
    b = true;
    IS(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 64, &b), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    CHECK(!b);
    b = true;
    IS(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 256, &b), COOKIEPREFS_STATUS_INVALID_CATEGORY);
    CHECK(!b); /* 256 is not truncated to 0 (necessary) */
    b = true;
    IS(cookieprefs_policy_header_allowed(NULL, h, n, DAY, 0, 1, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    b = true;
    IS(cookieprefs_policy_header_allowed(pol, NULL, 4, DAY, 0, 1, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    IS(cookieprefs_policy_header_allowed(pol, h, n, DAY, 0, 1, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    b = true;
    IS(cookieprefs_policy_header_needs_banner(NULL, h, n, DAY, 0, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    IS(cookieprefs_policy_header_needs_banner(pol, h, n, DAY, 0, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    cookieprefs_policy_free(pol4);
    cookieprefs_policy_free(pol);
}

/* The declaration and enforcement: classification, declared cookies, texts,
 * the page, cookies allowed, Set-Cookie headers kept, cookies to clear. */
static void test_declaration_and_enforcement(void) {
    static const char json[] =
        "{\"revision\": 1, \"languages\": [\"fr\", \"en\"],"
        " \"categories\": [{\"id\": 1, \"name\": \"statistics\"}, {\"id\": 3, \"name\": \"third_party\"}],"
        " \"cookies\": [{\"name\": \"sessionid\", \"category\": \"necessary\", \"provider\": \"Opendatasoft\","
        " \"purpose\": {\"fr\": \"Session\", \"en\": \"Session\"}, \"retention\": 14},"
        " {\"name\": \"_pk_id.*\", \"category\": \"statistics\", \"domain\": \".example.org\"},"
        " {\"name\": \"embed\", \"category\": \"third_party\"}]}";
    /* Revision 1, 2026-11-24: statistics and third_party refused. */
    static const char header[] = "sessionid=x; _pk_id.1.ab=1; cookies_preferences=BAABCdcJ1w1Q; embed=2; _pk_id.1.ab=3";
    static const char stat_line[] = "_pk_id.1.ab=GA1; Max-Age=34214400; Path=/";
    const uint8_t *h = (const uint8_t *)header;
    const size_t hn = strlen(header);
    cookieprefs_policy *pol = NULL;
    cookieprefs_evaluation *ev = NULL;
    uint8_t category;
    uint32_t index, count;
    char buf[1024]; /* a description may be long */
    size_t n, cursor, need;
    bool b;

    OK(cookieprefs_policy_from_json((const uint8_t *)json, strlen(json), &pol));

    /* Classification: the longest match; NOT_FOUND with fail-closed outs. */
    OK(cookieprefs_policy_classify(pol, (const uint8_t *)"_pk_id.1.ab", 11, &category, &index));
    CHECK(category == 1 && index == 2);
    OK(cookieprefs_policy_cookie_text(pol, "fr", index, COOKIEPREFS_COOKIE_FIELD_NAME, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "_pk_id.*") == 0 && n == 8);
    OK(cookieprefs_policy_classify(pol, (const uint8_t *)"cookies_preferences", 19, &category, &index));
    CHECK(category == 0 && index == 0); /* the library's own declaration, first */
    IS(cookieprefs_policy_classify(pol, (const uint8_t *)"tracker", 7, &category, &index), COOKIEPREFS_STATUS_NOT_FOUND);
    CHECK(category == COOKIEPREFS_NO_CATEGORY && index == COOKIEPREFS_NO_COOKIE);
    category = 1;
    index = 1;
    IS(cookieprefs_policy_classify(NULL, (const uint8_t *)"sessionid", 9, &category, &index),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(category == COOKIEPREFS_NO_CATEGORY && index == COOKIEPREFS_NO_COOKIE);
    IS(cookieprefs_policy_classify(pol, NULL, 9, &category, &index), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_policy_classify(pol, (const uint8_t *)"a", (size_t)-1, &category, &index),
       COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
    IS(cookieprefs_policy_classify(pol, (const uint8_t *)"a", 1, NULL, &index), COOKIEPREFS_STATUS_NULL_ARGUMENT);

    /* The declared cookies, one by one. */
    OK(cookieprefs_policy_cookie_count(pol, &count));
    CHECK(count == 4);
    OK(cookieprefs_policy_cookie_category(pol, 3, &category));
    CHECK(category == 3);
    IS(cookieprefs_policy_cookie_category(pol, 4, &category), COOKIEPREFS_STATUS_NOT_FOUND);
    CHECK(category == COOKIEPREFS_NO_CATEGORY);
    IS(cookieprefs_policy_cookie_count(NULL, &count), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(count == 0);
    OK(cookieprefs_policy_cookie_text(pol, "en", 1, COOKIEPREFS_COOKIE_FIELD_RETENTION, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "14 days") == 0);
    OK(cookieprefs_policy_cookie_text(pol, "fr-FR", 1, COOKIEPREFS_COOKIE_FIELD_RETENTION, (uint8_t *)buf, sizeof buf,
                                      &n));
    CHECK(strcmp(buf, "14 jours") == 0);
    OK(cookieprefs_policy_cookie_text(pol, "en", 2, COOKIEPREFS_COOKIE_FIELD_DOMAIN, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, ".example.org") == 0);
    OK(cookieprefs_policy_cookie_text(pol, "en", 1, COOKIEPREFS_COOKIE_FIELD_PROVIDER, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "Opendatasoft") == 0);
    IS(cookieprefs_policy_cookie_text(pol, "en", 9, 0, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NOT_FOUND);
    CHECK(buf[0] == 0 && n == 0);
    IS(cookieprefs_policy_cookie_text(pol, "en", 1, 7, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    IS(cookieprefs_policy_cookie_text(pol, "\xff", 1, 0, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_INVALID_UTF8);
    IS(cookieprefs_policy_cookie_text(pol, NULL, 1, 0, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_policy_cookie_text(pol, "en", 1, 0, NULL, 0, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 10); /* "sessionid" and its NUL */

    /* Languages and category texts. */
    OK(cookieprefs_policy_language(pol, "fr_CA", (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "fr") == 0);
    OK(cookieprefs_policy_language(pol, "de", (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "fr") == 0); /* the default language */
    OK(cookieprefs_policy_category_text(pol, "en", 1, COOKIEPREFS_CATEGORY_TEXT_LABEL, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "Statistics cookies") == 0);
    OK(cookieprefs_policy_category_text(pol, "fr", 0, COOKIEPREFS_CATEGORY_TEXT_DESCRIPTION, (uint8_t *)buf, sizeof buf,
                                        &n));
    CHECK(n > 0);
    IS(cookieprefs_policy_category_text(pol, "fr", 2, 0, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_CATEGORY_NOT_OFFERED);
    IS(cookieprefs_policy_category_text(pol, "fr", 64, 0, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_INVALID_CATEGORY);
    IS(cookieprefs_policy_category_text(pol, "fr", 1, 2, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_UNKNOWN_NAME);
    IS(cookieprefs_policy_category_text(pol, "en", 1, 0, (uint8_t *)buf, 4, &n), COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(buf[0] == 0 && n == 19);

    /* The page: sized with capacity 0, then written. */
    IS(cookieprefs_policy_page(pol, "fr", COOKIEPREFS_PAGE_FORMAT_MARKDOWN, NULL, 0, &need),
       COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    {
        uint8_t *page = (uint8_t *)malloc(need);
        CHECK(page != NULL);
        OK(cookieprefs_policy_page(pol, "fr", COOKIEPREFS_PAGE_FORMAT_MARKDOWN, page, need, &n));
        CHECK(n + 1 == need && strncmp((const char *)page, "# Charte cookies\n", 17) == 0);
        CHECK(strstr((const char *)page, "| Opendatasoft |") != NULL);
        free(page);
    }
    IS(cookieprefs_policy_page(pol, "fr", 3, (uint8_t *)buf, sizeof buf, &n), COOKIEPREFS_STATUS_UNKNOWN_NAME);

    /* Enforcement. */
    OK(cookieprefs_policy_evaluate_header(pol, h, hn, DAY, 0, &ev));
    OK(cookieprefs_evaluation_cookie_allowed(ev, (const uint8_t *)"_pk_id.1.ab", 11, &b));
    CHECK(!b);
    OK(cookieprefs_evaluation_cookie_allowed(ev, (const uint8_t *)"sessionid", 9, &b));
    CHECK(b);
    OK(cookieprefs_evaluation_cookie_allowed(ev, (const uint8_t *)"tracker", 7, &b));
    CHECK(b); /* undeclared: allow (the default) */
    OK(cookieprefs_evaluation_set_cookie_allowed(ev, (const uint8_t *)stat_line, strlen(stat_line), &b));
    CHECK(!b);
    OK(cookieprefs_evaluation_set_cookie_allowed(ev, (const uint8_t *)"_pk_id.1.ab=; Max-Age=0", 23, &b));
    CHECK(b); /* a deletion is always kept */
    b = true;
    IS(cookieprefs_evaluation_cookie_allowed(NULL, (const uint8_t *)"sessionid", 9, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    b = true;
    IS(cookieprefs_evaluation_set_cookie_allowed(ev, NULL, 3, &b), COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(!b);
    IS(cookieprefs_evaluation_set_cookie_allowed(ev, (const uint8_t *)"a=1", 3, NULL), COOKIEPREFS_STATUS_NULL_ARGUMENT);

    cursor = 0;
    IS(cookieprefs_evaluation_next_cookie_to_clear(ev, h, hn, &cursor, (uint8_t *)buf, 8, &n),
       COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    CHECK(cursor == 0 && buf[0] == 0 && n > 8);
    OK(cookieprefs_evaluation_next_cookie_to_clear(ev, h, hn, &cursor, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "_pk_id.1.ab=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org") ==
          0);
    CHECK(cursor > 0);
    OK(cookieprefs_evaluation_next_cookie_to_clear(ev, h, hn, &cursor, (uint8_t *)buf, sizeof buf, &n));
    CHECK(strcmp(buf, "embed=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/") == 0);
    need = cursor;
    IS(cookieprefs_evaluation_next_cookie_to_clear(ev, h, hn, &cursor, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_NOT_FOUND); /* the second _pk_id.1.ab is the same cookie */
    CHECK(cursor == need && buf[0] == 0 && n == 0);
    IS(cookieprefs_evaluation_next_cookie_to_clear(ev, NULL, 0, &cursor, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_NOT_FOUND);
    cursor = 0;
    IS(cookieprefs_evaluation_next_cookie_to_clear(NULL, h, hn, &cursor, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_evaluation_next_cookie_to_clear(ev, h, hn, NULL, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_NULL_ARGUMENT);
    IS(cookieprefs_evaluation_next_cookie_to_clear(ev, h, (size_t)-1, &cursor, (uint8_t *)buf, sizeof buf, &n),
       COOKIEPREFS_STATUS_LENGTH_TOO_LARGE);
    CHECK(cursor == 0 && buf[0] == 0);

    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(pol);
}

int main(void) {
    test_version_and_status();
    test_decode_and_fields();
    test_decode_errors();
    test_builder();
    test_fast_path_header_and_dates();
    test_policy_and_evaluation();
    test_error_detail();
    test_fail_closed();
    test_huge_lengths();
    test_gpc_is_nonzero();
    test_edge_call();
    test_declaration_and_enforcement();
    printf("test_api (C): %d checks passed\n", checks);
    return 0;
}
