package kpo.ingest.nhs;

/**
 * NHS number checks (NHS Data Dictionary; shared/data/SCHEMAS.md B4): ten digits, shown as
 * {@code 943 476 5919}, whose tenth is a modulus 11 check digit over weights 10..2.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /**
     * Whether {@code text} is a valid NHS number: exactly ten digits once spaces are removed, the
     * check digit right ({@code 11 − Σ dᵢ·(11 − i) mod 11}, 11 → 0, 10 → no valid number), and not
     * all one digit (passes the checksum, never issued).
     */
    public static boolean valid(String text) {
        String digits = digitsOf(text);
        if (digits == null) {
            return false;
        }
        boolean allSame = true;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
            allSame &= digits.charAt(i) == digits.charAt(0);
        }
        if (allSame && digits.charAt(9) == digits.charAt(0)) {
            return false;
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return false;
        }
        return (check == 11 ? 0 : check) == digits.charAt(9) - '0';
    }

    /** The ten digits of {@code text} with spaces removed, or null when it is not ten digits. */
    public static String digitsOf(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(10);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c < '0' || c > '9' || digits.length() == 10) {
                return null;
            }
            digits.append(c);
        }
        return digits.length() == 10 ? digits.toString() : null;
    }

    /**
     * A valid number in the test range 999 000 0000 – 999 999 9999, which is never issued, for
     * generated data: {@code 999} and six digits from {@code seed}, moving on to the next six where
     * no check digit exists.
     */
    public static String testNumber(long seed) {
        for (long body = Math.floorMod(seed, 1_000_000L); ; body = (body + 1) % 1_000_000L) {
            String first = "999" + String.format(java.util.Locale.ROOT, "%06d", body);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return first + (check == 11 ? 0 : check);
            }
        }
    }
}
