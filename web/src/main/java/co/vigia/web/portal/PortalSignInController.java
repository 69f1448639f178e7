package co.vigia.web.portal;

import co.vigia.web.client.ApiKey;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.portal.NotifyViews.Me;
import co.vigia.web.security.Account;
import co.vigia.web.security.Area;
import co.vigia.web.security.SessionSignIn;
import co.vigia.web.security.SignInLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An NGO signs in once with its API key: the key is checked by calling notify-service with it, then kept in the
 * server-side session only. Attempts are limited per client; a wrong key, too many attempts and notify-service not
 * answering each say so beside the field, with 401, 429 (and Retry-After) or 503.
 */
@Controller
public class PortalSignInController {

    private final PortalApi api;
    private final SessionSignIn signIn;
    private final SignInLimiter limiter;

    public PortalSignInController(PortalApi api, SessionSignIn signIn, SignInLimiter limiter) {
        this.api = api;
        this.signIn = signIn;
        this.limiter = limiter;
    }

    @GetMapping("/portal/entrar")
    public String form(@RequestParam(required = false) String salida, Model model) {
        model.addAttribute("signedOut", salida != null);
        return "portal/sign-in";
    }

    @PostMapping("/portal/entrar")
    public String signIn(@RequestParam(name = "apiKey", required = false) String apiKey, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        if (!limiter.tryAttempt(Area.PORTAL, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.retryAfter().toSeconds()));
            return refuse(model, "portal.signIn.tooMany");
        }
        if (apiKey == null || apiKey.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return refuse(model, "portal.signIn.required");
        }
        ApiKey key = new ApiKey(apiKey.trim());
        Me me;
        try {
            me = api.me(key);
        } catch (NotifyRefusal refused) {
            if (refused.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return refuse(model, "portal.signIn.tooMany");
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return refuse(model, "portal.signIn.wrongKey");
        } catch (UpstreamUnavailableException down) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return refuse(model, "portal.signIn.unavailable");
        }
        signIn.signIn(Account.subscriber(me.id(), me.name(), key), request, response);
        return "redirect:/portal";
    }

    private static String refuse(Model model, String messageKey) {
        model.addAttribute("error", messageKey);
        return "portal/sign-in";
    }
}
