package co.vigia.starter.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI documents: the bearer API-key scheme (Swagger UI's "Authorize" button), required on exactly the
 * operations whose handler takes a {@link Caller}; the {@code Caller} itself is no request parameter.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiSecurity {

    static final String SCHEME = "apiKey";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI vigiaOpenApi(Environment env) {
        return new OpenAPI()
                .info(new Info().title("Vigía " + env.getProperty("spring.application.name", "service"))
                        .description("Writes need 'Authorization: Bearer <api key>'; reads are public. Errors are "
                                + "RFC 9457 problem+json; past a rate limit, 429 with Retry-After.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API key: the operator's, or a subscriber's")));
    }

    @Bean
    OperationCustomizer bearerWhereACallerIsNeeded() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType().equals(Caller.class))) {
                operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            }
            return operation;
        };
    }
}
