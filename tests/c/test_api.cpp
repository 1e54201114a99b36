// Uses include/cookieprefs.h from C++17 with RAII wrappers: the header's
// extern "C" guards, enums and handles must work as a C++ user expects.
#include "cookieprefs.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <array>

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

    // The detail: a struct on the stack, the message into a std::string.
    cookieprefs_error err{};
    cookieprefs_preferences *rawbad = nullptr;
    const std::string_view bad_value = "BAADCdcJ1w5Q=";
    CHECK(cookieprefs_preferences_decode_ex(bytes(bad_value), bad_value.size(), &rawbad, &err) ==
          COOKIEPREFS_STATUS_INVALID_CHARACTER);
    CHECK(rawbad == nullptr && err.offset == 12 && err.a == 0x3d);
    {
        size_t len = 0;
        CHECK(cookieprefs_error_message(&err, nullptr, 0, &len) == COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
        std::string msg(len, '\0');
        CHECK(cookieprefs_error_message(&err, msg.data(), msg.size(), &len) == COOKIEPREFS_STATUS_OK);
        msg.resize(len);
        CHECK(msg == "invalid character '=' (0x3d) at offset 12: only A-Z a-z 0-9 - _ are allowed; values have no = padding: remove it");
    }
    {
        const std::string_view json = R"({"revision": 1, "categories": [{"id": 16, "name": "Bad"}]})";
        cookieprefs_policy *rawpol = nullptr;
        CHECK(cookieprefs_policy_from_json_ex(bytes(json), json.size(), &rawpol, &err) ==
              COOKIEPREFS_STATUS_INVALID_POLICY);
        CHECK(rawpol == nullptr);
        CHECK(std::string(err.message) ==
              R"(invalid policy: categories: name "Bad" of category 16 must be 1-32 characters of a-z 0-9 _, starting with a letter)");
    }

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
    CHECK(cookieprefs_policy_evaluate_header(policy.get(), bytes(header), header.size(), day, 0, &rawe) ==
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

    // Version, dates, fields of a decoded value.
    CHECK(std::string(cookieprefs_version()) == std::to_string(COOKIEPREFS_VERSION_MAJOR) + "." +
                                                    std::to_string(COOKIEPREFS_VERSION_MINOR) + "." +
                                                    std::to_string(COOKIEPREFS_VERSION_PATCH));
    static_assert(COOKIEPREFS_FORMAT_VERSION == 1, "format version");
    CHECK(cookieprefs_today() >= day);
    uint16_t d = 0;
    CHECK(cookieprefs_date_from_ymd(2026, 11, 24, &d) == COOKIEPREFS_STATUS_OK && d == day);
    CHECK(cookieprefs_date_from_ymd(2026, 13, 1, &d) == COOKIEPREFS_STATUS_INVALID_DATE);
    int32_t y = 0;
    uint32_t mo = 0, dd = 0;
    CHECK(cookieprefs_date_to_ymd(day, &y, &mo, &dd) == COOKIEPREFS_STATUS_OK && y == 2026 && mo == 11 && dd == 24);
    CHECK(cookieprefs_date_to_ymd(day, nullptr, &mo, &dd) == COOKIEPREFS_STATUS_NULL_ARGUMENT);

    uint16_t u16 = 0;
    uint8_t slots = 0;
    cookieprefs_method method{};
    CHECK(cookieprefs_preferences_revision(p.get(), &u16) == COOKIEPREFS_STATUS_OK && u16 == 3);
    CHECK(cookieprefs_preferences_created_days(p.get(), &u16) == COOKIEPREFS_STATUS_OK && u16 == day);
    CHECK(cookieprefs_preferences_updated_days(p.get(), &u16) == COOKIEPREFS_STATUS_OK && u16 == day);
    CHECK(cookieprefs_preferences_method(p.get(), &method) == COOKIEPREFS_STATUS_OK &&
          method == COOKIEPREFS_METHOD_BANNER);
    CHECK(cookieprefs_preferences_slot_count(p.get(), &slots) == COOKIEPREFS_STATUS_OK && slots == 3);
    size_t len = 0;
    CHECK(cookieprefs_preferences_encoded_len(p.get(), &len) == COOKIEPREFS_STATUS_OK && len == 12);
    CHECK(cookieprefs_preferences_revision(nullptr, &u16) == COOKIEPREFS_STATUS_NULL_ARGUMENT);

    // Dates, method and consent id through the setters.
    const std::array<uint8_t, 16> uuid{0x67, 0xe5, 0x50, 0x44, 0x10, 0xb1, 0x42, 0x6f,
                                       0x92, 0x47, 0xbb, 0x68, 0x0e, 0x5f, 0xe0, 0xc8};
    std::array<uint8_t, 16> got{};
    bool has = false;
    CHECK(cookieprefs_preferences_set_dates(built.get(), day - 10, day) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_set_dates(built.get(), day, day - 10) == COOKIEPREFS_STATUS_DATES_OUT_OF_ORDER);
    CHECK(cookieprefs_preferences_set_method(built.get(), COOKIEPREFS_METHOD_IMPORTED) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_set_consent_id(built.get(), uuid.data()) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_consent_id(built.get(), got.data(), &has) == COOKIEPREFS_STATUS_OK && has &&
          got == uuid);
    CHECK(cookieprefs_preferences_encoded_len(built.get(), &len) == COOKIEPREFS_STATUS_OK && len == 33);
    CHECK(encode(built.get()).size() == 33);
    CHECK(cookieprefs_preferences_set_consent_id(built.get(), nullptr) == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_preferences_consent_id(built.get(), got.data(), &has) == COOKIEPREFS_STATUS_OK && !has);
    CHECK(cookieprefs_preferences_method(built.get(), &method) == COOKIEPREFS_STATUS_OK &&
          method == COOKIEPREFS_METHOD_IMPORTED);

    // Fast paths and header lookup.
    std::string_view value = "BAADCdcJ1w5Q";
    CHECK(cookieprefs_value_category_state(bytes(value), value.size(), 3, &st) == COOKIEPREFS_STATUS_OK &&
          st == COOKIEPREFS_STATE_DENIED);
    CHECK(cookieprefs_value_category_state(bytes(value), value.size(), 1, nullptr) ==
          COOKIEPREFS_STATUS_NULL_ARGUMENT);
    CHECK(cookieprefs_header_category_state(bytes(header), header.size(), "cookies_preferences", 1, &st) ==
              COOKIEPREFS_STATUS_OK &&
          st == COOKIEPREFS_STATE_GRANTED);
    CHECK(cookieprefs_header_category_state(bytes(header), header.size(), "nope", 1, &st) ==
          COOKIEPREFS_STATUS_NOT_FOUND);
    size_t off = 0, vlen = 0;
    CHECK(cookieprefs_cookie_find(bytes(header), header.size(), "cookies_preferences", &off, &vlen) ==
          COOKIEPREFS_STATUS_OK);
    CHECK(header.substr(off, vlen) == value);
    CHECK(cookieprefs_cookie_find(bytes(header), header.size(), "csrftoken", &off, &vlen) == COOKIEPREFS_STATUS_OK &&
          header.substr(off, vlen) == "x");

    // Policy lookups, the rest of the evaluation, and the default policy.
    uint8_t id = 0;
    CHECK(cookieprefs_policy_revision(policy.get(), &u16) == COOKIEPREFS_STATUS_OK && u16 == 3);
    CHECK(cookieprefs_policy_category_id(policy.get(), "youtube", &id) == COOKIEPREFS_STATUS_OK && id == 16);
    CHECK(cookieprefs_policy_category_id(policy.get(), "matomo", &id) == COOKIEPREFS_STATUS_UNKNOWN_CATEGORY);
    bool b = true;
    CHECK(cookieprefs_evaluation_allowed(ev.get(), 1, &b) == COOKIEPREFS_STATUS_OK && b);
    CHECK(cookieprefs_evaluation_allowed(ev.get(), 16, &b) == COOKIEPREFS_STATUS_OK && !b);
    CHECK(cookieprefs_evaluation_gpc_applied(ev.get(), &b) == COOKIEPREFS_STATUS_OK && !b);
    cookieprefs_status vs = COOKIEPREFS_STATUS_PANIC;
    CHECK(cookieprefs_evaluation_value_status(ev.get(), &vs) == COOKIEPREFS_STATUS_OK && vs == COOKIEPREFS_STATUS_OK);
    CHECK(cookieprefs_evaluation_consent_mode(ev.get(), COOKIEPREFS_CONSENT_TYPE_ANALYTICS_STORAGE, &b) ==
              COOKIEPREFS_STATUS_OK &&
          b);
    CHECK(cookieprefs_evaluation_consent_mode(ev.get(), COOKIEPREFS_CONSENT_TYPE_AD_USER_DATA, &b) ==
              COOKIEPREFS_STATUS_OK &&
          !b);
    std::string text(512, '\0');
    CHECK(cookieprefs_evaluation_consent_mode_json(ev.get(), reinterpret_cast<uint8_t *>(text.data()), text.size(),
                                                   &n) == COOKIEPREFS_STATUS_OK);
    CHECK(std::string_view(text.data(), n).find("\"ad_storage\":\"denied\"") != std::string_view::npos);
    // The banner is needed (youtube), so there is nothing to refresh.
    CHECK(cookieprefs_evaluation_set_cookie_header(ev.get(), reinterpret_cast<uint8_t *>(text.data()), text.size(),
                                                   &n) == COOKIEPREFS_STATUS_NOT_FOUND);
    cookieprefs_preferences *rawst = nullptr;
    CHECK(cookieprefs_evaluation_stored(ev.get(), &rawst) == COOKIEPREFS_STATUS_OK);
    Prefs stored(rawst);
    CHECK(encode(stored.get()) == value);
    CHECK(cookieprefs_policy_delete_cookie_header(policy.get(), reinterpret_cast<uint8_t *>(text.data()), 8, &n) ==
              COOKIEPREFS_STATUS_BUFFER_TOO_SMALL &&
          n == 62);
    CHECK(cookieprefs_policy_delete_cookie_header(policy.get(), reinterpret_cast<uint8_t *>(text.data()), n, &n) ==
          COOKIEPREFS_STATUS_OK);
    CHECK(std::string_view(text.data(), n) == "cookies_preferences=; Max-Age=0; Path=/; SameSite=Lax; Secure");

    // The default policy is revision 0: the revision-3 value fails closed.
    cookieprefs_policy *rawd = nullptr;
    CHECK(cookieprefs_policy_default(&rawd) == COOKIEPREFS_STATUS_OK);
    PolicyPtr def(rawd);
    CHECK(cookieprefs_policy_evaluate_value(def.get(), bytes(value), value.size(), day, 0, &rawe) ==
          COOKIEPREFS_STATUS_OK);
    Eval future(rawe);
    CHECK(cookieprefs_evaluation_value_status(future.get(), &vs) == COOKIEPREFS_STATUS_OK &&
          vs == COOKIEPREFS_STATUS_REVISION_IN_FUTURE);
    CHECK(cookieprefs_evaluation_needs_banner(future.get(), &b) == COOKIEPREFS_STATUS_OK && b);

    const std::string_view r3_json = R"({"revision": 3})";
    cookieprefs_policy *rawr3 = nullptr;
    CHECK(cookieprefs_policy_from_json(bytes(r3_json), r3_json.size(), &rawr3) == COOKIEPREFS_STATUS_OK);
    PolicyPtr r3(rawr3);
    CHECK(cookieprefs_policy_evaluate_value(r3.get(), bytes(value), value.size(), day, 0, &rawe) ==
          COOKIEPREFS_STATUS_OK);
    Eval ev2(rawe);
    CHECK(cookieprefs_evaluation_needs_banner(ev2.get(), &b) == COOKIEPREFS_STATUS_OK && !b);
    CHECK(cookieprefs_evaluation_set_cookie_header(ev2.get(), reinterpret_cast<uint8_t *>(text.data()), text.size(),
                                                   &n) == COOKIEPREFS_STATUS_OK);
    CHECK(std::string_view(text.data(), n) ==
          "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure");
    CHECK(cookieprefs_policy_evaluate_value(nullptr, nullptr, 0, day, 0, &rawe) ==
          COOKIEPREFS_STATUS_NULL_ARGUMENT);
    // Fail closed: a NULL policy (one that failed to load) gives NULL_ARGUMENT
    // and a NULL evaluation, whose reads grant nothing.
    {
        cookieprefs_evaluation *none = reinterpret_cast<cookieprefs_evaluation *>(&b);  // garbage
        CHECK(cookieprefs_policy_evaluate_header(nullptr, bytes(header), header.size(), day, 0, &none) ==
              COOKIEPREFS_STATUS_NULL_ARGUMENT);
        CHECK(none == nullptr);
        st = COOKIEPREFS_STATE_GRANTED;
        CHECK(cookieprefs_evaluation_state(none, 1, &st) == COOKIEPREFS_STATUS_NULL_ARGUMENT);
        CHECK(st == COOKIEPREFS_STATE_NOT_ASKED);
        b = true;
        CHECK(cookieprefs_evaluation_allowed(none, 1, &b) == COOKIEPREFS_STATUS_NULL_ARGUMENT && !b);
        id = 0;
        CHECK(cookieprefs_policy_category_id(policy.get(), "matomo", &id) == COOKIEPREFS_STATUS_UNKNOWN_CATEGORY);
        CHECK(id == COOKIEPREFS_NO_CATEGORY);
        b = true;
        CHECK(cookieprefs_evaluation_allowed(ev.get(), id, &b) == COOKIEPREFS_STATUS_INVALID_CATEGORY && !b);
        size_t off2 = 9, len2 = 9;
        CHECK(cookieprefs_cookie_find(bytes(header), header.size(), nullptr, &off2, &len2) ==
              COOKIEPREFS_STATUS_NULL_ARGUMENT);
        CHECK(off2 == 0 && len2 == 0);
        std::string small(4, '#');
        CHECK(cookieprefs_policy_delete_cookie_header(policy.get(), reinterpret_cast<uint8_t *>(small.data()),
                                                      small.size(), &n) == COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
        CHECK(small[0] == '\0' && n == 62);
    }
    // (size_t)-1 is LENGTH_TOO_LARGE, never read.
    {
        const size_t huge = static_cast<size_t>(-1);
        cookieprefs_evaluation *none = nullptr;
        b = true;
        CHECK(cookieprefs_policy_header_allowed(policy.get(), bytes(header), huge, day, 0, 1, &b) ==
                  COOKIEPREFS_STATUS_LENGTH_TOO_LARGE &&
              !b);
        CHECK(cookieprefs_policy_evaluate_header(policy.get(), bytes(header), huge, day, 0, &none) ==
                  COOKIEPREFS_STATUS_LENGTH_TOO_LARGE &&
              none == nullptr);
        st = COOKIEPREFS_STATE_GRANTED;
        CHECK(cookieprefs_value_category_state(bytes(value), huge, 1, &st) == COOKIEPREFS_STATUS_LENGTH_TOO_LARGE &&
              st == COOKIEPREFS_STATE_NOT_ASKED);
    }
    // gpc is an int, nonzero = Sec-GPC: 1; 0x100 is a signal.
    {
        CHECK(cookieprefs_policy_evaluate_header(def.get(), nullptr, 0, day, 0x100, &rawe) == COOKIEPREFS_STATUS_OK);
        Eval gpc_ev(rawe);
        CHECK(cookieprefs_evaluation_gpc_applied(gpc_ev.get(), &b) == COOKIEPREFS_STATUS_OK && b);
    }
    // The edge call: every rule, no handle.
    CHECK(cookieprefs_policy_header_allowed(r3.get(), bytes(header), header.size(), day, 0, 1, &b) ==
              COOKIEPREFS_STATUS_OK &&
          b);
    CHECK(cookieprefs_policy_header_allowed(r3.get(), bytes(header), header.size(), day + 183, 0, 1, &b) ==
              COOKIEPREFS_STATUS_OK &&
          !b);  // expired, though the stored state is GRANTED
    CHECK(cookieprefs_policy_header_needs_banner(r3.get(), bytes(header), header.size(), day, 0, &b) ==
              COOKIEPREFS_STATUS_OK &&
          !b);
    CHECK(cookieprefs_policy_header_allowed(def.get(), bytes(header), header.size(), day, 0, 1, &b) ==
              COOKIEPREFS_STATUS_OK &&
          !b);  // a revision-3 value under the revision-0 default policy

    // The declaration and enforcement, with the buffers a C++ caller uses.
    {
        constexpr std::string_view decl =
            R"({"revision": 1, "cookies": [{"name": "_pk_id.*", "category": "statistics"},)"
            R"( {"name": "sessionid", "category": "necessary", "provider": "Opendatasoft"}]})";
        cookieprefs_policy *rawdecl = nullptr;
        CHECK(cookieprefs_policy_from_json(bytes(decl), decl.size(), &rawdecl) == COOKIEPREFS_STATUS_OK);
        PolicyPtr dp(rawdecl);
        uint8_t category = 0;
        uint32_t index = 0;
        CHECK(cookieprefs_policy_classify(dp.get(), bytes("_pk_id.1.ab"), 11, &category, &index) ==
                  COOKIEPREFS_STATUS_OK &&
              category == 1);
        CHECK(cookieprefs_policy_classify(dp.get(), bytes("nope"), 4, &category, &index) ==
                  COOKIEPREFS_STATUS_NOT_FOUND &&
              category == COOKIEPREFS_NO_CATEGORY && index == COOKIEPREFS_NO_COOKIE);
        // A text into a std::string: size with capacity 0, then write.
        size_t need = 0, n = 0;
        CHECK(cookieprefs_policy_page(dp.get(), "en", COOKIEPREFS_PAGE_FORMAT_HTML, nullptr, 0, &need) ==
              COOKIEPREFS_STATUS_BUFFER_TOO_SMALL);
        std::string page(need, '\0');
        CHECK(cookieprefs_policy_page(dp.get(), "en", COOKIEPREFS_PAGE_FORMAT_HTML,
                                      reinterpret_cast<uint8_t *>(page.data()), page.size(), &n) ==
              COOKIEPREFS_STATUS_OK);
        page.resize(n);
        CHECK(page.find("<h2") != std::string::npos && page.find("Opendatasoft") != std::string::npos);
        // Statistics refused at revision 1: the statistics cookie is dropped and cleared.
        const std::string_view req = "_pk_id.1.ab=1; sessionid=x; cookies_preferences=BAABCdcJ1w1Q";
        CHECK(cookieprefs_policy_evaluate_header(dp.get(), bytes(req), req.size(), day, 0, &rawe) ==
              COOKIEPREFS_STATUS_OK);
        Eval dev(rawe);
        bool keep = true;
        constexpr std::string_view line = "_pk_id.1.ab=GA1; Max-Age=34214400";
        CHECK(cookieprefs_evaluation_set_cookie_allowed(dev.get(), bytes(line), line.size(), &keep) ==
                  COOKIEPREFS_STATUS_OK &&
              !keep);
        CHECK(cookieprefs_evaluation_cookie_allowed(dev.get(), bytes("sessionid"), 9, &keep) ==
                  COOKIEPREFS_STATUS_OK &&
              keep);
        std::array<char, 256> del{};
        size_t cursor = 0;
        int cleared = 0;
        while (cookieprefs_evaluation_next_cookie_to_clear(dev.get(), bytes(req), req.size(), &cursor,
                                                           reinterpret_cast<uint8_t *>(del.data()), del.size(),
                                                           &n) == COOKIEPREFS_STATUS_OK) {
            CHECK(std::string_view(del.data(), n).substr(0, 13) == "_pk_id.1.ab=;");
            ++cleared;
        }
        CHECK(cleared == 1);
    }

    cookieprefs_preferences_free(nullptr);
    cookieprefs_policy_free(nullptr);
    cookieprefs_evaluation_free(nullptr);

    std::printf("test_api (C++): %d checks passed\n", checks);
    return 0;
}
