package kpo.ingest.nhs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Treatment function codes: the national list a trust's PAS records each pathway with (NHS Data
 * Dictionary, 178 codes such as 171 Paediatric Surgery or 420 Paediatrics, shipped as data in
 * {@code treatment_functions.json} with its source and date), the groups NHS England's RTT return
 * reports them in (eighteen treatment functions as {@code C_nnn}, the rest in {@code X02..X06};
 * {@code C_999} the total; shared/data/SCHEMAS.md B3), and a trust's own local codes with the
 * group each falls in.
 *
 * <p>Codes are kept in one canonical form: {@code C_171} for a national or numeric local code
 * ({@code 171}, {@code c_171} and, from old returns, {@code IP171} all give it), {@code X04} for a
 * group, and a local code's own upper-cased spelling otherwise.
 */
public final class TreatmentFunctions implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One code of the list.
     *
     * @param code the canonical code, e.g. {@code C_171}
     * @param name the service's name without the Data Dictionary's "Service", e.g. "Paediatric Surgery"
     * @param group the RTT reporting group it is counted in, e.g. {@code X04}; a group's own code for a group
     */
    public record Code(String code, String name, String group) implements Serializable {
    }

    /** The groups of the RTT return from April 2021, with their published names. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
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
            Map.entry("X06", "Other - Other Services"), Map.entry("C_999", "Total"));

    private static final TreatmentFunctions NATIONAL = new TreatmentFunctions(readNational());

    /** Canonical code → its entry. */
    private final Map<String, Code> codes;

    private TreatmentFunctions(Map<String, Code> codes) {
        this.codes = Collections.unmodifiableMap(new TreeMap<>(codes));
    }

    /** The national list and the RTT groups. */
    public static TreatmentFunctions national() {
        return NATIONAL;
    }

    /**
     * This list with a trust's local codes added.
     *
     * @throws IllegalArgumentException naming the code, for one the list already has or a group that is not an RTT group
     */
    public TreatmentFunctions withLocal(Collection<Code> local) {
        Map<String, Code> all = new LinkedHashMap<>(codes);
        for (Code c : local) {
            String code = canonicalForm(c.code());
            if (all.containsKey(code)) {
                throw new IllegalArgumentException("treatment function '" + c.code() + "' is already "
                        + (GROUPS.containsKey(code) ? "an RTT reporting group" : "a national code") + " ("
                        + all.get(code).name() + ")");
            }
            if (!isGroup(c.group()) || c.group().equals("C_999")) {
                throw new IllegalArgumentException("treatment function '" + c.code() + "' has RTT group '" + c.group()
                        + "'; expected one of " + String.join(", ", groups()));
            }
            all.put(code, new Code(code, c.name(), c.group()));
        }
        return new TreatmentFunctions(all);
    }

    /** Whether {@code code} is one of the RTT return's groups ({@code C_110}, {@code X04}, {@code C_999}). */
    public static boolean isGroup(String code) {
        return code != null && GROUPS.containsKey(code);
    }

    /** The RTT return's groups a code may fall in (not the total), sorted. */
    public static Set<String> groups() {
        Set<String> groups = new java.util.TreeSet<>(GROUPS.keySet());
        groups.remove("C_999");
        return groups;
    }

    /** The canonical code of {@code text}; empty when the list does not know it. */
    public Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = canonicalForm(text);
        return codes.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    /** {@code text} in the canonical spelling, known or not. */
    static String canonicalForm(String text) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (code.length() == 5 && (code.startsWith("IP") || code.startsWith("AP") || code.startsWith("NP"))) {
            code = code.substring(2);
        }
        if (code.length() == 3 && Character.isDigit(code.charAt(0)) && Character.isDigit(code.charAt(1))
                && Character.isDigit(code.charAt(2))) {
            code = "C_" + code;
        }
        return code;
    }

    /** The service's name of a canonical code; the code itself when the list does not know it. */
    public String name(String code) {
        Code c = codes.get(code);
        return c == null ? code : c.name();
    }

    /** The RTT reporting group a canonical code is counted in; the code itself when the list does not know it. */
    public String group(String code) {
        Code c = codes.get(code);
        return c == null ? code : c.group();
    }

    /** Every code the list knows, in canonical form, sorted. */
    public Set<String> codes() {
        return codes.keySet();
    }

    /** The national codes and the groups, from {@code treatment_functions.json}. */
    private static Map<String, Code> readNational() {
        Map<String, Code> all = new LinkedHashMap<>();
        GROUPS.forEach((code, name) -> all.put(code, new Code(code, name, code)));
        try (InputStream in = TreatmentFunctions.class.getResourceAsStream("treatment_functions.json")) {
            JsonNode list = new ObjectMapper().readTree(in).get("codes");
            for (JsonNode c : list) {
                String code = canonicalForm(c.get("code").asText());
                String name = c.get("name").asText().replaceFirst(" Service$", "");
                String group = c.get("rtt_group").asText();
                // A code that is its own group keeps the return's name for it.
                all.putIfAbsent(code, new Code(code, name, group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the national treatment function list cannot be read", e);
        }
        return all;
    }
}
