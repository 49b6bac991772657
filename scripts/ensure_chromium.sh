#!/usr/bin/env bash
# Browser tests drive Debian's chromium; nothing downloads a browser build of its own.
# CJK fonts (fonts-noto-cjk) let chromium render and print Chinese text, which the PDF
# tests read back.
set -euo pipefail
CHROMIUM=${VETPLAN_CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} for the browser tests (apt-get)"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need Debian's ${missing[*]} (chromium at $CHROMIUM)." >&2
echo "Install with: sudo apt-get install ${missing[*]}   (or set VETPLAN_CHROMIUM to another chromium binary)" >&2
exit 1
