package kpo.jobs.run;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.measures.SeriesKey;
import kpo.reports.Unit;
import kpo.spc.ChartSpec;

/**
 * The chart spec of each series the job charts. A series a pack measure shows is charted with that
 * measure's own spec (target, rebases, frozen baseline, exclusions), so that {@code spc_points.csv}
 * and {@code spc_summary.json} give the pack's limits and icons for it; every other unit's series of
 * a pack's catalogue measure gets the measure's plain spec (its chart, rules and direction, no target
 * and no phases). Where two pack measures show one series, the first in the config decides.
 *
 * @param byMeasure the plain spec of each catalogue measure the pack uses
 * @param bySeries the pack measures' own specs, by the series they show
 * @param units the unit of each catalogue measure's values (its first pack measure's {@code units}),
 *     which bounds the limits shown
 * @param packIds the pack measure's id of each series a pack measure shows, so that the data
 *     outputs name it as the pack does
 */
record SeriesSpecs(Map<String, ChartSpec> byMeasure, Map<SeriesKey, ChartSpec> bySeries, Map<String, Unit> units,
        Map<SeriesKey, String> packIds) implements Serializable {

    SeriesSpecs {
        byMeasure = Map.copyOf(byMeasure);
        bySeries = Map.copyOf(bySeries);
        units = Map.copyOf(units);
        packIds = Map.copyOf(packIds);
    }

    /** Specs with every measure's values counted (the unit bounds limits at 0 only) and no pack ids. */
    SeriesSpecs(Map<String, ChartSpec> byMeasure, Map<SeriesKey, ChartSpec> bySeries) {
        this(byMeasure, bySeries, Map.of(), Map.of());
    }

    static SeriesSpecs of(List<PackMeasure> measures) {
        Map<String, ChartSpec> byMeasure = new HashMap<>();
        Map<SeriesKey, ChartSpec> bySeries = new HashMap<>();
        Map<String, Unit> units = new HashMap<>();
        Map<SeriesKey, String> packIds = new HashMap<>();
        for (PackMeasure m : measures) {
            units.putIfAbsent(m.measure(), m.units());
            ChartSpec spec = m.spec();
            byMeasure.putIfAbsent(m.measure(), spec.target(Double.NaN).rebases(List.of()).baseline(0)
                    .excluded(List.of()));
            SeriesKey key = m.seriesKey();
            bySeries.putIfAbsent(key, spec);
            packIds.putIfAbsent(key, m.id());
        }
        return new SeriesSpecs(byMeasure, bySeries, units, packIds);
    }

    /** Whether the series of {@code measureId} are charted at all. */
    boolean charts(String measureId) {
        return byMeasure.containsKey(measureId);
    }

    /** The unit of a measure's values. */
    Unit unit(String measureId) {
        return units.getOrDefault(measureId, Unit.COUNT);
    }

    /** The id of the pack measure that shows a series, or null when none does. */
    String packId(SeriesKey key) {
        return packIds.get(key);
    }

    /** The spec of one series. */
    ChartSpec of(SeriesKey key) {
        ChartSpec own = bySeries.get(key);
        return own != null ? own : byMeasure.get(key.measureId());
    }
}
