package co.vigia.notify.subscriber;

import co.vigia.notify.subscriber.SubscriberController.SubscriberView;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import co.vigia.starter.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subscribers/me}: who a subscriber's key belongs to. The web portal signs an NGO in with it (a key
 * that answers 200 here is a valid, active subscriber's) and greets it by name.
 */
@Tag(name = "subscribers")
@RestController
public class SubscriberSelfController {

    private final SubscriberRepository subscribers;

    public SubscriberSelfController(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @Operation(operationId = "getOwnSubscriber", summary = "Who this key belongs to",
            description = "The NGO whose API key made the request: its id, name and status. Changes nothing.")
    @CallableBy(Role.SUBSCRIBER)
    @GetMapping("/api/subscribers/me")
    public SubscriberView me(Caller caller) {
        String id = caller.requireSubscriber().id();
        return SubscriberView.of(subscribers.findById(id).orElseThrow(() -> ApiProblem.notFound("subscriber", id)));
    }
}
