package co.vigia.web.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a form field was refused, as the form shows it beside the field: a sentence from the portal bundle and, when
 * notify-service gave one, its own reason (in English: the page marks it so for screen readers).
 */
public record FieldProblem(String messageKey, String reason) {

    static Map<String, FieldProblem> fromKeys(Map<String, String> keys) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        keys.forEach((field, key) -> problems.put(field, new FieldProblem(key, null)));
        return problems;
    }

    /** notify-service's field errors: {@code url} refused (SSRF, scheme, ...), event types, anything else. */
    static Map<String, FieldProblem> fromRefusal(NotifyRefusal refusal) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        refusal.fields().forEach((field, reason) -> problems.put(field, new FieldProblem(switch (field) {
            case "url" -> "portal.endpoint.url.refused";
            case "eventTypes" -> "portal.endpoint.eventTypes.refused";
            case "billIds" -> "portal.endpoint.billIds.refused";
            default -> "portal.endpoint.field.refused";
        }, reason)));
        return problems;
    }
}
