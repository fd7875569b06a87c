package kpo.ingest.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where a text file stops being UTF-8. The readers decode in large blocks, so the decoder's failure
 * says nothing about the line; when it happens, the file is scanned again line by line (on the
 * error path only) so that the message can name the line to fix.
 */
public final class Utf8Lines {

    private Utf8Lines() {
    }

    /** The physical line (from 1) of the first bytes that are not UTF-8, or empty when every line is. */
    public static OptionalLong firstMalformed(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return OptionalLong.of(number);
                    }
                    if (b < 0) {
                        return OptionalLong.empty();
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        }
    }

    /** "FILE:LINE: the file is not UTF-8 text …", the line found by {@link #firstMalformed}. */
    static String notUtf8(Path file) {
        OptionalLong line;
        try {
            line = firstMalformed(file);
        } catch (IOException e) {
            line = OptionalLong.empty();
        }
        return file + (line.isPresent() ? ":" + line.getAsLong() : "") + ": the file is not UTF-8 text (a byte on this "
                + "line is not UTF-8); save the extract as UTF-8 (in Excel: CSV UTF-8)";
    }
}
