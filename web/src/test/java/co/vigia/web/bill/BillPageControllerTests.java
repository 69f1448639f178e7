package co.vigia.web.bill;

import co.vigia.web.record.BillApi;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.web.Fixtures;
import co.vigia.web.WebSliceTest;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.UpstreamUnavailableException.Reason;
import co.vigia.web.record.VoteApi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebSliceTest(BillPageController.class)
class BillPageControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;
    @MockitoBean
    VoteApi votes;

    @BeforeEach
    void submissionBill() {
        when(bills.bill("sometimiento")).thenReturn(Optional.of(Fixtures.submissionArchived()));
        when(bills.timeline("sometimiento")).thenReturn(Fixtures.submissionTimeline());
        when(bills.defects("sometimiento")).thenReturn(Optional.empty());
        when(votes.rollCallsOf("sometimiento")).thenReturn(List.of());
        when(votes.objectionsOf("sometimiento")).thenReturn(List.of(Fixtures.attorneyGeneral()));
    }

    @Test
    void inSpanishByDefaultTheArchivedBillSaysWhenAndWhyArt162() throws Exception {
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Language", "es-CO"))
                .andExpect(content().string(containsString("<html lang=\"es\">")))
                .andExpect(content().string(containsString("Archivado")))
                .andExpect(content().string(containsString("20 de junio de 2023")))
                .andExpect(content().string(containsString("sin que tuviera su primer debate")))
                .andExpect(content().string(containsString("(art. 162)")))
                .andExpect(content().string(containsString("15 de marzo de 2023")))
                .andExpect(content().string(containsString("288/2023 Senado")))
                .andExpect(content().string(containsString("aquí se detuvo")))
                .andExpect(content().string(containsString("Francisco Barbosa (Fiscal General de la Nación)")))
                .andExpect(content().string(containsString("/proyectos/sometimiento/feed.atom")))
                .andExpect(content().string(containsString("action=\"/proyectos/sometimiento/seguir\"")))
                .andExpect(content().string(containsString("Seguir por correo")));
    }

    @Test
    void theSwitchAndAcceptLanguageGiveEnglish() throws Exception {
        MvcResult switched = mvc.perform(get("/proyectos/sometimiento").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Archived")))
                .andExpect(content().string(containsString("June 20, 2023")))
                .andExpect(content().string(containsString("before its first debate")))
                .andExpect(header().string("Set-Cookie", containsString("vigia-lang=en")))
                .andReturn();
        // the switch back is a link to this page with ?lang=es
        org.assertj.core.api.Assertions.assertThat(switched.getResponse().getContentAsString())
                .contains("href=\"/proyectos/sometimiento?lang=es\"");
        mvc.perform(get("/proyectos/sometimiento").header("Accept-Language", "en-GB,en;q=0.8"))
                .andExpect(content().string(containsString("June 20, 2023")));
        mvc.perform(get("/proyectos/sometimiento").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(containsString("20 de junio de 2023")));
    }

    @Test
    void linkPreviewsGetTitleDescriptionCanonicalAndOpenGraph() throws Exception {
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(content().string(containsString("<link rel=\"canonical\" href=\"http://localhost:8080/proyectos/sometimiento\">")))
                .andExpect(content().string(containsString("<meta property=\"og:type\" content=\"article\">")))
                .andExpect(content().string(containsString("<meta property=\"og:title\" content=\"" + Fixtures.TITLE + "\">")))
                .andExpect(content().string(containsString("<meta name=\"description\" content=\"Archivado (20 de junio de 2023)")));
    }

    @Test
    void aCompletePageIsPubliclyCacheableWithAnEtagAndAnswers304() throws Exception {
        MvcResult first = mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(header().string("Cache-Control", "max-age=30, public"))
                .andExpect(header().string("Vary", containsString("Accept-Language")))
                .andExpect(header().exists("ETag")).andReturn();
        mvc.perform(get("/proyectos/sometimiento").header("If-None-Match", first.getResponse().getHeader("ETag")))
                .andExpect(status().isNotModified());
    }

    @Test
    void withVoteServiceDownThePageSaysSoAndShowsTheRest() throws Exception {
        when(votes.rollCallsOf("sometimiento")).thenThrow(new UpstreamUnavailableException(Upstream.VOTE,
                Reason.NOT_ANSWERING, null));
        when(votes.objectionsOf("sometimiento")).thenThrow(new UpstreamUnavailableException(Upstream.VOTE,
                Reason.NOT_ANSWERING, null));
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El servicio de votaciones no responde.")))
                .andExpect(content().string(containsString("20 de junio de 2023")))
                .andExpect(content().string(not(containsString("No se ha registrado ninguna votación"))))
                .andExpect(header().string("Cache-Control", "no-cache"));
        mvc.perform(get("/proyectos/sometimiento").param("lang", "en"))
                .andExpect(content().string(containsString("The voting service is not answering.")));
    }

    @Test
    void withBillServiceDownThePageIs503AndSaysWhichServiceIsMissing() throws Exception {
        when(bills.bill("sometimiento")).thenThrow(new UpstreamUnavailableException(Upstream.BILL, Reason.TIMED_OUT,
                null));
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("El servicio de proyectos tardó demasiado en responder.")));
    }

    @Test
    void anUnknownBillIs404() throws Exception {
        when(bills.bill(any())).thenReturn(Optional.empty());
        mvc.perform(get("/proyectos/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No encontramos esta página")));
    }

    @Test
    void anOpenBillShowsWhatComesNextByWhenAndTheCountdownArt138() throws Exception {
        when(bills.bill("sometimiento")).thenReturn(Optional.of(Fixtures.submissionOpen()));
        when(bills.timeline("sometimiento")).thenReturn(Optional.empty());
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(content().string(containsString("Qué sigue:")))
                .andExpect(content().string(containsString("Segundo debate: plenaria de la cámara de origen")))
                .andExpect(content().string(containsString("faltan 19 días")))
                .andExpect(content().string(containsString("art. 138")))
                .andExpect(content().string(containsString("aria-current=\"step\"")));
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyWithoutInlineScript() throws Exception {
        mvc.perform(get("/proyectos/sometimiento"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(not(containsString("<script"))))
                .andExpect(content().string(not(containsString("style=\""))));
    }
}
