package co.vigia.bill.deadline;

import co.vigia.starter.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/deadlines/scan} (operator): runs the deadline clock now rather than at the next scheduled
 * run, e.g. right after loading the record, whose bills' limits fell long ago.
 */
@RestController
public class OpsDeadlinesController {

    private final DeadlineScanner scanner;

    public OpsDeadlinesController(DeadlineScanner scanner) {
        this.scanner = scanner;
    }

    @PostMapping("/api/ops/deadlines/scan")
    public DeadlineScanner.Scan scan(Caller caller) {
        caller.requireOperator();
        return scanner.scanNow();
    }
}
