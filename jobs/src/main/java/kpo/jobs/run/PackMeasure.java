package kpo.jobs.run;

import java.util.List;
import java.util.Objects;
import kpo.ingest.measures.UnitType;
import kpo.jobs.config.KpoConfig;
import kpo.reports.DataQualityRating;
import kpo.reports.Unit;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;
import kpo.spc.funnel.Overdispersion;

/**
 * A pack measure's config read into types once, after {@link ConfigCheck} has found nothing wrong
 * with it: its chart (type, rules, direction, target, rebases and the rest), the kind of unit its
 * series is of, the units of its values, its data-quality rating and how its units are compared.
 * Every later step reads these, never the config's text, so no step can read a code differently
 * from the check.
 *
 * @param config the measure as written: its ids, titles, owner, commentary and other words
 * @param spec how it is charted
 * @param unitType the kind of unit its series is of, or null for a pre-aggregated series (unit
 *     type {@code unit}: a measures source's or SPCreporter's own units)
 * @param units the units of its values ({@link Unit#COUNT} when none is given)
 * @param quality its data-quality rating ({@link DataQualityRating#NOT_RATED} when none is given)
 * @param compare the kinds of unit compared on a funnel plot each, in the config's order
 * @param compareMonths the months a funnel counts to the reporting month
 * @param overdispersion the funnel limits' allowance for units varying more than chance
 */
record PackMeasure(KpoConfig.MeasureConfig config, ChartSpec spec, UnitType unitType, Unit units,
        DataQualityRating quality, List<UnitType> compare, int compareMonths, Overdispersion overdispersion) {

    /** The months a funnel plot counts when the config does not say. */
    static final int DEFAULT_COMPARE_MONTHS = 12;

    PackMeasure {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(spec, "spec");
        compare = List.copyOf(compare);
    }

    /**
     * The measure read into types.
     *
     * @throws IllegalArgumentException naming the measure and the code when one is not known: a
     *     config that passed {@link ConfigCheck} never throws
     */
    static PackMeasure of(KpoConfig.MeasureConfig m) {
        String unitTypeText = m.unit().type().trim();
        UnitType unitType = unitTypeText.equalsIgnoreCase("unit") ? null : known(UnitType.fromCode(unitTypeText)
                .orElse(null), m, "unit type", unitTypeText);
        Unit units = m.units() == null ? Unit.COUNT : known(ConfigCheck.unit(m.units()), m, "units", m.units());
        DataQualityRating quality = m.dataQuality() == null ? DataQualityRating.NOT_RATED
                : known(ConfigCheck.rating(m.dataQuality()), m, "data quality", m.dataQuality());
        List<UnitType> compare = m.compare() == null ? List.of() : m.compare().stream()
                .map(type -> known(UnitType.fromCode(type).orElse(null), m, "compare", type)).toList();
        Overdispersion overdispersion = m.compareOverdispersion() == null ? Overdispersion.NONE
                : known(Overdispersion.fromCode(m.compareOverdispersion()).orElse(null), m, "compare_overdispersion",
                        m.compareOverdispersion());
        return new PackMeasure(m, spec(m), unitType, units, quality, compare,
                m.compareMonths() == null ? DEFAULT_COMPARE_MONTHS : m.compareMonths(), overdispersion);
    }

    /** The chart spec a measure's config describes (the pack's default rules where it names none). */
    static ChartSpec spec(KpoConfig.MeasureConfig m) {
        ChartType chart = m.chart() == null ? ChartType.XMR
                : known(ChartType.fromCode(m.chart()).orElse(null), m, "chart", m.chart());
        ChartSpec spec = ChartSpec.of(chart).rules(m.rules() == null ? RuleSet.packDefaultFor(chart)
                : known(RuleSet.fromCode(m.rules()).orElse(null), m, "rules", m.rules()));
        spec = spec.improvement(m.improvement() == null ? Improvement.NEUTRAL
                : known(Improvement.fromCode(m.improvement()).orElse(null), m, "improvement", m.improvement()));
        if (m.target() != null) {
            spec = spec.target(m.target());
        }
        if (m.rebases() != null) {
            spec = spec.rebases(m.rebases().stream().map(KpoConfig.RebaseConfig::date).filter(Objects::nonNull)
                    .toList());
        }
        if (m.baseline() != null) {
            spec = spec.baseline(m.baseline());
        }
        if (m.multiply() != null) {
            spec = spec.multiply(m.multiply());
        }
        if (m.shift() != null) {
            spec = spec.shift(m.shift());
        }
        if (m.trend() != null) {
            spec = spec.trend(m.trend());
        }
        return spec;
    }

    private static <T> T known(T value, KpoConfig.MeasureConfig m, String what, String text) {
        if (value == null) {
            throw new IllegalArgumentException("measure '" + m.id() + "': " + what + " '" + text + "' is not known");
        }
        return value;
    }

    String id() {
        return config.id();
    }

    /** The catalogue measure (or a measures source's measure id) it charts. */
    String measure() {
        return config.measure();
    }

    String unitCode() {
        return config.unit().code();
    }

    /** The unit type as the series table writes it: trust, site, csu, specialty, or unit. */
    String seriesUnitType() {
        return unitType == null ? "unit" : unitType.code();
    }

    boolean preAggregated() {
        return unitType == null;
    }

    /** The CSU it is of, where its series is a CSU's; else null. */
    String csu() {
        return unitType == UnitType.CSU ? unitCode() : null;
    }

    /** Its series' key in the series table. */
    kpo.ingest.measures.SeriesKey seriesKey() {
        return new kpo.ingest.measures.SeriesKey(measure(), seriesUnitType(), unitCode());
    }

    /** The title the pack gives it: its own, else its measure's id. */
    String title() {
        return config.title() == null ? measure() : config.title();
    }
}
