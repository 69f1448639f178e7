package co.vigia.web.client;

import java.util.EnumMap;
import java.util.Map;

/** The three clients, by service. */
public class ServiceClients {

    private final Map<Upstream, ServiceClient> clients;

    public ServiceClients(Map<Upstream, ServiceClient> clients) {
        this.clients = new EnumMap<>(clients);
        for (Upstream u : Upstream.values()) {
            if (!this.clients.containsKey(u)) {
                throw new IllegalArgumentException("no client for " + u);
            }
        }
    }

    public ServiceClient bill() {
        return clients.get(Upstream.BILL);
    }

    public ServiceClient vote() {
        return clients.get(Upstream.VOTE);
    }

    public ServiceClient notifications() {
        return clients.get(Upstream.NOTIFY);
    }

    public ServiceClient of(Upstream upstream) {
        return clients.get(upstream);
    }
}
