package co.vigia.web.portal;

import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.security.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page shares: the signed-in NGO, and how notify-service's answers show. Another NGO's endpoint
 * or delivery (notify-service's 404) is "not found", exactly like one that does not exist; a key notify-service no
 * longer accepts (suspended, rotated away) ends the session; notify-service not answering is a 503 page that says so.
 */
@ControllerAdvice(assignableTypes = {EndpointsController.class, DeliveriesController.class, ApiKeyController.class})
public class PortalAdvice {

    private final ObjectProvider<KeyRotation> keyRotation;

    /** Key rotation is optional: a page slice without it (or notify-service without the operation) offers none. */
    public PortalAdvice(ObjectProvider<KeyRotation> keyRotation) {
        this.keyRotation = keyRotation;
    }

    @ModelAttribute("keyRotation")
    public boolean keyRotation() {
        KeyRotation rotation = keyRotation.getIfAvailable();
        return rotation != null && rotation.available();
    }

    @ModelAttribute("account")
    public Account account(@AuthenticationPrincipal Account account) {
        return account;
    }

    @ExceptionHandler(NotifyRefusal.class)
    public String refused(NotifyRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/portal/entrar?revocada";
        }
        if (refusal.status() == HttpStatus.NOT_FOUND.value()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/not-found";
        }
        response.setStatus(refusal.status());
        model.addAttribute("problem", "portal.problem.refused");
        model.addAttribute("problemDetail", refusal.detail());
        return "portal/problem";
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    public String unavailable(UpstreamUnavailableException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("unavailableService", "service." + e.upstream().key());
        model.addAttribute("unavailableReason", "unavailable." + e.reason().name());
        return "portal/unavailable";
    }
}
