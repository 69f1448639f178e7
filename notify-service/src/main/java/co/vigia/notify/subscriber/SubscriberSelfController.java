package co.vigia.notify.subscriber;

import co.vigia.notify.subscriber.SubscriberController.SubscriberView;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subscribers/me}: who a subscriber's key belongs to. The web portal signs an NGO in with it (a key
 * that answers 200 here is a valid, active subscriber's) and greets it by name.
 */
@RestController
public class SubscriberSelfController {

    private final SubscriberRepository subscribers;

    public SubscriberSelfController(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @GetMapping("/api/subscribers/me")
    public SubscriberView me(Caller caller) {
        String id = caller.requireSubscriber().id();
        return SubscriberView.of(subscribers.findById(id).orElseThrow(() -> ApiProblem.notFound("subscriber", id)));
    }
}
