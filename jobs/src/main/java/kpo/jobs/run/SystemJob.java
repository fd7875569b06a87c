package kpo.jobs.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.ConfigReader;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.config.SystemConfig;
import kpo.reports.BoardPack;
import kpo.reports.BoardPackPdf;
import kpo.reports.PackFiles;
import kpo.reports.PackText;
import kpo.reports.SmallNumbers;
import kpo.reports.Trust;

/**
 * The monthly job for an integrated care system: each member trust's own job (its outputs where
 * its config puts them), all for the same month, then the system pack from their packs into
 * {@code output/YYYY-MM/}, all or nothing.
 */
public final class SystemJob {

    /** What a system run made: the month, the system pack, and each trust's outcome. */
    public record Outcome(YearMonth period, Path systemPack, List<MonthlyJob.Outcome> trusts) {
    }

    private SystemJob() {
    }

    /**
     * Every problem of a system config, each naming its file: its keys, and each trust's config, sources
     * and files as {@code kpo validate} checks them.
     */
    public static List<String> problems(SystemConfig config, Path file) {
        List<String> problems = new ArrayList<>();
        SystemConfig.System s = config.system();
        String name = file.getFileName().toString();
        if (s == null || s.code() == null || s.code().isBlank() || s.name() == null || s.name().isBlank()) {
            problems.add(name + ": the system needs a code (its ODS code, e.g. QWO) and a name");
        }
        if (s == null || s.trusts() == null || s.trusts().isEmpty()) {
            problems.add(name + ": the system names no trusts; list each trust's config under trusts");
            return problems;
        }
        Path base = file.toAbsolutePath().getParent();
        Set<String> codes = new HashSet<>();
        for (String t : s.trusts()) {
            Path trustFile = MonthlyJob.resolve(base, t);
            if (!Files.exists(trustFile)) {
                problems.add(name + ": the trust config " + t + " does not exist");
                continue;
            }
            KpoConfig trust;
            try {
                trust = ConfigReader.read(trustFile);
            } catch (UserError e) {
                problems.add(e.getMessage());
                continue;
            }
            problems.addAll(ValidateCommand.problems(trust, trustFile));
            if (trust.trust() != null && trust.trust().code() != null && !codes.add(trust.trust().code())) {
                problems.add(name + ": trust " + trust.trust().code() + " is listed twice (" + t + ")");
            }
        }
        return problems;
    }

    /**
     * @param period the month, or null for the config's, or the first trust's latest
     * @param out the system pack's folder, or null for the config's
     * @param asOf the date future-dated rows are judged against, or null for each trust's own
     */
    public static Outcome run(SystemConfig config, Path file, YearMonth period, Path out, boolean quiet,
            java.time.LocalDate asOf, PrintWriter err) {
        List<String> problems = problems(config, file);
        if (!problems.isEmpty()) {
            throw UserError.badInput(String.join("\n", problems));
        }
        SystemConfig.System s = config.system();
        Path base = file.toAbsolutePath().getParent();
        YearMonth month = period != null ? period : s.period();
        List<MonthlyJob.Outcome> outcomes = new ArrayList<>();
        Set<Path> folders = new HashSet<>();
        // A trust's extracts may hold rows of the system's other trusts: every member is named.
        Set<String> members = new java.util.TreeSet<>();
        for (String t : s.trusts()) {
            members.add(ConfigReader.read(MonthlyJob.resolve(base, t)).trust().code());
        }
        for (String t : s.trusts()) {
            Path trustFile = MonthlyJob.resolve(base, t);
            KpoConfig trust = ConfigReader.read(trustFile);
            if (!quiet) {
                err.println("kpo run: system   " + trust.trust().code() + " (" + t + ")");
                err.flush();
            }
            // Every trust reports the month of the first: the system pack compares like with like.
            MonthlyJob.Outcome outcome = MonthlyJob.run(trust, trustFile, new MonthlyJob.Options(month, null, quiet, asOf).withSystem(members),
                    err);
            month = outcome.period();
            if (!folders.add(outcome.folder())) {
                throw UserError.badInput(t + " writes its outputs into " + outcome.folder() + ", as another trust of "
                        + "the system does; give each trust's config its own output folder");
            }
            outcomes.add(outcome);
        }
        // The strictest trust's suppression holds for the system pack, and so for its funnel plots.
        SmallNumbers small = new SmallNumbers(outcomes.stream().mapToInt(o -> o.pack().smallNumbers().threshold())
                .max().orElse(0));
        List<Comparisons.Member> compared = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            MonthlyJob.Outcome o = outcomes.get(i);
            compared.add(new Comparisons.Member(o.pack().trust().code(), CheckedConfig.of(o.config()), o.rows(),
                    MonthlyJob.catalogue(
                    o.config(), MonthlyJob.resolve(base, s.trusts().get(i)).toAbsolutePath().getParent())));
        }
        Comparisons.Made comparisons = Comparisons.ofSystem(compared, month, small);
        if (!quiet) {
            comparisons.skipped().forEach(line -> err.println("kpo run: system   " + line));
        }
        BoardPack pack = SystemPack.of(new Trust(s.code(), s.name()),
                outcomes.stream().map(MonthlyJob.Outcome::pack).toList(), comparisons.comparisons());
        Path target = (out != null ? out : MonthlyJob.resolve(base, s.output() == null ? "out" : s.output()))
                .resolve(month.toString());
        if (folders.contains(target)) {
            throw UserError.badInput(file.getFileName() + ": the system's output folder " + target
                    + " is a trust's; give the system its own output");
        }
        try (OutputFolder folder = OutputFolder.open(target)) {
            PackFiles files = PackFiles.trust(pack);
            BoardPackPdf.write(files.pdf(), folder.folder().resolve("system-report.pdf"));
            Files.writeString(folder.folder().resolve("system-report.html"), files.html(), StandardCharsets.UTF_8);
            StringWriter csv = new StringWriter();
            PackText.csv(pack, csv);
            Files.writeString(folder.folder().resolve("system_measures.csv"), csv.toString(), StandardCharsets.UTF_8);
            StringWriter funnels = new StringWriter();
            PackText.comparisonsCsv(pack, funnels);
            Files.writeString(folder.folder().resolve("system_comparisons.csv"), funnels.toString(),
                    StandardCharsets.UTF_8);
            folder.commit();
        } catch (IOException e) {
            throw UserError.failure("cannot write the system pack under " + target + ": " + e.getMessage());
        }
        if (!quiet) {
            err.printf(java.util.Locale.ROOT, "kpo run: system   pack of %d trusts, %d measures%n", outcomes.size(),
                    pack.measures().size());
            err.flush();
        }
        return new Outcome(month, target.resolve("system-report.pdf"), List.copyOf(outcomes));
    }
}
