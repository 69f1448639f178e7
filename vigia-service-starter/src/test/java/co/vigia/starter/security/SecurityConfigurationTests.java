package co.vigia.starter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.starter.security.spelling.PathSpellings;
import co.vigia.starter.security.spelling.SideDoors;
import co.vigia.startertest.StarterTestApplication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one security configuration every service uses: keys, roles, deny by default, the firewall, problem+json in
 * UTF-8, per-key and per-address rate limits, and the cost of wrong keys.
 */
@WebMvcTest(controllers = SecurityConfigurationTests.Secrets.class, properties = {
    "vigia.security.rate-limit.subscriber=5/1m", "vigia.security.rate-limit.anonymous=8/1m",
    "vigia.security.rate-limit.expensive=2/1m", "vigia.security.rate-limit.failed-authentication=5/1m"})
@ContextConfiguration(classes = {StarterTestApplication.class, SecurityConfigurationTests.Secrets.class,
    SecurityConfigurationTests.Wiring.class})
class SecurityConfigurationTests {

    static final String OPERATOR = "Bearer test-operator-key";
    static final AtomicInteger LOOKUPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyAuthenticationProvider keys;

    @BeforeEach
    void reset() {
        LOOKUPS.set(0);
    }

    @Test
    void theOperatorKeyOpensOperatorRoutesAndASubscriberKeyDoesNot() throws Exception {
        mvc.perform(post("/api/secrets").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk()).andExpect(content().string("operator"));
        mvc.perform(post("/api/secrets").header("Authorization", "Bearer ngo-key-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void withoutAKeyAProtectedRouteIs401ProblemJsonInUtf8AndTheBodyIsNotRead() throws Exception {
        mvc.perform(post("/api/secrets").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.type").value("https://vigia.co/problems/unauthorized"));
        mvc.perform(post("/api/secrets").header("Authorization", "Basic b3A6a2V5"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the Authorization header must be 'Bearer <api key>'"));
    }

    @Test
    void aRouteNoRuleNamesIsDenied() throws Exception {
        mvc.perform(get("/api/unlisted")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/unlisted").header("Authorization", OPERATOR)).andExpect(status().isForbidden());
    }

    @Test
    void theFirewallRejectsPathTricksAs400ProblemJson() throws Exception {
        mvc.perform(PathSpellings.request(HttpMethod.POST, "/api;x/secrets").header("Authorization", OPERATOR))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.type").value("https://vigia.co/problems/rejected-request"));
        mvc.perform(PathSpellings.request(HttpMethod.GET, "/api/public%2F..%2Fsecrets"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everySpellingOfAProtectedRouteIsRefusedWithoutReadingTheBody() throws Exception {
        Map<Integer, Integer> statuses = SideDoors.walk(mvc, List.of(
                new SideDoors.Route(HttpMethod.POST, "/api/secrets", "{\"name\": 12}")));
        assertThat(statuses.keySet()).allMatch(s -> s == 400 || s == 401 || s == 403 || s == 429);
    }

    @Test
    void readsArePublicAndTheHandlerSeesNoCaller() throws Exception {
        mvc.perform(get("/api/public")).andExpect(status().isOk()).andExpect(content().string("public"));
    }

    @Test
    void aSubscriberPastItsLimitGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-2")).andExpect(status().isOk());
        }
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-2"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.type").value("https://vigia.co/problems/rate-limited"));
        // another key is not affected
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-3")).andExpect(status().isOk());
    }

    @Test
    void anExpensiveRouteHasItsOwnTighterLimit() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/replay").header("Authorization", "Bearer ngo-key-4")).andExpect(status().isOk());
        }
        mvc.perform(post("/api/replay").header("Authorization", "Bearer ngo-key-4"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-4")).andExpect(status().isOk());
    }

    @Test
    void aFloodOfWrongKeysCostsAFewLookupsThen429() throws Exception {
        for (int i = 0; i < 200; i++) {
            int status = mvc.perform(get("/api/public").header("Authorization", "Bearer wrong-" + i)
                    .with(r -> { r.setRemoteAddr("10.9.9.9"); return r; })).andReturn().getResponse().getStatus();
            assertThat(status).isIn(401, 429);
        }
        assertThat(LOOKUPS.get()).isEqualTo(5);
        mvc.perform(get("/api/public").header("Authorization", "Bearer wrong-x")
                        .with(r -> { r.setRemoteAddr("10.9.9.9"); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void aFloodOfWrongKeysDoesNotLockOutTheOperatorOrAKeyKnownGoodFromTheSameAddress() throws Exception {
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-6")
                .with(r -> { r.setRemoteAddr("10.9.9.8"); return r; })).andExpect(status().isOk());
        for (int i = 0; i < 50; i++) {
            mvc.perform(get("/api/public").header("Authorization", "Bearer wrong-" + i)
                    .with(r -> { r.setRemoteAddr("10.9.9.8"); return r; }));
        }
        keys.forget("ngo-key-6"); // its cached verdict gone, as after the cache's ten seconds
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-6")
                .with(r -> { r.setRemoteAddr("10.9.9.8"); return r; })).andExpect(status().isOk());
        mvc.perform(get("/api/public").header("Authorization", OPERATOR)
                .with(r -> { r.setRemoteAddr("10.9.9.8"); return r; })).andExpect(status().isOk());
        mvc.perform(get("/api/public").header("Authorization", "Bearer never-seen")
                .with(r -> { r.setRemoteAddr("10.9.9.8"); return r; })).andExpect(status().isTooManyRequests());
    }

    @Test
    void aRepeatedKeyIsLookedUpOnceUntilForgotten() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-5")).andExpect(status().isOk());
        }
        assertThat(LOOKUPS.get()).isEqualTo(1);
        keys.forget("ngo-key-5");
        mvc.perform(get("/api/public").header("Authorization", "Bearer ngo-key-5")).andExpect(status().isOk());
        assertThat(LOOKUPS.get()).isEqualTo(2);
    }

    @RestController
    static class Secrets {
        @PostMapping("/api/secrets")
        String write(Caller caller, @RequestBody Map<String, Object> body) {
            return caller.id();
        }

        @GetMapping("/api/public")
        String read() {
            return "public";
        }

        @PostMapping("/api/replay")
        String replay(Caller caller) {
            return "replayed";
        }

        @GetMapping("/api/unlisted")
        String unlisted() {
            return "never";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        /** Subscribers whose key is {@code ngo-key-N} are known as {@code ngo-key-N}; every lookup is counted. */
        @Bean
        ApiKeyStore subscribers() {
            return hash -> {
                LOOKUPS.incrementAndGet();
                for (int i = 0; i < 10; i++) {
                    if (ApiKeys.hash("ngo-key-" + i).equals(hash)) {
                        return Optional.of(new Caller("ngo-key-" + i, Role.SUBSCRIBER));
                    }
                }
                return Optional.empty();
            };
        }

        @Bean
        ServiceRoutes routes() {
            return new ServiceRoutes() {
                @Override
                public void authorize(
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry r) {
                    r.requestMatchers(HttpMethod.GET, "/api/public").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/secrets").hasRole("OPERATOR")
                            .requestMatchers(HttpMethod.POST, "/api/replay").hasRole("SUBSCRIBER");
                }

                @Override
                public List<RequestMatcher> expensive() {
                    return List.of(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/replay"));
                }
            };
        }
    }
}
