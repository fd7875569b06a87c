package kpo.ingest.generate;

import java.util.List;

/**
 * The organisation of the generated teaching trust: its CSUs, the treatment functions each runs,
 * and their share of the waiting list. Modelled on the size of a large acute teaching trust
 * (about 90,000 open pathways at the large scale; shared/data/SCHEMAS.md part C puts the largest
 * trusts at 85,000–175,000).
 */
final class TrustShape {

    private TrustShape() {
    }

    /**
     * A CSU and its treatment functions.
     *
     * @param name the CSU's name as the trust writes it
     * @param specialties treatment function codes
     * @param weight its share of new referrals, relative
     */
    record Csu(String name, List<String> specialties, double weight) {
    }

    /** The paediatric CSU and specialty whose list is validated down in the planted story. */
    static final String CHILDREN = "Children's Services";
    static final String PAEDIATRICS = "X04";
    static final String RESPIRATORY_CSU = "Respiratory Medicine";
    static final String CARDIAC_CSU = "Children's Cardiac Services";

    static final List<Csu> CSUS = List.of(
            new Csu("Trauma and Orthopaedics", List.of("C_110"), 9),
            new Csu("General Surgery", List.of("C_100"), 6),
            new Csu("Urology", List.of("C_101"), 4),
            new Csu("Head and Neck", List.of("C_120", "C_140"), 6),
            new Csu("Ophthalmology", List.of("C_130"), 7),
            new Csu("Neurosciences", List.of("C_150", "C_400"), 4),
            new Csu("Plastic Surgery and Burns", List.of("C_160"), 2),
            new Csu("Cardiothoracic Surgery", List.of("C_170"), 1.5),
            new Csu("Acute Medicine", List.of("C_300"), 2),
            new Csu("Digestive Diseases", List.of("C_301"), 5),
            new Csu("Cardiology", List.of("C_320"), 4),
            new Csu("Dermatology", List.of("C_330"), 5),
            new Csu(RESPIRATORY_CSU, List.of("C_340"), 3),
            new Csu("Rheumatology", List.of("C_410"), 2),
            new Csu("Elderly Medicine", List.of("C_430"), 1.5),
            new Csu("Women's Services", List.of("C_502"), 5),
            new Csu(CHILDREN, List.of(PAEDIATRICS), 1.6),
            new Csu(CARDIAC_CSU, List.of("C_170"), 0.4),
            new Csu("Mental Health Liaison", List.of("X03"), 0.8),
            new Csu("Specialist Medicine", List.of("X02", "X05", "X06"), 4));

    /** Sites: the trust code and two characters (ODS). */
    static List<String> sites(String trust) {
        return List.of(trust + "01", trust + "02", trust + "03", trust + "04", trust + "05");
    }
}
