package kpo.ingest.source;

import static kpo.ingest.source.Field.identifier;
import static kpo.ingest.source.Field.optional;
import static kpo.ingest.source.Field.required;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The first-class sources and their default schemas (DESIGN.md, "Input sources"): files with
 * exactly these headers load with no mapping.
 */
public enum SourceKind {
    /** Waiting-list snapshots (PTL): one row per open pathway per snapshot date. */
    WAITING_LIST("snapshot_date", List.of(
            required("snapshot_date", FieldType.DATE), required("trust_code", FieldType.CODE),
            optional("site_code", FieldType.CODE), optional("csu", FieldType.TEXT),
            required("specialty", FieldType.CODE), identifier("pathway_id", true), identifier("nhs_number", false),
            required("clock_start_date", FieldType.DATE), optional("priority", FieldType.TEXT),
            optional("list_type", FieldType.TEXT))),
    /** Scheduled procedures, one row per scheduled case, with cancellations. */
    CANCELLATIONS("scheduled_date", List.of(
            required("trust_code", FieldType.CODE), optional("site_code", FieldType.CODE),
            optional("csu", FieldType.TEXT), required("specialty", FieldType.CODE),
            optional("procedure", FieldType.TEXT), required("scheduled_date", FieldType.DATE),
            required("status", FieldType.TEXT), optional("cancelled_date", FieldType.DATE),
            optional("reason", FieldType.TEXT), optional("cancelled_by", FieldType.TEXT),
            optional("avoidable", FieldType.BOOLEAN), optional("last_minute", FieldType.BOOLEAN),
            optional("rebooked_date", FieldType.DATE))),
    /** Items through a process with start and end timestamps. */
    LEAD_TIMES("end_ts", List.of(
            required("process", FieldType.TEXT), identifier("item_id", true),
            optional("trust_code", FieldType.CODE), optional("site_code", FieldType.CODE),
            optional("csu", FieldType.TEXT), optional("specialty", FieldType.CODE),
            required("start_ts", FieldType.TIMESTAMP), required("end_ts", FieldType.TIMESTAMP))),
    /** Measures already aggregated elsewhere. */
    MEASURES("period", List.of(
            required("period", FieldType.DATE), required("unit_code", FieldType.TEXT),
            required("measure_id", FieldType.TEXT), required("value", FieldType.DECIMAL),
            optional("denominator", FieldType.DECIMAL)));

    private final String periodField;
    private final List<Field> fields;

    SourceKind(String periodField, List<Field> fields) {
        this.periodField = periodField;
        this.fields = fields;
    }

    /** The config name, e.g. {@code waiting_list}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> fromCode(String code) {
        for (SourceKind kind : values()) {
            if (kind.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public List<Field> fields() {
        return fields;
    }

    /** The field whose month partitions the curated table. */
    public String periodField() {
        return periodField;
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code() + " has no field " + name));
    }

    /** Whether rows can carry patient identifiers, so that a pseudonym key is needed. */
    public boolean hasIdentifiers() {
        return fields.stream().anyMatch(Field::identifier);
    }
}
