package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar on a real Spark standalone cluster of its own JVMs on 127.0.0.1: a master and two
 * workers started from the project's jar (laid out as a Spark distribution: a {@code RELEASE} file
 * and {@code jars/} holding the jar), executors in their own JVMs, the job submitted through Spark's
 * submit entry point with the demo's config and an empty curated store. The cluster curates from
 * nothing and writes the embedded engine's bytes. Every process this test starts is stopped by its
 * id when it ends.
 */
class SparkClusterIT {

    @TempDir
    static Path home;

    private static final List<Process> started = new ArrayList<>();
    private static int masterPort;
    private static int masterUi;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A JVM on the jar with Spark's module flags, in the Spark home's environment. */
    private static Process java(String name, Path sparkHome, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-Djava.awt.headless=true", "-cp", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve(name + ".out").toFile()).redirectError(home.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = builder.start();
        started.add(p);
        return p;
    }

    @BeforeAll
    static void aMasterAndTwoWorkers() throws Exception {
        Path sparkHome = Files.createDirectories(home.resolve("spark"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark from kpo's jar, for a test cluster\n");
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createSymbolicLink(sparkHome.resolve("jars").resolve("kpo.jar"), Path.of(System.getProperty("kpo.jar")));
        masterPort = freePort();
        masterUi = freePort();
        java("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi));
        for (int w = 1; w <= 2; w++) {
            java("worker-" + w, sparkHome, "org.apache.spark.deploy.worker.Worker", "spark://127.0.0.1:" + masterPort,
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", Files.createDirectories(home.resolve("work-" + w)).toString());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String state = "";
        while (System.nanoTime() < deadline) {
            try (InputStream in = URI.create("http://127.0.0.1:" + masterUi + "/json/").toURL().openStream()) {
                state = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (state.split("\"ALIVE\"", -1).length - 1 >= 3) { // the master's own status and two workers
                    return;
                }
            } catch (IOException notYet) {
                // the master is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the cluster did not come up with two workers: " + state + "\n"
                + Files.readString(home.resolve("master.err")));
    }

    @AfterAll
    static void stopEverythingStarted() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theClusterCuratesFromNothingAndWritesTheEmbeddedEnginesBytes() throws Exception {
        Process generate = java("generate", home, "kpo.jobs.Kpo", "generate", "--out", "data", "--months", "13");
        assertTrue(generate.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, generate.exitValue(), Files.readString(home.resolve("generate.err")));
        String config;
        try (InputStream in = SparkClusterIT.class.getResourceAsStream("/kpo/jobs/demo/kpo-demo.yaml")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (InputStream in = SparkClusterIT.class.getResourceAsStream("/kpo/jobs/demo/measures.yaml")) {
            Files.write(home.resolve("measures.yaml"), in.readAllBytes());
        }
        Files.writeString(home.resolve("pseudonym.key"), "a cluster test key, 32 bytes long!\n");
        Files.writeString(home.resolve("embedded.yaml"), config.replace("curated: curated", "curated: curated-embedded")
                .replace("output: out", "output: out-embedded"));
        Files.writeString(home.resolve("cluster.yaml"), config.replace("curated: curated", "curated: curated-cluster")
                .replace("output: out", "output: out-cluster"));

        Process embedded = java("embedded", home, "kpo.jobs.Kpo", "run", "--config", "embedded.yaml", "--quiet");
        assertTrue(embedded.waitFor(600, TimeUnit.SECONDS));
        assertEquals(0, embedded.exitValue(), Files.readString(home.resolve("embedded.err")));

        Process submitted = java("submitted", home, "org.apache.spark.deploy.SparkSubmit", "--master",
                "spark://127.0.0.1:" + masterPort, "--conf", "spark.ui.enabled=false", "--conf",
                "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=768m", "--class", "kpo.jobs.Kpo",
                System.getProperty("kpo.jar"), "run", "--config", "cluster.yaml");
        assertTrue(submitted.waitFor(900, TimeUnit.SECONDS), "the cluster run did not finish");
        String err = Files.readString(home.resolve("submitted.err"));
        assertEquals(0, submitted.exitValue(), err);
        assertTrue(err.contains("spark: session on spark://127.0.0.1:" + masterPort), err);
        assertTrue(err.contains("13 of 13 extracts new"), "curated from nothing: " + err);
        assertTrue(Files.readString(home.resolve("submitted.out")).strip().endsWith("board-report.pdf"));
        String executors = Files.list(home.resolve("work-1")).findAny().isPresent()
                || Files.list(home.resolve("work-2")).findAny().isPresent() ? "ran" : "none";
        assertEquals("ran", executors, "executors ran in the workers' own JVMs");

        Path a = monthOf(home.resolve("out-embedded"));
        Path b = monthOf(home.resolve("out-cluster"));
        List<Path> files;
        try (Stream<Path> all = Files.walk(a)) {
            files = all.filter(Files::isRegularFile).map(a::relativize).filter(f -> !f.toString().equals("manifest.json"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 20, files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)),
                    f + " is the same bytes from the cluster");
        }
    }

    private static Path monthOf(Path out) throws IOException {
        try (Stream<Path> months = Files.list(out)) {
            return months.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}")).findFirst().orElseThrow();
        }
    }
}
