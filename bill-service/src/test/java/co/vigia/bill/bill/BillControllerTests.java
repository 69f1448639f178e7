package co.vigia.bill.bill;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.bill.BillRoutes;
import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.IllegalTransitionException;
import co.vigia.bill.procedure.Stage;
import co.vigia.starter.web.ApiProblem;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bill API's web layer alone: who may write, how bad input is refused (problem+json naming each field, and
 * nothing reaches the service), and how a procedure refusal reads (409 with the stage and what is allowed).
 */
@WebMvcTest(controllers = BillController.class, properties = "vigia.security.operator-key=" + BillControllerTests.KEY)
@Import(BillRoutes.class)
class BillControllerTests {

    static final String KEY = "slice-operator-key";
    static final String OPERATOR = "Bearer " + KEY;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillService service;
    @MockitoBean
    BillSearch search;

    @BeforeEach
    void today() {
        given(service.today()).willReturn(LocalDate.of(2023, 5, 1));
    }

    @Test
    void writingWithoutTheOperatorKeyIsRefusedAndNothingIsRegistered() throws Exception {
        mvc.perform(post("/api/bills").contentType(MediaType.APPLICATION_JSON).content(validBill()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json;charset=UTF-8"));
        mvc.perform(post("/api/bills").header("Authorization", "Bearer not-the-key")
                        .contentType(MediaType.APPLICATION_JSON).content(validBill()))
                .andExpect(status().isUnauthorized());
        verify(service, never()).register(any(), anyString());
    }

    @Test
    void everyInvalidFieldIsNamedWithItsReason() throws Exception {
        mvc.perform(post("/api/bills").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id":"Not A Slug","title":"","kind":"ORDINARY","originChamber":"SENATE",
                                 "filedOn":"2023-03-15","articleCount":0}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='id')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='articleCount')].message").exists());
        verify(service, never()).register(any(), anyString());
    }

    @Test
    void anUnknownKindNamesTheField() throws Exception {
        mvc.perform(post("/api/bills").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content(validBill().replace("\"ORDINARY\"", "\"DECREE\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        verify(service, never()).register(any(), anyString());
    }

    @Test
    void aFilingDateInTheFutureIsRefused() throws Exception {
        mvc.perform(post("/api/bills").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content(validBill().replace("2023-03-15", "2023-05-02")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("filedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be in the future (today is 2023-05-01)"));
        verify(service, never()).register(any(), anyString());
    }

    @Test
    void aSecondBillWithTheSameIdIsAConflict() throws Exception {
        given(service.find("sometimiento")).willReturn(Optional.of(new Bill()));
        mvc.perform(post("/api/bills").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content(validBill()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.id").value("sometimiento"));
        verify(service, never()).register(any(), anyString());
    }

    @Test
    void anActionTheStageDoesNotAllowIsA409NamingTheStageAndTheAllowedActions() throws Exception {
        given(service.recordAction(eq("sometimiento"), any(), anyString())).willThrow(new IllegalTransitionException(
                Stage.FILED, ActionType.SENT_TO_SANCTION, Set.of(ActionType.ASSIGNED_TO_COMMITTEE, ActionType.WITHDRAWN),
                "a FILED bill cannot be sent to sanction"));
        mvc.perform(post("/api/bills/sometimiento/actions").header("Authorization", OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"SENT_TO_SANCTION\",\"date\":\"2023-04-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "illegal-transition"))
                .andExpect(jsonPath("$.currentStage").value("FILED"))
                .andExpect(jsonPath("$.action").value("SENT_TO_SANCTION"))
                .andExpect(jsonPath("$.allowedActions[0]").value("ASSIGNED_TO_COMMITTEE"))
                .andExpect(jsonPath("$.allowedActions[1]").value("WITHDRAWN"));
    }

    @Test
    void anActionWithoutItsTypeAndDateIsRefusedBeforeTheService() throws Exception {
        mvc.perform(post("/api/bills/sometimiento/actions").header("Authorization", OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"algo\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='type')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='date')].message").exists());
        verify(service, never()).recordAction(anyString(), any(), anyString());
    }

    @Test
    void anUnknownBillIsA404Problem() throws Exception {
        given(service.get("no-such-bill")).willThrow(new UnknownBillException("no-such-bill"));
        mvc.perform(get("/api/bills/no-such-bill"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "not-found"))
                .andExpect(jsonPath("$.detail").value("bill 'no-such-bill' does not exist"))
                .andExpect(jsonPath("$.id").value("no-such-bill"));
    }

    @Test
    void aPageSizeOutOfRangeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/bills").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 100"));
        verify(search, never()).search(any(), any(), any(), any(), any(), anyInt(),
                anyInt());
    }

    private static String validBill() {
        return """
                {"id":"sometimiento","title":"Sometimiento a la justicia","kind":"ORDINARY",
                 "originChamber":"SENATE","filedOn":"2023-03-15"}""";
    }

    @Test
    void theDefectRadarIsPublicAndListsEachDefectWithItsArticleFactsAndCurability() throws Exception {
        co.vigia.bill.procedure.Procedure procedure = co.vigia.bill.procedure.Procedure.filed(
                co.vigia.contracts.BillKind.ORDINARY, false, LocalDate.of(2023, 3, 15));
        Bill bill = new Bill("radar", "Radar", null, co.vigia.contracts.BillKind.ORDINARY, null, null, null, null,
                LocalDate.of(2023, 3, 15), null, null, procedure, java.time.Instant.parse("2023-04-01T00:00:00Z"));
        bill.addDefect(new FlaggedDefect("d-1", co.vigia.bill.procedure.DefectRule.ART_160_UNANNOUNCED_VOTE,
                "art. 160 (Acto Legislativo 01 de 2003)", "not announced",
                java.util.List.of(new co.vigia.bill.procedure.Fact(LocalDate.of(2023, 4, 4), "announced for 2023-04-11",
                        "https://example.org/acta")), true, "v-1", LocalDate.of(2023, 4, 12),
                java.time.Instant.parse("2023-04-12T00:00:00Z")));
        given(service.get("radar")).willReturn(bill);
        mvc.perform(get("/api/bills/radar/defects"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.defects[0].rule").value("ART_160_UNANNOUNCED_VOTE"))
                .andExpect(jsonPath("$.defects[0].article").value("art. 160 (Acto Legislativo 01 de 2003)"))
                .andExpect(jsonPath("$.defects[0].facts[0].sourceUrl").value("https://example.org/acta"))
                .andExpect(jsonPath("$.defects[0].curable").value(true));
    }
}
