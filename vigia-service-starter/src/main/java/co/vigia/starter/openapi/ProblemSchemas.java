package co.vigia.starter.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The problem+json schemas (openapi/problems.json): RFC 9457's members and Vigía's own. */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static Map<String, Schema> load() {
        try (InputStream in = ProblemSchemas.class.getResourceAsStream("/openapi/problems.json")) {
            return Json31.mapper().readValue(in, new TypeReference<Map<String, Schema>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi/problems.json", e);
        }
    }
}
