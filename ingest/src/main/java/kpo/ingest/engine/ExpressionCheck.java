package kpo.ingest.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.SourceKind;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;

/**
 * The catalogue's expressions (a measure's filter, numerator and value) checked against both
 * engines before any work, so that a measure one engine cannot run is named with its line rather
 * than failing a run. An expression must be in the subset both run the same way: columns of its
 * source's curated table, literals, arithmetic, comparisons, {@code AND}/{@code OR}/{@code NOT},
 * {@code IS [NOT] NULL}, {@code IN}, {@code BETWEEN}, {@code CASE}, a date plus a whole number of
 * days, and the functions of {@link #FUNCTIONS}. DuckDB compiles it in process over an empty table
 * of the source's columns; Spark's SQL parser reads it with no session, and its functions and
 * columns are held to the subset.
 */
public final class ExpressionCheck {

    /** The functions both engines run with one meaning. */
    public static final Set<String> FUNCTIONS = Set.of("abs", "ceil", "coalesce", "floor", "greatest", "least",
            "length", "lower", "nullif", "upper");

    /**
     * A problem with one expression of a measure.
     *
     * @param measure the measure's id
     * @param part {@code filter}, {@code numerator} or {@code value}
     * @param message what is wrong, naming the engine that cannot run it
     */
    public record Problem(String measure, String part, String message) {
    }

    private ExpressionCheck() {
    }

    /** The problems of every expression of {@code measures}; empty when both engines run them all the same way. */
    public static List<Problem> check(List<MeasureDefinition> measures) {
        List<Problem> problems = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (SourceKind kind : SourceKind.values()) {
                s.execute("CREATE TABLE " + SeriesSql.view(kind) + " (" + CuratedColumn.of(kind).stream()
                        .map(c -> c.name() + " " + c.type().sql()).collect(Collectors.joining(", ")) + ")");
            }
            for (MeasureDefinition m : measures) {
                Map<String, String> parts = new LinkedHashMap<>();
                parts.put("filter", m.filter());
                parts.put("numerator", m.numerator());
                parts.put("value", m.value());
                parts.forEach((part, expression) -> {
                    if (expression != null) {
                        String problem = spark(expression, m.source());
                        if (problem == null) {
                            problem = duckDb(s, expression, m.source());
                        }
                        if (problem != null) {
                            problems.add(new Problem(m.id(), part, problem));
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded engine (DuckDB) cannot start: " + e.getMessage(), e);
        }
        return problems;
    }

    private static String duckDb(Statement s, String expression, SourceKind kind) {
        try {
            s.executeQuery("SELECT (" + expression + ") FROM " + SeriesSql.view(kind) + " LIMIT 0").close();
            return null;
        } catch (SQLException e) {
            return "the embedded engine (DuckDB) cannot run it: " + firstLine(e.getMessage());
        }
    }

    /** What Spark's parser or the subset finds wrong, or null. */
    private static String spark(String expression, SourceKind kind) {
        Expression parsed;
        try {
            parsed = CatalystSqlParser$.MODULE$.parseExpression(expression);
        } catch (Exception e) { // Spark's ParseException, which Scala does not declare
            return "Spark SQL cannot read it: " + firstLine(e.getMessage());
        }
        Set<String> columns = CuratedColumn.of(kind).stream().map(CuratedColumn::name).collect(Collectors.toSet());
        Set<String> unknownFunctions = new TreeSet<>();
        Set<String> unknownColumns = new TreeSet<>();
        walk(parsed, columns, unknownFunctions, unknownColumns);
        if (!unknownFunctions.isEmpty()) {
            return "it uses " + String.join(", ", unknownFunctions) + ", which is not in the subset both engines run "
                    + "the same way (" + String.join(", ", new TreeSet<>(FUNCTIONS)) + ")";
        }
        if (!unknownColumns.isEmpty()) {
            return "the " + kind.code() + " table has no column " + String.join(", ", unknownColumns);
        }
        return null;
    }

    private static void walk(Expression e, Set<String> columns, Set<String> functions, Set<String> unknownColumns) {
        if (e instanceof UnresolvedFunction f) {
            String name = f.nameParts().last().toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(name)) {
                functions.add(name);
            }
        } else if (e instanceof UnresolvedAttribute a) {
            String name = a.name();
            if (!columns.contains(name)) {
                unknownColumns.add(name);
            }
        }
        for (Expression child : scala.jdk.javaapi.CollectionConverters.asJava(e.children())) {
            walk(child, columns, functions, unknownColumns);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end);
    }
}
