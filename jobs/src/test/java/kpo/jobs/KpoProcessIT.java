package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kpo.ingest.Folders;
import kpo.ingest.spark.SparkSettings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job as a process, the way cron and a cluster start it, on one generated trust:
 * <ol>
 * <li>faults: killed at every stage, two runs at once, a corrupt extract in the middle of a folder,
 * an output path that is a file, a full disk; after each the previous month's output is byte for
 * byte as it was, and the next complete run writes the same bytes as the first;</li>
 * <li>the same jar under Spark's submit entry point takes the submitted master and writes the same
 * bytes;</li>
 * <li>privacy: nothing any of these runs printed or wrote holds an identifier of the inputs or the
 * pseudonym key.</li>
 * </ol>
 * One class, so that the trust is generated and first charted once (CI runs on two cores).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpoProcessIT {

    /** The outputs that must be byte for byte the same run after run ({@code manifest.json} has timings). */
    private static final List<String> STABLE = List.of("board-report.pdf", "spc_points.csv", "spc_summary.json",
            "series.parquet", "rejects.csv", "pack_measures.csv");

    private static final String KEY = "process test key: never to be printed, 32+ bytes";

    @TempDir
    static Path home;

    private static final Map<String, byte[]> baseline = new LinkedHashMap<>();

    private record Finished(int exitCode, String err) {
    }

    private static Process start(String name, List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve(name + ".out").toFile()).redirectError(home.resolve(name + ".err").toFile())
                .start();
    }

    private static Process kpo(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        return start(name, command);
    }

    private static Finished finish(String name, Process p) throws Exception {
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        return new Finished(p.exitValue(), Files.readString(home.resolve(name + ".err")));
    }

    private static Finished run(String name, String... args) throws Exception {
        return finish(name, kpo(name, args));
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    private static void assertSameAsTheFirstRun(Path folder, String after) throws IOException {
        for (String file : STABLE) {
            assertArrayEquals(baseline.get(file), Files.readAllBytes(folder.resolve(file)), file + " after " + after);
        }
    }

    @BeforeAll
    static void aFirstGoodRun() throws Exception {
        assertEquals(0, run("generate", "generate", "--out", "data", "--months", "13").exitCode());
        // Four measures over the three sources: every stage runs, in half the demo config's time.
        Files.writeString(home.resolve("kpo-demo.yaml"), """
                trust: {code: RR8, name: Process test trust}
                output: out
                curated: curated
                privacy: {key_file: pseudonym.key}
                spark: {master: "local[*]", settings: {spark.sql.shuffle.partitions: "4"}}
                sources:
                  - {name: waiting_list, kind: waiting_list, paths: [data/ptl], max_reject_rate: 0.01}
                  - {name: theatre_cases, kind: cancellations, paths: [data/theatres], max_reject_rate: 0.01}
                  - {name: lead_times, kind: lead_times, paths: [data/lead_times], max_reject_rate: 0.01}
                commitments:
                  - {id: C1, title: Nobody waits more than a year, sponsor: Chief Operating Officer}
                measures:
                  - {id: trust_list, measure: wl_size, unit: {type: trust, code: RR8}, title: Waiting list,
                     units: count, commitment: C1, improvement: decrease}
                  - {id: paeds_list, measure: wl_size, unit: {type: csu, code: "Children's Services"},
                     title: Paediatric waiting list, units: count, improvement: decrease}
                  - {id: cancelled, measure: cancellation_rate, unit: {type: trust, code: RR8},
                     title: Cancellation rate, units: proportion, chart: pp, improvement: decrease}
                  - {id: lead_time, measure: lead_time_median_days, unit: {type: trust, code: RR8},
                     title: Median lead time, units: days, improvement: decrease}
                """);
        Files.writeString(home.resolve("pseudonym.key"), KEY + "\n");
        Finished first = run("first", "run", "--config", "kpo-demo.yaml", "--verbose");
        assertEquals(0, first.exitCode(), first.err());
        for (String file : STABLE) {
            baseline.put(file, Files.readAllBytes(month().resolve(file)));
        }
    }

    @Test
    @Order(1)
    void killedAtEveryStageTheOutputStaysWhole() throws Exception {
        // An empty curated store, so that the first kill lands while extracts are being curated.
        Folders.deleteTree(home.resolve("curated"));
        for (String stage : List.of("engine", "series", "write")) {
            Process p = kpo("kill-" + stage, "run", "--config", "kpo-demo.yaml");
            Path err = home.resolve("kill-" + stage + ".err");
            Path partial = home.resolve("out").resolve(".2025-10.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            // "write": killed while the outputs are being written; otherwise just after the stage's line.
            while (p.isAlive() && System.nanoTime() < deadline && !(stage.equals("write") ? Files.exists(partial)
                    : Files.readString(err).contains("kpo run: " + stage))) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "the run was still going after its " + stage + " stage: " + Files.readString(err));
            if (stage.equals("series")) {
                // SIGTERM, as cron's or systemd's stop sends: the run says it stopped, not that it broke.
                p.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended after SIGTERM");
                String said = Files.readString(err);
                assertFalse(said.contains("internal error") || said.contains("\tat "), said);
                assertTrue(said.contains("kpo: stopped, as the process was asked to end"), said);
            } else {
                p.destroyForcibly().waitFor();
            }
            assertSameAsTheFirstRun(month(), "a kill after " + stage);
        }
    }

    @Test
    @Order(2)
    void twoRunsAtOnceOneIsTurnedAwayAndTheOtherCompletesAfterTheKills() throws Exception {
        Process a = kpo("concurrent-a", "run", "--config", "kpo-demo.yaml");
        Process b = kpo("concurrent-b", "run", "--config", "kpo-demo.yaml");
        Finished first = finish("concurrent-a", a);
        Finished second = finish("concurrent-b", b);
        List<Integer> codes = List.of(first.exitCode(), second.exitCode());
        assertTrue(codes.contains(0) && codes.contains(1), "one ran, one was turned away: " + codes);
        String refused = first.exitCode() == 1 ? first.err() : second.err();
        assertTrue(refused.contains("another kpo run is using the curated store"), refused);
        assertFalse(refused.contains("\tat "), refused);
        assertFalse(Files.exists(home.resolve("out").resolve(".2025-10.partial")), "the killed run's leftover is gone");
        assertSameAsTheFirstRun(month(), "the kills, then two runs at once");
    }

    @Test
    @Order(3)
    void aCorruptExtractInTheMiddleOfAFolderStopsTheRunAndCuratesNothingOfIt() throws Exception {
        Path ptl;
        try (Stream<Path> files = Files.list(home.resolve("data").resolve("ptl"))) {
            List<Path> sorted = files.sorted().toList();
            ptl = sorted.get(sorted.size() / 2);
        }
        byte[] good = Files.readAllBytes(ptl);
        byte[] corrupt = good.clone();
        for (int i = 200; i < 260 && i < corrupt.length; i++) {
            corrupt[i] = (byte) (0x80 + i % 64); // not UTF-8: as if a copy was cut short or overwritten
        }
        Files.write(ptl, corrupt);
        try {
            Finished broken = run("corrupt", "run", "--config", "kpo-demo.yaml");
            assertEquals(3, broken.exitCode(), broken.err());
            assertTrue(broken.err().contains(ptl.getFileName().toString()), "the message names the file: "
                    + broken.err());
            assertFalse(broken.err().contains("\tat "), broken.err());
            assertSameAsTheFirstRun(month(), "a corrupt extract");
        } finally {
            Files.write(ptl, good);
        }
        Finished after = run("after-corrupt", "run", "--config", "kpo-demo.yaml", "--out", "after-corrupt");
        assertEquals(0, after.exitCode(), after.err());
        assertSameAsTheFirstRun(home.resolve("after-corrupt").resolve("2025-10"), "the store after a corrupt extract");
    }

    @Test
    @Order(4)
    void anOutputPathThatIsAFileIsOneSentenceBeforeAnyWork() throws Exception {
        Files.writeString(home.resolve("not-a-folder"), "a file where the output folder should be\n");
        Finished run = run("file-out", "run", "--config", "kpo-demo.yaml", "--out", "not-a-folder/reports");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot create the output folder"), run.err());
        assertFalse(run.err().contains("kpo run: ingest"), "no work was done first: " + run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    @Order(5)
    void theJarRunsUnderSparkSubmitWithTheSubmittedMasterAndTheSameBytes() throws Exception {
        // A store of its own, so that the submitted run has extracts to curate and starts its session.
        Files.writeString(home.resolve("kpo-submitted.yaml"), Files.readString(home.resolve("kpo-demo.yaml"))
                .replace("curated: curated", "curated: curated-submitted"));
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("kpo.jar"),
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                "--class", "kpo.jobs.Kpo", System.getProperty("kpo.jar"), "run", "--config", "kpo-submitted.yaml", "--out",
                "submitted"));
        Finished submitted = finish("submitted", start("submitted", command));
        assertEquals(0, submitted.exitCode(), submitted.err());
        assertTrue(submitted.err().contains("session on local[1]"), "the submitted master wins over the config's: "
                + submitted.err());
        assertTrue(Files.readString(home.resolve("submitted.out")).strip().endsWith("board-report.pdf"));
        assertSameAsTheFirstRun(home.resolve("submitted").resolve("2025-10"), "spark-submit");
    }

    @Test
    @Order(6)
    void aFullOrReadOnlyDiskFailsTheRunAndKeepsThePreviousOutput() throws Exception {
        Path disk = Files.createDirectories(home.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "a small file system cannot be mounted here (needs root and tmpfs)");
        try {
            // Last month's output on the small disk, then the disk filled to within 256 kB.
            Path previous = Files.createDirectories(disk.resolve("2025-10"));
            for (String file : STABLE) {
                Files.copy(month().resolve(file), previous.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
            long free = Files.getFileStore(disk).getUsableSpace();
            try (var out = Files.newOutputStream(disk.resolve("filler"))) {
                byte[] block = new byte[64 * 1024];
                for (long left = free - 256 * 1024; left > 0; left -= block.length) {
                    out.write(block);
                }
            }
            Finished full = run("disk-full", "run", "--config", "kpo-demo.yaml", "--out", disk.toString());
            assertEquals(1, full.exitCode(), full.err());
            assertTrue(full.err().contains("No space left on device"), full.err());
            assertFalse(full.err().contains("\tat "), full.err());
            assertSameAsTheFirstRun(previous, "a full disk");
            assertFalse(Files.exists(disk.resolve(".2025-10.partial")), "the half-written folder is cleared away");

            // The same disk mounted read-only: one sentence before any work, the previous pack untouched.
            Files.delete(disk.resolve("filler"));
            Process remount = new ProcessBuilder("mount", "-o", "remount,ro", disk.toString()).redirectErrorStream(true)
                    .start();
            assertTrue(remount.waitFor(30, TimeUnit.SECONDS) && remount.exitValue() == 0, "remounted read-only");
            Finished readOnly = run("read-only", "run", "--config", "kpo-demo.yaml", "--out", disk.toString());
            assertEquals(1, readOnly.exitCode(), readOnly.err());
            assertTrue(readOnly.err().contains("cannot write into the output folder " + disk), readOnly.err());
            assertFalse(readOnly.err().contains("kpo run: ingest"), "no work was done first: " + readOnly.err());
            assertFalse(readOnly.err().contains("\tat "), readOnly.err());
            assertSameAsTheFirstRun(previous, "a read-only output folder");
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(7)
    void noIdentifierOrKeyInAnythingPrintedOrWritten() throws Exception {
        Set<String> identifiers = identifiers(home.resolve("data"));
        assertTrue(identifiers.size() > 1000, "the extracts carry identifiers: " + identifiers.size());
        List<String> found = new ArrayList<>();
        List<Path> parquetFiles = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(home)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path relative = home.relativize(file);
                if (relative.startsWith("data") || relative.toString().equals("pseudonym.key")) {
                    continue; // the inputs themselves
                }
                String name = file.getFileName().toString();
                files++;
                if (name.endsWith(".parquet")) {
                    parquetFiles.add(file); // one by one: series.parquet sits beside the PDFs
                } else if (name.endsWith(".pdf")) {
                    scan(relative.toString(), pdfText(file), identifiers, found);
                } else if (!name.endsWith(".png") && !name.endsWith(".crc")) {
                    // Logs (.out, .err, Spark's log with --verbose), CSV, JSON, the ledger.
                    scan(relative.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                            identifiers, found);
                }
            }
        }
        assertTrue(files > 100, "the scan saw the logs, outputs and the curated store: " + files + " files");
        SparkSession spark = SparkSettings.forTests().session();
        for (Path file : parquetFiles) {
            List<String> strings = new ArrayList<>();
            var table = spark.read().parquet(file.toString());
            for (StructField field : table.schema().fields()) {
                if (field.dataType().equals(DataTypes.StringType)) {
                    for (Row r : table.select("`" + field.name() + "`").distinct().collectAsList()) {
                        if (!r.isNullAt(0)) {
                            strings.add(r.getString(0));
                        }
                    }
                }
            }
            scan(home.relativize(file).toString(), String.join("\n", strings), identifiers, found);
        }
        assertEquals(List.of(), found, "identifiers or the key found in what the job printed or wrote");
    }

    /** Every NHS number, pathway id and item id of the generated extracts. */
    private static Set<String> identifiers(Path data) throws IOException {
        Set<String> ids = new HashSet<>();
        Pattern id = Pattern.compile("\\b(999\\d{7}|[A-Z0-9]{3}\\d{9}|[A-Z]{2,3}\\d{8})\\b");
        try (Stream<Path> all = Files.walk(data)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    /** Looks for every identifier (10 to 12 characters long) at every place in the text, and the key. */
    private static void scan(String where, String text, Set<String> identifiers, List<String> found) {
        if (text.contains(KEY)) {
            found.add(where + ": the pseudonym key");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isDigit(c) || c >= 'A' && c <= 'Z')) {
                continue;
            }
            for (int length = 10; length <= 12 && i + length <= text.length(); length++) {
                if (identifiers.contains(text.substring(i, i + length))) {
                    // Only the first characters: the report itself must not spread what it found.
                    found.add(where + ": " + text.substring(i, i + 3) + "…");
                    return;
                }
            }
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            // The running header and footer are artifacts, which the extractor leaves out as a screen
            // reader does; renamed, they are scanned too.
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                String content = new String(reader.getPageContent(page), StandardCharsets.ISO_8859_1);
                reader.setPageContent(page, content.replace("/Artifact", "/Span").getBytes(StandardCharsets.ISO_8859_1));
            }
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
