#!/usr/bin/env bash
# The main job, end to end with the CLI: encode a visitor's choice, decode it
# back, and evaluate a real Cookie: header as a server would.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked -q -p cookieprefs-cli
cli=target/release/cookieprefs

echo "\$ cookieprefs encode --statistics granted --first-party denied --third-party denied --revision 3 --today 2026-11-24"
value=$("$cli" encode --statistics granted --first-party denied --third-party denied --revision 3 --today 2026-11-24)
echo "$value    (${#value} characters)"
echo
echo "\$ cookieprefs decode $value"
"$cli" decode "$value"
echo
policy=$(mktemp)
trap 'rm -f "$policy"' EXIT
echo '{"revision": 3}' >"$policy"
header="sessionid=k2j3h4; cc_cookie={\"categories\":[\"necessary\"]}; cookies_preferences=$value"
echo "\$ echo '{\"revision\": 3}' > policy.json    # the site's policy (docs/FORMAT.md §7)"
echo "\$ cookieprefs inspect '$header' --policy policy.json --today 2026-11-24"
"$cli" inspect "$header" --policy "$policy" --today 2026-11-24
echo
echo "\$ cookieprefs inspect 'cookies_preferences=BAADCdcJ1w5Q=' --gpc    # a mangled cookie fails closed"
"$cli" inspect "cookies_preferences=BAADCdcJ1w5Q=" --today 2026-11-24 --gpc || echo "(exit status $?: the value was rejected and ignored: fail closed)"
