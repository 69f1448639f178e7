#!/usr/bin/env bash
# Starts the whole of Vigía on this machine: a real Kafka broker (KRaft) and an embedded MongoDB server
# in one JVM, then bill-service, vote-service and notify-service as three JVMs, and the website (web, :8080).
# Ctrl-C stops everything.
# ./run-local.sh --help lists the options.
set -euo pipefail
cd "$(dirname "$0")"
. .mvn/java25.sh

launcher=devstack/target/devstack-0.1.0-SNAPSHOT-exec.jar
jars=("$launcher" bill-service/target/bill-service.jar vote-service/target/vote-service.jar notify-service/target/notify-service.jar
      web/target/web.jar)

needs_build=false
wants_help=false
for arg in "$@"; do
  case "$arg" in --help|-h) wants_help=true ;; esac
done
for jar in "${jars[@]}"; do
  # --help needs only the launcher, built at all, not up to date services
  if [ ! -f "$jar" ] && { ! $wants_help || [ "$jar" = "$launcher" ]; }; then needs_build=true; fi
done
# Sources changed since the last build: the stamp this script leaves after building, else the oldest jar (Maven
# leaves an up-to-date jar as it was, so comparing each jar would rebuild after every change elsewhere). node_modules
# (system-tests' schema validator, installed by the build) and target are not sources.
stamp=target/run-local/built
if ! $needs_build && ! $wants_help; then
  reference=$stamp
  [ -f "$stamp" ] || reference=$(ls -tr "${jars[@]}" | head -1)
  if [ -n "$(find . \( -path ./.git -o -name node_modules -o -name target \) -prune -o \
              \( \( -name '*.java' -o -name '*.yml' -o -name '*.json' -o -name '*.html' -o -name '*.css' -o -name '*.properties' \) -path '*/src/*' -o -name pom.xml \) \
              -newer "$reference" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
fi
if $needs_build; then
  echo "Building Vigía (./mvnw -DskipTests package)..."
  mkdir -p "$(dirname "$stamp")"
  touch "$stamp.new"
  ./mvnw -B -ntp -q -DskipTests package
  # stamped with the build's start: a source saved while it ran is newer, and the next start builds again
  mv "$stamp.new" "$stamp"
fi

exec java ${VIGIA_DEVSTACK_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Dvigia.repo="$PWD" -jar "$launcher" "$@"
