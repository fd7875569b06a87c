package kpo.ingest.read;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kpo.ingest.source.Field;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.RowReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.rdd.RDD;
import java.util.Iterator;

/**
 * Parquet sources: Spark reads the files, every column is taken as text so that the same
 * {@link RowReader} types and checks it, and the "line" of a rejection is the row's number in its
 * file (from 1, Spark's {@code _metadata.row_index} + 1), since Parquet has no lines. The rows
 * come out in Spark's internal form, ready for the source reader's table.
 */
final class ParquetRows {

    private ParquetRows() {
    }

    static JavaRDD<InternalRow> read(SparkSession spark, SourceSpec spec, List<Path> files, RowReader reader) {
        Dataset<Row> table = spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new));
        List<String> header = Arrays.stream(table.columns()).map(TextRows::key).toList();
        for (Path file : files) {
            SourceReader.checkColumns(spec, file.toString(), header, true);
        }
        List<Field> fields = spec.kind().fields();
        List<Column> raw = new ArrayList<>();
        for (Field f : fields) {
            String name = spec.mapping().headerOf(f.name());
            int at = header.indexOf(TextRows.key(name));
            raw.add(at < 0 ? org.apache.spark.sql.functions.lit(null).cast("string").as(f.name())
                    : col("`" + table.columns()[at] + "`").cast("string").as(f.name()));
        }
        // Parquet knows each row's index in its file: no sort is needed to number the rows.
        raw.add(col("_metadata.file_path").as("_source_file"));
        raw.add(col("_metadata.row_index").as("_row"));
        Dataset<Row> numbered = table.select(raw.toArray(Column[]::new));
        int n = fields.size();
        int width = kpo.ingest.spark.SparkRows.schema(spec.kind()).size();
        // Spark's own (vectorised) reader's internal rows, read in place: no external Row is built per row.
        RDD<InternalRow> scanned = ((org.apache.spark.sql.classic.Dataset<Row>) numbered).queryExecution().toRdd();
        return scanned.toJavaRDD().mapPartitions(in -> new Iterator<InternalRow>() {
            private UTF8String path;
            private UTF8String file;
            private String name;

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public InternalRow next() {
                InternalRow r = in.next();
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = r.isNullAt(i) ? null : r.getUTF8String(i).toString();
                }
                UTF8String at = r.getUTF8String(n);
                if (!at.equals(path)) { // a partition's rows come from one file, or from a few in turn
                    path = at.clone();
                    name = at.toString().replaceFirst("^file:", "");
                    file = UTF8String.fromString(name);
                }
                return kpo.ingest.spark.SparkRows.encode(reader.read(name, r.getLong(n + 1) + 1, values), width, file);
            }
        });
    }
}
