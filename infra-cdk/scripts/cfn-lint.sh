#!/usr/bin/env bash
# Lints every CloudFormation template in the given cloud-assembly directories with cfn-lint; fails on any
# error or warning (informational findings are printed only).
#
# Uses cfn-lint from PATH when there is one; otherwise creates the project-local virtualenv
# .venv-cfn-lint/ once and installs the pinned version into it.
#
# Usage: infra-cdk/scripts/cfn-lint.sh DIR...   (e.g. infra-cdk/target/cdk.out, written by the module's tests)
set -euo pipefail

readonly CFN_LINT_VERSION=1.51.0

die() {
  echo "cfn-lint.sh: $*" >&2
  exit 1
}

(($# > 0)) || die "usage: $0 DIR... (cloud-assembly directories holding *.template.json)"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$repo_root/.venv-cfn-lint"

if command -v cfn-lint >/dev/null 2>&1; then
  lint=(cfn-lint)
elif [[ -x "$venv/bin/cfn-lint" ]]; then
  lint=("$venv/bin/cfn-lint")
else
  command -v python3 >/dev/null 2>&1 || die "python3 is required to install cfn-lint"
  echo "cfn-lint.sh: installing cfn-lint==$CFN_LINT_VERSION into $venv" >&2
  python3 -m venv "$venv" || die "could not create $venv (is python3-venv installed?)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION" >&2 \
    || die "pip install cfn-lint==$CFN_LINT_VERSION failed"
  lint=("$venv/bin/cfn-lint")
fi

templates=()
for dir in "$@"; do
  [[ -d "$dir" ]] || die "$dir does not exist: synthesize first (make synth, or the infra-cdk tests)"
  for template in "$dir"/*.template.json; do
    [[ -e "$template" ]] && templates+=("$template")
  done
done
((${#templates[@]} > 0)) || die "no *.template.json in $*"

echo "cfn-lint $("${lint[@]}" --version | awk '{print $2}'): ${#templates[@]} templates in $*"
"${lint[@]}" --non-zero-exit-code warning -- "${templates[@]}"
echo "cfn-lint: no errors or warnings"
