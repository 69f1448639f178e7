package co.vigia.web.security;

/**
 * The two signed-in parts of the site. Each keeps its sign-in in its own session attribute, so an operator and an
 * NGO signed in from one browser do not overwrite each other, and each has its own sign-in page and role.
 */
public enum Area {
    PORTAL("/portal", "SUBSCRIBER"),
    OPS("/ops", "OPERATOR");

    private final String path;
    private final String role;

    Area(String path, String role) {
        this.path = path;
        this.role = role;
    }

    /** {@code /portal} or {@code /ops}. */
    public String path() {
        return path;
    }

    public String role() {
        return role;
    }

    public String signInPath() {
        return path + "/entrar";
    }

    public String signOutPath() {
        return path + "/salir";
    }

    /** The HttpSession attribute that holds this area's security context. */
    String contextAttribute() {
        return "VIGIA_SECURITY_CONTEXT_" + name();
    }
}
