package kpo.jobs.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kpo.ingest.measures.UnitType;
import kpo.ingest.source.SourceKind;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.ConfigLines;
import kpo.jobs.config.KpoConfig;
import kpo.reports.DataQualityRating;
import kpo.reports.Unit;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;

/**
 * Every problem of a config at once, each with its file and line: missing keys, unknown codes,
 * duplicate ids, measures that point at a commitment that does not exist, rebases without a reason.
 */
public final class ConfigCheck {

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

    /** Throws a bad-input error listing every problem. */
    public static void check(KpoConfig config, Path file) {
        List<String> problems = problems(config, file);
        if (!problems.isEmpty()) {
            throw UserError.badInput(String.join("\n", problems));
        }
    }

    private void problem(String path, String message) {
        // Values are quoted back; one a YAML block scalar spread over lines must not split the message.
        problems.add(lines.where(path) + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ⏎ "));
    }

    private void all(KpoConfig c) {
        if (c.trust() == null || blank(c.trust().code())) {
            problem("trust", "the trust needs a code (its ODS code, e.g. RR8)");
        }
        if (c.sources() == null || c.sources().isEmpty()) {
            problem("sources", "name at least one source");
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
        }
        if (c.measures() == null || c.measures().isEmpty()) {
            problem("measures", "name at least one measure");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.measures().size(); i++) {
            if (c.measures().get(i) == null) {
                problem("measures[" + i + "]", "measures[" + i + "] is empty; a measure needs an id, measure and unit");
                continue;
            }
            measure(c.measures().get(i), "measures[" + i + "]", ids, commitments);
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
            problem(at + ".unit", name + " needs a unit: {type: trust|site|csu|specialty, code: ...}");
        } else if (UnitType.fromCode(m.unit().type()).isEmpty()) {
            problem(at + ".unit.type", name + " has unit type '" + m.unit().type()
                    + "'; expected trust, site, csu or specialty");
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
                    + "weeks, minutes, hours, pounds or rate");
        }
        if (m.dataQuality() != null && rating(m.dataQuality()) == null) {
            problem(at + ".data_quality", name + " has data quality '" + m.dataQuality()
                    + "'; expected good, reasonable, limited, poor or not_rated");
        }
        if (m.rebases() != null) {
            for (int j = 0; j < m.rebases().size(); j++) {
                KpoConfig.RebaseConfig r = m.rebases().get(j);
                if (r == null || r.date() == null || blank(r.reason())) {
                    problem(at + ".rebases[" + j + "]", name + ": a rebase needs a date and the reason it was agreed");
                }
            }
        }
        if (chart != null && problems.isEmpty()) {
            try {
                PackAssembler.spec(m);
            } catch (IllegalArgumentException e) {
                problem(at, name + ": " + e.getMessage());
            }
        }
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
