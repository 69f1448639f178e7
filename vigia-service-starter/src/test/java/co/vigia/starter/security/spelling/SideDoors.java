package co.vigia.starter.security.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks every spelling of every protected route without a key and with a wrong key, and checks what a caller
 * without the right key must never see: a 2xx or 3xx, a body read (a 400 naming its fields), or an answer that is
 * not problem+json. The body sent is invalid on purpose: a handler that read it would answer 400 with field errors.
 */
public final class SideDoors {

    /** A protected route, with a concrete path ({@code /api/bills/b1/actions}) and a body its handler would refuse. */
    public record Route(HttpMethod method, String path, String invalidBody) {
    }

    /** The prober's address (TEST-NET-1), apart from the other tests' so its wrong keys do not limit theirs. */
    public static final String ATTACKER = "192.0.2.66";

    private SideDoors() {
    }

    /** Walks them all; returns, per status, how many requests got it (for the report). */
    public static Map<Integer, Integer> walk(MockMvc mvc, List<Route> routes) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, java.util.Set<Integer>> bySpelling = new java.util.LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> spellings = new java.util.LinkedHashMap<>();
            spellings.put("as documented", route.path());
            spellings.putAll(PathSpellings.of(route.path()));
            for (Map.Entry<String, String> spelling : spellings.entrySet()) {
                for (String authorization : new String[] {null, "Bearer wrong-key-" + spelling.getKey().length()}) {
                    MockHttpServletRequestBuilder request = PathSpellings.request(route.method(), spelling.getValue())
                            .with(r -> {
                                r.setRemoteAddr(ATTACKER);
                                return r;
                            });
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    if (route.invalidBody() != null) {
                        request.contentType(MediaType.APPLICATION_JSON).content(route.invalidBody());
                    }
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    statuses.merge(response.getStatus(), 1, Integer::sum);
                    bySpelling.computeIfAbsent(spelling.getKey(), k -> new java.util.TreeSet<>()).add(response.getStatus());
                    String problem = check(response);
                    if (problem != null) {
                        failures.add(route.method() + " " + spelling.getValue() + " (" + spelling.getKey() + ", "
                                + (authorization == null ? "no key" : "wrong key") + "): " + problem);
                    }
                }
            }
        }
        bySpelling.forEach((name, answers) -> System.out.println("  side door '" + name + "': " + answers));
        assertThat(failures).as("side doors").isEmpty();
        return statuses;
    }

    private static String check(MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        String body = response.getContentAsString();
        if (status < 400 || status >= 500) {
            return "answered " + status + ": " + body;
        }
        if (response.getContentType() == null
                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))) {
            return "answered " + status + " as " + response.getContentType() + ", not problem+json";
        }
        if (body.contains("\"errors\"") || body.contains("problems/validation") || body.contains("malformed-body")) {
            return "the body was read: " + body;
        }
        return null;
    }
}
