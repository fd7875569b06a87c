package kpo.jobs.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.measures.SeriesKey;
import kpo.ingest.measures.SeriesRow;
import kpo.spc.Observation;
import kpo.spc.Spc;

/**
 * The SPC engine over every series of the series table, in this process on every core: what the
 * monthly job does on one machine. On a cluster {@link SparkSpc} runs the same engine per series
 * inside Spark; both give the same rows.
 */
final class SeriesCharts {

    private SeriesCharts() {
    }

    /**
     * Every series whose measure has a spec, charted, in the series' order.
     *
     * @param series series rows sorted in the table's order
     * @param specs the spec of each series; series of other measures are left out
     */
    static List<PointRow> points(List<SeriesRow> series, SeriesSpecs specs) {
        Map<SeriesKey, List<Observation>> groups = new LinkedHashMap<>();
        for (SeriesRow r : series) {
            if (specs.charts(r.measureId())) {
                groups.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(observation(r));
            }
        }
        List<Map.Entry<SeriesKey, List<Observation>>> entries = new ArrayList<>(groups.entrySet());
        return entries.parallelStream().flatMap(e -> PointRow.of(e.getKey(),
                Spc.chart(specs.of(e.getKey()), e.getValue()), specs.unit(e.getKey().measureId()),
                specs.packId(e.getKey())).stream()).toList();
    }

    /**
     * The observation of a series row: counts over their denominator where the measure has both, so
     * that P and U charts see counts; an individual value (a row with a {@code seq}) dated by its
     * event and ordered by its sequence.
     */
    static Observation observation(SeriesRow r) {
        double value = r.value() == null ? Double.NaN : r.value();
        if (r.seq() != null) {
            return Observation.individual(r.period(), r.seq(), value);
        }
        if (r.numerator() != null && r.denominator() != null) {
            return Observation.of(r.period(), r.numerator(), r.denominator());
        }
        return Observation.of(r.period(), value);
    }
}
