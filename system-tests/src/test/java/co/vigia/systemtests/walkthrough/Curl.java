package co.vigia.systemtests.walkthrough;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A curl command line as curl reads it, with the options the walkthroughs use: {@code -X}, {@code -H},
 * {@code -d}/{@code --data}/{@code --data-binary}, {@code -i}, {@code -o /dev/null}, {@code -w} (with
 * {@code %{http_code}} and {@code %header{name}}), {@code -s}/{@code -S}/{@code -f} (no effect here). Like curl,
 * {@code -d} without {@code -X} is a POST, and without a Content-Type header it sends a form's content type.
 */
public record Curl(String method, String url, Map<String, String> headers, String body, boolean include,
                   boolean discardBody, String writeOut) {

    public static Curl of(List<String> args) {
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        boolean include = false;
        boolean discard = false;
        String writeOut = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-X", "--request" -> method = args.get(++i);
                case "-H", "--header" -> {
                    String header = args.get(++i);
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
                }
                case "-d", "--data", "--data-binary", "--data-raw" -> body = args.get(++i);
                case "-o", "--output" -> discard = "/dev/null".equals(args.get(++i));
                case "-w", "--write-out" -> writeOut = args.get(++i);
                default -> {
                    if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 1) {
                        for (char flag : arg.substring(1).toCharArray()) {
                            if (flag == 'i') {
                                include = true;
                            } else if ("sSfL".indexOf(flag) < 0) {
                                throw new IllegalArgumentException("curl option -" + flag + " is not known to the runner");
                            }
                        }
                    } else if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("curl option " + arg + " is not known to the runner");
                    } else {
                        url = arg;
                    }
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl without a URL: " + args);
        }
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, body, include, discard,
                writeOut);
    }

    /** What curl prints: the body (after the headers with -i) unless discarded, then the -w output. */
    public String output(int status, Map<String, List<String>> responseHeaders, String responseBody) {
        StringBuilder out = new StringBuilder();
        if (include) {
            out.append("HTTP/1.1 ").append(status).append('\n');
            responseHeaders.forEach((name, values) -> values.forEach(v -> out.append(name).append(": ").append(v).append('\n')));
            out.append('\n');
        }
        if (!discardBody) {
            out.append(responseBody);
        }
        if (writeOut != null) {
            String w = writeOut.replace("%{http_code}", String.valueOf(status)).replace("\\n", "\n");
            java.util.regex.Matcher header = java.util.regex.Pattern.compile("%header\\{([^}]+)}").matcher(w);
            StringBuilder expanded = new StringBuilder();
            while (header.find()) {
                List<String> values = new ArrayList<>();
                responseHeaders.forEach((name, v) -> {
                    if (name.equalsIgnoreCase(header.group(1))) {
                        values.addAll(v);
                    }
                });
                header.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(String.join(", ", values)));
            }
            header.appendTail(expanded);
            out.append(expanded);
        }
        return out.toString();
    }
}
