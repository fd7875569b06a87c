package kpo.jobs.run;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureDefinition;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.cli.UserError;
import kpo.reports.SmallNumbers;
import kpo.reports.Unit;
import kpo.ingest.measures.SeriesRow;

/**
 * Small-number suppression of the data files ({@code spc_points.csv}, {@code spc_summary.json},
 * {@code series.parquet}), by the same rule as the packs ({@link SmallNumbers}): a series is of
 * counts when its catalogue measure counts rows ({@code aggregate: count}) or a pack measure
 * charting it has {@code units: count}; a row with a numerator and a denominator is a rate, hidden
 * when either part is small.
 */
final class Suppression {

    private final SmallNumbers small;
    private final Set<String> counts;

    private Suppression(SmallNumbers small, Set<String> counts) {
        this.small = small;
        this.counts = counts;
    }

    /**
     * What {@code config} asks for: off unless {@code privacy.suppress_small_numbers} is true, or the
     * outputs are for publication ({@code publish}, {@code kpo run --publish}), which always suppress.
     *
     * @throws UserError when a config for publication turns suppression off or to nothing
     */
    static SmallNumbers smallNumbers(KpoConfig config) {
        KpoConfig.PrivacyConfig privacy = config.privacy();
        Integer threshold = privacy == null ? null : privacy.smallNumberThreshold();
        if (config.forPublication()) {
            String refused = publicationProblem(config);
            if (refused != null) {
                throw UserError.badInput(refused);
            }
            return new SmallNumbers(threshold == null ? SmallNumbers.NHS_THRESHOLD : threshold);
        }
        if (privacy == null || !Boolean.TRUE.equals(privacy.suppressSmallNumbers())) {
            return SmallNumbers.OFF;
        }
        return new SmallNumbers(threshold == null ? SmallNumbers.NHS_THRESHOLD : threshold);
    }

    /** Why a config for publication cannot be published, or null: suppression turned off, or to nothing. */
    static String publicationProblem(KpoConfig config) {
        KpoConfig.PrivacyConfig privacy = config.privacy();
        if (privacy == null) {
            return null;
        }
        if (Boolean.FALSE.equals(privacy.suppressSmallNumbers())) {
            return "the outputs are for publication (publish: true, or --publish) but privacy.suppress_small_numbers "
                    + "is false: a published pack suppresses small numbers; set it to true, or leave it out";
        }
        if (privacy.smallNumberThreshold() != null && privacy.smallNumberThreshold() < 1) {
            return "the outputs are for publication but privacy.small_number_threshold is "
                    + privacy.smallNumberThreshold() + ": a published pack suppresses at least counts of 1 (the NHS "
                    + "convention is 7)";
        }
        return null;
    }

    static Suppression of(CheckedConfig config, Collection<MeasureDefinition> definitions) {
        Set<String> counts = new HashSet<>();
        for (MeasureDefinition d : definitions) {
            if (d.aggregate() == Aggregate.COUNT) {
                counts.add(d.id());
            }
        }
        for (PackMeasure m : config.measures()) {
            if (m.units() == Unit.COUNT) {
                counts.add(m.measure());
            }
        }
        return new Suppression(smallNumbers(config.config()), counts);
    }

    boolean on() {
        return small.on();
    }

    /** Whether a row of {@code spc_points} has a hidden value. */
    boolean hidesPoint(PointRow point) {
        return hides(point.measureId(), point.value(), null, point.denominator());
    }

    /** Whether a row of the series table has a hidden value. */
    boolean hidesSeries(SeriesRow series) {
        return hides(series.measureId(), series.value(), series.numerator(), series.denominator());
    }

    /**
     * @param value the value (for a point with a denominator, its numerator)
     * @param numerator the series table's numerator, or null
     */
    private boolean hides(String measure, Double value, Double numerator, Double denominator) {
        if (!small.on()) {
            return false;
        }
        if (denominator != null) {
            double count = numerator != null ? numerator : value == null ? Double.NaN : value;
            return small.hides(count) || small.hides(denominator);
        }
        return value != null && counts.contains(measure) && small.hides(value);
    }
}
