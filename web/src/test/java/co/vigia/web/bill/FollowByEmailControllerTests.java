package co.vigia.web.bill;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.web.WebSliceTest;
import co.vigia.web.client.ServiceClient;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.HttpClientErrorException;

/** The bill page's "Seguir por correo" form: what notify-service answers becomes one fixed word on the page. */
@WebSliceTest(FollowByEmailController.class)
class FollowByEmailControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ServiceClients services;

    private final ServiceClient notify = mock(ServiceClient.class);

    @BeforeEach
    void notifyAnswers() {
        when(services.notifications()).thenReturn(notify);
    }

    @Test
    void anAcceptedRequestSendsTheReaderBackToCheckTheirInbox() throws Exception {
        follow("ana@ong.example").andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/proyectos/sometimiento?seguir=revise#seguir-correo"));
        verify(notify).call(isNull(), any());
    }

    @Test
    void aRefusedAddressARateLimitAndNotifyDownEachSaySo() throws Exception {
        follow("").andExpect(header().string(HttpHeaders.LOCATION, "/proyectos/sometimiento?seguir=invalido#seguir-correo"));
        verify(notify, never()).call(any(), any());
        doThrow(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", HttpHeaders.EMPTY,
                new byte[0], StandardCharsets.UTF_8)).when(notify).call(isNull(), any());
        follow("ana@ong.example").andExpect(header().string(HttpHeaders.LOCATION,
                "/proyectos/sometimiento?seguir=limite#seguir-correo"));
        doThrow(new UpstreamUnavailableException(Upstream.NOTIFY, UpstreamUnavailableException.Reason.NOT_ANSWERING,
                null)).when(notify).call(isNull(), any());
        follow("ana@ong.example").andExpect(header().string(HttpHeaders.LOCATION,
                "/proyectos/sometimiento?seguir=nodisponible#seguir-correo"));
    }

    private org.springframework.test.web.servlet.ResultActions follow(String address) throws Exception {
        return mvc.perform(post("/proyectos/sometimiento/seguir").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("correo", address).param("frecuencia", "INSTANT"));
    }
}
