package kpo.ingest.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces patient identifiers with a keyed pseudonym, {@code HMAC-SHA256(key, identifier)}
 * truncated to 128 bits in hex: the same patient gets the same pseudonym in every extract and every
 * month, and without the key nobody can go back or test a guess. The key is never printed;
 * {@link #toString()} says so.
 */
public final class Pseudonymiser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The environment variable that may hold the key. */
    public static final String KEY_VARIABLE = "KPO_PSEUDONYM_KEY";
    /** The shortest key accepted: 16 bytes, as NIST SP 800-107 asks of an HMAC key for 128-bit security. */
    public static final int MINIMUM_KEY_BYTES = 16;

    private final byte[] key;
    /** A Mac is not thread-safe, and a broadcast pseudonymiser is shared by an executor's tasks. */
    private transient ThreadLocal<Mac> macs;

    private Pseudonymiser(byte[] key) {
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key is too short: use at least " + MINIMUM_KEY_BYTES
                    + " bytes (e.g. the output of `openssl rand -hex 32`)");
        }
        this.key = key.clone();
    }

    public static Pseudonymiser withKey(byte[] key) {
        return new Pseudonymiser(key);
    }

    /**
     * The key from {@code keyFile} when given, else from {@value #KEY_VARIABLE}; empty when neither
     * is set. Surrounding white space in a key file is ignored.
     */
    public static Optional<Pseudonymiser> configured(Path keyFile, String environmentValue) throws IOException {
        if (keyFile != null) {
            byte[] bytes = Files.readString(keyFile, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            return Optional.of(new Pseudonymiser(bytes));
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return Optional.of(new Pseudonymiser(environmentValue.strip().getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** The pseudonym of {@code identifier} (white space removed first, so "943 476 5919" = "9434765919"). */
    public String pseudonym(String identifier) {
        String canonical = identifier.replace(" ", "");
        byte[] digest = mac().doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
    }

    private Mac mac() {
        if (macs == null) {
            macs = ThreadLocal.withInitial(this::newMac); // benign race: each ThreadLocal gives equal Macs
        }
        return macs.get();
    }

    private Mac newMac() {
        try {
            Mac created = Mac.getInstance("HmacSHA256");
            created.init(new SecretKeySpec(key, "HmacSHA256"));
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** Masks an identifier for a rejects file: its length survives, its digits do not. */
    public static String mask(String identifier) {
        return identifier == null ? null : "*".repeat(Math.min(identifier.length(), 12));
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key hidden]";
    }
}
