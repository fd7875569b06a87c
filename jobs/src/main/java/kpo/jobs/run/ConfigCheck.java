package kpo.jobs.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kpo.ingest.IngestException;
import kpo.ingest.measures.UnitType;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.nhse.SpcReporterData;
import kpo.ingest.source.SourceKind;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.CommentaryFile;
import kpo.jobs.config.ConfigLines;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.config.SpcReporterSheets;
import kpo.reports.DataQualityRating;
import kpo.reports.Unit;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;

/**
 * Every problem of a config at once, each with its file and line: missing keys, unknown codes,
 * duplicate ids, measures that point at a commitment that does not exist, rebases without a reason or
 * without who agreed them.
 */
public final class ConfigCheck {

    /** The NHS England files the reconciliation page can use, by their config key. */
    static final List<String> PUBLISHED_KINDS = List.of("rtt_provider");

    private final ConfigLines lines;
    private final List<String> problems = new ArrayList<>();

    private ConfigCheck(Path file) {
        this.lines = ConfigLines.of(file);
    }

    /** The problems of {@code config}, empty when there are none. */
    public static List<String> problems(KpoConfig config, Path file) {
        ConfigCheck check = new ConfigCheck(file);
        check.all(config);
        return check.problems;
    }

    /**
     * The config read into types, or a bad-input error listing every problem with its line: the
     * only way to a {@link CheckedConfig}, so that nothing later reads a code the check has not.
     */
    static CheckedConfig check(KpoConfig config, Path file) {
        List<String> problems = problems(config, file);
        if (!problems.isEmpty()) {
            throw UserError.badInput(String.join("\n", problems));
        }
        return CheckedConfig.of(config);
    }

    private void problem(String path, String message) {
        // Values are quoted back; one a YAML block scalar spread over lines must not split the message.
        problems.add(lines.where(path) + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ⏎ "));
    }

    private void all(KpoConfig c) {
        if (c.trust() == null || blank(c.trust().code())) {
            problem("trust", "the trust needs a code (its ODS code, e.g. RR8)");
        } else if (!kpo.ingest.nhs.OdsCode.ofLength(c.trust().code(), 3)) {
            problem("trust.code", "trust code '" + c.trust().code() + "' is not an ODS trust code: three capital "
                    + "letters and digits, e.g. RR8");
        }
        List<KpoConfig.TreatmentFunctionConfig> local = c.treatmentFunctions() == null ? List.of()
                : c.treatmentFunctions();
        if (c.engine() != null && Engines.Kind.fromCode(c.engine()).isEmpty()) {
            problem("engine", "engine '" + c.engine() + "'; expected embedded (DuckDB in this process, the default) or "
                    + "spark");
        }
        if (c.embedded() != null) {
            KpoConfig.EmbeddedConfig e = c.embedded();
            try {
                new kpo.ingest.embedded.EmbeddedEngine.Settings(e.memoryLimit() == null ? "1GB" : e.memoryLimit(),
                        e.threads() == null ? 1 : e.threads(), Path.of("."));
            } catch (IllegalArgumentException ex) {
                problem(e.threads() != null && e.threads() < 1 ? "embedded.threads" : "embedded.memory_limit",
                        "the embedded engine's " + ex.getMessage());
            }
        }
        Set<String> localCodes = new HashSet<>();
        for (int i = 0; i < local.size(); i++) {
            KpoConfig.TreatmentFunctionConfig t = local.get(i);
            String at = "treatment_functions[" + i + "]";
            if (t == null || blank(t.code()) || blank(t.name()) || blank(t.rttGroup())) {
                problem(at, "a local treatment function needs a code, a name and an rtt_group");
                continue;
            }
            try {
                TreatmentFunctions.national().withLocal(List.of(MonthlyJob.treatmentFunction(t)));
                if (!localCodes.add(t.code().trim().toUpperCase(Locale.ROOT))) {
                    problem(at + ".code", "treatment function '" + t.code() + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                problem(at, e.getMessage());
            }
        }
        if (c.sources() == null || c.sources().isEmpty()) {
            if (c.spcreporter() == null) {
                problem("sources", "name at least one source (or SPCreporter sheets under spcreporter)");
            }
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < c.sources().size(); i++) {
                KpoConfig.SourceConfig s = c.sources().get(i);
                String at = "sources[" + i + "]";
                if (s == null) {
                    problem(at, at + " is empty; a source needs a name, kind and paths");
                    continue;
                }
                if (blank(s.name())) {
                    problem(at, "a source needs a name");
                } else if (!names.add(s.name())) {
                    problem(at + ".name", "source '" + s.name() + "' is named twice");
                }
                if (s.kind() == null || SourceKind.fromCode(s.kind()).isEmpty()) {
                    problem(at + ".kind", "source '" + s.name() + "' has kind '" + s.kind()
                            + "'; expected waiting_list, cancellations, lead_times or measures");
                }
                if (s.paths() == null || s.paths().isEmpty()) {
                    problem(at + ".paths", "source '" + s.name() + "' names no files");
                }
                if (s.format() != null && !List.of("csv", "parquet", "json").contains(s.format().toLowerCase(Locale.ROOT))) {
                    problem(at + ".format", "source '" + s.name() + "' has format '" + s.format()
                            + "'; expected csv, parquet or json");
                }
                if (s.maxRejectRate() != null && (s.maxRejectRate() < 0 || s.maxRejectRate() > 1)) {
                    problem(at + ".max_reject_rate", "a reject rate is a share between 0 and 1");
                }
            }
        }
        if (c.privacy() != null && c.privacy().smallNumberThreshold() != null
                && c.privacy().smallNumberThreshold() < 1) {
            problem("privacy.small_number_threshold", "the small-number threshold is the largest count suppressed, "
                    + "1 or more (NHS convention: 7)");
        }
        if (c.published() != null) {
            for (var e : c.published().entrySet()) {
                if (!PUBLISHED_KINDS.contains(e.getKey())) {
                    problem("published." + e.getKey(), "published file kind '" + e.getKey() + "'; expected "
                            + String.join(" or ", PUBLISHED_KINDS));
                } else if (blank(e.getValue())) {
                    problem("published." + e.getKey(), "published." + e.getKey() + " needs the file's path");
                }
            }
        }
                Set<String> commitments = new HashSet<>();
        List<KpoConfig.CommitmentConfig> cs = c.commitments() == null ? List.of() : c.commitments();
        for (int i = 0; i < cs.size(); i++) {
            KpoConfig.CommitmentConfig k = cs.get(i);
            String at = "commitments[" + i + "]";
            if (k == null) {
                problem(at, at + " is empty; a commitment needs an id and a title");
                continue;
            }
            if (blank(k.id()) || blank(k.title())) {
                problem(at, "a commitment needs an id and a title");
            } else if (!commitments.add(k.id())) {
                problem(at + ".id", "commitment '" + k.id() + "' is defined twice");
            }
            if (k.countermeasures() != null) {
                for (int j = 0; j < k.countermeasures().size(); j++) {
                    if (k.countermeasures().get(j) == null) {
                        problem(at + ".countermeasures[" + j + "]", at + ".countermeasures[" + j + "] is empty");
                        continue;
                    }
                    String status = k.countermeasures().get(j).status();
                    if (status != null && !List.of("planned", "in_progress", "done").contains(status)) {
                        problem(at + ".countermeasures[" + j + "].status", "status '" + status
                                + "'; expected planned, in_progress or done");
                    }
                }
            }
            for (int j = 0; k.pdsa() != null && j < k.pdsa().size(); j++) {
                KpoConfig.PdsaConfig p = k.pdsa().get(j);
                String item = at + ".pdsa[" + j + "]";
                if (p == null) {
                    problem(item, item + " is empty; a PDSA cycle needs its number, change and stage");
                    continue;
                }
                if (p.stage() != null && !List.of("plan", "do", "study", "act").contains(lower(p.stage()))) {
                    problem(item + ".stage", "PDSA stage '" + p.stage() + "'; expected plan, do, study or act");
                }
                if (p.decision() != null && !List.of("adopt", "adapt", "abandon").contains(lower(p.decision()))) {
                    problem(item + ".decision", "PDSA decision '" + p.decision() + "'; expected adopt, adapt or "
                            + "abandon");
                }
            }
        }
        String unpublishable = c.forPublication() ? Suppression.publicationProblem(c) : null;
        if (unpublishable != null) {
            problem("privacy", unpublishable);
        }
        Set<String> ids = new HashSet<>();
        if (c.measures() == null || c.measures().isEmpty()) {
            if (c.spcreporter() == null) {
                problem("measures", "name at least one measure");
                return;
            }
        }
        for (int i = 0; c.measures() != null && i < c.measures().size(); i++) {
            if (c.measures().get(i) == null) {
                problem("measures[" + i + "]", "measures[" + i + "] is empty; a measure needs an id, measure and unit");
                continue;
            }
            measure(c.measures().get(i), "measures[" + i + "]", ids, commitments);
        }
        // SPCreporter's measures are known once its sheets are opened: fileProblems checks asks naming them.
        asks(c, c.spcreporter() == null ? ids : null);
        events(c, c.spcreporter() == null ? ids : null);
    }

    /** The kinds of improvement event, as the config writes them. */
    static final List<String> EVENT_TYPES = List.of("rpiw", "kaizen", "5s", "value_stream", "project");

    /** Where an improvement event stands, as the config writes it. */
    static final List<String> EVENT_STATUSES = List.of("planned", "done", "sustaining", "abandoned");

    /**
     * Each improvement event: an id used once, a kind and status the pack knows, a title and week, a
     * trust commitment it serves (and a CSU A3, if named, that is one), and measures of the pack, each
     * with at most one of a baseline and the points to take it from.
     *
     * @param measureIds the pack's measures, or null when not all are known yet (SPCreporter's)
     */
    private void events(KpoConfig c, Set<String> measureIds) {
        if (c.events() == null) {
            return;
        }
        List<KpoConfig.CommitmentConfig> commitments = c.commitments() == null ? List.of() : c.commitments();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.events().size(); i++) {
            KpoConfig.EventConfig e = c.events().get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                problem(at, at + " is empty; an event needs an id, type, title, date, commitment and status");
                continue;
            }
            String name = "event '" + e.id() + "'";
            if (blank(e.id())) {
                problem(at, "an event needs an id (e.g. E1)");
            } else if (!ids.add(e.id())) {
                problem(at + ".id", name + " is defined twice");
            }
            if (e.type() == null || !EVENT_TYPES.contains(lower(e.type()))) {
                problem(at + (e.type() == null ? "" : ".type"), name + " has type '" + e.type() + "'; expected rpiw, "
                        + "kaizen, 5s, value_stream or project");
            }
            if (blank(e.title())) {
                problem(at, name + " needs a title");
            }
            if (e.date() == null) {
                problem(at, name + " needs a date: the first day of the week it runs, YYYY-MM-DD");
            }
            if (e.status() == null || !EVENT_STATUSES.contains(lower(e.status()))) {
                problem(at + (e.status() == null ? "" : ".status"), name + " has status '" + e.status()
                        + "'; expected planned, done, sustaining or abandoned");
            }
            KpoConfig.CommitmentConfig served = commitments.stream().filter(k -> k != null
                    && java.util.Objects.equals(k.id(), e.commitment())).findFirst().orElse(null);
            if (served == null || served.csu() != null) {
                problem(at + (e.commitment() == null ? "" : ".commitment"), name + " serves commitment '"
                        + e.commitment() + "', which is not " + (served == null ? "one of the config's commitments"
                                : "a trust commitment (it is a CSU A3: name it under a3)"));
            }
            if (e.a3() != null && commitments.stream().noneMatch(k -> k != null && e.a3().equals(k.id())
                    && k.csu() != null)) {
                problem(at + ".a3", name + " names A3 '" + e.a3() + "', which is not one of the config's CSU A3s");
            }
            for (int j = 0; e.measures() != null && j < e.measures().size(); j++) {
                KpoConfig.EventMeasureConfig m = e.measures().get(j);
                String item = at + ".measures[" + j + "]";
                if (m == null || blank(m.measure())) {
                    problem(item, name + ": each of its measures names a pack measure (measure: its id)");
                    continue;
                }
                if (measureIds != null && !measureIds.contains(m.measure())) {
                    problem(item + ".measure", name + " measures '" + m.measure() + "', which is not a measure of the "
                            + "pack");
                }
                if (m.baseline() != null && m.baselinePoints() != null) {
                    problem(item, name + ": give the baseline or baseline_points (the points before the event its "
                            + "median is taken from), not both");
                }
                if (m.baseline() != null && !Double.isFinite(m.baseline())) {
                    problem(item + ".baseline", name + ": the baseline is a finite number");
                }
                if (m.baselinePoints() != null && m.baselinePoints() < 1) {
                    problem(item + ".baseline_points", name + ": baseline_points is a number of points, 1 or more");
                }
                if (m.target() != null && !Double.isFinite(m.target())) {
                    problem(item + ".target", name + ": the target is a finite number");
                }
            }
        }
    }

    /**
     * Each ask is a note or a decision (one of the two) and names only a measure of the pack.
     *
     * @param measureIds the pack's measures, or null when not all are known yet
     */
    private void asks(KpoConfig c, Set<String> measureIds) {
        if (c.asks() == null) {
            return;
        }
        for (int i = 0; i < c.asks().size(); i++) {
            KpoConfig.AskConfig a = c.asks().get(i);
            String at = "asks[" + i + "]";
            if (a == null || blank(a.note()) == blank(a.decide())) {
                problem(at, "each ask is either 'note: …' or 'decide: …', with its words");
            } else if (a.measure() != null && measureIds != null && !measureIds.contains(a.measure())) {
                problem(at + ".measure", "ask names measure '" + a.measure() + "', which is not a measure of the pack");
            }
        }
    }

    private void measure(KpoConfig.MeasureConfig m, String at, Set<String> ids, Set<String> commitments) {
        String name = "measure '" + m.id() + "'";
        if (blank(m.id())) {
            problem(at, "a measure needs an id");
        } else if (!ids.add(m.id())) {
            problem(at + ".id", name + " is defined twice");
        }
        if (blank(m.measure())) {
            problem(at, name + " needs 'measure': the catalogue measure it charts (e.g. wl_size)");
        }
        if (m.unit() == null || blank(m.unit().type()) || blank(m.unit().code())) {
            problem(at + ".unit", name + " needs a unit: {type: trust|site|csu|specialty|unit, code: ...}");
        } else if (UnitType.fromCode(m.unit().type()).isEmpty() && !preAggregated(m)) {
            problem(at + ".unit.type", name + " has unit type '" + m.unit().type()
                    + "'; expected trust, site, csu, specialty, or unit for a pre-aggregated measure");
        }
        if (m.commitment() != null && !commitments.contains(m.commitment())) {
            problem(at + ".commitment", name + " belongs to commitment '" + m.commitment()
                    + "', which the config does not define");
        }
        ChartType chart = ChartType.XMR;
        if (m.chart() != null) {
            chart = ChartType.fromCode(m.chart()).orElse(null);
            if (chart == null) {
                problem(at + ".chart", name + " has chart '" + m.chart() + "'; expected run, xmr, i, mr, p, pp, u, up, "
                        + "c, g, t, xbar, s or ip");
            }
        }
        if (m.rules() != null && RuleSet.fromCode(m.rules()).isEmpty()) {
            problem(at + ".rules", name + " has rules '" + m.rules() + "'; expected mdc, ptd, anhoej, ihi, we or nelson");
        }
        if (m.improvement() != null && Improvement.fromCode(m.improvement()).isEmpty()) {
            problem(at + ".improvement", name + " has improvement '" + m.improvement()
                    + "'; expected increase, decrease or neutral");
        }
        // YAML reads "NaN" and "Infinity" as numbers; a chart would quietly show no target.
        if (m.target() != null && !Double.isFinite(m.target())) {
            problem(at + ".target", name + " has target " + m.target() + "; a target is a finite number");
        }
        if (m.multiply() != null && !(Double.isFinite(m.multiply()) && m.multiply() > 0)) {
            problem(at + ".multiply", name + " has multiply " + m.multiply() + "; expected a number greater than 0");
        }
        if (m.units() != null && unit(m.units()) == null) {
            problem(at + ".units", name + " has units '" + m.units() + "'; expected count, percent, proportion, days, "
                    + "weeks, minutes, hours, pounds, rate or number");
        }
        if (m.dataQuality() != null && rating(m.dataQuality()) == null) {
            problem(at + ".data_quality", name + " has data quality '" + m.dataQuality()
                    + "'; expected good, reasonable, limited, poor or not_rated");
        }
        if (m.rebases() != null) {
            for (int j = 0; j < m.rebases().size(); j++) {
                KpoConfig.RebaseConfig r = m.rebases().get(j);
                String item = at + ".rebases[" + j + "]";
                if (r == null) {
                    problem(item, name + ": an empty rebase; give its date, reason and agreed_by");
                    continue;
                }
                String which = r.date() == null ? "a rebase" : "the rebase of " + r.date();
                if (r.date() == null) {
                    problem(item, name + ": a rebase needs a date");
                }
                if (blank(r.reason())) {
                    problem(item, name + ": " + which + " needs a 'reason' (why the process changed)");
                }
                if (blank(r.agreedBy())) {
                    problem(item, name + ": " + which + " needs 'agreed_by' (who agreed it, e.g. the KPO "
                            + "steering group)");
                }
            }
        }
        compare(m, at, name);
        if (m.commentary() != null && blank(m.commentary().author())) {
            problem(at + ".commentary", name + ": a commentary needs its author (and, for the board, its approver and "
                    + "date)");
        }
        if (chart != null && problems.isEmpty()) {
            try {
                PackMeasure.spec(m);
            } catch (IllegalArgumentException e) {
                problem(at, name + ": " + e.getMessage());
            }
        }
    }

    /**
     * A measure's funnel plots: each kind of unit once, one the catalogue knows; a measure with a
     * numerator and a denominator (a proportion or a rate: a count has nothing to compare its units'
     * sizes by); a span of months and an overdispersion method that exist.
     */
    private void compare(KpoConfig.MeasureConfig m, String at, String name) {
        if (m.compare() == null) {
            if (m.compareMonths() != null || m.compareOverdispersion() != null) {
                problem(at + (m.compareMonths() != null ? ".compare_months" : ".compare_overdispersion"), name
                        + " sets how its units are compared but not which: add compare: [site, csu, specialty or "
                        + "trust]");
            }
            return;
        }
        Set<String> types = new HashSet<>();
        for (int j = 0; j < m.compare().size(); j++) {
            String type = m.compare().get(j);
            if (type == null || UnitType.fromCode(type).isEmpty()) {
                problem(at + ".compare[" + j + "]", name + " compares by '" + type + "'; expected site, csu, "
                        + "specialty or trust");
            } else if (!types.add(UnitType.fromCode(type).orElseThrow().code())) {
                problem(at + ".compare[" + j + "]", name + " compares by " + type + " twice");
            }
        }
        if (preAggregated(m)) {
            problem(at + ".compare", name + " is a pre-aggregated series of the source's own units; funnel plots "
                    + "compare the trust's sites, CSUs, specialties or trusts");
        }
        Unit unit = m.units() == null ? Unit.COUNT : unit(m.units());
        if (unit != null && unit != Unit.PROPORTION && unit != Unit.PERCENT && unit != Unit.RATE) {
            problem(at + ".compare", name + " is in " + unit.name().toLowerCase(Locale.ROOT) + "; a funnel plot "
                    + "compares proportions and rates (units: proportion, percent or rate), whose denominators "
                    + "give each unit its size");
        }
        if (m.compareMonths() != null && (m.compareMonths() < 1 || m.compareMonths() > 60)) {
            problem(at + ".compare_months", name + " has compare_months " + m.compareMonths()
                    + "; expected 1 to 60 months");
        }
        if (m.compareOverdispersion() != null
                && kpo.spc.funnel.Overdispersion.fromCode(m.compareOverdispersion()).isEmpty()) {
            problem(at + ".compare_overdispersion", name + " has compare_overdispersion '"
                    + m.compareOverdispersion() + "'; expected none, multiplicative, additive or laney");
        }
    }

    /**
     * Whether a measure charts a pre-aggregated series (a {@code measures} source's, or SPCreporter's),
     * whose units are the source's own {@code unit_code}s rather than the trust's structure.
     */
    static boolean preAggregated(KpoConfig.MeasureConfig m) {
        return m.unit() != null && m.unit().type() != null && m.unit().type().trim().equalsIgnoreCase("unit");
    }

    /**
     * The problems of the files a config names beside its sources: the catalogue, the owners'
     * commentary and SPCreporter's sheets, each naming its file and line.
     */
    public static List<String> fileProblems(KpoConfig c, Path file) {
        List<String> problems = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        if (c.catalogue() != null && !Files.exists(MonthlyJob.resolve(base, c.catalogue()))) {
            problems.add(file.getFileName() + ": the catalogue file " + c.catalogue() + " does not exist");
        }
        Set<String> ids = new HashSet<>();
        if (c.measures() != null) {
            c.measures().forEach(m -> ids.add(m.id()));
        }
        if (c.spcreporter() != null) {
            KpoConfig.SpcReporterConfig s = c.spcreporter();
            if (s.maxRejectRate() != null && (s.maxRejectRate() < 0 || s.maxRejectRate() > 1)) {
                problems.add(file.getFileName() + ": spcreporter.max_reject_rate is a share between 0 and 1");
            }
            if (s.measureConfig() == null || s.reportConfig() == null || s.data() == null || s.data().isEmpty()) {
                problems.add(file.getFileName() + ": spcreporter needs measure_config, report_config and data");
            } else {
                SpcReporterSheets.Import imported = SpcReporterSheets.read(MonthlyJob.resolve(base, s.measureConfig()),
                        MonthlyJob.resolve(base, s.reportConfig()), c.trust() == null ? "" : c.trust().code());
                problems.addAll(imported.problems());
                for (KpoConfig.MeasureConfig m : imported.measures()) {
                    if (!ids.add(m.id())) {
                        problems.add(file.getFileName() + ": measure '" + m.id() + "' is both in the config and in "
                                + "SPCreporter's " + s.reportConfig());
                    }
                    // Charted as the config's own measures are: a row whose chart, rules or baseline cannot go
                    // together is named here, by its report_config line, never met by the run.
                    try {
                        PackMeasure.spec(m);
                    } catch (IllegalArgumentException e) {
                        problems.add(imported.rows().get(m.id()) + "measure '" + m.id() + "': " + e.getMessage());
                    }
                }
                for (KpoConfig.AskConfig a : c.asks() == null ? List.<KpoConfig.AskConfig>of() : c.asks()) {
                    if (a != null && a.measure() != null && !ids.contains(a.measure())) {
                        problems.add(file.getFileName() + ": an ask names measure '" + a.measure() + "', which is "
                                + "neither in the config nor in SPCreporter's " + s.reportConfig());
                    }
                }
                // The data sheets are opened as the run opens them, so that a report row with no values
                // (a t chart whose events sheet is not listed, a ref missing from the sheets) is found here.
                Set<String> withData = new HashSet<>();
                boolean readable = true;
                try {
                    for (Path data : SpcReporterSource.files(s, base)) {
                        try {
                            for (SpcReporterData.Sheet sheet : SpcReporterData.sheets(data)) {
                                SpcReporterData.Values values = SpcReporterData.read(sheet, "");
                                String allRejected = SpcReporterSource.allRejected(sheet.table(), values.series());
                                if (allRejected != null) {
                                    problems.add(allRejected);
                                    readable = false;
                                }
                                values.series().rows().forEach(r -> withData.add(r.measureId()));
                            }
                        } catch (IngestException e) {
                            problems.add(e.getMessage());
                            readable = false;
                        }
                    }
                } catch (IngestException e) {
                    problems.add(file.getFileName() + ": " + e.getMessage());
                    readable = false;
                }
                for (KpoConfig.MeasureConfig m : imported.measures()) {
                    if (readable && !withData.contains(m.measure())) {
                        problems.add(imported.rows().get(m.id()) + "measure '" + m.id() + "' "
                                + SpcReporterSource.noValues(PackMeasure.of(m)));
                    }
                }
            }
        }
        if (c.commentaryFile() != null) {
            Path commentary = MonthlyJob.resolve(base, c.commentaryFile());
            if (!Files.exists(commentary)) {
                problems.add(file.getFileName() + ": the commentary file " + c.commentaryFile() + " does not exist");
            } else {
                problems.addAll(CommentaryFile.read(commentary, ids).problems());
            }
        }
        return problems;
    }

    /**
     * The catalogue's expressions that one engine cannot run, or not as the other does (every one
     * is checked against DuckDB in this process and Spark's SQL parser): each with its measure and
     * the line of the catalogue file it is on. Built-in measures are checked by the tests.
     */
    static List<String> expressionProblems(KpoConfig c, Path file) {
        if (c.catalogue() == null) {
            return List.of();
        }
        Path catalogue = MonthlyJob.resolve(file.toAbsolutePath().getParent(), c.catalogue());
        List<kpo.ingest.measures.MeasureDefinition> definitions;
        try {
            definitions = kpo.ingest.measures.MeasureCatalogue.read(catalogue);
        } catch (kpo.ingest.IngestException e) {
            return List.of(e.getMessage());
        }
        ConfigLines lines = ConfigLines.of(catalogue);
        List<String> problems = new ArrayList<>();
        for (kpo.ingest.engine.ExpressionCheck.Problem p : kpo.ingest.engine.ExpressionCheck.check(definitions)) {
            int index = definitions.stream().map(kpo.ingest.measures.MeasureDefinition::id).toList().indexOf(p.measure());
            problems.add(lines.where("[" + index + "]." + p.part()) + ": measure '" + p.measure() + "': its " + p.part()
                    + " cannot be used: " + p.message());
        }
        return problems;
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    static Unit unit(String text) {
        try {
            return Unit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static DataQualityRating rating(String text) {
        try {
            return DataQualityRating.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
