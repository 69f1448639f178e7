package co.vigia.systemtests;

import co.vigia.testsupport.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a test sent and what arrived: events sent, deliveries expected, received, duplicates (a
 * {@code webhook-id} seen more than once at one endpoint) and lost (expected, never received). Each test
 * prints it and appends it to {@code target/system-tests/accounting.md}.
 */
record Accounting(String test, long sent, long expected, long received, long duplicates, long lost, String note) {

    static final Path REPORT = Path.of("target", "system-tests", "accounting.md");

    /** @param expectedIds per endpoint, the webhook-ids it must receive */
    static Accounting of(String test, long sent, Map<String, ? extends Collection<String>> expectedIds,
                         List<WebhookReceiver.Received> received, String note) {
        Map<String, Set<String>> seen = new HashMap<>();
        long duplicates = 0;
        long counted = 0;
        for (WebhookReceiver.Received r : received) {
            if (!expectedIds.containsKey(r.endpoint())) {
                continue;
            }
            counted++;
            if (!seen.computeIfAbsent(r.endpoint(), k -> new HashSet<>()).add(r.webhookId())) {
                duplicates++;
            }
        }
        long expected = 0;
        long lost = 0;
        for (Map.Entry<String, ? extends Collection<String>> e : expectedIds.entrySet()) {
            Set<String> got = seen.getOrDefault(e.getKey(), Set.of());
            for (String id : new HashSet<>(e.getValue())) {
                expected++;
                if (!got.contains(id)) {
                    lost++;
                }
            }
        }
        Accounting accounting = new Accounting(test, sent, expected, counted, duplicates, lost, note);
        accounting.report();
        return accounting;
    }

    void report() {
        String line = String.format("| %s | %d | %d | %d | %d | %d | %s |%n", test, sent, expected, received, duplicates,
                lost, note == null ? "" : note);
        System.out.print("ACCOUNTING " + line);
        try {
            Files.createDirectories(REPORT.getParent());
            if (!Files.exists(REPORT)) {
                Files.writeString(REPORT, "| test | events sent | deliveries expected | received | duplicates | lost | note |\n"
                        + "|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(REPORT, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
