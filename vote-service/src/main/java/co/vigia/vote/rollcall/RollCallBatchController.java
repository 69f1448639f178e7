package co.vigia.vote.rollcall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.JsonErrors;
import co.vigia.starter.web.RequestTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/votes:batch}: thousands of roll calls in one request, as a JSON array or as NDJSON
 * ({@code Content-Type: application/x-ndjson}, one roll call a line). Every item gets its own answer:
 * created, duplicate (unchanged) or rejected with the reason; one bad item does not sink the others.
 *
 * <p>The body is streamed: items are read one at a time and recorded {@link BatchLimits#chunk()} at a time, so the
 * service holds one chunk, never the body. A body that breaks off (not JSON, an unclosed array, something after it,
 * an item too large, too many items) is answered with a problem saying how many items were {@code processed} before
 * it, with their {@code items}; none after them was stored, and resending the whole batch is safe (an
 * {@code externalId} is recorded once).
 */
@Tag(name = "votes")
@RestController
@EnableConfigurationProperties(BatchLimits.class)
public class RollCallBatchController {

    public static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(RollCallBatchController.class);

    private final RollCallIntake intake;
    private final JsonMapper json;
    private final BatchLimits limits;

    public RollCallBatchController(RollCallIntake intake, JsonMapper json, BatchLimits limits) {
        this.intake = intake;
        this.json = json;
        this.limits = limits;
    }

    @Schema(description = "How many items came, how many were created, duplicates, rejected and waiting for their bill, and each item's answer in order.")
    public record BatchResponse(int received, int created, int duplicates, int rejected, int waitingForBill,
                                List<ItemResult> items) {
    }

    @Operation(operationId = "recordVotes", summary = "Record many roll calls at once",
            description = """
                    Thousands of roll calls in one request: a JSON array of roll calls, or NDJSON \
                    (`Content-Type: application/x-ndjson`, one roll call a line). Each item is recorded as \
                    `POST /api/votes` would record it alone, and gets its own answer in `items`, in order: `CREATED`, \
                    `DUPLICATE` (unchanged) or `REJECTED` with the reason and the status it would have had alone; one \
                    bad item does not sink the others. A body that is not a JSON array (or a line that is not JSON) is \
                    refused whole with a 400, and nothing is stored.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The roll calls, each as the body of `POST /api/votes`.",
                    content = {
                            @Content(mediaType = "application/json",
                                    array = @ArraySchema(schema = @Schema(implementation = RollCallRequest.class)),
                                    examples = @ExampleObject(name = "two roll calls", value = """
                                            [{"externalId":"example-1","billId":"sometimiento","chamber":"SENATE",
                                              "body":{"kind":"COMMITTEE","name":"Comisión Primera"},"debate":"FIRST",
                                              "date":"2023-05-10","motion":"Aprobar el informe","seats":19,
                                              "totals":{"yes":12,"no":4,"abstain":0,"absent":3}},
                                             {"externalId":"example-2","billId":"sometimiento","chamber":"SENATE",
                                              "body":{"kind":"PLENARY"},"debate":"SECOND","date":"2023-05-24",
                                              "motion":"Aprobar el informe","seats":108,
                                              "totals":{"yes":40,"no":5,"abstain":0,"absent":63}}]""")),
                            @Content(mediaType = RollCallBatchController.NDJSON,
                                    schema = @Schema(type = "string", description = "One roll call (a JSON object) a line."),
                                    examples = @ExampleObject(name = "two roll calls", value = """
                                            {"externalId":"example-1","billId":"sometimiento","chamber":"SENATE","body":{"kind":"COMMITTEE","name":"Comisión Primera"},"debate":"FIRST","date":"2023-05-10","motion":"Aprobar el informe","seats":19,"totals":{"yes":12,"no":4,"abstain":0,"absent":3}}
                                            {"externalId":"example-2","billId":"sometimiento","chamber":"SENATE","body":{"kind":"PLENARY"},"debate":"SECOND","date":"2023-05-24","motion":"Aprobar el informe","seats":108,"totals":{"yes":40,"no":5,"abstain":0,"absent":63}}
                                            """))}))
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "200", description = "Each item's answer, in the order sent, and the counts.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RollCallBatchController.BatchResponse.class)))
    @PostMapping(path = "/api/votes:batch", consumes = {"application/json", NDJSON})
    public BatchResponse record(Caller caller, HttpServletRequest request) throws IOException {
        caller.requireOperator();
        long started = System.nanoTime();
        boolean ndjson = request.getContentType() != null && request.getContentType().startsWith(NDJSON);
        List<ItemResult> items = new ArrayList<>();
        Chunk chunk = new Chunk();
        try (RollCallStream stream = new RollCallStream(request.getInputStream(), ndjson, json, limits)) {
            JsonNode node;
            while ((node = stream.next()) != null) {
                // bound as soon as read: its JSON tree (several times the request it becomes) is garbage at once
                int index = stream.count() - 1;
                try {
                    chunk.add(index, json.treeToValue(node, RollCallRequest.class));
                } catch (JacksonException e) {
                    String field = JsonErrors.field(e);
                    chunk.unreadable.add(ItemResult.unreadable(index,
                            (field.isEmpty() ? "" : field + ": ") + JsonErrors.reason(e)));
                }
                if (chunk.size() >= limits.chunk()) {
                    chunk.record(items);
                    chunk = new Chunk();
                }
            }
        } catch (ApiProblem | java.io.UncheckedIOException broken) {
            throw brokenOff(broken, items);
        }
        chunk.record(items);
        BatchResponse response = summary(items);
        log.info("Batch of {} roll calls: {} created, {} duplicate, {} rejected, {} waiting for their bill, in {} ms",
                response.received(), response.created(), response.duplicates(), response.rejected(),
                response.waitingForBill(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    /** The items read but not yet recorded, by their index in the batch. */
    private final class Chunk {
        private final List<RollCallRequest> requests = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<ItemResult> unreadable = new ArrayList<>();

        void add(int index, RollCallRequest request) {
            requests.add(request);
            positions.add(index);
        }

        int size() {
            return requests.size() + unreadable.size();
        }

        /** Records the chunk and appends its answers, in the order of the batch. */
        void record(List<ItemResult> items) {
            List<IntakeOutcome> outcomes = requests.isEmpty() ? List.of() : intake.recordAll(requests);
            List<ItemResult> answers = new ArrayList<>(unreadable);
            for (int k = 0; k < requests.size(); k++) {
                RollCallRequest item = requests.get(k);
                answers.add(ItemResult.of(positions.get(k), item == null ? null : item.externalId(), outcomes.get(k)));
            }
            answers.sort(Comparator.comparingInt(ItemResult::index));
            items.addAll(answers);
        }
    }

    private static RuntimeException brokenOff(RuntimeException broken, List<ItemResult> items) {
        ApiProblem problem;
        if (broken instanceof ApiProblem api) {
            problem = api;
        } else {
            RequestTooLargeException tooLarge = RequestTooLargeException.in(broken);
            if (tooLarge == null) {
                return broken;
            }
            ProblemDetail detail = tooLarge.problem();
            problem = new ApiProblem(HttpStatus.valueOf(detail.getStatus()),
                    detail.getType().toString().substring(ApiProblem.TYPE_BASE.length()), detail.getTitle(),
                    detail.getDetail());
        }
        log.warn("Batch broken off after {} items: {}", items.size(), problem.getMessage());
        return problem.with("processed", items.size()).with("items", items);
    }

    private static BatchResponse summary(List<ItemResult> items) {
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        int waiting = 0;
        for (ItemResult item : items) {
            switch (item.result()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
            if (item.result() == ItemResult.Result.CREATED && item.voteStatus() == RollCallStatus.WAITING_FOR_BILL) {
                waiting++;
            }
        }
        return new BatchResponse(items.size(), created, duplicates, rejected, waiting, List.copyOf(items));
    }
}
