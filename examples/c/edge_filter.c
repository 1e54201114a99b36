/* What an edge (a reverse proxy, a CDN worker) does with the cookie
 * declaration: it reads the request's Cookie: header and the response's
 * headers, drops every Set-Cookie the visitor's choice does not allow, and
 * adds the Set-Cookie headers that delete the cookies the request carries
 * but the choice no longer allows (what a withdrawal must clear).
 *
 *   edge_filter POLICY.json [YYYY-MM-DD] < exchange.txt
 *
 * stdin holds one exchange as a proxy sees it: the request's headers, an
 * empty line, the response's headers (CRLF or LF line ends):
 *
 *   Cookie: sessionid=x; cookies_preferences=BAABCdcJ1w1Q; _pk_id.1.abcd=1
 *   Sec-GPC: 1
 *
 *   Content-Type: text/html
 *   Set-Cookie: _pk_id.1.abcd=GA1.1.42; Max-Age=34214400; Path=/
 *   Set-Cookie: sessionid=abc; HttpOnly; Path=/
 *
 * stdout gets the response's headers to send: every header but the dropped
 * Set-Cookie lines, in order, then one Set-Cookie per cookie to delete. Each
 * dropped line is noted on stderr. The visitor's choice is the consent
 * cookie of the request, unless the response sets a new one (the visitor
 * has just chosen, or withdrawn): then the new one decides, so a withdrawal
 * clears the cookies on the very response that records it.
 *
 * Build (after `cargo build --release -p cookieprefs-ffi`, from the repo root):
 *   cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Iinclude examples/c/edge_filter.c \
 *      target/release/libcookieprefs.a -lpthread -ldl -lm -o edge_filter
 *   ./edge_filter examples/policies/opendatasoft-portal.json 2026-11-24 < exchange.txt
 *
 * Exit status: 0 done; 1 a library call failed; 2 bad arguments or input.
 */
#include "cookieprefs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 16384   /* longest header line */
#define MAX_COOKIE 16384 /* longest Cookie: header, copies joined */

/* The whole file, NUL-terminated; NULL on failure. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) return NULL;
    do {
        char *bigger;
        cap = cap ? cap * 2 : 4096;
        bigger = (char *)realloc(buf, cap + 1);
        if (!bigger) {
            free(buf);
            fclose(f);
            return NULL;
        }
        buf = bigger;
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (n == cap);
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* If `line` is the header `name` (ASCII case-insensitive), its value with
 * leading spaces skipped; NULL otherwise. */
static const char *header_value(const char *line, const char *name) {
    size_t i, n = strlen(name);
    for (i = 0; i < n; i++)
        if (tolower((unsigned char)line[i]) != name[i]) return NULL;
    if (line[n] != ':') return NULL;
    line += n + 1;
    while (*line == ' ' || *line == '\t') line++;
    return line;
}

/* A line of stdin without its line end; 0 at the end of input, -1 for a
 * line too long. */
static int read_line(char *line) {
    size_t n;
    if (!fgets(line, MAX_LINE, stdin)) return 0;
    n = strlen(line);
    if (n == MAX_LINE - 1 && line[n - 1] != '\n') return -1;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    return 1;
}

int main(int argc, char **argv) {
    static char line[MAX_LINE], cookie[MAX_COOKIE], consent_name[256];
    char *json, **response = NULL;
    size_t json_len, cookie_len = 0, lines = 0, cap = 0, i, n, off, value_len, cursor;
    size_t consent_line = (size_t)-1;
    int gpc = 0, status = 0, r, year, month, day;
    uint16_t today = cookieprefs_today();
    cookieprefs_policy *policy = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_error err;
    cookieprefs_status s;
    uint8_t small[512], *deletion = small;
    size_t deletion_cap = sizeof small;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s POLICY.json [YYYY-MM-DD] < exchange\n", argv[0]);
        return 2;
    }
    if (argc == 3 && (sscanf(argv[2], "%4d-%2d-%2d", &year, &month, &day) != 3 ||
                      cookieprefs_date_from_ymd(year, (uint32_t)month, (uint32_t)day, &today) !=
                          COOKIEPREFS_STATUS_OK)) {
        fprintf(stderr, "edge_filter: invalid date %s\n", argv[2]);
        return 2;
    }

    /* Once, at start-up: the policy, and the name of its consent cookie (the
     * Set-Cookie that deletes it starts with "NAME="). */
    json = read_file(argv[1], &json_len);
    if (!json) {
        perror(argv[1]);
        return 2;
    }
    s = cookieprefs_policy_from_json_ex((const uint8_t *)json, json_len, &policy, &err);
    free(json);
    if (s != COOKIEPREFS_STATUS_OK) {
        fprintf(stderr, "edge_filter: %s: %s\n", argv[1], err.message);
        return 2;
    }
    s = cookieprefs_policy_delete_cookie_header(policy, (uint8_t *)line, sizeof line, &n);
    n = s == COOKIEPREFS_STATUS_OK ? strcspn(line, "=") : 0;
    if (n == 0 || n >= sizeof consent_name) {
        fprintf(stderr, "edge_filter: the consent cookie's name: %s\n", cookieprefs_status_str(s));
        cookieprefs_policy_free(policy);
        return 1;
    }
    memcpy(consent_name, line, n);
    consent_name[n] = 0;

    /* The request: every Cookie: header joined with "; " (HTTP/2 may split
     * it), and Sec-GPC. */
    while ((r = read_line(line)) > 0 && line[0] != 0) {
        const char *v;
        if ((v = header_value(line, "cookie")) != NULL) {
            size_t vn = strlen(v);
            if (cookie_len + vn + 2 > sizeof cookie) {
                fprintf(stderr, "edge_filter: Cookie: header too long\n");
                r = -1;
                break;
            }
            if (cookie_len) {
                memcpy(cookie + cookie_len, "; ", 2);
                cookie_len += 2;
            }
            memcpy(cookie + cookie_len, v, vn);
            cookie_len += vn;
        } else if ((v = header_value(line, "sec-gpc")) != NULL) {
            gpc = strcmp(v, "1") == 0;
        }
    }
    /* The response: kept as it came, to filter once the choice is known. */
    while (r >= 0 && (r = read_line(line)) > 0) {
        if (lines == cap) {
            char **bigger = (char **)realloc(response, (cap = cap ? 2 * cap : 16) * sizeof *response);
            if (!bigger) {
                r = -1;
                break;
            }
            response = bigger;
        }
        n = strlen(line);
        response[lines] = (char *)malloc(n + 1);
        if (!response[lines]) {
            r = -1;
            break;
        }
        memcpy(response[lines++], line, n + 1);
    }
    if (r < 0) {
        fprintf(stderr, "edge_filter: a line too long, or out of memory\n");
        status = 2;
        goto done;
    }

    /* The choice: a consent cookie the response sets (its first pair), else
     * the request's Cookie: header. Either way every rule of the policy
     * applies; an invalid or deleted value grants nothing. */
    for (i = 0; i < lines; i++) {
        const char *v = header_value(response[i], "set-cookie");
        if (v && cookieprefs_cookie_find((const uint8_t *)v, strlen(v), consent_name, &off, &value_len) ==
                     COOKIEPREFS_STATUS_OK &&
            !memchr(v, ';', off))
            consent_line = i;
    }
    if (consent_line != (size_t)-1) {
        const char *v = header_value(response[consent_line], "set-cookie");
        s = cookieprefs_cookie_find((const uint8_t *)v, strlen(v), consent_name, &off, &value_len);
        if (s == COOKIEPREFS_STATUS_OK)
            s = cookieprefs_policy_evaluate_value(policy, (const uint8_t *)v + off, value_len, today, gpc, &ev);
    } else {
        s = cookieprefs_policy_evaluate_header(policy, (const uint8_t *)cookie, cookie_len, today, gpc, &ev);
    }
    if (s != COOKIEPREFS_STATUS_OK) {
        /* Only a library bug gets here; ev is NULL, so every call below fails
         * closed: every Set-Cookie is dropped. */
        fprintf(stderr, "edge_filter: evaluation: %s\n", cookieprefs_status_str(s));
        status = 1;
    }

    /* The response's headers, less the Set-Cookie lines the choice does not
     * allow (a Set-Cookie that deletes a cookie is always kept). */
    for (i = 0; i < lines; i++) {
        const char *v = header_value(response[i], "set-cookie");
        bool keep = false;
        if (v && cookieprefs_evaluation_set_cookie_allowed(ev, (const uint8_t *)v, strlen(v), &keep) !=
                     COOKIEPREFS_STATUS_OK)
            status = 1; /* keep is false: dropped */
        if (v && !keep)
            fprintf(stderr, "edge_filter: dropped %s\n", response[i]);
        else
            printf("%s\r\n", response[i]);
    }

    /* The cookies of the request the choice does not allow, once each: one
     * deletion header per cookie, into a buffer grown when a call asks. */
    cursor = 0;
    for (;;) {
        s = cookieprefs_evaluation_next_cookie_to_clear(ev, (const uint8_t *)cookie, cookie_len, &cursor, deletion,
                                                        deletion_cap, &n);
        if (s == COOKIEPREFS_STATUS_BUFFER_TOO_SMALL) {
            /* n is the capacity needed; the cursor did not move. */
            uint8_t *bigger = n > deletion_cap ? (uint8_t *)malloc(n) : NULL;
            if (!bigger) {
                status = 1;
                break;
            }
            if (deletion != small) free(deletion);
            deletion = bigger;
            deletion_cap = n;
            continue;
        }
        if (s != COOKIEPREFS_STATUS_OK) break;
        printf("Set-Cookie: %s\r\n", (const char *)deletion);
    }
    if (s != COOKIEPREFS_STATUS_NOT_FOUND && s != COOKIEPREFS_STATUS_OK) {
        fprintf(stderr, "edge_filter: cookies to clear: %s\n", cookieprefs_status_str(s));
        status = 1;
    }
    if (deletion != small) free(deletion);

done:
    for (i = 0; i < lines; i++) free(response[i]);
    free(response);
    cookieprefs_evaluation_free(ev);
    cookieprefs_policy_free(policy);
    return status;
}
