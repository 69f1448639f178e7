# Sourced by ./mvnw, ./run-local.sh and .ci/run (POSIX sh): Vigía builds and runs on Java 25. When JAVA_HOME
# is unset or older and the default java is older too, point JAVA_HOME (and PATH) at a JDK 25 under /usr/lib/jvm.
vigia_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
vigia_has_java25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(vigia_java_major "$1/bin/java")" -ge 25 ] 2>/dev/null
}
if ! { [ -n "${JAVA_HOME-}" ] && vigia_has_java25 "$JAVA_HOME"; }; then
  vigia_default_java=$(command -v java 2>/dev/null || true)
  if [ -n "$vigia_default_java" ] && [ -z "${JAVA_HOME-}" ] \
      && [ "$(vigia_java_major "$vigia_default_java")" -ge 25 ] 2>/dev/null; then
    : # the default java is new enough
  else
    # ./mvnw runs with globbing off (set -f)
    case $- in *f*) set +f; vigia_noglob=true ;; *) vigia_noglob=false ;; esac
    for vigia_jdk in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
      if vigia_has_java25 "$vigia_jdk"; then
        JAVA_HOME=$vigia_jdk
        PATH=$JAVA_HOME/bin:$PATH
        export JAVA_HOME PATH
        break
      fi
    done
    if $vigia_noglob; then set -f; fi
    if ! { [ -n "${JAVA_HOME-}" ] && vigia_has_java25 "$JAVA_HOME"; }; then
      echo "Vigía needs Java 25: set JAVA_HOME to a JDK 25 (none found under /usr/lib/jvm)" >&2
      exit 1
    fi
  fi
fi
