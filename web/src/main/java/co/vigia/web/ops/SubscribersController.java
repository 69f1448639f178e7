package co.vigia.web.ops;

import co.vigia.web.client.ApiKey;
import co.vigia.web.client.ServiceClient;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.ops.probe.ProbeProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators manage subscribers (NGOs) through notify-service with the operator key: the list, a new NGO (its API key
 * shown once, on the page that answers the form), suspend and reactivate.
 */
@Controller
public class SubscribersController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscriber(String id, String name, String contactEmail, String status, Instant createdAt,
                             Instant suspendedAt) {

        public boolean suspended() {
            return "SUSPENDED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedSubscriber(String id, String name, String contactEmail, String status, String apiKey) {
    }

    private final ServiceClient notify;
    private final ProbeProperties properties;
    private final JsonMapper json;

    public SubscribersController(ServiceClients clients, ProbeProperties properties, JsonMapper json) {
        this.notify = clients.notifications();
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/ops/suscriptores")
    public String list(Model model, HttpServletResponse response) {
        model.addAttribute("name", "");
        model.addAttribute("contactEmail", "");
        return page(model, response, Map.of());
    }

    @PostMapping("/ops/suscriptores")
    public String create(@RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String contactEmail, Model model,
                         HttpServletResponse response) {
        model.addAttribute("name", name);
        model.addAttribute("contactEmail", contactEmail);
        try {
            CreatedSubscriber created = notify.call(key(), r -> r.post().uri("/api/subscribers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", name.trim(), "contactEmail", contactEmail.trim())).retrieve()
                    .body(CreatedSubscriber.class));
            response.setStatus(HttpStatus.CREATED.value());
            model.addAttribute("created", created);
            model.addAttribute("name", "");
            model.addAttribute("contactEmail", "");
            return page(model, response, Map.of());
        } catch (HttpClientErrorException e) {
            response.setStatus(e.getStatusCode().value());
            return page(model, response, fieldErrors(e));
        } catch (UpstreamUnavailableException e) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("problem", "ops.subscribers.unavailable");
            return page(model, response, Map.of());
        }
    }

    @PostMapping("/ops/suscriptores/{id}/suspender")
    public String suspend(@PathVariable String id, RedirectAttributes flash) {
        return change(id, "suspend", "ops.subscribers.suspended", flash);
    }

    @PostMapping("/ops/suscriptores/{id}/reactivar")
    public String reactivate(@PathVariable String id, RedirectAttributes flash) {
        return change(id, "reactivate", "ops.subscribers.reactivated", flash);
    }

    private String change(String id, String action, String notice, RedirectAttributes flash) {
        try {
            Subscriber changed = notify.call(key(), r -> r.post().uri("/api/subscribers/{id}/" + action, id)
                    .retrieve().body(Subscriber.class));
            flash.addFlashAttribute("notice", notice);
            flash.addFlashAttribute("noticeName", changed == null ? id : changed.name());
        } catch (HttpClientErrorException e) {
            flash.addFlashAttribute("problem", "ops.subscribers.refused");
            flash.addFlashAttribute("problemDetail", e.getStatusCode().value() + " " + e.getStatusText());
        } catch (UpstreamUnavailableException e) {
            flash.addFlashAttribute("problem", "ops.subscribers.unavailable");
        }
        return "redirect:/ops/suscriptores";
    }

    private String page(Model model, HttpServletResponse response, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        try {
            model.addAttribute("subscribers", Arrays.asList(notify.call(key(), r -> r.get().uri("/api/subscribers")
                    .retrieve().body(Subscriber[].class))));
        } catch (UpstreamUnavailableException | HttpClientErrorException e) {
            model.addAttribute("subscribers", List.of());
            model.addAttribute("listProblem", "ops.subscribers.unavailable");
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
        return "ops/subscribers";
    }

    /** notify-service's field errors (name, contactEmail) with its reasons. */
    private Map<String, String> fieldErrors(HttpClientErrorException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            for (JsonNode error : problem.path("errors")) {
                errors.merge(error.path("field").asString(""), error.path("message").asString(""),
                        (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("", problem.path("detail").asString(e.getStatusText()));
            }
        } catch (RuntimeException notJson) {
            errors.put("", e.getStatusCode().value() + " " + e.getStatusText());
        }
        return errors;
    }

    private ApiKey key() {
        return new ApiKey(properties.operatorKey().isEmpty() ? "-" : properties.operatorKey());
    }
}
