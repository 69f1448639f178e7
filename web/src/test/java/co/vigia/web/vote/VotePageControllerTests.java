package co.vigia.web.vote;

import co.vigia.web.record.VoteApi;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.web.Fixtures;
import co.vigia.web.WebSliceTest;
import co.vigia.web.record.BillApi;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.UpstreamUnavailableException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(VotePageController.class)
class VotePageControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;
    @MockitoBean
    VoteApi votes;

    @BeforeEach
    void aFailedVote() {
        when(votes.rollCall("v1")).thenReturn(Optional.of(Fixtures.failedCommitteeVote()));
        when(bills.bill("paz-total")).thenReturn(Optional.empty());
    }

    @Test
    void theAbsoluteMajorityIsExplainedInWordsLey5Art117() throws Exception {
        mvc.perform(get("/votaciones/v1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Negado: se requería la mayoría absoluta: 12 de 22 miembros; votaron 11 a favor")))
                .andExpect(content().string(containsString("24 de octubre de 2022")));
        mvc.perform(get("/votaciones/v1").param("lang", "en"))
                .andExpect(content().string(containsString(
                        "Failed: an absolute majority was required: 12 of 22 members; 11 voted in favour")));
    }

    @Test
    void membersAreGroupedByPartyWithAServerDrawnChartAndCohesion() throws Exception {
        mvc.perform(get("/votaciones/v1"))
                .andExpect(content().string(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"")))
                .andExpect(content().string(containsString("<title>A favor: 2</title>")))
                .andExpect(content().string(containsString("<h3>Partido Verde</h3>")))
                .andExpect(content().string(containsString("href=\"/congresistas/m3\">Rosa Díaz</a>")))
                .andExpect(content().string(containsString("100%")));
    }

    @Test
    void withVoteServiceDownTheVotePageSaysSo() throws Exception {
        when(votes.rollCall(any())).thenThrow(new UpstreamUnavailableException(Upstream.VOTE, Reason.CIRCUIT_OPEN, null));
        mvc.perform(get("/votaciones/v1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("El servicio de votaciones no responde")));
    }

    @Test
    void anUnknownVoteIs404() throws Exception {
        when(votes.rollCall("zz")).thenReturn(Optional.empty());
        mvc.perform(get("/votaciones/zz")).andExpect(status().isNotFound());
    }
}
