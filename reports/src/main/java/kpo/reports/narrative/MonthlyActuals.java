package kpo.reports.narrative;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import kpo.reports.MeasureReport;
import kpo.reports.period.FinancialYear;
import kpo.spc.ChartPoint;

/**
 * A measure's value for each calendar month, to set beside its monthly plan (the bowling chart) and
 * to total for the financial year to date.
 *
 * <p>A month's value is: for a measure that sums (cancellations, activity), the sum of its plotted
 * values in the month; for a proportion or rate with denominators, Σ numerator ÷ Σ denominator over
 * the month (× the chart's multiplier), the pooled rate rather than a mean of rates; otherwise (a
 * snapshot such as a waiting list) the last value in the month. Monthly series have one point a month,
 * so all three give that point.
 */
public final class MonthlyActuals {

    private MonthlyActuals() {
    }

    /** The value of each month that has at least one value, in month order. */
    public static NavigableMap<YearMonth, Double> of(MeasureReport measure) {
        Map<YearMonth, List<ChartPoint>> byMonth = new LinkedHashMap<>();
        for (ChartPoint point : measure.chart().points()) {
            if (!point.missing()) {
                byMonth.computeIfAbsent(YearMonth.from(point.period()), m -> new ArrayList<>()).add(point);
            }
        }
        NavigableMap<YearMonth, Double> months = new TreeMap<>();
        double multiply = measure.chart().spec().multiply();
        for (Map.Entry<YearMonth, List<ChartPoint>> month : byMonth.entrySet()) {
            List<ChartPoint> points = month.getValue();
            double value;
            if (measure.summable()) {
                value = points.stream().mapToDouble(ChartPoint::y).sum();
            } else if (points.stream().allMatch(p -> Double.isFinite(p.denominator()) && p.denominator() > 0)) {
                double numerator = points.stream().mapToDouble(ChartPoint::value).sum();
                double denominator = points.stream().mapToDouble(ChartPoint::denominator).sum();
                value = numerator / denominator * multiply;
            } else {
                value = points.get(points.size() - 1).y();
            }
            months.put(month.getKey(), value);
        }
        return months;
    }

    /**
     * The financial year to date at the end of {@code period}: the actual total and, when every month
     * has a plan, the planned total. Only for measures that sum; null otherwise.
     */
    public static YearToDate yearToDate(MeasureReport measure, YearMonth period) {
        if (!measure.summable()) {
            return null;
        }
        FinancialYear year = FinancialYear.of(period);
        NavigableMap<YearMonth, Double> actuals = of(measure);
        double actual = 0;
        double plan = 0;
        int months = 0;
        boolean planned = true;
        for (YearMonth month = year.firstMonth(); !month.isAfter(period); month = month.plusMonths(1)) {
            Double value = actuals.get(month);
            if (value != null) {
                actual += value;
                months++;
            }
            Double target = measure.trajectory().get(month);
            if (target == null) {
                planned = false;
            } else {
                plan += target;
            }
        }
        return new YearToDate(year, period, months, actual, planned && !measure.trajectory().isEmpty() ? plan
                : Double.NaN);
    }

    /**
     * A financial year-to-date total.
     *
     * @param year the financial year
     * @param to the last month included
     * @param months months with data
     * @param actual the total of the actuals
     * @param plan the total of the plan, NaN when a month has no plan
     */
    public record YearToDate(FinancialYear year, YearMonth to, int months, double actual, double plan) {
    }
}
