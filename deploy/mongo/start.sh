#!/bin/bash
# MongoDB for docker-compose.yml: a one-node replica set with access control. A replica set with users needs a key file
# for its members' internal authentication; with one member it is made afresh at each start. The image's entrypoint
# creates the root user and runs init-users.js on the first start (an empty data directory).
set -euo pipefail
if [ -z "${MONGO_INITDB_ROOT_PASSWORD:-}" ]; then
  echo "mongo: MONGO_ROOT_PASSWORD is not set (see .env.example)" >&2
  exit 1
fi
install -d -m 700 -o mongodb -g mongodb /run/vigia
head -c 756 /dev/urandom | base64 -w0 > /run/vigia/keyfile
chown mongodb:mongodb /run/vigia/keyfile
chmod 400 /run/vigia/keyfile
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile /run/vigia/keyfile
