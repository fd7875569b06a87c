package kpo.ingest.source;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import kpo.ingest.nhs.TreatmentFunctions;

/**
 * What a source's rules are judged against beyond the row itself.
 *
 * @param asOf later dates are in the future
 * @param trusts the ODS codes of the trusts the config names (a system's config names every
 *     member); empty to accept any trust, as a source read outside a config is
 * @param treatmentFunctions the national list and the config's local codes
 */
public record ReadContext(LocalDate asOf, Set<String> trusts, TreatmentFunctions treatmentFunctions)
        implements Serializable {

    public ReadContext {
        trusts = Set.copyOf(trusts);
    }

    /** Any trust, the national treatment functions. */
    public static ReadContext asOf(LocalDate asOf) {
        return new ReadContext(asOf, Set.of(), TreatmentFunctions.national());
    }

    public ReadContext trusts(Set<String> value) {
        return new ReadContext(asOf, value, treatmentFunctions);
    }

    public ReadContext treatmentFunctions(TreatmentFunctions value) {
        return new ReadContext(asOf, trusts, value);
    }
}
