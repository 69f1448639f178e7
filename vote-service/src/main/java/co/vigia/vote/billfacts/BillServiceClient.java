package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Asks bill-service ({@code GET /api/bills/{id}}) for a bill's facts, behind a circuit breaker, with a
 * client timeout and a retry. A 404 (or a 400 refusing the id) is an answer, the bill does not exist, not a
 * failure.
 */
@Component
public class BillServiceClient {

    /** Name of the resilience4j circuit breaker and retry instances (see application.yml). */
    public static final String RESILIENCE_NAME = "billService";

    private static final Logger log = LoggerFactory.getLogger(BillServiceClient.class);

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    public BillServiceClient(BillServiceProperties properties, CircuitBreakerRegistry circuitBreakers,
                             RetryRegistry retries) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.url()).requestFactory(factory).build();
        this.circuitBreaker = circuitBreakers.circuitBreaker(RESILIENCE_NAME);
        this.retry = retries.retry(RESILIENCE_NAME);
    }

    public BillFactsLookup fetch(String billId) {
        Supplier<Optional<BillFacts>> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, () -> get(billId)));
        try {
            return guarded.get().<BillFactsLookup>map(BillFactsLookup.Known::new)
                    .orElseGet(() -> new BillFactsLookup.Unknown(billId));
        } catch (RuntimeException e) {
            log.debug("bill-service could not answer for {}: {}", billId, e.toString());
            return new BillFactsLookup.Unavailable(billId, "bill-service did not answer: " + e.getMessage());
        }
    }

    private Optional<BillFacts> get(String billId) {
        return http.get().uri("/api/bills/{id}", billId).accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    if (notABill(response.getStatusCode().value())) {
                        return Optional.empty();
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new BillServiceFailure("bill-service answered " + response.getStatusCode().value());
                    }
                    JsonNode bill = response.bodyTo(JsonNode.class);
                    if (bill == null) {
                        throw new BillServiceFailure("bill-service answered without a body");
                    }
                    BillKind kind = parseKind(bill.path("kind").asString(null));
                    return Optional.of(new BillFacts(billId, kind, bill.path("stage").asString(null),
                            filedOn(bill.path("filedOn").asString(null))));
                });
    }

    /**
     * bill-service's answer that this id names no bill: a 404, or a 400/422 refusing the id itself. Such an answer
     * must not count against the circuit breaker nor keep a vote waiting for ever; a 401, 403 or 429 is a failure.
     */
    static boolean notABill(int status) {
        return status == 404 || status == 400 || status == 422 || status == 410;
    }

    private static java.time.LocalDate filedOn(String date) {
        try {
            return date == null ? null : java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BillServiceFailure("bill-service answered a bill with a filedOn that is not a date");
        }
    }

    private static BillKind parseKind(String kind) {
        if (kind == null) {
            throw new BillServiceFailure("bill-service answered a bill without a kind");
        }
        try {
            return BillKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BillServiceFailure("bill-service answered an unknown bill kind " + kind);
        }
    }

    /** bill-service answered, but not with a bill or a 404. */
    static class BillServiceFailure extends RuntimeException {
        BillServiceFailure(String message) {
            super(message);
        }
    }
}
