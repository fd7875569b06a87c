package kpo.ingest;

/**
 * A source that cannot be used: missing, unreadable, with the wrong header, or with too many
 * rejected rows. The message is one sentence naming the file, for the person who can fix it.
 */
public final class IngestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message, null, false, false);
    }
}
