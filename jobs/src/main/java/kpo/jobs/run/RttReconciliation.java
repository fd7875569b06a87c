package kpo.jobs.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kpo.ingest.IngestException;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.nhse.PublishedSeries;
import kpo.ingest.nhse.RttProviderFile;
import kpo.jobs.cli.UserError;
import kpo.reports.Reconciliation;
import kpo.reports.ReconciliationRow;
import kpo.reports.format.Dates;
import kpo.ingest.measures.SeriesRow;

/**
 * The engine's waiting list beside the trust's published RTT return: NHS England's provider file
 * (the full extract or the provider × treatment function table, as downloaded) read for the trust's
 * ODS code, against the engine's {@code wl_size} and {@code wl_52_plus} series for the trust and
 * for each treatment function. The extracts record each pathway's own treatment function (171
 * Paediatric Surgery); the return reports it in its group (X04, Other - Paediatric Services), so the
 * engine's figures are added up by group before they are set beside the return's.
 *
 * <p>NHS England publishes a month's RTT figures about six weeks after it ends, so the month's own
 * file is seldom out when the pack is made: the comparison is for the latest month the file holds
 * for the trust up to the reporting month, and the page names that month. The engine's figure for a
 * month is its last snapshot in that month (the return is a month-end census). Nothing is explained
 * away: the engine cannot know why the trust's submission differs from its own extract, so the whole
 * difference is printed as unexplained until someone accounts for it.
 */
final class RttReconciliation {

    /** The catalogue measures compared, with the page's title for each. */
    static final Map<String, String> MEASURES = Map.of(
            "wl_size", "RTT waiting list (incomplete pathways)",
            "wl_52_plus", "Incomplete pathways waiting 52 weeks or more");
    private static final List<String> ORDER = List.of("wl_size", "wl_52_plus");

    private RttReconciliation() {
    }

    /**
     * The reconciliations of {@code trust}'s waiting list with the published file {@code file}.
     *
     * @param series the engine's series rows (any units), in the series table's shape
     */
    static List<Reconciliation> of(Path file, String trust, YearMonth period, List<SeriesRow> series,
            TreatmentFunctions treatmentFunctions) {
        PublishedSeries published;
        try {
            published = RttProviderFile.read(file);
        } catch (IngestException e) {
            throw UserError.badInput("published.rtt_provider: " + e.getMessage());
        }
        // measure → month → unit ("" for the provider, else the treatment function) → count
        Map<String, TreeMap<YearMonth, Map<String, Long>>> byMeasure = new TreeMap<>();
        for (SeriesRow r : published.rows()) {
            String measure = r.measureId();
            String unitType = r.unitType();
            String unit = r.unitCode();
            if (!MEASURES.containsKey(measure) || r.value() == null) {
                continue;
            }
            String code;
            if (unitType.equals("provider") && unit.equals(trust)) {
                code = "";
            } else if (unitType.equals("provider_specialty") && unit.startsWith(trust + ":")) {
                code = unit.substring(trust.length() + 1);
            } else {
                continue;
            }
            YearMonth month = YearMonth.from(r.period());
            if (!month.isAfter(period)) {
                byMeasure.computeIfAbsent(measure, k -> new TreeMap<>()).computeIfAbsent(month, k -> new TreeMap<>())
                        .put(code, Math.round(r.value()));
            }
        }
        if (!byMeasure.containsKey("wl_size")) {
            throw UserError.badInput("published.rtt_provider: " + file + " has no incomplete-pathway (Part_2) rows "
                    + "for provider " + trust + " in or before " + period + "; is it the trust's RTT provider file?");
        }
        List<Reconciliation> out = new ArrayList<>();
        for (String measure : ORDER) {
            TreeMap<YearMonth, Map<String, Long>> months = byMeasure.get(measure);
            if (months == null) {
                continue;
            }
            YearMonth month = months.lastKey();
            Map<String, Long> figures = months.get(month);
            EngineFigures engine = engine(series, measure, trust, month, treatmentFunctions);
            if (engine == null) {
                throw UserError.badInput("published.rtt_provider: the engine has no " + measure + " figure for "
                        + "trust " + trust + " in " + month + " to set beside " + file.getFileName() + "; the "
                        + "waiting-list extracts do not cover that month");
            }
            List<ReconciliationRow> rows = new ArrayList<>();
            TreeMap<String, Boolean> codes = new TreeMap<>();
            figures.keySet().forEach(c -> codes.put(c, true));
            engine.bySpecialty().keySet().forEach(c -> codes.put(c, true));
            codes.remove("");
            codes.remove("C_999");
            for (String code : codes.keySet()) {
                rows.add(new ReconciliationRow(code, TreatmentFunctions.national().name(code),
                        Math.round(engine.bySpecialty().getOrDefault(code, 0.0)), figures.getOrDefault(code, 0L)));
            }
            long publishedTotal = figures.containsKey("") ? figures.get("")
                    : rows.stream().mapToLong(ReconciliationRow::published).sum();
            out.add(new Reconciliation(MEASURES.get(measure), month, "NHS England RTT provider file "
                    + file.getFileName() + ", " + Dates.month(month) + ", Part_2 (incomplete pathways), provider "
                    + trust + ", summed over commissioners", engineDefinition(measure, engine.date()),
                    Math.round(engine.total()), publishedTotal, List.of(), rows));
        }
        return out;
    }

    /** The engine's figures of a month: its last snapshot's date, the trust's total and each treatment function's. */
    private record EngineFigures(LocalDate date, double total, Map<String, Double> bySpecialty) {
    }

    /**
     * The engine's figures for {@code month}, or null when it has no trust figure in that month; each
     * treatment function's counted in its RTT group.
     */
    private static EngineFigures engine(List<SeriesRow> series, String measure, String trust, YearMonth month,
            TreatmentFunctions treatmentFunctions) {
        LocalDate latest = null;
        double total = Double.NaN;
        for (SeriesRow r : series) {
            LocalDate period = r.period();
            if (r.measureId().equals(measure) && r.unitType().equals("trust") && r.unitCode().equals(trust)
                    && YearMonth.from(period).equals(month) && r.value() != null
                    && (latest == null || period.isAfter(latest))) {
                latest = period;
                total = r.value();
            }
        }
        if (latest == null) {
            return null;
        }
        Map<String, Double> bySpecialty = new TreeMap<>();
        for (SeriesRow r : series) {
            if (r.measureId().equals(measure) && r.unitType().equals("specialty") && latest.equals(r.period())
                    && r.value() != null) {
                bySpecialty.merge(treatmentFunctions.group(r.unitCode()), r.value(), Double::sum);
            }
        }
        return new EngineFigures(latest, total, bySpecialty);
    }

    private static String engineDefinition(String measure, LocalDate snapshot) {
        // A monthly series is dated the first of its month, which is not the day of the snapshot.
        String date = snapshot.getDayOfMonth() == 1 ? "for " + Dates.month(YearMonth.from(snapshot))
                : "of " + Dates.day(snapshot);
        return (measure.equals("wl_size") ? "Open RTT pathways" : "Open RTT pathways waiting more than 52 weeks (365 "
                + "days or more)") + " in the trust's own waiting-list snapshot " + date + ", after validation; by "
                + "the RTT return's treatment function groups, each pathway in the group of the treatment function "
                + "the extract records.";
    }
}
