package co.vigia.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.contracts.bill.BillDeadlineApproaching;
import co.vigia.contracts.bill.BillDefectFlagged;
import co.vigia.contracts.bill.BillLapsed;
import co.vigia.contracts.bill.BillRegistered;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.contracts.objection.Stance;
import co.vigia.contracts.subscription.Ping;
import co.vigia.contracts.subscription.SubscriptionDisabled;
import co.vigia.contracts.vote.VoteTallied;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ContractsTests {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix("https://vigia.co/schemas/", "classpath:schemas/")));
    private static final Instant NOW = Instant.parse("2023-03-15T15:00:00Z");
    private static final LocalDate FILED = LocalDate.of(2023, 3, 15);

    /** One sample of every event type; the test below fails when a type is added without a sample. */
    static List<EventData> samples() {
        return List.of(
                new BillRegistered("sometimiento", "Sometimiento a la justicia", BillKind.ORDINARY, Chamber.SENATE,
                        "FILED", false, FILED),
                new BillStageChanged("sometimiento", BillKind.ORDINARY, "FILED", "FIRST_DEBATE", "ASSIGNED_TO_COMMITTEE",
                        "a-1", FILED),
                new BillActionRecorded("sometimiento", "a-1", "ASSIGNED_TO_COMMITTEE", FILED, "Comisión Primera",
                        "https://www.senado.gov.co/"),
                new BillDefectFlagged("sometimiento", "d-1", "ART_160_UNANNOUNCED_VOTE",
                        "the FIRST vote of 2023-04-12 was not announced for that session", "v-1",
                        "art. 160 (Acto Legislativo 01 de 2003)", LocalDate.of(2023, 4, 12),
                        List.of(new BillDefectFlagged.DefectFact(LocalDate.of(2023, 4, 4),
                                "the vote was announced for the session of 2023-04-11", "https://www.senado.gov.co/")),
                        true),
                new BillDeadlineApproaching("sometimiento", "LEGISLATURE_END", LocalDate.of(2023, 6, 20), 7, 7),
                new BillLapsed("sometimiento", "ART_162_LIMIT", LocalDate.of(2024, 6, 20), "SECOND_DEBATE"),
                new VoteTallied("v-1", "senado-2023-1", "sometimiento", Chamber.SENATE, "Comisión Primera",
                        Debate.FIRST, FILED, 23, 13, 4, 1, 5, 0, true, "SIMPLE", 10, VoteOutcome.PASSED, false),
                new ObjectionFiled("o-1", "sometimiento", ObjectionAuthor.ATTORNEY_GENERAL, "Francisco Barbosa",
                        ObjectionKind.OPINION, Stance.OPPOSES, List.of("art. 19"), FILED, "would pardon criminals",
                        null),
                new ObjectionResolved("o-2", "sometimiento", ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                        ObjectionResolution.OVERRIDDEN, FILED),
                new SubscriptionDisabled("s-1", "https://ngo.example/hook", "HTTP 410 Gone", NOW),
                new Ping("s-1", "hello"));
    }

    @Test
    void everyEventTypeHasASampleAndASchemaFile() {
        Set<EventType> sampled = samples().stream().map(d -> EventType.of(d.getClass()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        assertThat(sampled).containsExactlyInAnyOrder(EventType.values());
        for (EventType type : EventType.values()) {
            assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                    .as(type.schemaResource()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordSerialisesToJsonValidAgainstItsSchemaAndTheEnvelopeSchema(EventData data) {
        CloudEvent event = EventCodec.create("/vigia/test", data, NOW);
        JsonNode json = EventCodec.mapper().readTree(EventCodec.write(event));

        assertThat(errors("schemas/cloudevent/v1.json", json)).isEmpty();
        assertThat(errors(event.knownType().orElseThrow().schemaResource(), json.get("data"))).isEmpty();
        assertThat(json.get("dataschema").asString()).isEqualTo(SCHEMA_BASE_OF(event));
        assertThat(json.get("subject").asString()).isEqualTo(data.subject());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordSurvivesARoundTrip(EventData data) {
        CloudEvent event = EventCodec.create("/vigia/test", data, NOW);
        CloudEvent back = EventCodec.read(EventCodec.writeBytes(event));
        assertThat(back.id()).isEqualTo(event.id());
        assertThat(back.time()).isEqualTo(NOW);
        assertThat(EventCodec.data(back, data.getClass())).isEqualTo(data);
    }

    @Test
    void theCloudEventsSdkReadsOurEnvelope() {
        VoteTallied data = (VoteTallied) samples().get(6);
        CloudEvent event = EventCodec.create("/vigia/vote-service", data, NOW);
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

        io.cloudevents.CloudEvent sdk = format.deserialize(EventCodec.writeBytes(event));

        assertThat(sdk.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(sdk.getId()).isEqualTo(event.id());
        assertThat(sdk.getType()).isEqualTo("co.vigia.vote.tallied");
        assertThat(sdk.getSource().toString()).isEqualTo("/vigia/vote-service");
        assertThat(sdk.getSubject()).isEqualTo("sometimiento");
        assertThat(sdk.getTime().toInstant()).isEqualTo(NOW);
        assertThat(sdk.getDataSchema().toString()).isEqualTo(event.dataschema());
        assertThat(new String(sdk.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"outcome\":\"PASSED\"");
    }

    @Test
    void anUnknownExtraFieldInIncomingJsonIsTolerated() {
        CloudEvent event = EventCodec.create("/vigia/bill-service", samples().get(0), NOW);
        ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(event));
        json.put("vigiatraceid", "abc");                       // a CloudEvents extension attribute
        ((ObjectNode) json.get("data")).put("addedInV2", 42);  // a field a newer producer adds
        ((ObjectNode) json.get("data")).put("kind", "SOME_FUTURE_KIND");

        CloudEvent back = EventCodec.read(EventCodec.mapper().writeValueAsBytes(json));
        BillRegistered data = EventCodec.data(back, BillRegistered.class);

        assertThat(data.billId()).isEqualTo("sometimiento");
        assertThat(data.kind()).as("an enum value this version does not know reads as null").isNull();
    }

    @Test
    void somethingThatIsNotACloudEventIsRefusedClearly() {
        assertThatThrownBy(() -> EventCodec.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a CloudEvent");
        assertThatThrownBy(() -> EventCodec.read("{\"type\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSchemasRefuseWhatTheContractForbids() {
        JsonNode missingOutcome = EventCodec.mapper().readTree("{\"voteId\":\"v\",\"billId\":\"b\"}");
        assertThat(errors(EventType.VOTE_TALLIED.schemaResource(), missingOutcome)).isNotEmpty();
    }

    @Test
    void everyTopicHasItsDeadLetterTopic() {
        assertThat(Topics.ALL).containsExactly("bill-events", "vote-events", "objection-events");
        assertThat(Topics.ALL.stream().map(Topics::deadLetter))
                .containsExactly("bill-events.DLT", "vote-events.DLT", "objection-events.DLT");
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.topic() != null).map(EventType::topic))
                .allMatch(Topics.ALL::contains);
    }

    private static String SCHEMA_BASE_OF(CloudEvent event) {
        return "https://vigia.co/schemas/" + event.type() + "/v" + event.knownType().orElseThrow().schemaVersion() + ".json";
    }

    private static List<Error> errors(String resource, JsonNode json) {
        try (InputStream in = ContractsTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Schema schema = SCHEMAS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            return schema.validate(json, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
