package co.vigia.web.member;

import co.vigia.web.record.BillApi;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.WebProperties;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.Missing;
import co.vigia.web.site.NotFoundException;
import co.vigia.web.site.PageMeta;
import co.vigia.web.record.VoteApi;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A legislator's page: how they voted on every tracked bill. */
@Controller
public class MemberPageController {

    private final VoteApi votes;
    private final BillApi bills;
    private final WebProperties properties;
    private final MessageSource messages;

    public MemberPageController(VoteApi votes, BillApi bills, WebProperties properties, MessageSource messages) {
        this.votes = votes;
        this.bills = bills;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/congresistas/{id}")
    public String member(@PathVariable String id, Model model, HttpServletResponse response) {
        Missing missing = new Missing();
        Optional<VoteApi.MemberRecord> found = missing.fetch(() -> votes.member(id)).flatMap(m -> m);
        if (found.isEmpty() && missing.has(Upstream.VOTE)) {
            return missing.unavailablePage(model, response);
        }
        VoteApi.MemberRecord member = found.orElseThrow(() -> new NotFoundException("member " + id));
        Map<String, String> billTitles = new HashMap<>();
        member.votes().stream().map(VoteApi.MemberVoteLine::billId).distinct().forEach(billId ->
                missing.fetch(() -> bills.bill(billId)).flatMap(b -> b)
                        .ifPresent(b -> billTitles.put(billId, b.title())));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("member", member);
        model.addAttribute("billTitles", billTitles);
        model.addAttribute("missing", missing);
        model.addAttribute("meta", PageMeta.page(member.name(), messages.getMessage("member.description",
                new Object[] {member.name(), member.party(), member.votes().size()}, locale),
                properties.base() + "/congresistas/" + id));
        if (missing.isEmpty()) {
            HttpCaching.publicPage(response);
        } else {
            HttpCaching.degradedPage(response);
        }
        return "member";
    }
}
