package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kpo.ingest.BothEngines;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A trust's own PTL extract as its PAS writes it: national treatment function codes (171 Paediatric
 * Surgery, 420 Paediatrics), a local code the config adds, old and group spellings, and ODS codes in
 * the wrong columns. Every reject is the expected one and the measures count each code as its own.
 */
class RealExtractTest extends BothEngines {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 30);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey("a test key of thirty-two bytes!!".getBytes(
            StandardCharsets.UTF_8));
    private static final String HEADER = "snapshot_date,trust_code,site_code,csu,specialty,pathway_id,nhs_number,"
            + "clock_start_date,priority,list_type\n";
    private static final TreatmentFunctions CODES = TreatmentFunctions.national().withLocal(List.of(
            new TreatmentFunctions.Code("850", "Hospital at Home", "X02")));

    @TempDir
    Path folder;

    private void extracts() throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in").resolve("ptl_2025-10-31.csv"), HEADER
                + "2025-10-31,RR8,RR801,Children,171,P1,,2025-06-01,,\n"        // 2 ok: C_171
                + "2025-10-31,RR8,RR802,Children,C_171,P2,,2025-07-01,,\n"      // 3 ok
                + "2025-10-31,RR8,RR801,Children,420,P3,,2025-08-01,,\n"        // 4 ok: C_420
                + "2025-10-31,RR8,RR801,Medicine,850,P4,,2025-08-01,,\n"        // 5 ok: the local code
                + "2025-10-31,RR8,RR801,Medicine,851,P5,,2025-08-01,,\n"        // 6 in no list
                + "2025-10-31,RR801,RR801,Children,171,P6,,2025-06-01,,\n"      // 7 a site code as the trust
                + "2025-10-31,RR8,RR8,Children,171,P7,,2025-06-01,,\n"          // 8 the trust code as the site
                + "2025-10-31,RR8,RX101,Children,171,P8,,2025-06-01,,\n"        // 9 another trust's site
                + "2025-10-31,RX1,RX101,Children,171,P9,,2025-06-01,,\n"        // 10 another trust
                + "2025-10-31,RR8,,Children,X04,P10,,2025-06-01,,\n"            // 11 ok: an RTT group
                + "2025-10-31,RR8,RR801,Children,IP171,P11,,2025-06-01,,\n"     // 12 ok: an old return's spelling
                + "2025-10-31,RR8,RR801,Children,171,P1,,2025-06-01,,\n",       // 13 P1 again in this extract
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("in").resolve("ptl_2025-09-30.csv"), HEADER
                + "2025-09-30,RR8,RR801,Children,171,P1,,2025-06-01,,\n",       // 2 ok: P1 in another extract
                StandardCharsets.UTF_8);
    }

    private Curated read(String engine, Set<String> trusts) {
        return curate(engine(engine), folder.resolve("store"), SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST,
                folder.resolve("in").toString()).maxRejectRate(1.0), new ReadContext(AS_OF, trusts, CODES), KEY);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyRejectIsTheExpectedOneAndEachCodeCountsAsItself(String engine) throws IOException {
        extracts();
        Curated c = read(engine, Set.of("RR8"));
        Map<Long, String> rejects = new TreeMap<>();
        for (Rejection r : c.rejects()) {
            if (r.file().contains("2025-10-31")) {
                rejects.put(r.line(), r.column() + ":" + r.reason().code());
            }
        }
        assertEquals(Map.of(6L, "specialty:unknown_treatment_function", 7L, "trust_code:bad_ods_code",
                8L, "site_code:bad_ods_code", 9L, "site_code:bad_ods_code", 10L, "trust_code:other_trust",
                13L, "pathway_id:duplicate_pathway"), rejects);
        assertEquals(13, c.curation().read());
        assertEquals(7, c.curation().accepted());

        Map<String, Double> october = new TreeMap<>();
        c.engine().attach(Map.of(SourceKind.WAITING_LIST, List.of(c.store().table("waiting_list"))));
        for (SeriesRow r : SeriesSql.run(SeriesSql.compile(List.of(MeasureCatalogue.builtIn().get("wl_size")
                .orElseThrow()), SeriesSql.Scope.all(null)), c.engine()::rows)) {
            if (r.unitType().equals("specialty") && r.period().equals(LocalDate.of(2025, 10, 1))) {
                october.put(r.unitCode(), r.value());
            }
        }
        assertEquals(Map.of("C_171", 3.0, "C_420", 1.0, "C_850", 1.0, "X04", 1.0), october);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aSystemNamesEveryMember(String engine) throws IOException {
        extracts();
        Curated c = read(engine, Set.of("RR8", "RX1"));
        assertEquals(8, c.curation().accepted(), "RX1's row is a member's");
        assertEquals(Map.of(Reason.UNKNOWN_TREATMENT_FUNCTION, 1L, Reason.BAD_ODS_CODE, 3L,
                Reason.DUPLICATE_PATHWAY, 1L), c.curation().rejectedByReason());
    }
}
