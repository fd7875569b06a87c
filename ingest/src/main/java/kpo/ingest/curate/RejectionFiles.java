package kpo.ingest.curate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kpo.ingest.IngestException;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;

/**
 * A source's kept rejections read straight from their Parquet files ({@code file, line, column,
 * value, reason} under {@code extract=…/}), whichever engine wrote them, with no engine: a run that
 * curates nothing new still lists every rejection in {@code rejects.csv} without starting one.
 */
final class RejectionFiles {

    private RejectionFiles() {
    }

    /** Every rejection under {@code folder}, in file and line order. */
    static List<Rejection> read(String source, Path folder) {
        List<Rejection> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new IngestException(folder + " cannot be listed: " + e.getMessage());
        }
        for (Path file : files) {
            try (ParquetReader<Group> reader = new GroupReader(file).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    out.add(new Rejection(source, text(g, "file"), g.getLong("line", 0), text(g, "column"),
                            text(g, "value"), Reason.fromCode(text(g, "reason")).orElseThrow(() ->
                                    new IngestException(file + " holds a reason this version does not know"))));
                }
            } catch (IOException e) {
                throw new IngestException("the rejections of source '" + source + "' cannot be read from " + file
                        + ": " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing(Rejection::file).thenComparingLong(Rejection::line));
        return out;
    }

    private static String text(Group g, String field) {
        return g.getFieldRepetitionCount(field) == 0 ? null : g.getString(field, 0);
    }

    /** Parquet's group reader on a local file, with a plain configuration (Hadoop's loads its defaults first). */
    private static final class GroupReader extends ParquetReader.Builder<Group> {

        GroupReader(Path file) {
            super(new LocalInputFile(file), new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
