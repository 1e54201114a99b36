/* The C snippet of README.md ("### C and C++"), extracted verbatim by the
 * Makefile into build/readme_snippet.h, compiled with -Werror and run (plain,
 * ASan+UBSan, valgrind): the README cannot show code that does not build or
 * that fails open. */
#include "cookieprefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readme_snippet.h"

static int checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                             \
        }                                                                        \
    } while (0)

int main(void) {
    static const char header[] = "sessionid=x; cookies_preferences=BAADCdcJ1w5Q";
    const uint16_t day = 2519; /* 2026-11-24, the day the value was written */
    cookieprefs_policy *policy = NULL;

    /* The policy failed to load and nobody looked at the status: no crash, "no". */
    CHECK(cookieprefs_policy_from_json((const uint8_t *)"{", 1, &policy) != COOKIEPREFS_STATUS_OK);
    CHECK(policy == NULL);
    CHECK(!statistics_allowed(policy, header, strlen(header), day, 0));

    /* The default policy is revision 0: a value saved under revision 3 cannot
     * be a choice made under it, and fails closed. */
    CHECK(cookieprefs_policy_default(&policy) == COOKIEPREFS_STATUS_OK);
    CHECK(!statistics_allowed(policy, header, strlen(header), day, 0));
    cookieprefs_policy_free(policy);

    CHECK(cookieprefs_policy_from_json((const uint8_t *)"{\"revision\": 3}", 15, &policy) == COOKIEPREFS_STATUS_OK);
    CHECK(statistics_allowed(policy, header, strlen(header), day, 0));
    CHECK(statistics_allowed(policy, header, strlen(header), day, 0x100)); /* a stored grant beats GPC */
    CHECK(!statistics_allowed(policy, header, strlen(header), day + 183, 0)); /* expired */
    CHECK(!statistics_allowed(policy, header, (size_t)-1, day, 0));           /* LENGTH_TOO_LARGE */
    CHECK(!statistics_allowed(policy, NULL, 0, day, 0));                      /* no cookie */
    CHECK(!statistics_allowed(policy, "cookies_preferences=junk!", 25, day, 0));
    cookieprefs_policy_free(policy);
    printf("readme_snippet (C): %d checks passed\n", checks);
    return 0;
}
