package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job killed in the middle, as a process: the previous month's output stays whole, and
 * the next run completes with the same files.
 */
class KpoRunKillIT {

    @TempDir
    Path home;

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile()).redirectError(home.resolve("stderr.txt").toFile())
                .start();
    }

    private int run(String... args) throws Exception {
        Process p = start(args);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "kpo " + args[0] + " did not finish");
        return p.exitValue();
    }

    private void resource(String name) throws IOException {
        try (InputStream in = KpoRunKillIT.class.getResourceAsStream("/kpo/jobs/demo/" + name)) {
            Files.write(home.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void aKilledRunLeavesThePreviousOutputAndTheNextRunCompletes() throws Exception {
        assertEquals(0, run("generate", "--out", "data", "--months", "13"));
        resource("kpo-demo.yaml");
        resource("measures.yaml");
        Files.writeString(home.resolve("pseudonym.key"), "kill test key, at least sixteen bytes\n");
        assertEquals(0, run("run", "--config", "kpo-demo.yaml", "--quiet"), Files.readString(home.resolve("stderr.txt")));
        Path month = home.resolve("out").resolve("2025-10");
        byte[] pack = Files.readAllBytes(month.resolve("board-report.pdf"));
        byte[] points = Files.readAllBytes(month.resolve("spc_points.csv"));

        Process second = start("run", "--config", "kpo-demo.yaml");
        Path partial = home.resolve("out").resolve(".2025-10.partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(partial) && System.nanoTime() < deadline && second.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(partial), "the run reached its output stage");
        second.destroyForcibly().waitFor();
        assertArrayEquals(pack, Files.readAllBytes(month.resolve("board-report.pdf")), "the previous pack is untouched");
        assertArrayEquals(points, Files.readAllBytes(month.resolve("spc_points.csv")));

        assertEquals(0, run("run", "--config", "kpo-demo.yaml", "--quiet"), Files.readString(home.resolve("stderr.txt")));
        assertFalse(Files.exists(partial), "the leftover of the killed run is gone");
        assertArrayEquals(pack, Files.readAllBytes(month.resolve("board-report.pdf")), "the same inputs, the same pack");
        assertArrayEquals(points, Files.readAllBytes(month.resolve("spc_points.csv")));
    }
}
