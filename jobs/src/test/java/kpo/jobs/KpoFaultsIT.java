package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job as a process, under the faults a scheduled job meets: killed at every stage,
 * two runs at once, a corrupt extract in the middle of a folder, an output path that is a file,
 * a full disk. After each, the previous month's output is whole and the next clean run writes the
 * same bytes as the first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpoFaultsIT {

    /** The outputs that must be byte for byte the same run after run ({@code manifest.json} has timings). */
    private static final List<String> STABLE = List.of("board-report.pdf", "spc_points.csv", "spc_summary.json",
            "series.parquet", "rejects.csv", "pack_measures.csv");

    @TempDir
    static Path home;

    private static final Map<String, byte[]> baseline = new LinkedHashMap<>();

    private record Finished(int exitCode, String err) {
    }

    private static Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve(name + ".out").toFile()).redirectError(home.resolve(name + ".err").toFile())
                .start();
    }

    private static Finished finish(String name, Process p) throws Exception {
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        return new Finished(p.exitValue(), Files.readString(home.resolve(name + ".err")));
    }

    private static Finished run(String name, String... args) throws Exception {
        return finish(name, start(name, args));
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    private static void assertPreviousOutputIsWhole(String after) throws IOException {
        for (String file : STABLE) {
            assertArrayEquals(baseline.get(file), Files.readAllBytes(month().resolve(file)), file + " after " + after);
        }
    }

    @BeforeAll
    static void aFirstGoodRun() throws Exception {
        assertEquals(0, run("generate", "generate", "--out", "data", "--months", "13").exitCode());
        for (String name : List.of("kpo-demo.yaml", "measures.yaml")) {
            try (InputStream in = KpoFaultsIT.class.getResourceAsStream("/kpo/jobs/demo/" + name)) {
                Files.write(home.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(home.resolve("pseudonym.key"), "faults test key, at least sixteen bytes\n");
        Finished first = run("first", "run", "--config", "kpo-demo.yaml");
        assertEquals(0, first.exitCode(), first.err());
        for (String file : STABLE) {
            baseline.put(file, Files.readAllBytes(month().resolve(file)));
        }
    }

    @Test
    @Order(1)
    void killedAtEveryStageTheOutputStaysWholeAndTheNextRunIsTheSame() throws Exception {
        // An empty curated store, so that the first kills land while extracts are being curated.
        deleteTree(home.resolve("curated"));
        for (String stage : List.of("spark", "ingest", "series", "spc", "report", "write")) {
            Process p = start("kill-" + stage, "run", "--config", "kpo-demo.yaml");
            Path err = home.resolve("kill-" + stage + ".err");
            Path partial = home.resolve("out").resolve(".2025-10.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            // "write": killed while the outputs are being written; otherwise just after the stage's line.
            while (p.isAlive() && System.nanoTime() < deadline && !(stage.equals("write") ? Files.exists(partial)
                    : Files.readString(err).contains("kpo run: " + stage))) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "the run was still going after its " + stage + " stage: " + Files.readString(err));
            p.destroyForcibly().waitFor();
            assertPreviousOutputIsWhole("a kill after " + stage);
        }
        Finished again = run("after-kills", "run", "--config", "kpo-demo.yaml");
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.exists(home.resolve("out").resolve(".2025-10.partial")), "the killed run's leftover is gone");
        assertPreviousOutputIsWhole("the run after the kills");
    }

    @Test
    @Order(2)
    void twoRunsAtOnceOneWaitsItsTurn() throws Exception {
        Process a = start("concurrent-a", "run", "--config", "kpo-demo.yaml");
        Process b = start("concurrent-b", "run", "--config", "kpo-demo.yaml");
        Finished first = finish("concurrent-a", a);
        Finished second = finish("concurrent-b", b);
        List<Integer> codes = List.of(first.exitCode(), second.exitCode());
        assertTrue(codes.contains(0) && codes.contains(1), "one ran, one was turned away: " + codes);
        String refused = first.exitCode() == 1 ? first.err() : second.err();
        assertTrue(refused.contains("another kpo run is using the curated store"), refused);
        assertFalse(refused.contains("\tat "), refused);
        assertPreviousOutputIsWhole("two runs at once");
    }

    @Test
    @Order(3)
    void aCorruptExtractInTheMiddleOfAFolderStopsTheRunAndLosesNothing() throws Exception {
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
            assertPreviousOutputIsWhole("a corrupt extract");
        } finally {
            Files.write(ptl, good);
        }
        Finished mended = run("mended", "run", "--config", "kpo-demo.yaml", "--quiet");
        assertEquals(0, mended.exitCode(), mended.err());
        assertPreviousOutputIsWhole("the extract was mended");
    }

    @Test
    @Order(4)
    void anOutputPathThatIsAFileIsOneSentence() throws Exception {
        Files.writeString(home.resolve("not-a-folder"), "a file where the output folder should be\n");
        Finished run = run("file-out", "run", "--config", "kpo-demo.yaml", "--out", "not-a-folder/reports");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot create the output folder"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    @Order(5)
    void aFullDiskFailsTheRunAndKeepsThePreviousOutput() throws Exception {
        Path disk = Files.createDirectories(home.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "a small file system cannot be mounted here (needs root and tmpfs)");
        try {
            Finished first = run("disk-first", "run", "--config", "kpo-demo.yaml", "--out", disk.toString(), "--quiet");
            assertEquals(0, first.exitCode(), first.err());
            Path previous = disk.resolve("2025-10");
            byte[] pack = Files.readAllBytes(previous.resolve("board-report.pdf"));
            // Fill the disk to within a few hundred kilobytes: the next run cannot write its pack.
            long free = Files.getFileStore(disk).getUsableSpace();
            try (var out = Files.newOutputStream(disk.resolve("filler"))) {
                byte[] block = new byte[64 * 1024];
                for (long left = free - 256 * 1024; left > 0; left -= block.length) {
                    out.write(block);
                }
            }
            Finished full = run("disk-full", "run", "--config", "kpo-demo.yaml", "--out", disk.toString());
            assertEquals(1, full.exitCode(), full.err());
            assertTrue(full.err().contains("No space left on device") || full.err().contains("cannot write"),
                    full.err());
            assertFalse(full.err().contains("\tat "), full.err());
            assertArrayEquals(pack, Files.readAllBytes(previous.resolve("board-report.pdf")), "the previous pack");
            assertFalse(Files.exists(disk.resolve(".2025-10.partial")), "the half-written folder is cleared away");
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
