package co.vigia.systemtests.walkthrough;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What a page says a request returns: a comment starting with {@code →} after the curl (on its line, or on the
 * comment lines right after it), as {@code → STATUS [media/type] [Header: value,] [body]}, e.g.
 * {@code # → 409 application/problem+json {"currentStage":"FIRST_DEBATE", ...}}. The body may go on over the
 * following comment lines; text after it is prose. A JSON body is a {@link Pattern}; a body starting with
 * {@code <} is text whose pieces between ellipses must appear in order. A curl without {@code →} must answer 2xx.
 */
public record Expectation(Integer status, String mediaType, Map<String, String> headers, Pattern json, String text,
                          String source) {

    private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile(
            "^(\\d{3})[,;]?\\s*((?:application|text)/[\\w.+-]+)?[,;]?\\s*");
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile(
            "^([A-Za-z][\\w-]*):\\s*(\"[^\"]*\"|[^,\\s]+)[,;]?\\s*");

    public static final Expectation ANY_2XX = new Expectation(null, null, Map.of(), null, null, "2xx");

    /** The expectation in a command's comments, or {@link #ANY_2XX}. */
    public static Expectation of(List<String> comments) {
        for (int i = 0; i < comments.size(); i++) {
            String comment = comments.get(i);
            int arrow = comment.indexOf('→');
            if (arrow < 0) {
                continue;
            }
            StringBuilder rest = new StringBuilder(comment.substring(arrow + 1).strip());
            for (int j = i + 1; j < comments.size() && !comments.get(j).contains("→"); j++) {
                rest.append('\n').append(comments.get(j));
            }
            return parse(rest.toString());
        }
        return ANY_2XX;
    }

    static Expectation parse(String text) {
        Matcher head = HEAD.matcher(text);
        if (!head.find()) {
            throw new IllegalArgumentException("an expectation starts with a status code: → " + text);
        }
        int status = Integer.parseInt(head.group(1));
        String mediaType = head.group(2);
        String rest = text.substring(head.end());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Matcher header = HEADER.matcher(rest); header.find(); header = HEADER.matcher(rest)) {
            String value = header.group(2);
            headers.put(header.group(1).toLowerCase(), value);
            rest = rest.substring(header.end());
        }
        // the body starts on the arrow's line, or on the next line if that line starts with it
        String firstLine = rest.lines().findFirst().orElse("").strip();
        String body = firstLine.isEmpty() && rest.contains("\n") ? rest.substring(rest.indexOf('\n') + 1).strip()
                : rest.strip();
        if (body.startsWith("{") || body.startsWith("[")) {
            Pattern.Parsed parsed = Pattern.parse(body.replace('\n', ' '));
            return new Expectation(status, mediaType, headers, parsed.pattern(), null, text);
        }
        if (body.startsWith("<")) {
            return new Expectation(status, mediaType, headers, null, body.lines().findFirst().orElse("").strip(), text);
        }
        return new Expectation(status, mediaType, headers, null, null, text);
    }

    /** Where {@code response} differs from this expectation; empty when it matches. */
    public List<String> mismatches(int actualStatus, Map<String, List<String>> actualHeaders, String body) {
        List<String> problems = new ArrayList<>();
        if (status == null ? actualStatus / 100 != 2 : actualStatus != status) {
            problems.add("status: expected " + (status == null ? "2xx" : status) + ", got " + actualStatus);
            return problems;
        }
        if (mediaType != null) {
            String contentType = first(actualHeaders, "content-type");
            if (contentType == null || !contentType.startsWith(mediaType)) {
                problems.add("Content-Type: expected " + mediaType + ", got " + contentType);
            }
        }
        headers.forEach((name, value) -> {
            String actual = first(actualHeaders, name);
            if (actual == null || !Pattern.Text.matches(value, actual)) {
                problems.add(name + ": expected " + value + ", got " + actual);
            }
        });
        if (json != null) {
            try {
                json.match(Json.MAPPER.readTree(body), "$", problems);
            } catch (RuntimeException e) {
                problems.add("body: expected JSON, got " + body);
            }
        }
        if (text != null && !Pattern.Text.matches("…" + text.replace("...", "…") + "…", body.replace("\n", ""))) {
            problems.add("body: expected " + text + ", got " + body);
        }
        return problems;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
