# Sourced by ./synscope and ./run-tests: sets JAVA_HOME to a JDK 21+ or explains what is missing.
java_major() { # the major version of the java binary $1, or 0
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}' || echo 0
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*)
  # The java on PATH too (its home is two levels above the resolved binary).
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ "$(java_major "$home/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$home"; return 0
    fi
  done
  return 1
}

use_jdk() {
  local jdk
  if ! jdk="$(find_jdk)"; then
    echo "synscope: needs a JDK 21 or newer; none found in \$JAVA_HOME, /usr/lib/jvm/* or the java on PATH." >&2
    echo "          Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  # Maven itself runs on this JDK; Java 24+ warns about Maven's use of sun.misc.Unsafe.
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

need_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "synscope: needs Apache Maven (mvn); install it (apt-get install maven)." >&2
    exit 1
  fi
}
