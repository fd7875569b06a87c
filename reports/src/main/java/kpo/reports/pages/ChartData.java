package kpo.reports.pages;

import java.util.ArrayList;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.page.PageModel;
import kpo.reports.period.Frequency;
import kpo.reports.style.Marks;
import kpo.spc.ChartPoint;

/**
 * A chart's points as a table, for a reader who cannot see the chart: each period with its value,
 * the centre line, the process limits and what the rules make of it. Suppressed values show as the
 * pack shows them.
 */
final class ChartData {

    private ChartData() {
    }

    static PageModel.DataTable of(MeasureReport m) {
        List<ChartPoint> points = m.chart().points();
        Frequency frequency = Frequency.ofPoints(points);
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        String centre = ChartNames.centre(m.chart().spec().chart());
        List<List<String>> rows = new ArrayList<>();
        for (ChartPoint p : points) {
            if (m.suppressed()) {
                rows.add(List.of(Dates.period(p.period(), frequency), p.missing() ? "missing" : Pages.value(m, p, values),
                        "", "", "", ""));
                continue;
            }
            rows.add(List.of(Dates.period(p.period(), frequency),
                    p.missing() ? "missing" : Pages.value(m, p, values),
                    Double.isFinite(p.centre()) ? values.format(p.centre()) : "",
                    Double.isFinite(p.lowerLimit()) ? values.limit(p.lowerLimit()) : "",
                    Double.isFinite(p.upperLimit()) ? values.limit(p.upperLimit()) : "",
                    p.missing() ? "" : Marks.label(p.type())));
        }
        return new PageModel.DataTable("The chart's data: " + m.title(),
                List.of("Period", "Value", centre, "Lower process limit", "Upper process limit", "Point"), rows);
    }
}
