package co.vigia.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTests {

    private final ApiKeyFilter filter = new ApiKeyFilter(List.of(new OperatorKeyResolver("op-key"),
            key -> key.equals("ngo-key") ? Optional.of(new Caller("ngo-1", Role.SUBSCRIBER)) : Optional.empty()));

    @Test
    void aWriteWithoutAKeyIsRefusedWith401ProblemJson() throws Exception {
        MockHttpServletResponse response = run("POST", "/api/bills", null);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("Authorization");
    }

    @Test
    void aReadWithoutAKeyPasses() throws Exception {
        assertThat(run("GET", "/api/bills", null).getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyIsRefusedEvenOnReads() throws Exception {
        assertThat(run("GET", "/api/bills", "Bearer nope").getStatus()).isEqualTo(401);
        assertThat(run("POST", "/api/bills", "Basic b3A6a2V5").getStatus()).isEqualTo(401);
    }

    @Test
    void theOperatorAndASubscriberAreResolved() throws Exception {
        MockHttpServletRequest operator = request("POST", "/api/bills", "Bearer op-key");
        filter.doFilter(operator, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(operator.getAttribute(Caller.REQUEST_ATTRIBUTE)).isEqualTo(new Caller("operator", Role.OPERATOR));

        MockHttpServletRequest ngo = request("POST", "/api/subscriptions", "bearer ngo-key");
        filter.doFilter(ngo, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(ngo.getAttribute(Caller.REQUEST_ATTRIBUTE)).isEqualTo(new Caller("ngo-1", Role.SUBSCRIBER));
    }

    @Test
    void pathsOutsideTheApiAreNotFiltered() throws Exception {
        assertThat(run("POST", "/actuator/health", null).getStatus()).isEqualTo(200);
    }

    @Test
    void withoutAConfiguredOperatorKeyNoKeyIsTheOperators() {
        assertThat(new OperatorKeyResolver("").resolve("")).isEmpty();
        assertThat(new OperatorKeyResolver(null).resolve("anything")).isEmpty();
    }

    @Test
    void keysAreStoredAsHashesAndComparedByHash() {
        String key = ApiKeys.generate("vgk_");
        assertThat(key).startsWith("vgk_").hasSizeGreaterThan(40);
        assertThat(ApiKeys.hash(key)).hasSize(64).doesNotContain(key);
        assertThat(ApiKeys.sameHash(ApiKeys.hash(key), ApiKeys.hash(key))).isTrue();
        assertThat(ApiKeys.sameHash(ApiKeys.hash(key), ApiKeys.hash(key + "x"))).isFalse();
    }

    private MockHttpServletResponse run(String method, String path, String authorization)
            throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(method, path, authorization), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
