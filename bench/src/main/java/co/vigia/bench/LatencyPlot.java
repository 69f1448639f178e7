package co.vigia.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency distributions as a percentile plot (x: percentile on HdrHistogram's 1/(1-p) scale, so the tail gets
 * room; y: latency in ms, logarithmic), drawn with Java2D and written by ImageIO, headless.
 */
final class LatencyPlot {

    record Series(String label, Color color, Histogram histogram) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 560;
    private static final int LEFT = 100;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final double MAX_NINES = 5; // up to 99.999 %

    private LatencyPlot() {
    }

    static void write(Path file, String title, List<Series> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double minMs = Double.MAX_VALUE;
        double maxMs = 0;
        for (Series s : series) {
            if (s.histogram().getTotalCount() > 0) {
                minMs = Math.min(minMs, Math.max(0.1, s.histogram().getMinValue() / 1000.0));
                maxMs = Math.max(maxMs, s.histogram().getMaxValue() / 1000.0);
            }
        }
        if (maxMs == 0) {
            minMs = 0.1;
            maxMs = 1;
        }
        double logMin = Math.floor(Math.log10(minMs));
        double logMax = Math.ceil(Math.log10(maxMs * 1.05));
        if (logMax <= logMin) {
            logMax = logMin + 1;
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(225, 225, 225));
        for (double decade = logMin; decade <= logMax; decade++) {
            int y = TOP + plotH - (int) ((decade - logMin) / (logMax - logMin) * plotH);
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = LEFT + (int) (nines / MAX_NINES * plotW);
            g.drawLine(x, TOP, x, TOP + plotH);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (double decade = logMin; decade <= logMax; decade++) {
            int y = TOP + plotH - (int) ((decade - logMin) / (logMax - logMin) * plotH);
            String label = Math.pow(10, decade) >= 1 ? String.format("%.0f ms", Math.pow(10, decade))
                    : String.format("%.1f ms", Math.pow(10, decade));
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        String[] xLabels = {"0 %", "90 %", "99 %", "99.9 %", "99.99 %", "99.999 %"};
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = LEFT + (int) (nines / MAX_NINES * plotW);
            g.drawString(xLabels[nines], x - g.getFontMetrics().stringWidth(xLabels[nines]) / 2, TOP + plotH + 18);
        }
        g.drawString("percentile", LEFT + plotW / 2 - 30, TOP + plotH + 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, TOP - 20);

        int legendY = TOP + 20;
        g.setStroke(new BasicStroke(2f));
        for (Series s : series) {
            List<int[]> points = new ArrayList<>();
            for (HistogramIterationValue v : s.histogram().percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                double nines = p >= 1 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(1 / (1 - p)));
                double ms = Math.max(Math.pow(10, logMin), v.getValueIteratedTo() / 1000.0);
                int x = LEFT + (int) (nines / MAX_NINES * plotW);
                int y = TOP + plotH - (int) ((Math.log10(ms) - logMin) / (logMax - logMin) * plotH);
                points.add(new int[] {x, y});
            }
            g.setColor(s.color());
            for (int i = 1; i < points.size(); i++) {
                g.drawLine(points.get(i - 1)[0], points.get(i - 1)[1], points.get(i)[0], points.get(i)[1]);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawLine(LEFT + 15, legendY - 4, LEFT + 45, legendY - 4);
            g.drawString(s.label() + " (" + s.histogram().getTotalCount() + " samples)", LEFT + 52, legendY);
            legendY += 20;
        }
        g.dispose();
        file.toFile().getParentFile().mkdirs();
        ImageIO.write(image, "png", file.toFile());
    }
}
