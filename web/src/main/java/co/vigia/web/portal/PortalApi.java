package co.vigia.web.portal;

import co.vigia.web.client.ApiKey;
import co.vigia.web.client.ServiceClient;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.client.WebProperties;
import co.vigia.web.portal.NotifyViews.Bill;
import co.vigia.web.portal.NotifyViews.BillPage;
import co.vigia.web.portal.NotifyViews.Delivery;
import co.vigia.web.portal.NotifyViews.Endpoint;
import co.vigia.web.portal.NotifyViews.EndpointWithSecret;
import co.vigia.web.portal.NotifyViews.Me;
import co.vigia.web.portal.NotifyViews.Replayed;
import co.vigia.web.portal.NotifyViews.Scheduled;
import co.vigia.web.security.Account;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's calls to notify-service, each with the signed-in NGO's own key, so notify-service decides what is
 * its own (another NGO's endpoint answers 404 there). A 4xx becomes a {@link NotifyRefusal}; a service that does
 * not answer, the client's {@code UpstreamUnavailableException}.
 */
@Component
public class PortalApi {

    private final ServiceClient notify;
    private final ServiceClient bills;
    private final JsonMapper json;
    private final ZoneId zone;

    public PortalApi(ServiceClients clients, JsonMapper json, WebProperties properties) {
        this.notify = clients.notifications();
        this.bills = clients.bill();
        this.json = json;
        this.zone = properties.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /** Who the key belongs to; a 401 means it is not an active subscriber's key. */
    public Me me(ApiKey key) {
        return call(key, r -> r.get().uri("/api/subscribers/me").retrieve().body(Me.class));
    }

    public List<Endpoint> endpoints(Account account) {
        return Arrays.asList(call(account.key(), r -> r.get().uri("/api/subscriptions").retrieve()
                .body(Endpoint[].class)));
    }

    public Endpoint endpoint(Account account, String id) {
        return call(account.key(), r -> r.get().uri("/api/subscriptions/{id}", id).retrieve().body(Endpoint.class));
    }

    public EndpointWithSecret create(Account account, Map<String, Object> body) {
        return call(account.key(), r -> r.post().uri("/api/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(EndpointWithSecret.class));
    }

    public Endpoint setActive(Account account, String id, boolean active) {
        return call(account.key(), r -> r.patch().uri("/api/subscriptions/{id}", id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("active", active)).retrieve()
                .body(Endpoint.class));
    }

    public void delete(Account account, String id) {
        call(account.key(), r -> r.delete().uri("/api/subscriptions/{id}", id).retrieve().toBodilessEntity());
    }

    public Scheduled test(Account account, String id) {
        return call(account.key(), r -> r.post().uri("/api/subscriptions/{id}/test", id).retrieve()
                .body(Scheduled.class));
    }

    public EndpointWithSecret rotateSecret(Account account, String id) {
        return call(account.key(), r -> r.post().uri("/api/subscriptions/{id}/rotate-secret", id).retrieve()
                .body(EndpointWithSecret.class));
    }

    public List<Delivery> deliveries(Account account, String id, DeliveryLogFilter filter) {
        return Arrays.asList(call(account.key(), r -> r.get()
                .uri(u -> filter.apply(u.path("/api/subscriptions/{id}/deliveries"), zone).build(id)).retrieve()
                .body(Delivery[].class)));
    }

    public Delivery delivery(Account account, String id) {
        return call(account.key(), r -> r.get().uri("/api/deliveries/{id}", id).retrieve().body(Delivery.class));
    }

    public Delivery redeliver(Account account, String id) {
        return call(account.key(), r -> r.post().uri("/api/deliveries/{id}/redeliver", id).retrieve()
                .body(Delivery.class));
    }

    public Replayed replay(Account account, String id, String since) {
        return call(account.key(), r -> r.post().uri(u -> u.path("/api/subscriptions/{id}/replay")
                .queryParam("since", since).build(id)).retrieve().body(Replayed.class));
    }

    /** The bills an NGO may choose from: bill-service's public list, the first hundred. */
    public List<Bill> bills() {
        BillPage page = bills.get("/api/bills?size=100", BillPage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }

    private <T> T call(ApiKey key, Function<RestClient, T> request) {
        try {
            return notify.call(key, request);
        } catch (HttpClientErrorException e) {
            throw NotifyRefusal.of(e, json);
        }
    }
}
