package hitchhiker.report;

import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Variant;
import hitchhiker.examples.VariantTiming;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's two kinds of chart, drawn by JFreeChart off screen and encoded as PNG: speed-ups of
 * an example's variants side by side with the ideal for their worker counts, and a scaling run's
 * measured speed-ups against the ideal and, where the points support one, the fitted model.
 */
public final class Charts {

    static {
        // Charts are drawn into images, never on a screen: do not look for a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 720;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 360;

    private static final Color MEASURED = new Color(0x1f77b4);
    private static final Color IDEAL = new Color(0xb0b0b0);
    private static final Color FITTED = new Color(0xff7f0e);

    private Charts() {
    }

    /**
     * Bars of each serial and parallel variant's speed-up over the serial median, beside the ideal
     * (its worker count); empty when the run has no serial timing or no parallel one. Deliberately
     * wrong variants are left out: their speed is not comparable.
     */
    public static Optional<byte[]> speedups(ExampleRun run) {
        if (run.serial().isEmpty() || run.bestParallel().isEmpty()) return Optional.empty();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (VariantTiming v : run.variants()) {
            Optional<Double> speedup = run.speedup(v);
            if (speedup.isEmpty()) continue;  // wrong, overhead-bound, or too short to compare
            data.addValue(speedup.get(), "measured speed-up", v.name());
            data.addValue(v.workers(), "ideal (workers)", v.name());
        }
        if (data.getColumnCount() < 2) return Optional.empty();
        JFreeChart chart = ChartFactory.createBarChart(run.example() + ": speed-up over serial", null,
                "speed-up (serial median / variant median)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1f)));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelLines(3);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, MEASURED);
        bars.setSeriesPaint(1, IDEAL);
        bars.setSeriesItemLabelGenerator(0,
                new StandardCategoryItemLabelGenerator("{2}×", new DecimalFormat("0.00")));
        bars.setSeriesItemLabelsVisible(0, true);
        return Optional.of(png(chart, WIDTH, HEIGHT));
    }

    /** Measured speed-ups against the ideal {@code S = p} and, where the points support one, the fitted model. */
    public static byte[] scaling(ScalingRun run) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries measured = new XYSeries("measured");
        run.points().forEach(p -> measured.add(p.workers(), p.speedup()));
        int max = run.points().stream().mapToInt(ScalingPoint::workers).max().orElse(1);
        XYSeries ideal = new XYSeries("ideal S = p");
        for (int p = 1; p <= max; p++) ideal.add(p, p);
        data.addSeries(measured);
        data.addSeries(ideal);
        run.fit().ifPresent(fit -> {
            XYSeries fitted = new XYSeries(String.format(Locale.ROOT, "USL, σ = %.3f, κ = %.4f", fit.sigma(), fit.kappa()));
            int steps = Math.max(1, (max - 1) * 20);
            for (int i = 0; i <= steps; i++) {
                double p = 1 + (max - 1) * (double) i / steps;
                fitted.add(p, fit.speedup(p));
            }
            data.addSeries(fitted);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(run.example() + ": scaling", "threads / workers p",
                "speed-up over serial", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.8, max + 0.2);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer();
        lines.setSeriesPaint(0, MEASURED);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesShapesVisible(0, true);
        lines.setSeriesPaint(1, IDEAL);
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        lines.setSeriesShapesVisible(1, false);
        lines.setSeriesPaint(2, FITTED);
        lines.setSeriesStroke(2, new BasicStroke(2f));
        lines.setSeriesShapesVisible(2, false);
        plot.setRenderer(lines);
        return png(chart, WIDTH, HEIGHT);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot p) p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (chart.getPlot() instanceof XYPlot p) {
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.getTitle().getText() + "'", e);
        }
        return out.toByteArray();
    }
}
