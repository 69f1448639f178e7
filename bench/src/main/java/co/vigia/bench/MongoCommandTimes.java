package co.vigia.bench;

import co.vigia.testsupport.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A profiling aid for {@code --only}: the MongoDB commands a service sent during a figure, by collection and command,
 * with the time it waited for them (the driver's {@code mongodb.driver.commands} timer, read from its Prometheus
 * endpoint before and after). Tells whether a figure waits on the database or on the service's own work.
 */
final class MongoCommandTimes {

    private static final Pattern LINE = Pattern.compile(
            "^mongodb_driver_commands_seconds_(count|sum)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(collection|command)=\"([^\"]*)\"");

    /** Count and seconds of each {@code collection command}. */
    record Snapshot(Map<String, double[]> byCommand) {

        /** What was sent between {@code before} and this, one line per command, busiest first. */
        String since(Snapshot before) {
            StringBuilder out = new StringBuilder();
            byCommand.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), minus(e.getValue(), before.byCommand.get(e.getKey()))))
                    .filter(e -> e.getValue()[0] > 0)
                    .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
                    .forEach(e -> out.append(String.format("%n  %-32s %7.0f commands %8.2f s  mean %6.2f ms",
                            e.getKey(), e.getValue()[0], e.getValue()[1], 1000 * e.getValue()[1] / e.getValue()[0])));
            return out.toString();
        }

        private static double[] minus(double[] now, double[] then) {
            return then == null ? now : new double[] {now[0] - then[0], now[1] - then[1]};
        }
    }

    private MongoCommandTimes() {
    }

    /** Reads the service's metrics, which are the operator's: hence its key. */
    static Snapshot read(String baseUrl, String operatorKey) {
        Map<String, double[]> byCommand = new TreeMap<>();
        try {
            String body = Api.HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + operatorKey).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher line = LINE.matcher(body);
            while (line.find()) {
                String collection = "?";
                String command = "?";
                Matcher label = LABEL.matcher(line.group(2));
                while (label.find()) {
                    if (label.group(1).equals("collection")) {
                        collection = label.group(2);
                    } else {
                        command = label.group(2);
                    }
                }
                double[] totals = byCommand.computeIfAbsent(collection + " " + command, k -> new double[2]);
                totals[line.group(1).equals("count") ? 0 : 1] += Double.parseDouble(line.group(3));
            }
        } catch (java.io.IOException e) {
            Bench.log("could not read " + baseUrl + "/actuator/prometheus: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Snapshot(byCommand);
    }
}
