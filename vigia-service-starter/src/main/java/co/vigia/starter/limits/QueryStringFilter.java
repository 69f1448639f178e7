package co.vigia.starter.limits;

import co.vigia.contracts.Ids;
import co.vigia.starter.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string Tomcat cannot decode ({@code ?q=%}, {@code ?x=%zz}, bytes that are not UTF-8) with a 400
 * naming the parameter, before anything asks for a parameter: Tomcat 11 throws on the first
 * {@code getParameter} of such a request, which surfaced as a 500 with a stack trace. Control characters and bidi
 * overrides are refused too: no filter needs them, and a NUL in a search became a MongoDB regex that cannot be sent.
 */
public class QueryStringFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryStringFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String problem = query == null ? null : firstProblem(query);
        if (problem != null) {
            log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), problem);
            ProblemJson.write(response, ProblemJson.problem(HttpStatus.BAD_REQUEST, "malformed-query",
                    "Malformed query string", problem));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why this raw query string cannot be decoded, naming the parameter; null when it can. */
    static String firstProblem(String query) {
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            String shown = name == null ? "a parameter" : "parameter '" + printable(name) + "'";
            if (name == null) {
                return shown + ": its name is not percent-encoded UTF-8 (a '%' must be followed by two hex digits)";
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (value == null) {
                return shown + ": the value is not percent-encoded UTF-8 (a '%' must be followed by two hex digits)";
            }
            if (!Ids.isPrintable(name) || !Ids.isPrintable(value)) {
                return shown + ": " + Ids.PRINTABLE_MESSAGE;
            }
        }
        return null;
    }

    /** The decoded text, or null when an escape is broken or the bytes are not UTF-8. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return cut.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7f) ? cut : "(unprintable)";
    }
}
