package kpo.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF's PDF/UA-1 (ISO 14289-1) profile run on a PDF in memory, for tests here and in the jobs
 * module (which reads this from the reports test jar): whether it passes, and each rule that fails
 * with where in the structure tree or content it fails.
 */
public final class PdfUaValidation {

    /** What a PDF gave: whether it passes, each failed rule (with a count where it fails more than once). */
    public record Outcome(boolean compliant, List<String> failures, int passedChecks) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUaValidation() {
    }

    public static Outcome validate(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> failed = new TreeMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + " " + assertion.getMessage() + " @ " + assertion.getLocation().getContext();
                    failed.merge(rule, 1, Integer::sum);
                }
            }
            List<String> failures = failed.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " (×" + e.getValue() + ")" : "")).toList();
            int failedChecks = failed.values().stream().mapToInt(Integer::intValue).sum();
            return new Outcome(result.isCompliant(), failures, result.getTotalAssertions() - failedChecks);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF", e);
        }
    }

    /** Writes a Markdown summary of {@code outcomes} (pack name → outcome) to {@code file}. */
    public static void writeSummary(Path file, String title, Map<String, Outcome> outcomes) {
        StringBuilder out = new StringBuilder("# " + title + "\n\n")
                .append("veraPDF ").append(veraPdfVersion()).append(", PDF/UA-1 (ISO 14289-1) profile.\n\n")
                .append("| pack | PDF/UA-1 | checks passed | rules failed |\n|---|---|---|---|\n");
        outcomes.forEach((pack, outcome) -> out.append("| ").append(pack).append(" | ")
                .append(outcome.compliant() ? "compliant" : "not compliant").append(" | ")
                .append(outcome.passedChecks()).append(" | ").append(outcome.failures().size()).append(" |\n"));
        outcomes.forEach((pack, outcome) -> outcome.failures().forEach(f -> out.append("\n- ").append(pack)
                .append(": ").append(f)));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String veraPdfVersion() {
        return org.verapdf.ReleaseDetails.defaultInstance().getVersion();
    }
}
