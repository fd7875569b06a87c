package kpo.jobs.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kpo.ingest.measures.SeriesKey;
import kpo.reports.Unit;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.Signal;

/**
 * One row of {@code spc_points.csv} (schema version {@value #SCHEMA_VERSION}): a series' point as
 * the SPC engine charted it, the series key, then the JSON point fields as columns, then
 * {@code seq}. What the SPC stage hands on, whichever engine charted it.
 *
 * @param seq an individual value's place in its series (1, 2, …), null for other points, whose
 *     {@code period} alone places them
 */
record PointRow(String measureId, String unitType, String unitCode, String chart, String rules, LocalDate period,
        Double value, Double denominator, Double y, Double centre, Double ucl, Double lcl, int phase, boolean baseline,
        boolean excluded, String signals, String pointType, boolean runsSignal, String variation, String assurance,
        Integer seq, Double uclShown, Double lclShown, String packMeasureId) {

    /**
     * Version of the {@code spc_points} schema: bump it when a column changes meaning or goes.
     * Version 2 added {@code seq} as the last column. Version 3: a series a pack measure shows is
     * charted with that measure's own spec ({@link SeriesSpecs}), and {@code assurance} may be
     * {@code not_assessable} (the latest phase's limits are out of date), and {@code ucl_shown},
     * {@code lcl_shown} are the limits as the pack shows them (at the unit's natural bound where the
     * computed limit lies beyond it: {@code Unit.shown}) and {@code pack_measure_id} (the id of the
     * pack measure that shows the series, empty for other units' series) after {@code seq}.
     */
    static final String SCHEMA_VERSION = "3";

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("measure_id", "unit_type", "unit_code", "chart", "rules", "period",
            "value", "denominator", "y", "centre", "ucl", "lcl", "phase", "baseline", "excluded", "signals",
            "point_type", "runs_signal", "variation", "assurance", "seq", "ucl_shown", "lcl_shown",
            "pack_measure_id");

    /** The rows of one chart, its values in {@code unit}; {@code packMeasureId} null where no pack measure shows it. */
    static List<PointRow> of(SeriesKey key, ChartResult result, Unit unit, String packMeasureId) {
        List<PointRow> out = new ArrayList<>(result.points().size());
        for (ChartPoint p : result.points()) {
            out.add(new PointRow(key.measureId(), key.unitType(), key.unitCode(), result.spec().chart().code(),
                    result.spec().rules().qualifiedName(), p.period(), nullable(p.value()), nullable(p.denominator()),
                    nullable(p.y()), nullable(p.centre()), nullable(p.upperLimit()), nullable(p.lowerLimit()),
                    p.phase(), p.baseline(), p.excluded(),
                    p.signals().stream().map(Signal::code).collect(Collectors.joining(";")), p.type().code(),
                    result.runs().get(p.phase() - 1).signal(), result.variation().code(), result.assurance().code(),
                    p.individual() ? p.sequence() : null, nullable(unit.shown(p.upperLimit())),
                    nullable(unit.shown(p.lowerLimit())), packMeasureId));
        }
        return out;
    }

    private static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }

    SeriesKey key() {
        return new SeriesKey(measureId, unitType, unitCode);
    }

    boolean hasSignal() {
        return !signals.isEmpty();
    }

    /** The values in {@link #COLUMNS} order. */
    List<Object> values() {
        return java.util.Arrays.asList(measureId, unitType, unitCode, chart, rules, period, value, denominator, y,
                centre, ucl, lcl, phase, baseline, excluded, signals, pointType, runsSignal, variation, assurance, seq,
                uclShown, lclShown, packMeasureId);
    }
}
