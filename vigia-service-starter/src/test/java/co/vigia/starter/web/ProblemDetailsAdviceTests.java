package co.vigia.starter.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.starter.security.Caller;
import co.vigia.starter.security.ServiceRoutes;
import co.vigia.startertest.StarterTestApplication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every error a service answers is RFC 9457 problem+json, naming the field and why. */
@WebMvcTest(controllers = ProblemDetailsAdviceTests.Things.class)
@ContextConfiguration(classes = {StarterTestApplication.class, ProblemDetailsAdviceTests.Things.class,
    ProblemDetailsAdviceTests.ThingRoutes.class})
class ProblemDetailsAdviceTests {

    private static final String OPERATOR = "Bearer test-operator-key";

    @Autowired
    MockMvc mvc;

    @Test
    void invalidFieldsAreListedWithTheirReasons() throws Exception {
        mvc.perform(post("/api/things").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"count\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field=='name')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='count')].message").exists());
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        mvc.perform(post("/api/things").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"count\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        mvc.perform(post("/api/things").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://vigia.co/problems/malformed-body"));
    }

    @Test
    void aBadQueryParameterNamesIt() throws Exception {
        mvc.perform(get("/api/things").param("size", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anApiProblemKeepsItsStatusAndProperties() throws Exception {
        mvc.perform(get("/api/things/missing"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://vigia.co/problems/illegal-transition"))
                .andExpect(jsonPath("$.currentStage").value("FILED"));
    }

    @Test
    void aSubscriberKeyIsNotTheOperators() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"count\":1}"))
                .andExpect(status().isUnauthorized());
    }

    record Thing(@NotBlank String name, @Positive int count) {
    }

    static class ThingRoutes implements ServiceRoutes {
        @Override
        public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/things", "/api/things/*").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/things").hasRole("OPERATOR");
        }
    }

    @RestController
    static class Things {
        @PostMapping("/api/things")
        Thing create(Caller caller, @Valid @RequestBody Thing thing) {
            caller.requireOperator();
            return thing;
        }

        @GetMapping("/api/things")
        String list(@RequestParam(defaultValue = "10") int size) {
            return "ok " + size;
        }

        @GetMapping("/api/things/{id}")
        String one(@PathVariable String id) {
            throw ApiProblem.conflict("illegal-transition", "Illegal transition", "no")
                    .with("currentStage", "FILED");
        }
    }

}
