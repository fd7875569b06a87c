package kpo.reports;

import java.time.LocalDate;

/**
 * Why a chart was rebased: printed at the phase break. The date is the one given to the engine
 * ({@code ChartSpec.rebases()}); the new phase starts at the first point on or after it.
 *
 * @param date the rebase date
 * @param reason a few words for the chart, e.g. "New booking process"
 */
public record Rebase(LocalDate date, String reason) {

    public Rebase {
        Checks.required(date, "rebase date");
        Checks.text(reason, "rebase reason");
    }
}
