package co.vigia.notify.event;

import co.vigia.contracts.EventType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The webhooks notify-service sends, as OpenAPI 3.1 {@code webhooks}: one per event type, with the Standard
 * Webhooks headers and the body {@link WebhookPayload} writes. Each event's {@code data} schema is the contracts
 * module's JSON Schema itself, read from its jar, so the document and the events cannot disagree.
 */
@Component
public final class WebhookDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(t -> "webhooks".equals(t.getName()))) {
            openApi.addTagsItem(new Tag().name("webhooks").description("What Vigía POSTs to a subscription's URL"));
        }
        for (EventType type : EventType.values()) {
            String name = type.type() + ".v" + type.schemaVersion();
            components.addSchemas(name, contractSchema(type));
            openApi.addWebhooks(type.type(), new PathItem().post(operation(type, name)));
        }
    }

    private static Operation operation(EventType type, String schemaName) {
        Schema<?> data = new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + schemaName),
                object(Map.of("url", string("uri", "Where the full record is: the bill, the vote (/api/votes/{voteId}) "
                        + "or the objection (/api/objections/{objectionId}); absent for webhook-only types.")))));
        data.description(type.dataClass().getSimpleName() + ": the event's data as published (schema "
                + type.dataschema() + "), plus `url`. A body over 20 kB keeps only the ids and `url`.");
        Schema<?> body = object(Map.of(
                "type", new Schema<>().types(Set.of("string")).type("string")._const(type.type())
                        .description("The event type."),
                "timestamp", string("date-time", "When the event happened (the CloudEvent's time)."),
                "data", data));
        body.required(List.of("type", "timestamp", "data"));
        String where = type.topic() == null ? "It exists only as a webhook." : "Published on Kafka topic `"
                + type.topic() + "` and delivered to every subscription matching its type and bill.";
        return new Operation().operationId("webhook-" + type.type().replace('.', '-'))
                .summary("Webhook " + type.type())
                .description("Vigía sends this `POST` to the subscription's URL. " + where + " Verify "
                        + "`webhook-signature` with the subscription's secret (any Standard Webhooks library), "
                        + "deduplicate on `webhook-id`, and answer 2xx within 15 s.")
                .tags(List.of("webhooks"))
                .addParametersItem(header("webhook-id", "The event id: the same on every retry, redelivery and "
                        + "replay; deduplicate on it.", "5b0c2d7e-8f1a-4b3c-9d4e-5f6a7b8c9d0e"))
                .addParametersItem(header("webhook-timestamp", "Seconds since the epoch when this attempt was "
                        + "signed; reject ones far from now.", "1700000000"))
                .addParametersItem(header("webhook-signature", "`v1,` + base64 HMAC-SHA256 of "
                        + "`webhook-id.webhook-timestamp.body` with the secret's bytes; two, space-separated, "
                        + "during a secret rotation.", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(body))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Received (any 2xx). Anything else, "
                                + "a 3xx included, is a failure and is retried for days."))
                        .addApiResponse("410", new ApiResponse().description("Gone: the subscription is disabled "
                                + "at once.")));
    }

    /** The contracts jar's JSON Schema of {@code type}'s data, without its document-level {@code $schema}/{@code $id}. */
    static Schema<?> contractSchema(EventType type) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema " + type.schemaResource() + " in contracts");
            }
            ObjectNode json = (ObjectNode) Json31.mapper().readTree(in);
            json.remove(List.of("$schema", "$id"));
            return Json31.mapper().treeToValue(json, Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema<?> object(Map<String, Schema> properties) {
        Schema<?> schema = new Schema<>().types(Set.of("object")).type("object");
        properties.forEach(schema::addProperty);
        return schema;
    }

    private static Schema<?> string(String format, String description) {
        return new Schema<>().types(Set.of("string")).type("string").format(format).description(description);
    }

    private static HeaderParameter header(String name, String description, String example) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).required(true).description(description).example(example)
                .schema(new Schema<>().types(Set.of("string")).type("string"));
        return header;
    }
}
