package co.vigia.dashboard.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page and its script are public (they hold no data); the overview needs the operator key, and without it
 * the answer is a 401 problem naming the header. The services point at a port nothing listens on: all DOWN.
 */
@SpringBootTest(properties = {"vigia.dashboard.operator-key=dashboard-test-key",
        "vigia.dashboard.services.BILL=http://127.0.0.1:1", "vigia.dashboard.services.VOTE=http://127.0.0.1:1",
        "vigia.dashboard.services.NOTIFY=http://127.0.0.1:1", "vigia.dashboard.poll-interval=1h"})
@AutoConfigureMockMvc
class OperatorKeyFilterTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theOverviewNeedsTheOperatorKey() throws Exception {
        mvc.perform(get("/api/overview")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"vigia-ops\""))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.field").value("Authorization"));
        mvc.perform(get("/api/overview").header("Authorization", "Bearer not-the-key"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void withTheKeyTheOverviewShowsEveryServiceDownWhenNoneAnswers() throws Exception {
        mvc.perform(get("/api/overview").header("Authorization", "Bearer dashboard-test-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.services.length()").value(3))
                .andExpect(jsonPath("$.services[0].name").value("bill-service"))
                .andExpect(jsonPath("$.services[0].status").value("DOWN"))
                .andExpect(jsonPath("$.votesWaiting").isEmpty());
    }

    @Test
    void thePageItselfIsPublic() throws Exception {
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("dashboard.js")));
        mvc.perform(get("/dashboard.js")).andExpect(status().isOk());
    }
}
