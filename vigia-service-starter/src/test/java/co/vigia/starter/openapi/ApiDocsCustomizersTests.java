package co.vigia.starter.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.starter.security.Role;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class ApiDocsCustomizersTests {

    static class Controller {
        @CallableBy(Role.OPERATOR)
        public void write() {
        }

        public void read() {
        }
    }

    @Test
    void anOperatorWriteNamesItsRoleAndEveryErrorItCanAnswer() throws Exception {
        Operation operation = new Operation().requestBody(new RequestBody())
                .addParametersItem(new PathParameter().name("id"));
        ApiDocsCustomizers.customize(operation, new HandlerMethod(new Controller(), "write"));

        assertThat(operation.getSecurity()).singleElement()
                .satisfies(r -> assertThat(r).containsOnlyKeys("operatorKey"));
        assertThat(operation.getResponses()).containsKeys("400", "401", "403", "404", "413", "429");
        assertThat(operation.getResponses().get("400").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ValidationProblem");
        assertThat(operation.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getDescription()).contains("**Who may call:** OPERATOR");
    }

    @Test
    void aPublicReadHasNoSecurityAndNoAuthErrors() throws Exception {
        Operation operation = new Operation();
        ApiDocsCustomizers.customize(operation, new HandlerMethod(new Controller(), "read"));

        assertThat(operation.getSecurity()).isEmpty();
        assertThat(operation.getResponses()).doesNotContainKeys("401", "403", "429", "400", "404");
        assertThat(operation.getDescription()).contains("anyone (public, no API key)");
    }

    @Test
    void theDocumentDeclaresTheKeyTheProblemSchemasItUsesAndEveryTag() {
        Operation operation = new Operation().addTagsItem("bills").responses(new io.swagger.v3.oas.models.responses
                .ApiResponses().addApiResponse("400", new io.swagger.v3.oas.models.responses.ApiResponse()
                .content(ApiDocsCustomizers.problemContent("ValidationProblem", null))));
        operation.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("operatorKey"));
        operation.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("apiKey"));
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/api/x", new PathItem().get(operation)))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("apiKey"));
        ApiDocsCustomizers.document("bill-service", "Bills.").customise(openApi);

        assertThat(openApi.getSecurity()).isNull();
        assertThat(operation.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsOnlyKeys("operatorKey"));
        assertThat(openApi.getComponents().getSecuritySchemes()).containsOnlyKeys("operatorKey");
        assertThat(openApi.getComponents().getSchemas()).containsOnlyKeys("Problem", "ValidationProblem",
                "FieldProblem"); // IllegalTransitionProblem is answered by no operation here
        assertThat(openApi.getTags()).extracting("name").containsExactly("bills");
        assertThat(Json31.pretty(openApi.getComponents().getSchemas().get("ValidationProblem")))
                .contains("#/components/schemas/Problem");
    }
}
