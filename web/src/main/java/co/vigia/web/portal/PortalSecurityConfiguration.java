package co.vigia.web.portal;

import co.vigia.web.security.AccountChains;
import co.vigia.web.security.AccountSecurityConfiguration;
import co.vigia.web.security.Area;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The NGO portal's chain ({@code /portal/**}): sign-in with the subscriber's key at {@code /portal/entrar}, then a
 * server-side session with CSRF tokens on every form (see {@link AccountChains}).
 */
@Configuration(proxyBeanMethods = false)
@Import(AccountSecurityConfiguration.class)
public class PortalSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain portalChain(HttpSecurity http, CsrfTokenRepository accountCsrfTokens) throws Exception {
        return AccountChains.build(http, Area.PORTAL, accountCsrfTokens);
    }
}
