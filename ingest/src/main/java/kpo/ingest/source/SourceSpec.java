package kpo.ingest.source;

import java.util.List;
import java.util.Locale;

/**
 * One source of a run: what it is, where its files are, and how they map onto the default schema.
 *
 * @param name the source's name in the config and in every report, e.g. {@code waiting_list}
 * @param kind which schema and rules apply
 * @param paths files, folders (every file of the format in them) or globs ({@code ptl/*.csv})
 * @param format {@code csv}, {@code parquet} or {@code json} (JSON lines)
 * @param mapping the trust's column names, date format and code values
 * @param maxRejectRate the share of rejected rows (0..1) above which the run stops
 */
public record SourceSpec(String name, SourceKind kind, List<String> paths, String format, SourceMapping mapping,
        double maxRejectRate) {

    public SourceSpec {
        paths = List.copyOf(paths);
        format = format.toLowerCase(Locale.ROOT);
        if (!List.of("csv", "parquet", "json").contains(format)) {
            throw new IllegalArgumentException("source '" + name + "': unknown format '" + format
                    + "'; expected csv, parquet or json");
        }
    }

    /** A CSV source in the default schema, stopping above 5% rejects. */
    public static SourceSpec csv(String name, SourceKind kind, String... paths) {
        return new SourceSpec(name, kind, List.of(paths), "csv", SourceMapping.NONE, 0.05);
    }

    public SourceSpec mapping(SourceMapping value) {
        return new SourceSpec(name, kind, paths, format, value, maxRejectRate);
    }

    public SourceSpec maxRejectRate(double value) {
        return new SourceSpec(name, kind, paths, format, mapping, value);
    }
}
