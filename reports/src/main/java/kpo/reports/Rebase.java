package kpo.reports;

import java.time.LocalDate;

/**
 * Why a chart was rebased: printed at the phase break and in the pack's rebase register. The date is
 * the one given to the engine ({@code ChartSpec.rebases()}); the new phase starts at the first point
 * on or after it. A rebase changes what the board is told "normal" is, so it is only credible with a
 * reason and with the name of who agreed it.
 *
 * @param date the rebase date
 * @param reason a few words for the chart, e.g. "New booking process"
 * @param agreedBy who agreed the rebase, e.g. "KPO steering group" (empty when not recorded)
 */
public record Rebase(LocalDate date, String reason, String agreedBy) {

    public Rebase {
        Checks.required(date, "rebase date");
        Checks.text(reason, "rebase reason");
        agreedBy = Checks.optional(agreedBy);
    }

    /** A rebase whose agreement was not recorded. */
    public Rebase(LocalDate date, String reason) {
        this(date, reason, "");
    }
}
