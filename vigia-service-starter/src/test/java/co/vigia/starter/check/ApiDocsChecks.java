package co.vigia.starter.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What every service's OpenAPI document must say about callers, checked by each service's application test. */
public final class ApiDocsChecks {

    private static final Set<String> SCHEMES = Set.of("operatorKey", "subscriberKey");

    private ApiDocsChecks() {
    }

    /**
     * No operation takes a {@code caller} parameter (the caller is the bearer key); every write that is not in
     * {@code publicWrites} ("post /api/email/follows") names a role's bearer scheme, and each scheme is HTTP bearer.
     */
    public static void callersAreSecurityRequirements(JsonNode docs, Set<String> publicWrites) {
        assertThat(docs.path("openapi").asString()).startsWith("3.");
        docs.path("components").path("securitySchemes").properties().forEach(scheme -> {
            assertThat(SCHEMES).contains(scheme.getKey());
            assertThat(scheme.getValue().path("scheme").asString()).isEqualTo("bearer");
        });
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            assertThat(operation.getValue().path("parameters").findValuesAsString("name")).as(name)
                    .doesNotContain("caller");
            if (!operation.getKey().equals("get") && !publicWrites.contains(name)) {
                assertThat(operation.getValue().path("security").toString()).as(name).containsPattern(
                        "operatorKey|subscriberKey");
            }
        }));
    }
}
