#!/usr/bin/env bash
# Verifies the k6 scripts in this folder without k6 (k6 is AGPL-3.0 and is never installed, built or run here):
#   1. npm ci of the pinned typescript and @types/k6 into k6/node_modules/ (only when package-lock.json changed)
#   2. tsc --noEmit with checkJs over every script and lib/ (tsconfig.json)
#   3. the options check of every script (tools/check-options.mjs)
#   4. the self-test: each check fails on its deliberately broken fixture (fixtures/, tools/self-test.mjs)
#   5. with --dry-run: setup(), each scenario's function once and teardown() of every script against BASE_URL
#      (default http://127.0.0.1:8080, a running `make up`), through tools/dry-run.mjs
# What passes here is type-checked and dry-run, not executed by k6: no load is generated, no threshold evaluated.
# Usage: k6/verify.sh [--dry-run | --dry-run-only]
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$dir"
mode="${1:-static}"
case "$mode" in static | --dry-run | --dry-run-only) ;; *) echo "usage: $0 [--dry-run | --dry-run-only]" >&2; exit 2 ;; esac
scripts=(smoke.js load.js stress.js spike.js soak.js checkout-journey.js)
say() { printf '[k6-verify] %s\n' "$*"; }
command -v node >/dev/null || { say "node (>= 20.6) is required: apt-get install nodejs npm"; exit 1; }
# module.register (the dry run's module hooks) arrived in Node 20.6.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 6) ? 0 : 1)' \
  || { say "node $(node --version) is too old: 20.6 or later is required"; exit 1; }

stamp=node_modules/.swn-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  say "npm ci (typescript, @types/k6 as pinned in package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

if [[ "$mode" != --dry-run-only ]]; then
  t0=$SECONDS
  say "tsc --noEmit (checkJs) over ${scripts[*]} lib/"
  node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
  say "options check"
  for script in "${scripts[@]}"; do node tools/check-options.mjs "$script"; done
  say "self-test of the three checks on the fixtures"
  node tools/self-test.mjs
  say "static checks passed in $((SECONDS - t0)) s"
fi

if [[ "$mode" != static ]]; then
  export BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
  t0=$SECONDS
  say "dry run of every script against $BASE_URL"
  failed=()
  for script in "${scripts[@]}"; do node tools/dry-run.mjs "$script" || failed+=("$script"); done
  echo "k6-dry-run: $((${#scripts[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  if ((${#failed[@]})); then say "dry run FAILED: ${failed[*]}"; exit 1; fi
  say "dry run passed in $((SECONDS - t0)) s (type-checked and dry-run, not executed by k6)"
fi
