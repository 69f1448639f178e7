package co.vigia.notify.event;

import co.vigia.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook body, {@code {"type","timestamp","data"}}: the event's thin data record (ids, stage, outcome) plus
 * {@code url}, where the full record is: a bill, a vote or an objection. Plain Java.
 */
public final class WebhookPayload {

    /** Bodies stay under this size; an oversized data record keeps only its ids and the URL. */
    public static final int MAX_BYTES = 20 * 1024;

    private final String billBaseUrl;
    private final String voteBaseUrl;

    public WebhookPayload(String billBaseUrl, String voteBaseUrl) {
        this.billBaseUrl = trimSlash(billBaseUrl);
        this.voteBaseUrl = trimSlash(voteBaseUrl);
    }

    public String body(StoredEvent event) {
        JsonNode parsed = EventCodec.mapper().readTree(event.data());
        ObjectNode data = parsed instanceof ObjectNode object ? object : EventCodec.mapper().createObjectNode();
        String url = url(event.type(), data);
        if (url != null) {
            data.put("url", url);
        }
        String body = write(event, data);
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            ObjectNode thin = EventCodec.mapper().createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = data.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().endsWith("Id") || field.getKey().equals("url")) {
                    thin.set(field.getKey(), field.getValue());
                }
            }
            body = write(event, thin);
        }
        return body;
    }

    /** The full record's URL for the bill, vote and objection families; null for webhook-only events. */
    String url(String type, JsonNode data) {
        for (Link link : List.of(new Link("co.vigia.bill.", billBaseUrl + "/api/bills/", "billId"),
                new Link("co.vigia.vote.", voteBaseUrl + "/api/votes/", "voteId"),
                new Link("co.vigia.objection.", voteBaseUrl + "/api/objections/", "objectionId"))) {
            if (type.startsWith(link.typePrefix) && data.hasNonNull(link.idField)) {
                return link.base + java.net.URLEncoder.encode(data.get(link.idField).asString(), StandardCharsets.UTF_8)
                        .replace("+", "%20");
            }
        }
        return null;
    }

    private static String write(StoredEvent event, ObjectNode data) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.time().toString());
        body.set("data", data);
        return EventCodec.mapper().writeValueAsString(body);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Link(String typePrefix, String base, String idField) {
    }
}
