package co.vigia.starter.security;

import co.vigia.starter.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Who made a request, as resolved from its API key. Declare a {@code Caller} parameter on a handler
 * to require a key; call {@link #requireOperator()} to require the operator role.
 *
 * @param id the operator's name or the subscriber's id
 */
public record Caller(String id, Role role) {

    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    public Caller requireOperator() {
        if (!isOperator()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Operator role required",
                    "this action needs the operator's API key");
        }
        return this;
    }

    public Caller requireSubscriber() {
        if (role != Role.SUBSCRIBER) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Subscriber key required",
                    "this action needs a subscriber's API key");
        }
        return this;
    }
}
