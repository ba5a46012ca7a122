#!/usr/bin/env bash
# Prepares the real-VS-Code test environment (idempotent):
#  1. Debian packages chromium, ripgrep, libkrb5-dev, poppler-utils (only if missing);
#  2. the ripgrep cache archive @vscode/ripgrep looks for, so its postinstall
#     does not try to download from GitHub;
#  3. `npm ci` in this folder, skipped when node_modules matches the lockfile.
# See docs/testing.md for why each step is needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# 1. Debian packages ---------------------------------------------------------
pkgs=(chromium ripgrep libkrb5-dev poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# 2. ripgrep cache for @vscode/ripgrep 1.15.11 ---------------------------------
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$archive" ]; then
  echo "setup: creating $archive from /usr/bin/rg"
  mkdir -p "$cache"
  tmp="$(mktemp -d)"
  cp /usr/bin/rg "$tmp/rg"
  tar -czf "$archive.part" -C "$tmp" rg
  mv "$archive.part" "$archive"
  rm -rf "$tmp"
fi

# 3. npm ci, skipped when node_modules already matches the lockfile -----------
# (serialised with a lock: several test runs may call this script at once)
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/msp-vscode-env-setup.lock"
  flock 9
fi
stamp="node_modules/.setup-stamp"
want="$(sha256sum package-lock.json .npmrc | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && [ -f node_modules/code-server/lib/vscode/out/server-main.js ] \
   && [ -d node_modules/playwright-core ]; then
  echo "setup: node_modules up to date"
else
  echo "setup: npm ci (about 75 s)"
  start=$SECONDS
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
  echo "setup: npm ci took $((SECONDS - start)) s"
fi
