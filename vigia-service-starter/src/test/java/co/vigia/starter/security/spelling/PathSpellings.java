package co.vigia.starter.security.spelling;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Ways to write a protected path that a hand-written {@code startsWith} check, a naive matcher or a lenient router
 * could take for another path, or for none: path parameters, percent-encoded letters, {@code //}, {@code /./},
 * trailing {@code /}, upper case, encoded {@code /} {@code .} {@code \} {@code ;}, NUL, {@code ..;}. Shared by every
 * service's side-door test (the starter's test-jar).
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    /** About thirty spellings of {@code path} (e.g. {@code /api/bills/b1/actions}), by a short name. */
    public static Map<String, String> of(String path) {
        String[] parts = path.substring(1).split("/");
        String first = parts[0];
        String rest = path.substring(first.length() + 1);
        String last = parts[parts.length - 1];
        String head = path.substring(0, path.length() - last.length());
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("path parameter on the first segment", "/" + first + ";x" + rest);
        spellings.put("path parameter with a value", "/" + first + ";x=1" + rest);
        spellings.put("trailing path parameter", path + ";x");
        spellings.put("empty path parameter", path + ";");
        spellings.put("jsessionid parameter", path + ";jsessionid=0");
        spellings.put("percent-encoded first letter", "/%" + hex(first.charAt(0)) + first.substring(1) + rest);
        spellings.put("percent-encoded letter in the last segment",
                head + "%" + hex(last.charAt(0)) + last.substring(1));
        spellings.put("double-encoded letter", "/%25" + hex(first.charAt(0)) + first.substring(1) + rest);
        spellings.put("leading //", "/" + path);
        spellings.put("inner //", "/" + first + "/" + rest);
        spellings.put("leading /./", "/." + path);
        spellings.put("inner /./", "/" + first + "/." + rest);
        spellings.put("trailing /", path + "/");
        spellings.put("trailing /.", path + "/.");
        spellings.put("upper case", path.toUpperCase(java.util.Locale.ROOT));
        spellings.put("capitalised first segment",
                "/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
        spellings.put("encoded / (%2F)", "/" + first + "%2F" + rest.substring(1));
        spellings.put("encoded / (%2f)", "/" + first + "%2f" + rest.substring(1));
        spellings.put("trailing %2F", path + "%2F");
        spellings.put("%00 at the end", path + "%00");
        spellings.put("%00 before the path", "/%00" + path);
        spellings.put("..; segment", "/" + first + "/x/..;" + rest);
        spellings.put("..;/ at the start", "/..;" + path);
        spellings.put("%2e segment", "/" + first + "/%2e" + rest);
        spellings.put("%2e%2e segment", "/" + first + "/x/%2e%2e" + rest);
        spellings.put("raw .. segment", "/" + first + "/x/.." + rest);
        spellings.put("encoded ; (%3B)", path + "%3Bx");
        spellings.put("backslash", "/" + first + "\\" + rest.substring(1));
        spellings.put("encoded backslash (%5C)", "/" + first + "%5C" + rest.substring(1));
        spellings.put("encoded tab", path + "%09");
        spellings.put("encoded line feed", path + "%0A");
        spellings.put("encoded space", path + "%20");
        return spellings;
    }

    /**
     * A MockMvc request for a raw, unnormalised path exactly as a client sent it: the request URI undecoded, the
     * path info decoded (as a servlet container would), so Spring Security's firewall judges what Tomcat would pass.
     */
    public static MockHttpServletRequestBuilder request(HttpMethod method, String rawPath) {
        return MockMvcRequestBuilders.request(method, "/placeholder").with(request -> {
            request.setRequestURI(rawPath);
            request.setServletPath("");
            request.setPathInfo(decode(rawPath));
            return request;
        });
    }

    private static String hex(char c) {
        return String.format("%02X", (int) c);
    }

    /** Percent-decoding that leaves a malformed escape as it is. */
    static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    static List<String> names(String path) {
        return new ArrayList<>(of(path).keySet());
    }
}
