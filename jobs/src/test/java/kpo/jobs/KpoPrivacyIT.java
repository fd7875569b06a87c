package kpo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kpo.ingest.spark.SparkSettings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No patient identifier leaves the job: the monthly job runs as a process over extracts carrying
 * NHS numbers, pathway ids and item ids (with Spark's own log on, and twice more to fail: a
 * reject-rate stop and a missing source), then every file it wrote (CSV, JSON, the PDFs' text,
 * every string of every Parquet table, curated store and rejects included) and everything it
 * printed is searched for each identifier of the inputs and for the pseudonym key.
 */
class KpoPrivacyIT {

    private static final String KEY = "privacy test key: never to be printed 7f3a";

    @TempDir
    Path home;

    private String run(String name, int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("kpo.jar")));
        command.addAll(List.of(args));
        Path log = home.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        String printed = Files.readString(log);
        assertEquals(expectedExit, p.exitValue(), printed);
        return printed;
    }

    @Test
    void noIdentifierReachesAnOutputALogOrAnErrorMessage() throws Exception {
        run("generate", 0, "generate", "--out", "data", "--months", "13");
        for (String name : List.of("kpo-demo.yaml", "measures.yaml")) {
            try (InputStream in = KpoPrivacyIT.class.getResourceAsStream("/kpo/jobs/demo/" + name)) {
                Files.write(home.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(home.resolve("pseudonym.key"), KEY + "\n");
        Set<String> identifiers = identifiers(home.resolve("data"));
        assertTrue(identifiers.size() > 1000, "the extracts carry identifiers: " + identifiers.size());

        StringBuilder printed = new StringBuilder();
        printed.append(run("run", 0, "run", "--config", "kpo-demo.yaml", "--verbose"));
        printed.append(run("validate", 0, "validate", "--config", "kpo-demo.yaml"));
        String strict = Files.readString(home.resolve("kpo-demo.yaml")).replace("max_reject_rate: 0.01",
                "max_reject_rate: 0.0001").replace("curated: curated", "curated: curated-strict");
        Files.writeString(home.resolve("strict.yaml"), strict);
        String stopped = run("strict", 3, "run", "--config", "strict.yaml", "--out", "out-strict", "--verbose");
        assertTrue(stopped.contains("rejected"), stopped);
        printed.append(stopped);
        Files.writeString(home.resolve("missing.yaml"), strict.replace("paths: [data/ptl]", "paths: [data/gone]"));
        printed.append(run("missing", 3, "run", "--config", "missing.yaml", "--out", "out-missing"));

        List<String> found = new ArrayList<>();
        scan("what the job printed", printed.toString(), identifiers, found);
        List<Path> parquetFolders = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(home.resolve("out"), home.resolve("curated"), home.resolve("curated-strict"))) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    files++;
                    if (name.endsWith(".parquet")) {
                        parquetFolders.add(file.getParent());
                    } else if (name.endsWith(".pdf")) {
                        scan(file.toString(), pdfText(file), identifiers, found);
                    } else if (!name.endsWith(".png") && !name.endsWith(".crc")) {
                        scan(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                                identifiers, found);
                    }
                }
            }
        }
        assertTrue(files > 50, "the scan saw the outputs and the curated store: " + files + " files");
        SparkSession spark = SparkSettings.forTests().session();
        for (Path file : parquetFolders.stream().distinct().toList()) {
            List<String> strings = new ArrayList<>();
            var table = spark.read().parquet(file.toString());
            for (StructField field : table.schema().fields()) {
                if (field.dataType().equals(DataTypes.StringType)) {
                    for (Row r : table.select(field.name()).distinct().collectAsList()) {
                        if (!r.isNullAt(0)) {
                            strings.add(r.getString(0));
                        }
                    }
                }
            }
            scan(file.toString(), String.join("\n", strings), identifiers, found);
        }
        assertEquals(List.of(), found, "identifiers or the key found in the outputs");
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
                String candidate = text.substring(i, i + length);
                if (identifiers.contains(candidate)) {
                    // Only the first characters: the report itself must not spread what it found.
                    found.add(where + ": " + candidate.substring(0, 3) + "…");
                    return;
                }
            }
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
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
