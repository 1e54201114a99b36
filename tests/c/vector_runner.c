/* Line-oriented runner that lets tests/c/run_vectors.py push every shared
 * vector through the C ABI. One command per line, fields separated by tabs,
 * byte strings in hex (values may hold any bytes; `zz` is the empty string):
 *
 *   decode <hex>              -> ok <rev> <created> <updated> <method> <id hex|-> <states 1..63> <re-encoded>
 *                                | error <status name>
 *   policy <hex json> <hex cookie name>
 *                             -> ok | error <status name>     (replaces the current policy; the
 *                                cookie name is the policy's, for the edge-call cross-check)
 *   eval <hex value|-> <today days> <gpc 0|1> <hex names, comma-separated>
 *                             -> ok <banner 0|1> <reason> <value status name> <states 0..63> <consent mode x7>
 *                                   <name=state,... for the names, resolved by the policy>
 *   evalh <hex header|-> <today days> <gpc 0|1> <hex names, comma-separated>
 *                             -> ok <banner 0|1> <reason> <value status name> <ignored status name> <copies>
 *                                   <name=state,...> (the whole Cookie: header, several copies allowed)
 *   header <hex header> <hex name> -> found <hex value> | none
 *   classify <hex name>      -> ok <category id> <hex declared name or pattern> | none
 *                                (under the current policy)
 *   texts <hex language> <category ids, comma-separated>
 *                             -> ok <hex resolved language> <id=hex label:hex description,...>
 *                                   <declared cookies> <hex name:hex provider:hex service:hex purpose,...>
 *   enforce <hex header|-> <today days> <gpc 0|1> <hex names, comma-separated|-> <hex Set-Cookie lines|->
 *                             -> ok <allowed 0|1 per name> <keep 0|1 per line> <hex deletion headers, comma-separated|->
 *   choose <hex value|-> <today days> <gpc 0|1> <method> <category ids, comma-separated|->
 *                             -> ok <encoded value> | error <status name>
 *                                (cookieprefs_evaluation_choose_ex under the current policy)
 *
 * Cross-checks are built in: the fast paths (cookieprefs_value_category_state,
 * cookieprefs_header_category_state) must agree with the handle,
 * cookieprefs_evaluation_allowed with cookieprefs_evaluation_state, and the
 * edge calls (cookieprefs_policy_header_allowed, _header_needs_banner, given
 * the value in a Cookie: header) with the evaluation; a classified name's
 * index with cookieprefs_policy_cookie_category, an undeclared name's
 * out-parameters with their fail-closed values; every text is sized with
 * capacity 0 first (BUFFER_TOO_SMALL and the size, then exactly that size),
 * and so is every deletion header, whose cursor must not move on
 * BUFFER_TOO_SMALL; no cookie to clear may be one cookie_allowed allows.
 * A disagreement changes the answer, so the harness reports it. A getter that fails on a live
 * handle stops the runner (every status is checked).
 */
#include "cookieprefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 65536

/* Every status is used: a call on a live handle that fails is a bug. */
static void must(cookieprefs_status s, const char *call) {
    if (s != COOKIEPREFS_STATUS_OK) {
        printf("%s failed: %s\n", call, cookieprefs_status_str(s));
        exit(1);
    }
}
#define MUST(call) must((call), #call)

/* Whether the edge calls, given `value` as the cookie of a Cookie: header,
 * agree with the evaluation `ev` (values that need no quoting only). */
static char cookie_name[256] = "cookies_preferences";

static int edge_calls_agree(const cookieprefs_policy *policy, const uint8_t *value, size_t n, uint16_t today,
                            int gpc, const cookieprefs_evaluation *ev) {
    static uint8_t header[MAX_LINE + 512];
    char prefix[300];
    const uint8_t *h = NULL;
    size_t hn = 0, i, pn;
    int c;
    bool want, got;
    if (value) {
        for (i = 0; i < n; i++) {
            uint8_t b = value[i];
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'))
                return 1; /* would need quoting: not a header this check can build */
        }
        snprintf(prefix, sizeof prefix, "sessionid=x; %s=", cookie_name);
        pn = strlen(prefix);
        memcpy(header, prefix, pn);
        memcpy(header + pn, value, n);
        h = header;
        hn = pn + n;
    }
    for (c = 0; c <= 63; c++) {
        MUST(cookieprefs_evaluation_allowed(ev, (uint8_t)c, &want));
        if (cookieprefs_policy_header_allowed(policy, h, hn, today, gpc, (uint32_t)c, &got) != COOKIEPREFS_STATUS_OK ||
            got != want)
            return 0;
    }
    MUST(cookieprefs_evaluation_needs_banner(ev, &want));
    return cookieprefs_policy_header_needs_banner(policy, h, hn, today, gpc, &got) == COOKIEPREFS_STATUS_OK &&
           got == want;
}

static size_t unhex(const char *hex, uint8_t *out, size_t cap) {
    size_t n = 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned v;
        if (sscanf(hex, "%2x", &v) != 1) break;
        out[n++] = (uint8_t)v;
        hex += 2;
    }
    return n;
}

static void print_hex(const uint8_t *b, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) printf("%02x", b[i]);
}

static const char *reason_name(cookieprefs_banner_reason r) {
    switch (r) {
    case COOKIEPREFS_BANNER_REASON_NONE: return "none";
    case COOKIEPREFS_BANNER_REASON_NO_CHOICE: return "no_choice";
    case COOKIEPREFS_BANNER_REASON_INVALID_VALUE: return "invalid_value";
    case COOKIEPREFS_BANNER_REASON_EXPIRED: return "expired";
    case COOKIEPREFS_BANNER_REASON_POLICY_UPDATED: return "policy_updated";
    case COOKIEPREFS_BANNER_REASON_NEW_CATEGORY: return "new_category";
    }
    return "?";
}

static void cmd_decode(const char *hex) {
    static uint8_t value[MAX_LINE];
    size_t len = unhex(hex, value, sizeof value);
    cookieprefs_preferences *p = NULL;
    cookieprefs_status s = cookieprefs_preferences_decode(value, len, &p);
    uint16_t rev, created, updated;
    cookieprefs_method m;
    uint8_t id[16];
    bool has;
    int c;
    char buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];
    size_t n;
    cookieprefs_state st;
    /* The fast path must agree with the handle for every category. */
    cookieprefs_state fast;

    if (s != COOKIEPREFS_STATUS_OK) {
        cookieprefs_status fs = cookieprefs_value_category_state(value, len, 1, &fast);
        printf("error\t%s%s\n", cookieprefs_status_str(s), fs == s ? "" : "\tfast-path-disagrees");
        return;
    }
    MUST(cookieprefs_preferences_revision(p, &rev));
    MUST(cookieprefs_preferences_created_days(p, &created));
    MUST(cookieprefs_preferences_updated_days(p, &updated));
    MUST(cookieprefs_preferences_method(p, &m));
    MUST(cookieprefs_preferences_consent_id(p, id, &has));
    printf("ok\t%u\t%u\t%u\t%d\t", rev, created, updated, (int)m);
    if (has) print_hex(id, 16);
    else printf("-");
    printf("\t");
    for (c = 1; c <= 63; c++) {
        MUST(cookieprefs_preferences_state(p, (uint8_t)c, &st));
        if (cookieprefs_value_category_state(value, len, (uint8_t)c, &fast) != COOKIEPREFS_STATUS_OK || fast != st) {
            printf("X");
            continue;
        }
        printf("%d", (int)st);
    }
    if (cookieprefs_preferences_encode(p, (uint8_t *)buf, sizeof buf, &n) == COOKIEPREFS_STATUS_OK)
        printf("\t%s\n", buf);
    else
        printf("\t<encode failed>\n");
    cookieprefs_preferences_free(p);
}

/* ------------------------------------------------------------ declaration */

#define MAX_TEXT 16384
static uint8_t text_buf[MAX_TEXT];

/* A text call: its arguments, and which call. */
typedef struct {
    const cookieprefs_policy *policy;
    const char *language;
    uint32_t a, b; /* category id and which text; cookie index and field */
    int kind;      /* 0 language, 1 category text, 2 cookie text */
} text_args;

static cookieprefs_status text_call(const text_args *t, uint8_t *buf, size_t cap, size_t *n) {
    switch (t->kind) {
    case 0: return cookieprefs_policy_language(t->policy, t->language, buf, cap, n);
    case 1: return cookieprefs_policy_category_text(t->policy, t->language, (uint8_t)t->a, t->b, buf, cap, n);
    default: return cookieprefs_policy_cookie_text(t->policy, t->language, t->a, t->b, buf, cap, n);
    }
}

/* Prints a text in hex, sized first with capacity 0 (a NULL buffer), then
 * written into exactly the capacity asked for. */
static void print_text(const text_args *t) {
    size_t need = 0, n = 0;
    cookieprefs_status s = text_call(t, NULL, 0, &need);
    if (s != COOKIEPREFS_STATUS_BUFFER_TOO_SMALL || need == 0 || need > MAX_TEXT) {
        printf("sizing-failed(%s)", cookieprefs_status_str(s));
        return;
    }
    MUST(text_call(t, text_buf, need, &n));
    if (n + 1 != need || text_buf[n] != 0) printf("size-disagrees");
    print_hex(text_buf, n);
}

/* Splits `list` (hex items separated by commas; `-`: none) in place; calls
 * `f` on each item's bytes. */
static void each_hex(char *list, void (*f)(const uint8_t *, size_t, void *), void *ctx) {
    static uint8_t item[MAX_LINE];
    char *p = list, *next;
    if (!list || strcmp(list, "-") == 0) return;
    for (; p; p = next) {
        size_t n;
        next = strchr(p, ',');
        if (next) *next++ = 0;
        n = unhex(p, item, sizeof item);
        f(item, n, ctx);
    }
}

static void cmd_classify(const cookieprefs_policy *policy, const char *hex) {
    static uint8_t name[MAX_LINE];
    size_t n = unhex(hex, name, sizeof name);
    uint8_t category = 7, by_index = 7;
    uint32_t index = 7;
    cookieprefs_status s = cookieprefs_policy_classify(policy, n ? name : NULL, n, &category, &index);
    if (s == COOKIEPREFS_STATUS_NOT_FOUND) {
        printf("none%s\n",
               category == COOKIEPREFS_NO_CATEGORY && index == COOKIEPREFS_NO_COOKIE ? "" : "\tnot-fail-closed");
        return;
    }
    if (s != COOKIEPREFS_STATUS_OK) {
        printf("error\t%s\n", cookieprefs_status_str(s));
        return;
    }
    MUST(cookieprefs_policy_cookie_category(policy, index, &by_index));
    printf("ok\t%u%s\t", (unsigned)category, by_index == category ? "" : "!index");
    {
        text_args t = {policy, "", index, COOKIEPREFS_COOKIE_FIELD_NAME, 2};
        print_text(&t);
    }
    printf("\n");
}

static void cmd_texts(const cookieprefs_policy *policy, const char *lang_hex, char *ids) {
    static char lang[1024];
    size_t ln = unhex(lang_hex, (uint8_t *)lang, sizeof lang - 1);
    uint32_t count = 0, i;
    char *p, *next;
    text_args t;
    lang[ln] = 0;
    t.policy = policy;
    t.language = lang;
    t.a = t.b = 0;
    t.kind = 0;
    printf("ok\t");
    print_text(&t);
    printf("\t");
    for (p = ids; p; p = next) {
        next = strchr(p, ',');
        if (next) *next++ = 0;
        t.kind = 1;
        t.a = (uint32_t)atoi(p);
        printf("%u=", (unsigned)t.a);
        t.b = COOKIEPREFS_CATEGORY_TEXT_LABEL;
        print_text(&t);
        printf(":");
        t.b = COOKIEPREFS_CATEGORY_TEXT_DESCRIPTION;
        print_text(&t);
        if (next) printf(",");
    }
    MUST(cookieprefs_policy_cookie_count(policy, &count));
    printf("\t%u\t", (unsigned)count);
    t.kind = 2;
    for (i = 0; i < count; i++) {
        static const uint32_t fields[] = {COOKIEPREFS_COOKIE_FIELD_NAME, COOKIEPREFS_COOKIE_FIELD_PROVIDER,
                                          COOKIEPREFS_COOKIE_FIELD_SERVICE, COOKIEPREFS_COOKIE_FIELD_PURPOSE};
        size_t f;
        t.a = i;
        for (f = 0; f < 4; f++) {
            t.b = fields[f];
            print_text(&t);
            if (f < 3) printf(":");
        }
        if (i + 1 < count) printf(",");
    }
    printf("\n");
}

static void print_allowed(const uint8_t *name, size_t n, void *ev) {
    bool allowed = true;
    MUST(cookieprefs_evaluation_cookie_allowed((const cookieprefs_evaluation *)ev, n ? name : NULL, n, &allowed));
    printf("%d", allowed ? 1 : 0);
}

static void print_keep(const uint8_t *line, size_t n, void *ev) {
    bool keep = true;
    MUST(cookieprefs_evaluation_set_cookie_allowed((const cookieprefs_evaluation *)ev, n ? line : NULL, n, &keep));
    printf("%d", keep ? 1 : 0);
}

/* The deletion headers, one at a time: each sized with capacity 0 first
 * (which must not move the cursor), then written into exactly that size. */
static void print_deletions(const cookieprefs_evaluation *ev, const uint8_t *header, size_t len) {
    size_t cursor = 0, before, need, n;
    int first = 1;
    for (;;) {
        cookieprefs_status s;
        before = cursor;
        s = cookieprefs_evaluation_next_cookie_to_clear(ev, header, len, &cursor, NULL, 0, &need);
        if (s == COOKIEPREFS_STATUS_NOT_FOUND) break;
        if (s != COOKIEPREFS_STATUS_BUFFER_TOO_SMALL || cursor != before || need > MAX_TEXT) {
            printf("sizing-failed(%s)", cookieprefs_status_str(s));
            return;
        }
        MUST(cookieprefs_evaluation_next_cookie_to_clear(ev, header, len, &cursor, text_buf, need, &n));
        if (cursor <= before || cursor > len || n + 1 != need) printf("cursor-or-size-wrong");
        {
            /* What is cleared is not allowed. */
            const uint8_t *eq = memchr(text_buf, '=', n);
            bool allowed = true;
            MUST(cookieprefs_evaluation_cookie_allowed(ev, text_buf, eq ? (size_t)(eq - text_buf) : n, &allowed));
            if (allowed) printf("cleared-but-allowed");
        }
        printf("%s", first ? "" : ",");
        print_hex(text_buf, n);
        first = 0;
    }
    if (first) printf("-");
}

static void cmd_enforce(const cookieprefs_policy *policy, const char *hex, const char *today, const char *gpc,
                        char *names, char *lines) {
    static uint8_t header[MAX_LINE];
    size_t n = 0;
    const uint8_t *h = NULL;
    cookieprefs_evaluation *ev = NULL;
    if (strcmp(hex, "-") != 0) {
        n = unhex(hex, header, sizeof header);
        h = header;
    }
    if (cookieprefs_policy_evaluate_header(policy, h, n, (uint16_t)atoi(today), gpc[0] == '1', &ev) !=
        COOKIEPREFS_STATUS_OK) {
        printf("error\n");
        return;
    }
    printf("ok\t");
    each_hex(names, print_allowed, ev);
    printf("\t");
    each_hex(lines, print_keep, ev);
    printf("\t");
    print_deletions(ev, h, n);
    printf("\n");
    cookieprefs_evaluation_free(ev);
}

/* choose: the value saved when the visitor grants exactly `ids`; the
 * error detail's status must be the call's. */
static void cmd_choose(const cookieprefs_policy *policy, const char *hex, const char *today, const char *gpc,
                       const char *method, char *ids) {
    static uint8_t value[MAX_LINE];
    uint8_t granted[64];
    size_t n = 0, count = 0;
    const uint8_t *v = NULL;
    cookieprefs_evaluation *ev = NULL;
    cookieprefs_preferences *prefs = NULL;
    cookieprefs_error err;
    cookieprefs_status s;
    char buf[COOKIEPREFS_MAX_ENCODED_LEN + 1];
    char *id;
    if (strcmp(hex, "-") != 0) {
        n = unhex(hex, value, sizeof value);
        v = value;
    }
    if (strcmp(ids, "-") != 0) {
        for (id = strtok(ids, ","); id && count < sizeof granted; id = strtok(NULL, ","))
            granted[count++] = (uint8_t)atoi(id);
    }
    MUST(cookieprefs_policy_evaluate_value(policy, v, n, (uint16_t)atoi(today), gpc[0] == '1', &ev));
    s = cookieprefs_evaluation_choose_ex(ev, count ? granted : NULL, count, (uint32_t)atoi(method), &prefs, &err);
    if (s != COOKIEPREFS_STATUS_OK) {
        printf("error\t%s%s\n", cookieprefs_status_str(s), err.status == s ? "" : "\terror-detail-disagrees");
    } else {
        MUST(cookieprefs_preferences_encode(prefs, (uint8_t *)buf, sizeof buf, &n));
        printf("ok\t%s\n", buf);
        cookieprefs_preferences_free(prefs);
    }
    cookieprefs_evaluation_free(ev);
}

int main(void) {
    static char line[MAX_LINE * 2 + 64];
    static uint8_t a[MAX_LINE], b[MAX_LINE];
    cookieprefs_policy *policy = NULL;

    if (cookieprefs_policy_default(&policy) != COOKIEPREFS_STATUS_OK) return 1;
    while (fgets(line, sizeof line, stdin)) {
        char *cmd = strtok(line, "\t\n");
        if (!cmd) continue;
        if (strcmp(cmd, "decode") == 0) {
            char *hex = strtok(NULL, "\t\n");
            cmd_decode(hex ? hex : "");
        } else if (strcmp(cmd, "policy") == 0) {
            char *hex = strtok(NULL, "\t\n");
            char *name_hex = strtok(NULL, "\t\n");
            size_t n = unhex(hex ? hex : "", a, sizeof a);
            cookieprefs_policy *next = NULL;
            size_t nn = unhex(name_hex ? name_hex : "", b, sizeof cookie_name - 1);
            cookieprefs_status s = cookieprefs_policy_from_json(a, n, &next);
            if (s == COOKIEPREFS_STATUS_OK) {
                cookieprefs_policy_free(policy);
                policy = next;
                memcpy(cookie_name, nn ? (const char *)b : "cookies_preferences", nn ? nn : 19);
                cookie_name[nn ? nn : 19] = 0;
                printf("ok\n");
            } else {
                printf("error\t%s\n", cookieprefs_status_str(s));
            }
        } else if (strcmp(cmd, "eval") == 0) {
            char *hex = strtok(NULL, "\t\n");
            char *today = strtok(NULL, "\t\n");
            char *gpc = strtok(NULL, "\t\n");
            cookieprefs_evaluation *ev = NULL;
            size_t n = 0;
            const uint8_t *value = NULL;
            bool banner, granted;
            cookieprefs_banner_reason reason;
            cookieprefs_status vs;
            cookieprefs_state st;
            int c;
            char *names = strtok(NULL, "\t\n");
            if (!hex || !today || !gpc) { printf("bad command\n"); continue; }
            if (strcmp(hex, "-") != 0) {
                n = unhex(hex, a, sizeof a);
                value = a;
            }
            if (cookieprefs_policy_evaluate_value(policy, value, n, (uint16_t)atoi(today), gpc[0] == '1', &ev) !=
                COOKIEPREFS_STATUS_OK) {
                printf("error\n");
                continue;
            }
            if (!edge_calls_agree(policy, value, n, (uint16_t)atoi(today), gpc[0] == '1', ev))
                printf("edge-calls-disagree\t");
            MUST(cookieprefs_evaluation_needs_banner(ev, &banner));
            MUST(cookieprefs_evaluation_banner_reason(ev, &reason));
            MUST(cookieprefs_evaluation_value_status(ev, &vs));
            printf("ok\t%d\t%s\t%s\t", banner ? 1 : 0, reason_name(reason), cookieprefs_status_str(vs));
            for (c = 0; c <= 63; c++) {
                bool allowed;
                MUST(cookieprefs_evaluation_state(ev, (uint8_t)c, &st));
                MUST(cookieprefs_evaluation_allowed(ev, (uint8_t)c, &allowed));
                if (allowed != (st == COOKIEPREFS_STATE_GRANTED)) printf("X");
                else printf("%d", (int)st);
            }
            printf("\t");
            for (c = 0; c < 7; c++) {
                MUST(cookieprefs_evaluation_consent_mode(ev, (uint32_t)c, &granted));
                printf("%d", granted ? 1 : 0);
            }
            printf("\t");
            if (names && strcmp(names, "-") != 0) {
                size_t nn = unhex(names, b, sizeof b - 1);
                char *name, *save = (char *)b;
                b[nn] = 0;
                for (name = save; name; name = save) {
                    uint8_t id;
                    save = strchr(name, ',');
                    if (save) *save++ = 0;
                    if (cookieprefs_policy_category_id(policy, name, &id) != COOKIEPREFS_STATUS_OK) {
                        printf("%s=?", name);
                    } else {
                        MUST(cookieprefs_evaluation_state(ev, id, &st));
                        printf("%s=%d", name, (int)st);
                    }
                    if (save) printf(",");
                }
            }
            printf("\n");
            cookieprefs_evaluation_free(ev);
        } else if (strcmp(cmd, "evalh") == 0) {
            char *hex = strtok(NULL, "\t\n");
            char *today = strtok(NULL, "\t\n");
            char *gpc = strtok(NULL, "\t\n");
            char *names = strtok(NULL, "\t\n");
            cookieprefs_evaluation *ev = NULL;
            size_t n = 0;
            bool banner, allowed;
            cookieprefs_banner_reason reason;
            cookieprefs_status vs, is;
            cookieprefs_state st;
            uint32_t copies;
            if (!hex || !today || !gpc || !names) { printf("bad command\n"); continue; }
            if (strcmp(hex, "-") != 0) n = unhex(hex, a, sizeof a);
            if (cookieprefs_policy_evaluate_header(policy, n ? a : NULL, n, (uint16_t)atoi(today), gpc[0] == '1', &ev) !=
                COOKIEPREFS_STATUS_OK) {
                printf("error\n");
                continue;
            }
            MUST(cookieprefs_evaluation_needs_banner(ev, &banner));
            MUST(cookieprefs_evaluation_banner_reason(ev, &reason));
            MUST(cookieprefs_evaluation_value_status(ev, &vs));
            MUST(cookieprefs_evaluation_ignored_status(ev, &is));
            MUST(cookieprefs_evaluation_copies(ev, &copies));
            printf("ok\t%d\t%s\t%s\t%s\t%u\t", banner ? 1 : 0, reason_name(reason), cookieprefs_status_str(vs),
                   cookieprefs_status_str(is), (unsigned)copies);
            {
                size_t nn = unhex(names, b, sizeof b - 1);
                char *name, *save = (char *)b;
                b[nn] = 0;
                for (name = save; name; name = save) {
                    uint8_t id;
                    bool edge;
                    save = strchr(name, ',');
                    if (save) *save++ = 0;
                    MUST(cookieprefs_policy_category_id(policy, name, &id));
                    MUST(cookieprefs_evaluation_state(ev, id, &st));
                    MUST(cookieprefs_evaluation_allowed(ev, id, &allowed));
                    /* The edge call reads every copy the same way. */
                    MUST(cookieprefs_policy_header_allowed(policy, n ? a : NULL, n, (uint16_t)atoi(today),
                                                           gpc[0] == '1', id, &edge));
                    printf("%s=%d%s", name, (int)st, edge == allowed ? "" : "!edge");
                    if (save) printf(",");
                }
            }
            printf("\n");
            cookieprefs_evaluation_free(ev);
        } else if (strcmp(cmd, "header") == 0) {
            char *hhex = strtok(NULL, "\t\n");
            char *nhex = strtok(NULL, "\t\n");
            size_t hn = unhex(hhex ? hhex : "", a, sizeof a);
            size_t nn = unhex(nhex ? nhex : "", b, sizeof b - 1);
            size_t off, len;
            cookieprefs_state fast = COOKIEPREFS_STATE_NOT_ASKED, slow = COOKIEPREFS_STATE_NOT_ASKED;
            cookieprefs_status fs, ss = COOKIEPREFS_STATUS_NOT_FOUND;
            b[nn] = 0;
            fs = cookieprefs_header_category_state(hn ? a : NULL, hn, (const char *)b, 1, &fast);
            if (cookieprefs_cookie_find(hn ? a : NULL, hn, (const char *)b, &off, &len) == COOKIEPREFS_STATUS_OK) {
                size_t off2, len2, rest = off + len;
                /* With one copy, the header fast path is the value's state; with
                 * several it merges them (duplicates.json tests that). */
                int single = cookieprefs_cookie_find(a + rest, hn - rest, (const char *)b, &off2, &len2) ==
                             COOKIEPREFS_STATUS_NOT_FOUND;
                ss = cookieprefs_value_category_state(a + off, len, 1, &slow);
                if (!single) ss = fs, slow = fast;
                printf("found\t");
                print_hex(a + off, len);
            } else {
                printf("none");
            }
            printf("%s\n", fs == ss && fast == slow ? "" : "\theader-fast-path-disagrees");
        } else if (strcmp(cmd, "classify") == 0) {
            char *hex = strtok(NULL, "\t\n");
            cmd_classify(policy, hex ? hex : "");
        } else if (strcmp(cmd, "texts") == 0) {
            char *lang = strtok(NULL, "\t\n");
            char *ids = strtok(NULL, "\t\n");
            if (!lang || !ids) { printf("bad command\n"); continue; }
            cmd_texts(policy, lang, ids);
        } else if (strcmp(cmd, "enforce") == 0) {
            char *hex = strtok(NULL, "\t\n");
            char *today = strtok(NULL, "\t\n");
            char *gpc = strtok(NULL, "\t\n");
            char *names = strtok(NULL, "\t\n");
            char *lines = strtok(NULL, "\t\n");
            if (!hex || !today || !gpc || !names || !lines) { printf("bad command\n"); continue; }
            cmd_enforce(policy, hex, today, gpc, names, lines);
        } else if (strcmp(cmd, "choose") == 0) {
            char *hex = strtok(NULL, "\t\n");
            char *today = strtok(NULL, "\t\n");
            char *gpc = strtok(NULL, "\t\n");
            char *method = strtok(NULL, "\t\n");
            char *ids = strtok(NULL, "\t\n");
            if (!hex || !today || !gpc || !method || !ids) { printf("bad command\n"); continue; }
            cmd_choose(policy, hex, today, gpc, method, ids);
        } else {
            printf("bad command\n");
        }
        fflush(stdout);
    }
    cookieprefs_policy_free(policy);
    return 0;
}
