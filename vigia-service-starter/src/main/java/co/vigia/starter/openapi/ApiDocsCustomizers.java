package co.vigia.starter.openapi;

import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What every service's OpenAPI document says the same way, in one place: the Bearer API key as a security
 * scheme, who may call each operation ({@link CallableBy}), and the problem+json errors an operation can
 * answer (400 with its field list, 401, 403, 404, 413, 429), so that controllers declare only what is theirs
 * (a 409 and why).
 */
public final class ApiDocsCustomizers {

    /** The security scheme of each role's key: an operation names the one(s) it takes. */
    public static String scheme(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "Key";
    }
    public static final String PROBLEM_JSON = "application/problem+json";

    static {
        // the caller comes from the Authorization header (a security requirement), not from a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private ApiDocsCustomizers() {
    }

    /** The document's info, the API-key scheme, the problem schemas, and every tag an operation uses, declared. */
    public static OpenApiCustomizer document(String service, String description) {
        return openApi -> {
            openApi.info(new Info().title("Vigía " + service).version("v1").description(description)
                    .contact(new Contact().name("Vigía").url("https://vigia.co"))
                    .license(new License().name("Apache-2.0").identifier("Apache-2.0")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            // one scheme per role, so that each operation names the role it takes and Authorize asks for each key
            components.addSecuritySchemes(scheme(Role.OPERATOR), new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("API key").description("""
                            Role OPERATOR: `Authorization: Bearer <operator key>` (VIGIA_OPERATOR_KEY). Records \
                            Congress's work (bills, actions, votes, opinions) and manages subscribers."""));
            components.addSecuritySchemes(scheme(Role.SUBSCRIBER), new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("API key").description("""
                            Role SUBSCRIBER: `Authorization: Bearer <subscriber key>` (`vgs_…`, shown once when the \
                            operator registers the NGO). Manages only that NGO's subscriptions and deliveries."""));
            ProblemSchemas.load().forEach(components::addSchemas);
            // each operation names the key it takes (or none): no document-wide requirement, no generic "any key"
            // requirement beside a role's (OpenApiSecurity adds one wherever a handler takes a Caller), no unused scheme
            openApi.setSecurity(null);
            Set<String> roleSchemes = Set.of(scheme(Role.OPERATOR), scheme(Role.SUBSCRIBER));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                    if (op.getSecurity() != null && op.getSecurity().stream().anyMatch(r -> r.keySet().stream()
                            .anyMatch(roleSchemes::contains))) {
                        op.getSecurity().removeIf(r -> r.keySet().stream().noneMatch(roleSchemes::contains));
                    }
                }));
            }
            String json = io.swagger.v3.core.util.Json31.pretty(openApi.getPaths());
            components.getSecuritySchemes().keySet().removeIf(name -> !json.contains("\"" + name + "\""));
            pruneUnused(openApi, ProblemSchemas.load().keySet());
            Set<String> declared = new TreeSet<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> declared.add(tag.getName()));
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                    if (op.getTags() != null) {
                        for (String tag : op.getTags()) {
                            if (declared.add(tag)) {
                                openApi.addTagsItem(new Tag().name(tag));
                            }
                        }
                    }
                }));
            }
        };
    }

    /** A problem schema no operation of this service answers is left out (Spectral: oas3-unused-component). */
    private static void pruneUnused(OpenAPI openApi, Set<String> names) {
        boolean removed = true;
        while (removed) {
            removed = false;
            String json = io.swagger.v3.core.util.Json31.pretty(openApi);
            for (String name : names) {
                if (openApi.getComponents().getSchemas().containsKey(name)
                        && !json.contains("\"#/components/schemas/" + name + "\"")) {
                    openApi.getComponents().getSchemas().remove(name);
                    removed = true;
                }
            }
        }
    }

    /** Who may call, and the errors every operation of its kind can answer. */
    public static OperationCustomizer errors() {
        return ApiDocsCustomizers::customize;
    }

    static Operation customize(Operation operation, HandlerMethod handler) {
        CallableBy access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), CallableBy.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), CallableBy.class);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        String who;
        if (access == null) {
            who = "**Who may call:** anyone (public, no API key).";
            operation.security(java.util.List.of()); // explicitly none, whatever a global requirement says
        } else {
            String roles = String.join(" or ", Arrays.stream(access.value()).map(Role::name).toList());
            who = "**Who may call:** " + roles + " (`Authorization: Bearer <API key>` of that role).";
            for (Role role : access.value()) {
                operation.addSecurityItem(new SecurityRequirement().addList(scheme(role)));
            }
            add(responses, "401", "No API key, or one that is not known.", "unauthorized",
                    "Missing or unknown API key", "send Authorization: Bearer <API key>");
            if (access.value().length < Role.values().length) {
                add(responses, "403", "The key's role may not do this (" + roles + " only).", "forbidden",
                        "Operator role required", "this action needs the operator's API key");
            }
            ApiResponse tooMany = problem("Too many requests with this key; retry after `Retry-After` seconds.",
                    "rate-limited", "Too many requests", 429, "this key sent more requests than its limit allows");
            tooMany.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                    .schema(new Schema<Integer>().type("integer").types(Set.of("integer")).example(1)));
            responses.putIfAbsent("429", tooMany);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "query".equals(p.getIn()));
        if (hasBody || hasInput) {
            ApiResponse invalid = new ApiResponse().description("The request is invalid; `errors` names each field and "
                    + "why. Nothing is stored.").content(problemContent("ValidationProblem", validationExample()));
            responses.putIfAbsent("400", invalid);
        }
        if (hasBody) {
            add(responses, "413", "The body is larger than this operation accepts; nothing is stored.",
                    "payload-too-large", "Request body too large", "the body exceeds the limit of this operation");
        }
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(responses, "404", "No such record (or, for a subscriber, not one of its own).", "not-found",
                    "not found", "the record does not exist");
        }
        // a 4xx a controller declared with only a description answers problem+json (springdoc would have put the
        // handler's return type there), and a 304 has no body
        responses.forEach((code, response) -> {
            if (code.startsWith("4") && response.get$ref() == null
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.content(problemContent("Problem", null));
            }
            if (code.equals("304")) {
                response.content(null);
            }
        });
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip() + "\n\n";
        if (!description.contains("**Who may call:**")) {
            operation.description(description + who);
        }
        return operation;
    }

    private static void add(ApiResponses responses, String code, String description, String slug, String title,
                            String detail) {
        responses.putIfAbsent(code, problem(description, slug, title, Integer.parseInt(code), detail));
    }

    private static ApiResponse problem(String description, String slug, String title, int status, String detail) {
        return new ApiResponse().description(description)
                .content(problemContent("Problem", example(slug, title, status, detail)));
    }

    static Content problemContent(String schema, Map<String, Object> example) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema));
        if (example != null) {
            media.example(example);
        }
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    private static Map<String, Object> example(String slug, String title, int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://vigia.co/problems/" + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        return example;
    }

    private static Map<String, Object> validationExample() {
        Map<String, Object> example = example("validation", "Invalid request", 400,
                "filedOn: must not be in the future (today is 2023-06-13)");
        example.put("errors", java.util.List.of(Map.of("field", "filedOn",
                "message", "must not be in the future (today is 2023-06-13)")));
        return example;
    }
}
