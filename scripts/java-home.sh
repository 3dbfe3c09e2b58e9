#!/usr/bin/env bash
# Prints the home of a JDK 25: $JAVA_HOME if it is one, else the first $JVM_DIR/temurin-25*.
# Exits 1 with instructions when there is none. Used by the Makefile and scripts/up.sh.
# Env: JVM_DIR  where to look for temurin-25* (default /usr/lib/jvm)
set -euo pipefail

jvm_dir="${JVM_DIR:-/usr/lib/jvm}"

is_jdk25() {
  local home="$1"
  [[ -n "$home" && -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  # Not the first line only: JAVA_TOOL_OPTIONS / _JAVA_OPTIONS make the JVM print a "Picked up" line first.
  "$home/bin/java" -version 2>&1 | grep -Eq '^[a-z]+ version "25([."]|-)'
}

if is_jdk25 "${JAVA_HOME:-}"; then
  echo "$JAVA_HOME"
  exit 0
fi
for candidate in "$jvm_dir"/temurin-25*; do
  if is_jdk25 "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<MSG
error: no JDK 25 found (JAVA_HOME=${JAVA_HOME:-<unset>}; nothing usable at $jvm_dir/temurin-25*).
  This build needs Java 25. Either
    - point JAVA_HOME at a JDK 25:   export JAVA_HOME=/path/to/jdk-25
    - or install Eclipse Temurin 25 (https://adoptium.net/installation/linux/):
        apt-get install temurin-25-jdk      # after adding the Adoptium apt repository
      which lands in /usr/lib/jvm/temurin-25-jdk-<arch> and is picked up automatically.
MSG
exit 1
