package co.vigia.contracts;

import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.contracts.bill.BillDeadlineApproaching;
import co.vigia.contracts.bill.BillDefectFlagged;
import co.vigia.contracts.bill.BillLapsed;
import co.vigia.contracts.bill.BillRegistered;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.contracts.subscription.Ping;
import co.vigia.contracts.subscription.SubscriptionDisabled;
import co.vigia.contracts.vote.VoteTallied;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the published language: its CloudEvents {@code type}, the topic it travels on
 * ({@code null} for the ones that exist only as webhooks), its data record and its schema version.
 */
public enum EventType {
    BILL_REGISTERED("co.vigia.bill.registered", Topics.BILL_EVENTS, BillRegistered.class, 1),
    BILL_STAGE_CHANGED("co.vigia.bill.stage-changed", Topics.BILL_EVENTS, BillStageChanged.class, 1),
    BILL_ACTION_RECORDED("co.vigia.bill.action-recorded", Topics.BILL_EVENTS, BillActionRecorded.class, 1),
    BILL_DEFECT_FLAGGED("co.vigia.bill.defect-flagged", Topics.BILL_EVENTS, BillDefectFlagged.class, 2),
    BILL_DEADLINE_APPROACHING("co.vigia.bill.deadline-approaching", Topics.BILL_EVENTS, BillDeadlineApproaching.class, 1),
    BILL_LAPSED("co.vigia.bill.lapsed", Topics.BILL_EVENTS, BillLapsed.class, 1),
    VOTE_TALLIED("co.vigia.vote.tallied", Topics.VOTE_EVENTS, VoteTallied.class, 2),
    OBJECTION_FILED("co.vigia.objection.filed", Topics.OBJECTION_EVENTS, ObjectionFiled.class, 1),
    OBJECTION_RESOLVED("co.vigia.objection.resolved", Topics.OBJECTION_EVENTS, ObjectionResolved.class, 1),
    /** Webhook only: tells a subscriber that one of its endpoints was disabled. */
    SUBSCRIPTION_DISABLED("co.vigia.subscription.disabled", null, SubscriptionDisabled.class, 1),
    /** Webhook only: sent by {@code POST /api/subscriptions/{id}/test}. */
    PING("co.vigia.ping", null, Ping.class, 1);

    /** Base of every {@code dataschema} URI; the file is {@code schemas/<type>/v<version>.json} in this jar. */
    public static final String SCHEMA_BASE = "https://vigia.co/schemas/";

    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataClass;
    private final int schemaVersion;

    EventType(String type, String topic, Class<? extends EventData> dataClass, int schemaVersion) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.schemaVersion = schemaVersion;
    }

    public String type() {
        return type;
    }

    /** The Kafka topic, or {@code null} for webhook-only types. */
    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Classpath resource of this type's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + "/v" + schemaVersion + ".json";
    }

    public String dataschema() {
        return SCHEMA_BASE + type + "/v" + schemaVersion + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<? extends EventData> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass.equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass));
    }
}
