package co.vigia.web.vote;

import co.vigia.web.record.VoteApi;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The members' votes by party as an SVG bar chart drawn on the server: one row per party, yes / no / abstain / absent
 * segments side by side. Colours come with a pattern-free legend and the table beside the chart carries the same
 * figures, so colour is never the only signal. No script, no inline style (the CSP forbids both).
 */
public final class PartyChart {

    static final int WIDTH = 640;
    static final int LABEL = 200;
    static final int ROW = 26;
    static final String[] COLOURS = {"#00703c", "#b3261e", "#8a4b00", "#6f777b"};

    private PartyChart() {
    }

    /** @param labels the legend's words for yes, no, abstain, absent, in the page's language; {@code title} its name */
    public static String svg(List<VoteApi.PartyTally> parties, String title, String[] labels) {
        int max = parties.stream().mapToInt(p -> total(p.counts())).max().orElse(1);
        int height = ROW * parties.size() + 40;
        double scale = (WIDTH - LABEL - 10) / (double) Math.max(max, 1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-labelledby=\"chart-title\">", WIDTH, height,
                WIDTH, height));
        svg.append("<title id=\"chart-title\">").append(HtmlUtils.htmlEscape(title)).append("</title>");
        int y = 0;
        for (VoteApi.PartyTally party : parties) {
            VoteApi.Counts c = party.counts();
            int[] values = {c.yes(), c.no(), c.abstain(), c.absent() + c.excused()};
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 17,
                    HtmlUtils.htmlEscape(truncate(party.party() == null ? "—" : party.party()))));
            double x = LABEL;
            for (int i = 0; i < values.length; i++) {
                if (values[i] > 0) {
                    double w = values[i] * scale;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                            + "fill=\"%s\"><title>%s: %d</title></rect>", x, y + 4, w, ROW - 8, COLOURS[i],
                            HtmlUtils.htmlEscape(labels[i]), values[i]));
                    x += w;
                }
            }
            y += ROW;
        }
        int lx = LABEL;
        for (int i = 0; i < labels.length; i++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", lx, y + 14, COLOURS[i], lx + 18, y + 26,
                    HtmlUtils.htmlEscape(labels[i])));
            lx += 110;
        }
        return svg.append("</svg>").toString();
    }

    private static int total(VoteApi.Counts c) {
        return c.yes() + c.no() + c.abstain() + c.absent() + c.excused();
    }

    private static String truncate(String s) {
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }
}
