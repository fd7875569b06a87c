package kpo.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a month's board pack shows: the reports module needs nothing else, and prints no date
 * that is not in here (no clock is read).
 *
 * @param trust the trust
 * @param period the reporting month
 * @param dataTo the date the data runs to ("data to 31 Oct 2025")
 * @param commitments the trust's annual commitments and the CSUs' local A3s, in the order the
 *     board knows them
 * @param measures every measure, each with its chart
 * @param dataQuality what ingest made of each source
 * @param reconciliations engine figures beside the published returns (may be empty)
 * @param vintage the month of the stored pack whose series the measures' {@code previous} charts
 *     were drawn from, so that "what changed" and restatements compare with what the board was
 *     shown; null when there was none and {@code previous} was recomputed from this month's data
 * @param smallNumbers the small-number suppression applied to the measures' values
 * @param asks what the board is asked to note or decide, in the KPO's order (may be empty)
 * @param comparisons units compared on funnel plots, each for measures of the pack (may be empty)
 * @param events the improvement events the KPO ran or plans, with their re-measures (may be empty)
 */
public record BoardPack(Trust trust, YearMonth period, LocalDate dataTo, List<Commitment> commitments,
        List<MeasureReport> measures, List<SourceQuality> dataQuality, List<Reconciliation> reconciliations,
        YearMonth vintage, SmallNumbers smallNumbers, List<Ask> asks, List<Comparison> comparisons,
        List<ImprovementEvent> events) {

    public BoardPack {
        Checks.required(trust, "trust");
        Checks.required(period, "reporting period");
        Checks.required(dataTo, "data-to date");
        commitments = List.copyOf(commitments);
        measures = List.copyOf(measures);
        dataQuality = List.copyOf(dataQuality);
        reconciliations = List.copyOf(reconciliations);
        asks = asks == null ? List.of() : List.copyOf(asks);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        events = events == null ? List.of() : List.copyOf(events);
        smallNumbers = smallNumbers == null ? SmallNumbers.OFF : smallNumbers;
        if (vintage != null && !vintage.isBefore(period)) {
            throw new IllegalArgumentException("the stored pack compared with (" + vintage + ") must be earlier than "
                    + "the reporting period " + period);
        }
        Set<String> measureIds = new HashSet<>();
        for (MeasureReport measure : measures) {
            if (!measureIds.add(measure.id())) {
                throw new IllegalArgumentException("measure id '" + measure.id() + "' is used twice");
            }
        }
        Set<String> commitmentIds = new HashSet<>();
        for (Commitment commitment : commitments) {
            if (!commitmentIds.add(commitment.id())) {
                throw new IllegalArgumentException("commitment id '" + commitment.id() + "' is used twice");
            }
            for (String id : commitment.measureIds()) {
                if (!measureIds.contains(id)) {
                    throw new IllegalArgumentException("commitment " + commitment.id() + " lists measure '" + id
                            + "', which is not in the pack");
                }
            }
        }
        for (Ask ask : asks) {
            if (ask.measureId() != null && !measureIds.contains(ask.measureId())) {
                throw new IllegalArgumentException("an ask names measure '" + ask.measureId() + "', which is not in "
                        + "the pack");
            }
        }
        Set<String> comparisonIds = new HashSet<>();
        for (Comparison comparison : comparisons) {
            if (!comparisonIds.add(comparison.id())) {
                throw new IllegalArgumentException("comparison id '" + comparison.id() + "' is used twice");
            }
            for (String id : comparison.measureIds()) {
                if (!measureIds.contains(id)) {
                    throw new IllegalArgumentException("comparison " + comparison.id() + " compares measure '" + id
                            + "', which is not in the pack");
                }
            }
        }
        Set<String> eventIds = new HashSet<>();
        for (ImprovementEvent event : events) {
            if (!eventIds.add(event.id())) {
                throw new IllegalArgumentException("event id '" + event.id() + "' is used twice");
            }
            for (String id : event.a3Id() == null ? List.of(event.commitmentId())
                    : List.of(event.commitmentId(), event.a3Id())) {
                if (!commitmentIds.contains(id)) {
                    throw new IllegalArgumentException("event " + event.id() + " serves '" + id + "', which is not a "
                            + "commitment of the pack");
                }
            }
            for (EventMeasure m : event.measures()) {
                if (!measureIds.contains(m.measureId())) {
                    throw new IllegalArgumentException("event " + event.id() + " measures '" + m.measureId()
                            + "', which is not in the pack");
                }
            }
        }
        for (Commitment commitment : commitments) {
            if (commitment.alignedTo() != null && !commitmentIds.contains(commitment.alignedTo())) {
                throw new IllegalArgumentException("commitment " + commitment.id() + " is aligned to '"
                        + commitment.alignedTo() + "', which is not in the pack");
            }
        }
    }

    /** A pack with no comparisons of units and no improvement events. */
    public BoardPack(Trust trust, YearMonth period, LocalDate dataTo, List<Commitment> commitments,
            List<MeasureReport> measures, List<SourceQuality> dataQuality, List<Reconciliation> reconciliations,
            YearMonth vintage, SmallNumbers smallNumbers, List<Ask> asks) {
        this(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, vintage, smallNumbers, asks,
                List.of(), List.of());
    }

    /** A pack with no asks of the board. */
    public BoardPack(Trust trust, YearMonth period, LocalDate dataTo, List<Commitment> commitments,
            List<MeasureReport> measures, List<SourceQuality> dataQuality, List<Reconciliation> reconciliations,
            YearMonth vintage, SmallNumbers smallNumbers) {
        this(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, vintage, smallNumbers,
                List.of());
    }

    /** A pack with no stored earlier pack to compare with, no suppression and no asks. */
    public BoardPack(Trust trust, YearMonth period, LocalDate dataTo, List<Commitment> commitments,
            List<MeasureReport> measures, List<SourceQuality> dataQuality, List<Reconciliation> reconciliations) {
        this(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, null, SmallNumbers.OFF);
    }

    /** This pack with {@code value} as what the board is asked to note or decide. */
    public BoardPack asks(List<Ask> value) {
        return new BoardPack(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, vintage,
                smallNumbers, value, comparisons, events);
    }

    /** This pack with {@code value} as its comparisons of units. */
    public BoardPack comparisons(List<Comparison> value) {
        return new BoardPack(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, vintage,
                smallNumbers, asks, value, events);
    }

    /** This pack with {@code value} as its improvement events. */
    public BoardPack events(List<ImprovementEvent> value) {
        return new BoardPack(trust, period, dataTo, commitments, measures, dataQuality, reconciliations, vintage,
                smallNumbers, asks, comparisons, value);
    }

    /** The comparisons that compare {@code measure}, in the pack's order. */
    public List<Comparison> comparisonsOf(MeasureReport measure) {
        return comparisons.stream().filter(c -> c.measureIds().contains(measure.id())).toList();
    }

    /** The measure with this id. */
    public MeasureReport measure(String id) {
        for (MeasureReport measure : measures) {
            if (measure.id().equals(id)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("no measure '" + id + "' in the pack");
    }

    public Optional<Commitment> commitment(String id) {
        return commitments.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The trust's own commitments (not the CSUs' local A3s), in order. */
    public List<Commitment> trustCommitments() {
        return commitments.stream().filter(c -> !c.local()).toList();
    }

    /** The CSUs that have measures or local A3s, sorted by name. */
    public List<String> csus() {
        Set<String> names = new TreeSet<>();
        measures.stream().map(MeasureReport::csu).filter(c -> c != null).forEach(names::add);
        commitments.stream().map(Commitment::csu).filter(c -> c != null).forEach(names::add);
        return List.copyOf(names);
    }
}
