package kpo.ingest.nhs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The treatment function codes of the RTT returns from April 2021 (shared/data/SCHEMAS.md B3):
 * eighteen named services {@code C_nnn}, five "other" groups {@code X02..X06} and the total
 * {@code C_999}. A trust's own export may write {@code 110} for {@code C_110}; old returns wrote
 * {@code IP110} or {@code X01}, which are mapped where the meaning is the same.
 */
public final class TreatmentFunctions {

    private static final Map<String, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry("C_100", "General Surgery"), Map.entry("C_101", "Urology"),
            Map.entry("C_110", "Trauma and Orthopaedic"), Map.entry("C_120", "Ear Nose and Throat"),
            Map.entry("C_130", "Ophthalmology"), Map.entry("C_140", "Oral Surgery"),
            Map.entry("C_150", "Neurosurgical"), Map.entry("C_160", "Plastic Surgery"),
            Map.entry("C_170", "Cardiothoracic Surgery"), Map.entry("C_300", "General Internal Medicine"),
            Map.entry("C_301", "Gastroenterology"), Map.entry("C_320", "Cardiology"),
            Map.entry("C_330", "Dermatology"), Map.entry("C_340", "Respiratory Medicine"),
            Map.entry("C_400", "Neurology"), Map.entry("C_410", "Rheumatology"),
            Map.entry("C_430", "Elderly Medicine"), Map.entry("C_502", "Gynaecology"),
            Map.entry("X02", "Other - Medical Services"), Map.entry("X03", "Other - Mental Health Services"),
            Map.entry("X04", "Other - Paediatric Services"), Map.entry("X05", "Other - Surgical Services"),
            Map.entry("X06", "Other - Other Services"), Map.entry("C_999", "Total")));

    private TreatmentFunctions() {
    }

    /**
     * The canonical code of {@code text}: {@code C_110}, {@code 110}, {@code c_110} and {@code IP110}
     * all give {@code C_110}; {@code X04} gives itself; empty when it is not a known code.
     */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (code.length() == 5 && (code.startsWith("IP") || code.startsWith("AP") || code.startsWith("NP"))) {
            code = code.substring(2);
        }
        if (code.length() == 3 && Character.isDigit(code.charAt(0))) {
            code = "C_" + code;
        }
        return NAMES.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    /** The service name of a canonical code. */
    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** Every known code, sorted. */
    public static java.util.Set<String> codes() {
        return NAMES.keySet();
    }
}
