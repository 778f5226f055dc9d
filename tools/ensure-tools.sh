#!/usr/bin/env bash
# Installs the local tools (Azurite, maildev) from the committed lockfile, only when they are missing or
# the lockfile changed since the last install. Safe to run any number of times.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

stamp=node_modules/.qcw-lock-sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -x node_modules/.bin/azurite && -x node_modules/.bin/maildev && -f $stamp && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi

echo "Installing Azurite and maildev (npm ci)..." >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$wanted" > "$stamp"
