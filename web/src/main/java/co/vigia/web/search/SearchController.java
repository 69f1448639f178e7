package co.vigia.web.search;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.web.record.BillApi;
import co.vigia.web.record.Stage;
import co.vigia.web.client.WebProperties;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.Missing;
import co.vigia.web.site.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the bills by text, stage, kind, topic and chamber of origin. */
@Controller
public class SearchController {

    static final int PAGE_SIZE = 20;

    private final BillApi bills;
    private final WebProperties properties;
    private final MessageSource messages;

    public SearchController(BillApi bills, WebProperties properties, MessageSource messages) {
        this.bills = bills;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/buscar")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String topic,
                         @RequestParam(required = false) String chamber, @RequestParam(required = false) String page,
                         Model model, HttpServletResponse response) {
        SearchForm form = SearchForm.of(q, stage, kind, topic, chamber, page);
        Missing missing = new Missing();
        model.addAttribute("form", form);
        model.addAttribute("missing", missing);
        addChoices(model);
        model.addAttribute("meta", PageMeta.page(messages.getMessage("search.title", null,
                LocaleContextHolder.getLocale()), messages.getMessage("site.description", null,
                LocaleContextHolder.getLocale()), properties.base() + "/buscar"));
        if (!form.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "search";
        }
        missing.fetch(() -> bills.search(form.query(), form.page(), PAGE_SIZE))
                .ifPresent(result -> model.addAttribute("result", result));
        if (missing.isEmpty()) {
            HttpCaching.publicPage(response);
        } else {
            HttpCaching.degradedPage(response);
        }
        return "search";
    }

    /** The filters' choices; the home page's search box uses them too. */
    public static void addChoices(Model model) {
        model.addAttribute("stages", Stage.filterable());
        model.addAttribute("kinds", BillKind.values());
        model.addAttribute("chambers", Chamber.values());
    }
}
