package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar under {@code spark-submit}: the monthly job started through Spark's own submit entry
 * point ({@code org.apache.spark.deploy.SparkSubmit}, which the {@code spark-submit} script runs)
 * takes the master it is given, not the config's, and writes the same numbers as {@code java -jar}.
 * No cluster here, so the master is a local one; what differs on a cluster is where executors run.
 */
class KpoSparkSubmitIT {

    @TempDir
    Path home;

    private int run(List<String> command, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve(name + ".out").toFile()).redirectError(home.resolve(name + ".err").toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        return p.exitValue();
    }

    private List<String> javaJar(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private List<String> sparkSubmit(String master, String... args) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("kpo.jar"),
                "org.apache.spark.deploy.SparkSubmit", "--master", master, "--conf", "spark.ui.enabled=false",
                "--class", "kpo.jobs.Kpo", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private void resource(String name) throws IOException {
        try (InputStream in = KpoSparkSubmitIT.class.getResourceAsStream("/kpo/jobs/demo/" + name)) {
            Files.write(home.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void theJarRunsUnderSparkSubmitWithTheSubmittedMasterAndTheSameNumbers() throws Exception {
        assertEquals(0, run(javaJar("generate", "--out", "data", "--months", "13"), "generate"));
        resource("kpo-demo.yaml");
        resource("measures.yaml");
        Files.writeString(home.resolve("pseudonym.key"), "spark-submit test key, sixteen bytes or more\n");

        assertEquals(0, run(javaJar("run", "--config", "kpo-demo.yaml", "--out", "plain"), "plain"),
                Files.readString(home.resolve("plain.err")));
        assertTrue(Files.readString(home.resolve("plain.err")).contains("session on local[*]"));

        // A second curated store, so the submitted run ingests everything itself.
        String config = Files.readString(home.resolve("kpo-demo.yaml")).replace("curated: curated",
                "curated: curated-submitted");
        Files.writeString(home.resolve("kpo-demo.yaml"), config);
        assertEquals(0, run(sparkSubmit("local[1]", "run", "--config", "kpo-demo.yaml", "--out", "submitted"),
                "submitted"), Files.readString(home.resolve("submitted.err")));
        String progress = Files.readString(home.resolve("submitted.err"));
        assertTrue(progress.contains("session on local[1]"), "the submitted master wins over the config's: " + progress);
        assertTrue(Files.readString(home.resolve("submitted.out")).strip().endsWith("board-report.pdf"));

        Path plain = home.resolve("plain").resolve("2025-10");
        Path submitted = home.resolve("submitted").resolve("2025-10");
        for (String file : List.of("spc_points.csv", "spc_summary.json", "pack_measures.csv", "rejects.csv",
                "board-report.pdf")) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(file)), Files.readAllBytes(submitted.resolve(file)),
                    file + " is the same under spark-submit");
        }
    }
}
