package kpo.spc.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the funnel limits: every expected number was computed from Spiegelhalter (2005)'s
 * formulas by a separate implementation (Python 3, statistics.NormalDist, R's quantile type 7 for
 * the winsorising percentiles), not by this code, and is compared to 1e-9.
 */
class FunnelTest {

    private static final double EXACT = 1e-9;

    /** Ten theatres' on-the-day cancellations: cancelled over operations. */
    private static final List<FunnelUnit> THEATRES = List.of(new FunnelUnit("A", 12, 180), new FunnelUnit("B", 30, 210),
            new FunnelUnit("C", 9, 150), new FunnelUnit("D", 45, 400), new FunnelUnit("E", 20, 240),
            new FunnelUnit("F", 5, 90), new FunnelUnit("G", 60, 520), new FunnelUnit("H", 14, 300),
            new FunnelUnit("I", 33, 260), new FunnelUnit("J", 8, 120));

    /** Six areas' admissions per population (a rate). */
    private static final List<FunnelUnit> AREAS = List.of(new FunnelUnit("A", 30, 12000),
            new FunnelUnit("B", 55, 15000), new FunnelUnit("C", 12, 8000), new FunnelUnit("D", 80, 21000),
            new FunnelUnit("E", 25, 9000), new FunnelUnit("F", 40, 20000));

    private static final double POOLED = 0.09554655870445344;

    @Test
    void proportionsAgainstThePooledValueWithChanceOnly() {
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION), THEATRES);
        assertEquals(POOLED, funnel.target(), EXACT);
        double[] z = {-1.318047875099028, 2.3322082384520333, -1.4809573775461302, 1.1534193417259275,
            -0.6436286377769914, -1.290574026285696, 1.5388637379158554, -2.8799850460249488, 1.721039312064987,
            -1.076181583517411};
        for (int i = 0; i < z.length; i++) {
            assertEquals(z[i], funnel.points().get(i).z(), EXACT, THEATRES.get(i).unit());
        }
        assertEquals(0.0591065292535044, funnel.lower(0.95, 250), EXACT);
        assertEquals(0.13198658815540248, funnel.upper(0.95, 250), EXACT);
        assertEquals(0.03809236202774505, funnel.lower(0.998, 250), EXACT);
        assertEquals(0.15300075538116184, funnel.upper(0.998, 250), EXACT);
        assertEquals(1.9632213337615148, funnel.phi(), EXACT, "reported whatever the method");
        // B is beyond the 95% limits (z 2.33) but within 99.8% (3.09); H below the 95% (−2.88).
        assertEquals(List.of("B", "H"), funnel.outliers().stream().map(FunnelPoint::unit).toList());
        FunnelPoint b = funnel.points().get(1);
        assertEquals(0.95, b.beyond());
        assertEquals(1, b.side());
        assertEquals(-1, funnel.points().get(7).side());
    }

    @Test
    void multiplicativeOverdispersionWidensByRootPhi() {
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION)
                .overdispersion(Overdispersion.MULTIPLICATIVE), THEATRES);
        assertEquals(Math.sqrt(1.9632213337615148), funnel.scale(), EXACT);
        assertEquals(0.015044610799994113, funnel.lower(0.998, 250), EXACT);
        assertEquals(0.17604850660891277, funnel.upper(0.998, 250), EXACT);
        assertEquals(1.664495758314939, funnel.points().get(1).z(), EXACT);
        assertEquals(List.of("H"), funnel.outliers().stream().map(FunnelPoint::unit).toList(),
                "with the allowance only H stays beyond 95%");
    }

    @Test
    void additiveRandomEffectsAddTauSquared() {
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION).overdispersion(Overdispersion.ADDITIVE),
                THEATRES);
        assertEquals(0.0004254859009080741, funnel.tau2(), EXACT);
        assertEquals(0.009731772572210834, funnel.lower(0.998, 250), EXACT);
        assertEquals(0.18136134483669605, funnel.upper(0.998, 250), EXACT);
        assertEquals(1.6352955583307043, funnel.points().get(1).z(), EXACT);
    }

    @Test
    void laneyScalesByTheMovingRangeOfZ() {
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION).overdispersion(Overdispersion.LANEY),
                THEATRES);
        assertEquals(1.8511339461088365, funnel.scale(), EXACT);
        assertEquals(-0.010808855110214968, funnel.lower(0.998, 250), EXACT, "as computed; a reader shows 0");
        assertEquals(0.20190197251912184, funnel.upper(0.998, 250), EXACT);
    }

    @Test
    void ratesUsePoissonSpread() {
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.RATE), AREAS);
        assertEquals(0.0028470588235294117, funnel.target(), EXACT);
        assertEquals(3.2039511301521593, funnel.phi(), EXACT);
        double[] z = {-0.7125174306390765, 1.881280331655681, -2.258048856385103, 2.613944524076968,
            -0.12317922548154714, -2.2450723873201155};
        for (int i = 0; i < z.length; i++) {
            assertEquals(z[i], funnel.points().get(i).z(), EXACT, AREAS.get(i).unit());
        }
        assertEquals(0.00180126442544334, funnel.lower(0.95, 10000), EXACT);
        assertEquals(0.0038928532216154837, funnel.upper(0.95, 10000), EXACT);
        assertEquals(5.863947258911303e-07, Funnel.of(FunnelSpec.of(FunnelKind.RATE)
                .overdispersion(Overdispersion.ADDITIVE), AREAS).tau2(), 1e-15);
    }

    @Test
    void theQuantilesAreTheNormals() {
        assertEquals(1.9599639845400536, Funnel.quantile(0.95), EXACT);
        assertEquals(3.090232306167813, Funnel.quantile(0.998), EXACT);
    }

    /** A given target replaces the pooled value; under-dispersion is not deflated by the multiplicative method. */
    @Test
    void aGivenTargetAndUnderDispersion() {
        List<FunnelUnit> calm = List.of(new FunnelUnit("a", 50, 1000), new FunnelUnit("b", 51, 1000),
                new FunnelUnit("c", 49, 1000));
        FunnelResult funnel = Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION).target(0.05)
                .overdispersion(Overdispersion.MULTIPLICATIVE), calm);
        assertEquals(0.05, funnel.target());
        assertTrue(funnel.phi() < 1);
        assertEquals(1.0, funnel.scale(), "φ < 1 leaves the limits as chance gives them");
    }

    @Test
    void whatCannotBeAFunnelSaysWhy() {
        assertEquals("a funnel compares two or more units; got 1", assertThrows(IllegalArgumentException.class,
                () -> Funnel.of(FunnelSpec.of(FunnelKind.RATE), AREAS.subList(0, 1))).getMessage());
        assertEquals("unit 'x': the numerator 12.0 is above the denominator 10.0, so the value is not a proportion",
                assertThrows(IllegalArgumentException.class, () -> Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION),
                        List.of(new FunnelUnit("x", 12, 10), new FunnelUnit("y", 1, 10)))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION),
                List.of(new FunnelUnit("x", 0, 10), new FunnelUnit("y", 0, 10)))).getMessage()
                .startsWith("the pooled value is 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FunnelUnit("z", 1, 0)).getMessage()
                .contains("the denominator is 0.0"));
        assertEquals("unit 'A' appears twice", assertThrows(IllegalArgumentException.class,
                () -> Funnel.of(FunnelSpec.of(FunnelKind.RATE), List.of(AREAS.get(0), AREAS.get(0)))).getMessage());
    }
}
