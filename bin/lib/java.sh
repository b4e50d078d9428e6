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
# JNOVA_CLASSPATH, when set, is the class path to run instead (nothing is built).
jnova_build_if_needed() {
  [ -n "${JNOVA_CLASSPATH:-}" ] && return 0
  local jar="$JNOVA_HOME/target/jnova.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$JNOVA_HOME/src/main" "$JNOVA_HOME/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$JNOVA_HOME" && ./mvnw -q -B -DskipTests package) >&2 || return 1
  fi
}

# Class-data sharing for the long-running commands: the first run that exits normally writes
# an archive of the classes it loaded (target/cds/), later runs map it and start sooner. An
# archive older than the jar is dropped, since the JVM would only refuse it. JNOVA_CDS=no
# turns it off.
jnova_cds_opts() {
  local main_class="$1" archive="$JNOVA_HOME/target/cds/$1.jsa" arg
  [ "${JNOVA_CDS:-yes}" = no ] && return 0
  shift
  for arg in "$@"; do  # a --help or --version run would leave an archive of too few classes
    case $arg in --help|-h|--version) return 0 ;; esac
  done
  mkdir -p "$JNOVA_HOME/target/cds" 2>/dev/null || return 0
  if [ -f "$archive" ] && [ "$archive" -ot "$JNOVA_HOME/target/jnova.jar" ]; then
    rm -f "$archive"
  fi
  echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archive -Xlog:cds=off,cds+dynamic=off"
}

# The JDBC drivers load native code (sqlite-jdbc its library): granting the class path native
# access keeps JDK 22+ from warning on every start (Java 21 accepts the flag as well).
JNOVA_BASE_JVM_OPTS="--enable-native-access=ALL-UNNAMED"

# jnova_exec "JVM OPTIONS" MAIN ARGS...: replaces the shell with the JVM running MAIN.
jnova_exec() {
  local jvm_opts="$1" main_class="$2"; shift 2
  exec "$JAVA_HOME/bin/java" $JNOVA_BASE_JVM_OPTS $jvm_opts ${JNOVA_JAVA_OPTS:-} -Djnova.home="$JNOVA_HOME" \
    -cp "${JNOVA_CLASSPATH:-$JNOVA_HOME/target/jnova.jar:$JNOVA_HOME/target/lib/*}" "$main_class" "$@"
}

jnova_exec_main() {
  local main_class="$1"; shift
  jnova_find_java || exit 1
  jnova_build_if_needed || exit 1
  jnova_exec "" "$main_class" "$@"
}

# The heap of a long-running command: the parallel collector and a bounded heap keep the
# resident set small (a few hundred MiB with thousands of servers). A JVM that runs out of
# memory exits at once (a server half broken by an OutOfMemoryError is worse than none: the
# launcher replaces a worker that exits, and systemd a launcher). JNOVA_JAVA_OPTS comes after
# these, so an -Xmx or another collector given there wins.
JNOVA_SERVER_JVM_OPTS="-XX:+ExitOnOutOfMemoryError -Xmx384m"
case " ${JNOVA_JAVA_OPTS:-} " in
  *" -XX:+Use"*GC" "*) ;;  # two collectors would stop the JVM
  *) JNOVA_SERVER_JVM_OPTS="-XX:+UseParallelGC $JNOVA_SERVER_JVM_OPTS" ;;
esac

# As jnova_exec_main, with class-data sharing and the server heap (for servers, not for
# one-shot commands).
jnova_exec_server() {
  local main_class="$1"; shift
  jnova_find_java || exit 1
  jnova_build_if_needed || exit 1
  jnova_exec "$(jnova_cds_opts "$main_class" "$@") $JNOVA_SERVER_JVM_OPTS" "$main_class" "$@"
}
