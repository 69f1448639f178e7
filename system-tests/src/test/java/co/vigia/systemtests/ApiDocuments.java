package co.vigia.systemtests;

import co.vigia.devstack.Service;
import co.vigia.systemtests.walkthrough.Runner;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI documents the services serve: written to {@code target/openapi/<service>.json}, linted with
 * Spectral's OpenAPI rules (npm's {@code @stoplight/spectral-cli}, installed by the build), and checked to
 * describe every request a walkthrough made: its operation, query parameters, body media type and the status
 * it answered, so that a client generated from the document can make the walkthroughs' calls.
 */
final class ApiDocuments {

    private final Map<Service, JsonNode> documents = new LinkedHashMap<>();
    private final Map<Service, String> baseUrls = new LinkedHashMap<>();

    ApiDocuments(TestStack stack, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        for (Service service : Service.values()) {
            Api.Response doc = new Api(stack.process(service).baseUrl(), null).get("/v3/api-docs").expect(200);
            Files.writeString(outDir.resolve(service.name().toLowerCase(Locale.ROOT) + "-service.json"), doc.body());
            documents.put(service, doc.json());
            baseUrls.put(service, stack.process(service).baseUrl());
        }
    }

    /** Runs Spectral on the written documents; returns its exit code and output. */
    static Map.Entry<Integer, String> spectral(Path repo, Path outDir) throws IOException, InterruptedException {
        Path dir = repo.resolve("system-tests/src/test/spectral");
        List<String> command = new ArrayList<>(List.of(dir.resolve("node_modules/.bin/spectral").toString(), "lint",
                "--ruleset", dir.resolve(".spectral.yaml").toString(), "--fail-severity", "warn",
                "--format", "stylish"));
        try (var files = Files.list(outDir)) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> command.add(p.toString()));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Map.entry(-1, out + "\n(timed out)");
        }
        return Map.entry(process.exitValue(), out);
    }

    /** Where the document does not describe a request a page made; empty when every one is described. */
    List<String> undescribed(List<Runner.Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        for (Runner.Exchange exchange : exchanges) {
            Service service = baseUrls.entrySet().stream().filter(e -> exchange.url().startsWith(e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (service == null) {
                continue;
            }
            java.net.URI uri = java.net.URI.create(exchange.url());
            String where = exchange.where() + " " + exchange.method() + " " + uri.getPath();
            JsonNode operation = operation(documents.get(service), exchange.method(), uri.getPath());
            if (operation == null) {
                problems.add(where + ": no such operation in " + service + "'s document");
                continue;
            }
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String name = pair.split("=")[0];
                    if (!declares(operation.path("parameters"), name)) {
                        problems.add(where + ": query parameter '" + name + "' is not declared");
                    }
                }
            }
            String contentType = exchange.headers().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
            if (exchange.body() != null && !operation.path("requestBody").path("content").has(contentType)) {
                problems.add(where + ": request body " + contentType + " is not declared");
            }
            if (!operation.path("responses").has(String.valueOf(exchange.status()))) {
                problems.add(where + ": response " + exchange.status() + " is not declared");
            }
        }
        return problems;
    }

    private static boolean declares(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (name.equals(parameter.path("name").asString()) && "query".equals(parameter.path("in").asString())) {
                return true;
            }
        }
        return false;
    }

    /** The operation whose path template matches {@code path}. */
    private static JsonNode operation(JsonNode document, String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String regex = java.util.regex.Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex) && entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return entry.getValue().get(method.toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }
}
