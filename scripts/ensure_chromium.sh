#!/usr/bin/env bash
# Browser tests drive Debian's chromium; nothing downloads a browser build of its own.
set -euo pipefail
CHROMIUM=${VETPLAN_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests (apt-get install chromium)"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Debian's chromium at $CHROMIUM." >&2
echo "Install it with: sudo apt-get install chromium   (or set VETPLAN_CHROMIUM to another chromium binary)" >&2
exit 1
