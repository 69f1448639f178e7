package co.vigia.bill.bill;

import co.vigia.bill.procedure.IllegalTransitionException;
import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The bill's refusals as RFC 9457 problems. Controllers call these from their own {@code @ExceptionHandler}s: the
 * starter's advice answers every other exception first, so an advice of ours would never be asked.
 */
public final class BillProblems {

    private BillProblems() {
    }

    public static ResponseEntity<ProblemDetail> of(UnknownBillException e) {
        return answer(ApiProblem.notFound("bill", e.billId()));
    }

    static ResponseEntity<ProblemDetail> of(InvalidFieldsException e) {
        return answer(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage())
                .with("errors", e.refusals().stream().map(r -> new FieldProblem(r.field(), r.message())).toList()));
    }

    static ResponseEntity<ProblemDetail> of(IllegalTransitionException e) {
        return answer(ApiProblem.conflict("illegal-transition", "Action not allowed at this stage", e.getMessage())
                .with("action", e.action())
                .with("currentStage", e.currentStage())
                .with("allowedActions", new TreeSet<>(e.allowedActions())));
    }

    private static ResponseEntity<ProblemDetail> answer(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }
}
