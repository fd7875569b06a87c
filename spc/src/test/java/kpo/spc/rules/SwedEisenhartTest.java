package kpo.spc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IHI runs limits against a count of every arrangement: for n useful points split ⌊n/2⌋ below
 * and ⌈n/2⌉ above the centre, the fewest runs that are not a signal is the smallest r with
 * P(R ≤ r) above 2.5%, and the most the largest r with P(R ≥ r) above 2.5% (Swed & Eisenhart 1943).
 * Enumerating the arrangements checks the closed-form count of arrangements with r runs.
 */
class SwedEisenhartTest {

    @ParameterizedTest(name = "n = {0}: {1} to {2} runs")
    @CsvSource({"10, 3, 9", "20, 7, 15", "30, 11, 21", "60, 24, 38"})
    void theRunsLimitsAreThoseOfTheExactDistribution(int n, int fewest, int most) {
        assertEquals(fewest, SwedEisenhart.fewestRuns(n));
        assertEquals(most, SwedEisenhart.mostRuns(n));
    }

    @Test
    void everyArrangementCountedGivesTheSameLimitsUpToEighteenPoints() {
        for (int n = 2; n <= 18; n++) {
            int below = n / 2;
            long[] byRuns = new long[n + 1];
            long total = 0;
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) != below) {
                    continue;
                }
                int runs = 1;
                for (int i = 1; i < n; i++) {
                    if (((mask >> i) & 1) != ((mask >> (i - 1)) & 1)) {
                        runs++;
                    }
                }
                byRuns[runs]++;
                total++;
            }
            int fewest = 1;
            long cumulative = 0;
            for (int r = 1; r <= n; r++) {
                cumulative += byRuns[r];
                if (cumulative * 40 > total) {
                    fewest = r;
                    break;
                }
            }
            int most = n;
            cumulative = 0;
            for (int r = n; r >= 1; r--) {
                cumulative += byRuns[r];
                if (cumulative * 40 > total) {
                    most = r;
                    break;
                }
            }
            assertEquals(fewest, SwedEisenhart.fewestRuns(n), "fewest runs, n = " + n);
            assertEquals(most, SwedEisenhart.mostRuns(n), "most runs, n = " + n);
        }
    }

    @Test
    void theLimitsWidenAsTheSeriesGrows() {
        for (int n = 10; n < 100; n++) {
            assertTrue(SwedEisenhart.fewestRuns(n) <= SwedEisenhart.fewestRuns(n + 1), "n = " + n);
            assertTrue(SwedEisenhart.mostRuns(n) <= SwedEisenhart.mostRuns(n + 1), "n = " + n);
            assertTrue(SwedEisenhart.fewestRuns(n) < SwedEisenhart.mostRuns(n), "n = " + n);
        }
    }
}
