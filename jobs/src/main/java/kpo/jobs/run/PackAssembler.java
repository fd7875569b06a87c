package kpo.jobs.run;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import kpo.ingest.measures.UnitType;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.jobs.config.KpoConfig;
import kpo.reports.Annotation;
import kpo.reports.BoardPack;
import kpo.reports.Commentary;
import kpo.reports.Commitment;
import kpo.reports.EventMeasure;
import kpo.reports.EventMeasures;
import kpo.reports.ImprovementEvent;
import kpo.reports.Countermeasure;
import kpo.reports.MeasureReport;
import kpo.reports.PdsaCycle;
import kpo.reports.Reasons;
import kpo.reports.Rebase;
import kpo.reports.Reconciliation;
import kpo.reports.RejectCount;
import kpo.reports.RowRule;
import kpo.reports.SmallNumbers;
import kpo.reports.SourceQuality;
import kpo.reports.Trust;
import kpo.reports.Unit;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.Observation;
import kpo.spc.Spc;
import kpo.spc.pareto.Pareto;
import kpo.spc.pareto.ParetoResult;
import kpo.reports.format.Dates;
import kpo.ingest.measures.ParetoSql;
import kpo.ingest.measures.SeriesRow;

/** The config and the month's series → the board pack's input: every date from the data and the period. */
final class PackAssembler {

    /** The pack, and the last date with data, which the cover prints as the data's currency. */
    record Assembly(BoardPack pack, LocalDate dataTo) {
    }

    private PackAssembler() {
    }

    /** A specialty as the pack names it: its treatment function's name and its code, "Paediatric Surgery (C_171)". */
    static String specialty(String code, TreatmentFunctions treatmentFunctions) {
        String name = treatmentFunctions.name(code);
        return name.equals(code) ? code : name + " (" + code + ")";
    }

    /**
     * The month's pack.
     *
     * @param series the series rows of every unit up to the period, sorted by series and period
     * @param vintage the latest stored earlier pack's series, whose charts become each measure's
     *     {@code previous}; null to recompute last month's charts from {@code series}
     * @param smallNumbers what to hide in the published pack
     * @param reconciliations the engine's figures beside the published returns
     * @param inputNames how the data-quality appendix names the sources' files (never the machine's folders)
     * @param reasons the reasons behind the rows of measures with a Pareto column, per unit and month
     */
    /** The months a Pareto of reasons counts, to the reporting month. */
    static final int REASON_MONTHS = 12;

    /** How many reasons an A3's Pareto names before "Other". */
    private static final int REASON_BARS = 6;

    /**
     * The reasons behind pack measure {@code m}'s rows over the last 12 months, or null when its
     * definition names no Pareto column or no row gave a reason. A pack with small numbers suppressed
     * has none (see the caller): a reason given a few times is a small number.
     */
    private static Reasons reasons(PackMeasure m, YearMonth period, List<ParetoSql.ReasonCount> all) {
        YearMonth from = period.minusMonths(REASON_MONTHS - 1);
        List<Pareto.Count> counts = new ArrayList<>();
        for (ParetoSql.ReasonCount r : all) {
            YearMonth month = YearMonth.from(r.period());
            if (r.measureId().equals(m.measure()) && r.unitType().equals(m.seriesUnitType())
                    && r.unitCode().equals(m.unitCode()) && !month.isBefore(from) && !month.isAfter(period)) {
                counts.add(new Pareto.Count(r.reason(), r.count()));
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        ParetoResult pareto = Pareto.ofCounts(counts, REASON_BARS);
        return pareto.total() == 0 ? null : new Reasons(Dates.shortMonth(from) + " to " + Dates.shortMonth(period),
                pareto);
    }

    static Assembly assemble(CheckedConfig checked, YearMonth period, List<SeriesRow> series, List<MonthlyJob.SourceRun> sources,
            Vintages.Vintage vintage, SmallNumbers smallNumbers, List<Reconciliation> reconciliations,
            InputNames inputNames, List<ParetoSql.ReasonCount> reasons) {
        KpoConfig config = checked.config();
        LocalDate periodEnd = period.atEndOfMonth();
        TreatmentFunctions treatmentFunctions = MonthlyJob.treatmentFunctions(config);
        List<MeasureReport> measures = new ArrayList<>();
        LocalDate dataTo = null;
        for (PackMeasure pm : checked.measures()) {
            KpoConfig.MeasureConfig m = pm.config();
            List<Observation> observations = observations(series, pm);
            if (observations.isEmpty()) {
                throw kpo.jobs.cli.UserError.badInput("measure '" + m.id() + "': " + (m.measure().startsWith("spcr_")
                        ? "it " + SpcReporterSource.noValues(pm) : "the data hold no " + m.measure() + " series for "
                                + pm.seriesUnitType() + " '" + pm.unitCode() + "'"));
            }
            LocalDate latest = observations.get(observations.size() - 1).period();
            LocalDate latestEnd = latestPeriodEnd(latest, observations);
            dataTo = dataTo == null || latestEnd.isAfter(dataTo) ? latestEnd : dataTo;
            ChartSpec spec = pm.spec();
            ChartResult chart = Spc.chart(spec, observations);
            // Last month as the board saw it (the stored vintage), else as this month's data says it was.
            List<Observation> before;
            // Individual values are one snapshot's, in order: last month's pack held another list, not
            // earlier values of this one, so there is nothing to restate and no vintage to compare with.
            boolean individual = observations.stream().anyMatch(o -> o.sequence() > 0);
            if (vintage != null && !individual) {
                before = observations(vintage.rows(), pm);
            } else {
                LocalDate lastMonthEnd = period.minusMonths(1).atEndOfMonth();
                before = observations.stream().filter(o -> !o.period().isAfter(lastMonthEnd)).toList();
            }
            ChartResult previous = before.size() >= 2 ? Spc.chart(spec, before) : null;
            Unit unit = pm.units();
            int lag = m.allowableDaysLag() == null ? 45 : m.allowableDaysLag();
            boolean stale = ChronoUnit.DAYS.between(latestEnd, periodEnd) > lag;
            measures.add(new MeasureReport(m.id(), m.title() == null ? m.measure() : m.title(), m.definition(),
                    unit, chart, previous, m.targetDate(),
                    m.trajectory() == null ? new TreeMap<>() : new TreeMap<>(m.trajectory()), rebases(m),
                    annotations(m, config, periodEnd), m.owner(), pm.quality(), commentary(m.commentary()), pm.csu(),
                    pm.unitType() == UnitType.SPECIALTY ? specialty(pm.unitCode(), treatmentFunctions) : null,
                    Boolean.TRUE.equals(m.summable()), stale, smallNumbers.hiddenPeriods(unit, chart), m.domain(),
                    m.note(), smallNumbers.on() ? null : reasons(pm, period, reasons)));
        }
        List<Commitment> commitments = new ArrayList<>();
        for (KpoConfig.CommitmentConfig c : config.commitments() == null ? List.<KpoConfig.CommitmentConfig>of()
                : config.commitments()) {
            List<String> ids = checked.measures().stream().filter(m -> c.id().equals(m.config().commitment()))
                    .map(PackMeasure::id).toList();
            commitments.add(new Commitment(c.id(), c.title(), c.sponsor(), c.problem(), c.targetCondition(), ids,
                    countermeasures(c), pdsa(c), c.csu(), c.alignedTo()));
        }
        List<SourceQuality> quality = new ArrayList<>();
        for (MonthlyJob.SourceRun s : sources) {
            List<RejectCount> rejected = new ArrayList<>();
            s.curation().rejectedByReason().forEach((reason, rows) -> rejected.add(new RejectCount(reason.code(),
                    reason.meaning(), rows)));
            // Months between the source's first and the reporting month with no accepted row are missing;
            // a source whose last month is before the reporting month is stale.
            List<LocalDate> missing = new ArrayList<>();
            LocalDate latest = null;
            if (!s.months().isEmpty()) {
                YearMonth last = s.months().get(s.months().size() - 1);
                latest = (last.isAfter(period) ? period : last).atEndOfMonth();
                for (YearMonth m = s.months().get(0); !m.isAfter(period); m = m.plusMonths(1)) {
                    if (!s.months().contains(m)) {
                        missing.add(m.atDay(1));
                    }
                }
            }
            boolean stale = latest == null || latest.isBefore(periodEnd);
            quality.add(new SourceQuality(s.spec().name(), String.join(", ", s.spec().paths().stream()
                    .map(inputNames::of).toList()), s.curation().read(),
                    s.curation().accepted(), rejected, latest, missing, stale, rules(s.spec())));
        }
        BoardPack pack = new BoardPack(new Trust(config.trust().code(), config.trust().name() == null
                ? config.trust().code() : config.trust().name()), period, dataTo, commitments, measures, quality,
                reconciliations, vintage == null ? null : vintage.month(), smallNumbers, asks(config))
                .events(events(config, measures, periodEnd));
        return new Assembly(pack, dataTo);
    }

    /** The board's asks, as the config lists them (checked by {@link ConfigCheck}: one of note and decide). */
    private static List<kpo.reports.Ask> asks(KpoConfig config) {
        if (config.asks() == null) {
            return List.of();
        }
        return config.asks().stream().map(a -> new kpo.reports.Ask(a.decide() != null ? a.decide() : a.note(),
                a.decide() != null, a.measure())).toList();
    }

    /**
     * The rules every row of a source was checked against, from the source's declared list, each
     * against the column as the trust's file names it. SPCreporter's sheets are checked cell by cell
     * as they are read, not by these rules.
     */
    static List<RowRule> rules(kpo.ingest.source.SourceSpec spec) {
        if (spec.name().equals(SpcReporterSource.NAME)) {
            return List.of();
        }
        return spec.kind().rules().stream().map(r -> new RowRule(spec.mapping().headerOf(r.field()), r.description(),
                r.reason().code())).toList();
    }

    /** The observations of config measure {@code m}'s series (its catalogue measure for its unit) in {@code rows}. */
    static List<Observation> observations(List<SeriesRow> rows, PackMeasure m) {
        List<Observation> observations = new ArrayList<>();
        String type = m.seriesUnitType();
        for (SeriesRow r : rows) {
            if (r.measureId().equals(m.measure()) && r.unitType().equals(type)
                    && r.unitCode().equals(m.unitCode())) {
                observations.add(SeriesCharts.observation(r));
            }
        }
        return observations;
    }

    /** The end of the period a latest point stands for: its month end for monthly data, its date for weekly. */
    private static LocalDate latestPeriodEnd(LocalDate latest, List<Observation> observations) {
        boolean monthly = observations.stream().allMatch(o -> o.period().getDayOfMonth() == 1);
        return monthly ? YearMonth.from(latest).atEndOfMonth() : latest;
    }

    private static List<Rebase> rebases(KpoConfig.MeasureConfig m) {
        return m.rebases() == null ? List.of() : m.rebases().stream()
                .map(r -> new Rebase(r.date(), r.reason(), r.agreedBy()))
                .toList();
    }

    /**
     * A measure's annotations: the config's own (PDSA cycles), then each improvement event that set
     * out to move it and has happened by the reporting month's end, marked at its week.
     */
    private static List<Annotation> annotations(KpoConfig.MeasureConfig m, KpoConfig config, LocalDate periodEnd) {
        List<Annotation> annotations = new ArrayList<>();
        if (m.annotations() != null) {
            m.annotations().forEach(a -> annotations.add(new Annotation(a.date(), a.label())));
        }
        for (KpoConfig.EventConfig e : config.events() == null ? List.<KpoConfig.EventConfig>of() : config.events()) {
            boolean happened = eventStatus(e.status()).happened() && !e.date().isAfter(periodEnd);
            if (happened && e.measures() != null && e.measures().stream().anyMatch(x -> x.measure().equals(m.id()))) {
                annotations.add(new Annotation(e.date(), e.id() + ": " + e.title()));
            }
        }
        return annotations;
    }

    /**
     * The improvement events, each measure re-measured from its chart at 30, 60 and 90 days: a
     * re-measure due after the reporting month is not yet due.
     */
    private static List<ImprovementEvent> events(KpoConfig config, List<MeasureReport> measures, LocalDate periodEnd) {
        if (config.events() == null) {
            return List.of();
        }
        List<ImprovementEvent> events = new ArrayList<>();
        for (KpoConfig.EventConfig e : config.events()) {
            ImprovementEvent.Status status = eventStatus(e.status());
            List<EventMeasure> moved = new ArrayList<>();
            for (KpoConfig.EventMeasureConfig m : e.measures() == null ? List.<KpoConfig.EventMeasureConfig>of()
                    : e.measures()) {
                MeasureReport measure = measures.stream().filter(r -> r.id().equals(m.measure())).findFirst()
                        .orElseThrow(() -> kpo.jobs.cli.UserError.badInput("event '" + e.id() + "' measures '"
                                + m.measure() + "', which is not a measure of the pack"));
                moved.add(EventMeasures.of(measure, e.date(), status, m.baseline(), m.baselinePoints() == null
                        ? EventMeasures.BASELINE_POINTS : m.baselinePoints(), m.target() == null ? Double.NaN
                                : m.target(), periodEnd));
            }
            events.add(new ImprovementEvent(e.id(), eventType(e.type()), e.title(), e.date(), e.commitment(), e.a3(),
                    e.sponsor(), e.processOwner(), status, e.reportOut(), moved));
        }
        return events;
    }

    /** An event's status from the config's code (checked by {@link ConfigCheck}). */
    static ImprovementEvent.Status eventStatus(String code) {
        return ImprovementEvent.Status.valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** An event's kind from the config's code (checked by {@link ConfigCheck}). */
    static ImprovementEvent.Type eventType(String code) {
        String key = code.trim().toLowerCase(Locale.ROOT);
        return key.equals("5s") ? ImprovementEvent.Type.FIVE_S : ImprovementEvent.Type.valueOf(key.toUpperCase(
                Locale.ROOT));
    }

    private static Commentary commentary(KpoConfig.CommentaryConfig c) {
        return c == null ? null : new Commentary(c.shows(), c.soWhat(), c.actions(), c.author(), c.approver(), c.date());
    }

    private static List<Countermeasure> countermeasures(KpoConfig.CommitmentConfig c) {
        return c.countermeasures() == null ? List.of() : c.countermeasures().stream()
                .map(k -> new Countermeasure(k.action(), k.owner(), k.due(), k.status() == null
                        ? Countermeasure.Status.PLANNED : Countermeasure.Status.valueOf(k.status()
                        .toUpperCase(Locale.ROOT))))
                .toList();
    }

    private static List<PdsaCycle> pdsa(KpoConfig.CommitmentConfig c) {
        return c.pdsa() == null ? List.of() : c.pdsa().stream()
                .map(p -> new PdsaCycle(p.number(), p.change(), p.started(), p.ended(),
                        p.stage() == null ? PdsaCycle.Stage.PLAN : PdsaCycle.Stage.valueOf(p.stage().trim().toUpperCase(Locale.ROOT)),
                        p.decision() == null ? null : PdsaCycle.Decision.valueOf(p.decision().trim().toUpperCase(Locale.ROOT)),
                        p.learning()))
                .toList();
    }
}
