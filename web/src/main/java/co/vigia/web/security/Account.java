package co.vigia.web.security;

import co.vigia.web.client.ApiKey;

/**
 * Who is signed in, as kept in the server-side session (never in the browser): an NGO with its id, name and API key
 * (the portal calls notify-service with it), or the operator (its key is the configured one; the session holds
 * none). {@code toString} never shows the key.
 */
public record Account(Area area, String id, String name, ApiKey key) {

    public static Account operator() {
        return new Account(Area.OPS, "operator", "operator", null);
    }

    public static Account subscriber(String id, String name, ApiKey key) {
        return new Account(Area.PORTAL, id, name, key);
    }

    @Override
    public String toString() {
        return "Account[" + area + ", " + id + "]";
    }
}
