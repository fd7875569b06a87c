package kpo.ingest.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.SplittableRandom;
import kpo.ingest.nhs.NhsNumber;

/**
 * A realistic synthetic teaching trust, deterministic for a seed: monthly waiting-list snapshots,
 * scheduled procedures with cancellations, and lead times (recruitment, referral to first
 * appointment, time in the emergency department), in the default schemas of DESIGN.md.
 *
 * <p>The waiting list is simulated pathway by pathway: referrals arrive each month (growing 3% a
 * year, 8% higher in winter), and each open pathway is treated in a month with a probability that
 * rises for long waiters (as trusts prioritise them) and falls in winter. Planted stories, shaped on
 * real improvement work: a paediatric list validated from about 1,109 to 566 to 212 in two months
 * (average wait 421 → about 70 days); recruitment lead time 98 → 42 days; avoidable bronchoscopy
 * cancellations 19% → 0%; paediatric cardiac surgery cancellations down after a workshop; the
 * emergency department's time in department after a rapid assessment unit opens. A known small
 * share of rows carry data-quality faults, counted in the {@link Summary}.
 */
public final class TrustGenerator {

    /**
     * How big a trust: {@code LARGE} is about 90,000 open pathways, {@code SMALL} about 3,500;
     * {@code X4} and {@code X16} are 4 and 16 times {@code LARGE} (a system's or a region's worth of
     * activity in one trust's shape), for measuring how the job's cost grows.
     */
    public enum Scale {
        SMALL(0.035), LARGE(1.0), X4(4.0), X16(16.0);

        private final double factor;

        Scale(double factor) {
            this.factor = factor;
        }

        /** The name on the command line: small, large, x4, x16. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Scale> fromCode(String code) {
            for (Scale s : values()) {
                if (s.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param trust the ODS code, e.g. RR8
     * @param end the last month of data
     * @param months how many months of snapshots
     * @param scale the trust's size
     * @param seed the same seed gives the same files
     */
    public record Settings(String trust, YearMonth end, int months, Scale scale, long seed) {

        public Settings {
            if (!trust.matches("[A-Z0-9]{3}")) {
                throw new IllegalArgumentException("the trust code must be a 3-character ODS code such as RR8");
            }
            if (months < 13 || months > 120) {
                throw new IllegalArgumentException("months must be between 13 and 120");
            }
        }

        public YearMonth first() {
            return end.minusMonths(months - 1L);
        }

        /** The month a planted intervention starts, counted back from the end. */
        YearMonth monthsBeforeEnd(int n) {
            return end.minusMonths(n);
        }
    }

    /**
     * What was written.
     *
     * @param files every file, by source
     * @param rows rows written, by source
     * @param faults planted faults, by source and reason code (the rows ingest must reject)
     */
    public record Summary(Map<String, List<Path>> files, Map<String, Long> rows, Map<String, Map<String, Long>> faults) {
    }

    /**
     * Referrals are sized for this many open pathways at {@link #BASE_HAZARD}; long waiters are
     * treated faster, which brings the large trust's list to about 90,000.
     */
    static final int LARGE_LIST = 105_000;
    /** Monthly treatment probability of an ordinary pathway, giving about 65% within 18 weeks. */
    static final double BASE_HAZARD = 0.23;
    /** One row in this many carries a planted fault. */
    static final int FAULT_EVERY = 500;

    private final Settings settings;
    private final SplittableRandom random;
    private final Map<String, Map<String, Long>> faults = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, List<Path>> files = new LinkedHashMap<>();
    private long nextPathway = 1;
    private long nextItem = 1;

    private TrustGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Writes the trust's extracts under {@code out}: {@code ptl/}, {@code theatres/}, {@code lead_times/}. */
    public static Summary generate(Settings settings, Path out) {
        TrustGenerator generator = new TrustGenerator(settings);
        try {
            generator.waitingList(Files.createDirectories(out.resolve("ptl")));
            generator.theatres(Files.createDirectories(out.resolve("theatres")));
            generator.leadTimes(Files.createDirectories(out.resolve("lead_times")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(generator.files, generator.rows, generator.faults);
    }

    private void fault(String source, String reason) {
        faults.computeIfAbsent(source, s -> new LinkedHashMap<>()).merge(reason, 1L, Long::sum);
    }

    private boolean faulty() {
        return random.nextInt(FAULT_EVERY) == 0;
    }

    // ---------------------------------------------------------------- waiting list

    /** An open pathway. */
    private static final class Pathway {
        final String id;
        final String nhsNumber;
        final LocalDate clockStart;
        final String csu;
        final String specialty;
        final String site;
        final String priority;

        Pathway(String id, String nhsNumber, LocalDate clockStart, String csu, String specialty, String site,
                String priority) {
            this.id = id;
            this.nhsNumber = nhsNumber;
            this.clockStart = clockStart;
            this.csu = csu;
            this.specialty = specialty;
            this.site = site;
            this.priority = priority;
        }
    }

    /** A stream of referrals: one CSU and specialty. */
    private record Stream(TrustShape.Csu csu, String specialty, double referralsPerMonth, boolean paediatricStory) {
    }

    private List<Stream> streams() {
        double total = TrustShape.CSUS.stream().mapToDouble(TrustShape.Csu::weight).sum();
        double referrals = LARGE_LIST * BASE_HAZARD * settings.scale().factor;
        List<Stream> streams = new ArrayList<>();
        for (TrustShape.Csu csu : TrustShape.CSUS) {
            for (String specialty : csu.specialties()) {
                boolean story = csu.name().equals(TrustShape.CHILDREN);
                // The story's list keeps its real size at every scale: 80 referrals a month.
                double rate = story ? 80 : referrals * csu.weight() / total / csu.specialties().size();
                streams.add(new Stream(csu, specialty, rate, story));
            }
        }
        return streams;
    }

    private void waitingList(Path folder) throws IOException {
        List<Stream> streams = streams();
        List<List<Pathway>> open = new ArrayList<>();
        streams.forEach(s -> open.add(new ArrayList<>()));
        List<String> sites = TrustShape.sites(settings.trust());
        YearMonth validation = settings.monthsBeforeEnd(9);
        int burnIn = 36;
        YearMonth month = settings.first().minusMonths(burnIn);
        while (!month.isAfter(settings.end())) {
            for (int s = 0; s < streams.size(); s++) {
                Stream stream = streams.get(s);
                List<Pathway> list = open.get(s);
                arrivals(stream, list, month, sites);
                if (stream.paediatricStory() && month.equals(validation)) {
                    validate(list, 566, month);
                } else if (stream.paediatricStory() && month.equals(validation.plusMonths(1))) {
                    validate(list, 212, month);
                } else {
                    treat(stream, list, month, validation);
                }
            }
            if (!month.isBefore(settings.first())) {
                writeSnapshot(folder, month, open);
            }
            month = month.plusMonths(1);
        }
    }

    private void arrivals(Stream stream, List<Pathway> list, YearMonth month, List<String> sites) {
        double years = ChronoUnit.MONTHS.between(settings.first(), month) / 12.0;
        double winter = month.getMonthValue() >= 11 || month.getMonthValue() <= 2 ? 1.08 : 1.0;
        double mean = stream.referralsPerMonth() * Math.pow(1.03, years) * winter;
        int n = poisson(mean);
        for (int i = 0; i < n; i++) {
            LocalDate start = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            long number = nextPathway++;
            String site = sites.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(sites.size() - 1));
            double p = random.nextDouble();
            String priority = p < 0.6 ? "" : p < 0.66 ? "P2" : p < 0.86 ? "P3" : "P4";
            list.add(new Pathway(settings.trust() + String.format(Locale.ROOT, "%09d", number),
                    NhsNumber.testNumber(settings.seed() * 7919 + number), start, stream.csu().name(),
                    stream.specialty(), site, priority));
        }
    }

    /**
     * Treatment in a month: probability {@link #BASE_HAZARD}, higher for long waiters (0.40 from 40
     * weeks, 0.55 from 52), 10% lower from December to February. The paediatric list waits far longer
     * before its validation (0.072 a month: an average wait of about 420 days) and far shorter after
     * (0.38: about 70 days).
     */
    private void treat(Stream stream, List<Pathway> list, YearMonth month, YearMonth validation) {
        LocalDate end = month.atEndOfMonth();
        double winter = month.getMonthValue() == 12 || month.getMonthValue() <= 2 ? 0.9 : 1.0;
        Iterator<Pathway> it = list.iterator();
        while (it.hasNext()) {
            Pathway p = it.next();
            long weeks = ChronoUnit.DAYS.between(p.clockStart, end) / 7;
            double hazard;
            if (stream.paediatricStory()) {
                hazard = month.isBefore(validation) ? 0.072 : 0.38;
            } else {
                hazard = weeks >= 52 ? 0.55 : weeks >= 40 ? 0.40 : BASE_HAZARD;
            }
            if (p.clockStart.isAfter(end.minusDays(14))) {
                hazard /= 3; // referred in the last fortnight: rarely treated the same month
            }
            if (random.nextDouble() < hazard * winter) {
                it.remove();
            }
        }
    }

    /** Validation and patient contact: the longest waiters found not to need treatment leave the list. */
    private void validate(List<Pathway> list, int keep, YearMonth month) {
        list.sort((a, b) -> a.clockStart.compareTo(b.clockStart));
        while (list.size() > keep) {
            list.remove(0);
        }
        list.removeIf(p -> p.clockStart.isAfter(month.atEndOfMonth()));
    }

    private void writeSnapshot(Path folder, YearMonth month, List<List<Pathway>> open) throws IOException {
        LocalDate snapshot = month.atEndOfMonth();
        Path file = folder.resolve("ptl_" + snapshot + ".csv");
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("snapshot_date,trust_code,site_code,csu,specialty,pathway_id,nhs_number,clock_start_date,priority,"
                    + "list_type\n");
            for (List<Pathway> list : open) {
                for (Pathway p : list) {
                    written += writePathway(w, snapshot, p);
                }
            }
        }
        files.computeIfAbsent("waiting_list", k -> new ArrayList<>()).add(file);
        rows.merge("waiting_list", written, Long::sum);
    }

    /** One row, or now and then a row with a planted fault (and a repeated row is two). */
    private int writePathway(BufferedWriter w, LocalDate snapshot, Pathway p) throws IOException {
        String nhsNumber = p.nhsNumber;
        String specialty = p.specialty;
        String clockStart = p.clockStart.toString();
        boolean repeat = false;
        if (faulty()) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    nhsNumber = nhsNumber.substring(0, 9) + (char) ('0' + (nhsNumber.charAt(9) - '0' + 1) % 10);
                    fault("waiting_list", "invalid_nhs_number");
                }
                case 1 -> {
                    clockStart = snapshot.plusDays(1 + random.nextInt(20)).toString();
                    fault("waiting_list", "clock_start_after_snapshot");
                }
                case 2 -> {
                    specialty = "C_999X";
                    fault("waiting_list", "unknown_treatment_function");
                }
                case 3 -> {
                    clockStart = p.clockStart.getDayOfMonth() + "/" + p.clockStart.getMonthValue() + "/"
                            + p.clockStart.getYear();
                    fault("waiting_list", "bad_date");
                }
                default -> {
                    repeat = true;
                    fault("waiting_list", "duplicate_pathway");
                }
            }
        }
        String line = snapshot + "," + settings.trust() + "," + p.site + "," + p.csu + "," + specialty + "," + p.id
                + "," + nhsNumber + "," + clockStart + "," + p.priority + ",rtt\n";
        w.write(line);
        if (repeat) {
            w.write(line);
            return 2;
        }
        return 1;
    }

    // ---------------------------------------------------------------- theatres

    private static final String[] HOSPITAL_REASONS = {"no ward bed", "list overrun", "surgeon unavailable",
        "theatre staff unavailable", "emergency took theatre", "equipment failure", "admin error"};
    private static final String[] PATIENT_REASONS = {"patient unwell", "patient declined", "patient did not attend"};

    private void theatres(Path folder) throws IOException {
        YearMonth month = settings.first();
        YearMonth bronchoscopyFix = settings.monthsBeforeEnd(15);
        YearMonth cardiacWorkshop = settings.monthsBeforeEnd(11);
        while (!month.isAfter(settings.end())) {
            Path file = folder.resolve("theatre_cases_" + month + ".csv");
            long written = 0;
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("trust_code,site_code,csu,specialty,procedure,scheduled_date,status,cancelled_date,reason,"
                        + "cancelled_by,avoidable,last_minute,rebooked_date\n");
                for (TrustShape.Csu csu : TrustShape.CSUS) {
                    if (csu.name().equals(TrustShape.RESPIRATORY_CSU)) {
                        double avoidable = month.isBefore(bronchoscopyFix) ? 0.19 : 0.0;
                        written += cases(w, month, csu, "C_340", "bronchoscopy", 62, avoidable, 0.04);
                    } else if (csu.name().equals(TrustShape.CARDIAC_CSU)) {
                        double rate = month.isBefore(cardiacWorkshop) ? 0.14 : 0.04;
                        written += cases(w, month, csu, "C_170", "paediatric cardiac surgery", 45, rate, 0.05);
                    } else if (surgical(csu)) {
                        int n = (int) Math.max(8, Math.round(900 * settings.scale().factor * csu.weight() / 10));
                        written += cases(w, month, csu, csu.specialties().get(0), "elective procedure", n, 0.05, 0.04);
                    }
                }
            }
            files.computeIfAbsent("cancellations", k -> new ArrayList<>()).add(file);
            rows.merge("cancellations", written, Long::sum);
            month = month.plusMonths(1);
        }
    }

    private static boolean surgical(TrustShape.Csu csu) {
        return csu.specialties().stream().anyMatch(s -> s.startsWith("C_1") || s.equals("C_502"));
    }

    /**
     * Scheduled cases of one procedure in a month.
     *
     * @param avoidable share of cases cancelled by the hospital for an avoidable reason
     * @param unavoidable share cancelled by the patient or for a reason the hospital could not avoid
     */
    private int cases(BufferedWriter w, YearMonth month, TrustShape.Csu csu, String specialty, String procedure,
            int mean, double avoidable, double unavoidable) throws IOException {
        int n = poisson(mean);
        int written = 0;
        for (int i = 0; i < n; i++) {
            LocalDate scheduled = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            double u = random.nextDouble();
            StringBuilder row = new StringBuilder(160);
            String site = settings.trust() + "0" + (1 + random.nextInt(3));
            row.append(settings.trust()).append(',').append(site).append(',').append(csu.name()).append(',')
                    .append(specialty).append(',').append(procedure).append(',').append(scheduled).append(',');
            if (u < avoidable + unavoidable) {
                boolean byHospital = u < avoidable || random.nextDouble() < 0.3;
                boolean lastMinute = byHospital && random.nextDouble() < 0.6;
                LocalDate cancelled = lastMinute ? scheduled : scheduled.minusDays(1 + random.nextInt(10));
                LocalDate rebooked = scheduled.plusDays(random.nextDouble() < 0.88 ? 3 + random.nextInt(25)
                        : 29 + random.nextInt(40));
                String reason = byHospital ? HOSPITAL_REASONS[u < avoidable ? random.nextInt(HOSPITAL_REASONS.length)
                        : 2] : PATIENT_REASONS[random.nextInt(PATIENT_REASONS.length)];
                boolean isAvoidable = u < avoidable;
                String rebookedText = rebooked.isAfter(settings.end().atEndOfMonth()) ? "" : rebooked.toString();
                if (faulty()) {
                    rebookedText = cancelled.minusDays(5).toString();
                    fault("cancellations", "end_before_start");
                }
                row.append("cancelled,").append(cancelled).append(',').append(reason).append(',')
                        .append(byHospital ? "hospital" : "patient").append(',').append(isAvoidable ? "yes" : "no")
                        .append(',').append(lastMinute ? "yes" : "no").append(',').append(rebookedText);
            } else {
                String status = "done";
                if (faulty()) {
                    status = "postponed";
                    fault("cancellations", "unknown_code");
                }
                row.append(status).append(",,,,,,");
            }
            w.write(row.append('\n').toString());
            written++;
        }
        return written;
    }

    // ---------------------------------------------------------------- lead times

    private void leadTimes(Path folder) throws IOException {
        YearMonth month = settings.first();
        YearMonth recruitmentFix = settings.monthsBeforeEnd(12);
        YearMonth assessmentUnit = settings.monthsBeforeEnd(14);
        while (!month.isAfter(settings.end())) {
            Path file = folder.resolve("lead_times_" + month + ".csv");
            long written = 0;
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("process,item_id,trust_code,site_code,csu,specialty,start_ts,end_ts\n");
                double recruitmentDays = month.isBefore(recruitmentFix) ? 98 : 42;
                written += items(w, month, "recruitment", "REC", 35, recruitmentDays * 24 * 60, 0.35, null, null, true);
                int referrals = (int) Math.max(60, Math.round(2400 * settings.scale().factor));
                written += items(w, month, "referral_to_first_appointment", "RFA", referrals, 46 * 24 * 60, 0.55,
                        "Specialist Medicine", "X02", true);
                double edMinutes = month.isBefore(assessmentUnit) ? 205 : 172;
                int attendances = (int) Math.max(300, Math.round(9000 * settings.scale().factor));
                written += items(w, month, "ed_time_in_department", "ED", attendances, edMinutes, 0.45,
                        "Emergency Medicine", null, false);
            }
            files.computeIfAbsent("lead_times", k -> new ArrayList<>()).add(file);
            rows.merge("lead_times", written, Long::sum);
            month = month.plusMonths(1);
        }
    }

    /**
     * Items completed in a month, lead times log-normal around {@code medianMinutes} with shape
     * {@code sigma}; days-long processes end on a date, the emergency department to the minute.
     */
    private int items(BufferedWriter w, YearMonth month, String process, String prefix, int mean,
            double medianMinutes, double sigma, String csu, String specialty, boolean wholeDays) throws IOException {
        int n = poisson(mean);
        for (int i = 0; i < n; i++) {
            LocalDateTime end = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atStartOfDay()
                    .plusMinutes(wholeDays ? 0 : random.nextInt(24 * 60));
            double minutes = medianMinutes * Math.exp(sigma * gaussian());
            LocalDateTime start = wholeDays ? end.minusDays(Math.max(1, Math.round(minutes / (24 * 60))))
                    : end.minusMinutes(Math.max(5, Math.round(minutes)));
            String startText = wholeDays ? start.toLocalDate().toString() : start.toString();
            String endText = wholeDays ? end.toLocalDate().toString() : end.toString();
            if (faulty()) {
                String swap = startText;
                startText = endText;
                endText = swap;
                if (!startText.equals(endText)) {
                    fault("lead_times", "end_before_start");
                }
            }
            String site = settings.trust() + "01";
            w.write(process + "," + prefix + String.format(Locale.ROOT, "%08d", nextItem++) + "," + settings.trust()
                    + "," + site + "," + (csu == null ? "" : csu) + "," + (specialty == null ? "" : specialty) + ","
                    + startText + "," + endText + "\n");
        }
        return n;
    }

    // ---------------------------------------------------------------- randomness

    /** Poisson by inversion for small means, normal approximation above 500. */
    private int poisson(double mean) {
        if (mean > 500) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A standard normal deviate (Box–Muller). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
