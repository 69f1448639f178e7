package co.vigia.bill.deadline;

import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/deadlines/scan} (operator): runs the deadline clock now rather than at the next scheduled
 * run, e.g. right after loading the record, whose bills' limits fell long ago.
 */
@Tag(name = "operations")
@RestController
public class OpsDeadlinesController {

    private final DeadlineScanner scanner;

    public OpsDeadlinesController(DeadlineScanner scanner) {
        this.scanner = scanner;
    }

    @Operation(operationId = "scanDeadlines", summary = "Run the deadline clock now",
            description = """
                    Checks every bill's deadlines at once instead of at the next scheduled run (start, 00:00 Bogotá \
                    time, every 15 minutes): publishes the alerts due and archives the bills whose limit fell \
                    (art. 162), e.g. right after loading the record. Running it again finds nothing new to do.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The day it checked, the bills it read, the alerts it sent and "
            + "the bills it archived.")
    @PostMapping("/api/ops/deadlines/scan")
    public DeadlineScanner.Scan scan(Caller caller) {
        caller.requireOperator();
        return scanner.scanNow();
    }
}
