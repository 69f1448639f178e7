package co.vigia.web.portal;

import co.vigia.web.client.ApiKey;
import co.vigia.web.portal.KeyRotation.RotatedKey;
import co.vigia.web.security.Account;
import co.vigia.web.security.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An NGO rotates its API key: a confirmation page, then the new key shown once and until when the old one still
 * works. The session goes on with the new key (and a new session id). Offered only when notify-service has the
 * operation ({@link KeyRotation#available()}).
 */
@Controller
public class ApiKeyController {

    private final KeyRotation rotation;
    private final SessionSignIn signIn;

    public ApiKeyController(KeyRotation rotation, SessionSignIn signIn) {
        this.rotation = rotation;
        this.signIn = signIn;
    }

    @GetMapping("/portal/clave")
    public String confirm(Model model, HttpServletResponse response) {
        if (!rotation.available()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/not-found";
        }
        return "portal/rotate-key";
    }

    @PostMapping("/portal/clave")
    public String rotate(@AuthenticationPrincipal Account account, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        if (!rotation.available()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/not-found";
        }
        RotatedKey rotated = rotation.rotate(account.id(), account.key());
        Account renewed = Account.subscriber(account.id(), account.name(), new ApiKey(rotated.apiKey()));
        signIn.signIn(renewed, request, response);
        model.addAttribute("account", renewed);
        model.addAttribute("rotated", rotated);
        return "portal/new-key";
    }
}
