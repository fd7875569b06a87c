package kpo.ingest.nhs;

import java.util.regex.Pattern;

/**
 * Organisation Data Service codes (shared/data/SCHEMAS.md B5): a trust is 3 or 5 upper-case
 * letters and digits (RR8, G6V2S), a trust site 5 (RR801). Codes are never numbers: keep 00Q as
 * it is.
 */
public final class OdsCode {

    private static final Pattern ORGANISATION = Pattern.compile("[A-Z0-9]{3}|[A-Z0-9]{5}");
    private static final Pattern SITE = Pattern.compile("[A-Z0-9]{5}");
    /** Any organisation in NHS England's published files: trusts, sites, GP practices (C82009), others (Y00751). */
    private static final Pattern ANY = Pattern.compile("[A-Z0-9]{3,6}");

    private OdsCode() {
    }

    public static boolean organisation(String code) {
        return code != null && ORGANISATION.matcher(code).matches();
    }

    /** Any ODS organisation code, 3 to 6 letters and digits, as the A&E file's providers have. */
    public static boolean any(String code) {
        return code != null && ANY.matcher(code).matches();
    }

    /** Whether {@code code} is exactly {@code length} upper-case letters and digits: 3 for a trust, 5 for a site. */
    public static boolean ofLength(String code, int length) {
        if (code == null || code.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public static boolean site(String code) {
        return code != null && SITE.matcher(code).matches();
    }
}
