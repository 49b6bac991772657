#!/usr/bin/env bash
# Debian packages vetplan uses outside Python, installed by the setup when missing:
#   chromium        the browser tests drive it (nothing downloads a browser build of its own)
#   fonts-noto-cjk  Chinese fonts: PDF reports embed them; chromium renders and prints with them
#   poppler-utils   pdftoppm: the report tests render PDFs to PNG pages
# usage: ensure_system_packages.sh test|demo
#   test: all three are required; as root they are installed, otherwise the script says what to install
#   demo: only the fonts, and their absence is a warning (PDF downloads then say what is missing)
set -euo pipefail
mode=${1:-test}
CHROMIUM=${VETPLAN_CHROMIUM:-/usr/bin/chromium}
missing=()
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ "$mode" = "test" ]; then
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} (apt-get)"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if [ "$mode" = "demo" ]; then
  echo "note: ${missing[*]} not installed; PDF reports need it: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "The tests need Debian's ${missing[*]}." >&2
echo "Install with: sudo apt-get install ${missing[*]}   (or set VETPLAN_CHROMIUM to another chromium binary)" >&2
exit 1
