package co.vigia.systemtests.walkthrough;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Runs a page's commands in the order written, as a reader pasting them would, against a started stack:
 * assignments ({@code NAME=value}, {@code export}), curl (checked against its {@link Expectation}), curl piped
 * to {@code jq -r PATH} inside {@code NAME=$(...)} (captures a value for later commands), {@code echo}, and
 * {@code ./run-local.sh} ({@code --seed} loads the record once; the stack is already running). A read (GET)
 * is retried for up to 30 s until it matches, since what Kafka carries arrives a moment later. The URLs of a
 * local run ({@code http://localhost:8081}-{@code 8083}, the receiver on {@code :9000}) are rewritten to the
 * test's own. Stops at the first request that does not answer what the page says.
 */
public final class Runner {

    /** One request a page made and what came back, for checks beyond the page's own. */
    public record Exchange(Path where, String method, String url, Map<String, String> headers, String body,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** A page and line, for messages. */
    public record Path(String page, int line) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READ_PATIENCE = Duration.ofSeconds(30);

    private final Map<String, String> rewrites;
    private final Map<String, String> env;
    private final Runnable seed;
    private final Consumer<Exchange> listener;
    private boolean seeded;
    private String page;

    public Runner(Map<String, String> rewrites, Map<String, String> env, Runnable seed, Consumer<Exchange> listener) {
        this.rewrites = rewrites;
        this.env = new LinkedHashMap<>(env);
        this.seed = seed;
        this.listener = listener;
    }

    /** Runs every block of {@code page}; its variables start from the runner's environment. */
    public void run(Page walkthrough, String name) {
        page = name;
        Map<String, String> saved = new LinkedHashMap<>(env);
        try {
            for (Page.Block block : walkthrough.blocks()) {
                for (Script.Command command : block.commands()) {
                    execute(command, Expectation.of(command.comments()));
                }
            }
        } finally {
            env.clear();
            env.putAll(saved);
        }
    }

    private String execute(Script.Command command, Expectation expectation) {
        Path where = new Path(page, command.line());
        List<Script.Word> words = command.first();
        String name = words.get(0).literal();
        if ("export".equals(name) || isAssignment(words.get(0))) {
            for (Script.Word word : "export".equals(name) ? words.subList(1, words.size()) : words) {
                if (!isAssignment(word)) {
                    throw new AssertionError(where + ": the runner does not run a command after assignments: " + command);
                }
                assign(word, expectation, where);
            }
            return "";
        }
        List<String> args = new ArrayList<>();
        for (Script.Word word : words) {
            args.add(word.expand(env, sub -> substitute(sub, expectation, where)));
        }
        String output = switch (args.get(0)) {
            case "curl" -> curl(Curl.of(args), expectation, where);
            case "echo" -> String.join(" ", args.subList(1, args.size())) + "\n";
            case "./run-local.sh" -> {
                if (args.contains("--seed") && !seeded) {
                    seed.run();
                    seeded = true;
                }
                yield "";
            }
            default -> throw new AssertionError(where + ": the walkthrough runner does not run '" + args.get(0)
                    + "'; mark the block " + Page.SKIP + " if it is not a request");
        };
        for (List<Script.Word> filter : command.pipeline().subList(1, command.pipeline().size())) {
            String tool = filter.get(0).literal();
            if ("jq".equals(tool)) {
                output = jq(filter, output, where);
            } else if (!"grep".equals(tool) && !"head".equals(tool)) {
                throw new AssertionError(where + ": the runner does not pipe into '" + tool + "'");
            }
        }
        return output;
    }

    private static boolean isAssignment(Script.Word word) {
        return !word.parts().isEmpty() && word.parts().get(0) instanceof Script.Lit lit
                && lit.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    private void assign(Script.Word word, Expectation expectation, Path where) {
        Script.Lit head = (Script.Lit) word.parts().get(0);
        int eq = head.text().indexOf('=');
        List<Script.Part> value = new ArrayList<>(word.parts());
        value.set(0, new Script.Lit(head.text().substring(eq + 1)));
        env.put(head.text().substring(0, eq),
                new Script.Word(value).expand(env, sub -> substitute(sub, expectation, where)));
    }

    /** {@code $(...)}: the last command's output, without its trailing newlines, as the shell gives it. */
    private String substitute(String script, Expectation expectation, Path where) {
        String out = "";
        for (Script.Command command : Script.parse(script, where.line())) {
            out = execute(command, expectation);
        }
        return out.replaceAll("\n+$", "");
    }

    private String curl(Curl curl, Expectation expectation, Path where) {
        String url = rewrite(curl.url());
        Map<String, String> headers = new LinkedHashMap<>();
        curl.headers().forEach((k, v) -> headers.put(k, rewrite(v)));
        String body = curl.body() == null ? null : rewrite(curl.body());
        long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = send(curl.method(), url, headers, body, where);
            // the answer as a local run would give it: the page's URLs, not the test's ports
            String answer = unrewrite(response.body());
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> answerHeaders.put(k, v.stream().map(this::unrewrite).toList()));
            List<String> problems = expectation.mismatches(response.statusCode(), answerHeaders, answer);
            boolean read = curl.method().equals("GET");
            if (problems.isEmpty() || !read || System.nanoTime() > deadline) {
                listener.accept(new Exchange(where, curl.method(), url, headers, body, response.statusCode(),
                        response.headers().map(), response.body()));
                if (!problems.isEmpty()) {
                    throw new AssertionError(where + ": " + curl.method() + " " + url + " does not answer what the page"
                            + " says (→ " + expectation.source().replace('\n', ' ') + "):\n  " + String.join("\n  ", problems)
                            + "\n  the answer: " + response.statusCode() + " " + response.body());
                }
                return curl.output(response.statusCode(), answerHeaders, answer);
            }
            sleep();
        }
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, String body, Path where) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new AssertionError(where + ": curl to '" + url + "': is a variable in it not set?");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(where + ": " + method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String rewrite(String text) {
        String out = text;
        for (Map.Entry<String, String> r : rewrites.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        return out;
    }

    private String unrewrite(String text) {
        String out = text;
        for (Map.Entry<String, String> r : rewrites.entrySet()) {
            out = out.replace(r.getValue(), r.getKey());
        }
        return out;
    }

    /** {@code jq [-r] .path.to[0].field}: the paths the pages use to capture a value. */
    private static String jq(List<Script.Word> filter, String input, Path where) {
        boolean raw = false;
        String path = null;
        for (Script.Word word : filter.subList(1, filter.size())) {
            String arg = word.literal();
            if ("-r".equals(arg)) {
                raw = true;
            } else {
                path = arg;
            }
        }
        if (path == null || !path.matches("(\\.?\\[\\d+]|\\.[A-Za-z_][A-Za-z0-9_]*)+|\\.")) {
            throw new AssertionError(where + ": the runner's jq takes a path such as .a.b[0].c, not " + path);
        }
        JsonNode node = Json.MAPPER.readTree(input);
        java.util.regex.Matcher step = java.util.regex.Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]").matcher(path);
        while (step.find()) {
            node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new AssertionError(where + ": jq " + path + " found nothing in " + input);
        }
        return (raw && node.isString() ? node.asString() : node.toString()) + "\n";
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
