#!/usr/bin/env bash
# Starts the whole of Vigía on this machine: a real Kafka broker (KRaft) and an embedded MongoDB server
# in one JVM, then bill-service, vote-service and notify-service as three JVMs. Ctrl-C stops everything.
# ./run-local.sh --help lists the options.
set -euo pipefail
cd "$(dirname "$0")"

launcher=devstack/target/devstack-0.1.0-SNAPSHOT-exec.jar
jars=("$launcher" bill-service/target/bill-service.jar vote-service/target/vote-service.jar notify-service/target/notify-service.jar)

needs_build=false
wants_help=false
for arg in "$@"; do
  case "$arg" in --help|-h) wants_help=true ;; esac
done
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ]; then
    # --help needs only the launcher, built at all, not up to date services
    if ! $wants_help || [ "$jar" = "$launcher" ]; then needs_build=true; fi
  elif $wants_help; then
    continue
  elif [ -n "$(find . -path ./.git -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.json' -o -name 'pom.xml' \) \
                -path '*/src/*' -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "Building Vigía (./mvnw -DskipTests package)..."
  ./mvnw -B -ntp -q -DskipTests package
fi

exec java ${VIGIA_DEVSTACK_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Dvigia.repo="$PWD" -jar "$launcher" "$@"
