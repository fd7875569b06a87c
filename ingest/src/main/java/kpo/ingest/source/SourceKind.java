package kpo.ingest.source;

import static kpo.ingest.source.Field.identifier;
import static kpo.ingest.source.Field.optional;
import static kpo.ingest.source.Field.required;

import java.util.ArrayList;
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
            optional("list_type", FieldType.TEXT)), List.of(
            new Rule.NotAfterAsOf("snapshot_date"),
            new Rule.OdsCode("trust_code", 3), new Rule.NamedTrust("trust_code"),
            new Rule.OdsCode("site_code", 5), new Rule.SiteOfTrust("site_code", "trust_code"),
            new Rule.TreatmentFunction("specialty"),
            new Rule.ValidNhsNumber("nhs_number"),
            new Rule.NotAfter("clock_start_date", "snapshot_date", Reason.CLOCK_START_AFTER_SNAPSHOT),
            new Rule.MaxDuration("clock_start_date", "snapshot_date", Rule.MaxDuration.TEN_YEARS),
            new Rule.AllowedCodes("priority", List.of("P1a", "P1b", "P2", "P3", "P4", "P5", "P6"), null),
            new Rule.AllowedCodes("list_type", List.of("rtt", "diagnostic", "planned"), "rtt"),
            new Rule.UniqueWithinExtract(List.of("snapshot_date", "trust_code", "pathway_id"), "pathway_id"))),
    /** Scheduled procedures, one row per scheduled case, with cancellations. */
    CANCELLATIONS("scheduled_date", List.of(
            required("trust_code", FieldType.CODE), optional("site_code", FieldType.CODE),
            optional("csu", FieldType.TEXT), required("specialty", FieldType.CODE),
            optional("procedure", FieldType.TEXT), required("scheduled_date", FieldType.DATE),
            required("status", FieldType.TEXT), optional("cancelled_date", FieldType.DATE),
            optional("reason", FieldType.TEXT), optional("cancelled_by", FieldType.TEXT),
            optional("avoidable", FieldType.BOOLEAN), optional("last_minute", FieldType.BOOLEAN),
            optional("rebooked_date", FieldType.DATE)), List.of(
            new Rule.OdsCode("trust_code", 3), new Rule.NamedTrust("trust_code"),
            new Rule.OdsCode("site_code", 5), new Rule.SiteOfTrust("site_code", "trust_code"),
            new Rule.TreatmentFunction("specialty"),
            new Rule.AllowedCodes("status", List.of("done", "cancelled"), null),
            new Rule.When("status", "done", new Rule.NotAfterAsOf("scheduled_date")),
            new Rule.When("status", "cancelled", new Rule.Required("cancelled_date")),
            new Rule.NotAfterAsOf("cancelled_date"),
            new Rule.AllowedCodes("cancelled_by", List.of("hospital", "patient"), null),
            new Rule.NotBefore("rebooked_date", "cancelled_date", Reason.END_BEFORE_START))),
    /** Items through a process with start and end timestamps. */
    LEAD_TIMES("end_ts", List.of(
            required("process", FieldType.TEXT), identifier("item_id", true),
            optional("trust_code", FieldType.CODE), optional("site_code", FieldType.CODE),
            optional("csu", FieldType.TEXT), optional("specialty", FieldType.CODE),
            required("start_ts", FieldType.TIMESTAMP), required("end_ts", FieldType.TIMESTAMP)), List.of(
            new Rule.OdsCode("trust_code", 3), new Rule.NamedTrust("trust_code"),
            new Rule.OdsCode("site_code", 5), new Rule.SiteOfTrust("site_code", "trust_code"),
            new Rule.TreatmentFunction("specialty"),
            new Rule.NotAfterAsOf("end_ts"),
            new Rule.NotBefore("end_ts", "start_ts", Reason.END_BEFORE_START),
            new Rule.MaxDuration("end_ts", "start_ts", Rule.MaxDuration.TEN_YEARS))),
    /** Measures already aggregated elsewhere. */
    MEASURES("period", List.of(
            required("period", FieldType.DATE), required("unit_code", FieldType.TEXT),
            required("measure_id", FieldType.TEXT), required("value", FieldType.DECIMAL),
            optional("denominator", FieldType.DECIMAL)), List.of(
            new Rule.NotAfterAsOf("period")));

    private final String periodField;
    private final List<Field> fields;
    private final List<Rule> rules;

    SourceKind(String periodField, List<Field> fields, List<Rule> betweenFields) {
        this.periodField = periodField;
        this.fields = fields;
        List<Rule> all = new ArrayList<>();
        for (Field f : fields) {
            if (f.required()) {
                all.add(new Rule.Required(f.name()));
            }
            switch (f.type()) {
                case DATE, TIMESTAMP -> {
                    all.add(new Rule.ValidDate(f.name(), f.type() == FieldType.TIMESTAMP));
                    all.add(new Rule.PlausibleDate(f.name()));
                }
                case DECIMAL -> all.add(new Rule.PlainNumber(f.name()));
                case BOOLEAN -> all.add(new Rule.YesNo(f.name()));
                case TEXT, CODE -> {
                }
            }
        }
        all.addAll(betweenFields);
        this.rules = List.copyOf(all);
    }

    /**
     * The source's rules in the order they run: each field required (where it is) and typed, in
     * field order, then the rules between fields as declared. The first a row fails rejects it.
     */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule that spans a source's rows (a pathway once per snapshot of an extract), if it has one. */
    public Optional<Rule.UniqueWithinExtract> uniqueKey() {
        return rules.stream().filter(Rule.UniqueWithinExtract.class::isInstance)
                .map(Rule.UniqueWithinExtract.class::cast).findFirst();
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
