package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import kpo.ingest.nhs.OdsCode;
import kpo.ingest.read.CsvTable;
import kpo.ingest.source.Reason;

/**
 * NHS England's monthly A&E file by provider (SCHEMAS.md A6), as downloaded: headers and region
 * names with stray spaces, and a national {@code TOTAL} row at the end, which is not a provider and
 * is left out (it is read, and counted as accepted). Per provider: attendances and the share within
 * 4 hours over all department types, type 1 attendances and their share within 4 hours, and 12-hour
 * waits from decision to admit.
 */
public final class AeMonthlyProvider {

    private static final String[] TYPES = {"Type 1", "Type 2", "Other A&E Department"};
    private static final String[] OVER_4_HOURS = {"Type 1", "Type 2", "Other Department"};

    private AeMonthlyProvider() {
    }

    public static PublishedSeries read(Path path) {
        PublishedFile file = PublishedFile.read(path);
        int period = file.column("Period");
        int org = file.column("Org Code");
        int[] attendances = new int[6];
        int[] over = new int[6];
        for (int t = 0; t < 3; t++) {
            attendances[t] = file.column("A&E attendances " + TYPES[t]);
            attendances[t + 3] = file.column("A&E attendances Booked Appointments " + (t == 2 ? "Other Department"
                    : TYPES[t]));
            over[t] = file.column("Attendances over 4hrs " + OVER_4_HOURS[t]);
            over[t + 3] = file.column("Attendances over 4hrs Booked Appointments " + OVER_4_HOURS[t]);
        }
        int twelveHours = file.column("Patients who have waited 12+ hrs from DTA to admission");
        PublishedSeries series = new PublishedSeries("ae_monthly");
        String name = path.toString();
        for (CsvTable.Line line : file.lines) {
            series.row();
            String code = line.text(org);
            if (code.equals("TOTAL")) {
                continue; // the national total: not a provider
            }
            Optional<LocalDate> month = PublishedPeriods.month(line.text(period));
            if (month.isEmpty()) {
                series.reject(name, line.number(), "Period", line.text(period), Reason.BAD_DATE);
                continue;
            }
            if (!OdsCode.any(code)) {
                series.reject(name, line.number(), "Org Code", code, Reason.BAD_ODS_CODE);
                continue;
            }
            double[] a = new double[6];
            double[] o = new double[6];
            boolean bad = false;
            for (int i = 0; i < 6 && !bad; i++) {
                OptionalDouble x = PublishedNumbers.parse(line.text(attendances[i]));
                OptionalDouble y = PublishedNumbers.parse(line.text(over[i]));
                if (x == null || y == null) {
                    series.reject(name, line.number(), x == null ? "A&E attendances" : "Attendances over 4hrs",
                            line.text(x == null ? attendances[i] : over[i]), Reason.BAD_NUMBER);
                    bad = true;
                } else {
                    a[i] = x.orElse(0);
                    o[i] = y.orElse(0);
                }
            }
            OptionalDouble twelve = PublishedNumbers.parse(line.text(twelveHours));
            if (bad || twelve == null) {
                if (!bad) {
                    series.reject(name, line.number(), "Patients who have waited 12+ hrs from DTA to admission",
                            line.text(twelveHours), Reason.BAD_NUMBER);
                }
                continue;
            }
            double all = 0;
            double allOver = 0;
            for (int i = 0; i < 6; i++) {
                all += a[i];
                allOver += o[i];
            }
            LocalDate p = month.get();
            if (all > 0) {
                series.value("ae_attendances", "provider", code, p, all);
                series.rate("ed_within_4_hours", "provider", code, p, all - allOver, all);
            }
            double type1 = a[0] + a[3];
            if (type1 > 0) {
                series.value("ae_type1_attendances", "provider", code, p, type1);
                series.rate("ed_type1_within_4_hours", "provider", code, p, type1 - o[0] - o[3], type1);
            }
            series.value("ae_12_hour_dta_waits", "provider", code, p, twelve.orElse(0));
        }
        return series;
    }
}
