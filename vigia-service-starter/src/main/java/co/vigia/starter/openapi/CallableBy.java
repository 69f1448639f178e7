package co.vigia.starter.openapi;

import co.vigia.starter.security.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation, for its API documentation: the roles whose Bearer API key it takes. An operation
 * without it is public. {@link ApiDocsCustomizers} turns it into the operation's security requirement (with the
 * roles named), a line of its description, and its 401, 403 and 429 answers. Enforcement stays with the
 * security configuration; this only says what it enforces.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CallableBy {

    Role[] value();
}
