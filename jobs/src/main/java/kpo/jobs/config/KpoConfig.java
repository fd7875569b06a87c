package kpo.jobs.config;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly job's config, as written in {@code kpo.yaml} (or JSON): one trust, its sources, its
 * annual commitments and the measures that report on them. Field names are the YAML keys in
 * snake case; unknown keys are errors. Relative paths are relative to the config file.
 *
 * @param trust the trust's ODS code and name
 * @param period the reporting month, or null for the last complete month in the data
 * @param asOf the date against which future-dated rows are judged, or null for the default: the end of
 *     the month after the reporting period when the period is given, else the day of the run
 * @param output the folder the month's outputs go under ({@code output/YYYY-MM/})
 * @param curated the incremental curated store
 * @param privacy the pseudonym key file and small-number suppression
 * @param engine {@code embedded} (DuckDB in process, the default) or {@code spark}
 * @param embedded the embedded engine's memory limit, threads and spill folder
 * @param spark master and settings (for the Spark engine)
 * @param sources the extracts
 * @param published NHS England files for the reconciliation page, by kind ({@code rtt_provider}: the
 *     RTT full extract or provider × treatment function file for the reporting month)
 * @param catalogue extra measure definitions (JSON or YAML), or null
 * @param commitments the annual commitments
 * @param measures the measures of the pack
 * @param commentaryFile the owners' monthly commentary as CSV ({@link CommentaryFile}), or null
 * @param spcreporter measures kept in SPCreporter's sheets, saved as CSV, or null
 * @param treatmentFunctions the trust's local treatment function codes, each with the RTT group it is
 *     reported in, beside the national list
 * @param asks what the board is asked to note or decide this month, for the executive summary
 * @param publish whether the outputs are for publication: small-number suppression is then applied,
 *     and a config that turns it off is refused ({@code kpo run --publish} sets it)
 * @param events the improvement events (RPIWs, kaizen events, projects) run or planned, with what
 *     each set out to move
 */
public record KpoConfig(TrustConfig trust, YearMonth period, LocalDate asOf, String output, String curated,
        PrivacyConfig privacy, String engine, EmbeddedConfig embedded, SparkConfig spark, List<SourceConfig> sources, Map<String, String> published, String catalogue,
        List<CommitmentConfig> commitments, List<MeasureConfig> measures, String commentaryFile,
        SpcReporterConfig spcreporter, List<TreatmentFunctionConfig> treatmentFunctions, List<AskConfig> asks,
        Boolean publish, List<EventConfig> events) {

    /** The same config with other measures (imported ones added, or commentary filled in). */
    public KpoConfig withMeasures(List<MeasureConfig> value) {
        return new KpoConfig(trust, period, asOf, output, curated, privacy, engine, embedded, spark, sources, published,
                catalogue, commitments, List.copyOf(value), commentaryFile, spcreporter, treatmentFunctions, asks,
                publish, events);
    }

    /** The same config for publication ({@code kpo run --publish}). */
    public KpoConfig publishing() {
        return new KpoConfig(trust, period, asOf, output, curated, privacy, engine, embedded, spark, sources, published,
                catalogue, commitments, measures, commentaryFile, spcreporter, treatmentFunctions, asks, true, events);
    }

    public boolean forPublication() {
        return Boolean.TRUE.equals(publish);
    }

    /**
     * An improvement event.
     *
     * @param id its id ("E1")
     * @param type rpiw, kaizen, 5s, value_stream or project
     * @param title what it is about
     * @param date the first day of the week it runs or ran
     * @param commitment the trust commitment it serves
     * @param a3 the CSU A3 it serves as well, or null
     * @param sponsor who sponsors it
     * @param processOwner who owns the process it changes
     * @param measures the pack measures it sets out to move, each with its baseline and target
     * @param reportOut what the team reported out at its end
     * @param status planned, done, sustaining or abandoned
     */
    public record EventConfig(String id, String type, String title, LocalDate date, String commitment, String a3,
            String sponsor, String processOwner, List<EventMeasureConfig> measures, String reportOut, String status) {
    }

    /**
     * A measure an event sets out to move.
     *
     * @param measure the pack measure's id
     * @param baseline its value before the event, in the measure's plotted units; or null to take the
     *     median of the points before the event
     * @param baselinePoints how many points before the event that median takes (default 6)
     * @param target the event's target for it, in the measure's plotted units, or null
     */
    public record EventMeasureConfig(String measure, Double baseline, Integer baselinePoints, Double target) {
    }

    /**
     * One thing the board is asked to do: exactly one of {@code note} and {@code decide}.
     *
     * @param note something for the board to note
     * @param decide something for the board to decide
     * @param measure the pack measure it concerns (its {@code id}), or null
     */
    public record AskConfig(String note, String decide, String measure) {
    }

    /**
     * A local treatment function code: one the trust's PAS uses beyond the national list.
     *
     * @param code the code as the extracts write it, e.g. {@code 850}
     * @param name the service's name
     * @param rttGroup the group of the RTT return it is reported in, e.g. {@code X02}
     */
    public record TreatmentFunctionConfig(String code, String name, String rttGroup) {
    }

    /**
     * SPCreporter's sheets saved as CSV ({@link SpcReporterSheets}).
     *
     * @param measureConfig its {@code measure_config} sheet
     * @param reportConfig its {@code report_config} sheet
     * @param data its measure-data sheets, each file named after its aggregation ({@code week.csv},
     *     {@code month.csv}) unless its rows have an {@code aggregation} column, and its events sheet
     * @param maxRejectRate the share of rejected cells above which the run stops (default 0.05, as
     *     for every source)
     */
    public record SpcReporterConfig(String measureConfig, String reportConfig, List<String> data,
            Double maxRejectRate) {
    }

    public record TrustConfig(String code, String name) {
    }

    /**
     * @param keyFile a file holding the pseudonym key; null to use {@code KPO_PSEUDONYM_KEY}
     * @param suppressSmallNumbers show small counts as "*" in published outputs
     * @param smallNumberThreshold the largest count suppressed (default 7: counts of 1–7)
     */
    public record PrivacyConfig(String keyFile, Boolean suppressSmallNumbers, Integer smallNumberThreshold) {
    }

    public record SparkConfig(String master, Map<String, String> settings) {
    }

    /**
     * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB}; beyond it DuckDB spills to disk
     * @param threads the threads that read extracts and run queries (default: every core)
     * @param spill the folder DuckDB spills to (default: {@code .spill} in the curated store)
     */
    public record EmbeddedConfig(String memoryLimit, Integer threads, String spill) {
    }

    /**
     * @param name the source's name in reports
     * @param kind waiting_list, cancellations, lead_times or measures
     * @param paths files, folders or globs
     * @param format csv (default), parquet or json
     * @param maxRejectRate the share of rejected rows above which the run stops (default 0.05)
     * @param columns the trust's column names for the default fields
     * @param dateFormat e.g. dd/MM/yyyy
     * @param timestampFormat e.g. dd/MM/yyyy HH:mm
     * @param codes field → (the trust's value → the default value)
     */
    public record SourceConfig(String name, String kind, List<String> paths, String format, Double maxRejectRate,
            Map<String, String> columns, String dateFormat, String timestampFormat,
            Map<String, Map<String, String>> codes) {
    }

    public record CommitmentConfig(String id, String title, String sponsor, String problem, String targetCondition,
            String csu, String alignedTo, List<CountermeasureConfig> countermeasures, List<PdsaConfig> pdsa) {
    }

    public record CountermeasureConfig(String action, String owner, LocalDate due, String status) {
    }

    public record PdsaConfig(int number, String change, LocalDate started, LocalDate ended, String stage,
            String decision, String learning) {
    }

    /**
     * One measure of the pack: a catalogue measure for one unit, how to chart it and what the board
     * needs around it.
     *
     * @param id this measure's id in the pack
     * @param measure the catalogue measure id (e.g. wl_size)
     * @param unit which unit's series: type (trust, site, csu, specialty) and code
     * @param units count, percent, proportion, days, weeks, minutes, hours, pounds or rate
     * @param rules rule set; shift and trend lengths for mdc
     * @param rebases each with its reason and who agreed it
     * @param allowableDaysLag how many days after the period end the data may lag before it is stale
     * @param domain the summary's heading for it when it is under no commitment (SPCreporter's domain)
     * @param note a standing note shown with the measure (SPCreporter's report comment)
     * @param compare the kinds of unit (site, csu, specialty, trust) whose values of this catalogue
     *     measure the pack compares on a funnel plot each, or null for none
     * @param compareMonths how many months to the reporting month the funnel plots count (default 12)
     * @param compareOverdispersion the funnel limits' allowance for units varying more than chance:
     *     none (the default), multiplicative, additive or laney
     */
    public record MeasureConfig(String id, String measure, UnitConfig unit, String title, String definition,
            String units, String commitment, String chart, String rules, Integer shift, Integer trend,
            String improvement, Double target, LocalDate targetDate, Map<YearMonth, Double> trajectory,
            List<RebaseConfig> rebases, List<AnnotationConfig> annotations, String owner, String dataQuality,
            CommentaryConfig commentary, Integer baseline, Double multiply, Boolean summable,
            Integer allowableDaysLag, String domain, String note, List<String> compare, Integer compareMonths,
            String compareOverdispersion) {

        public MeasureConfig withCommentary(CommentaryConfig value) {
            return new MeasureConfig(id, measure, unit, title, definition, units, commitment, chart, rules, shift, trend,
                    improvement, target, targetDate, trajectory, rebases, annotations, owner, dataQuality, value,
                    baseline, multiply, summable, allowableDaysLag, domain, note, compare, compareMonths,
                    compareOverdispersion);
        }

        /** The same measure with its summary heading and standing note. */
        public MeasureConfig reported(String domainValue, String noteValue) {
            domainValue = domainValue == null || domainValue.isBlank() ? null : domainValue;
            noteValue = noteValue == null || noteValue.isBlank() ? null : noteValue;
            return new MeasureConfig(id, measure, unit, title, definition, units, commitment, chart, rules, shift, trend,
                    improvement, target, targetDate, trajectory, rebases, annotations, owner, dataQuality, commentary,
                    baseline, multiply, summable, allowableDaysLag, domainValue, noteValue, compare, compareMonths,
                    compareOverdispersion);
        }

        public MeasureConfig withRebases(List<RebaseConfig> value) {
            return new MeasureConfig(id, measure, unit, title, definition, units, commitment, chart, rules, shift, trend,
                    improvement, target, targetDate, trajectory, value, annotations, owner, dataQuality, commentary,
                    baseline, multiply, summable, allowableDaysLag, domain, note, compare, compareMonths,
                    compareOverdispersion);
        }
    }

    public record UnitConfig(String type, String code) {
    }

    public record RebaseConfig(LocalDate date, String reason, String agreedBy) {
    }

    public record AnnotationConfig(LocalDate date, String label) {
    }

    public record CommentaryConfig(String shows, String soWhat, String actions, String author, String approver,
            LocalDate date) {
    }

}
