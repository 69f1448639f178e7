package co.vigia.notify.delivery;

/** Why a delivery exists. */
public enum DeliveryTrigger {
    /** An event from Kafka matched the subscription. */
    EVENT,
    /** {@code POST /api/deliveries/{id}/redeliver}. */
    REDELIVERY,
    /** {@code POST /api/subscriptions/{id}/replay}. */
    REPLAY,
    /** {@code POST /api/subscriptions/{id}/test}. */
    PING,
    /** Another endpoint of the same subscriber was disabled. */
    NOTICE
}
