#!/usr/bin/env bash
# Installs the Debian packages the test suite runs for real (Redis server, Chromium for
# the archive report's rendering test), once.
# Skips what is already there, so it is fast on a prepared machine.
set -euo pipefail
needed=()
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
if [ ${#needed[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: need root to install ${needed[*]} (or install them yourself)" >&2
    exit 1
fi
echo "system-deps: installing ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
