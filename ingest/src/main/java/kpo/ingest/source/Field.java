package kpo.ingest.source;

import java.io.Serializable;

/**
 * One column of a source's default schema.
 *
 * @param name the default column name, which a file can use with no mapping
 * @param type how it is read
 * @param required whether an empty value rejects the row
 * @param identifier a patient identifier: pseudonymised at read time, masked in rejects
 */
public record Field(String name, FieldType type, boolean required, boolean identifier) implements Serializable {

    static Field required(String name, FieldType type) {
        return new Field(name, type, true, false);
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, false, false);
    }

    static Field identifier(String name, boolean required) {
        return new Field(name, FieldType.TEXT, required, true);
    }
}
