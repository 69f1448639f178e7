package co.vigia.web.portal;

import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.portal.NotifyViews.Bill;
import co.vigia.web.portal.NotifyViews.Endpoint;
import co.vigia.web.portal.NotifyViews.EndpointWithSecret;
import co.vigia.web.security.Account;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An NGO's endpoints: the list with their health, adding one (its secret shown once), pausing, resuming, deleting
 * after a confirmation, rotating the signing secret, and sending a test event. Every call goes to notify-service with
 * the NGO's own key.
 */
@Controller
public class EndpointsController {

    private final PortalApi api;

    public EndpointsController(PortalApi api) {
        this.api = api;
    }

    @GetMapping("/portal")
    public String list(@AuthenticationPrincipal Account account, Model model) {
        model.addAttribute("endpoints", api.endpoints(account));
        return "portal/endpoints";
    }

    @GetMapping("/portal/endpoints/nuevo")
    public String newEndpoint(Model model) {
        return form(model, new EndpointForm(), Map.of(), null);
    }

    @PostMapping("/portal/endpoints")
    public String create(@AuthenticationPrincipal Account account, @ModelAttribute("form") EndpointForm form,
                         Model model, HttpServletResponse response) {
        Map<String, String> missing = form.missing();
        if (!missing.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, FieldProblem.fromKeys(missing), null);
        }
        try {
            EndpointWithSecret created = api.create(account, form.body());
            response.setStatus(HttpStatus.CREATED.value());
            return secret(model, created, false);
        } catch (NotifyRefusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND.value() || refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
                throw refusal;
            }
            response.setStatus(refusal.status());
            return form(model, form, FieldProblem.fromRefusal(refusal),
                    refusal.fields().isEmpty() ? refusal.detail() : null);
        }
    }

    @PostMapping("/portal/endpoints/{id}/pausar")
    public String pause(@AuthenticationPrincipal Account account, @PathVariable String id, RedirectAttributes flash) {
        api.setActive(account, id, false);
        flash.addFlashAttribute("notice", "portal.notice.paused");
        return "redirect:/portal";
    }

    @PostMapping("/portal/endpoints/{id}/reanudar")
    public String resume(@AuthenticationPrincipal Account account, @PathVariable String id, RedirectAttributes flash) {
        api.setActive(account, id, true);
        flash.addFlashAttribute("notice", "portal.notice.resumed");
        return "redirect:/portal";
    }

    @GetMapping("/portal/endpoints/{id}/eliminar")
    public String confirmDelete(@AuthenticationPrincipal Account account, @PathVariable String id, Model model) {
        model.addAttribute("endpoint", api.endpoint(account, id));
        return "portal/delete";
    }

    @PostMapping("/portal/endpoints/{id}/eliminar")
    public String delete(@AuthenticationPrincipal Account account, @PathVariable String id, RedirectAttributes flash) {
        api.delete(account, id);
        flash.addFlashAttribute("notice", "portal.notice.deleted");
        return "redirect:/portal";
    }

    @GetMapping("/portal/endpoints/{id}/rotar-secreto")
    public String confirmRotation(@AuthenticationPrincipal Account account, @PathVariable String id, Model model) {
        model.addAttribute("endpoint", api.endpoint(account, id));
        return "portal/rotate-secret";
    }

    @PostMapping("/portal/endpoints/{id}/rotar-secreto")
    public String rotate(@AuthenticationPrincipal Account account, @PathVariable String id, Model model) {
        return secret(model, api.rotateSecret(account, id), true);
    }

    /** Sends a test event now; the endpoint's delivery log shows it arrive. */
    @PostMapping("/portal/endpoints/{id}/prueba")
    public String test(@AuthenticationPrincipal Account account, @PathVariable String id, RedirectAttributes flash) {
        try {
            api.test(account, id);
            flash.addFlashAttribute("notice", "portal.notice.testSent");
        } catch (NotifyRefusal refusal) {
            if (refusal.status() != HttpStatus.CONFLICT.value()) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", "portal.problem.inactive");
        }
        return "redirect:/portal/endpoints/" + id;
    }

    private String form(Model model, EndpointForm form, Map<String, FieldProblem> errors, String problemDetail) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (problemDetail != null) {
            model.addAttribute("problem", "portal.problem.refused");
            model.addAttribute("problemDetail", problemDetail);
        }
        model.addAttribute("eventTypes", EventTypeChoices.TYPES);
        List<Bill> bills;
        try {
            bills = api.bills();
        } catch (UpstreamUnavailableException e) {
            bills = null;
        }
        model.addAttribute("bills", bills);
        return "portal/new-endpoint";
    }

    private static String secret(Model model, EndpointWithSecret created, boolean rotated) {
        Endpoint endpoint = created.subscription();
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("secret", created.secret());
        model.addAttribute("rotated", rotated);
        return "portal/secret";
    }
}
