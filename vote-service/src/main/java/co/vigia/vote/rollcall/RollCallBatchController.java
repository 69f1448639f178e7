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
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/votes:batch}: thousands of roll calls in one request, as a JSON array or as NDJSON
 * ({@code Content-Type: application/x-ndjson}, one roll call a line). Every item gets its own answer:
 * created, duplicate (unchanged) or rejected with the reason; one bad item does not sink the others. A body
 * that is not a JSON array (or a line that is not JSON) is refused whole, and nothing is stored.
 */
@Tag(name = "votes")
@RestController
public class RollCallBatchController {

    public static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(RollCallBatchController.class);

    private final RollCallIntake intake;
    private final JsonMapper json;

    public RollCallBatchController(RollCallIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
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
        // Each item is bound as soon as it is read, so its JSON tree (several times the size of the request it
        // becomes) is garbage at once instead of living, with every other item's, through the whole batch: a batch of
        // 100 roll calls of 188 members kept about 10 MB of trees alive across every young collection of the batch.
        List<RollCallRequest> requests = new ArrayList<>();
        List<ItemResult> unreadable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        java.util.function.Consumer<JsonNode> bind = node -> {
            int i = requests.size() + unreadable.size();
            try {
                requests.add(json.treeToValue(node, RollCallRequest.class));
                positions.add(i);
            } catch (JacksonException e) {
                unreadable.add(ItemResult.unreadable(i, path(e) + e.getOriginalMessage()));
            }
        };
        int count = ndjson ? readNdjson(request.getInputStream(), bind) : readArray(request.getInputStream(), bind);
        List<IntakeOutcome> outcomes = intake.recordAll(requests);
        ItemResult[] items = new ItemResult[count];
        for (ItemResult bad : unreadable) {
            items[bad.index()] = bad;
        }
        for (int k = 0; k < requests.size(); k++) {
            RollCallRequest item = requests.get(k);
            items[positions.get(k)] = ItemResult.of(positions.get(k), item == null ? null : item.externalId(),
                    outcomes.get(k));
        }
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
        log.info("Batch of {} roll calls: {} created, {} duplicate, {} rejected, {} waiting for their bill, in {} ms",
                items.length, created, duplicates, rejected, waiting, (System.nanoTime() - started) / 1_000_000);
        return new BatchResponse(items.length, created, duplicates, rejected, waiting, List.of(items));
    }

    /** Hands each element of the JSON array to {@code item}, in order; returns how many there were. */
    private int readArray(InputStream in, java.util.function.Consumer<JsonNode> item) {
        int count = 0;
        // one element at a time from the open array, so the rest of the array is not a "trailing token"
        ObjectReader element = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("the body must be a JSON array of roll calls (or NDJSON with Content-Type "
                        + NDJSON + ")");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw malformed("the JSON array is not closed");
                }
                JsonNode node;
                try {
                    node = element.readValue(parser);
                } catch (JacksonException e) {
                    throw malformed("item " + count + " is not JSON: " + e.getOriginalMessage());
                }
                item.accept(node);
                count++;
            }
        } catch (JacksonException e) {
            throw malformed("item " + count + " is not JSON: " + e.getOriginalMessage());
        }
        return count;
    }

    /** Hands each non-blank line's JSON to {@code item}, in order; returns how many there were. */
    private int readNdjson(InputStream in, java.util.function.Consumer<JsonNode> item) throws IOException {
        int count = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JacksonException e) {
                throw malformed("line " + number + " is not JSON: " + e.getOriginalMessage());
            }
            item.accept(node);
            count++;
        }
        return count;
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest("malformed-body", "Malformed request body", detail + "; nothing was stored");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : path + ": ";
    }
}
