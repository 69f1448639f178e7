package co.vigia.web.portal;

import co.vigia.web.portal.NotifyViews.Delivery;
import co.vigia.web.portal.NotifyViews.Endpoint;
import co.vigia.web.portal.NotifyViews.Outcome;
import co.vigia.web.portal.NotifyViews.Replayed;
import co.vigia.web.security.Account;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An endpoint's page: its health, its delivery log with filters (outcome, event type, bill, days), each delivery
 * with its attempts (time, status code, latency, error), redelivering one, and replaying since a day or an event.
 */
@Controller
public class DeliveriesController {

    private final PortalApi api;
    private final Clock clock;

    public DeliveriesController(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/portal/endpoints/{id}")
    public String endpoint(@AuthenticationPrincipal Account account, @PathVariable String id,
                           @ModelAttribute("filter") DeliveryLogFilter filter, Model model) {
        Endpoint endpoint = api.endpoint(account, id);
        model.addAttribute("endpoint", endpoint);
        // after a rotation, both secrets sign until the old one's expiry (24 h)
        Instant previousExpires = endpoint.previousSecretExpiresAt();
        model.addAttribute("bothSignUntil", previousExpires != null && previousExpires.isAfter(clock.instant())
                ? previousExpires : null);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("eventTypes", EventTypeChoices.LOGGED);
        if (filter.backwards()) {
            model.addAttribute("deliveries", List.of());
            model.addAttribute("filterProblem", "portal.log.backwards");
        } else {
            model.addAttribute("deliveries", api.deliveries(account, id, filter));
        }
        model.addAttribute("limit", DeliveryLogFilter.LIMIT);
        return "portal/endpoint";
    }

    @GetMapping("/portal/entregas/{id}")
    public String delivery(@AuthenticationPrincipal Account account, @PathVariable String id, Model model) {
        Delivery delivery = api.delivery(account, id);
        model.addAttribute("delivery", delivery);
        model.addAttribute("endpoint", api.endpoint(account, delivery.subscriptionId()));
        return "portal/delivery";
    }

    /** Sends the same event again (same webhook-id) as a new delivery, and shows that one. */
    @PostMapping("/portal/entregas/{id}/reenviar")
    public String redeliver(@AuthenticationPrincipal Account account, @PathVariable String id,
                            RedirectAttributes flash) {
        try {
            Delivery again = api.redeliver(account, id);
            flash.addFlashAttribute("notice", "portal.notice.redelivered");
            return "redirect:/portal/entregas/" + again.id();
        } catch (NotifyRefusal refusal) {
            if (refusal.status() != HttpStatus.CONFLICT.value()) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", "portal.problem.refused");
            flash.addFlashAttribute("problemDetail", refusal.detail());
            return "redirect:/portal/entregas/" + id;
        }
    }

    /** Re-sends every stored event this endpoint matches since a day (Bogotá's) or after an event id. */
    @PostMapping("/portal/endpoints/{id}/repetir")
    public String replay(@AuthenticationPrincipal Account account, @PathVariable String id,
                         @RequestParam(required = false) String since, RedirectAttributes flash) {
        ReplayStart start = ReplayStart.parse(since, api.zone());
        if (start == null) {
            flash.addFlashAttribute("replayProblem", "portal.replay.since.invalid");
            return "redirect:/portal/endpoints/" + id + "#repetir";
        }
        try {
            Replayed replayed = api.replay(account, id, start.value());
            flash.addFlashAttribute("notice", replayed.partial() && replayed.next() != null
                    ? "portal.notice.replayedPartly" : "portal.notice.replayed");
            flash.addFlashAttribute("noticeCount", replayed.deliveries());
        } catch (NotifyRefusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND.value() && refusal.fields().isEmpty()) {
                throw refusal;
            }
            flash.addFlashAttribute("replayProblem", "portal.replay.refused");
            flash.addFlashAttribute("replayDetail", refusal.fields().getOrDefault("since", refusal.detail()));
        }
        return "redirect:/portal/endpoints/" + id;
    }
}
