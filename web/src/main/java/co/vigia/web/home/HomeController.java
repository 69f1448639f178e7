package co.vigia.web.home;

import co.vigia.web.record.BillApi;
import co.vigia.web.client.WebProperties;
import co.vigia.web.i18n.When;
import co.vigia.web.search.SearchController;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.Missing;
import co.vigia.web.site.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the tracked bills and their stage, the deadlines of the next 30 days, the latest activity. */
@Controller
public class HomeController {

    static final int TRACKED = 50;
    /** Bills whose deadlines and activity are read: the most recently updated ones. */
    static final int DETAILED = 20;
    static final int DEADLINE_DAYS = 30;
    static final int ACTIVITY = 10;

    public record UpcomingDeadline(BillApi.Summary bill, BillApi.Deadline deadline, long daysLeft) {
    }

    public record Activity(BillApi.Summary bill, BillApi.Entry entry) {
    }

    private final BillApi bills;
    private final When when;
    private final WebProperties properties;
    private final MessageSource messages;

    public HomeController(BillApi bills, When when, WebProperties properties, MessageSource messages) {
        this.bills = bills;
        this.when = when;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/")
    public String home(Model model, HttpServletResponse response) {
        Missing missing = new Missing();
        List<BillApi.Summary> tracked = missing.fetch(() -> bills.search(BillApi.Query.ALL, 0, TRACKED))
                .map(BillApi.Page::items).orElse(List.of());
        List<UpcomingDeadline> deadlines = new ArrayList<>();
        List<Activity> activity = new ArrayList<>();
        for (BillApi.Summary summary : tracked.subList(0, Math.min(DETAILED, tracked.size()))) {
            if (!summary.stage().isClosed()) {
                missing.fetch(() -> bills.bill(summary.id())).flatMap(b -> b).ifPresent(bill ->
                        bill.deadlines().stream().filter(d -> d.dueOn() != null).forEach(d -> {
                            long left = when.daysUntil(d.dueOn());
                            if (left >= 0 && left <= DEADLINE_DAYS) {
                                deadlines.add(new UpcomingDeadline(summary, d, left));
                            }
                        }));
            }
            missing.fetch(() -> bills.timeline(summary.id())).flatMap(t -> t).ifPresent(t ->
                    t.entries().forEach(e -> activity.add(new Activity(summary, e))));
        }
        deadlines.sort(Comparator.comparing(UpcomingDeadline::daysLeft));
        activity.sort(Comparator.comparing((Activity a) -> a.entry().date(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("tracked", tracked);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("activity", activity.subList(0, Math.min(ACTIVITY, activity.size())));
        model.addAttribute("missing", missing);
        SearchController.addChoices(model);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("meta", PageMeta.page(messages.getMessage("home.title", null, locale),
                messages.getMessage("site.description", null, locale), properties.base() + "/"));
        if (missing.isEmpty()) {
            HttpCaching.publicPage(response);
        } else {
            HttpCaching.degradedPage(response);
        }
        return "home";
    }
}
