package co.vigia.web.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notify-service said no (a 4xx): its status, its problem's detail, and each invalid field with notify-service's
 * reason ({@code url} → "host 10.0.0.1 is a private address (RFC 1918), which webhooks may not reach"), so a form
 * shows each reason beside its field.
 */
public class NotifyRefusal extends RuntimeException {

    private final int status;
    private final String detail;
    private final Map<String, String> fields;

    public NotifyRefusal(int status, String detail, Map<String, String> fields) {
        super("notify-service answered " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
    }

    /** Reads an RFC 9457 problem (with its {@code errors} list, if any) from notify-service's 4xx. */
    static NotifyRefusal of(HttpClientErrorException e, JsonMapper json) {
        String detail = e.getStatusText();
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            detail = problem.path("detail").asString(detail);
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asString("");
                // eventTypes[1] belongs to the eventTypes field of the form
                fields.merge(field.replaceFirst("\\[\\d+]$", ""), error.path("message").asString(""),
                        (a, b) -> a + "; " + b);
            }
        } catch (RuntimeException notJson) {
            // a body that is not a problem: the status says enough
        }
        return new NotifyRefusal(e.getStatusCode().value(), detail, fields);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
