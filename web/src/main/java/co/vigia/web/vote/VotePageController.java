package co.vigia.web.vote;

import co.vigia.web.record.VoteApi;
import co.vigia.contracts.VoteOutcome;
import co.vigia.web.record.BillApi;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.WebProperties;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.Missing;
import co.vigia.web.site.NotFoundException;
import co.vigia.web.site.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A roll call's page: the tally, why it passed or failed in words, the members by party, each party's cohesion. */
@Controller
public class VotePageController {

    private final VoteApi votes;
    private final BillApi bills;
    private final WebProperties properties;
    private final MessageSource messages;

    public VotePageController(VoteApi votes, BillApi bills, WebProperties properties, MessageSource messages) {
        this.votes = votes;
        this.bills = bills;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/votaciones/{id}")
    public String vote(@PathVariable String id, Model model, HttpServletResponse response) {
        Missing missing = new Missing();
        Optional<VoteApi.RollCall> found = missing.fetch(() -> votes.rollCall(id)).flatMap(v -> v);
        if (found.isEmpty() && missing.has(Upstream.VOTE)) {
            return missing.unavailablePage(model, response);
        }
        VoteApi.RollCall vote = found.orElseThrow(() -> new NotFoundException("roll call " + id));
        Optional<BillApi.Bill> bill = vote.billId() == null ? Optional.empty()
                : missing.fetch(() -> bills.bill(vote.billId())).flatMap(b -> b);
        Locale locale = LocaleContextHolder.getLocale();
        String explanation = explain(vote, locale);
        Map<String, List<VoteApi.Member>> byParty = vote.members().stream().sorted(Comparator
                        .comparing((VoteApi.Member m) -> m.party() == null ? "" : m.party())
                        .thenComparing(m -> m.name() == null ? "" : m.name()))
                .collect(Collectors.groupingBy(m -> m.party() == null ? "—" : m.party(), LinkedHashMap::new,
                        Collectors.toList()));
        String[] labels = {msg("choice.YES", locale), msg("choice.NO", locale), msg("choice.ABSTAIN", locale),
                msg("choice.ABSENT", locale)};
        model.addAttribute("vote", vote);
        model.addAttribute("bill", bill.orElse(null));
        model.addAttribute("explanation", explanation);
        model.addAttribute("byParty", byParty);
        model.addAttribute("chart", vote.parties().isEmpty() ? null
                : PartyChart.svg(vote.parties(), msg("vote.chart", locale), labels));
        model.addAttribute("missing", missing);
        String title = msg("vote.title", locale) + " · " + (vote.bodyName() == null ? "" : vote.bodyName());
        model.addAttribute("meta", PageMeta.article(title, explanation, properties.base() + "/votaciones/" + id));
        if (missing.isEmpty()) {
            HttpCaching.publicPage(response);
        } else {
            HttpCaching.degradedPage(response);
        }
        return "vote";
    }

    /**
     * Why it passed or failed, in words: "se requería la mayoría absoluta: 12 de 22 miembros; votaron 11 a favor"
     * (Ley 5 de 1992 art. 117: absolute majority counts the body's members, simple majority those present).
     */
    String explain(VoteApi.RollCall vote, Locale locale) {
        VoteApi.Verdict v = vote.verdict();
        if (v == null) {
            return msg("vote.explain.pending", locale);
        }
        if (v.outcome() == VoteOutcome.NO_QUORUM || !v.quorumPresent()) {
            return messages.getMessage("vote.explain.noQuorum", new Object[] {v.decisoryQuorum(), vote.seats(),
                    vote.counts().present()}, locale);
        }
        String majority = "ABSOLUTE".equals(v.requiredMajority()) ? "vote.explain.absolute" : "vote.explain.simple";
        int base = "ABSOLUTE".equals(v.requiredMajority()) ? vote.seats() : vote.counts().present();
        String rule = messages.getMessage(majority, new Object[] {v.votesNeeded(), base, vote.counts().yes()}, locale);
        String outcome = msg("outcome." + v.outcome().name(), locale);
        return outcome + ": " + rule;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
