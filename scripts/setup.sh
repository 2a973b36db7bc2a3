#!/usr/bin/env bash
# Installs what briefkit needs on a fresh Debian machine: the CSL styles and locales, Chromium, poppler,
# qpdf and Java (Debian packages) when they are missing, then the npm packages, then builds lib/. Safe to run again: it
# skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${BRIEFKIT_CSL_DIR:-}" ]; then
  [ -d /usr/share/citation-style-language/styles ] || missing+=(citation-style-language-styles)
  [ -d /usr/share/citation-style-language/locales ] || missing+=(citation-style-language-locales)
fi
# Chromium prints the PDFs (unless BRIEFKIT_CHROME names one); poppler and qpdf let the tests read them.
if [ -z "${BRIEFKIT_CHROME:-}" ] && ! command -v chromium >/dev/null && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
# Java runs the W3C Nu Html Checker (npm vnu-jar) in the tests.
command -v java >/dev/null || missing+=(default-jre-headless)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install ${missing[*]} (Debian/Ubuntu names); see the README" >&2
    exit 2
  fi
fi

# Note: npm ci only when node_modules was not installed from this very lock file, so a second run costs nothing.
stamp=node_modules/.briefkit-lock
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  # Note: with a system Chrome/Chromium there is no need for Puppeteer's own download (which fails offline).
  if [ -n "${BRIEFKIT_CHROME:-}" ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null; then
    export PUPPETEER_SKIP_DOWNLOAD=1
  fi
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# Note: briefkit runs as compiled JavaScript in lib/. npm ci built it (`prepare`); build it again when a
# source changed since, or when npm ci was skipped on a checkout that never built it.
if [ ! -f lib/cli/run.js ] || [ -n "$(find src types tsconfig.build.json -newer lib/cli/run.js -print -quit)" ]; then
  npm run build --silent
fi
