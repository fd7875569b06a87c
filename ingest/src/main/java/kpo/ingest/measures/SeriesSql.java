package kpo.ingest.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import kpo.ingest.IngestException;
import kpo.ingest.nhs.RttWaits;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.SourceKind;

/**
 * The measure catalogue compiled to SQL that both engines run the same way: curated tables → the
 * series table (schema version {@value #SCHEMA_VERSION}): one row per measure, unit and period,
 * {@code (measure_id, unit_type, unit_code, period, value, numerator, denominator, seq)}.
 *
 * <p>Every query reads a view per source kind ({@link #view}) holding the curated columns
 * ({@link CuratedColumn#of}) and {@link CuratedColumn#MONTH}, and uses only what DuckDB and Spark SQL
 * both run with the same meaning (casts, {@code date_trunc}, {@code CASE}, sums, window sums and row
 * numbers). Engines do exact work only: integer counts, sums of values in fixed point (nine decimal
 * places), the two neighbouring values of a percentile, histograms of week bands. Every floating-point
 * formula (a rate, a mean, the interpolation inside a percentile or a band) is computed here in Java
 * from those exact parts, so both engines give the same bits whatever order their rows meet in.
 *
 * <p>Periods are dates: the first day of the month for monthly measures; for weekly ones the
 * snapshot date of a waiting list, or the Monday of the week for flows. A monthly waiting-list
 * measure counts the last snapshot of each month (a stock is counted at the census date, as RTT
 * returns are).
 *
 * <p>Individual values ({@link Aggregate#EACH}) are one row per source row instead, numbered in
 * their order by {@code seq} (1, 2, …; null for every other measure), with {@code period} the date
 * of the event that orders them:
 * <ul>
 *   <li>waiting list: every pathway of the latest snapshot on or before the as-of date (of each
 *       trust), in order of referral (clock start); {@code period} is the clock-start date;</li>
 *   <li>lead times: every item completed on or before the as-of date, in order of completion
 *       (end time); {@code period} is the completion date.</li>
 * </ul>
 * Ties (equal clock starts, equal completion times) keep the source's own order: extract, then
 * line. The pseudonym key cannot change that order, so rotating the key changes no chart. A chart
 * of tens of thousands of points says nothing a summary does not, so an individual series keeps
 * at most {@value #MAX_INDIVIDUAL_VALUES} values per unit: the last in its order, still numbered by
 * their place in the whole order, so that a series whose {@code seq} starts above 1 shows it was cut.
 */
public final class SeriesSql {

    /** The columns of the series table, in order. */
    public static final List<String> COLUMNS = List.of("measure_id", "unit_type", "unit_code", "period", "value",
            "numerator", "denominator", "seq");

    /**
     * Version of the series table's schema: 2 added {@code seq} (individual values) as the last
     * column. Bump it when a column changes meaning or goes.
     */
    public static final String SCHEMA_VERSION = "2";

    /** The most individual values a series keeps per unit (the last in its order). */
    public static final int MAX_INDIVIDUAL_VALUES = 5_000;

    /** Sums are exact in fixed point with this many decimal places, far below any measure's precision. */
    private static final int SCALE = 9;

    /** The type of a result column, as an engine hands it back. */
    public enum ResultType {
        /** {@link String}. */
        TEXT,
        /** {@link LocalDate}. */
        DATE,
        /** {@link Long}. */
        LONG,
        /** {@link Double}. */
        DOUBLE,
        /** {@link BigDecimal}. */
        DECIMAL,
        /** {@link Integer}. */
        INTEGER
    }

    /**
     * One query and how its rows become series rows.
     *
     * @param source the source kind it reads
     * @param sql the query
     * @param columns the type of each result column, in order
     * @param series the series rows of its result rows (each an array in {@code columns} order, null for SQL NULL)
     */
    public record Query(SourceKind source, String sql, List<ResultType> columns,
            Function<List<Object[]>, List<SeriesRow>> series) {
    }

    /** How an engine runs a query. */
    @FunctionalInterface
    public interface Runner {
        List<Object[]> rows(Query query);
    }

    private SeriesSql() {
    }

    /** The view of a source kind's curated rows every query reads, e.g. {@code curated_waiting_list}. */
    public static String view(SourceKind kind) {
        return "curated_" + kind.code();
    }

    /**
     * Which rows a computation reads: every month of each source (the default), or only some months of
     * some sources, as an incremental run asks.
     *
     * @param months source kind → the months read; a kind that is absent is read whole
     * @param asOf the date individual values are taken at (the waiting-list snapshot on or before it,
     *     the items completed by it), e.g. the end of the reporting month; null for the latest data
     */
    public record Scope(Map<SourceKind, Set<YearMonth>> months, LocalDate asOf) {

        public Scope {
            Map<SourceKind, Set<YearMonth>> copy = new LinkedHashMap<>();
            months.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            months = copy;
        }

        /** Every row, individual values as of {@code asOf}. */
        public static Scope all(LocalDate asOf) {
            return new Scope(Map.of(), asOf);
        }

        /** The rows of {@code kind} the scope reads: a WHERE condition, or "true". */
        String where(SourceKind kind) {
            Set<YearMonth> read = months.get(kind);
            if (read == null) {
                return "true";
            }
            if (read.isEmpty()) {
                return "false";
            }
            return CuratedColumn.MONTH + " IN (" + new TreeSet<>(read).stream().map(m -> "'" + m + "'")
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The queries of {@code measures} over {@code scope}, their rows to be concatenated. */
    public static List<Query> compile(List<MeasureDefinition> measures, Scope scope) {
        List<Query> queries = new ArrayList<>();
        // Counts, rates, sums and means of one source and frequency share one pass over the rows; order
        // statistics with the same filter and value share one histogram. Either is counted once at the
        // finest grain of the units (period, trust, site, CSU, specialty), then added up for each unit
        // type: the rows are read once rather than once per measure and unit type.
        Map<List<Object>, List<MeasureDefinition>> passes = new LinkedHashMap<>();
        Map<List<Object>, List<MeasureDefinition>> histograms = new LinkedHashMap<>();
        Map<String, List<MeasureDefinition>> bands = new LinkedHashMap<>();
        boolean given = false;
        for (MeasureDefinition m : measures) {
            switch (m.aggregate()) {
                case COUNT, RATE, SUM, MEAN -> {
                    if (m.source() == SourceKind.MEASURES) {
                        throw new IllegalArgumentException("measure '" + m.id() + "': the measures source is "
                                + "already aggregated");
                    }
                    passes.computeIfAbsent(List.of(m.source(), m.frequency()), k -> new ArrayList<>()).add(m);
                }
                case MEDIAN, PERCENTILE -> histograms.computeIfAbsent(Arrays.asList(m.source(), m.frequency(),
                        m.filter(), m.value()), k -> new ArrayList<>()).add(m);
                case BAND_PERCENTILE -> bands.computeIfAbsent(m.frequency() + '\u0000' + m.filter(),
                        k -> new ArrayList<>()).add(m);
                case EACH -> {
                    for (UnitType unit : m.units()) {
                        queries.add(individuals(m, unit, scope));
                    }
                }
            }
        }
        passes.values().forEach(group -> queries.add(pass(group, scope)));
        histograms.values().forEach(group -> queries.add(percentiles(group, scope)));
        bands.values().forEach(group -> queries.add(bandPercentiles(group, scope)));
        return queries;
    }

    /** The pre-aggregated measures of a {@code measures} source, as they were given. */
    public static Query given(Scope scope) {
        String sql = "SELECT measure_id, unit_code, period, value, denominator FROM " + view(SourceKind.MEASURES)
                + " WHERE " + scope.where(SourceKind.MEASURES);
        return new Query(SourceKind.MEASURES, sql, List.of(ResultType.TEXT, ResultType.TEXT, ResultType.DATE,
                ResultType.DOUBLE, ResultType.DOUBLE), rows -> {
                    List<SeriesRow> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        Double denominator = (Double) r[4];
                        out.add(new SeriesRow((String) r[0], "unit", (String) r[1], (LocalDate) r[2], (Double) r[3],
                                denominator == null ? null : (Double) r[3], denominator, null));
                    }
                    return out;
                });
    }

    /** The unit types any of {@code measures} is reported for, in their declared order. */
    private static List<UnitType> unitsOf(List<MeasureDefinition> measures) {
        return Arrays.stream(UnitType.values()).filter(u -> measures.stream().anyMatch(m -> m.units().contains(u)))
                .toList();
    }

    /** A source's rows of the scope with {@code _period}, the date each counts in at {@code frequency}. */
    static String periodised(SourceKind source, String frequency, Scope scope) {
        boolean monthly = frequency.equals("monthly");
        String rows = "SELECT * FROM " + view(source) + " WHERE " + scope.where(source);
        return switch (source) {
            case WAITING_LIST -> monthly
                    // The last snapshot of each trust and month: a stock is counted at the census date. A
                    // semi join (EXISTS), so that each engine probes the few last snapshots with every row
                    // (as an inner join, DuckDB built its hash table from the rows and spilled them).
                    ? "SELECT r.*, CAST(date_trunc('month', r.snapshot_date) AS DATE) AS _period FROM (" + rows
                            + ") r WHERE EXISTS (SELECT 1 FROM (SELECT trust_code AS _trust, " + CuratedColumn.MONTH
                            + " AS _month, max(snapshot_date) AS _last FROM (" + rows + ") s GROUP BY trust_code, "
                            + CuratedColumn.MONTH + ") l WHERE r.trust_code = l._trust AND r." + CuratedColumn.MONTH
                            + " = l._month AND r.snapshot_date = l._last)"
                    : "SELECT r.*, r.snapshot_date AS _period FROM (" + rows + ") r";
            case CANCELLATIONS -> "SELECT r.*, CAST(date_trunc('" + (monthly ? "month" : "week")
                    + "', r.scheduled_date) AS DATE) AS _period FROM (" + rows + ") r";
            case LEAD_TIMES -> "SELECT r.*, CAST(date_trunc('" + (monthly ? "month" : "week")
                    + "', r.end_ts) AS DATE) AS _period FROM (" + rows + ") r";
            case MEASURES -> throw new IllegalArgumentException("the measures source is already aggregated");
        };
    }

    /**
     * A finest-grain table added up for each unit type in {@code units}: one branch per unit type with
     * {@code unit_type} and {@code unit_code}, the rows with no code for that unit type left out.
     *
     * @param columns the finest-grain table's other columns carried into each branch
     */
    static String perUnit(String fine, List<UnitType> units, List<String> columns) {
        List<String> branches = new ArrayList<>();
        for (UnitType u : units) {
            branches.add("SELECT '" + u.code() + "' AS unit_type, " + u.column() + " AS unit_code, "
                    + String.join(", ", columns) + " FROM " + fine + " WHERE " + u.column() + " IS NOT NULL");
        }
        return String.join(" UNION ALL ", branches);
    }

    /** The finest grain: the period and the column of every unit type in {@code units}. */
    private static String grain(List<UnitType> units) {
        List<String> grain = new ArrayList<>(List.of("_period"));
        units.forEach(u -> grain.add(u.column()));
        return String.join(", ", grain);
    }

    static String passes(MeasureDefinition m) {
        return m.filter() == null ? "true" : "(" + m.filter() + ")";
    }

    /** A value in fixed point: exact to sum, whatever order the rows meet in. */
    private static String fixed(String value) {
        return "CAST(round(CAST((" + value + ") AS DOUBLE) * 1" + "0".repeat(SCALE) + ") AS DECIMAL(38, 0))";
    }

    /**
     * The count, rate, sum and mean measures of one source and frequency: one aggregation of the
     * rows at the finest grain, each measure's filter inside its aggregates, then for each unit type a
     * roll-up of that small table. A count is 0 (not missing) for a unit and period that has rows but
     * none that pass the filter: a month with no 104-week waiters has the point 0. A rate with no rows
     * in its denominator, and a mean or sum with none to aggregate, have no point. A rate is n / d and
     * a mean the exact sum over the count, in double.
     */
    private static Query pass(List<MeasureDefinition> measures, Scope scope) {
        SourceKind source = measures.get(0).source();
        List<UnitType> units = unitsOf(measures);
        List<String> fine = new ArrayList<>();
        List<String> rolled = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ResultType> types = new ArrayList<>(List.of(ResultType.TEXT, ResultType.TEXT, ResultType.DATE));
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition m = measures.get(i);
            String when = passes(m);
            switch (m.aggregate()) {
                case COUNT -> {
                    fine.add("sum(CASE WHEN " + when + " THEN 1 ELSE 0 END) AS _v" + i);
                    names.add("_v" + i);
                    types.add(ResultType.LONG);
                }
                case RATE -> {
                    fine.add("sum(CASE WHEN " + when + " AND (" + m.numerator() + ") THEN 1 ELSE 0 END) AS _n" + i);
                    fine.add("sum(CASE WHEN " + when + " THEN 1 ELSE 0 END) AS _d" + i);
                    names.add("_n" + i);
                    names.add("_d" + i);
                    types.add(ResultType.LONG);
                    types.add(ResultType.LONG);
                }
                case SUM -> {
                    fine.add("sum(CASE WHEN " + when + " THEN " + fixed(m.value()) + " END) AS _s" + i);
                    names.add("_s" + i);
                    types.add(ResultType.DECIMAL);
                }
                case MEAN -> {
                    fine.add("sum(CASE WHEN " + when + " THEN " + fixed(m.value()) + " END) AS _s" + i);
                    fine.add("count(CASE WHEN " + when + " THEN " + fixed(m.value()) + " END) AS _k" + i);
                    names.add("_s" + i);
                    names.add("_k" + i);
                    types.add(ResultType.DECIMAL);
                    types.add(ResultType.LONG);
                }
                default -> throw new IllegalArgumentException(m.aggregate() + " is not aggregated in one pass");
            }
        }
        for (String name : names) {
            rolled.add(name.startsWith("_s") ? "CAST(sum(" + name + ") AS DECIMAL(38, 0)) AS " + name
                    : "CAST(sum(" + name + ") AS BIGINT) AS " + name);
        }
        String sql = "WITH _rows AS (" + periodised(source, measures.get(0).frequency(), scope) + "), "
                + "_fine AS (SELECT " + grain(units) + ", " + String.join(", ", fine) + " FROM _rows GROUP BY "
                + grain(units) + "), "
                + "_units AS (" + perUnit("_fine", units, concat(List.of("_period"), names)) + ") "
                + "SELECT unit_type, unit_code, _period AS period, " + String.join(", ", rolled)
                + " FROM _units GROUP BY unit_type, unit_code, _period";
        return new Query(source, sql, List.copyOf(types), rows -> {
            List<SeriesRow> out = new ArrayList<>();
            for (Object[] r : rows) {
                String unitType = (String) r[0];
                int at = 3;
                for (MeasureDefinition m : measures) {
                    boolean reported = m.units().stream().anyMatch(u -> u.code().equals(unitType));
                    SeriesRow row = null;
                    switch (m.aggregate()) {
                        case COUNT -> row = SeriesRow.value(m.id(), unitType, (String) r[1], (LocalDate) r[2],
                                ((Long) r[at++]).doubleValue());
                        case RATE -> {
                            long n = (Long) r[at++];
                            long d = (Long) r[at++];
                            if (d > 0) {
                                row = new SeriesRow(m.id(), unitType, (String) r[1], (LocalDate) r[2], (double) n / d,
                                        (double) n, (double) d, null);
                            }
                        }
                        case SUM -> {
                            BigDecimal sum = (BigDecimal) r[at++];
                            if (sum != null) {
                                row = SeriesRow.value(m.id(), unitType, (String) r[1], (LocalDate) r[2],
                                        sum.movePointLeft(SCALE).doubleValue());
                            }
                        }
                        case MEAN -> {
                            BigDecimal sum = (BigDecimal) r[at++];
                            long k = (Long) r[at++];
                            if (k > 0) {
                                row = SeriesRow.value(m.id(), unitType, (String) r[1], (LocalDate) r[2],
                                        sum.movePointLeft(SCALE).doubleValue() / k);
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                    if (row != null && reported) {
                        out.add(row);
                    }
                }
            }
            return out;
        });
    }

    /**
     * The exact medians and percentiles of measures that share a histogram (source, frequency, filter
     * and value), as R's and Spark's {@code percentile} define them (type 7): with the n values of a
     * unit and period sorted, the value at position {@code h = (n − 1)·p} interpolated between the
     * values at positions ⌊h⌋ and ⌈h⌉. The engine counts each value once at the finest grain, adds the
     * counts up per unit type and finds the two values from the cumulative counts (exact integers and
     * decimals); the interpolation is done here. Waits and lead times repeat (whole days, whole
     * minutes), so the histogram is small and no value is collected row by row.
     */
    private static Query percentiles(List<MeasureDefinition> measures, Scope scope) {
        MeasureDefinition first = measures.get(0);
        List<UnitType> units = unitsOf(measures);
        List<String> bounds = new ArrayList<>();
        List<ResultType> types = new ArrayList<>(List.of(ResultType.TEXT, ResultType.TEXT, ResultType.DATE,
                ResultType.LONG));
        for (int i = 0; i < measures.size(); i++) {
            String h = "(_n - 1) * " + decimal(p(measures.get(i))).toPlainString();
            bounds.add("min(CASE WHEN _cum > floor(" + h + ") THEN _x END) AS _low" + i);
            bounds.add("min(CASE WHEN _cum > ceil(" + h + ") THEN _x END) AS _high" + i);
            types.add(ResultType.DOUBLE);
            types.add(ResultType.DOUBLE);
        }
        String filter = first.filter() == null ? "" : " AND (" + first.filter() + ")";
        String sql = "WITH _rows AS (" + periodised(first.source(), first.frequency(), scope) + "), "
                + "_fine AS (SELECT " + grain(units) + ", CAST((" + first.value() + ") AS DOUBLE) AS _x, count(*) AS _c"
                + " FROM _rows WHERE (" + first.value() + ") IS NOT NULL" + filter + " GROUP BY " + grain(units)
                + ", CAST((" + first.value() + ") AS DOUBLE)), "
                + "_units AS (" + perUnit("_fine", units, List.of("_period", "_x", "_c")) + "), "
                + "_histogram AS (SELECT unit_type, unit_code, _period, _x, CAST(sum(_c) AS BIGINT) AS _c FROM _units"
                + " GROUP BY unit_type, unit_code, _period, _x), "
                + "_cumulative AS (SELECT unit_type, unit_code, _period, _x, CAST(sum(_c) OVER (PARTITION BY "
                + "unit_type, unit_code, _period ORDER BY _x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "
                + "BIGINT) AS _cum, CAST(sum(_c) OVER (PARTITION BY unit_type, unit_code, _period) AS BIGINT) AS _n "
                + "FROM _histogram) "
                + "SELECT unit_type, unit_code, _period AS period, max(_n) AS _n, " + String.join(", ", bounds)
                + " FROM _cumulative GROUP BY unit_type, unit_code, _period";
        return new Query(first.source(), sql, List.copyOf(types), rows -> {
            List<SeriesRow> out = new ArrayList<>();
            for (Object[] r : rows) {
                String unitType = (String) r[0];
                long n = (Long) r[3];
                for (int i = 0; i < measures.size(); i++) {
                    MeasureDefinition m = measures.get(i);
                    if (m.units().stream().noneMatch(u -> u.code().equals(unitType))) {
                        continue;
                    }
                    double low = (Double) r[4 + 2 * i];
                    double high = (Double) r[5 + 2 * i];
                    BigDecimal h = BigDecimal.valueOf(n - 1).multiply(decimal(p(m)));
                    double fraction = h.subtract(h.setScale(0, RoundingMode.FLOOR)).doubleValue();
                    out.add(SeriesRow.value(m.id(), unitType, (String) r[1], (LocalDate) r[2],
                            low + fraction * (high - low)));
                }
            }
            return out;
        });
    }

    /**
     * NHS England's estimate of waiting-list percentiles from the weekly bands
     * ({@link RttWaits#percentileWeeks}), for the band-percentile measures of one frequency and
     * filter: the engine counts the rows of each band per unit and period (exact integers); the
     * estimate is computed here from those counts.
     */
    private static Query bandPercentiles(List<MeasureDefinition> measures, Scope scope) {
        MeasureDefinition first = measures.get(0);
        List<UnitType> units = unitsOf(measures);
        // "WHERE true AND": a filter that is one boolean column, "(x)", would read to Spark as an alias
        // WHERE naming the columns of _rows.
        String filter = first.filter() == null ? "" : " WHERE true AND (" + first.filter() + ")";
        String sql = "WITH _rows AS (" + periodised(SourceKind.WAITING_LIST, first.frequency(), scope) + "), "
                + "_fine AS (SELECT " + grain(units) + ", week_band, count(*) AS _c FROM _rows" + filter
                + " GROUP BY " + grain(units) + ", week_band), "
                + "_units AS (" + perUnit("_fine", units, List.of("_period", "week_band", "_c")) + ") "
                + "SELECT unit_type, unit_code, _period AS period, week_band, CAST(sum(_c) AS BIGINT) AS _c "
                + "FROM _units GROUP BY unit_type, unit_code, _period, week_band";
        return new Query(SourceKind.WAITING_LIST, sql, List.of(ResultType.TEXT, ResultType.TEXT, ResultType.DATE,
                ResultType.INTEGER, ResultType.LONG), rows -> {
                    Map<List<Object>, long[]> groups = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        groups.computeIfAbsent(List.of(r[0], r[1], r[2]), k -> new long[RttWaits.BANDS + 1])
                                [(Integer) r[3]] += (Long) r[4];
                    }
                    List<SeriesRow> out = new ArrayList<>();
                    groups.forEach((key, counts) -> {
                        for (MeasureDefinition m : measures) {
                            if (m.units().stream().anyMatch(u -> u.code().equals(key.get(0)))) {
                                out.add(SeriesRow.value(m.id(), (String) key.get(0), (String) key.get(1),
                                        (LocalDate) key.get(2), RttWaits.percentileWeeks(counts, m.aggregate()
                                                == Aggregate.MEDIAN ? 0.5 : m.percentile())));
                            }
                        }
                    });
                    return out;
                });
    }

    /**
     * The individual values of one measure for one unit type: each row that passes the filter, as of
     * the scope's date, numbered in the order of its event (see the class comment), the last
     * {@value #MAX_INDIVIDUAL_VALUES} of each unit kept. A row whose value expression is null has no
     * value to chart and takes no number.
     */
    private static Query individuals(MeasureDefinition m, UnitType unit, Scope scope) {
        LocalDate asOf = scope.asOf();
        String taken;
        String event;
        String at;
        switch (m.source()) {
            case WAITING_LIST -> {
                String upTo = "SELECT * FROM " + view(SourceKind.WAITING_LIST)
                        + (asOf == null ? "" : " WHERE snapshot_date <= DATE '" + asOf + "'");
                // The latest snapshot of each trust.
                taken = "SELECT r.* FROM (" + upTo + ") r WHERE EXISTS (SELECT 1 FROM (SELECT trust_code AS _trust, "
                        + "max(snapshot_date) AS _last FROM (" + upTo + ") s GROUP BY trust_code) l WHERE "
                        + "r.trust_code = l._trust AND r.snapshot_date = l._last)";
                event = "clock_start_date";
                at = "clock_start_date";
            }
            case LEAD_TIMES -> {
                taken = "SELECT * FROM " + view(SourceKind.LEAD_TIMES)
                        + (asOf == null ? "" : " WHERE CAST(end_ts AS DATE) <= DATE '" + asOf + "'");
                event = "CAST(end_ts AS DATE)";
                at = "end_ts";
            }
            default -> throw new IllegalArgumentException("measure '" + m.id() + "': individual values come from "
                    + "the waiting list or lead times");
        }
        String sql = "WITH _taken AS (" + taken + "), "
                + "_values AS (SELECT " + unit.column() + " AS unit_code, " + event + " AS period, " + at + " AS _at, "
                + CuratedColumn.FILE + ", " + CuratedColumn.LINE + ", CAST((" + m.value() + ") AS DOUBLE) AS value "
                + "FROM _taken WHERE " + unit.column() + " IS NOT NULL" + (m.filter() == null ? ""
                        : " AND (" + m.filter() + ")") + "), "
                + "_numbered AS (SELECT unit_code, period, value, row_number() OVER (PARTITION BY unit_code ORDER BY "
                + "_at, " + CuratedColumn.FILE + ", " + CuratedColumn.LINE + ") AS seq, count(*) OVER (PARTITION BY "
                + "unit_code) AS _n FROM _values WHERE value IS NOT NULL) "
                + "SELECT unit_code, period, value, CAST(seq AS INTEGER) AS seq FROM _numbered WHERE seq > _n - "
                + MAX_INDIVIDUAL_VALUES;
        return new Query(m.source(), sql, List.of(ResultType.TEXT, ResultType.DATE, ResultType.DOUBLE,
                ResultType.INTEGER), rows -> {
                    List<SeriesRow> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new SeriesRow(m.id(), unit.code(), (String) r[0], (LocalDate) r[1], (Double) r[2],
                                null, null, (Integer) r[3]));
                    }
                    return out;
                });
    }

    private static double p(MeasureDefinition m) {
        return m.aggregate() == Aggregate.MEDIAN ? 0.5 : m.percentile();
    }

    /** p as the decimal it is written as (0.92, not the binary double nearest to it). */
    private static BigDecimal decimal(double p) {
        return new BigDecimal(Double.toString(p));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Runs every query and returns the series rows sorted in the table's order.
     *
     * @throws IngestException when a measure needs a source that is not there
     */
    public static List<SeriesRow> run(List<Query> queries, Runner runner) {
        List<SeriesRow> all = new ArrayList<>();
        for (Query q : queries) {
            all.addAll(q.series().apply(runner.rows(q)));
        }
        all.sort(SeriesRow.ORDER);
        return all;
    }
}
