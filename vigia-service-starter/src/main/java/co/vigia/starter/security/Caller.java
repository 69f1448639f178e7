package co.vigia.starter.security;

import co.vigia.starter.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Who made a request, as Spring Security authenticated it from its API key. Declare a {@code Caller} parameter on a
 * handler to receive it (hidden from the OpenAPI documents, which show the bearer requirement instead); the
 * {@link ServiceRoutes} decide who may call a route, {@link #requireOperator()} re-checks inside.
 *
 * @param id the operator's name or the subscriber's id
 */
public record Caller(String id, Role role) {

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
