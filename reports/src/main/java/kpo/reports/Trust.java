package kpo.reports;

/**
 * The trust a pack is for.
 *
 * @param code ODS code, e.g. {@code RR8}
 * @param name the name the board uses, e.g. "Leeds Teaching Hospitals NHS Trust"
 */
public record Trust(String code, String name) {

    public Trust {
        Checks.text(code, "trust code");
        Checks.text(name, "trust name");
    }
}
