package co.vigia.web.ops.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4), the part the services' {@code /actuator/prometheus}
 * emits: comments, {@code name{label="value",...} value [timestamp]}, escaped label values, NaN and ±Inf. A line it
 * cannot read is skipped rather than failing the whole scrape: one odd metric must not blank the console.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        if (text == null) {
            return samples;
        }
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Sample sample = parseLine(trimmed);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    static Sample parseLine(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = readLabels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        Double value = value(rest[0]);
        return value == null ? null : new Sample(name, labels, value);
    }

    /** Reads {@code key="value",...}} from {@code start}; returns the index after the closing brace, or -1. */
    private static int readLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                return -1;
            }
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            boolean closed = false;
            while (j < line.length()) {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(j + 1);
                    value.append(escaped == 'n' ? '\n' : escaped);
                    j += 2;
                } else if (v == '"') {
                    closed = true;
                    j++;
                    break;
                } else {
                    value.append(v);
                    j++;
                }
            }
            if (!closed) {
                return -1;
            }
            labels.put(key, value.toString());
            i = j;
        }
        return -1;
    }

    private static Double value(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }
}
