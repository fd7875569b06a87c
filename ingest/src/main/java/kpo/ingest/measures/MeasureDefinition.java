package kpo.ingest.measures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import kpo.ingest.source.SourceKind;

/**
 * A measure: which rows, how they aggregate, for which units and how often. Expressions are Spark
 * SQL over the curated columns of the source (e.g. {@code procedure = 'bronchoscopy'},
 * {@code cancelled AND avoidable}, {@code days_waiting >= 365}).
 *
 * @param id the measure id, e.g. {@code wl_52_plus}
 * @param title what a board reads, e.g. "Patients waiting 52 weeks or more"
 * @param source the curated table it is computed from
 * @param aggregate how rows become a value
 * @param filter which rows count at all (null for all)
 * @param numerator for {@link Aggregate#RATE}: the condition of the numerator
 * @param value for sums, means, percentiles and individual values: the expression aggregated (or,
 *     for {@link Aggregate#EACH}, charted row by row)
 * @param percentile for percentiles: p in 0..1
 * @param units the unit types it is reported for
 * @param frequency {@code weekly} or {@code monthly} (individual values have none: they are dated
 *     by their events)
 * @param pareto a text column of the source whose values are the reasons behind the measure's rows
 *     (a rate's numerator rows), shown as a Pareto on its commitment's A3 (e.g. {@code reason} for
 *     cancellations); null for none
 */
public record MeasureDefinition(String id, String title, SourceKind source, Aggregate aggregate, String filter,
        String numerator, String value, Double percentile, List<UnitType> units, String frequency, String pareto) {

    /** A measure with no Pareto of reasons. */
    public MeasureDefinition(String id, String title, SourceKind source, Aggregate aggregate, String filter,
            String numerator, String value, Double percentile, List<UnitType> units, String frequency) {
        this(id, title, source, aggregate, filter, numerator, value, percentile, units, frequency, null);
    }

    public MeasureDefinition {
        units = List.copyOf(units);
        frequency = frequency == null ? "monthly" : frequency.toLowerCase(Locale.ROOT);
        if (!frequency.equals("monthly") && !frequency.equals("weekly")) {
            throw new IllegalArgumentException("measure '" + id + "': frequency '" + frequency
                    + "'; expected weekly or monthly");
        }
        if (aggregate == Aggregate.RATE && numerator == null) {
            throw new IllegalArgumentException("measure '" + id + "': a rate needs a numerator condition");
        }
        if ((aggregate == Aggregate.SUM || aggregate == Aggregate.MEAN || aggregate == Aggregate.MEDIAN
                || aggregate == Aggregate.PERCENTILE || aggregate == Aggregate.EACH) && value == null) {
            throw new IllegalArgumentException("measure '" + id + "': a " + aggregate.code()
                    + " needs a value expression");
        }
        if ((aggregate == Aggregate.PERCENTILE || aggregate == Aggregate.BAND_PERCENTILE)
                && (percentile == null || percentile <= 0 || percentile >= 1)) {
            throw new IllegalArgumentException("measure '" + id + "': a percentile needs p between 0 and 1");
        }
        if (aggregate == Aggregate.BAND_PERCENTILE && source != SourceKind.WAITING_LIST) {
            throw new IllegalArgumentException("measure '" + id + "': band percentiles apply to the waiting list");
        }
        if (aggregate == Aggregate.EACH && source != SourceKind.WAITING_LIST && source != SourceKind.LEAD_TIMES) {
            throw new IllegalArgumentException("measure '" + id + "': individual values (each) come from the "
                    + "waiting list (in order of referral) or lead times (in order of completion)");
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("measure '" + id + "': name at least one unit type");
        }
        if (pareto != null && !pareto.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("measure '" + id + "': pareto '" + pareto + "'; expected the name of "
                    + "a text column of its source, e.g. reason");
        }
        if (pareto != null && (source == SourceKind.MEASURES || aggregate == Aggregate.EACH
                || aggregate == Aggregate.BAND_PERCENTILE)) {
            throw new IllegalArgumentException("measure '" + id + "': a Pareto of reasons counts the rows of a "
                    + "count, rate, sum, mean, median or percentile measure");
        }
        if (pareto != null) {
            String column = pareto;
            kpo.ingest.source.Field field = source.fields().stream().filter(f -> f.name().equals(column)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("measure '" + id + "': pareto '" + column
                            + "' is not a column of the " + source.code() + " source"));
            // A Pareto prints its values in the pack: never a patient's identifier.
            if (field.identifier() || field.type() != kpo.ingest.source.FieldType.TEXT) {
                throw new IllegalArgumentException("measure '" + id + "': pareto '" + column + "' must be a text "
                        + "column that identifies no one, such as a reason");
            }
        }
    }

    /** As read from a catalogue file: text names for the source, aggregate and units. */
    @JsonCreator
    static MeasureDefinition fromJson(@JsonProperty("id") String id, @JsonProperty("title") String title,
            @JsonProperty("source") String source, @JsonProperty("aggregate") String aggregate,
            @JsonProperty("filter") String filter, @JsonProperty("numerator") String numerator,
            @JsonProperty("value") String value, @JsonProperty("percentile") Double percentile,
            @JsonProperty("units") List<String> units, @JsonProperty("frequency") String frequency,
            @JsonProperty("pareto") String pareto) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a measure has no id");
        }
        SourceKind kind = SourceKind.fromCode(String.valueOf(source)).orElseThrow(() -> new IllegalArgumentException(
                "measure '" + id + "': source '" + source + "'; expected waiting_list, cancellations, lead_times or measures"));
        Aggregate how = Aggregate.fromCode(String.valueOf(aggregate)).orElseThrow(() -> new IllegalArgumentException(
                "measure '" + id + "': aggregate '" + aggregate + "'; expected count, rate, sum, mean, median, "
                        + "percentile, band_percentile or each"));
        List<UnitType> unitTypes = (units == null ? List.of("trust") : units).stream()
                .map(u -> UnitType.fromCode(u).orElseThrow(() -> new IllegalArgumentException("measure '" + id
                        + "': unit '" + u + "'; expected trust, site, csu or specialty")))
                .toList();
        return new MeasureDefinition(id, title == null ? id : title, kind, how, filter, numerator, value, percentile,
                unitTypes, frequency, pareto);
    }
}
