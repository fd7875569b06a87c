package kpo.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kpo.reports.MeasureReport;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.LongestRun;
import kpo.reports.narrative.RunsRules;
import kpo.reports.period.Frequency;
import kpo.reports.style.Marks;
import kpo.reports.style.Palette;
import kpo.reports.style.Typeface;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.PointType;
import kpo.spc.RebaseProposal;
import kpo.spc.RuleSet;
import kpo.spc.RunsAnalysis;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A measure's SPC chart in the Making Data Count style, as a JFreeChart that draws the same on a PDF
 * page (vectors, through PdfGraphics2D) and in a PNG: the value line in grey; each point coloured
 * and shaped by its type (grey circle common cause, blue square improvement, orange diamond concern,
 * purple triangle neither); the mean in black; process limits dashed grey; the target dashed red;
 * the plan (trajectory) dash-dot purple; each phase with its own centre and limits and a break
 * labelled with the rebase reason; PDSA annotations numbered at their dates with a key beneath. Run
 * charts (and every chart judged by the Anhøj or IHI runs rules) show the median and mark a runs
 * signal: the centre line of a phase with non-random variation is dashed orange, and its longest
 * run is shaded when that run is what signals.
 */
public final class SpcFigure {

    static {
        // JFreeChart draws rotated text (the value-axis label) through TextLayout by default, which
        // PdfGraphics2D turns into glyph outlines: unsearchable, and 60% larger files (deps.md §3).
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** PDSA lines and their numbers: the muted text colour, 4.5:1 wherever the number sits. */
    private static final Color ANNOTATION = Palette.MUTED;
    /**
     * A runs signal has no direction: the longest run and the centre line it signals on are purple,
     * the Making Data Count colour of special cause that is neither improvement nor concern, never
     * orange, which means concern.
     */
    private static final Color RUN_SHADE = new Color(0x49, 0x00, 0x92, 28);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 230);

    private SpcFigure() {
    }

    /** {@code text} cut at the last word that fits in {@code chars}, with an ellipsis. */
    static String fit(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', chars - 1);
        return text.substring(0, cut > chars / 2 ? cut : chars - 1).stripTrailing() + "…";
    }

    /**
     * The pack's plot: datasets drawn in order, on white, no frame, light horizontal gridlines only,
     * axes on the data area, {@code right} points of room at the right.
     */
    static void plain(XYPlot plot, FigureStyle style, float line, double right) {
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xEBEBEB));
        plot.setRangeGridlineStroke(new BasicStroke(line * 0.6f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(style.font() * 0.6, 2, 2, right));
    }

    /** The pack's legend under a chart: left-aligned, unframed, in {@code font}. */
    static LegendTitle legend(org.jfree.chart.plot.Plot plot, Font font) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(font);
        legend.setItemPaint(Palette.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
        legend.setLegendItemGraphicPadding(new RectangleInsets(1, 2, 1, 1));
        return legend;
    }

    /** Loads the class, which switches off JFreeChart's rotated-text workaround for every chart. */
    public static void init() {
        // The static initialiser does the work.
    }

    /** The chart of {@code measure} in {@code style}. */
    public static JFreeChart of(MeasureReport measure, FigureStyle style) {
        return new Builder(measure, style).build();
    }

    private static final class Builder {
        private final MeasureReport measure;
        private final ChartResult chart;
        private final ChartSpec spec;
        private final List<ChartPoint> points;
        private final FigureStyle style;
        private final ValueFormat values;
        private final Frequency frequency;
        private final Font tickFont;
        private final Font smallFont;
        private final Font labelFont;
        private final float line;
        private double low = Double.POSITIVE_INFINITY;
        private double high = Double.NEGATIVE_INFINITY;

        Builder(MeasureReport measure, FigureStyle style) {
            this.measure = measure;
            this.chart = measure.chart();
            this.spec = chart.spec();
            this.points = chart.points();
            this.style = style;
            this.values = ValueFormat.of(measure.unit(), chart);
            this.frequency = Frequency.ofPoints(points);
            this.tickFont = Typeface.regular(style.font());
            this.smallFont = Typeface.regular(style.smallFont());
            this.labelFont = Typeface.regular(style.font());
            this.line = style.font() / 8f;
        }

        JFreeChart build() {
            if (points.isEmpty()) {
                return empty("No data for this measure");
            }
            if (measure.suppressed()) {
                // Every value is readable off a chart's axis, so a series with small numbers is not drawn.
                JFreeChart placeholder = empty("Chart not shown: small numbers are suppressed");
                placeholder.getPlot().setBackgroundPaint(Palette.BAND);
                return placeholder;
            }
            LocalDate first = points.get(0).period();
            LocalDate last = points.get(points.size() - 1).period();
            double half = halfStep();
            double span = Math.max(x(points.get(points.size() - 1)) - x(points.get(0)), 1);
            NumberAxis domain = individual() ? new SequenceAxis(points, half) : new CalendarAxis(first, last, half);
            if (style.edgeLabels()) {
                // Room after the last point for the mean, limit and target values.
                domain.setRange(domain.getLowerBound(), domain.getUpperBound() + span * 0.11 + half);
            }
            domain.setTickLabelFont(tickFont);
            domain.setTickLabelPaint(Palette.MUTED);
            domain.setAxisLinePaint(Palette.GREY_LINE);
            domain.setTickMarkPaint(Palette.GREY_LINE);

            XYSeriesCollection lines = new XYSeriesCollection();
            XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
            XYSeriesCollection valueLine = new XYSeriesCollection();
            XYLineAndShapeRenderer valueRenderer = new XYLineAndShapeRenderer(true, false);
            XYSeriesCollection marks = new XYSeriesCollection();
            XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
            markRenderer.setUseOutlinePaint(true);
            LegendItemCollection legend = new LegendItemCollection();

            NumberAxis range = rangeAxis();
            XYPlot plot = new XYPlot(lines, domain, range, lineRenderer);
            plot.setDataset(1, valueLine);
            plot.setRenderer(1, valueRenderer);
            plot.setDataset(2, marks);
            plot.setRenderer(2, markRenderer);
            JFreeChart figure = new JFreeChart(null, labelFont, plot, false);
            // The theme first: it resets series paints and strokes, which are set below.
            theme().apply(figure);

            addCentreAndLimits(lines, lineRenderer, legend);
            addProposal(lines, lineRenderer, legend);
            addPlan(lines, lineRenderer, legend, first, last);
            addValues(valueLine, valueRenderer);
            Map<PointType, Boolean> present = addMarks(marks, markRenderer);

            plain(plot, style, line, 4);

            addTarget(plot, legend);
            addPhaseBreaks(plot);
            List<String> key = addAnnotations(plot);
            String runs = addRunsSignals(plot, legend);
            if (style.edgeLabels()) {
                plot.addAnnotation(new EdgeLabels(edgeLabels(), smallFont), false);
            }
            if (!(low <= high)) {
                // Every value missing: an empty frame rather than a range of NaN.
                low = 0;
                high = 1;
            }
            range.setRange(padded(low), paddedHigh(high));

            for (PointType type : PointType.values()) {
                if (present.getOrDefault(type, false)) {
                    legend.add(shapeItem(Marks.label(type), Marks.of(type, legendMark()), Palette.of(type),
                            Palette.outline(type)));
                }
            }
            plot.setFixedLegendItems(reordered(legend));

            figure.setBackgroundPaint(Color.WHITE);
            figure.setBorderVisible(false);
            figure.setPadding(new RectangleInsets(2, 2, 2, 2));
            figure.setAntiAlias(true);
            figure.setTextAntiAlias(true);
            range.setTickLabelFont(tickFont);
            domain.setTickLabelFont(tickFont);
            range.setLabelFont(labelFont);
            if (individual()) {
                // The axis says what its positions are, where the figure has room for axis labels.
                if (style.valueAxisLabel()) {
                    domain.setLabelFont(smallFont);
                    domain.setLabelPaint(Palette.MUTED);
                } else {
                    domain.setLabel(null);
                }
            }
            if (style.title()) {
                TextTitle title = new TextTitle(measure.title(), Typeface.bold(style.font() * 1.4f));
                title.setPaint(Palette.TEXT);
                title.setHorizontalAlignment(HorizontalAlignment.LEFT);
                figure.setTitle(title);
                figure.addSubtitle(caption(subtitleText(first, last), Typeface.regular(style.font()),
                        RectangleEdge.TOP));
            }
            if (style.legend()) {
                figure.addSubtitle(legend(plot, smallFont));
            }
            if (style.markerLabels() && (!key.isEmpty() || runs != null)) {
                List<String> notes = new ArrayList<>(key);
                if (runs != null) {
                    notes.add(runs);
                }
                figure.addSubtitle(caption(String.join("   ", notes), smallFont, RectangleEdge.BOTTOM));
            }
            return figure;
        }

        private JFreeChart empty(String message) {
            XYPlot plot = new XYPlot();
            plot.setNoDataMessage(message);
            plot.setNoDataMessageFont(labelFont);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            JFreeChart figure = new JFreeChart(null, labelFont, plot, false);
            figure.setBackgroundPaint(Color.WHITE);
            return figure;
        }

        /** Whether the points are individual values, placed by their sequence rather than their dates. */
        private boolean individual() {
            return frequency == Frequency.INDIVIDUAL;
        }

        /** Where a point sits on the x axis: its date in epoch days, or an individual value's sequence number. */
        private double x(ChartPoint p) {
            return individual() ? p.sequence() : CalendarAxis.x(p.period());
        }

        /**
         * Where a date falls on the x axis: for individual values, just before the first value on or
         * after it (just after the last when none is).
         */
        private double x(LocalDate date) {
            if (!individual()) {
                return CalendarAxis.x(date);
            }
            for (ChartPoint p : points) {
                if (!p.period().isBefore(date)) {
                    return p.sequence() - 0.5;
                }
            }
            return points.get(points.size() - 1).sequence() + 0.5;
        }

        /**
         * How much smaller than usual the marks and the value line are drawn: individual values
         * can number a thousand or more, where full-size marks would merge into one grey band. The
         * scale is √(120/n) for n above 120 points, and never below 0.35.
         */
        private double density() {
            int n = points.size();
            return !individual() || n <= 120 ? 1 : Math.max(0.35, Math.sqrt(120.0 / n));
        }

        /** Half the typical gap between points, in x units (days, or values): the margin either side. */
        private double halfStep() {
            return switch (frequency) {
                case DAILY, INDIVIDUAL -> 0.5;
                case WEEKLY -> 3.5;
                case MONTHLY -> 15;
                case QUARTERLY -> 45;
                case IRREGULAR -> Math.max(1, ChronoUnit.DAYS.between(points.get(0).period(),
                        points.get(points.size() - 1).period()) / (2.0 * Math.max(1, points.size() - 1)));
            };
        }

        private void addCentreAndLimits(XYSeriesCollection lines, XYLineAndShapeRenderer renderer,
                LegendItemCollection legend) {
            String centreName = ChartNames.centre(spec.chart());
            XYSeries centre = series(centreName);
            XYSeries centreSignal = series(centreName + ": non-random variation");
            XYSeries upper = series("Upper process limit");
            XYSeries lower = series("Lower process limit");

            for (int i = 0; i < points.size(); i++) {
                ChartPoint p = points.get(i);
                double x = x(p);
                if (i > 0 && points.get(i - 1).phase() != p.phase()) {
                    double gap = (x(points.get(i - 1)) + x) / 2;
                    for (XYSeries s : List.of(centre, centreSignal, upper, lower)) {
                        s.add(gap, Double.NaN, false);
                    }
                }
                boolean signal = RunsRules.signal(chart, p.phase());
                (signal ? centreSignal : centre).add(x, p.centre(), false);
                (signal ? centre : centreSignal).add(x, Double.NaN, false);
                // Limits past the unit's natural bound are drawn at it (Unit.shown).
                upper.add(x, measure.unit().shown(p.upperLimit()), false);
                lower.add(x, measure.unit().shown(p.lowerLimit()), false);
                include(p.centre());
                include(measure.unit().shown(p.upperLimit()));
                include(measure.unit().shown(p.lowerLimit()));
            }
            Stroke dashed = new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {line * 5, line * 3}, 0f);
            Stroke signalStroke = new BasicStroke(line * 1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {line * 6, line * 3}, 0f);
            add(lines, renderer, centre, Palette.BLACK, new BasicStroke(line));
            add(lines, renderer, centreSignal, Palette.PURPLE, signalStroke);
            add(lines, renderer, upper, Palette.GREY_LINE, dashed);
            add(lines, renderer, lower, Palette.GREY_LINE, dashed);
            if (hasValues(centre)) {
                legend.add(lineItem(centreName, Palette.BLACK, new BasicStroke(line)));
            }
            if (hasValues(centreSignal)) {
                legend.add(lineItem(centreName + ": non-random variation", Palette.PURPLE, signalStroke));
            }
            if (hasValues(upper) || hasValues(lower)) {
                legend.add(lineItem("Process limits", Palette.GREY_LINE, dashed));
            }
        }

        /**
         * The rebase the engine proposes, drawn as a proposal and no more: the centre the new phase
         * would have, dotted and grey from the run's first point, never a phase break (only the
         * config's rebase register makes one).
         */
        private void addProposal(XYSeriesCollection lines, XYLineAndShapeRenderer renderer,
                LegendItemCollection legend) {
            RebaseProposal proposal = chart.proposal();
            if (proposal == null) {
                return;
            }
            XYSeries proposed = series("Proposed centre");
            for (ChartPoint p : points) {
                if (!p.period().isBefore(proposal.from()) && p.phase() == points.get(points.size() - 1).phase()) {
                    proposed.add(x(p), proposal.centre(), false);
                }
            }
            if (proposed.getItemCount() == 0) {
                return;
            }
            include(proposal.centre());
            Stroke dotted = new BasicStroke(line * 1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {line * 0.5f, line * 2.5f}, 0f);
            add(lines, renderer, proposed, Palette.MUTED, dotted);
            legend.add(lineItem("Proposed rebase: its " + ChartNames.centre(spec.chart()).toLowerCase(
                    java.util.Locale.ROOT) + " (not agreed)", Palette.MUTED, dotted));
        }

        private void addPlan(XYSeriesCollection lines, XYLineAndShapeRenderer renderer, LegendItemCollection legend,
                LocalDate first, LocalDate last) {
            if (measure.trajectory().isEmpty()) {
                return;
            }
            XYSeries plan = series("Plan");
            for (Map.Entry<YearMonth, Double> month : measure.trajectory().entrySet()) {
                LocalDate at = month.getKey().atDay(1);
                if (!at.isBefore(first.withDayOfMonth(1)) && !at.isAfter(last)) {
                    plan.add(x(at.isBefore(first) ? first : at), month.getValue(), false);
                    include(month.getValue());
                }
            }
            if (plan.getItemCount() == 0) {
                return;
            }
            Stroke dashDot = new BasicStroke(line * 1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {line * 6, line * 2.5f, line, line * 2.5f}, 0f);
            add(lines, renderer, plan, Palette.PURPLE, dashDot);
            legend.add(lineItem("Plan (trajectory)", Palette.PURPLE, dashDot));
        }

        private void addValues(XYSeriesCollection valueLine, XYLineAndShapeRenderer renderer) {
            XYSeries valuesSeries = series("Values");
            for (ChartPoint p : points) {
                valuesSeries.add(x(p), p.y(), false);
                include(p.y());
            }
            valueLine.addSeries(valuesSeries);
            renderer.setSeriesPaint(0, Palette.GREY_LINE);
            renderer.setSeriesStroke(0, new BasicStroke(line * 1.1f * (float) density(), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            renderer.setDrawSeriesLineAsPath(true);
        }

        private Map<PointType, Boolean> addMarks(XYSeriesCollection marks, XYLineAndShapeRenderer renderer) {
            Map<PointType, XYSeries> byType = new EnumMap<>(PointType.class);
            for (ChartPoint p : points) {
                if (p.missing()) {
                    continue;
                }
                byType.computeIfAbsent(p.type(), t -> series(t.code())).add(x(p), p.y(), false);
            }
            Map<PointType, Boolean> present = new EnumMap<>(PointType.class);
            int index = 0;
            // Common cause first, so that special-cause marks are drawn on top.
            for (PointType type : PointType.values()) {
                XYSeries s = byType.get(type);
                if (s == null) {
                    continue;
                }
                marks.addSeries(s);
                renderer.setSeriesShape(index, Marks.of(type, style.mark() * density()));
                renderer.setSeriesPaint(index, Palette.of(type));
                renderer.setSeriesShapesFilled(index, true);
                // MDC's fill, with an outline that meets 3:1 against the page (WCAG 1.4.11).
                renderer.setSeriesOutlinePaint(index, Palette.outline(type));
                renderer.setSeriesOutlineStroke(index, new BasicStroke(0.6f * (float) density()));
                index++;
                present.put(type, true);
            }
            return present;
        }

        private void addTarget(XYPlot plot, LegendItemCollection legend) {
            if (!spec.hasTarget()) {
                return;
            }
            Stroke dashed = new BasicStroke(line * 1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {line * 4, line * 2.5f}, 0f);
            ValueMarker target = new ValueMarker(spec.target(), Palette.RED, dashed);
            plot.addRangeMarker(target, Layer.BACKGROUND);
            include(spec.target());
            legend.add(lineItem("Target", Palette.RED, dashed));
        }

        private void addPhaseBreaks(XYPlot plot) {
            for (int i = 1; i < points.size(); i++) {
                ChartPoint p = points.get(i);
                if (points.get(i - 1).phase() == p.phase()) {
                    continue;
                }
                double x = (x(points.get(i - 1)) + x(p)) / 2;
                ValueMarker marker = new ValueMarker(x, new Color(0x404040), new BasicStroke(line * 1.2f));
                if (style.markerLabels()) {
                    // The label runs right from the line: it keeps to the room left there, cut at a word;
                    // the whole reason is in the methodology's register of rebases.
                    double room = (x(points.get(points.size() - 1)) - x) / Math.max(1e-9,
                            x(points.get(points.size() - 1)) - x(points.get(0)));
                    // About half an em a character, on average, in the labels' font.
                    int chars = (int) (room * style.width() / (0.5 * style.smallFont()));
                    marker.setLabel(fit(phaseLabel(p), Math.max(14, chars)));
                    marker.setLabelFont(smallFont);
                    marker.setLabelPaint(Palette.TEXT);
                    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    marker.setLabelOffset(new RectangleInsets(1, 2, 1, 2));
                    marker.setLabelBackgroundColor(LABEL_BACKGROUND);
                }
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
        }

        /** The rebase reason of the phase starting at {@code start}: the latest rebase date on or before it. */
        private String phaseLabel(ChartPoint start) {
            LocalDate date = null;
            for (LocalDate rebase : spec.rebases()) {
                if (!rebase.isAfter(start.period())) {
                    date = rebase;
                }
            }
            return date == null ? "Rebased" : measure.rebaseReason(date);
        }

        private List<String> addAnnotations(XYPlot plot) {
            List<String> key = new ArrayList<>();
            LocalDate first = points.get(0).period();
            LocalDate last = points.get(points.size() - 1).period();
            int number = 0;
            for (kpo.reports.Annotation annotation : measure.annotations()) {
                if (annotation.date().isBefore(first.minusDays(1)) || annotation.date().isAfter(last.plusDays(1))) {
                    continue;
                }
                number++;
                ValueMarker marker = new ValueMarker(x(annotation.date()), ANNOTATION,
                        new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                                new float[] {line * 1.5f, line * 2f}, 0f));
                if (style.markerLabels()) {
                    marker.setLabel(String.valueOf(number));
                    marker.setLabelFont(Typeface.bold(style.font()));
                    marker.setLabelPaint(ANNOTATION);
                    marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    marker.setLabelOffset(new RectangleInsets(1, 1, 1, 1));
                    marker.setLabelBackgroundColor(LABEL_BACKGROUND);
                    // No-break spaces inside an entry: the key wraps between entries, not inside one.
                    key.add((number + " · " + Dates.day(annotation.date()) + " · " + annotation.label())
                            .replace(' ', '\u00A0'));
                }
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
            return key;
        }

        /**
         * Marks the runs signals of every phase the runs rules judge, and returns their description
         * for the key, or null when there is nothing to say.
         */
        private String addRunsSignals(XYPlot plot, LegendItemCollection legend) {
            if (!RunsRules.judge(spec)) {
                return null;
            }
            List<String> notes = new ArrayList<>();
            boolean shaded = false;
            for (RunsAnalysis runs : chart.runs()) {
                if (!runs.signal()) {
                    continue;
                }
                String phase = chart.phases() > 1 ? "phase " + runs.phase() + ": " : "";
                List<String> why = new ArrayList<>();
                if (runs.longestRun() != null && runs.longestRunMax() != null
                        && runs.longestRun() > runs.longestRunMax()) {
                    why.add("longest run " + runs.longestRun() + " > " + runs.longestRunMax());
                    int from = firstIndexOf(runs.phase());
                    int to = lastIndexOf(runs.phase()) + 1;
                    LongestRun run = LongestRun.in(points, from, to);
                    if (run != null) {
                        double half = halfStep();
                        IntervalMarker shade = new IntervalMarker(
                                x(points.get(run.first())) - half * 0.8, x(points.get(run.last())) + half * 0.8,
                                RUN_SHADE);
                        plot.addDomainMarker(shade, Layer.BACKGROUND);
                        shaded = true;
                    }
                }
                if (runs.crossings() != null && runs.crossingsMin() != null && runs.crossings() < runs.crossingsMin()) {
                    why.add("crossings " + runs.crossings() + " < " + runs.crossingsMin());
                }
                if (runs.crossingsMax() != null && runs.crossings() != null && runs.crossings() > runs.crossingsMax()) {
                    why.add("crossings " + runs.crossings() + " > " + runs.crossingsMax());
                }
                notes.add(phase + String.join(", ", why));
            }
            if (shaded) {
                legend.add(shapeItem("Longest run", Marks.square(legendMark() * 1.4), RUN_SHADE));
            }
            if (notes.isEmpty()) {
                return null;
            }
            String rules = spec.rules() == RuleSet.IHI ? "IHI runs rules" : "Anhøj runs rules";
            return rules + ": non-random variation (" + String.join("; ", notes) + ")";
        }

        private int firstIndexOf(int phase) {
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).phase() == phase) {
                    return i;
                }
            }
            return 0;
        }

        private int lastIndexOf(int phase) {
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).phase() == phase) {
                    return i;
                }
            }
            return points.size() - 1;
        }


        private List<EdgeLabels.Label> edgeLabels() {
            ChartPoint last = points.get(points.size() - 1);
            List<EdgeLabels.Label> labels = new ArrayList<>();
            String centreName = ChartNames.centre(spec.chart());
            if (Double.isFinite(last.centre())) {
                labels.add(new EdgeLabels.Label(last.centre(), centreName + " " + values.compact(last.centre()),
                        Palette.BLACK));
            }
            if (Double.isFinite(last.upperLimit())) {
                double shownUpper = measure.unit().shown(last.upperLimit());
                labels.add(new EdgeLabels.Label(shownUpper, "UPL " + values.compact(shownUpper),
                        Palette.MUTED));
            }
            if (Double.isFinite(last.lowerLimit())) {
                double shownLower = measure.unit().shown(last.lowerLimit());
                labels.add(new EdgeLabels.Label(shownLower, "LPL " + values.compact(shownLower),
                        Palette.MUTED));
            }
            if (spec.hasTarget()) {
                labels.add(new EdgeLabels.Label(spec.target(), "Target " + values.compact(spec.target()), Palette.RED));
            }
            return labels;
        }

        private NumberAxis rangeAxis() {
            NumberAxis axis = new NumberAxis(style.valueAxisLabel() ? measure.unit().axisLabel() : null);
            axis.setAutoRangeIncludesZero(false);
            axis.setNumberFormatOverride(values.axisFormat());
            if (measure.unit() == kpo.reports.Unit.COUNT || measure.unit() == kpo.reports.Unit.POUNDS) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            axis.setTickLabelFont(tickFont);
            axis.setTickLabelPaint(Palette.MUTED);
            axis.setLabelFont(labelFont);
            axis.setLabelPaint(Palette.MUTED);
            axis.setAxisLineVisible(false);
            axis.setTickMarksVisible(false);
            return axis;
        }

        private double padded(double value) {
            double spread = high - low;
            double pad = spread > 0 ? spread * 0.08 : Math.max(Math.abs(value) * 0.1, 1);
            double padded = value - pad;
            // Counts, times and proportions cannot go below zero: do not invite the eye there.
            double bound = measure.unit().lowerBound();
            return low >= bound && padded < bound ? bound : padded;
        }

        private double paddedHigh(double value) {
            double spread = high - low;
            double pad = spread > 0 ? spread * 0.08 : Math.max(Math.abs(value) * 0.1, 1);
            double padded = value + pad;
            double bound = measure.unit().upperBound();
            return high <= bound && padded > bound ? bound : padded;
        }

        private void include(double value) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }

        private String subtitleText(LocalDate first, LocalDate last) {
            String direction = switch (spec.improvement()) {
                case INCREASE -> "higher is better";
                case DECREASE -> "lower is better";
                case NEUTRAL -> "no preferred direction";
            };
            return ChartNames.of(spec.chart()) + " · " + frequency.adjective() + " · "
                    + Dates.period(first, frequency) + " to " + Dates.period(last, frequency) + " · " + direction;
        }

        private TextTitle caption(String text, Font font, RectangleEdge edge) {
            TextTitle caption = new TextTitle(text, font);
            caption.setPaint(Palette.MUTED);
            caption.setPosition(edge);
            caption.setHorizontalAlignment(HorizontalAlignment.LEFT);
            caption.setPadding(new RectangleInsets(1, 2, 1, 2));
            return caption;
        }

        private double legendMark() {
            return style.font() * 0.75;
        }

        private StandardChartTheme theme() {
            StandardChartTheme theme = new StandardChartTheme("KPO");
            theme.setExtraLargeFont(Typeface.bold(style.font() * 1.4f));
            theme.setLargeFont(Typeface.bold(style.font() * 1.1f));
            theme.setRegularFont(labelFont);
            theme.setSmallFont(smallFont);
            theme.setPlotBackgroundPaint(Color.WHITE);
            theme.setChartBackgroundPaint(Color.WHITE);
            theme.setRangeGridlinePaint(new Color(0xEBEBEB));
            theme.setAxisLabelPaint(Palette.MUTED);
            theme.setTickLabelPaint(Palette.MUTED);
            theme.setLegendItemPaint(Palette.TEXT);
            return theme;
        }
    }

    private static XYSeries series(String key) {
        return new XYSeries(key, false, true);
    }

    private static void add(XYSeriesCollection collection, XYLineAndShapeRenderer renderer, XYSeries series,
            Color paint, Stroke stroke) {
        int index = collection.getSeriesCount();
        collection.addSeries(series);
        renderer.setSeriesPaint(index, paint);
        renderer.setSeriesStroke(index, stroke);
        renderer.setDrawSeriesLineAsPath(true);
    }

    private static boolean hasValues(XYSeries series) {
        for (int i = 0; i < series.getItemCount(); i++) {
            if (!Double.isNaN(series.getY(i).doubleValue())) {
                return true;
            }
        }
        return false;
    }

    private static LegendItem lineItem(String label, Color paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0), stroke, paint);
    }

    private static LegendItem shapeItem(String label, Shape shape, Color paint) {
        return new LegendItem(label, null, null, null, shape, paint);
    }

    private static LegendItem shapeItem(String label, Shape shape, Color paint, Color outline) {
        return new LegendItem(label, null, null, null, true, shape, true, paint, true, outline, new BasicStroke(0.6f),
                false, new java.awt.geom.Line2D.Double(), new BasicStroke(), Color.BLACK);
    }

    /** Point types first (what the reader looks for), then the lines. */
    private static LegendItemCollection reordered(LegendItemCollection items) {
        LegendItemCollection ordered = new LegendItemCollection();
        for (int i = 0; i < items.getItemCount(); i++) {
            if (items.get(i).isShapeVisible()) {
                ordered.add(items.get(i));
            }
        }
        for (int i = 0; i < items.getItemCount(); i++) {
            if (!items.get(i).isShapeVisible()) {
                ordered.add(items.get(i));
            }
        }
        return ordered;
    }
}
