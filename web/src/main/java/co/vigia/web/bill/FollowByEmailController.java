package co.vigia.web.bill;

import co.vigia.web.client.ServiceClients;
import co.vigia.web.client.UpstreamUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Seguir por correo" on a bill's page: passes the address to notify-service's public follow endpoint (double
 * opt-in: it sends one confirmation email) and sends the reader back to the page with what happened, as a
 * post-redirect-get so a reload does not ask twice. The outcome is one of a few fixed words, never the address.
 */
@Controller
public class FollowByEmailController {

    /** What the page can say after a request: the words the template knows. */
    static final List<String> OUTCOMES = List.of("revise", "invalido", "limite", "nodisponible");

    private final ServiceClients services;

    public FollowByEmailController(ServiceClients services) {
        this.services = services;
    }

    @PostMapping(path = "/proyectos/{id}/seguir", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> follow(@PathVariable String id, @RequestParam(name = "correo", defaultValue = "") String address,
                                       @RequestParam(name = "frecuencia", defaultValue = "INSTANT") String cadence) {
        String outcome;
        if (address.isBlank() || address.length() > 254) {
            outcome = "invalido";
        } else {
            outcome = ask(id, address.strip(), "DAILY".equals(cadence) ? "DAILY" : "INSTANT");
        }
        URI back = UriComponentsBuilder.fromPath("/proyectos/{id}").queryParam("seguir", outcome)
                .fragment("seguir-correo").buildAndExpand(id).encode().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
    }

    private String ask(String billId, String address, String cadence) {
        String language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "EN" : "ES";
        Map<String, Object> body = Map.of("address", address, "billIds", List.of(billId), "cadence", cadence,
                "language", language);
        try {
            services.notifications().call(null, rest -> rest.post().uri("/api/email/follows")
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            return "revise";
        } catch (HttpClientErrorException e) {
            return e.getStatusCode().value() == 429 ? "limite" : "invalido";
        } catch (UpstreamUnavailableException e) {
            return "nodisponible";
        }
    }
}
