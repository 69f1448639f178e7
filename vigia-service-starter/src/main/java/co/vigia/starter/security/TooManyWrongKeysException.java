package co.vigia.starter.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** The client address sent too many wrong keys lately: its key is not even looked up. */
public class TooManyWrongKeysException extends AuthenticationException {

    private final transient Duration retryAfter;

    public TooManyWrongKeysException(Duration retryAfter) {
        super("too many wrong API keys from this address; retry after the time in Retry-After");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
