package co.vigia.web.site;

/** The thing a page is about does not exist: a 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
