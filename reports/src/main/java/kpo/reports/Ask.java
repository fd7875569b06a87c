package kpo.reports;

/**
 * What the board is asked to do with something in the pack: to note it, or to decide on it. Written
 * by the KPO in the config ({@code asks}); the executive summary lists them last, after what
 * changed the picture, so that a board member knows what the paper wants from them.
 *
 * @param text the ask in plain words ("Approve the revised trajectory for 52-week waits")
 * @param decision true for a decision, false for something to note
 * @param measureId the pack measure it concerns, or null
 */
public record Ask(String text, boolean decision, String measureId) {

    public Ask {
        Checks.required(text, "the ask's text");
    }
}
