package co.vigia.starter.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the shared OpenAPI customizers in every service that serves springdoc's document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsConfiguration {

    @Bean
    OpenApiCustomizer vigiaApiDocument(@Value("${spring.application.name:vigia}") String service,
                                       @Value("${vigia.api-docs.description:}") String description) {
        return ApiDocsCustomizers.document(service, description);
    }

    @Bean
    OperationCustomizer vigiaApiErrors() {
        return ApiDocsCustomizers.errors();
    }
}
