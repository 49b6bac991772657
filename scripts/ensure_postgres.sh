#!/usr/bin/env bash
# The suite also runs on PostgreSQL when its server binaries are on the machine (Debian puts
# them under /usr/lib/postgresql/VERSION/bin). As root we install them; in CI a missing
# PostgreSQL is a failure, never a silent skip.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing the PostgreSQL server for the PostgreSQL test run (apt-get install postgresql)"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "CI: PostgreSQL server binaries are missing; install the postgresql package." >&2
  exit 1
fi
echo "note: PostgreSQL server binaries not found; the PostgreSQL test run will be skipped." >&2
echo "      Install them with: sudo apt-get install postgresql" >&2
