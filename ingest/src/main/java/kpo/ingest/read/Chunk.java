package kpo.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of whole lines of a text file, so that one large extract is read by several tasks at once.
 * A file is cut at line starts into pieces of about {@link #TARGET_BYTES}; each piece knows the
 * physical line it begins on, so that rejects still name the true line. A file with a double quote
 * anywhere is read in one piece, since a quoted field may hold a line break.
 *
 * @param file the file
 * @param start the byte where the chunk's first line starts
 * @param end the byte after its last line
 * @param firstLine the physical line number of its first line (the header is line 1)
 */
public record Chunk(String file, long start, long end, long firstLine) implements Serializable {

    /** About 32 MB a task: enough work to pay for a task, small enough to keep every core busy. */
    public static final long TARGET_BYTES = 32L << 20;

    /** Whether this chunk holds the file's header (its first line). */
    public boolean holdsHeader() {
        return start == 0;
    }

    /** Counts each piece's line breaks and quotes ({@link #scan}), on an engine's threads or tasks. */
    @FunctionalInterface
    public interface Scanner {
        List<long[]> scan(List<Chunk> pieces);
    }

    /**
     * The chunks of {@code files}: pieces of about {@code targetBytes} cut at line starts, each with
     * the line it begins on (a piece's line breaks are counted by {@code scanner}); a CSV file with a
     * quote anywhere in one piece, since a quoted field may hold a line break.
     *
     * @param quotesMatter true for CSV, where a quote may hide a line break; JSON lines never do
     */
    public static List<Chunk> of(List<Path> files, boolean quotesMatter, long targetBytes, Scanner scanner) {
        List<Chunk> whole = new ArrayList<>();
        List<Chunk> pieces = new ArrayList<>();
        for (Path file : files) {
            long size = file.toFile().length();
            if (size <= targetBytes) {
                whole.add(new Chunk(file.toString(), 0, size, 1));
                continue;
            }
            long previous = 0;
            for (long cut = targetBytes; cut < size; cut += targetBytes) {
                long lineStart = nextLineStart(file, cut);
                if (lineStart > previous && lineStart < size) {
                    pieces.add(new Chunk(file.toString(), previous, lineStart, 0));
                    previous = lineStart;
                }
            }
            pieces.add(new Chunk(file.toString(), previous, size, 0));
        }
        if (pieces.isEmpty()) {
            return whole;
        }
        // Line breaks and quotes per piece, in one pass over the bytes on every core.
        List<long[]> counts = scanner.scan(pieces);
        List<Chunk> result = new ArrayList<>(whole);
        int i = 0;
        while (i < pieces.size()) {
            String file = pieces.get(i).file();
            int first = i;
            boolean quoted = false;
            while (i < pieces.size() && pieces.get(i).file().equals(file)) {
                quoted |= quotesMatter && counts.get(i)[1] > 0;
                i++;
            }
            if (quoted) {
                result.add(new Chunk(file, 0, pieces.get(i - 1).end(), 1));
                continue;
            }
            long line = 1;
            for (int k = first; k < i; k++) {
                Chunk c = pieces.get(k);
                result.add(new Chunk(file, c.start(), c.end(), line));
                line += counts.get(k)[0];
            }
        }
        return result;
    }

    /** The first byte at or after {@code at} that starts a line. */
    private static long nextLineStart(Path file, long at) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in = java.nio.channels.Channels.newInputStream(channel.position(at - 1))) {
            long position = at - 1;
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    return position;
                }
            }
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {line breaks, double quotes} in this chunk's bytes. */
    public long[] scan() throws IOException {
        long lines = 0;
        long quotes = 0;
        try (InputStream in = open()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int k = 0; k < n; k++) {
                    if (buffer[k] == '\n') {
                        lines++;
                    } else if (buffer[k] == '"') {
                        quotes++;
                    }
                }
            }
        }
        return new long[] {lines, quotes};
    }

    /** The chunk's bytes. */
    InputStream open() throws IOException {
        FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ).position(start);
        InputStream all = java.nio.channels.Channels.newInputStream(channel);
        return new InputStream() {
            private long left = end - start;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = all.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = all.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                all.close();
            }
        };
    }
}
