# Sourced by the bin/ scripts: finds a JDK of release 21 or newer and exports JAVA_HOME.
jnova_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

jnova_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(jnova_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "jnova needs a JDK of release 21 or newer (set JAVA_HOME)" >&2
  return 1
}

JNOVA_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export JNOVA_HOME

# Builds the jar and its runtime classpath once, when the sources are newer than it.
jnova_build_if_needed() {
  local jar="$JNOVA_HOME/target/jnova.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$JNOVA_HOME/src/main" "$JNOVA_HOME/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$JNOVA_HOME" && ./mvnw -q -B -DskipTests package) >&2 || return 1
  fi
}

jnova_exec_main() {
  local main_class="$1"; shift
  jnova_find_java || exit 1
  jnova_build_if_needed || exit 1
  exec "$JAVA_HOME/bin/java" ${JNOVA_JAVA_OPTS:-} -Djnova.home="$JNOVA_HOME" -cp "$JNOVA_HOME/target/jnova.jar:$JNOVA_HOME/target/lib/*" \
    "$main_class" "$@"
}
