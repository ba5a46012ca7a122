#!/usr/bin/env bash
# Quick start: set up, validate the sample projects with the command line, then serve a real
# VS Code with the extension installed on the sample workspace, at a local URL printed below.
# Stop with Ctrl-C. Options are passed to scripts/serve.mjs (e.g. --port 8081).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
echo
echo "== msp-docs validate samples"
npx msp-docs validate samples
echo
exec node scripts/serve.mjs "$@"
