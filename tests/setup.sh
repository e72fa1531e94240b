#!/usr/bin/env bash
# Install what the tests need beyond pip: the Nu HTML checker, axe-core and Lighthouse (npm),
# and Debian's Chromium for the browser tests (apt, when missing). Java comes with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --silent
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
command -v java >/dev/null || { echo "tests/setup.sh: java is needed for the Nu HTML checker (apt-get install default-jre-headless)" >&2; exit 1; }
