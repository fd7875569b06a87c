package kpo.ingest.measures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a Parquet file's footer in one order. The Parquet writer lists each column chunk's encodings
 * from a hash set of enum constants, whose order follows identity hash codes and so changes from
 * one JVM to the next: the same rows give different bytes, and a rerun would not be byte for byte
 * the same. Sorting the lists changes no meaning and keeps the footer's length (the same elements
 * in thrift's compact encoding), so the footer is rewritten in place.
 */
final class ParquetFooter {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetFooter() {
    }

    static void normalise(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length - 8;
        if (bytes.length < 12 || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length),
                MAGIC)) {
            throw new IOException(file + " is not a Parquet file");
        }
        int length = ByteBuffer.wrap(bytes, end, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = end - length;
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                if (chunk.getMeta_data() == null) {
                    continue;
                }
                if (chunk.getMeta_data().getEncodings() != null) {
                    chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
                }
                if (chunk.getMeta_data().getEncoding_stats() != null) {
                    chunk.getMeta_data().getEncoding_stats().sort(Comparator
                            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        Util.writeFileMetaData(footer, out);
        if (out.size() != length) {
            return; // not the same elements after all: leave the file as Parquet wrote it
        }
        System.arraycopy(out.toByteArray(), 0, bytes, start, length);
        Files.write(file, bytes);
    }
}
