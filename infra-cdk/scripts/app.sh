#!/usr/bin/env bash
# Builds the CDK app (and the modules it depends on) and runs it; the cloud assembly goes to $CDK_OUTDIR
# (set by the cdk CLI; 'make synth' sets it to infra-cdk/cdk.out). Plain 'java' runs the main class, so no
# Maven plugin has to resolve the test-scoped reactor modules at synth time. The app command of cdk.json.
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_root="$(cd "$module_dir/.." && pwd)"
JAVA_HOME="$("$repo_root/scripts/java-home.sh")"
export JAVA_HOME
# Node 20 (on the project machines) is past its end of life; jsii still runs on it, so only silence the banner.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"

"$repo_root/mvnw" -B -q -f "$repo_root/pom.xml" -pl infra-cdk -am -DskipTests package >&2
exec "$JAVA_HOME/bin/java" -cp "$(cat "$module_dir/target/classpath.txt"):$module_dir/target/classes" \
  com.swn.infra.SwnShopApp
