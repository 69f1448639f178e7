package co.vigia.web.ops;

import co.vigia.web.security.Account;
import co.vigia.web.security.Area;
import co.vigia.web.security.OperatorKey;
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
 * The operator signs in once with the operator key ({@code VIGIA_OPERATOR_KEY}), compared by its hash; a
 * server-side session follows. Attempts are limited per client as the portal's are.
 */
@Controller
public class OpsSignInController {

    private final OperatorKey operatorKey;
    private final SessionSignIn signIn;
    private final SignInLimiter limiter;

    public OpsSignInController(OperatorKey operatorKey, SessionSignIn signIn, SignInLimiter limiter) {
        this.operatorKey = operatorKey;
        this.signIn = signIn;
        this.limiter = limiter;
    }

    @GetMapping("/ops/entrar")
    public String form(@RequestParam(required = false) String salida, Model model) {
        model.addAttribute("signedOut", salida != null);
        model.addAttribute("configured", operatorKey.isConfigured());
        return "ops/sign-in";
    }

    @PostMapping("/ops/entrar")
    public String signIn(@RequestParam(name = "operatorKey", required = false) String key,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("configured", operatorKey.isConfigured());
        if (!limiter.tryAttempt(Area.OPS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.retryAfter().toSeconds()));
            model.addAttribute("error", "ops.signIn.tooMany");
            return "ops/sign-in";
        }
        if (!operatorKey.matches(key)) {
            response.setStatus(key == null || key.isBlank() ? HttpStatus.BAD_REQUEST.value()
                    : HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", key == null || key.isBlank() ? "ops.signIn.required" : "ops.signIn.wrongKey");
            return "ops/sign-in";
        }
        signIn.signIn(Account.operator(), request, response);
        return "redirect:/ops";
    }
}
