package co.vigia.notify.email;

import co.vigia.contracts.EventCodec;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a bill's facts from bill-service ({@code GET /api/bills/{id}}) behind a circuit breaker, each kept a minute.
 * A bill-service that does not answer is {@link Unavailable}: callers that need the facts to decide (a topic
 * follow) try again later; callers that only name the bill fall back to its id.
 */
public class BillFactsClient {

    /** bill-service did not answer (down, slow, breaker open). */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CircuitBreaker breaker = CircuitBreaker.of("bill-facts", CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).waitDurationInOpenState(Duration.ofSeconds(10)).build());
    private final Cache<String, Optional<BillFacts>> cache = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public BillFactsClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The bill's facts, or empty when bill-service does not know it. */
    public Optional<BillFacts> facts(String billId) {
        Optional<BillFacts> cached = cache.getIfPresent(billId);
        if (cached != null) {
            return cached;
        }
        Optional<BillFacts> read;
        try {
            read = breaker.executeCallable(() -> fetch(billId));
        } catch (CallNotPermittedException e) {
            throw new Unavailable("bill-service's circuit breaker is open", e);
        } catch (Exception e) {
            throw new Unavailable("bill-service did not answer for " + billId + ": " + e, e);
        }
        cache.put(billId, read);
        return read;
    }

    /** The facts, or only the id when bill-service does not know the bill or does not answer. */
    public BillFacts factsOrId(String billId) {
        try {
            return facts(billId).orElseGet(() -> BillFacts.unknown(billId));
        } catch (Unavailable e) {
            return BillFacts.unknown(billId);
        }
    }

    private Optional<BillFacts> fetch(String billId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/bills/"
                        + URLEncoder.encode(billId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("bill-service answered " + response.statusCode());
        }
        return Optional.of(parse(EventCodec.mapper().readTree(response.body())));
    }

    static BillFacts parse(JsonNode bill) {
        Map<String, String> numbers = new LinkedHashMap<>();
        bill.path("numbers").properties().forEach(e -> numbers.put(e.getKey(), e.getValue().asString()));
        List<String> topics = new ArrayList<>();
        bill.path("topics").forEach(t -> topics.add(t.asString()));
        List<BillFacts.UpcomingDeadline> deadlines = new ArrayList<>();
        bill.path("deadlines").forEach(d -> deadlines.add(new BillFacts.UpcomingDeadline(d.path("kind").asString(),
                LocalDate.parse(d.path("dueOn").asString()), d.path("article").asString(),
                d.path("description").asString())));
        return new BillFacts(bill.path("id").asString(), text(bill, "title"), text(bill, "originChamber"), numbers,
                topics, deadlines);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
