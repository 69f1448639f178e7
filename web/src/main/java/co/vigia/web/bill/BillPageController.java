package co.vigia.web.bill;

import co.vigia.web.record.BillApi;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import co.vigia.web.client.WebProperties;
import co.vigia.web.i18n.When;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.Missing;
import co.vigia.web.site.NotFoundException;
import co.vigia.web.site.PageMeta;
import co.vigia.web.record.VoteApi;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A bill's page: what it is, where it stands on its path, its timeline, deadlines, defects, votes and opinions. */
@Controller
public class BillPageController {

    private final BillApi bills;
    private final VoteApi votes;
    private final When when;
    private final WebProperties properties;
    private final MessageSource messages;

    public BillPageController(BillApi bills, VoteApi votes, When when, WebProperties properties,
                              MessageSource messages) {
        this.bills = bills;
        this.votes = votes;
        this.when = when;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/proyectos/{id}")
    public String bill(@PathVariable String id, Model model, HttpServletResponse response) {
        Missing missing = new Missing();
        Optional<BillApi.Bill> found = missing.fetch(() -> bills.bill(id)).flatMap(b -> b);
        if (found.isEmpty() && missing.has(Upstream.BILL)) {
            // without bill-service there is nothing to show but the notice
            return missing.unavailablePage(model, response);
        }
        BillApi.Bill bill = found.orElseThrow(() -> new NotFoundException("bill " + id));
        List<BillApi.Entry> timeline = missing.fetch(() -> bills.timeline(id)).flatMap(t -> t)
                .map(BillApi.Timeline::entries).orElse(List.of()).stream()
                .sorted(Comparator.comparing(BillApi.Entry::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<BillApi.Defect> defects = defects(id, bill);
        List<VoteApi.RollCall> rollCalls = missing.fetch(() -> votes.rollCallsOf(id)).orElse(List.of()).stream()
                .sorted(Comparator.comparing(VoteApi.RollCall::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<VoteApi.Objection> objections = missing.fetch(() -> votes.objectionsOf(id)).orElse(List.of());

        BillStory story = BillStory.of(bill, timeline, when);
        model.addAttribute("bill", bill);
        model.addAttribute("story", story);
        model.addAttribute("timeline", timeline);
        model.addAttribute("defects", defects);
        model.addAttribute("rollCalls", rollCalls);
        model.addAttribute("objections", objections);
        model.addAttribute("missing", missing);
        model.addAttribute("feedUrl", "/proyectos/" + id + "/feed.atom");
        String canonical = properties.base() + "/proyectos/" + id;
        model.addAttribute("meta", PageMeta.article(bill.title(), description(bill, story), canonical));
        if (missing.isEmpty()) {
            HttpCaching.publicPage(response);
        } else {
            HttpCaching.degradedPage(response);
        }
        return "bill";
    }

    /** The bill's Atom feed, passed through from bill-service so readers need only this site's address. */
    @GetMapping(value = "/proyectos/{id}/feed.atom")
    public ResponseEntity<String> feed(@PathVariable String id) {
        try {
            String atom = bills.feed(id).orElseThrow(() -> new NotFoundException("bill " + id));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                    .cacheControl(CacheControl.maxAge(HttpCaching.PUBLIC_MAX_AGE).cachePublic()).body(atom);
        } catch (UpstreamUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").build();
        }
    }

    /** bill-service's defects endpoint where it exists; a 404 (older bill-service) or a failure falls back quietly. */
    private List<BillApi.Defect> defects(String id, BillApi.Bill bill) {
        try {
            return bills.defects(id).orElse(bill.defects());
        } catch (RuntimeException e) {
            return bill.defects();
        }
    }

    private String description(BillApi.Bill bill, BillStory story) {
        var locale = LocaleContextHolder.getLocale();
        String stage = messages.getMessage("stage." + bill.stage().name(), null, bill.stage().name(), locale);
        String filed = bill.filedOn() == null ? "" : " · " + messages.getMessage("bill.filedOn", null, locale) + " "
                + when.day(bill.filedOn());
        return stage + (story.closedOn() == null ? "" : " (" + when.day(story.closedOn()) + ")") + filed;
    }
}
