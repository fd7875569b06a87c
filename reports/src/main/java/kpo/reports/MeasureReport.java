package kpo.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.Improvement;

/**
 * One measure as the pack shows it: the engine's chart of it this month (and last month's, for
 * "what changed"), and what the trust knows about it. The improvement direction and the target are
 * the chart's ({@link ChartSpec#improvement()}, {@link ChartSpec#target()}), so the icons, the
 * narrative and the chart can never disagree about them. Build one with {@link #builder}.
 *
 * @param id stable key, used for links and file names, e.g. {@code wl_paeds}
 * @param title e.g. "Paediatric RTT waiting list"
 * @param definition how it is counted, one sentence (may be blank)
 * @param unit what the plotted value counts
 * @param chart this month's chart from the SPC engine
 * @param previous last month's chart, or null when there was none
 * @param targetDate when the target is due, or null
 * @param trajectory the planned value for each month (e.g. the operational plan's route to the
 *     target), empty when there is no plan
 * @param rebases why each rebase was made
 * @param annotations PDSA cycles and interventions to mark on the chart
 * @param owner the person accountable for the measure
 * @param dataQuality the owner's rating of the data
 * @param commentary the owner's commentary for the month, or null
 * @param csu the CSU the measure belongs to, or null for a trust-wide measure
 * @param specialty the specialty (e.g. "Paediatrics"), or null
 * @param summable whether values add up over time (cancellations, activity), so that a financial
 *     year-to-date total means something; snapshots (a waiting list) and rates do not
 * @param stale whether the latest data is older than the measure's reporting schedule expects
 * @param hiddenPeriods the periods whose values small-number suppression hides ({@link SmallNumbers});
 *     when there is any, the measure's values are printed as "*" where hidden and its chart is not drawn
 * @param domain the heading the summary lists it under when it is under no commitment (e.g. SPCreporter's
 *     "Safe", "Responsive"), or null
 * @param note a standing note the report shows with the measure (SPCreporter's report comment), or null
 * @param reasons the reasons behind its rows over the last 12 months, for a Pareto on its A3, or null
 */
public record MeasureReport(String id, String title, String definition, Unit unit, ChartResult chart,
        ChartResult previous, LocalDate targetDate, NavigableMap<YearMonth, Double> trajectory, List<Rebase> rebases,
        List<Annotation> annotations, String owner, DataQualityRating dataQuality, Commentary commentary, String csu,
        String specialty, boolean summable, boolean stale, List<LocalDate> hiddenPeriods, String domain,
        String note, Reasons reasons) {

    public MeasureReport {
        Checks.text(id, "measure id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("measure id '" + id
                    + "' may use only letters, digits, '_', '-' and '.' (it names links and files)");
        }
        Checks.text(title, "measure " + id + " title");
        definition = Checks.optional(definition);
        Checks.required(unit, "measure " + id + " unit");
        Checks.required(chart, "measure " + id + " chart");
        trajectory = Collections.unmodifiableNavigableMap(new TreeMap<>(trajectory));
        for (Map.Entry<YearMonth, Double> plan : trajectory.entrySet()) {
            if (plan.getValue() == null || !Double.isFinite(plan.getValue())) {
                throw new IllegalArgumentException("measure " + id + " trajectory for " + plan.getKey()
                        + " must be a finite number");
            }
        }
        rebases = List.copyOf(rebases);
        annotations = annotations.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
        owner = Checks.optional(owner);
        Checks.required(dataQuality, "measure " + id + " data-quality rating");
        csu = csu == null || csu.isBlank() ? null : csu;
        specialty = specialty == null || specialty.isBlank() ? null : specialty;
        hiddenPeriods = List.copyOf(hiddenPeriods);
        domain = domain == null || domain.isBlank() ? null : domain.trim();
        note = note == null || note.isBlank() ? null : note.trim();
    }

    /** A measure with nothing hidden. */
    public MeasureReport(String id, String title, String definition, Unit unit, ChartResult chart,
            ChartResult previous, LocalDate targetDate, NavigableMap<YearMonth, Double> trajectory,
            List<Rebase> rebases, List<Annotation> annotations, String owner, DataQualityRating dataQuality,
            Commentary commentary, String csu, String specialty, boolean summable, boolean stale) {
        this(id, title, definition, unit, chart, previous, targetDate, trajectory, rebases, annotations, owner,
                dataQuality, commentary, csu, specialty, summable, stale, List.of(), null, null, null);
    }

    /** Whether small-number suppression hides some of this measure's values, and so its chart. */
    public boolean suppressed() {
        return !hiddenPeriods.isEmpty();
    }

    /** Whether the value of {@code period} is hidden by small-number suppression. */
    public boolean hidden(LocalDate period) {
        return hiddenPeriods.contains(period);
    }

    /** The same measure with the values of {@code periods} hidden. */
    public MeasureReport hiding(List<LocalDate> periods) {
        return new MeasureReport(id, title, definition, unit, chart, previous, targetDate, trajectory, rebases,
                annotations, owner, dataQuality, commentary, csu, specialty, summable, stale, periods, domain, note,
                reasons);
    }

    /** The same measure with {@code annotation} among its annotations, unless one of that date is there. */
    public MeasureReport annotated(Annotation annotation) {
        if (annotations.stream().anyMatch(a -> a.date().equals(annotation.date()))) {
            return this;
        }
        List<Annotation> all = new java.util.ArrayList<>(annotations);
        all.add(annotation);
        all.sort(java.util.Comparator.comparing(Annotation::date));
        return new MeasureReport(id, title, definition, unit, chart, previous, targetDate, trajectory, rebases,
                all, owner, dataQuality, commentary, csu, specialty, summable, stale, hiddenPeriods, domain, note,
                reasons);
    }

    public Improvement improvement() {
        return chart.spec().improvement();
    }

    public boolean hasTarget() {
        return chart.spec().hasTarget();
    }

    /** The target in plotted units, NaN when there is none. */
    public double target() {
        return chart.spec().target();
    }

    /** The reason recorded for the rebase dated {@code date}, or "Rebased" when none was recorded. */
    public String rebaseReason(LocalDate date) {
        for (Rebase rebase : rebases) {
            if (rebase.date().equals(date)) {
                return rebase.reason();
            }
        }
        return "Rebased";
    }

    public static Builder builder(String id, String title, Unit unit, ChartResult chart) {
        return new Builder(id, title, unit, chart);
    }

    /** Collects the optional parts of a measure; every setter returns this builder. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final Unit unit;
        private final ChartResult chart;
        private String definition = "";
        private ChartResult previous;
        private LocalDate targetDate;
        private final NavigableMap<YearMonth, Double> trajectory = new TreeMap<>();
        private final List<Rebase> rebases = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private String owner = "";
        private DataQualityRating dataQuality = DataQualityRating.NOT_RATED;
        private Commentary commentary;
        private String csu;
        private String specialty;
        private boolean summable;
        private boolean stale;
        private String domain;
        private String note;
        private Reasons reasons;

        private Builder(String id, String title, Unit unit, ChartResult chart) {
            this.id = id;
            this.title = title;
            this.unit = unit;
            this.chart = chart;
        }

        public Builder definition(String value) {
            definition = value;
            return this;
        }

        public Builder previous(ChartResult value) {
            previous = value;
            return this;
        }

        public Builder targetDate(LocalDate value) {
            targetDate = value;
            return this;
        }

        public Builder trajectory(Map<YearMonth, Double> plan) {
            trajectory.putAll(plan);
            return this;
        }

        public Builder plan(YearMonth month, double value) {
            trajectory.put(month, value);
            return this;
        }

        public Builder rebase(LocalDate date, String reason) {
            rebases.add(new Rebase(date, reason));
            return this;
        }

        public Builder annotate(LocalDate date, String label) {
            annotations.add(new Annotation(date, label));
            return this;
        }

        public Builder owner(String value) {
            owner = value;
            return this;
        }

        public Builder dataQuality(DataQualityRating value) {
            dataQuality = value;
            return this;
        }

        public Builder commentary(Commentary value) {
            commentary = value;
            return this;
        }

        public Builder csu(String value) {
            csu = value;
            return this;
        }

        public Builder specialty(String value) {
            specialty = value;
            return this;
        }

        public Builder summable(boolean value) {
            summable = value;
            return this;
        }

        public Builder stale(boolean value) {
            stale = value;
            return this;
        }

        public Builder domain(String value) {
            domain = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        public Builder reasons(Reasons value) {
            reasons = value;
            return this;
        }

        public MeasureReport build() {
            return new MeasureReport(id, title, definition, unit, chart, previous, targetDate, trajectory, rebases,
                    annotations, owner, dataQuality, commentary, csu, specialty, summable, stale, List.of(), domain,
                    note, reasons);
        }
    }
}
