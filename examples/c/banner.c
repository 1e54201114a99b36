/* What an edge server does on each request: read the Cookie: header, decide
 * whether the consent banner must be shown and whether statistics may load.
 *
 *   banner 'sessionid=x; cookies_preferences=BAADCdcJ1w5Q' [YYYY-MM-DD]
 *
 * Build (after `cargo build --release -p cookieprefs-ffi`, from the repo root):
 *   cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Iinclude examples/c/banner.c \
 *      target/release/libcookieprefs.a -lpthread -ldl -lm -o banner
 */
#include "cookieprefs.h"

#include <stdio.h>
#include <string.h>

static const char *REASONS[] = {"none", "no_choice", "invalid_value", "expired", "policy_updated", "new_category"};

int main(int argc, char **argv) {
    const char *header;
    uint16_t today;
    cookieprefs_policy *policy = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_banner_reason reason;
    bool statistics;
    cookieprefs_status status, value_status;
    int year, month, day;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s 'COOKIE HEADER' [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    header = argv[1];
    today = cookieprefs_today();
    if (argc == 3) {
        if (sscanf(argv[2], "%4d-%2d-%2d", &year, &month, &day) != 3 ||
            cookieprefs_date_from_ymd(year, (uint32_t)month, (uint32_t)day, &today) != COOKIEPREFS_STATUS_OK) {
            fprintf(stderr, "invalid date %s\n", argv[2]);
            return 2;
        }
    }

    /* A real server builds its policy once, at start-up, from its JSON file
     * (docs/FORMAT.md §7); this one is at revision 3. */
    static const char POLICY_JSON[] = "{\"revision\": 3}";
    status = cookieprefs_policy_from_json((const uint8_t *)POLICY_JSON, strlen(POLICY_JSON), &policy);
    if (status == COOKIEPREFS_STATUS_OK)
        status = cookieprefs_policy_evaluate_header(policy, (const uint8_t *)header, strlen(header), today, 0, &ev);
    /* Every status is checked; on an error every out-parameter holds its
     * fail-closed value anyway (NOT_ASKED, false, NONE, NULL). */
    if (status == COOKIEPREFS_STATUS_OK)
        status = cookieprefs_evaluation_banner_reason(ev, &reason);
    if (status == COOKIEPREFS_STATUS_OK)
        status = cookieprefs_evaluation_value_status(ev, &value_status);
    /* "May I load statistics?": the edge call, every rule applied, no handle,
     * no allocation (the same answer as cookieprefs_evaluation_allowed). */
    if (status == COOKIEPREFS_STATUS_OK)
        status = cookieprefs_policy_header_allowed(policy, (const uint8_t *)header, strlen(header), today, 0,
                                                   1 /* statistics */, &statistics);
    if (status != COOKIEPREFS_STATUS_OK) {
        fprintf(stderr, "cookieprefs: %s\n", cookieprefs_status_str(status));
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(policy);
        return 1;
    }

    if (reason == COOKIEPREFS_BANNER_REASON_NONE)
        printf("banner: hide\n");
    else
        printf("banner: show (%s)\n", REASONS[reason]);
    if (value_status != COOKIEPREFS_STATUS_OK)
        printf("cookie rejected: %s\n", cookieprefs_status_str(value_status));
    printf("statistics: %s\n", statistics ? "allowed" : "not allowed");

    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(policy);
    return 0;
}
