package co.vigia.web.site;

import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.UpstreamUnavailableException.Reason;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * The parts of a page that could not be fetched, and why; the layout's notice names each ("el servicio de
 * votaciones no responde"). A page asks for each part through {@link #fetch}, which gives empty when its service
 * is unavailable, and renders the rest.
 */
public final class Missing {

    public record Part(Upstream upstream, Reason reason) {

        public String serviceKey() {
            return "service." + upstream.key();
        }

        public String reasonKey() {
            return "unavailable." + reason.name();
        }
    }

    private final List<Part> parts = new ArrayList<>();

    public <T> Optional<T> fetch(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (UpstreamUnavailableException e) {
            note(e);
            return Optional.empty();
        }
    }

    public void note(UpstreamUnavailableException e) {
        Part part = new Part(e.upstream(), e.reason());
        if (parts.stream().noneMatch(p -> p.upstream() == part.upstream())) {
            parts.add(part);
        }
    }

    public boolean has(Upstream upstream) {
        return parts.stream().anyMatch(p -> p.upstream() == upstream);
    }

    /** For templates: {@code missing.hasService('vote')}. */
    public boolean hasService(String key) {
        return parts.stream().anyMatch(p -> p.upstream().key().equals(key));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** The page that says which service is missing and why: a 503 nobody caches. */
    public String unavailablePage(Model model, HttpServletResponse response) {
        model.addAttribute("missing", this);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        HttpCaching.degradedPage(response);
        return "unavailable";
    }
}
