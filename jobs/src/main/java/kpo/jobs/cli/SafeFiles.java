package kpo.jobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing files so that a reader never sees half of one; checking a file a command is to read. */
public final class SafeFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    /**
     * Checks that {@code file} can be read, before a command reads it.
     *
     * @param shown the file as the user named it, for the message
     * @throws UserError a failure (exit 1) when it is a folder, does not exist or may not be read
     */
    public static void requireReadable(Path file, String shown) {
        if (Files.isDirectory(file)) {
            throw UserError.failure("cannot read " + shown + ": it is a folder, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw UserError.failure("cannot read " + shown + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw UserError.failure("cannot read " + shown + ": permission denied");
        }
    }

    /**
     * Writes {@code target} through a temporary file beside it, renamed into place when complete: a
     * failure leaves any earlier file as it was.
     */
    public static void writeAtomically(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            // Not createTempFile: its owner-only permissions would carry over to the result.
            temporary = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(temporary, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw UserError.failure("cannot write " + target + ": the folder " + folder + " does not exist");
        } catch (AccessDeniedException e) {
            throw UserError.failure("cannot write " + target + ": permission denied");
        } catch (IOException e) {
            throw UserError.failure("cannot write " + target + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with a dot and ends in .tmp
                }
            }
        }
    }
}
