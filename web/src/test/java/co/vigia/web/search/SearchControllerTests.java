package co.vigia.web.search;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.web.Fixtures;
import co.vigia.web.WebSliceTest;
import co.vigia.web.record.BillApi;
import co.vigia.web.record.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(SearchController.class)
class SearchControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;

    @Test
    void searchingSometimientoFindsTheSubmissionBill() throws Exception {
        BillApi.Query query = new BillApi.Query("sometimiento", null, null, null, null);
        when(bills.search(eq(query), eq(0), anyInt())).thenReturn(new BillApi.Page(
                List.of(Fixtures.summary(Fixtures.submissionArchived())), 0, 20, 1));
        mvc.perform(get("/buscar").param("q", "sometimiento"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 proyecto")))
                .andExpect(content().string(containsString("href=\"/proyectos/sometimiento\"")))
                .andExpect(content().string(containsString("value=\"sometimiento\"")));
    }

    @Test
    void everyFilterReachesBillService() throws Exception {
        BillApi.Query query = new BillApi.Query("paz", Stage.ARCHIVED, BillKind.ORDINARY, "paz-total", Chamber.SENATE);
        when(bills.search(eq(query), eq(1), anyInt())).thenReturn(new BillApi.Page(List.of(), 1, 20, 0));
        mvc.perform(get("/buscar").param("q", "paz").param("stage", "ARCHIVED").param("kind", "ORDINARY")
                        .param("topic", "paz-total").param("chamber", "SENATE").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ningún proyecto coincide")));
        verify(bills).search(eq(query), eq(1), anyInt());
    }

    @Test
    void anUnknownStageIsA400NamingTheField() throws Exception {
        mvc.perform(get("/buscar").param("stage", "NOPE").param("chamber", "MOON"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Etapa: no es una de las opciones de la lista")))
                .andExpect(content().string(containsString("Cámara de origen: no es una de las opciones de la lista")));
        verifyNoInteractions(bills);
    }
}
