package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kpo.ingest.nhs.OdsCode;
import kpo.ingest.nhs.RttWaits;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.read.CsvTable;
import kpo.ingest.source.Reason;

/**
 * NHS England's RTT provider files as downloaded: the full extract (one row per provider,
 * commissioner, part and treatment function, 105 week bands) or its provider × treatment function
 * tables. Rows are summed over commissioners (taking one commissioner's row under-counts:
 * SCHEMAS.md A1), then each provider and treatment function gives the waiting-list measures of
 * the built-in catalogue from its bands: size, within 18 weeks (bands 0–17), 52/65/78/104+ weeks,
 * and the median and 92nd percentile by NHS England's interpolation. Part_2A gives the admitted
 * list's size, Part_3 the new clock starts. The total row {@code C_999} is the provider (unit type
 * {@code provider}); the others are {@code provider_specialty} as {@code RD1:C_110}.
 */
public final class RttProviderFile {

    private RttProviderFile() {
    }

    private record Key(LocalDate period, String provider, String part, String specialty) {
    }

    public static PublishedSeries read(Path path) {
        PublishedFile file = PublishedFile.read(path);
        int period = file.column("Period");
        int provider = file.column("Provider Org Code");
        int part = file.column("RTT Part Type");
        int specialty = file.column("Treatment Function Code");
        int totalAll = file.column("Total All");
        int[] bands = new int[RttWaits.BANDS];
        for (int k = 0; k < bands.length; k++) {
            bands[k] = file.column(RttWaits.bandColumn(k));
        }
        String name = path.toString();
        PublishedSeries series = new PublishedSeries("rtt_provider");
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (CsvTable.Line line : file.lines) {
            series.row();
            Optional<LocalDate> month = PublishedPeriods.month(line.text(period));
            if (month.isEmpty()) {
                series.reject(name, line.number(), "Period", line.text(period), Reason.BAD_DATE);
                continue;
            }
            String code = line.text(provider);
            if (!OdsCode.organisation(code)) {
                series.reject(name, line.number(), "Provider Org Code", code, Reason.BAD_ODS_CODE);
                continue;
            }
            // The return reports the groups of treatment functions, never a pathway's own national code.
            Optional<String> tfc = TreatmentFunctions.national().canonical(line.text(specialty))
                    .filter(TreatmentFunctions::isGroup);
            if (tfc.isEmpty()) {
                series.reject(name, line.number(), "Treatment Function Code", line.text(specialty),
                        Reason.UNKNOWN_TREATMENT_FUNCTION);
                continue;
            }
            String partType = line.text(part);
            long[] counts = new long[RttWaits.BANDS + 1];
            boolean bad = false;
            long bandSum = 0;
            for (int k = 0; k <= RttWaits.BANDS && !bad; k++) {
                int column = k < RttWaits.BANDS ? bands[k] : totalAll;
                String text = line.text(column);
                if (text.isEmpty()) {
                    continue; // an empty band means 0 (SCHEMAS.md A1)
                }
                if (!text.matches("\\d{1,12}")) {
                    series.reject(name, line.number(), k < RttWaits.BANDS ? RttWaits.bandColumn(k) : "Total All", text,
                            Reason.BAD_NUMBER);
                    bad = true;
                    break;
                }
                counts[k] = Long.parseLong(text);
                if (k < RttWaits.BANDS) {
                    bandSum += counts[k];
                }
            }
            if (bad) {
                continue;
            }
            if ((partType.equals("Part_2") || partType.equals("Part_2A")) && bandSum != counts[RttWaits.BANDS]) {
                series.reject(name, line.number(), "Total All", Long.toString(counts[RttWaits.BANDS]), Reason.BAD_TOTAL);
                continue;
            }
            long[] sum = sums.computeIfAbsent(new Key(month.get(), code, partType, tfc.get()),
                    k -> new long[RttWaits.BANDS + 1]);
            for (int k = 0; k <= RttWaits.BANDS; k++) {
                sum[k] += counts[k];
            }
        }
        sums.forEach((key, counts) -> measures(series, key, counts));
        return series;
    }

    private static void measures(PublishedSeries series, Key key, long[] counts) {
        boolean total = key.specialty().equals("C_999");
        String unitType = total ? "provider" : "provider_specialty";
        String unit = total ? key.provider() : key.provider() + ":" + key.specialty();
        long all = counts[RttWaits.BANDS];
        switch (key.part()) {
            case "Part_2" -> {
                long[] bands = java.util.Arrays.copyOf(counts, RttWaits.BANDS);
                series.value("wl_size", unitType, unit, key.period(), all);
                series.rate("wl_within_18_weeks", unitType, unit, key.period(), sum(bands, 0, 18), all);
                series.value("wl_52_plus", unitType, unit, key.period(), sum(bands, 52, RttWaits.BANDS));
                series.value("wl_65_plus", unitType, unit, key.period(), sum(bands, 65, RttWaits.BANDS));
                series.value("wl_78_plus", unitType, unit, key.period(), sum(bands, 78, RttWaits.BANDS));
                series.value("wl_104_plus", unitType, unit, key.period(), sum(bands, 104, RttWaits.BANDS));
                if (all > 0) {
                    series.value("wl_median_weeks", unitType, unit, key.period(), RttWaits.percentileWeeks(bands, 0.5));
                    series.value("wl_p92_weeks", unitType, unit, key.period(), RttWaits.percentileWeeks(bands, 0.92));
                }
            }
            case "Part_2A" -> series.value("wl_dta_size", unitType, unit, key.period(), all);
            case "Part_3" -> series.value("rtt_new_periods", unitType, unit, key.period(), all);
            default -> {
                // Completed pathways (Part_1A/1B) are read and checked but give no waiting-list measure.
            }
        }
    }

    private static long sum(long[] bands, int from, int to) {
        long s = 0;
        for (int k = from; k < to; k++) {
            s += bands[k];
        }
        return s;
    }
}
