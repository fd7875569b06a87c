package kpo.ingest.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kpo.ingest.measures.SeriesSql.ResultType;

/**
 * The reasons behind a measure's rows, month by month and unit by unit: for a measure whose
 * definition names a {@code pareto} column (cancellations: {@code reason}), how many of the rows it
 * counts (a rate's numerator rows) gave each reason, as written (trimmed; blank as the empty text).
 * The same SQL on either engine; grouping the reasons by case and ordering them is the Pareto's work
 * ({@code kpo.spc.pareto.Pareto}), in Java, so that both engines give the same bars.
 */
public final class ParetoSql {

    /**
     * How many rows of a measure's unit and month gave a reason.
     *
     * @param measureId the measure
     * @param unitType {@code trust}, {@code site}, {@code csu} or {@code specialty}
     * @param unitCode the unit
     * @param period the month's first day
     * @param reason the reason as written, trimmed ("" when blank)
     * @param count how many rows
     */
    public record ReasonCount(String measureId, String unitType, String unitCode, LocalDate period, String reason,
            long count) {
    }

    private ParetoSql() {
    }

    /** The query of {@code measure}'s reasons in the months {@code from} to {@code to}, monthly. */
    public static SeriesSql.Query query(MeasureDefinition measure, YearMonth from, YearMonth to) {
        if (measure.pareto() == null) {
            throw new IllegalArgumentException("measure '" + measure.id() + "' names no pareto column");
        }
        Set<YearMonth> months = new TreeSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        SeriesSql.Scope scope = new SeriesSql.Scope(Map.of(measure.source(), months), null);
        List<UnitType> units = measure.units();
        String when = SeriesSql.passes(measure)
                + (measure.aggregate() == Aggregate.RATE ? " AND (" + measure.numerator() + ")" : "");
        List<String> grain = new ArrayList<>(List.of("_period"));
        units.forEach(u -> grain.add(u.column()));
        String reason = "coalesce(trim(" + measure.pareto() + "), '')";
        String sql = "WITH _rows AS (" + SeriesSql.periodised(measure.source(), "monthly", scope) + "), "
                + "_fine AS (SELECT " + String.join(", ", grain) + ", " + reason + " AS _reason, count(*) AS _c"
                // "WHERE true AND": Spark would read "_rows WHERE (cancelled)" as the table with an alias
                // WHERE naming its columns (cancelled).
                + " FROM _rows WHERE true AND " + when + " GROUP BY " + String.join(", ", grain) + ", " + reason + "), "
                + "_units AS (" + SeriesSql.perUnit("_fine", units, List.of("_period", "_reason", "_c")) + ") "
                + "SELECT unit_type, unit_code, _period AS period, _reason AS reason, CAST(sum(_c) AS BIGINT) AS n"
                + " FROM _units GROUP BY unit_type, unit_code, _period, _reason";
        return new SeriesSql.Query(measure.source(), sql, List.of(ResultType.TEXT, ResultType.TEXT, ResultType.DATE,
                ResultType.TEXT, ResultType.LONG), rows -> List.of());
    }

    /** {@code measure}'s reasons in the months {@code from} to {@code to}, run by {@code runner}. */
    public static List<ReasonCount> run(MeasureDefinition measure, YearMonth from, YearMonth to,
            SeriesSql.Runner runner) {
        List<ReasonCount> out = new ArrayList<>();
        for (Object[] r : runner.rows(query(measure, from, to))) {
            out.add(new ReasonCount(measure.id(), (String) r[0], (String) r[1], (LocalDate) r[2],
                    r[3] == null ? "" : (String) r[3], (Long) r[4]));
        }
        out.sort(java.util.Comparator.comparing(ReasonCount::unitType).thenComparing(ReasonCount::unitCode)
                .thenComparing(ReasonCount::period).thenComparing(ReasonCount::reason));
        return out;
    }
}
