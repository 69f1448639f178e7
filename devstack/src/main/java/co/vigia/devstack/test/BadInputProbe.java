package co.vigia.devstack.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends bad input to every operation a service's {@code /v3/api-docs} describes: for every parameter wrong types,
 * huge and empty values, broken encodings ({@code %}, {@code %zz}, {@code %00}, {@code %2F}, {@code %5C}), dates out
 * of range and control characters; for every JSON body invalid JSON, duplicate keys, trailing data, deep nesting and
 * each property given the wrong type; each without a key, with a wrong key and with a valid one. An answer is wrong
 * when it is a 5xx, a 4xx that is not {@code application/problem+json} in UTF-8, or names an internal class.
 */
public final class BadInputProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parameter values, already written as they go into the URL. */
    static final List<String> VALUES = List.of("notanumber", "12345", "-1", "1.5", "true", "99999999999999999999999",
            "", "a".repeat(8000), "%", "%zz", "%00", "%2F", "%5C", "%C3%28", "..%2F..%2F", "%E2%80%AE", "%01%7F",
            "-999999999-01-01", "%2B999999999-12-31T00%3A00%3A00Z", "0000-00-00", "null", "%7B%7D", "%5B%5D");

    static final List<String> BODIES = List.of("", "{", "}", "[]", "null", "\"text\"", "12", "{\"a\":1,\"a\":2}",
            "{} {}", "{}]", "[" .repeat(5000), "{\"a\":\"\u0000\u202e\"}", "\u00ff\u00fe", "{\"a\":1e999999}");

    private final String host;
    private final int port;
    private final Map<String, Map<String, String>> keys;
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private boolean page; // the operation being probed answers text/html only

    /**
     * @param validKeys keys the service accepts (the operator's, a subscriber's), each sent as
     *                  {@code Authorization: Bearer}
     */
    public BadInputProbe(String host, int port, String... validKeys) {
        this.host = host;
        this.port = port;
        this.keys = new LinkedHashMap<>();
        keys.put("no key", Map.of());
        keys.put("wrong key", Map.of("Authorization", "Bearer wrong-key-0000000000"));
        for (int i = 0; i < validKeys.length; i++) {
            keys.put("valid key " + (i + 1), Map.of("Authorization", "Bearer " + validKeys[i]));
        }
    }

    /** What was sent and what was wrong. */
    public record Report(int sent, int operations, List<String> failures) {
    }

    public Report run() throws IOException {
        JsonNode docs = JSON.readTree(RawHttp.send(host, port, "GET", "/v3/api-docs", Map.of(), null).body());
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                page = answersPages(operation.getValue());
                probe(docs, path.getKey(), method, operation.getValue());
                page = false;
            }
        }
        for (String target : List.of("/actuator/health?x=%", "/actuator/health?x=%zz", "/api/x%00y", "/api/%2F",
                "/api/%5C", "/%00", "/api/..%2F..%2Fetc", "/actuator/health%00")) {
            check("GET", target, Map.of(), null);
        }
        for (String path : docs.path("paths").propertyNames()) {
            String target = fill(path, "x1");
            check("TRACE", target, Map.of(), null);
            check("GET", target + "%00", Map.of(), null);
            check("GET", target + "/%2F", Map.of(), null);
            check("GET", target + "?q=%&x=%zz", Map.of(), null);
        }
        return new Report(sent, operations, List.copyOf(failures));
    }

    /**
     * An operation whose success is only {@code text/html} is a page for people (an email's unsubscribe link): its
     * refusals are pages too, still never a 5xx.
     */
    private static boolean answersPages(JsonNode operation) {
        List<String> types = new ArrayList<>();
        operation.path("responses").properties().stream().filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> types.addAll(response.getValue().path("content").propertyNames()));
        return !types.isEmpty() && types.stream().allMatch(type -> type.startsWith("text/html"));
    }

    private void probe(JsonNode docs, String path, String method, JsonNode operation) throws IOException {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        JsonNode schema = bodySchema(docs, operation);
        String body = schema == null ? null : sample(docs, schema, 0).toString();
        for (Map<String, String> key : keys.values()) {
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asString("");
                String name = parameter.path("name").asString("");
                for (String value : VALUES) {
                    String target = switch (in) {
                        case "path" -> fill(path.replace("{" + name + "}", value), "x1");
                        case "query" -> fill(path, "x1") + "?" + name + "=" + value;
                        default -> null;
                    };
                    if (target != null) {
                        check(method, target, key, body);
                    }
                }
            }
            if (schema != null) {
                String target = fill(path, "x1");
                for (String bad : BODIES) {
                    check(method, target, key, bad);
                }
                for (String mutated : mutations(docs, schema)) {
                    check(method, target, key, mutated);
                }
            }
        }
    }

    /** The body with each property in turn given wrong values, a duplicate, or trailing data. */
    private List<String> mutations(JsonNode docs, JsonNode schema) {
        JsonNode base = sample(docs, schema, 0);
        List<String> bodies = new ArrayList<>();
        bodies.add(base + " x");
        if (base instanceof ObjectNode object) {
            List<Object> wrong = List.of(12345, 1.5, true, 1, "text", List.of(), Map.of(), "x".repeat(300_000),
                    "\u0000\u202e\u0007", "-999999999-01-01", "", Map.of("a", List.of(List.of(List.of()))));
            for (String property : object.propertyNames()) {
                for (Object value : wrong) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(property, JSON.valueToTree(value));
                    bodies.add(copy.toString());
                }
                String text = object.toString();
                bodies.add(text.substring(0, text.length() - 1) + ",\"" + property + "\":" + object.get(property) + "}");
            }
        }
        return bodies;
    }

    private static JsonNode bodySchema(JsonNode docs, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.path("application/json");
        return json.isMissingNode() ? null : resolve(docs, json.path("schema"));
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        String ref = schema.path("$ref").asString(null);
        return ref == null ? schema : docs.at(ref.substring(1));
    }

    /** A plausible value of this schema: the shape the operation expects, before the mutations. */
    private static JsonNode sample(JsonNode docs, JsonNode schema, int depth) {
        JsonNode resolved = resolve(docs, schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer", "number" -> JSON.valueToTree(1);
            case "boolean" -> JSON.valueToTree(true);
            case "array" -> depth > 3 ? JSON.createArrayNode()
                    : JSON.createArrayNode().add(sample(docs, resolved.path("items"), depth + 1));
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth <= 3) {
                    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                        object.set(property.getKey(), sample(docs, property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            default -> JSON.valueToTree("date".equals(resolved.path("format").asString(""))
                    ? "2024-03-01" : "date-time".equals(resolved.path("format").asString("")) ? "2024-03-01T00:00:00Z"
                    : "x1");
        };
    }

    private static String fill(String path, String value) {
        return path.replaceAll("\\{[^}]+}", value);
    }

    private void check(String method, String target, Map<String, String> key, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(key);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        RawHttp.Response response = RawHttp.send(host, port, method, target, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        sent++;
        String what = method + " " + shorten(target) + (key.isEmpty() ? "" : " (" + keyName(key) + ")")
                + (body == null ? "" : " body " + shorten(body)) + " -> " + response.status() + " "
                + response.contentType() + " " + shorten(response.body());
        if (response.status() >= 500) {
            failures.add("5xx: " + what);
        } else if (response.status() >= 400 && !(page && response.contentType().startsWith("text/html"))
                && (!response.contentType().startsWith("application/problem+json")
                || response.contentType().toUpperCase(java.util.Locale.ROOT).contains("ISO-8859-1"))) {
            failures.add("not problem+json: " + what);
        } else if (response.body().contains("co.vigia.") || response.body().contains("tools.jackson")
                || response.body().contains("java.lang.") || response.body().contains("Exception")) {
            failures.add("names a class: " + what);
        }
    }

    private String keyName(Map<String, String> key) {
        for (Iterator<Map.Entry<String, Map<String, String>>> it = keys.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Map<String, String>> entry = it.next();
            if (entry.getValue().equals(key)) {
                return entry.getKey();
            }
        }
        return "key";
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "...(" + oneLine.length() + ")" : oneLine;
    }
}
