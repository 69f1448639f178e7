package co.vigia.web.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * What the portal's and the console's chains share: the CSRF token store (in the session), the session sign-in,
 * the sign-in rate limit, and the operator key (from {@code VIGIA_OPERATOR_KEY}, as the services read it).
 */
@Configuration(proxyBeanMethods = false)
public class AccountSecurityConfiguration {

    @Bean
    CsrfTokenRepository accountCsrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SessionSignIn sessionSignIn(CsrfTokenRepository csrf) {
        return new SessionSignIn(csrf);
    }

    @Bean
    SignInLimiter signInLimiter(@Value("${vigia.web.sign-in.attempts:5}") int attempts,
                                @Value("${vigia.web.sign-in.period:1m}") Duration period) {
        return new SignInLimiter(attempts, period, 10_000);
    }

    @Bean
    OperatorKey operatorKey(@Value("${vigia.ops.operator-key:${VIGIA_OPERATOR_KEY:}}") String key) {
        return new OperatorKey(key);
    }
}
