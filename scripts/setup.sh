#!/usr/bin/env bash
# Sets up a fresh Debian machine for this project (idempotent): the extension's npm packages,
# the build, and the real-VS-Code test environment with its Debian packages (chromium, ripgrep,
# libkrb5-dev, poppler-utils). Used by the README quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v node >/dev/null || { echo "setup: Node.js 20 or newer is needed (https://nodejs.org)" >&2; exit 2; }
npm ci --no-audit --no-fund
npm run build
bash test/vscode/env/setup.sh
