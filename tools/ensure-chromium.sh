#!/usr/bin/env bash
# Installs Debian's chromium for the page tests (Playwright drives /usr/bin/chromium; its own browser download is
# never used), only when it is missing. Safe to run any number of times.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  sudo=sudo
else
  sudo=
fi

echo "Installing chromium (apt-get)..." >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
