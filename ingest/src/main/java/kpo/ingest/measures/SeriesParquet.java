package kpo.ingest.measures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The series table as one Parquet file ({@code series.parquet}), written by the Parquet library
 * itself rather than by an engine, its footer in one order ({@link ParquetFooter}): the same rows
 * give the same bytes whichever engine computed them, and in every JVM.
 * Columns as {@link SeriesSql#COLUMNS}: text as UTF-8 strings, {@code period} a DATE, numbers
 * doubles, {@code seq} a 32-bit integer; every column optional.
 */
public final class SeriesParquet {

    static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("measure_id")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("unit_type")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("unit_code")
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("period")
            .optional(PrimitiveTypeName.DOUBLE).named("value")
            .optional(PrimitiveTypeName.DOUBLE).named("numerator")
            .optional(PrimitiveTypeName.DOUBLE).named("denominator")
            .optional(PrimitiveTypeName.INT32).named("seq")
            .named("series");

    private SeriesParquet() {
    }

    /** Writes {@code rows} to {@code file}, replacing it. */
    public static void write(List<SeriesRow> rows, Path file) throws IOException {
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        // A plain configuration: Hadoop's own would load and parse its defaults, a second and more in a cold JVM.
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (SeriesRow r : rows) {
                Group g = groups.newGroup();
                g.add("measure_id", r.measureId());
                g.add("unit_type", r.unitType());
                g.add("unit_code", r.unitCode());
                g.add("period", (int) r.period().toEpochDay());
                if (r.value() != null) {
                    g.add("value", r.value());
                }
                if (r.numerator() != null) {
                    g.add("numerator", r.numerator());
                }
                if (r.denominator() != null) {
                    g.add("denominator", r.denominator());
                }
                if (r.seq() != null) {
                    g.add("seq", r.seq());
                }
                writer.write(g);
            }
        }
        ParquetFooter.normalise(file);
    }
}
