#!/usr/bin/env bash
# Install what the tests need beyond pip: the Nu HTML checker, axe-core and Lighthouse (npm),
# Debian's Chromium for the browser tests and rsync and git for the deploy tests (apt, when
# missing). Java comes with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --silent
missing=""
for tool in chromium rsync git; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $missing >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq $missing >/dev/null; fi
fi
command -v java >/dev/null || { echo "tests/setup.sh: java is needed for the Nu HTML checker (apt-get install default-jre-headless)" >&2; exit 1; }
