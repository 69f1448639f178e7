#!/bin/bash
# Kafka for docker-compose.yml: one KRaft node (broker and controller) whose clients authenticate with SASL/SCRAM-SHA-512.
# The users (the broker's own "admin" and one per service) are written when the storage is formatted, the first start;
# the controller listens on loopback only. Passwords come from the environment (.env.example); letters and digits only.
set -euo pipefail
for var in KAFKA_CLUSTER_ID KAFKA_ADMIN_PASSWORD VIGIA_BILL_KAFKA_PASSWORD VIGIA_VOTE_KAFKA_PASSWORD VIGIA_NOTIFY_KAFKA_PASSWORD; do
  if [ -z "${!var:-}" ]; then
    echo "kafka: $var is not set (see .env.example)" >&2
    exit 1
  fi
done
scram() { echo "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$2\";"; }

props=/tmp/server.properties
cat > "$props" <<PROPS
node.id=1
process.roles=broker,controller
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
controller.listener.names=CONTROLLER
controller.quorum.voters=1@127.0.0.1:9093
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$(scram admin "$KAFKA_ADMIN_PASSWORD")
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
num.partitions=6
log.retention.hours=720
PROPS
chmod 600 "$props"

# what the health check connects with
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(scram admin "$KAFKA_ADMIN_PASSWORD")
PROPS
chmod 600 /tmp/admin.properties

# --add-scram takes effect on the first format only; later password changes: kafka-configs.sh --alter --entity-type users
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$KAFKA_CLUSTER_ID" --config "$props" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=vigia-bill,password=$VIGIA_BILL_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=vigia-vote,password=$VIGIA_VOTE_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=vigia-notify,password=$VIGIA_NOTIFY_KAFKA_PASSWORD]"
exec /opt/kafka/bin/kafka-server-start.sh "$props"
