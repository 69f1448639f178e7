package co.vigia.web.client;

import java.util.Objects;

/** A caller's API key, passed per call and never logged; {@code toString} hides it. */
public record ApiKey(String value) {

    public ApiKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
    }

    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
