package kpo.reports;

import java.time.LocalDate;

/**
 * The measure owner's commentary for the month, in the shape the board asks for: what the chart
 * shows, so what, and what is being done. Signed off by an approver.
 *
 * @param shows what the chart shows
 * @param soWhat why it matters
 * @param actions what is being done about it
 * @param author who wrote it
 * @param approver who approved it for the board
 * @param date when it was written or approved, or null where the source does not record it (an
 *     SPCreporter sheet's comment)
 */
public record Commentary(String shows, String soWhat, String actions, String author, String approver,
        LocalDate date) {

    public Commentary {
        shows = Checks.optional(shows);
        soWhat = Checks.optional(soWhat);
        actions = Checks.optional(actions);
        Checks.text(author, "commentary author");
        approver = Checks.optional(approver);
    }
}
