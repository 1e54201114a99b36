// Uses include/cookieprefs.h from C++17 with RAII wrappers: the header's
// extern "C" guards, enums and handles must work as a C++ user expects.
#include "cookieprefs.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

int checks = 0;

void check(bool ok, const char *what, int line) {
    ++checks;
    if (!ok) {
        std::fprintf(stderr, "test_api.cpp:%d: check failed: %s\n", line, what);
        std::exit(1);
    }
}
#define CHECK(c) check((c), #c, __LINE__)

struct PrefsFree {
    void operator()(cookieprefs_preferences *p) const noexcept { cookieprefs_preferences_free(p); }
};
struct PolicyFree {
    void operator()(cookieprefs_policy *p) const noexcept { cookieprefs_policy_free(p); }
};
struct EvalFree {
    void operator()(cookieprefs_evaluation *p) const noexcept { cookieprefs_evaluation_free(p); }
};
using Prefs = std::unique_ptr<cookieprefs_preferences, PrefsFree>;
using PolicyPtr = std::unique_ptr<cookieprefs_policy, PolicyFree>;
using Eval = std::unique_ptr<cookieprefs_evaluation, EvalFree>;

const uint8_t *bytes(std::string_view s) { return reinterpret_cast<const uint8_t *>(s.data()); }

Prefs decode(std::string_view value, cookieprefs_status &status) {
    cookieprefs_preferences *raw = nullptr;
    status = cookieprefs_preferences_decode(bytes(value), value.size(), &raw);
    return Prefs(raw);
}

std::string encode(const cookieprefs_preferences *p) {
    std::string out(COOKIEPREFS_MAX_ENCODED_LEN + 1, '\0');
    size_t n = 0;
    CHECK(cookieprefs_preferences_encode(p, reinterpret_cast<uint8_t *>(out.data()), out.size(), &n) ==
          COOKIEPREFS_STATUS_OK);
    out.resize(n);
    return out;
}

}  // namespace

int main() {
    constexpr uint16_t day = 2519;  // 2026-11-24
    cookieprefs_status status;

    Prefs p = decode("BAADCdcJ1w5Q", status);
    CHECK(status == COOKIEPREFS_STATUS_OK && p);
    cookieprefs_state st{};
    CHECK(cookieprefs_preferences_state(p.get(), 1, &st) == COOKIEPREFS_STATUS_OK);
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    CHECK(encode(p.get()) == "BAADCdcJ1w5Q");

    Prefs bad = decode("BAADCdcJ1w5Q=", status);
    CHECK(status == COOKIEPREFS_STATUS_INVALID_CHARACTER && !bad);
    CHECK(std::string(cookieprefs_status_str(status)) == "invalid_character");

    // Build the same value from scratch.
    cookieprefs_preferences *raw = nullptr;
    CHECK(cookieprefs_preferences_new(day, &raw) == COOKIEPREFS_STATUS_OK);
    Prefs built(raw);
    CHECK(cookieprefs_preferences_set_revision(built.get(), 3) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_set_state(built.get(), 1, COOKIEPREFS_STATE_GRANTED) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_set_state(built.get(), 2, COOKIEPREFS_STATE_DENIED) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_set_state(built.get(), 3, COOKIEPREFS_STATE_DENIED) == COOKIEPREFS_STATUS_OK);
    CHECK(encode(built.get()) == "BAADCdcJ1w5Q");

    // Per request: evaluate a raw header under a policy with a site category.
    std::string_view json = R"({"revision": 3, "categories": [
        {"id": 1, "name": "statistics"}, {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}]})";
    cookieprefs_policy *rawp = nullptr;
    CHECK(cookieprefs_policy_from_json(bytes(json), json.size(), &rawp) == COOKIEPREFS_STATUS_OK);
    PolicyPtr policy(rawp);

    std::string_view header = "csrftoken=x; cookies_preferences=BAADCdcJ1w5Q";
    cookieprefs_evaluation *rawe = nullptr;
    CHECK(cookieprefs_policy_evaluate_header(policy.get(), bytes(header), header.size(), day, false, &rawe) ==
          COOKIEPREFS_STATUS_OK);
    Eval ev(rawe);
    bool banner = false;
    cookieprefs_banner_reason reason{};
    CHECK(cookieprefs_evaluation_needs_banner(ev.get(), &banner) == COOKIEPREFS_STATUS_OK && banner);
    CHECK(cookieprefs_evaluation_banner_reason(ev.get(), &reason) == COOKIEPREFS_STATUS_OK);
    CHECK(reason == COOKIEPREFS_BANNER_REASON_NEW_CATEGORY);  // youtube never asked
    CHECK(cookieprefs_evaluation_state(ev.get(), 16, &st) == COOKIEPREFS_STATUS_OK);
    CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
    CHECK(cookieprefs_evaluation_state(ev.get(), 1, &st) == COOKIEPREFS_STATUS_OK);
    CHECK(st == COOKIEPREFS_STATE_GRANTED);

    // The visitor now accepts statistics and youtube.
    const uint8_t granted[] = {1, 16};
    cookieprefs_preferences *rawc = nullptr;
    CHECK(cookieprefs_evaluation_choose(ev.get(), granted, 2, COOKIEPREFS_METHOD_BANNER, &rawc) ==
          COOKIEPREFS_STATUS_OK);
    Prefs choice(rawc);
    CHECK(cookieprefs_preferences_state(choice.get(), 16, &st) == COOKIEPREFS_STATUS_OK);
    CHECK(st == COOKIEPREFS_STATE_GRANTED);
    CHECK(cookieprefs_preferences_state(choice.get(), 2, &st) == COOKIEPREFS_STATUS_OK);
    CHECK(st == COOKIEPREFS_STATE_DENIED);

    size_t needed = 0;
    CHECK(cookieprefs_policy_set_cookie_header(policy.get(), choice.get(), day, nullptr, 0, &needed) ==
          COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
    std::string set_cookie(needed, '\0');
    size_t n = 0;
    CHECK(cookieprefs_policy_set_cookie_header(policy.get(), choice.get(), day,
                                               reinterpret_cast<uint8_t *>(set_cookie.data()), set_cookie.size(),
                                               &n) == COOKIEPREFS_STATUS_OK);
    set_cookie.resize(n);
    CHECK(set_cookie.rfind("cookies_preferences=" + encode(choice.get()) + "; Max-Age=15811200; Path=/", 0) == 0);

    std::printf("test_api (C++): %d checks passed\n", checks);
    return 0;
}
