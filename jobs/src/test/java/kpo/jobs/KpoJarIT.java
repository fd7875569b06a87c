package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: {@code java -jar kpo.jar ...}, in its own process. */
class KpoJarIT {

    @TempDir
    Path folder;

    private record Process(int exitCode, String out, String err) {
    }

    private Process kpo(String... args) throws IOException, InterruptedException {
        return java(List.of(), args);
    }

    private Process java(List<String> options, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options);
        command.addAll(List.of("-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        java.lang.Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "kpo did not finish");
        return new Process(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void helpAndVersion() throws Exception {
        Process help = kpo("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("spc"));
        Process version = kpo("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("kpo 0."), version.out());
    }

    @Test
    void chartsAReferenceCase() throws Exception {
        Path input = Path.of(System.getProperty("kpo.shared.dir"), "reference", "cases", "ptd_waiting_list_step_weekly.json");
        Process run = kpo("spc", "--input", input.toString(), "--rules", "ptd", "--improvement", "decrease",
                "--target", "212", "--format", "text");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("variation improvement_low, assurance fail"), run.out());
    }

    @Test
    void badDataExitsThreeWithoutAStackTrace() throws Exception {
        Path input = folder.resolve("bad.csv");
        Files.writeString(input, "period,value\n2024-01-01,12\n2024-02-01,NaN\n", StandardCharsets.UTF_8);
        Process run = kpo("spc", "--input", input.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("bad.csv:3: value:"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownOptionExitsTwo() throws Exception {
        Process run = kpo("spc", "--input", "x.csv", "--chart", "pie");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown chart 'pie'"), run.err());
    }

    /**
     * {@code kpo spc}, {@code kpo validate} and a run on the embedded engine never start Spark: the JVM
     * loads no class of Spark's core (its SparkContext), as the JVM's own class-loading log shows.
     */
    @Test
    void spcValidateAndTheEmbeddedRunStartNoSpark() throws Exception {
        Path reference = Path.of(System.getProperty("kpo.shared.dir"), "reference", "cases",
                "ptd_waiting_list_step_weekly.json");
        assertEquals(0, kpo("generate", "--out", folder.resolve("data").toString(), "--months", "13").exitCode());
        Files.writeString(folder.resolve("pseudonym.key"), "a jar test key, thirty-two bytes!\n");
        Files.writeString(folder.resolve("kpo.yaml"), """
                trust: {code: RR8, name: Jar test trust}
                privacy: {key_file: pseudonym.key}
                sources:
                  - {name: waiting_list, kind: waiting_list, paths: [data/ptl], max_reject_rate: 0.01}
                measures:
                  - {id: trust_list, measure: wl_size, unit: {type: trust, code: RR8}, title: Waiting list}
                """);
        List<String> logClasses = List.of("-Xlog:class+load=info:file=" + folder.resolve("classes.log"));
        for (String[] args : List.of(new String[] {"spc", "--input", reference.toString(), "--rules", "ptd"},
                new String[] {"validate", "--config", folder.resolve("kpo.yaml").toString()},
                new String[] {"run", "--config", folder.resolve("kpo.yaml").toString(), "--quiet"})) {
            Process run = java(logClasses, args);
            assertEquals(0, run.exitCode(), args[0] + ": " + run.err());
            String loaded = Files.readString(folder.resolve("classes.log"));
            assertTrue(loaded.contains("kpo.jobs.Kpo "), "the log holds the classes loaded");
            assertFalse(loaded.contains("org.apache.spark.SparkContext "), "kpo " + args[0] + " started Spark");
        }
    }
}
