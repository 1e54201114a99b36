# What both browser suites need (scripts/test-browser.sh, scripts/test-js.sh),
# sourced from the repository root:
#
#   . scripts/browser-lib.sh
#   browser_setup LABEL EXTRA_REQUIREMENTS   # sets $py
#
# Installs Debian's chromium with apt-get when /usr/bin/chromium is absent
# (needs root, or sudo), creates .venv when missing (shared with
# scripts/test-python.sh), installs the Python test tools plus the suite's
# own requirements file (Playwright, pinned), and builds the extension into
# .venv (maturin, release). No browser is downloaded.

browser_setup() {
  local label=$1 requirements=$2 root=$PWD venv=.venv
  if [ ! -x /usr/bin/chromium ]; then
    echo "== $label: installing Debian's chromium"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
  /usr/bin/chromium --version
  [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
  py="$root/$venv/bin/python"
  echo "== $label: installing the Python test tools"
  "$py" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt \
    -r "$requirements"
  echo "== $label: building the Python extension (maturin, release)"
  (cd bindings/python && VIRTUAL_ENV="$root/$venv" PATH="$root/$venv/bin:$PATH" \
    "$root/$venv/bin/maturin" develop --release --locked --quiet)
}
