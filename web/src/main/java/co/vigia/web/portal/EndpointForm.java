package co.vigia.web.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "add an endpoint" form: its URL, the event types and bills chosen, a description. */
public class EndpointForm {

    private String url = "";
    private List<String> eventTypes = new ArrayList<>();
    private List<String> billIds = new ArrayList<>();
    private String description = "";

    /** What the form lacks before notify-service is asked: field → bundle key. */
    Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        if (url == null || url.isBlank()) {
            missing.put("url", "portal.endpoint.url.required");
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            missing.put("eventTypes", "portal.endpoint.eventTypes.required");
        }
        return missing;
    }

    /** notify-service's request body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.trim());
        body.put("eventTypes", eventTypes.contains(EventTypeChoices.ALL) ? List.of(EventTypeChoices.ALL) : eventTypes);
        body.put("billIds", billIds == null ? List.of() : billIds);
        if (description != null && !description.isBlank()) {
            body.put("description", description.trim());
        }
        return body;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null ? new ArrayList<>() : eventTypes;
    }

    public List<String> getBillIds() {
        return billIds;
    }

    public void setBillIds(List<String> billIds) {
        this.billIds = billIds == null ? new ArrayList<>() : billIds;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
